//! Casualty figures: the `casualties` section of `rasd.document/1`.
//!
//! A figure is a number (or an implicit one or two: "مقتل جندي", "جنديين") tied to an
//! expression of death, injury, disappearance, capture or displacement. The stage reads,
//! per number:
//! - what it counts: the word after it must be a person noun ("جنود", "مدنيا", "من
//!   مقاتليها"), a counting noun ("قتيلا", "جرحى"), "آخرين", or nothing (a clause edge),
//!   so that "13 عاماً", "5 صواريخ" and "17 أكتوبر" are never figures;
//! - its kind from the nearest casualty expression in the clause (`data/lexicon/
//!   casualty_terms.tsv`): a counting noun after it, a verb or event noun before it
//!   ("مقتل ثمانية جنود", "قُتل 65 مدنياً"), or a verb after the counted noun ("36 من
//!   مقاتليها لقوا حتفهم");
//! - its group from the person noun (`data/lexicon/person_nouns.tsv`) or "في صفوف" +
//!   forces; its side from a country adjective on the noun ("جنود أذريين"), from "في
//!   صفوف" with a state's forces, or from the claimant when the noun is possessed
//!   ("مقاتليها") or the claimant reports its own losses;
//! - cumulative when the clause says so (`data/lexicon/casualty_cues.tsv`);
//! - its claimant from the reporting frame ([`rasd_attribution::Doc::claimant`]) and its
//!   date from a day-level time in the sentence.
//!
//! Vague amounts (عشرات، مئات) are not figures. One figure per (count, kind) per article.
#![deny(missing_docs)]

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::OnceLock;

use rasd_attribution::Doc;
use rasd_model::{Casualty, CasualtyKind, EntityKind, Group, Time, TimeKind};
use rasd_text::numbers::NumberLexicon;
use rasd_text::phrases::{tsv_rows, PhraseSet};
use rasd_text::{Sparse, TokenKind};

/// How a casualty expression relates to the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Verb,
    Noun,
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Cumulative,
    Ranks,
    Among,
}

struct Lexicon {
    terms: PhraseSet<(CasualtyKind, Role)>,
    persons: PhraseSet<(Group, bool)>,
    cues: PhraseSet<Cue>,
    /// Dual forms of the singular person nouns ("جنديين", "طفلان") with their group.
    duals: rustc_hash::FxHashMap<String, Group>,
    /// The keys of `duals`, asked about at every word.
    dual_filter: rasd_text::phrases::WordFilter,
}

const TERMS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/casualty_terms.tsv"));
const PERSONS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/person_nouns.tsv"));
const CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/casualty_cues.tsv"));

fn kind_of(s: &str) -> Option<CasualtyKind> {
    Some(match s {
        "killed" => CasualtyKind::Killed,
        "injured" => CasualtyKind::Injured,
        "missing" => CasualtyKind::Missing,
        "captured" => CasualtyKind::Captured,
        "displaced" => CasualtyKind::Displaced,
        _ => return None,
    })
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let terms = PhraseSet::new(tsv_rows(TERMS).filter_map(|r| {
            let kind = kind_of(r.get(1)?)?;
            let role = match *r.get(2)? {
                "verb" => Role::Verb,
                "noun" => Role::Noun,
                "count" => Role::Count,
                _ => return None,
            };
            Some((*r.first()?, (kind, role)))
        }));
        let rows: Vec<Vec<&str>> = tsv_rows(PERSONS).collect();
        let persons = PhraseSet::new(rows.iter().filter_map(|r| {
            let group = match *r.get(1)? {
                "military" => Group::Military,
                "civilian" => Group::Civilian,
                _ => Group::Unspecified,
            };
            Some((*r.first()?, (group, r.get(2) == Some(&"sg"))))
        }));
        // The duals of the singular person nouns, generated once and checked against the
        // number parser's own rule for what a dual is.
        let mut duals = rustc_hash::FxHashMap::default();
        for r in rows.iter().filter(|r| r.get(2) == Some(&"sg")) {
            let (Some(w), Some(g)) = (r.first(), r.get(1)) else { continue };
            let sg = rasd_text::phrases::phrase_key(w);
            // "آخرين" is "others", never the dual of "آخر".
            if sg == "اخر" || sg.contains(' ') {
                continue;
            }
            let group = match *g {
                "military" => Group::Military,
                "civilian" => Group::Civilian,
                _ => Group::Unspecified,
            };
            let forms = match sg.strip_suffix('ه') {
                Some(stem) => [format!("{stem}تان"), format!("{stem}تين")],
                None => [format!("{sg}ان"), format!("{sg}ين")],
            };
            for f in forms {
                if rasd_text::numbers::dual_of(&f, &[sg.as_str()]).is_some() {
                    duals.entry(f).or_insert(group);
                }
            }
        }
        let cues = PhraseSet::new(tsv_rows(CUES).filter_map(|r| {
            let c = match *r.get(1)? {
                "cumulative" => Cue::Cumulative,
                "ranks" => Cue::Ranks,
                "among" => Cue::Among,
                _ => return None,
            };
            Some((*r.first()?, c))
        }));
        let mut dual_filter = rasd_text::phrases::WordFilter::default();
        for d in duals.keys() {
            dual_filter.insert(d);
        }
        Lexicon { terms, persons, cues, duals, dual_filter }
    })
}

