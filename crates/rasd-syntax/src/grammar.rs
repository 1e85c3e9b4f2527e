//! The grammar's word lists (`data/syntax/words.tsv`), compiled once: the closed-class
//! words that mark phrases and clauses, and the common verbs (lemma entries, every form
//! of which is recognized through `rasd-morph`).

use rasd_morph::{Lexicon, Pronoun};
use rasd_text::phrases::{phrase_key, tsv_rows, PhraseSet};
use rustc_hash::FxHashSet;

const WORDS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/syntax/words.tsv"));
const VERBS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/syntax/verbs.tsv"));

/// The grammar's embedded files, in the order they are read (a form's first row wins).
pub const EMBEDDED: [(&str, &str); 2] =
    [("data/syntax/words.tsv", WORDS), ("data/syntax/verbs.tsv", VERBS)];

/// What a closed-class word or phrase does in a sentence. One written form may do several
/// things ("إن": a complementizer after قال, a condition at the head of a clause; "حتى":
/// "until" before a noun, "so that" before a verb); the tagger chooses in context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    /// A preposition, by its key (`Grammar::prep_key` gives the text).
    Prep(u16),
    /// A conjunction.
    Conj(ConjKind),
    /// A complementizer (أن، إن، بأن ...).
    Comp,
    /// "Whether" (ما إذا).
    Whether,
    /// A relative pronoun.
    Rel,
    /// An adverbial-clause marker.
    Adv(AdvSense),
    /// A negation.
    Neg(NegScope),
    /// سوف.
    Future,
    /// قد، لقد; تم، جرى (the passive of a masdar) when `passive`.
    Aux {
        /// تم + masdar: the masdar's act is done to its genitive.
        passive: bool,
    },
    /// لا يزال، ما زال: goes on (not a negation of what follows).
    Still,
    /// A free pronoun.
    Pron,
    /// A demonstrative.
    Dem,
    /// A quantifier (كل، أي ...).
    Quant,
    /// An accusative participle that opens a circumstantial clause (متهما، مؤكدا).
    Circ,
}

/// What a conjunction joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConjKind {
    /// و، ف.
    And,
    /// ثم.
    Then,
    /// أو، أم.
    Or,
    /// لكن، بل، غير أن.
    But,
    /// كما.
    Also,
}

/// What an adverbial clause says of its main clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdvSense {
    /// بعد أن، عندما ...
    Time,
    /// فيما، بينما، في حين.
    Contrast,
    /// حيث.
    Place,
    /// لأن، إذ.
    Cause,
    /// كي، لكي، حتى.
    Purpose,
    /// دون أن.
    Manner,
    /// إذا، إن، لو، في حال.
    Condition,
    /// رغم أن.
    Concession,
}

/// What a negation negates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegScope {
    /// لم، لما + imperfect.
    Past,
    /// لن.
    Future,
    /// لا.
    Present,
    /// ليس.
    Copula,
    /// غير، عدم: a noun or adjective after it.
    Noun,
}

/// What the grammar knows of a common verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbSense {
    /// A verb that takes a complement clause (قال إن، نفى أن، دعا إلى أن).
    Say,
    /// A verb governing a preposition (by its key): أسفر عن، أدى إلى.
    Governs(u16),
    /// Any other verb.
    Plain,
}

/// Why the grammar's word list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GrammarError {
    /// A row's class is not one the grammar knows.
    #[error("{file}: row `{row}`: unknown class `{class}`")]
    Class {
        /// The file read.
        file: String,
        /// The row's text.
        row: String,
        /// The class written.
        class: String,
    },
    /// A verb row's lemma entry is not well formed.
    #[error("{file}: {source}")]
    Verb {
        /// The file read.
        file: String,
        /// What rasd-morph found wrong.
        source: rasd_morph::LexiconError,
    },
}

/// The compiled grammar: closed-class words and the common verbs.
#[derive(Debug)]
pub struct Grammar {
    /// Closed-class words and phrases, each with every function it may have, and the
    /// pronoun it carries when one is attached ("أنه", "عليها").
    words: PhraseSet<Vec<(Function, Option<Pronoun>)>>,
    /// Preposition keys, indexed by `Function::Prep`.
    prep_keys: Vec<String>,
    /// [`Grammar::prep_index`]'s answer for the keys and prepositions as the data writes
    /// them ("بوساطة", "لدى"), worked out once: folding a key at every ask is costly.
    written_preps: Vec<(String, Option<u16>)>,
    /// The verb rows as read, for a caller that compiles them with lexicons of its own
    /// (one analysis per word for all of them).
    verb_rows: Vec<(String, VerbSense)>,
    /// The verb rows compiled, the first time the grammar is used on its own.
    verbs: std::sync::OnceLock<Lexicon<VerbSense>>,
    /// Word lists the phrase layer asks about (words.tsv classes noun, adj, time,
    /// statement), by lookup key.
    lists: WordLists,
}

