//! The open-addressing index behind rasd's hand-written hash tables (the phrase sets
//! here, the knowledge base's key table in rasd-kb).
//!
//! Those tables are probed with hashes their callers computed once per word reading,
//! which a standard hash map cannot take; what differs between them is only what they
//! store and how an entry is recognized, so the probing lives here once.

/// Marks a free place of the index.
pub const FREE: u32 = u32::MAX;
/// Fewest places once anything is stored.
const MIN_LEN: usize = 64;

/// Positions of a table's entries (`0, 1, 2, ...` in insertion order), placed by their
/// hashes' low bits with linear probing; the word filters in front of the tables read
/// the high bits. The length is a power of two, at least twice the number of entries,
/// so a miss ends after a probe or two.
#[derive(Debug, Clone, Default)]
pub struct HashIndex {
    places: Vec<u32>,
}

impl HashIndex {
    /// The first entry on the probe path of `hash` that `is` accepts; `None` when the
    /// path reaches a free place first.
    // Always inlined: it runs for nearly every word reading, and left to the compiler it
    // was not inlined into the phrase matcher, which then ran ~20 % more instructions.
    #[inline(always)]
    pub fn find(&self, hash: u64, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        let mask = self.places.len().checked_sub(1)?;
        let mut at = hash as usize & mask;
        loop {
            let k = *self.places.get(at)?;
            if k == FREE {
                return None;
            }
            if is(k) {
                return Some(k);
            }
            at = (at + 1) & mask;
        }
    }

    /// What the first place on the probe path of `hash` holds ([`FREE`] when nothing):
    /// the entry [`HashIndex::find`] tries first. Without a branch on what it reads, so
    /// that a caller with many hashes can have all their reads in flight at once.
    #[inline]
    pub fn home(&self, hash: u64) -> u32 {
        let mask = self.places.len().wrapping_sub(1);
        self.places.get(hash as usize & mask).copied().unwrap_or(FREE)
    }

    /// Places entry `k`, the next one (entries `0..k` are placed), whose hash is `hash`;
    /// `hash_of` gives the hash of an entry already placed, for when the index grows.
    pub fn insert(&mut self, k: u32, hash: u64, hash_of: impl Fn(u32) -> u64) {
        if (k as usize + 1) * 2 > self.places.len() {
            let len = (self.places.len() * 2).max(MIN_LEN);
            self.places = vec![FREE; len];
            for old in 0..k {
                let at = self.free_place(hash_of(old));
                self.places[at] = old;
            }
        }
        let at = self.free_place(hash);
        self.places[at] = k;
    }

    /// The first free place on the probe path of `hash` (there is one: the index is
    /// never more than half full).
    fn free_place(&self, hash: u64) -> usize {
        let mask = self.places.len() - 1;
        let mut at = hash as usize & mask;
        while self.places[at] != FREE {
            at = (at + 1) & mask;
        }
        at
    }
}

/// Whether two keys are equal. Keys are mostly words of four to sixteen bytes: two
/// overlapping loads from each end compare those whole, cheaper than calling `memcmp`.
#[inline]
pub fn same_key(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word8 = |s: &[u8], at: usize| {
        s.get(at..at + 8).and_then(|w| w.try_into().ok()).map(u64::from_le_bytes)
    };
    let word4 = |s: &[u8], at: usize| {
        s.get(at..at + 4).and_then(|w| w.try_into().ok()).map(u32::from_le_bytes)
    };
    match n {
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_entry_placed_and_misses_the_rest() {
        // Few distinct hashes, so probe paths collide and cross the growth steps.
        let hash_of = |k: u32| u64::from(k % 37).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut index = HashIndex::default();
        assert_eq!(index.find(0, |_| true), None);
        for k in 0..3000 {
            index.insert(k, hash_of(k), hash_of);
        }
        for k in 0..3000 {
            assert_eq!(index.find(hash_of(k), |e| e == k), Some(k));
        }
        assert_eq!(index.find(hash_of(5), |e| e == 3000), None);
    }

    #[test]
    fn keys_compare_by_every_byte() {
        let words = ["", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi"];
        let long = ["abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz"];
        for a in words.iter().chain(&long) {
            for b in words.iter().chain(&long) {
                assert_eq!(same_key(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
            // One byte changed anywhere.
            for i in 0..a.len() {
                let mut c = a.as_bytes().to_vec();
                c[i] ^= 1;
                assert!(!same_key(a.as_bytes(), &c), "{a} at {i}");
            }
        }
    }
}
