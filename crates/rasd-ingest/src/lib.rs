//! Ingestion, the first stage of rasd: turns what users have on disk into raw
//! articles (id, url, title, publication date, plain-text body).
//!
//! It reads plain text, HTML pages, JSON Lines and WARC web archives, each
//! optionally gzip-compressed, from files, directories or standard input, in
//! UTF-8 (with or without BOM), UTF-16 or legacy encodings such as
//! windows-1256. HTML goes through a Readability extractor (`dom_smoothie`),
//! so navigation, sidebars, comments and footers are left out.
//!
//! The body is *not* normalized here: the clean stage and the text layer do
//! that, and every later offset refers to their output, not to this.
//!
//! Errors never stop the run: [`read_inputs`] yields an `Err` for a bad file,
//! JSONL line or WARC record and carries on, and each [`IngestError`] names
//! the file and line or record.
//!
//! ```
//! let jsonl = concat!(
//!     r#"{"id":"a1","published":"2024-05-02T09:00:00Z","text":"افتتاح مكتبة عامة\n\nافتتحت البلدية مكتبة عامة جديدة."}"#, "\n",
//!     "not json\n",
//!     r#"{"id":"a3","html":"<p>وصل الوفد إلى المطار صباح اليوم.</p>"}"#, "\n",
//! );
//! let items = rasd_ingest::read_bytes("batch.jsonl", jsonl.as_bytes());
//! let first = items[0].as_ref().unwrap();
//! assert_eq!(first.title.as_deref(), Some("افتتاح مكتبة عامة"));
//! assert_eq!(first.published.as_deref(), Some("2024-05-02"));
//! assert_eq!(items[1].as_ref().unwrap_err().to_string().split(':').next(), Some("batch.jsonl"));
//! assert!(items[1].as_ref().unwrap_err().to_string().contains("line 2"));
//! assert_eq!(items[2].as_ref().unwrap().body, "وصل الوفد إلى المطار صباح اليوم.");
//! ```
#![deny(missing_docs)]

mod date;
mod decode;
mod error;
mod html;
mod jsonl;
pub mod nesting;
mod source;
mod title;
mod warc;

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

pub use date::normalize_date;
pub use decode::{decode_declared, decode_html, decode_text, DecodeError};
pub use error::{IngestError, Origin};
pub use html::{extract_html, HtmlArticle};
pub use source::Format;
pub use title::guess_title;

use source::{open_path, open_stream, Articles, STDIN_NAME};

/// Largest single txt or HTML document (and JSONL line, WARC record) read: 256 MiB.
/// JSONL and WARC files are streamed, so they may be larger as a whole.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// Longest article text analyzed: 2 MiB, about a million Arabic letters (a long news
/// article is some 50 kB). The pipeline's time is linear in the text, but its memory is
/// some 80 bytes per byte of text, so one article, however it came, is bounded here; a
/// longer one is an error ([`IngestError::TextTooLarge`]) that asks to split it.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// The article, or an error naming it when its text is over [`MAX_TEXT_BYTES`].
///
/// ```
/// use rasd_ingest::{check_text_size, Origin, RawArticle, MAX_TEXT_BYTES};
/// let a = RawArticle {
///     id: "a".into(), url: None, title: None, published: None,
///     body: "ب ".repeat(MAX_TEXT_BYTES), origin: Origin::file("long.txt"), input_bytes: 0,
/// };
/// let e = check_text_size(a).unwrap_err().to_string();
/// assert!(e.starts_with("long.txt: article text too long"), "{e}");
/// ```
pub fn check_text_size(article: RawArticle) -> Result<RawArticle, IngestError> {
    if article.body.len() <= MAX_TEXT_BYTES {
        return Ok(article);
    }
    Err(IngestError::TextTooLarge {
        origin: article.origin,
        size: article.body.len() as u64,
        limit: MAX_TEXT_BYTES as u64,
    })
}

/// One article as read from the input, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    /// File stem for txt/HTML; the JSONL `id` (else a hash of the url, else
    /// `<stem>-<line>`); for WARC a hash of the target URI.
    pub id: String,
    /// Where the article was published, when the input says.
    pub url: Option<String>,
    /// The headline, when the input gives one or it could be recognised.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when the input says.
    pub published: Option<String>,
    /// Plain text of the article: paragraphs separated by `"\n\n"`, lines as
    /// in the source (line endings unified to `\n`), otherwise not normalized.
    /// For txt the headline line stays in; for HTML the headline is put on top.
    pub body: String,
    /// Where it came from.
    pub origin: Origin,
    /// Bytes of input this article consumed (compressed bytes for gzip input),
    /// for throughput figures.
    pub input_bytes: u64,
}

