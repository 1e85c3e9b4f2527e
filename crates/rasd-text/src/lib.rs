//! The Arabic text layer of rasd.
//!
//! Matching in later stages runs on a *normalized view* of the article
//! ([`normalize::normalize`]), while every span they report must point into the text as
//! published. [`normalize::Normalized`] therefore carries a map from each byte of the
//! normalized view back to code-point offsets of the original, and every other piece of
//! this crate (tokens, clitic stems, sentences, numbers) reports positions through it.
//!
//! ```
//! use rasd_text::normalize::normalize;
//! let n = normalize("قُتِلَ ٣٠ شخصاً");
//! assert_eq!(n.as_str(), "قتل 30 شخصا");
//! let (s, e) = n.to_original(n.as_str().find("30").unwrap(), n.as_str().len() - "شخصا".len() - 1);
//! assert_eq!((s, e), (7, 9)); // "٣٠" after the six code points of "قُتِلَ" and a space
//! ```
#![deny(missing_docs)]

pub mod clitics;
pub mod hash_index;
pub mod normalize;
pub mod numbers;
pub mod phrases;
pub mod sentences;
pub mod tokens;

pub use normalize::{normalize, normalize_indexed, Normalized};
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenKind};

/// Text for the crate's property tests: up to 40 pieces, each one of `samples` (the
/// cases a test cares about) or any character at all, joined.
#[cfg(test)]
pub(crate) fn arb_text(
    samples: &[&'static str],
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(samples.to_vec()).prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Code-point offsets of a text turned into byte offsets, so that a span's text is one
/// slice copied once rather than a run of `char`s re-encoded one by one. Every stage
/// reports spans in code points, and the text of each is cut out of the article.
///
/// It keeps the byte where every code point starts: the stages ask for about one offset
/// per word (span ends, the letter under a folded alef), so a lookup must cost next to
/// nothing, and building the table by lead bytes costs less than decoding the text into
/// `char`s. (A sparse table, counting on from the nearest entry, was slower in all.)
///
/// ```
/// use rasd_text::CharOffsets;
/// let text = "قُتل 3 في 9 أكتوبر";
/// let o = CharOffsets::new(text);
/// assert_eq!(o.slice(5, 6), "3");
/// assert_eq!(o.slice(12, 17), text.chars().skip(12).take(5).collect::<String>());
/// assert_eq!(o.char_at(0), Some('ق'));
/// assert_eq!(o.byte_of(text.chars().count()), Some(text.len()));
/// assert_eq!(o.byte_of(text.chars().count() + 1), None);
/// assert_eq!(o.slice(3, 99), "");
/// ```
#[derive(Debug, Clone, Default)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `starts[c]`: the byte where code point `c` starts; one more entry, `text.len()`.
    starts: Vec<u32>,
}

impl<'a> CharOffsets<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() + 1);
        // A code point starts at every byte not of the form `10xxxxxx`; testing bytes is
        // cheaper than decoding the characters.
        for (i, &b) in bytes.iter().enumerate() {
            if b & 0xc0 != 0x80 {
                starts.push(i as u32);
            }
        }
        starts.push(bytes.len() as u32);
        CharOffsets { text, starts }
    }

    /// The index of `text` from the byte offsets of its code points, as
    /// [`normalize_indexed`](crate::normalize::normalize_indexed) finds them.
    pub(crate) fn from_starts(text: &'a str, starts: Vec<u32>) -> Self {
        debug_assert_eq!(starts.len(), text.chars().count() + 1);
        CharOffsets { text, starts }
    }

    /// The text indexed.
    #[inline]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The byte offset of code point `cp` (`text.len()` for the end), `None` past it.
    #[inline]
    pub fn byte_of(&self, cp: usize) -> Option<usize> {
        self.starts.get(cp).map(|&b| b as usize)
    }

    /// The byte range of code points `[start, end)`, `None` when it runs past the text
    /// or backwards.
    #[inline]
    pub fn byte_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end < start {
            return None;
        }
        Some((self.byte_of(start)?, self.byte_of(end)?))
    }

    /// The text of code points `[start, end)`; empty when the range is not within the
    /// text (as no span a stage reports is).
    #[inline]
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.byte_range(start, end).and_then(|(a, b)| self.text.get(a..b)).unwrap_or("")
    }

    /// The code point at offset `cp`.
    #[inline]
    pub fn char_at(&self, cp: usize) -> Option<char> {
        self.text.get(self.byte_of(cp)?..)?.chars().next()
    }
}

