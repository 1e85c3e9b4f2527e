//! End-to-end tests of `rasd-ingest` over every input format, encoding and
//! the broken inputs users really have. Fixtures are built in code (all Arabic
//! text here is invented for these tests) except the four hand-written news
//! pages in `tests/fixtures/html/`.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use rasd_ingest::{read_bytes, read_inputs, total_input_bytes, IngestError, RawArticle};

const HEADLINE: &str = "انطلاق موسم قطف الزيتون في القرى الجبلية";
const PARA1: &str = "بدأ المزارعون في القرى الجبلية صباح اليوم قطف ثمار الزيتون، وسط توقعات بموسم وفير بعد أمطار الشتاء الماضي.";
const PARA2: &str =
    "وقال رئيس الجمعية التعاونية إن المعاصر ستعمل على مدار الساعة خلال الأسابيع الثلاثة المقبلة.";

fn article_text() -> String {
    format!("{HEADLINE}\n\n{PARA1}\n\n{PARA2}\n")
}

fn article_html() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>{HEADLINE} - جريدة الريف</title>\
         <meta property=\"article:published_time\" content=\"2022-10-18T07:00:00+03:00\"></head>\
         <body><nav><a href=\"/\">الرئيسية</a> <a href=\"/agri\">زراعة</a></nav>\
         <article><h1>{HEADLINE}</h1><p>{PARA1}</p><p>{PARA2}</p></article>\
         <footer>جميع الحقوق محفوظة لجريدة الريف</footer></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn one(name: &str, bytes: &[u8]) -> RawArticle {
    let mut items = read_bytes(name, bytes);
    assert_eq!(items.len(), 1, "{name}: {items:?}");
    match items.remove(0) {
        Ok(a) => a,
        Err(e) => panic!("{name}: {e}"),
    }
}

fn one_err(name: &str, bytes: &[u8]) -> IngestError {
    let mut items = read_bytes(name, bytes);
    assert_eq!(items.len(), 1, "{name}: {items:?}");
    match items.remove(0) {
        Ok(a) => panic!("{name}: expected an error, got {a:?}"),
        Err(e) => e,
    }
}

fn assert_olive_text(a: &RawArticle) {
    assert!(a.body.contains(PARA1), "{}", a.body);
    assert!(a.body.contains(PARA2), "{}", a.body);
}

// ---------------------------------------------------------------- txt

#[test]
fn txt_keeps_headline_in_body_and_sets_title() {
    let a = one("zaytoun.txt", article_text().as_bytes());
    assert_eq!(a.id, "zaytoun");
    assert_eq!(a.title.as_deref(), Some(HEADLINE));
    assert_eq!(a.body, article_text());
    assert_eq!(a.url, None);
    assert_eq!(a.published, None);
    assert_eq!(a.origin.to_string(), "zaytoun.txt");
    assert_eq!(a.input_bytes, article_text().len() as u64);
}

#[test]
fn txt_crlf_becomes_lf() {
    let a = one("crlf.txt", article_text().replace('\n', "\r\n").as_bytes());
    assert_eq!(a.body, article_text());
}

// ---------------------------------------------------------------- encodings

#[test]
fn txt_every_encoding() {
    let text = article_text();
    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend_from_slice(text.as_bytes());
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf8", text.as_bytes().to_vec()),
        ("utf8-bom", bom8),
        ("utf16le-bom", utf16(&text, false, true)),
        ("utf16be-bom", utf16(&text, true, true)),
        ("utf16le-nobom", utf16(&text, false, false)),
        ("utf16be-nobom", utf16(&text, true, false)),
        ("windows-1256", cp1256.into_owned()),
    ];
    for (label, bytes) in cases {
        let a = one(&format!("{label}.txt"), &bytes);
        assert_eq!(a.body, text, "{label}");
        assert_eq!(a.title.as_deref(), Some(HEADLINE), "{label}");
    }
}

