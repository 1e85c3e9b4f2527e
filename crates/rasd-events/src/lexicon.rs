//! The event stage's data, compiled once: trigger lemmas and their frames
//! (`data/events/frames.tsv`), frame classes (`classes.tsv`), modality cues
//! (`modality.tsv`), word sets (`sets.tsv`), and the grammar of the clause layer.
//! Everything is embedded in the binary; a user's directory of files with the same names
//! adds rows to it ([`Lexicon::with_user_dir`]).

use std::path::Path;

use rasd_morph::{is_entry, Lexicon as Morph, TokenAnalyses};
use rasd_syntax::Grammar;
use rasd_text::phrases::{tsv_rows, PhraseSet};
use rasd_text::{Normalized, Token};

use crate::frames::{Class, Cue, Frame, Modality, Scope, Shape, Slot};

const FRAMES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/frames.tsv"));
const CLASSES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/classes.tsv"));
const MODALITY: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/modality.tsv"));
const SETS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/sets.tsv"));

/// Why the event stage's data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The reading error.
        source: std::io::Error,
    },
    /// A row is not well formed.
    #[error("{file}: row `{row}`: {why}")]
    Row {
        /// The file.
        file: String,
        /// The row as written.
        row: String,
        /// What is wrong.
        why: String,
    },
    /// A lemma entry is not well formed.
    #[error("{file}: {source}")]
    Entry {
        /// The file.
        file: String,
        /// What rasd-morph found wrong.
        source: rasd_morph::LexiconError,
    },
    /// The grammar's words could not be read.
    #[error(transparent)]
    Grammar(#[from] rasd_syntax::GrammarError),
}

/// What a lemma of the stage is: one compiled lexicon holds them all, so that every word
/// is analyzed once for the grammar's verbs, the triggers, the cues and the word sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// One of the grammar's common verbs.
    Verb(rasd_syntax::VerbSense),
    /// A trigger row.
    Trigger(u32),
    /// A modality cue row.
    Cue(u32),
    /// A member of a word set.
    Set(u16),
}

/// Phrases of several words, each with every row that has it.
fn phrase_set<T: Clone>(rows: Vec<(String, T)>) -> PhraseSet<Vec<T>> {
    let mut grouped: Vec<(String, Vec<T>)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (form, v) in rows {
        let key = rasd_text::phrases::phrase_key(&form);
        match at.get(&key) {
            Some(&i) => grouped[i].1.push(v),
            None => {
                at.insert(key, grouped.len());
                grouped.push((form, vec![v]));
            }
        }
    }
    PhraseSet::new(grouped.iter().map(|(k, v)| (k.as_str(), v.clone())))
}

/// The compiled event-stage data.
#[derive(Debug)]
pub struct Lexicon {
    /// Trigger rows, in file order (a trigger's payload is its row index).
    pub frames: Vec<Frame>,
    /// Frame classes.
    pub classes: Vec<Class>,
    /// Modality cue rows.
    pub cues: Vec<Cue>,
    /// Word set names.
    pub set_names: Vec<String>,
    /// The clause layer's grammar.
    pub grammar: Grammar,
    /// Every lemma entry: the grammar's verbs, triggers, cues and word-set members.
    pub lemmas: Morph<Payload>,
    /// Trigger phrases of several words.
    pub trigger_phrases: PhraseSet<Vec<u32>>,
    /// Cue phrases of several words.
    pub cue_phrases: PhraseSet<Vec<u32>>,
    /// Word-set phrases of several words.
    pub set_phrases: PhraseSet<Vec<u16>>,
    /// The sets and prepositions the code names, looked up once at load.
    pub known: Known,
}

