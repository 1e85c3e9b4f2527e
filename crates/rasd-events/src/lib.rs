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
    Intention,
    Separately,
    Halt,
    Reference,
    Dyad,
    Pronoun,
    Hypothetical,
    Reciprocal,
    Participle,
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
                "intention" => Cue::Intention,
                "separately" => Cue::Separately,
                "halt" => Cue::Halt,
                "reference" => Cue::Reference,
                "dyad" => Cue::Dyad,
                "pronoun" => Cue::Pronoun,
                "hypothetical" => Cue::Hypothetical,
                "reciprocal" => Cue::Reciprocal,
                "participle" => Cue::Participle,
                _ => return None,
            };
            Some((*r.first()?, c))
        }))
    })
}

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
                });
                i = m.end;
                continue;
            }
        }
        // سيلتقي، ستعقد: the future prefix on a present-tense verb.
        let w = doc.w(i);
        if let Some(rest) = w.strip_prefix('س').filter(|r| r.starts_with(['ي', 'ت', 'ن'])) {
            if let Some(t) = set.get(strip_article(rest)) {
                out.push(Hit { start: i, end: i + 1, trigger: t, future: true, prefix: 0 });
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
    doc: &Doc<'_>,
    hits: &[Hit<'_>],
    n: usize,
    cue_at: &dyn Fn(usize) -> Option<Cue>,
) -> bool {
    let h = &hits[n];
    let range = doc.sentences[doc.sentence_of(h.start)].clone();
    let ty = h.trigger.event_type.as_str();
    let before = |k: usize| h.start.saturating_sub(k).max(range.start)..h.start;
    let cue_before = |k: usize, c: Cue| before(k).any(|t| cue_at(t) == Some(c));
    if cue_before(2, Cue::Negation)
        || cue_before(4, Cue::Intention)
        || cue_before(4, Cue::Hypothetical)
    {
        return true;
    }
    if ty == "ASSAULT" && cue_before(3, Cue::Halt) {
        return true;
    }
    if ty == "AGREE" && cue_before(2, Cue::Reference) {
        return true;
    }
    if ty == "REQUEST" {
        let invite = cue_at(h.start) == Some(Cue::Invite) || cue_before(1, Cue::Invite);
        let purpose = h.prefix > 0 && doc.w(h.start).starts_with('ل') && n > 0;
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

/// The participant code of an entity (its state, or INT), if it can take part.
fn code(doc: &Doc<'_>, k: usize) -> Option<String> {
    let e = &doc.entities[k];
    let kb = rasd_kb::Kb::embedded();
    match e.kind {
        // States that no longer exist (ISO 3166-3) appear in history, not as parties.
        EntityKind::Country if matches!(e.id.as_str(), "SUN" | "YUG" | "CSK" | "DDR" | "YMD") => {
            None
        }
        EntityKind::Country => Some(e.id.clone()),
        // News outlets report events; they do not take part in them.
        EntityKind::Org if kb.by_id(&e.id).is_some_and(|x| x.media) => None,
        EntityKind::Org => Some(e.country.clone().unwrap_or_else(|| "INT".to_string())),
        EntityKind::Group | EntityKind::Person => e.country.clone(),
        EntityKind::Place => capital_state(&e.id),
    }
}

/// A capital speaks for its state ("باكو ويريفان").
fn capital_state(id: &str) -> Option<String> {
    rasd_kb::Kb::embedded().by_id(id).filter(|p| p.capital).and_then(|p| p.country.clone())
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

/// Per token: the entity there takes part (not a place named as a location).
fn participant_tokens(doc: &Doc<'_>) -> Vec<Option<usize>> {
    let mut out = vec![None; doc.tokens.len()];
    let mut t = 0;
    while t < doc.tokens.len() {
        let Some(k) = doc.entity_at[t] else {
            t += 1;
            continue;
        };
        let mut end = t + 1;
        while end < doc.tokens.len() && doc.entity_at[end] == Some(k) {
            end += 1;
        }
        let prev = t.checked_sub(1).map_or("", |p| doc.w(p));
        let prev2 = t.checked_sub(2).map_or("", |p| doc.w(p));
        // "بواشنطن", "في أذربيجان", "الحدود مع إيران".
        // "بواشنطن": a place with the preposition ب glued on (not a name that starts with ب).
        let glued_bi = doc.entities[k].kind == EntityKind::Place && {
            let tok_start = doc.tokens[t].start as usize;
            let mention_start = doc.entities[k]
                .mentions
                .iter()
                .find(|m| m.start >= tok_start && m.start < doc.tokens[t].end as usize)
                .map_or(tok_start, |m| m.start);
            doc.text.chars().skip(tok_start).take(mention_start - tok_start).any(|c| c == 'ب')
        };
        let located = is_locative(prev) || (prev == "مع" && is_locative(prev2)) || glued_bi;
        if !located && code(doc, k).is_some() {
            for slot in &mut out[t..end] {
                *slot = Some(k);
            }
        }
        t = end;
    }
    out
}

/// The first person or body named earlier in the sentence: the subject that
/// circumstantial clauses ("معربا عن تضامن بلاده") go on speaking for.
fn sentence_subject(doc: &Doc<'_>, from: usize, to: usize) -> Option<usize> {
    (from..to).find_map(|t| {
        doc.entity_at[t]
            .filter(|&k| matches!(doc.entities[k].kind, EntityKind::Person | EntityKind::Org))
    })
}

/// The state a place lies in (a capital's or a town's).
fn place_state(id: &str) -> Option<String> {
    rasd_kb::Kb::embedded()
        .by_id(id)
        .and_then(|p| p.backed_by.clone().or_else(|| p.country.clone()))
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
fn parties(part: &[Option<usize>], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (t, slot) in part.iter().enumerate().take(to.min(part.len())).skip(from) {
        if let Some(k) = *slot {
            if !out.iter().any(|&(_, x)| x == k) {
                out.push((t, k));
            }
        }
    }
    out
}

fn is_hard_stop(doc: &Doc<'_>, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Punct && matches!(doc.w(t), "." | ";" | ":" | "?" | "!")
}

/// An event before merging: its participants by entity index.
struct Raw {
    event: Event,
    actors: Vec<usize>,
    targets: Vec<usize>,
    /// Extra participants given as country codes (completed from the article's dyad).
    extra: Vec<String>,
    /// The clause names "the two sides": the article's dyad takes part.
    dyad: bool,
    /// How the arguments attach (a directed event pairs its actor with each target).
    frame: Frame,
    /// The only party is the claimant, put there for want of a named one.
    by_claimant: bool,
}

/// The events of a document.
pub fn extract(doc: &Doc<'_>, times: &[Time]) -> Vec<Event> {
    let set = triggers();
    let hits = find_triggers(doc, set);
    let cue_set = cues();
    let cue_at = |t: usize| cue_set.match_at(&doc.view, &doc.tokens, t).map(|m| *m.value);
    let part = participant_tokens(doc);
    let claims = doc.sentence_claims();
    let reports: Vec<Vec<(usize, usize, Report)>> =
        (0..doc.sentences.len()).map(|s| doc.reports(s)).collect();
    // Triggers that do not report a happening of their own are set aside first, so
    // that they do not cut the clauses of those that do.
    let hits: Vec<Hit<'_>> = {
        let mut kept: Vec<Hit<'_>> = Vec::new();
        for (n, h) in hits.iter().enumerate() {
            if !skipped(doc, &hits, n, &cue_at) {
                // "شنت ... عملية عسكرية": a second trigger of the same type right after the
                // first is its object.
                let same = kept.last().is_some_and(|p| {
                    p.trigger.event_type == h.trigger.event_type
                        && h.start <= p.end + 6
                        && doc.sentence_of(p.start) == doc.sentence_of(h.start)
                        && (p.end..h.start).all(|t| doc.tokens[t].kind != TokenKind::Punct)
                });
                if !same {
                    kept.push(Hit { ..*h });
                }
            }
        }
        kept
    };
    let mut raws: Vec<Raw> = Vec::new();
    let mut absorbed = vec![false; hits.len()];
    for (n, h) in hits.iter().enumerate() {
        if absorbed[n] {
            continue;
        }
        let s = doc.sentence_of(h.start);
        let range = doc.sentences[s].clone();
        let ty = h.trigger.event_type.as_str();
        let before = |k: usize| h.start.saturating_sub(k).max(range.start)..h.start;
        // A speech act's object may name another happening ("أدان ما وصفه بالهجوم
        // الإرهابي الأرمني", "طلبت دعما عسكريا"): it is content, not an event.
        let mut next = n + 1;
        if h.trigger.frame == Frame::Speech {
            while let Some(p) = hits.get(next) {
                let plain = (h.end..p.start).all(|t| doc.tokens[t].kind != TokenKind::Punct);
                if p.start > h.end + 7 || doc.sentence_of(p.start) != s || !plain {
                    break;
                }
                absorbed[next] = true;
                next += 1;
            }
        }
        // The clause: bounded by the neighbouring triggers, reporting words and stops.
        let prev_end = hits[..n].iter().rev().find(|p| p.end <= h.start).map_or(0, |p| p.end);
        let next_start = hits.get(next).map_or(usize::MAX, |p| p.start);
        let own_report = |r: &&(usize, usize, Report)| r.0 >= h.start && r.0 < h.end;
        let report_before =
            reports[s].iter().filter(|r| r.1 <= h.start && !own_report(r)).map(|r| r.1).max();
        let report_after = reports[s].iter().filter(|r| r.0 >= h.end).map(|r| r.0).min();
        let mut left_from = h.start.saturating_sub(LEFT_WINDOW).max(range.start).max(prev_end);
        if let Some(r) = report_before {
            left_from = left_from.max(r);
        }
        if let Some(stop) = (left_from..h.start).rev().find(|&t| is_hard_stop(doc, t)) {
            left_from = stop + 1;
        }
        let left = parties(&part, left_from, h.start);
        // "وافق على المشاركة في محادثات مع X": agreeing to talks is agreeing with X.
        let next_start = match hits.get(next) {
            Some(p)
                if ty == "AGREE" && p.trigger.event_type == "CONSULT" && p.start <= h.end + 8 =>
            {
                hits.get(next + 1).map_or(usize::MAX, |q| q.start)
            }
            _ => next_start,
        };
        let mut right_to = (h.end + RIGHT_WINDOW).min(range.end).min(next_start.max(h.end + 2));
        if let Some(r) = report_after {
            right_to = right_to.min(r.max(h.end));
        }
        let mut found = left.len();
        for t in h.end..right_to {
            if is_hard_stop(doc, t) {
                right_to = t;
                break;
            }
            // Past a comma, a clause that already has its parties goes on to other things.
            let enough = if h.trigger.frame == Frame::Joint { 2 } else { 1 };
            if found >= enough && matches!(doc.w(t), "," | "،") {
                right_to = t;
                break;
            }
            if part[t].is_some() && (t == h.end || part[t] != part[t - 1]) {
                found += 1;
            }
        }
        let right = parties(&part, h.end, right_to);
        let reciprocal = before(3).any(|t| cue_at(t) == Some(Cue::Reciprocal));
        let participle = before(3).any(|t| cue_at(t) == Some(Cue::Participle));
        let frame = if reciprocal { Frame::Joint } else { h.trigger.frame };
        let dyad_word = (h.end..right_to).chain(before(3)).any(|t| cue_at(t) == Some(Cue::Dyad));
        let pronoun_subject = before(4).any(|t| cue_at(t) == Some(Cue::Pronoun));
        let claim = doc.claimant_with(h.start, &claims).filter(|c| c.report != Report::Source);
        let claim_code = claim.and_then(|c| code(doc, c.entity));
        let mut actors: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        match frame {
            Frame::Joint => {
                // "التقى X مع Y و Z": X meets each of them; Y and Z do not meet each other.
                let with_at =
                    (h.end..right.first().map_or(h.end, |r| r.0)).find(|&t| doc.w(t) == "مع");
                if let (Some(_), false) = (with_at, right.is_empty()) {
                    let host: Vec<usize> = if left.is_empty() {
                        claim
                            .map(|c| c.entity)
                            .or_else(|| sentence_subject(doc, range.start, h.start))
                            .into_iter()
                            .collect()
                    } else {
                        left.iter().rev().take(2).map(|&(_, k)| k).collect()
                    };
                    if !host.is_empty() {
                        actors.extend(host);
                        targets
                            .extend(right.iter().map(|&(_, k)| k).filter(|k| !actors.contains(k)));
                    } else {
                        actors.extend(right.iter().map(|&(_, k)| k));
                    }
                } else {
                    // "الاشتباكات التي اندلعت بين X و Y": parties named after the trigger
                    // are the whole cast; those before it belong to something else.
                    if right.len() < 2 && !dyad_word {
                        actors.extend(left.iter().rev().take(2).map(|&(_, k)| k));
                    }
                    actors.extend(right.iter().map(|&(_, k)| k));
                }
            }
            Frame::Act | Frame::Speech => {
                let speech = frame == Frame::Speech;
                // Verb-subject (or masdar + genitive / adjective) first, then subject-verb.
                let subject_after = right.first().filter(|&&(t, _)| t <= h.end + 2);
                // Inside reported speech a verb's subject is the speaker unless named:
                // "قال علييف ... لكنه اتهم أرمينيا" — Armenia is the object.
                let reported = speech && report_before.is_some() && left.is_empty();
                let after_is_object = reported
                    && subject_after
                        .is_some_and(|&(_, k)| claim_code.is_some() && code(doc, k) != claim_code);
                let mut rest = right.as_slice();
                let adjacent_left =
                    left.last().filter(|&&(t, _)| t + 1 == h.start).map(|&(_, k)| k);
                if let (Some(a), false) = (adjacent_left, speech) {
                    // "تركيا نقلت مرتزقة لدعم أذربيجان": subject right before the verb.
                    actors.push(a);
                } else if after_is_object || (pronoun_subject && left.is_empty()) {
                    if let Some(c) = claim {
                        actors.push(c.entity);
                    }
                } else if let Some(&(t0, k0)) = subject_after {
                    actors.push(k0);
                    // Coordinated subjects: "دعت الأمم المتحدة وروسيا وفرنسا".
                    let mut last = t0;
                    rest = &right[1..];
                    while let Some(&(t, k)) = rest.first() {
                        let gap = (last + 1..t)
                            .all(|x| doc.entity_at[x].is_some() || matches!(doc.w(x), "," | "،"));
                        let joined =
                            doc.w(t).starts_with('و') || (last + 1..t).any(|x| doc.w(x) == "و");
                        if !(gap && joined) {
                            break;
                        }
                        actors.push(k);
                        last = t;
                        rest = &rest[1..];
                    }
                } else if participle {
                    actors.extend(sentence_subject(doc, range.start, h.start));
                } else if !left.is_empty() {
                    // Coordinated subjects before the verb all act ("الولايات المتحدة،
                    // على غرار روسيا، الدعوات").
                    actors.extend(left.iter().rev().take(2).map(|&(_, k)| k));
                } else if speech {
                    let subject = claim
                        .map(|c| c.entity)
                        .or_else(|| sentence_subject(doc, range.start, h.start));
                    actors.extend(subject);
                }
                targets.extend(rest.iter().map(|&(_, k)| k).filter(|k| !actors.contains(k)));
            }
        }
        // "تعرضت مناطق ... لقصف": the reporting side suffered it.
        let mut by_claimant = false;
        if ty == "ASSAULT" && actors.is_empty() && targets.is_empty() {
            if let Some(c) = claim {
                targets.push(c.entity);
                by_claimant = true;
            }
        }
        let locations: Vec<String> = (left_from..right_to)
            .filter_map(|t| doc.entity_at[t].filter(|_| part[t].is_none()))
            .filter(|&k| doc.entities[k].kind == EntityKind::Place)
            .map(|k| doc.entities[k].id.clone())
            .fold(Vec::new(), |mut v, id| {
                if !v.contains(&id) {
                    v.push(id);
                }
                v
            });
        let future = h.future || (left_from..right_to).any(|t| cue_at(t) == Some(Cue::Future));
        let speech_by_claimant = claim.is_some_and(|c| actors.contains(&c.entity));
        let stance = if future {
            Stance::Planned
        } else if claim.is_some_and(|c| c.report == Report::Deny) && ty != "REJECT" {
            Stance::Denied
        } else if claim.is_some() && !speech_by_claimant {
            Stance::Claimed
        } else {
            Stance::Asserted
        };
        let date = sentence_date(doc, times, s, h.start);
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
            trigger: doc.span(h.start, h.end),
            confidence: confidence.min(0.95),
        };
        // Protesters stand for the country they march in.
        if ty == "PROTEST" && actors.is_empty() && targets.is_empty() {
            if let Some(c) = event.locations.iter().find_map(|id| place_state(id)) {
                let raw = Raw {
                    event,
                    actors: Vec::new(),
                    targets: Vec::new(),
                    extra: vec![c],
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
        split(doc, &mut raws, event, actors, targets, Shape { frame, separately, dual_verb });
        for r in &mut raws[before_len..] {
            r.dyad |= dyad_word;
            r.by_claimant |= by_claimant;
        }
    }
    complete_with_dyad(doc, &mut raws);
    let mut merged: Vec<(BTreeSet<String>, Event)> = Vec::new();
    for mut r in raws {
        let mut codes: BTreeSet<String> = BTreeSet::new();
        for &k in r.actors.iter().chain(&r.targets) {
            if let Some(c) = code(doc, k) {
                codes.insert(c);
            }
        }
        codes.extend(r.extra.iter().cloned());
        if codes.is_empty() && r.event.event_type != "PROTEST" {
            continue;
        }
        if codes.len() > MAX_PARTIES {
            continue;
        }
        r.event.actors = dedup(r.actors.iter().map(|&k| actor_id(doc, k)));
        r.event.targets =
            dedup(r.targets.iter().map(|&k| actor_id(doc, k)).chain(r.extra.iter().cloned()));
        merge(&mut merged, codes, r.event);
    }
    merged.into_iter().map(|(_, e)| e).collect()
}

fn dedup(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for id in ids {
        if !v.contains(&id) {
            v.push(id);
        }
    }
    v
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
fn split(
    doc: &Doc<'_>,
    raws: &mut Vec<Raw>,
    event: Event,
    actors: Vec<usize>,
    targets: Vec<usize>,
    shape: Shape,
) {
    let Shape { frame, separately, dual_verb } = shape;
    let distinct =
        |v: &[usize]| v.iter().filter_map(|&k| code(doc, k)).collect::<BTreeSet<_>>().len();
    // A state does not act on itself ("اتهم باشينيان أذربيجان باستهداف سيادة أرمينيا").
    let actor_codes: BTreeSet<String> = actors.iter().filter_map(|&k| code(doc, k)).collect();
    let targets: Vec<usize> = targets
        .into_iter()
        .filter(|&k| code(doc, k).is_none_or(|c| !actor_codes.contains(&c)))
        .collect();
    // A joint statement is one event per signatory.
    if frame == Frame::Speech && actors.len() > 1 && !dual_verb {
        for a in actors {
            split(doc, raws, event.clone(), vec![a], targets.clone(), shape);
        }
        return;
    }
    if frame != Frame::Joint && targets.len() > 1 {
        for t in targets {
            raws.push(Raw {
                event: event.clone(),
                actors: actors.clone(),
                targets: vec![t],
                extra: Vec::new(),
                dyad: false,
                frame,
                by_claimant: false,
            });
        }
        return;
    }
    if frame == Frame::Joint && separately && distinct(&actors) >= 3 {
        // The host is the last party named ("... مع نظيرهما الأميركي").
        if let Some((&host, guests)) = actors.split_last() {
            for &g in guests {
                raws.push(Raw {
                    event: event.clone(),
                    actors: vec![g],
                    targets: vec![host],
                    extra: Vec::new(),
                    dyad: false,
                    frame,
                    by_claimant: false,
                });
            }
            return;
        }
    }
    raws.push(Raw {
        event,
        actors,
        targets,
        extra: Vec::new(),
        dyad: false,
        frame,
        by_claimant: false,
    });
}

/// The pair of states the article's fighting is between, if one pair dominates.
fn dyad(doc: &Doc<'_>, raws: &[Raw]) -> Option<(String, String)> {
    let mut counts: Vec<((String, String), usize)> = Vec::new();
    for r in raws.iter().filter(|r| r.event.event_type == "ASSAULT") {
        let codes: BTreeSet<String> = r
            .actors
            .iter()
            .chain(&r.targets)
            .filter_map(|&k| code(doc, k))
            .filter(|c| c != "INT")
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
fn complete_with_dyad(doc: &Doc<'_>, raws: &mut Vec<Raw>) {
    let pair = dyad(doc, raws);
    let mut extra_raws = Vec::new();
    raws.retain_mut(|r| {
        if r.dyad {
            if let Some((a, b)) = &pair {
                if r.frame == Frame::Joint {
                    for c in [a, b] {
                        if !r.extra.contains(c) {
                            r.extra.push(c.clone());
                        }
                    }
                } else {
                    // "حض X الطرفين": X with each side, not the sides with each other.
                    let mut second = Raw {
                        event: r.event.clone(),
                        actors: r.actors.clone(),
                        targets: r.targets.clone(),
                        extra: vec![b.clone()],
                        dyad: false,
                        frame: r.frame,
                        by_claimant: r.by_claimant,
                    };
                    second.event.confidence *= 0.9;
                    extra_raws.push(second);
                    r.extra.push(a.clone());
                }
            }
        }
        let mut codes: BTreeSet<String> =
            r.actors.iter().chain(&r.targets).filter_map(|&k| code(doc, k)).collect();
        codes.extend(r.extra.iter().cloned());
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
                let other = if only == *a { b.clone() } else { a.clone() };
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
                    r.extra = vec![a.clone(), b.clone()];
                } else if mediation && !in_pair {
                    let mut second = Raw {
                        event: r.event.clone(),
                        actors: r.actors.clone(),
                        targets: r.targets.clone(),
                        extra: vec![b.clone()],
                        dyad: false,
                        frame: r.frame,
                        by_claimant: false,
                    };
                    second.event.confidence *= 0.8;
                    extra_raws.push(second);
                    r.extra.push(a.clone());
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
        for r in tsv_rows(TRIGGERS) {
            assert!(PLOVER_TYPES.contains(&r[1]), "bad type in {r:?}");
            assert!(matches!(r.get(3).copied(), Some("act" | "speech" | "joint")), "bad frame in {r:?}");
        }
        assert!(triggers().len() > 200);
        for t in PLOVER_TYPES {
            assert!(TRIGGERS.contains(&format!("\t{t}\t")), "no trigger for {t}");
        }
    }
}
