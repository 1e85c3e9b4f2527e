//! Finding figures: a number (or an implicit one or two) tied to a casualty expression.
//!
//! Per number: what it counts (a person noun, a nationality, "منهم", a counting noun, or
//! nothing at a clause edge), then its kind from the nearest casualty expression of the
//! clause, before or after it; failing that, from the toll it is part of ("بينهم 27",
//! "9 منهم", "و34 ألفاً في ...") or the counting noun of the total it states ("عدد
//! النازحين ... إلى 3 ملايين").

use rasd_attribution::Doc;
use rasd_model::{Bound, CasualtyKind, EntityKind, Group};
use rasd_text::numbers::NumberMatch;
use rasd_text::TokenKind;
use rustc_hash::FxHashSet;

use crate::lexicon::{lexicon, Cue, Role};
use crate::marks::{Marks, TermAt};

/// How far (in tokens) a casualty expression may stand from its figure.
const TRIGGER_BEFORE: usize = 7;
const TRIGGER_AFTER: usize = 5;
/// How far after the counted noun an idiom's second part may stand ("لقي 12 شخصا
/// مصرعهم").
const COMPLETION_REACH: usize = 3;
/// How close a casualty term with و must follow the figure before it for its bare number
/// to count the same people ("مقتل 23 من جنوده وإصابة 29").
const JOIN_REACH: usize = 2;
/// How far after the counted people a rate may be written ("10 أطفال يوميا"), how far
/// before a figure a forecast ("قد يصل ... إلى"), and how near a number a population.
const RATE_REACH: usize = 3;
const FORECAST_REACH: usize = 8;
const POPULATION_REACH: usize = 4;
/// How close a number joined by و must follow the figure before it to take its kind
/// ("نزح 50 ألف شخص في الناصر و34 ألفاً في أولانغ").
const LIST_REACH: usize = 12;

/// One figure found, before its attributes are read.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub count: u64,
    pub bound: Bound,
    pub kind: CasualtyKind,
    pub group: Group,
    /// The counted noun's tokens.
    pub noun: Option<(usize, usize)>,
    /// First and one-past-last token of the evidence.
    pub first: usize,
    pub last: usize,
    pub sentence: usize,
    /// It counts some of the people of the figure before ("بينهم 27", "9 منهم") or is
    /// "others" beside them ("وأصيب 10 آخرون"): without a side of its own, it has theirs.
    pub follows_previous: bool,
    /// It counts some of the people of the figure before ("بينهم 27", "9 منهم"): not
    /// the toll that "others" after it add to.
    pub subgroup: bool,
    /// The number was written round with a scale word ("76 ألف"): it may restate a
    /// precise figure.
    pub round: bool,
}

/// Every figure of the document, in text order.
pub(crate) fn find(doc: &Doc<'_>, mk: &Marks<'_, '_>, mut numbers: Vec<NumberMatch>) -> Vec<Found> {
    add_duals(doc, &mut numbers);
    numbers.sort_by_key(|n| n.start);
    let mut reader =
        Reader { doc, mk, figure: figure_tokens(doc, &numbers), used: FxHashSet::default() };
    let mut found: Vec<Found> = Vec::new();
    for num in &numbers {
        if let Some(f) = reader.read(num, &found) {
            found.push(f);
        }
    }
    reader.implicit_ones(&mut found);
    found.sort_by_key(|f| f.first);
    found
}

/// Dual nouns count two ("قُتل جنديان"), unless they are part of a name ("طالبان").
fn add_duals(doc: &Doc<'_>, numbers: &mut Vec<NumberMatch>) {
    let lex = lexicon();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Arabic || doc.entity_at.get(i).is_some() {
            continue;
        }
        let (a, b) = (t.nstart as usize, t.nend as usize);
        let word = &doc.view.as_str()[a..b];
        if lex.dual_filter.may_contain(word)
            && lex.duals.contains_key(word)
            && !numbers.iter().any(|n| n.start < b && a < n.end)
        {
            numbers.push(NumberMatch {
                start: a,
                end: b,
                value_start: a,
                value: 2.0,
                bound: Bound::Exact,
                vague: false,
                words: true,
                dual: true,
            });
        }
    }
}