/// Values for a few of many places (tokens, most of which have none): per place a
/// 32-bit index into the values, rather than a slot of the value's size that every
/// place would fill and every lookup would read past.
///
/// ```
/// use rasd_text::Sparse;
/// let mut s = Sparse::new(1000);
/// s.set(7, "seven");
/// s.set(7, "sept");
/// assert_eq!(s.get(7), Some(&"sept"));
/// assert_eq!(s.get(8), None);
/// assert_eq!(s.get(5000), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Sparse<T> {
    /// Per place, the index of its value in `values`.
    at: Indexes,
    values: Vec<T>,
}

impl<T> Sparse<T> {
    /// No value at any of `len` places.
    pub fn new(len: usize) -> Self {
        Self::with_capacity(len, 0)
    }

    /// No value at any of `len` places, with room for `values` of them.
    pub fn with_capacity(len: usize, values: usize) -> Self {
        Sparse { at: Indexes::new(len), values: Vec::with_capacity(values) }
    }

    /// Sets the value at place `i` (below the length given), replacing any before.
    #[inline]
    pub fn set(&mut self, i: usize, value: T) {
        if let Some(old) = self.at.get(i).and_then(|k| self.values.get_mut(k)) {
            *old = value;
        } else if i < self.at.len() {
            self.at.set(i, self.values.len());
            self.values.push(value);
        }
    }

    /// The value at place `i`, if any.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&T> {
        // Read the slot as it is: an empty one (`Indexes::NONE`) is past any value, so one
        // bounds check answers both questions on this path every word takes.
        self.values.get(*self.at.at.get(i)? as usize)
    }
}

/// An optional index (of an entity, a sentence...) per place (token), in four bytes
/// rather than the sixteen of an `Option<usize>`: the tables every stage keeps per token
/// then stay in the first-level cache together.
///
/// ```
/// use rasd_text::Indexes;
/// let mut at = Indexes::new(4);
/// at.set(2, 7);
/// assert_eq!(at.get(2), Some(7));
/// assert_eq!(at.get(1), None);
/// assert_eq!(at.get(9), None);
/// assert_eq!(at.iter().collect::<Vec<_>>(), [None, None, Some(7), None]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexes {
    at: Vec<u32>,
}

impl Indexes {
    const NONE: u32 = u32::MAX;

    /// No index at any of `len` places.
    pub fn new(len: usize) -> Self {
        Indexes { at: vec![Self::NONE; len] }
    }

    /// Sets the index at place `i` (below the length given; an index that does not fit
    /// in 32 bits leaves the place empty).
    #[inline]
    pub fn set(&mut self, i: usize, index: usize) {
        if let (Some(slot), Ok(v)) = (self.at.get_mut(i), u32::try_from(index)) {
            *slot = v;
        }
    }

    /// The index at place `i`, if any (`None` past the end).
    #[inline]
    pub fn get(&self, i: usize) -> Option<usize> {
        match self.at.get(i) {
            Some(&v) if v != Self::NONE => Some(v as usize),
            _ => None,
        }
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// Whether there are no places.
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The index at each place, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.at.iter().map(|&v| (v != Self::NONE).then_some(v as usize))
    }
}

#[cfg(test)]
mod char_offsets_tests {
    use super::CharOffsets;

    #[test]
    fn offsets_slices_and_chars_match_the_code_points() {
        for text in ["", "a", "قُتل 3 في 9 أكتوبر — “هدنة” a😀b\u{FEFF}ﻷ", "😀😀x"]
        {
            let o = CharOffsets::new(text);
            let chars: Vec<char> = text.chars().collect();
            let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            bounds.push(text.len());
            for (c, &b) in bounds.iter().enumerate() {
                assert_eq!(o.byte_of(c), Some(b));
                assert_eq!(o.char_at(c), chars.get(c).copied());
                for e in c..bounds.len() {
                    assert_eq!(o.slice(c, e), chars[c..e].iter().collect::<String>());
                }
            }
            assert_eq!(o.byte_of(bounds.len()), None);
            assert_eq!(o.char_at(bounds.len()), None);
            // Out of range or backwards: empty, never a panic.
            assert_eq!(o.slice(0, bounds.len()), "");
            assert_eq!(o.slice(1, 0), "");
        }
    }
}
