//! The `/api/` handlers. Reads take the store's lock on a blocking thread; the pipeline
//! runs there too, so a slow request never stalls the server's event loop.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::Json;
use rasd_model::Document;
use rasd_store::{Filter, IngestReport, Store};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::params::{Page, Params, Query as Checked, TextMatch};
use crate::AppState;

type Shared = State<Arc<AppState>>;
type Params_ = Result<Query<Params>, QueryRejection>;

/// Runs the read `f` with one of the record's reading connections on a blocking thread.
async fn with_store<T, F>(st: &Arc<AppState>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut dyn Store) -> ApiResult<T> + Send + 'static,
{
    let st = Arc::clone(st);
    tokio::task::spawn_blocking(move || {
        let mut store = st.reader()?;
        f(store.as_mut())
    })
    .await
    .map_err(|e| ApiError::Internal(format!("the request's task failed: {e}")))?
}

/// Runs `f` with the record's writing connection on a blocking thread.
async fn with_writer<T, F>(st: &Arc<AppState>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut dyn Store) -> ApiResult<T> + Send + 'static,
{
    let st = Arc::clone(st);
    tokio::task::spawn_blocking(move || {
        let mut store = st.store.lock().map_err(|_| {
            ApiError::Internal("the record is unavailable after an earlier failure".into())
        })?;
        f(store.as_mut())
    })
    .await
    .map_err(|e| ApiError::Internal(format!("the request's task failed: {e}")))?
}

fn checked(p: Params_) -> ApiResult<Checked> {
    let Query(p) = p.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    p.check()
}

fn json<T: Serialize>(v: T) -> ApiResult<Json<Value>> {
    serde_json::to_value(v)
        .map(Json)
        .map_err(|e| ApiError::Internal(format!("serializing the answer: {e}")))
}

/// Names an entity reference can be searched by.
fn ref_texts(r: &rasd_store::EntityRef) -> impl Iterator<Item = &str> {
    [Some(r.id.as_str()), r.name.as_deref(), r.name_ar.as_deref()].into_iter().flatten()
}

pub async fn stats(State(st): Shared) -> ApiResult<Json<Value>> {
    let (backend, stats) = with_store(&st, |s| Ok((s.backend(), s.stats()?))).await?;
    let mut v = serde_json::to_value(stats).map_err(|e| ApiError::Internal(e.to_string()))?;
    v["backend"] = serde_json::to_value(backend).unwrap_or(Value::Null);
    v["read_only"] = Value::Bool(st.token.is_none());
    Ok(Json(v))
}

pub async fn documents(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    match q.q.clone() {
        Some(text) => {
            json(with_store(&st, move |s| Ok(q.page(s.search(&text, &q.paged())?))).await?)
        }
        None => json(with_store(&st, move |s| Ok(q.page(s.documents(&q.paged())?))).await?),
    }
}

pub async fn search(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    let Some(text) = q.q.clone() else {
        return Err(ApiError::BadRequest("parameter `q`: give the words to search for".into()));
    };
    json(with_store(&st, move |s| Ok(q.page(s.search(&text, &q.paged())?))).await?)
}

pub async fn document(State(st): Shared, Path(id): Path<String>) -> ApiResult<Json<Document>> {
    let shown = id.clone();
    with_store(&st, move |s| Ok(s.document(&id)?))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no document `{shown}`")))
}

/// Rows read at first, then at most this many at a time, while a text filter looks for
/// the rows of its page.
const FIRST_RUN: usize = 256;
const MAX_RUN: usize = 16_384;

/// One page of the rows `fetch` gives; with `q`, rows are fetched in growing runs and
/// those whose texts (`hay`) contain it are paged here, since the store filters by text
/// only in documents. The runs stop once the page (and one row more) is found, so a
/// common word reads a few hundred rows rather than the whole record.
fn listed<T>(
    q: &Checked,
    mut fetch: impl FnMut(&Filter) -> rasd_store::Result<Vec<T>>,
    hay: impl Fn(&T, &TextMatch) -> bool,
) -> ApiResult<Page<T>> {
    let Some(text) = &q.q else { return Ok(q.page(fetch(&q.paged())?)) };
    let m = TextMatch::new(text);
    let wanted = q.offset + q.limit + 1;
    let mut found = Vec::new();
    let (mut read, mut run) = (0, FIRST_RUN);
    loop {
        let rows = fetch(&Filter { limit: Some(run), offset: read, ..q.filter.clone() })?;
        let got = rows.len();
        found.extend(rows.into_iter().filter(|r| hay(r, &m)));
        read += got;
        if found.len() >= wanted || got < run {
            break;
        }
        run = (run * 2).min(MAX_RUN);
    }
    Ok(q.page_of_all(found))
}

