//! Every endpoint of the API over a record made from the bundled examples, answered by
//! the router in-process: good requests, bad parameters, oversized bodies, the token.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rasd_serve::{router, AppState, Limits};
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "a-test-token-of-some-length";

fn examples() -> Vec<rasd_model::Document> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles.jsonl");
    let bytes = std::fs::read(path).expect("examples/articles.jsonl is in the repository");
    let pipeline = rasd_pipeline::Pipeline::embedded();
    rasd_ingest::read_bytes("articles.jsonl", &bytes)
        .into_iter()
        .map(|a| {
            let a = a.expect("the examples are well-formed");
            pipeline.analyze(&rasd_pipeline::Input {
                id: &a.id,
                url: a.url.as_deref(),
                title: a.title.as_deref(),
                published: a.published.as_deref(),
                body: &a.body,
            })
        })
        .collect()
}

struct Server {
    state: Arc<AppState>,
    _dir: tempfile::TempDir,
}

fn server(limits: Limits, token: Option<&str>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut store = rasd_store::open(dir.path().join("r.db").to_str().unwrap()).unwrap();
    store.ingest(&examples()).unwrap();
    rasd_record::incidents::rebuild(store.as_mut(), rasd_kb::Kb::embedded()).unwrap();
    let state = AppState::new(
        store,
        rasd_pipeline::Pipeline::embedded(),
        limits,
        token.map(str::to_string),
    );
    Server { state, _dir: dir }
}