/// The word sets and prepositions the stage's code names, by index: asked for every
/// phrase and trigger, they are looked up by name once, when the data loads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known {
    /// Set `dyad` ("الجانبان").
    pub dyad: Option<u16>,
    /// Set `member` ("عضو", "مقاتل").
    pub member: Option<u16>,
    /// Set `owned` ("مرتبطة", "مسجلة").
    pub owned: Option<u16>,
    /// Set `witness` ("تجاهل", "رصد").
    pub witness: Option<u16>,
    /// Set `flag` ("ترفع علم").
    pub flag: Option<u16>,
    /// Set `count` (words of number).
    pub count: Option<u16>,
    /// Set `launch` (verbs of launching).
    pub launch: Option<u16>,
    /// Set `not_conflict` (sport, weather, markets).
    pub not_conflict: Option<u16>,
    /// Set `origin` ("الصنع": a country where a thing was made).
    pub origin: Option<u16>,
    /// Set `separate` ("منفصلة": talks held apart with each party).
    pub separate: Option<u16>,
    /// Set `body_noun` ("الحركة": refers back to a name that begins with it).
    pub body_noun: Option<u16>,
    /// Set `group_noun` ("الجماعة": the article's armed group when no name begins with it).
    pub group_noun: Option<u16>,
    /// Set `state` ("أكد", "جدد": verbs whose object states the subject's stance).
    pub state: Option<u16>,
    /// Set `told` ("ذلك", "ما جرى": words that name the act told before).
    pub told: Option<u16>,
    /// Preposition ل.
    pub lam: Option<u16>,
    /// Preposition من.
    pub min: Option<u16>,
    /// Preposition من قبل.
    pub min_qibal: Option<u16>,
    /// Preposition بوساطة.
    pub mediation: Option<u16>,
    /// Prepositions على and ضد (an act aimed at someone).
    pub against: [Option<u16>; 2],
    /// Prepositions لدى, في and من (where an envoy serves).
    pub hosts: [Option<u16>; 3],
}

impl Known {
    fn new(set_names: &[String], grammar: &Grammar) -> Known {
        let set = |name: &str| set_names.iter().position(|n| n == name).map(|i| i as u16);
        let prep = |key: &str| grammar.prep_index(key);
        Known {
            dyad: set("dyad"),
            member: set("member"),
            owned: set("owned"),
            witness: set("witness"),
            flag: set("flag"),
            count: set("count"),
            launch: set("launch"),
            not_conflict: set("not_conflict"),
            origin: set("origin"),
            separate: set("separate"),
            body_noun: set("body_noun"),
            group_noun: set("group_noun"),
            state: set("state"),
            told: set("told"),
            lam: prep("ل"),
            min: prep("من"),
            min_qibal: prep("من_قبل"),
            mediation: prep("بوساطة"),
            against: [prep("علي"), prep("ضد")],
            hosts: [prep("لدى"), prep("في"), prep("من")],
        }
    }
}

impl Lexicon {
    /// Every lemma reading of every token of a document, of every kind; tokens `wanted`
    /// rules out (linked names) are not read.
    pub fn analyze(
        &self,
        view: &Normalized,
        tokens: &[Token],
        wanted: impl Fn(usize) -> bool,
    ) -> TokenAnalyses {
        self.lemmas.analyze_tokens_where(view, tokens, wanted)
    }

    /// What a reading is.
    pub fn payload(&self, a: &rasd_morph::Analysis) -> Payload {
        *self.lemmas.payload(a)
    }
}

/// Files a user may add rows to, by name.
const FILES: [&str; 5] = ["frames.tsv", "classes.tsv", "modality.tsv", "sets.tsv", "words.tsv"];

