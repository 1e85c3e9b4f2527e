//! The syntactic arguments of a predicate: the subject and object of a verb, the agent,
//! genitive and adjective of a nominal trigger, the prepositional phrases after either,
//! and what governs a nominal trigger (a support verb, تعرض, a relative clause).

use rasd_morph::{Pronoun, Voice};
use rasd_syntax::{ClauseKind, Function, Kind};

use crate::context::Ctx;

/// An argument: a phrase, a pronoun to resolve, or the noun a relative clause describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// A phrase (an index into the parse's phrases).
    Phrase(usize),
    /// A pronoun written at a token (on a verb, a preposition, a complementizer).
    Pron(usize, Pronoun),
    /// The last token of the noun a relative clause describes: its gap.
    Antecedent(usize),
    /// An entity given directly (a subject carried from the clause before).
    Entity(usize),
}

/// A clause's units in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A verb at a token.
    Verb(usize),
    /// A phrase.
    Phrase(usize),
}

/// The subject and object of a verb.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerbArgs {
    /// Who does it (for a passive verb: who it is done to).
    pub subject: Option<Arg>,
    /// What it is done to.
    pub object: Option<Arg>,
    /// The verb is passive: its subject is the one acted upon.
    pub passive: bool,
}

impl Ctx<'_, '_> {
    /// The verbs and phrases of clause `c`, in order.
    pub fn units(&self, c: usize) -> &[Unit] {
        self.units.get(c).map_or(&[], |cell| cell.get_or_init(|| self.clause_units(c)))
    }

    /// The verbs and phrases of clause `c`, in order, read off the parse.
    pub fn clause_units(&self, c: usize) -> Vec<Unit> {
        let mut out = Vec::new();
        let Some(clause) = self.parse.clauses.list.get(c) else { return out };
        for t in clause.tokens() {
            if let Some(p) = self.parse.phrases.index_of(t) {
                if self.parse.phrases.list[p].tokens.start == t {
                    out.push(Unit::Phrase(p));
                }
            } else if self.verb_like(t) {
                out.push(Unit::Verb(t));
            }
        }
        out
    }

    /// Whether token `t` acts as a verb: a verb, or a circumstantial participle that
    /// opens its clause ("، متهما إسرائيل").
    pub fn verb_like(&self, t: usize) -> bool {
        let tag = &self.parse.tags[t];
        tag.is_verb() || tag.has(|f| *f == Function::Circ)
    }

    /// Whether phrase `p` is a bare noun phrase (no preposition).
    pub fn bare(&self, p: usize) -> bool {
        self.parse.phrases.list[p].prep.is_none()
    }

    /// Whether a phrase names a party (directly, or through a phrase attached to it).
    pub fn names_party(&self, p: usize) -> bool {
        !self.phrase_parties(p, true).is_empty()
    }

    /// The subject and object of the verb at token `t`.
    pub fn verb_args(&self, t: usize) -> VerbArgs {
        match self.verb_args_at.get(t) {
            Some(cell) => *cell.get_or_init(|| self.find_verb_args(t)),
            None => self.find_verb_args(t),
        }
    }

