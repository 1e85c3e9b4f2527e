//! `rasd export`: the record as ACLED-style CSV, PLOVER JSON Lines, GeoJSON, Parquet or
//! the stored documents as JSON Lines.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rasd_record::export::{export, Format};

use crate::record::{is_stdout, DbArgs, FilterArgs};

#[derive(clap::Args)]
pub struct Args {
    /// acled-csv, plover-jsonl, geojson, parquet or jsonl.
    #[arg(long, short, value_parser = Format::NAMES)]
    format: String,
    /// Output file (`-` for standard output; not for parquet).
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: Args, quiet: bool) -> Result<ExitCode> {
    let format: Format = args.format.parse()?;
    let mut store = args.db.open_existing()?;
    let out: Box<dyn Write + Send> = if is_stdout(&args.output) {
        if format == Format::Parquet {
            bail!("Parquet is binary: give a file with -o");
        }
        Box::new(BufWriter::new(io::stdout()))
    } else {
        let f = File::create(&args.output)
            .with_context(|| format!("creating {}", args.output.display()))?;
        Box::new(BufWriter::new(f))
    };
    let n = export(store.as_mut(), format, &args.filter.filter(), out)
        .with_context(|| format!("exporting {}", args.format))?;
    if !quiet {
        eprintln!(
            "rasd export: {n} {} written as {} to {}",
            format.unit(),
            args.format,
            args.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
