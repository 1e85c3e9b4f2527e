//! The number lexicon: number words and qualifiers, loaded from two TSV files.
//!
//! Both files are data so that spelling variants can be added without touching the
//! parser; the embedded copies come from `data/lexicon/number_words.tsv` and
//! `data/lexicon/number_qualifiers.tsv`. Forms are folded with the text normalizer when
//! loaded, so the files may be written in ordinary orthography and still match the
//! normalized view the parser runs on.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use rasd_model::Bound;

use crate::normalize::normalize_str;
use crate::phrases::{EndFilter, WordFilter};

const WORDS_TSV: &str = include_str!("../../../../data/lexicon/number_words.tsv");
const QUALIFIERS_TSV: &str = include_str!("../../../../data/lexicon/number_qualifiers.tsv");

const WORDS_FILE: &str = "number_words.tsv";
const QUALIFIERS_FILE: &str = "number_qualifiers.tsv";

/// What role a number word plays in the grammar of a number expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Unit,
    Teen,
    Tens,
    Hundred,
    Dual,
    Scale,
    Plural,
    Vague,
    VagueHead,
    Fraction,
    Ordinal,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "unit" => Kind::Unit,
            "teen" => Kind::Teen,
            "tens" => Kind::Tens,
            "hundred" => Kind::Hundred,
            "dual" => Kind::Dual,
            "scale" => Kind::Scale,
            "plural" => Kind::Plural,
            "vague" => Kind::Vague,
            "vague_head" => Kind::VagueHead,
            "fraction" => Kind::Fraction,
            "ordinal" => Kind::Ordinal,
            _ => return None,
        })
    }

    /// Why `value` cannot belong to this kind, if it cannot. The parser relies on these
    /// ranges (a unit of 10 closes a teen, a hundred of 100 follows a unit, a scale
    /// is a power of ten), so a bad value is a load error rather than a silent misparse.
    fn reject(self, v: f64) -> Option<&'static str> {
        let int = v.fract() == 0.0;
        let ok = match self {
            Kind::Unit => int && (1.0..=10.0).contains(&v),
            Kind::Teen => int && (1.0..=9.0).contains(&v),
            Kind::Tens => int && (20.0..=90.0).contains(&v) && v % 10.0 == 0.0,
            Kind::Hundred => int && (100.0..=900.0).contains(&v) && v % 100.0 == 0.0,
            Kind::Dual => v == 100.0 || (v >= 1000.0 && power_of_ten(v)),
            Kind::Scale | Kind::Plural => v >= 1000.0 && power_of_ten(v),
            Kind::Vague | Kind::VagueHead => v >= 1.0,
            Kind::Fraction => v > 0.0 && v < 1.0,
            Kind::Ordinal => int && v >= 1.0,
        };
        (!ok).then_some(match self {
            Kind::Unit => "a unit is a whole number from 1 to 10",
            Kind::Teen => "a teen head is a whole number from 1 to 9",
            Kind::Tens => "tens are 20, 30, ... 90",
            Kind::Hundred => "hundreds are 100, 200, ... 900",
            Kind::Dual => "a dual doubles 100 or a power of ten from 1000 up",
            Kind::Scale | Kind::Plural => "a scale is a power of ten from 1000 up",
            Kind::Vague | Kind::VagueHead => "a vague lower bound is at least 1",
            Kind::Fraction => "a fraction lies between 0 and 1",
            Kind::Ordinal => "an ordinal is a whole number from 1 up",
        })
    }
}

fn power_of_ten(mut v: f64) -> bool {
    while v >= 10.0 && v % 10.0 == 0.0 {
        v /= 10.0;
    }
    v == 1.0
}

/// One number word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub value: f64,
}

/// Which side of the number a qualifier may stand on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
    Both,
}

impl Position {
    pub(crate) fn allows(self, after: bool) -> bool {
        match self {
            Position::Both => true,
            Position::Before => !after,
            Position::After => after,
        }
    }
}

/// A qualifier phrase, keyed in the lexicon by its first word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Qualifier {
    /// The words after the first, in order.
    pub rest: Vec<String>,
    pub bound: Bound,
    pub position: Position,
}

