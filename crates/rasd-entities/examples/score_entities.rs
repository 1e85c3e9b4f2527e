//! Runs entity recognition alone over a JSON Lines corpus and writes `rasd.document/1`
//! documents holding only `entities`, for the referee:
//!
//! ```text
//! cargo run --release -p rasd-entities --example score_entities -- ../shared/corpus/dev.jsonl > target/ent-dev.jsonl
//! python3 ../shared/tools/score.py ../shared/gold/dev target/ent-dev.jsonl
//! python3 scripts/eval/entity_kinds.py ../shared/gold/dev target/ent-dev.jsonl
//! ```
//!
//! Each input line needs `id` and `text` (and may have `title`); the text is cleaned as
//! the pipeline cleans it, so the entities are the pipeline's. Prints the knowledge
//! base's load time and the time spent recognizing to stderr.

mod corpus;

use std::io::Write;
use std::time::{Duration, Instant};

use rasd_model::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/dev.jsonl".to_string());
    let kb_start = Instant::now();
    let kb = rasd_kb::Kb::embedded();
    eprintln!("knowledge base loaded in {:.1} ms", kb_start.elapsed().as_secs_f64() * 1e3);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut spent = Duration::ZERO;
    for (id, text) in corpus::cleaned_articles(&path)? {
        let t0 = Instant::now();
        let entities = rasd_entities::recognize(kb, &text);
        spent += t0.elapsed();
        let mut doc = Document::new(&id, text);
        doc.entities = entities;
        writeln!(out, "{}", serde_json::to_string(&doc)?)?;
    }
    eprintln!("recognition: {:.1} ms", spent.as_secs_f64() * 1e3);
    Ok(())
}
