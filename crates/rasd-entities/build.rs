//! Compiles the two large word lists of `data/lexicon` (`ar_word_freq_low.tsv`, about
//! 94,000 rows, and `name_words.tsv`, about 12,000) into hash tables that the recognizer
//! reads in place (`src/words.rs`). Built at run time, on the first article, they cost
//! more than that article's whole recognition; compiled here, they cost nothing to load.
//!
//! Rows are read as `rasd_text::phrases::tsv_rows` reads them (`#` comments and blank
//! lines skipped, then a header row; cells split at tabs and trimmed), and a word given
//! twice keeps its last value, as a map collected from the rows would; a test compares
//! every row with the compiled table.
//!
//! The table (little-endian): the magic `RWT2` and the number of slots (a power of two,
//! at least twice the number of words) as a `u32`; then each slot, eight bytes: the
//! offset in the text of the word placed there by `word_hash` with linear probing (`u32`,
//! `u32::MAX` in a free slot), its length (`u16`), its value and the top byte of its hash
//! (so that a lookup reads the text only of a word that may be the one asked); then the
//! words' text.

use std::collections::HashMap;
use std::error::Error;
use std::path::Path;

include!("src/word_hash.rs");

/// (source in `data/lexicon`, compiled file in `OUT_DIR`, the value a row gives).
type List = (&'static str, &'static str, fn(&[&str]) -> Option<u8>);

const LISTS: &[List] = &[
    ("ar_word_freq_low.tsv", "low_freq.bin", |cells| cells.get(1)?.parse().ok()),
    ("name_words.tsv", "name_words.bin", |_| Some(1)),
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=src/word_hash.rs");
    let out = std::env::var("OUT_DIR")?;
    let data = Path::new(&std::env::var("CARGO_MANIFEST_DIR")?).join("../../data/lexicon");
    for &(source, compiled, value) in LISTS {
        let path = data.join(source);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)?;
        std::fs::write(Path::new(&out).join(compiled), table(&text, value))?;
    }
    Ok(())
}

/// The compiled table of a list's rows.
fn table(text: &str, value: fn(&[&str]) -> Option<u8>) -> Vec<u8> {
    let mut words: Vec<(&str, u8)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let rows = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1);
    for row in rows {
        let cells: Vec<&str> = row.split('\t').map(str::trim).collect();
        let (Some(&word), Some(v)) = (cells.first(), value(&cells)) else { continue };
        match seen.get(word) {
            Some(&k) => words[k].1 = v,
            None => {
                seen.insert(word, words.len());
                words.push((word, v));
            }
        }
    }
    let slots_len = (words.len() * 2).next_power_of_two().max(64);
    let mut slots = vec![None; slots_len];
    let mut offset = 0u32;
    for &(word, v) in &words {
        let hash = word_hash(word.as_bytes());
        let mut at = hash as usize & (slots_len - 1);
        while slots[at].is_some() {
            at = (at + 1) & (slots_len - 1);
        }
        slots[at] = Some((offset, word.len() as u16, v, (hash >> 56) as u8));
        offset += word.len() as u32;
    }
    let mut out = Vec::new();
    out.extend_from_slice(WORD_TABLE_MAGIC);
    out.extend_from_slice(&(slots_len as u32).to_le_bytes());
    for slot in slots {
        let (offset, len, v, tag) = slot.unwrap_or((u32::MAX, 0, 0, 0));
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&[v, tag]);
    }
    for (word, _) in &words {
        out.extend_from_slice(word.as_bytes());
    }
    out
}
