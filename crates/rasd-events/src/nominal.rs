//! The arguments of a nominal trigger (a masdar or an event noun): who does it and to
//! whom, read off its own phrase and what governs it.
//!
//! - its adjective: "القصف الإسرائيلي", "غارات أمريكية بريطانية" — the agent;
//! - its genitive: "قصف المدينة" (the patient) or "زيارة الرئيس", "إدانة السعودية"
//!   (the agent, as the class says, and always when a ل-object follows: "قصف روسيا
//!   لمنشآت الطاقة");
//! - a ل-phrase right after it: the patient after a genitive, else the agent when it
//!   names a party ("هجوم لحزب الله") and the patient when it names a place;
//! - من قبل / على يد: the agent;
//! - what governs it: a support verb's subject is its agent ("شنت إسرائيل غارات"), تعرض's
//!   subject its patient ("تعرضت مدينة سومي لقصف روسي"), a relative clause on it with a
//!   support verb names its agent ("هجوم شنته حركة الشباب"), and the victims of the
//!   clause it is the cause of are its patients ("قتل جنود في هجوم").

use rasd_syntax::ClauseKind;

use crate::args::{Arg, Unit};
use crate::context::Ctx;
use crate::frames::Shape;
use crate::parties::Party;

/// What a nominal trigger's own phrase and governors give.
#[derive(Debug, Clone, Default)]
pub struct NominalArgs<'e> {
    /// Agents, with the slot that gave each ("adjective", "genitive", ...).
    pub agents: Vec<(Party<'e>, &'static str)>,
    /// Patients, likewise.
    pub patients: Vec<(Party<'e>, &'static str)>,
    /// A support verb governs it (its subject is the agent): the verb's token.
    pub light: Option<usize>,
}

/// Prepositions after which an act is the cause of what the clause says happened to its
/// subject ("قتل جنود في هجوم", "أصيب مدنيون جراء القصف").
const CAUSE_PREPS: [&str; 5] = ["في", "جراء", "بعد", "خلال", "ب"];