    fn find_verb_args(&self, t: usize) -> VerbArgs {
        let Some(c) = self.parse.clauses.index_of(t) else { return VerbArgs::default() };
        let units = self.units(c);
        let Some(at) = units.iter().position(|u| *u == Unit::Verb(t)) else {
            return VerbArgs::default();
        };
        let tag = &self.parse.tags[t];
        let passive = self.passive(t);
        // Bare noun phrases right after the verb, up to the next verb.
        let after: Vec<usize> = units[at + 1..]
            .iter()
            .take_while(|u| !matches!(u, Unit::Verb(_)))
            .filter_map(|u| match u {
                Unit::Phrase(p) => {
                    let ph = &self.parse.phrases.list[*p];
                    let when = self.timed.get(ph.head).copied().unwrap_or(false);
                    (self.bare(*p) && !ph.coordinated && !ph.aside && !when).then_some(*p)
                }
                _ => None,
            })
            .collect();
        // The topic before it, in its clause, with no verb between, when it names a party.
        let before = units[..at]
            .iter()
            .rev()
            .take_while(|u| !matches!(u, Unit::Verb(_)))
            .find_map(|u| match u {
                Unit::Phrase(p)
                    if self.bare(*p)
                        && !self.parse.phrases.list[*p].aside
                        && self.names_party(*p) =>
                {
                    Some(*p)
                }
                _ => None,
            })
            .map(|p| self.first_of_coordination(p));
        let object_pron = tag.pronoun.filter(|_| tag.analysis.is_some_and(|a| a.has_object()));
        let clause = &self.parse.clauses.list[c];
        let gap = (clause.kind == ClauseKind::Rel).then_some(clause.antecedent).flatten();
        let (mut subject, mut object) = (None, None);
        // "، متهما إسرائيل بخرق الهدنة": a circumstantial participle's subject is its
        // clause's, and the phrase after it its object.
        if tag.has(|f| *f == Function::Circ) {
            let subject = self.carried_subject(c, t);
            return VerbArgs {
                subject,
                object: after.first().map(|&p| Arg::Phrase(p)),
                passive: false,
            };
        }
        // "قصفنا مواقعهم", "سنلتقي نظيري": a verb in the first or second person says
        // its subject itself (the speaker, or whoever is addressed), and a noun after it
        // is its object.
        if let Some(pron) = self.subject_in_verb(t) {
            let subject =
                (pron.person() == rasd_morph::Person::First).then_some(Arg::Pron(t, pron));
            let object = match object_pron {
                Some(p) => Some(Arg::Pron(t, p)),
                None => after.first().map(|&p| Arg::Phrase(p)),
            };
            return VerbArgs { subject, object, passive };
        }
        // "لكنه اتهم الإمارات", "أنها قصفت": a pronoun on the word that opens the clause
        // is its subject, and the phrase after the verb its object.
        let marker_pron = clause
            .marker
            .filter(|&m| m < t && before.is_none())
            .and_then(|m| self.parse.tags[m].pronoun.map(|p| (m, p)))
            .filter(|_| clause.kind != ClauseKind::Rel);
        if let Some((m, p)) = marker_pron {
            subject = Some(Arg::Pron(m, p));
            object = after.first().map(|&p| Arg::Phrase(p));
        }
        match (before, after.first()) {
            _ if marker_pron.is_some() => {}
            // "القوات الروسية قصفت مواقع": the topic is the subject.
            (Some(b), first) => {
                subject = Some(Arg::Phrase(b));
                object = first.map(|&p| Arg::Phrase(p));
            }
            (None, Some(&first)) => {
                let first_is_subject =
                    object_pron.is_some() || gap.is_none() || self.relative_marker_is_object(c);
                if first_is_subject {
                    subject = Some(Arg::Phrase(first));
                    // "التقى المبعوث الأممي هانس غروندبرغ وزير الخارجية العماني": a
                    // person of the subject's side right after it is its holder.
                    let rest: Vec<usize> = after[1..]
                        .iter()
                        .copied()
                        .skip_while(|&p| self.holder_of(first, p))
                        .collect();
                    object = rest.first().map(|&p| Arg::Phrase(p));
                } else {
                    object = Some(Arg::Phrase(first));
                }
            }
            (None, None) => {}
        }
        // "صواريخ أطلقها حزب الله", "التي تحاصرها قوات الدعم السريع": the object is the gap.
        if let Some(pron) = object_pron {
            object = Some(match gap {
                Some(a) if clause.marker.is_some_and(|m| m <= t) => Arg::Antecedent(a),
                _ => Arg::Pron(t, pron),
            });
        }
        // "الحوثيون الذين هاجموا السفينة": with no subject of its own, the relative
        // clause's verb has the noun it describes for subject.
        if subject.is_none() {
            subject = match gap {
                Some(a) if object_pron.is_none() => Some(Arg::Antecedent(a)),
                _ => self.carried_subject(c, t),
            };
        }
        VerbArgs { subject, object, passive }
    }

