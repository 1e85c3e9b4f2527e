//! The large word lists (`ar_word_freq_low.tsv`, `name_words.tsv`), compiled by the build
//! script (`build.rs`, which describes the format) into hash tables read in place: there
//! is nothing to load, where building a map of them cost more, on the first article,
//! than that article's whole recognition.

include!("word_hash.rs");

/// A compiled word list: each word with a value (a Zipf frequency times ten, or 1).
pub(crate) struct WordTable {
    /// The slots and the words' text, as the build script wrote them.
    slots: &'static [u8],
    text: &'static [u8],
}

/// Bytes of a slot: the word's offset, length, value and hash tag.
const SLOT: usize = 8;

impl WordTable {
    /// The table the build script wrote; an empty one for bytes of another format.
    pub(crate) fn new(bytes: &'static [u8]) -> Self {
        let empty = WordTable { slots: &[], text: &[] };
        if !bytes.starts_with(WORD_TABLE_MAGIC) {
            return empty;
        }
        let n = bytes.get(4..8).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes);
        let body = bytes.get(8..).unwrap_or_default();
        match (body.get(..n as usize * SLOT), body.get(n as usize * SLOT..)) {
            (Some(slots), Some(text)) if n.is_power_of_two() => WordTable { slots, text },
            _ => empty,
        }
    }

    /// The value of `word`, if listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<u8> {
        let mask = (self.slots.len() / SLOT).checked_sub(1)?;
        let word = word.as_bytes();
        let hash = word_hash(word);
        let tag = (hash >> 56) as u8;
        let mut at = hash as usize & mask;
        loop {
            let s: [u8; SLOT] = self.slots.get(at * SLOT..(at + 1) * SLOT)?.try_into().ok()?;
            let offset = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
            if offset == u32::MAX {
                return None;
            }
            let len = usize::from(u16::from_le_bytes([s[4], s[5]]));
            if s[7] == tag && len == word.len() {
                let offset = offset as usize;
                if self.text.get(offset..offset + len) == Some(word) {
                    return Some(s[6]);
                }
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
        assert_eq!(WordTable::new(b"XXXX\x40\0\0\0").get("a"), None);
        assert_eq!(WordTable::new(b"RWT2\x40\0\0\0").get("a"), None);
        assert_eq!(WordTable::new(b"RWT1\x40\0\0\0\x01\0\0\0").get("a"), None);
    }
}
