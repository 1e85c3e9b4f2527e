//! Times the text layer alone on a plain-text file: `cargo run --release -p rasd-text
//! --example text_throughput -- FILE [REPEAT]`. The project's bench (`rasd bench`)
//! reports the same stage inside the whole pipeline; this one isolates it for profiling.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: text_throughput FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t.repeat(repeat),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let chunks: Vec<&str> = text.split("\n\n").collect();
    for (name, f) in
        [("normalize", 0u8), ("normalize+tokenize", 1), ("normalize+tokenize+sentences", 2)]
    {
        // Best of five: the machine may be busy, and the best run is the code's speed.
        let mut secs = f64::MAX;
        let mut sink = 0usize;
        for _ in 0..5 {
            let t = Instant::now();
            for c in &chunks {
                let n = rasd_text::normalize(c);
                sink += n.len();
                if f >= 1 {
                    sink += rasd_text::tokenize(&n).len();
                }
                if f >= 2 {
                    sink += rasd_text::split_sentences(&n).len();
                }
            }
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        println!("{name:<32} {:>8.1} MB/s  ({sink})", text.len() as f64 / 1e6 / secs);
    }
}
