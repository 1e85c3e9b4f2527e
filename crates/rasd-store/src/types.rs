//! What the store hands out: filters, search hits, event and claim rows, incidents.
//!
//! These are the record's vocabulary, shared by the CLI, the exports and (later) the web
//! API, so they are plain serde structs with the field names of `rasd.document/1` where
//! one exists.

use serde::{Deserialize, Serialize};

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// Restricts what a query returns. Every field is optional; `Filter::default()` is "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Earliest date, `YYYY-MM-DD` (inclusive): the event's date, else the article's.
    pub from: Option<String>,
    /// Latest date, `YYYY-MM-DD` (inclusive).
    pub to: Option<String>,
    /// ISO 3166-1 alpha-3 code (or any entity id) that must be involved.
    pub country: Option<String>,
    /// PLOVER event type (`ASSAULT`, ...).
    pub event_type: Option<String>,
    /// Also return syndicated copies (hidden by default so a report counts once).
    pub include_copies: bool,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// Skip this many rows first.
    pub offset: usize,
}

/// Restricts the claims ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimFilter {
    /// Dates, countries, copies, paging.
    pub base: Filter,
    /// Entity id of the side that suffered the losses.
    pub side: Option<String>,
    /// `killed`, `injured`, `missing`, `captured`, `displaced`.
    pub kind: Option<String>,
    /// Entity id of who gives the figure; `-` for figures in the article's own voice.
    pub claimant: Option<String>,
    /// `military`, `civilian`, `unspecified`.
    pub group: Option<String>,
}

/// What one call to [`crate::Store::ingest`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// New articles stored.
    pub inserted: usize,
    /// Articles whose id was known with different content or analysis, replaced.
    pub replaced: usize,
    /// Articles already stored exactly as given (same id, same content and analysis).
    pub unchanged: usize,
    /// Articles whose text is already stored under another id (recorded as an alias).
    pub same_content: usize,
    /// Of the inserted and replaced, how many are near-duplicates of a stored article.
    pub copies: usize,
    /// Earlier occurrences of an id that occurs again later in the same batch (two
    /// inputs with one id): skipped, the last one wins (the last dated one, when any is).
    pub duplicate_ids: usize,
    /// Undated versions of an article stored with a date: not stored, so the date stays.
    pub undated_kept: usize,
}

impl IngestReport {
    /// Adds another report's counts to this one.
    pub fn add(&mut self, o: &IngestReport) {
        self.inserted += o.inserted;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.same_content += o.same_content;
        self.copies += o.copies;
        self.duplicate_ids += o.duplicate_ids;
        self.undated_kept += o.undated_kept;
    }
}

/// An entity as events and claims refer to it (a row of the article's `entities`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRef {
    /// Entity id (`ARM`, `place:lachin`, ...).
    pub id: String,
    /// `country`, `place`, `person`, `org`, `group`.
    pub kind: String,
    /// English name.
    pub name: Option<String>,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// ISO3 it belongs to.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

impl EntityRef {
    /// The best name to show: English, else Arabic, else the id.
    pub fn label(&self) -> &str {
        self.name.as_deref().or(self.name_ar.as_deref()).unwrap_or(&self.id)
    }
}

/// An entity across the stored articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Its name, kind, country and place.
    #[serde(flatten)]
    pub entity: EntityRef,
    /// Articles that mention it.
    pub documents: u64,
    /// Mentions over all those articles.
    pub mentions: u64,
}

/// Who published an article and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Its URL.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// The stored article it is a syndicated copy of.
    pub copy_of: Option<String>,
    /// When it was stored (Unix seconds).
    pub ingested_at: i64,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The article.
    #[serde(flatten)]
    pub doc: DocRef,
    /// Backend relevance (larger is better; comparable within one result list only).
    pub score: f64,
    /// Text around the first match, from the article as published.
    pub snippet: String,
}

/// One event of one stored article, with what the record needs to merge and export it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// The article.
    pub doc: DocRef,
    /// Index in the article's `events`.
    pub idx: usize,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Entity ids of who acts.
    pub actors: Vec<String>,
    /// Entity ids of who is acted upon.
    pub targets: Vec<String>,
    /// Entity ids of places.
    pub locations: Vec<String>,
    /// Countries of the actors and targets.
    pub participants: Vec<String>,
    /// Countries of participants and places.
    pub countries: Vec<String>,
    /// ISO 8601 date, as the article gives it.
    pub date: Option<String>,
    /// Who says it happened.
    pub claimant: Option<String>,
    /// `asserted`, `claimed`, `denied`, `planned`.
    pub stance: String,
    /// Sentence index.
    pub sentence: usize,
    /// Trigger start (code points).
    pub trigger_start: usize,
    /// Trigger end.
    pub trigger_end: usize,
    /// Trigger text.
    pub trigger: String,
    /// The sentence that states it.
    pub evidence: String,
    /// Extraction confidence.
    pub confidence: f64,
    /// Every entity the event names, resolved from the article.
    pub refs: Vec<EntityRef>,
}

impl EventRow {
    /// The entity an id refers to, if the article resolved it.
    pub fn entity(&self, id: &str) -> Option<&EntityRef> {
        self.refs.iter().find(|r| r.id == id)
    }
}

