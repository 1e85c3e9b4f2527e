//! Times the analyzer: `cargo run --release -p rasd-morph --example throughput -- FILE...
//! [--mb N] [--runs N] [--lexicon TSV]`. Loads the test lexicon of about 600 lemmas
//! (`tests/lemmas.tsv`, or the lemma cells of any TSV file), reports how long compiling it
//! takes, then analyzes every token of the files' text (repeated
//! to N megabytes, 20 by default) and reports the cost per megabyte. Each article is
//! normalized and tokenized just before its analysis, which alone is timed: the pipeline
//! does those once for every stage. Best of five runs (`--runs`), as the machine may be busy.

use std::time::Instant;

use rasd_morph::Lexicon;

const LEMMAS: &str = include_str!("../tests/lemmas.tsv");

fn main() {
    let mut files = Vec::new();
    let mut mb = 20.0f64;
    let mut runs = 5usize;
    let mut lexicon = LEMMAS.to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            mb = args.next().and_then(|x| x.parse().ok()).unwrap_or(mb);
        } else if a == "--lexicon" {
            let path = args.next().unwrap_or_default();
            lexicon = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                eprintln!("{path}: {e}");
                std::process::exit(1)
            });
        } else if a == "--runs" {
            runs = args.next().and_then(|x| x.parse().ok()).unwrap_or(runs).max(1);
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: throughput FILE... [--mb N]");
        std::process::exit(2);
    }
    let rows: Vec<&str> = lexicon
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|cell| rasd_morph::is_entry(cell))
        .collect();
    let mut load = f64::MAX;
    let mut lex = Lexicon::default();
    for _ in 0..runs {
        let t = Instant::now();
        lex = match Lexicon::new(rows.iter().map(|r| (*r, ()))) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        load = load.min(t.elapsed().as_secs_f64());
    }
    println!("lexicon: {} lemmas, {} forms, load {:.1} ms", lex.len(), lex.forms(), load * 1e3);
    let text = read_all(&files, mb);
    let docs = articles(&text);
    let mut secs = f64::MAX;
    let (mut tokens, mut hits, mut analyses) = (0, 0, 0);
    for _ in 0..runs {
        let mut run = 0.0;
        (tokens, hits, analyses) = (0, 0, 0);
        for doc in &docs {
            // Each article is normalized and tokenized just before it is analyzed, as in
            // the pipeline, so its text is in cache; only the analysis is timed.
            let view = rasd_text::normalize(doc);
            let toks = rasd_text::tokenize(&view);
            let t = Instant::now();
            let all = lex.analyze_tokens(&view, &toks);
            run += t.elapsed().as_secs_f64();
            tokens += toks.len();
            for (_, a) in all.iter() {
                hits += 1;
                analyses += a.len();
            }
        }
        secs = secs.min(run);
    }
    let mbytes = text.len() as f64 / 1e6;
    println!(
        "analyze_tokens: {mbytes:.1} MB, {tokens} tokens, {hits} with {analyses} analyses; {:.2} ms per MB ({:.0} MB/s, {:.1} ns per token)",
        secs * 1e3 / mbytes,
        mbytes / secs,
        secs * 1e9 / tokens as f64
    );
}

/// The files' text, repeated to at least `mb` megabytes.
fn read_all(files: &[String], mb: f64) -> String {
    let mut one = String::new();
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(t) => {
                one.push_str(&t);
                one.push_str("\n\n");
            }
            Err(e) => {
                eprintln!("{f}: {e}");
                std::process::exit(1);
            }
        }
    }
    let times = ((mb * 1e6) / one.len().max(1) as f64).ceil().max(1.0) as usize;
    one.repeat(times)
}

/// The text cut into pieces of about 5 KB, a news article's length, at paragraph ends.
fn articles(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        if at - start >= 5000 {
            out.push(&text[start..at]);
            start = at + 2;
        }
    }
    out.push(&text[start..]);
    out
}
