//! `rasd incidents`: happenings merged across articles, with their sources; `--id` shows
//! one incident with the evidence of each source.

use std::process::ExitCode;

use anyhow::{bail, Result};
use comfy_table::Cell;
use rasd_store::Incident;

use crate::record::{clip, place, print_json, table, who, DbArgs, FilterArgs};

#[derive(clap::Args)]
pub struct Args {
    /// Show this incident in full: every source with its evidence.
    #[arg(long)]
    id: Option<String>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

fn status(i: &Incident) -> String {
    let mut s = i.status.clone();
    if i.disputed {
        s.push_str(", disputed");
    }
    if !i.planned_by.is_empty() {
        s.push_str(", announced before");
    }
    s
}

fn detail(i: &Incident) {
    println!("{} — {} {}", i.id, i.event_type, i.mode.as_deref().unwrap_or(""));
    println!("  when:   {} ({})", i.date.as_deref().unwrap_or("unknown"), i.date_precision);
    println!("  where:  {}", place(i));
    println!("  who:    {}", who(i));
    println!("  status: {}", status(i));
    if let Some(n) = &i.fatalities_note {
        println!("  {n}");
    }
    for (label, list) in [("source", &i.sources), ("announced by", &i.planned_by)] {
        for s in list {
            let claimant = s
                .claimant
                .as_deref()
                .map(|c| format!(", according to {}", i.entity(c).map_or(c, |e| e.label())))
                .unwrap_or_default();
            println!(
                "  {label}: {} ({}) {}{claimant}, date {}",
                s.doc.id,
                s.doc.published.as_deref().unwrap_or("?"),
                s.stance,
                s.date.as_deref().unwrap_or("not given")
            );
            println!("      «{}»", s.evidence);
            if !s.copies.is_empty() {
                println!("      syndicated copies (not counted): {}", s.copies.join(", "));
            }
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open_with_incidents(rasd_kb::Kb::embedded())?;
    if let Some(id) = &args.id {
        let Some(i) = store.incident(id)? else { bail!("no incident `{id}`") };
        if args.json {
            print_json(&i)?;
        } else {
            detail(&i);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let incidents = store.incidents(&args.filter.filter())?;
    if args.json {
        print_json(&incidents)?;
    } else if incidents.is_empty() {
        println!("no incidents (ingest articles with `rasd ingest` first)");
    } else {
        let mut t =
            table(&["id", "date", "type", "where", "who", "status", "sources", "fatalities"]);
        for i in &incidents {
            t.add_row(vec![
                Cell::new(&i.id),
                Cell::new(i.date.as_deref().unwrap_or("")),
                Cell::new(match &i.mode {
                    Some(m) => format!("{} ({m})", i.event_type),
                    None => i.event_type.clone(),
                }),
                Cell::new(place(i)),
                Cell::new(clip(&who(i), 50)),
                Cell::new(status(i)),
                Cell::new(i.sources.len()),
                Cell::new(i.fatalities.map(|f| f.to_string()).unwrap_or_default()),
            ]);
        }
        println!("{t}");
        println!(
            "{} incidents; `rasd incidents --id ID` shows one with its evidence",
            incidents.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
