//! Times the whole per-article pipeline on a JSON Lines file (fields `id`, `text`,
//! `published`): `cargo run --release -p rasd-pipeline --example pipeline_throughput --
//! FILE [REPEAT]`. For profiling one stage at a time without the CLI around it.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pipeline_throughput FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<serde_json::Value> =
        text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let pipeline = rasd_pipeline::Pipeline::embedded();
    let t = Instant::now();
    let mut bytes = 0usize;
    let mut events = 0usize;
    for _ in 0..repeat {
        for d in &docs {
            let body = d["text"].as_str().unwrap_or("");
            bytes += body.len();
            let doc = pipeline.analyze(&rasd_pipeline::Input {
                id: d["id"].as_str().unwrap_or(""),
                published: d["published"].as_str(),
                body,
                ..Default::default()
            });
            events += doc.events.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{:.2} MB in {secs:.3} s: {:.2} MB/s ({events} events)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
