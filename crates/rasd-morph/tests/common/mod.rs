//! The lemma cells the integration tests read: every one under `data/` and this crate's
//! test lexicon.

use std::path::{Path, PathBuf};

/// A lemma cell and where it was found.
pub struct Cell {
    pub file: PathBuf,
    pub line: usize,
    pub text: String,
}

fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = read.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            tsv_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tsv") {
            out.push(p);
        }
    }
}

/// Every cell written in the entry syntax in the TSV files under `data/` and `tests/`.
pub fn lemma_cells() -> Vec<Cell> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    tsv_files(&root.join("../../data"), &mut files);
    tsv_files(&root.join("tests"), &mut files);
    let mut cells = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            for cell in line.split('\t').filter(|c| rasd_morph::is_entry(c)) {
                cells.push(Cell { file: file.clone(), line: n + 1, text: cell.to_string() });
            }
        }
    }
    cells
}