#[test]
fn html_legacy_charsets() {
    let html =
        article_html().replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
    let a = one("legacy.html", &bytes);
    assert_olive_text(&a);
    assert_eq!(a.title.as_deref(), Some(HEADLINE));

    // http-equiv declaration, ISO-8859-6: only the declaration can tell it apart.
    let html = article_html().replace(
        "<meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">",
    );
    let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(&html);
    assert_olive_text(&one("iso.html", &bytes));

    // No declaration at all: detected.
    let html = article_html().replace("<meta charset=\"utf-8\">", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
    assert_olive_text(&one("undeclared.html", &bytes));

    // UTF-16 HTML with a BOM.
    assert_olive_text(&one("wide.html", &utf16(&article_html(), false, true)));
}

// ---------------------------------------------------------------- html

#[test]
fn html_title_date_and_body() {
    let a = one("olive.html", article_html().as_bytes());
    assert_eq!(a.id, "olive");
    assert_eq!(a.title.as_deref(), Some(HEADLINE));
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    assert_eq!(a.body, format!("{HEADLINE}\n\n{PARA1}\n\n{PARA2}"));
}

#[test]
fn html_broken_markup_still_works() {
    let html =
        format!("<html><body><div class=main><h2>{HEADLINE}<p>{PARA1}<p>{PARA2} <b>مع تعليق");
    let a = one("broken.htm", html.as_bytes());
    assert_olive_text(&a);
    assert!(!a.body.contains('<'));
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name)
}

fn read_fixture(name: &str) -> RawArticle {
    let items: Vec<_> = read_inputs(&[fixture(name)]).collect();
    assert_eq!(items.len(), 1);
    match items.into_iter().next() {
        Some(Ok(a)) => a,
        other => panic!("{name}: {other:?}"),
    }
}

fn assert_excludes(a: &RawArticle, boilerplate: &[&str]) {
    for b in boilerplate {
        assert!(!a.body.contains(b), "{:?} should not be in the body:\n{}", b, a.body);
    }
}

#[test]
fn news_page_with_sidebar_comments_and_cookie_notice() {
    let a = read_fixture("news1_standard.html");
    assert_eq!(a.id, "news1_standard");
    assert_eq!(a.title.as_deref(), Some("وصول قافلة مساعدات جديدة إلى مدينة الواحة"));
    assert_eq!(a.published.as_deref(), Some("2023-03-14"));
    assert!(a
        .body
        .starts_with("وصول قافلة مساعدات جديدة إلى مدينة الواحة\n\nوصلت صباح اليوم الثلاثاء"));
    assert!(a.body.ends_with("بسبب غياب قطع الغيار."));
    assert_eq!(a.body.matches("\n\n").count(), 5, "{}", a.body);
    assert_excludes(
        &a,
        &[
            "ملفات تعريف الارتباط",
            "فيديو",
            "محليات",
            "الأكثر قراءة",
            "أبو سالم",
            "خبر مفرح",
            "شارك على",
            "جميع الحقوق",
            "عاجل",
        ],
    );
}

#[test]
fn news_page_with_jsonld_graph() {
    let a = read_fixture("news2_jsonld_graph.html");
    assert_eq!(a.title.as_deref(), Some("محادثات جديدة بين البلدين الجارين حول ترسيم الحدود"));
    // datePublished of the NewsArticle in @graph, not dateModified.
    assert_eq!(a.published.as_deref(), Some("2022-11-05"));
    assert!(a.body.contains("نحن متفائلون بحذر"));
    assert!(a.body.contains("لاستخراج الغاز من الحقول البحرية"));
    assert_excludes(&a, &["النشرة البريدية", "مواضيع قد تهمك", "تسجيل الدخول", "يمنع النسخ"]);
}

#[test]
fn news_page_with_broken_markup_and_compact_pubdate() {
    let a = read_fixture("news3_broken.html");
    assert_eq!(a.title.as_deref(), Some("افتتاح جسر جديد فوق النهر"));
    assert_eq!(a.published.as_deref(), Some("2021-07-09"));
    assert!(a.body.contains("وسيخفف الازدحام عن الجسر القديم"));
    assert_eq!(a.body.matches("وحضر الحفل").count(), 1);
    assert_excludes(&a, &["اتصل بنا", "حقوق النشر"]);
}

#[test]
fn news_page_with_heavy_comments() {
    let a = read_fixture("news4_comments_heavy.html");
    assert_eq!(a.title.as_deref(), Some("تأجيل امتحانات الشهادة الثانوية أسبوعاً واحداً"));
    assert_eq!(a.published.as_deref(), Some("2024-06-02"));
    assert!(a
        .body
        .contains("عدد الطلاب المسجلين: نحو مئة وعشرين ألف طالب وطالبة.\nعدد مراكز الامتحان"));
    assert!(a.body.contains("موجة الحر المتوقعة."));
    assert!(!a.body.contains("\n\n\n"));
    assert_excludes(&a, &["آراء القراء", "قرار صائب", "روابط سريعة", "نهتم بخصوصيتك", "أعلن معنا"]);
}

