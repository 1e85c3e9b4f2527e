//! Frames as data: what a trigger reports and which parts of its clause fill its roles
//! (the types behind `data/events/frames.tsv`, `classes.tsv` and `modality.tsv`).

use rasd_syntax::Grammar;

/// One trigger row.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// PLOVER type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Index of its class.
    pub class: usize,
    /// Whether a nominal trigger is an event without a verb governing it.
    pub alone: bool,
    /// The word set the head of its object must belong to.
    pub object: Option<u16>,
    /// No event without a target.
    pub requires_target: bool,
    /// Only when a word of this set follows in the clause ("حمّلت X Y **مسؤولية**").
    pub needs: Option<u16>,
    /// Withdrawing from talks or an accord is walking out of them: a REJECT.
    pub walkout: bool,
    /// When the object is the actor's own ("استدعت سفيرها"), the act is of this type,
    /// aimed at the state of a لدى/في/من phrase.
    pub own_type: Option<String>,
    /// What the genitive of the trigger noun is, when the row says so over its class:
    /// `Some(true)` for the one who acts ("هجوم حماس"), `Some(false)` for the one acted on.
    pub genitive_is_subject: Option<bool>,
    /// A count of people right after the verb is who suffered it: the verb is a passive
    /// telling losses ("قتل جنديان في هجوم").
    pub count_passive: bool,
    /// Only a verb's perfect is an event: its imperfect describes a state ("قرية يسيطر
    /// عليها جيش أراكان").
    pub perfect_only: bool,
    /// The row holds only for an act told as planned ("سترد على أي اعتداء": a vow; "ردت
    /// بقصف" is the support verb of the next row).
    pub planned_only: bool,
    /// The row's entry as written (for explanations).
    pub lemma: String,
}

/// How a class's roles combine into events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Actors act on targets.
    Directed,
    /// All parties act together.
    Joint,
    /// A speech act: directed; its content is no event.
    Speech,
    /// A denial: directed at whoever made the claim; what it denies is an event of its
    /// own, marked denied, done by the denier when the act names no one else.
    Deny,
    /// A support verb: its subject is the agent of the trigger noun it governs.
    Light,
    /// Its subject suffers the trigger noun after ل.
    Undergo,
    /// A mediator with each party.
    Mediate,
    /// An act agreed to is that act; a proposal or talks accepted is AGREE.
    Accept,
}

impl Shape {
    /// Reads a class file's shape name.
    pub fn parse(s: &str) -> Option<Shape> {
        Some(match s {
            "directed" => Shape::Directed,
            "joint" => Shape::Joint,
            "speech" => Shape::Speech,
            "deny" => Shape::Deny,
            "light" => Shape::Light,
            "undergo" => Shape::Undergo,
            "mediate" => Shape::Mediate,
            "accept" => Shape::Accept,
            _ => return None,
        })
    }
}

/// Where in the clause a role is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotKind {
    /// The subject (a verb's; a nominal trigger's agent).
    Subj,
    /// The object (a verb's; a nominal trigger's patient).
    Obj,
    /// The noun phrase of a preposition: its grammar key index, and the key.
    Prep(u16, String),
    /// A place named as the scene: the state it lies in.
    Place,
    /// The complement clause the trigger's clause introduces (content only).
    Complement,
    /// The rest of the trigger's clause after it (content only).
    Rest,
}

/// What of the slot's phrase fills the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The party the phrase names.
    Party,
    /// When the phrase names an act, its agent ("أدان الهجوم الإسرائيلي": Israel).
    Agent,
    /// When it names an act, its parties.
    Parties,
    /// When it names an act, its target.
    Target,
    /// When it names an act, nothing: it is only the topic.
    Topic,
}

/// One slot of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Where.
    pub kind: SlotKind,
    /// What of it.
    pub via: Via,
}

impl Slot {
    /// Reads `a|b@agent|place` (or `-` for none); prepositions are looked up in the
    /// grammar.
    pub fn parse_list(s: &str, grammar: &Grammar) -> Result<Vec<Slot>, String> {
        if s == "-" || s.is_empty() {
            return Ok(Vec::new());
        }
        s.split('|').map(|x| Slot::parse(x, grammar)).collect()
    }

    fn parse(s: &str, grammar: &Grammar) -> Result<Slot, String> {
        let (name, via) = match s.split_once('@') {
            Some((n, v)) => (n, v),
            None => (s, "party"),
        };
        let via = match via {
            "party" => Via::Party,
            "agent" => Via::Agent,
            "parties" => Via::Parties,
            "target" => Via::Target,
            "topic" => Via::Topic,
            _ => return Err(format!("unknown `@{via}` in slot `{s}`")),
        };
        let kind = match name {
            "subj" => SlotKind::Subj,
            "obj" => SlotKind::Obj,
            "place" => SlotKind::Place,
            "complement" => SlotKind::Complement,
            "rest" => SlotKind::Rest,
            "" => return Err(format!("empty slot in `{s}`")),
            prep => {
                let i = grammar
                    .prep_index(prep)
                    .ok_or_else(|| format!("`{prep}` is not a preposition of the grammar"))?;
                SlotKind::Prep(i, grammar.prep_key(i).to_string())
            }
        };
        Ok(Slot { kind, via })
    }

