//! What an analysis says about a word: part of speech, aspect, mood, voice, the subject's
//! person, number and gender, a noun's number and case, the clitics read off.
//!
//! Arabic script leaves the short vowels unwritten, so one written form is often several
//! cells of a paradigm at once ("قتلت" is 3fs, 1s, 2ms and 2fs). Rather than one analysis
//! per cell, an analysis holds the *set* of cells ([`Agreement`]) and moods ([`Moods`])
//! the form stands for; its accessors say a feature only where every cell agrees.

/// Part of speech, as the lemma entry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// `v:` — a verb.
    Verb,
    /// `m:` — a verbal noun (masdar): قصف، اعتقال، هجوم.
    Masdar,
    /// `p:` — a participle: مسلح، معتقل، مهاجم.
    Participle,
    /// `n:` — any other noun: غارة، صاروخ، جندي.
    Noun,
    /// `a:` — an adjective (nisba and others): جوي، إسرائيلي، مدني.
    Adjective,
}

impl Pos {
    /// Whether the part of speech inflects like a noun (number, case, the article).
    pub fn is_nominal(self) -> bool {
        self != Pos::Verb
    }
}

/// Verb aspect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    /// The perfect (past): قصف، قصفوا.
    Perfect,
    /// The imperfect (present, and future with سـ / سوف): يقصف، تقصفون.
    Imperfect,
    /// The imperative: اقصف، قولوا.
    Imperative,
}

/// Grammatical person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Person {
    /// First person.
    First,
    /// Second person.
    Second,
    /// Third person.
    Third,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Number {
    /// Singular.
    Singular,
    /// Dual.
    Dual,
    /// Plural.
    Plural,
}

/// Grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    /// Masculine.
    Masculine,
    /// Feminine.
    Feminine,
}

/// One cell of a verb's subject agreement: person, number and gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // the names say it: S1 = first singular, Ms3 = third masculine singular ...
pub enum Cell {
    S1,
    P1,
    Ms2,
    Fs2,
    D2,
    Mp2,
    Fp2,
    Ms3,
    Fs3,
    Md3,
    Fd3,
    Mp3,
    Fp3,
}

impl Cell {
    /// Every cell, in order.
    pub const ALL: [Cell; 13] = [
        Cell::S1,
        Cell::P1,
        Cell::Ms2,
        Cell::Fs2,
        Cell::D2,
        Cell::Mp2,
        Cell::Fp2,
        Cell::Ms3,
        Cell::Fs3,
        Cell::Md3,
        Cell::Fd3,
        Cell::Mp3,
        Cell::Fp3,
    ];

    /// The cell's person.
    pub fn person(self) -> Person {
        match self {
            Cell::S1 | Cell::P1 => Person::First,
            Cell::Ms2 | Cell::Fs2 | Cell::D2 | Cell::Mp2 | Cell::Fp2 => Person::Second,
            _ => Person::Third,
        }
    }

    /// The cell's number.
    pub fn number(self) -> Number {
        match self {
            Cell::S1 | Cell::Ms2 | Cell::Fs2 | Cell::Ms3 | Cell::Fs3 => Number::Singular,
            Cell::D2 | Cell::Md3 | Cell::Fd3 => Number::Dual,
            _ => Number::Plural,
        }
    }

    /// The cell's gender; `None` where Arabic marks none (the first person, the second
    /// person dual).
    pub fn gender(self) -> Option<Gender> {
        match self {
            Cell::S1 | Cell::P1 | Cell::D2 => None,
            Cell::Ms2 | Cell::Mp2 | Cell::Ms3 | Cell::Md3 | Cell::Mp3 => Some(Gender::Masculine),
            _ => Some(Gender::Feminine),
        }
    }

