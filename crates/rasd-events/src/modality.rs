//! Modality per trigger: whether what a trigger names happened (asserted), is said to
//! have happened (reported, with its claimant), is denied, is planned — or is only
//! asked for, threatened, proposed, sought, stopped, cited as a reason, hypothetical or
//! negated, in which case it is no event.
//!
//! A cue (`data/events/modality.tsv`) reaches the complement clause it introduces, the
//! noun phrase after it, the phrase of a preposition it governs, or the rest of its
//! clause. A trigger takes the innermost cue that reaches it; a reported or denied act
//! inside a demand is still only demanded. Negation is read off the words before the
//! trigger's verb (لم، لن، لا، ما، ليس), or off an occurrence or support verb that governs
//! it ("لم يحدث أي لقاء", "لم تشن إسرائيل أي غارات"); عدم and غير negate the noun after.

use rasd_morph::Proclitics;
use rasd_syntax::{AdvSense, ClauseKind, Function, Kind, NegScope};

use crate::args::Arg;
use crate::context::Ctx;
use crate::frames::{Modality, Scope};
use crate::parties::Party;

/// What the text says of one trigger's act.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mood<'e> {
    /// The modality of the cue that reaches it (none: asserted).
    pub modality: Option<Modality>,
    /// The cue's tokens.
    pub cue: Option<(usize, usize)>,
    /// Negated.
    pub negated: bool,
    /// In a condition's clause.
    pub conditional: bool,
    /// Marked future (سـ، سوف) or planned.
    pub planned: bool,
    /// A purpose ("لبحث", "لدعم"): not a happening.
    pub purpose: bool,
    /// Who says it happened (or denies it).
    pub claimant: Option<Party<'e>>,
    /// Denied by someone.
    pub denied: bool,
}

impl Mood<'_> {
    /// Whether the act is an event.
    pub fn yields_event(&self) -> bool {
        !self.negated
            && !self.conditional
            && !self.purpose
            && self.modality.is_none_or(Modality::yields_event)
    }

    /// The name of what decided it, for explanations.
    pub fn name(&self) -> &'static str {
        if self.negated {
            "negated"
        } else if self.conditional {
            "conditional"
        } else if self.purpose {
            "purpose"
        } else if self.denied {
            "denied"
        } else if self.planned {
            "planned"
        } else if let Some(m) = self.modality.filter(|m| !m.yields_event()) {
            m.name()
        } else if self.claimant.is_some() {
            "reported"
        } else {
            "asserted"
        }
    }
}

