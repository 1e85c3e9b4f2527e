//! Proclitic analysis: the candidate stems of a normalized Arabic word.
//!
//! Arabic writes conjunctions (و، ف), prepositions (ب، ل، ك) and the article (ال) as
//! prefixes of the next word, so "وبالقوات" is و + ب + ال + قوات. A dictionary lookup has
//! to try the word under each plausible split; this module lists those splits, longest
//! stem first, without deciding between them (the lexicon does). `لل` is ل + ال with the
//! article's alef elided.
//!
//! Stems shorter than two letters are never proposed, so "بك" stays whole.

/// One way of reading a word as prefixes + stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis<'a> {
    /// Byte length of the stripped prefixes.
    pub prefix_len: usize,
    /// The remaining stem.
    pub stem: &'a str,
    /// A conjunction و or ف was stripped.
    pub conj: bool,
    /// A preposition ب، ل or ك was stripped.
    pub prep: bool,
    /// The article ال (or the ل of لل) was stripped.
    pub article: bool,
}

use crate::normalize::Normalized;
use crate::tokens::Token;

const MIN_STEM_CHARS: usize = 2;

fn long_enough(s: &str) -> bool {
    has_chars(s, MIN_STEM_CHARS)
}

/// Whether `s` holds at least `n` (1 or 2) code points, read off the first byte's
/// length instead of decoding: this runs for every reading of every word.
#[inline]
pub(crate) fn has_chars(s: &str, n: usize) -> bool {
    let Some(&b0) = s.as_bytes().first() else { return false };
    if n <= 1 {
        return true;
    }
    let first = match b0 {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    debug_assert!(n == 2, "has_chars counts one or two code points");
    s.len() > first
}

/// The analyses of one word, held inline: a word has at most a dozen readings, and
/// this runs at every token of every article, so it must not allocate.
#[derive(Debug, Clone, Copy)]
pub struct Analyses<'a> {
    items: [Analysis<'a>; 12],
    len: usize,
}

impl<'a> Analyses<'a> {
    fn push(&mut self, a: Analysis<'a>) {
        if self.len < self.items.len() {
            self.items[self.len] = a;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Analyses<'a> {
    type Target = [Analysis<'a>];
    fn deref(&self) -> &[Analysis<'a>] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Analyses<'a> {
    type Item = Analysis<'a>;
    type IntoIter = std::iter::Take<std::array::IntoIter<Analysis<'a>, 12>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// Whether `word` may carry a proclitic or the article: every one begins with one of
/// these letters, and most words begin with none, so have no reading but themselves.
#[inline]
fn may_have_proclitic(word: &str) -> bool {
    matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا'))
}

/// Every analysis of `word` (a normalized word), the unanalyzed word first.
pub fn analyses(word: &str) -> Analyses<'_> {
    let base = Analysis { prefix_len: 0, stem: word, conj: false, prep: false, article: false };
    let mut out = Analyses { items: [base; 12], len: 0 };
    out.push(base);
    if !may_have_proclitic(word) {
        return out;
    }
    // Heads: readings that may still take a preposition or the article.
    let mut heads = [base; 4];
    let mut nheads = 1;
    if let Some(rest) = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')) {
        if long_enough(rest) {
            let a =
                Analysis { prefix_len: word.len() - rest.len(), stem: rest, conj: true, ..base };
            out.push(a);
            heads[nheads] = a;
            nheads += 1;
        }
    }
    // Prepositions attach to the word and to its conjunction-less reading only: the
    // readings added in this loop are not revisited.
    let readings_so_far = nheads;
    for k in 0..readings_so_far {
        let h = heads[k];
        let w = h.stem;
        // لل = ل + ال: "للجيش" → "جيش" with article.
        if let Some(rest) = w.strip_prefix("لل") {
            if long_enough(rest) {
                out.push(Analysis {
                    prefix_len: h.prefix_len + (w.len() - rest.len()),
                    stem: rest,
                    prep: true,
                    article: true,
                    ..h
                });
            }
        }
        if let Some(rest) = w.strip_prefix(['ب', 'ل', 'ك']) {
            if long_enough(rest) && nheads < heads.len() {
                let a = Analysis {
                    prefix_len: h.prefix_len + (w.len() - rest.len()),
                    stem: rest,
                    prep: true,
                    ..h
                };
                out.push(a);
                heads[nheads] = a;
                nheads += 1;
            }
        }
    }
    for h in &heads[..nheads] {
        if let Some(rest) = h.stem.strip_prefix("ال") {
            if long_enough(rest) {
                out.push(Analysis {
                    prefix_len: h.prefix_len + 2 * 'ا'.len_utf8(),
                    stem: rest,
                    article: true,
                    ..*h
                });
            }
        }
    }
    out
}

/// One reading of a token: an [`Analysis`] without its stem, which is the token's text
/// from `prefix_len` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte length of the stripped prefixes.
    pub prefix_len: usize,
    /// A conjunction و or ف was stripped.
    pub conj: bool,
    /// A preposition ب، ل or ك was stripped.
    pub prep: bool,
    /// The article ال (or the ل of لل) was stripped.
    pub article: bool,
}

/// The analyses of every word token of a document, computed once for the stages that
/// all read words behind their proclitics (times, entities, attribution).
#[derive(Debug, Clone, Default)]
pub struct TokenClitics {
    splits: Vec<Split>,
    /// Per token, its range in `splits` (empty for punctuation and numbers).
    at: Vec<(u32, u32)>,
}

impl TokenClitics {
    /// Analyses every Arabic or Latin token of `view`.
    pub fn new(view: &Normalized, tokens: &[Token]) -> Self {
        let mut splits = Vec::with_capacity(tokens.len() * 2);
        let mut at = Vec::with_capacity(tokens.len());
        for t in tokens {
            let from = splits.len() as u32;
            if t.is_word() {
                push_splits(t.text(view), &mut splits);
            }
            at.push((from, splits.len() as u32));
        }
        TokenClitics { splits, at }
    }

    /// The readings of token `i`, the unanalyzed word first, as [`analyses`] gives them
    /// (none for a token that is not a word, or past the end).
    #[inline]
    pub fn of(&self, i: usize) -> &[Split] {
        self.at.get(i).map_or(&[], |&(a, b)| &self.splits[a as usize..b as usize])
    }
}

/// The readings [`analyses`] gives for `word`, in its order, as [`Split`]s: the same
/// rules read off the word's bytes (every proclitic is a two-byte letter), with no
/// stems to slice and no inline array to fill, since this runs at every word.
fn push_splits(word: &str, out: &mut Vec<Split>) {
    const WAW: &[u8] = "و".as_bytes();
    const FA: &[u8] = "ف".as_bytes();
    const LAM_LAM: &[u8] = "لل".as_bytes();
    const ARTICLE: &[u8] = "ال".as_bytes();
    let b = word.as_bytes();
    let long_enough = |at: usize| word.get(at..).is_some_and(long_enough);
    let base = Split { prefix_len: 0, conj: false, prep: false, article: false };
    out.push(base);
    if !may_have_proclitic(word) {
        return;
    }
    let mut heads = [base; 4];
    let mut nheads = 1;
    if (b.starts_with(WAW) || b.starts_with(FA)) && long_enough(2) {
        let a = Split { prefix_len: 2, conj: true, ..base };
        out.push(a);
        heads[nheads] = a;
        nheads += 1;
    }
    // Prepositions attach to the word and to its conjunction-less reading only: the
    // readings added in this loop are not revisited.
    let readings_so_far = nheads;
    for k in 0..readings_so_far {
        let h = heads[k];
        let w = &b[h.prefix_len..];
        if w.starts_with(LAM_LAM) && long_enough(h.prefix_len + 4) {
            out.push(Split { prefix_len: h.prefix_len + 4, prep: true, article: true, ..h });
        }
        let prep = ["ب", "ل", "ك"].iter().any(|p| w.starts_with(p.as_bytes()));
        if prep && long_enough(h.prefix_len + 2) && nheads < heads.len() {
            let a = Split { prefix_len: h.prefix_len + 2, prep: true, ..h };
            out.push(a);
            heads[nheads] = a;
            nheads += 1;
        }
    }
    for h in &heads[..nheads] {
        if b[h.prefix_len..].starts_with(ARTICLE) && long_enough(h.prefix_len + 4) {
            out.push(Split { prefix_len: h.prefix_len + 4, article: true, ..*h });
        }
    }
}

/// Candidate stems of `word`, longest first, without duplicates.
pub fn stems(word: &str) -> Vec<&str> {
    let mut v: Vec<&str> = analyses(word).into_iter().map(|a| a.stem).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_conjunction_preposition_article() {
        let s = stems("وبالقوات");
        assert!(s.contains(&"قوات"));
        assert!(s.contains(&"بالقوات"));
        assert!(s.contains(&"القوات"));
        assert_eq!(s[0], "وبالقوات");
    }

    #[test]
    fn lam_lam_is_lam_plus_article() {
        let a = analyses("للجيش");
        let hit = a.iter().find(|a| a.stem == "جيش").unwrap();
        assert!(hit.prep && hit.article);
        assert_eq!(hit.prefix_len, "لل".len());
    }

    #[test]
    fn article_alone() {
        let a = analyses("الخارجيه");
        assert!(a.iter().any(|a| a.stem == "خارجيه" && a.article && !a.prep));
    }

    #[test]
    fn short_words_stay_whole() {
        assert_eq!(stems("بك"), ["بك"]);
        assert_eq!(stems("ول"), ["ول"]);
    }

    #[test]
    fn words_that_only_look_prefixed_still_offer_themselves() {
        // "وزير" starts with و but is a stem; the full word comes first.
        let s = stems("وزير");
        assert_eq!(s[0], "وزير");
        assert!(s.contains(&"زير"));
    }

    #[test]
    fn token_splits_are_the_analyses() {
        for w in [
            "وبالقوات",
            "للجيش",
            "الخارجيه",
            "بك",
            "ول",
            "وزير",
            "وللمدنيين",
            "فكالعاده",
            "ولل",
            "والل",
            "بال",
            "كال",
            "فبال",
            "وكللا",
            "لل",
            "ال",
            "و",
            "ب",
            "cnn",
            "وبلل",
            "فلل",
            "ولبنان",
            "بلبنان",
            "والبيت",
            "بالبيت",
        ] {
            let mut got = Vec::new();
            push_splits(w, &mut got);
            let want: Vec<Split> = analyses(w)
                .iter()
                .map(|a| Split {
                    prefix_len: a.prefix_len,
                    conj: a.conj,
                    prep: a.prep,
                    article: a.article,
                })
                .collect();
            assert_eq!(got, want, "{w}");
        }
    }

    #[test]
    fn conjunction_then_lam_lam() {
        assert!(stems("وللمدنيين").contains(&"مدنيين"));
        assert!(stems("فكالعاده").contains(&"عاده"));
    }
}