    /// The pronoun a verb's own ending or prefix stands for, when it is in the first or
    /// second person in all its readings ("قصفنا", "نرفض", "هاجمتم"): no noun can be its
    /// subject then.
    fn subject_in_verb(&self, t: usize) -> Option<Pronoun> {
        let a = self.parse.tags[t].analysis?;
        let mut cells = a.infl.agreement.cells();
        let first = cells.next()?;
        let person = first.person();
        if person == rasd_morph::Person::Third || cells.any(|c| c.person() != person) {
            return None;
        }
        Some(match first {
            rasd_morph::Cell::S1 => Pronoun::S1,
            rasd_morph::Cell::P1 => Pronoun::P1,
            rasd_morph::Cell::D2 => Pronoun::D2,
            rasd_morph::Cell::Mp2 => Pronoun::Mp2,
            rasd_morph::Cell::Fp2 => Pronoun::Fp2,
            _ => Pronoun::S2,
        })
    }

    /// Whether phrase `q` names a person on the side of phrase `p` (its holder in
    /// apposition).
    fn holder_of(&self, p: usize, q: usize) -> bool {
        let ph = &self.parse.phrases.list[q];
        let person = ph
            .noun_tokens()
            .filter_map(|t| self.doc.entity_at.get(t))
            .all(|k| self.doc.entities[k].kind == rasd_model::EntityKind::Person)
            && ph.noun_tokens().any(|t| self.doc.entity_at.get(t).is_some());
        if !person {
            return false;
        }
        let side = |x: usize| self.phrase_parties(x, false).first().map(|p| p.code);
        side(p).is_some() && side(p) == side(q)
    }

    /// Whether a relative clause's relative word stands for its object rather than its
    /// subject: never in the clauses the grammar cuts (the object gap is marked by a
    /// pronoun on the verb).
    fn relative_marker_is_object(&self, _c: usize) -> bool {
        false
    }

    /// Whether the verb at `t` is passive: marked so by its letters or harakat.
    pub fn passive(&self, t: usize) -> bool {
        let Some(a) = self.parse.tags[t].analysis else { return false };
        rasd_morph::voice(self.doc.original(t, t + 1), &a) == Some(Voice::Passive)
    }

    /// The first phrase of the coordination that phrase `p` ends ("مصر وقطر" from قطر).
    pub fn first_of_coordination(&self, p: usize) -> usize {
        let mut q = p;
        while q > 0 && self.parse.phrases.list[q].coordinated {
            let prev = &self.parse.phrases.list[q - 1];
            if prev.clause != self.parse.phrases.list[q].clause {
                break;
            }
            q -= 1;
        }
        q
    }

    /// The subject a clause without one of its own takes: a pronoun on its complementizer
    /// ("أعلن الجيش أنه اغتال"), else the subject of the clause it is joined to or
    /// depends on (a coordinated verb, a circumstantial participle, a complement with
    /// no subject named).
    fn carried_subject(&self, c: usize, t: usize) -> Option<Arg> {
        let clause = &self.parse.clauses.list[c];
        if let Some(m) = clause.marker {
            let mtag = &self.parse.tags[m];
            if mtag.kind == Kind::Function && mtag.has(|f| *f == Function::Comp) {
                if let Some(p) = mtag.pronoun {
                    return Some(Arg::Pron(m, p));
                }
            }
        }
        let parent = clause.parent?;
        match clause.kind {
            ClauseKind::Coord | ClauseKind::Circ | ClauseKind::Comp | ClauseKind::Adv(_) => {
                let pv = self.main_verb(parent)?;
                if pv == t {
                    return None;
                }
                self.verb_args(pv).subject.filter(|_| !self.passive(pv))
            }
            _ => None,
        }
    }