#[test]
fn html_without_text_is_an_error() {
    let e = one_err(
        "empty-page.html",
        b"<html><head><title></title></head><body><script>x()</script></body></html>",
    );
    assert!(matches!(e, IngestError::NoText { .. }), "{e}");
    assert_eq!(e.to_string(), "empty-page.html: HTML has no extractable text");
}

// ---------------------------------------------------------------- jsonl

fn jsonl_batch() -> String {
    let lines = [
        serde_json::json!({"id": "n1", "url": "https://example.org/n1", "title": "عنوان أول", "published": "2022-10-18T09:30:00Z", "text": article_text()}).to_string(),
        String::new(),
        "{\"id\": \"n2\", \"text\": \"نص مقطوع".to_string(),
        serde_json::json!({"url": "https://example.org/n3", "html": article_html()}).to_string(),
        serde_json::json!({"id": "n4", "title": "بلا نص"}).to_string(),
        "   ".to_string(),
        serde_json::json!({"text": "خبر أخير قصير."}).to_string(),
    ];
    lines.join("\n") + "\n"
}

#[test]
fn jsonl_records_and_errors_with_line_numbers() {
    let items = read_bytes("batch.jsonl", jsonl_batch().as_bytes());
    assert_eq!(items.len(), 5, "{items:?}");

    let a = items[0].as_ref().unwrap();
    assert_eq!((a.id.as_str(), a.title.as_deref()), ("n1", Some("عنوان أول")));
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/n1"));
    assert_eq!(a.body, article_text());
    assert_eq!(a.origin.to_string(), "batch.jsonl:1");

    let e = items[1].as_ref().unwrap_err();
    assert!(matches!(e, IngestError::InvalidJson { .. }), "{e}");
    assert!(e.to_string().starts_with("batch.jsonl: invalid JSON on line 3"), "{e}");

    let a = items[2].as_ref().unwrap();
    assert_eq!(a.id, rasd_ingest::short_hash("https://example.org/n3"));
    assert_eq!(a.title.as_deref(), Some(HEADLINE));
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    assert_olive_text(a);
    assert!(!a.body.contains("الرئيسية"));

    let e = items[3].as_ref().unwrap_err();
    assert!(matches!(e, IngestError::MissingText { .. }), "{e}");
    assert_eq!(e.to_string(), "batch.jsonl: line 5 has no \"text\" or \"html\" field");

    let a = items[4].as_ref().unwrap();
    assert_eq!(a.id, "batch-7");
    assert_eq!(a.origin.record, Some(7));
}

#[test]
fn jsonl_empty_and_binary() {
    assert!(matches!(one_err("e.jsonl", b"\n  \n"), IngestError::Empty { .. }));
    let e = one_err("data.jsonl", b"\x00\x01\x02{\n\x00\n\x00\n\x00\n");
    assert!(matches!(e, IngestError::Binary { .. }), "{e}");
    let items = read_bytes("bom.ndjson", b"\xEF\xBB\xBF{\"text\":\"\xD9\x86\xD8\xB5\"}\n");
    assert_eq!(items[0].as_ref().unwrap().body, "نص");
}

#[test]
#[ignore = "needs the dev set beside the repository (../shared/corpus/dev.jsonl)"]
fn dev_corpus_jsonl_reads_whole() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev.jsonl");
    assert!(path.exists(), "{} is missing", path.display());
    let items: Vec<_> = read_inputs(&[path]).collect();
    assert!(!items.is_empty());
    for item in &items {
        let a = item.as_ref().unwrap();
        assert!(!a.body.trim().is_empty());
        assert!(a.published.as_deref().is_some_and(|p| p.len() == 10));
        assert!(!a.id.is_empty());
    }
}

