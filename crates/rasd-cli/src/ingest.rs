//! `rasd ingest`: analyze articles (exactly as `rasd analyze` does) and store them in the
//! record, one transaction per batch, then rebuild the incidents.
//!
//! Re-ingesting is safe: an article already stored is skipped, a changed one replaces
//! its old version, and a process killed mid-way loses only the batch in progress.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rasd_model::Document;
use rasd_store::{IngestReport, PreparedDoc, Store};
use rayon::prelude::*;

use crate::analyze::{run_inputs, Analyzer, PipelineArgs};
use crate::record::DbArgs;

#[derive(clap::Args)]
pub struct Args {
    /// Articles as for `rasd analyze` (files, folders, `-` for stdin); with --documents,
    /// rasd.document/1 JSON Lines written by `rasd analyze`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    /// The inputs are already analyzed (rasd.document/1 JSON Lines): store them as they are.
    #[arg(long)]
    documents: bool,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..))]
    batch: u64,
    /// Do not rebuild the incidents afterwards (`rasd ingest` of a later batch will).
    #[arg(long)]
    no_incidents: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Buffers documents and stores them a transaction at a time.
struct Writer<'a> {
    store: &'a mut dyn Store,
    pool: &'a rayon::ThreadPool,
    pending: Vec<Document>,
    batch: usize,
    report: IngestReport,
    secs: f64,
}

impl Writer<'_> {
    /// Takes documents; every `batch` of them is stored in one transaction, exactly that
    /// many (the analysis hands them over 64 at a time, which must not round it up).
    fn push(&mut self, docs: Vec<Document>) -> Result<u64> {
        let n = docs.len() as u64;
        self.pending.extend(docs);
        while self.pending.len() >= self.batch.max(1) {
            let rest = self.pending.split_off(self.batch.max(1));
            self.commit()?;
            self.pending = rest;
        }
        Ok(n)
    }

    /// Stores the documents pending in one transaction.
    fn commit(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let t = Instant::now();
        let prepared: Vec<PreparedDoc> =
            self.pool.install(|| self.pending.par_iter().map(PreparedDoc::new).collect());
        let r = self.store.ingest_prepared(&prepared).context("storing a batch")?;
        self.report.add(&r);
        self.pending.clear();
        self.secs += t.elapsed().as_secs_f64();
        Ok(())
    }
}

/// Reads rasd.document/1 JSON Lines (files, folders of `.jsonl`, or `-`), reporting bad
/// lines by file and line and going on.
fn read_documents(
    inputs: &[PathBuf],
    mut sink: impl FnMut(Vec<Document>) -> Result<u64>,
) -> Result<(u64, u64)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "jsonl" || x == "ndjson"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    let (mut stored, mut failed) = (0u64, 0u64);
    let mut batch = Vec::new();
    for f in &files {
        let reader: Box<dyn BufRead> = if f.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            match File::open(f) {
                Ok(file) => Box::new(BufReader::new(file)),
                Err(e) => {
                    tracing::error!("{}: {e}", f.display());
                    failed += 1;
                    continue;
                }
            }
        };
        for (i, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    tracing::error!("{}, line {}: {e}", f.display(), i + 1);
                    failed += 1;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Document>(&line) {
                Ok(d) if d.schema == rasd_model::SCHEMA => batch.push(d),
                Ok(d) => {
                    tracing::error!(
                        "{}, line {}: schema `{}` is not {}",
                        f.display(),
                        i + 1,
                        d.schema,
                        rasd_model::SCHEMA
                    );
                    failed += 1;
                }
                Err(e) => {
                    tracing::error!(
                        "{}, line {}: not a rasd.document/1 object: {e}",
                        f.display(),
                        i + 1
                    );
                    failed += 1;
                }
            }
            if batch.len() >= 64 {
                stored += sink(std::mem::take(&mut batch))?;
            }
        }
    }
    stored += sink(batch)?;
    Ok((stored, failed))
}

pub fn run(args: Args, quiet: bool) -> Result<ExitCode> {
    let analyzer = Analyzer::new(&args.pipeline)?;
    let mut store = args.db.open()?;
    let started = Instant::now();
    let mut w = Writer {
        store: store.as_mut(),
        pool: &analyzer.pool,
        pending: Vec::new(),
        batch: args.batch as usize,
        report: IngestReport::default(),
        secs: 0.0,
    };
    let (inputs, documents, failed) = if args.documents {
        let (n, failed) = read_documents(&args.inputs, |docs| w.push(docs))?;
        (n + failed, n, failed)
    } else {
        let s = run_inputs(&args.inputs, &analyzer, quiet, |docs| w.push(docs))?;
        (s.inputs, s.documents, s.failed)
    };
    w.commit()?;
    let (report, store_secs) = (w.report.clone(), w.secs);
    let total_secs = started.elapsed().as_secs_f64().max(1e-9);

    let mut incidents = None;
    if !args.no_incidents {
        let t = Instant::now();
        let n = rasd_record::incidents::rebuild(store.as_mut(), analyzer.pipeline.kb())
            .context("rebuilding incidents")?;
        incidents = Some((n, t.elapsed().as_secs_f64()));
    }
    if !quiet {
        let r = &report;
        eprintln!(
            "rasd ingest: {inputs} inputs, {documents} documents into {}: {} new, {} replaced, {} unchanged, \
             {} already stored under another id, {} syndicated copies, {} superseded by a later input \
             with the same id, {} undated versions of a dated article left out; {failed} failed",
            rasd_store::redact(&args.db.db),
            r.inserted,
            r.replaced,
            r.unchanged,
            r.same_content,
            r.copies,
            r.duplicate_ids,
            r.undated_kept
        );
        let stage = if args.documents { "reading" } else { "analysis" };
        eprintln!(
            "  {total_secs:.2} s: {stage} {:.0} documents/s, storage {:.0} documents/s (one transaction per {} documents)",
            documents as f64 / (total_secs - store_secs).max(1e-9),
            documents as f64 / store_secs.max(1e-9),
            args.batch
        );
        if let Some((n, secs)) = incidents {
            eprintln!("  {n} incidents rebuilt in {secs:.2} s");
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_exactly_the_number_asked() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = rasd_store::open(dir.path().join("b.db").to_str().unwrap()).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let mut w = Writer {
            store: store.as_mut(),
            pool: &pool,
            pending: Vec::new(),
            batch: 500,
            report: IngestReport::default(),
            secs: 0.0,
        };
        // Eight hand-overs of 64, as the analysis makes them: 512 documents.
        for round in 0..8 {
            let docs = (0..64)
                .map(|k| Document::new(format!("b-{round}-{k}"), format!("خبر رقم {round} {k}")))
                .collect();
            w.push(docs).unwrap();
        }
        assert_eq!(w.report.inserted, 500);
        assert_eq!(w.pending.len(), 12);
        w.commit().unwrap();
        assert_eq!(w.report.inserted, 512);
    }
}
