//! `rasd bench-store`: ingest throughput into the record on one core, with analysis and
//! storage timed apart.
//!
//! The corpus is synthetic but realistic: distinct articles assembled from random
//! sentences of sample articles (so they are neither exact nor near duplicates of each
//! other, and every one is really stored), analyzed by the real pipeline, then stored in
//! a fresh database in transactions of `--batch` articles. Speed is measured here, never
//! asserted in tests: timings depend on the machine.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rasd_ingest::read_bytes;
use rasd_model::Document;
use rasd_pipeline::{Input, Pipeline};
use rasd_store::{PreparedDoc, Store};

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines samples whose sentences make up the corpus (repeatable).
    #[arg(long, default_value = "examples/articles.jsonl")]
    corpus: Vec<PathBuf>,
    /// Articles to build and ingest.
    #[arg(long, default_value_t = 5000)]
    articles: usize,
    /// Sentences per article.
    #[arg(long, default_value_t = 18)]
    sentences: usize,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500)]
    batch: usize,
    /// Database to fill (default: a new SQLite file in a temporary folder). Give a
    /// scratch PostgreSQL database, never one you use: the bench adds thousands of articles.
    #[arg(long)]
    db: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// SplitMix64: a tiny deterministic generator, so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        rasd_store::hash::mix64(self.0)
    }
}

/// CPU time of this thread (Linux's schedstat), so the figures hold on a busy machine.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Wall-clock and CPU seconds of one stage.
#[derive(Clone, Copy)]
struct Took {
    wall: f64,
    cpu: Option<f64>,
}

impl std::ops::Add for Took {
    type Output = Took;
    fn add(self, o: Took) -> Took {
        Took { wall: self.wall + o.wall, cpu: self.cpu.zip(o.cpu).map(|(a, b)| a + b) }
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Took) {
    let (t, c) = (Instant::now(), cpu_secs());
    let v = f();
    let cpu = cpu_secs().zip(c).map(|(b, a)| (b - a).max(1e-9));
    (v, Took { wall: t.elapsed().as_secs_f64().max(1e-9), cpu })
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::embedded();
    let mut pool: Vec<String> = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    for c in &args.corpus {
        let bytes = std::fs::read(c).with_context(|| format!("reading {}", c.display()))?;
        for a in read_bytes(&c.display().to_string(), &bytes).into_iter().flatten() {
            let d = pipeline.analyze(&Input { id: &a.id, body: &a.body, ..Input::default() });
            let chars: Vec<char> = d.text.chars().collect();
            for [s, e] in &d.sentences {
                let sent: String = chars[*s..*e].iter().collect();
                if sent.chars().count() > 30 {
                    pool.push(sent);
                }
            }
            dates.extend(a.published);
        }
    }
    // Articles draw their sentences at random from the pool: a pool even a little larger
    // than one article already gives thousands of distinct articles.
    if pool.len() < args.sentences + 8 {
        bail!("the corpus has {} usable sentences: too few to build distinct articles", pool.len());
    }
    if dates.is_empty() {
        dates.push("2024-01-01".into());
    }
    let mut rng = Rng(0x7261_7364_6265_6e63);
    let raw: Vec<(String, String, String)> = (0..args.articles)
        .map(|k| {
            let picked: Vec<&str> = (0..args.sentences)
                .map(|_| pool[(rng.next() % pool.len() as u64) as usize].as_str())
                .collect();
            let body = format!("{}\n\n{}", picked[0], picked[1..].join(" "));
            (format!("bench-{k:06}"), dates[k % dates.len()].clone(), body)
        })
        .collect();
    let input_mb = raw.iter().map(|r| r.2.len()).sum::<usize>() as f64 / 1e6;

    // One core throughout.
    let (docs, analyze_secs): (Vec<Document>, Took) = timed(|| {
        raw.iter()
            .map(|(id, date, body)| {
                pipeline.analyze(&Input { id, published: Some(date), body, ..Input::default() })
            })
            .collect()
    });
    let (prepared, prepare_secs): (Vec<PreparedDoc>, Took) =
        timed(|| docs.iter().map(PreparedDoc::new).collect());

    let dir = tempfile::tempdir()?;
    let target = match &args.db {
        Some(db) => db.clone(),
        None => dir.path().join("bench.db").display().to_string(),
    };
    let mut store: Box<dyn Store> = rasd_store::open(&target)
        .with_context(|| format!("opening {}", rasd_store::redact(&target)))?;
    let before = store.stats()?.documents;
    let (inserted, write_secs) = timed(|| -> Result<usize> {
        let mut n = 0;
        for chunk in prepared.chunks(args.batch.max(1)) {
            n += store.ingest_prepared(chunk)?.inserted;
        }
        Ok(n)
    });
    let inserted = inserted?;
    let (again, reingest_secs) = timed(|| -> Result<usize> {
        let mut n = 0;
        for chunk in prepared.chunks(args.batch.max(1)) {
            n += store.ingest_prepared(chunk)?.unchanged;
        }
        Ok(n)
    });
    let again = again?;
    let (incidents, incident_secs) =
        timed(|| rasd_record::incidents::rebuild(store.as_mut(), pipeline.kb()));
    let incidents = incidents?;
    let after = store.stats()?.documents;

    let n = docs.len() as f64;
    let rate = |secs: f64| n / secs;
    let cpu_rate = |t: &Took| t.cpu.map_or_else(|| "-".to_string(), |c| format!("{:.0}", n / c));
    let rows = [
        ("analysis (pipeline)", analyze_secs),
        ("storage: prepare (normalize, MinHash, JSON, zstd)", prepare_secs),
        ("storage: write (transactions)", write_secs),
        ("storage total (prepare + write)", prepare_secs + write_secs),
        ("ingest end to end (analysis + storage)", analyze_secs + prepare_secs + write_secs),
        ("re-ingest, all unchanged (write)", reingest_secs),
    ];
    let backend = format!("{:?}", store.backend()).to_lowercase();
    if args.json {
        let stages: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .map(|(name, t)| {
                let json = serde_json::json!({
                    "secs": t.wall, "articles_per_s": rate(t.wall),
                    "cpu_secs": t.cpu, "articles_per_cpu_s": t.cpu.map(rate),
                });
                (name.to_string(), json)
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "backend": backend, "articles": docs.len(), "input_mb": input_mb, "batch": args.batch,
                "inserted": inserted, "unchanged_on_reingest": again, "documents_before": before,
                "documents_after": after, "incidents": incidents, "incident_rebuild_secs": incident_secs.wall,
                "stages": stages,
            })
        );
    } else {
        println!(
            "{} articles ({input_mb:.1} MB), {backend}, batches of {}, one core",
            docs.len(),
            args.batch
        );
        println!("{:<48}{:>10}{:>14}{:>16}", "stage", "s", "articles/s", "per CPU-second");
        for (name, t) in &rows {
            println!("{name:<48}{:>10.3}{:>14.0}{:>16}", t.wall, rate(t.wall), cpu_rate(t));
        }
        println!(
            "stored {inserted} new, {again} unchanged on re-ingest ({before} → {after} documents); \
             {incidents} incidents rebuilt in {:.2} s",
            incident_secs.wall
        );
    }
    Ok(ExitCode::SUCCESS)
}
