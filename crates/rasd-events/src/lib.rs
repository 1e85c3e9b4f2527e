//! PLOVER events: the `events` section of `rasd.document/1`.
//!
//! A trigger word (`data/lexicon/event_triggers.tsv`) gives the type, mode and *frame*
//! of an event; the frame says where its participants stand:
//! - `act`: the actor is the subject — the entity right after the verb or noun
//!   ("قصفت روسيا", "وساطة روسيا", "القصف الأذربيجاني") or before it ("أذربيجان شنت") —
//!   and the entities after it are targets;
//! - `speech`: a speech act (اتهم، نفى، دعا ...); the speaker is the actor, or the
//!   sentence's claimant when the clause names no one;
//! - `joint`: every party in the clause counts ("اشتباكات بين X و Y", "التقى X مع Y").
//!
//! Participants are entities that stand for a state or an international body
//! (countries; ministries, forces, officials with their state; the UN, the EU ...); a
//! capital stands for its state, other places become `locations`. Negated triggers
//! ("لم يحدث لقاء") are dropped; future ones (سيلتقي، من المقرر، المقبل) are `planned`;
//! attributed ones are `claimed`, or `denied` under a denial; a denial is also a REJECT
//! event of its own. Statements of one happening within an article (same type, same
//! participants) merge into one event.
#![deny(missing_docs)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rasd_attribution::{Doc, Report};
use rasd_model::{EntityKind, Event, Stance, Time, TimeKind};
use rasd_text::phrases::{strip_article, tsv_rows, PhraseSet};
use rasd_text::TokenKind;

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
}

const TRIGGERS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/event_triggers.tsv"));
const CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/event_cues.tsv"));

/// The 16 PLOVER event types.
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
                _ => return None,
            };
            Some((*r.first()?, c))
        }))
    })
}

/// Tokens after a trigger searched for its arguments.
const RIGHT_WINDOW: usize = 12;
/// Tokens before a trigger searched for its subject.
const LEFT_WINDOW: usize = 8;
/// At most this many participants per event: more are rarely one happening.
const MAX_PARTIES: usize = 4;

/// One trigger occurrence.
struct Hit<'a> {
    start: usize,
    end: usize,
    trigger: &'a Trigger,
    future: bool,
}

fn find_triggers<'a>(doc: &Doc<'_>, set: &'a PhraseSet<Trigger>) -> Vec<Hit<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !doc.is_word(i) || doc.entity_at[i].is_some() {
            i += 1;
            continue;
        }
        if let Some(m) = set.match_at(&doc.view, &doc.tokens, i) {
            out.push(Hit { start: i, end: m.end, trigger: m.value, future: false });
            i = m.end;
            continue;
        }
        // سيلتقي، ستعقد: the future prefix on a present-tense verb.
        let w = doc.w(i);
        if let Some(rest) = w.strip_prefix('س').filter(|r| r.starts_with(['ي', 'ت', 'ن'])) {
            if let Some(t) = set.get(strip_article(rest)) {
                out.push(Hit { start: i, end: i + 1, trigger: t, future: true });
            }
        }
        i += 1;
    }
    out
}

/// The participant code of an entity (its state, or INT), if it can take part.
fn code(doc: &Doc<'_>, k: usize) -> Option<String> {
    let e = &doc.entities[k];
    match e.kind {
        EntityKind::Country => Some(e.id.clone()),
        EntityKind::Org => Some(e.country.clone().unwrap_or_else(|| "INT".to_string())),
        EntityKind::Group | EntityKind::Person => e.country.clone(),
        EntityKind::Place => capital_state(&e.id),
    }
}

/// A capital speaks for its state ("باكو ويريفان").
fn capital_state(id: &str) -> Option<String> {
    rasd_kb::Kb::embedded().by_id(id).filter(|p| p.capital).and_then(|p| p.country.clone())
}

/// The entity id an actor list carries: a capital is replaced by its state.
fn actor_id(doc: &Doc<'_>, k: usize) -> String {
    let e = &doc.entities[k];
    if e.kind == EntityKind::Place {
        if let Some(c) = capital_state(&e.id) {
            return c;
        }
    }
    e.id.clone()
}

/// Participant entities in tokens `[from, to)`, in order, without repeats.
fn parties(doc: &Doc<'_>, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for t in from..to.min(doc.tokens.len()) {
        if let Some(k) = doc.entity_at[t] {
            if code(doc, k).is_some() && !out.iter().any(|&(_, x)| x == k) {
                out.push((t, k));
            }
        }
    }
    out
}

fn is_hard_stop(doc: &Doc<'_>, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Punct && matches!(doc.w(t), "." | ";" | ":" | "?" | "!")
}

