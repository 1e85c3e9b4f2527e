//! HTML to article: main text via `dom_smoothie` (a port of Mozilla's
//! Readability; see `HTML_EXTRACTION.md` for why), title and publication date
//! from the page's metadata.
//!
//! The page is parsed once, with `dom_query`; metadata and JSON-LD are read
//! first because Readability removes `<script>` elements while it works.

use dom_query::{Document, NodeRef, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

use crate::date::normalize_date;
use crate::title::strip_site_name;

/// What the HTML extractor found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlArticle {
    /// `og:title`, else the article's `<h1>`, else `<title>` without the site name.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, from meta tags, JSON-LD or `<time datetime>`.
    pub published: Option<String>,
    /// The headline, then the main text: one paragraph per block separated by
    /// blank lines, list items and `<br>` on their own lines, no markup.
    pub body: String,
    /// Start tags dropped because they opened deeper than
    /// [`MAX_HTML_DEPTH`](crate::nesting::MAX_HTML_DEPTH) (their text is kept); the
    /// readers say so in a warning.
    pub flattened: usize,
}

/// Extracts the article from a page, or `None` when it has no extractable
/// text (no body, or nothing but markup and scripts).
///
/// Broken HTML is parsed the way browsers do (unclosed tags are closed), so
/// it works as long as there is text.
///
/// The headline is put at the top of `body` (unless the text already starts
/// with it), so that HTML input reads like the plain-text articles, whose
/// first line is the headline.
///
/// ```
/// let html = r#"<html dir="rtl"><head><title>سقوط أمطار غزيرة - موقع المدينة</title>
/// <meta property="article:published_time" content="2024-01-08T06:00:00+02:00"></head>
/// <body><nav><a href="/">الرئيسية</a></nav><article><h1>سقوط أمطار غزيرة</h1>
/// <p>هطلت أمطار غزيرة على المدينة طوال ليلة الأحد.</p><p>ولم تسجل أي أضرار.</p></article></body></html>"#;
/// let a = rasd_ingest::extract_html(html).unwrap();
/// assert_eq!(a.title.as_deref(), Some("سقوط أمطار غزيرة"));
/// assert_eq!(a.published.as_deref(), Some("2024-01-08"));
/// assert_eq!(a.body, "سقوط أمطار غزيرة\n\nهطلت أمطار غزيرة على المدينة طوال ليلة الأحد.\n\nولم تسجل أي أضرار.");
/// ```
pub fn extract_html(html: &str) -> Option<HtmlArticle> {
    // Bounded nesting keeps the extractor linear (see `nesting`).
    let (html, flattened) = crate::nesting::flatten(html);
    let html = html.as_ref();
    let doc = Document::from(html);
    let metas = Metas::collect(&doc);
    let title = find_title(&doc, &metas);
    let published = find_published(&doc, &metas);

    let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let text = Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default();
    let mut body = tidy(&text);
    if body.is_empty() {
        // Readability gives up on pages without a candidate block (text right
        // in <body>, or very short pages); the visible text is still the article.
        body = visible_text(html);
    }
    if body.is_empty() {
        return None;
    }
    if let Some(t) = &title {
        body = with_headline(t, body);
    }
    Some(HtmlArticle { title, published, body, flattened })
}

/// [`extract_html`] for an input at `origin`: no text is an error, and flattened nesting
/// a warning naming it.
pub(crate) fn extract_at(
    html: &str,
    origin: &crate::Origin,
) -> Result<HtmlArticle, crate::IngestError> {
    let page =
        extract_html(html).ok_or_else(|| crate::IngestError::NoText { origin: origin.clone() })?;
    if page.flattened > 0 {
        tracing::warn!(
            "{origin}: HTML nested deeper than {} elements: {} start tags dropped, their text kept",
            crate::nesting::MAX_HTML_DEPTH,
            page.flattened
        );
    }
    Ok(page)
}