// ---------------------------------------------------------------- warc

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2023-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// A small crawl: warcinfo, request, an HTML page in UTF-8, one in
/// windows-1256 declared only in the HTTP header, and an image.
fn warc_records() -> Vec<Vec<u8>> {
    let page = article_html().replace("<meta charset=\"utf-8\">", "");
    let (legacy, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    vec![
        warc_record("warcinfo", "", "application/warc-fields", b"software: rasd-test\r\n"),
        warc_record(
            "request",
            "https://example.org/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://example.org/a",
            "application/http; msgtype=response",
            &http_response("text/html; charset=UTF-8", article_html().as_bytes()),
        ),
        warc_record(
            "response",
            "https://example.org/b",
            "application/http; msgtype=response",
            &http_response("text/html; charset=windows-1256", &legacy),
        ),
        warc_record(
            "response",
            "https://example.org/i.png",
            "application/http; msgtype=response",
            &http_response("image/png", b"\x89PNG\r\n\x1a\n\0\0"),
        ),
    ]
}

#[test]
fn warc_html_responses() {
    let warc: Vec<u8> = warc_records().concat();
    let items = read_bytes("crawl.warc", &warc);
    assert_eq!(items.len(), 2, "{items:?}");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.id, rasd_ingest::short_hash("https://example.org/a"));
    assert_eq!(a.id.len(), 16);
    assert_eq!(a.origin.to_string(), "crawl.warc:3");
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    assert_olive_text(a);
    let b = items[1].as_ref().unwrap();
    assert_eq!(b.url.as_deref(), Some("https://example.org/b"));
    assert_olive_text(b);
}

#[test]
fn warc_gz_multi_member() {
    // Real crawls compress each record as its own gzip member.
    let warc: Vec<u8> = warc_records().iter().flat_map(|r| gzip(r)).collect();
    let items = read_bytes("crawl.warc.gz", &warc);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items.iter().all(Result::is_ok));
    let consumed: u64 = items.iter().map(|i| i.as_ref().unwrap().input_bytes).sum();
    assert!(consumed > 0 && consumed <= warc.len() as u64);
}

#[test]
fn warc_truncated_final_record() {
    let records = warc_records();
    let mut warc: Vec<u8> = records[..3].concat();
    warc.extend_from_slice(&records[3][..records[3].len() / 2]);
    let items = read_bytes("cut.warc", &warc);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].is_ok());
    let e = items[1].as_ref().unwrap_err();
    assert!(matches!(e, IngestError::TruncatedWarc { .. }), "{e}");
    assert!(e.to_string().starts_with("cut.warc: WARC record 4: truncated"), "{e}");

    // Cut inside a gzip member: the earlier records still come out.
    let gz: Vec<u8> = records[..4].iter().flat_map(|r| gzip(r)).collect();
    let items = read_bytes("cut.warc.gz", &gz[..gz.len() - 30]);
    assert!(items[0].is_ok(), "{items:?}");
    assert!(items.last().unwrap().is_err());
}

#[test]
fn warc_a_lying_content_length_does_not_swallow_the_next_record() {
    let records = warc_records();
    for liar in [1, 2] {
        // Record `liar` (the request, or the first page) claims 5,000 bytes more than it
        // has: the page after it must still be read.
        let mut warc = Vec::new();
        for (i, r) in records.iter().enumerate() {
            if i != liar {
                warc.extend_from_slice(r);
                continue;
            }
            let text = String::from_utf8_lossy(r).into_owned();
            let len = text.split("Content-Length: ").nth(1).unwrap().split('\r').next().unwrap();
            let lying = format!("Content-Length: {}", len.parse::<u64>().unwrap() + 5000);
            let text = text.replacen(&format!("Content-Length: {len}"), &lying, 1);
            warc.extend_from_slice(text.as_bytes());
        }
        let items = read_bytes("liar.warc", &warc);
        let urls: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()?.url.clone()).collect();
        assert!(urls.contains(&"https://example.org/b".to_string()), "liar {liar}: {items:?}");
        if liar == 1 {
            assert!(urls.contains(&"https://example.org/a".to_string()), "{items:?}");
        }
    }
}

// ---------------------------------------------------------------- gzip

#[test]
fn gz_variants() {
    let a = one("z.txt.gz", &gzip(article_text().as_bytes()));
    assert_eq!(a.id, "z");
    assert_eq!(a.body, article_text());
    let a = one("z.html.gz", &gzip(article_html().as_bytes()));
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    let items = read_bytes("z.jsonl.gz", &gzip(jsonl_batch().as_bytes()));
    assert_eq!(items.len(), 5);
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 3);
    // Two gzip members concatenated (as `cat a.gz b.gz` makes).
    let mut two = gzip(b"{\"id\":\"m1\",\"text\":\"\xD9\x86\xD8\xB5\"}\n");
    two.extend(gzip(b"{\"id\":\"m2\",\"text\":\"\xD9\x86\xD8\xB5\"}\n"));
    let ids: Vec<String> =
        read_bytes("m.ndjson.gz", &two).into_iter().map(|i| i.unwrap().id).collect();
    assert_eq!(ids, ["m1", "m2"]);
}

