//! Bytes to text: BOMs, BOM-less UTF-16, declared charsets, detection, and the
//! checks that refuse binary or empty input.
//!
//! The order matters and is chosen so that correct input is never mangled:
//! a BOM is authoritative; NUL bytes mean UTF-16 or binary; bytes that are
//! valid UTF-8 are UTF-8 whatever a page declares (legacy Arabic text is
//! practically never valid UTF-8, while pages that declare windows-1256 but
//! were re-saved as UTF-8 are common); only then declared charsets and,
//! last, statistical detection.
//!
//! Bytes that are UTF-8 but for a few broken sequences (a truncated copy, a stray byte)
//! stay UTF-8, each broken sequence replaced by U+FFFD, and the reader warns with the
//! file and the byte offsets: decoding the whole file as a legacy encoding would garble
//! every word. A declared charset is believed unless the bytes contradict it: UTF-8
//! declared and mostly UTF-8 bytes is UTF-8; a legacy charset declared over mostly UTF-8
//! bytes is not.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Not text: NUL bytes, many control characters or a binary file signature.
    #[error("binary content ({0})")]
    Binary(String),
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
    /// Text in no encoding that decodes without errors.
    #[error("{0}")]
    Undecodable(String),
}

/// How many leading bytes are searched for a `<meta charset>`; the HTML
/// standard's prescan looks at 1024, but real pages put long scripts first.
const META_PRESCAN_BYTES: usize = 4096;

/// How many bytes the statistics (UTF-16 pattern, control characters) look at.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Text decoded, how, and the byte offsets of the broken UTF-8 sequences replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    /// The encoding's name, and why it was chosen, for the log.
    pub encoding: &'static str,
    pub why: &'static str,
    /// Offsets of the first broken sequences (at most [`OFFSETS_KEPT`]) and how many.
    pub replaced_at: Vec<usize>,
    pub replaced: usize,
}

/// How many offsets of broken sequences a warning lists.
const OFFSETS_KEPT: usize = 5;

/// Decodes a plain-text document.
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    decode(bytes, &[]).map(|d| d.text)
}

/// Decodes text whose charset is declared outside it (an HTTP `Content-Type`), by the
/// same rules as files: the declaration is believed unless the bytes contradict it.
///
/// ```
/// let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("وصل الوفد إلى عدن");
/// assert_eq!(rasd_ingest::decode_declared(&bytes, "windows-1256").unwrap(), "وصل الوفد إلى عدن");
/// ```
pub fn decode_declared(bytes: &[u8], charset: &str) -> Result<String, DecodeError> {
    decode(bytes, &[charset]).map(|d| d.text)
}

/// [`decode_text`], or with `html` [`decode_html`], for an input at `origin`: replaced
/// bytes are a warning naming it and their offsets, and the choice of encoding is logged.
pub(crate) fn decode_at(
    bytes: &[u8],
    html: Option<Option<&str>>,
    origin: &crate::Origin,
) -> Result<String, DecodeError> {
    let d = match html {
        Some(declared) => decode_html_full(bytes, declared)?,
        None => decode(bytes, &[])?,
    };
    if d.replaced > 0 {
        let at: Vec<String> = d.replaced_at.iter().map(usize::to_string).collect();
        let more = if d.replaced > at.len() { ", ..." } else { "" };
        tracing::warn!(
            "{origin}: {} invalid UTF-8 sequence(s) replaced by U+FFFD, at byte {}{more}; the rest read as UTF-8",
            d.replaced,
            at.join(", ")
        );
    }
    tracing::debug!("{origin}: decoded as {} ({})", d.encoding, d.why);
    Ok(d.text)
}

/// Decodes an HTML document. `declared` is a charset from outside the document
/// (an HTTP `Content-Type` header); the document's own `<meta charset>` or
/// `http-equiv` is found here.
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> Result<String, DecodeError> {
    decode_html_full(bytes, declared).map(|d| d.text)
}

fn decode_html_full(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    let meta = meta_charset(bytes);
    let labels: Vec<&str> = declared.into_iter().chain(meta.as_deref()).collect();
    decode(bytes, &labels)
}

/// What the bytes hold as UTF-8: characters of two bytes or more decoded, and where
/// the sequences that are not UTF-8 start.
struct Utf8Stats {
    multibyte: usize,
    broken: usize,
    broken_at: Vec<usize>,
}

fn utf8_stats(bytes: &[u8]) -> Utf8Stats {
    let mut st = Utf8Stats { multibyte: 0, broken: 0, broken_at: Vec::new() };
    let lead_bytes = |b: &[u8]| b.iter().filter(|&&c| c >= 0xC0).count();
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(_) => {
                st.multibyte += lead_bytes(&bytes[i..]);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                st.multibyte += lead_bytes(&bytes[i..i + good]);
                st.broken += 1;
                if st.broken_at.len() < OFFSETS_KEPT {
                    st.broken_at.push(i + good);
                }
                i += good + e.error_len().unwrap_or(bytes.len() - i - good);
            }
        }
    }
    st
}

