//! The record over HTTP: `rasd serve` answers a JSON API under `/api/` and serves the web
//! page (timeline, map, claims chart, incident and article views) from assets compiled
//! into the binary, so it works offline with nothing else installed.
//!
//! - Reads are open; writing (`POST /api/ingest`) needs the token given at start-up, and
//!   a server started without one is read-only.
//! - Every request has a body-size and a time limit; errors are JSON with a status code.
//! - Query values are checked (`params.rs`) and bound as SQL parameters by the store, so
//!   no value can change what a query asks.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let store = rasd_store::open("rasd.db")?;
//! let app = rasd_serve::router(rasd_serve::AppState::new(
//!     store,
//!     rasd_pipeline::Pipeline::embedded(),
//!     rasd_serve::Limits::default(),
//!     None,
//! ));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

mod api;
mod assets;
pub mod error;
mod guard;
mod openapi;
mod params;
mod uri_too_long;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use rasd_model::Document;
use rasd_pipeline::{Input, Pipeline};
use rasd_store::Store;
use tower_http::timeout::TimeoutLayer;

pub use error::ApiError;
pub use openapi::spec as openapi_spec;

/// How much a request may ask of the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body, in bytes (a larger one gets 413).
    pub max_body: usize,
    /// Longest a request may take (then 408).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_body: 8 << 20, timeout: Duration::from_secs(30) }
    }
}

/// What every handler shares.
pub struct AppState {
    /// The record's writing connection (and its reading one when there is no pool).
    store: Mutex<Box<dyn Store>>,
    /// More connections for reads (SQLite in WAL mode and PostgreSQL both let readers
    /// run side by side), so that one slow query does not hold up the rest.
    readers: Vec<Mutex<Box<dyn Store>>>,
    next_reader: std::sync::atomic::AtomicUsize,
    pipeline: Pipeline,
    token: Option<String>,
    limits: Limits,
    /// Permits to run the pipeline: one fewer than the cores, so that analyses in flight
    /// always leave a core to the reads.
    work: tokio::sync::Semaphore,
}

impl AppState {
    /// A server over `store`, analyzing with `pipeline`; `token`, when given, allows
    /// `POST /api/ingest` to requests that present it.
    pub fn new(
        store: Box<dyn Store>,
        pipeline: Pipeline,
        limits: Limits,
        token: Option<String>,
    ) -> Arc<AppState> {
        Self::pooled(store, Vec::new(), pipeline, limits, token)
    }

    /// As [`AppState::new`], with more connections to the same record for reads.
    pub fn pooled(
        store: Box<dyn Store>,
        readers: Vec<Box<dyn Store>>,
        pipeline: Pipeline,
        limits: Limits,
        token: Option<String>,
    ) -> Arc<AppState> {
        let token = token.filter(|t| !t.is_empty());
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let work = tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1));
        Arc::new(AppState {
            store: Mutex::new(store),
            readers: readers.into_iter().map(Mutex::new).collect(),
            next_reader: std::sync::atomic::AtomicUsize::new(0),
            pipeline,
            token,
            limits,
            work,
        })
    }

    /// A connection to read with: a free one of the pool, else the next in turn (waiting
    /// for it), else the writing one when there is no pool.
    fn reader(&self) -> Result<std::sync::MutexGuard<'_, Box<dyn Store>>, ApiError> {
        let gone =
            || ApiError::Internal("the record is unavailable after an earlier failure".into());
        if self.readers.is_empty() {
            return self.store.lock().map_err(|_| gone());
        }
        let n = self.readers.len();
        let start = self.next_reader.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        for k in 0..n {
            if let Ok(guard) = self.readers[(start + k) % n].try_lock() {
                return Ok(guard);
            }
        }
        self.readers[start % n].lock().map_err(|_| gone())
    }

    /// The Arabic name of an entity: the knowledge base's, else the one a `new:` id
    /// carries (`new:person:<normalized Arabic>`).
    fn name_ar(&self, id: &str) -> Option<String> {
        match self.pipeline.kb().by_id(id) {
            Some(e) => Some(e.name_ar.clone()),
            None => {
                id.strip_prefix("new:").and_then(|r| r.split_once(':')).map(|(_, n)| n.to_string())
            }
        }
    }

    fn analyze(&self, a: &rasd_ingest::RawArticle) -> Document {
        self.pipeline.analyze(&Input {
            id: &a.id,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            published: a.published.as_deref(),
            body: &a.body,
        })
    }
}

/// The whole service: the API, the page and its assets, with limits and JSON errors.
pub fn router(state: Arc<AppState>) -> Router {
    let limits = state.limits;
    let api = Router::new()
        .route("/stats", get(api::stats))
        .route("/documents", get(api::documents))
        .route("/documents/{id}", get(api::document))
        .route("/entities", get(api::entities))
        .route("/events", get(api::events))
        .route("/incidents", get(api::incidents))
        .route("/incidents/{id}", get(api::incident))
        .route("/claims", get(api::claims))
        .route("/search", get(api::search))
        .route("/openapi.json", get(api::openapi))
        .route("/analyze", post(api::analyze))
        .route("/ingest", post(api::ingest))
        .fallback(api::not_found);
    Router::new()
        .nest("/api", api)
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::file))
        .fallback(assets::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(guard::same_origin_posts))
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.timeout))
        .layer(axum::middleware::map_response(finish))
}

/// Gives every response the same safety headers, and every error a JSON body, also
/// those made by axum itself and the layers (405, 408, 413, bad paths).
async fn finish(mut res: Response) -> Response {
    res.headers_mut().insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let message = status.canonical_reason().unwrap_or("error").to_string();
        let message = match status {
            StatusCode::PAYLOAD_TOO_LARGE => {
                format!("{message}: the body is over the server's limit")
            }
            StatusCode::REQUEST_TIMEOUT => format!("{message}: the request took too long"),
            _ => message,
        };
        let mut fresh = (status, axum::Json(error::error_body(status, &message)))
            .into_response_with(res.headers());
        std::mem::swap(&mut res, &mut fresh);
    }
    res
}

trait WithHeaders {
    fn into_response_with(self, kept: &axum::http::HeaderMap) -> Response;
}

impl<T: axum::response::IntoResponse> WithHeaders for T {
    fn into_response_with(self, kept: &axum::http::HeaderMap) -> Response {
        let mut r = self.into_response();
        for name in [header::ALLOW, header::WWW_AUTHENTICATE] {
            if let Some(v) = kept.get(&name) {
                r.headers_mut().insert(name, v.clone());
            }
        }
        r.headers_mut().insert("x-content-type-options", HeaderValue::from_static("nosniff"));
        r
    }
}

/// Serves until Ctrl-C (or SIGTERM on Unix), then finishes the requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(uri_too_long::Listener(listener), router(state))
        .with_graceful_shutdown(shutdown())
        .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