pub async fn entities(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    let page = with_store(&st, move |s| {
        listed(&q, |f| s.entities(f), |e, m| m.matches(ref_texts(&e.entity)))
    });
    json(page.await?)
}

pub async fn events(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    let page = with_store(&st, move |s| {
        listed(
            &q,
            |f| s.events(f),
            |e, m| {
                let own = [e.evidence.as_str(), e.trigger.as_str()];
                m.matches(own.into_iter().chain(e.refs.iter().flat_map(ref_texts)))
            },
        )
    });
    json(page.await?)
}

pub async fn incidents(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    let page = with_store(&st, move |s| {
        listed(
            &q,
            |f| s.incidents(f),
            |i, m| {
                let own = i.sources.iter().flat_map(|x| [x.evidence.as_str(), x.trigger.as_str()]);
                m.matches(own.chain(i.refs.iter().flat_map(ref_texts)))
            },
        )
    });
    json(page.await?)
}

pub async fn incident(State(st): Shared, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let shown = id.clone();
    let found = with_store(&st, move |s| Ok(s.incident(&id)?)).await?;
    json(found.ok_or_else(|| ApiError::NotFound(format!("no incident `{shown}`")))?)
}

/// A ledger row with the Arabic names of its claimant and side, so the page can show
/// both languages without fetching every entity.
#[derive(Serialize)]
struct ClaimOut {
    #[serde(flatten)]
    row: rasd_store::ClaimRow,
    claimant_name_ar: Option<String>,
    side_name_ar: Option<String>,
}

pub async fn claims(State(st): Shared, p: Params_) -> ApiResult<Json<Value>> {
    let q = checked(p)?;
    let names = Arc::clone(&st);
    let page = with_store(&st, move |s| {
        listed(
            &q,
            |f| s.claims(&q.claims(f.clone())),
            |c, m| {
                let own =
                    [Some(c.evidence.as_str()), c.claimant_name.as_deref(), c.side_name.as_deref()];
                m.matches(own.into_iter().flatten())
            },
        )
    })
    .await?;
    let items = page
        .items
        .into_iter()
        .map(|row| ClaimOut {
            claimant_name_ar: row.claimant.as_deref().and_then(|id| names.name_ar(id)),
            side_name_ar: row.side.as_deref().and_then(|id| names.name_ar(id)),
            row,
        })
        .collect();
    json(Page { items, offset: page.offset, limit: page.limit, next_offset: page.next_offset })
}

/// `POST /api/analyze` as JSON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleBody {
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

/// Parameters of `POST /api/analyze` with a plain-text body.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzeParams {
    id: Option<String>,
    published: Option<String>,
}

fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The charset a `Content-Type` declares, if any.
fn charset_of(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    v.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"').to_string())
    })
}

fn check_day(name: &str, d: Option<String>) -> ApiResult<Option<String>> {
    d.filter(|s| !s.trim().is_empty())
        .map(|s| rasd_record::query::parse_day(s.trim()))
        .transpose()
        .map_err(|e| ApiError::BadRequest(format!("`{name}`: {e}")))
}

