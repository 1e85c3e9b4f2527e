//! Clauses: each sentence cut into the clauses that hold its verbs, each with its kind,
//! the word that opens it and the clause it depends on.
//!
//! A clause opens at a relative pronoun (الذي، التي ...) or a verb with an object
//! pronoun right after an indefinite noun (an asyndetic relative: "صواريخ أطلقها حزب
//! الله"), at a complementizer (أن، إن، بأن ...), at an adverbial marker (بعد أن، فيما،
//! إذا ...), at و/ف/ثم/لكن before a verb (or, past a verb already in the clause, before a
//! new subject and its verb), and at an accusative participle that opens a circumstantial
//! clause (", متهما ..."). An embedded clause ends where its parent visibly goes on: at a
//! comma, at a preposition the parent's verb governs ("أسفر هجوم شنته حركة الشباب على
//! قاعدة عن مقتل ..."), at a purpose phrase, or at a second verb when the parent still
//! lacks one ("إن الجنود الذين قتلوا في الهجوم كانوا ..."); the words after it continue
//! the parent. A fronted adverbial clause ends at its comma or at the فـ of the answer.

use std::ops::Range;

use rasd_morph::{Aspect, Pos, Proclitics};

use rasd_attribution::Doc;

use crate::grammar::{AdvSense, ConjKind, Function, NegScope, VerbSense};
use crate::tag::{Kind, Tag};

/// What kind of clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// The sentence's main clause.
    Main,
    /// A clause joined to another by و، ف، ثم، لكن.
    Coord,
    /// A complement clause (أن، إن، بأن ...), or speech quoted after a verb of saying.
    Comp,
    /// A relative clause.
    Rel,
    /// An adverbial clause, with what it says of its parent.
    Adv(AdvSense),
    /// A circumstantial clause (", متهما ...", "وهو ما ...").
    Circ,
}

impl ClauseKind {
    /// The name the clause table uses (`main`, `coord`, `comp`, `rel`, `adv`, `circ`).
    pub fn name(self) -> &'static str {
        match self {
            ClauseKind::Main => "main",
            ClauseKind::Coord => "coord",
            ClauseKind::Comp => "comp",
            ClauseKind::Rel => "rel",
            ClauseKind::Adv(_) => "adv",
            ClauseKind::Circ => "circ",
        }
    }
}

/// One clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Its kind.
    pub kind: ClauseKind,
    /// Its tokens, as one range or several when embedded clauses interrupt it.
    pub segments: Vec<Range<usize>>,
    /// The clause it depends on (or, for a coordinated clause, the one it is joined to).
    pub parent: Option<usize>,
    /// The token that opens it (the complementizer, the relative pronoun, the marker,
    /// the conjunction, the participle), if any.
    pub marker: Option<usize>,
    /// For a relative clause, the last token of the noun it describes.
    pub antecedent: Option<usize>,
    /// Its sentence.
    pub sentence: usize,
}

impl Clause {
    /// Its first token.
    pub fn start(&self) -> usize {
        self.segments.first().map_or(0, |r| r.start)
    }

    /// Its tokens, in order.
    pub fn tokens(&self) -> impl Iterator<Item = usize> + '_ {
        self.segments.iter().flat_map(|r| r.clone())
    }

    /// Whether token `t` is in it.
    pub fn contains(&self, t: usize) -> bool {
        self.segments.iter().any(|r| r.contains(&t))
    }
}

/// The clauses of a document: every sentence's, in order, and the clause of each token.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    /// The clauses.
    pub list: Vec<Clause>,
    /// Per token, its clause (an index into `list`).
    pub at: Vec<u32>,
}

impl Clauses {
    /// The clause holding token `t`.
    pub fn of(&self, t: usize) -> Option<&Clause> {
        self.list.get(*self.at.get(t)? as usize)
    }

    /// The index of the clause holding token `t`.
    pub fn index_of(&self, t: usize) -> Option<usize> {
        self.at.get(t).map(|&c| c as usize)
    }

