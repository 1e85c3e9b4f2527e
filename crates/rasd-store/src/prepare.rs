//! Turning a [`Document`] into the rows the store writes, without touching a database.
//!
//! Preparation is pure CPU work (normalizing, stemming for search, MinHash, JSON), so the
//! CLI runs it on all cores and the transaction only writes; the bench times the two
//! apart.

use rasd_model::{Document, Entity, EntityKind};
use rasd_text::clitics;
use rasd_text::normalize::normalize_str;
use serde::Serialize;

use crate::hash::hash128_hex;
use crate::minhash::{self, Signature};
use crate::types::EntityRef;

/// Longest evidence sentence kept in an event row, in code points.
const MAX_EVIDENCE: usize = 600;

/// Shortest stem the search index strips a word down to: "بلد" must not become "لد".
const MIN_SEARCH_STEM: usize = 3;

/// A document ready to be written: its identity, search text, signature and rows.
#[derive(Debug, Clone)]
pub struct PreparedDoc {
    /// Document id.
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Hash of the normalized text: the article's identity whatever its id.
    pub content_hash: String,
    /// Hash of the whole document JSON: changes when a newer pipeline finds more.
    pub analysis_hash: String,
    /// The `rasd.document/1` JSON.
    pub doc_json: String,
    /// The same, zstd-compressed, as stored (about a third of the bytes to write).
    pub doc_zst: Vec<u8>,
    /// What full-text search indexes: the search key of every word (see [`search_terms`]).
    pub search_text: String,
    /// MinHash signature, `None` for texts too short to compare.
    pub signature: Option<Signature>,
    /// Entity rows.
    pub entities: Vec<EntityRecord>,
    /// Event rows.
    pub events: Vec<EventRecord>,
    /// Casualty rows.
    pub casualties: Vec<CasualtyRecord>,
}

/// One entity of one article.
#[derive(Debug, Clone)]
pub struct EntityRecord {
    /// Name, kind, country, coordinates.
    pub entity: EntityRef,
    /// Mentions in the article.
    pub mentions: i64,
}

/// One event of one article, flattened for SQL.
#[derive(Debug, Clone)]
pub struct EventRecord {
    /// Index in `events`.
    pub idx: i64,
    /// PLOVER type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// JSON array of actor ids.
    pub actors: String,
    /// JSON array of target ids.
    pub targets: String,
    /// JSON array of location ids.
    pub locations: String,
    /// `,ARM,AZE,`: participant countries, comma-fenced for `LIKE '%,ARM,%'`.
    pub participants: String,
    /// Participant and place countries, comma-fenced.
    pub countries: String,
    /// Date.
    pub date: Option<String>,
    /// Claimant id.
    pub claimant: Option<String>,
    /// Stance.
    pub stance: String,
    /// Sentence index.
    pub sentence: i64,
    /// Trigger start.
    pub trigger_start: i64,
    /// Trigger end.
    pub trigger_end: i64,
    /// Trigger text.
    pub trigger: String,
    /// The sentence.
    pub evidence: String,
    /// Confidence.
    pub confidence: f64,
}

/// One casualty figure of one article, flattened for SQL.
#[derive(Debug, Clone)]
pub struct CasualtyRecord {
    /// Index in `casualties`.
    pub idx: i64,
    /// Number (stored as i64: SQL has no unsigned 64-bit).
    pub count: i64,
    /// Bound.
    pub bound: String,
    /// Kind.
    pub kind: String,
    /// Group.
    pub group: String,
    /// Side id.
    pub side: Option<String>,
    /// Side name.
    pub side_name: Option<String>,
    /// Running total.
    pub cumulative: bool,
    /// Claimant id.
    pub claimant: Option<String>,
    /// Claimant name.
    pub claimant_name: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Sentence.
    pub sentence: i64,
    /// Evidence start.
    pub start: i64,
    /// Evidence end.
    pub end: i64,
    /// Evidence text.
    pub evidence: String,
    /// What set the side (`nationality`, `membership`, `others`, `claimant`, `target`,
    /// `place`).
    pub side_basis: Option<String>,
    /// The words that set it.
    pub side_words: Option<String>,
}

/// The key search indexes a normalized word under: the word without its proclitics
/// (و ف ب ل ك ال) when at least three letters remain, so "والجيش", "للجيش" and "جيش"
/// all find each other. Queries go through the same function.
pub fn search_key(word: &str) -> &str {
    clitics::stems(word)
        .into_iter()
        .rev()
        .find(|s| s.chars().count() >= MIN_SEARCH_STEM)
        .unwrap_or(word)
}

/// The search keys of a text, in order: normalize (harakat, alef forms, digits...), split
/// into words, key each. FTS5's own tokenizer would split words at harakat, so the index
/// never sees raw text.
pub fn search_terms(text: &str) -> Vec<String> {
    let n = normalize_str(text);
    minhash::words(&n).map(|w| search_key(w).to_string()).collect()
}

fn kind_str(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Country => "country",
        EntityKind::Place => "place",
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Group => "group",
    }
}

