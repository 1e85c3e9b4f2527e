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
use rasd_model::Document;
use rasd_pipeline::{Input, Pipeline};
use rayon::prelude::*;

/// Articles analyzed in parallel per batch; output order stays the input order.
const BATCH: usize = 64;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (searched recursively) of .txt, .html, .jsonl, .warc (and .gz), or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write JSON Lines here instead of standard output (`-` is standard output too).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// How articles are analyzed: shared by every command that runs the pipeline.
#[derive(clap::Args)]
pub struct PipelineArgs {
    /// Publication date for articles whose input carries none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    published: Option<String>,
    #[command(flatten)]
    resources: ResourceArgs,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
}

/// A day of the calendar (`2024-02-30` is none).
fn parse_date(s: &str) -> Result<String, String> {
    rasd_record::query::parse_day(s)
}

/// The user's additions to the embedded resources.
#[derive(clap::Args)]
pub struct ResourceArgs {
    /// Extra boilerplate patterns (TSV, same format as data/clean/boilerplate.tsv).
    #[arg(long)]
    patterns: Option<PathBuf>,
    /// A folder of knowledge-base files (countries.tsv, persons.tsv, ... as in data/kb)
    /// that add to or replace the embedded entries.
    #[arg(long)]
    kb: Option<PathBuf>,
    /// A folder of event-stage files (frames.tsv, classes.tsv, modality.tsv, sets.tsv
    /// as in data/events, words.tsv as in data/syntax) whose rows add to the embedded
    /// ones: a trigger, a frame class, a modality cue or a word without recompiling.
    #[arg(long)]
    lexicon: Option<PathBuf>,
}

/// A configured pipeline and the threads it runs on.
pub struct Analyzer {
    pub pipeline: Pipeline,
    pub pool: rayon::ThreadPool,
    published: Option<String>,
}

impl ResourceArgs {
    /// The pipeline these options configure: embedded resources plus the user's.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let mut cleaner = Cleaner::embedded();
        if let Some(p) = &self.patterns {
            let tsv = std::fs::read_to_string(p)
                .with_context(|| format!("reading patterns {}", p.display()))?;
            cleaner =
                cleaner.with_extra(&tsv).with_context(|| format!("in patterns {}", p.display()))?;
        }
        let mut pipeline = Pipeline::with_cleaner(cleaner);
        if let Some(dir) = &self.kb {
            let kb = rasd_kb::Kb::with_user_dir(dir)
                .with_context(|| format!("loading knowledge base {}", dir.display()))?;
            pipeline = pipeline.with_kb(kb);
        }
        if let Some(dir) = &self.lexicon {
            let lex = rasd_events::Lexicon::with_user_dir(dir)
                .with_context(|| format!("loading the event lexicon {}", dir.display()))?;
            pipeline = pipeline.with_events(lex);
        }
        Ok(pipeline)
    }
}

impl Analyzer {
    pub fn new(args: &PipelineArgs) -> Result<Analyzer> {
        let pipeline = args.resources.pipeline()?;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;
        Ok(Analyzer { pipeline, pool, published: args.published.clone() })
    }

    /// Analyzes a batch on the pool; output order is input order. An article whose
    /// analysis fails with a panic (a bug, never meant to happen) is reported with its
    /// file and line and left out, and the rest of the run goes on; the second value
    /// counts those.
    pub fn analyze(&self, batch: &[RawArticle]) -> (Vec<Document>, u64) {
        let done: Vec<Option<Document>> =
            self.pool.install(|| batch.par_iter().map(|a| self.analyze_one(a)).collect());
        let failed = done.iter().filter(|d| d.is_none()).count() as u64;
        (done.into_iter().flatten().collect(), failed)
    }

    fn analyze_one(&self, a: &RawArticle) -> Option<Document> {
        let input = Input {
            id: &a.id,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            published: a.published.as_deref().or(self.published.as_deref()),
            body: &a.body,
        };
        // The pipeline holds no state across articles, so one that panicked leaves
        // nothing half-done for the next.
        let run = std::panic::AssertUnwindSafe(|| self.pipeline.analyze(&input));
        match std::panic::catch_unwind(run) {
            Ok(doc) => Some(doc),
            Err(_) => {
                tracing::error!(
                    "{}: analysis failed (an internal error); article skipped",
                    a.origin
                );
                None
            }
        }
    }
}

/// What a run over the inputs read and produced.
pub struct RunStats {
    pub inputs: u64,
    pub documents: u64,
    pub failed: u64,
    pub bytes: u64,
    pub secs: f64,
}

/// Reads the inputs, analyzes them in batches and hands each batch (in input order) to
/// `sink`, with a progress bar; a bad input is reported and skipped. `sink` returns how
/// many documents it took. Used by `analyze` (JSON Lines) and `ingest` (the store).
pub fn run_inputs(
    inputs: &[PathBuf],
    analyzer: &Analyzer,
    quiet: bool,
    mut sink: impl FnMut(Vec<Document>) -> Result<u64>,
) -> Result<RunStats> {
    let reads_stdin = inputs.iter().any(|p| p.as_os_str() == "-");
    if reads_stdin && inputs.len() > 1 {
        bail!("`-` (standard input) cannot be combined with other inputs");
    }

    let total = total_input_bytes(inputs);
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
    // Articles read but whose analysis failed.
    let mut unanalyzed = 0u64;
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    for item in read_inputs(inputs) {
        match item {
            Ok(article) => {
                read += 1;
                bytes += article.input_bytes;
                bar.inc(article.input_bytes);
                batch.push(article);
                if batch.len() == BATCH {
                    let (docs, broken) = analyzer.analyze(&batch);
                    unanalyzed += broken;
                    written += sink(docs)?;
                    batch.clear();
                    bar.set_message(format!("{written} written, {failed} failed"));
                }
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| tracing::error!("{e}"));
            }
        }
    }
    let (docs, broken) = analyzer.analyze(&batch);
    unanalyzed += broken;
    written += sink(docs)?;
    bar.finish_and_clear();
    Ok(RunStats {
        inputs: read + failed,
        documents: written,
        failed: failed + unanalyzed,
        bytes,
        secs: started.elapsed().as_secs_f64().max(1e-9),
    })
}

pub fn run(args: Args, quiet: bool) -> Result<ExitCode> {
    let analyzer = Analyzer::new(&args.pipeline)?;
    let mut out: Box<dyn Write> = match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let stats = run_inputs(&args.inputs, &analyzer, quiet, |docs| {
        for d in &docs {
            serde_json::to_writer(&mut *out, d).context("writing output")?;
            out.write_all(b"\n").context("writing output")?;
        }
        Ok(docs.len() as u64)
    })?;
    out.flush().context("writing output")?;

    let mb = stats.bytes as f64 / 1e6;
    if !quiet {
        eprintln!(
            "rasd analyze: {} inputs, {} documents written, {} failed; {mb:.2} MB in {:.2} s ({:.1} MB/s)",
            stats.inputs,
            stats.documents,
            stats.failed,
            stats.secs,
            mb / stats.secs
        );
    }
    Ok(if stats.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
