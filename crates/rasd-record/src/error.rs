//! The record's error type.

use thiserror::Error;

/// What can go wrong merging or exporting the record.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] rasd_store::StoreError),
    /// Writing the output failed.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The Parquet writer failed.
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Building an Arrow batch failed.
    #[error("building Arrow data: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// JSON serialization failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A data file embedded in the binary is malformed (a build problem).
    #[error("{file}, line {line}: {reason}")]
    Data {
        /// Which file.
        file: &'static str,
        /// Line number (1-based).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// An unknown export format was asked for.
    #[error("unknown export format `{0}` (acled-csv, plover-jsonl, geojson, parquet, jsonl)")]
    UnknownFormat(String),
}

/// Result with [`RecordError`].
pub type Result<T, E = RecordError> = std::result::Result<T, E>;