/// The article a request body holds, read as `rasd analyze` reads its inputs.
fn article_of(
    headers: &HeaderMap,
    params: AnalyzeParams,
    body: &[u8],
) -> ApiResult<rasd_ingest::RawArticle> {
    let charset = charset_of(headers);
    // UTF-8 unless the request declares another charset, as `rasd analyze` reads files.
    let utf8 = |b: &[u8]| match charset.as_deref() {
        None => std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|e| ApiError::BadRequest(format!("the body is not UTF-8: {e}"))),
        Some(label) => rasd_ingest::decode_declared(b, label)
            .map_err(|e| ApiError::BadRequest(format!("the body is not {label}: {e}"))),
    };
    let mt = media_type(headers);
    let mut a = rasd_ingest::RawArticle {
        id: String::new(),
        url: None,
        title: None,
        published: check_day("published", params.published)?,
        body: String::new(),
        origin: rasd_ingest::Origin::file("request body"),
        input_bytes: body.len() as u64,
    };
    match mt.as_str() {
        "application/json" => {
            let b: ArticleBody = serde_json::from_slice(body)
                .map_err(|e| ApiError::BadRequest(format!("the JSON body: {e}")))?;
            a.url = b.url;
            a.title = b.title;
            if let Some(p) = check_day("published", b.published)? {
                a.published = Some(p);
            }
            a.id = b.id.unwrap_or_default();
            match (b.text, b.html) {
                (Some(t), None) => a.body = t,
                (None, Some(h)) => {
                    let page = rasd_ingest::extract_html(&h).ok_or_else(|| {
                        ApiError::BadRequest("the HTML holds no article text".into())
                    })?;
                    a.body = page.body;
                    a.title = a.title.or(page.title);
                    a.published = a.published.or(page.published);
                }
                _ => {
                    return Err(ApiError::BadRequest(
                        "the JSON body needs exactly one of `text` and `html`".into(),
                    ))
                }
            }
        }
        "text/plain" | "" => a.body = utf8(body)?,
        "text/html" => {
            let page = rasd_ingest::extract_html(&utf8(body)?)
                .ok_or_else(|| ApiError::BadRequest("the HTML holds no article text".into()))?;
            a.body = page.body;
            a.title = page.title;
            a.published = a.published.or(page.published);
        }
        other => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "`{other}` bodies are not read: send application/json, text/plain or text/html"
            )))
        }
    }
    if a.body.trim().is_empty() {
        return Err(ApiError::BadRequest("the article has no text".into()));
    }
    if a.id.is_empty() {
        a.id = params.id.unwrap_or_else(|| rasd_ingest::short_hash(&a.body));
    }
    rasd_ingest::check_text_size(a).map_err(|e| ApiError::TooLarge(e.to_string()))
}

pub async fn analyze(
    State(st): Shared,
    params: Result<Query<AnalyzeParams>, QueryRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Document>> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    // Reading the body (HTML extraction) and the analysis are both CPU work: off the
    // event loop, under a work permit.
    let doc = with_work(&st, move |st| {
        let article = article_of(&headers, params, &body)?;
        Ok(st.analyze(&article))
    })
    .await?;
    Ok(Json(doc))
}

/// Runs CPU-bound `f` on a blocking thread once a work permit is free ([`AppState`]
/// keeps one fewer than the cores); a request that waits longer than its time limit for
/// one gets 503.
async fn with_work<T, F>(st: &Arc<AppState>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&AppState) -> ApiResult<T> + Send + 'static,
{
    let permit = tokio::time::timeout(st.limits.timeout, st.work.acquire())
        .await
        .map_err(|_| ApiError::Busy("the server is busy analyzing: try again shortly".into()))?
        .map_err(|e| ApiError::Internal(format!("no work permit: {e}")))?;
    let st = Arc::clone(st);
    let out = tokio::task::spawn_blocking(move || f(&st))
        .await
        .map_err(|e| ApiError::Internal(format!("the analysis failed: {e}")))?;
    drop(permit);
    out
}

/// A posted body, gunzipped when it is gzip, at most `limit` bytes once decompressed:
/// a few hundred kilobytes of gzip can hold gigabytes.
fn gunzip_capped(body: Bytes, limit: usize) -> ApiResult<Bytes> {
    use std::io::Read;
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&body[..])
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| ApiError::BadRequest(format!("the gzip body is broken: {e}")))?;
    if out.len() > limit {
        return Err(ApiError::TooLarge(format!(
            "the body is over the server's limit of {limit} bytes once decompressed"
        )));
    }
    Ok(Bytes::from(out))
}

/// What `POST /api/ingest` did.
#[derive(Debug, Serialize)]
struct IngestAnswer {
    #[serde(flatten)]
    report: IngestReport,
    /// Lines of the body that held no article, with why.
    failed: Vec<String>,
    /// Incidents after the rebuild.
    incidents: usize,
}