/// The word lists of `words.tsv` that are no closed-class functions: nouns shaped like
/// adjectives (خارجية، مجلس), adjectives that follow a name (الخاص), nouns of time
/// (السبت), of statements (بيان) and military ranks (الفريق). The phrase layer asks them
/// of nearly every word of a noun phrase: a fast hash, not a keyed one, serves them.
#[derive(Debug, Default)]
struct WordLists {
    noun: FxHashSet<String>,
    adj: FxHashSet<String>,
    time: FxHashSet<String>,
    statement: FxHashSet<String>,
    rank: FxHashSet<String>,
}

impl WordLists {
    /// The list a words.tsv class fills, if it is one of these.
    fn of(&mut self, class: &str) -> Option<&mut FxHashSet<String>> {
        match class {
            "noun" => Some(&mut self.noun),
            "adj" => Some(&mut self.adj),
            "time" => Some(&mut self.time),
            "statement" => Some(&mut self.statement),
            "rank" => Some(&mut self.rank),
            _ => None,
        }
    }
}

/// The enclitic pronouns a preposition, complementizer or conjunction may carry, as
/// written after it.
const ATTACHED: [(&str, Pronoun); 10] = [
    ("ه", Pronoun::Ms3),
    ("ها", Pronoun::Fs3),
    ("هم", Pronoun::Mp3),
    ("هما", Pronoun::D3),
    ("هن", Pronoun::Fp3),
    ("نا", Pronoun::P1),
    ("كم", Pronoun::Mp2),
    ("ك", Pronoun::S2),
    ("ني", Pronoun::S1),
    ("ي", Pronoun::S1),
];

/// Prepositions written as one letter on the next word; they take pronouns too (به، لها).
const GLUED_PREPS: [&str; 2] = ["ب", "ل"];

