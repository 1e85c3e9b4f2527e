//! JSON Lines: one article object per line, streamed so files of any size work.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use crate::source::Meter;
use crate::{html, short_hash, title, IngestError, Origin, RawArticle, MAX_DOCUMENT_BYTES};

/// Iterates over the articles of a JSONL stream; a bad line is an `Err` item
/// and reading goes on with the next.
pub(crate) struct JsonlReader<R> {
    reader: R,
    path: String,
    stem: String,
    meter: Meter,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
    saw_record: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub(crate) fn new(reader: R, path: String, stem: String, meter: Meter) -> Self {
        JsonlReader {
            reader,
            path,
            stem,
            meter,
            line_no: 0,
            buf: Vec::new(),
            done: false,
            saw_record: false,
        }
    }

    /// Reads one line into `buf`, at most `MAX_DOCUMENT_BYTES`; returns the
    /// bytes consumed (0 at the end) and whether the line was cut.
    fn read_line(&mut self) -> std::io::Result<(usize, bool)> {
        self.buf.clear();
        let mut limited = Read::take(&mut self.reader, MAX_DOCUMENT_BYTES);
        let n = limited.read_until(b'\n', &mut self.buf)?;
        if n as u64 == MAX_DOCUMENT_BYTES && self.buf.last() != Some(&b'\n') {
            // Skip the rest of the over-long line so the next one is read whole.
            let mut skipped = 0usize;
            loop {
                let chunk = self.reader.fill_buf()?;
                if chunk.is_empty() {
                    break;
                }
                let (used, found) = match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                };
                self.reader.consume(used);
                skipped += used;
                if found {
                    break;
                }
            }
            return Ok((n + skipped, true));
        }
        Ok((n, false))
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let (n, too_long) = match self.read_line() {
                Ok(x) => x,
                Err(e) => {
                    self.done = true;
                    let origin = Origin::at(self.path.clone(), self.line_no + 1);
                    return Some(Err(self.meter.io_error(origin, e)));
                }
            };
            if n == 0 {
                self.done = true;
                if !self.saw_record {
                    return Some(Err(IngestError::Empty {
                        origin: Origin::file(self.path.clone()),
                    }));
                }
                return None;
            }
            self.line_no += 1;
            let input_bytes = self.meter.consumed(n as u64);
            let origin = Origin::at(self.path.clone(), self.line_no);
            if too_long {
                self.saw_record = true;
                return Some(Err(IngestError::TooLarge {
                    origin,
                    size: n as u64,
                    limit: MAX_DOCUMENT_BYTES,
                }));
            }
            let mut line = self.buf.as_slice();
            if self.line_no == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.saw_record = true;
            return Some(parse_line(line, origin, &self.stem, input_bytes));
        }
        None
    }
}

/// Turns one JSONL line into an article. JSONL fields win over what the HTML
/// extractor finds.
pub(crate) fn parse_line(
    line: &[u8],
    origin: Origin,
    stem: &str,
    input_bytes: u64,
) -> Result<RawArticle, IngestError> {
    let value: Value = serde_json::from_slice(line).map_err(|e| IngestError::InvalidJson {
        origin: origin.clone(),
        detail: json_error_detail(&e),
    })?;
    let Value::Object(obj) = value else {
        return Err(IngestError::InvalidJson {
            origin,
            detail: format!("expected an object, found {}", kind(&value)),
        });
    };
    let url = string_field(&obj, "url", &origin)?;
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(IngestError::BadField {
                origin,
                field: "id",
                detail: format!("must be a non-empty string or a number, not {}", kind(other)),
            })
        }
    };
    let id = id
        .or_else(|| url.as_deref().map(short_hash))
        .unwrap_or_else(|| format!("{stem}-{}", origin.record.unwrap_or(0)));
    let mut title = string_field(&obj, "title", &origin)?.filter(|t| !t.trim().is_empty());
    let published = string_field(&obj, "published", &origin)?.and_then(|p| {
        let date = normalize_published(&p);
        if date.is_none() {
            tracing::warn!(%origin, published = %p, "ignoring a \"published\" value that is not a date");
        }
        date
    });
    let text = string_field(&obj, "text", &origin)?;
    let html_src = string_field(&obj, "html", &origin)?;

    let (body, published) = match (text, html_src) {
        (Some(text), _) if !text.trim().is_empty() => {
            let text = crate::source::unify_newlines(text);
            if title.is_none() {
                title = title::guess_title(&text);
            }
            (text, published)
        }
        (_, Some(src)) if !src.trim().is_empty() => {
            let page = html::extract_at(&src, &origin)?;
            title = title.or(page.title);
            // The body keeps the page's own headline on top: JSONL fields
            // override metadata, not the text.
            (page.body, published.or(page.published))
        }
        (Some(_), _) | (_, Some(_)) => return Err(IngestError::Empty { origin }),
        (None, None) => return Err(IngestError::MissingText { origin }),
    };
    Ok(RawArticle { id, url, title, published, body, origin, input_bytes })
}