    /// The short code used in entries' explicit forms: `1s`, `2fs`, `3mp` ...
    pub fn code(self) -> &'static str {
        match self {
            Cell::S1 => "1s",
            Cell::P1 => "1p",
            Cell::Ms2 => "2ms",
            Cell::Fs2 => "2fs",
            Cell::D2 => "2d",
            Cell::Mp2 => "2mp",
            Cell::Fp2 => "2fp",
            Cell::Ms3 => "3ms",
            Cell::Fs3 => "3fs",
            Cell::Md3 => "3md",
            Cell::Fd3 => "3fd",
            Cell::Mp3 => "3mp",
            Cell::Fp3 => "3fp",
        }
    }

    /// The cell of a [`Cell::code`].
    pub fn from_code(code: &str) -> Option<Cell> {
        Cell::ALL.into_iter().find(|c| c.code() == code)
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of subject cells: the agreements a written verb form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Agreement(u16);

impl Agreement {
    /// No cell (the agreement of a noun).
    pub const NONE: Agreement = Agreement(0);

    /// One cell.
    pub fn of(cell: Cell) -> Self {
        Agreement(cell.bit())
    }

    /// Whether `cell` is one of the set.
    pub fn contains(self, cell: Cell) -> bool {
        self.0 & cell.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union of two sets.
    #[must_use]
    pub fn union(self, other: Agreement) -> Agreement {
        Agreement(self.0 | other.0)
    }

    /// The cells of the set.
    pub fn cells(self) -> impl Iterator<Item = Cell> {
        Cell::ALL.into_iter().filter(move |c| self.contains(*c))
    }

    /// The person, when every cell has the same one.
    pub fn person(self) -> Option<Person> {
        self.same(Cell::person)
    }

    /// The number, when every cell has the same one.
    pub fn number(self) -> Option<Number> {
        self.same(Cell::number)
    }

    /// The gender, when every cell has the same one and marks one.
    pub fn gender(self) -> Option<Gender> {
        self.same(Cell::gender).flatten()
    }

    fn same<F: PartialEq>(self, f: impl Fn(Cell) -> F) -> Option<F> {
        let mut cells = self.cells();
        let first = f(cells.next()?);
        cells.all(|c| f(c) == first).then_some(first)
    }
}

/// The moods an imperfect form stands for, as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Moods(u8);

impl Moods {
    /// No mood (perfects, imperatives and nouns).
    pub const NONE: Moods = Moods(0);
    /// The indicative (يقصفون).
    pub const INDICATIVE: Moods = Moods(1);
    /// The subjunctive (لن يقصفوا، ليقصفوا).
    pub const SUBJUNCTIVE: Moods = Moods(2);
    /// The jussive (لم يقصفوا، لم يقل).
    pub const JUSSIVE: Moods = Moods(4);
    /// Subjunctive or jussive: the forms after ل of purpose or command.
    pub const NOT_INDICATIVE: Moods = Moods(6);
    /// Any mood.
    pub const ALL: Moods = Moods(7);

    /// Whether every mood of `other` is in the set.
    pub const fn contains(self, other: Moods) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The moods in both sets.
    #[must_use]
    pub fn intersect(self, other: Moods) -> Moods {
        Moods(self.0 & other.0)
    }

    /// The moods in either set.
    #[must_use]
    pub const fn union(self, other: Moods) -> Moods {
        Moods(self.0 | other.0)
    }
}

/// What the written form says of a verb's voice. Undiacritized, most forms are both
/// ("قتل" is qatala or qutila); weak verbs show it ("قال" / "قيل", "يدعو" / "يدعى").
/// [`crate::voice`] reads the harakat where a writer put them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Voice {
    /// Active or passive: the letters do not tell (and nouns).
    #[default]
    Unmarked,
    /// Only active.
    Active,
    /// Only passive.
    Passive,
}

impl Voice {
    /// The voice of a form that is `self` in one reading and `other` in another.
    #[must_use]
    pub fn join(self, other: Voice) -> Voice {
        if self == other {
            self
        } else {
            Voice::Unmarked
        }
    }
}

/// The case a noun form shows. Without short vowels only the dual, the sound masculine
/// plural and the indefinite accusative (tanwin alef) show one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Case {
    /// Any case (the written form does not tell).
    #[default]
    Unmarked,
    /// Nominative: the dual and plural in ان / ون (and their construct ا / و).
    Nominative,
    /// Accusative or genitive: the dual and plural in ين (and their construct ي).
    Oblique,
    /// The indefinite accusative with tanwin alef: هجوما، قتيلا.
    Accusative,
}

/// An attached pronoun: a verb's object or a noun's possessor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // named by person, gender and number as `Cell`; S2 is ك (2ms or 2fs)
pub enum Pronoun {
    S1,
    P1,
    S2,
    D2,
    Mp2,
    Fp2,
    Ms3,
    Fs3,
    D3,
    Mp3,
    Fp3,
}

impl Pronoun {
    /// The pronoun's person.
    pub fn person(self) -> Person {
        match self {
            Pronoun::S1 | Pronoun::P1 => Person::First,
            Pronoun::S2 | Pronoun::D2 | Pronoun::Mp2 | Pronoun::Fp2 => Person::Second,
            _ => Person::Third,
        }
    }

    /// The pronoun's number.
    pub fn number(self) -> Number {
        match self {
            Pronoun::S1 | Pronoun::S2 | Pronoun::Ms3 | Pronoun::Fs3 => Number::Singular,
            Pronoun::D2 | Pronoun::D3 => Number::Dual,
            _ => Number::Plural,
        }
    }

