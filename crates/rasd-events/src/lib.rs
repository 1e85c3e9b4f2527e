//! PLOVER events: the `events` section of `rasd.document/1`.
//!
//! A trigger word (`data/lexicon/event_triggers.tsv`) gives the type, mode and *frame*
//! of an event; the frame says where its participants stand:
//! - `act`: the actor is the subject — the entity right after the verb or noun
//!   ("قصفت روسيا", "وساطة روسيا", "القصف الأذربيجاني") or before it ("أذربيجان شنت") —
//!   and the entities after it are targets; a place in another state gives the target
//!   state; a masdar after ل or في is suffered by the parties before it ("تعرضت بلدات
//!   لبنانية لقصف إسرائيلي");
//! - `speech`: a speech act (اتهم، نفى، دعا ...); the speaker is the actor, or the
//!   sentence's claimant when the clause names no one; what it speaks of is content;
//! - `joint`: every party in the clause counts ("اشتباكات بين X و Y", "التقى X مع Y").
//!
//! Participants are entities that stand for a state or an international body
//! (countries; ministries, forces, officials with their state; the UN, the EU ...); a
//! capital stands for its state, other places become `locations`. Negated triggers
//! ("لم يحدث لقاء") are dropped; future ones (سيلتقي، من المقرر، المقبل) are `planned`;
//! attributed ones are `claimed`, or `denied` under a denial; a denial is also a REJECT
//! event of its own, facing the other parties of what it denies. A mediator is paired
//! with each party of the talks or accord it brokers. Statements of one happening within
//! an article (same type, same participants) merge into one event. `PLOVER.md` lists the
//! modes and their ACLED mapping.
#![deny(missing_docs)]

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use rasd_attribution::{Claim, Doc, Report};
use rasd_model::{EntityKind, Event, Span, Stance, Time, TimeKind};
use rasd_text::phrases::{strip_article, tsv_rows, PhraseSet};
use rasd_text::{Indexes, TokenKind};

/// How a trigger's arguments attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject acts on objects.
    Act,
    /// A speech act by the speaker.
    Speech,
    /// All parties together.
    Joint,
}

/// A trigger's lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// PLOVER type.
    pub event_type: String,
    /// PLOVER mode, if any.
    pub mode: Option<String>,
    /// Argument frame.
    pub frame: Frame,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Negation,
    Future,
    Invite,
    Intention,
    Separately,
    Halt,
    Reference,
    Dyad,
    Pronoun,
    Hypothetical,
    Reciprocal,
    Participle,
    Still,
    Description,
    Vessel,
    Participation,
    Proposal,
    Light,
}

const TRIGGERS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/event_triggers.tsv"));
const CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/event_cues.tsv"));

/// The 16 PLOVER event types.
pub use rasd_model::PLOVER_TYPES;

/// The trigger lexicon, compiled once.
pub fn triggers() -> &'static PhraseSet<Trigger> {
    static SET: OnceLock<PhraseSet<Trigger>> = OnceLock::new();
    SET.get_or_init(|| {
        PhraseSet::new(tsv_rows(TRIGGERS).filter_map(|r| {
            let event_type = r.get(1)?.to_string();
            if !PLOVER_TYPES.contains(&event_type.as_str()) {
                return None;
            }
            let frame = match r.get(3).copied().unwrap_or("act") {
                "speech" => Frame::Speech,
                "joint" => Frame::Joint,
                _ => Frame::Act,
            };
            let mode = r.get(2).filter(|m| !m.is_empty()).map(|m| m.to_string());
            Some((*r.first()?, Trigger { event_type, mode, frame }))
        }))
    })
}

fn cues() -> &'static PhraseSet<Cue> {
    static SET: OnceLock<PhraseSet<Cue>> = OnceLock::new();
    SET.get_or_init(|| {
        PhraseSet::new(tsv_rows(CUES).filter_map(|r| {
            let c = match *r.get(1)? {
                "negation" => Cue::Negation,
                "future" => Cue::Future,
                "invite" => Cue::Invite,
                "intention" => Cue::Intention,
                "separately" => Cue::Separately,
                "halt" => Cue::Halt,
                "reference" => Cue::Reference,
                "dyad" => Cue::Dyad,
                "pronoun" => Cue::Pronoun,
                "hypothetical" => Cue::Hypothetical,
                "reciprocal" => Cue::Reciprocal,
                "participle" => Cue::Participle,
                "still" => Cue::Still,
                "description" => Cue::Description,
                "vessel" => Cue::Vessel,
                "participation" => Cue::Participation,
                "proposal" => Cue::Proposal,
                "light" => Cue::Light,
                _ => return None,
            };
            Some((*r.first()?, c))
        }))
    })
}

/// A trigger read differently in context: walking out of talks is a REJECT (not a
/// RETREAT), and seizing a ship is a COERCE (not the ASSAULT of seizing ground).
fn rewritten(kind: Rewrite) -> &'static Trigger {
    static WALKOUT: OnceLock<Trigger> = OnceLock::new();
    static SEIZURE: OnceLock<Trigger> = OnceLock::new();
    match kind {
        Rewrite::Walkout => WALKOUT.get_or_init(|| Trigger {
            event_type: "REJECT".into(),
            mode: Some("walkout".into()),
            frame: Frame::Act,
        }),
        Rewrite::Seizure => SEIZURE.get_or_init(|| Trigger {
            event_type: "COERCE".into(),
            mode: Some("seize".into()),
            frame: Frame::Act,
        }),
    }
}

#[derive(Clone, Copy)]
enum Rewrite {
    Walkout,
    Seizure,
}

/// Types whose place tells the other party: a strike on, an arrest in, a withdrawal
/// from, a deployment to, aid let into or sent to a place in another state involves
/// that state.
const PLACE_TARGET_TYPES: [&str; 6] =
    ["ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "AID"];

/// Words after which a named party is where something happens or whom it is aimed at
/// ("على روسيا", "مع أوكرانيا"), not the subject of the word before.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "علي" | "ضد" | "الي" | "من" | "عن" | "مع" | "بين" | "في" | "تجاه" | "باتجاه" | "نحو"
    )
}

/// The token `k` units before `at` (not before `from`), a multi-word name counting as one
/// unit: cues reach over "قوات الدعم السريع" as over one word.
fn units_back(doc: &Article<'_, '_>, from: usize, at: usize, k: usize) -> usize {
    let mut t = at;
    let mut n = 0;
    while t > from && n < k {
        t -= 1;
        if let Some(e) = doc.entity_at.get(t) {
            while t > from && doc.entity_at.get(t - 1) == Some(e) {
                t -= 1;
            }
        }
        n += 1;
    }
    t
}

/// Units between tokens `a` and `b`, a multi-word name counting as one.
fn units_between(doc: &Article<'_, '_>, a: usize, b: usize) -> usize {
    let mut n = 0;
    let mut t = a;
    while t < b {
        let e = doc.entity_at.get(t);
        t += 1;
        while e.is_some() && t < b && doc.entity_at.get(t) == e {
            t += 1;
        }
        n += 1;
    }
    n
}

/// Whether a negation governs the trigger at `at`: right before it ("لم تقصف"), or
/// before the one verb whose object it is, with only names and "أي" between ("لم توقع
/// إسرائيل وحماس أي اتفاق"). "لا تزال", "لم تتوقف" are not negations of what follows.
fn negated(
    doc: &Article<'_, '_>,
    from: usize,
    at: usize,
    cue_at: &impl Fn(usize) -> Option<Cue>,
) -> bool {
    let mut words = 0;
    let mut t = at;
    while t > from {
        t -= 1;
        if doc.tokens[t].kind == TokenKind::Punct {
            return false;
        }
        match cue_at(t) {
            Some(Cue::Negation) => return true,
            Some(Cue::Still) => return false,
            _ => {}
        }
        if doc.entity_at.get(t).is_some() || matches!(doc.w(t), "اي" | "ايه") {
            continue;
        }
        words += 1;
        if words > 1 {
            return false;
        }
    }
    false
}

/// A speech act's object reaches this many units (a name counting as one) after it.
const CONTENT_UNITS: usize = 10;
/// Tokens after a trigger searched for its arguments.
const RIGHT_WINDOW: usize = 16;
/// Tokens before a trigger searched for its subject.
const LEFT_WINDOW: usize = 8;
/// At most this many participants per event: more are rarely one happening.
const MAX_PARTIES: usize = 4;

/// One trigger occurrence.
#[derive(Clone, Copy)]
struct Hit<'a> {
    start: usize,
    end: usize,
    trigger: &'a Trigger,
    future: bool,
    /// Bytes of proclitics on the trigger's first word.
    prefix: usize,
    /// One past the last token of the words that belong to it: its own, or those of a
    /// trigger of the same type that is its object ("شنت ... ضربات جوية").
    reach: usize,
}

fn find_triggers<'a>(doc: &Article<'_, '_>, set: &'a PhraseSet<Trigger>) -> Vec<Hit<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !doc.is_word(i) || doc.entity_at.get(i).is_some() {
            i += 1;
            continue;
        }
        if let Some(m) = doc.phrase_at(set, i) {
            // "بحث" is not ب + "حث": a preposition does not attach to a two-letter verb.
            let w = doc.w(i);
            let stem_len = w.get(m.prefix..).map_or(0, |s| s.chars().count());
            let prep = w.get(..m.prefix).is_some_and(|p| p.contains(['ب', 'ل', 'ك']));
            if !(m.end == i + 1 && stem_len <= 2 && prep) {
                out.push(Hit {
                    start: i,
                    end: m.end,
                    trigger: m.value,
                    future: false,
                    prefix: m.prefix,
                    reach: m.end,
                });
                i = m.end;
                continue;
            }
        }
        // سيلتقي، ستعقد: the future prefix on a present-tense verb.
        let w = doc.w(i);
        if let Some(rest) = w.strip_prefix('س').filter(|r| r.starts_with(['ي', 'ت', 'ن'])) {
            if let Some(t) = set.get(strip_article(rest)) {
                out.push(Hit {
                    start: i,
                    end: i + 1,
                    trigger: t,
                    future: true,
                    prefix: 0,
                    reach: i + 1,
                });
            }
        }
        i += 1;
    }
    out
}

