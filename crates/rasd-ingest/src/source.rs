//! Opening one input: gzip, format detection, and dispatch to the readers.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use crate::decode::{decode_at, DecodeError};
use crate::jsonl::JsonlReader;
use crate::warc::WarcReader;
use crate::{check_text_size, html, title, IngestError, Origin, RawArticle, MAX_DOCUMENT_BYTES};

/// The articles of one input, lazily.
pub(crate) type Articles = Box<dyn Iterator<Item = Result<RawArticle, IngestError>> + Send>;

const BUF_SIZE: usize = 64 * 1024;

/// The name the origin of standard input is shown as.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text (`.txt`): one article per file.
    Text,
    /// A web page (`.html`, `.htm`): one article per file.
    Html,
    /// JSON Lines (`.jsonl`, `.ndjson`): one article object per line.
    Jsonl,
    /// A web archive (`.warc`): one article per HTML response record.
    Warc,
}

impl Format {
    /// The format a file name says, looking through a `.gz` suffix
    /// (`a.jsonl.gz` is JSONL); `None` for unknown extensions.
    ///
    /// ```
    /// use rasd_ingest::Format;
    /// assert_eq!(Format::from_name("news/a.HTML.gz"), Some(Format::Html));
    /// assert_eq!(Format::from_name("notes.md"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let inner = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = Path::new(inner).extension()?.to_str()?;
        match ext {
            "txt" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// Guesses the format of unnamed input (standard input) from its first
    /// bytes: JSONL if the first non-space character is `{`, WARC if it starts
    /// with `WARC/`, HTML if it has `<html`, `<body` or `<p` (or a doctype),
    /// else text. UTF-16 input is looked at as text, not as bytes.
    pub fn sniff(head: &[u8]) -> Format {
        let text = sniff_text(head);
        let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.starts_with('{') {
            return Format::Jsonl;
        }
        if trimmed.starts_with("WARC/") {
            return Format::Warc;
        }
        let lower: String = trimmed.chars().take(4096).collect::<String>().to_ascii_lowercase();
        if ["<html", "<body", "<p", "<!doctype html"].iter().any(|m| lower.contains(m)) {
            return Format::Html;
        }
        Format::Text
    }
}

/// The first bytes as text, well enough to look for ASCII markers.
fn sniff_text(head: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(head) {
        return enc.decode_without_bom_handling(&head[bom..]).0.into_owned();
    }
    // BOM-less UTF-16 shows in its first character, which in any markup or
    // JSON is ASCII: one zero byte and one non-zero. NULs further on (a WARC
    // holding an image) say nothing about the first bytes.
    if let [a, b, ..] = head {
        let enc = match (*a == 0, *b == 0) {
            (true, false) => Some(encoding_rs::UTF_16BE),
            (false, true) => Some(encoding_rs::UTF_16LE),
            _ => None,
        };
        if let Some(enc) = enc {
            return enc.decode_without_bom_handling(head).0.into_owned();
        }
    }
    String::from_utf8_lossy(head).into_owned()
}

/// Counts the bytes read from the underlying file, so that the bytes a
/// compressed input consumed can be reported per article.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Turns bytes a reader consumed into input bytes for [`RawArticle::input_bytes`]:
/// for compressed input, the compressed bytes read since the last article.
pub(crate) struct Meter {
    compressed: Option<Arc<AtomicU64>>,
    last: u64,
}

impl Meter {
    /// For uncompressed input: consumed bytes are input bytes.
    pub(crate) fn plain() -> Self {
        Meter { compressed: None, last: 0 }
    }

    fn compressed(counter: Arc<AtomicU64>) -> Self {
        Meter { compressed: Some(counter), last: 0 }
    }

    /// Input bytes accounted to an article whose (decompressed) text took `uncompressed` bytes.
    pub(crate) fn consumed(&mut self, uncompressed: u64) -> u64 {
        match &self.compressed {
            None => uncompressed,
            Some(counter) => {
                let now = counter.load(Ordering::Relaxed);
                let delta = now.saturating_sub(self.last);
                self.last = now;
                delta
            }
        }
    }

