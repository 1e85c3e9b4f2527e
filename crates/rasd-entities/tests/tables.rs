//! The recognizer against tables of sentences written for rasd (`tests/data/`): ordinary
//! words spelled like names must yield no entity, the same names used as names must be
//! found, and a place name several gazetteer entries share must resolve by its context.

use rasd_entities::recognize;
use rasd_kb::Kb;

/// The rows of a table: its non-comment lines after the header, split on tabs.
fn rows(table: &str) -> Vec<Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect()
}

/// Every entity's id with its mentions, for failure messages.
fn found(text: &str) -> Vec<String> {
    recognize(Kb::embedded(), text)
        .into_iter()
        .map(|e| {
            let m: Vec<String> = e.mentions.into_iter().map(|m| m.text).collect();
            format!("{} {m:?}", e.id)
        })
        .collect()
}

#[test]
fn ordinary_words_are_not_names() {
    let table = include_str!("data/common_words.tsv");
    let sentences = rows(table);
    assert!(sentences.len() >= 150, "{} sentences", sentences.len());
    let mut false_entities = Vec::new();
    for row in &sentences {
        let found = found(row[0]);
        if !found.is_empty() {
            false_entities.push(format!("{}: {found:?}", row[0]));
        }
    }
    assert!(false_entities.is_empty(), "{}", false_entities.join("\n"));
}

#[test]
fn the_same_names_used_as_names_are_found() {
    let table = include_str!("data/names_as_names.tsv");
    let cases = rows(table);
    let kb = Kb::embedded();
    let mut missed = Vec::new();
    for row in &cases {
        let (text, id) = (row[0], row[1]);
        if !recognize(kb, text).iter().any(|e| e.id == id) {
            missed.push(format!("{id} in {text}: {:?}", found(text)));
        }
    }
    let share = 1.0 - missed.len() as f64 / cases.len() as f64;
    assert!(share >= 0.95, "{:.3} found; missed:\n{}", share, missed.join("\n"));
}

#[test]
fn ambiguous_place_names_resolve_by_context() {
    let table = include_str!("data/place_disambiguation.tsv");
    let cases = rows(table);
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let kb = Kb::embedded();
    let mut wrong = Vec::new();
    for row in &cases {
        let (text, id) = (row[0], row[1]);
        if !recognize(kb, text).iter().any(|e| e.id == id) {
            wrong.push(format!("{id} in {text}: {:?}", found(text)));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}
