//! Every lemma cell of every data file (`data/**/*.tsv`, and this crate's test lexicon)
//! parses and generates forms: a row a user adds with a typo fails here, not at load.

use std::path::{Path, PathBuf};

use rasd_morph::{generate, is_entry, Entry};

fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    for e in read.flatten() {
        let p = e.path();
        if p.is_dir() {
            tsv_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tsv") {
            out.push(p);
        }
    }
}

#[test]
fn every_lemma_cell_of_every_data_file_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    tsv_files(&root.join("../../data"), &mut files);
    tsv_files(&root.join("tests"), &mut files);
    let mut cells = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            for cell in line.split('\t').filter(|c| is_entry(c)) {
                let entry = Entry::parse(cell)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), n + 1));
                assert!(!generate(&entry).is_empty(), "{}:{}: no forms", file.display(), n + 1);
                cells += 1;
            }
        }
    }
    assert!(cells >= 600, "only {cells} lemma cells found");
}