/// One casualty figure of the claims ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    /// The article.
    pub doc: DocRef,
    /// Index in the article's `casualties`.
    pub idx: usize,
    /// The number.
    pub count: u64,
    /// `exact`, `at_least`, `about`, `at_most`.
    pub bound: String,
    /// `killed`, `injured`, ...
    pub kind: String,
    /// `military`, `civilian`, `unspecified`.
    pub group: String,
    /// Entity id of the side that suffered them.
    pub side: Option<String>,
    /// Its name.
    pub side_name: Option<String>,
    /// A running total.
    pub cumulative: bool,
    /// Entity id of who gives the figure; `None` when the article says it itself.
    pub claimant: Option<String>,
    /// Its name.
    pub claimant_name: Option<String>,
    /// When, as the article says or implies.
    pub date: Option<String>,
    /// Sentence index.
    pub sentence: usize,
    /// Evidence span start (code points).
    pub start: usize,
    /// Evidence span end.
    pub end: usize,
    /// The clause that states it.
    pub evidence: String,
    /// What set `side` (`nationality`, `membership`, `others`, `claimant`, `target`,
    /// `place`); `None` for figures with no side, or stored before rasd recorded it.
    #[serde(default)]
    pub side_basis: Option<String>,
    /// The words that set it ("فلسطينيا", "من عناصره", "في الفاشر").
    #[serde(default)]
    pub side_words: Option<String>,
}

impl ClaimRow {
    /// The figure as read: `963`, `≥ 376`, `~ 5000`, `≤ 10`.
    pub fn figure(&self) -> String {
        match self.bound.as_str() {
            "at_least" => format!("≥{}", self.count),
            "about" => format!("~{}", self.count),
            "at_most" => format!("≤{}", self.count),
            _ => self.count.to_string(),
        }
    }

    /// Who gives the figure, for display: its name, else its id, else the outlet.
    pub fn claimant_label(&self) -> String {
        match (&self.claimant_name, &self.claimant) {
            (Some(n), _) => n.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => "(the article)".to_string(),
        }
    }
}

/// A link from a syndicated copy to the article it copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyLink {
    /// The copy.
    pub doc_id: String,
    /// The stored article it copies.
    pub copy_of: String,
    /// Estimated Jaccard similarity of their shingles.
    pub similarity: f64,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Stored articles (copies included).
    pub documents: u64,
    /// Of which syndicated copies.
    pub copies: u64,
    /// Other ids known to carry the text of a stored article.
    pub aliases: u64,
    /// Stored events, syndicated copies' left out (they report the same again).
    pub events: u64,
    /// Stored casualty figures, syndicated copies' left out.
    pub claims: u64,
    /// Merged incidents.
    pub incidents: u64,
}

/// One source's account of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentSource {
    /// The article.
    pub doc: DocRef,
    /// Index in its `events`.
    pub event_idx: usize,
    /// How it reports it.
    pub stance: String,
    /// Who it says says so.
    pub claimant: Option<String>,
    /// The date it gives.
    pub date: Option<String>,
    /// Mode it gives.
    pub mode: Option<String>,
    /// Trigger text.
    pub trigger: String,
    /// Trigger span.
    pub trigger_start: usize,
    /// Trigger span end.
    pub trigger_end: usize,
    /// The sentence that states it.
    pub evidence: String,
    /// Extraction confidence.
    pub confidence: f64,
    /// Ids of syndicated copies of this article (not counted again).
    pub copies: Vec<String>,
}

/// Where an incident happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Entity id.
    pub id: String,
    /// English name.
    pub name: Option<String>,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// `place` (a named town or site) or `country` (only the country is known).
    pub precision: String,
}

/// A casualty figure attached to an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentFigure {
    /// Document id.
    pub doc_id: String,
    /// Index in its `casualties`.
    pub idx: usize,
    /// Number.
    pub count: u64,
    /// Bound.
    pub bound: String,
    /// Kind.
    pub kind: String,
    /// Group.
    pub group: String,
    /// Side.
    pub side: Option<String>,
    /// Claimant.
    pub claimant: Option<String>,
    /// Claimant name, for notes.
    pub claimant_name: Option<String>,
}

/// One happening reported by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable id, derived from its first source.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Most reported PLOVER mode.
    pub mode: Option<String>,
    /// `reported` (it happened, by at least one source), `denied` (only denials),
    /// `planned` (only announced so far).
    pub status: String,
    /// Some sources deny what others report.
    pub disputed: bool,
    /// Best date (ISO 8601; day, month or year).
    pub date: Option<String>,
    /// `day`, `month`, `year`, or `reported` (no source dates it: first publication date).
    pub date_precision: String,
    /// Earliest publication among sources.
    pub first_reported: Option<String>,
    /// Latest publication among sources.
    pub last_reported: Option<String>,
    /// Who acts, most reported first.
    pub actors: Vec<String>,
    /// Who is acted upon.
    pub targets: Vec<String>,
    /// Countries involved (participants and place).
    pub countries: Vec<String>,
    /// Best place.
    pub place: Option<Place>,
    /// Every entity named, for display.
    pub refs: Vec<EntityRef>,
    /// Articles reporting it (syndicated copies folded into their original).
    pub sources: Vec<IncidentSource>,
    /// Earlier articles that announced it (for `reported` incidents that had been planned).
    pub planned_by: Vec<IncidentSource>,
    /// Casualty figures stated with it, per source and claimant.
    pub figures: Vec<IncidentFigure>,
    /// Fatalities by ACLED's convention: the lowest figure any claimant gives.
    pub fatalities: Option<u64>,
    /// How the figure was chosen and who disputes it.
    pub fatalities_note: Option<String>,
    /// Latest ingestion time of its sources (Unix seconds).
    pub updated_at: i64,
}

impl Incident {
    /// The entity an id refers to.
    pub fn entity(&self, id: &str) -> Option<&EntityRef> {
        self.refs.iter().find(|r| r.id == id)
    }
}