/// Whether trigger `n` reports no happening of its own: negated, hypothetical, a
/// readiness, a fighting to be stopped, a cited agreement, an invitation, a purpose,
/// or a ceasefire being called for.
fn skipped(
    doc: &Article<'_, '_>,
    hits: &[Hit<'_>],
    n: usize,
    cue_at: &impl Fn(usize) -> Option<Cue>,
) -> bool {
    let h = &hits[n];
    let s = doc.sentence_of(h.start);
    let range = doc.sentences[s].clone();
    let ty = h.trigger.event_type.as_str();
    let before = |k: usize| h.start.saturating_sub(k).max(range.start)..h.start;
    let cue_before = |k: usize, c: Cue| before(k).any(|t| cue_at(t) == Some(c));
    // A readiness or a condition reaches over names to the end of its clause ("إذا
    // التزمت قوات الدعم السريع بالهدنة").
    let clause_cue = |k: usize, c: Cue| {
        let from = units_back(doc, range.start, h.start, k);
        (from..h.start)
            .rev()
            .take_while(|&t| doc.tokens[t].kind != TokenKind::Punct)
            .any(|t| cue_at(t) == Some(c))
    };
    // A readiness within four units or a condition within six: one walk back for both.
    let readiness_or_condition = || {
        let near = units_back(doc, range.start, h.start, 4);
        let from = units_back(doc, range.start, h.start, 6);
        (from..h.start).rev().take_while(|&t| doc.tokens[t].kind != TokenKind::Punct).any(|t| {
            match cue_at(t) {
                Some(Cue::Intention) => t >= near,
                Some(Cue::Hypothetical) => true,
                _ => false,
            }
        })
    };
    if negated(doc, range.start, h.start, cue_at) || readiness_or_condition() {
        return true;
    }
    if ty == "ASSAULT" && cue_before(3, Cue::Halt) {
        return true;
    }
    if ty == "AGREE" && cue_before(2, Cue::Reference) {
        return true;
    }
    // "مقترح هدنة", "المقترح ينص على هدنة": a truce proposed is not one agreed; "جهود
    // للتوصل إلى اتفاق": nor is one sought.
    let sought = || {
        let from = units_back(doc, range.start, h.start, 6);
        (from..h.start)
            .rev()
            .take_while(|&t| doc.tokens[t].kind != TokenKind::Punct)
            .any(|t| matches!(doc.w(t), "للتوصل" | "للوصول"))
    };
    if ty == "AGREE" && (clause_cue(4, Cue::Proposal) || sought()) {
        return true;
    }
    if ty == "REQUEST" {
        let invite = cue_at(h.start) == Some(Cue::Invite) || cue_before(1, Cue::Invite);
        // "تظاهروا للمطالبة ب": the demand is what another act is for.
        let purpose = doc.w(h.start).starts_with('ل')
            && hits[..n].iter().any(|p| doc.sentence_of(p.start) == s);
        if invite || purpose {
            return true;
        }
    }
    ty == "AGREE"
        && hits[..n]
            .iter()
            .rev()
            .take_while(|p| p.end + 4 >= h.start && p.start >= range.start)
            .any(|p| p.trigger.event_type == "REQUEST")
}

/// A set of participant codes, kept sorted and without repeats: it iterates, compares
/// and counts as a `BTreeSet` would, without building tree nodes for the handful of codes
/// each event has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Codes<'e>(Vec<&'e str>);

impl<'e> Codes<'e> {
    /// Adds a code; false when it was there.
    fn insert(&mut self, c: &'e str) -> bool {
        match self.0.binary_search(&c) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, c);
                true
            }
        }
    }

    fn contains(&self, c: &str) -> bool {
        self.0.contains(&c)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'e> FromIterator<&'e str> for Codes<'e> {
    fn from_iter<I: IntoIterator<Item = &'e str>>(iter: I) -> Self {
        let mut v: Vec<&'e str> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Codes(v)
    }
}

impl<'e> Extend<&'e str> for Codes<'e> {
    fn extend<I: IntoIterator<Item = &'e str>>(&mut self, iter: I) {
        for c in iter {
            self.insert(c);
        }
    }
}

impl<'e> IntoIterator for Codes<'e> {
    type Item = &'e str;
    type IntoIter = std::vec::IntoIter<&'e str>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The document as this stage reads it: with what it asks of every entity again and
/// again, worked out once per article.
struct Article<'d, 'e> {
    doc: &'d Doc<'e>,
    /// Per entity, its participant code (see [`entity_code`]).
    codes: Vec<Option<&'e str>>,
    /// Per token, its sentence (as [`Doc::sentence_of`] finds it; 32 bits, as this is
    /// one of the tables read for every token around every trigger).
    sentence_at: Vec<u32>,
}

impl<'d, 'e> Article<'d, 'e> {
    fn new(doc: &'d Doc<'e>) -> Self {
        let codes = (0..doc.entities.len()).map(|k| entity_code(doc, k)).collect();
        // The sentences run in order: one sweep gives every token the first sentence
        // that ends after it (the last one for tokens past them all).
        let last = doc.sentences.len().saturating_sub(1);
        let mut s = 0;
        let sentence_at = (0..doc.tokens.len())
            .map(|t| {
                while s < doc.sentences.len() && doc.sentences[s].end <= t {
                    s += 1;
                }
                s.min(last) as u32
            })
            .collect();
        Article { doc, codes, sentence_at }
    }

    /// The sentence holding token `t`: asked for every trigger and its neighbours.
    fn sentence_of(&self, t: usize) -> usize {
        match self.sentence_at.get(t) {
            Some(&s) => s as usize,
            None => self.doc.sentence_of(t),
        }
    }
}

impl<'e> std::ops::Deref for Article<'_, 'e> {
    type Target = Doc<'e>;
    fn deref(&self) -> &Doc<'e> {
        self.doc
    }
}

/// The participant code of entity `k` (its state, or INT), if it can take part.
fn code<'e>(doc: &Article<'_, 'e>, k: usize) -> Option<&'e str> {
    doc.codes[k]
}

/// The participant code of an entity (its state, or INT), if it can take part. Borrowed
/// from the document's entities or the embedded knowledge base: codes are compared and
/// collected many times per event, and only the ones written out are copied.
fn entity_code<'e>(doc: &Doc<'e>, k: usize) -> Option<&'e str> {
    let entities: &'e [rasd_model::Entity] = doc.entities;
    let e = &entities[k];
    let kb = doc.kb;
    match e.kind {
        // States that no longer exist (ISO 3166-3) appear in history, not as parties.
        EntityKind::Country if matches!(e.id.as_str(), "SUN" | "YUG" | "CSK" | "DDR" | "YMD") => {
            None
        }
        EntityKind::Country => Some(e.id.as_str()),
        // News outlets report events; they do not take part in them.
        EntityKind::Org if kb.by_id(&e.id).is_some_and(|x| x.media) => None,
        EntityKind::Org => Some(e.country.as_deref().unwrap_or("INT")),
        EntityKind::Group => e.country.as_deref(),
        // An official of an international body acts for it ("غوتيريش": INT).
        EntityKind::Person => e.country.as_deref().or_else(|| {
            let body = kb.by_id(kb.by_id(&e.id)?.body.as_deref()?)?;
            match body.kind {
                EntityKind::Org if body.media => None,
                EntityKind::Org => Some(body.country.as_deref().unwrap_or("INT")),
                EntityKind::Group => body.country.as_deref(),
                _ => None,
            }
        }),
        EntityKind::Place => kb.capital_state(&e.id),
    }
}

/// A capital speaks for its state ("باكو ويريفان").
fn capital_state(id: &str) -> Option<String> {
    rasd_kb::Kb::embedded().capital_state(id).map(str::to_string)
}

/// Words after which a named state or capital is where something happens, not who.
fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "في" | "الي"
            | "داخل"
            | "قرب"
            | "حدود"
            | "الحدود"
            | "اراضي"
            | "الاراضي"
            | "عاصمه"
            | "العاصمه"
    )
}

/// The proclitics written before an entity's mention inside token `t` ("لأوكرانيا").
fn glued(doc: &Article<'_, '_>, t: usize, k: usize) -> String {
    let tok_start = doc.tokens[t].start as usize;
    let mention_start = doc.entities[k]
        .mentions
        .iter()
        .find(|m| m.start >= tok_start && m.start < doc.tokens[t].end as usize)
        .map_or(tok_start, |m| m.start);
    // Most mentions start their token: nothing glued, nothing to cut out.
    if mention_start == tok_start {
        return String::new();
    }
    doc.span(t, t + 1).text.chars().take(mention_start - tok_start).collect()
}