    /// The first verb of clause `c`.
    pub fn main_verb(&self, c: usize) -> Option<usize> {
        self.parse.clauses.list.get(c)?.tokens().find(|&t| self.verb_like(t))
    }

    /// The prepositional phrases with preposition `key` after token `t` in its clause,
    /// up to the next verb, each with the phrases coordinated with it.
    pub fn preps_after(&self, t: usize, key: u16) -> Vec<usize> {
        self.preps_after_within(t, key, true)
    }

    /// As [`Self::preps_after`], also past another act's noun: a mediation brokers the
    /// whole accord, the acts it holds too ("اتفاق لوقف إطلاق النار بوساطة قطرية").
    pub fn preps_after_acts(&self, t: usize, key: u16) -> Vec<usize> {
        self.preps_after_within(t, key, false)
    }

    fn preps_after_within(&self, t: usize, key: u16, own_act_only: bool) -> Vec<usize> {
        let Some(c) = self.parse.clauses.index_of(t) else { return Vec::new() };
        let units = self.units(c);
        // Units are in text order: the first one reaching past `t` is found by halving.
        let start = units.partition_point(|u| match u {
            Unit::Verb(v) => *v < t,
            Unit::Phrase(p) => self.parse.phrases.list[*p].tokens.end <= t,
        });
        let mut out = Vec::new();
        let mut in_prep = false;
        // Past another act's noun, up to the next comma, phrases are that act's.
        let mut theirs = false;
        let mut key_act = false;
        for u in &units[start..] {
            match u {
                Unit::Verb(v) if *v > t => break,
                Unit::Verb(_) => {}
                Unit::Phrase(p) => {
                    let ph = &self.parse.phrases.list[*p];
                    if ph.tokens.start <= t && ph.tokens.end > t {
                        continue;
                    }
                    if ph.after_comma {
                        theirs = false;
                    }
                    if theirs {
                        continue;
                    }
                    if key_act && ph.after_noun {
                        in_prep = false;
                        continue;
                    }
                    if ph.prep == Some(key) {
                        out.push(*p);
                        in_prep = true;
                    } else if in_prep && ph.coordinated && ph.prep.is_none() {
                        out.push(*p);
                    } else {
                        in_prep = false;
                    }
                    // What follows another act's noun is that act's ("لبحث وقف إطلاق النار
                    // مع روسيا": Russia is no party to the meeting).
                    let other_act = match self.phrase_acts[*p] {
                        [Some(first), second] => first != t || second.is_some(),
                        [None, _] => false,
                    };
                    if own_act_only && other_act && ph.prep != Some(key) {
                        theirs = true;
                    }
                    // A phrase of the key that names another act keeps what hangs on it
                    // ("برد على أي اعتداء إسرائيلي | على لبنان": where the attack would be).
                    key_act = own_act_only && other_act && ph.prep == Some(key);
                }
            }
        }
        out
    }

    /// The first two tokens of phrase `p`'s noun where a trigger starts.
    pub fn acts_in_phrase(&self, p: usize) -> [Option<usize>; 2] {
        let mut acts =
            self.parse.phrases.list[p].noun_tokens().filter(|&u| self.trigger_at.get(u).is_some());
        [acts.next(), acts.next()]
    }

    /// The phrase holding token `t`, and whether `t` is its head.
    pub fn phrase_of(&self, t: usize) -> Option<usize> {
        self.parse.phrases.index_of(t)
    }

    /// The key of a phrase's preposition (as data/syntax/words.tsv names it), if it has one.
    pub fn prep_key_of(&self, ph: &rasd_syntax::Phrase) -> Option<&str> {
        ph.prep.map(|k| self.lex.grammar.prep_key(k))
    }
}
