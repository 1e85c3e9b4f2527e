//! The clause table (`clauses.tsv`, conventions in this folder's README): every sentence
//! cut into the clauses an analyst reads in it.

use rasd_attribution::Doc;
use rasd_syntax::{Grammar, Parse, Tags};

const TABLE: &str = include_str!("clauses.tsv");

/// A clause listing with punctuation dropped and words folded as the parser reads them.
fn folded(listing: &str) -> String {
    listing
        .split(" || ")
        .map(|part| {
            let (kind, words) = part.split_once(':').unwrap_or(("?", part));
            let view = rasd_text::normalize(words);
            let toks = rasd_text::tokenize(&view);
            let words: Vec<&str> = toks
                .iter()
                .filter(|t| t.kind != rasd_text::TokenKind::Punct)
                .map(|t| t.text(&view))
                .collect();
            format!("{}: {}", kind.trim(), words.join(" "))
        })
        .collect::<Vec<_>>()
        .join(" || ")
}

/// Merges neighbouring parts of one kind, as a flat listing cannot tell them apart.
fn merged(listing: &str) -> String {
    let mut out: Vec<(String, String)> = Vec::new();
    for part in listing.split(" || ") {
        let (kind, words) = part.split_once(": ").unwrap_or(("?", part));
        match out.last_mut() {
            Some((k, w)) if k == kind && kind != "comp" && kind != "coord" => {
                w.push(' ');
                w.push_str(words);
            }
            _ => out.push((kind.to_string(), words.to_string())),
        }
    }
    out.iter().map(|(k, w)| format!("{k}: {w}")).collect::<Vec<_>>().join(" || ")
}

fn cut(text: &str) -> String {
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, text);
    let doc = Doc::new(text, &ents, kb);
    let g = Grammar::embedded();
    let parse = Parse::new(&doc, g, Tags::new(&doc, g));
    (0..doc.sentences.len())
        .map(|s| parse.render_sentence(&doc, s))
        .collect::<Vec<_>>()
        .join(" || ")
}

#[test]
fn every_sentence_is_cut_as_the_table_says() {
    let mut failures = Vec::new();
    let mut n = 0;
    for row in rasd_text::phrases::tsv_rows(TABLE) {
        let (Some(text), Some(want)) = (row.first(), row.get(1)) else { continue };
        n += 1;
        let want = merged(&folded(want));
        let got = merged(&cut(text));
        if want != got {
            failures.push(format!("{text}\n   want: {want}\n    got: {got}"));
        }
    }
    assert!(n >= 120, "the table has {n} sentences");
    if std::env::var_os("RASD_SHOW").is_some() {
        eprintln!("{} of {n} differ:\n{}", failures.len(), failures.join("\n"));
    }
    let passed = n - failures.len();
    eprintln!("{passed} of {n} sentences cut as the table says");
    // A ratchet while the layer grows: the floor rises with every fix, never falls.
    assert!(
        passed >= PASS_FLOOR,
        "{passed} of {n}, below the floor of {PASS_FLOOR}:\n{}",
        failures.join("\n")
    );
}

/// How many sentences must be cut as the table says.
const PASS_FLOOR: usize = 120;
