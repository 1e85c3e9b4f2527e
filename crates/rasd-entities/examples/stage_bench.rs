//! Times the entity stage as the pipeline runs it — `recognize_indexed` through
//! `rasd_attribution::Doc::with_offsets` — alone, over a JSON Lines corpus, with every
//! other stage's work (cleaning, the text layer) done beforehand:
//!
//! ```text
//! cargo run --release -p rasd-entities --example stage_bench -- ../shared/corpus/dev.jsonl 5 [EVICT_MB]
//! ```
//!
//! The first pass loads the word lists read on first use and is reported apart; the
//! passes after it are the steady state. In the pipeline the other stages push the
//! knowledge base and the recognizer's code out of the caches between articles: with
//! `EVICT_MB`, a buffer that large is read between articles (outside the timing), to
//! measure the stage as it runs there. Speed is measured here, never asserted.

use std::time::Instant;

mod corpus;

use rasd_text::clitics::TokenClitics;
use rasd_text::{normalize_indexed, split_sentences, tokenize};

// The allocator the `rasd` binary runs with, so that allocations cost what they cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "../shared/corpus/dev.jsonl".to_string());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(5);
    let evict_mb: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let mut evict = vec![1u64; evict_mb << 17];
    let kb = rasd_kb::Kb::embedded();
    let texts: Vec<String> =
        corpus::cleaned_articles(&path)?.into_iter().map(|(_, text)| text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut mentions = 0usize;
    for pass in 0..=passes {
        let mut spent = 0.0;
        for text in &texts {
            let (view, offsets) = normalize_indexed(text);
            let sentences = split_sentences(&view);
            let tokens = tokenize(&view);
            let clitics = TokenClitics::new(&view, &tokens);
            let t = Instant::now();
            let (entities, readings) =
                rasd_entities::recognize_indexed(kb, &offsets, &view, &tokens, &clitics);
            let doc = rasd_attribution::Doc::with_offsets(
                offsets, view, tokens, readings, &sentences, &entities, kb,
            );
            spent += t.elapsed().as_secs_f64();
            mentions += doc.entities.iter().map(|e| e.mentions.len()).sum::<usize>();
            // Every cache line of the buffer, read and written.
            for x in evict.iter_mut().step_by(8) {
                *x = x.wrapping_add(1);
            }
        }
        let what = if pass == 0 { "first pass" } else { "pass" };
        eprintln!(
            "{what:>10} {pass}: {:.1} ms, {:.1} MB/s",
            spent * 1e3,
            bytes as f64 / 1e6 / spent
        );
    }
    std::hint::black_box(&evict);
    eprintln!("{} articles, {:.1} MB, {mentions} mentions in all", texts.len(), bytes as f64 / 1e6);
    Ok(())
}
