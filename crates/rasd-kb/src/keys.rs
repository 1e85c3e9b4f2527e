//! Lookup keys: how a name in the knowledge base and a run of words in an article are
//! brought to the same string.
//!
//! A key is the normalized words of a name with each word's article (ال، لل، وال) removed
//! and punctuation turned into word breaks, so "الولايات المتحدة" and "والولايات المتحدة"
//! and "ولايات متحدة" share the key `ولايات متحده`, and "ناغورنو-كاراباخ" equals
//! "ناغورنو كاراباخ".
//!
//! A *skeleton* is a looser key for transliterated names, whose vowels and g-sound vary
//! from one newsroom to the next (بيراموف، بيرموف، بايراموف; ناغورنو، ناجورنو، ناغوررني):
//! long vowels after a word's first letter are dropped, غ and ج become ك, doubled letters
//! collapse.

use rasd_text::clitics::TokenClitics;
use rasd_text::normalize::{normalize_str, Normalized};
use rasd_text::tokens::{is_word_char, Token};

/// Strips one word's article: `ال`, `لل` (ل + ال) or `وال`, keeping at least two letters.
#[inline]
pub fn word_key(word: &str) -> &str {
    rasd_text::phrases::strip_article(word)
}

/// The hash of a key that the knowledge base's lookup filters read, for its `*_hashed`
/// lookups: a matcher that asks one key of several tables hashes it once.
#[inline]
pub fn key_hash(key: &str) -> u64 {
    rasd_text::phrases::filter_hash(key)
}

/// The first-word readings of every word of a document, as phrase lexicons read them
/// (`rasd_text::phrases::first_readings`): behind each proclitic split that leaves the
/// article on, the word's key without it, given by the view byte where the key starts
/// (it runs to the word's end) and its [`key_hash`]; a key two splits share is kept
/// once, with the first split's proclitics. The entity recognizer reads the same keys
/// and hands these over (`rasd_entities::recognize_indexed`), so that the stages
/// after it need not read every word again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordReadings {
    /// (proclitic bytes, view byte where the key starts, key hash), flattened.
    pub readings: Vec<(usize, u32, u64)>,
    /// Per token, its range in `readings` (empty for punctuation and numbers).
    pub at: Vec<(u32, u32)>,
}

impl WordReadings {
    /// The readings of every word token.
    pub fn new(view: &Normalized, tokens: &[Token], clitics: &TokenClitics) -> Self {
        let mut readings = Vec::with_capacity(tokens.len() * 2);
        let mut at = Vec::with_capacity(tokens.len());
        for (t, tok) in tokens.iter().enumerate() {
            let from = readings.len() as u32;
            if tok.is_word() {
                let w = tok.text(view);
                let end = tok.nend as usize;
                for a in clitics.of(t) {
                    if a.article {
                        continue;
                    }
                    let k = word_key(w.get(a.prefix_len..).unwrap_or(""));
                    push_reading(&mut readings, from as usize, a.prefix_len, k, end);
                }
            }
            at.push((from, readings.len() as u32));
        }
        WordReadings { readings, at }
    }
}

/// Adds to `readings` the reading of `key` behind `prefix` bytes of proclitics, for the
/// word ending at view byte `end` whose readings begin at index `from`, unless an
/// earlier split of that word gave the same key; returns the key's [`key_hash`] when it
/// is added. Each key is a suffix of the word, so two are equal when they start
/// together, and no key needs comparing.
#[inline]
pub fn push_reading(
    readings: &mut Vec<(usize, u32, u64)>,
    from: usize,
    prefix: usize,
    key: &str,
    end: usize,
) -> Option<u64> {
    let start = (end - key.len()) as u32;
    if readings[from..].iter().any(|&(_, x, _)| x == start) {
        return None;
    }
    let hash = key_hash(key);
    readings.push((prefix, start, hash));
    Some(hash)
}

/// Whether a name as written begins with the article ال. A hamza on the alef (ألبانيا،
/// إلهام) marks a root letter, not the article, and the fold to ا happens after this look.
pub fn has_article(name: &str) -> bool {
    let name = name.trim_start_matches(|c: char| !c.is_alphabetic());
    name.starts_with("ال") && name.chars().nth(3).is_some()
}

/// The words of an already normalized string (the text layer's word split).
pub use rasd_text::tokens::words;

/// The key of a name as written (any spelling, diacritics, clitic-free).
pub fn key(name: &str) -> String {
    let n = normalize_str(name);
    // The words as written, read only when a word starts like the article.
    let mut raw: Option<Vec<&str>> = None;
    let mut out = String::with_capacity(n.len());
    for (i, w) in words(&n).enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        let k = word_key(w);
        // "ألبان" and "إلهام" start with a hamza-bearing alef: a root letter, not the article.
        let rooted = k.len() < w.len()
            && raw
                .get_or_insert_with(|| written_words(name))
                .get(i)
                .is_some_and(|r| r.starts_with(['أ', 'إ', 'آ']));
        out.push_str(if rooted { w } else { k });
    }
    out
}

/// The words of a name as written: runs of word characters and the marks inside them.
fn written_words(name: &str) -> Vec<&str> {
    name.split(|c: char| !is_word_char(c) && !is_mark(c)).filter(|w| !w.is_empty()).collect()
}

/// Arabic combining marks, which stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
}

/// The skeleton of one normalized word (see the module doc).
pub fn word_skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_word_skeleton(word, &mut out);
    out
}

/// Appends the skeleton of one normalized word to `out`: the matcher builds the
/// skeletons of a run of words in one buffer.
pub fn push_word_skeleton(word: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    for (i, c) in word.chars().enumerate() {
        let c = match c {
            'غ' | 'ج' => 'ك',
            c => c,
        };
        if i > 0 && matches!(c, 'ا' | 'و' | 'ي') {
            continue;
        }
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
}

/// The skeleton of a key (words already article-free).
pub fn skeleton(key: &str) -> String {
    key.split(' ').map(word_skeleton).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_articles_and_punctuation() {
        assert_eq!(key("الولايات المتحدة"), "ولايات متحده");
        assert_eq!(key("ناغورنو-كاراباخ"), "ناغورنو كاراباخ");
        assert_eq!(key("منظمة الأمن والتعاون في أوروبا"), "منظمه امن تعاون في اوروبا");
        assert_eq!(key("«مجموعة مينسك»"), "مجموعه مينسك");
        assert_eq!(key("ألبان"), "البان");
        assert_eq!(key("الألبان"), "البان");
        assert!(has_article("الجيزة"));
        assert!(!has_article("ألبانيا"));
    }

    #[test]
    fn skeletons_unify_transliterations() {
        for v in ["بيراموف", "بيرموف", "بايراموف"] {
            assert_eq!(word_skeleton(v), "برمف", "{v}");
        }
        let a = skeleton(&key("ناغورنو قره باغ"));
        assert_eq!(a, skeleton(&key("ناجورنو قرة باغ")));
        assert_eq!(a, skeleton(&key("ناغوررني قره باغ")));
    }
}
