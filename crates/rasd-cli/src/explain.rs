//! `rasd explain`: how rasd reads a text — its clauses and phrases, each trigger with the
//! frame tried, the words that filled each role, the mood that decided, and the events
//! that came out. For a user who wants to know why an event was coded, and for a
//! maintainer looking for the fault without reading code.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rasd_pipeline::Input;

use crate::analyze::ResourceArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The text to explain (a sentence or an article); `-` or nothing reads standard
    /// input.
    text: Option<String>,
    /// Read the text from a file instead.
    #[arg(long, conflicts_with = "text")]
    file: Option<PathBuf>,
    /// Publication date the text's relative times resolve against (YYYY-MM-DD).
    #[arg(long)]
    published: Option<String>,
    /// Print the document's events as JSON after the account.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    resources: ResourceArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = match (&args.file, args.text.as_deref()) {
        (Some(f), _) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?
        }
        (None, Some(t)) if t != "-" => t.to_string(),
        _ => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).context("reading standard input")?;
            s
        }
    };
    let pipeline = args.resources.pipeline()?;
    let input = Input {
        id: "explain",
        body: &text,
        published: args.published.as_deref(),
        ..Input::default()
    };
    let (doc, account) = pipeline.explain(&input);
    print!("{account}");
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc.events)?);
    }
    Ok(ExitCode::SUCCESS)
}