/// Whether the entity at token `t` is introduced by a preposition, written apart
/// ("على روسيا") or glued on ("لأوكرانيا", "للحوثيين", "بإسرائيل") — but not a name that
/// itself begins with ل or ب ("لبنان", "بوتين").
fn introduced(doc: &Article<'_, '_>, t: usize, k: usize) -> bool {
    let prev = t.checked_sub(1).map_or("", |p| doc.w(p));
    if is_preposition(prev) || glued(doc, t, k).contains(['ل', 'ب']) {
        return true;
    }
    let w = doc.w(t);
    let w = w.strip_prefix(['و', 'ف']).filter(|r| r.starts_with(['ل', 'ب'])).unwrap_or(w);
    if w.starts_with("لل") || w.starts_with("بال") {
        return true;
    }
    let Some(rest) = w.strip_prefix(['ل', 'ب']) else { return false };
    let kb = doc.kb;
    let id = &doc.entities[k].id;
    let names = |key: &str| kb.lookup(key).iter().any(|a| kb.entry(a.entry).id == *id);
    names(rest) && !names(w)
}

/// Whether trigger `p`, after `h`, is within what `h` says or is about: close, in the
/// same sentence, with no punctuation between.
fn in_content(doc: &Article<'_, '_>, h: &Hit<'_>, p: &Hit<'_>) -> bool {
    units_between(doc, h.end, p.start) <= CONTENT_UNITS
        && doc.sentence_of(p.start) == doc.sentence_of(h.start)
        && (h.end..p.start).all(|t| doc.tokens[t].kind != TokenKind::Punct)
}

/// Whether a word reads as a nisba adjective ("أمريكية", "بريطاني", "روسيين"): the
/// endings of its singular, feminine and plural.
fn is_nisba(w: &str) -> bool {
    ["ي", "يه", "يين", "يون"].iter().any(|e| w.ends_with(e))
}

/// Whether tokens `[from, to)` are an office's title in the knowledge base ("الأمين
/// العام", "نائب وزير الخارجية"), so that the party after them is its holder.
fn title_between(doc: &Article<'_, '_>, from: usize, to: usize) -> bool {
    // The longest titles run to four words.
    if to <= from || to - from > 4 || (from..to).any(|t| !doc.is_word(t)) {
        return false;
    }
    let words: Vec<&str> = (from..to).map(|t| doc.w(t)).collect();
    let key = rasd_kb::keys::key(&words.join(" "));
    let kb = doc.kb;
    kb.lookup_head(&key).iter().any(|h| matches!(h, rasd_kb::HeadRef::Title { .. }))
}

/// Whether token `t` opens a clause of its own: a contrast or a "while".
fn opens_clause(doc: &Article<'_, '_>, t: usize) -> bool {
    // Asked of every word between triggers, so read as bytes: "فيما" or "بينما" with at
    // most one و before it, or "لكن" after any number of them.
    let w = doc.w(t).as_bytes();
    let waw = "و".as_bytes();
    let mut rest = w;
    while let Some(r) = rest.strip_prefix(waw) {
        rest = r;
    }
    let waws = (w.len() - rest.len()) / waw.len();
    (waws <= 1 && (rest == "فيما".as_bytes() || rest == "بينما".as_bytes()))
        || rest.starts_with("لكن".as_bytes())
}

/// Whether token `t` opens a prepositional phrase ("على", "باتجاه", "للمبادرة").
fn opens_phrase(doc: &Article<'_, '_>, t: usize) -> bool {
    let w = doc.w(t);
    doc.entity_at.get(t).is_none()
        && (is_preposition(w) || w.starts_with("لل") || w.starts_with("بال"))
}

/// Where a token names a place or a state as the scene of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    /// Not a scene.
    No,
    /// In, at or near it.
    In,
    /// On the border with it: the state beyond faces a deployment, no more.
    Border,
}

/// Per token: the entity there that takes part (not a place named as a location, nor a
/// backer named in a description: "الحوثيون المدعومون من إيران"), and whether the token
/// names a place or a state where something happens.
fn participant_tokens(
    doc: &Article<'_, '_>,
    cue_at: &impl Fn(usize) -> Option<Cue>,
) -> (Indexes, Vec<Where>) {
    let mut out = Indexes::new(doc.tokens.len());
    let mut places = vec![Where::No; doc.tokens.len()];
    let mut t = 0;
    while t < doc.tokens.len() {
        let Some(k) = doc.entity_at.get(t) else {
            t += 1;
            continue;
        };
        let mut end = t + 1;
        while end < doc.tokens.len() && doc.entity_at.get(end) == Some(k) {
            end += 1;
        }
        let prev = t.checked_sub(1).map_or("", |p| doc.w(p));
        let prev2 = t.checked_sub(2).map_or("", |p| doc.w(p));
        // "بواشنطن", "في أذربيجان", "الحدود مع إيران" — but "قادة في قوات الدعم السريع"
        // names a party: only states and places are located.
        // "بواشنطن": a place with the preposition ب glued on (not a name that starts with ب).
        let kind = doc.entities[k].kind;
        let glued_bi = kind == EntityKind::Place && glued(doc, t, k).contains('ب');
        let locatable = matches!(kind, EntityKind::Place | EntityKind::Country);
        let located =
            locatable && (is_locative(prev) || (prev == "مع" && is_locative(prev2)) || glued_bi);
        // "الحدود مع إيران" is where; the state beyond is faced, not acted on.
        let border = matches!(prev, "حدود" | "الحدود")
            || (prev == "مع" && matches!(prev2, "حدود" | "الحدود" | "حدودها" | "حدوده"));
        // "المدعومة من إيران", "الموالية لروسيا".
        let described = (t.saturating_sub(2)..t).any(|p| cue_at(p) == Some(Cue::Description));
        if !located && !described && code(doc, k).is_some() {
            for p in t..end {
                out.set(p, k);
            }
        } else if !described && (located || kind == EntityKind::Place) {
            let at = if border && kind == EntityKind::Country { Where::Border } else { Where::In };
            for slot in &mut places[t..end] {
                *slot = at;
            }
        }
        t = end;
    }
    (out, places)
}

/// The first person or body named earlier in the sentence: the subject that
/// circumstantial clauses ("معربا عن تضامن بلاده") go on speaking for.
fn sentence_subject(doc: &Article<'_, '_>, from: usize, to: usize) -> Option<usize> {
    (from..to).find_map(|t| {
        doc.entity_at
            .get(t)
            .filter(|&k| matches!(doc.entities[k].kind, EntityKind::Person | EntityKind::Org))
    })
}

/// The states a place belongs to: the one holding it de facto, then the one it lies in.
/// A strike by the one on it is on the other.
fn place_states_of(id: &str) -> Vec<&'static str> {
    let Some(p) = rasd_kb::Kb::embedded().by_id(id) else { return Vec::new() };
    let mut v: Vec<&'static str> =
        p.backed_by.iter().chain(&p.country).map(String::as_str).collect();
    v.dedup();
    v
}

/// The entity id an actor list carries: a capital is replaced by its state.
fn actor_id(doc: &Article<'_, '_>, k: usize) -> String {
    let e = &doc.entities[k];
    if e.kind == EntityKind::Place {
        if let Some(c) = capital_state(&e.id) {
            return c;
        }
    }
    e.id.clone()
}

/// Participant entities in tokens `[from, to)`, in order, without repeats, into `out`
/// (cleared first: one buffer serves every trigger).
fn parties(part: &Indexes, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    for t in from..to.min(part.len()) {
        if let Some(k) = part.get(t) {
            if !out.iter().any(|&(_, x)| x == k) {
                out.push((t, k));
            }
        }
    }
}

fn is_hard_stop(doc: &Article<'_, '_>, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Punct && matches!(doc.w(t), "." | ";" | ":" | "?" | "!")
}

/// An event before merging: its participants by entity index.
struct Raw<'e> {
    event: Event,
    actors: Vec<usize>,
    targets: Vec<usize>,
    /// Extra participants given as country codes (completed from the article's dyad).
    extra: Vec<&'e str>,
    /// The clause names "the two sides": the article's dyad takes part.
    dyad: bool,
    /// How the arguments attach (a directed event pairs its actor with each target).
    frame: Frame,
    /// The only party is the claimant, put there for want of a named one.
    by_claimant: bool,
}

/// The coordinated parties that end `left`, nearest first ("مصر والسعودية والأردن",
/// "الرئيس الكونغولي فيليكس تشيسيكيدي والرئيس الرواندي بول كاغامي"): the last one, and
/// each one before it that is joined to the next by و or a comma (with at most a title
/// between) or written right against it as one party (a name after its country's
/// adjective) — "أرمينيا وأذربيجان روسيا" is two subjects and an object.
fn coordinated(doc: &Article<'_, '_>, left: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut next: Option<(usize, usize)> = None;
    for &(t, k) in left.iter().rev() {
        if let Some((nt, nk)) = next {
            let mut end = t + 1;
            while end < nt && doc.entity_at.get(end) == Some(k) {
                end += 1;
            }
            let gap = end..nt;
            let comma = |x: usize| matches!(doc.w(x), "," | "،");
            let plain = gap.clone().all(|x| {
                (doc.tokens[x].kind != TokenKind::Punct || comma(x)) && !opens_clause(doc, x)
            });
            let and = and_before(doc, nt, nk)
                || gap.clone().any(|x| doc.w(x) == "و" || doc.w(x).starts_with("وال"));
            let same_state = code(doc, k).is_some() && code(doc, k) == code(doc, nk);
            let joined = (gap.is_empty() && (and || same_state))
                || (plain && gap.len() <= 3 && (and || gap.clone().any(comma)));
            if !joined {
                break;
            }
        }
        out.push(k);
        next = Some((t, k));
    }
    out
}