/// The token holding byte `b` of the view (or the first after it).
fn tok_of(doc: &Doc<'_>, b: usize) -> usize {
    doc.tokens.partition_point(|t| (t.nend as usize) <= b)
}

/// Per token, whether a number's numeric part covers it.
fn figure_tokens(doc: &Doc<'_>, numbers: &[NumberMatch]) -> Vec<bool> {
    let mut figure = vec![false; doc.tokens.len()];
    for num in numbers {
        let (a, b) = (tok_of(doc, num.value_start), tok_of(doc, num.end.saturating_sub(1)) + 1);
        for f in figure.iter_mut().take(b).skip(a) {
            *f = true;
        }
    }
    figure
}

/// An implicit one: its evidence tokens, group and person noun.
struct One {
    first: usize,
    last: usize,
    group: Group,
    noun: Option<(usize, usize)>,
}

/// What a number counts.
struct Counted {
    /// The counted noun's tokens.
    noun: Option<(usize, usize)>,
    /// The token after what the number counts.
    after: usize,
    /// "منهم": some of the people just counted.
    partitive: bool,
}

struct Reader<'m, 'd, 'a> {
    doc: &'d Doc<'a>,
    mk: &'m Marks<'d, 'a>,
    figure: Vec<bool>,
    /// The casualty terms that gave a figure its kind.
    used: FxHashSet<usize>,
}

/// More people than any war has killed, wounded or displaced, by far (the largest
/// displacements counted are tens of millions): a number above it ("10^15 قتيل") is a
/// typo, a sum of money or a test of the system, not a casualty figure.
const MAX_PEOPLE: u64 = 1_000_000_000;

