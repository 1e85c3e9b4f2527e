//! Storage throughput alone, on one core: analyzed documents (rasd.document/1 JSON Lines,
//! e.g. from `rasd analyze`) prepared and written into a fresh database.
//!
//! ```sh
//! cargo run --release -p rasd-store --example ingest_throughput -- docs.jsonl [DB] [BATCH]
//! ```
//! DB defaults to a new SQLite file in a temporary folder; give a scratch PostgreSQL URL
//! to measure that backend. `rasd bench-store` measures the same with analysis included.

use std::time::Instant;

use rasd_model::Document;
use rasd_store::PreparedDoc;

/// CPU time of this thread (Linux), so the figures hold on a busy machine too.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: ingest_throughput DOCS.jsonl [DB] [BATCH]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let docs: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let dir = tempfile::tempdir()?;
    let db = args.get(2).cloned().unwrap_or_else(|| dir.path().join("t.db").display().to_string());
    let batch: usize = args.get(3).map(|b| b.parse()).transpose()?.unwrap_or(500);

    let (t, c) = (Instant::now(), cpu_secs());
    let prepared: Vec<PreparedDoc> = docs.iter().map(PreparedDoc::new).collect();
    let prepare = (t.elapsed().as_secs_f64(), cpu_secs().zip(c).map(|(b, a)| b - a));
    let mut store = rasd_store::open(&db)?;
    let (t, c) = (Instant::now(), cpu_secs());
    for chunk in prepared.chunks(batch) {
        store.ingest_prepared(chunk)?;
    }
    let write = (t.elapsed().as_secs_f64(), cpu_secs().zip(c).map(|(b, a)| b - a));
    let n = docs.len() as f64;
    println!(
        "{} documents, {:?}: prepare {:.0}/s, write {:.0}/s, storage {:.0}/s (wall clock)",
        docs.len(),
        store.backend(),
        n / prepare.0,
        n / write.0,
        n / (prepare.0 + write.0)
    );
    if let (Some(p), Some(w)) = (prepare.1, write.1) {
        println!(
            "CPU time of the ingesting thread: prepare {:.0}/s, write {:.0}/s, storage {:.0}/s",
            n / p,
            n / w,
            n / (p + w)
        );
    }
    Ok(())
}