#[test]
fn gzip_recognised_without_gz_name() {
    assert_eq!(
        one("saved.html", &gzip(article_html().as_bytes())).title.as_deref(),
        Some(HEADLINE)
    );
}

#[test]
fn invalid_gzip() {
    let e = one_err("plain.txt.gz", article_text().as_bytes());
    assert!(matches!(e, IngestError::Gzip { .. }), "{e}");
    assert!(e.to_string().starts_with("plain.txt.gz: bad gzip data"), "{e}");
    let mut corrupt = gzip(article_text().as_bytes());
    let mid = corrupt.len() / 2;
    for b in &mut corrupt[mid..mid + 8] {
        *b ^= 0x55;
    }
    assert!(matches!(one_err("corrupt.txt.gz", &corrupt), IngestError::Gzip { .. }));
    let truncated = gzip(article_text().as_bytes());
    assert!(matches!(
        one_err("short.txt.gz", &truncated[..truncated.len() - 10]),
        IngestError::Gzip { .. }
    ));
}

// ---------------------------------------------------------------- stdin-style sniffing

#[test]
fn stdin_sniffing() {
    let items = read_bytes("-", jsonl_batch().as_bytes());
    assert_eq!(items.len(), 5);
    assert_eq!(items[1].as_ref().unwrap_err().origin().to_string(), "<stdin>:3");

    let a = one("-", article_html().as_bytes());
    assert_eq!(a.published.as_deref(), Some("2022-10-18"));
    assert_eq!(a.id, "stdin");

    let a = one("-", article_text().as_bytes());
    assert_eq!(a.body, article_text());
    assert_eq!(a.origin.to_string(), "<stdin>");

    assert_eq!(read_bytes("-", &warc_records().concat()).len(), 2);
    assert_eq!(one("-", &gzip(article_text().as_bytes())).body, article_text());
    assert_eq!(one("-", &utf16(&article_html(), false, true)).title.as_deref(), Some(HEADLINE));
}

// ---------------------------------------------------------------- broken inputs

#[test]
fn binary_and_empty_files() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    let e = one_err("photo.txt", &png);
    assert!(matches!(e, IngestError::Binary { .. }), "{e}");
    assert!(e.to_string().starts_with("photo.txt: binary content"), "{e}");

    let noise: Vec<u8> =
        (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    assert!(matches!(one_err("noise.html", &noise), IngestError::Binary { .. }));

    assert!(matches!(one_err("empty.txt", b""), IngestError::Empty { .. }));
    let e = one_err("blank.html", b" \n\t\r\n ");
    assert_eq!(e.to_string(), "blank.html: empty (no text)");
    assert!(matches!(
        one_err("blank16.txt", &utf16(" \n ", false, true)),
        IngestError::Empty { .. }
    ));
}

// ---------------------------------------------------------------- files and directories

#[test]
fn directory_walk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/nested")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join("a.txt"), article_text()).unwrap();
    std::fs::write(root.join("b/nested/c.html"), article_html()).unwrap();
    std::fs::write(root.join("b/d.jsonl.gz"), gzip(jsonl_batch().as_bytes())).unwrap();
    std::fs::write(root.join("b/e.txt"), b"").unwrap();
    std::fs::write(root.join(".hidden.txt"), article_text()).unwrap();
    std::fs::write(root.join(".git/x.txt"), article_text()).unwrap();
    std::fs::write(root.join("notes.md"), article_text()).unwrap();
    std::fs::write(root.join("image.png"), b"\x89PNG\r\n").unwrap();

    let items: Vec<_> = read_inputs(&[root.to_path_buf()]).collect();
    let origins: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(a) => a.origin.to_string(),
            Err(e) => format!("ERR {}", e.origin()),
        })
        .map(|o| o.replace(&root.display().to_string(), ""))
        .collect();
    assert_eq!(
        origins,
        [
            "/a.txt",
            "/b/d.jsonl.gz:1",
            "ERR /b/d.jsonl.gz:3",
            "/b/d.jsonl.gz:4",
            "ERR /b/d.jsonl.gz:5",
            "/b/d.jsonl.gz:7",
            "ERR /b/e.txt",
            "/b/nested/c.html",
        ]
    );

    let expected: u64 = ["a.txt", "b/nested/c.html", "b/d.jsonl.gz", "b/e.txt"]
        .iter()
        .map(|p| std::fs::metadata(root.join(p)).unwrap().len())
        .sum();
    assert_eq!(total_input_bytes(&[root.to_path_buf(), PathBuf::from("-")]), expected);
}