/// Whether the mention of entity `k` at token `t` carries the conjunction و
/// ("والسعودية", "وقوات الدعم السريع"), as opposed to a name that starts with و.
fn and_before(doc: &Article<'_, '_>, t: usize, k: usize) -> bool {
    if glued(doc, t, k).contains('و') {
        return true;
    }
    let e = &doc.entities[k];
    let tok_start = doc.tokens[t].start as usize;
    e.mentions.iter().any(|m| {
        m.start == tok_start
            && m.text.starts_with('و')
            && !e.name_ar.as_deref().unwrap_or("").starts_with('و')
    })
}

/// Triggers that do not report a happening of their own are set aside, and those read
/// differently in context are rewritten, before clauses are cut between them.
fn keep_hits<'a>(
    doc: &Article<'_, '_>,
    hits: &[Hit<'a>],
    cue_at: &impl Fn(usize) -> Option<Cue>,
) -> Vec<Hit<'a>> {
    let mut kept: Vec<Hit<'a>> = Vec::new();
    let mut dropped = vec![false; hits.len()];
    for (n, h) in hits.iter().enumerate() {
        if dropped[n] || skipped(doc, hits, n, cue_at) {
            continue;
        }
        let mut h = *h;
        let s = doc.sentence_of(h.start);
        let sentence_end = doc.sentences[s].end;
        let ty = h.trigger.event_type.as_str();
        let mode = h.trigger.mode.as_deref();
        // "انسحب الوفد من المحادثات", "انسحبت من الاتفاق": leaving talks or an accord.
        if ty == "RETREAT" {
            let walkout = hits.get(n + 1).is_some_and(|p| {
                let talks = (p.trigger.event_type == "CONSULT"
                    && p.trigger.mode.as_deref() != Some("mediation"))
                    || p.trigger.event_type == "AGREE";
                talks
                    && p.start <= h.end + 4
                    && p.start < sentence_end
                    && doc.w(p.start - 1) == "من"
                    && !skipped(doc, hits, n + 1, cue_at)
            });
            if walkout {
                h.trigger = rewritten(Rewrite::Walkout);
                dropped[n + 1] = true;
            }
        }
        // "استولت البحرية على ناقلة": a ship seized is not ground taken.
        if ty == "ASSAULT"
            && mode == Some("seize")
            && (h.end..(h.end + 5).min(sentence_end)).any(|t| cue_at(t) == Some(Cue::Vessel))
        {
            h.trigger = rewritten(Rewrite::Seizure);
        }
        // "شنت ... عملية عسكرية": a second trigger of the same type right after the first
        // is its object; "اجتمعوا في جدة لبحث": one with ل a little further on is its
        // purpose. Mediation is not the talks it brokers.
        let purpose = doc.w(h.start).get(..h.prefix).is_some_and(|p| p.contains('ل'));
        let mediation = |x: &Hit<'_>| x.trigger.mode.as_deref() == Some("mediation");
        // A date set off by commas ("شنت، في 19 أيلول، عملية عسكرية") does not part them;
        // a party does — except after a light verb, whose subject and time come before
        // its object ("شنت الولايات المتحدة وبريطانيا فجر الجمعة (...) ضربات جوية").
        // The words between are read only for a trigger near enough to be the same act:
        // most pairs differ in type or sentence, and the gap may be long.
        let same = kept.last().is_some_and(|p| {
            if p.trigger.event_type != h.trigger.event_type
                || mediation(p) != mediation(&h)
                || doc.sentence_of(p.start) != s
            {
                return false;
            }
            let between = p.end..h.start;
            let plain = || between.clone().all(|t| doc.tokens[t].kind != TokenKind::Punct);
            let opener = |t: usize| doc.w(t) == "و" || doc.w(t) == "ثم" || opens_clause(doc, t);
            let open = |t: usize| !is_hard_stop(doc, t) && !opener(t);
            let aside = || between.clone().all(|t| open(t) && doc.entity_at.get(t).is_none());
            let light = || cue_at(p.start) == Some(Cue::Light) && between.clone().all(open);
            (h.start <= p.end + if purpose { 12 } else { 6 } && plain())
                || (h.start <= p.end + 10 && aside())
                || (h.start <= p.end + 14 && light())
        });
        match kept.last_mut() {
            // The object says how: "شنت ... ضربات جوية" is an air strike.
            Some(p) if same => {
                p.reach = p.reach.max(h.end);
                if p.trigger.mode.is_none() && h.trigger.mode.is_some() {
                    p.trigger = h.trigger;
                }
            }
            _ => kept.push(h),
        }
    }
    kept
}