    /// A read error, as a gzip error when it came out of the decompressor.
    pub(crate) fn io_error(&self, origin: Origin, source: io::Error) -> IngestError {
        gz_or_io(self.compressed.is_some(), origin, source)
    }
}

fn gz_or_io(compressed: bool, origin: Origin, source: io::Error) -> IngestError {
    let from_decoder = matches!(
        source.kind(),
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof
    );
    if compressed && from_decoder {
        IngestError::Gzip { origin, source }
    } else {
        IngestError::Io { origin, source }
    }
}

pub(crate) fn decode_error(origin: Origin, e: DecodeError) -> IngestError {
    match e {
        DecodeError::Binary(detail) => IngestError::Binary { origin, detail },
        DecodeError::Empty => IngestError::Empty { origin },
        DecodeError::Undecodable(detail) => IngestError::Undecodable { origin, detail },
    }
}

fn once(item: Result<RawArticle, IngestError>) -> Articles {
    Box::new(std::iter::once(item))
}

/// The id of a whole-file article: the file name without `.gz` and extension.
pub(crate) fn stem_of(name: &str) -> String {
    if name == "-" || name == STDIN_NAME {
        return "stdin".to_string();
    }
    let file = Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let file = match file.len().checked_sub(3) {
        Some(i) if file.is_char_boundary(i) && file[i..].eq_ignore_ascii_case(".gz") => &file[..i],
        _ => &file,
    };
    let stem =
        Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if stem.is_empty() {
        file.to_string()
    } else {
        stem
    }
}

/// Opens a file and reads its articles lazily.
pub(crate) fn open_path(path: &Path) -> Articles {
    let shown = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return once(Err(IngestError::Io { origin: Origin::file(shown), source })),
    };
    let size = file.metadata().ok().map(|m| m.len());
    let name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    open_stream(Box::new(file), &name, shown, size)
}

/// Reads the articles of one input stream. `name` gives the format (and `-`
/// or an unknown extension means: sniff it), `shown` is the path for origins.
/// An article whose text is over [`crate::MAX_TEXT_BYTES`] is an error.
pub(crate) fn open_stream(
    raw: Box<dyn Read + Send>,
    name: &str,
    shown: String,
    size: Option<u64>,
) -> Articles {
    Box::new(open_unchecked(raw, name, shown, size).map(|item| item.and_then(check_text_size)))
}