/// How far (in tokens) a casualty expression may stand from its figure.
const TRIGGER_BEFORE: usize = 7;
const TRIGGER_AFTER: usize = 5;
/// "ليصل العدد الإجمالي للخسائر البشرية في صفوف القوات الأرمينية إلى 963".
const TOTAL_BEFORE: usize = 14;

/// Words that may follow a figure whose counted noun was given earlier ("إلى 963 منذ").
fn is_clause_edge_word(w: &str) -> bool {
    matches!(
        w,
        "منذ"
            | "في"
            | "خلال"
            | "حتي"
            | "بينهم"
            | "وفق"
            | "بحسب"
            | "حسب"
            | "اليوم"
            | "امس"
            | "اثناء"
            | "جراء"
            | "بسبب"
            | "نتيجه"
            | "عقب"
            | "اثر"
            | "مساء"
            | "صباح"
            | "يوم"
            | "بعد"
            | "قبل"
            | "علي"
            | "عن"
            | "من"
    )
}

/// Per token, a lookup made when first asked for: `None` until then.
type Memo<T> = Vec<Cell<Option<Option<T>>>>;

/// Per-token lexicon matches. Casualty terms are read at every word (every one may
/// start an implicit figure); person nouns and cues are asked about only next to figures
/// and terms, so each token is looked up the first time it is asked about.
struct Marks<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Per token, the casualty term starting there (few tokens start one): its end, kind
    /// and role, and whether its first word carries a conjunction or preposition
    /// ("وجُرح").
    terms: Sparse<(usize, CasualtyKind, Role, bool)>,
    /// Per token: `None` until asked about, then the person noun starting there, if any
    /// (its end as 32 bits: these tables span every token, and smaller ones stay in
    /// cache).
    person: Memo<(u32, Group, bool)>,
    /// As `person`, for the cues.
    cue: Memo<(u32, Cue)>,
}

impl Marks<'_, '_> {
    /// The casualty term starting at token `t`: its end, kind and role.
    fn term(&self, t: usize) -> Option<(usize, CasualtyKind, Role)> {
        self.terms.get(t).map(|&(end, kind, role, _)| (end, kind, role))
    }

    /// Whether the term at token `t` starts behind a conjunction or preposition.
    fn term_prefixed(&self, t: usize) -> bool {
        self.terms.get(t).is_some_and(|x| x.3)
    }

    /// The person noun starting at token `t` (none past the end): its end, group and
    /// whether it is singular.
    fn person(&self, t: usize) -> Option<(usize, Group, bool)> {
        let found = self.memo(&self.person, t, |doc| {
            doc.phrase_at(&lexicon().persons, t).map(|x| (x.end as u32, x.value.0, x.value.1))
        });
        found.map(|(end, group, one)| (end as usize, group, one))
    }

    /// The cue starting at token `t` (none past the end), with its end.
    fn cue(&self, t: usize) -> Option<(usize, Cue)> {
        let found = self.memo(&self.cue, t, |doc| {
            doc.phrase_at(&lexicon().cues, t).map(|x| (x.end as u32, *x.value))
        });
        found.map(|(end, cue)| (end as usize, cue))
    }