impl Reader<'_, '_, '_> {
    /// The figure a number states, if it is one.
    fn read(&mut self, num: &NumberMatch, before: &[Found]) -> Option<Found> {
        let doc = self.doc;
        if num.vague {
            return None;
        }
        let count = num.count().filter(|&c| c > 0 && c <= MAX_PEOPLE)?;
        let ts = tok_of(doc, num.value_start);
        let te = tok_of(doc, num.end.saturating_sub(1)) + 1;
        if ts >= doc.tokens.len() {
            return None;
        }
        let sentence = doc.sentence_of(ts);
        let range = doc.sentences[sentence].clone();
        // A dual noun is its own counted noun ("جنديين", "طفلان").
        let dual_group = if num.dual && doc.tokens[ts].kind == TokenKind::Arabic {
            lexicon().duals.get(doc.w(ts)).copied().or(self.mk.person(ts).map(|p| p.1))
        } else {
            None
        };
        let counted = match dual_group {
            Some(_) => Counted { noun: Some((ts, te)), after: te, partitive: false },
            None => self.counted(ts, te, count),
        };
        let mut kind = None;
        let mut first = ts;
        let mut last = counted.noun.map_or(te, |n| n.1).max(te);
        // A counting noun right after the figure ("26 قتيلا") decides the kind.
        if let Some(t) = self.mk.term(te).filter(|t| t.term.role == Role::Count) {
            kind = Some(t.term.kind);
            last = last.max(t.end);
        }
        let has_noun = counted.noun.is_some() || kind.is_some();
        // "توفي منهم 85 متأثرين بجروحهم": a count of some of the people just counted
        // needs no noun of its own.
        let among = self.among_before(ts, range.start);
        if !has_noun && among.is_none() && !self.may_end_here(te, range.end) {
            return None;
        }
        if self.not_a_count(ts, last, range.clone()) {
            return None;
        }
        // A counting noun of captives, the wounded or the missing yields to a fate the
        // clause tells ("أعدم 214 رهينة", "26 رهينة قُتلوا", "فارق 6 مصابين الحياة"); with
        // no counting noun, the nearest expression decides.
        let status = kind;
        if matches!(
            status,
            None | Some(CasualtyKind::Captured | CasualtyKind::Injured | CasualtyKind::Missing)
        ) {
            let found = self.trigger(ts, &counted, has_noun, range.clone()).filter(|x| {
                status.is_none_or(|s| x.1.term.role != Role::Count && overrides(x.1.term.kind, s))
            });
            if let Some((t, at, before_figure)) = found {
                kind = Some(at.term.kind);
                self.used.insert(t);
                if before_figure {
                    first = t;
                } else {
                    last = last.max(at.end);
                }
            }
        }
        let prev = before.iter().rev().take_while(|p| p.sentence == sentence).find(|p| !p.subgroup);
        // "مقتل 23 من جنوده وإصابة 29": a bare number joined to the figure before counts
        // the same people.
        let joined_term = !has_noun
            && first < ts
            && doc.w(first).starts_with('و')
            && self.mk.term(first).is_some_and(|t| t.prefixed)
            && prev.is_some_and(|p| first >= p.last && first - p.last <= JOIN_REACH);
        // "قُتل 10 من عناصر البيشمركة و3 مدنيين", "هم 76 امرأة و61 رجلا": a figure joined
        // right after another counts the same way.
        let and_before = ts > 0 && doc.w(ts - 1) == "و";
        let joined_at = if and_before { ts - 1 } else { ts };
        let just_before = before.last().filter(|p| p.sentence == sentence && p.last == joined_at);
        let joined_figure = (and_before || doc.w(ts).starts_with('و')) && just_before.is_some();
        let joined = joined_term || joined_figure;
        let mut follows_previous = counted.partitive || among.is_some() || joined;
        // "بينهم 27" counts the toll's kind; "عاد منهم 25" (returned) counts none of it,
        // and "توفي منهم 85" has its own.
        let of_the_toll = among != Some(Cue::Partitive);
        if kind.is_none() {
            if let Some(p) = just_before.filter(|_| joined_figure) {
                kind = Some(p.kind);
            } else if let Some(p) = prev.filter(|_| follows_previous && of_the_toll) {
                kind = Some(p.kind);
            } else if let Some((t, k)) = self.total_before(num, ts, range.start) {
                kind = Some(k);
                first = t;
            } else if let Some(p) = prev.filter(|p| self.listed_after(p, ts)) {
                // "نزح 50 ألف شخص في الناصر و34 ألفاً في أولانغ": the same count goes on.
                kind = Some(p.kind);
            }
        }
        let kind = kind?;
        let noun_word = counted.noun.map_or("", |(a, _)| doc.w(a));
        follows_previous |= matches!(noun_word, "اخرين" | "اخرون" | "اخر");
        // "قُتل ثلاثة منهم" with no figure before: of the people the sentence named.
        let of_them = || {
            (counted.partitive && prev.is_none())
                .then(|| (range.start..ts).rev().find_map(|t| self.mk.person(t).map(|p| p.1)))
                .flatten()
        };
        let group = dual_group
            .or_else(|| {
                let (a, _) = counted.noun?;
                self.mk.person(a).map(|p| p.1).or_else(|| crate::side::possessed_group(doc.w(a)))
            })
            .or_else(of_them)
            .unwrap_or(Group::Unspecified);
        let bound = match (num.bound, self.bound_after(counted.after)) {
            (Bound::Exact, Some((b, end))) => {
                last = last.max(end);
                b
            }
            (b, _) => b,
        };
        Some(Found {
            count,
            bound,
            kind,
            group,
            noun: counted.noun,
            first,
            last,
            sentence,
            follows_previous,
            subgroup: counted.partitive
                || among.is_some()
                || (joined_figure && before.last().is_some_and(|p| p.subgroup)),
            round: is_rounded(num),
        })
    }

    /// What the number ending before token `te` counts: a person noun, with "من" before
    /// it allowed ("36 من مقاتليها"); a nationality ("قتل 15 فلسطينيا"); or "منهم".
    fn counted(&self, ts: usize, te: usize, count: u64) -> Counted {
        for t in [te, te + 1] {
            if t == te + 1 && self.doc.w(te) != "من" {
                break;
            }
            if let Some((end, _, _)) = self.mk.person(t) {
                return Counted { noun: Some((t, end)), after: end, partitive: false };
            }
            // "ثلاثة من عسكرييها": a person noun with a possessive pronoun.
            if t < self.doc.tokens.len() && crate::side::possessed(self.doc.w(t)) {
                return Counted { noun: Some((t, t + 1)), after: t + 1, partitive: false };
            }
        }
        if nationality(self.doc, te).is_some() {
            return Counted { noun: Some((te, te + 1)), after: te + 1, partitive: false };
        }
        if let Some((end, Cue::Partitive)) = self.mk.cue(te) {
            return Counted { noun: Some((te, end)), after: end, partitive: true };
        }
        // "26 لاجئا سودانيا": a counting noun stands for the people too.
        if let Some(t) = self.mk.term(te).filter(|t| t.term.role == Role::Count) {
            return Counted { noun: Some((te, t.end)), after: t.end, partitive: false };
        }
        // "مدني واحد", "المهاجمين الـ33": the noun before the number.
        if let Some(noun) = self.noun_before(ts, count) {
            return Counted { noun: Some(noun), after: te, partitive: false };
        }
        Counted { noun: None, after: te, partitive: false }
    }

    /// A person noun right before the number at `ts` that it counts: a singular before
    /// "واحد" ("مدني واحد"), or a definite plural before a number with the article
    /// ("المهاجمين الـ33").
    fn noun_before(&self, ts: usize, count: u64) -> Option<(usize, usize)> {
        let doc = self.doc;
        let article = ts > 0 && matches!(doc.w(ts - 1), "ال" | "الـ");
        let end = if article { ts - 1 } else { ts };
        let start = (end.saturating_sub(2)..end)
            .find(|&t| self.mk.person(t).is_some_and(|p| p.0 == end))?;
        let (_, _, one) = self.mk.person(start)?;
        let definite = doc.w(start).starts_with("ال");
        ((one && count == 1 && !article)
            || (!one && definite && (article || doc.w(ts).starts_with("ال"))))
        .then_some((start, end))
    }

    /// Whether the number at `ts`, counting people up to `last`, is a rate ("10 أطفال
    /// يوميا"), a forecast ("قد يصل عدد النازحين إلى مليون") or a population ("يقطنها
    /// 500 ألف"), not a count of losses.
    fn not_a_count(&self, ts: usize, last: usize, range: std::ops::Range<usize>) -> bool {
        let cue_in =
            |from: usize, to: usize, want: Cue| (from..to).any(|t| self.mk.cue_is(t, want));
        let rate = cue_in(last, (last + RATE_REACH).min(range.end), Cue::Rate);
        let clause_start = (range.start..ts)
            .rev()
            .find(|&t| matches!(self.doc.w(t), "," | ";" | ":" | "."))
            .map_or(range.start, |t| t + 1);
        let from = ts.saturating_sub(FORECAST_REACH).max(clause_start);
        let forecast = cue_in(from, ts, Cue::Forecast);
        let near = ts.saturating_sub(POPULATION_REACH).max(range.start);
        let population = cue_in(near, (last + POPULATION_REACH).min(range.end), Cue::Population);
        rate || forecast || population
    }

    /// A figure with no counted noun must close its clause: punctuation, the sentence
    /// end, a word that starts a new phrase, or a casualty verb ("578 ألفا فروا").
    fn may_end_here(&self, te: usize, end: usize) -> bool {
        te >= end
            || self.doc.tokens[te].kind == TokenKind::Punct
            || self.mk.cue(te).is_some()
            || lexicon().completions.iter().any(|c| c.contains(self.doc.w(te)))
            || self.mk.term(te).is_some_and(|t| matches!(t.term.role, Role::Verb | Role::VerbOne))
    }

    /// The casualty expression of a figure: the nearer of the one before it and the one
    /// after what it counts. Gives its token, the term, and whether it stands before.
    fn trigger(
        &self,
        ts: usize,
        counted: &Counted,
        has_noun: bool,
        range: std::ops::Range<usize>,
    ) -> Option<(usize, TermAt, bool)> {
        let before = self.trigger_before(ts, counted.after, range.start);
        let reach = if has_noun { TRIGGER_AFTER } else { 1 };
        let after = self.trigger_after(counted.after, (counted.after + reach).min(range.end));
        // The nearer expression wins: in "قتل عشرات الآلاف وأجبر مليون شخص على النزوح"
        // the million are displaced, not dead.
        match (before, after) {
            (Some((t, _)), Some((a, at))) if a - counted.after < ts - t => Some((a, at, false)),
            (Some((t, at)), _) => Some((t, at, true)),
            (None, Some((a, at))) => Some((a, at, false)),
            (None, None) => None,
        }
    }

    /// The nearest casualty expression before a figure in its clause.
    fn trigger_before(&self, ts: usize, after: usize, start: usize) -> Option<(usize, TermAt)> {
        let from = ts.saturating_sub(TRIGGER_BEFORE).max(start);
        for t in (from..ts).rev() {
            if self.figure[t] || matches!(self.doc.w(t), "." | ";" | ":") {
                return None;
            }
            let Some(at) = self.mk.term(t) else { continue };
            // A counting noun before the figure is its trigger only directly before it
            // ("قتيل بينهم مئة مدني") or through "بينهم".
            if at.term.role == Role::Count && at.end + 2 < ts {
                continue;
            }
            if !self.completed(at, after) {
                continue;
            }
            return Some((t, at));
        }
        None
    }

    /// A casualty verb after the counted noun ("سبعة جنود أذريين قُتلوا"), in `[after, stop)`.
    fn trigger_after(&self, after: usize, stop: usize) -> Option<(usize, TermAt)> {
        for t in after..stop {
            // "أكثر من 700 جريح، توفي منهم 85": past a comma, a verb tells of others.
            if self.figure[t] || matches!(self.doc.w(t), "." | ";" | ",") {
                return None;
            }
            let Some(at) = self.mk.term(t) else { continue };
            if !matches!(at.term.role, Role::Verb | Role::VerbOne | Role::Count) {
                continue;
            }
            // "قُتل 65 مدنياً وجُرح 298": a verb with و opens the next clause; "إصابة 12
            // مدنيا توفي 5 منهم": a verb before a number is that number's.
            let next_clause = at.prefixed && self.doc.w(t).starts_with(['و', 'ف']);
            if next_clause || self.figure.get(at.end).copied().unwrap_or(false) {
                return None;
            }
            return Some((t, at));
        }
        None
    }

    /// Whether an idiom's second part follows the counted noun ending at `after`, when
    /// the term needs one.
    fn completed(&self, at: TermAt, after: usize) -> bool {
        let Some(set) = at.term.completion else { return true };
        let words = &lexicon().completions[usize::from(set)];
        (after..after + COMPLETION_REACH).any(|t| {
            let w = self.doc.w(t);
            words.contains(rasd_text::phrases::strip_article(w))
                || w.strip_prefix('و').is_some_and(|x| words.contains(x))
        })
    }

    /// "بينهم", "من بينهم" or "منهم" right before the number at `ts` ("توفي منهم 85"),
    /// which of them.
    fn among_before(&self, ts: usize, start: usize) -> Option<Cue> {
        (ts.saturating_sub(2).max(start)..ts).find_map(|t| match self.mk.cue(t) {
            Some((end, c @ (Cue::Among | Cue::Partitive))) if end == ts => Some(c),
            _ => None,
        })
    }

    /// A total whose counting noun came earlier in the clause, stated after "إلى" or
    /// "بلغ" ("ارتفع عدد القتلى جراء القصف على المدينة إلى 376"), or with a qualifier
    /// ("عدد القتلى في صفوفهم لا يقل عن ستين", "قدرت عدد النازحين بما يزيد على مليون").
    /// Gives the noun's token and kind.
    fn total_before(
        &self,
        num: &NumberMatch,
        ts: usize,
        start: usize,
    ) -> Option<(usize, CasualtyKind)> {
        let ns = tok_of(self.doc, num.start).min(ts);
        let opener = (start..ns).rev().find(|&t| self.doc.is_word(t));
        let cue = opener.is_some_and(|t| self.mk.cue_is(t, Cue::Total));
        // "بلغ عدد القتلى في الحرب 150 ألفا": the verb before the counting noun.
        let heads = |noun: usize| {
            (noun.saturating_sub(2).max(start)..noun).any(|t| self.mk.cue_is(t, Cue::Total))
        };
        // The nearest expression back to the counting noun: "حصيلة الرهائن الذين قتلهم
        // المسلحون إلى 26" counts the dead.
        let noun = (start..ts)
            .rev()
            .take_while(|&t| !self.figure[t])
            .find(|&t| self.mk.term(t).is_some_and(|x| x.term.role == Role::Count))?;
        if !(cue || ns < ts || heads(noun)) {
            return None;
        }
        let nearest = (noun..ts).rev().find_map(|t| self.mk.term(t))?;
        Some((noun, nearest.term.kind))
    }

    /// Whether the number at `ts`, joined by و, goes on with the list of figure `p`.
    fn listed_after(&self, p: &Found, ts: usize) -> bool {
        let joined = self.doc.w(ts).starts_with('و') || self.doc.w(ts.wrapping_sub(1)) == "و";
        joined
            && ts >= p.last
            && ts - p.last <= LIST_REACH
            && (p.last..ts).all(|t| !self.figure[t] && self.mk.term(t).is_none())
    }

    /// A bound written right after the counted noun ("30 شخصا على الأقل"), with its end.
    fn bound_after(&self, after: usize) -> Option<(Bound, usize)> {
        match self.mk.cue(after) {
            Some((end, Cue::Bound(b))) => Some((b, end)),
            _ => None,
        }
    }

    /// Implicit ones: an event noun or verb followed by a singular person noun ("مقتل
    /// جندي"); a verb of one person's fate next to a named person ("توفي الصحفي فلان");
    /// a singular person noun followed by a verb of death or injury ("انتحاري قُتل").
    fn implicit_ones(&self, found: &mut Vec<Found>) {
        let doc = self.doc;
        for i in 0..doc.tokens.len() {
            let Some(at) = self.mk.term(i) else { continue };
            if at.term.role == Role::Count || self.used.contains(&i) || self.figure[i] {
                continue;
            }
            let one = self.one_after(i, at).or_else(|| self.one_before(i, at)).filter(|o| {
                !found.iter().any(|f| f.first < o.last && o.first < f.last.max(f.first + 1))
            });
            let Some(One { first, last, group, noun }) = one else { continue };
            found.push(Found {
                count: 1,
                bound: Bound::Exact,
                kind: at.term.kind,
                group,
                noun,
                first,
                last,
                sentence: doc.sentence_of(i),
                // "وإصابة آخر": one more of the people just counted.
                follows_previous: noun.is_some_and(|(a, _)| matches!(doc.w(a), "اخر" | "اخري")),
                subgroup: false,
                round: false,
            });
        }
    }

    /// The one a term at `i` names after it: a singular person noun, one of a plural
    /// ("أحد أفراد"), or, for an event noun or a verb of one person's fate, a named person.
    fn one_after(&self, i: usize, at: TermAt) -> Option<One> {
        if let Some((pend, group, true)) = self.mk.person(at.end) {
            // "مقتل جندي" but not "مقتل جندي واحد من ..." counted elsewhere.
            return (!self.figure[at.end]).then_some(One {
                first: i,
                last: pend,
                group,
                noun: Some((at.end, pend)),
            });
        }
        // "مقتل أحد أفراد الطاقم": one of them.
        if matches!(self.doc.w(at.end), "احد" | "احدي") {
            if let Some((pend, group, _)) = self.mk.person(at.end + 1) {
                return Some(One { first: i, last: pend, group, noun: Some((at.end + 1, pend)) });
            }
        }
        // "توفي معتقل أثناء احتجازه": one of those a counting noun names.
        if at.term.role == Role::VerbOne {
            if let Some(n) = self.mk.term(at.end).filter(|n| n.term.role == Role::Count) {
                let one = (at.end, n.end);
                return Some(One {
                    first: i,
                    last: n.end,
                    group: Group::Unspecified,
                    noun: Some(one),
                });
            }
        }
        // "توفي الصحفي فلان", "احتجاز مشار": a named person.
        if matches!(at.term.role, Role::VerbOne | Role::Noun) && self.person_entity(at.end) {
            return Some(One { first: i, last: at.end + 1, group: Group::Unspecified, noun: None });
        }
        None
    }

    /// The one a verb at `i` tells of before it: a singular person noun or a named
    /// person as its subject, with no object after the verb ("انتحاري قُتل").
    fn one_before(&self, i: usize, at: TermAt) -> Option<One> {
        if !matches!(at.term.role, Role::Verb | Role::VerbOne)
            || !matches!(at.term.kind, CasualtyKind::Killed | CasualtyKind::Injured)
            || i == 0
        {
            return None;
        }
        let object_after = self.figure.get(at.end).copied().unwrap_or(false)
            || self.mk.person(at.end).is_some()
            || self.person_entity(at.end);
        if object_after {
            return None;
        }
        let noun_start = (i.saturating_sub(2)..i)
            .find(|&t| self.mk.person(t).is_some_and(|(end, _, one)| one && end == i));
        if let Some(t) = noun_start.filter(|&t| t == 0 || !self.figure[t - 1]) {
            let group = self.mk.person(t).map_or(Group::Unspecified, |p| p.1);
            return Some(One { first: t, last: at.end, group, noun: Some((t, i)) });
        }
        (at.term.role == Role::VerbOne && self.person_entity(i - 1)).then_some(One {
            first: i - 1,
            last: at.end,
            group: Group::Unspecified,
            noun: None,
        })
    }

    /// Whether token `t` is part of a person's name.
    fn person_entity(&self, t: usize) -> bool {
        self.doc.entity_at.get(t).is_some_and(|k| self.doc.entities[k].kind == EntityKind::Person)
    }
}

