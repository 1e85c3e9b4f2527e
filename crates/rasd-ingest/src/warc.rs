//! WARC: HTML pages out of web-archive response records, streamed record by record.
//!
//! The format is parsed here rather than with `rust_warc` because that crate
//! allocates whatever `Content-Length` claims before reading, requires CRLF
//! exactly, and stops at the first malformed record; crawls in the wild have
//! LF-only files, stray blank lines, and damage in the middle. Here a
//! malformed record is reported and reading resumes at the next `WARC/` line;
//! a truncated record ends the file with an error, and records before it
//! are kept.

use std::io::{self, BufRead, Read};

use crate::decode::{charset_param, decode_at, find};
use crate::source::{decode_error, Meter};
use crate::{html, short_hash, IngestError, Origin, RawArticle, MAX_DOCUMENT_BYTES};

/// Where the next record starts inside `block`: after a blank line, a `WARC/1.` version
/// line (no page holds that at a line start after an empty one).
fn next_record_in(block: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = find(&block[from..], b"\nWARC/1.") {
        let at = from + k + 1;
        let before = &block[..at - 1];
        if before.ends_with(b"\n") || before.ends_with(b"\n\r") {
            return Some(at);
        }
        from = at;
    }
    None
}

/// Longest header line accepted; real ones are far shorter.
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// Most header lines accepted in one record.
const MAX_HEADER_LINES: usize = 1000;

/// An HTTP body and the charset its headers declare.
type HttpPage = (Vec<u8>, Option<String>);

/// What one record turned out to be.
enum Record {
    Article(Box<RawArticle>),
    /// Not an HTML page (request, metadata, warcinfo, image, redirect, ...).
    Skip,
}

/// Iterates over the HTML pages in a WARC stream.
pub(crate) struct WarcReader<R> {
    reader: R,
    path: String,
    stem: String,
    meter: Meter,
    record_no: u64,
    /// A version line found while skipping damage, to start the next record with.
    peeked: Option<Vec<u8>>,
    /// Bytes read as a record's block that turned out to belong to the records after it
    /// (its Content-Length lied), read again before the stream; and how far.
    replay: Vec<u8>,
    replay_at: usize,
    line: Vec<u8>,
    /// Uncompressed bytes read since the last record was yielded.
    consumed: u64,
    done: bool,
    yielded: u64,
}

impl<R: BufRead> WarcReader<R> {
    pub(crate) fn new(reader: R, path: String, stem: String, meter: Meter) -> Self {
        WarcReader {
            reader,
            path,
            stem,
            meter,
            record_no: 0,
            peeked: None,
            replay: Vec::new(),
            replay_at: 0,
            line: Vec::new(),
            consumed: 0,
            done: false,
            yielded: 0,
        }
    }

    fn origin(&self) -> Origin {
        Origin::at(self.path.clone(), self.record_no)
    }

