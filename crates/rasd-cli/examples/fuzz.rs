//! A mutation fuzzer for rasd's parsers and pipeline that builds with stable Rust.
//!
//! ```sh
//! cargo run --release -p rasd --example fuzz -- [--secs 30] [--target all|html|warc|jsonl|decode|pipeline]
//! ```
//!
//! Each target starts from its committed seeds (`tests/fuzz/<target>/`, written for this
//! project) and for its share of the time mutates them (bit flips, bytes that matter to
//! the parsers, cut, repeated and spliced pieces), running the target on each input. A
//! panic is a finding: the input is saved under `target/fuzz-findings/` and the run
//! fails. Inputs that reached a new outcome (a different error, another number of
//! articles) join the working set, so the search goes beyond the seeds.

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Longest input tried: long enough for nesting and many records, short enough for
/// thousands of runs a second.
const MAX_INPUT: usize = 64 * 1024;

/// Bytes that change what a parser does.
const SPECIAL: &[&[u8]] = &[
    b"<",
    b">",
    b"</div>",
    b"<div>",
    b"<p>",
    b"\"",
    b"'",
    b"\n",
    b"\r\n",
    b"\r\n\r\n",
    b"{",
    b"}",
    b":",
    b",",
    b"\\",
    b"\0",
    b"\xff",
    b"\xd8",
    b"\xef\xbb\xbf",
    b"WARC/1.1\r\n",
    b"Content-Length: 99999\r\n",
    b"charset=",
    ".".as_bytes(),
    "،".as_bytes(),
    " و".as_bytes(),
    "مع".as_bytes(),
    "قتل ".as_bytes(),
    "1,000".as_bytes(),
    "٣٠".as_bytes(),
];

/// A small, fast generator (xorshift64*): reproducible runs from a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `input`, another input (`other`) available for splicing.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, other: &[u8]) {
    let at = rng.below(input.len() + 1);
    match rng.below(7) {
        0 if !input.is_empty() => {
            let k = rng.below(input.len());
            input[k] ^= 1 << rng.below(8);
        }
        1 => {
            let s = SPECIAL[rng.below(SPECIAL.len())];
            input.splice(at..at, s.iter().copied());
        }
        2 if !input.is_empty() => {
            let end = (at + rng.below(64)).min(input.len());
            input.drain(at.min(end)..end);
        }
        3 if !input.is_empty() => {
            // A piece repeated: deep nesting, long runs, many records.
            let a = rng.below(input.len());
            let b = (a + 1 + rng.below(32)).min(input.len());
            let piece = input[a..b].to_vec();
            for _ in 0..1 + rng.below(64) {
                input.splice(at..at, piece.iter().copied());
            }
        }
        4 if !other.is_empty() => {
            let a = rng.below(other.len());
            let b = (a + rng.below(256)).min(other.len());
            input.splice(at..at, other[a..b].iter().copied());
        }
        5 => input.truncate(at),
        _ => input.insert(at, rng.next() as u8),
    }
    input.truncate(MAX_INPUT);
}

/// What running a target gave, coarse enough that a new value means new behaviour.
type Outcome = String;

fn run_target(target: &str, input: &[u8], pipeline: &rasd_pipeline::Pipeline) -> Outcome {
    let text = || String::from_utf8_lossy(input).into_owned();
    let items = |name: &str| {
        rasd_ingest::read_bytes(name, input)
            .iter()
            .map(|r| match r {
                Ok(_) => "ok".to_string(),
                Err(e) => e.to_string().split(':').nth(1).unwrap_or("").trim().to_string(),
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    match target {
        "html" => match rasd_ingest::extract_html(&text()) {
            Some(a) => format!("page {} {}", a.body.lines().count().min(20), a.flattened > 0),
            None => "none".into(),
        },
        "warc" => items("fuzz.warc"),
        "jsonl" => items("fuzz.jsonl"),
        "decode" => {
            let t = rasd_ingest::decode_text(input).map(|t| t.chars().count().min(8));
            let h = rasd_ingest::decode_html(input, Some("windows-1256")).is_ok();
            format!("{t:?} {h}")
        }
        "pipeline" => {
            let body = text();
            let doc = pipeline.analyze(&rasd_pipeline::Input {
                id: "f",
                body: &body,
                ..Default::default()
            });
            check_spans(&doc);
            format!(
                "{} {} {}",
                doc.entities.len().min(5),
                doc.events.len().min(5),
                doc.casualties.len().min(5)
            )
        }
        other => panic!("no target {other}"),
    }
}

/// The contract every document keeps: spans inside the text, sentences in order.
fn check_spans(doc: &rasd_model::Document) {
    let n = doc.text.chars().count();
    for s in doc.spans() {
        assert!(s.start <= s.end && s.end <= n, "span {s:?} outside a text of {n}");
    }
    for w in doc.sentences.windows(2) {
        assert!(w[0][1] <= w[1][0], "sentences overlap: {w:?}");
    }
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut out: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

/// Fuzzes one target for `budget`; the inputs that panicked.
fn fuzz(
    target: &str,
    budget: Duration,
    rng: &mut Rng,
    pipeline: &rasd_pipeline::Pipeline,
) -> usize {
    let mut pool = seeds(target);
    let mut seen: HashSet<Outcome> = HashSet::new();
    let (mut runs, mut found) = (0u64, 0usize);
    let started = Instant::now();
    while started.elapsed() < budget {
        let mut input = pool[rng.below(pool.len())].clone();
        let other = pool[rng.below(pool.len())].clone();
        for _ in 0..1 + rng.below(8) {
            mutate(rng, &mut input, &other);
        }
        runs += 1;
        match catch_unwind(AssertUnwindSafe(|| run_target(target, &input, pipeline))) {
            Ok(outcome) => {
                if seen.insert(outcome) && pool.len() < 4096 {
                    pool.push(input);
                }
            }
            Err(e) => {
                found += 1;
                let why = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let path = save_finding(target, &input);
                eprintln!("{target}: PANIC ({why}); input saved to {}", path.display());
            }
        }
    }
    eprintln!(
        "{target}: {runs} runs in {:.0} s, {} outcomes, {found} panics",
        started.elapsed().as_secs_f64(),
        seen.len()
    );
    found
}

fn save_finding(target: &str, input: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-findings");
    let _ = std::fs::create_dir_all(&dir);
    let hash = input
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let path = dir.join(format!("{target}-{hash:016x}"));
    let _ = std::fs::write(&path, input);
    path
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let secs: u64 = arg("--secs").and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = arg("--seed").and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let all = ["html", "warc", "jsonl", "decode", "pipeline"];
    let targets: Vec<&str> = match arg("--target").map(String::as_str) {
        None | Some("all") => all.to_vec(),
        Some(t) => vec![all.iter().copied().find(|x| *x == t).unwrap_or("pipeline")],
    };
    // Findings are reported once, by the loop, not by the default hook's backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let pipeline = rasd_pipeline::Pipeline::embedded();
    let mut rng = Rng(seed | 1);
    let found: usize =
        targets.iter().map(|t| fuzz(t, Duration::from_secs(secs), &mut rng, &pipeline)).sum();
    if found > 0 {
        eprintln!("{found} panics: inputs in target/fuzz-findings/");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