/// Whether bytes with these statistics are UTF-8 with a few sequences broken: many more
/// good multi-byte characters than broken ones (a legacy Arabic text, one byte a letter,
/// has almost none), or at least as many when the document says it is UTF-8.
fn mostly_utf8(st: &Utf8Stats, declared_utf8: bool) -> bool {
    let ratio = if declared_utf8 { 1 } else { 10 };
    st.multibyte > 0 && st.multibyte >= ratio * st.broken
}

fn decoded(
    text: String,
    encoding: &'static str,
    why: &'static str,
) -> Result<Decoded, DecodeError> {
    Ok(Decoded { text: finish(text)?, encoding, why, replaced_at: Vec::new(), replaced: 0 })
}

fn decode(bytes: &[u8], labels: &[&str]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let text = enc
            .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
            .ok_or_else(|| {
                DecodeError::Undecodable(format!(
                    "the file starts with a {} byte-order mark but is not valid {}",
                    enc.name(),
                    enc.name()
                ))
            })?;
        return decoded(text.into_owned(), enc.name(), "byte-order mark");
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(format!("looks like {kind}")));
    }
    if memchr_nul(bytes) {
        return match sniff_utf16(bytes) {
            Some((text, enc)) => decoded(text, enc.name(), "NUL bytes on one side"),
            None => Err(DecodeError::Binary("contains NUL bytes and is not UTF-16".into())),
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return decoded(text.to_owned(), "UTF-8", "valid UTF-8");
    }
    let encodings: Vec<&'static Encoding> =
        labels.iter().filter_map(|l| Encoding::for_label(l.trim().as_bytes())).collect();
    let st = utf8_stats(bytes);
    if mostly_utf8(&st, encodings.contains(&UTF_8)) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let mut d = decoded(text, "UTF-8", "UTF-8 but for a few bytes")?;
        (d.replaced, d.replaced_at) = (st.broken, st.broken_at);
        return Ok(d);
    }
    for enc in encodings {
        // The bytes are not UTF-8 (checked above), and a page declaring UTF-16
        // without a BOM is, per the HTML standard, really UTF-8: both labels lie.
        if enc == UTF_8 || enc == UTF_16LE || enc == UTF_16BE {
            continue;
        }
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return decoded(text.into_owned(), enc.name(), "declared");
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, false);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Undecodable(format!(
            "not valid UTF-8, and not valid {} either (the most likely legacy encoding)",
            enc.name()
        )));
    }
    decoded(text.into_owned(), enc.name(), "detected")
}

/// The checks every successfully decoded text must pass.
fn finish(text: String) -> Result<String, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    check_textual(&text)?;
    Ok(text)
}

/// Refuses text with many control characters: what binary data looks like
/// once a single-byte encoding has accepted every byte of it.
fn check_textual(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(SAMPLE_BYTES) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
    }
    // A few stray control characters (a DOS EOF mark, a vertical tab) are
    // common in real text; random bytes give about one in nine.
    if control > 2 + total / 50 {
        return Err(DecodeError::Binary(format!(
            "{control} control characters in the first {total} characters"
        )));
    }
    Ok(())
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Recognises BOM-less UTF-16 by where its NUL bytes are: ASCII characters
/// (spaces, digits, punctuation, which even Arabic text has plenty of) have a
/// zero high byte, so the NULs sit almost all on one parity.
fn sniff_utf16(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES) & !1];
    let units = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let enc = if odd * 20 >= units && even * 20 <= odd {
        UTF_16LE
    } else if even * 20 >= units && odd * 20 <= even {
        UTF_16BE
    } else {
        return None;
    };
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    // A stray NUL in text is rare; many mean we matched a binary layout.
    if text.contains('\0') || check_textual(&text).is_err() {
        return None;
    }
    Some((text.into_owned(), enc))
}

/// File signatures of binaries people are likely to point the tool at by mistake.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "gzip-compressed data (name the file *.gz)"),
        (b"\x7fELF", "an ELF executable"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xfd7zXZ\x00", "xz-compressed data"),
        (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, kind)| kind)
}

/// Finds a charset declared in the document's first bytes: `<meta charset=x>`
/// or `<meta http-equiv=Content-Type content="text/html; charset=x">`.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_param(&lower[start..end]) {
            return Some(label);
        }
        from = end.max(start + 1);
    }
    None
}