fn entity_ref(e: &Entity) -> EntityRef {
    EntityRef {
        id: e.id.clone(),
        kind: kind_str(e.kind).to_string(),
        name: e.name.clone(),
        name_ar: e.name_ar.clone(),
        country: e.country.clone(),
        lat: e.lat,
        lon: e.lon,
    }
}

fn looks_like_iso3(id: &str) -> bool {
    id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase())
}

/// The country an entity id stands for or belongs to.
pub(crate) fn country_of(id: &str, entities: &[Entity]) -> Option<String> {
    match entities.iter().find(|e| e.id == id) {
        Some(e) if e.kind == EntityKind::Country => Some(e.id.clone()),
        Some(e) => e.country.clone(),
        None if looks_like_iso3(id) => Some(id.to_string()),
        None => None,
    }
}

/// `,A,B,` from a list of codes (sorted, deduplicated).
pub(crate) fn fence(mut codes: Vec<String>) -> String {
    codes.sort();
    codes.dedup();
    if codes.is_empty() {
        String::new()
    } else {
        format!(",{},", codes.join(","))
    }
}

/// The codes of a fenced list.
pub(crate) fn unfence(s: &str) -> Vec<String> {
    s.split(',').filter(|c| !c.is_empty()).map(str::to_string).collect()
}

/// zstd level at which documents are stored (zstd's default): it compresses their JSON about 3:1 at
/// several hundred MB/s; other levels changed neither size nor ingest speed much here.
const ZSTD_LEVEL: i32 = 3;

fn compress(json: &str) -> Vec<u8> {
    thread_local! {
        // A compression context owns about a megabyte of tables: one per thread, reused,
        // instead of allocating (and page-faulting) a new one per document.
        static ZSTD: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
            std::cell::RefCell::new(zstd::bulk::Compressor::new(ZSTD_LEVEL).ok());
    }
    let packed =
        ZSTD.with(|z| z.borrow_mut().as_mut().and_then(|c| c.compress(json.as_bytes()).ok()));
    // Should compression fail (out of memory), the JSON is stored as is: readers accept both.
    packed.unwrap_or_else(|| json.as_bytes().to_vec())
}

/// Largest document JSON decompressed in one piece by the size its frame records; a frame
/// claiming more (or recording nothing) is streamed instead.
const MAX_RECORDED_SIZE: u64 = 64 << 20;

/// The JSON of a stored document: zstd frames are decompressed, plain JSON is kept.
pub fn decompress(stored: &[u8]) -> std::io::Result<Vec<u8>> {
    const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
    if !stored.starts_with(&ZSTD_MAGIC) {
        return Ok(stored.to_vec());
    }
    thread_local! {
        // As for compression: a context per thread, reused. Creating one per document
        // was a tenth of the server's time under load (a search page reads 50).
        static UNZSTD: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            std::cell::RefCell::new(zstd::bulk::Decompressor::new().ok());
    }
    let recorded = zstd::zstd_safe::get_frame_content_size(stored).ok().flatten();
    match recorded.filter(|n| *n <= MAX_RECORDED_SIZE) {
        Some(n) => UNZSTD
            .with(|z| z.borrow_mut().as_mut().map(|d| d.decompress(stored, n as usize)))
            .and_then(Result::ok)
            // Several frames one after another record only the first one's size.
            .map_or_else(|| zstd::stream::decode_all(stored), Ok),
        None => zstd::stream::decode_all(stored),
    }
}

fn json<T: Serialize>(v: &T) -> String {
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

/// Code-point slicing of the article text.
struct CharIndex<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { text, bytes }
    }

    fn slice(&self, start: usize, end: usize, max: usize) -> String {
        let n = self.bytes.len() - 1;
        let (s, e) = (start.min(n), end.min(n).min(start.saturating_add(max)));
        if s >= e {
            return String::new();
        }
        self.text[self.bytes[s]..self.bytes[e]].trim().to_string()
    }
}

