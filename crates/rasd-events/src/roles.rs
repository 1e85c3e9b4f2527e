//! Roles: a trigger's frame class says which slots fill its actors, targets and content;
//! this module reads each slot off the clause.

use rasd_syntax::ClauseKind;

use crate::args::{Arg, VerbArgs};
use crate::context::Ctx;
use crate::frames::{Class, Modality, Shape, Slot, SlotKind, Via};
use crate::nominal::NominalArgs;
use crate::parties::Party;

/// A party in a role, with the slot that put it there.
#[derive(Debug, Clone, Copy)]
pub struct Filler<'e> {
    /// The party.
    pub party: Party<'e>,
    /// The slot's name ("subject", "prep:علي", "adjective", ...).
    pub slot: &'static str,
}

/// A trigger's roles as its frame fills them.
#[derive(Debug, Clone, Default)]
pub struct Filled<'e> {
    /// The frame row used.
    pub row: u32,
    /// The class its roles were read with (the row's, or the row class's weapon class).
    pub class: usize,
    /// Who acts.
    pub actors: Vec<Filler<'e>>,
    /// Who is acted upon.
    pub targets: Vec<Filler<'e>>,
    /// Triggers that are this act's content (indexes into the context's triggers).
    pub content: Vec<usize>,
    /// For an accepted act: the trigger accepted.
    pub accepted: Option<usize>,
    /// A support verb governs the trigger.
    pub governed: bool,
    /// A target slot named the actors' own ("استدعت سفيرها"), which is no target.
    pub own_object: bool,
}

/// What a trigger's frame row makes of it before any party is read: the class its
/// roles are read with and the acts it holds. This is enough to set aside a support verb
/// or an act that is another's content, whose parties no one asks for.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// The frame row used.
    pub row: u32,
    /// The class its roles are read with (the row's, or the row class's weapon class).
    pub class: usize,
    /// Triggers that are this act's content (indexes into the context's triggers).
    pub content: Vec<usize>,
    /// For an accepted act: the trigger accepted.
    pub accepted: Option<usize>,
    /// A verb trigger's arguments, read once for the frame and its roles.
    verb: Option<VerbArgs>,
}

/// The arguments of a trigger, verbal or nominal.
pub enum Args<'e> {
    /// A verb's.
    Verb(VerbArgs),
    /// A nominal trigger's.
    Nominal(NominalArgs<'e>),
}

/// Slot names are static strings, so explanations carry them without copies.
fn static_name(slot: &Slot) -> &'static str {
    match (&slot.kind, slot.via) {
        (SlotKind::Subj, Via::Party) => "subject",
        (SlotKind::Subj, _) => "subject's act",
        (SlotKind::Obj, Via::Party) => "object",
        (SlotKind::Obj, _) => "object's act",
        (SlotKind::Place, _) => "place",
        (SlotKind::Complement | SlotKind::Rest, _) => "content",
        (SlotKind::Prep(..), Via::Party) => "preposition",
        (SlotKind::Prep(..), _) => "preposition's act",
    }
}

/// How many sentences back a definite act noun may refer ("الهجوم" told again).
const ANTECEDENT_SENTENCES: usize = 4;

/// Keys of the prepositions of time (data/syntax/words.tsv): a phrase they head dates its
/// clause and belongs to no noun before it.
const TIME_PREPS: [&str; 4] = ["بعد", "قبل", "منذ", "خلال"];

