//! `rasd timeline`: what happened, day by day: the merged incidents and the casualty
//! figures as each claimant gave them, in one chronological list.

use std::process::ExitCode;

use anyhow::Result;
use comfy_table::Cell;
use rasd_store::{ClaimFilter, ClaimRow, Incident};
use serde::Serialize;

use crate::record::{clip, kb_name, place, print_json, table, who, DbArgs, FilterArgs, KbArgs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    kb: KbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Leave out the casualty figures.
    #[arg(long)]
    no_claims: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Entry {
    Incident { date: Option<String>, incident: Box<Incident> },
    Claim { date: Option<String>, claim: Box<ClaimRow> },
}

impl Entry {
    fn date(&self) -> &str {
        match self {
            Entry::Incident { date, .. } | Entry::Claim { date, .. } => {
                date.as_deref().unwrap_or("")
            }
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let kb = args.kb.load()?;
    let mut store = args.db.open_with_incidents(kb)?;
    let filter = args.filter.filter();
    let mut entries: Vec<Entry> = store
        .incidents(&filter)?
        .into_iter()
        .map(|i| Entry::Incident { date: i.date.clone(), incident: Box::new(i) })
        .collect();
    if !args.no_claims {
        let claims =
            store.claims(&ClaimFilter { base: filter.clone(), ..ClaimFilter::default() })?;
        entries.extend(claims.into_iter().map(|c| Entry::Claim {
            date: c.date.clone().or_else(|| c.doc.published.clone()),
            claim: Box::new(c),
        }));
    }
    // Stable: incidents before figures on the same day, each in its store order.
    entries.sort_by(|a, b| a.date().cmp(b.date()));
    if let Some(n) = filter.limit {
        entries.truncate(n);
    }
    if args.json {
        print_json(&entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        println!("nothing on record for these filters");
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = table(&["date", "what", "who / where", "according to", "sources"]);
    for e in &entries {
        match e {
            Entry::Incident { incident: i, .. } => {
                let what = match &i.mode {
                    Some(m) => format!("{} ({m})", i.event_type),
                    None => i.event_type.clone(),
                };
                let mut status = String::new();
                if i.disputed {
                    status.push_str("disputed");
                }
                if let Some(f) = i.fatalities {
                    if !status.is_empty() {
                        status.push_str("; ");
                    }
                    status.push_str(&format!("{f} killed (lowest figure)"));
                }
                let at = place(i);
                let wh = if at.is_empty() { who(i) } else { format!("{} @ {at}", who(i)) };
                t.add_row(vec![
                    Cell::new(e.date()),
                    Cell::new(what),
                    Cell::new(clip(&wh, 60)),
                    Cell::new(status),
                    Cell::new(i.sources.len()),
                ]);
            }
            Entry::Claim { claim: c, .. } => {
                let side = c
                    .side_name
                    .clone()
                    .or_else(|| {
                        c.side.as_deref().map(|s| kb_name(kb, s).unwrap_or_else(|| s.to_string()))
                    })
                    .unwrap_or_else(|| "not said".into());
                let total = if c.cumulative { ", running total" } else { "" };
                t.add_row(vec![
                    Cell::new(e.date()),
                    Cell::new(format!("{} {} {}{total}", c.figure(), c.group, c.kind)),
                    Cell::new(format!("side: {side}")),
                    Cell::new(c.claimant_label()),
                    Cell::new(&c.doc.id),
                ]);
            }
        }
    }
    println!("{t}");
    Ok(ExitCode::SUCCESS)
}