/// What is wrong with one line of a number lexicon file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DataProblem {
    /// The line does not have the expected number of tab-separated fields.
    #[error("expected {expected} tab-separated fields, found {found}")]
    Fields {
        /// How many the file format has.
        expected: usize,
        /// How many the line has.
        found: usize,
    },
    /// The form or phrase is empty (after folding).
    #[error("empty form")]
    EmptyForm,
    /// A number word must be a single run of letters.
    #[error("`{0}` is not a single word of letters")]
    NotAWord(String),
    /// The kind column is not one the parser knows.
    #[error("unknown kind `{0}` (unit, teen, tens, hundred, dual, scale, plural, vague, vague_head, fraction, ordinal)")]
    UnknownKind(String),
    /// The value is not a number, or out of range for its kind.
    #[error("bad value `{value}`: {why}")]
    BadValue {
        /// The value as written.
        value: String,
        /// What the kind requires.
        why: &'static str,
    },
    /// The bound column is not one of the four bounds.
    #[error("unknown bound `{0}` (exact, at_least, about, at_most)")]
    UnknownBound(String),
    /// The position column is not before, after or both.
    #[error("unknown position `{0}` (before, after, both)")]
    UnknownPosition(String),
    /// The same (folded) form was given a different meaning on an earlier line.
    #[error("`{form}` was already defined differently on line {first_line}")]
    Conflict {
        /// The folded form.
        form: String,
        /// The earlier line.
        first_line: usize,
    },
}

/// A line of a number lexicon file that could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file} line {line}: {problem}")]
pub struct NumberDataError {
    /// Which file: `number_words.tsv` or `number_qualifiers.tsv`.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub problem: DataProblem,
}

/// Number words and qualifiers, compiled into hash maps for the parser.
#[derive(Debug, Clone, Default)]
pub struct NumberLexicon {
    pub(crate) words: HashMap<String, Entry>,
    /// Keyed by the phrase's first word; each list is longest phrase first.
    pub(crate) qualifiers: HashMap<String, Vec<Qualifier>>,
    /// The keys of `words` and `qualifiers`: the parser asks about every reading of
    /// every word, and nearly all are neither.
    word_filter: WordFilter,
    qualifier_filter: WordFilter,
    /// Both, for [`NumberLexicon::may_start`].
    any_filter: WordFilter,
    /// The endings and lengths of both, for [`NumberLexicon::may_start`]: every key a
    /// word is looked up by ends the way the word does.
    ends: EndFilter,
}

/// Non-comment, non-blank lines with their 1-based numbers and tab-separated fields.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some((i + 1, line.split('\t').map(str::trim).collect()))
    })
}

fn parse_bound(s: &str) -> Option<Bound> {
    Some(match s {
        "exact" => Bound::Exact,
        "at_least" => Bound::AtLeast,
        "about" => Bound::About,
        "at_most" => Bound::AtMost,
        _ => return None,
    })
}

fn parse_position(s: &str) -> Option<Position> {
    Some(match s {
        "before" => Position::Before,
        "after" => Position::After,
        "both" => Position::Both,
        _ => return None,
    })
}

