//! The large word lists (`ar_word_freq_low.tsv`, `name_words.tsv`), compiled by the build
//! script (`build.rs`, which describes the format) into hash tables read in place: there
//! is nothing to load, where building a map of them cost more, on the first article,
//! than that article's whole recognition.

include!("word_hash.rs");

/// A compiled word list: each word with a value (a Zipf frequency times ten, or 1).
pub(crate) struct WordTable {
    /// The slots, the words' records and their text, as the build script wrote them.
    slots: &'static [u8],
    words: &'static [u8],
    text: &'static [u8],
}

/// Bytes of a word's record: offset, length, value, pad.
const RECORD: usize = 8;

/// The little-endian `u32` at byte `at` of `b` (0 past the end).
#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).and_then(|w| w.try_into().ok()).map_or(0, u32::from_le_bytes)
}

impl WordTable {
    /// The table the build script wrote; an empty one for bytes of another format.
    pub(crate) fn new(bytes: &'static [u8]) -> Self {
        let empty = WordTable { slots: &[], words: &[], text: &[] };
        if !bytes.starts_with(WORD_TABLE_MAGIC) {
            return empty;
        }
        let (slots, words) = (u32_at(bytes, 4) as usize, u32_at(bytes, 8) as usize);
        let body = bytes.get(12..).unwrap_or_default();
        let (Some(s), Some(w)) = (body.get(..slots * 4), body.get(slots * 4..)) else {
            return empty;
        };
        let (Some(rec), Some(text)) = (w.get(..words * RECORD), w.get(words * RECORD..)) else {
            return empty;
        };
        if !slots.is_power_of_two() {
            return empty;
        }
        WordTable { slots: s, words: rec, text }
    }

    /// The value of `word`, if listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<u8> {
        let mask = (self.slots.len() / 4).checked_sub(1)?;
        let word = word.as_bytes();
        let mut at = word_hash(word) as usize & mask;
        loop {
            let k = (u32_at(self.slots, at * 4) as usize).checked_sub(1)?;
            let r = self.words.get(k * RECORD..(k + 1) * RECORD)?;
            let (offset, len) =
                (u32_at(r, 0) as usize, usize::from(u16::from_le_bytes([r[4], r[5]])));
            if self.text.get(offset..offset + len) == Some(word) {
                return Some(r[6]);
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of a list, read as `rasd_text::phrases::tsv_rows` reads it, is in the
    /// compiled table with the value a map collected from the rows would hold.
    fn compiled_as_read(text: &str, table: &WordTable, value: impl Fn(&[&str]) -> Option<u8>) {
        let mut want = std::collections::HashMap::new();
        for r in rasd_text::phrases::tsv_rows(text) {
            if let (Some(&w), Some(v)) = (r.first(), value(&r)) {
                want.insert(w, v);
            }
        }
        assert!(want.len() > 10_000);
        for (w, v) in want {
            assert_eq!(table.get(w), Some(v), "{w}");
        }
        for absent in ["", "zzz", "كلمةغيرموجودةابدا"] {
            assert_eq!(table.get(absent), None);
        }
    }

    #[test]
    fn the_compiled_lists_hold_every_row() {
        compiled_as_read(crate::boundaries::LOW_FREQ, &crate::boundaries::low_freq(), |r| {
            r.get(1)?.parse().ok()
        });
        compiled_as_read(crate::boundaries::NAME_WORDS, &crate::boundaries::name_words(), |_| {
            Some(1)
        });
    }

    #[test]
    fn other_bytes_make_an_empty_table() {
        assert_eq!(WordTable::new(b"XXXX\x40\0\0\0\x01\0\0\0").get("a"), None);
        assert_eq!(WordTable::new(b"RWT1\x40\0\0\0\x01\0\0\0").get("a"), None);
    }
}
