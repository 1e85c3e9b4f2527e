use thiserror::Error;

/// A pattern file could not be used.
///
/// Every variant that comes from a row names its 1-based line number in the file the
/// user gave, so a message points straight at the row to fix.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CleanError {
    /// The first row that is neither blank nor a comment is not the expected header.
    #[error("pattern file line {line}: expected the header `id\tmatch\tpattern\tmax_words\tnote`, found `{found}`")]
    Header {
        /// Line number of the row read as the header.
        line: usize,
        /// What that row held.
        found: String,
    },
    /// A row is malformed: wrong number of columns, unknown match kind, bad number,
    /// empty field, or an id used twice.
    #[error("pattern file line {line}: {message}")]
    Row {
        /// Line number of the bad row.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A `regex` row does not compile.
    #[error("pattern file line {line}: regex of pattern `{id}` does not compile: {source}")]
    Regex {
        /// Line number of the bad row.
        line: usize,
        /// The row's id.
        id: String,
        /// What the regex engine said.
        #[source]
        source: Box<regex::Error>,
    },
    /// The patterns are valid one by one but too many or too large to compile together.
    #[error("pattern set does not compile: {0}")]
    Build(String),
}
