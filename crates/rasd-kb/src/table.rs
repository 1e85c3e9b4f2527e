//! One table of everything the knowledge base knows about a key, found by a hash the
//! caller computes once ([`crate::keys::key_hash`]).
//!
//! The recognizers ask every reading of every word of an article whether it is a name,
//! an institution or title head, the start of a longer one, and how common it is. With
//! a hash map per question each would hash the word again; here one probe of a table
//! keyed by the precomputed hash answers them all.

use crate::keys::key_hash;
use crate::{Alias, HeadRef};

/// What the knowledge base holds under one key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyEntry {
    /// Entries named by the key ([`crate::Kb::lookup`]).
    pub aliases: Vec<Alias>,
    /// Institutions and titles whose head has the key ([`crate::Kb::lookup_head`]).
    pub heads: Vec<HeadRef>,
    /// Some multi-word alias starts with these words.
    pub alias_prefix: bool,
    /// Some multi-word head starts with these words.
    pub head_prefix: bool,
    /// Zipf frequency of the key as a word ([`crate::Kb::zipf`]; 0 when rare).
    pub zipf: f32,
}

/// Marks a free place of [`KeyTable::index`].
const FREE: u32 = u32::MAX;

/// Open addressing with linear probing over the keys' hashes.
#[derive(Debug, Default)]
pub(crate) struct KeyTable {
    /// Every key with its hash and entry, in insertion order.
    keys: Vec<(u64, String, KeyEntry)>,
    /// Positions in `keys`, placed by the hash's low bits (the filters in front of the
    /// table read the high ones); `FREE` where empty. Its length is a power of two, at
    /// least twice the number of keys, so a miss ends after a probe or two.
    index: Vec<u32>,
}

impl KeyTable {
    /// The entry of `key`, whose [`key_hash`] is `hash`.
    #[inline]
    pub(crate) fn get(&self, key: &str, hash: u64) -> Option<&KeyEntry> {
        let mask = self.index.len().checked_sub(1)?;
        let mut at = hash as usize & mask;
        loop {
            let k = *self.index.get(at)?;
            if k == FREE {
                return None;
            }
            let (h, text, entry) = self.keys.get(k as usize)?;
            if *h == hash && same_key(text.as_bytes(), key.as_bytes()) {
                return Some(entry);
            }
            at = (at + 1) & mask;
        }
    }

    /// The entry of `key`, added empty if missing.
    pub(crate) fn entry(&mut self, key: &str) -> &mut KeyEntry {
        let hash = key_hash(key);
        if (self.keys.len() + 1) * 2 > self.index.len() {
            self.grow();
        }
        let k = match self.position(key, hash) {
            Ok(k) => k,
            Err(at) => {
                let k = self.keys.len();
                self.keys.push((hash, key.to_string(), KeyEntry::default()));
                self.index[at] = k as u32;
                k
            }
        };
        &mut self.keys[k].2
    }

    /// `Ok(position in keys)` of `key`, or `Err(free place in index)` where it would go
    /// (the index must have a free place).
    fn position(&self, key: &str, hash: u64) -> Result<usize, usize> {
        let mask = self.index.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let k = self.index[at];
            if k == FREE {
                return Err(at);
            }
            let (h, text, _) = &self.keys[k as usize];
            if *h == hash && text == key {
                return Ok(k as usize);
            }
            at = (at + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let len = (self.index.len() * 2).max(1024);
        let mask = len - 1;
        let mut index = vec![FREE; len];
        for (k, (hash, _, _)) in self.keys.iter().enumerate() {
            let mut at = *hash as usize & mask;
            while index[at] != FREE {
                at = (at + 1) & mask;
            }
            index[at] = k as u32;
        }
        self.index = index;
    }
}

/// Whether two keys are equal. Keys are mostly words of four to sixteen bytes: two
/// overlapping loads from each end compare those whole, cheaper than calling `memcmp`.
#[inline]
fn same_key(a: &[u8], b: &[u8]) -> bool {
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
    fn finds_what_was_added_and_nothing_else() {
        let mut t = KeyTable::default();
        assert!(t.get("a", key_hash("a")).is_none());
        for i in 0..5000 {
            t.entry(&format!("كلمة{i}")).zipf = i as f32;
        }
        t.entry("كلمة7").alias_prefix = true;
        for i in 0..5000 {
            let k = format!("كلمة{i}");
            let e = t.get(&k, key_hash(&k)).expect("added");
            assert_eq!(e.zipf, i as f32);
            assert_eq!(e.alias_prefix, i == 7);
        }
        assert!(t.get("كلمة5000", key_hash("كلمة5000")).is_none());
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