    /// The clauses of `kind` hanging on clause `c` that open after it. Clauses are listed
    /// in the order they open, so these follow `c` within its sentence (one opening
    /// before it, a fronted clause, ends before it too).
    pub fn under(&self, c: usize, kind: ClauseKind) -> impl Iterator<Item = &Clause> + '_ {
        let sentence = self.list[c].sentence;
        self.list[c + 1..]
            .iter()
            .take_while(move |d| d.sentence == sentence)
            .filter(move |d| d.parent == Some(c) && d.kind == kind)
    }
}

/// Cuts every sentence into clauses.
#[inline(never)]
pub fn clauses(tags: &[Tag<'_>], doc: &Doc<'_>, wanted: &dyn Fn(usize) -> bool) -> Clauses {
    // A few clauses a sentence: sized once rather than grown (each doubling a copy).
    let list = Vec::with_capacity(doc.sentences.len() * 4);
    let mut out = Clauses { list, at: vec![0; tags.len()] };
    // Indexed by clause over the whole document: each sentence's clauses are new ones,
    // so one table serves every sentence without being cleared.
    let mut facts = ClauseFacts::default();
    for (s, r) in doc.sentences.iter().enumerate() {
        let first = out.list.len();
        if !wanted(s) {
            // Not read: one main clause, so that every token still has one.
            for slot in &mut out.at[r.clone()] {
                *slot = first as u32;
            }
            out.list.push(Clause {
                kind: ClauseKind::Main,
                segments: vec![r.clone()],
                parent: None,
                marker: None,
                antecedent: None,
                sentence: s,
            });
            continue;
        }
        Cutter { tags, doc, out: &mut out, stack: Vec::new(), sentence: s, facts: &mut facts }
            .run(r.clone());
        fronted_speech(tags, doc, &mut out, first, r.clone());
    }
    out
}

/// Per clause (by index), whether it has a verb yet, and a verb of saying; its first
/// verb; the prepositions its verbs govern.
#[derive(Default)]
struct ClauseFacts {
    has_verb: Vec<bool>,
    has_say: Vec<bool>,
    first_verb: Vec<Option<usize>>,
    governs: Vec<Vec<u16>>,
}

/// The state of one sentence's cut: the clauses open, innermost last.
struct Cutter<'a, 'g> {
    tags: &'a [Tag<'g>],
    doc: &'a Doc<'a>,
    out: &'a mut Clauses,
    stack: Vec<usize>,
    sentence: usize,
    facts: &'a mut ClauseFacts,
}

/// What a token does to the clauses open before it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    /// Nothing: it belongs to the current clause.
    Stay,
    /// It opens a clause of this kind, depending on the current one.
    Open(ClauseKind),
    /// It ends the current (embedded) clause: it and what follows continue the parent.
    Close,
    /// It ends the current clause and opens a new one beside it.
    CloseOpen(ClauseKind),
}

impl Cutter<'_, '_> {
    fn w(&self, t: usize) -> &str {
        self.doc.w(t)
    }

    fn run(mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        let kind = if self.fronted_adverbial(r.start) {
            self.adv_sense(r.start).map_or(ClauseKind::Main, ClauseKind::Adv)
        } else {
            ClauseKind::Main
        };
        let main = self.open(kind, r.start, None);
        if kind != ClauseKind::Main {
            // The main clause opens once the fronted adverbial ends.
            self.out.list[main].marker = Some(r.start);
        }
        let mut t = r.start;
        while t < r.end {
            let step = if t == r.start { Step::Stay } else { self.step(t, r.end) };
            self.apply(step, t);
            let end = self.tags[t].end.clamp(t + 1, r.end);
            for u in t..end {
                self.out.at[u] = self.current() as u32;
            }
            self.extend(t, end);
            t = end;
        }
    }

