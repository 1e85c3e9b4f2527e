//! The lemma entry syntax: one lemma in one TSV cell (see the crate README).
//!
//! ```text
//! v:قصف/يقصف                 a verb: perfect 3ms / imperfect 3ms
//! v:أخذ/يأخذ +خذ=c2ms +خذوا=c2mp   explicit forms (an imperative not generated)
//! v:عبر/يعبر -عبر            a verb without one of its forms (here: the preposition عبر)
//! n:غارة/غارات               a noun: singular / plurals (broken or irregular)
//! p:مسلح/+ون/+ة              a participle: sound masculine plural, and a feminine
//! m:اعتقال/+ات               a masdar with a sound feminine plural
//! ```

use crate::features::{Aspect, Cell, Number, Pos};

/// A parsed lemma entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The part of speech the entry declares.
    pub pos: Pos,
    /// The citation form as written (the perfect 3ms, or the singular).
    pub lemma: String,
    pub(crate) body: Body,
    /// Forms written out in the entry, each with the cells it stands for.
    pub(crate) extras: Vec<Extra>,
    /// Generated forms (without clitics) the entry leaves out, as written.
    pub(crate) exclude: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    Verb { perfect: String, imperfect: String },
    Noun(NounBody),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NounBody {
    pub singular: String,
    /// Broken or irregular plurals, as written.
    pub plurals: Vec<String>,
    /// `+ون`: the sound masculine plural.
    pub masc_plural: bool,
    /// `+ات`: the sound feminine plural (implied for a singular in ة with no plural listed).
    pub fem_plural: bool,
    /// `+ة`: the feminine (مسلحة) with its dual and plural.
    pub feminine: bool,
}

/// A form written out in an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Extra {
    pub form: String,
    pub tags: Vec<Tag>,
}

/// What an explicit form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Verb(Aspect, Cell),
    Noun(Number),
}

/// Why a cell is not a lemma entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// No `v:`, `n:`, `m:`, `p:` or `a:` before the forms.
    #[error("`{0}` does not start with a part of speech (v: n: m: p: a:)")]
    NoPos(String),
    /// A form is not one Arabic word.
    #[error("`{0}` is not one Arabic word")]
    NotAWord(String),
    /// A verb entry without both its perfect and imperfect.
    #[error("a verb is written perfect/imperfect (v:قصف/يقصف), not `{0}`")]
    VerbForms(String),
    /// An imperfect that does not begin with ي.
    #[error("the imperfect `{0}` is the third person masculine singular, starting with ي")]
    Imperfect(String),
    /// A plural marker other than `+ون`, `+ات`, `+ة`.
    #[error("unknown marker `{0}` (+ون, +ات, +ة)")]
    Marker(String),
    /// An explicit form written without its cells, or with unknown ones.
    #[error("explicit form `{0}`: write +FORM=TAG,TAG with tags such as p3ms, i3mp, c2ms (verbs) or sg, du, pl (nouns)")]
    Extra(String),
    /// A word after the forms that is neither `+FORM=TAGS` nor `-FORM`.
    #[error("`{0}` after the forms is neither +FORM=TAGS nor -FORM")]
    Option(String),
}

/// Whether a TSV cell is written in the entry syntax (it starts with a part of speech
/// and a colon); other cells are plain words or phrases.
pub fn is_entry(cell: &str) -> bool {
    pos_of(cell.trim()).is_some()
}

fn pos_of(cell: &str) -> Option<(Pos, &str)> {
    let (p, rest) = cell.split_once(':')?;
    let pos = match p {
        "v" => Pos::Verb,
        "m" => Pos::Masdar,
        "p" => Pos::Participle,
        "n" => Pos::Noun,
        "a" => Pos::Adjective,
        _ => return None,
    };
    Some((pos, rest))
}

