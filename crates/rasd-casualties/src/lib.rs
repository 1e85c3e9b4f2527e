//! Casualty figures: the `casualties` section of `rasd.document/1`.
//!
//! A figure is a number (or an implicit one or two: "مقتل جندي", "جنديين") tied to an
//! expression of death, injury, disappearance, capture or displacement. The stage reads,
//! per number (see [`figures`]):
//! - what it counts: a person noun ("جنود", "مدنيا", "من مقاتليها"), a nationality
//!   ("فلسطينيا"), "منهم", a counting noun ("قتيلا", "جرحى"), or nothing at a clause
//!   edge, so that "13 عاماً", "5 صواريخ" and "17 أكتوبر" are never figures;
//! - its kind from the nearest casualty expression of the clause
//!   (`data/lexicon/casualty_terms.tsv`): a counting noun after it, a verb or event noun
//!   before it ("مقتل ثمانية جنود", "قُتل 65 مدنياً", "لقي 12 شخصا مصرعهم"), or a verb
//!   after the counted noun ("سبعة جنود لقوا حتفهم"); else from the toll it is part of
//!   ("بينهم 27", "9 منهم") or the counting noun of the total it states;
//! - its bound from a qualifier before the number or after the noun ("30 شخصا على
//!   الأقل"), and its group from the person noun (`person_nouns.tsv`); the displaced
//!   are civilians unless said to be soldiers;
//! - its side from the strongest evidence (see [`side`]), recorded with the figure;
//! - cumulative when the clause says so (`casualty_cues.tsv`: "منذ اندلاع", "الإجمالي",
//!   or "منذ" + a time);
//! - its claimant from the reporting frame ([`rasd_attribution::Doc::claimant`]); its
//!   date from the nearest day of its sentence (not the one "منذ" counts from), and for a
//!   running total with none the day the article reports it.
//!
//! Vague amounts (عشرات، مئات) are not figures. One figure per (count, kind) per article;
//! a rounded restatement ("76 ألف" beside 76,345) is the precise figure.
//!
//! ```
//! use rasd_attribution::Doc;
//! let kb = rasd_kb::Kb::embedded();
//! let text = "وقُتل 12 شخصاً على الأقل في غارة على مخيم للنازحين في مدينة الفاشر.";
//! let ents = rasd_entities::recognize(kb, text);
//! let doc = Doc::new(text, &ents, kb);
//! let found = rasd_casualties::extract(&doc, &rasd_casualties::Context::new(&[], None));
//! assert_eq!(found[0].count, 12);
//! assert_eq!(found[0].bound, rasd_model::Bound::AtLeast);
//! assert_eq!(found[0].side.as_deref(), Some("SDN"));
//! ```
#![deny(missing_docs)]

mod figures;
mod lexicon;
mod marks;
mod side;

use std::collections::HashMap;

use rasd_attribution::{token_at, Claim, Doc};
use rasd_model::{Bound, Casualty, CasualtyKind, Group, SideBasis, SideEvidence, Time, TimeKind};
use rasd_text::numbers::{NumberLexicon, NumberMatch};

use crate::figures::Found;
use crate::lexicon::Cue;
use crate::marks::Marks;
use crate::side::{Previous, Side, SideCx};

/// What the stage reads besides the document itself (which carries the knowledge base
/// its entities were linked with).
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The document's time expressions, for dates: in text order and never overlapping,
    /// as `rasd_times` gives them (each figure looks its own up by binary search).
    pub times: &'a [Time],
    /// The publication date (`YYYY-MM-DD`): the date of a running total the text does
    /// not date itself.
    pub published: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// A context of the document's times and its date.
    pub fn new(times: &'a [Time], published: Option<&'a str>) -> Self {
        Context { times, published }
    }
}

/// The casualty figures of a document.
pub fn extract(doc: &Doc<'_>, cx: &Context<'_>) -> Vec<Casualty> {
    let numbers = NumberLexicon::embedded().find_tokens(&doc.view, &doc.tokens);
    extract_numbered(doc, cx, numbers)
}

