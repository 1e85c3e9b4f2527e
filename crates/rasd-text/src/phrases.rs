//! Word-phrase lexicons matched over tokens.
//!
//! Extraction stages look up words and short phrases ("لقوا حتفهم", "وفقا ل", "عدد
//! القتلى") at each token. A [`PhraseSet`] is compiled from data rows once; matching
//! reads the first word with and without its proclitics (و ف ب ل ك) and every word
//! without its article, the way Arabic writes these phrases in running text, and returns
//! the longest phrase.

use crate::clitics;
use crate::hash_index::{same_key, HashIndex};
use crate::normalize::{normalize_str, Normalized};
use crate::tokens::{Token, TokenKind};

/// Strips one word's article: `ال`, `لل` (ل + ال) or `وال`, keeping at least two letters.
#[inline]
pub fn strip_article(word: &str) -> &str {
    for p in ["وال", "ال", "لل"] {
        if let Some(rest) = word.strip_prefix(p) {
            if clitics::has_chars(rest, 2) {
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
///
/// The phrases are kept as a tree of words (a node per distinct word-prefix of a
/// phrase) in one open-addressing table, each node found by its word and its parent.
/// A first word is found by the [`filter_hash`] of its key, which a caller matching
/// every reading of every word has already computed; a word after it by a hash of that
/// word and the node before it. So matching allocates nothing and hashes no joined
/// key, and a single probe answers both "is this a phrase" and "does a longer one go
/// on from here". (Keys join words with single spaces and no word holds a space, so a
/// key and its path of words determine each other.)
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    /// The nodes, in insertion order.
    nodes: Vec<PhraseNode<T>>,
    /// Positions in `nodes`, by [`PhraseSet::node_hash`].
    index: HashIndex,
    /// Number of phrases (nodes with a value).
    phrases: usize,
    max_words: usize,
    /// The first words of every phrase: most tokens start none, and this answers so
    /// without a table probe.
    firsts: WordFilter,
}

/// One word-prefix of one or more phrases.
#[derive(Debug, Clone)]
struct PhraseNode<T> {
    /// [`PhraseSet::node_hash`] of the node.
    hash: u64,
    /// The node of the words before this one; `ROOT` for a first word.
    parent: u32,
    /// This word, article-free.
    word: Box<str>,
    /// The value of the phrase ending here, if one does.
    value: Option<T>,
    /// Some longer phrase goes on from here: a match is extended past a word only while
    /// this holds.
    more: bool,
}

/// The parent of a first word.
const ROOT: u32 = u32::MAX;

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            nodes: Vec::new(),
            index: HashIndex::default(),
            phrases: 0,
            max_words: 0,
            firsts: WordFilter::default(),
        }
    }
}

/// A set of words that may answer "maybe" for a word it lacks, never "no" for one it
/// holds: a bit per hash bucket, at most `2^BITS` buckets. It stands before exact lookups
/// that most words miss. The default, 2^16 buckets (8 KiB), leaves most buckets empty
/// for a few thousand words; once built, [`WordFilter::shrink_to_fit`] makes a filter of
/// few words smaller.
#[derive(Debug, Clone)]
pub struct WordFilter<const BITS: u32 = 16> {
    bits: Vec<u64>,
    /// 64 less the bits of a bucket number: a hash's bucket is its top bits.
    shift: u32,
}

impl<const BITS: u32> Default for WordFilter<BITS> {
    fn default() -> Self {
        WordFilter { bits: vec![0; 1 << (BITS - 6)], shift: 64 - BITS }
    }
}

/// [`WordFilter::shrink_to_fit`] halves a filter while it stays at most this sparse: one
/// bucket in 32 taken, about 3 % of absent words let through.
const SPARSE: usize = 32;
/// Fewest words (of 64 bits) a filter shrinks to: one cache line.
const MIN_WORDS: usize = 8;