    /// How the slot is written in a class file and in explanations.
    pub fn name(&self) -> String {
        let base = match &self.kind {
            SlotKind::Subj => "subject".to_string(),
            SlotKind::Obj => "object".to_string(),
            SlotKind::Place => "place".to_string(),
            SlotKind::Complement => "complement".to_string(),
            SlotKind::Rest => "rest".to_string(),
            SlotKind::Prep(_, p) => format!("prep:{p}"),
        };
        match self.via {
            Via::Party => base,
            Via::Agent => format!("{base}@agent"),
            Via::Parties => format!("{base}@parties"),
            Via::Target => format!("{base}@target"),
            Via::Topic => format!("{base}@topic"),
        }
    }
}

/// A frame class.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    /// Its name.
    pub name: String,
    /// How its roles combine.
    pub shape: Shape,
    /// Slots for the actors, in order of preference.
    pub actor: Vec<Slot>,
    /// Slots for the targets, in order of preference.
    pub target: Vec<Slot>,
    /// A nominal trigger's genitive is its subject ("زيارة الرئيس"), not its object
    /// ("قصف المدينة").
    pub genitive_is_subject: bool,
    /// Slots whose triggers are this act's content.
    pub content: Vec<Slot>,
    /// The class to read the trigger with when its object names something launched.
    pub weapon: Option<usize>,
}

/// What a modality cue says of the acts in its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Said by someone to have happened.
    Reported,
    /// Denied by someone.
    Denied,
    /// Asked for.
    Demanded,
    /// Held out by a threat or a warning.
    Threatened,
    /// Proposed, planned in a text, a term, a topic.
    Proposed,
    /// Announced for later.
    Planned,
    /// Sought, hoped for.
    Intended,
    /// Stopped, or to be stopped.
    Halted,
    /// The reason or frame of something else.
    Background,
    /// A description of a party.
    Described,
    /// An occurrence verb (its negation negates what occurred).
    Occurred,
    /// Feared, speculated about, asked about, said to be possible.
    Possible,
}

impl Modality {
    /// Reads a modality file's name.
    pub fn parse(s: &str) -> Option<Modality> {
        Some(match s {
            "reported" => Modality::Reported,
            "denied" => Modality::Denied,
            "demanded" => Modality::Demanded,
            "threatened" => Modality::Threatened,
            "proposed" => Modality::Proposed,
            "planned" => Modality::Planned,
            "intended" => Modality::Intended,
            "halted" => Modality::Halted,
            "background" => Modality::Background,
            "described" => Modality::Described,
            "occurred" => Modality::Occurred,
            "possible" => Modality::Possible,
            _ => return None,
        })
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Reported => "reported",
            Modality::Denied => "denied",
            Modality::Demanded => "demanded",
            Modality::Threatened => "threatened",
            Modality::Proposed => "proposed",
            Modality::Planned => "planned",
            Modality::Intended => "intended",
            Modality::Halted => "halted",
            Modality::Background => "background",
            Modality::Described => "described",
            Modality::Occurred => "occurred",
            Modality::Possible => "possible",
        }
    }

    /// Whether an act under it is still an event (with a stance).
    pub fn yields_event(self) -> bool {
        // A halt says the act was going on ("لإنهاء حصارها المستمر", "توقف القصف").
        matches!(
            self,
            Modality::Reported
                | Modality::Denied
                | Modality::Planned
                | Modality::Occurred
                | Modality::Halted
        )
    }
}

/// Where a cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The complement clause it introduces.
    Complement,
    /// The noun phrase right after it, with what is attached to it.
    Following,
    /// The rest of its clause.
    Clause,
    /// The phrase of this preposition (a grammar key index).
    Prep(u16),
    /// The word right after it ("أي هجوم").
    Next,
    /// The imperfect verb right after it and the rest of its clause ("قد تفرض": may).
    Imperfect,
}

impl Scope {
    /// Reads a scope name; prepositions are looked up in the grammar.
    pub fn parse(s: &str, grammar: &Grammar) -> Option<Scope> {
        Some(match s {
            "complement" => Scope::Complement,
            "following" => Scope::Following,
            "clause" => Scope::Clause,
            "next" => Scope::Next,
            "imperfect" => Scope::Imperfect,
            "-" | "" => return None,
            prep => Scope::Prep(grammar.prep_index(prep)?),
        })
    }
}

/// One modality cue row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// What it says.
    pub modality: Modality,
    /// Where it reaches.
    pub scopes: Vec<Scope>,
    /// The row's form as written.
    pub form: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_read_and_name_themselves() {
        let g = Grammar::embedded();
        let s = Slot::parse_list("subj|obj@agent|على|من_قبل|place", g).expect("parses");
        let names: Vec<String> = s.iter().map(Slot::name).collect();
        assert_eq!(names, ["subject", "object@agent", "prep:علي", "prep:من_قبل", "place"]);
        assert!(Slot::parse_list("obj@owner", g).is_err());
        assert!(Slot::parse_list("فوقا", g).is_err());
        assert_eq!(Slot::parse_list("-", g).expect("empty"), []);
    }
}
