//! The store's error type.

use thiserror::Error;

/// What can go wrong talking to the record's database.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The `--db` value is neither a file path nor a `postgres://` URL that parses.
    #[error("cannot open database {target}: {reason}")]
    Open {
        /// What was given (a URL's password is never shown).
        target: String,
        /// Why.
        reason: String,
    },
    /// SQLite reported an error.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL reported an error.
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    /// The database was written by a newer rasd.
    #[error("database schema version {found} is newer than this rasd understands ({known}); upgrade rasd")]
    TooNew {
        /// Highest migration applied.
        found: i64,
        /// Highest migration this build has.
        known: i64,
    },
    /// A stored value does not read back (a damaged row or a bug).
    #[error("stored {what} is unreadable: {reason}")]
    Corrupt {
        /// Which value.
        what: String,
        /// Why.
        reason: String,
    },
    /// A query argument is unusable (e.g. a search with no words).
    #[error("{0}")]
    BadQuery(String),
}

/// Result with [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    pub(crate) fn corrupt(what: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        StoreError::Corrupt { what: what.into(), reason: reason.to_string() }
    }
}