impl<const BITS: u32> WordFilter<BITS> {
    /// Records a word.
    pub fn insert(&mut self, word: &str) {
        let h = filter_hash(word) >> self.shift;
        self.bits[(h >> 6) as usize] |= 1 << (h & 63);
    }

    /// False only when `word` was never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_hash(filter_hash(word))
    }

    /// As [`WordFilter::may_contain`], given the word's [`filter_hash`] (computed once for
    /// a word asked of several filters).
    #[inline]
    pub fn may_contain_hash(&self, hash: u64) -> bool {
        let h = hash >> self.shift;
        self.bits[(h >> 6) as usize] & (1 << (h & 63)) != 0
    }

    /// Halves the filter while at most one bucket in [`SPARSE`] would be taken, for a
    /// filter whose words are all in. Nearly every word of an article is asked of a
    /// dozen filters, and each article's other stages push them out of the caches: the
    /// cache lines a filter of a few hundred words spread over 8 KiB were read again at
    /// every article (a fifth of the pipeline's reads from memory), where a few suffice.
    /// Words may still be added after.
    pub fn shrink_to_fit(&mut self) {
        loop {
            let taken: usize = self.bits.iter().map(|w| w.count_ones() as usize).sum();
            let buckets = self.bits.len() * 64;
            if self.bits.len() <= MIN_WORDS || taken * SPARSE > buckets / 2 {
                return;
            }
            // A bucket of the half-size filter is the pair of buckets that share all
            // but the last bit of their number: word `j` of the new filter holds the
            // pairs of old words `2j` and `2j + 1`.
            self.bits = self
                .bits
                .chunks_exact(2)
                .map(|pair| fold_pairs(pair[0]) | fold_pairs(pair[1]) << 32)
                .collect();
            self.shift += 1;
        }
    }
}

/// Bit `k` (of 32) set when bit `2k` or `2k + 1` of `x` is: each pair ORed into its even
/// bit, then the even bits gathered, halving the distance between them at each step.
fn fold_pairs(x: u64) -> u64 {
    let mut x = (x | x >> 1) & 0x5555_5555_5555_5555;
    x = (x | x >> 1) & 0x3333_3333_3333_3333;
    x = (x | x >> 2) & 0x0f0f_0f0f_0f0f_0f0f;
    x = (x | x >> 4) & 0x00ff_00ff_00ff_00ff;
    x = (x | x >> 8) & 0x0000_ffff_0000_ffff;
    (x | x >> 16) & 0x0000_0000_ffff_ffff
}

/// A set of words kept by their endings and lengths, to rule out at once all the
/// readings of a word that a lexicon would look up. Lexicons that look a word up behind
/// each of its proclitic readings look up suffixes of it (or ال + a suffix of at least two
/// letters, which ends the same way), so a word whose ending no entry has needs no
/// lookup, and one whose ending some entries have needs only the readings of their
/// lengths.
///
/// Words of four bytes or more are kept as a mask of lengths per hash bucket of their
/// last four bytes (two Arabic letters, one multiply to hash); shorter ones in a list
/// tried with `ends_with`, only for words whose last byte one of them ends with.
#[derive(Debug, Clone)]
pub struct EndFilter {
    /// Per bucket, bit `n` for a recorded word of `n` bytes (bit 31: 31 or more, about
    /// fifteen Arabic letters: few words are longer, and 32-bit masks halve the table).
    lengths: Vec<u32>,
    short: Vec<String>,
    /// The last bytes of the words in `short`.
    short_last: [bool; 256],
}

impl Default for EndFilter {
    fn default() -> Self {
        EndFilter { lengths: vec![0; 1 << Self::BITS], short: Vec::new(), short_last: [false; 256] }
    }
}

impl EndFilter {
    /// 2048 buckets (8 KiB, so that the filters of several lexicons stay in the first-level
    /// cache together): a few hundred endings rarely share one.
    const BITS: u32 = 11;

