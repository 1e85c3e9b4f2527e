//! The `rasd.document/1` data model.
//!
//! Every pipeline stage is a function over [`Document`]; this crate holds the serde types
//! of the output contract (`shared/spec/SCHEMA.md`) and nothing else, so that every stage
//! and every consumer depends on one small, stable crate.
//!
//! All `start`/`end` offsets are Unicode **code-point** offsets into [`Document::text`],
//! half-open, so `text[start..end]` in Python equals the span's `text`.
//!
//! ```
//! use rasd_model::Document;
//! let doc = Document::new("a1", "قصف".to_string());
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"schema":"rasd.document/1""#));
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

/// The schema tag written in every document.
pub const SCHEMA: &str = "rasd.document/1";

/// The 16 PLOVER event types an [`Event`] may have (`SCHEMA.md`, "Event types").
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// One analyzed article, as written to JSON Lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Input id: file stem, JSONL `id`, or a hash of the URL.
    pub id: String,
    /// Where the article came from, if known.
    pub url: Option<String>,
    /// The headline, if one could be found.
    pub title: Option<String>,
    /// The date relative times are resolved against (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The cleaned article body, NFC, otherwise as published.
    pub text: String,
    /// Sentence spans as `[start, end)` code-point pairs.
    pub sentences: Vec<[usize; 2]>,
    /// Distinct named entities with their mentions.
    pub entities: Vec<Entity>,
    /// Time expressions with resolved values.
    pub times: Vec<Time>,
    /// Casualty figures.
    pub casualties: Vec<Casualty>,
    /// PLOVER-coded events.
    pub events: Vec<Event>,
}

impl Document {
    /// An empty document with the given id and text.
    pub fn new(id: impl Into<String>, text: String) -> Self {
        Document {
            schema: SCHEMA.to_string(),
            id: id.into(),
            url: None,
            title: None,
            published: None,
            text,
            sentences: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            casualties: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Every span the document carries, for checking that offsets slice back to text.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .chain(self.times.iter().map(|t| &t.span))
            .chain(self.events.iter().map(|e| &e.trigger))
    }
}

/// A piece of [`Document::text`]: code-point offsets and the text they cover.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Exactly `text[start..end]`.
    pub text: String,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A state (id is ISO 3166-1 alpha-3).
    Country,
    /// A city, region, feature.
    Place,
    /// A named person.
    Person,
    /// An organization: ministry, international body, outlet.
    Org,
    /// An armed or political group.
    Group,
}

/// A distinct entity named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Knowledge-base id (`ARM`, `person:mike-pompeo`, `new:person:...`).
    pub id: String,
    /// Kind of entity.
    pub kind: EntityKind,
    /// English canonical name.
    pub name: Option<String>,
    /// Arabic canonical name.
    pub name_ar: Option<String>,
    /// ISO3 of the state it belongs to.
    pub country: Option<String>,
    /// For persons, the role the text gives.
    pub role: Option<String>,
    /// Latitude, for places and countries.
    pub lat: Option<f64>,
    /// Longitude, for places and countries.
    pub lon: Option<f64>,
    /// Every mention in the text.
    pub mentions: Vec<Span>,
}

/// What a time expression's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    /// A day, `2020-09-27`.
    Date,
    /// A month, `2020-10`.
    Month,
    /// A year, `2021`.
    Year,
    /// A duration, `P9M`.
    Duration,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Time {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// ISO 8601 value, null when unresolvable.
    pub value: Option<String>,
    /// What the value denotes.
    pub kind: TimeKind,
}

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As stated.
    Exact,
    /// "more than", "no fewer than".
    AtLeast,
    /// "about", "nearly".
    About,
    /// "fewer than", "at most".
    AtMost,
}

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CasualtyKind {
    /// Dead.
    Killed,
    /// Wounded.
    Injured,
    /// Missing.
    Missing,
    /// Captured, hostages, prisoners.
    Captured,
    /// Displaced.
    Displaced,
}

/// Who the people counted were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Soldiers, fighters.
    Military,
    /// Civilians.
    Civilian,
    /// Not said.
    Unspecified,
}