fn open_unchecked(
    raw: Box<dyn Read + Send>,
    name: &str,
    shown: String,
    size: Option<u64>,
) -> Articles {
    let origin = Origin::file(shown.clone());
    let named_format = Format::from_name(name);
    let named_gz = name.to_ascii_lowercase().ends_with(".gz");
    let stem = stem_of(name);
    let count = Arc::new(AtomicU64::new(0));
    let mut reader = BufReader::with_capacity(
        BUF_SIZE,
        CountingReader { inner: raw, count: Arc::clone(&count) },
    );
    let is_gz = match reader.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(source) => return once(Err(IngestError::Io { origin, source })),
    };
    if named_gz && !is_gz {
        let source = io::Error::new(io::ErrorKind::InvalidData, "not gzip data (no gzip header)");
        return once(Err(IngestError::Gzip { origin, source }));
    }
    // Gzip is recognised by its header whatever the name says: a download
    // saved as `.html` is often still compressed.
    let (mut reader, meter): (Box<dyn BufRead + Send>, Meter) = if is_gz {
        let decoder = MultiGzDecoder::new(reader);
        (
            Box::new(BufReader::with_capacity(BUF_SIZE, decoder)),
            Meter::compressed(Arc::clone(&count)),
        )
    } else {
        (Box::new(reader), Meter::plain())
    };
    let format = match named_format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => return once(Err(meter.io_error(origin, e))),
        },
    };
    match format {
        Format::Jsonl => {
            // Refused up front: read line by line, a binary file would give an
            // "invalid JSON" error for every chunk between two newline bytes.
            let head = match reader.fill_buf() {
                Ok(head) => head,
                Err(e) => return once(Err(meter.io_error(origin, e))),
            };
            if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
                let detail = "JSON Lines must be UTF-8, this is UTF-16".to_string();
                return once(Err(IngestError::Undecodable { origin, detail }));
            }
            if head.contains(&0) {
                let detail = "contains NUL bytes (JSON Lines must be UTF-8 text)".to_string();
                return once(Err(IngestError::Binary { origin, detail }));
            }
            Box::new(JsonlReader::new(reader, shown, stem, meter))
        }
        Format::Warc => Box::new(WarcReader::new(reader, shown, stem, meter)),
        Format::Text | Format::Html => {
            if let Some(size) = size.filter(|&s| !is_gz && s > MAX_DOCUMENT_BYTES) {
                return once(Err(IngestError::TooLarge {
                    origin,
                    size,
                    limit: MAX_DOCUMENT_BYTES,
                }));
            }
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
                return once(Err(meter.io_error(origin, e)));
            }
            if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
                return once(Err(IngestError::TooLarge {
                    origin,
                    size: bytes.len() as u64,
                    limit: MAX_DOCUMENT_BYTES,
                }));
            }
            let input_bytes = size.unwrap_or_else(|| count.load(Ordering::Relaxed));
            once(document(&bytes, format, origin, stem, input_bytes))
        }
    }
}

/// One whole-file article (txt or HTML).
fn document(
    bytes: &[u8],
    format: Format,
    origin: Origin,
    id: String,
    input_bytes: u64,
) -> Result<RawArticle, IngestError> {
    let (title, published, body) = if format == Format::Html {
        let text =
            decode_at(bytes, Some(None), &origin).map_err(|e| decode_error(origin.clone(), e))?;
        let page = html::extract_at(&text, &origin)?;
        (page.title, page.published, page.body)
    } else {
        let text = decode_at(bytes, None, &origin).map_err(|e| decode_error(origin.clone(), e))?;
        let body = unify_newlines(text);
        (title::guess_title(&body), None, body)
    };
    Ok(RawArticle { id, url: None, title, published, body, origin, input_bytes })
}

/// CRLF and lone CR become LF, so that paragraphs are separated by `"\n\n"`
/// whatever system wrote the file. Nothing else in the text changes.
pub(crate) fn unify_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_name() {
        assert_eq!(Format::from_name("a.txt"), Some(Format::Text));
        assert_eq!(Format::from_name("a.htm"), Some(Format::Html));
        assert_eq!(Format::from_name("dir.x/a.NDJSON"), Some(Format::Jsonl));
        assert_eq!(Format::from_name("crawl.warc.gz"), Some(Format::Warc));
        assert_eq!(Format::from_name("a.gz"), None);
        assert_eq!(Format::from_name("README"), None);
        assert_eq!(Format::from_name("-"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"  \n{\"text\":\"x\"}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("مقدمة <p>فقرة".as_bytes()), Format::Html);
        assert_eq!(Format::sniff("خبر عادي".as_bytes()), Format::Text);
        let utf16: Vec<u8> = "<html><body>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(Format::sniff(&utf16), Format::Html);
        assert_eq!(Format::sniff(b"WARC/1.0\r\n\r\n\x89PNG\0\0\0"), Format::Warc);
    }

    #[test]
    fn stems() {
        assert_eq!(stem_of("dir/a.txt"), "a");
        assert_eq!(stem_of("a.b.jsonl.GZ"), "a.b");
        assert_eq!(stem_of("-"), "stdin");
        assert_eq!(stem_of("README"), "README");
        assert_eq!(stem_of(".hidden"), ".hidden");
    }

    #[test]
    fn newlines() {
        assert_eq!(unify_newlines("a\r\n\r\nb\rc".into()), "a\n\nb\nc");
    }
}