impl Grammar {
    /// The grammar embedded in the binary.
    pub fn embedded() -> &'static Grammar {
        static G: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
        G.get_or_init(|| {
            // The embedded file is tested (`embedded_grammar_loads`): it cannot fail here.
            Grammar::from_sources(&EMBEDDED).unwrap_or_else(|e| {
                panic!("the embedded grammar does not load: {e}");
            })
        })
    }

    /// Compiles word lists: the embedded one first, then a user's, whose rows add to it.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Grammar, GrammarError> {
        let mut prep_keys: Vec<String> = Vec::new();
        let mut functions = Functions::default();
        let mut verb_rows: Vec<(String, VerbSense)> = Vec::new();
        let mut lists = WordLists::default();
        // The prepositions as written, for `written_preps`; the letters the phrase layer
        // asks for too.
        let mut written: Vec<String> = ["ب", "ل", "ك"].map(String::from).to_vec();
        for (file, text) in files {
            for row in tsv_rows(text) {
                let (form, class) = (row.first().copied().unwrap_or(""), row.get(1).copied());
                let key = row.get(2).copied().unwrap_or("-");
                let Some(class) = class else { continue };
                if class == "verb" {
                    verb_rows.push((form.to_string(), verb_sense(key, &mut prep_keys)));
                    continue;
                }
                if let Some(list) = lists.of(class) {
                    list.insert(phrase_key(form));
                    continue;
                }
                if class == "prep" {
                    written.extend([form.to_string(), key.to_string()]);
                }
                let f =
                    function(class, key, &mut prep_keys).ok_or_else(|| GrammarError::Class {
                        file: file.to_string(),
                        row: row.join("\t"),
                        class: class.to_string(),
                    })?;
                functions.add(form, f, None);
                if takes_pronoun(f) && !form.contains(' ') {
                    for (suffix, p) in ATTACHED {
                        functions.add(&format!("{form}{suffix}"), f, Some(p));
                    }
                }
            }
        }
        for prep in GLUED_PREPS {
            let key = prep_index(prep, &mut prep_keys);
            // "لي", "بي" with و before them are far more often "ولي" (ولي العهد) than
            // "and to me".
            for (suffix, p) in ATTACHED.into_iter().filter(|(s, _)| *s != "ي") {
                functions.add(&format!("{prep}{suffix}"), Function::Prep(key), Some(p));
            }
        }
        // The rows are checked here; compiling them waits until the grammar is used on
        // its own (a caller compiling them with its own rows never pays for it).
        for (row, (form, _)) in verb_rows.iter().enumerate() {
            rasd_morph::Entry::parse(form).map_err(|error| GrammarError::Verb {
                file: "verbs".into(),
                source: rasd_morph::LexiconError { row, cell: form.clone(), error },
            })?;
        }
        let words = PhraseSet::new(functions.rows.iter().map(|(k, v)| (k.as_str(), v.clone())));
        let mut grammar = Grammar {
            words,
            prep_keys,
            written_preps: Vec::new(),
            verb_rows,
            verbs: std::sync::OnceLock::new(),
            lists,
        };
        written.sort_unstable();
        written.dedup();
        grammar.written_preps =
            written.into_iter().map(|w| (w.clone(), grammar.fold_prep_index(&w))).collect();
        Ok(grammar)
    }

    /// The closed-class words and phrases.
    pub fn words(&self) -> &PhraseSet<Vec<(Function, Option<Pronoun>)>> {
        &self.words
    }

    /// Whether a word (as the text view writes it) is a noun shaped like an adjective,
    /// with و or ف, the article or ل before it.
    pub fn is_noun(&self, w: &str) -> bool {
        if self.lists.noun.is_empty() {
            return false;
        }
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        let bare = w
            .strip_prefix("ال")
            .or_else(|| w.strip_prefix("لل"))
            .or_else(|| w.strip_prefix("بال"))
            .unwrap_or(w);
        self.lists.noun.contains(bare) || self.lists.noun.contains(w)
    }

    /// Whether a word is a noun of statements (بيان، تصريح), with و, ف or ب before it.
    pub fn is_statement(&self, w: &str) -> bool {
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        self.lists.statement.contains(w)
            || w.strip_prefix('ب').is_some_and(|r| self.lists.statement.contains(r))
    }

    /// Whether a word is an adjective that follows a name (الخاص، السابق), with و or the
    /// article before it.
    pub fn is_adjective(&self, w: &str) -> bool {
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        let bare = w.strip_prefix("ال").unwrap_or(w);
        self.lists.adj.contains(bare) || self.lists.adj.contains(w)
    }

    /// Whether a word is a military rank (الفريق، العميد), with the article or not.
    pub fn is_rank(&self, w: &str) -> bool {
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        self.lists.rank.contains(w.strip_prefix("ال").unwrap_or(w))
    }

    /// Whether a word is a noun of time (السبت، اليوم), with the article or not.
    pub fn is_time_noun(&self, w: &str) -> bool {
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        self.lists.time.contains(w)
            || w.strip_prefix("ال").is_some_and(|r| self.lists.time.contains(r))
    }

    /// The common verbs, compiled.
    pub fn verbs(&self) -> &Lexicon<VerbSense> {
        self.verbs.get_or_init(|| {
            // Every row parsed when the grammar was read: none fails here.
            Lexicon::new(self.verb_rows.iter().map(|(f, s)| (f.as_str(), *s))).unwrap_or_default()
        })
    }

    /// The common verb rows as read: lemma entry and sense.
    pub fn verb_rows(&self) -> &[(String, VerbSense)] {
        &self.verb_rows
    }

    /// The text of a preposition key ("على", "من_قبل").
    pub fn prep_key(&self, k: u16) -> &str {
        self.prep_keys.get(usize::from(k)).map_or("", String::as_str)
    }

    /// The index of a preposition key, if the grammar has it: frames name prepositions by
    /// key, and compare indexes.
    pub fn prep_index(&self, key: &str) -> Option<u16> {
        // Callers name keys as the grammar writes them ("من", "علي"): no folding needed.
        if let Some(i) = self.prep_keys.iter().position(|k| k == key) {
            return Some(i as u16);
        }
        if let Some((_, i)) = self.written_preps.iter().find(|(w, _)| w == key) {
            return *i;
        }
        self.fold_prep_index(key)
    }

    /// [`Grammar::prep_index`] for a key written otherwise than the grammar keeps it:
    /// folded ("بوساطة" is kept as "بوساطه"), or a preposition standing for its key.
    fn fold_prep_index(&self, key: &str) -> Option<u16> {
        if let Some(i) = self.prep_keys.iter().position(|k| k == key) {
            return Some(i as u16);
        }
        let folded = phrase_key(&key.replace('_', " "));
        let as_key = folded.replace(' ', "_");
        if let Some(i) = self.prep_keys.iter().position(|k| *k == as_key) {
            return Some(i as u16);
        }
        // A preposition written as such ("بحق") stands for its key ("ضد").
        self.words.get(&folded)?.iter().find_map(|(f, _)| match f {
            Function::Prep(k) => Some(*k),
            _ => None,
        })
    }
}