impl Lexicon {
    /// The data embedded in the binary.
    pub fn embedded() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| {
            // The embedded files are checked by the crate's tests: they load.
            Lexicon::from_sources(&Sources::default())
                .unwrap_or_else(|e| panic!("the embedded event data does not load: {e}"))
        })
    }

    /// The embedded data plus the rows of a user's directory (files named as in
    /// `data/events/` and `data/syntax/words.tsv`; any may be missing).
    pub fn with_user_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut extra: Vec<(String, String)> = Vec::new();
        for name in FILES {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                    file: path.display().to_string(),
                    source,
                })?;
                extra.push((name.to_string(), text));
            }
        }
        let get = |n: &str| extra.iter().find(|(k, _)| k == n).map(|(_, t)| t.as_str());
        Lexicon::from_sources(&Sources {
            frames: get("frames.tsv"),
            classes: get("classes.tsv"),
            modality: get("modality.tsv"),
            sets: get("sets.tsv"),
            words: get("words.tsv"),
        })
    }

    /// The embedded data plus the given files' rows.
    pub fn from_sources(user: &Sources<'_>) -> Result<Lexicon, LexiconError> {
        let with = |embedded: &'static str, user: Option<&str>| -> Vec<String> {
            let mut v = vec![embedded.to_string()];
            v.extend(user.map(str::to_string));
            v
        };
        let grammar_words: Vec<(&str, &str)> = rasd_syntax::grammar::EMBEDDED
            .iter()
            .copied()
            .chain(user.words.map(|w| ("words.tsv", w)))
            .collect();
        let grammar = Grammar::from_sources(&grammar_words)?;
        let classes = load_classes(&with(CLASSES, user.classes), &grammar)?;
        let set_names = set_names(&with(SETS, user.sets));
        let (frames, trigger_rows) = load_frames(&with(FRAMES, user.frames), &classes, &set_names)?;
        let (cues, cue_rows) = load_cues(&with(MODALITY, user.modality), &grammar)?;
        let set_rows = load_sets(&with(SETS, user.sets), &set_names);
        // Lemma entries of every kind in one lexicon; phrases in a set per kind.
        let mut lemma_rows: Vec<(String, Payload)> =
            grammar.verb_rows().iter().map(|(f, s)| (f.clone(), Payload::Verb(*s))).collect();
        let (t_lemmas, t_phrases): (Vec<_>, Vec<_>) =
            trigger_rows.into_iter().partition(|(f, _)| is_entry(f));
        let (c_lemmas, c_phrases): (Vec<_>, Vec<_>) =
            cue_rows.into_iter().partition(|(f, _)| is_entry(f));
        let (s_lemmas, s_phrases): (Vec<_>, Vec<_>) =
            set_rows.into_iter().partition(|(f, _)| is_entry(f));
        lemma_rows.extend(t_lemmas.into_iter().map(|(f, i)| (f, Payload::Trigger(i))));
        lemma_rows.extend(c_lemmas.into_iter().map(|(f, i)| (f, Payload::Cue(i))));
        lemma_rows.extend(s_lemmas.into_iter().map(|(f, i)| (f, Payload::Set(i))));
        let lemmas = Morph::new(lemma_rows.iter().map(|(f, p)| (f.as_str(), *p)))
            .map_err(|source| LexiconError::Entry { file: "data/events".into(), source })?;
        let known = Known::new(&set_names, &grammar);
        Ok(Lexicon {
            known,
            frames,
            classes,
            cues,
            set_names,
            grammar,
            lemmas,
            trigger_phrases: phrase_set(t_phrases),
            cue_phrases: phrase_set(c_phrases),
            set_phrases: phrase_set(s_phrases),
        })
    }

    /// The index of a word set by name.
    pub fn set(&self, name: &str) -> Option<u16> {
        self.set_names.iter().position(|n| n == name).map(|i| i as u16)
    }
}

/// A user's files, each optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    /// Rows to add to frames.tsv.
    pub frames: Option<&'a str>,
    /// Rows to add to classes.tsv.
    pub classes: Option<&'a str>,
    /// Rows to add to modality.tsv.
    pub modality: Option<&'a str>,
    /// Rows to add to sets.tsv.
    pub sets: Option<&'a str>,
    /// Rows to add to data/syntax/words.tsv.
    pub words: Option<&'a str>,
}