/// Whether a fate the clause tells (`fate`) is what happened to people a counting noun
/// names by their state (`state`): captives killed or wounded, the wounded or missing
/// found dead.
fn overrides(fate: CasualtyKind, state: CasualtyKind) -> bool {
    match state {
        CasualtyKind::Captured => fate != CasualtyKind::Captured,
        CasualtyKind::Injured | CasualtyKind::Missing => fate == CasualtyKind::Killed,
        _ => false,
    }
}

/// A number written round with a scale word ("76 ألف", "2 مليون").
pub fn is_rounded(n: &NumberMatch) -> bool {
    n.words && n.count().is_some_and(|c| c >= 1000 && c.is_multiple_of(1000))
}

/// The country whose nationality adjective token `t` is, used as a noun ("15 فلسطينيا").
/// Any form of it counts ("فلسطينيا", "إسرائيليين", "أتراك", "روس").
pub(crate) fn nationality<'d>(doc: &'d Doc<'_>, t: usize) -> Option<&'d str> {
    let k = doc.entity_at.get(t)?;
    let e = &doc.entities[k];
    let one_word =
        doc.entity_at.get(t + 1) != Some(k) && doc.entity_at.get(t.wrapping_sub(1)) != Some(k);
    (e.kind == EntityKind::Country && one_word)
        .then(|| e.country.as_deref().unwrap_or(e.id.as_str()))
}