/// [`extract`] given the number expressions of the document's view
/// (`rasd_text::numbers::find_numbers_tokens`), computed once by the pipeline.
pub fn extract_numbered(
    doc: &Doc<'_>,
    cx: &Context<'_>,
    mut numbers: Vec<NumberMatch>,
) -> Vec<Casualty> {
    // A number of a time ("في يناير 2023 عدد النازحين", "خلال يوم واحد") counts no one.
    numbers.retain(|n| {
        let (a, b) = doc.view.to_original(n.value_start, n.end);
        times_over(cx.times, a, b).is_empty()
    });
    let mk = Marks::new(doc);
    let found = figures::find(doc, &mk, numbers);
    let sides = SideCx::new(doc, &mk);
    let claims = doc.sentence_claims();
    let mut out = Ledger::default();
    for f in &found {
        let claim = doc.claimant_with(f.first, &claims);
        // The toll before in the sentence, not a part of it counted out ("بينهم 10"); for
        // "others" with none, the toll of the sentence before ("قتل 8. وأصيب 20 آخرون").
        let reach = |k: &&Kept| {
            k.c.sentence == f.sentence || (f.follows_previous && k.c.sentence + 1 == f.sentence)
        };
        let last = out.kept.iter().rev().take_while(reach).find(|k| !k.subgroup);
        let prev = Previous {
            side: last.and_then(|k| k.side.as_ref()),
            refugees_from: out.refugees_from(),
        };
        let side = sides.side(f, claim, &prev);
        let mut c = casualty(doc, &mk, cx, f, claim, side.as_ref());
        // "وأصيب عشرة آخرون", "بينهم 27": of the people just counted.
        if let Some(k) = last.filter(|_| f.follows_previous && c.group == Group::Unspecified) {
            c.group = k.c.group;
        }
        let abroad = sides.abroad(f);
        out.merge(doc, Kept { c, side, round: f.round, subgroup: f.subgroup, abroad });
    }
    let mut out = out.kept;
    drop_rounded_restatements(&mut out);
    out.into_iter().map(|k| k.c).collect()
}

/// The figures kept so far, indexed so that each new one costs the same however many came
/// before (a long article has thousands).
#[derive(Default)]
struct Ledger {
    kept: Vec<Kept>,
    /// Where the figure of each count and kind is kept.
    at: HashMap<(u64, CasualtyKind), usize>,
    /// The last kept figure of refugees whose side is their nationality.
    refugees: Option<usize>,
}

impl Ledger {
    /// The side of the refugees counted last, for those counted after them.
    fn refugees_from(&self) -> Option<&Side> {
        self.refugees.and_then(|i| self.kept.get(i)).and_then(|k| k.side.as_ref())
    }

    /// Notes that the figure at `i` may now be of refugees with a nationality: a merge
    /// only ever adds a side, so the last such figure is the greatest index seen.
    fn note_refugees(&mut self, i: usize) {
        let Some(k) = self.kept.get(i) else { return };
        if k.abroad && k.side.as_ref().is_some_and(|s| s.basis == SideBasis::Nationality) {
            self.refugees = self.refugees.max(Some(i));
        }
    }

    /// Adds a figure, or folds it into the same figure kept before ([`merge_into`]).
    fn merge(&mut self, doc: &Doc<'_>, new: Kept) {
        let key = (new.c.count, new.c.kind);
        let i = match self.at.get(&key) {
            Some(&i) => {
                if let Some(kept) = self.kept.get_mut(i) {
                    merge_into(doc, kept, new);
                }
                i
            }
            None => {
                self.at.insert(key, self.kept.len());
                self.kept.push(new);
                self.kept.len() - 1
            }
        };
        self.note_refugees(i);
    }
}

/// A figure kept for the output, with what later figures and merges read of it.
struct Kept {
    c: Casualty,
    /// Its side as found, for the "others" that follow it.
    side: Option<Side>,
    /// It was written round with a scale word ("76 ألف").
    round: bool,
    /// It counts a part of the toll before it.
    subgroup: bool,
    /// It counts refugees.
    abroad: bool,
}