/// The events of a document.
pub fn extract<'e>(doc: &Doc<'e>, times: &[Time]) -> Vec<Event> {
    let doc = &Article::new(doc);
    let set = triggers();
    let hits = find_triggers(doc, set);
    let cue_set = cues();
    // Cues are asked about again and again for the tokens around triggers and names, and
    // never for most other tokens: look each token up once, the first time it is asked.
    let cue_table: Vec<Cell<Option<Option<Cue>>>> = vec![Cell::new(None); doc.tokens.len()];
    let cue_at = |t: usize| {
        let slot = cue_table.get(t)?;
        if let Some(known) = slot.get() {
            return known;
        }
        let found = doc.phrase_at(cue_set, t).map(|m| *m.value);
        slot.set(Some(found));
        found
    };
    let (part, located) = participant_tokens(doc, &cue_at);
    let claims = doc.sentence_claims();
    // A source noun ("في بيان مشترك") says where a statement was made; it does not
    // bound the clauses around it the way a reporting verb does.
    let reports = |s: usize| doc.sentence_reports(s).iter().filter(|r| r.2 != Report::Source);
    // Where any trigger of a directed act stands, kept or set aside ("إلى وقف هجماتها"):
    // what follows it inside a speech act's object is that act's business.
    let mut act_at = vec![false; doc.tokens.len()];
    for h in hits.iter().filter(|h| h.trigger.frame == Frame::Act) {
        act_at[h.start] = true;
    }
    let hits = keep_hits(doc, &hits, &cue_at);
    let mut hit_at = vec![false; doc.tokens.len()];
    for h in &hits {
        for slot in &mut hit_at[h.start..h.end] {
            *slot = true;
        }
    }
    // About one event per trigger: sized once, as events are large to move.
    let mut raws: Vec<Raw> = Vec::with_capacity(hits.len() + 8);
    // Trigger offsets of "بوساطة X": mediators of the meeting or accord beside them.
    let mut mediating: BTreeSet<usize> = BTreeSet::new();
    let mut absorbed = vec![false; hits.len()];
    // The parties before and after each trigger, as (token, entity).
    let mut left: Vec<(usize, usize)> = Vec::new();
    let mut right: Vec<(usize, usize)> = Vec::new();
    // The day-level times, in order: each event takes the nearest in its sentence.
    let dates: Vec<&Time> =
        times.iter().filter(|t| t.kind == TimeKind::Date && t.value.is_some()).collect();
    for (n, h) in hits.iter().enumerate() {
        if absorbed[n] {
            continue;
        }
        // "إن الضربات تهدد بتوسيع الصراع": with an event for its subject, a speech verb
        // says what the event risks, not what a party says.
        let after_act = n.checked_sub(1).and_then(|p| hits.get(p)).is_some_and(|p| {
            p.end == h.start
                && p.trigger.frame == Frame::Act
                && doc.sentence_of(p.start) == doc.sentence_of(h.start)
        });
        if h.trigger.frame == Frame::Speech && after_act {
            continue;
        }
        // "يلتقي X نظيره Y ... لبحث مقترح لوقف إطلاق النار مع روسيا": talks "to discuss"
        // are the purpose of the meeting just named, not talks of their own.
        let purpose = h.trigger.event_type == "CONSULT"
            && doc.w(h.start).get(..h.prefix).is_some_and(|p| p.ends_with('ل'))
            && n.checked_sub(1).and_then(|p| hits.get(p)).is_some_and(|p| {
                p.trigger.event_type == "CONSULT"
                    && doc.sentence_of(p.start) == doc.sentence_of(h.start)
                    && !(p.end..h.start).any(|t| is_hard_stop(doc, t))
            });
        if purpose {
            // What is to be discussed ("لبحث وقف إطلاق النار") is its topic, not an event.
            let mut next = n + 1;
            while hits.get(next).is_some_and(|p| in_content(doc, h, p)) {
                absorbed[next] = true;
                next += 1;
            }
            continue;
        }
        let s = doc.sentence_of(h.start);
        let range = doc.sentences[s].clone();
        let ty = h.trigger.event_type.as_str();
        let before = |k: usize| h.start.saturating_sub(k).max(range.start)..h.start;
        let denial = ty == "REJECT" && h.trigger.mode.as_deref() == Some("deny");
        // A speech act's object may name another happening ("أدان ما وصفه بالهجوم
        // الإرهابي الأرمني", "طلبت دعما عسكريا"): it is content, not an event; so are the
        // weapons of aid ("زودتها بصواريخ"), the goods seized ("ضبطت شحنة أسلحة") and the
        // grounds of sanctions. What a denial denies is an event of its own, marked
        // denied.
        let seizure = ty == "COERCE" && h.trigger.mode.as_deref() == Some("seize");
        let absorbs = (h.trigger.frame == Frame::Speech && !denial)
            || matches!(ty, "AID" | "SANCTION")
            || seizure;
        let mut next = n + 1;
        let mut content: Option<&Hit<'_>> = None;
        if absorbs || denial {
            while let Some(p) = hits.get(next) {
                // "نفت روسيا الاتهامات بقصف ...": the accusations a denial answers, and
                // what they are about, are its object.
                if denial && content.is_none() && p.trigger.frame != Frame::Speech {
                    break;
                }
                if !in_content(doc, h, p) {
                    break;
                }
                absorbed[next] = true;
                content.get_or_insert(p);
                next += 1;
            }
        }
        // The clause: bounded by the neighbouring triggers, reporting words and stops.
        let prev_end = hits[..n].iter().rev().find(|p| p.end <= h.start).map_or(0, |p| p.end);
        let next_start = hits.get(next).map_or(usize::MAX, |p| p.start);
        let own_report = |r: &&(usize, usize, Report)| r.0 >= h.start && r.0 < h.end;
        let report_before =
            reports(s).filter(|r| r.1 <= h.start && !own_report(r)).map(|r| r.1).max();
        let report_after = reports(s).filter(|r| r.0 >= h.end).map(|r| r.0).min();
        let mut left_from = h.start.saturating_sub(LEFT_WINDOW).max(range.start).max(prev_end);
        if let Some(r) = report_before {
            left_from = left_from.max(r);
            // "قالت X إن Y قصفت": the reported clause starts after the complementizer.
            if let Some(c) = (left_from..h.start).rev().find(|&t| matches!(doc.w(t), "ان" | "بان"))
            {
                left_from = c + 1;
            }
        }
        // "...، لكنه اتهم أرمينيا", "فيما جددت تركيا": a contrast opens a clause of its own.
        if let Some(stop) =
            (left_from..h.start).rev().find(|&t| is_hard_stop(doc, t) || opens_clause(doc, t))
        {
            left_from = stop + 1;
        }
        parties(&part, left_from, h.start, &mut left);
        // "وافق على المشاركة في محادثات مع X": agreeing to talks is agreeing with X.
        let next_start = match hits.get(next) {
            Some(p)
                if ty == "AGREE"
                    && h.trigger.frame == Frame::Speech
                    && p.trigger.event_type == "CONSULT"
                    && p.trigger.mode.as_deref() != Some("mediation")
                    && p.start <= h.end + 8 =>
            {
                hits.get(next + 1).map_or(usize::MAX, |q| q.start)
            }
            _ => next_start,
        };
        let mut right_to = (h.reach + RIGHT_WINDOW).min(range.end).min(next_start.max(h.reach + 2));
        if let Some(r) = report_after {
            right_to = right_to.min(r.max(h.end));
        }
        let mut found = left.len();
        for t in h.end..right_to {
            // "...، متوعدا بمواصلة العمليات": a circumstantial clause about the subject
            // names its own objects.
            // "التقى X نظيره Y لبحث وقف إطلاق النار مع روسيا": who the topic names does
            // not meet.
            let topic = h.trigger.frame == Frame::Joint && cue_at(t) == Some(Cue::Intention);
            if is_hard_stop(doc, t) || (t > h.end && (topic || cue_at(t) == Some(Cue::Participle)))
            {
                right_to = t;
                break;
            }
            // Past a comma, a clause that already has its parties goes on to other things.
            let enough = if h.trigger.frame == Frame::Joint { 2 } else { 1 };
            if found >= enough && matches!(doc.w(t), "," | "،") {
                right_to = t;
                break;
            }
            if part.get(t).is_some() && (t == h.end || part.get(t) != part.get(t - 1)) {
                found += 1;
            }
        }
        // "أدان X الهجوم الإسرائيلي على دمشق": who the content's act was aimed at is not
        // who the speech act is aimed at.
        let content_act = content
            .filter(|c| c.trigger.frame == Frame::Act)
            .map(|c| c.start)
            .or_else(|| (h.end..right_to).find(|&t| act_at[t]).filter(|_| absorbs));
        let aimed_in_content = |t: usize, k: usize| {
            content_act.is_some_and(|c| {
                t > c && (introduced(doc, t, k) || (c + 1..t).any(|x| opens_phrase(doc, x)))
            })
        };
        parties(&part, h.end, right_to, &mut right);
        right.retain(|&(t, k)| !aimed_in_content(t, k));
        let reciprocal = before(3).any(|t| cue_at(t) == Some(Cue::Reciprocal));
        let participle = before(3).any(|t| cue_at(t) == Some(Cue::Participle));
        let frame = if reciprocal { Frame::Joint } else { h.trigger.frame };
        let dyad_word = (h.end..right_to).chain(before(3)).any(|t| cue_at(t) == Some(Cue::Dyad));
        let pronoun_subject = before(4).any(|t| cue_at(t) == Some(Cue::Pronoun));
        // "أعلنت X مسؤوليتها ...، فيما دان Y الهجوم": a speech act in a clause of its own
        // is its speaker's, not reported by the verb before (but "لكنه اتهم" is the same
        // speaker's).
        let own_clause = |c: &Claim| {
            h.trigger.frame == Frame::Speech
                && !pronoun_subject
                && (c.at..h.start).any(|t| opens_clause(doc, t))
        };
        let claim = doc
            .claimant_with(h.start, &claims)
            .filter(|c| c.report != Report::Source && !own_clause(c));
        let claim_code = claim.and_then(|c| code(doc, c.entity));
        let mut actors: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        // Read as suffered by the parties before it.
        let mut suffered = false;
        match frame {
            Frame::Joint => {
                // "التقى X مع Y و Z", "التقى مع Y و Z": X meets each of them; Y and Z do not
                // meet each other. X is named after the verb, or before it.
                let with_at = (h.end..right_to).find(|&t| doc.w(t) == "مع");
                let guests: Vec<usize> = with_at
                    .map(|m| right.iter().filter(|&&(t, _)| t > m).map(|&(_, k)| k).collect())
                    .unwrap_or_default();
                if !guests.is_empty() {
                    let named: Vec<usize> = with_at
                        .map(|m| right.iter().filter(|&&(t, _)| t < m).map(|&(_, k)| k).collect())
                        .unwrap_or_default();
                    // With no one named before, the host is the speaker, or whoever the
                    // sentence is about ("لم يحضر الوزير الأرميني ... لكن من المتوقع أن
                    // يجتمع مع ...").
                    let host: Vec<usize> = if !named.is_empty() {
                        named
                    } else if left.is_empty() {
                        claim
                            .map(|c| c.entity)
                            .or_else(|| sentence_subject(doc, range.start, h.start))
                            .or_else(|| (range.start..h.start).find_map(|t| part.get(t)))
                            .into_iter()
                            .collect()
                    } else {
                        coordinated(doc, &left)
                    };
                    if !host.is_empty() {
                        actors.extend(host);
                        targets.extend(guests.iter().copied().filter(|k| !actors.contains(k)));
                    } else {
                        actors.extend(guests);
                    }
                } else {
                    // "الاشتباكات التي اندلعت بين X و Y": parties named after the trigger
                    // are the whole cast; those before it belong to something else.
                    if right.len() < 2 && !dyad_word {
                        actors.extend(coordinated(doc, &left));
                    }
                    for &(_, k) in &right {
                        if !actors.contains(&k) {
                            actors.push(k);
                        }
                    }
                }
            }
            Frame::Act | Frame::Speech => {
                let speech = frame == Frame::Speech;
                // "لا صلة لها بإسرائيل، وطالب ...": a party after a preposition is no
                // speaker (though it may own an act: "الضغط على أذربيجان لإنهاء حصارها").
                let left: &[(usize, usize)] =
                    if speech && left.last().is_some_and(|&(t, k)| introduced(doc, t, k)) {
                        &[]
                    } else {
                        &left
                    };
                // Verb-subject (or masdar + genitive / adjective) first, then subject-verb.
                // A party after a preposition ("عقوبات على روسيا") or after another
                // trigger ("أدانت فيه الهجوم الإسرائيلي") is not this one's subject.
                // "شدد على ضرورة مشاركة تركيا": a speech act written as a prepositional
                // phrase has its speaker before it.
                let prepositional = is_preposition(doc.w(h.start));
                // "إن الاتهامات ... لا صحة لها": a verbless denial is the speaker's.
                let nominal = speech && doc.w(h.start) == "لا";
                // "دعا الأمين العام لحلف الناتو": the party after an office's title holds
                // the office, even behind the genitive ل.
                let subject_after = right.first().filter(|&&(t, k)| {
                    !prepositional
                        && !(h.end..t).any(|x| hit_at[x] || opens_phrase(doc, x))
                        && ((t <= h.end + 2 && !introduced(doc, t, k))
                            || title_between(doc, h.end, t))
                });
                // "تعرضت بلدات لبنانية لقصف إسرائيلي", "قتل جنود في هجوم شنته حماس": the
                // parties before suffered it; the agent follows, right after or after من.
                let prep = doc.w(h.start).get(..h.prefix).is_some_and(|p| p.contains('ل'));
                let prev =
                    h.start.checked_sub(1).filter(|&p| p >= range.start).map_or("", |p| doc.w(p));
                // "شاركت قوات تركية في الهجوم": but taking part in it is doing it.
                let took_part = (units_back(doc, range.start, h.start, 4)..h.start)
                    .any(|t| cue_at(t) == Some(Cue::Participation));
                let oblique = !speech
                    && matches!(ty, "ASSAULT" | "COERCE" | "SANCTION")
                    && (prep || (matches!(prev, "في" | "جراء" | "اثر" | "خلال") && !took_part));
                // Inside reported speech a verb's subject is the speaker unless named:
                // "قال علييف ... لكنه اتهم أرمينيا" — Armenia is the object.
                // But after a back-reference the subject follows: "وهو ما تنفيه أرمينيا".
                let back_reference = h
                    .start
                    .checked_sub(1)
                    .is_some_and(|p| matches!(doc.w(p), "ما" | "الذي" | "التي"));
                let reported =
                    speech && report_before.is_some() && left.is_empty() && !back_reference;
                let after_is_object = reported
                    && subject_after
                        .is_some_and(|&(_, k)| claim_code.is_some() && code(doc, k) != claim_code);
                let mut rest = right.as_slice();
                let adjacent_left =
                    left.last().filter(|&&(t, _)| t + 1 == h.start).map(|&(_, k)| k);
                if oblique {
                    // The agent: right after ("في هجوم شنته حماس"), after من, or glued to
                    // the masdar by the genitive ل ("قتلوا في هجوم لحركة الشباب").
                    let agent = subject_after.map(|&(_, k)| k).or_else(|| {
                        right
                            .iter()
                            .find(|&&(t, _)| {
                                (t > h.end && doc.w(t - 1) == "من")
                                    || (t == h.end && doc.w(t).starts_with('ل'))
                            })
                            .map(|&(_, k)| k)
                    });
                    actors.extend(agent);
                    targets
                        .extend(coordinated(doc, left).into_iter().filter(|k| !actors.contains(k)));
                    suffered = true;
                } else if let (Some(_), false) = (adjacent_left, speech) {
                    // "تركيا نقلت مرتزقة لدعم أذربيجان", "مصر وقطر تكثفان الوساطة": the
                    // subjects right before the verb.
                    actors.extend(coordinated(doc, left));
                } else if after_is_object
                    || (pronoun_subject && left.is_empty())
                    || (nominal && claim.is_some())
                {
                    if let Some(c) = claim {
                        actors.push(c.entity);
                    }
                } else if let Some(&(t0, k0)) = subject_after {
                    actors.push(k0);
                    // Coordinated subjects: "دعت الأمم المتحدة وروسيا وفرنسا"; and the name
                    // after an office of the same side is its holder, not an object ("دعا
                    // الأمين العام للأمم المتحدة أنطونيو غوتيريش ومسؤول ...").
                    let (mut last, mut last_k) = (t0, k0);
                    rest = &right[1..];
                    while let Some(&(t, k)) = rest.first() {
                        let gap = (last + 1..t).all(|x| {
                            doc.entity_at.get(x).is_some() || matches!(doc.w(x), "," | "،")
                        });
                        let joined =
                            doc.w(t).starts_with('و') || (last + 1..t).any(|x| doc.w(x) == "و");
                        let apposed = t == last + 1
                            || (last + 1..t).all(|x| doc.entity_at.get(x) == Some(last_k));
                        let holder = apposed
                            && !joined
                            && doc.entities[k].kind == EntityKind::Person
                            && code(doc, k).is_some()
                            && code(doc, k) == code(doc, last_k);
                        // "غارات أمريكية بريطانية": two states' adjectives on one noun.
                        let adjectives = t == last + 1
                            && [(last, last_k), (t, k)].iter().all(|&(x, e)| {
                                doc.entities[e].kind == EntityKind::Country && is_nisba(doc.w(x))
                            });
                        if !(gap && (joined || holder || adjectives)) {
                            break;
                        }
                        actors.push(k);
                        (last, last_k) = (t, k);
                        rest = &rest[1..];
                    }
                } else if participle {
                    actors.extend(sentence_subject(doc, range.start, h.start));
                } else if !left.is_empty() {
                    // Coordinated subjects before the verb all act ("الولايات المتحدة،
                    // على غرار روسيا، الدعوات").
                    actors.extend(coordinated(doc, left));
                } else if speech {
                    let subject = claim
                        .map(|c| c.entity)
                        .or_else(|| sentence_subject(doc, range.start, h.start));
                    actors.extend(subject);
                }
                for &(_, k) in rest {
                    if !actors.contains(&k) && !targets.contains(&k) {
                        targets.push(k);
                    }
                }
            }
        }
        let mut by_claimant = false;
        if frame != Frame::Speech {
            // A state, not an international body, reports what its side suffered.
            let state_claim =
                claim.filter(|c| c.at < h.start && claim_code.is_some_and(|cc| cc != "INT"));
            let actor_codes: Codes<'e> = actors.iter().filter_map(|&k| code(doc, k)).collect();
            match claim {
                // "نفى الجيش قصف السوق": who denies an act denies doing it.
                Some(c) if c.report == Report::Deny && actors.is_empty() => actors.push(c.entity),
                // "تعرضت مناطق ... لقصف": the reporting side suffered it — a side named
                // before, or after "according to"; a later "وقالت" speaks of what follows.
                Some(c)
                    if ty == "ASSAULT"
                        && actors.is_empty()
                        && targets.is_empty()
                        && (c.at < h.start || c.report == Report::According) =>
                {
                    targets.push(c.entity);
                    by_claimant = true;
                }
                // "وتقول إسرائيل إن 1200 شخص قتلوا في هجوم حماس": the people the reporting
                // state speaks of are its own.
                Some(c)
                    if suffered
                        && targets.is_empty()
                        && state_claim.is_some()
                        && c.report == Report::Say
                        && claim_code.as_ref().is_some_and(|cc| !actor_codes.contains(cc)) =>
                {
                    targets.push(c.entity);
                }
                _ => {}
            }
        }
        let mut locations: Vec<String> = Vec::new();
        // Per place named, nearest after the trigger first: the states it may belong to
        // (the one holding it and the one it lies in).
        let mut place_states: Vec<(usize, Vec<&'e str>)> = Vec::new();
        let named = doc.entity_at.iter().zip(&located).enumerate();
        let scene = |w: Where| w == Where::In || (w == Where::Border && ty == "MOBILIZE");
        for (t, (at, _)) in named.take(right_to).skip(left_from).filter(|(_, (_, &l))| scene(l)) {
            let Some(k) = at else { continue };
            let e = &doc.entities[k];
            let states: Vec<&'e str> = match e.kind {
                EntityKind::Place => {
                    if !locations.contains(&e.id) {
                        locations.push(e.id.clone());
                    }
                    place_states_of(&e.id)
                }
                _ => code(doc, k).into_iter().collect(),
            };
            if !states.is_empty() && !place_states.iter().any(|(_, s)| *s == states) {
                place_states.push((t, states));
            }
        }
        place_states.sort_by_key(|&(t, _)| (t < h.start, t.abs_diff(h.start)));
        // A definite adjective ("الأسبوع المقبل") qualifies what it follows, but a
        // planning phrase ("من المتوقع أن", "تعتزم") governs the whole clause after it.
        let plan_from = {
            let from = range.start.max(prev_end);
            (from..h.start)
                .rev()
                .find(|&t| is_hard_stop(doc, t) || opens_clause(doc, t))
                .map_or(from, |t| t + 1)
        };
        let plan_before = (plan_from..h.start)
            .any(|t| cue_at(t) == Some(Cue::Future) && !doc.w(t).starts_with("ال"));
        let future = h.future
            || plan_before
            || (left_from..right_to).any(|t| cue_at(t) == Some(Cue::Future));
        // A speaker's own statement is asserted; what a speaker says another did, or what
        // a state says its forces did, is claimed.
        let speech_by_claimant =
            frame == Frame::Speech && claim.is_some_and(|c| actors.contains(&c.entity));
        let stance = if future {
            Stance::Planned
        } else if claim.is_some_and(|c| c.report == Report::Deny)
            && ty != "REJECT"
            && !speech_by_claimant
        {
            Stance::Denied
        } else if claim.is_some() && !speech_by_claimant {
            Stance::Claimed
        } else {
            Stance::Asserted
        };
        let date = sentence_date(doc, &dates, s, h.start);
        let confidence: f64 = 0.5
            + if actors.is_empty() { 0.0 } else { 0.2 }
            + if targets.is_empty() { 0.0 } else { 0.1 }
            + if h.end - h.start > 1 { 0.1 } else { 0.0 };
        let event = Event {
            event_type: h.trigger.event_type.clone(),
            mode: h.trigger.mode.clone(),
            actors: Vec::new(),
            targets: Vec::new(),
            locations,
            date,
            claimant: claim.filter(|_| !speech_by_claimant).map(|c| actor_id(doc, c.entity)),
            stance,
            sentence: s,
            // The text is cut in only for the events kept (see `with_trigger_text`): most
            // are dropped or merged, and they are cloned while their parties are paired.
            trigger: Span {
                start: doc.tokens[h.start].start as usize,
                end: doc.tokens[h.end - 1].end as usize,
                text: String::new(),
            },
            confidence: confidence.min(0.95),
        };
        // Protesters stand for the country they march in.
        if ty == "PROTEST" && actors.is_empty() && targets.is_empty() {
            if let Some(c) = place_states.first().and_then(|(_, s)| s.first()) {
                let raw = Raw {
                    event,
                    actors: Vec::new(),
                    targets: Vec::new(),
                    extra: vec![*c],
                    dyad: false,
                    frame,
                    by_claimant: false,
                };
                raws.push(raw);
                continue;
            }
        }
        // A dual verb with no parties of its own ("واتفقا") has those of the event before.
        if actors.len() + targets.len() < 2
            && doc.w(h.start).ends_with('ا')
            && frame == Frame::Joint
        {
            if let Some(prev) = raws.last().filter(|r| r.event.sentence == s) {
                actors = prev.actors.clone();
                targets = prev.targets.clone();
            }
        }
        let separately = (left_from..right_to).any(|t| cue_at(t) == Some(Cue::Separately));
        let before_len = raws.len();
        // "وافقتا", "اتفقا": a dual verb is one act of both.
        let dual_verb = doc.w(h.start).ends_with('ا') && h.end == h.start + 1;
        let by_mediation = h.trigger.mode.as_deref() == Some("mediation")
            && doc.w(h.start).trim_start_matches(['و', 'ف']).starts_with('ب');
        if by_mediation {
            mediating.insert(doc.tokens[h.start].start as usize);
        }
        let place_target = frame == Frame::Act
            && (PLACE_TARGET_TYPES.contains(&ty) || h.trigger.mode.as_deref() == Some("visit"));
        split(doc, &mut raws, event, actors, targets, Shape { frame, separately, dual_verb });
        for r in &mut raws[before_len..] {
            r.dyad |= dyad_word;
            r.by_claimant |= by_claimant;
            // "قصفت روسيا خاركيف", "زيارة رسمية إلى لبنان": the state of the place is
            // the party acted on — when someone is named acting ("تأثير الهجمات على قناة
            // السويس" names no one).
            if place_target && !r.actors.is_empty() && r.targets.is_empty() && r.extra.is_empty() {
                let own: Codes<'e> = r.actors.iter().filter_map(|&k| code(doc, k)).collect();
                let other = place_states
                    .iter()
                    .take(1)
                    .find_map(|(_, states)| states.iter().find(|c| !own.contains(c)));
                r.extra.extend(other.copied());
            }
        }
    }
    pair_mediators(doc, &mut raws, &mediating);
    denials_face_the_denied(doc, &mut raws);
    complete_with_dyad(doc, &mut raws);
    let mut merged: Vec<(Codes<'e>, Event)> = Vec::new();
    for mut r in raws {
        let codes = raw_codes(doc, &r);
        if codes.is_empty() && r.event.event_type != "PROTEST" {
            continue;
        }
        if codes.len() > MAX_PARTIES {
            continue;
        }
        r.event.actors = dedup(r.actors.iter().map(|&k| actor_id(doc, k)));
        r.event.targets = dedup(
            r.targets
                .iter()
                .map(|&k| actor_id(doc, k))
                .chain(r.extra.iter().map(|c| c.to_string())),
        );
        merge(&mut merged, codes, r.event);
    }
    merged.into_iter().map(|(_, e)| with_trigger_text(doc, e)).collect()
}

/// The event with its trigger's text, cut from the tokens its span covers: the span runs
/// from the start of one token to the end of another.
fn with_trigger_text(doc: &Article<'_, '_>, mut e: Event) -> Event {
    let i = doc.tokens.partition_point(|t| (t.start as usize) < e.trigger.start);
    let j = doc.tokens.partition_point(|t| (t.end as usize) <= e.trigger.end);
    e.trigger = doc.span(i, j.max(i + 1));
    e
}

/// The participant codes of a raw event.
fn raw_codes<'e>(doc: &Article<'_, 'e>, r: &Raw<'e>) -> Codes<'e> {
    let mut codes: Codes<'e> =
        r.actors.iter().chain(&r.targets).filter_map(|&k| code(doc, k)).collect();
    codes.extend(r.extra.iter().copied());
    codes
}