    /// Reads one line into `self.line`; `Ok(false)` at the end of the stream.
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        let rest = self.replay.get(self.replay_at..).unwrap_or_default();
        let from_replay = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| p + 1)
            .min(MAX_HEADER_LINE as usize);
        self.line.extend_from_slice(&rest[..from_replay]);
        self.replay_at += from_replay;
        let mut n = from_replay;
        if !self.line.ends_with(b"\n") {
            let limit = MAX_HEADER_LINE - from_replay as u64;
            n += Read::take(&mut self.reader, limit).read_until(b'\n', &mut self.line)?;
        }
        self.consumed += n as u64;
        Ok(n > 0)
    }

    /// Reads a record's block of `length` bytes (replayed bytes first) into `block`, or
    /// past it when `keep` is false; how many bytes there were.
    fn read_block(&mut self, length: u64, keep: bool, block: &mut Vec<u8>) -> io::Result<u64> {
        let rest = self.replay.get(self.replay_at..).unwrap_or_default();
        let from_replay = rest.len().min(usize::try_from(length).unwrap_or(usize::MAX));
        if keep {
            block.extend_from_slice(&rest[..from_replay]);
        }
        self.replay_at += from_replay;
        let mut more = Read::take(&mut self.reader, length - from_replay as u64);
        let n = if keep {
            more.read_to_end(block)? as u64
        } else {
            io::copy(&mut more, &mut io::sink())?
        };
        Ok(from_replay as u64 + n)
    }

    /// When `block` holds the start of the next record (a blank line, then a version
    /// line), the Content-Length lied: the block is cut there and the rest read again as
    /// the records that follow, rather than swallowed.
    fn cut_at_next_record(&mut self, block: &mut Vec<u8>) -> bool {
        let Some(at) = next_record_in(block) else { return false };
        let mut rest = block.split_off(at);
        while block.last().is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            block.pop();
        }
        tracing::warn!(
            "{}: Content-Length runs past the record into the next one; read up to where the next begins",
            self.origin()
        );
        self.consumed = self.consumed.saturating_sub(rest.len() as u64);
        rest.extend_from_slice(self.replay.get(self.replay_at..).unwrap_or_default());
        self.replay = rest;
        self.replay_at = 0;
        true
    }

    /// A fatal error: reading cannot go on past it.
    fn fatal(&mut self, err: IngestError) -> Result<Option<Record>, IngestError> {
        self.done = true;
        Err(err)
    }

    fn io_fatal(&mut self, e: io::Error) -> Result<Option<Record>, IngestError> {
        let err = self.meter.io_error(self.origin(), e);
        self.fatal(err)
    }

    /// Reports a malformed record and skips to the next line that starts a record.
    fn malformed(&mut self, detail: String) -> Result<Option<Record>, IngestError> {
        let origin = self.origin();
        loop {
            match self.read_line() {
                Ok(true) if self.line.starts_with(b"WARC/") => {
                    self.peeked = Some(std::mem::take(&mut self.line));
                    break;
                }
                Ok(true) => {}
                Ok(false) | Err(_) => {
                    self.done = true;
                    break;
                }
            }
        }
        Err(IngestError::Warc { origin, detail })
    }

    fn read_record(&mut self) -> Result<Option<Record>, IngestError> {
        // Version line, after any blank lines (the CRLF CRLF that ends the
        // previous record, or stray ones).
        if let Some(line) = self.peeked.take() {
            self.line = line;
        } else {
            loop {
                match self.read_line() {
                    Ok(false) => return Ok(None),
                    Ok(true) if self.line.trim_ascii().is_empty() => {}
                    Ok(true) => break,
                    Err(e) => return self.io_fatal(e),
                }
            }
        }
        self.record_no += 1;
        if !self.line.starts_with(b"WARC/") {
            let found = String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).into_owned();
            return self.malformed(format!(
                "expected a \"WARC/1.x\" version line, found {:?}",
                found.trim_end()
            ));
        }

        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.read_line() {
                Ok(true) => {}
                Ok(false) => {
                    let detail = "the file ends inside the record's header".to_string();
                    let origin = self.origin();
                    return self.fatal(IngestError::TruncatedWarc { origin, detail });
                }
                Err(e) => return self.io_fatal(e),
            }
            let line = String::from_utf8_lossy(self.line.trim_ascii_end()).into_owned();
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADER_LINES {
                return self.malformed(format!("more than {MAX_HEADER_LINES} header lines"));
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                    continue;
                }
            }
            let Some((name, value)) = line.split_once(':') else {
                return self
                    .malformed(format!("header line without ':': {:?}", truncate(&line, 60)));
            };
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let Some(length) = header("content-length") else {
            return self.malformed("no Content-Length header".into());
        };
        let Ok(length) = length.parse::<u64>() else {
            let detail = format!("Content-Length {length:?} is not a number");
            return self.malformed(detail);
        };
        let warc_type = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let wanted = warc_type == "response" || warc_type == "resource";

        let mut block = Vec::new();
        // Every record within the size limit is read, wanted or not, so that one whose
        // Content-Length lies is caught before it swallows the next.
        let keep = length <= MAX_DOCUMENT_BYTES;
        let got = match self.read_block(length, keep, &mut block) {
            Ok(n) => n,
            Err(e) => return self.io_fatal(e),
        };
        self.consumed += got;
        let cut = keep && self.cut_at_next_record(&mut block);
        if got < length && !cut {
            let origin = self.origin();
            let detail = format!("Content-Length is {length} bytes but the file ends after {got}");
            return self.fatal(IngestError::TruncatedWarc { origin, detail });
        }
        if !wanted {
            return Ok(Some(Record::Skip));
        }
        if length > MAX_DOCUMENT_BYTES {
            return Err(IngestError::TooLarge {
                origin: self.origin(),
                size: length,
                limit: MAX_DOCUMENT_BYTES,
            });
        }

        let url = header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>', ' ']).to_string())
            .filter(|u| !u.is_empty());
        let record_content_type = header("content-type").unwrap_or("").to_ascii_lowercase();
        let page = if warc_type == "response" {
            if !record_content_type.is_empty()
                && !record_content_type.starts_with("application/http")
            {
                return Ok(Some(Record::Skip)); // dns:, whois: and other non-HTTP responses
            }
            match http_html_body(&block, self.origin())? {
                Some(page) => page,
                None => return Ok(Some(Record::Skip)),
            }
        } else {
            if !is_html_type(&record_content_type) {
                return Ok(Some(Record::Skip));
            }
            let charset = charset_param(record_content_type.as_bytes());
            (block, charset)
        };
        let (body, charset) = page;
        let origin = self.origin();
        let text = decode_at(&body, Some(charset.as_deref()), &origin)
            .map_err(|e| decode_error(origin.clone(), e))?;
        let article = html::extract_at(&text, &origin)?;
        let id = url
            .as_deref()
            .or(header("warc-record-id"))
            .map(short_hash)
            .unwrap_or_else(|| format!("{}-{}", self.stem, self.record_no));
        let input_bytes = self.meter.consumed(std::mem::take(&mut self.consumed));
        Ok(Some(Record::Article(Box::new(RawArticle {
            id,
            url,
            title: article.title,
            published: article.published,
            body: article.body,
            origin,
            input_bytes,
        }))))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.read_record() {
                Ok(None) => {
                    self.done = true;
                    if self.yielded == 0 {
                        let detail = if self.record_no == 0 {
                            "no WARC records".to_string()
                        } else {
                            format!("none of its {} WARC records is an HTML page", self.record_no)
                        };
                        return Some(Err(IngestError::NoArticles {
                            origin: Origin::file(self.path.clone()),
                            detail,
                        }));
                    }
                }
                Ok(Some(Record::Skip)) => {}
                Ok(Some(Record::Article(a))) => {
                    self.yielded += 1;
                    return Some(Ok(*a));
                }
                Err(e) => {
                    self.yielded += 1;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn is_html_type(content_type: &str) -> bool {
    content_type.contains("html")
}

/// The HTML body of an HTTP response and the charset its headers declare, or
/// `None` when the response is not a successful HTML page.
fn http_html_body(block: &[u8], origin: Origin) -> Result<Option<HttpPage>, IngestError> {
    if !block.starts_with(b"HTTP/") {
        return Err(IngestError::Warc {
            origin,
            detail: "response record does not hold an HTTP response".into(),
        });
    }
    let (head, body) = match find(block, b"\r\n\r\n") {
        Some(i) => (&block[..i], &block[i + 4..]),
        None => match find(block, b"\n\n") {
            Some(i) => (&block[..i], &block[i + 2..]),
            None => (block, &[][..]),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(None); // redirects and error pages are not articles
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => encoding = Some(value),
            _ => {}
        }
    }
    let body_looks_html = || {
        let head: Vec<u8> = body.iter().take(1024).map(u8::to_ascii_lowercase).collect();
        find(&head, b"<html").is_some() || find(&head, b"<!doctype html").is_some()
    };
    match &content_type {
        Some(ct) if !is_html_type(ct) => return Ok(None),
        None if !body_looks_html() => return Ok(None),
        _ => {}
    }
    let charset = content_type.as_deref().and_then(|ct| charset_param(ct.as_bytes()));
    // Crawlers store bodies as sent, so they may still be chunked or
    // compressed; many also decode them but keep the original headers, so
    // every step checks the bytes before trusting the header.
    let mut body =
        if chunked { dechunk(body).unwrap_or_else(|| body.to_vec()) } else { body.to_vec() };
    match encoding.as_deref() {
        Some("gzip" | "x-gzip") if body.starts_with(&[0x1f, 0x8b]) => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_DOCUMENT_BYTES)
                .read_to_end(&mut out)
                .map_err(|source| IngestError::Gzip { origin: origin.clone(), source })?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            if flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_DOCUMENT_BYTES)
                .read_to_end(&mut out)
                .is_ok()
            {
                body = out;
            }
        }
        Some(enc @ ("br" | "zstd" | "compress")) if !body_looks_html() => {
            return Err(IngestError::Undecodable {
                origin,
                detail: format!("the HTTP body is {enc}-compressed, which is not supported"),
            });
        }
        _ => {}
    }
    Ok(Some((body, charset)))
}

