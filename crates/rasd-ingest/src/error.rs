use std::fmt;

/// Where an article came from, for error messages: the file and, for
/// multi-record files, the 1-based line (JSONL) or record number (WARC).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The input path as the user gave it (or as found in a directory walk);
    /// `<stdin>` for standard input.
    pub path: String,
    /// 1-based line (JSONL) or record number (WARC); `None` for whole-file inputs.
    pub record: Option<u64>,
}

impl Origin {
    /// A whole-file origin.
    pub fn file(path: impl Into<String>) -> Self {
        Origin { path: path.into(), record: None }
    }

    /// An origin inside a multi-record file.
    pub fn at(path: impl Into<String>, record: u64) -> Self {
        Origin { path: path.into(), record: Some(record) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{n}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// Why an input (a file, a JSONL line or a WARC record) yielded no article.
///
/// Every variant carries the [`Origin`] and its message starts with it, so the
/// CLI can print errors as they are.
#[derive(thiserror::Error, Debug)]
#[non_exhaustive]
pub enum IngestError {
    /// The file or directory could not be opened or read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// Where.
        origin: Origin,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// A single txt/HTML document (or one JSONL line / WARC record) is over the size limit.
    #[error("{origin}: too large ({size} bytes; the limit for one document is {limit} bytes)")]
    TooLarge {
        /// Where.
        origin: Origin,
        /// Size seen (at least this many bytes).
        size: u64,
        /// The limit, [`crate::MAX_DOCUMENT_BYTES`].
        limit: u64,
    },
    /// An article whose text (after HTML extraction) is over the limit the pipeline
    /// analyzes.
    #[error("{origin}: article text too long ({size} bytes; the limit for one article's text is {limit} bytes, split it into several articles)")]
    TextTooLarge {
        /// Where.
        origin: Origin,
        /// Bytes of text.
        size: u64,
        /// The limit, [`crate::MAX_TEXT_BYTES`].
        limit: u64,
    },
    /// The bytes are not text at all (NUL bytes that are not UTF-16, many control
    /// characters, or a known binary file signature).
    #[error("{origin}: binary content, not text ({detail})")]
    Binary {
        /// Where.
        origin: Origin,
        /// What gave it away.
        detail: String,
    },
    /// Nothing but whitespace (or nothing at all).
    #[error("{origin}: empty (no text)")]
    Empty {
        /// Where.
        origin: Origin,
    },
    /// The bytes are text in no encoding we could decode without loss.
    #[error("{origin}: undecodable text encoding: {detail}")]
    Undecodable {
        /// Where.
        origin: Origin,
        /// Which encodings were tried and how they failed.
        detail: String,
    },
    /// A JSONL line is not valid JSON or not a JSON object.
    #[error("{}: invalid JSON on line {}: {detail}", origin.path, origin.record.unwrap_or(0))]
    InvalidJson {
        /// Where (with the line number).
        origin: Origin,
        /// The parser's complaint.
        detail: String,
    },
    /// A JSONL object has neither a `text` nor an `html` string.
    #[error("{}: line {} has no \"text\" or \"html\" field", origin.path, origin.record.unwrap_or(0))]
    MissingText {
        /// Where (with the line number).
        origin: Origin,
    },
    /// A JSONL field has the wrong type.
    #[error("{}: line {}: field \"{field}\" {detail}", origin.path, origin.record.unwrap_or(0))]
    BadField {
        /// Where (with the line number).
        origin: Origin,
        /// The field's name.
        field: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// HTML parsed (however broken), but no article text could be extracted from it.
    #[error("{origin}: HTML has no extractable text")]
    NoText {
        /// Where.
        origin: Origin,
    },
    /// Gzip data that is not gzip, is corrupt or ends early.
    #[error("{origin}: bad gzip data: {source}")]
    Gzip {
        /// Where.
        origin: Origin,
        /// The decompressor's complaint.
        #[source]
        source: std::io::Error,
    },
    /// A WARC record that cannot be parsed (bad version line, headers or length).
    #[error("{}: WARC record {}: malformed: {detail}", origin.path, origin.record.unwrap_or(0))]
    Warc {
        /// Where (with the record number).
        origin: Origin,
        /// What is wrong.
        detail: String,
    },
    /// A WARC record cut short by the end of the file.
    #[error("{}: WARC record {}: truncated: {detail}", origin.path, origin.record.unwrap_or(0))]
    TruncatedWarc {
        /// Where (with the record number).
        origin: Origin,
        /// How much was expected and found.
        detail: String,
    },
    /// A multi-record file (JSONL, WARC) that held no usable record at all.
    #[error("{origin}: no articles: {detail}")]
    NoArticles {
        /// Where.
        origin: Origin,
        /// Why none were found.
        detail: String,
    },
}

impl IngestError {
    /// Where the error happened.
    pub fn origin(&self) -> &Origin {
        match self {
            IngestError::Io { origin, .. }
            | IngestError::TooLarge { origin, .. }
            | IngestError::TextTooLarge { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::Empty { origin }
            | IngestError::Undecodable { origin, .. }
            | IngestError::InvalidJson { origin, .. }
            | IngestError::MissingText { origin }
            | IngestError::BadField { origin, .. }
            | IngestError::NoText { origin }
            | IngestError::Gzip { origin, .. }
            | IngestError::Warc { origin, .. }
            | IngestError::TruncatedWarc { origin, .. }
            | IngestError::NoArticles { origin, .. } => origin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_display() {
        assert_eq!(Origin::file("a/b.txt").to_string(), "a/b.txt");
        assert_eq!(Origin::at("c.jsonl", 7).to_string(), "c.jsonl:7");
    }

    #[test]
    fn messages_name_file_and_line() {
        let e = IngestError::InvalidJson {
            origin: Origin::at("news.jsonl", 3),
            detail: "expected value (column 1)".into(),
        };
        assert_eq!(e.to_string(), "news.jsonl: invalid JSON on line 3: expected value (column 1)");
        let e = IngestError::TruncatedWarc {
            origin: Origin::at("crawl.warc.gz", 4),
            detail: "x".into(),
        };
        assert!(e.to_string().starts_with("crawl.warc.gz: WARC record 4: truncated"));
        assert_eq!(e.origin().record, Some(4));
    }
}
