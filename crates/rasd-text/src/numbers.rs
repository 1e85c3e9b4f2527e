//! Number expressions in the normalized view: "30 ألفاً", "6,500", "ثلاثمئة وخمسة
//! وستين", "نحو 3.5 ملايين", "عشرات الآلاف", "ما لا يقل عن مئتي".
//!
//! [`find_numbers`] returns every number expression of a normalized text, left to
//! right and non-overlapping, with its value, the bound its qualifier gives (نحو →
//! about, أكثر من → at least ...), and whether it is vague, written in words, or owes a
//! factor of two to a dual. The grammar is in the code; the vocabulary is data
//! (`data/lexicon/number_words.tsv`, `data/lexicon/number_qualifiers.tsv`, documented in
//! `data/lexicon/README.md`), so spellings can be added without touching the parser, and
//! a caller can load its own with [`NumberLexicon::from_tsv`].
//!
//! # What counts as one expression
//! - Digits, with `,` thousands (`1,250,000`), `.` decimals (`3.5`), and the
//!   European `12.000` read as twelve thousand (see the rules on `Scanner::literal`);
//!   digits glued to Latin letters ("f16", "5g") are not numbers.
//! - Number words: units, teens, tens, hundreds, in both genders and all cases, joined
//!   by و from large to small ("ثلاثمئة وخمسة وستين" = 365); a count before a scale word
//!   ("ثلاثة آلاف", "أحد عشر ألفا", "30 ألف", "3.5 مليون"); duals of مئة/ألف/مليون.
//!   A later part must be below the scale before it, so "بين ثلاثة وخمسة" and "10 و15"
//!   stay two numbers while "30 ألفا و500" is one.
//! - Vague quantities: عشرات، مئات، آلاف، ملايين and their definite forms, "عشرات
//!   الآلاف", "بضع مئات", "عدة آلاف", with `vague` set and their lower bound as value.
//!   Their `bound` is still that of the qualifier (Exact without one); the vagueness is
//!   in `vague`.
//! - Halves and quarters of a scale: "نصف مليون", "مليون ونصف (المليون)".
//! - Qualifiers from the qualifier list, only when nothing but spaces separates them from
//!   the number; "تقريبا"، "على الأقل"، "على الأكثر" may also follow it.
//!
//! The first word may carry proclitics (و ف ب ل ك, and لل before a definite vague
//! plural); offsets exclude them, so `start`/`value_start` point at the word proper.
//! Years, dates, times and percentages come back as plain numbers; later stages decide.
//!
//! # What is deliberately not a number
//! - Ordinals (الأول، الثالث، العاشر), and the numeral that completes one: the عشر of
//!   "الحادي عشر" and the عشرين of "الخامس والعشرين".
//! - أحد and إحدى outside a teen: "أحد الجنود" is "one of the soldiers".
//! - Numerals with the article ("الخمسة", "العشرين", "الاثنين"): the article makes
//!   them weekdays (الاثنين) or ordinals (العشرين in "القرن العشرين") as often as
//!   counts, so only the vague plurals are taken with ال.
//! - Words that merely contain a numeral: ثلاثاء، أربعاء، خميس، عشرية، مليونية
//!   (matching is by whole word).
//! - The implicit one of a bare singular noun: the casualty stage decides that.
//!
//! # Known limits
//! - "واحد" is 1 even in idioms ("في آن واحد"); "تسع" is 9 even where it is the verb
//!   "accommodates". Context that needs a sentence parse is left to the caller.
//! - "ألفا" is read as the accusative singular (1000), not as the dual construct
//!   "ألفا جندي" (2000), which is rare in news; "مليونا" likewise.
//! - Dual nouns need the caller's noun list: [`dual_of`], or
//!   [`NumberLexicon::find_with_duals`] to get them as matches.

mod dual;
mod lexicon;
mod scan;

pub use dual::dual_of;
pub use lexicon::{DataProblem, NumberDataError, NumberLexicon};

use rasd_model::Bound;

use crate::{Normalized, Token};

/// One number expression in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMatch {
    /// Byte offset where the expression starts, qualifier included (after any proclitic).
    pub start: usize,
    /// Byte offset one past its end (a following qualifier included).
    pub end: usize,
    /// Byte offset where the numeric part starts (after the qualifier).
    pub value_start: usize,
    /// The value; for a vague quantity its lower bound (عشرات → 10, مئات الآلاف → 100000).
    pub value: f64,
    /// What the qualifier says; [`Bound::Exact`] without one.
    pub bound: Bound,
    /// A vague quantity with no exact figure (عشرات، آلاف، عشرات الآلاف).
    pub vague: bool,
    /// Some part of the value was written in words ("30 ألف" included).
    pub words: bool,
    /// A factor of two came from a dual: مئتين، ألفين، مليوني, or a dual noun found by
    /// [`NumberLexicon::find_with_duals`].
    pub dual: bool,
}

