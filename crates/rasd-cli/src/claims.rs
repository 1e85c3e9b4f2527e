//! `rasd claims`: the claims ledger. Every casualty figure, grouped by who gives it, dated,
//! with its side (and what set it), kind, group and whether it is a running total. Figures of different
//! claimants are shown apart and never added up or averaged.

use std::process::ExitCode;

use anyhow::Result;
use comfy_table::Cell;
use rasd_store::{ClaimFilter, ClaimRow};

use crate::record::{clip, kb_name, print_json, table, DbArgs, FilterArgs, KbArgs};

#[derive(clap::Args)]
pub struct Args {
    /// Only figures about this side (entity id, e.g. ARM).
    #[arg(long)]
    side: Option<String>,
    /// Only this kind: killed, injured, missing, captured, displaced.
    #[arg(long, value_parser = ["killed", "injured", "missing", "captured", "displaced"])]
    kind: Option<String>,
    /// Only figures given by this claimant (entity id, e.g. org:arm-defence-ministry);
    /// `-` for figures the articles state in their own voice.
    #[arg(long)]
    claimant: Option<String>,
    /// Only military, civilian or unspecified.
    #[arg(long, value_parser = ["military", "civilian", "unspecified"])]
    group: Option<String>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    kb: KbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
}

fn side_label(kb: &rasd_kb::Kb, c: &ClaimRow) -> String {
    match (&c.side_name, &c.side) {
        (Some(n), _) => n.clone(),
        (None, Some(s)) => kb_name(kb, s).unwrap_or_else(|| s.clone()),
        (None, None) => "(not said)".to_string(),
    }
}

/// What set a figure's side and the words that said it: `place «في الفاشر»`.
fn side_evidence(c: &ClaimRow) -> String {
    match (&c.side, &c.side_basis, &c.side_words) {
        (Some(_), Some(b), Some(w)) => format!("{b} «{}»", clip(w, 30)),
        (Some(_), Some(b), None) => b.clone(),
        _ => String::new(),
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open_existing()?;
    let kb = args.kb.load()?;
    let upper = |s: &Option<String>| {
        s.as_ref().map(|v| {
            if v.len() == 3 && v.bytes().all(|b| b.is_ascii_alphabetic()) {
                v.to_ascii_uppercase()
            } else {
                v.clone()
            }
        })
    };
    let filter = ClaimFilter {
        base: args.filter.filter(),
        side: upper(&args.side),
        kind: args.kind.clone(),
        claimant: upper(&args.claimant),
        group: args.group.clone(),
    };
    let rows = store.claims(&filter)?;
    if args.json {
        print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        println!("no casualty figures match");
        return Ok(ExitCode::SUCCESS);
    }
    // One table per claimant: a claimant's series reads top to bottom, and nothing
    // suggests its figures combine with another's.
    let mut start = 0;
    while start < rows.len() {
        let key = &rows[start].claimant;
        let end =
            rows[start..].iter().position(|r| &r.claimant != key).map_or(rows.len(), |p| start + p);
        let first = &rows[start];
        let who = match &first.claimant {
            Some(id) => format!("{} [{id}]", first.claimant_label()),
            None => "the articles themselves (no claimant named)".to_string(),
        };
        println!("Claimant: {who} — {} figure(s)", end - start);
        let mut t = table(&[
            "date",
            "side",
            "side from",
            "kind",
            "group",
            "figure",
            "total?",
            "article",
            "evidence",
        ]);
        for c in &rows[start..end] {
            t.add_row(vec![
                Cell::new(c.date.as_deref().or(c.doc.published.as_deref()).unwrap_or("")),
                Cell::new(side_label(kb, c)),
                Cell::new(side_evidence(c)),
                Cell::new(&c.kind),
                Cell::new(&c.group),
                Cell::new(c.figure()),
                Cell::new(if c.cumulative { "running total" } else { "" }),
                Cell::new(&c.doc.id),
                Cell::new(clip(&c.evidence, 70)),
            ]);
        }
        println!("{t}\n");
        start = end;
    }
    Ok(ExitCode::SUCCESS)
}
