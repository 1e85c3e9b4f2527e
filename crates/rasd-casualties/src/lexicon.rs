//! The casualty vocabulary, compiled once from `data/lexicon/casualty_terms.tsv`,
//! `person_nouns.tsv` and `casualty_cues.tsv` (formats in `data/lexicon/README.md`).

use std::sync::OnceLock;

use rasd_model::{Bound, CasualtyKind, Group};
use rasd_text::phrases::{phrase_key, tsv_rows, PhraseSet, WordFilter};
use rustc_hash::{FxHashMap, FxHashSet};

const TERMS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/casualty_terms.tsv"));
const PERSONS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/person_nouns.tsv"));
const CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/casualty_cues.tsv"));

/// How a casualty expression relates to the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A clause verb: the figure is its subject or object ("قُتل 65", "سبعة جنود قُتلوا").
    Verb,
    /// A verb of one person's fate: as `Verb`, and a named person or a singular person
    /// noun as its subject is a figure of one ("توفي الصحفي", "انتحاري قُتل").
    VerbOne,
    /// An event noun the figure follows ("مقتل ثمانية"), or whose singular noun is an
    /// implicit one ("مقتل جندي").
    Noun,
    /// A noun that counts the people itself ("26 قتيلا", "عدد القتلى إلى 376").
    Count,
}

/// A casualty expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term {
    pub kind: CasualtyKind,
    pub role: Role,
    /// The words one of which must follow the counted noun for the expression to be one
    /// ("لقي 12 شخصا مصرعهم", "قضى 15 مهاجرا غرقا"), as an index into
    /// [`Lexicon::completions`].
    pub completion: Option<u16>,
}

/// A context word of a figure (`casualty_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A running total ("الإجمالي", "منذ اندلاع").
    Cumulative,
    /// "in the ranks of": the party follows ("في صفوف").
    Ranks,
    /// A word that may follow a figure whose noun was given before ("إلى 963 منذ").
    Edge,
    /// A bound written after the counted noun ("30 شخصا على الأقل").
    Bound(Bound),
    /// An attack whose target, after على, suffered the figure ("غارة على", "هجوم على").
    Attack,
    /// After a number: it counts some of the people just counted ("9 منهم").
    Partitive,
    /// Before a number: it counts some of the people just counted ("بينهم 27").
    Among,
    /// Before a number: it states a total whose counting noun came earlier in the clause
    /// ("عدد النازحين ... إلى 3 ملايين", "بلغ").
    Total,
    /// Refugees: displaced abroad, counted for the country they came from ("لاجئ").
    Abroad,
    /// Before a place: where people were hit ("قرب", "قبالة", "شمال").
    Locative,
    /// After the counted people: a rate, not a count ("يوميا", "كل شهر").
    Rate,
    /// Before a figure in its clause: a forecast, not a count ("قد يصل", "من المتوقع").
    Forecast,
    /// Near a number: people who live somewhere, not losses ("عدد سكان", "يقطنها").
    Population,
    /// A superlative: "منذ" after it dates a comparison, not a running total ("أسوأ
    /// قتال منذ الحرب").
    Superlative,
}

pub(crate) struct Lexicon {
    /// The terms written as words or phrases.
    pub terms: PhraseSet<Term>,
    /// The terms written as lemmas (`v:قتل/يقتل`), with every form of each.
    pub term_lemmas: rasd_morph::Lexicon<Term>,
    pub persons: PhraseSet<(Group, bool)>,
    pub cues: PhraseSet<Cue>,
    /// Dual forms of the singular person nouns ("جنديين", "طفلان") with their group.
    pub duals: FxHashMap<String, Group>,
    /// The keys of `duals`, asked about at every word.
    pub dual_filter: WordFilter,
    /// The sets of words that complete an idiom (see [`Term::completion`]).
    pub completions: Vec<FxHashSet<String>>,
}

fn kind_of(s: &str) -> Option<CasualtyKind> {
    Some(match s {
        "killed" => CasualtyKind::Killed,
        "injured" => CasualtyKind::Injured,
        "missing" => CasualtyKind::Missing,
        "captured" => CasualtyKind::Captured,
        "displaced" => CasualtyKind::Displaced,
        _ => return None,
    })
}

fn group_of(s: &str) -> Group {
    match s {
        "military" => Group::Military,
        "civilian" => Group::Civilian,
        _ => Group::Unspecified,
    }
}

