//! The table a lexicon's forms are looked up in: each key where its hash places it, with
//! its bytes and the range of its readings, in one 32-byte slot.
//!
//! The event stage's lexicon has tens of thousands of forms (megabytes with their
//! readings), and every word of an article is looked up in it under each clitic split
//! that the ending filter lets through: in the pipeline, where the stages before have
//! pushed the table out of the caches, most lookups miss the cache. An index of
//! positions, then the key's hash and text, then its text in a string of all keys were
//! three dependent reads from memory for a key found, two for one absent; here a lookup
//! reads one slot (two share a cache line) and, for a key found, then its readings. The
//! 8 KiB filter in front lets half the absent keys of the event lexicon through, but it
//! stays in cache: one sized to the keys (16 bits each, 4 % through) did not, and its
//! read cost what the slot reads it saved did (measured).

use rasd_text::hash_index::same_key;
use rasd_text::phrases::WordFilter;

/// Key bytes kept in a slot (nine Arabic letters); a longer key's bytes are in
/// [`FormTable::long`], and the slot holds where.
const INLINE: usize = 19;

/// One key: its hash's high half, its readings, its length (0 in a free slot: a key has
/// at least one byte) and its bytes, or for a long key the offset of its bytes in
/// [`FormTable::long`] (the first four, little-endian).
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    tag: u32,
    stored: (u32, u32),
    len: u8,
    key: [u8; INLINE],
}

impl Slot {
    const FREE: Slot = Slot { tag: 0, stored: (0, 0), len: 0, key: [0; INLINE] };
}

/// Keys (1 to 255 bytes each) and, for each, a range of the lexicon's readings, found by
/// their `rasd_text::phrases::filter_hash`.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormTable {
    /// Open addressing by the hash's low bits, linear probing, at most half full.
    slots: Vec<Slot>,
    /// The bytes of the keys longer than [`INLINE`].
    long: String,
    /// The keys' hashes' high bits.
    filter: WordFilter,
    len: usize,
}

impl FormTable {
    /// The table of `keys`, each (its bytes, its hash, its readings' range); the keys are
    /// distinct.
    pub(crate) fn new(keys: &[(&str, u64, (u32, u32))]) -> Self {
        let mut t = FormTable {
            slots: vec![Slot::FREE; (keys.len() * 2).next_power_of_two().max(64)],
            long: String::new(),
            filter: WordFilter::default(),
            len: 0,
        };
        for &(text, hash, stored) in keys {
            t.insert(text, hash, stored);
        }
        t.filter.shrink_to_fit();
        t
    }

    fn insert(&mut self, text: &str, hash: u64, stored: (u32, u32)) {
        let Ok(len) = u8::try_from(text.len()) else { return };
        if len == 0 {
            return;
        }
        let mut slot = Slot { tag: tag(hash), stored, len, key: [0; INLINE] };
        match slot.key.get_mut(..text.len()) {
            Some(inline) => inline.copy_from_slice(text.as_bytes()),
            None => {
                let at = u32::try_from(self.long.len()).unwrap_or(u32::MAX);
                slot.key[..4].copy_from_slice(&at.to_le_bytes());
                self.long.push_str(text);
            }
        }
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        while self.slots[at].len != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
        self.filter.insert(text);
        self.len += 1;
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// False only when no key has this hash.
    #[inline(always)]
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        self.filter.may_contain_hash(hash)
    }

    /// The readings' range of key `core` of hash `hash` (which the filter let through:
    /// [`FormTable::may_contain`]).
    #[inline(always)]
    pub(crate) fn find(&self, core: &[u8], hash: u64) -> Option<(u32, u32)> {
        let mask = self.slots.len().checked_sub(1)?;
        let tag = tag(hash);
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots.get(at)?;
            if slot.len == 0 {
                return None;
            }
            if slot.tag == tag
                && usize::from(slot.len) == core.len()
                && same_key(self.bytes(slot), core)
            {
                return Some(slot.stored);
            }
            at = (at + 1) & mask;
        }
    }

    /// A slot's key bytes.
    #[inline(always)]
    fn bytes<'s>(&'s self, slot: &'s Slot) -> &'s [u8] {
        let n = usize::from(slot.len);
        match slot.key.get(..n) {
            Some(inline) => inline,
            None => {
                let at = u32::from_le_bytes([slot.key[0], slot.key[1], slot.key[2], slot.key[3]]);
                let at = at as usize;
                self.long.as_bytes().get(at..at + n).unwrap_or_default()
            }
        }
    }
}

/// The part of a hash a slot keeps: its high half (the slot's place is read off the low
/// bits).
#[inline(always)]
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::phrases::filter_hash;

    fn lookup(t: &FormTable, w: &[u8], hash: u64) -> Option<(u32, u32)> {
        t.may_contain(hash).then(|| t.find(w, hash)).flatten()
    }

    #[test]
    fn finds_every_key_short_or_long_and_nothing_else() {
        // Keys of 1 to 64 bytes, many longer than a slot holds.
        let words: Vec<String> = (0..3000)
            .map(|i| {
                let letters: String =
                    (0..1 + i % 30).map(|k| ['ق', 'ص', 'ف', 'ت', 'ل'][(i + k) % 5]).collect();
                format!("{letters}{i}")
            })
            .collect();
        let keys: Vec<(&str, u64, (u32, u32))> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), filter_hash(w), (i as u32, i as u32 + 1)))
            .collect();
        let t = FormTable::new(&keys);
        assert_eq!(t.len(), 3000);
        for &(w, h, r) in &keys {
            assert_eq!(lookup(&t, w.as_bytes(), h), Some(r), "{w}");
        }
        for w in ["قصف", "x", "قصفتل", "قصفتلقصفتلقصفتلقصفتلقصفتلقصفتلقصفتل"]
        {
            assert_eq!(lookup(&t, w.as_bytes(), filter_hash(w)), None, "{w}");
        }
        // The hash of a key with other bytes finds nothing.
        for &(w, h, _) in &keys[2990..] {
            let mut other = w.as_bytes().to_vec();
            other[1] ^= 1;
            assert_eq!(t.find(&other, h), None, "{w}");
        }
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        for t in [FormTable::default(), FormTable::new(&[])] {
            assert_eq!(lookup(&t, b"abcd", filter_hash("abcd")), None);
            assert_eq!(t.find(b"abcd", filter_hash("abcd")), None);
        }
    }
}