fn normalize_published(p: &str) -> Option<String> {
    crate::date::normalize_date(p)
}

fn string_field(
    obj: &Map<String, Value>,
    field: &'static str,
    origin: &Origin,
) -> Result<Option<String>, IngestError> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(IngestError::BadField {
            origin: origin.clone(),
            field,
            detail: format!("must be a string, not {}", kind(other)),
        }),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column N" (every JSONL record
/// is line 1 to it), with the column kept.
fn json_error_detail(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg,
    };
    format!("{msg} (column {})", e.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<RawArticle, IngestError> {
        parse_line(line.as_bytes(), Origin::at("t.jsonl", 5), "t", line.len() as u64)
    }

    #[test]
    fn full_record() {
        let a = parse(r#"{"id":"x1","url":"https://example.org/a","title":"عنوان","published":"2021-05-06T10:00:00+03:00","text":"نص الخبر."}"#).unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.title.as_deref(), Some("عنوان"));
        assert_eq!(a.published.as_deref(), Some("2021-05-06"));
        assert_eq!(a.body, "نص الخبر.");
        assert_eq!(a.origin.to_string(), "t.jsonl:5");
    }

    #[test]
    fn id_fallbacks() {
        let a = parse(r#"{"url":"https://example.org/a","text":"نص"}"#).unwrap();
        assert_eq!(a.id, short_hash("https://example.org/a"));
        let a = parse(r#"{"text":"نص"}"#).unwrap();
        assert_eq!(a.id, "t-5");
        let a = parse(r#"{"id":42,"text":"نص"}"#).unwrap();
        assert_eq!(a.id, "42");
    }

    #[test]
    fn title_guessed_from_text() {
        let a = parse(r#"{"text":"عنوان الخبر\n\nنص الخبر الكامل هنا."}"#).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(a.body, "عنوان الخبر\n\nنص الخبر الكامل هنا.");
    }

    #[test]
    fn html_field_with_jsonl_metadata_winning() {
        let html = "<html><head><title>عنوان الصفحة الأصلي</title><meta name=\"date\" content=\"2020-02-02\"></head><body><p>فقرة أولى من الخبر تتحدث عن افتتاح مدرسة جديدة في القرية.</p><p>فقرة ثانية.</p></body></html>";
        let line =
            serde_json::json!({"title": "عنوان من الملف", "published": "2021-01-01", "html": html})
                .to_string();
        let a = parse(&line).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان من الملف"));
        assert_eq!(a.published.as_deref(), Some("2021-01-01"));
        assert!(a.body.starts_with("عنوان الصفحة الأصلي\n\nفقرة أولى"), "{}", a.body);
        let line = serde_json::json!({"html": html}).to_string();
        let a = parse(&line).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان الصفحة الأصلي"));
        assert_eq!(a.published.as_deref(), Some("2020-02-02"));
    }

    #[test]
    fn errors() {
        let e = parse(r#"{"id":"a","text":"#).unwrap_err();
        assert!(matches!(e, IngestError::InvalidJson { .. }));
        assert!(
            e.to_string().starts_with("t.jsonl: invalid JSON on line 5: EOF while parsing"),
            "{e}"
        );
        assert!(matches!(parse("[1,2]").unwrap_err(), IngestError::InvalidJson { .. }));
        assert!(matches!(parse(r#"{"id":"a"}"#).unwrap_err(), IngestError::MissingText { .. }));
        assert!(matches!(parse(r#"{"text":"  "}"#).unwrap_err(), IngestError::Empty { .. }));
        let e = parse(r#"{"text":5}"#).unwrap_err();
        assert!(matches!(e, IngestError::BadField { field: "text", .. }), "{e}");
        assert!(matches!(
            parse(r#"{"html":"<html><body></body></html>"}"#).unwrap_err(),
            IngestError::NoText { .. }
        ));
    }

    #[test]
    fn bad_published_is_dropped_not_fatal() {
        let a = parse(r#"{"published":"قريباً","text":"نص"}"#).unwrap();
        assert_eq!(a.published, None);
    }
}