impl NumberLexicon {
    /// The lexicon embedded from `data/lexicon/`, compiled on first use.
    ///
    /// # Panics
    /// Only if the embedded files are invalid, which the crate's own tests rule out.
    pub fn embedded() -> &'static NumberLexicon {
        static EMBEDDED: OnceLock<NumberLexicon> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The embedded files are part of the source tree and a unit test loads them,
            // so a failure here is a build defect, not bad input.
            NumberLexicon::from_tsv(WORDS_TSV, QUALIFIERS_TSV)
                .unwrap_or_else(|e| panic!("embedded number lexicon: {e}"))
        })
    }

    /// Builds a lexicon from the text of the two TSV files (same format as the embedded
    /// ones; see `data/lexicon/README.md`).
    ///
    /// # Errors
    /// The first line that cannot be loaded: wrong number of fields, unknown kind, bound
    /// or position, a value out of range for its kind, or a form given two meanings.
    pub fn from_tsv(words: &str, qualifiers: &str) -> Result<NumberLexicon, NumberDataError> {
        let mut lex = NumberLexicon::default();
        let mut first_line: HashMap<String, usize> = HashMap::default();

        for (line, fields) in records(words) {
            let err = |problem| NumberDataError { file: WORDS_FILE, line, problem };
            let [form, kind, value] = fields[..] else {
                return Err(err(DataProblem::Fields { expected: 3, found: fields.len() }));
            };
            let form = normalize_str(form);
            if form.is_empty() {
                return Err(err(DataProblem::EmptyForm));
            }
            if !form.chars().all(char::is_alphabetic) {
                return Err(err(DataProblem::NotAWord(form)));
            }
            let kind =
                Kind::parse(kind).ok_or_else(|| err(DataProblem::UnknownKind(kind.into())))?;
            let bad = |why| err(DataProblem::BadValue { value: value.into(), why });
            let v: f64 = value.parse().map_err(|_| bad("not a number"))?;
            if !v.is_finite() {
                return Err(bad("not a finite number"));
            }
            if let Some(why) = kind.reject(v) {
                return Err(bad(why));
            }
            let entry = Entry { kind, value: v };
            match lex.words.get(&form) {
                // Folding merges spellings (مئة/مئه), so repeating a meaning is fine.
                Some(old) if *old == entry => {}
                Some(_) => {
                    let first = first_line.get(&form).copied().unwrap_or(0);
                    return Err(err(DataProblem::Conflict { form, first_line: first }));
                }
                None => {
                    first_line.insert(form.clone(), line);
                    lex.words.insert(form, entry);
                }
            }
        }

        let mut first_line: HashMap<String, usize> = HashMap::default();
        for (line, fields) in records(qualifiers) {
            let err = |problem| NumberDataError { file: QUALIFIERS_FILE, line, problem };
            let [phrase, bound, position] = fields[..] else {
                return Err(err(DataProblem::Fields { expected: 3, found: fields.len() }));
            };
            let phrase = normalize_str(phrase);
            let mut words = phrase.split_whitespace().map(str::to_string);
            let Some(head) = words.next() else {
                return Err(err(DataProblem::EmptyForm));
            };
            let bound =
                parse_bound(bound).ok_or_else(|| err(DataProblem::UnknownBound(bound.into())))?;
            let position = parse_position(position)
                .ok_or_else(|| err(DataProblem::UnknownPosition(position.into())))?;
            let q = Qualifier { rest: words.collect(), bound, position };
            let key = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            let list = lex.qualifiers.entry(head).or_default();
            match list.iter().find(|o| o.rest == q.rest) {
                Some(old) if *old == q => {}
                Some(_) => {
                    let first = first_line.get(&key).copied().unwrap_or(0);
                    return Err(err(DataProblem::Conflict { form: key, first_line: first }));
                }
                None => {
                    first_line.insert(key, line);
                    list.push(q);
                }
            }
        }
        // Longest first, so "ما لا يتجاوز" is tried before "ما يتجاوز" can't match and
        // "لا يتجاوز" before "لا".
        for list in lex.qualifiers.values_mut() {
            list.sort_by_key(|q| std::cmp::Reverse(q.rest.len()));
        }
        for w in lex.words.keys() {
            lex.word_filter.insert(w);
            lex.any_filter.insert(w);
            lex.ends.insert(w);
        }
        for w in lex.qualifiers.keys() {
            lex.qualifier_filter.insert(w);
            lex.any_filter.insert(w);
            lex.ends.insert(w);
        }
        for f in [&mut lex.word_filter, &mut lex.qualifier_filter, &mut lex.any_filter] {
            f.shrink_to_fit();
        }
        Ok(lex)
    }

    /// The number word `form` (already normalized), if the lexicon has it.
    pub(crate) fn word(&self, form: &str) -> Option<Entry> {
        if !self.word_filter.may_contain(form) {
            return None;
        }
        self.words.get(form).copied()
    }

    /// False only when no reading of the Arabic word `word` is a number word, an
    /// ordinal or a qualifier's first word, so that the parser can pass it by. Every
    /// key it is looked up by is the word from one of its first five code points on
    /// (behind و ف, ب ل ك, لل and ال), or ال + what follows a لل.
    pub(crate) fn may_start(&self, word: &str) -> bool {
        // All those keys end as the word does (what follows a لل has two letters or
        // more), so only keys with the word's ending, and of the lengths they have, can
        // be among them.
        let lengths = self.ends.lengths(word);
        if lengths == 0 {
            return false;
        }
        let fits = |len: usize| lengths & EndFilter::length_bit(len) != 0;
        // ال + what follows a لل is as long as the word from the لل on.
        let near = |at: usize| word.get(at..).is_some_and(|w| w.starts_with("لل"));
        if (near(0) && fits(word.len())) || (near('و'.len_utf8()) && fits(word.len() - 2)) {
            return true;
        }
        let b = word.as_bytes();
        let mut at = 0;
        for _ in 0..6 {
            if at >= b.len() {
                return false;
            }
            if fits(b.len() - at) && self.any_filter.may_contain(word.get(at..).unwrap_or("")) {
                return true;
            }
            at += match b[at] {
                0..=0x7f => 1,
                0x80..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
        }
        false
    }

    /// The qualifiers whose first word is `word` (normalized), longest first.
    pub(crate) fn qualifiers(&self, word: &str) -> Option<&[Qualifier]> {
        if !self.qualifier_filter.may_contain(word) {
            return None;
        }
        self.qualifiers.get(word).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUALS: &str = "نحو\tabout\tbefore\n";
    const WORDS: &str = "خمسة\tunit\t5\n";

    fn words_err(words: &str) -> NumberDataError {
        match NumberLexicon::from_tsv(words, QUALS) {
            Err(e) => e,
            Ok(_) => panic!("expected an error for {words:?}"),
        }
    }

    fn quals_err(quals: &str) -> NumberDataError {
        match NumberLexicon::from_tsv(WORDS, quals) {
            Err(e) => e,
            Ok(_) => panic!("expected an error for {quals:?}"),
        }
    }

    #[test]
    fn embedded_files_load() {
        let lex = NumberLexicon::from_tsv(WORDS_TSV, QUALIFIERS_TSV).expect("embedded data loads");
        assert_eq!(lex.word("خمسه"), Some(Entry { kind: Kind::Unit, value: 5.0 }));
        assert_eq!(lex.word("مائه"), lex.word("مئه"));
        assert!(lex.qualifiers.contains_key("حوالي"));
        assert!(lex.qualifiers.contains_key("اكثر"));
        // Both spellings of حوالي fold to one entry.
        assert_eq!(lex.qualifiers["حوالي"].len(), 1);
    }

    #[test]
    fn forms_are_folded_like_the_text() {
        let lex = NumberLexicon::from_tsv("أَلْفاً\tscale\t1000\n", "أكثر من\tat_least\tbefore\n")
            .expect("loads");
        assert!(lex.word("الفا").is_some());
        assert_eq!(lex.qualifiers["اكثر"][0].rest, ["من"]);
    }

    #[test]
    fn comments_blank_lines_and_crlf_are_skipped() {
        let lex = NumberLexicon::from_tsv("# c\n\r\nستة\tunit\t6\r\n", "").expect("loads");
        assert_eq!(lex.words.len(), 1);
    }

    #[test]
    fn wrong_field_count_names_the_line() {
        let e = words_err("# header\nخمسة\tunit\t5\nستة\tunit\n");
        assert_eq!(e.line, 3);
        assert_eq!(e.file, "number_words.tsv");
        assert_eq!(e.problem, DataProblem::Fields { expected: 3, found: 2 });
        assert!(e.to_string().starts_with("number_words.tsv line 3:"), "{e}");
    }

    #[test]
    fn unknown_kind_and_bad_values_are_errors() {
        assert_eq!(words_err("ستة\tdigit\t6\n").problem, DataProblem::UnknownKind("digit".into()));
        assert!(matches!(words_err("ستة\tunit\tsix\n").problem, DataProblem::BadValue { .. }));
        assert!(matches!(words_err("ستة\tunit\t60\n").problem, DataProblem::BadValue { .. }));
        assert!(matches!(words_err("ألف\tscale\t1500\n").problem, DataProblem::BadValue { .. }));
        assert!(matches!(words_err("ستون\ttens\t65\n").problem, DataProblem::BadValue { .. }));
        assert!(matches!(words_err("ستة\tunit\tinf\n").problem, DataProblem::BadValue { .. }));
    }

    #[test]
    fn a_form_must_be_one_word() {
        let e = words_err("\n\nأحد عشر\tunit\t1\n");
        assert_eq!(e.line, 3);
        assert!(matches!(e.problem, DataProblem::NotAWord(_)));
        assert_eq!(words_err("\tunit\t1\n").problem, DataProblem::EmptyForm);
    }

    #[test]
    fn conflicting_duplicates_are_errors_but_spelling_twins_are_not() {
        let e = words_err("مئة\thundred\t100\nمئه\tunit\t10\n");
        assert_eq!(e.line, 2);
        assert_eq!(e.problem, DataProblem::Conflict { form: "مئه".into(), first_line: 1 });
        assert!(NumberLexicon::from_tsv(
            "مئة\thundred\t100\nمائة\thundred\t100\nمئه\thundred\t100\n",
            ""
        )
        .is_ok());
    }

    #[test]
    fn qualifier_errors_name_the_line() {
        let e = quals_err("نحو\tabout\tbefore\nقرابة\tnearly\tbefore\n");
        assert_eq!((e.file, e.line), ("number_qualifiers.tsv", 2));
        assert_eq!(e.problem, DataProblem::UnknownBound("nearly".into()));
        let e = quals_err("نحو\tabout\taround\n");
        assert_eq!(e.problem, DataProblem::UnknownPosition("around".into()));
        let e = quals_err("نحو\tabout\n");
        assert_eq!(e.problem, DataProblem::Fields { expected: 3, found: 2 });
        let e = quals_err("أكثر من\tat_least\tbefore\nاكثر من\tat_most\tbefore\n");
        assert_eq!(e.line, 2);
        assert!(matches!(e.problem, DataProblem::Conflict { first_line: 1, .. }));
    }

    #[test]
    fn longer_qualifiers_come_first() {
        let lex = NumberLexicon::from_tsv(
            "",
            "ما يتجاوز\tat_least\tbefore\nما لا يتجاوز\tat_most\tbefore\nما\tabout\tbefore\n",
        )
        .expect("loads");
        let lens: Vec<usize> = lex.qualifiers["ما"].iter().map(|q| q.rest.len()).collect();
        assert_eq!(lens, [2, 1, 0]);
    }
}