impl<'e> Ctx<'_, 'e> {
    /// The mood of the trigger at token `t`.
    pub fn mood(&self, t: usize) -> Mood<'e> {
        let mut m = Mood {
            negated: self.negated(t),
            conditional: self.conditional(t),
            purpose: self.purpose(t),
            ..Mood::default()
        };
        for (_, cue, modality) in self.cues_reaching(t) {
            match modality {
                Modality::Reported => {
                    if m.claimant.is_none() {
                        m.claimant = self.cue_subject(cue);
                    }
                }
                Modality::Denied => {
                    m.denied = true;
                    if m.claimant.is_none() {
                        m.claimant = self.cue_subject(cue);
                    }
                }
                Modality::Planned => m.planned = true,
                Modality::Occurred | Modality::Halted => {}
                blocking => {
                    if m.modality.is_none() {
                        m.modality = Some(blocking);
                        m.cue = Some((self.cues[cue].at, self.cues[cue].end));
                    }
                }
            }
            if m.cue.is_none() {
                m.cue = Some((self.cues[cue].at, self.cues[cue].end));
            }
        }
        if self.future(t) {
            m.planned = true;
        }
        if m.claimant.is_none() {
            m.claimant = self.attributed(t);
        }
        m
    }

    /// The cues whose scope holds token `t`, innermost first: how deep, the cue, its
    /// modality.
    fn cues_reaching(&self, t: usize) -> Vec<(usize, usize, Modality)> {
        let s = self.doc.sentence_of(t);
        let range = self.doc.sentences[s].clone();
        let mut out: Vec<(usize, usize, Modality)> = Vec::new();
        // Cues are in text order: only the sentence's are looked at.
        let first = self.cues.partition_point(|c| c.at < range.start);
        let last = self.cues.partition_point(|c| c.at < range.end);
        for (i, cue) in self.cues.iter().enumerate().take(last).skip(first) {
            if cue.at <= t && t < cue.end {
                continue;
            }
            let row = &self.lex.cues[cue.cue as usize];
            if let Some(depth) = row.scopes.iter().filter_map(|sc| self.reaches(i, *sc, t)).min() {
                out.push((depth, i, row.modality));
            }
        }
        out.sort_by_key(|&(d, i, _)| (d, std::cmp::Reverse(self.cues[i].at)));
        out
    }

    /// Whether cue `i`'s scope reaches token `t`; how deep (0 nearest) when it does.
    fn reaches(&self, i: usize, scope: Scope, t: usize) -> Option<usize> {
        let cue = self.cues[i];
        match scope {
            Scope::Complement => self.complement_depth(cue.at, t),
            Scope::Following => self.follows(cue.at, cue.end, t).then_some(0),
            Scope::Clause => {
                let same = self.parse.clauses.index_of(cue.at) == self.parse.clauses.index_of(t);
                (same && t > cue.at).then_some(1)
            }
            Scope::Prep(k) => {
                // "تأمل في عقد جولة من المحادثات": the phrase and what is attached to it.
                let in_pp = self
                    .preps_after(cue.end.saturating_sub(1), k)
                    .iter()
                    .any(|&p| self.in_phrase_or_attached(p, t));
                in_pp.then_some(0)
            }
            Scope::Next => (t == cue.end).then_some(0),
            Scope::Imperfect => {
                let v = cue.end;
                let imperfect = self.parse.tags.get(v).is_some_and(|tag| {
                    tag.is_verb()
                        && tag.analysis.is_some_and(|a| {
                            a.infl.aspect == Some(rasd_morph::Aspect::Imperfect) && !a.future()
                        })
                });
                let same = self.parse.clauses.index_of(v) == self.parse.clauses.index_of(t);
                (imperfect && same && t >= v).then_some(1)
            }
        }
    }

    /// Whether token `t` is in phrase `p` or in the phrases attached after it.
    fn in_phrase_or_attached(&self, p: usize, t: usize) -> bool {
        let list = &self.parse.phrases.list;
        let mut q = p;
        loop {
            if list[q].tokens.contains(&t) {
                return true;
            }
            match list.get(q + 1) {
                Some(next) if next.after_noun && next.clause == list[p].clause => q += 1,
                _ => return false,
            }
        }
    }

    /// How many clauses up from token `t`'s clause a complement clause hangs on the
    /// clause of the cue at `cue_at` (after the cue), if one does.
    fn complement_depth(&self, cue_at: usize, t: usize) -> Option<usize> {
        let list = &self.parse.clauses.list;
        let cue_clause = self.parse.clauses.index_of(cue_at)?;
        let mut c = self.parse.clauses.index_of(t)?;
        let mut depth = 0;
        while depth < 8 {
            let clause = &list[c];
            let parent = clause.parent?;
            if clause.kind == ClauseKind::Comp && parent == cue_clause && clause.start() > cue_at {
                return Some(depth);
            }
            c = parent;
            depth += 1;
        }
        None
    }

    /// Whether token `t` is in the noun phrase right after the cue at `[at, end)` (the
    /// cue's own phrase after it, and the phrases attached to it), before any verb.
    fn follows(&self, at: usize, end: usize, t: usize) -> bool {
        if t < end {
            return false;
        }
        let phrases = &self.parse.phrases;
        let start_p = match phrases.index_of(at) {
            Some(p) if phrases.list[p].tokens.end > end => Some(p),
            _ => phrases.index_of(end),
        };
        let Some(mut p) = start_p else { return false };
        loop {
            let ph = &phrases.list[p];
            if ph.tokens.contains(&t) {
                return true;
            }
            match phrases.list.get(p + 1) {
                Some(next) if (next.after_noun || next.coordinated) && next.clause == ph.clause => {
                    p += 1
                }
                _ => return false,
            }
        }
    }

    /// The subject of the verb (or noun) a cue is, as the one who reports or denies.
    fn cue_subject(&self, cue: usize) -> Option<Party<'e>> {
        let at = self.cues[cue].at;
        let tag = &self.parse.tags[at];
        let subject = if tag.is_verb() {
            self.verb_args(at).subject
        } else {
            // "بيان للجيش", "في بيان أصدرته الوزارة": a statement's author.
            self.phrase_of(at).and_then(|p| {
                let next = self.parse.phrases.list.get(p + 1)?;
                next.after_noun.then_some(Arg::Phrase(p + 1))
            })
        };
        let party = subject.and_then(|s| self.arg_parties(s, false).into_iter().next());
        party.or_else(|| self.attributed(at))
    }

    /// The claimant attribution gives token `t`'s sentence ("بحسب X", a verb of saying
    /// with no complement marker, a subject carried from the sentence before).
    fn attributed(&self, t: usize) -> Option<Party<'e>> {
        let c = self.doc.claimant_with(t, &self.claims)?;
        if c.report == rasd_attribution::Report::Source {
            return None;
        }
        let code = self.code(c.entity)?;
        Some(Party { entity: c.entity, code, token: c.at, place: false })
    }

    /// The subject of the reporting verb whose complement holds token `t`.
    pub fn reporter(&self, t: usize) -> Option<Party<'e>> {
        self.cues_reaching(t)
            .into_iter()
            .find(|(_, _, m)| matches!(m, Modality::Reported | Modality::Denied))
            .and_then(|(_, i, _)| self.cue_subject(i))
    }

    /// Whether the trigger at `t` is negated.
    fn negated(&self, t: usize) -> bool {
        let tags = &self.parse.tags;
        let Some(c) = self.parse.clauses.index_of(t) else { return false };
        // The word before a verb (past قد، names and "أي"), or عدم / غير before a noun.
        if self.negation_before(t) {
            return true;
        }
        // A negated support or occurrence verb governs it.
        let clause = &self.parse.clauses.list[c];
        clause.tokens().filter(|&v| v < t && tags[v].is_verb()).any(|v| {
            let governs = self.verb_shape(v).is_some()
                || self.cue_at.get(v).is_some_and(|i| {
                    self.lex.cues[self.cues[i].cue as usize].modality == Modality::Occurred
                });
            governs && self.negation_before(v) && (v..t).all(|u| !tags[u].is_verb() || u == v)
        })
    }

    /// Whether a negation stands right before token `t` (past قد and names).
    fn negation_before(&self, t: usize) -> bool {
        let tags = &self.parse.tags;
        let mut u = t;
        let mut hops = 0;
        while u > 0 && hops < 3 {
            u -= 1;
            let tag = &tags[u];
            match tag.kind {
                Kind::Inside => continue,
                Kind::Function => {
                    if tag.has(|f| matches!(f, Function::Still)) {
                        return false;
                    }
                    if tag.has(|f| matches!(f, Function::Neg(_))) {
                        // "غير" and "عدم" negate the noun right after them; the others the
                        // verb after them.
                        let noun_neg = tag.has(|f| *f == Function::Neg(NegScope::Noun));
                        return (!noun_neg || hops == 0) && !self.relative_ma(u);
                    }
                    if !tag.has(|f| matches!(f, Function::Aux { .. } | Function::Quant)) {
                        return false;
                    }
                }
                Kind::Entity(_) => {}
                _ => return false,
            }
            hops += 1;
        }
        false
    }

    /// Whether "ما" at token `u` is the relative "what", not the negation: a verb right
    /// after it carries the pronoun that takes it up ("أدان ما وصفه بالهجوم": what he
    /// called an attack).
    fn relative_ma(&self, u: usize) -> bool {
        let tags = &self.parse.tags;
        self.doc.w(u) == "ما"
            && tags
                .get(tags[u].end)
                .is_some_and(|v| v.is_verb() && v.analysis.is_some_and(|a| a.has_object()))
    }

    /// Whether the trigger at `t` is in a condition's clause (or one below it).
    fn conditional(&self, t: usize) -> bool {
        let list = &self.parse.clauses.list;
        let mut c = self.parse.clauses.index_of(t);
        let mut hops = 0;
        while let Some(i) = c {
            if list[i].kind == ClauseKind::Adv(AdvSense::Condition) {
                return true;
            }
            if hops > 6 {
                break;
            }
            c = list[i].parent;
            hops += 1;
        }
        false
    }

    /// Whether the nominal trigger at `t` is a purpose: ل on it, and no noun or verb it
    /// is the complement of ("اجتمعوا لبحث", "أرسلت قوات لدعم الحكومة").
    fn purpose(&self, t: usize) -> bool {
        let tag = &self.parse.tags[t];
        let nominal = self.trigger_at.get(t).is_some_and(|i| self.triggers[i].nominal);
        if !nominal || !tag.proclitics.contains(Proclitics::LI) {
            return false;
        }
        let Some(p) = self.phrase_of(t) else { return false };
        let ph = &self.parse.phrases.list[p];
        if ph.head != t {
            return false;
        }
        // Right after a bare noun it may be that noun's complement ("دعوة لوقف", "مواقع
        // للجيش"); after a place or another phrase it is a purpose.
        if ph.after_noun && p > 0 && self.parse.phrases.list[p - 1].prep.is_none() {
            return false;
        }
        // "تعرضت لقصف", "تصدت لهجوم": a verb that takes ل.
        let units = self.units(ph.clause);
        let prev_verb = units
            .iter()
            .rev()
            .skip_while(|u| !matches!(u, crate::args::Unit::Phrase(q) if *q == p))
            .skip(1)
            .find_map(|u| match u {
                crate::args::Unit::Verb(v) => Some(*v),
                _ => None,
            });
        !prev_verb.is_some_and(|v| self.trigger_at.get(v).is_some() || self.takes_lam(v))
    }

    /// Whether the verb at `v` governs ل (a grammar verb that says so).
    fn takes_lam(&self, v: usize) -> bool {
        let k = self.lex.known.lam;
        matches!(self.parse.tags[v].sense, Some(rasd_syntax::VerbSense::Governs(x)) if Some(x) == k)
    }

    /// Whether the verb at `t` is future: سـ on it, or سوف before it.
    fn future(&self, t: usize) -> bool {
        let tag = &self.parse.tags[t];
        if tag.analysis.is_some_and(|a| a.future()) {
            return true;
        }
        t.checked_sub(1).is_some_and(|p| self.parse.tags[p].has(|f| *f == Function::Future))
    }
}
