//! One table of everything the knowledge base knows about a key, found by a hash the
//! caller computes once ([`crate::keys::key_hash`]).
//!
//! The recognizers ask every reading of every word of an article whether it is a name,
//! an institution or title head, the start of a longer one, and how common it is. With
//! a hash map per question each would hash the word again; here one probe of a table
//! keyed by the precomputed hash answers them all.

use rasd_text::hash_index::{same_key, HashIndex};

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

/// Open addressing over the keys' hashes.
#[derive(Debug, Default)]
pub(crate) struct KeyTable {
    /// Every key with its hash and entry, in insertion order.
    keys: Vec<(u64, String, KeyEntry)>,
    /// Positions in `keys`, by their hashes.
    index: HashIndex,
}

impl KeyTable {
    /// The entry of `key`, whose [`key_hash`] is `hash`.
    #[inline]
    pub(crate) fn get(&self, key: &str, hash: u64) -> Option<&KeyEntry> {
        let k = self.position(key, hash)?;
        self.keys.get(k).map(|(_, _, entry)| entry)
    }

    /// The entry of `key`, added empty if missing.
    pub(crate) fn entry(&mut self, key: &str) -> &mut KeyEntry {
        let hash = key_hash(key);
        let k = match self.position(key, hash) {
            Some(k) => k,
            None => {
                let k = self.keys.len();
                let keys = &self.keys;
                self.index.insert(k as u32, hash, |old| keys[old as usize].0);
                self.keys.push((hash, key.to_string(), KeyEntry::default()));
                k
            }
        };
        &mut self.keys[k].2
    }

    /// Every key with its entry, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &KeyEntry)> {
        self.keys.iter().map(|(_, key, entry)| (key.as_str(), entry))
    }

    /// Position in `keys` of `key`, whose [`key_hash`] is `hash`.
    #[inline]
    fn position(&self, key: &str, hash: u64) -> Option<usize> {
        let k = self.index.find(hash, |k| {
            self.keys
                .get(k as usize)
                .is_some_and(|(h, text, _)| *h == hash && same_key(text.as_bytes(), key.as_bytes()))
        })?;
        Some(k as usize)
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
}