    #[inline]
    fn bucket(word: &[u8]) -> Option<usize> {
        let tail: [u8; 4] = word.get(word.len().checked_sub(4)?..)?.try_into().ok()?;
        Some((u32::from_le_bytes(tail).wrapping_mul(0x9e37_79b1) >> (32 - Self::BITS)) as usize)
    }

    /// The bit of [`EndFilter::lengths`] for a word of `len` bytes.
    #[inline]
    pub fn length_bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    /// Records a word.
    pub fn insert(&mut self, word: &str) {
        match Self::bucket(word.as_bytes()) {
            Some(h) => self.lengths[h] |= Self::length_bit(word.len()),
            None => {
                if !self.short.iter().any(|s| s == word) {
                    self.short.push(word.to_string());
                }
                // The empty word is a suffix of every word: it is found by any last byte.
                match word.as_bytes().last() {
                    Some(&b) => self.short_last[usize::from(b)] = true,
                    None => self.short_last = [true; 256],
                }
            }
        }
    }

    /// The lengths a recorded suffix of `word` may have, as a mask of
    /// [`EndFilter::length_bit`]s: 0 when no recorded word is a suffix of `word`.
    #[inline]
    pub fn lengths(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        let mut m = Self::bucket(b).map_or(0, |h| self.lengths[h]);
        if self.short_last[usize::from(b.last().copied().unwrap_or(0))] || b.is_empty() {
            for s in &self.short {
                if word.ends_with(s.as_str()) {
                    m |= Self::length_bit(s.len());
                }
            }
        }
        m
    }
}