impl<'e> Ctx<'_, 'e> {
    /// The arguments of trigger `i`.
    pub fn trigger_args(&self, i: usize, row: u32, class: &Class) -> Args<'e> {
        let tr = &self.triggers[i];
        if !tr.nominal {
            return Args::Verb(self.verb_trigger_args(i));
        }
        let violent = matches!(class.name.as_str(), "strike" | "clash" | "seize");
        // "هجوم حماس": a row may say its genitive acts, whatever its class says.
        let genitive_is_subject =
            self.lex.frames[row as usize].genitive_is_subject.unwrap_or(class.genitive_is_subject);
        Args::Nominal(self.nominal_args_with(
            tr.at,
            genitive_is_subject,
            class.genitive_is_subject,
            violent,
        ))
    }

    /// The subject and object of verb trigger `i`, as its rows read them.
    fn verb_trigger_args(&self, i: usize) -> VerbArgs {
        let tr = &self.triggers[i];
        let mut v = self.verb_args(tr.at);
        // "قتل جنديان في هجوم": a count after a verb of killing is who was killed.
        let count_passive = tr.rows.iter().any(|&r| self.lex.frames[r as usize].count_passive);
        if count_passive && !v.passive && self.counted_subject(tr.at) {
            v.passive = true;
        } else if let Some(p) = count_passive.then(|| self.counted_topic(tr.at)).flatten() {
            v.passive = true;
            v.subject = Some(Arg::Phrase(p));
        }
        v
    }

    /// Trigger `i`'s frame by its row `row`, with no party read.
    pub fn frame(&self, i: usize, row: u32) -> Frame {
        let verb = (!self.triggers[i].nominal).then(|| self.verb_trigger_args(i));
        // Neither the weapon check nor a content slot reads a nominal trigger's agents and
        // patients (only that it is nominal): they are read with its roles, if asked.
        let args = match verb {
            Some(v) => Args::Verb(v),
            None => Args::Nominal(NominalArgs::default()),
        };
        let mut class_index = self.lex.frames[row as usize].class;
        // "أسقطت الدفاعات مسيرة أطلقتها روسيا": shooting down what was launched is
        // intercepting it.
        let weapon = self.lex.classes[class_index].weapon;
        if let Some(w) = weapon.filter(|_| self.object_is_weapon(i, &args)) {
            class_index = w;
        }
        let class = &self.lex.classes[class_index];
        let mut content = Vec::new();
        for s in &class.content {
            content.extend(self.slot_triggers(i, s, &args));
        }
        let accepted = match class.shape {
            Shape::Accept => content.first().map(|&j| self.carried_act(j)),
            _ => None,
        };
        Frame { row, class: class_index, content, accepted, verb }
    }

    /// Fills trigger `i`'s roles by its frame row `row`; `depth` bounds the reading of an
    /// act's agent through the act a slot names.
    pub fn fill(&self, i: usize, row: u32, depth: usize) -> Filled<'e> {
        self.fill_framed(i, self.frame(i, row), depth)
    }

    /// Fills trigger `i`'s roles by its frame, read before ([`Ctx::frame`]).
    pub fn fill_framed(&self, i: usize, frame: Frame, depth: usize) -> Filled<'e> {
        // A nominal trigger's arguments are read as the row's own class says, whatever
        // class its roles are then read with.
        let args = match frame.verb {
            Some(v) => Args::Verb(v),
            None => {
                let row_class = &self.lex.classes[self.lex.frames[frame.row as usize].class];
                self.trigger_args(i, frame.row, row_class)
            }
        };
        let class = &self.lex.classes[frame.class];
        let mut out = Filled {
            row: frame.row,
            class: frame.class,
            content: frame.content,
            accepted: frame.accepted,
            ..Filled::default()
        };
        if let Args::Nominal(n) = &args {
            out.governed = n.light.is_some();
        }
        let first = |slots: &[Slot], places: bool| -> Vec<Filler<'e>> {
            slots
                .iter()
                .map(|s| self.slot_fillers(i, s, &args, places, depth))
                .find(|v| !v.is_empty())
                .unwrap_or_default()
        };
        match class.shape {
            Shape::Joint | Shape::Mediate => {
                let mut all: Vec<Filler<'e>> = Vec::new();
                for s in &class.actor {
                    for f in self.slot_fillers(i, s, &args, false, depth) {
                        if !all.iter().any(|x| x.party.entity == f.party.entity) {
                            all.push(f);
                        }
                    }
                }
                out.actors = all;
                out.targets = first(&class.target, true);
            }
            _ => {
                out.actors = first(&class.actor, false);
                // A statement is aimed at a party, not at the place its object names
                // ("أدانت فرنسا الهجوم على قاعدة في جنوب لبنان" aims at the attacker).
                let places = !matches!(class.shape, Shape::Speech | Shape::Deny);
                // "قطعت نيكاراغوا علاقاتها مع إسرائيل": the actor's own (a pronoun on
                // the object standing for it) is no target; the next slot is asked.
                let actors = &out.actors;
                // "نفت الخارجية الأفغانية أي صلة لكابول": a statement's own capital or
                // town is the speaker's state, not whom it is aimed at.
                let own_place = |f: &Filler<'e>| {
                    // (The article's two sides stand as no entity.)
                    let place = self.doc.entities.get(f.party.entity);
                    !places
                        && place.is_some_and(|e| e.kind == rasd_model::EntityKind::Place)
                        && actors.iter().any(|a| a.party.code == f.party.code)
                };
                let own = |f: &Filler<'e>| {
                    actors.iter().any(|a| a.party.entity == f.party.entity) || own_place(f)
                };
                let mut own_object = false;
                out.targets = class
                    .target
                    .iter()
                    .map(|s| {
                        let mut v = self.slot_fillers(i, s, &args, places, depth);
                        let all = v.len();
                        v.retain(|f| !own(f));
                        own_object |= v.len() < all;
                        v
                    })
                    .find(|v| !v.is_empty())
                    .unwrap_or_default();
                out.own_object = own_object;
            }
        }
        out
    }

    /// The phrases a slot names for trigger `i`, or a pronoun or gap, as arguments.
    fn slot_args(&self, i: usize, slot: &Slot, args: &Args<'e>) -> Vec<Arg> {
        let t = self.triggers[i].at;
        match (&slot.kind, args) {
            (SlotKind::Subj, Args::Verb(v)) if v.passive => self.agent_phrases(t),
            (SlotKind::Subj, Args::Verb(v)) => v.subject.into_iter().collect(),
            (SlotKind::Obj, Args::Verb(v)) if v.passive => v.subject.into_iter().collect(),
            (SlotKind::Obj, Args::Verb(v)) => v.object.into_iter().collect(),
            (SlotKind::Prep(k, _), _) => {
                let from = self.trigger_end(t) - 1;
                let mut found: Vec<Arg> =
                    self.preps_after(from, *k).into_iter().map(Arg::Phrase).collect();
                // "هجوم شنته حماس على موقع": the relative clause's phrases are the act's.
                if found.is_empty() && self.triggers[i].nominal {
                    if let Some(v) = self.support_relative(t) {
                        found = self.preps_after(v, *k).into_iter().map(Arg::Phrase).collect();
                    }
                }
                found
            }
            _ => Vec::new(),
        }
    }

    /// "من قبل X", "على يد X": the agent of a passive verb.
    fn agent_phrases(&self, t: usize) -> Vec<Arg> {
        let Some(k) = self.lex.known.min_qibal else { return Vec::new() };
        self.preps_after(t, k).into_iter().map(Arg::Phrase).collect()
    }

    /// The parties a slot gives trigger `i`.
    fn slot_fillers(
        &self,
        i: usize,
        slot: &Slot,
        args: &Args<'e>,
        places: bool,
        depth: usize,
    ) -> Vec<Filler<'e>> {
        let name = static_name(slot);
        let tag = |party: Party<'e>, slot: &'static str| Filler { party, slot };
        if let (SlotKind::Subj | SlotKind::Obj, Args::Nominal(n)) = (&slot.kind, args) {
            let list = if slot.kind == SlotKind::Subj { &n.agents } else { &n.patients };
            let direct: Vec<Filler<'e>> = list.iter().map(|&(p, s)| tag(p, s)).collect();
            // "اعتراض صواريخ إيرانية": the act its object names, read through.
            let act = (slot.kind == SlotKind::Obj && !matches!(slot.via, Via::Party | Via::Topic))
                .then(|| self.act_after(i))
                .flatten();
            return match act {
                Some(j) if depth > 0 => self
                    .act_parties(j, slot.via, depth - 1)
                    .into_iter()
                    .map(|p| tag(p, "object's act"))
                    .collect(),
                _ if slot.via == Via::Party => direct,
                _ => direct,
            };
        }
        if slot.kind == SlotKind::Place {
            return self.scene(i).into_iter().map(|p| tag(p, name)).collect();
        }
        // "أدان ما وصفه بالهجوم الأرمني": the first act told after the trigger, read
        // through for its agent, when the object itself names none.
        if matches!(slot.kind, SlotKind::Rest | SlotKind::Complement) {
            if depth == 0 || slot.via != Via::Agent {
                return Vec::new();
            }
            // Past a verb of naming, which tells no act ("وصفه"). What a warning clause
            // holds counts only as an act held out ("أن أي هجوم إيراني سيقابل برد"), not
            // one told as done ("أن القصف سيؤدي إلى كارثة" warns of its effects).
            let held_out = |j: usize| {
                let m = self.mood(self.triggers[j].at);
                m.modality == Some(Modality::Possible) || m.conditional
            };
            let act = |j: &usize| {
                self.triggers[*j].rows.first().is_some_and(|&r| {
                    let class = &self.lex.classes[self.lex.frames[r as usize].class];
                    matches!(class.shape, Shape::Directed | Shape::Joint)
                }) && (slot.kind != SlotKind::Complement || held_out(*j))
            };
            let told = self.slot_triggers(i, slot, args).into_iter().find(act);
            return told
                .map(|j| self.act_parties(j, Via::Agent, depth - 1))
                .unwrap_or_default()
                .into_iter()
                .map(|p| tag(p, "act told"))
                .collect();
        }
        let mut out: Vec<Filler<'e>> = Vec::new();
        for arg in self.slot_args(i, slot, args) {
            let pronoun = matches!(arg, Arg::Phrase(p) if self.pronoun_phrase(p));
            let told = matches!(arg, Arg::Phrase(p) if self.names_the_act(p));
            // "ودانها بشدة الأمين العام": the verb's own object pronoun may stand for an
            // act told before, or else for a party.
            // A denial's pronoun ("وهو ما نفته باكو") answers a claim, read at the end.
            let denial = self.trigger_type(i) == Some("REJECT");
            let own_object = !denial && matches!(arg, Arg::Pron(t, _) if t == self.triggers[i].at);
            let through_act = match (slot.via, arg) {
                (Via::Party, _) => None,
                (via, _) if pronoun || own_object => {
                    self.act_named_before(i, true).map(|j| (via, j))
                }
                (via, _) if told => self.act_named_before(i, false).map(|j| (via, j)),
                (via, Arg::Phrase(p)) => self.act_in(p).map(|j| (via, j)),
                _ => None,
            };
            let parties = match through_act {
                Some((Via::Topic, _)) => Vec::new(),
                Some((via, j)) if depth > 0 => self.act_parties(j, via, depth - 1),
                // "رحب به": a pronoun that stands for an act no act before it names
                // stands for no party either.
                _ if (pronoun || told) && slot.via != Via::Party => Vec::new(),
                _ => self.arg_parties(arg, places),
            };
            for p in parties {
                if !out.iter().any(|x| x.party.entity == p.entity) {
                    out.push(tag(p, name));
                }
            }
        }
        out
    }

    /// Whether trigger `i`'s object names something launched (a trigger that is an
    /// event only as a verb's object: a missile, a drone).
    fn object_is_weapon(&self, i: usize, args: &Args<'e>) -> bool {
        let weapon =
            |j: usize| self.triggers[j].rows.iter().any(|&r| !self.lex.frames[r as usize].alone);
        match args {
            Args::Verb(v) => {
                let obj = if v.passive { v.subject } else { v.object };
                matches!(obj, Some(Arg::Phrase(p)) if self.act_in(p).is_some_and(weapon))
            }
            Args::Nominal(_) => self.act_after(i).is_some_and(weapon),
        }
    }

    /// Whether phrase `p` names an act told before by a word of set `told` ("ذلك",
    /// "ما جرى", "هذه الخطوة").
    fn names_the_act(&self, p: usize) -> bool {
        let Some(set) = self.lex.known.told else { return false };
        let ph = &self.parse.phrases.list[p];
        ph.head < ph.tokens.end && self.in_set(ph.head, set)
    }

    /// Whether phrase `p` is only a preposition and its pronoun ("به", "عليه").
    fn pronoun_phrase(&self, p: usize) -> bool {
        let ph = &self.parse.phrases.list[p];
        // (A preposition ending the text heads no word: its head is past the end.)
        let Some(tag) = self.parse.tags.get(ph.head) else { return false };
        ph.prep.is_some() && tag.kind == rasd_syntax::Kind::Function && tag.pronoun.is_some()
    }

    /// The act a pronoun or a word like "ذلك" after trigger `i` stands for ("رحب الاتحاد
    /// بالاتفاق، كما رحبت به مصر", "أطلقت كوريا الشمالية صاروخا ... ووصفت اليابان ذلك"):
    /// the nearest act before the trigger, in its sentence or the one before, not of the
    /// trigger's own type (the welcome before "رحبت به" is not what is welcomed); a
    /// pronoun stands for a noun, so with `nouns_only` only act nouns count. None when
    /// that act has no parties of its own to read (a directed or joint act): "رحب الاتحاد
    /// بالإعلان، كما رحب به الوزير" names no party of the declaration.
    fn act_named_before(&self, i: usize, nouns_only: bool) -> Option<usize> {
        let sentence = self.doc.sentence_of(self.triggers[i].at);
        let own = self.trigger_type(i);
        let j = (0..i)
            .rev()
            .take_while(|&j| sentence - self.doc.sentence_of(self.triggers[j].at) <= 1)
            .find(|&j| self.trigger_type(j) != own && (self.triggers[j].nominal || !nouns_only))?;
        matches!(self.trigger_shape(j), Some(Shape::Directed | Shape::Joint)).then_some(j)
    }

    /// The first trigger in phrase `p`, if it names an act.
    pub fn act_in(&self, p: usize) -> Option<usize> {
        let [first, second] = self.phrase_acts[p].map(|a| a.and_then(|t| self.trigger_at.get(t)));
        // "رحب بإعلان وقف إطلاق النار": a support noun's act is the one it governs.
        let light = first.is_some_and(|j| self.trigger_shape(j) == Some(Shape::Light));
        if light && second.is_some() {
            return second;
        }
        first
    }

    /// The act trigger `j` stands for: past a support verb, the act noun it carries, the
    /// next trigger in its clause ("وافقت على فرض | عقوبات").
    fn carried_act(&self, j: usize) -> usize {
        let light = self.trigger_shape(j) == Some(Shape::Light);
        let clause = |k: usize| self.parse.clauses.index_of(self.triggers[k].at);
        let next = j + 1;
        if light
            && next < self.triggers.len()
            && self.triggers[next].nominal
            && clause(next) == clause(j)
        {
            return next;
        }
        j
    }

    /// The event type of trigger `j`'s first row.
    fn trigger_type(&self, j: usize) -> Option<&str> {
        let &row = self.triggers[j].rows.first()?;
        Some(self.lex.frames[row as usize].event_type.as_str())
    }

    /// The shape of the class of trigger `j`'s first row.
    fn trigger_shape(&self, j: usize) -> Option<Shape> {
        let &row = self.triggers[j].rows.first()?;
        Some(self.lex.classes[self.lex.frames[row as usize].class].shape)
    }

    /// The parties of the act of trigger `j` that `via` asks for.
    fn act_parties(&self, j: usize, via: Via, depth: usize) -> Vec<Party<'e>> {
        let Some(&row) = self.triggers[j].rows.first() else { return Vec::new() };
        let f = self.fill(j, row, depth);
        let pick = |v: &[Filler<'e>]| v.iter().map(|x| x.party).collect::<Vec<_>>();
        match via {
            Via::Agent if f.actors.is_empty() => self
                .antecedent_act(j)
                .map(|a| {
                    let row = self.triggers[a].rows[0];
                    pick(&self.fill(a, row, depth.saturating_sub(1)).actors)
                })
                .unwrap_or_default(),
            Via::Agent => pick(&f.actors),
            Via::Target => pick(&f.targets),
            Via::Parties => {
                let mut all = pick(&f.actors);
                all.extend(pick(&f.targets));
                all
            }
            Via::Party | Via::Topic => Vec::new(),
        }
    }

    /// The act told earlier that trigger `j` names again: "دانت تركيا الهجوم" after the
    /// attack was told with its agent. Only a noun written with the article refers back,
    /// to the nearest earlier act of the same type within a few sentences, and only when
    /// that act names its agent.
    fn antecedent_act(&self, j: usize) -> Option<usize> {
        let tr = &self.triggers[j];
        if !tr.nominal || !self.parse.tags[tr.at].definite() {
            return None;
        }
        let ty = |i: usize| self.trigger_type(i);
        // Only acts of force are named again this way ("الهجوم"، "القصف"، "الاعتقالات");
        // "المساعدات" or "المفاوضات" with the article are seldom one told act.
        let own = ty(j).filter(|t| matches!(*t, "ASSAULT" | "COERCE"))?;
        let sentence = self.doc.sentence_of(tr.at);
        let near = |i: &usize| {
            sentence - self.doc.sentence_of(self.triggers[*i].at) <= ANTECEDENT_SENTENCES
        };
        let a = (0..j).rev().take_while(near).find(|&i| ty(i) == Some(own))?;
        let row = self.triggers[a].rows[0];
        (!self.fill(a, row, 0).actors.is_empty()).then_some(a)
    }

    /// The triggers a content slot holds for trigger `i`.
    fn slot_triggers(&self, i: usize, slot: &Slot, args: &Args<'e>) -> Vec<usize> {
        let t = self.triggers[i].at;
        match slot.kind {
            SlotKind::Complement => return self.complement_triggers(t),
            SlotKind::Rest => {
                let Some(c) = self.parse.clauses.index_of(t) else { return Vec::new() };
                return self.parse.clauses.list[c]
                    .tokens()
                    .filter(|&u| u > t)
                    .filter_map(|u| self.trigger_at.get(u))
                    .collect();
            }
            _ => {}
        }
        let mut out = Vec::new();
        for arg in self.slot_args(i, slot, args) {
            if let Arg::Phrase(p) = arg {
                let ph = &self.parse.phrases.list[p];
                out.extend(ph.noun_tokens().filter_map(|t| self.trigger_at.get(t)));
                // What is attached to it goes with it ("بقصف مواقع للجيش"), up to a
                // phrase of time, which dates the clause ("وافقا على هدنة | بعد محادثات").
                let mut q = p + 1;
                while let Some(next) = self.parse.phrases.list.get(q) {
                    if !next.after_noun || next.clause != ph.clause || self.of_time(next) {
                        break;
                    }
                    out.extend(next.noun_tokens().filter_map(|t| self.trigger_at.get(t)));
                    q += 1;
                }
            }
        }
        if let (SlotKind::Obj, Args::Nominal(_)) = (&slot.kind, args) {
            out.extend(self.act_after(i));
        }
        out
    }

    /// Whether a phrase is one of time ("بعد محادثات"، "خلال اجتماع"، "منذ الهجوم").
    fn of_time(&self, ph: &rasd_syntax::Phrase) -> bool {
        self.prep_key_of(ph).is_some_and(|k| TIME_PREPS.contains(&k))
    }

    /// The triggers in the complement clauses that hang on token `t`'s clause after it
    /// (and in the clauses below them).
    fn complement_triggers(&self, t: usize) -> Vec<usize> {
        let list = &self.parse.clauses.list;
        let Some(c) = self.parse.clauses.index_of(t) else { return Vec::new() };
        let under = |mut d: usize| {
            for _ in 0..8 {
                let Some(p) = list[d].parent else { return false };
                if p == c {
                    return list[d].kind == ClauseKind::Comp && list[d].start() > t;
                }
                d = p;
            }
            false
        };
        // A clause lies within its sentence: only the triggers there are asked (they come
        // in text order), so a long text stays linear.
        let sentence = &self.doc.sentences[self.doc.sentence_of(t)];
        let lo = self.triggers.partition_point(|tr| tr.at < sentence.start);
        let hi = self.triggers.partition_point(|tr| tr.at < sentence.end);
        (lo..hi)
            .filter(|&j| {
                let d = self.parse.clauses.index_of(self.triggers[j].at);
                d.is_some_and(|d| d != c && under(d))
            })
            .collect()
    }

    /// The state of the first place named as the scene of trigger `i`'s clause, after the
    /// trigger (else before it).
    pub fn scene(&self, i: usize) -> Option<Party<'e>> {
        let t = self.triggers[i].at;
        let c = self.parse.clauses.index_of(t)?;
        let clause = &self.parse.clauses.list[c];
        let place_at = |u: usize| -> Option<Party<'e>> {
            let k = self.doc.entity_at.get(u)?;
            let e = &self.doc.entities[k];
            let locative = matches!(e.kind, rasd_model::EntityKind::Place)
                || (e.kind == rasd_model::EntityKind::Country && self.after_locative(u));
            if !locative {
                return None;
            }
            let code = *self.place_states(k).first()?;
            Some(Party { entity: k, code, token: u, place: true })
        };
        // Not where the subject comes from ("طائرات المجلس العسكري في ميانمار").
        let subject = self.subject_span(i);
        let free = |u: &usize| !subject.as_ref().is_some_and(|r| r.contains(u));
        let relative = self.triggers[i]
            .nominal
            .then(|| self.support_relative(t))
            .flatten()
            .and_then(|v| self.parse.clauses.of(v));
        clause
            .tokens()
            .filter(|&u| u > t)
            .filter(free)
            .find_map(place_at)
            .or_else(|| relative.and_then(|r| r.tokens().find_map(place_at)))
            // "استهدفت غارة سيارة تقل قياديين ... جنوبي الصومال": a relative clause on a
            // noun of the clause says where that noun was.
            .or_else(|| {
                self.parse
                    .clauses
                    .under(c, ClauseKind::Rel)
                    .flat_map(|r| r.tokens())
                    .filter(|&u| u > t)
                    .find_map(place_at)
            })
            .or_else(|| {
                // Not the dateline ("صنعاء - شنت ...").
                let dateline = |u: &usize| {
                    self.phrase_of(*u).is_some_and(|p| self.parse.phrases.list[p].aside)
                };
                clause
                    .tokens()
                    .filter(|&u| u < t)
                    .filter(free)
                    .filter(|u| !dateline(u))
                    .find_map(place_at)
            })
    }

    /// The tokens of trigger `i`'s subject phrase and the phrases attached to it.
    fn subject_span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let tr = &self.triggers[i];
        if tr.nominal {
            return None;
        }
        let Some(Arg::Phrase(p)) = self.verb_args(tr.at).subject else { return None };
        // A subject that names no party is no one's origin: a place after it is the
        // scene ("أن تكون قد قصفت مستشفى في كييف").
        if !self.names_party(p) {
            return None;
        }
        let phrases = &self.parse.phrases.list;
        let mut end = phrases[p].tokens.end;
        let mut q = p + 1;
        while phrases
            .get(q)
            .is_some_and(|n| n.after_noun && n.prep.is_some() && n.clause == phrases[p].clause)
        {
            end = phrases[q].tokens.end;
            q += 1;
        }
        Some(phrases[p].tokens.start..end)
    }

    /// Whether the phrase holding token `u` has a locative preposition (في، قرب، داخل).
    fn after_locative(&self, u: usize) -> bool {
        let Some(p) = self.phrase_of(u) else { return false };
        let ph = &self.parse.phrases.list[p];
        // "قتلوا في غارات إسرائيلية": an act's phrase is its cause, not a place.
        let act = ph.head != u && self.trigger_at.get(ph.head).is_some();
        !act && matches!(self.prep_key_of(ph), Some("في" | "قرب" | "خلف" | "تحت"))
    }
}