/// A figure with its attributes.
fn casualty(
    doc: &Doc<'_>,
    mk: &Marks<'_, '_>,
    cx: &Context<'_>,
    f: &Found,
    claim: Option<Claim>,
    side: Option<&Side>,
) -> Casualty {
    let range = doc.sentences[f.sentence].clone();
    let window = f.first.saturating_sub(12).max(range.start)..(f.last + 12).min(range.end);
    let since = |t: usize| match mk.cue(t) {
        Some((_, Cue::Cumulative)) => true,
        // "قتل 3670 شخصا منذ الثامن من أكتوبر": a total since a time.
        _ => doc.w(t) == "منذ" && starts_time(doc, cx.times, t + 1),
    };
    // "أعنف قتال منذ ...": a comparison, not a total.
    let compared = |t: usize| (t.saturating_sub(5)..t).any(|x| mk.cue_is(x, Cue::Superlative));
    let cumulative = window.clone().any(|t| since(t) && !compared(t));
    // The displaced are civilians unless said to be soldiers; losses "في صفوف القوات"
    // are soldiers'.
    let in_ranks_of_forces = || {
        window.clone().any(|t| match mk.cue(t) {
            Some((end, Cue::Ranks)) => mk.person(end).is_some_and(|p| p.1 == Group::Military),
            _ => false,
        })
    };
    let group = match (f.kind, f.group) {
        (CasualtyKind::Displaced, Group::Unspecified) => Group::Civilian,
        (_, Group::Unspecified) if in_ranks_of_forces() => Group::Military,
        (_, g) => g,
    };
    let span = doc.span(f.first, f.last.max(f.first + 1));
    Casualty {
        count: f.count,
        bound: f.bound,
        kind: f.kind,
        group,
        side: side.map(|s| s.id.clone()),
        cumulative,
        claimant: claim.map(|c| doc.entities[c.entity].id.clone()),
        date: date_of(doc, cx, f, cumulative),
        sentence: f.sentence,
        start: span.start,
        end: span.end,
        side_evidence: side
            .map(|s| SideEvidence { basis: s.basis, span: doc.span(s.from, s.to.max(s.from + 1)) }),
    }
}

/// Whether a time expression starts at token `t`.
fn starts_time(doc: &Doc<'_>, times: &[Time], t: usize) -> bool {
    doc.tokens.get(t).is_some_and(|tok| {
        let at = tok.start as usize;
        times_over(times, at, at + 1).iter().any(|x| x.span.start == at)
    })
}

/// The times of `times` (in text order, never overlapping) that overlap the code points
/// `[a, b)`, found by binary search: a scan of all of them for each figure made the stage
/// quadratic in a long article.
fn times_over(times: &[Time], a: usize, b: usize) -> &[Time] {
    let from = times.partition_point(|t| t.span.end <= a);
    let rest = times.get(from..).unwrap_or_default();
    &rest[..rest.partition_point(|t| t.span.start < b)]
}

/// The date of a figure: the day of its sentence nearest to it, leaving out the day
/// "منذ" counts from and ISO weeks; a running total with none is dated the day the
/// article reports it.
fn date_of(doc: &Doc<'_>, cx: &Context<'_>, f: &Found, cumulative: bool) -> Option<String> {
    let range = doc.sentences[f.sentence].clone();
    let (s, e) = (doc.tokens[range.start].start as usize, doc.tokens[range.end - 1].end as usize);
    let nearest = times_over(cx.times, s, e)
        .iter()
        .filter(|t| t.kind == TimeKind::Date && t.span.start >= s && t.span.end <= e)
        .filter_map(|t| {
            let v = t.value.as_deref().filter(|v| v.len() == "yyyy-mm-dd".len())?;
            let at = token_at(&doc.tokens, t.span.start);
            let since = at > 0 && doc.w(at - 1).trim_start_matches('و') == "منذ";
            (!since).then(|| (at.abs_diff(f.first), v))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, v)| v.to_string());
    match nearest {
        Some(d) => Some(d),
        None if cumulative => cx.published.map(|p| p.get(..10).unwrap_or(p).to_string()),
        None => None,
    }
}