/// Compares without stopping at the first difference, so response times do not tell
/// how much of a guessed token was right.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn ingest(State(st): Shared, headers: HeaderMap, body: Bytes) -> ApiResult<Json<Value>> {
    let Some(token) = st.token.as_deref() else {
        return Err(ApiError::Forbidden(
            "this server is read-only: start it with a token (--token-file or RASD_TOKEN) to ingest over HTTP"
                .into(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        // The scheme's name is case-insensitive (RFC 9110); the token is not.
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map_or("", |(_, t)| t.trim());
    if !same_secret(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::Unauthorized("writing needs `Authorization: Bearer <token>`".into()));
    }
    let mt = media_type(&headers);
    if !matches!(mt.as_str(), "application/x-ndjson" | "application/jsonl" | "application/json") {
        return Err(ApiError::UnsupportedMediaType(
            "send the articles as JSON Lines (application/x-ndjson), one {\"id\",\"text\"|\"html\",...} per line"
                .into(),
        ));
    }
    let body = gunzip_capped(body, st.limits.max_body)?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest(
            "the body holds no articles: send JSON Lines, one {\"id\",\"text\"|\"html\",...} per line"
                .into(),
        ));
    }
    let budget = st.limits.timeout;
    let (docs, failed) = with_work(&st, move |st| Ok(analyze_lines(st, &body, budget))).await?;
    let st3 = Arc::clone(&st);
    let (report, incidents) = with_writer(&st, move |s| {
        let report = s.ingest(&docs)?;
        let n = rasd_record::incidents::rebuild(s, st3.pipeline.kb())?;
        Ok((report, n))
    })
    .await?;
    json(IngestAnswer { report, failed, incidents })
}

/// The articles of a JSON Lines body, analyzed, and the lines that failed. The work stops
/// once `budget` is spent: the rest are reported failed, so a request that has timed out
/// does not keep a core busy.
fn analyze_lines(
    st: &AppState,
    body: &[u8],
    budget: std::time::Duration,
) -> (Vec<Document>, Vec<String>) {
    let started = std::time::Instant::now();
    let mut failed = Vec::new();
    let mut docs = Vec::new();
    for item in rasd_ingest::read_bytes("request.jsonl", body) {
        match item {
            Ok(a) if started.elapsed() > budget => {
                failed.push(format!("{}: not analyzed, the request's time was spent", a.origin));
            }
            Ok(a) => docs.push(st.analyze(&a)),
            Err(e) => failed.push(e.to_string()),
        }
    }
    (docs, failed)
}

pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::spec())
}

pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such API endpoint: see /api/openapi.json".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
        assert!(!same_secret(b"", b"a"));
    }

    /// A store's rows: `n` names, numbered, read a page at a time as the store reads them.
    fn rows(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("row {i}")).collect()
    }

    fn page_of(rows: &[String], f: &Filter) -> Vec<String> {
        rows.iter().skip(f.offset).take(f.limit.unwrap_or(usize::MAX)).cloned().collect()
    }

    #[test]
    fn a_text_filter_pages_what_it_would_find_in_every_row_reading_fewer() {
        let all = rows(20_000);
        let hay = |r: &String, m: &TextMatch| m.matches([r.as_str()]);
        for (text, offset, limit) in [("7", 0, 50), ("7", 3000, 500), ("199", 10, 5), ("x", 0, 50)]
        {
            let q = Checked { q: Some(text.into()), offset, limit, ..Checked::default() };
            let mut read = 0;
            let got = listed(
                &q,
                |f| {
                    let page = page_of(&all, f);
                    read += page.len();
                    Ok(page)
                },
                hay,
            )
            .unwrap();
            let m = TextMatch::new(text);
            let everywhere: Vec<String> = all.iter().filter(|r| hay(r, &m)).cloned().collect();
            let want = q.page_of_all(everywhere);
            assert_eq!((&got.items, got.next_offset), (&want.items, want.next_offset), "{text}");
            if text == "7" && offset == 0 {
                assert!(read < 1000, "a common text's first page read {read} rows");
            }
        }
    }
}
