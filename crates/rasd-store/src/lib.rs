//! The record's storage: analyzed articles kept in SQLite (default) or PostgreSQL behind
//! one [`Store`] trait, with the same migrations and the same behaviour on both.
//!
//! What it adds to per-article JSON:
//! - **identity**: an article is stored once. Same id and content: nothing happens; same
//!   id, new content or a newer analysis: the old version is replaced; same content under
//!   another id: the id is recorded as an alias ([`ingest`](Store::ingest)).
//! - **syndicated copies**: near-duplicates found by MinHash over normalized word
//!   shingles ([`minhash`]) are linked to the article they copy, and queries leave them
//!   out unless asked, so one agency report is counted once.
//! - **search** over normalized Arabic: words are indexed by their normalized,
//!   proclitic-free key ([`prepare::search_key`]), in FTS5 or a `tsvector`.
//! - **the claims ledger**: every casualty figure with its side, kind, group, claimant,
//!   date and cumulative flag, in order per claimant ([`Store::claims`]). Figures are
//!   never added up or averaged across claimants.
//! - **incidents**, merged across articles by `rasd-record` and stored here.
//! - **reads that do not grow with the record**: each list reads one page along an index
//!   in its own order (migration 3, `read_order`), a search reads articles only for its
//!   page, and a SQLite connection keeps the counts and its last search rankings until
//!   the file is written (by it or by anyone else).
//!
//! ```
//! use rasd_store::{open, Filter, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = open(dir.path().join("rasd.db").to_str().unwrap()).unwrap();
//! let mut doc = rasd_model::Document::new("a1", "قصفت القوات مواقع في المدينة".to_string());
//! doc.published = Some("2020-10-24".into());
//! let first = store.ingest(&[doc.clone()]).unwrap();
//! let again = store.ingest(&[doc]).unwrap();
//! assert_eq!((first.inserted, again.unchanged), (1, 1));
//! assert_eq!(store.search("القوات", &Filter::default()).unwrap().len(), 1);
//! ```
#![deny(missing_docs)]

mod error;
pub mod hash;
mod ingest;
pub mod migrations;
pub mod minhash;
mod postgres;
pub mod prepare;
mod sql;
mod sqlite;
mod types;

pub use crate::postgres::{redact, scratch_database, test_postgres_url, PgStore};
pub use error::{Result, StoreError};
pub use prepare::PreparedDoc;
pub use sqlite::SqliteStore;
pub use types::*;

use rasd_model::Document;

/// Everything the record needs from a database. Both backends implement it with the same
/// results (ranking of search hits aside, which each engine computes its own way).
pub trait Store: Send {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// Stores analyzed articles in one transaction: all of them or, on error, none.
    fn ingest(&mut self, docs: &[Document]) -> Result<IngestReport> {
        let prepared: Vec<PreparedDoc> = docs.iter().map(PreparedDoc::new).collect();
        self.ingest_prepared(&prepared)
    }

    /// Like [`Store::ingest`], for articles already prepared (e.g. on other threads).
    fn ingest_prepared(&mut self, docs: &[PreparedDoc]) -> Result<IngestReport>;

    /// One article, by id or by an alias of it.
    fn document(&mut self, id: &str) -> Result<Option<Document>>;

    /// Articles the filter admits (dates are publication dates), newest first.
    fn documents(&mut self, filter: &Filter) -> Result<Vec<DocRef>>;

    /// Streams every article the filter admits to `sink`, in ingestion order.
    fn for_each_document(
        &mut self,
        filter: &Filter,
        sink: &mut dyn FnMut(Document) -> Result<()>,
    ) -> Result<()>;

    /// Full-text search: every word (or `"quoted phrase"`) of `query` must occur, after
    /// normalization and proclitic stripping. Best matches first.
    fn search(&mut self, query: &str, filter: &Filter) -> Result<Vec<SearchHit>>;

    /// Events the filter admits, in date order.
    fn events(&mut self, filter: &Filter) -> Result<Vec<EventRow>>;

    /// The claims ledger: grouped by claimant, side, kind and group, dated within each.
    fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>>;

    /// Entities mentioned in the articles the filter admits, most widely reported first.
    fn entities(&mut self, filter: &Filter) -> Result<Vec<EntityRow>>;

    /// Every syndicated-copy link.
    fn copies(&mut self) -> Result<Vec<CopyLink>>;

    /// Replaces the stored incidents (they are derived; see `rasd-record`).
    fn replace_incidents(&mut self, incidents: &[Incident]) -> Result<()>;

    /// Incidents the filter admits, in date order.
    fn incidents(&mut self, filter: &Filter) -> Result<Vec<Incident>>;

    /// One incident by id.
    fn incident(&mut self, id: &str) -> Result<Option<Incident>>;

    /// Counts of what is stored.
    fn stats(&mut self) -> Result<Stats>;
}

macro_rules! shared_store_impl {
    ($t:ty) => {
        impl Store for $t {
            fn backend(&self) -> Backend {
                sql::Db::backend(self)
            }
            fn ingest_prepared(&mut self, docs: &[PreparedDoc]) -> Result<IngestReport> {
                self.ingest_prepared_impl(docs)
            }
            fn document(&mut self, id: &str) -> Result<Option<Document>> {
                sql::document(self, id)
            }
            fn documents(&mut self, filter: &Filter) -> Result<Vec<DocRef>> {
                sql::documents(self, filter)
            }
            fn for_each_document(
                &mut self,
                filter: &Filter,
                sink: &mut dyn FnMut(Document) -> Result<()>,
            ) -> Result<()> {
                sql::for_each_document(self, filter, sink)
            }
            fn search(&mut self, query: &str, filter: &Filter) -> Result<Vec<SearchHit>> {
                sql::search(self, query, filter)
            }
            fn events(&mut self, filter: &Filter) -> Result<Vec<EventRow>> {
                sql::events(self, filter)
            }
            fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>> {
                sql::claims(self, filter)
            }
            fn entities(&mut self, filter: &Filter) -> Result<Vec<EntityRow>> {
                sql::entities(self, filter)
            }
            fn copies(&mut self) -> Result<Vec<CopyLink>> {
                sql::copies(self)
            }
            fn replace_incidents(&mut self, incidents: &[Incident]) -> Result<()> {
                self.replace_incidents_impl(incidents)
            }
            fn incidents(&mut self, filter: &Filter) -> Result<Vec<Incident>> {
                sql::incidents(self, filter)
            }
            fn incident(&mut self, id: &str) -> Result<Option<Incident>> {
                sql::incident(self, id)
            }
            fn stats(&mut self) -> Result<Stats> {
                self.stats_impl()
            }
        }
    };
}

shared_store_impl!(SqliteStore);
shared_store_impl!(PgStore);

/// Opens the store a `--db` value names: a `postgres://` or `postgresql://` URL, else a
/// SQLite file path (created if missing). The schema is migrated on open.
pub fn open(target: &str) -> Result<Box<dyn Store>> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        Ok(Box::new(PgStore::connect(target)?))
    } else if target.is_empty() {
        Err(StoreError::Open { target: String::new(), reason: "no database given".into() })
    } else {
        Ok(Box::new(SqliteStore::open(std::path::Path::new(target))?))
    }
}
