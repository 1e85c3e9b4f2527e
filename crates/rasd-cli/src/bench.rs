//! `rasd bench`: throughput of ingestion, the text layer and the whole pipeline on one
//! core, over a corpus built by repeating a JSON Lines sample until it reaches a size.
//!
//! Speed is measured here, never asserted in tests: timings depend on the machine.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rasd_clean::Cleaner;
use rasd_ingest::{read_bytes, RawArticle};
use rasd_pipeline::{Input, Pipeline};
use rasd_text::{normalize, split_sentences, tokenize};

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines sample to repeat (fields id, title, published, text).
    #[arg(long, default_value = "examples/articles.jsonl")]
    corpus: PathBuf,
    /// Repeat the sample until the corpus holds at least this many megabytes.
    #[arg(long, default_value_t = 20.0)]
    min_mb: f64,
    /// Also write the repeated corpus here, so other tools can be timed on the same bytes.
    #[arg(long)]
    write_corpus: Option<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

struct Stage {
    name: &'static str,
    bytes: usize,
    secs: f64,
}

impl Stage {
    fn mb_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.secs.max(1e-9)
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64())
}

/// Resident memory of this process in MB (Linux), for the knowledge-base figures.
fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: Args) -> Result<ExitCode> {
    // The knowledge base compiles on first use; time that first use in a fresh process.
    let rss_before = rss_mb();
    let (kb, kb_secs) = timed(rasd_kb::Kb::embedded);
    let rss_after = rss_mb();
    let counts = kb.counts();
    let sample = std::fs::read(&args.corpus)
        .with_context(|| format!("reading {}", args.corpus.display()))?;
    if sample.iter().all(u8::is_ascii_whitespace) {
        bail!("{} is empty", args.corpus.display());
    }
    let target = (args.min_mb * 1e6) as usize;
    let mut corpus = Vec::with_capacity(target + sample.len());
    while corpus.len() < target {
        corpus.extend_from_slice(&sample);
        if corpus.last() != Some(&b'\n') {
            corpus.push(b'\n');
        }
    }
    if let Some(p) = &args.write_corpus {
        std::fs::write(p, &corpus).with_context(|| format!("writing {}", p.display()))?;
    }

    // Single-threaded throughout: the figures are per core.
    let (articles, ingest_secs) = timed(|| read_bytes("bench.jsonl", &corpus));
    let articles: Vec<RawArticle> = articles.into_iter().filter_map(Result::ok).collect();
    if articles.is_empty() {
        bail!("{} holds no readable article", args.corpus.display());
    }
    let body_bytes: usize = articles.iter().map(|a| a.body.len()).sum();

    let cleaner = Cleaner::embedded();
    let (cleaned, clean_secs) = timed(|| {
        articles.iter().map(|a| cleaner.clean(a.title.as_deref(), &a.body).text).collect::<Vec<_>>()
    });
    let text_bytes: usize = cleaned.iter().map(String::len).sum();

    let ((), text_secs) = timed(|| {
        let mut sink = 0usize;
        for t in &cleaned {
            let n = normalize(t);
            sink += tokenize(&n).len() + split_sentences(&n).len();
        }
        std::hint::black_box(sink);
    });

    let pipeline = Pipeline::with_cleaner(cleaner);
    let mut clock = rasd_pipeline::StageClock::default();
    for a in &articles {
        let input = Input {
            id: &a.id,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            published: a.published.as_deref(),
            body: &a.body,
        };
        std::hint::black_box(pipeline.analyze_timed(&input, &mut clock));
    }
    let ((), full_secs) = timed(|| {
        for a in &articles {
            let doc = pipeline.analyze(&Input {
                id: &a.id,
                url: a.url.as_deref(),
                title: a.title.as_deref(),
                published: a.published.as_deref(),
                body: &a.body,
            });
            std::hint::black_box(doc);
        }
    });

    let stages = [
        Stage { name: "ingest (JSONL parse)", bytes: corpus.len(), secs: ingest_secs },
        Stage { name: "clean", bytes: body_bytes, secs: clean_secs },
        Stage {
            name: "text layer (normalize+tokens+sentences)",
            bytes: text_bytes,
            secs: text_secs,
        },
        Stage {
            name: "ingest + text layer",
            bytes: corpus.len(),
            secs: ingest_secs + clean_secs + text_secs,
        },
        Stage { name: "analyze pipeline (per article)", bytes: body_bytes, secs: full_secs },
        Stage { name: "  of which clean", bytes: body_bytes, secs: clock.clean.as_secs_f64() },
        Stage { name: "  of which text layer", bytes: body_bytes, secs: clock.text.as_secs_f64() },
        Stage { name: "  of which times", bytes: body_bytes, secs: clock.times.as_secs_f64() },
        Stage {
            name: "  of which entities (+attribution)",
            bytes: body_bytes,
            secs: clock.entities.as_secs_f64(),
        },
        Stage {
            name: "  of which casualties",
            bytes: body_bytes,
            secs: clock.casualties.as_secs_f64(),
        },
        Stage { name: "  of which events", bytes: body_bytes, secs: clock.events.as_secs_f64() },
    ];
    let kb_line = format!(
        "knowledge base: {} entries ({} countries, {} places, {} orgs, {} groups, {} persons), {} institutions, {} titles, {} alias keys; load {:.0} ms; RSS {:.0} MB after load (+{:.0} MB)",
        kb.entries().len(),
        counts.get(&rasd_kb::EntityKind::Country).unwrap_or(&0),
        counts.get(&rasd_kb::EntityKind::Place).unwrap_or(&0),
        counts.get(&rasd_kb::EntityKind::Org).unwrap_or(&0),
        counts.get(&rasd_kb::EntityKind::Group).unwrap_or(&0),
        counts.get(&rasd_kb::EntityKind::Person).unwrap_or(&0),
        kb.head_counts().0,
        kb.head_counts().1,
        kb.alias_count(),
        kb_secs * 1e3,
        rss_after.unwrap_or(0.0),
        rss_after.unwrap_or(0.0) - rss_before.unwrap_or(0.0),
    );
    if args.json {
        let obj: serde_json::Map<String, serde_json::Value> = stages
            .iter()
            .map(|s| (s.name.to_string(), serde_json::json!({"mb": s.bytes as f64 / 1e6, "secs": s.secs, "mb_per_s": s.mb_s()})))
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "articles": articles.len(),
                "corpus_mb": corpus.len() as f64 / 1e6,
                "stages": obj,
                "kb": {"load_ms": kb_secs * 1e3, "rss_mb": rss_after, "entries": kb.entries().len()},
            })
        );
    } else {
        println!("{kb_line}");
        println!(
            "corpus: {} articles, {:.1} MB (one core)",
            articles.len(),
            corpus.len() as f64 / 1e6
        );
        println!("{:<42}{:>10}{:>10}{:>12}", "stage", "MB", "s", "MB/s");
        for s in &stages {
            println!(
                "{:<42}{:>10.1}{:>10.3}{:>12.1}",
                s.name,
                s.bytes as f64 / 1e6,
                s.secs,
                s.mb_s()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
