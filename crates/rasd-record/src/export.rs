//! `rasd export`: one entry point over every format.

use std::io::Write;
use std::str::FromStr;

use rasd_store::{Filter, Store, StoreError};

use crate::error::{RecordError, Result};
use crate::{acled, formats};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ACLED-style CSV, one row per reported incident.
    AcledCsv,
    /// PLOVER-coded events, one JSON object per line.
    PloverJsonl,
    /// GeoJSON FeatureCollection of located incidents.
    Geojson,
    /// Parquet table of events (with their incident).
    Parquet,
    /// The stored `rasd.document/1` documents, one per line.
    Jsonl,
}

impl FromStr for Format {
    type Err = RecordError;
    fn from_str(s: &str) -> Result<Format> {
        Ok(match s {
            "acled-csv" | "acled" | "csv" => Format::AcledCsv,
            "plover-jsonl" | "plover" => Format::PloverJsonl,
            "geojson" => Format::Geojson,
            "parquet" => Format::Parquet,
            "jsonl" | "documents" => Format::Jsonl,
            other => return Err(RecordError::UnknownFormat(other.to_string())),
        })
    }
}

impl Format {
    /// Every format's name, as `--format` takes it.
    pub const NAMES: [&'static str; 5] =
        ["acled-csv", "plover-jsonl", "geojson", "parquet", "jsonl"];

    /// What one output row is.
    pub fn unit(self) -> &'static str {
        match self {
            Format::AcledCsv | Format::Geojson => "incidents",
            Format::PloverJsonl | Format::Parquet => "events",
            Format::Jsonl => "documents",
        }
    }
}

/// Writes the record in `format` to `out`, restricted by `filter` (dates, country, type;
/// syndicated copies only with `include_copies`). Returns the number of rows written.
pub fn export(
    store: &mut dyn Store,
    format: Format,
    filter: &Filter,
    mut out: Box<dyn Write + Send>,
) -> Result<usize> {
    let n = match format {
        Format::AcledCsv => acled::write(&store.incidents(filter)?, &mut out)?,
        Format::Geojson => {
            let (value, n) = formats::geojson(&store.incidents(filter)?)?;
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")?;
            n
        }
        Format::PloverJsonl | Format::Parquet => {
            let index = formats::incident_index(&store.incidents(&Filter::default())?);
            let events = store.events(filter)?;
            if format == Format::Parquet {
                formats::write_parquet(&events, &index, &mut out)?
            } else {
                formats::write_plover(&events, &index, &mut out)?
            }
        }
        Format::Jsonl => {
            let mut n = 0;
            store.for_each_document(filter, &mut |doc| {
                let line =
                    serde_json::to_string(&doc).map_err(|e| StoreError::BadQuery(e.to_string()))?;
                out.write_all(line.as_bytes())
                    .and_then(|()| out.write_all(b"\n"))
                    .map_err(|e| StoreError::BadQuery(format!("writing: {e}")))?;
                n += 1;
                Ok(())
            })?;
            n
        }
    };
    out.flush()?;
    Ok(n)
}