impl Entry {
    /// Parses one cell.
    ///
    /// ```
    /// use rasd_morph::{Entry, Pos};
    /// let e = Entry::parse("v:قصف/يقصف").unwrap();
    /// assert_eq!((e.pos, e.lemma.as_str()), (Pos::Verb, "قصف"));
    /// assert!(Entry::parse("قصف").is_err());
    /// ```
    ///
    /// # Errors
    /// [`EntryError`] naming what is wrong with the cell.
    pub fn parse(cell: &str) -> Result<Entry, EntryError> {
        let cell = cell.trim();
        let (pos, rest) = pos_of(cell).ok_or_else(|| EntryError::NoPos(cell.to_string()))?;
        let mut words = rest.split_whitespace();
        let forms = words.next().unwrap_or("");
        let (body, lemma) = if pos == Pos::Verb { verb_body(forms)? } else { noun_body(forms)? };
        let mut entry = Entry { pos, lemma, body, extras: Vec::new(), exclude: Vec::new() };
        for w in words {
            if let Some(x) = w.strip_prefix('-') {
                entry.exclude.push(word(x)?.to_string());
            } else if let Some(x) = w.strip_prefix('+') {
                entry.extras.push(extra(x, pos)?);
            } else {
                return Err(EntryError::Option(w.to_string()));
            }
        }
        Ok(entry)
    }
}

fn verb_body(forms: &str) -> Result<(Body, String), EntryError> {
    let mut parts = forms.split('/');
    let (Some(p), Some(i), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(EntryError::VerbForms(forms.to_string()));
    };
    let (p, i) = (word(p)?, word(i)?);
    if !i.starts_with('ي') {
        return Err(EntryError::Imperfect(i.to_string()));
    }
    Ok((Body::Verb { perfect: p.to_string(), imperfect: i.to_string() }, p.to_string()))
}

fn noun_body(forms: &str) -> Result<(Body, String), EntryError> {
    let mut parts = forms.split('/');
    let singular = word(parts.next().unwrap_or(""))?.to_string();
    let mut body = NounBody {
        singular: singular.clone(),
        plurals: Vec::new(),
        masc_plural: false,
        fem_plural: false,
        feminine: false,
    };
    for part in parts {
        match part.strip_prefix('+') {
            Some("ون") => body.masc_plural = true,
            Some("ات") => body.fem_plural = true,
            Some("ة") => body.feminine = true,
            Some(m) => return Err(EntryError::Marker(m.to_string())),
            None => body.plurals.push(word(part)?.to_string()),
        }
    }
    if body.plurals.is_empty() && letters(&singular).0.last() == Some(&'ة') {
        body.fem_plural = true;
    }
    Ok((Body::Noun(body), singular))
}

/// `FORM=TAG,TAG` after the `+`.
fn extra(x: &str, pos: Pos) -> Result<Extra, EntryError> {
    let bad = || EntryError::Extra(x.to_string());
    let (form, tags) = x.split_once('=').ok_or_else(bad)?;
    let form = word(form).map_err(|_| bad())?.to_string();
    let tags = tags.split(',').map(|t| tag(t, pos).ok_or_else(bad)).collect::<Result<_, _>>()?;
    Ok(Extra { form, tags })
}

fn tag(t: &str, pos: Pos) -> Option<Tag> {
    if pos.is_nominal() {
        let n = match t {
            "sg" => Number::Singular,
            "du" => Number::Dual,
            "pl" => Number::Plural,
            _ => return None,
        };
        return Some(Tag::Noun(n));
    }
    let aspect = match t.get(..1)? {
        "p" => Aspect::Perfect,
        "i" => Aspect::Imperfect,
        "c" => Aspect::Imperative,
        _ => return None,
    };
    let cell = Cell::from_code(t.get(1..)?)?;
    (aspect != Aspect::Imperative || cell.person() == crate::features::Person::Second)
        .then_some(Tag::Verb(aspect, cell))
}