/// "بوساطة مصرية قطرية", "برعاية تركيا والأمم المتحدة": each mediator consults with each
/// party of the meeting or accord the sentence names beside it (the one before, else the
/// one after); the mediation raw itself gives way to those pairs.
fn pair_mediators<'e>(doc: &Article<'_, 'e>, raws: &mut Vec<Raw<'e>>, mediating: &BTreeSet<usize>) {
    let starts: BTreeSet<(usize, usize)> = raws
        .iter()
        .filter(|r| r.event.mode.as_deref() == Some("mediation"))
        .filter(|r| mediating.contains(&r.event.trigger.start))
        .map(|r| (r.event.sentence, r.event.trigger.start))
        .collect();
    for (s, at) in starts {
        let mine = |r: &Raw| r.event.sentence == s && r.event.trigger.start == at;
        let brokered = |r: &Raw| {
            r.event.sentence == s
                && r.frame == Frame::Joint
                && matches!(r.event.event_type.as_str(), "CONSULT" | "AGREE")
                && r.event.mode.as_deref() != Some("mediation")
        };
        let target = raws
            .iter()
            .rposition(|r| brokered(r) && r.event.trigger.start < at)
            .or_else(|| raws.iter().position(|r| brokered(r) && r.event.trigger.start > at));
        let Some(j) = target else { continue };
        let mut mediators: Vec<usize> = Vec::new();
        for r in raws.iter().filter(|r| mine(r)) {
            for &k in r.actors.iter().chain(&r.targets) {
                if !mediators.contains(&k) {
                    mediators.push(k);
                }
            }
        }
        let mediator_codes: Codes<'e> = mediators.iter().filter_map(|&k| code(doc, k)).collect();
        let template = match raws.iter().find(|r| mine(r)) {
            Some(r) => r.event.clone(),
            None => continue,
        };
        // The parties of the brokered event, one entity per state.
        let mut party_codes: Codes<'e> = Codes::default();
        let mut parties: Vec<(Option<usize>, &'e str)> = Vec::new();
        for &k in raws[j].actors.iter().chain(&raws[j].targets) {
            if let Some(c) = code(doc, k).filter(|c| !mediator_codes.contains(c)) {
                if party_codes.insert(c) {
                    parties.push((Some(k), c));
                }
            }
        }
        for &c in &raws[j].extra {
            if !mediator_codes.contains(c) && party_codes.insert(c) {
                parties.push((None, c));
            }
        }
        if parties.is_empty() {
            continue;
        }
        let brokered_event = &mut raws[j];
        brokered_event.actors.retain(|k| !mediators.contains(k));
        brokered_event.targets.retain(|k| !mediators.contains(k));
        let mut seen: Codes<'e> = Codes::default();
        let mut pairs: Vec<Raw> = Vec::new();
        for &m in &mediators {
            let Some(mc) = code(doc, m) else { continue };
            if !seen.insert(mc) {
                continue;
            }
            for (k, c) in &parties {
                pairs.push(Raw {
                    event: template.clone(),
                    actors: vec![m],
                    targets: k.iter().copied().collect(),
                    extra: if k.is_some() { Vec::new() } else { vec![*c] },
                    dyad: false,
                    frame: Frame::Act,
                    by_claimant: false,
                });
            }
        }
        raws.retain(|r| !mine(r));
        raws.extend(pairs);
    }
}

/// A denial with no one it answers ("نفت روسيا أن تكون قد قصفت مستشفى في كييف",
/// "... الأمر الذي نفته موسكو") faces the other parties of what it denies: the event the
/// sentence goes on to deny, else the one it has just reported.
fn denials_face_the_denied<'e>(doc: &Article<'_, 'e>, raws: &mut [Raw<'e>]) {
    for i in 0..raws.len() {
        let r = &raws[i];
        let denial = r.event.event_type == "REJECT" && r.event.mode.as_deref() == Some("deny");
        if !denial || !r.targets.is_empty() || !r.extra.is_empty() {
            continue;
        }
        let (s, at) = (r.event.sentence, r.event.trigger.start);
        let denier = raw_codes(doc, r);
        let denied = raws
            .iter()
            .filter(|q| q.event.sentence == s && q.event.trigger.start != at)
            .filter(|q| q.event.event_type != "REJECT")
            .min_by_key(|q| (q.event.trigger.start < at, q.event.trigger.start.abs_diff(at)));
        let Some(q) = denied else { continue };
        let others: Vec<&'e str> =
            raw_codes(doc, q).into_iter().filter(|c| !denier.contains(c)).collect();
        raws[i].extra.extend(others);
    }
}

