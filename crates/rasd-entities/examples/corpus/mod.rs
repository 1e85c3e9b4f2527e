//! The articles of a JSON Lines corpus, cleaned as the pipeline cleans them: shared by
//! the entity stage's examples.

use std::error::Error;

/// Each non-blank line's `id` and cleaned `title` + `text`, in order; a line that is no
/// JSON is an error naming the file and the line.
pub fn cleaned_articles(path: &str) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let corpus = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let cleaner = rasd_clean::Cleaner::embedded();
    let mut out = Vec::new();
    for (n, line) in corpus.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path} line {}: {e}", n + 1))?;
        let cell = |key: &str| value.get(key).and_then(|x| x.as_str());
        let text = cleaner.clean(cell("title"), cell("text").unwrap_or_default()).text;
        out.push((cell("id").unwrap_or_default().to_string(), text));
    }
    Ok(out)
}