/// Puts the headline on top of the body unless the body already starts with it.
pub(crate) fn with_headline(title: &str, body: String) -> String {
    let first = body.lines().next().unwrap_or("");
    if collapse_ws(first).starts_with(&collapse_ws(title)) {
        body
    } else {
        format!("{}\n\n{body}", title.trim())
    }
}

/// Text of the page minus the parts that are never article text.
fn visible_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(
        "script, style, noscript, template, nav, header, footer, aside, form, button, select",
    )
    .remove();
    let body = doc.select("body");
    tidy(&body.formatted_text())
}

/// One line per source line, trimmed; runs of blank lines become one, so
/// paragraphs are separated by exactly one blank line.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's `<meta>` elements as (lower-cased key, content) pairs, where the
/// key is whichever of `property`, `name` or `itemprop` the tag has: sites mix
/// them up (`name="og:title"`, `property="pubdate"`).
struct Metas(Vec<(String, String)>);

impl Metas {
    fn collect(doc: &Document) -> Self {
        let mut out = Vec::new();
        for node in doc.select("meta[content]").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = node.attr(attr) {
                    out.push((key.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
        }
        Metas(out)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn find_title(doc: &Document, metas: &Metas) -> Option<String> {
    let title = doc.select("head title");
    let title = if title.exists() { title } else { doc.select("title") };
    let page_title = title.nodes().first().map(|n| collapse_ws(&n.text()));
    // Without og:site_name, what <title> puts after its last separator is the
    // best guess of the site name, to strip from og:title and to recognise a
    // logo <h1>.
    let site = metas.get("og:site_name").map(str::to_string).or_else(|| {
        let t = page_title.as_deref()?;
        let stripped = strip_site_name(t, None, true);
        let tail = t.get(stripped.len()..)?.trim_start_matches(|c: char| !c.is_alphanumeric());
        Some(tail.to_string()).filter(|s| !s.is_empty())
    });
    let site = site.as_deref();
    let nonempty = |s: String| Some(s).filter(|s| !s.is_empty());
    if let Some(t) = metas.get("og:title") {
        if let Some(t) = nonempty(strip_site_name(&collapse_ws(t), site, false)) {
            return Some(t);
        }
    }
    if let Some(t) = find_h1(doc, site) {
        return Some(t);
    }
    nonempty(strip_site_name(&page_title?, site, true))
}

/// The article's `<h1>`: the first in `<article>` or `<main>`, else the first
/// on the page that is not navigation or a logo (sites often wrap their logo
/// in an `<h1>`).
fn find_h1(doc: &Document, site: Option<&str>) -> Option<String> {
    for sel in ["article h1", "main h1", "h1"] {
        for node in doc.select(sel).nodes() {
            if sel == "h1" && is_logo_h1(node) {
                continue;
            }
            let text = collapse_ws(&node.text());
            let is_site = site.is_some_and(|s| collapse_ws(s) == text);
            if !text.is_empty() && !is_site && text.chars().count() <= 300 {
                return Some(text);
            }
        }
    }
    None
}

fn is_logo_h1(node: &NodeRef) -> bool {
    if node.is("nav h1, aside h1, footer h1") {
        return true;
    }
    Selection::from(*node).select("a[href='/'], img").exists()
}

fn find_published(doc: &Document, metas: &Metas) -> Option<String> {
    // Most specific first: names that only ever mean "published".
    const META_KEYS: [&str; 16] = [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "article.published",
        "dc.date.issued",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "date",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
    ];
    META_KEYS
        .iter()
        .filter_map(|k| metas.get(k))
        .find_map(normalize_date)
        .or_else(|| jsonld_published(doc))
        .or_else(|| time_published(doc))
}

/// `datePublished` from JSON-LD, looking through arrays, `@graph` and nested
/// objects; an article type's date wins over, say, a `WebPage`'s.
fn jsonld_published(doc: &Document) -> Option<String> {
    let mut article = None;
    let mut other = None;
    for node in doc.select("script").nodes() {
        let is_ld =
            node.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text = node.text();
        let text = text.trim().trim_start_matches("<!--").trim_end_matches("-->");
        // Broken JSON-LD is common and not our input's fault: skip it.
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            walk_jsonld(&value, &mut article, &mut other, 0);
        }
        if article.is_some() {
            break;
        }
    }
    article.or(other)
}

fn walk_jsonld(v: &Value, article: &mut Option<String>, other: &mut Option<String>, depth: u32) {
    // JSON-LD nests a few levels at most; the cap only guards odd inputs.
    if depth > 16 || article.is_some() {
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                walk_jsonld(item, article, other, depth + 1);
            }
        }
        Value::Object(obj) => {
            if let Some(date) =
                obj.get("datePublished").and_then(Value::as_str).and_then(normalize_date)
            {
                if is_article_type(obj.get("@type")) {
                    *article = Some(date);
                    return;
                }
                other.get_or_insert(date);
            }
            for value in obj.values() {
                walk_jsonld(value, article, other, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let is = |s: &str| s.ends_with("Article") || s.ends_with("BlogPosting") || s == "Report";
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn time_published(doc: &Document) -> Option<String> {
    ["article time[datetime]", "time[pubdate][datetime]", "time[datetime]"].iter().find_map(|sel| {
        doc.select(sel)
            .nodes()
            .iter()
            .filter_map(|n| n.attr("datetime"))
            .find_map(|d| normalize_date(&d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head>{head}</head><body>{body}</body></html>")
    }

    const P1: &str = "<p>عقد مجلس المدينة جلسة طارئة مساء الأربعاء لمناقشة أزمة النقل العام بعد توقف عدد من الحافلات عن العمل.</p>";
    const P2: &str = "<p>وقرر المجلس تخصيص ميزانية إضافية لصيانة الحافلات خلال الشهرين المقبلين.</p>";

    #[test]
    fn title_priority() {
        let body = format!("<h1>عنوان من الصفحة</h1>{P1}{P2}");
        let a = extract_html(&page(
            "<title>عنوان الوسم - الموقع</title><meta property=\"og:title\" content=\"عنوان المشاركة\">",
            &body,
        ))
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان المشاركة"));
        let a = extract_html(&page("<title>عنوان الوسم الطويل - الموقع</title>", &body)).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان من الصفحة"));
        let a =
            extract_html(&page("<title>عنوان الوسم الطويل - الموقع</title>", &format!("{P1}{P2}")))
                .unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان الوسم الطويل"));
        assert!(a.body.starts_with("عنوان الوسم الطويل\n\nعقد مجلس المدينة"));
    }

    #[test]
    fn site_name_from_title_tail() {
        let head = "<title>أزمة النقل العام في المدينة - جريدة المساء</title>\
                    <meta property=\"og:title\" content=\"أزمة النقل العام في المدينة - جريدة المساء\">";
        let a = extract_html(&page(head, &format!("{P1}{P2}"))).unwrap();
        assert_eq!(a.title.as_deref(), Some("أزمة النقل العام في المدينة"));
        let a = extract_html(&page(head, &format!("<h1>جريدة المساء</h1>{P1}{P2}"))).unwrap();
        assert_eq!(a.title.as_deref(), Some("أزمة النقل العام في المدينة"));
    }

    #[test]
    fn logo_h1_skipped() {
        let body = format!("<header><h1><a href=\"/\">جريدة المساء</a></h1></header>{P1}{P2}");
        let a =
            extract_html(&page("<title>أزمة النقل العام في المدينة | جريدة المساء</title>", &body))
                .unwrap();
        assert_eq!(a.title.as_deref(), Some("أزمة النقل العام في المدينة"));
    }

    #[test]
    fn dates_in_priority_order() {
        let body = format!("<article><time datetime=\"2020-01-03\">3</time>{P1}{P2}</article>");
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":"NewsArticle","datePublished":"2020-01-02T10:00:00Z"}]}</script>"#;
        let meta = r#"<meta name="PubDate" content="2020-01-04">"#;
        let og = r#"<meta property="article:published_time" content="2020-01-05T01:00:00+03:00">"#;
        let date = |head: &str| extract_html(&page(head, &body)).unwrap().published;
        assert_eq!(date("").as_deref(), Some("2020-01-03"));
        assert_eq!(date(ld).as_deref(), Some("2020-01-02"));
        assert_eq!(date(&format!("{ld}{meta}")).as_deref(), Some("2020-01-04"));
        assert_eq!(date(&format!("{meta}{og}{ld}")).as_deref(), Some("2020-01-05"));
        let arr = r#"<script type="application/ld+json">[{"@type":"Organization"},{"@type":["NewsArticle"],"datePublished":"2019-12-31"}]</script>"#;
        assert_eq!(
            extract_html(&page(arr, &format!("{P1}{P2}"))).unwrap().published.as_deref(),
            Some("2019-12-31")
        );
        let broken = r#"<script type="application/ld+json">{"datePublished": "2019-</script>"#;
        assert_eq!(extract_html(&page(broken, &format!("{P1}{P2}"))).unwrap().published, None);
    }

    #[test]
    fn body_is_plain_paragraphs() {
        let a = extract_html(&page(
            "",
            &format!("<nav><ul><li><a href=\"/\">الرئيسية</a></li></ul></nav><div class=\"content\">{P1}<p>سطر أول<br>سطر <b>ثان</b></p>{P2}</div><footer>حقوق النشر</footer>"),
        ))
        .unwrap();
        assert!(!a.body.contains('<'), "{}", a.body);
        assert!(a.body.contains("\n\nسطر أول\nسطر ثان\n\n"), "{}", a.body);
        assert!(!a.body.contains("حقوق النشر"));
        assert!(!a.body.contains("\n\n\n"));
    }

    #[test]
    fn text_directly_in_body() {
        let a =
            extract_html("<html><body>خبر قصير مكتوب مباشرة في جسم الصفحة.</body></html>").unwrap();
        assert_eq!(a.body, "خبر قصير مكتوب مباشرة في جسم الصفحة.");
    }

    #[test]
    fn no_text() {
        assert_eq!(extract_html("<html><head><title></title></head><body></body></html>"), None);
        assert_eq!(
            extract_html("<html><body><script>var a = 1;</script><img src=x></body></html>"),
            None
        );
        assert_eq!(extract_html(""), None);
    }

    #[test]
    fn headline_not_duplicated() {
        assert_eq!(with_headline("عنوان", "عنوان\n\nنص".into()), "عنوان\n\nنص");
        assert_eq!(with_headline("عنوان", "نص".into()), "عنوان\n\nنص");
    }

    #[test]
    fn a_deeply_nested_page_is_flattened_and_read() {
        // 100,000 nested blocks around the article: read at the depth limit.
        let n = 100_000;
        let html = format!(
            "<html><head><title>قصف على أطراف مقديشو</title></head><body>{}<article><p>{}</p><p>{}</p></article>{}</body></html>",
            "<div>".repeat(n),
            "سقطت قذائف هاون على حي سكني في أطراف مقديشو صباح السبت، وقالت الشرطة إن أربعة مدنيين أصيبوا.",
            "وأعلنت حركة الشباب مسؤوليتها عن الهجوم في بيان نشرته على موقع تابع لها.",
            "</div>".repeat(n)
        );
        let a = extract_html(&html).unwrap();
        assert_eq!(a.flattened, n + 3 - crate::nesting::MAX_HTML_DEPTH);
        assert!(a.body.contains("وأعلنت حركة الشباب مسؤوليتها"), "{}", a.body);
        assert!(a.body.starts_with("قصف على أطراف مقديشو"));
    }
}
