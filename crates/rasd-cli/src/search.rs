//! `rasd search`: full-text search of the stored articles (normalized Arabic: harakat,
//! alef forms and proclitics do not matter), with date, country and type filters.

use std::process::ExitCode;

use anyhow::Result;
use comfy_table::Cell;

use crate::record::{clip, print_json, table, DbArgs, FilterArgs};

#[derive(clap::Args)]
pub struct Args {
    /// Words that must all occur; "quoted words" must occur as a phrase.
    #[arg(required = true)]
    query: Vec<String>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open_existing()?;
    let mut filter = args.filter.filter();
    filter.limit = filter.limit.or(Some(20));
    let query = args.query.join(" ");
    let hits = store.search(&query, &filter)?;
    if args.json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        println!("no article matches `{query}`");
    } else {
        let mut t = table(&["#", "published", "id", "title", "match"]);
        for (i, h) in hits.iter().enumerate() {
            t.add_row(vec![
                Cell::new(i + 1),
                Cell::new(h.doc.published.as_deref().unwrap_or("")),
                Cell::new(&h.doc.id),
                Cell::new(clip(h.doc.title.as_deref().unwrap_or(""), 60)),
                Cell::new(clip(&h.snippet, 120)),
            ]);
        }
        println!("{t}");
    }
    Ok(ExitCode::SUCCESS)
}