/// A form that is one Arabic word (letters and harakat only).
fn word(w: &str) -> Result<&str, EntryError> {
    let ok =
        !w.is_empty() && w.chars().all(|c| is_letter(c) || is_mark(c)) && w.chars().any(is_letter);
    if ok {
        Ok(w)
    } else {
        Err(EntryError::NotAWord(w.to_string()))
    }
}

fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}')
}

/// Harakat, shadda, sukun, superscript alef and tatweel.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

const SHADDA: char = '\u{0651}';

/// The letters of a form as written (hamza seats kept), without harakat, and whether a
/// shadda stands on its last letter.
pub(crate) fn letters(form: &str) -> (Vec<char>, bool) {
    let mut out = Vec::with_capacity(form.len() / 2);
    let mut last_shadda = false;
    for c in form.chars() {
        if is_letter(c) {
            out.push(c);
            last_shadda = false;
        } else if c == SHADDA {
            last_shadda = true;
        }
    }
    (out, last_shadda)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_nouns_markers_and_options() {
        let e = Entry::parse(" v:قَصَفَ/يَقصِف ").unwrap();
        assert_eq!(e.lemma, "قَصَفَ");
        let e = Entry::parse("v:جاء/يجيء +جئت=p1s,p2ms,p2fs -جاءا").unwrap();
        assert_eq!(e.extras[0].tags.len(), 3);
        assert_eq!(e.exclude, ["جاءا"]);
        let e = Entry::parse("p:مسلح/+ون/+ة").unwrap();
        let Body::Noun(n) = &e.body else { panic!("a noun") };
        assert!(n.masc_plural && n.feminine && !n.fem_plural && n.plurals.is_empty());
        let Body::Noun(n) = Entry::parse("n:غارة").unwrap().body else { panic!("a noun") };
        assert!(n.fem_plural, "a singular in ة with no plural listed takes ات");
        let Body::Noun(n) = Entry::parse("n:مدينة/مدن").unwrap().body else {
            panic!("a noun")
        };
        assert!(!n.fem_plural && n.plurals == ["مدن"]);
    }

    #[test]
    fn malformed_cells_say_why() {
        assert!(matches!(Entry::parse("قصف"), Err(EntryError::NoPos(_))));
        assert!(matches!(Entry::parse("x:قصف"), Err(EntryError::NoPos(_))));
        assert!(matches!(Entry::parse("v:قصف"), Err(EntryError::VerbForms(_))));
        assert!(matches!(Entry::parse("v:قصف/تقصف"), Err(EntryError::Imperfect(_))));
        assert!(matches!(Entry::parse("v:قصف/يقصف/x"), Err(EntryError::VerbForms(_))));
        assert!(matches!(Entry::parse("n:غارة/+ين"), Err(EntryError::Marker(_))));
        assert!(matches!(Entry::parse("n:غارة/abc"), Err(EntryError::NotAWord(_))));
        assert!(matches!(Entry::parse("v:قال/يقول +قلت"), Err(EntryError::Extra(_))));
        assert!(matches!(Entry::parse("v:قال/يقول +قلت=x1s"), Err(EntryError::Extra(_))));
        assert!(matches!(Entry::parse("v:قال/يقول +قل=c3ms"), Err(EntryError::Extra(_))));
        assert!(matches!(Entry::parse("v:قال/يقول قلت"), Err(EntryError::Option(_))));
        assert!(matches!(Entry::parse("n:"), Err(EntryError::NotAWord(_))));
        assert!(is_entry("v:قال/يقول") && !is_entry("بحسب") && !is_entry("وفقا ل"));
    }

    #[test]
    fn letters_keep_hamza_seats_and_see_a_final_shadda() {
        assert_eq!(letters("اِحْتَلَّ"), ("احتل".chars().collect(), true));
        assert_eq!(letters("يُؤَكِّدُ"), ("يؤكد".chars().collect(), false));
    }
}
