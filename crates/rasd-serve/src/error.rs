//! Errors as the API reports them: a status code and `{"error": {"status", "message"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Why a request failed. Messages are written for the person who sent the request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or body the API cannot take (400).
    #[error("{0}")]
    BadRequest(String),
    /// Writing needs the token given at start-up (401).
    #[error("{0}")]
    Unauthorized(String),
    /// The server was started read-only (403).
    #[error("{0}")]
    Forbidden(String),
    /// No such document, incident or route (404).
    #[error("{0}")]
    NotFound(String),
    /// An article longer than the pipeline analyzes (413).
    #[error("{0}")]
    TooLarge(String),
    /// A body type the endpoint does not read (415).
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Every work permit stayed taken for the request's whole time (503).
    #[error("{0}")]
    Busy(String),
    /// The record could not be read or written (500), or the request asked it
    /// something it cannot answer (400).
    #[error("{}", store_message(.0))]
    Store(#[from] rasd_store::StoreError),
    /// Incidents could not be rebuilt after an ingest (500).
    #[error("the incidents could not be rebuilt: {0}")]
    Record(#[from] rasd_record::RecordError),
    /// Something that should not happen (500).
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Store(rasd_store::StoreError::BadQuery(_)) => StatusCode::BAD_REQUEST,
            ApiError::Store(_) | ApiError::Record(_) | ApiError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

/// A store error as the requester reads it: a query the store refused is their
/// request's fault, said as such, not a failure to read the record.
fn store_message(e: &rasd_store::StoreError) -> String {
    match e {
        rasd_store::StoreError::BadQuery(m) => m.clone(),
        other => format!("the record could not be read: {other}"),
    }
}

/// The JSON body of every error response.
pub fn error_body(status: StatusCode, message: &str) -> serde_json::Value {
    serde_json::json!({ "error": { "status": status.as_u16(), "message": message } })
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!("{self}");
        }
        (status, Json(error_body(status, &self.to_string()))).into_response()
    }
}

/// Result of a handler.
pub type ApiResult<T> = std::result::Result<T, ApiError>;
