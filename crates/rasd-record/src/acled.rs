//! ACLED-style CSV: one row per reported incident, in ACLED's columns and conventions.
//!
//! The PLOVER type/mode → ACLED event type mapping is data
//! (`data/export/plover_to_acled.tsv`, documented in `data/export/README.md`), as are the
//! ISO numeric codes and ACLED regions (`data/export/acled_countries.tsv`). Conventions
//! followed: `fatalities` is the most conservative figure reported (the lowest claimant
//! total; see [`crate::incidents`]) and disputes go in `notes`; `time_precision` is 1 for
//! a known day, 2 when only the report's date is known, 3 for a month or year;
//! `geo_precision` is 1 for a named town or site and 3 when only the country is known.
//! Incidents only announced (planned) or only denied are not rows: ACLED records what
//! was reported to have happened.

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use rasd_store::hash::fnv64;
use rasd_store::{EntityRef, Incident};

use crate::error::{RecordError, Result};
use crate::incidents::outlet;

/// ACLED's columns, in ACLED's order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

const MAPPING_FILE: &str = "data/export/plover_to_acled.tsv";
const MAPPING_TSV: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/export/plover_to_acled.tsv"));
const COUNTRIES_FILE: &str = "data/export/acled_countries.tsv";
const COUNTRIES_TSV: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/export/acled_countries.tsv"));

/// ACLED's classification of one PLOVER type and mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcledType {
    /// `Political violence`, `Demonstrations`, `Strategic developments`, ...
    pub disorder_type: String,
    /// `Battles`, `Explosions/Remote violence`, ...
    pub event_type: String,
    /// `Armed clash`, `Air/drone strike`, ...
    pub sub_event_type: String,
}

/// The PLOVER → ACLED table.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    rows: HashMap<(String, String), Option<AcledType>>,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1) // header
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

impl Mapping {
    /// Parses the TSV (`plover_type, plover_mode, disorder_type, event_type,
    /// sub_event_type, note`).
    pub fn parse(text: &str, file: &'static str) -> Result<Mapping> {
        let mut m = Mapping::default();
        for (line, cells) in rows(text) {
            if cells.len() < 5 {
                return Err(RecordError::Data {
                    file,
                    line,
                    reason: "expected 5 or 6 columns".into(),
                });
            }
            let key = (cells[0].trim().to_string(), cells[1].trim().to_string());
            let value = (cells[3].trim() != "-").then(|| AcledType {
                disorder_type: cells[2].trim().to_string(),
                event_type: cells[3].trim().to_string(),
                sub_event_type: cells[4].trim().to_string(),
            });
            if m.rows.insert(key, value).is_some() {
                return Err(RecordError::Data {
                    file,
                    line,
                    reason: "duplicate type and mode".into(),
                });
            }
        }
        Ok(m)
    }

    /// The table embedded in the binary.
    pub fn embedded() -> Result<&'static Mapping> {
        static M: OnceLock<std::result::Result<Mapping, String>> = OnceLock::new();
        M.get_or_init(|| Mapping::parse(MAPPING_TSV, MAPPING_FILE).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|reason| RecordError::Data {
                file: MAPPING_FILE,
                line: 0,
                reason: reason.clone(),
            })
    }

    /// ACLED's types for a PLOVER type and mode; `None` when ACLED does not record it.
    pub fn lookup(&self, plover_type: &str, mode: Option<&str>) -> Option<&AcledType> {
        let exact = mode.and_then(|m| self.rows.get(&(plover_type.to_string(), m.to_string())));
        exact
            .or_else(|| self.rows.get(&(plover_type.to_string(), "*".to_string())))
            .and_then(Option::as_ref)
    }

    /// Every PLOVER type the table covers.
    pub fn types(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rows.keys().map(|(t, _)| t.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// ISO numeric code and ACLED region of a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    /// ISO 3166-1 numeric (ACLED's `iso`), when it has one.
    pub numeric: Option<u32>,
    /// ACLED region.
    pub region: String,
}

/// The ISO3 → (numeric, region) table embedded in the binary.
pub fn countries() -> Result<&'static HashMap<String, CountryInfo>> {
    static C: OnceLock<std::result::Result<HashMap<String, CountryInfo>, String>> = OnceLock::new();
    C.get_or_init(|| {
        let mut out = HashMap::new();
        for (line, cells) in rows(COUNTRIES_TSV) {
            if cells.len() != 3 {
                return Err(format!("line {line}: expected 3 columns"));
            }
            let numeric = match cells[1].trim() {
                "" => None,
                n => Some(n.parse::<u32>().map_err(|e| format!("line {line}: {e}"))?),
            };
            out.insert(cells[0].to_string(), CountryInfo { numeric, region: cells[2].to_string() });
        }
        Ok(out)
    })
    .as_ref()
    .map_err(|reason| RecordError::Data {
        file: COUNTRIES_FILE,
        line: 0,
        reason: reason.clone(),
    })
}