fn row_error(file: &str, row: &[&str], why: impl Into<String>) -> LexiconError {
    LexiconError::Row { file: file.to_string(), row: row.join("\t"), why: why.into() }
}

fn load_classes(texts: &[String], grammar: &Grammar) -> Result<Vec<Class>, LexiconError> {
    let mut out: Vec<Class> = Vec::new();
    let mut weapons: Vec<(String, String)> = Vec::new();
    for text in texts {
        for row in tsv_rows(text) {
            let cell = |i: usize| row.get(i).copied().unwrap_or("-");
            let shape = Shape::parse(cell(1)).ok_or_else(|| {
                row_error("classes.tsv", &row, format!("unknown shape `{}`", cell(1)))
            })?;
            let slots = |i: usize| -> Result<Vec<Slot>, LexiconError> {
                Slot::parse_list(cell(i), grammar)
                    .map_err(|why| row_error("classes.tsv", &row, why))
            };
            let class = Class {
                name: cell(0).to_string(),
                shape,
                actor: slots(2)?,
                target: slots(3)?,
                genitive_is_subject: cell(4) == "subj",
                content: slots(5)?,
                weapon: None,
            };
            weapons.push((class.name.clone(), cell(6).to_string()));
            match out.iter_mut().find(|c| c.name == class.name) {
                Some(old) => *old = class,
                None => out.push(class),
            }
        }
    }
    // Classes name each other: resolved once all are read.
    for (name, weapon) in weapons.into_iter().filter(|(_, w)| w != "-") {
        let target = out.iter().position(|c| c.name == weapon).ok_or_else(|| {
            row_error("classes.tsv", &[name.as_str()], format!("no class `{weapon}`"))
        })?;
        if let Some(c) = out.iter_mut().find(|c| c.name == name) {
            c.weapon = Some(target);
        }
    }
    Ok(out)
}

fn set_names(texts: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        for row in tsv_rows(text) {
            if let Some(n) = row.first().filter(|n| !names.iter().any(|x| x == *n)) {
                names.push(n.to_string());
            }
        }
    }
    names
}

fn load_sets(texts: &[String], names: &[String]) -> Vec<(String, u16)> {
    let mut out = Vec::new();
    for text in texts {
        for row in tsv_rows(text) {
            let (Some(set), Some(form)) = (row.first(), row.get(1)) else { continue };
            if let Some(i) = names.iter().position(|n| n == set) {
                out.push((form.to_string(), i as u16));
            }
        }
    }
    out
}

type Rows = Vec<(String, u32)>;