fn dedup(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = Vec::with_capacity(ids.size_hint().0);
    for id in ids {
        if !v.contains(&id) {
            v.push(id);
        }
    }
    v
}

impl Raw<'_> {
    /// An event with these parties, before any dyad completion.
    fn new(event: Event, actors: Vec<usize>, targets: Vec<usize>, frame: Frame) -> Self {
        Raw { event, actors, targets, extra: Vec::new(), dyad: false, frame, by_claimant: false }
    }
}

/// How a trigger's parties are to be grouped into events.
#[derive(Debug, Clone, Copy)]
struct Shape {
    frame: Frame,
    /// "بشكل منفصل": one meeting per guest.
    separately: bool,
    /// "وافقتا": one act of both subjects.
    dual_verb: bool,
}

/// One event per actor–target pair for directed frames (an accusation of two states is
/// two accusations); a meeting held "separately" is one meeting per guest.
fn split<'e>(
    doc: &Article<'_, 'e>,
    raws: &mut Vec<Raw<'e>>,
    event: Event,
    actors: Vec<usize>,
    targets: Vec<usize>,
    shape: Shape,
) {
    let Shape { frame, separately, dual_verb } = shape;
    // Parties are few: count their distinct codes in place.
    let distinct = |v: &[usize]| {
        let codes = || v.iter().filter_map(|&k| code(doc, k));
        codes().enumerate().filter(|&(i, c)| !codes().take(i).any(|x| x == c)).count()
    };
    // A state does not act on itself ("اتهم باشينيان أذربيجان باستهداف سيادة أرمينيا");
    // but an armed group and the state it fights are two sides of one country ("اتهم
    // الجيش السوداني قوات الدعم السريع", "هاجمت حركة الشباب قاعدة للجيش الصومالي"),
    // when no party of another country is named.
    let group = |k: usize| doc.entities[k].kind == EntityKind::Group;
    let own_side = |k: usize, rivals: bool| {
        code(doc, k).is_some_and(|c| {
            actors.iter().any(|&a| code(doc, a) == Some(c) && (!rivals || group(a) == group(k)))
        })
    };
    let mut kept: Vec<usize> = targets.iter().copied().filter(|&k| !own_side(k, false)).collect();
    if kept.is_empty() {
        let mut rivals =
            targets.iter().copied().filter(|&k| !actors.contains(&k) && !own_side(k, true));
        if let (Some(k), None) = (rivals.next(), rivals.next()) {
            kept.push(k);
        }
    }
    let targets = kept;
    // A joint statement is one event per signatory.
    if frame == Frame::Speech && actors.len() > 1 && !dual_verb {
        for a in actors {
            split(doc, raws, event.clone(), vec![a], targets.clone(), shape);
        }
        return;
    }
    if frame != Frame::Joint && targets.len() > 1 {
        for t in targets {
            raws.push(Raw::new(event.clone(), actors.clone(), vec![t], frame));
        }
        return;
    }
    // "التقى X مع Y و Z": X meets each of them, Y and Z do not meet each other; "أجرى X
    // و Y مباحثات منفصلة مع Z": each of them meets Z.
    let one_host = distinct(&actors) == 1 && distinct(&targets) > 1;
    if frame == Frame::Joint && !targets.is_empty() && (separately || one_host) {
        for &a in &actors {
            for &t in &targets {
                raws.push(Raw::new(event.clone(), vec![a], vec![t], frame));
            }
        }
        return;
    }
    if frame == Frame::Joint && separately && distinct(&actors) >= 3 {
        // The host is the last party named ("... مع نظيرهما الأميركي").
        if let Some((&host, guests)) = actors.split_last() {
            for &g in guests {
                raws.push(Raw::new(event.clone(), vec![g], vec![host], frame));
            }
            return;
        }
    }
    raws.push(Raw::new(event, actors, targets, frame));
}

