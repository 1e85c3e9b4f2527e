//! The record across articles: incidents merged from the stored events, and the
//! exports analysts load into their own tools.
//!
//! - [`incidents`]: events of different articles describing one happening become one
//!   [`Incident`](rasd_store::Incident) with its sources, best date and place, the
//!   evidence of each source, planned events linked to the report that they happened,
//!   and a fatality figure by ACLED's convention (the lowest any claimant gives).
//! - [`export`]: ACLED-style CSV ([`acled`]), PLOVER JSON Lines, GeoJSON (RFC 7946),
//!   Parquet (zstd; read by pandas, pyarrow, DuckDB) and the documents as JSON Lines.
//!
//! ```
//! use rasd_record::{export::{export, Format}, incidents::rebuild};
//! use rasd_store::{open, Filter};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = open(dir.path().join("r.db").to_str().unwrap()).unwrap();
//! rebuild(store.as_mut(), rasd_kb::Kb::embedded()).unwrap();
//! let n = export(store.as_mut(), Format::AcledCsv, &Filter::default(), Box::new(Vec::new())).unwrap();
//! assert_eq!(n, 0);
//! ```
#![deny(missing_docs)]

pub mod acled;
pub mod dates;
mod error;
pub mod export;
pub mod formats;
pub mod incidents;
pub mod query;

pub use error::{RecordError, Result};