/// Folds a figure into the same figure stated before. A headline's figure is
/// the body's in short: what the headline left open, the body tells (who gives it, whose
/// they are, when, who they were, its bound); a statement in the body in the article's
/// own voice stays so.
fn merge_into(doc: &Doc<'_>, kept: &mut Kept, new: Kept) {
    if !is_headline(doc, kept.c.sentence) {
        return;
    }
    let (old, c) = (&mut kept.c, new.c);
    if old.claimant.is_none() {
        old.claimant = c.claimant;
    }
    if old.side.is_none() {
        old.side = c.side;
        old.side_evidence = c.side_evidence;
        kept.side = new.side;
    }
    if old.date.is_none() {
        old.date = c.date;
    }
    if old.group == Group::Unspecified {
        old.group = c.group;
    }
    if old.bound == Bound::Exact {
        old.bound = c.bound;
    }
}

/// Whether sentence `s` is the article's headline: the first line, with no full stop.
fn is_headline(doc: &Doc<'_>, s: usize) -> bool {
    s == 0
        && doc
            .sentences
            .first()
            .is_some_and(|r| r.end > r.start && !matches!(doc.w(r.end - 1), "." | "!" | "؟" | "?"))
}

/// Drops a rounded figure when the article gives the precise one it rounds (the
/// headline's "76 ألف نازح" for the body's 76,345): one figure, at the precise value.
fn drop_rounded_restatements(out: &mut Vec<Kept>) {
    // Each kind's counts, sorted: a round figure looks for its precise one among the few
    // near it rather than among all.
    let mut precise: HashMap<CasualtyKind, Vec<u64>> = HashMap::new();
    for k in out.iter() {
        precise.entry(k.c.kind).or_default().push(k.c.count);
    }
    for counts in precise.values_mut() {
        counts.sort_unstable();
    }
    out.retain(|k| {
        !(k.round && precise.get(&k.c.kind).is_some_and(|counts| restates(counts, k.c.count)))
    });
}

/// Whether one of `sorted` counts is written `round` ([`rounds_to`]). Such a count lies
/// within one unit of `round` on either side, so only those are tried.
fn restates(sorted: &[u64], round: u64) -> bool {
    let unit = unit_of(round);
    let q = round / unit;
    let lo = q.saturating_sub(1).saturating_mul(unit);
    let hi = q.saturating_add(1).saturating_mul(unit);
    let from = sorted.partition_point(|&p| p < lo);
    sorted
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&p| p <= hi)
        .any(|&p| rounds_to(p, round))
}

/// The unit `round` is written in: thousands at least, and the largest power of ten it
/// is a multiple of up to a billion.
fn unit_of(round: u64) -> u64 {
    let mut unit = 1000;
    while round.is_multiple_of(unit * 10) && unit < 1_000_000_000 {
        unit *= 10;
    }
    unit
}

/// Whether `precise` written round is `round` (to the unit `round` is written in).
fn rounds_to(precise: u64, round: u64) -> bool {
    let unit = unit_of(round);
    !precise.is_multiple_of(unit)
        && (precise / unit == round / unit || precise.div_ceil(unit) == round / unit)
}

#[cfg(test)]
mod tests {
    use super::{restates, rounds_to};

    #[test]
    fn rounded_restatements() {
        assert!(rounds_to(76_345, 76_000));
        assert!(rounds_to(169_283, 169_000));
        assert!(rounds_to(2_576_000, 2_600_000));
        assert!(rounds_to(1_950, 2_000));
        assert!(!rounds_to(76_000, 76_000));
        assert!(!rounds_to(77_345, 76_000));
        assert!(!rounds_to(3_000, 76_000));
    }

    #[test]
    fn a_round_figure_finds_its_precise_one_among_many() {
        // Counts of one kind in a long article: the search looks near the round figure
        // and answers as a test of every count would.
        let counts: Vec<u64> = (1..5000).map(|k| k * 997).collect();
        for round in [76_000, 2_600_000, 1_000, 5_000_000, 0, 4_980_000] {
            let all = counts.iter().any(|&p| rounds_to(p, round));
            assert_eq!(restates(&counts, round), all, "{round}");
        }
        assert!(restates(&[12, 76_345, 900_000], 76_000));
        assert!(!restates(&[12, 76_000, 900_000], 76_000));
        assert!(!restates(&[], 76_000));
    }
}