/// The lexicon embedded in the binary.
pub(crate) fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut completions: Vec<FxHashSet<String>> = Vec::new();
        let (lemma_rows, phrase_rows): (Vec<_>, Vec<_>) = tsv_rows(TERMS)
            .filter_map(|r| term_row(&r, &mut completions))
            .partition(|(form, _)| rasd_morph::is_entry(form));
        let terms = PhraseSet::new(phrase_rows);
        // A bad lemma row fails rasd-morph's test of every lemma cell under data/.
        let term_lemmas = rasd_morph::Lexicon::new(lemma_rows).unwrap_or_default();
        let rows: Vec<Vec<&str>> = tsv_rows(PERSONS).collect();
        let persons =
            PhraseSet::new(rows.iter().filter_map(|r| {
                Some((*r.first()?, (group_of(r.get(1)?), r.get(2) == Some(&"sg"))))
            }));
        let duals = dual_nouns(&rows);
        let cues =
            PhraseSet::new(tsv_rows(CUES).filter_map(|r| Some((*r.first()?, cue_of(r.get(1)?)?))));
        let mut dual_filter = WordFilter::default();
        for d in duals.keys() {
            dual_filter.insert(d);
        }
        dual_filter.shrink_to_fit();
        Lexicon { terms, term_lemmas, persons, cues, duals, dual_filter, completions }
    })
}

/// One row of `casualty_terms.tsv`: form, kind, role and the optional completion words.
fn term_row<'r>(
    r: &[&'r str],
    completions: &mut Vec<FxHashSet<String>>,
) -> Option<(&'r str, Term)> {
    let kind = kind_of(r.get(1)?)?;
    let role = match *r.get(2)? {
        "verb" => Role::Verb,
        "verb1" => Role::VerbOne,
        "noun" => Role::Noun,
        "count" => Role::Count,
        _ => return None,
    };
    let completion = match r.get(3).filter(|c| !c.is_empty()) {
        Some(words) => {
            let set: FxHashSet<String> = words.split('|').map(phrase_key).collect();
            let at = completions.iter().position(|c| *c == set).unwrap_or_else(|| {
                completions.push(set);
                completions.len() - 1
            });
            Some(u16::try_from(at).ok()?)
        }
        None => None,
    };
    Some((*r.first()?, Term { kind, role, completion }))
}

fn cue_of(class: &str) -> Option<Cue> {
    Some(match class {
        "cumulative" => Cue::Cumulative,
        "ranks" => Cue::Ranks,
        "edge" => Cue::Edge,
        "at_least" => Cue::Bound(Bound::AtLeast),
        "about" => Cue::Bound(Bound::About),
        "at_most" => Cue::Bound(Bound::AtMost),
        "attack" => Cue::Attack,
        "partitive" => Cue::Partitive,
        "among" => Cue::Among,
        "total" => Cue::Total,
        "abroad" => Cue::Abroad,
        "locative" => Cue::Locative,
        "rate" => Cue::Rate,
        "forecast" => Cue::Forecast,
        "population" => Cue::Population,
        "superlative" => Cue::Superlative,
        _ => return None,
    })
}

/// The duals of the singular person nouns ("جنديين", "تلميذتان"), generated once and
/// checked against the number parser's own rule for what a dual is; a form listed as a
/// plural ("مدنيين") is the plural.
fn dual_nouns(rows: &[Vec<&str>]) -> FxHashMap<String, Group> {
    let plurals: FxHashSet<String> = rows
        .iter()
        .filter(|r| r.get(2) == Some(&"pl"))
        .filter_map(|r| r.first().map(|w| phrase_key(w)))
        .collect();
    let mut duals = FxHashMap::default();
    for r in rows.iter().filter(|r| r.get(2) == Some(&"sg")) {
        let (Some(w), Some(g)) = (r.first(), r.get(1)) else { continue };
        let sg = phrase_key(w);
        // "آخرين" is "others", never the dual of "آخر".
        if sg == "اخر" || sg.contains(' ') {
            continue;
        }
        let forms = match sg.strip_suffix('ه') {
            Some(stem) => [format!("{stem}تان"), format!("{stem}تين")],
            None => [format!("{sg}ان"), format!("{sg}ين")],
        };
        for f in forms {
            // "مدنيين", "مواطنين": the plural, more often than the dual.
            if plurals.contains(&f) {
                continue;
            }
            if rasd_text::numbers::dual_of(&f, &[sg.as_str()]).is_some() {
                duals.entry(f).or_insert(group_of(g));
            }
        }
    }
    duals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_every_row() {
        let l = lexicon();
        let rows = |tsv: &str| tsv_rows(tsv).count();
        let lemmas = tsv_rows(TERMS).filter(|r| rasd_morph::is_entry(r[0])).count();
        assert_eq!(l.terms.len() + lemmas, rows(TERMS), "a casualty term row did not load");
        assert!(lemmas > 50);
        for word in
            ["قتلوا", "وقتلت", "يقتلون", "القتلى", "قتلاهم", "والجرحى", "نازحين", "بالاعتقالات"]
        {
            let folded = rasd_text::normalize(word);
            assert!(!l.term_lemmas.analyze(folded.as_str()).is_empty(), "{word}");
        }
        assert_eq!(l.cues.len(), rows(CUES), "a cue row did not load");
        assert!(l.persons.len() > 100);
        assert!(l.duals.contains_key("جنديين") && l.duals.contains_key("تلميذتان"));
        assert!(!l.completions.is_empty());
    }
}
