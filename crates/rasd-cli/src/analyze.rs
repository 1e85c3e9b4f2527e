//! `rasd analyze`: ingest → pipeline → JSON Lines, with a progress bar and a summary.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rasd_clean::Cleaner;
use rasd_ingest::{read_inputs, total_input_bytes, RawArticle};
use rasd_pipeline::{Input, Pipeline};
use rayon::prelude::*;

/// Articles analyzed in parallel per batch; output order stays the input order.
const BATCH: usize = 64;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (searched recursively) of .txt, .html, .jsonl, .warc (and .gz), or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write JSON Lines here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Publication date for articles whose input carries none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    published: Option<String>,
    /// Extra boilerplate patterns (TSV, same format as data/clean/boilerplate.tsv).
    #[arg(long)]
    patterns: Option<PathBuf>,
    /// A folder of knowledge-base files (countries.tsv, persons.tsv, ... as in data/kb)
    /// that add to or replace the embedded entries.
    #[arg(long)]
    kb: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
}

fn parse_date(s: &str) -> Result<String, String> {
    let ok = s.len() == 10
        && s.bytes()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { c == b'-' } else { c.is_ascii_digit() });
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!("`{s}` is not a date of the form YYYY-MM-DD"))
    }
}

pub fn run(args: Args, quiet: bool) -> Result<ExitCode> {
    let mut cleaner = Cleaner::embedded();
    if let Some(p) = &args.patterns {
        let tsv = std::fs::read_to_string(p)
            .with_context(|| format!("reading patterns {}", p.display()))?;
        cleaner =
            cleaner.with_extra(&tsv).with_context(|| format!("in patterns {}", p.display()))?;
    }
    let mut pipeline = Pipeline::with_cleaner(cleaner);
    if let Some(dir) = &args.kb {
        let kb = rasd_kb::Kb::with_user_dir(dir)
            .with_context(|| format!("loading knowledge base {}", dir.display()))?;
        pipeline = pipeline.with_kb(kb);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;

    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let reads_stdin = args.inputs.iter().any(|p| p.as_os_str() == "-");
    if reads_stdin && args.inputs.len() > 1 {
        bail!("`-` (standard input) cannot be combined with other inputs");
    }

    let total = total_input_bytes(&args.inputs);
    let bar = if quiet {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    };

    let started = Instant::now();
    let (mut read, mut written, mut failed, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<RawArticle>, out: &mut Box<dyn Write>| -> Result<u64> {
        let docs: Vec<_> = pool.install(|| {
            batch
                .par_iter()
                .map(|a| {
                    pipeline.analyze(&Input {
                        id: &a.id,
                        url: a.url.as_deref(),
                        title: a.title.as_deref(),
                        published: a.published.as_deref().or(args.published.as_deref()),
                        body: &a.body,
                    })
                })
                .collect()
        });
        for d in &docs {
            serde_json::to_writer(&mut *out, d)?;
            out.write_all(b"\n")?;
        }
        batch.clear();
        Ok(docs.len() as u64)
    };

    for item in read_inputs(&args.inputs) {
        match item {
            Ok(article) => {
                read += 1;
                bytes += article.input_bytes;
                bar.inc(article.input_bytes);
                batch.push(article);
                if batch.len() == BATCH {
                    written += flush(&mut batch, &mut out).context("writing output")?;
                    bar.set_message(format!("{written} written, {failed} failed"));
                }
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| tracing::error!("{e}"));
            }
        }
    }
    written += flush(&mut batch, &mut out).context("writing output")?;
    out.flush().context("writing output")?;
    bar.finish_and_clear();

    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    if !quiet {
        eprintln!(
            "rasd analyze: {} inputs, {written} documents written, {failed} failed; {mb:.2} MB in {secs:.2} s ({:.1} MB/s)",
            read + failed,
            mb / secs
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