/// What a closed-class form does: each function, with the pronoun written on it.
type FormFunctions = Vec<(Function, Option<Pronoun>)>;

/// The functions of each form, forms compared by their lookup key, in file order.
#[derive(Default)]
struct Functions {
    rows: Vec<(String, FormFunctions)>,
    by_key: std::collections::HashMap<String, usize>,
}

impl Functions {
    fn add(&mut self, form: &str, f: Function, pronoun: Option<Pronoun>) {
        let key = phrase_key(form);
        if key.is_empty() {
            return;
        }
        match self.by_key.get(&key) {
            Some(&i) => {
                let v = &mut self.rows[i].1;
                if !v.contains(&(f, pronoun)) {
                    v.push((f, pronoun));
                }
            }
            None => {
                self.by_key.insert(key, self.rows.len());
                self.rows.push((form.to_string(), vec![(f, pronoun)]));
            }
        }
    }
}

/// Words after which a pronoun may be written on (عليه، أنها، لكنه، لأنهم).
fn takes_pronoun(f: Function) -> bool {
    matches!(
        f,
        Function::Prep(_)
            | Function::Comp
            | Function::Conj(ConjKind::But)
            | Function::Adv(AdvSense::Cause)
    )
}

fn prep_index(key: &str, keys: &mut Vec<String>) -> u16 {
    let key = phrase_key(key).replace(' ', "_");
    match keys.iter().position(|k| *k == key) {
        Some(i) => i as u16,
        None => {
            keys.push(key);
            (keys.len() - 1) as u16
        }
    }
}

fn verb_sense(key: &str, keys: &mut Vec<String>) -> VerbSense {
    match key {
        "say" => VerbSense::Say,
        "-" | "" => VerbSense::Plain,
        prep => VerbSense::Governs(prep_index(prep, keys)),
    }
}

fn function(class: &str, key: &str, keys: &mut Vec<String>) -> Option<Function> {
    Some(match class {
        "prep" => Function::Prep(prep_index(key, keys)),
        "conj" => Function::Conj(match key {
            "then" => ConjKind::Then,
            "or" => ConjKind::Or,
            "but" => ConjKind::But,
            "also" => ConjKind::Also,
            _ => ConjKind::And,
        }),
        "comp" if key == "whether" => Function::Whether,
        "comp" => Function::Comp,
        "rel" => Function::Rel,
        "adv" => Function::Adv(match key {
            "contrast" => AdvSense::Contrast,
            "place" => AdvSense::Place,
            "cause" => AdvSense::Cause,
            "purpose" => AdvSense::Purpose,
            "manner" => AdvSense::Manner,
            "condition" => AdvSense::Condition,
            "concession" => AdvSense::Concession,
            _ => AdvSense::Time,
        }),
        "neg" => Function::Neg(match key {
            "future" => NegScope::Future,
            "present" => NegScope::Present,
            "copula" => NegScope::Copula,
            "noun" => NegScope::Noun,
            _ => NegScope::Past,
        }),
        "future" => Function::Future,
        "aux" => Function::Aux { passive: key == "passive" },
        "still" => Function::Still,
        "pron" => Function::Pron,
        "dem" => Function::Dem,
        "quant" => Function::Quant,
        "circ" => Function::Circ,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_grammar_loads() {
        let g = Grammar::from_sources(&EMBEDDED).expect("loads");
        assert!(g.words().len() > 300);
        assert!(g.verbs().len() > 1000);
        for key in ["على", "من_قبل", "بوساطة", "مع", "بين", "ب", "ل"] {
            assert!(g.prep_index(key).is_some(), "{key}");
        }
    }

    #[test]
    fn a_form_keeps_every_function() {
        let g = Grammar::embedded();
        let in_ = g.words().get(&phrase_key("إن")).expect("إن");
        assert!(in_.iter().any(|(f, _)| *f == Function::Comp));
        assert!(in_.iter().any(|(f, _)| *f == Function::Adv(AdvSense::Condition)));
        let anna = g.words().get(&phrase_key("أنها")).expect("أنها");
        assert_eq!(anna.as_slice(), [(Function::Comp, Some(Pronoun::Fs3))]);
        let alayhi = g.words().get(&phrase_key("عليه")).expect("عليه");
        assert!(matches!(alayhi[0], (Function::Prep(_), Some(Pronoun::Ms3))));
    }

    #[test]
    fn a_bad_class_names_the_row() {
        let e = Grammar::from_sources(&[("mine.tsv", "form\tclass\tkey\nعلى\tpreposition\tعلى\n")])
            .expect_err("bad class");
        assert!(e.to_string().contains("mine.tsv") && e.to_string().contains("preposition"));
    }
}