    /// What `look` finds at word token `t` (nothing at other tokens or past the end),
    /// looked up the first time it is asked and remembered in `slots`.
    fn memo<T: Copy>(
        &self,
        slots: &Memo<T>,
        t: usize,
        look: impl FnOnce(&Doc<'_>) -> Option<T>,
    ) -> Option<T> {
        let slot = slots.get(t)?;
        if let Some(known) = slot.get() {
            return known;
        }
        let found = if self.doc.is_word(t) { look(self.doc) } else { None };
        slot.set(Some(found));
        found
    }
}

fn marks<'d, 'a>(doc: &'d Doc<'a>) -> Marks<'d, 'a> {
    let lex = lexicon();
    let n = doc.tokens.len();
    let mut m = Marks {
        doc,
        terms: Sparse::new(n),
        person: vec![Cell::new(None); n],
        cue: vec![Cell::new(None); n],
    };
    for i in 0..n {
        if !doc.is_word(i) {
            continue;
        }
        if let Some(x) = doc.phrase_at(&lex.terms, i) {
            m.terms.set(i, (x.end, x.value.0, x.value.1, x.prefix > 0));
        }
    }
    m
}

/// One figure found, before deduplication.
struct Found {
    count: u64,
    bound: rasd_model::Bound,
    kind: CasualtyKind,
    group: Group,
    noun: Option<(usize, usize)>,
    first: usize,
    last: usize,
    sentence: usize,
}

/// The casualty figures of a document. `times` are the document's time expressions
/// (for dates); `published` is its date.
pub fn extract(doc: &Doc<'_>, times: &[Time]) -> Vec<Casualty> {
    let numbers = NumberLexicon::embedded().find_tokens(&doc.view, &doc.tokens);
    extract_numbered(doc, times, numbers)
}

/// [`extract`] given the number expressions of the document's view
/// (`rasd_text::numbers::find_numbers_tokens`), computed once by the pipeline.
pub fn extract_numbered(
    doc: &Doc<'_>,
    times: &[Time],
    mut numbers: Vec<rasd_text::numbers::NumberMatch>,
) -> Vec<Casualty> {
    let lex = lexicon();
    let mk = marks(doc);
    // Dual nouns count two ("قُتل جنديان").
    for t in &doc.tokens {
        if t.kind != TokenKind::Arabic {
            continue;
        }
        let (a, b) = (t.nstart as usize, t.nend as usize);
        let word = &doc.view.as_str()[a..b];
        if lex.dual_filter.may_contain(word)
            && lex.duals.contains_key(word)
            && !numbers.iter().any(|n| n.start < b && a < n.end)
        {
            numbers.push(rasd_text::numbers::NumberMatch {
                start: a,
                end: b,
                value_start: a,
                value: 2.0,
                bound: rasd_model::Bound::Exact,
                vague: false,
                words: true,
                dual: true,
            });
        }
    }
    numbers.sort_by_key(|n| n.start);
    let tok_of = |b: usize| doc.tokens.partition_point(|t| (t.nend as usize) <= b);

    let mut figure = vec![false; doc.tokens.len()];
    for num in &numbers {
        for f in figure
            .iter_mut()
            .take(tok_of(num.end.saturating_sub(1)) + 1)
            .skip(tok_of(num.value_start))
        {
            *f = true;
        }
    }
    let mut found: Vec<Found> = Vec::new();
    let mut used_terms: HashSet<usize> = HashSet::new();
    for num in &numbers {
        if num.vague {
            continue;
        }
        let Some(count) = num.count().filter(|&c| c > 0) else { continue };
        let ts = tok_of(num.value_start);
        let te = tok_of(num.end.saturating_sub(1)) + 1;
        if ts >= doc.tokens.len() {
            continue;
        }
        let sentence = doc.sentence_of(ts);
        let range = doc.sentences[sentence].clone();
        // A dual noun is its own counted noun ("جنديين", "طفلان").
        let dual_group = if num.dual && doc.tokens[ts].kind == TokenKind::Arabic {
            lex.duals.get(doc.w(ts)).copied().or(mk.person(ts).map(|p| p.1))
        } else {
            None
        };
        let (noun, after) =
            if dual_group.is_some() { (Some((ts, te)), te) } else { counted_noun(doc, &mk, te) };
        let mut kind = None;
        let mut last = noun.map_or(te, |n| n.1);
        // A counting noun right after the figure ("26 قتيلا") decides the kind.
        if let Some((end, k, Role::Count)) = mk.term(te) {
            kind = Some(k);
            last = last.max(end);
        }
        let counted = noun.is_some() || kind.is_some();
        if !counted && !figure_may_end_here(doc, te, range.end) {
            continue;
        }
        let mut first = ts;
        if kind.is_none() {
            let before = trigger_before(doc, &mk, &figure, ts, range.start);
            let after_verb =
                if counted { trigger_after(doc, &mk, &figure, after, range.end) } else { None };
            // The nearer expression wins: "قتل عشرات الآلاف وأجبر مليون شخص على هجر
            // مساكنهم" counts the displaced, not the dead.
            match (before, after_verb) {
                (Some((t, _)), Some((a, end, k))) if a - after < ts - t => {
                    kind = Some(k);
                    last = last.max(end);
                    used_terms.insert(a);
                }
                (Some((t, k)), _) => {
                    kind = Some(k);
                    first = t;
                    used_terms.insert(t);
                }
                (None, Some((a, end, k))) => {
                    kind = Some(k);
                    last = last.max(end);
                    used_terms.insert(a);
                }
                (None, None) => {}
            }
        }
        if kind.is_none() && doc.w(ts.wrapping_sub(1)) == "الي" {
            if let Some((t, k)) = total_before(&mk, &figure, ts, range.start) {
                kind = Some(k);
                first = t;
            }
        }
        let Some(kind) = kind else { continue };
        let group = dual_group
            .or_else(|| noun.and_then(|(a, _)| mk.person(a).map(|p| p.1)))
            .unwrap_or(Group::Unspecified);
        found.push(Found { count, bound: num.bound, kind, group, noun, first, last, sentence });
    }
    // Implicit one: an event noun or verb followed by a singular person noun.
    for i in 0..doc.tokens.len() {
        let Some((end, kind, Role::Noun | Role::Verb)) = mk.term(i) else { continue };
        if used_terms.contains(&i) {
            continue;
        }
        let Some((pend, group, true)) = mk.person(end) else { continue };
        if found.iter().any(|f| f.first <= end && end < f.last.max(f.first + 1)) {
            continue;
        }
        found.push(Found {
            count: 1,
            bound: rasd_model::Bound::Exact,
            kind,
            group,
            noun: Some((end, pend)),
            first: i,
            last: pend,
            sentence: doc.sentence_of(i),
        });
    }
    found.sort_by_key(|f| f.first);
    finish(doc, &mk, found, times)
}

/// The person noun a figure ending at token `te` counts, with "من" before it allowed
/// ("36 من مقاتليها"), and the token after the noun.
fn counted_noun(doc: &Doc<'_>, mk: &Marks<'_, '_>, te: usize) -> (Option<(usize, usize)>, usize) {
    for t in [te, te + 1] {
        if t == te + 1 && doc.w(te) != "من" {
            break;
        }
        if let Some((end, _, _)) = mk.person(t) {
            return (Some((t, end)), end);
        }
    }
    // "قتل 15 فلسطينيا", "إصابة ثلاثة إسرائيليين": a nationality counts people too.
    if nationality(doc, te).is_some() {
        return (Some((te, te + 1)), te + 1);
    }
    (None, te)
}

/// The country whose nationality adjective token `t` is, used as a noun ("15 فلسطينيا").
fn nationality<'d>(doc: &'d Doc<'_>, t: usize) -> Option<&'d str> {
    let k = doc.entity_at.get(t)?;
    let e = &doc.entities[k];
    let w = doc.w(t);
    let adjective = ["يا", "يين", "يون", "يان"].iter().any(|s| w.ends_with(s));
    (e.kind == EntityKind::Country && adjective && doc.entity_at.get(t + 1) != Some(k))
        .then_some(e.id.as_str())
}

/// A figure with no counted noun must close its clause: punctuation, the sentence end,
/// or a word that starts a new phrase.
fn figure_may_end_here(doc: &Doc<'_>, te: usize, end: usize) -> bool {
    te >= end || doc.tokens[te].kind == TokenKind::Punct || is_clause_edge_word(doc.w(te))
}

/// The nearest casualty expression before a figure in its clause.
fn trigger_before(
    doc: &Doc<'_>,
    mk: &Marks<'_, '_>,
    figure: &[bool],
    ts: usize,
    start: usize,
) -> Option<(usize, CasualtyKind)> {
    let from = ts.saturating_sub(TRIGGER_BEFORE).max(start);
    for t in (from..ts).rev() {
        if figure[t] || matches!(doc.w(t), "." | ";" | ":") {
            return None;
        }
        if let Some((end, k, role)) = mk.term(t) {
            // A counting noun before the figure is its trigger only directly before it
            // ("قتيل بينهم مئة مدني") or through "بينهم".
            if role == Role::Count && end + 2 < ts {
                continue;
            }
            return Some((t, k));
        }
    }
    None
}

/// A casualty verb after the counted noun ("سبعة جنود أذريين قُتلوا").
fn trigger_after(
    doc: &Doc<'_>,
    mk: &Marks<'_, '_>,
    figure: &[bool],
    after: usize,
    end: usize,
) -> Option<(usize, usize, CasualtyKind)> {
    let stop = (after + TRIGGER_AFTER).min(end);
    for (t, &is_figure) in figure.iter().enumerate().take(stop).skip(after) {
        if is_figure || matches!(doc.w(t), "." | ";") {
            return None;
        }
        if let Some((e, k, Role::Verb | Role::Count)) = mk.term(t) {
            // "قُتل 65 مدنياً وجُرح 298": a verb with و opens the next clause.
            if mk.term_prefixed(t) && doc.w(t).starts_with(['و', 'ف']) {
                return None;
            }
            return Some((t, e, k));
        }
    }
    None
}

/// "... عدد القتلى إلى 376": a counting noun earlier in the clause for a total.
fn total_before(
    mk: &Marks<'_, '_>,
    figure: &[bool],
    ts: usize,
    start: usize,
) -> Option<(usize, CasualtyKind)> {
    let from = ts.saturating_sub(TOTAL_BEFORE).max(start);
    (from..ts).rev().find_map(|t| {
        if figure[t] {
            return None;
        }
        mk.term(t).filter(|x| x.2 == Role::Count).map(|x| (t, x.1))
    })
}

/// The country of an entity, if it stands for a state (a country, or a body of one).
fn state_of(doc: &Doc<'_>, k: usize) -> Option<String> {
    let e = &doc.entities[k];
    match e.kind {
        EntityKind::Country => Some(e.id.clone()),
        EntityKind::Org | EntityKind::Group | EntityKind::Person => e.country.clone(),
        // A capital speaks for its government ("بحسب بيانات باكو").
        EntityKind::Place => doc.kb.capital_state(&e.id).map(str::to_string),
    }
}

fn finish(doc: &Doc<'_>, mk: &Marks<'_, '_>, found: Vec<Found>, times: &[Time]) -> Vec<Casualty> {
    let claims = doc.sentence_claims();
    let mut out: Vec<Casualty> = Vec::new();
    let mut prev: Option<(usize, Group, Option<String>)> = None;
    for f in found {
        let range = doc.sentences[f.sentence].clone();
        let claim = doc.claimant_with(f.first, &claims);
        let claimant_state = claim.and_then(|c| state_of(doc, c.entity));
        let mut group = f.group;
        let mut side = None;
        let noun_word = f.noun.map(|(a, _)| doc.w(a)).unwrap_or("");
        // "وأصيب عشرة آخرون": the others are of the figure just given.
        let others = matches!(noun_word, "اخرين" | "اخرون" | "اخر");
        if others {
            if let Some((s, g, sd)) = &prev {
                if *s == f.sentence {
                    group = *g;
                    side = sd.clone();
                }
            }
        }
        let window = f.first.saturating_sub(12).max(range.start)..(f.last + 12).min(range.end);
        // The counted noun is a nationality ("15 فلسطينيا"), or a country is named on it
        // ("جنود أذريين"), or the party they belong to ("مقاتل من حماس", "عناصر من قوات
        // الدعم السريع").
        if let Some((a, end)) = f.noun {
            if side.is_none() {
                side = nationality(doc, a).map(str::to_string);
            }
            if side.is_none() {
                side = (end..(end + 2).min(range.end)).find_map(|t| {
                    doc.entity_at.get(t).and_then(|k| {
                        (doc.entities[k].kind == EntityKind::Country)
                            .then(|| doc.entities[k].id.clone())
                    })
                });
            }
            if side.is_none() && doc.w(end) == "من" {
                side = doc.entity_at.get(end + 1).and_then(|k| {
                    matches!(
                        doc.entities[k].kind,
                        EntityKind::Group | EntityKind::Org | EntityKind::Country
                    )
                    .then(|| state_of(doc, k))
                    .flatten()
                });
            }
        }
        // "في صفوف القوات الأرمينية": whose forces.
        for t in window.clone() {
            let Some((end, Cue::Ranks)) = mk.cue(t) else { continue };
            let forces = mk.person(end).is_some_and(|p| p.1 == Group::Military);
            if forces && group == Group::Unspecified {
                group = Group::Military;
            }
            if side.is_none() && forces {
                side = (end..(end + 3).min(range.end))
                    .find_map(|x| doc.entity_at.get(x).and_then(|k| state_of(doc, k)));
                if side.is_none() && possessed(doc.w(end)) {
                    side = claimant_state.clone();
                }
            }
        }
        // A state that gives a toll with no other marker gives its own ("36 من مقاتليها",
        // "قُتل 65 مدنياً بحسب بيانات باكو", "أعلنت الوزارة مقتل جندي") — unless it says it
        // did the killing ("قال الجيش إنه قتل 300 مسلح"): those are the enemy's.
        let by_claimant = f.first > range.start
            && mk.term(f.first).is_some_and(|t| t.2 == Role::Verb)
            && matches!(doc.w(f.first - 1), "انه" | "انها" | "انهم" | "انهما");
        if side.is_none()
            && !others
            && !by_claimant
            && (possessed(noun_word) || group != Group::Unspecified)
        {
            side = claimant_state.clone();
        }
        let cumulative = window.clone().any(|t| matches!(mk.cue(t), Some((_, Cue::Cumulative))));
        let date = times
            .iter()
            .filter(|t| t.kind == TimeKind::Date && t.value.is_some())
            .find(|t| {
                let s = doc.tokens[range.start].start as usize;
                let e = doc.tokens[range.end - 1].end as usize;
                t.span.start >= s && t.span.end <= e
            })
            .and_then(|t| t.value.clone());
        prev = Some((f.sentence, group, side.clone()));
        // A figure stated again is one figure. A headline's figure is the body's in short:
        // what the headline left open, the body tells (who gives it, whose they are, when,
        // who they were); a statement in the body in the article's own voice stays so.
        if let Some(c) = out.iter_mut().find(|c| c.count == f.count && c.kind == f.kind) {
            if !is_headline(doc, c.sentence) {
                continue;
            }
            if c.claimant.is_none() {
                c.claimant = claim.map(|c| doc.entities[c.entity].id.clone());
            }
            if c.side.is_none() {
                c.side = side;
            }
            if c.date.is_none() {
                c.date = date;
            }
            if c.group == Group::Unspecified {
                c.group = group;
            }
            continue;
        }
        let span = doc.span(f.first, f.last.max(f.first + 1));
        out.push(Casualty {
            count: f.count,
            bound: f.bound,
            kind: f.kind,
            group,
            side,
            cumulative,
            claimant: claim.map(|c| doc.entities[c.entity].id.clone()),
            date,
            sentence: f.sentence,
            start: span.start,
            end: span.end,
        });
    }
    out
}

/// Whether sentence `s` is the article's headline: the first line, with no full stop.
fn is_headline(doc: &Doc<'_>, s: usize) -> bool {
    s == 0
        && doc
            .sentences
            .first()
            .is_some_and(|r| r.end > r.start && !matches!(doc.w(r.end - 1), "." | "!" | "؟" | "?"))
}

/// A noun carrying a possessive pronoun ("مقاتليها", "قواتها", "جنوده").
fn possessed(w: &str) -> bool {
    w.chars().count() > 4 && (w.ends_with("ها") || w.ends_with("هم") || w.ends_with("يه"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        let l = lexicon();
        assert!(l.terms.len() > 50);
        assert!(l.persons.len() > 50);
        assert!(!l.cues.is_empty());
    }
}