/// ACLED's actor name and interaction code for an entity of an incident.
fn actor(id: &str, inc: &Incident, violent: bool) -> (String, u8) {
    let r: Option<&EntityRef> = inc.entity(id);
    let country_name = |iso: &str| -> String {
        inc.entity(iso).and_then(|c| c.name.clone()).unwrap_or_else(|| iso.to_string())
    };
    let state = |iso: &str| {
        let n = country_name(iso);
        if violent {
            (format!("Military Forces of {n}"), 1)
        } else {
            (format!("Government of {n}"), 1)
        }
    };
    match r {
        Some(r) if r.kind == "country" => state(&r.id),
        // Institutions and officials act for their state, as PLOVER and ACLED code them.
        Some(r) if matches!(r.kind.as_str(), "org" | "person") && r.country.is_some() => {
            state(r.country.as_deref().unwrap_or_default())
        }
        Some(r) if r.kind == "group" => (r.label().to_string(), 2),
        Some(r) => (r.label().to_string(), 8),
        None if id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()) => state(id),
        None => (id.to_string(), 8),
    }
}

/// Actor, associated actors and code of a side; several entities of one state collapse.
fn side(ids: &[String], inc: &Incident, violent: bool) -> (String, String, u8) {
    let mut names: Vec<(String, u8)> = Vec::new();
    for id in ids {
        let a = actor(id, inc, violent);
        if !names.iter().any(|n| n.0 == a.0) {
            names.push(a);
        }
    }
    match names.split_first() {
        Some((first, rest)) => (
            first.0.clone(),
            rest.iter().map(|n| n.0.as_str()).collect::<Vec<_>>().join("; "),
            first.1,
        ),
        None => (String::new(), String::new(), 0),
    }
}

/// The iso3 an incident is filed under: its place's country, else its first country.
pub fn incident_country(inc: &Incident) -> Option<String> {
    inc.place.as_ref().and_then(|p| p.country.clone()).or_else(|| inc.countries.first().cloned())
}

fn round4(v: f64) -> String {
    format!("{v:.4}")
}