    fn current(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn open(&mut self, kind: ClauseKind, at: usize, parent: Option<usize>) -> usize {
        let i = self.out.list.len();
        let marker = (kind != ClauseKind::Main).then_some(at);
        let antecedent = (kind == ClauseKind::Rel).then(|| self.antecedent(at)).flatten();
        self.out.list.push(Clause {
            kind,
            segments: Vec::new(),
            parent,
            marker,
            antecedent,
            sentence: self.sentence,
        });
        self.stack.push(i);
        i
    }

    /// Adds tokens `[t, end)` to the current clause.
    fn extend(&mut self, t: usize, end: usize) {
        let c = self.current();
        if let Some(v) = (t..end).find(|&u| self.tags[u].is_verb()) {
            let n = self.out.list.len().max(c + 1);
            let facts = &mut *self.facts;
            facts.has_verb.resize(n, false);
            facts.has_say.resize(n, false);
            facts.first_verb.resize(n, None);
            facts.governs.resize(n, Vec::new());
            facts.has_verb[c] = true;
            facts.first_verb[c].get_or_insert(v);
            match self.tags[v].sense {
                Some(VerbSense::Say) => facts.has_say[c] = true,
                Some(VerbSense::Governs(k)) => facts.governs[c].push(k),
                _ => {}
            }
        }
        let segs = &mut self.out.list[c].segments;
        match segs.last_mut() {
            Some(r) if r.end == t => r.end = end,
            _ => segs.push(t..end),
        }
    }

    fn apply(&mut self, step: Step, t: usize) {
        match step {
            Step::Stay => {}
            Step::Open(kind) => {
                let parent = self.parent_for(kind);
                self.open(kind, t, Some(parent));
            }
            Step::Close => self.close(),
            Step::CloseOpen(kind) => {
                self.close();
                let parent = self.parent_for(kind);
                self.open(kind, t, Some(parent));
            }
        }
    }

    fn close(&mut self) {
        if self.stack.len() > 1 {
            let closed = self.stack.pop().unwrap_or(0);
            // A fronted adverbial's parent is the main clause that follows it.
            if self.stack.len() == 1 && self.out.list[self.current()].segments.is_empty() {
                self.out.list[closed].parent = Some(self.current());
            }
        } else if let Some(&only) = self.stack.first() {
            // A fronted adverbial at the bottom of the stack: the main clause begins.
            if matches!(self.out.list[only].kind, ClauseKind::Adv(_)) {
                let main = self.out.list.len();
                self.out.list.push(Clause {
                    kind: ClauseKind::Main,
                    segments: Vec::new(),
                    parent: None,
                    marker: None,
                    antecedent: None,
                    sentence: self.sentence,
                });
                self.out.list[only].parent = Some(main);
                self.stack[0] = main;
            }
        }
    }

    /// The clause a new clause of `kind` depends on: the current one; a complement
    /// after an embedded clause whose verb takes none goes with the clause around it
    /// ("قال المتحدث الذي ... إن").
    fn parent_for(&self, kind: ClauseKind) -> usize {
        let cur = self.current();
        if kind == ClauseKind::Comp {
            for &c in self.stack.iter().rev() {
                let cl = &self.out.list[c];
                let embedded = matches!(cl.kind, ClauseKind::Rel | ClauseKind::Circ);
                if !embedded || self.takes_complement(c) {
                    return c;
                }
            }
        }
        cur
    }

    /// Whether clause `c` has a verb of saying (or is a circumstantial clause: "مؤكدا أن").
    fn takes_complement(&self, c: usize) -> bool {
        self.facts.has_say.get(c).copied().unwrap_or(false)
            || self.out.list[c].kind == ClauseKind::Circ
    }

    /// The noun a relative clause opened at `at` describes: the last nominal before it.
    fn antecedent(&self, at: usize) -> Option<usize> {
        let mut p = at.checked_sub(1)?;
        while self.tags[p].kind == Kind::Punct {
            p = p.checked_sub(1)?;
        }
        self.tags[p].is_nominal().then_some(p)
    }

    /// Whether the sentence opens with an adverbial clause ("وعندما وصلت ...، كانت").
    fn fronted_adverbial(&self, t: usize) -> bool {
        self.adv_sense(t).is_some() && self.verb_within(t + 1, 4)
    }

    fn adv_sense(&self, t: usize) -> Option<AdvSense> {
        self.tags[t].functions.iter().find_map(|(f, _)| match f {
            Function::Adv(s) => Some(*s),
            _ => None,
        })
    }

    /// Whether a verb comes within `n` tokens from `t` (names counted as one).
    fn verb_within(&self, t: usize, n: usize) -> bool {
        let mut u = t;
        let mut seen = 0;
        while u < self.tags.len() && seen < n {
            let tag = &self.tags[u];
            if tag.is_verb() {
                return true;
            }
            if tag.kind == Kind::Punct || self.opens_clause(u) {
                return false;
            }
            u = tag.end.max(u + 1);
            seen += 1;
        }
        false
    }

    /// Whether the word at `u` is a marker that opens a clause (relative, complementizer,
    /// adverbial).
    fn opens_clause(&self, u: usize) -> bool {
        self.tags[u].has(|f| matches!(f, Function::Rel | Function::Comp | Function::Adv(_)))
    }

    fn cur_kind(&self) -> ClauseKind {
        self.out.list[self.current()].kind
    }

    /// Whether the current clause already has a verb.
    fn current_has_verb(&self) -> bool {
        self.facts.has_verb.get(self.current()).copied().unwrap_or(false)
    }

    /// What token `t` does to the clauses open before it.
    fn step(&self, t: usize, end: usize) -> Step {
        let tag = &self.tags[t];
        let prev_comma = self.prev_is(t, &[",", "،"]);
        if let Some(s) = self.close_step(t, end, prev_comma) {
            return s;
        }
        if self.quote_opens(t) {
            return Step::Open(ClauseKind::Comp);
        }
        match tag.kind {
            Kind::Function => self.function_step(t, prev_comma),
            Kind::Verb => self.verb_step(t),
            Kind::Nominal | Kind::Entity(_) => self.subject_step(t, prev_comma),
            _ => Step::Stay,
        }
    }

    /// Whether a quotation opens at `t` after a verb of saying and a colon ("قال
    /// الرئيس: «لن نتنازل»"): the quoted words are its complement.
    fn quote_opens(&self, t: usize) -> bool {
        let quote = |u: usize| self.tags[u].kind == Kind::Punct && self.w(u) == "\"";
        let colon = |u: usize| self.tags[u].kind == Kind::Punct && self.w(u) == ":";
        let at_colon = colon(t) || (t > 0 && quote(t) && colon(t - 1));
        at_colon
            && !(t > 0 && colon(t - 1) && quote(t))
            && self.prev_is_say(t)
            && self.cur_kind() != ClauseKind::Comp
    }

    /// Whether the token before `t` is one of `marks`.
    fn prev_is(&self, t: usize, marks: &[&str]) -> bool {
        t.checked_sub(1)
            .is_some_and(|p| self.tags[p].kind == Kind::Punct && marks.contains(&self.w(p)))
    }

    /// Whether an embedded clause ends at `t`.
    fn close_step(&self, t: usize, end: usize, prev_comma: bool) -> Option<Step> {
        if self.stack.len() < 2 && !matches!(self.cur_kind(), ClauseKind::Adv(_)) {
            return None;
        }
        let tag = &self.tags[t];
        match self.cur_kind() {
            ClauseKind::Adv(_) if self.is_fronted(self.current()) => {
                // "وإذا لم تنسحب ...، فإن الاتفاق سينهار": the answer starts at its فـ.
                let answer = tag.proclitics.contains(Proclitics::FA);
                (prev_comma || answer).then_some(Step::Close)
            }
            ClauseKind::Rel => {
                let opener = self.opens_clause(t) || tag.has(|f| *f == Function::Circ);
                if prev_comma && !opener {
                    return Some(Step::Close);
                }
                let governed = self.governed_by_parent(t);
                let purpose = tag.proclitics.contains(Proclitics::LI)
                    && tag.analysis.is_some_and(|a| a.infl.pos == Pos::Masdar);
                let verb_for_parent = tag.is_verb()
                    && !tag.has_conj()
                    && self.current_has_verb()
                    && !self.parent_has_verb();
                (governed || purpose || verb_for_parent).then_some(Step::Close)
            }
            _ => {
                let _ = end;
                None
            }
        }
    }

    /// Whether clause `c` is a fronted adverbial (the first clause of its sentence, with
    /// no main clause begun yet).
    fn is_fronted(&self, c: usize) -> bool {
        self.stack.first() == Some(&c)
    }

    /// Whether the clause around the current one has a verb yet.
    fn parent_has_verb(&self) -> bool {
        let Some(&p) = self.stack.iter().rev().nth(1) else { return true };
        self.facts.has_verb.get(p).copied().unwrap_or(false)
    }

    /// Whether token `t` is a preposition that a verb of the enclosing clause governs
    /// and has not yet had ("أسفر هجوم ... عن مقتل").
    fn governed_by_parent(&self, t: usize) -> bool {
        let tag = &self.tags[t];
        let Some(prep) = tag.functions.iter().find_map(|(f, _)| match f {
            Function::Prep(k) => Some(*k),
            _ => None,
        }) else {
            return false;
        };
        let Some(&p) = self.stack.iter().rev().nth(1) else { return false };
        self.facts.governs.get(p).is_some_and(|g| g.contains(&prep))
    }

    fn function_step(&self, t: usize, prev_comma: bool) -> Step {
        let tag = &self.tags[t];
        if tag.has(|f| *f == Function::Rel) && self.antecedent(t).is_some() {
            return Step::Open(ClauseKind::Rel);
        }
        if tag.has(|f| *f == Function::Circ) && (prev_comma || self.current_has_verb()) {
            return self.beside(t, ClauseKind::Circ);
        }
        if let Some(step) = self.comp_or_condition(t, prev_comma) {
            return step;
        }
        if tag.has(|f| *f == Function::Whether) {
            return Step::Open(ClauseKind::Comp);
        }
        if let Some(sense) = self.adv_sense(t) {
            if self.adverbial_here(t, sense) {
                return self.beside(t, ClauseKind::Adv(sense));
            }
        }
        if let Some(k) = self.conj_kind(t) {
            let next = self.tags[t].end;
            let verb_next = next < self.tags.len() && self.verb_within(next, 4);
            let but = k == ConjKind::But;
            if (but && verb_next)
                || (self.tags.get(next).is_some_and(Tag::is_verb) && k != ConjKind::Or)
            {
                return self.beside(t, ClauseKind::Coord);
            }
        }
        // "، وهو ما نفته موسكو", "وهم يرددون هتافات": an aside on the clause before.
        let pron_aside = tag.has_conj()
            && tag.has(|f| *f == Function::Pron)
            && (prev_comma || self.tags.get(tag.end).is_some_and(Tag::is_verb));
        // "، ما أسفر عن مقتل ...": what the clause before led to.
        let ma_aside = prev_comma
            && self.w(t) == "ما"
            && self.tags.get(tag.end).is_some_and(Tag::is_verb)
            && self.current_has_verb();
        if (pron_aside || ma_aside) && self.current_has_verb() {
            return self.beside(t, ClauseKind::Circ);
        }
        // "قال الرئيس: «لن نتنازل»": speech quoted after a verb of saying.
        if tag.kind == Kind::Punct {
            return Step::Stay;
        }
        Step::Stay
    }

    /// A complementizer, or a conditional إن at the head of a clause.
    fn comp_or_condition(&self, t: usize, prev_comma: bool) -> Option<Step> {
        let tag = &self.tags[t];
        if !tag.has(|f| *f == Function::Comp) {
            return None;
        }
        // "فإن": the answer of a condition, not a complement.
        if tag.proclitics.contains(Proclitics::FA) {
            return Some(Step::Stay);
        }
        let conditional = tag.has(|f| *f == Function::Adv(AdvSense::Condition))
            && (prev_comma || tag.has_conj())
            && self.tags.get(t + 1).is_some_and(|n| {
                n.analysis.is_some_and(|a| a.infl.aspect == Some(Aspect::Perfect)) && n.is_verb()
            })
            && !self.prev_is_say(t);
        if conditional {
            return Some(self.beside(t, ClauseKind::Adv(AdvSense::Condition)));
        }
        // A second complement joined by و ("وأن ...") stands beside the first.
        if tag.has_conj() && self.cur_kind() == ClauseKind::Comp {
            return Some(Step::CloseOpen(ClauseKind::Comp));
        }
        Some(Step::Open(ClauseKind::Comp))
    }

    /// Whether the current clause (all before `t`) has a verb of saying.
    fn prev_is_say(&self, _t: usize) -> bool {
        self.takes_complement(self.current())
    }

    /// Whether an adverbial marker at `t` opens a clause here: حتى and لما only before a
    /// verb ("حتى الآن" is no clause), the others before a verb or a subject and its verb.
    fn adverbial_here(&self, t: usize, sense: AdvSense) -> bool {
        let next = self.tags[t].end;
        let tag = &self.tags[t];
        let strict = tag.has(|f| matches!(f, Function::Prep(_) | Function::Neg(NegScope::Past)));
        if strict {
            return self.tags.get(next).is_some_and(Tag::is_verb);
        }
        match sense {
            AdvSense::Place | AdvSense::Contrast => true,
            _ => self.verb_within(next, 4),
        }
    }

    fn conj_kind(&self, t: usize) -> Option<ConjKind> {
        self.tags[t].functions.iter().find_map(|(f, _)| match f {
            Function::Conj(k) => Some(*k),
            _ => None,
        })
    }

    /// A clause at `t` that stands beside the current one: an embedded clause that has
    /// its verb ends first, unless the new one depends on it.
    fn beside(&self, _t: usize, kind: ClauseKind) -> Step {
        match (self.cur_kind(), kind) {
            (ClauseKind::Rel | ClauseKind::Circ, ClauseKind::Coord) if self.current_has_verb() => {
                Step::Open(kind)
            }
            (ClauseKind::Rel, _) if self.current_has_verb() => Step::CloseOpen(kind),
            _ => Step::Open(kind),
        }
    }

    fn verb_step(&self, t: usize) -> Step {
        let tag = &self.tags[t];
        // "وخطفوا", "فردت": a verb with و or ف opens a clause joined to the current one.
        if tag.has_conj() && self.current_has_verb() {
            return self.beside(t, ClauseKind::Coord);
        }
        // "صواريخ أطلقها حزب الله": a verb with its object written on it, right after an
        // indefinite noun, is a relative clause on that noun.
        let object = tag.analysis.is_some_and(|a| a.has_object());
        let after_indefinite = t.checked_sub(1).is_some_and(|p| {
            let n = &self.tags[p];
            n.kind == Kind::Nominal && !n.definite() && self.current_has_verb_before(p)
                || (n.kind == Kind::Nominal && !n.definite() && self.w(p) != "ما")
        });
        if object && after_indefinite && !tag.has_conj() {
            return Step::Open(ClauseKind::Rel);
        }
        // "وقال مسؤول أمريكي طلب عدم الكشف عن هويته", "اعتقلت الشرطة رجلين يشتبه في
        // ...": a second verb right after an indefinite noun, once the clause has its
        // own verb, describes that noun.
        let prev_indefinite = t.checked_sub(1).is_some_and(|p| {
            let n = &self.tags[p];
            (n.kind == Kind::Nominal && !n.definite() && self.w(p) != "ما")
                || (matches!(n.kind, Kind::Entity(_)) && object)
        });
        if prev_indefinite && !tag.has_conj() && self.current_has_verb() {
            return Step::Open(ClauseKind::Rel);
        }
        Step::Stay
    }

    fn current_has_verb_before(&self, p: usize) -> bool {
        self.facts.first_verb.get(self.current()).copied().flatten().is_some_and(|v| v < p)
    }

    /// "، والقوات الأوكرانية ردت": past a verb of the current clause, a new subject with
    /// و and a verb right after it opens a clause beside it.
    fn subject_step(&self, t: usize, prev_comma: bool) -> Step {
        let tag = &self.tags[t];
        if !tag.has_conj() || !self.current_has_verb() {
            return Step::Stay;
        }
        // A new subject is definite; "وصواريخ أطلقها الحوثيون" is a list item and the
        // relative clause on it.
        let definite =
            tag.definite() || matches!(tag.kind, Kind::Entity(_)) || tag.pronoun.is_some();
        if !definite {
            return Step::Stay;
        }
        let next = tag.end;
        let verb_next = self.tags.get(next).is_some_and(|n| {
            n.is_verb() && !n.has_conj() && n.analysis.is_some_and(|a| a.infl.aspect.is_some())
        });
        if verb_next || (prev_comma && self.verb_within(next, 3)) {
            return self.beside(t, ClauseKind::Coord);
        }
        Step::Stay
    }
}

/// "«سنرد على أي اعتداء»، قال قائد الحرس الثوري": speech before its verb of saying is
/// the verb's complement; the verb and its speaker are the main clause.
fn fronted_speech(
    tags: &[Tag<'_>],
    doc: &Doc<'_>,
    out: &mut Clauses,
    first: usize,
    r: Range<usize>,
) {
    // The verb of saying: a third-person perfect right after a comma or a closing
    // quote, followed only by its speaker to the end of the sentence.
    let say = (r.start + 1..r.end).find(|&t| {
        let tag = &tags[t];
        let after_mark = doc.tokens[t - 1].kind == rasd_text::TokenKind::Punct
            && matches!(doc.w(t - 1), "," | "\"");
        let is_say = tag.is_verb()
            && tag.sense == Some(VerbSense::Say)
            && tag.analysis.is_some_and(|a| {
                a.infl.aspect == Some(Aspect::Perfect) && !a.proclitics.conjunction()
            });
        let rest_is_speaker = || {
            (t + 1..r.end)
                .all(|u| !tags[u].is_verb() && !tags[u].has(|f| matches!(f, Function::Comp)))
        };
        after_mark && is_say && rest_is_speaker()
    });
    let Some(say) = say else { return };
    // Everything before it was cut as the main clause and what hangs on it: it becomes
    // the complement of a main clause that starts at the verb.
    let main = out.list.len();
    out.list.push(Clause {
        kind: ClauseKind::Main,
        segments: std::iter::once(say..r.end).collect(),
        parent: None,
        marker: None,
        antecedent: None,
        sentence: out.list[first].sentence,
    });
    for c in first..main {
        let cl = &mut out.list[c];
        cl.segments.retain_mut(|seg| {
            seg.end = seg.end.min(say);
            seg.start < seg.end
        });
        if cl.parent.is_none() {
            cl.parent = Some(main);
            if cl.kind == ClauseKind::Main {
                cl.kind = ClauseKind::Comp;
            }
        }
    }
    for slot in &mut out.at[say..r.end] {
        *slot = main as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_tables() {
        let names: Vec<&str> = [
            ClauseKind::Main,
            ClauseKind::Coord,
            ClauseKind::Comp,
            ClauseKind::Rel,
            ClauseKind::Adv(AdvSense::Time),
            ClauseKind::Circ,
        ]
        .iter()
        .map(|k| k.name())
        .collect();
        assert_eq!(names, ["main", "coord", "comp", "rel", "adv", "circ"]);
    }
}
