//! A bound on how deeply a page's elements nest, applied to the HTML source before it is
//! parsed.
//!
//! The main-text extractor walks the element tree recursively and, for each candidate
//! block, climbs to its ancestors: its time grows with the square of the nesting depth,
//! and 200,000 nested `<div>` (a 2 MB page) take hours. No real page nests more than a few
//! dozen levels, so start tags that would open deeper than [`MAX_HTML_DEPTH`] are dropped
//! (with their end tags): their text stays, in the element at the limit. A page within the
//! limit is handed on byte for byte.
//!
//! The scan is a single pass over the source that knows tags, comments, declarations,
//! raw-text elements (`<script>`, `<style>` ...), void elements and elements whose end tag
//! may be left out (`<p>`, `<li>` ...), which never count as nesting.

use std::borrow::Cow;

/// The deepest nesting of elements kept.
pub const MAX_HTML_DEPTH: usize = 128;

/// How far below the top an end tag looks for the element it closes; a stray end tag
/// deeper than this is left alone, so that each costs a bounded time.
const CLOSE_REACH: usize = 16;

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements a browser closes by itself when the next one opens: counting them would make
/// a page of unclosed paragraphs look deep.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The page with elements nested deeper than [`MAX_HTML_DEPTH`] flattened, and how many
/// start tags were dropped (0: the page as it was).
///
/// ```
/// use rasd_ingest::nesting::{flatten, MAX_HTML_DEPTH};
/// let deep = format!("{}نص{}", "<div>".repeat(MAX_HTML_DEPTH + 2), "</div>".repeat(MAX_HTML_DEPTH + 2));
/// let (flat, dropped) = flatten(&deep);
/// assert_eq!(dropped, 2);
/// assert_eq!(flat.matches("<div>").count(), MAX_HTML_DEPTH);
/// assert_eq!(flat.matches("</div>").count(), MAX_HTML_DEPTH);
/// assert!(flat.contains("نص"));
/// ```
pub fn flatten(html: &str) -> (Cow<'_, str>, usize) {
    let mut scan = Scan { html, open: Vec::new(), kept_open: 0, drop: Vec::new(), dropped: 0 };
    scan.run();
    if scan.drop.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (a, z) in &scan.drop {
        out.push_str(&html[at..*a]);
        at = *z;
    }
    out.push_str(&html[at..]);
    (Cow::Owned(out), scan.dropped)
}

/// The state of the pass: the open elements (name, kept) and the byte ranges of the tags
/// to drop.
struct Scan<'a> {
    html: &'a str,
    open: Vec<(String, bool)>,
    /// How many of `open` are kept: the depth of the page as it will be parsed.
    kept_open: usize,
    drop: Vec<(usize, usize)>,
    dropped: usize,
}

impl Scan<'_> {
    fn run(&mut self) {
        let b = self.html.as_bytes();
        let mut i = 0;
        while let Some(k) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')) {
            i = self.markup_at(i + k);
        }
    }

    /// Reads the markup starting at the `<` at byte `at`; returns where to go on.
    fn markup_at(&mut self, at: usize) -> usize {
        let rest = &self.html[at..];
        if rest.starts_with("<!--") {
            return rest.find("-->").map_or(self.html.len(), |k| at + k + 3);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return rest.find('>').map_or(self.html.len(), |k| at + k + 1);
        }
        let closing = rest.starts_with("</");
        let name_from = if closing { 2 } else { 1 };
        let name: String = rest[name_from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return at + 1;
        }
        let end = tag_end(self.html, at + name_from + name.len());
        if closing {
            self.close(&name, at, end);
            return end;
        }
        let self_closed = self.html[..end].ends_with("/>");
        if RAW_TEXT.contains(&name.as_str()) {
            return raw_text_end(self.html, end, &name);
        }
        if !self_closed && !VOID.contains(&name.as_str()) && !SELF_CLOSING.contains(&name.as_str())
        {
            let kept = self.kept_open < MAX_HTML_DEPTH;
            self.push(name, kept, at, end);
        }
        end
    }

    fn push(&mut self, name: String, kept: bool, at: usize, end: usize) {
        if kept {
            self.kept_open += 1;
        } else {
            self.drop.push((at, end));
            self.dropped += 1;
        }
        self.open.push((name, kept));
    }

    /// An end tag: closes its element (and any left open inside it) when it is among the
    /// nearest open ones; dropped when that element's start tag was.
    fn close(&mut self, name: &str, at: usize, end: usize) {
        let reach = self.open.len().saturating_sub(CLOSE_REACH);
        let Some(k) = self.open[reach..].iter().rposition(|(n, _)| n == name) else { return };
        let kept = self.open[reach + k].1;
        // Each element is closed once, so this costs no more than opening them did.
        self.kept_open -= self.open[reach + k..].iter().filter(|(_, k)| *k).count();
        self.open.truncate(reach + k);
        if !kept {
            self.drop.push((at, end));
        }
    }
}

/// The byte after the `>` closing the tag whose name ends at `from`, past quoted
/// attribute values.
fn tag_end(html: &str, from: usize) -> usize {
    let b = html.as_bytes();
    let mut quote = None;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        match (quote, c) {
            (None, b'>') => return i + 1,
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
        i += 1;
    }
    html.len()
}

/// The byte after the end tag of the raw-text element `name` whose content starts at
/// `from` (the end of the page when it has none).
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(k) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')) {
        let at = i + k;
        let tail = b.get(at + 2..at + 2 + name.len());
        if b.get(at + 1) == Some(&b'/')
            && tail.is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
        {
            return tag_end(html, at + 2 + name.len());
        }
        i = at + 1;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_limit_is_untouched() {
        let page = "<html><head><title>a<b</title><script>if (a<b) {x='</div>'}</script></head>\
                    <body><div class='x>y'><p>أول<p>ثان<br><img src=a.png/><ul><li>بند<li>آخر</ul>\
                    <!-- <div> --></div></body></html>";
        let (out, dropped) = flatten(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(dropped, 0);
    }

    #[test]
    fn unclosed_paragraphs_and_items_are_no_depth() {
        let page = format!("<div>{}</div>", "<p>فقرة<li>بند".repeat(5000));
        assert_eq!(flatten(&page).1, 0);
    }

    #[test]
    fn deep_nesting_keeps_its_text_and_balanced_tags() {
        let n = 50_000;
        let page = format!(
            "<body>{}<p>اندلعت اشتباكات في طرابلس</p>{}<p>وعاد الهدوء</p></body>",
            "<div><span>".repeat(n),
            "</span></div>".repeat(n)
        );
        let (out, dropped) = flatten(&page);
        assert_eq!(dropped, 2 * n + 1 - MAX_HTML_DEPTH);
        assert_eq!(out.matches("<div>").count(), out.matches("</div>").count());
        assert_eq!(out.matches("<span>").count(), out.matches("</span>").count());
        assert!(
            out.contains("اندلعت اشتباكات في طرابلس") && out.ends_with("<p>وعاد الهدوء</p></body>")
        );
    }

    #[test]
    fn stray_end_tags_cost_no_search() {
        // Ten thousand end tags of nothing open, under a deep page: each looks a few
        // elements down only, and changes nothing.
        let page = format!("{}{}نص", "<div>".repeat(100), "</section>".repeat(10_000));
        assert_eq!(flatten(&page).1, 0);
    }
}