impl Server {
    async fn send(&self, req: Request<Body>) -> (StatusCode, Value) {
        let res = router(Arc::clone(&self.state)).oneshot(req).await.unwrap();
        let status = res.status();
        let ct = res.headers().get(header::CONTENT_TYPE).cloned();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let v = if ct.is_some_and(|c| c.as_bytes().starts_with(b"application/json")) {
            serde_json::from_slice(&bytes).unwrap()
        } else {
            Value::String(String::from_utf8_lossy(&bytes).into_owned())
        };
        (status, v)
    }

    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }

    async fn post(
        &self,
        uri: &str,
        ct: &str,
        auth: Option<&str>,
        body: Vec<u8>,
    ) -> (StatusCode, Value) {
        let mut b =
            Request::builder().method(Method::POST).uri(uri).header(header::CONTENT_TYPE, ct);
        if let Some(t) = auth {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(b.body(Body::from(body)).unwrap()).await
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A 4xx/5xx answer in the API's error shape.
fn is_error(v: &Value, status: StatusCode) -> bool {
    v["error"]["status"] == status.as_u16()
        && v["error"]["message"].as_str().is_some_and(|m| !m.is_empty())
}

#[tokio::test]
async fn lists_and_items() {
    let s = server(Limits::default(), None);
    let (st, stats) = s.get("/api/stats").await;
    assert_eq!(st, StatusCode::OK);
    assert!(stats["documents"].as_u64().unwrap() >= 4, "{stats}");
    assert_eq!(stats["read_only"], true);

    for list in ["documents", "entities", "events", "incidents", "claims"] {
        let (st, page) = s.get(&format!("/api/{list}")).await;
        assert_eq!(st, StatusCode::OK, "{list}: {page}");
        assert!(!page["items"].as_array().unwrap().is_empty(), "{list} is empty");
        assert_eq!(page["offset"], 0);
        assert_eq!(page["limit"], 50);
    }

    let (_, docs) = s.get("/api/documents?limit=1").await;
    let id = docs["items"][0]["id"].as_str().unwrap().to_string();
    assert!(docs["next_offset"].as_u64().is_some());
    let (st, doc) = s.get(&format!("/api/documents/{}", enc(&id))).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(doc["schema"], "rasd.document/1");
    assert_eq!(doc["id"], id.as_str());

    let (_, incs) = s.get("/api/incidents").await;
    let iid = incs["items"][0]["id"].as_str().unwrap().to_string();
    let (st, inc) = s.get(&format!("/api/incidents/{iid}")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(!inc["sources"].as_array().unwrap().is_empty());

    for missing in [
        "/api/documents/no-such-doc",
        "/api/incidents/no-such",
        "/api/nothing-here",
        "/nothing-here",
    ] {
        let (st, v) = s.get(missing).await;
        assert_eq!(st, StatusCode::NOT_FOUND, "{missing}");
        assert!(is_error(&v, st), "{missing}: {v}");
    }
}

#[tokio::test]
async fn pages_follow_one_another() {
    let s = server(Limits::default(), None);
    let (_, all) = s.get("/api/events?limit=500").await;
    let all = all["items"].as_array().unwrap().clone();
    assert!(all.len() > 3);
    let mut seen = Vec::new();
    let mut offset = Some(0);
    while let Some(o) = offset {
        let (_, page) = s.get(&format!("/api/events?limit=3&offset={o}")).await;
        seen.extend(page["items"].as_array().unwrap().iter().cloned());
        offset = page["next_offset"].as_u64();
    }
    assert_eq!(seen, all);
}

#[tokio::test]
async fn filters_narrow_the_lists() {
    let s = server(Limits::default(), None);
    let (_, sdn) = s.get("/api/incidents?country=sdn&limit=500").await;
    let sdn = sdn["items"].as_array().unwrap();
    assert!(!sdn.is_empty());
    assert!(sdn.iter().all(|i| i["countries"].as_array().unwrap().iter().any(|c| c == "SDN")));

    let (_, assaults) = s.get("/api/events?type=assault&limit=500").await;
    assert!(assaults["items"].as_array().unwrap().iter().all(|e| e["type"] == "ASSAULT"));

    let (_, killed) = s.get("/api/claims?kind=killed&limit=500").await;
    let killed = killed["items"].as_array().unwrap();
    assert!(!killed.is_empty());
    assert!(killed.iter().all(|c| c["kind"] == "killed"));
    // Claimants named in the knowledge base come with their Arabic name.
    assert!(killed.iter().any(|c| c["claimant_name_ar"].as_str().is_some_and(|n| !n.is_empty())));

    let (_, late) = s.get("/api/documents?from=2030-01-01").await;
    assert!(late["items"].as_array().unwrap().is_empty());

    // The text filter compares Arabic as the matcher does: without hamza, with it.
    let (_, a) = s.get(&format!("/api/events?q={}&limit=500", enc("الفاشر"))).await;
    let (_, b) = s.get(&format!("/api/events?q={}&limit=500", enc("الفاشِر"))).await;
    assert!(!a["items"].as_array().unwrap().is_empty());
    assert_eq!(a["items"], b["items"]);
}

#[tokio::test]
async fn search_finds_articles() {
    let s = server(Limits::default(), None);
    let (st, hits) = s.get(&format!("/api/search?q={}", enc("الفاشر"))).await;
    assert_eq!(st, StatusCode::OK);
    let hits = hits["items"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits[0]["snippet"].as_str().unwrap().contains("الفاشر"));
    let (st, v) = s.get("/api/search").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(is_error(&v, st));
    let (_, none) = s.get(&format!("/api/search?q={}", enc("كلمةلاتوجدأبدا"))).await;
    assert!(none["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn bad_parameters_get_400_and_change_nothing() {
    let s = server(Limits::default(), None);
    let (_, before) = s.get("/api/stats").await;
    for uri in [
        "/api/events?from=yesterday",
        "/api/events?from=2020-13-01",
        "/api/events?from=2021-01-02&to=2021-01-01",
        "/api/events?type=BOMBING",
        "/api/events?limit=0",
        "/api/events?limit=100000",
        "/api/events?offset=-3",
        "/api/events?copies=perhaps",
        "/api/events?unknown=1",
        "/api/claims?group=soldiers",
        "/api/claims?kind=dead",
        "/api/documents?q=%00",
    ] {
        let (st, v) = s.get(uri).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert!(is_error(&v, st), "{uri}: {v}");
    }
    // Values that look like SQL are only ever values.
    for uri in [
        format!("/api/events?country={}", enc("ARM' OR '1'='1")),
        format!("/api/documents?country={}", enc("x'); DROP TABLE documents; --")),
        format!("/api/search?q={}", enc("\" OR 1=1 --")),
        format!("/api/search?q={}", enc("NEAR(a b) * ^ :")),
        format!("/api/claims?claimant={}", enc("' UNION SELECT * FROM documents --")),
    ] {
        let (st, v) = s.get(&uri).await;
        assert!(st == StatusCode::OK || st == StatusCode::BAD_REQUEST, "{uri}: {st} {v}");
        if st == StatusCode::OK {
            assert!(v["items"].as_array().unwrap().is_empty(), "{uri}: {v}");
        }
    }
    let (_, after) = s.get("/api/stats").await;
    assert_eq!(before, after);
}

#[tokio::test]
async fn analyze_takes_json_html_and_text() {
    let s = server(Limits::default(), None);
    let (_, before) = s.get("/api/stats").await;
    let text = "قصفت القوات الروسية مدينة خاركيف أمس وقتل ثلاثة مدنيين.";
    let body = serde_json::json!({ "text": text, "published": "2022-03-02" }).to_string();
    let (st, doc) = s.post("/api/analyze", "application/json", None, body.into_bytes()).await;
    assert_eq!(st, StatusCode::OK, "{doc}");
    assert_eq!(doc["schema"], "rasd.document/1");
    assert_eq!(doc["times"][0]["value"], "2022-03-01");
    assert!(doc["entities"].as_array().unwrap().iter().any(|e| e["id"] == "place:kharkiv"));
    assert_eq!(doc["casualties"][0]["count"], 3);

    let (st, plain) = s
        .post(
            "/api/analyze?published=2022-03-02",
            "text/plain; charset=utf-8",
            None,
            text.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(plain["events"], doc["events"]);

    let html = format!("<html><head><title>خاركيف</title></head><body><article><p>{text}</p></article></body></html>");
    let body = serde_json::json!({ "html": html, "published": "2022-03-02" }).to_string();
    let (st, h) = s.post("/api/analyze", "application/json", None, body.into_bytes()).await;
    assert_eq!(st, StatusCode::OK, "{h}");
    assert!(h["text"].as_str().unwrap().contains("خاركيف"));

    // Nothing was stored.
    let (_, after) = s.get("/api/stats").await;
    assert_eq!(before, after);

    for (ct, body, want) in [
        ("application/json", b"{\"text\": ".to_vec(), StatusCode::BAD_REQUEST),
        (
            "application/json",
            b"{\"text\": \"x\", \"html\": \"<p>x</p>\"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        ("application/json", b"{\"txt\": \"x\"}".to_vec(), StatusCode::BAD_REQUEST),
        (
            "application/json",
            b"{\"text\": \"x\", \"published\": \"soon\"}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        ("text/plain", vec![0xff, 0xfe, 0x00, 0x41], StatusCode::BAD_REQUEST),
        ("text/plain", b"   ".to_vec(), StatusCode::BAD_REQUEST),
        ("image/png", b"\x89PNG".to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE),
    ] {
        let (st, v) = s.post("/api/analyze", ct, None, body).await;
        assert_eq!(st, want, "{ct}: {v}");
        assert!(is_error(&v, st), "{v}");
    }
    let (st, v) = s.get("/api/analyze").await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED);
    assert!(is_error(&v, st));
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let s = server(Limits { max_body: 1024, ..Limits::default() }, Some(TOKEN));
    let big = "ا".repeat(2000).into_bytes();
    let (st, v) = s.post("/api/analyze", "text/plain", None, big.clone()).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(is_error(&v, st), "{v}");
    let (st, v) = s.post("/api/ingest", "application/x-ndjson", Some(TOKEN), big).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(is_error(&v, st), "{v}");
    let (st, _) = s.post("/api/analyze", "text/plain", None, "قصف".as_bytes().to_vec()).await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn an_article_over_the_text_limit_gets_413() {
    // Within the body limit, but more text than one article may hold.
    let s = server(Limits { max_body: 8 << 20, ..Limits::default() }, None);
    let long = "قصفت المدفعية أطراف البلدة وفر السكان ".repeat(60_000).into_bytes();
    assert!(long.len() > rasd_ingest::MAX_TEXT_BYTES);
    let (st, v) = s.post("/api/analyze", "text/plain", None, long).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(is_error(&v, st), "{v}");
    assert!(v.to_string().contains("article text too long"), "{v}");
}

#[tokio::test]
async fn a_gzip_body_is_capped_once_decompressed() {
    use std::io::Write;
    // 24 MiB of JSON Lines in a few tens of kilobytes of gzip.
    let line = format!("{}\n", serde_json::json!({"text": "عاد الهدوء إلى المدينة."}));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..(24 << 20) / line.len() {
        gz.write_all(line.as_bytes()).unwrap();
    }
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 1 << 20);
    let s = server(Limits::default(), Some(TOKEN));
    let (st, v) = s.post("/api/ingest", "application/x-ndjson", Some(TOKEN), bomb).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(is_error(&v, st), "{v}");
    assert!(v.to_string().contains("once decompressed"), "{v}");
}

#[tokio::test]
async fn posts_from_another_site_are_refused() {
    let s = server(Limits::default(), Some(TOKEN));
    let post = |host: &str, origin: Option<&str>| {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/api/analyze")
            .header(header::HOST, host)
            .header(header::CONTENT_TYPE, "text/plain");
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        b.body(Body::from("اجتمع الوزراء في الرباط.")).unwrap()
    };
    let (st, v) = s.send(post("127.0.0.1:8080", Some("https://ads.example"))).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert!(is_error(&v, st), "{v}");
    let (st, _) = s.send(post("rebound.example:8080", Some("http://rebound.example:8080"))).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, _) = s.send(post("127.0.0.1:8080", Some("http://127.0.0.1:8080"))).await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = s.send(post("localhost:8080", None)).await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn ingest_needs_the_token() {
    let line = serde_json::json!({
        "id": "posted-1",
        "published": "2024-02-01",
        "text": "غارة جوية على مدينة الحديدة\n\nشنت طائرات غارة جوية على ميناء الحديدة أمس ما أسفر عن مقتل خمسة أشخاص."
    })
    .to_string()
        + "\n{not json\n";

    let read_only = server(Limits::default(), None);
    let (st, v) = read_only
        .post("/api/ingest", "application/x-ndjson", Some(TOKEN), line.clone().into_bytes())
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert!(is_error(&v, st));

    let s = server(Limits::default(), Some(TOKEN));
    for auth in [None, Some("wrong-token-of-some-length!")] {
        let (st, v) =
            s.post("/api/ingest", "application/x-ndjson", auth, line.clone().into_bytes()).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
        assert!(is_error(&v, st));
    }
    let (st, v) = s.post("/api/ingest", "text/plain", Some(TOKEN), line.clone().into_bytes()).await;
    assert_eq!(st, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{v}");

    let (_, before) = s.get("/api/stats").await;
    let (st, v) =
        s.post("/api/ingest", "application/x-ndjson", Some(TOKEN), line.into_bytes()).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["inserted"], 1);
    assert_eq!(v["failed"].as_array().unwrap().len(), 1, "{v}");
    let (_, after) = s.get("/api/stats").await;
    assert_eq!(after["documents"].as_u64().unwrap(), before["documents"].as_u64().unwrap() + 1);
    let (st, doc) = s.get("/api/documents/posted-1").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(doc["published"], "2024-02-01");
}

#[tokio::test]
async fn ingest_takes_any_case_of_bearer_and_refuses_an_empty_body() {
    let s = server(Limits::default(), Some(TOKEN));
    let post = |auth: &str, body: &str| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/ingest")
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .header(header::AUTHORIZATION, auth)
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let line = serde_json::json!({"id": "bearer-1", "text": "وصلت قافلة مساعدات إلى مدينة تعز."});
    let (st, v) = s.send(post(&format!("bearer {TOKEN}"), &line.to_string())).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let (st, v) = s.send(post(&format!("BEARER  {TOKEN}"), "\n  \n")).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
    assert!(is_error(&v, st));
    let (st, _) = s.send(post(&format!("Basic {TOKEN}"), &line.to_string())).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn analyze_reads_a_declared_legacy_charset() {
    let s = server(Limits::default(), None);
    let text = "قصفت المدفعية أحياء في مدينة حلب صباح الاثنين.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let (st, v) =
        s.post("/api/analyze", "text/plain; charset=windows-1256", None, bytes.into_owned()).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["text"], text);
    let (st, v) = s.post("/api/analyze", "text/plain", None, vec![0xC7, 0xE1, 0xD1]).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn a_search_of_no_words_is_the_request_s_fault() {
    let s = server(Limits::default(), None);
    for q in ["%22", "%22%22", "%22%20%22"] {
        let (st, v) = s.get(&format!("/api/search?q={q}")).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{q}: {v}");
        let msg = v["error"]["message"].as_str().unwrap_or_default();
        assert!(msg.contains("no words") && !msg.contains("could not be read"), "{q}: {msg}");
    }
}

#[tokio::test]
async fn a_request_line_too_long_for_http_gets_a_json_414() {
    let s = server(Limits::default(), None);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(rasd_serve::serve(listener, Arc::clone(&s.state)));
    // A plain blocking client: the request goes out as written, whatever its length.
    let ask = move |path: String| {
        use std::io::{Read, Write};
        let mut conn = std::net::TcpStream::connect(addr).unwrap();
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        conn.write_all(req.as_bytes()).unwrap();
        let mut answer = Vec::new();
        conn.read_to_end(&mut answer).unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    };
    let long = format!("/api/search?q={}", "ق".repeat(50_000));
    let answer = tokio::task::spawn_blocking(move || ask(long)).await.unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 414"), "{head}");
    let v: Value = serde_json::from_str(body).unwrap();
    assert!(is_error(&v, StatusCode::URI_TOO_LONG), "{v}");
    // Ordinary requests on the same server are untouched.
    let answer = tokio::task::spawn_blocking(move || ask("/api/stats".into())).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn reads_on_pooled_connections_see_what_was_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pool.db");
    let path = path.to_str().unwrap();
    let mut store = rasd_store::open(path).unwrap();
    store.ingest(&examples()).unwrap();
    let readers = (0..3).map(|_| rasd_store::open(path).unwrap()).collect();
    let state = AppState::pooled(
        store,
        readers,
        rasd_pipeline::Pipeline::embedded(),
        Limits::default(),
        Some(TOKEN.to_string()),
    );
    let s = Server { state, _dir: dir };
    let (_, before) = s.get("/api/stats").await;
    let line = serde_json::json!({"id": "pooled-1", "text": "وصلت قافلة إغاثة إلى مدينة الفاشر."});
    let (st, v) = s
        .post("/api/ingest", "application/x-ndjson", Some(TOKEN), line.to_string().into_bytes())
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    // Every reader, in turn, sees the new article.
    for _ in 0..6 {
        let (st, _) = s.get("/api/documents/pooled-1").await;
        assert_eq!(st, StatusCode::OK);
        let (_, after) = s.get("/api/stats").await;
        assert_eq!(after["documents"].as_u64(), before["documents"].as_u64().map(|n| n + 1));
    }
    // Many reads at once, on the runtime's threads.
    let app = router(Arc::clone(&s.state));
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                let req = Request::get("/api/incidents").body(Body::empty()).unwrap();
                app.oneshot(req).await.unwrap().status()
            })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::OK);
    }
}

#[tokio::test]
async fn the_description_covers_every_route() {
    let s = server(Limits::default(), None);
    let (st, spec) = s.get("/api/openapi.json").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().unwrap();
    for p in [
        "/api/stats",
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/events",
        "/api/incidents",
        "/api/incidents/{id}",
        "/api/claims",
        "/api/search",
        "/api/openapi.json",
        "/api/analyze",
        "/api/ingest",
    ] {
        assert!(paths.contains_key(p), "{p} is not described");
    }
    // Every described GET without a path parameter answers.
    for (p, ops) in paths {
        if ops.get("get").is_some() && !p.contains('{') {
            let uri = if p == "/api/search" { format!("{p}?q=x") } else { p.clone() };
            let (st, v) = s.get(&uri).await;
            assert_eq!(st, StatusCode::OK, "{p}: {v}");
        }
    }
}

#[tokio::test]
async fn the_page_and_its_assets_are_served() {
    let s = server(Limits::default(), None);
    let res = router(Arc::clone(&s.state))
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    assert!(res.headers().contains_key(header::CONTENT_SECURITY_POLICY));
    let html =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(html.contains("dir=\"rtl\""));
    let (st, _) = s.get("/assets/../Cargo.toml").await;
    assert!(st == StatusCode::BAD_REQUEST || st == StatusCode::NOT_FOUND);
    let (st, _) = s.get("/assets/no-such.js").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}

/// The same answers from PostgreSQL: run with `--include-ignored` and
/// `RASD_TEST_POSTGRES` naming a server (`scripts/ci-postgres.sh`), as CI does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: RASD_TEST_POSTGRES (scripts/ci-postgres.sh)"]
async fn postgres_answers_alike() {
    let url = rasd_store::test_postgres_url()
        .expect("this test needs RASD_TEST_POSTGRES naming a PostgreSQL server");
    // The synchronous PostgreSQL client must be made, used and dropped off the runtime's
    // own threads.
    let (pg, lite) = tokio::task::spawn_blocking(move || {
        let db = rasd_store::scratch_database(url.trim(), "rasd_serve_api").unwrap();
        let mut store = rasd_store::open(&db).unwrap();
        store.ingest(&examples()).unwrap();
        rasd_record::incidents::rebuild(store.as_mut(), rasd_kb::Kb::embedded()).unwrap();
        let pg = Server {
            state: AppState::new(
                store,
                rasd_pipeline::Pipeline::embedded(),
                Limits::default(),
                None,
            ),
            _dir: tempfile::tempdir().unwrap(),
        };
        (pg, server(Limits::default(), None))
    })
    .await
    .unwrap();
    for uri in [
        "/api/events?limit=500".to_string(),
        "/api/incidents?limit=500&country=SDN".to_string(),
        "/api/claims?limit=500&kind=killed".to_string(),
        "/api/entities?limit=20".to_string(),
    ] {
        let (a, x) = pg.get(&uri).await;
        let (b, y) = lite.get(&uri).await;
        assert_eq!((a, b), (StatusCode::OK, StatusCode::OK), "{uri}");
        let n = |v: &Value| v["items"].as_array().map(Vec::len);
        assert_eq!(n(&x), n(&y), "{uri}");
        assert!(n(&x) > Some(0), "{uri}");
    }
    let (st, hits) = pg.get(&format!("/api/search?q={}", enc("الفاشر"))).await;
    assert_eq!(st, StatusCode::OK);
    assert!(!hits["items"].as_array().unwrap().is_empty());
    tokio::task::spawn_blocking(move || drop((pg, lite))).await.unwrap();
}