/// The value after `charset=` in a tag or header value, unquoted.
pub(crate) fn charset_param(lower: &[u8]) -> Option<String> {
    let pos = find(lower, b"charset")?;
    let rest = &lower[pos + b"charset".len()..];
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let label: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    if label.is_empty() {
        None
    } else {
        String::from_utf8(label).ok()
    }
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "أعلنت البلدية افتتاح حديقة عامة جديدة في حي الزيتون يوم الخميس.";

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
        }
        for unit in text.encode_utf16() {
            let b = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode_text(AR.as_bytes()).unwrap(), AR);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(AR.as_bytes());
        assert_eq!(decode_text(&b).unwrap(), AR);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for be in [false, true] {
            assert_eq!(decode_text(&utf16(AR, be, true)).unwrap(), AR);
            assert_eq!(decode_text(&utf16(AR, be, false)).unwrap(), AR);
        }
    }

    #[test]
    fn windows_1256_detected_and_declared() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(AR);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_text(&bytes).unwrap(), AR);
        let html = format!("<html><head><meta charset=\"windows-1256\"></head><body><p>{AR}</p>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
        assert_eq!(decode_html(&bytes, None).unwrap(), html);
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let html = format!("<meta charset=windows-1256><p>{AR}</p>");
        assert_eq!(decode_html(html.as_bytes(), Some("windows-1256")).unwrap(), html);
    }

    #[test]
    fn declared_charset_used_when_not_utf8() {
        // ISO-8859-6 and windows-1256 share the Arabic letters at different
        // codes, so only the declaration tells them apart reliably.
        let text = "خبر عاجل من المدينة";
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(text);
        assert_eq!(decode_html(&bytes, Some("ISO-8859-6")).unwrap(), text);
    }

    /// A UTF-8 article with stray bytes put in at `at` (byte offsets of the text).
    fn with_stray_bytes(text: &str, at: &[usize]) -> Vec<u8> {
        let mut b = text.as_bytes().to_vec();
        for &k in at.iter().rev() {
            b.insert(k, 0xFF);
        }
        b
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        let article = format!("{AR}\nوقال رئيس البلدية إن الحديقة ستفتح أبوابها للزوار كل يوم.");
        let at = [AR.len(), AR.len() + 1 + 2 * 9];
        let bytes = with_stray_bytes(&article, &at);
        let d = decode(&bytes, &[]).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!((d.replaced, d.replaced_at.clone()), (2, vec![AR.len(), AR.len() + 2 + 2 * 9]));
        assert!(d.text.starts_with(AR) && d.text.contains('\u{FFFD}'));
        assert_eq!(d.text.replace('\u{FFFD}', ""), article);
        // A lone broken byte in a page that says it is UTF-8, however short.
        let page = format!("<meta charset=\"utf-8\"><p>{AR}</p>");
        let bytes = with_stray_bytes(&page, &[page.len() - 4]);
        let text = decode_html(&bytes, None).unwrap();
        assert!(text.contains(AR), "{text}");
    }

    #[test]
    fn a_utf8_declaration_contradicted_by_legacy_bytes_is_not_believed() {
        let page = format!("<html><head><meta charset=\"utf-8\"></head><body><p>{AR}</p>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
        assert_eq!(decode_html(&bytes, None).unwrap(), page);
        // And a legacy declaration over UTF-8 with a broken byte is not believed either.
        let page = format!("<meta charset=windows-1256><p>{AR} {AR}</p>");
        let bytes = with_stray_bytes(&page, &[page.len() - 4]);
        let text = decode_html(&bytes, None).unwrap();
        assert!(text.contains(AR), "{text}");
    }

    #[test]
    fn meta_charset_forms() {
        assert_eq!(meta_charset(b"<META CHARSET='Windows-1256'>").as_deref(), Some("windows-1256"));
        assert_eq!(
            meta_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1256\">"
            )
            .as_deref(),
            Some("cp1256")
        );
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(decode_text(b"   \n\t "), Err(DecodeError::Empty)));
        assert!(matches!(decode_text(b""), Err(DecodeError::Empty)));
        assert!(matches!(decode_text(b"%PDF-1.7 ..."), Err(DecodeError::Binary(_))));
        let mut junk = Vec::new();
        for i in 0..4000u32 {
            junk.push((i.wrapping_mul(2654435761) >> 13) as u8);
        }
        assert!(matches!(decode_text(&junk), Err(DecodeError::Binary(_))));
        // NULs on both parities: not UTF-16.
        assert!(matches!(decode_text(b"ab\0\0cd\0\0ef\0\0gh\0\0"), Err(DecodeError::Binary(_))));
        // UTF-16 of whitespace only is empty, not binary.
        assert!(matches!(decode_text(&utf16("  \n ", false, true)), Err(DecodeError::Empty)));
    }

    #[test]
    fn control_chars_in_otherwise_valid_utf8() {
        let mut s = String::from(AR);
        s.push('\u{1a}');
        assert!(decode_text(s.as_bytes()).is_ok());
        let noisy: String = AR.chars().flat_map(|c| [c, '\u{7}']).collect();
        assert!(matches!(decode_text(noisy.as_bytes()), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn bad_utf8_after_bom() {
        assert!(matches!(decode_text(b"\xEF\xBB\xBFabc\xff"), Err(DecodeError::Undecodable(_))));
    }
}