    /// The pronoun's gender, where its letters show one.
    pub fn gender(self) -> Option<Gender> {
        match self {
            Pronoun::Mp2 | Pronoun::Ms3 | Pronoun::Mp3 => Some(Gender::Masculine),
            Pronoun::Fp2 | Pronoun::Fs3 | Pronoun::Fp3 => Some(Gender::Feminine),
            _ => None,
        }
    }
}

/// The proclitics read off a word, as a set of flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Proclitics(u8);

impl Proclitics {
    /// None.
    pub const NONE: Proclitics = Proclitics(0);
    /// The conjunction و.
    pub const WA: Proclitics = Proclitics(1);
    /// The conjunction ف.
    pub const FA: Proclitics = Proclitics(2);
    /// The future prefix سـ on an imperfect.
    pub const FUTURE: Proclitics = Proclitics(4);
    /// The ل of purpose or command on an imperfect (ليقصفوا).
    pub const LAM: Proclitics = Proclitics(8);
    /// The preposition بـ.
    pub const BI: Proclitics = Proclitics(16);
    /// The preposition لـ.
    pub const LI: Proclitics = Proclitics(32);
    /// The preposition كـ.
    pub const KA: Proclitics = Proclitics(64);
    /// The article ال (also the one written لل after لـ).
    pub const ARTICLE: Proclitics = Proclitics(128);

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: Proclitics) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    pub fn intersects(self, other: Proclitics) -> bool {
        self.0 & other.0 != 0
    }

    /// The flags of both.
    #[must_use]
    pub fn with(self, other: Proclitics) -> Proclitics {
        Proclitics(self.0 | other.0)
    }

    /// The flags of `self` not in `other`.
    #[must_use]
    pub fn without(self, other: Proclitics) -> Proclitics {
        Proclitics(self.0 & !other.0)
    }

    /// A conjunction (و or ف) was read off.
    pub fn conjunction(self) -> bool {
        self.intersects(Proclitics::WA.with(Proclitics::FA))
    }

    /// A preposition (ب، ل، ك) was read off.
    pub fn preposition(self) -> bool {
        self.intersects(Proclitics::BI.with(Proclitics::LI).with(Proclitics::KA))
    }
}

/// The inflection of one written form, without its clitics: what a paradigm cell (or
/// several cells written alike) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Inflection {
    /// The entry's part of speech.
    pub pos: Pos,
    /// A verb's aspect; `None` for nouns.
    pub aspect: Option<Aspect>,
    /// An imperfect's moods; empty otherwise.
    pub moods: Moods,
    /// A verb's voice as the letters show it.
    pub voice: Voice,
    /// A verb's subject cells; empty for nouns.
    pub agreement: Agreement,
    /// A noun's number; `None` for verbs.
    pub number: Option<Number>,
    /// A noun's gender, for entries that list a feminine (`+ة`); else `None`.
    pub gender: Option<Gender>,
    /// A noun's case, where the form shows one.
    pub case: Case,
    /// A dual or sound masculine plural that lost its ن: the first term of a construct
    /// ("طائرتا الاحتلال") or a host of a possessive.
    pub construct: bool,
}

impl Inflection {
    /// A verb form.
    pub fn verb(aspect: Aspect, cell: Cell, moods: Moods, voice: Voice) -> Self {
        Inflection {
            pos: Pos::Verb,
            aspect: Some(aspect),
            moods,
            voice,
            agreement: Agreement::of(cell),
            number: None,
            gender: None,
            case: Case::Unmarked,
            construct: false,
        }
    }

    /// A noun form.
    pub fn noun(pos: Pos, number: Number, case: Case) -> Self {
        Inflection {
            pos,
            aspect: None,
            moods: Moods::NONE,
            voice: Voice::Unmarked,
            agreement: Agreement::NONE,
            number: Some(number),
            gender: None,
            case,
            construct: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_says_a_feature_only_when_every_cell_has_it() {
        let qatalt = [Cell::Fs3, Cell::S1, Cell::Ms2, Cell::Fs2]
            .into_iter()
            .fold(Agreement::NONE, |a, c| a.union(Agreement::of(c)));
        assert_eq!(qatalt.number(), Some(Number::Singular));
        assert_eq!(qatalt.person(), None);
        assert_eq!(qatalt.gender(), None);
        let tuqatilna = Agreement::of(Cell::Fp2).union(Agreement::of(Cell::Fp3));
        assert_eq!(tuqatilna.gender(), Some(Gender::Feminine));
        assert_eq!(tuqatilna.number(), Some(Number::Plural));
        assert_eq!(Agreement::of(Cell::D2).gender(), None);
        assert_eq!(Agreement::NONE.person(), None);
    }

    #[test]
    fn cell_codes_round_trip() {
        for c in Cell::ALL {
            assert_eq!(Cell::from_code(c.code()), Some(c));
        }
        assert_eq!(Cell::from_code("4s"), None);
    }
}
