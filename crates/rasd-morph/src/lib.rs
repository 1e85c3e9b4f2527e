//! Arabic inflectional morphology for rasd's lexicons: lexicons hold lemmas, and every
//! inflected form of them is found in text.
//!
//! A lexicon row names a lemma in one cell — `v:قصف/يقصف` (a verb by its perfect and
//! imperfect), `n:غارة/غارات` (a noun by its singular and plurals), `p:مسلح/+ون` (a
//! participle with the sound masculine plural) — in the syntax of [`Entry`] (the crate's
//! README has it in full). [`Lexicon::new`] compiles rows at load: it generates every
//! form of every entry ([`generate`]: the perfect, imperfect in three moods and
//! imperative in every person, active and passive; a noun's dual, plurals, accusative and
//! possessive hosts), folded as article text is folded (`rasd_text::normalize`), into one
//! hash table. [`Lexicon::analyze`] then reads a word under each way of splitting off its
//! clitics — conjunction و/ف, the future سـ, the ل of purpose, a preposition ب/ل/ك, the
//! article, and an enclitic pronoun — and returns every reading ([`Analysis`]): which
//! entry, its payload, the form's aspect, moods, voice and subject agreement or number
//! and case, the clitics, and where the stem is.
//!
//! ```
//! use rasd_morph::{Aspect, Cell, Lexicon, Pronoun, Proclitics};
//! let lex = Lexicon::new([("v:قصف/يقصف", 1), ("n:غارة/غارات", 2)]).unwrap();
//! let a = lex.analyze("وسيقصفونها");
//! assert_eq!(a.len(), 1);
//! let a = a[0];
//! assert_eq!(*lex.payload(&a), 1);
//! assert_eq!(a.infl.aspect, Some(Aspect::Imperfect));
//! assert!(a.infl.agreement.contains(Cell::Mp3));
//! assert!(a.proclitics.contains(Proclitics::WA.with(Proclitics::FUTURE)));
//! assert_eq!(a.enclitic, Some(Pronoun::Fs3));
//! assert_eq!(&"وسيقصفونها"[a.stem()], "قصف");
//! // "قصفت" is "she bombed" or "I / you bombed": one analysis holds every cell.
//! let cells: Vec<Cell> = lex.analyze("قصفت")[0].infl.agreement.cells().collect();
//! assert_eq!(cells, [Cell::S1, Cell::Ms2, Cell::Fs2, Cell::Fs3]);
//! ```
#![deny(missing_docs)]

mod clitics;
mod entry;
mod features;
mod lexicon;
mod noun;
mod paradigm;
mod table;
mod tails;
mod verb;
mod voice;

pub use clitics::{enclitic_text, spell};
pub use entry::{is_entry, Entry, EntryError};
pub use features::{
    Agreement, Aspect, Case, Cell, Gender, Inflection, Moods, Number, Person, Pos, Proclitics,
    Pronoun, Voice,
};
pub use lexicon::{Analysis, Lexicon, LexiconError, TokenAnalyses};
pub use paradigm::{generate, Form, Host, Shape};
pub use voice::voice;