impl PreparedDoc {
    /// Prepares one analyzed article.
    pub fn new(doc: &Document) -> PreparedDoc {
        let normalized = normalize_str(&doc.text);
        let mut search_text = String::with_capacity(normalized.len());
        let title_norm = doc.title.as_deref().map(normalize_str).unwrap_or_default();
        for w in minhash::words(&normalized).chain(minhash::words(&title_norm)) {
            if !search_text.is_empty() {
                search_text.push(' ');
            }
            search_text.push_str(search_key(w));
        }
        let doc_json = json(doc);
        let chars = CharIndex::new(&doc.text);
        let name_of = |id: &Option<String>| -> Option<String> {
            let id = id.as_deref()?;
            doc.entities
                .iter()
                .find(|e| e.id == id)
                .and_then(|e| e.name.clone().or_else(|| e.name_ar.clone()))
        };

        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let participants: Vec<String> = e
                    .actors
                    .iter()
                    .chain(&e.targets)
                    .filter_map(|id| country_of(id, &doc.entities))
                    .collect();
                let mut countries = participants.clone();
                countries.extend(e.locations.iter().filter_map(|id| country_of(id, &doc.entities)));
                let evidence = doc
                    .sentences
                    .get(e.sentence)
                    .map(|[s, t]| chars.slice(*s, *t, MAX_EVIDENCE))
                    .unwrap_or_else(|| e.trigger.text.clone());
                EventRecord {
                    idx: i as i64,
                    event_type: e.event_type.clone(),
                    mode: e.mode.clone(),
                    actors: json(&e.actors),
                    targets: json(&e.targets),
                    locations: json(&e.locations),
                    participants: fence(participants),
                    countries: fence(countries),
                    date: e.date.clone(),
                    claimant: e.claimant.clone(),
                    stance: json(&e.stance).trim_matches('"').to_string(),
                    sentence: e.sentence as i64,
                    trigger_start: e.trigger.start as i64,
                    trigger_end: e.trigger.end as i64,
                    trigger: e.trigger.text.clone(),
                    evidence,
                    confidence: e.confidence,
                }
            })
            .collect();

        let casualties = doc
            .casualties
            .iter()
            .enumerate()
            .map(|(i, c)| CasualtyRecord {
                idx: i as i64,
                count: i64::try_from(c.count).unwrap_or(i64::MAX),
                bound: json(&c.bound).trim_matches('"').to_string(),
                kind: json(&c.kind).trim_matches('"').to_string(),
                group: json(&c.group).trim_matches('"').to_string(),
                side: c.side.clone(),
                side_name: name_of(&c.side),
                cumulative: c.cumulative,
                claimant: c.claimant.clone(),
                claimant_name: name_of(&c.claimant),
                date: c.date.clone(),
                sentence: c.sentence as i64,
                start: c.start as i64,
                end: c.end as i64,
                evidence: chars.slice(c.start, c.end, MAX_EVIDENCE),
                side_basis: c.side_evidence.as_ref().map(|e| e.basis.as_str().to_string()),
                side_words: c.side_evidence.as_ref().map(|e| e.span.text.clone()),
            })
            .collect();

        PreparedDoc {
            id: doc.id.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            content_hash: hash128_hex(normalized.as_bytes()),
            analysis_hash: hash128_hex(doc_json.as_bytes()),
            doc_zst: compress(&doc_json),
            signature: minhash::signature(&normalized),
            search_text,
            doc_json,
            entities: doc
                .entities
                .iter()
                .map(|e| EntityRecord { entity: entity_ref(e), mentions: e.mentions.len() as i64 })
                .collect(),
            events,
            casualties,
        }
    }

    /// LSH band keys of the signature (empty when there is none).
    pub fn band_keys(&self) -> Vec<i64> {
        self.signature.as_deref().map(minhash::band_keys).unwrap_or_default()
    }

    /// The day a row of this article sorts by in the lists: its own date, else the
    /// article's publication date, else '' (first, as the lists have always put undated
    /// rows). Stored beside the row so the lists can read it from an index.
    pub fn order_day(&self, own: Option<&str>) -> String {
        own.or(self.published.as_deref()).unwrap_or("").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_documents_read_back_however_they_were_framed() {
        let json = format!("{{\"text\":\"{}\"}}", "قصفت القوات مواقع في المدينة ".repeat(200));
        let one = compress(&json);
        assert_eq!(decompress(&one).unwrap(), json.as_bytes());
        assert_eq!(decompress(&one).unwrap(), json.as_bytes(), "the reused context again");
        // Streamed: the frame records no size.
        let streamed = zstd::stream::encode_all(json.as_bytes(), 3).unwrap();
        assert_eq!(decompress(&streamed).unwrap(), json.as_bytes());
        let two = [one.clone(), one].concat();
        assert_eq!(decompress(&two).unwrap(), [json.as_bytes(), json.as_bytes()].concat());
        assert_eq!(decompress(json.as_bytes()).unwrap(), json.as_bytes(), "plain JSON kept");
    }

    #[test]
    fn search_keys_strip_proclitics_but_keep_short_words() {
        assert_eq!(search_key("والجيش"), "جيش");
        assert_eq!(search_key("للجيش"), "جيش");
        assert_eq!(search_key("بلد"), "بلد");
        assert_eq!(search_terms("وَالجَيْشُ قصفَ"), vec!["جيش", "قصف"]);
    }

    #[test]
    fn fences_round_trip() {
        let f = fence(vec!["AZE".into(), "ARM".into(), "AZE".into()]);
        assert_eq!(f, ",ARM,AZE,");
        assert_eq!(unfence(&f), vec!["ARM", "AZE"]);
        assert_eq!(fence(vec![]), "");
    }

    #[test]
    fn slicing_is_by_code_point_and_clamped() {
        let c = CharIndex::new("قُتل ثلاثة");
        assert_eq!(c.slice(0, 4, 100), "قُتل");
        assert_eq!(c.slice(5, 999, 100), "ثلاثة");
        assert_eq!(c.slice(50, 60, 100), "");
    }
}