/// The events of a document.
pub fn extract(doc: &Doc<'_>, times: &[Time]) -> Vec<Event> {
    let set = triggers();
    let hits = find_triggers(doc, set);
    let cue_set = cues();
    let mut events: Vec<(BTreeSet<String>, Event)> = Vec::new();
    let claims = doc.sentence_claims();
    for (n, h) in hits.iter().enumerate() {
        let s = doc.sentence_of(h.start);
        let range = doc.sentences[s].clone();
        // Negation right before the trigger: "لم يحدث لقاء", "لن نتخلى".
        let negated = (h.start.saturating_sub(2).max(range.start)..h.start)
            .any(|t| matches!(cue_set.match_at(&doc.view, &doc.tokens, t), Some(m) if *m.value == Cue::Negation));
        if negated {
            continue;
        }
        // A ceasefire someone calls for is a request, not an agreement.
        if h.trigger.event_type == "AGREE" {
            let called = hits[..n]
                .iter()
                .rev()
                .take_while(|p| p.end + 4 >= h.start && p.start >= range.start)
                .any(|p| p.trigger.event_type == "REQUEST");
            if called {
                continue;
            }
        }
        let prev_end = hits[..n].iter().rev().find(|p| p.end <= h.start).map_or(0, |p| p.end);
        let next_start = hits.get(n + 1).map_or(usize::MAX, |p| p.start);
        let mut left_from = h.start.saturating_sub(LEFT_WINDOW).max(range.start).max(prev_end);
        for t in left_from..h.start {
            if is_hard_stop(doc, t) {
                left_from = t + 1;
            }
        }
        let mut right_to = (h.end + RIGHT_WINDOW).min(range.end).min(next_start.max(h.end + 2));
        for t in h.end..right_to {
            if is_hard_stop(doc, t) {
                right_to = t;
                break;
            }
        }
        let right = parties(doc, h.end, right_to);
        let left = parties(doc, left_from, h.start);
        let claim = doc.claimant_with(h.start, &claims);
        let mut actors: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        match h.trigger.frame {
            Frame::Joint => {
                actors.extend(left.iter().rev().take(2).map(|&(_, k)| k));
                actors.extend(right.iter().map(|&(_, k)| k));
            }
            Frame::Act | Frame::Speech => {
                // Verb-subject (or masdar + genitive / adjective) first, then subject-verb.
                let subject_after =
                    right.first().filter(|&&(t, _)| t <= h.end + 2).map(|&(_, k)| k);
                let subject_before = left.last().map(|&(_, k)| k);
                let speaker = if h.trigger.frame == Frame::Speech {
                    claim.filter(|c| c.report != Report::Source).map(|c| c.entity)
                } else {
                    None
                };
                let actor = subject_after.or(subject_before).or(speaker);
                if let Some(a) = actor {
                    actors.push(a);
                }
                targets.extend(right.iter().map(|&(_, k)| k).filter(|k| Some(*k) != actor));
            }
        }
        // "تعرضت X لقصف": the subject suffered it.
        if h.trigger.event_type == "ASSAULT" && actors.is_empty() && targets.is_empty() {
            if let Some(c) = claim {
                targets.push(c.entity);
            }
        }
        let mut codes: BTreeSet<String> = BTreeSet::new();
        let mut keep = |list: &mut Vec<usize>| {
            list.retain(|&k| match code(doc, k) {
                Some(c) if codes.len() < MAX_PARTIES || codes.contains(&c) => {
                    codes.insert(c);
                    true
                }
                _ => false,
            });
        };
        keep(&mut actors);
        keep(&mut targets);
        if codes.is_empty() && h.trigger.event_type != "PROTEST" {
            continue;
        }
        let locations: Vec<String> = (left_from..right_to)
            .filter_map(|t| doc.entity_at[t])
            .filter(|&k| doc.entities[k].kind == EntityKind::Place && code(doc, k).is_none())
            .map(|k| doc.entities[k].id.clone())
            .fold(Vec::new(), |mut v, id| {
                if !v.contains(&id) {
                    v.push(id);
                }
                v
            });
        let future = h.future
            || (left_from..right_to).any(|t| {
                matches!(cue_set.match_at(&doc.view, &doc.tokens, t), Some(m) if *m.value == Cue::Future)
            });
        let speech_by_claimant =
            h.trigger.frame == Frame::Speech && claim.is_some_and(|c| actors.contains(&c.entity));
        let stance = if future {
            Stance::Planned
        } else if claim.is_some_and(|c| c.report == Report::Deny)
            && h.trigger.event_type != "REJECT"
        {
            Stance::Denied
        } else if claim.is_some() && !speech_by_claimant {
            Stance::Claimed
        } else {
            Stance::Asserted
        };
        let date = sentence_date(doc, times, s, h.start);
        let confidence = 0.5
            + if actors.is_empty() { 0.0 } else { 0.2 }
            + if targets.is_empty() { 0.0 } else { 0.1 }
            + if h.end - h.start > 1 { 0.1 } else { 0.0 };
        let event = Event {
            event_type: h.trigger.event_type.clone(),
            mode: h.trigger.mode.clone(),
            actors: actors.iter().map(|&k| actor_id(doc, k)).collect(),
            targets: targets.iter().map(|&k| actor_id(doc, k)).collect(),
            locations,
            date,
            claimant: claim.filter(|_| !speech_by_claimant).map(|c| actor_id(doc, c.entity)),
            stance,
            sentence: s,
            trigger: doc.span(h.start, h.end),
            confidence: (confidence as f64).min(0.95),
        };
        merge(&mut events, codes, event);
    }
    events.into_iter().map(|(_, e)| e).collect()
}

/// Adds an event unless one of the same type and participants is there; then the first
/// keeps the place and date it lacked.
fn merge(events: &mut Vec<(BTreeSet<String>, Event)>, codes: BTreeSet<String>, e: Event) {
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

/// The day-level time of the sentence nearest to the trigger.
fn sentence_date(doc: &Doc<'_>, times: &[Time], s: usize, at: usize) -> Option<String> {
    let r = &doc.sentences[s];
    let (a, b) = (doc.tokens[r.start].start as usize, doc.tokens[r.end - 1].end as usize);
    let pos = doc.tokens[at].start as usize;
    times
        .iter()
        .filter(|t| {
            t.kind == TimeKind::Date && t.value.is_some() && t.span.start >= a && t.span.end <= b
        })
        .min_by_key(|t| t.span.start.abs_diff(pos))
        .and_then(|t| t.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_row_loads_with_a_plover_type() {
        let rows = tsv_rows(TRIGGERS).count();
        assert!(triggers().len() + 10 >= rows, "{} of {rows}", triggers().len());
        for t in PLOVER_TYPES {
            assert!(TRIGGERS.contains(&format!("\t{t}\t")), "no trigger for {t}");
        }
    }
}