/// A fast hash of a short string, for [`WordFilter`]s of any size (they take its top
/// bits). It reads the first and last eight bytes (four for shorter words) and the
/// length, so it costs the same for any word; words longer than sixteen bytes that differ
/// only in the middle share a hash, which a filter may afford.
#[inline]
pub fn filter_hash(word: &str) -> u64 {
    let b = word.as_bytes();
    let n = b.len();
    let load8 = |at: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(x)
    };
    let load4 = |at: usize| {
        let mut x = [0u8; 4];
        x.copy_from_slice(&b[at..at + 4]);
        u64::from(u32::from_le_bytes(x))
    };
    let (x, y) = if n >= 8 {
        (load8(0), load8(n - 8))
    } else if n >= 4 {
        (load4(0), load4(n - 4))
    } else if n > 0 {
        (u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16), 0)
    } else {
        (0, 0)
    };
    // A folded 128-bit multiply mixes every input bit into the top bits.
    let m =
        u128::from(x ^ 0x243f_6a88_85a3_08d3 ^ n as u64) * u128::from(y ^ 0x1319_8a2e_0370_7344);
    (m as u64) ^ ((m >> 64) as u64)
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
            set.firsts.insert(k.split(' ').next().unwrap_or(""));
            let mut node = ROOT;
            for w in k.split(' ') {
                if node != ROOT {
                    set.nodes[node as usize].more = true;
                }
                node = set.insert_node(node, w);
            }
            let n = &mut set.nodes[node as usize];
            if n.value.is_none() {
                n.value = Some(value);
                set.phrases += 1;
            }
        }
        set.firsts.shrink_to_fit();
        set
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.phrases == 0
    }

    /// False only when no phrase starts with the word of this [`filter_hash`]: a cheap
    /// test before [`PhraseSet::match_readings`].
    #[inline]
    pub fn may_start(&self, hash: u64) -> bool {
        self.firsts.may_contain_hash(hash)
    }

    /// The value of an exact key.
    pub fn get(&self, key: &str) -> Option<&T> {
        let mut node = ROOT;
        for w in key.split(' ') {
            node = self.find(node, w.as_bytes(), Self::node_hash(node, filter_hash(w)))?;
        }
        self.nodes.get(node as usize)?.value.as_ref()
    }

    /// The hash a node of `word` (whose [`filter_hash`] is `word_hash`) under `parent`
    /// is placed by: a first word's is its word's own, which callers have at hand.
    #[inline]
    fn node_hash(parent: u32, word_hash: u64) -> u64 {
        if parent == ROOT {
            return word_hash;
        }
        // A folded multiply mixes the parent into every bit the table reads.
        let m = u128::from(word_hash ^ 0x4528_21e6_38d0_1377)
            * u128::from(u64::from(parent) ^ 0xbe54_66cf_34e9_0c6c);
        (m as u64) ^ ((m >> 64) as u64)
    }

    /// The node of `word` under `parent`, given its [`PhraseSet::node_hash`].
    #[inline]
    fn find(&self, parent: u32, word: &[u8], hash: u64) -> Option<u32> {
        self.index.find(hash, |k| {
            self.nodes.get(k as usize).is_some_and(|n| {
                n.hash == hash && n.parent == parent && same_key(n.word.as_bytes(), word)
            })
        })
    }

    /// The node of `word` under `parent`, added if missing.
    fn insert_node(&mut self, parent: u32, word: &str) -> u32 {
        let hash = Self::node_hash(parent, filter_hash(word));
        if let Some(k) = self.find(parent, word.as_bytes(), hash) {
            return k;
        }
        let k = self.nodes.len() as u32;
        let nodes = &self.nodes;
        self.index.insert(k, hash, |old| nodes[old as usize].hash);
        self.nodes.push(PhraseNode { hash, parent, word: word.into(), value: None, more: false });
        k
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
        let hashed = readings.iter().map(|&(p, k)| (p, k.as_bytes(), filter_hash(k)));
        self.match_hashed(i, hashed, |j| {
            word_key_at(view, tokens, j).map(|(w, h)| (w.as_bytes(), h))
        })
    }

    /// As [`PhraseSet::match_readings`], each reading with its key's [`filter_hash`]:
    /// (proclitic bytes, key, hash), and the words after token `i` given by `words`:
    /// for a token index, [`word_key_at`] of it, or what equals it. A caller that keeps
    /// the readings of every word hashed hands them over as they are, and no word is
    /// sliced, stripped or hashed again here. Keys are given as bytes, which are all
    /// that is compared: slicing them as `str`s would test char boundaries again.
    #[inline]
    pub fn match_hashed<'a, 'r>(
        &'a self,
        i: usize,
        readings: impl IntoIterator<Item = (usize, &'r [u8], u64)>,
        words: impl Fn(usize) -> Option<(&'r [u8], u64)>,
    ) -> Option<PhraseMatch<'a, T>> {
        let mut best: Option<PhraseMatch<'a, T>> = None;
        for (prefix, k1, h) in readings {
            if !self.firsts.may_contain_hash(h) {
                continue;
            }
            let Some(first) = self.find(ROOT, k1, h) else { continue };
            let n = &self.nodes[first as usize];
            if let Some(v) = &n.value {
                if best.as_ref().is_none_or(|b| i + 1 > b.end) {
                    best = Some(PhraseMatch { start: i, end: i + 1, prefix, value: v });
                }
            }
            if !n.more {
                continue;
            }
            // Down the tree from the first word, word by word, while a longer phrase
            // goes on.
            let mut node = first;
            let mut j = i + 1;
            while j - i < self.max_words {
                let Some((w, wh)) = words(j) else { break };
                j += 1;
                let Some(next) = self.find(node, w, Self::node_hash(node, wh)) else { break };
                let n = &self.nodes[next as usize];
                if let Some(v) = &n.value {
                    if best.as_ref().is_none_or(|b| j > b.end) {
                        best = Some(PhraseMatch { start: i, end: j, prefix, value: v });
                    }
                }
                if !n.more {
                    break;
                }
                node = next;
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

/// The key a phrase after its first word is matched by at token `j`: the word without
/// its article, and the key's [`filter_hash`]; `None` when `j` is not a word.
#[inline]
pub fn word_key_at<'v>(view: &'v Normalized, tokens: &[Token], j: usize) -> Option<(&'v str, u64)> {
    let tok = tokens.get(j)?;
    if !matches!(tok.kind, TokenKind::Arabic | TokenKind::Latin) {
        return None;
    }
    let w = strip_article(tok.text(view));
    Some((w, filter_hash(w)))
}

/// The first-word readings of a word for phrase lookup: (proclitic bytes, key) for the
/// word itself, without و/ف, and without a preposition; each key article-free. Held
/// inline: this runs at every word of every article.
pub fn first_readings(word: &str) -> FirstReadings<'_> {
    let mut v = FirstReadings { items: [(0, ""); 12], len: 0 };
    // By reference: moving the inline readings out would copy them whole.
    for a in clitics::analyses(word).iter() {
        v.add(a.prefix_len, a.stem, a.article);
    }
    v
}

impl<'a> FirstReadings<'a> {
    fn add(&mut self, prefix_len: usize, stem: &'a str, article: bool) {
        if article {
            return;
        }
        let k = strip_article(stem);
        if !self.iter().any(|&(_, x)| x == k) && self.len < self.items.len() {
            self.items[self.len] = (prefix_len, k);
            self.len += 1;
        }
    }
}

/// The readings [`first_readings`] gives, as a slice.
#[derive(Debug, Clone, Copy)]
pub struct FirstReadings<'a> {
    items: [(usize, &'a str); 12],
    len: usize,
}

impl<'a> std::ops::Deref for FirstReadings<'a> {
    type Target = [(usize, &'a str)];
    fn deref(&self) -> &[(usize, &'a str)] {
        &self.items[..self.len]
    }
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

    fn words(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("كلمة{i}")).collect()
    }

    #[test]
    fn a_filter_of_few_words_shrinks_and_keeps_every_word() {
        let mut f = WordFilter::<16>::default();
        let mine = words(200);
        for w in &mine {
            f.insert(w);
        }
        f.shrink_to_fit();
        // 200 words fill at most 200 buckets: 8192 buckets hold them one in 32 or less.
        assert!(f.bits.len() * 64 <= 16_384, "{}", f.bits.len());
        assert!(mine.iter().all(|w| f.may_contain(w)));
        let through = (0..10_000).filter(|i| f.may_contain(&format!("غيرها{i}"))).count();
        assert!(through < 600, "{through} of 10000 absent words let through");
        // Words added after still answer "maybe".
        f.insert("مضافة");
        assert!(f.may_contain("مضافة") && mine.iter().all(|w| f.may_contain(w)));
    }

    #[test]
    fn a_full_filter_keeps_its_size_and_an_empty_one_shrinks_to_a_line() {
        let mut full = WordFilter::<12>::default();
        for w in &words(1000) {
            full.insert(w);
        }
        let before = full.bits.len();
        full.shrink_to_fit();
        assert_eq!(full.bits.len(), before);
        let mut empty = WordFilter::<16>::default();
        empty.shrink_to_fit();
        assert_eq!(empty.bits.len(), 8);
        assert!(!empty.may_contain("قصف"));
    }

    #[test]
    fn fold_pairs_sets_a_bit_for_each_pair_with_one() {
        assert_eq!(fold_pairs(0), 0);
        assert_eq!(fold_pairs(0b0110), 0b11);
        assert_eq!(fold_pairs(1 << 63 | 1 << 62 | 1), 1 << 31 | 1);
        // Against the definition, bit by bit.
        for x in [u64::MAX, 0x5555_5555_5555_5555, 0xaaaa_0000_f0f0_1234, 0x8000_0000_0000_0002] {
            let slow = (0..32).filter(|k| x >> (2 * k) & 3 != 0).fold(0, |acc, k| acc | 1 << k);
            assert_eq!(fold_pairs(x), slow, "{x:x}");
        }
    }

    #[test]
    fn end_filter_rules_out_by_ending_and_length() {
        let mut f = EndFilter::default();
        f.insert("الجمعه");
        f.insert("شهر");
        assert_eq!(f.lengths("قتل"), 0);
        assert_ne!(f.lengths("والجمعه") & EndFilter::length_bit("الجمعه".len()), 0);
        assert_eq!(f.lengths("والجمعه") & EndFilter::length_bit("والجمعه".len()), 0);
        assert_ne!(f.lengths("بشهر") & EndFilter::length_bit("شهر".len()), 0);
        // A word shorter than four bytes is looked for by its last byte.
        f.insert("ه");
        assert_eq!(f.lengths("مدرسه"), EndFilter::length_bit("ه".len()));
        assert_eq!(f.lengths("ه"), EndFilter::length_bit("ه".len()));
        assert_eq!(f.lengths("قتل"), 0);
        f.insert("");
        assert_eq!(f.lengths("قتل"), EndFilter::length_bit(0));
        assert_eq!(f.lengths(""), EndFilter::length_bit(0));
    }

    #[test]
    fn end_filter_keeps_long_words_under_one_length_bit() {
        // 34 and 36 bytes: both past the last length bit, which stands for all of them.
        let long = "والاستخباراتيةالمشتركه";
        let mut f = EndFilter::default();
        f.insert(long);
        assert!(long.len() > 31);
        assert_ne!(f.lengths(&format!("ب{long}")) & EndFilter::length_bit(long.len()), 0);
        assert_eq!(EndFilter::length_bit(long.len()), EndFilter::length_bit(long.len() + 2));
        assert_eq!(f.lengths(&format!("ب{long}")) & EndFilter::length_bit(8), 0);
    }

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
    fn exact_keys_and_first_values() {
        let set = PhraseSet::new([("عدد القتلى", 1), ("عدد", 2), ("العدد القتلى", 3), ("", 4)]);
        assert_eq!(set.len(), 2);
        assert_eq!(set.get("عدد قتلي"), Some(&1));
        assert_eq!(set.get("عدد"), Some(&2));
        // Neither a prefix of a key nor a key with a word too many or a stray space.
        for k in ["", "قتلي", "عدد قتلي قتلي", "عدد  قتلي", " عدد", "عدد "]
        {
            assert_eq!(set.get(k), None, "{k:?}");
        }
        assert!(PhraseSet::<u8>::default().get("عدد").is_none());
    }

    #[test]
    fn many_phrases_sharing_words() {
        // A word of letters per number: digits would be tokens of their own.
        let word = |mut n: usize| {
            let mut w = String::from("س");
            loop {
                w.push(['ت', 'ج', 'د', 'ر', 'ز', 'ش', 'ص', 'ط', 'ع', 'ق'][n % 10]);
                n /= 10;
                if n == 0 {
                    return w;
                }
            }
        };
        let rows: Vec<(String, usize)> =
            (0..3000).map(|n| (format!("{} {} ثالثه", word(n % 50), word(n)), n)).collect();
        let set = PhraseSet::new(rows.iter().map(|(k, v)| (k.as_str(), *v)));
        assert_eq!(set.len(), 3000);
        for (k, v) in &rows {
            assert_eq!(set.get(k), Some(v));
        }
        assert_eq!(set.get(&format!("{} {} ثالثه", word(1), word(2))), None);
        let n = normalize(&format!("و{} ال{} والثالثه", word(7), word(57)));
        let t = tokenize(&n);
        let m = set.match_at(&n, &t, 0).unwrap();
        assert_eq!((*m.value, m.end, m.prefix), (57, 3, "و".len()));
    }

    #[test]
    fn keys_drop_articles() {
        assert_eq!(phrase_key("الخسائر البشرية"), "خسائر بشريه");
        assert_eq!(strip_article("للقتلي"), "قتلي");
    }
}