/// A short, stable id for a URL (or any string): the first 16 hex digits of
/// its 64-bit FNV-1a hash. Not cryptographic; it only has to be stable and
/// spread well.
///
/// ```
/// assert_eq!(rasd_ingest::short_hash("https://example.org/a").len(), 16);
/// ```
pub fn short_hash(s: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in s.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Expands inputs and reads them: files, directories (recursive, sorted,
/// skipping hidden files and unknown extensions), and `-` for standard input
/// (format sniffed from content: JSONL if the first non-space character is
/// `{`, HTML if it has `<html`, `<body` or `<p`, else text).
///
/// The iterator is lazy and `Send`: files are opened as it reaches them, JSONL
/// and WARC are streamed. A bad file, line or record yields an `Err` item and
/// the iteration goes on with the rest.
pub fn read_inputs(
    inputs: &[PathBuf],
) -> impl Iterator<Item = Result<RawArticle, IngestError>> + Send {
    Inputs { queue: inputs.iter().map(|p| Pending::Named(p.clone())).collect(), current: None }
}

/// Reads one in-memory input whose format is given by a file name (`a.jsonl`,
/// `b.html.gz`; `-` or an unknown extension: sniffed from the content).
pub fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Result<RawArticle, IngestError>> {
    let shown = if name == "-" { STDIN_NAME } else { name };
    open_stream(
        Box::new(Cursor::new(bytes.to_vec())),
        name,
        shown.to_string(),
        Some(bytes.len() as u64),
    )
    .collect()
}

/// Total size in bytes of the expanded inputs (files as on disk, so
/// compressed size for gzip), for a progress bar. Reads metadata only;
/// standard input and unreadable paths count 0.
pub fn total_input_bytes(inputs: &[PathBuf]) -> u64 {
    let mut total = 0;
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                for file in walk(input).into_iter().flatten() {
                    total += fs::metadata(file).map_or(0, |m| m.len());
                }
            }
            Ok(m) => total += m.len(),
            Err(_) => {}
        }
    }
    total
}

enum Pending {
    /// As given by the user: a file, a directory or `-`.
    Named(PathBuf),
    /// A file found in a directory.
    Found(PathBuf),
    Failed(IngestError),
}

struct Inputs {
    queue: VecDeque<Pending>,
    current: Option<Articles>,
}

impl Iterator for Inputs {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.queue.pop_front()? {
                Pending::Failed(e) => return Some(Err(e)),
                Pending::Found(path) => self.current = Some(open_path(&path)),
                Pending::Named(path) if path.as_os_str() == "-" => {
                    self.current = Some(open_stream(
                        Box::new(std::io::stdin()),
                        "-",
                        STDIN_NAME.to_string(),
                        None,
                    ));
                }
                Pending::Named(path) => match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        let found = walk(&path);
                        if found.is_empty() {
                            return Some(Err(IngestError::NoArticles {
                                origin: Origin::file(path.display().to_string()),
                                detail: "the directory has no .txt, .html, .htm, .jsonl, .ndjson or .warc files (plain or .gz)".into(),
                            }));
                        }
                        for item in found.into_iter().rev() {
                            self.queue.push_front(match item {
                                Ok(p) => Pending::Found(p),
                                Err(e) => Pending::Failed(e),
                            });
                        }
                    }
                    // Named files are read whatever their extension; the
                    // format is then sniffed from the content.
                    Ok(_) => self.current = Some(open_path(&path)),
                    Err(source) => {
                        return Some(Err(IngestError::Io {
                            origin: Origin::file(path.display().to_string()),
                            source,
                        }))
                    }
                },
            }
        }
    }
}

/// The input files under a directory, depth first in name order, skipping
/// hidden entries and unknown extensions. Symlinked directories are followed
/// once (a link back up the tree would otherwise loop forever).
fn walk(dir: &Path) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk_into(dir, &mut out, &mut seen);
    out
}

fn walk_into(dir: &Path, out: &mut Vec<Result<PathBuf, IngestError>>, seen: &mut HashSet<PathBuf>) {
    if let Ok(canonical) = fs::canonicalize(dir) {
        if !seen.insert(canonical) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Err(IngestError::Io {
                origin: Origin::file(dir.display().to_string()),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        // fs::metadata follows symlinks, so linked files and directories count.
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_into(&path, out, seen),
            Ok(m) if m.is_file() => {
                let name =
                    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if Format::from_name(&name).is_some() {
                    out.push(Ok(path));
                }
            }
            Ok(_) => {}
            Err(source) => out.push(Err(IngestError::Io {
                origin: Origin::file(path.display().to_string()),
                source,
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fnv1a() {
        // Reference values of 64-bit FNV-1a.
        assert_eq!(short_hash(""), "cbf29ce484222325");
        assert_eq!(short_hash("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn read_inputs_is_send() {
        fn assert_send<T: Send>(_: T) {}
        assert_send(read_inputs(&[]));
    }

    #[test]
    fn missing_file_is_an_error_item() {
        let items: Vec<_> = read_inputs(&[PathBuf::from("/nonexistent/rasd/x.txt")]).collect();
        assert_eq!(items.len(), 1);
        let e = items[0].as_ref().unwrap_err();
        assert!(matches!(e, IngestError::Io { .. }));
        assert!(e.to_string().starts_with("/nonexistent/rasd/x.txt: cannot read"), "{e}");
    }
}