fn load_frames(
    texts: &[String],
    classes: &[Class],
    sets: &[String],
) -> Result<(Vec<Frame>, Rows), LexiconError> {
    let mut frames = Vec::new();
    let mut rows = Vec::new();
    for text in texts {
        for row in tsv_rows(text) {
            let cell = |i: usize| row.get(i).copied().unwrap_or("-");
            let ty = cell(1);
            let class = classes
                .iter()
                .position(|c| c.name == cell(3))
                .ok_or_else(|| row_error("frames.tsv", &row, format!("no class `{}`", cell(3))))?;
            // A support verb makes no event of its own: it may name no type.
            let support = matches!(classes[class].shape, Shape::Light | Shape::Undergo);
            if !(rasd_model::PLOVER_TYPES.contains(&ty) || (support && ty == "-")) {
                return Err(row_error("frames.tsv", &row, format!("`{ty}` is not a PLOVER type")));
            }
            let mut frame = Frame {
                event_type: ty.to_string(),
                mode: Some(cell(2)).filter(|m| *m != "-" && !m.is_empty()).map(str::to_string),
                class,
                alone: true,
                object: None,
                requires_target: false,
                perfect_only: false,
                planned_only: false,
                count_passive: false,
                needs: None,
                walkout: false,
                own_type: None,
                genitive_is_subject: None,
                lemma: cell(0).to_string(),
            };
            for opt in cell(4).split_whitespace().filter(|o| *o != "-") {
                match opt.split_once('=') {
                    Some(("alone", "no")) => frame.alone = false,
                    Some(("requires", "target")) => frame.requires_target = true,
                    Some(("aspect", "perfect")) => frame.perfect_only = true,
                    Some(("mood", "planned")) => frame.planned_only = true,
                    Some((kind @ ("object" | "needs"), set)) => {
                        let i = sets.iter().position(|n| n == set).ok_or_else(|| {
                            row_error("frames.tsv", &row, format!("no word set `{set}`"))
                        })?;
                        if kind == "object" {
                            frame.object = Some(i as u16);
                        } else {
                            frame.needs = Some(i as u16);
                        }
                    }
                    Some(("genitive", g @ ("subj" | "obj"))) => {
                        frame.genitive_is_subject = Some(g == "subj");
                    }
                    None if opt == "walkout" => frame.walkout = true,
                    None if opt == "count_passive" => frame.count_passive = true,
                    Some(("own", ty)) if rasd_model::PLOVER_TYPES.contains(&ty) => {
                        frame.own_type = Some(ty.to_string());
                    }
                    _ => {
                        return Err(row_error(
                            "frames.tsv",
                            &row,
                            format!("unknown option `{opt}`"),
                        ))
                    }
                }
            }
            rows.push((cell(0).to_string(), frames.len() as u32));
            frames.push(frame);
        }
    }
    Ok((frames, rows))
}

fn load_cues(texts: &[String], grammar: &Grammar) -> Result<(Vec<Cue>, Rows), LexiconError> {
    let mut cues = Vec::new();
    let mut rows = Vec::new();
    for text in texts {
        for row in tsv_rows(text) {
            let cell = |i: usize| row.get(i).copied().unwrap_or("-");
            let modality = Modality::parse(cell(1)).ok_or_else(|| {
                row_error("modality.tsv", &row, format!("unknown modality `{}`", cell(1)))
            })?;
            let mut scopes = Vec::new();
            for s in cell(2).split('|') {
                scopes.push(Scope::parse(s, grammar).ok_or_else(|| {
                    row_error("modality.tsv", &row, format!("unknown scope `{s}`"))
                })?);
            }
            rows.push((cell(0).to_string(), cues.len() as u32));
            cues.push(Cue { modality, scopes, form: cell(0).to_string() });
        }
    }
    Ok((cues, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_loads() {
        let lex = Lexicon::from_sources(&Sources::default()).expect("loads");
        assert!(lex.frames.len() > 150);
        assert!(lex.cues.len() > 100);
        for t in rasd_model::PLOVER_TYPES {
            assert!(lex.frames.iter().any(|f| f.event_type == t), "no trigger for {t}");
        }
        for name in ["envoy", "forces", "member", "owned", "witness", "flag"] {
            assert!(lex.set(name).is_some(), "{name}");
        }
    }

    #[test]
    fn user_rows_add_to_the_embedded_ones() {
        let frames = "entry\ttype\tmode\tclass\toptions\nv:قنبل/يقنبل\tASSAULT\t-\tstrike\t-\n";
        let lex = Lexicon::from_sources(&Sources { frames: Some(frames), ..Sources::default() })
            .expect("loads");
        let a = lex.lemmas.analyze("وقنبلوها");
        assert!(a.iter().any(|a| {
            matches!(lex.payload(a), Payload::Trigger(i) if lex.frames[i as usize].event_type == "ASSAULT")
        }));
    }

    #[test]
    fn a_bad_row_is_named() {
        let frames = "entry\ttype\tmode\tclass\toptions\nv:قصف/يقصف\tBOMB\t-\tstrike\t-\n";
        let e = Lexicon::from_sources(&Sources { frames: Some(frames), ..Sources::default() })
            .expect_err("bad type");
        assert!(e.to_string().contains("BOMB"));
    }
}
