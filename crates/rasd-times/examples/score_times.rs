//! Runs the time extractor alone over a JSON Lines corpus and writes `rasd.document/1`
//! documents holding only `times`, for the referee:
//!
//! ```text
//! cargo run --release -p rasd-times --example score_times -- ../shared/corpus/dev.jsonl > target/times-dev.jsonl
//! python3 ../shared/tools/score.py ../shared/gold/dev target/times-dev.jsonl --verbose
//! ```
//!
//! Each input line needs `id` and `text`, and may have `published` (`YYYY-MM-DD`). The
//! text goes through normalize → split_sentences → extract_times, as in the pipeline
//! (without the clean stage, so boilerplate lines are still there). Prints the time
//! spent extracting to stderr.

use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

use rasd_model::Document;
use rasd_text::{normalize, split_sentences};
use rasd_times::extract_times;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/dev.jsonl".to_string());
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut spent = Duration::ZERO;
    let mut docs = 0usize;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path} line {}: {e}", n + 1))?;
        let id = v.get("id").and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let text = v.get("text").and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let published = v.get("published").and_then(|x| x.as_str()).map(str::to_string);

        let t0 = Instant::now();
        let view = normalize(&text);
        let sentences = split_sentences(&view);
        let times = extract_times(&text, &view, &sentences, published.as_deref());
        spent += t0.elapsed();
        docs += 1;

        let mut doc = Document::new(id, text);
        doc.published = published;
        doc.times = times;
        writeln!(out, "{}", serde_json::to_string(&doc)?)?;
    }
    let secs = spent.as_secs_f64().max(1e-9);
    eprintln!(
        "{docs} documents in {:.3} ms = {:.0} articles/s (normalize + sentences + times)",
        secs * 1e3,
        docs as f64 / secs
    );
    Ok(())
}