#[test]
fn named_files_continue_after_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, article_text()).unwrap();
    // A named file with an unknown extension is read, its format sniffed.
    let page = dir.path().join("page.xhtml");
    std::fs::write(&page, article_html()).unwrap();
    let empty_dir = dir.path().join("nothing");
    std::fs::create_dir(&empty_dir).unwrap();
    let inputs = [dir.path().join("missing.txt"), good.clone(), empty_dir, page];
    let items: Vec<_> = read_inputs(&inputs).collect();
    assert_eq!(items.len(), 4, "{items:?}");
    assert!(matches!(items[0], Err(IngestError::Io { .. })));
    assert_eq!(items[1].as_ref().unwrap().id, "good");
    assert!(matches!(items[2], Err(IngestError::NoArticles { .. })));
    assert_eq!(items[3].as_ref().unwrap().published.as_deref(), Some("2022-10-18"));
    assert_eq!(total_input_bytes(std::slice::from_ref(&good)), article_text().len() as u64);
}

#[test]
fn oversized_document_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(rasd_ingest::MAX_DOCUMENT_BYTES + 1).unwrap(); // sparse: no disk used
    let items: Vec<_> = read_inputs(&[path]).collect();
    let e = items[0].as_ref().unwrap_err();
    assert!(matches!(e, IngestError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("too large"), "{e}");
}

#[test]
fn an_article_text_over_the_limit_is_an_error_naming_it() {
    // A page of prose with no full stop, some 3 MB: refused, and the next line is read.
    let long = "تقدمت القوات نحو المدينة وانسحب المسلحون ".repeat(40_000);
    assert!(long.len() > rasd_ingest::MAX_TEXT_BYTES);
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "long", "text": long}),
        serde_json::json!({"id": "short", "text": "عاد النازحون إلى قراهم."}),
    );
    let items = read_bytes("feed.jsonl", jsonl.as_bytes());
    let e = items[0].as_ref().unwrap_err();
    assert!(matches!(e, IngestError::TextTooLarge { .. }), "{e}");
    assert!(e.to_string().starts_with("feed.jsonl:1: article text too long"), "{e}");
    assert_eq!(items[1].as_ref().unwrap().id, "short");
    let items = read_bytes("long.txt", long.as_bytes());
    assert!(matches!(items[0], Err(IngestError::TextTooLarge { .. })));
    // At the limit it is read.
    let at = "ب".repeat(rasd_ingest::MAX_TEXT_BYTES / 2);
    assert!(read_bytes("edge.txt", at.as_bytes())[0].is_ok());
}

// ---------------------------------------------------------------- robustness

mod never_panics {
    use proptest::prelude::*;

    const NAMES: [&str; 11] = [
        "a.txt",
        "a.html",
        "a.jsonl",
        "a.warc",
        "a.txt.gz",
        "a.html.gz",
        "a.jsonl.gz",
        "a.warc.gz",
        "-",
        "a.bin",
        "a.htm",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            for name in NAMES {
                let _ = rasd_ingest::read_bytes(name, &bytes);
            }
        }

        #[test]
        fn on_markup_like_text(s in "(<(/?)(p|div|html|body|h1|time|meta|script|article)( datetime=\"[0-9T:-]{0,12}\")?>|[a-z ء-ي{}\":,\\n]){0,80}") {
            for name in ["a.html", "a.jsonl", "-", "a.warc"] {
                let _ = rasd_ingest::read_bytes(name, s.as_bytes());
            }
        }

        #[test]
        fn on_warc_like_input(len in 0u64..5000, body in "[ -~\\n]{0,200}") {
            let warc = format!("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: {len}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
            let _ = rasd_ingest::read_bytes("x.warc", warc.as_bytes());
        }
    }
}