/// One casualty figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualty {
    /// The number.
    pub count: u64,
    /// Its qualifier.
    pub bound: Bound,
    /// What happened to them.
    pub kind: CasualtyKind,
    /// Who they were.
    pub group: Group,
    /// Entity id of the party that suffered them.
    pub side: Option<String>,
    /// A running total rather than one incident.
    pub cumulative: bool,
    /// Entity id of who gives the figure.
    pub claimant: Option<String>,
    /// When, ISO 8601.
    pub date: Option<String>,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// Evidence span start.
    pub start: usize,
    /// Evidence span end.
    pub end: usize,
    /// What set `side`, and the words that said it; absent when the side is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_evidence: Option<SideEvidence>,
}

/// The kind of evidence a casualty figure's side was read from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SideBasis {
    /// The counted people's nationality ("14 فلسطينيا", "جنود أذريين").
    Nationality,
    /// The party they belong to ("من عناصره", "من قوات X", "في صفوف X").
    Membership,
    /// The figure the "others" of the same sentence add to ("وأصيب 10 آخرون").
    Others,
    /// The claimant, giving its own losses.
    Claimant,
    /// The party an attack that caused them was aimed at.
    Target,
    /// The country of the place where they were hit.
    Place,
}

impl SideBasis {
    /// The name used in JSON and in the record (`nationality`, `membership`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            SideBasis::Nationality => "nationality",
            SideBasis::Membership => "membership",
            SideBasis::Others => "others",
            SideBasis::Claimant => "claimant",
            SideBasis::Target => "target",
            SideBasis::Place => "place",
        }
    }
}

/// Why a figure has its side: the kind of evidence and the words that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideEvidence {
    /// The kind of evidence.
    pub basis: SideBasis,
    /// The words that gave it (code points into the text, as every span).
    #[serde(flatten)]
    pub span: Span,
}

/// How the article stands toward an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// In the article's own voice.
    Asserted,
    /// Attributed to someone.
    Claimed,
    /// Denied by someone.
    Denied,
    /// Announced or expected, not yet happened.
    Planned,
}

/// A PLOVER-coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER type (`ASSAULT`, `CONSULT`, ...).
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode, where one fits.
    pub mode: Option<String>,
    /// Entity ids of who acts.
    pub actors: Vec<String>,
    /// Entity ids of who is acted upon.
    pub targets: Vec<String>,
    /// The actors act together and no side is the source (a meeting, an accord, a clash
    /// between them); `targets` is then empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub joint: bool,
    /// Entity ids of places.
    pub locations: Vec<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// Entity id of who says it happened.
    pub claimant: Option<String>,
    /// Stance toward it.
    pub stance: Stance,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// The trigger word.
    pub trigger: Span,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// How the event was found: the frame, the modality and the words in each role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
}

/// How an event was found (`explain` in `rasd.document/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Explain {
    /// The frame that matched: its class and the trigger row ("strike v:قصف/يقصف").
    pub frame: String,
    /// What the text says of the act: asserted, reported, denied, planned.
    pub modality: String,
    /// The words that set the modality, if any ("قال", "نفت").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// Which words filled which role.
    pub roles: Vec<ExplainRole>,
}

/// One role of an explained event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplainRole {
    /// `actor` or `target`.
    pub role: String,
    /// The slot that gave it (subject, object, adjective, prep:علي, ...).
    pub slot: String,
    /// Code-point offset of the words in the text.
    pub start: usize,
    /// One past their end.
    pub end: usize,
    /// The words.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_document_has_every_section() {
        let v = serde_json::to_value(Document::new("x", String::new())).unwrap();
        for key in [
            "schema",
            "id",
            "url",
            "title",
            "published",
            "text",
            "sentences",
            "entities",
            "times",
            "casualties",
            "events",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
    }

    #[test]
    fn enums_serialize_as_the_schema_spells_them() {
        assert_eq!(serde_json::to_string(&Bound::AtLeast).unwrap(), "\"at_least\"");
        assert_eq!(serde_json::to_string(&EntityKind::Org).unwrap(), "\"org\"");
        assert_eq!(serde_json::to_string(&TimeKind::Duration).unwrap(), "\"duration\"");
    }

    #[test]
    fn time_span_is_flattened() {
        let t = Time {
            span: Span { start: 1, end: 3, text: "ab".into() },
            value: Some("2020".into()),
            kind: TimeKind::Year,
        };
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(v["start"], 1);
        assert_eq!(v["text"], "ab");
    }
}
