//! Word-phrase lexicons matched over tokens.
//!
//! Extraction stages look up words and short phrases ("لقوا حتفهم", "وفقا ل", "عدد
//! القتلى") at each token. A [`PhraseSet`] is compiled from data rows once; matching
//! reads the first word with and without its proclitics (و ف ب ل ك) and every word
//! without its article, the way Arabic writes these phrases in running text, and returns
//! the longest phrase.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clitics;
use crate::normalize::{normalize_str, Normalized};
use crate::tokens::{Token, TokenKind};

/// Strips one word's article: `ال`, `لل` (ل + ال) or `وال`, keeping at least two letters.
pub fn strip_article(word: &str) -> &str {
    for p in ["وال", "ال", "لل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().nth(1).is_some() {
                return rest;
            }
        }
    }
    word
}

/// The lookup key of a phrase as written: normalized words, article-free, space-joined.
pub fn phrase_key(phrase: &str) -> String {
    normalize_str(phrase)
        .split(|c: char| !crate::tokens::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(strip_article)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A match of a phrase at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseMatch<'a, T> {
    /// First token of the phrase.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Bytes of proclitics before the phrase in its first token.
    pub prefix: usize,
    /// The value stored with the phrase.
    pub value: &'a T,
}

/// A compiled set of phrases, each with a value.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    map: FxHashMap<String, T>,
    /// Every proper word-prefix of a multi-word phrase: a match is extended past a word
    /// only while it is one, so most tokens cost one hash lookup and no allocation.
    prefixes: FxHashSet<String>,
    max_words: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet { map: FxHashMap::default(), prefixes: FxHashSet::default(), max_words: 0 }
    }
}

impl<T> PhraseSet<T> {
    /// Compiles `(phrase, value)` pairs; a later duplicate keeps the first value.
    pub fn new<'s>(rows: impl IntoIterator<Item = (&'s str, T)>) -> Self {
        let mut set = PhraseSet::default();
        for (phrase, value) in rows {
            let k = phrase_key(phrase);
            if k.is_empty() {
                continue;
            }
            set.max_words = set.max_words.max(k.split(' ').count());
            let mut end = 0;
            while let Some(sp) = k[end..].find(' ') {
                end += sp;
                set.prefixes.insert(k[..end].to_string());
                end += 1;
            }
            set.map.entry(k).or_insert(value);
        }
        set
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The value of an exact key.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.map.get(key)
    }

    /// As [`PhraseSet::match_at`], with the first-word readings of token `i` given
    /// (see [`first_readings`]), so a caller matching several sets at every token
    /// analyses each word once.
    pub fn match_readings<'a>(
        &'a self,
        view: &Normalized,
        tokens: &[Token],
        i: usize,
        readings: &[(usize, &str)],
    ) -> Option<PhraseMatch<'a, T>> {
        let word = |t: usize| -> Option<&str> {
            let tok = tokens.get(t)?;
            matches!(tok.kind, TokenKind::Arabic | TokenKind::Latin).then(|| tok.text(view))
        };
        let mut best: Option<PhraseMatch<'a, T>> = None;
        for &(prefix, k1) in readings {
            if let Some(v) = self.map.get(k1) {
                if best.as_ref().is_none_or(|b| i + 1 > b.end) {
                    best = Some(PhraseMatch { start: i, end: i + 1, prefix, value: v });
                }
            }
            if !self.prefixes.contains(k1) {
                continue;
            }
            let mut key = k1.to_string();
            let mut j = i + 1;
            while j - i < self.max_words {
                let Some(w) = word(j) else { break };
                key.push(' ');
                key.push_str(strip_article(w));
                j += 1;
                if let Some(v) = self.map.get(&key) {
                    if best.as_ref().is_none_or(|b| j > b.end) {
                        best = Some(PhraseMatch { start: i, end: j, prefix, value: v });
                    }
                }
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
        }
        best
    }

    /// The longest phrase starting at token `i`.
    pub fn match_at<'a>(
        &'a self,
        view: &Normalized,
        tokens: &[Token],
        i: usize,
    ) -> Option<PhraseMatch<'a, T>> {
        let tok = tokens.get(i)?;
        if !matches!(tok.kind, TokenKind::Arabic | TokenKind::Latin) {
            return None;
        }
        let readings = first_readings(tok.text(view));
        self.match_readings(view, tokens, i, &readings)
    }
}

/// The first-word readings of a word for phrase lookup: (proclitic bytes, key) for the
/// word itself, without و/ف, and without a preposition; each key article-free.
pub fn first_readings(word: &str) -> Vec<(usize, &str)> {
    let mut v: Vec<(usize, &str)> = Vec::with_capacity(3);
    for a in clitics::analyses(word) {
        if a.article {
            continue;
        }
        let k = strip_article(a.stem);
        if !v.iter().any(|&(_, x)| x == k) {
            v.push((a.prefix_len, k));
        }
    }
    v
}

/// Rows of a word-list TSV (`#` comments, a header row, tab-separated cells).
pub fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{normalize, tokenize};

    #[test]
    fn longest_phrase_with_clitics_and_article() {
        let set = PhraseSet::new([("قتل", 1), ("لقوا حتفهم", 2), ("عدد القتلى", 3)]);
        let n = normalize("وقُتل جنود ولقوا حتفهم وبلغ العدد للقتلى");
        let t = tokenize(&n);
        assert_eq!(*set.match_at(&n, &t, 0).unwrap().value, 1);
        let m = set.match_at(&n, &t, 2).unwrap();
        assert_eq!((*m.value, m.end, m.prefix), (2, 4, "و".len()));
        assert!(set.match_at(&n, &t, 1).is_none());
        assert_eq!(*set.match_at(&n, &t, 5).unwrap().value, 3);
    }

    #[test]
    fn keys_drop_articles() {
        assert_eq!(phrase_key("الخسائر البشرية"), "خسائر بشريه");
        assert_eq!(strip_article("للقتلي"), "قتلي");
    }
}
