//! The knowledge base's file format: UTF-8 TSV, `#` comment lines, one header row naming
//! the columns. Columns are found by name, so files may add columns or reorder them.

use crate::KbError;

/// One data row with access by column name.
pub struct Row<'h, 'a> {
    cols: &'h [&'a str],
    cells: &'h [&'a str],
    /// 1-based line number in the file.
    pub line: usize,
}

impl<'a> Row<'_, 'a> {
    /// A cell, trimmed; empty string when the column is absent or empty.
    pub fn get(&self, col: &str) -> &'a str {
        self.cols
            .iter()
            .position(|c| *c == col)
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    /// A non-empty cell.
    pub fn opt(&self, col: &str) -> Option<&'a str> {
        Some(self.get(col)).filter(|s| !s.is_empty())
    }

    /// The `|`-separated values of a cell.
    pub fn list(&self, col: &str) -> impl Iterator<Item = &'a str> {
        self.get(col).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// A number cell; empty is `None`, garbage is an error naming the line.
    pub fn num<T: std::str::FromStr>(&self, col: &str, file: &str) -> Result<Option<T>, KbError> {
        match self.opt(col) {
            None => Ok(None),
            Some(s) => s.parse().map(Some).map_err(|_| KbError::Parse {
                file: file.to_string(),
                line: self.line,
                message: format!("column `{col}`: `{s}` is not a number"),
            }),
        }
    }
}

/// Parses a TSV text, calling `f` for each data row. `required` columns must be in the
/// header.
pub fn parse<'a>(
    file: &str,
    text: &'a str,
    required: &[&str],
    mut f: impl FnMut(&Row<'_, 'a>) -> Result<(), KbError>,
) -> Result<(), KbError> {
    let mut header: Option<Vec<&'a str>> = None;
    // One buffer for the cells of every row.
    let mut cells: Vec<&'a str> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match &header {
            None => {
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                for r in required {
                    if !cols.contains(r) {
                        return Err(KbError::Parse {
                            file: file.to_string(),
                            line: i + 1,
                            message: format!("header lacks the column `{r}`"),
                        });
                    }
                }
                header = Some(cols);
            }
            Some(cols) => {
                cells.clear();
                cells.extend(line.split('\t'));
                let row = Row { cols, cells: &cells, line: i + 1 };
                f(&row)?;
            }
        }
    }
    Ok(())
}
