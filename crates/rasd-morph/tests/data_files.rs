//! Every lemma cell of every data file (`data/**/*.tsv`, and this crate's test lexicon)
//! parses and generates forms: a row a user adds with a typo fails here, not at load.

mod common;

use rasd_morph::{generate, Entry};

#[test]
fn every_lemma_cell_of_every_data_file_loads() {
    let cells = common::lemma_cells();
    for c in &cells {
        let entry = Entry::parse(&c.text)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", c.file.display(), c.line));
        assert!(!generate(&entry).is_empty(), "{}:{}: no forms", c.file.display(), c.line);
    }
    assert!(cells.len() >= 600, "only {} lemma cells found", cells.len());
}