/// The pair of states the article's fighting is between, if one pair dominates.
fn dyad<'e>(doc: &Article<'_, 'e>, raws: &[Raw<'e>]) -> Option<(&'e str, &'e str)> {
    let mut counts: Vec<((&'e str, &'e str), usize)> = Vec::new();
    for r in raws.iter().filter(|r| r.event.event_type == "ASSAULT") {
        let codes: Codes<'e> = r
            .actors
            .iter()
            .chain(&r.targets)
            .filter_map(|&k| code(doc, k))
            .filter(|c| *c != "INT")
            .collect();
        if codes.len() == 2 {
            let mut it = codes.into_iter();
            let pair = (it.next()?, it.next()?);
            match counts.iter_mut().find(|(p, _)| *p == pair) {
                Some((_, n)) => *n += 1,
                None => counts.push((pair, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().next().map(|(p, _)| p)
}

/// Fills in the other side of one-sided events from the article's dominant dyad: a
/// strike reported by one belligerent is against the other; a mediator's ceasefire is
/// between the two; mediation is with each of them. A meeting with one known party and
/// no dyad to lean on is dropped.
fn complete_with_dyad<'e>(doc: &Article<'_, 'e>, raws: &mut Vec<Raw<'e>>) {
    let pair = dyad(doc, raws);
    let mut extra_raws = Vec::new();
    raws.retain_mut(|r| {
        if r.dyad {
            if let Some((a, b)) = &pair {
                if r.frame == Frame::Joint {
                    for c in [a, b] {
                        if !r.extra.contains(c) {
                            r.extra.push(c);
                        }
                    }
                } else {
                    // "حض X الطرفين", "تكثف مصر وقطر الوساطة بين الجانبين": each actor
                    // with each side, not the sides with each other.
                    let mut seen: Codes<'e> = Codes::default();
                    let distinct: Vec<usize> = r
                        .actors
                        .iter()
                        .copied()
                        .filter(|&k| code(doc, k).is_some_and(|c| seen.insert(c)))
                        .collect();
                    let groups: Vec<Vec<usize>> = if distinct.len() > 1 {
                        distinct.into_iter().map(|m| vec![m]).collect()
                    } else {
                        vec![r.actors.clone()]
                    };
                    let pairs: Vec<(Vec<usize>, &'e str)> =
                        groups.into_iter().flat_map(|g| [(g.clone(), *a), (g, *b)]).collect();
                    let mut pairs = pairs.into_iter();
                    if let Some((acts, side)) = pairs.next() {
                        r.actors = acts;
                        r.extra.push(side);
                    }
                    for (acts, side) in pairs {
                        let mut more = Raw {
                            event: r.event.clone(),
                            actors: acts,
                            targets: r.targets.clone(),
                            extra: vec![side],
                            dyad: false,
                            frame: r.frame,
                            by_claimant: r.by_claimant,
                        };
                        more.event.confidence *= 0.9;
                        extra_raws.push(more);
                    }
                }
            }
        }
        let codes = raw_codes(doc, r);
        // A truce with no one named ("بعد فشل محاولات الوصول لهدنة") is the fighting
        // sides' truce.
        if codes.is_empty() && r.event.mode.as_deref() == Some("ceasefire") {
            if let Some((a, b)) = &pair {
                r.extra = vec![*a, *b];
            }
            return true;
        }
        // "ومصر وقطر تكثفان الوساطة": each mediator with each fighting side.
        let only_mediators = r.targets.is_empty() && r.extra.is_empty();
        if r.event.mode.as_deref() == Some("mediation") && codes.len() > 1 && only_mediators {
            if let Some((a, b)) =
                pair.as_ref().filter(|(a, b)| !codes.contains(a) && !codes.contains(b))
            {
                let mut seen: Codes<'e> = Codes::default();
                for &m in r.actors.iter().chain(&r.targets) {
                    if !code(doc, m).is_some_and(|c| seen.insert(c)) {
                        continue;
                    }
                    for side in [a, b] {
                        extra_raws.push(Raw {
                            event: r.event.clone(),
                            actors: vec![m],
                            targets: Vec::new(),
                            extra: vec![*side],
                            dyad: false,
                            frame: r.frame,
                            by_claimant: false,
                        });
                    }
                }
                return false;
            }
        }
        if codes.len() != 1 {
            return true;
        }
        let Some(only) = codes.into_iter().next() else { return true };
        let ty = r.event.event_type.as_str();
        let mediation = r.event.mode.as_deref() == Some("mediation");
        let ceasefire = r.event.mode.as_deref() == Some("ceasefire");
        match &pair {
            Some((a, b)) => {
                let in_pair = only == *a || only == *b;
                let other = if only == *a { *b } else { *a };
                if ty == "ASSAULT" && r.by_claimant && !in_pair {
                    // A claimant outside the fighting did not suffer it.
                    return false;
                }
                if (ty == "ASSAULT" || ceasefire) && in_pair {
                    r.extra.push(other);
                } else if ceasefire && !in_pair {
                    // The mediator is not a party to the ceasefire.
                    r.actors.clear();
                    r.targets.clear();
                    r.extra = vec![*a, *b];
                } else if mediation && !in_pair {
                    let mut second = Raw {
                        event: r.event.clone(),
                        actors: r.actors.clone(),
                        targets: r.targets.clone(),
                        extra: vec![*b],
                        dyad: false,
                        frame: r.frame,
                        by_claimant: false,
                    };
                    second.event.confidence *= 0.8;
                    extra_raws.push(second);
                    r.extra.push(*a);
                } else if ty == "CONSULT" {
                    return false;
                }
                true
            }
            None => ty != "CONSULT",
        }
    });
    raws.extend(extra_raws);
}

/// Adds an event unless one of the same type and participants is there; then the first
/// keeps the place and date it lacked.
fn merge<'e>(events: &mut Vec<(Codes<'e>, Event)>, codes: Codes<'e>, e: Event) {
    if let Some((_, old)) =
        events.iter_mut().find(|(c, o)| *c == codes && o.event_type == e.event_type)
    {
        if old.date.is_none() {
            old.date = e.date;
        }
        for l in e.locations {
            if !old.locations.contains(&l) {
                old.locations.push(l);
            }
        }
        old.confidence = old.confidence.max(e.confidence);
        return;
    }
    events.push((codes, e));
}

/// The day-level time of the sentence nearest to the trigger, of the article's `dates`
/// (its times of kind date, with a value).
fn sentence_date(doc: &Article<'_, '_>, dates: &[&Time], s: usize, at: usize) -> Option<String> {
    let r = &doc.sentences[s];
    let (a, b) = (doc.tokens[r.start].start as usize, doc.tokens[r.end - 1].end as usize);
    let pos = doc.tokens[at].start as usize;
    dates
        .iter()
        .filter(|t| t.span.start >= a && t.span.end <= b)
        .min_by_key(|t| t.span.start.abs_diff(pos))
        .and_then(|t| t.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_is_documented() {
        let doc = include_str!("../PLOVER.md");
        for r in tsv_rows(TRIGGERS) {
            if let Some(m) = r.get(2).filter(|m| !m.is_empty()) {
                assert!(doc.contains(&format!("`{m}`")), "mode {m} of {r:?} not in PLOVER.md");
            }
        }
        for m in ["walkout", "seize"] {
            assert!(doc.contains(&format!("`{m}`")), "rewritten mode {m} not in PLOVER.md");
        }
    }

    #[test]
    fn every_trigger_row_loads_with_a_plover_type() {
        for r in tsv_rows(TRIGGERS) {
            assert!(PLOVER_TYPES.contains(&r[1]), "bad type in {r:?}");
            assert!(
                matches!(r.get(3).copied(), Some("act" | "speech" | "joint")),
                "bad frame in {r:?}"
            );
        }
        assert!(triggers().len() > 200);
        for t in PLOVER_TYPES {
            assert!(TRIGGERS.contains(&format!("\t{t}\t")), "no trigger for {t}");
        }
    }
}