impl<'e> Ctx<'_, 'e> {
    /// The arguments of the nominal trigger at token `t`; `violent`: a trigger of
    /// force, whose victims a clause it is the cause of names.
    pub fn nominal_args(
        &self,
        t: usize,
        genitive_is_subject: bool,
        violent: bool,
    ) -> NominalArgs<'e> {
        self.nominal_args_with(t, genitive_is_subject, genitive_is_subject, violent)
    }

    /// As [`Ctx::nominal_args`], where the genitive may act ("هجوم حماس") while a
    /// ل-phrase still follows the class ("هجوم لحزب الله": `lam_as_class_says` false).
    pub fn nominal_args_with(
        &self,
        t: usize,
        genitive_is_subject: bool,
        lam_as_class_says: bool,
        violent: bool,
    ) -> NominalArgs<'e> {
        let mut out = NominalArgs::default();
        // A trigger of several words may run into the next phrase ("لهجوم بطائرة
        // مسيرة"): what follows it is read from the phrase of its last word.
        let Some(p) = self.phrase_of(self.trigger_end(t) - 1) else { return out };
        let after_own = self.own_phrase_after(t, p);
        let lam = self.attached_by(p, "ل");
        // "عقوبات الاتحاد الأوروبي على روسيا": with a target after it, the genitive acts
        // (looked for only when a genitive is there to read).
        let aimed = std::cell::OnceCell::new();
        let aimed = || {
            *aimed.get_or_init(|| {
                self.lex.known.against.iter().any(|k| {
                    k.is_some_and(|k| {
                        self.preps_after(t, k).into_iter().any(|q| self.names_party(q))
                    })
                })
            })
        };
        let mut genitive_found = false;
        // "إدانتها الهجمات": a noun with a suffix takes no genitive; what follows is the
        // object of the act the suffix's owner does.
        let suffixed = self.parse.tags[self.trigger_end(t) - 1].pronoun.is_some();
        for (party, adjective) in after_own {
            if adjective {
                out.agents.push((party, "adjective"));
            } else if suffixed {
                out.patients.push((party, "verbal noun's object"));
            } else {
                genitive_found = true;
                if genitive_is_subject || lam.is_some() || aimed() {
                    out.agents.push((party, "genitive"));
                } else {
                    out.patients.push((party, "genitive"));
                }
            }
        }
        // "لقصف مدفعي من قوات الدعم السريع": an act of force from a party.
        if violent {
            if let Some(q) = self.attached_by(p, "من") {
                for party in self.phrase_parties(q, false) {
                    out.agents.push((party, "prep:من"));
                }
            }
        }
        if let Some(q) = lam {
            for party in self.phrase_parties(q, true) {
                let agent = !genitive_found && !lam_as_class_says && !party.place;
                if agent {
                    out.agents.push((party, "prep:ل"));
                } else {
                    out.patients.push((party, "prep:ل"));
                }
            }
        }
        if let Some(q) = self.verbal_noun_object(t, p) {
            for party in self.phrase_parties(q, false) {
                out.patients.push((party, "verbal noun's object"));
            }
        }
        self.governors(t, p, violent, &mut out);
        out
    }

    /// The object of a verbal noun that carries its agent as a pronoun ("رفضها طلب
    /// تركيا"، "إدانته الهجوم"): a noun with a suffix takes no genitive, so the bare noun
    /// phrase right after it is what the act is done to, as a verb's object would be.
    fn verbal_noun_object(&self, t: usize, p: usize) -> Option<usize> {
        let last = self.trigger_end(t) - 1;
        self.parse.tags[last].pronoun?;
        let phrases = &self.parse.phrases.list;
        let next = phrases.get(p + 1)?;
        let bare = next.prep.is_none() && !next.coordinated && !next.aside && !next.after_comma;
        (bare && next.after_noun && next.clause == phrases[p].clause).then_some(p + 1)
    }

    /// The parties named in the trigger's own phrase after it: (party, is an adjective).
    /// A country named by its nisba right after the trigger or its own adjectives is an
    /// adjective ("غارات إسرائيلية", "غارات جوية إسرائيلية"); once a noun comes, what
    /// follows is its genitive ("إسقاط طائرة مسيرة هندية": the drone is India's), as is
    /// a name after a trigger written without the article ("قصف روسيا").
    fn own_phrase_after(&self, t: usize, p: usize) -> Vec<(Party<'e>, bool)> {
        let ph = &self.parse.phrases.list[p];
        let definite = self.parse.tags[t].definite();
        let mut out: Vec<(Party<'e>, bool)> = Vec::new();
        let mut genitive = false;
        let mut u = self.trigger_end(t);
        while u < ph.tokens.end {
            let tag = &self.parse.tags[u];
            let end = tag.end.max(u + 1);
            // "انسحاب وحداته": a possessor on a genitive noun is whose it is.
            let possessor = (tag.kind == rasd_syntax::Kind::Nominal)
                .then_some(tag.pronoun)
                .flatten()
                .and_then(|pron| self.resolve(u, pron).into_iter().next());
            match self.token_party(u, true).or(possessor) {
                Some(party) => {
                    let adjective = !genitive && self.is_adjective(u, party.entity);
                    let keep = adjective || !definite || genitive;
                    if keep && !out.iter().any(|(x, _)| x.entity == party.entity) {
                        out.push((party, adjective));
                    }
                    genitive |= !adjective;
                }
                None => {
                    if !rasd_syntax::phrase::nisba_at(self.doc, u) {
                        genitive = true;
                    }
                }
            }
            u = end;
        }
        out
    }

    /// The trigger named in trigger `i`'s own phrase after it, or in a ل-phrase
    /// attached to it: the act it is done to ("إسقاط طائرة مسيرة", "اعتراض صواريخ").
    pub fn act_after(&self, i: usize) -> Option<usize> {
        let t = self.triggers[i].at;
        let p = self.phrase_of(t)?;
        let ph = &self.parse.phrases.list[p];
        (self.trigger_end(t)..ph.tokens.end)
            .find_map(|u| self.trigger_at.get(u))
            .or_else(|| self.attached_by(p, "ل").and_then(|q| self.act_in(q)))
            .or_else(|| self.verbal_noun_object(t, p).and_then(|q| self.act_in(q)))
    }

    /// One past a trigger starting at `t` (a phrase trigger runs over several tokens).
    pub fn trigger_end(&self, t: usize) -> usize {
        self.trigger_at.get(t).map_or(t + 1, |i| self.triggers[i].end)
    }

    /// Whether entity `k` at token `u` is written as a nisba adjective ("الإسرائيلية").
    fn is_adjective(&self, u: usize, k: usize) -> bool {
        self.doc.entities[k].kind == rasd_model::EntityKind::Country
            && rasd_syntax::phrase::nisba_at(self.doc, u)
    }

    /// Whether the phrase after verb `v` starts with a count of people ("قتل جنديان",
    /// "قتل 12 شخصا"): the verb is then a passive telling losses.
    pub fn counted_subject(&self, v: usize) -> bool {
        let Some(Arg::Phrase(p)) = self.verb_args(v).subject else { return false };
        let ph = &self.parse.phrases.list[p];
        let first = ph.head;
        let tag = &self.parse.tags[first];
        let counted = tag.kind == rasd_syntax::Kind::Number
            || self.lex.known.count.is_some_and(|s| self.in_set(first, s))
            || self.doc.w(first).ends_with("ان")
            || self.doc.w(first).ends_with("ين");
        ph.prep.is_none() && ph.tokens.start > v && counted && !self.names_party_as_agent(p)
    }

    /// The counted phrase right before the verb at `v`, when there is one: "أن 29 شخصا
    /// قتلوا" tells who were killed, written like "they killed".
    pub fn counted_topic(&self, v: usize) -> Option<usize> {
        let c = self.parse.clauses.index_of(v)?;
        let units = self.units(c);
        let at = units.iter().position(|u| *u == Unit::Verb(v))?;
        let Unit::Phrase(p) = *units.get(at.checked_sub(1)?)? else { return None };
        let ph = &self.parse.phrases.list[p];
        let first = ph.tokens.start;
        let counted = self.parse.tags[first].kind == rasd_syntax::Kind::Number
            || self.lex.known.count.is_some_and(|s| self.in_set(first, s));
        // "أكثر من 1600 شخص قتلوا", "ما لا يقل عن 200 شخص قتلوا": a bound on the count.
        let bounded = || {
            matches!(self.prep_key_of(ph), Some("من" | "عن"))
                && self.parse.tags[ph.head].kind == rasd_syntax::Kind::Number
        };
        let bare = ph.prep.is_none() && counted;
        ((bare || bounded()) && !self.names_party_as_agent(p)).then_some(p)
    }

    /// Whether counted phrase `p` names a party that can act (a body, a group), not
    /// people counted by their nationality: "38 فلسطينيا" (the word a number counts is
    /// people, however it is spelled), "ثلاثة جنود أتراك" (a state after the counted
    /// noun is their nationality, a plural nisba or not).
    fn names_party_as_agent(&self, p: usize) -> bool {
        let counted_word =
            |t: usize| t > 0 && self.parse.tags[t - 1].kind == rasd_syntax::Kind::Number;
        let ph = &self.parse.phrases.list[p];
        ph.noun_tokens().filter(|&t| !counted_word(t)).any(|t| {
            self.doc.entity_at.get(t).is_some_and(|k| {
                self.doc.entities[k].kind != rasd_model::EntityKind::Country
                    || (t == ph.head && !rasd_syntax::phrase::nisba_at(self.doc, t))
            })
        })
    }

    /// The phrase right after phrase `p`, attached to it by the preposition `key`.
    pub fn attached_by(&self, p: usize, key: &str) -> Option<usize> {
        let phrases = &self.parse.phrases.list;
        let next = phrases.get(p + 1)?;
        let attached = next.after_noun && next.clause == phrases[p].clause;
        (attached && self.prep_key_of(next) == Some(key)).then_some(p + 1)
    }

    /// The relative clause with a support verb on trigger `t`'s phrase ("هجوم شنته
    /// حماس على موقع"), and that verb: its prepositional phrases are the act's too.
    pub fn support_relative(&self, t: usize) -> Option<usize> {
        let p = self.phrase_of(self.trigger_end(t) - 1)?;
        let ph = &self.parse.phrases.list[p];
        let rel = self.relative_on(ph.tokens.end.saturating_sub(1))?;
        let v = self.main_verb(rel)?;
        (self.verb_shape(v) == Some(Shape::Light) || self.launches(v)).then_some(v)
    }

    /// What governs the trigger's phrase: a support verb, تعرض، a relative clause on it,
    /// a clause of victims it is the cause of.
    fn governors(&self, t: usize, p: usize, violent: bool, out: &mut NominalArgs<'e>) {
        let ph = &self.parse.phrases.list[p];
        let c = ph.clause;
        if let Some(v) = self.governing_verb(p) {
            let shape = self.verb_shape(v);
            let args = self.verb_args(v);
            // "بدأت القوات قصف ...", "ردت باكستان بقصف ...": a verb that is no trigger
            // shares its subject with the act it governs, as a support verb does.
            let in_fi = self.prep_key_of(ph) == Some("في");
            let witness = self.lex.known.witness.is_some_and(|s| self.in_set(v, s));
            let violent_scene = violent && in_fi;
            let plain =
                !(self.trigger_at.get(v).is_some() || args.passive || violent_scene || witness);
            match shape {
                Some(Shape::Light) => {
                    out.light = Some(v);
                    if let Some(s) = args.subject {
                        for party in self.arg_parties(s, false) {
                            out.agents.push((party, "support-verb subject"));
                        }
                    }
                }
                Some(Shape::Undergo) => {
                    if let Some(s) = args.subject {
                        for party in self.arg_parties(s, true) {
                            out.patients.push((party, "subject of تعرض"));
                        }
                    }
                }
                None if plain => {
                    if let Some(s) = args.subject {
                        for party in self.arg_parties(s, false) {
                            out.agents.push((party, "governing verb's subject"));
                        }
                    }
                }
                _ => {}
            }
        }
        // "إعلان أذربيجان عملية عسكرية", "التوصل إلى اتفاق": a support noun right before
        // it lends it its agent.
        if out.light.is_none() {
            if let Some(l) = self.light_noun_before(p) {
                out.light = Some(self.triggers[l].at);
                let la = self.nominal_args(self.triggers[l].at, true, false);
                out.agents.extend(la.agents.into_iter().map(|(party, _)| (party, "support noun")));
            }
        }
        // "هجوم شنته حركة الشباب": a relative clause on it, with a support verb; on the
        // last of a list it describes them all ("مسيرات وصواريخ أطلقها الحوثيون").
        let rel = self
            .relative_on(ph.tokens.end.saturating_sub(1))
            .or_else(|| self.relative_on(self.coordination_end(p).saturating_sub(1)));
        if let Some(rel) = rel {
            if let Some(v) = self.main_verb(rel) {
                if self.verb_shape(v) == Some(Shape::Light) || self.launches(v) {
                    if let Some(s) = self.verb_args(v).subject {
                        for party in self.arg_parties(s, false) {
                            out.agents.push((party, "relative clause"));
                        }
                    }
                    // "صواريخ أطلقت من لبنان": where it was launched from.
                    if out.agents.is_empty() {
                        if let Some(k) = self.lex.known.min {
                            for q in self.preps_after(v, k) {
                                for party in self.phrase_parties(q, true) {
                                    out.agents.push((party, "launched from"));
                                }
                            }
                        }
                    }
                }
            }
        }
        self.fought_with(t, p, out);
        // "قتل جنود إسرائيليون في هجوم": the victims of the clause are its patients.
        let cause = self.prep_key_of(ph).is_some_and(|k| CAUSE_PREPS.contains(&k));
        if cause && violent && out.patients.is_empty() {
            // Not a verb of saying: "أفادت الوزارة بمقتل 28 شخصا جراء الصواريخ" names
            // the one who tells, not the victims.
            let says = |v: usize| self.parse.tags[v].sense == Some(rasd_syntax::VerbSense::Say);
            if let Some(v) = self.main_verb(c).filter(|&v| v < t && !says(v)) {
                // "أن 40 فلسطينيا قتلوا في غارات": a count before the verb is who were
                // killed, as a count after it is.
                let victims = if self.trigger_at.get(v).is_none() || self.counted_subject(v) {
                    self.verb_args(v).subject
                } else {
                    self.counted_topic(v).map(Arg::Phrase)
                };
                for party in victims.map(|s| self.arg_parties(s, false)).unwrap_or_default() {
                    out.patients.push((party, "victims"));
                }
            }
        }
    }

    /// "انسحبت القوات الروسية بعد معارك مع الجيش الأوكراني": fighting with someone,
    /// told in a phrase of time or cause, was fought by its clause's subject.
    fn fought_with(&self, t: usize, p: usize, out: &mut NominalArgs<'e>) {
        let ph = &self.parse.phrases.list[p];
        let circumstance = matches!(self.prep_key_of(ph), Some("بعد" | "خلال" | "في" | "جراء"));
        let joint = self.trigger_at.get(t).is_some_and(|j| {
            self.triggers[j].rows.first().is_some_and(|&r| {
                self.lex.classes[self.lex.frames[r as usize].class].shape == Shape::Joint
            })
        });
        let with =
            self.lex.grammar.prep_index("مع").is_some_and(|k| !self.preps_after(t, k).is_empty());
        if !out.agents.is_empty() || !circumstance || !joint || !with {
            return;
        }
        let Some(v) = self.main_verb(ph.clause).filter(|&v| v < t) else { return };
        if let Some(s) = self.verb_args(v).subject {
            for party in self.arg_parties(s, false) {
                out.agents.push((party, "clause subject"));
            }
        }
    }

    /// The verb that phrase `p` is the object or ل-complement of, in its clause.
    pub fn governing_verb(&self, p: usize) -> Option<usize> {
        let c = self.parse.phrases.list[p].clause;
        let units = self.units(c);
        let at = units.iter().position(|u| *u == Unit::Phrase(p))?;
        let v = units[..at].iter().rev().find_map(|u| match u {
            Unit::Verb(v) => Some(*v),
            _ => None,
        })?;
        let args = self.verb_args(v);
        let first = self.first_of_coordination(p);
        let is_object = matches!(args.object, Some(Arg::Phrase(o)) if o == p || o == first);
        let ph = &self.parse.phrases.list[p];
        // "شن موجات متلاحقة من الغارات": a من-phrase on the object names what it counts.
        let partitive = ph.after_noun
            && p > 0
            && self.prep_key_of(ph) == Some("من")
            && matches!(args.object, Some(Arg::Phrase(o)) if o == p - 1);
        if partitive {
            return Some(v);
        }
        // "وصل الوزير في زيارة إلى لبنان": the visit is his; "أعربت عن إدانتها": the
        // stance a support verb expresses is its subject's. A phrase hanging on a noun is
        // that noun's, not the verb's.
        let light = self.verb_shape(v) == Some(Shape::Light);
        // "تحتفظ إيران بحق الرد": a trigger that begins with its phrase's preposition
        // hangs on the verb whatever that preposition is.
        let own_prep = ph.prep.is_some() && self.trigger_at.get(ph.tokens.start).is_some();
        let by_prep = own_prep
            || self.prep_key_of(ph).is_some_and(|key| {
                matches!(key, "ل" | "ب" | "الي" | "في") || (light && key == "عن")
            });
        // "أعربت مصر عن إدانتها للهجوم": past another act's noun (not a support noun
        // like مسؤولية), a phrase is that act's.
        let other_act = |u: usize| {
            self.trigger_at.get(u).is_some_and(|j| {
                let row = self.triggers[j].rows.first().map(|&r| &self.lex.frames[r as usize]);
                // A trigger of several words reaching into this phrase is its own.
                self.triggers[j].end <= ph.tokens.start
                    && row.is_some_and(|f| self.lex.classes[f.class].shape != Shape::Light)
            })
        };
        let other_act_between = self.parse.phrases.list[..p]
            .iter()
            .rev()
            .take_while(|q| q.clause == ph.clause && q.tokens.start > v)
            .any(|q| q.noun_tokens().any(other_act));
        (is_object || (by_prep && !other_act_between)).then_some(v)
    }

    /// The support noun (a masdar of class shape light) in the phrase right before
    /// phrase `p`, when `p` is its object or its الى-complement.
    fn light_noun_before(&self, p: usize) -> Option<usize> {
        let phrases = &self.parse.phrases.list;
        let ph = &phrases[p];
        let prev = phrases.get(p.checked_sub(1)?)?;
        let adjacent = prev.clause == ph.clause && prev.tokens.end == ph.tokens.start;
        let fits = matches!(self.prep_key_of(ph), None | Some("الي"));
        if !adjacent || !fits {
            return None;
        }
        prev.noun_tokens().filter_map(|t| self.trigger_at.get(t)).find(|&l| {
            let tr = &self.triggers[l];
            tr.nominal
                && tr.rows.first().is_some_and(|&r| {
                    self.lex.classes[self.lex.frames[r as usize].class].shape == Shape::Light
                })
        })
    }

    /// The shape of the frame of a verb trigger at `v`, if it is one.
    pub fn verb_shape(&self, v: usize) -> Option<Shape> {
        let i = self.trigger_at.get(v)?;
        let tr = &self.triggers[i];
        if tr.nominal {
            return None;
        }
        // A row that holds only for a planned act (a vow) is not how the verb governs a
        // noun after it ("ردت باكستان بقصف": a support verb).
        let row = tr.rows.iter().find(|&&r| !self.lex.frames[r as usize].planned_only)?;
        let f = &self.lex.frames[*row as usize];
        Some(self.lex.classes[f.class].shape)
    }

    /// Whether the verb at `v` is one that launches or sends (أطلق، أرسل ...).
    fn launches(&self, v: usize) -> bool {
        self.lex.known.launch.is_some_and(|s| self.in_set(v, s))
    }

    /// One past the last token of the list phrase `p` starts ("مسيرات وصواريخ ...").
    fn coordination_end(&self, p: usize) -> usize {
        let list = &self.parse.phrases.list;
        let mut q = p;
        while list.get(q + 1).is_some_and(|n| {
            (n.coordinated || n.after_noun) && !n.aside && n.clause == list[p].clause
        }) {
            q += 1;
        }
        list[q].tokens.end
    }

    /// The relative clause whose antecedent is token `t`, if any.
    pub fn relative_on(&self, t: usize) -> Option<usize> {
        let c = self.parse.clauses.index_of(t)?;
        let list = &self.parse.clauses.list;
        (c + 1..list.len().min(c + 4))
            .find(|&r| list[r].kind == ClauseKind::Rel && list[r].antecedent == Some(t))
    }
}