/// One incident as an ACLED row, or `None` when ACLED would not record it.
pub fn row(inc: &Incident, mapping: &Mapping) -> Result<Option<Vec<String>>> {
    if inc.status != "reported" {
        return Ok(None);
    }
    let Some(t) = mapping.lookup(&inc.event_type, inc.mode.as_deref()) else { return Ok(None) };
    let countries = countries()?;
    let violent = t.disorder_type.contains("Political violence");
    let iso3 = incident_country(inc).unwrap_or_default();
    let info = countries.get(&iso3);
    let country_name =
        inc.entity(&iso3).and_then(|c| c.name.clone()).unwrap_or_else(|| iso3.clone());

    let targets: Vec<String> =
        inc.targets.iter().filter(|t| !inc.actors.contains(t)).cloned().collect();
    // With no one named as acting, a violent event has an unidentified perpetrator, while
    // the parties to an agreement or a withdrawal are the actors themselves.
    let (first, second): (&[String], &[String]) =
        if inc.actors.is_empty() && !violent { (&targets, &[]) } else { (&inc.actors, &targets) };
    let (a1, assoc1, i1) = side(first, inc, violent);
    let (mut a2, mut assoc2, mut i2) = side(second, inc, violent);
    let civilians = inc.figures.iter().any(|f| f.group == "civilian");
    if a2.is_empty() && civilians && violent {
        (a2, assoc2, i2) = (format!("Civilians ({country_name})"), String::new(), 7);
    }
    let (a1, i1) = match (a1.is_empty(), violent) {
        (true, true) => ("Unidentified Armed Group".to_string(), 2),
        _ => (a1, i1),
    };
    let interaction = match (i1.min(i2), i1.max(i2)) {
        (0, hi) => format!("{hi}0"),
        (lo, hi) => format!("{lo}{hi}"),
    };

    let date = inc.date.clone().or_else(|| inc.first_reported.clone()).unwrap_or_default();
    let (event_date, precision) = match inc.date_precision.as_str() {
        "day" => (date.clone(), 1),
        "month" => (format!("{date}-01"), 3),
        "year" => (format!("{date}-01-01"), 3),
        _ => (date.clone(), 2),
    };
    let year = event_date.get(..4).unwrap_or_default().to_string();

    let (location, lat, lon, geo) = match &inc.place {
        Some(p) => {
            let name = p.name.clone().or_else(|| p.name_ar.clone()).unwrap_or_else(|| p.id.clone());
            let geo = if p.precision == "place" { "1" } else { "3" };
            (
                name,
                p.lat.map(round4).unwrap_or_default(),
                p.lon.map(round4).unwrap_or_default(),
                geo,
            )
        }
        None => (country_name.clone(), String::new(), String::new(), "3"),
    };
    let mut outlets: Vec<String> = inc.sources.iter().map(|s| outlet(&s.doc)).collect();
    outlets.dedup();
    let n_copies: usize = inc.sources.iter().map(|s| s.copies.len()).sum();

    let with = if violent { "against" } else { "with" };
    let against = if a2.is_empty() { String::new() } else { format!(" {with} {a2}") };
    let mut notes = format!(
        "On {event_date}, {a1}: {}{against} at {location}.",
        t.sub_event_type.to_lowercase()
    );
    for s in &inc.sources {
        let who = s
            .claimant
            .as_deref()
            .map(|c| inc.entity(c).map_or(c.to_string(), |e| e.label().to_string()));
        match (s.stance.as_str(), who) {
            ("claimed", Some(w)) => {
                notes.push_str(&format!(" Claimed by {w} ({}).", outlet(&s.doc)))
            }
            ("denied", Some(w)) => notes.push_str(&format!(" Denied by {w} ({}).", outlet(&s.doc))),
            ("denied", None) => notes.push_str(&format!(" Denied ({}).", outlet(&s.doc))),
            _ => {}
        }
    }
    if let Some(n) = &inc.fatalities_note {
        notes.push(' ');
        notes.push_str(n);
    }
    notes.push_str(&format!(
        " {} source(s){}.",
        inc.sources.len(),
        if n_copies > 0 {
            format!(", {n_copies} syndicated copies not counted")
        } else {
            String::new()
        }
    ));

    let mut tags: Vec<&str> = Vec::new();
    if inc.disputed {
        tags.push("disputed");
    }
    if inc.fatalities_note.as_deref().is_some_and(|n| n.starts_with("Fatalities disputed")) {
        tags.push("fatalities disputed");
    }
    if !inc.planned_by.is_empty() {
        tags.push("announced in advance");
    }

    let id_num = inc
        .id
        .strip_prefix("inc-")
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or_else(|| fnv64(inc.id.as_bytes()));
    Ok(Some(vec![
        format!("{}{}", if iso3.is_empty() { "XXX" } else { &iso3 }, id_num % 1_000_000_000),
        event_date,
        year,
        precision.to_string(),
        t.disorder_type.clone(),
        t.event_type.clone(),
        t.sub_event_type.clone(),
        a1,
        assoc1,
        i1.to_string(),
        a2,
        assoc2,
        if i2 == 0 { String::new() } else { i2.to_string() },
        interaction,
        if civilians && violent { "Civilian targeting".to_string() } else { String::new() },
        info.and_then(|i| i.numeric).map(|n| n.to_string()).unwrap_or_default(),
        info.map(|i| i.region.clone()).unwrap_or_default(),
        country_name,
        String::new(),
        String::new(),
        String::new(),
        location,
        lat,
        lon,
        geo.to_string(),
        outlets.join("; "),
        "Other".to_string(),
        notes,
        inc.fatalities.unwrap_or(0).to_string(),
        tags.join("; "),
        inc.updated_at.to_string(),
    ]))
}

/// Writes the header and one row per incident ACLED would record; returns the row count.
pub fn write<W: Write>(incidents: &[Incident], out: W) -> Result<usize> {
    let mapping = Mapping::embedded()?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    let mut n = 0;
    for inc in incidents {
        if let Some(r) = row(inc, mapping)? {
            w.write_record(&r)?;
            n += 1;
        }
    }
    w.flush()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_parse_and_cover_every_plover_type() {
        let m = Mapping::embedded().unwrap();
        for t in rasd_model::PLOVER_TYPES {
            assert!(m.types().contains(&t), "{t} missing from {MAPPING_FILE}");
        }
        assert_eq!(m.lookup("ASSAULT", Some("drone")).unwrap().sub_event_type, "Air/drone strike");
        assert_eq!(m.lookup("ASSAULT", Some("unheard-of")).unwrap().event_type, "Battles");
        assert_eq!(m.lookup("ASSAULT", None).unwrap().event_type, "Battles");
        assert!(m.lookup("CONSULT", None).is_none());
        let c = countries().unwrap();
        assert_eq!(
            c["AZE"],
            CountryInfo { numeric: Some(31), region: "Caucasus and Central Asia".into() }
        );
        assert!(c.len() > 240);
    }

    #[test]
    fn duplicate_rows_are_refused() {
        let t =
            "plover_type\tplover_mode\td\te\ts\tnote\nAGREE\t*\ta\tb\tc\t\nAGREE\t*\ta\tb\tc\t\n";
        assert!(Mapping::parse(t, "t.tsv").is_err());
    }
}
