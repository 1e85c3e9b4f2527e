use thiserror::Error;

/// A lexicon file could not be used.
///
/// Every variant names the file (`months`, `units` or `words`), the index of the source
/// set it came from (0 for the first set passed to [`Lexicon::from_sources`], which is
/// the embedded one when extending it) and the 1-based line, so a message points
/// straight at the row to fix.
///
/// [`Lexicon::from_sources`]: crate::Lexicon::from_sources
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The first row that is neither blank nor a comment is not the expected header.
    #[error("{file} lexicon (source {source_index}) line {line}: expected the header `{expected}`, found `{found}`")]
    Header {
        /// Which file.
        file: &'static str,
        /// Which source set.
        source_index: usize,
        /// Line number of the row read as the header.
        line: usize,
        /// The header that was expected.
        expected: &'static str,
        /// What the row held.
        found: String,
    },
    /// A row is malformed: wrong number of columns, unknown class, bad value, a form
    /// that is not Arabic words.
    #[error("{file} lexicon (source {source_index}) line {line}: {message}")]
    Row {
        /// Which file.
        file: &'static str,
        /// Which source set.
        source_index: usize,
        /// Line number of the bad row.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}