/// Undoes HTTP chunked transfer encoding; `None` if the body is not chunked after all.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = find(data, b"\n")?;
        let size_line = std::str::from_utf8(&data[..eol]).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            return None;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data.strip_prefix(b"\r\n").or_else(|| data.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8]) -> Vec<Result<RawArticle, IngestError>> {
        WarcReader::new(input, "t.warc".into(), "t".into(), Meter::plain()).collect()
    }

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    const PAGE: &str = "<html><head><title>اجتماع لمجلس الأمن الإقليمي</title></head><body><p>عقد مجلس الأمن الإقليمي اجتماعاً مطولاً أمس لمناقشة الأوضاع على الحدود.</p></body></html>";

    #[test]
    fn response_records_only() {
        let mut w = record("warcinfo", "", b"software: test");
        w.extend(record("request", "https://example.org/a", b"GET /a HTTP/1.1\r\n\r\n"));
        let resp =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        w.extend(record("response", "https://example.org/a", resp.as_bytes()));
        let first_three = w.len();
        w.extend(record(
            "response",
            "https://example.org/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(record("response", "https://example.org/old", b"HTTP/1.1 301 Moved\r\nLocation: /a\r\nContent-Type: text/html\r\n\r\n<html>moved</html>"));
        let out = records(&w);
        assert_eq!(out.len(), 1);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.id, short_hash("https://example.org/a"));
        assert_eq!(a.origin.record, Some(3));
        assert!(a.body.contains("عقد مجلس الأمن"));
        // Everything read up to the end of this record's block.
        assert_eq!(a.input_bytes, (first_three - 4) as u64);
    }

    #[test]
    fn chunked_gzip_and_legacy_charset() {
        let (legacy, _, _) = encoding_rs::WINDOWS_1256.encode(PAGE);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &legacy).unwrap();
        let gz = gz.finish().unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let (a, b) = gz.split_at(gz.len() / 2);
        for part in [a, b] {
            http.extend(format!("{:x}\r\n", part.len()).bytes());
            http.extend_from_slice(part);
            http.extend_from_slice(b"\r\n");
        }
        http.extend_from_slice(b"0\r\n\r\n");
        let out = records(&record("response", "<https://example.org/b>", &http));
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://example.org/b"));
        assert_eq!(a.title.as_deref(), Some("اجتماع لمجلس الأمن الإقليمي"));
        assert!(a.body.contains("عقد مجلس الأمن الإقليمي اجتماعاً"));
    }

    #[test]
    fn lf_only_and_resource_records() {
        let block = PAGE.as_bytes();
        let mut w = format!(
            "\n\nWARC/1.0\nWARC-Type: resource\nWARC-Target-URI: file:///x.html\nContent-Type: text/html\nContent-Length: {}\n\n",
            block.len()
        )
        .into_bytes();
        w.extend_from_slice(block);
        w.extend_from_slice(b"\n\n");
        let out = records(&w);
        assert_eq!(out.len(), 1);
        assert!(out[0].is_ok());
    }

    #[test]
    fn malformed_record_is_skipped() {
        let resp = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let mut w = record("response", "https://example.org/1", resp.as_bytes());
        w.extend_from_slice(
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\ngarbage\r\n\r\n",
        );
        w.extend(record("response", "https://example.org/3", resp.as_bytes()));
        let out = records(&w);
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert!(matches!(e, IngestError::Warc { .. }), "{e}");
        assert!(e.to_string().contains("WARC record 2"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().url.as_deref(), Some("https://example.org/3"));
    }

    #[test]
    fn truncated_final_record() {
        let resp = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let mut w = record("response", "https://example.org/1", resp.as_bytes());
        let second = record("response", "https://example.org/2", resp.as_bytes());
        w.extend_from_slice(&second[..second.len() - 60]);
        let out = records(&w);
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert!(matches!(e, IngestError::TruncatedWarc { .. }), "{e}");
        assert!(e.to_string().starts_with("t.warc: WARC record 2: truncated"), "{e}");
    }

    #[test]
    fn no_html_at_all() {
        let out = records(&record("warcinfo", "", b"software: test"));
        assert!(matches!(out.as_slice(), [Err(IngestError::NoArticles { .. })]));
        let out = records(b"not a warc file\n");
        assert!(matches!(out[0], Err(IngestError::Warc { .. })));
    }

    #[test]
    fn dechunk_rejects_plain_bodies() {
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n").as_deref(), Some(&b"abc"[..]));
    }
}