impl NumberMatch {
    /// The value as a count of things: a whole, non-negative number that fits exactly.
    pub fn count(&self) -> Option<u64> {
        // Beyond 2^53 an f64 no longer holds every integer, so a "count" there is a guess.
        const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;
        let v = self.value;
        (v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= EXACT_LIMIT).then_some(v as u64)
    }
}

impl NumberLexicon {
    /// Every number expression in `normalized`, left to right, non-overlapping.
    pub fn find(&self, normalized: &str) -> Vec<NumberMatch> {
        scan::Scanner::new(self, normalized).run()
    }

    /// [`find`](Self::find) over `view`, given its tokens ([`crate::tokenize`] of
    /// `view`), which saves the parser a pass of its own over every character.
    pub fn find_tokens(&self, view: &Normalized, tokens: &[Token]) -> Vec<NumberMatch> {
        let s = view.as_str();
        scan::Scanner::with_tokens(self, s, scan::tokens_from(s, tokens)).run()
    }

    /// Like [`find`](Self::find), plus a match of value 2 (with `dual` set) for every word
    /// outside those matches that [`dual_of`] reads as the dual of one of `singulars`
    /// (normalized singular stems). The match covers the noun without its proclitics.
    pub fn find_with_duals(&self, normalized: &str, singulars: &[&str]) -> Vec<NumberMatch> {
        let sc = scan::Scanner::new(self, normalized);
        let mut out = sc.run();
        let mut next = 0;
        let mut extra = Vec::new();
        for (k, t) in sc.toks.iter().enumerate() {
            while next < out.len() && out[next].end <= t.start {
                next += 1;
            }
            let inside = out.get(next).is_some_and(|m| m.start < t.end);
            if inside || !t.is_arabic() {
                continue;
            }
            if let Some((plen, _)) = dual::dual_match(sc.tok_str(k), singulars) {
                let start = t.start + plen;
                extra.push(NumberMatch {
                    start,
                    end: t.end,
                    value_start: start,
                    value: 2.0,
                    bound: Bound::Exact,
                    vague: false,
                    words: true,
                    dual: true,
                });
            }
        }
        if !extra.is_empty() {
            out.extend(extra);
            out.sort_by_key(|m| m.start);
        }
        out
    }
}

/// Every number expression in `normalized` (the normalized view of a text), using the
/// embedded lexicon.
pub fn find_numbers(normalized: &str) -> Vec<NumberMatch> {
    NumberLexicon::embedded().find(normalized)
}

/// [`find_numbers`] over a view whose tokens are already made ([`crate::tokenize`]).
pub fn find_numbers_tokens(view: &Normalized, tokens: &[Token]) -> Vec<NumberMatch> {
    NumberLexicon::embedded().find_tokens(view, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(value: f64) -> NumberMatch {
        NumberMatch {
            start: 0,
            end: 0,
            value_start: 0,
            value,
            bound: Bound::Exact,
            vague: false,
            words: false,
            dual: false,
        }
    }

    #[test]
    fn count_is_for_whole_non_negative_values() {
        assert_eq!(m(30000.0).count(), Some(30000));
        assert_eq!(m(3.5).count(), None);
        assert_eq!(m(-2.0).count(), None);
        assert_eq!(m(f64::NAN).count(), None);
        assert_eq!(m(1e300).count(), None);
    }

    #[test]
    fn offsets_are_bytes_of_the_normalized_text() {
        let s = "قتل نحو 30 الفا";
        let v = find_numbers(s);
        assert_eq!(v.len(), 1);
        assert_eq!(&s[v[0].start..v[0].end], "نحو 30 الفا");
        assert_eq!(&s[v[0].value_start..v[0].end], "30 الفا");
    }

    #[test]
    fn proclitics_are_outside_the_span() {
        let s = "وبنحو خمسه الاف";
        let v = find_numbers(s);
        assert_eq!(&s[v[0].start..v[0].end], "نحو خمسه الاف");
        let s = "ب30 قتيلا";
        let v = find_numbers(s);
        assert_eq!(&s[v[0].start..v[0].end], "30");
    }

    #[test]
    fn duals_as_matches() {
        let s = "قتل جنديان واصيب 3 اخرون بينهم طفلين";
        let v = NumberLexicon::embedded().find_with_duals(s, &["جندي", "طفل"]);
        let got: Vec<(f64, bool)> = v.iter().map(|m| (m.value, m.dual)).collect();
        assert_eq!(got, [(2.0, true), (3.0, false), (2.0, true)]);
        assert_eq!(&s[v[0].start..v[0].end], "جنديان");
    }
}
