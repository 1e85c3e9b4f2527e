//! One table of everything the knowledge base knows about a key, found by a hash the
//! caller computes once ([`crate::keys::key_hash`]).
//!
//! The recognizers ask every reading of every word of an article whether it is a name,
//! an institution or title head, the start of a longer one, and how common it is. With
//! a hash map per question each would hash the word again; here one probe of a table
//! keyed by the precomputed hash answers them all.
//!
//! Once loaded ([`KeyTable::freeze`]), each key also has a 64-byte summary holding its
//! hash, its bytes (up to [`INLINE`]) and the answers to those questions, so that a
//! lookup reads one cache line: the table is several megabytes, most lookups miss the
//! cache, and following the key's own allocation and then the entry cost two more misses
//! per word. The summaries are themselves the open-addressing table (a key's summary is
//! where its hash puts it, or after), so a lookup makes one read where an index of
//! positions and then the summary at that position made two dependent ones; in the
//! pipeline, where the stages before the recognizer have pushed the table out of the
//! caches, that read is most of what a word's lookup costs.

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

/// A key found in the table: what a matcher asks of every word, read from the key's
/// summary, and the entry itself for the rarer questions (which names, which heads).
#[derive(Debug, Clone, Copy)]
pub struct KeyHit<'a> {
    /// As [`KeyEntry::zipf`].
    pub zipf: f32,
    /// The key names some entry (`!entry.aliases.is_empty()`).
    pub has_aliases: bool,
    /// As [`KeyEntry::alias_prefix`].
    pub alias_prefix: bool,
    /// The key is some institution's or title's head (`!entry.heads.is_empty()`).
    pub has_heads: bool,
    /// As [`KeyEntry::head_prefix`].
    pub head_prefix: bool,
    /// Everything held under the key.
    pub entry: &'a KeyEntry,
}

impl<'a> KeyHit<'a> {
    /// The entries the key names; reads the entry only when there are some.
    #[inline]
    pub fn aliases(&self) -> &'a [Alias] {
        if self.has_aliases {
            &self.entry.aliases
        } else {
            &[]
        }
    }

    /// The heads the key is; reads the entry only when there are some.
    #[inline]
    pub fn heads(&self) -> &'a [HeadRef] {
        if self.has_heads {
            &self.entry.heads
        } else {
            &[]
        }
    }
}

/// Key bytes kept in a summary; longer keys (a few multi-word names) are compared in
/// `keys`.
const INLINE: usize = 46;
/// `Summary::len` of a key longer than [`INLINE`].
const LONG: u8 = u8::MAX;

const HAS_ALIASES: u8 = 1;
const ALIAS_PREFIX: u8 = 2;
const HAS_HEADS: u8 = 4;
const HEAD_PREFIX: u8 = 8;

/// One cache line per key: everything a lookup reads.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
struct Summary {
    hash: u64,
    zipf: f32,
    /// The key's position in [`KeyTable::keys`]; [`EMPTY`] in a free place.
    pos: u32,
    flags: u8,
    len: u8,
    key: [u8; INLINE],
}

/// [`Summary::pos`] of a free place of the table.
const EMPTY: u32 = u32::MAX;

impl Summary {
    /// A free place.
    const FREE: Summary =
        Summary { hash: 0, zipf: 0.0, pos: EMPTY, flags: 0, len: 0, key: [0; INLINE] };

    fn of(hash: u64, pos: u32, key: &str, entry: &KeyEntry) -> Summary {
        let mut s = Summary { hash, zipf: entry.zipf, pos, flags: 0, len: LONG, key: [0; INLINE] };
        if let Some(dst) = s.key.get_mut(..key.len()) {
            dst.copy_from_slice(key.as_bytes());
            s.len = key.len() as u8;
        }
        for (on, bit) in [
            (!entry.aliases.is_empty(), HAS_ALIASES),
            (entry.alias_prefix, ALIAS_PREFIX),
            (!entry.heads.is_empty(), HAS_HEADS),
            (entry.head_prefix, HEAD_PREFIX),
        ] {
            if on {
                s.flags |= bit;
            }
        }
        s
    }

    #[inline]
    fn hit<'a>(&self, entry: &'a KeyEntry) -> KeyHit<'a> {
        KeyHit {
            zipf: self.zipf,
            has_aliases: self.flags & HAS_ALIASES != 0,
            alias_prefix: self.flags & ALIAS_PREFIX != 0,
            has_heads: self.flags & HAS_HEADS != 0,
            head_prefix: self.flags & HEAD_PREFIX != 0,
            entry,
        }
    }
}

/// Open addressing over the keys' hashes.
#[derive(Debug, Default)]
pub(crate) struct KeyTable {
    /// Every key with its hash and entry, in insertion order.
    keys: Vec<(u64, String, KeyEntry)>,
    /// Positions in `keys`, by their hashes: the table while it is built.
    index: HashIndex,
    /// Every key's summary, placed by its hash's low bits with linear probing in a power
    /// of two at least twice the number of keys (a miss ends after a place or two):
    /// filled by [`KeyTable::freeze`], emptied by any change.
    summaries: Vec<Summary>,
}

impl KeyTable {
    /// `key`, whose [`key_hash`] is `hash`, if the table holds it.
    #[inline]
    pub(crate) fn hit(&self, key: &str, hash: u64) -> Option<KeyHit<'_>> {
        if self.summaries.is_empty() {
            let k = self.position(key, hash)?;
            let entry = &self.keys.get(k)?.2;
            return Some(Summary::of(hash, 0, "", entry).hit(entry));
        }
        let mask = self.summaries.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let s = self.summaries.get(at)?;
            if s.pos == EMPTY {
                return None;
            }
            if self.is_key(s, key, hash) {
                return Some(s.hit(&self.keys.get(s.pos as usize)?.2));
            }
            at = (at + 1) & mask;
        }
    }

    /// [`KeyTable::hit`] of the key of each of `items` (`query` gives key and hash),
    /// handed to `found` with the item. The table is larger than the caches and each
    /// lookup reads a place in it that the hash alone gives: one at a time, every word
    /// waits for its read. Here all the first reads are made, then the comparisons, and
    /// the processor overlaps the reads.
    pub(crate) fn hit_all<'s, T>(
        &'s self,
        items: &mut [T],
        query: impl Fn(&T) -> (&str, u64),
        mut found: impl FnMut(&mut T, Option<KeyHit<'s>>),
    ) {
        let Some(mask) = self.summaries.len().checked_sub(1) else {
            for item in items {
                let (key, hash) = query(item);
                let hit = self.hit(key, hash);
                found(item, hit);
            }
            return;
        };
        // Only reads the summaries (a branch on each comparison would stall the reads
        // behind it); the comparison is made again below, from the cache.
        let mut any = 0u64;
        for item in items.iter() {
            any ^= self.summaries.get(query(item).1 as usize & mask).map_or(0, |s| s.hash);
        }
        std::hint::black_box(any);
        for item in items.iter_mut() {
            let (key, hash) = query(item);
            // Most keys are where their hash puts them; the others walk the probe path.
            let hit = match self.summaries.get(hash as usize & mask) {
                Some(s) if s.pos == EMPTY => None,
                Some(s) if self.is_key(s, key, hash) => {
                    self.keys.get(s.pos as usize).map(|(_, _, entry)| s.hit(entry))
                }
                _ => self.hit(key, hash),
            };
            found(item, hit);
        }
    }

    /// Whether the key summarized by `s` is `key` of hash `hash`.
    #[inline]
    fn is_key(&self, s: &Summary, key: &str, hash: u64) -> bool {
        s.hash == hash
            && if s.len == LONG {
                self.keys.get(s.pos as usize).is_some_and(|(_, text, _)| text == key)
            } else {
                s.key.get(..s.len as usize).is_some_and(|b| same_key(b, key.as_bytes()))
            }
    }

    /// The entry of `key`, added empty if missing.
    pub(crate) fn entry(&mut self, key: &str) -> &mut KeyEntry {
        self.summaries = Vec::new();
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

    /// Makes the summaries that fast lookups read; call once everything is in.
    pub(crate) fn freeze(&mut self) {
        let len = (self.keys.len() * 2).next_power_of_two().max(64);
        let mut summaries = vec![Summary::FREE; len];
        let mask = len - 1;
        for (pos, (hash, key, entry)) in self.keys.iter().enumerate() {
            let mut at = *hash as usize & mask;
            while summaries[at].pos != EMPTY {
                at = (at + 1) & mask;
            }
            summaries[at] = Summary::of(*hash, pos as u32, key, entry);
        }
        self.summaries = summaries;
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
        assert!(t.hit("a", key_hash("a")).is_none());
        for i in 0..5000 {
            t.entry(&format!("كلمة{i}")).zipf = i as f32;
        }
        t.entry("كلمة7").alias_prefix = true;
        for i in 0..5000 {
            let k = format!("كلمة{i}");
            let e = t.hit(&k, key_hash(&k)).expect("added").entry;
            assert_eq!(e.zipf, i as f32);
            assert_eq!(e.alias_prefix, i == 7);
        }
        assert!(t.hit("كلمة5000", key_hash("كلمة5000")).is_none());
    }

    /// The frozen table (summaries, batched lookups) answers as the table being built.
    #[test]
    fn frozen_and_batched_lookups_answer_as_the_plain_ones() {
        let mut t = KeyTable::default();
        // Short keys, keys around the inline length and long multi-word keys.
        let keys: Vec<String> = (0..3000)
            .map(|i| match i % 3 {
                0 => format!("ك{i}"),
                1 => format!("{}{i}", "م".repeat(i % 40)),
                _ => format!("وزارة الدفاع والشؤون {i} {}", "ن".repeat(i % 30)),
            })
            .collect();
        for (i, k) in keys.iter().enumerate() {
            let e = t.entry(k);
            e.zipf = i as f32;
            e.alias_prefix = i % 5 == 0;
            e.head_prefix = i % 7 == 0;
            if i % 11 == 0 {
                e.heads.push(HeadRef::Title { index: i as u32, dual: false });
            }
        }
        let mut asked: Vec<String> = keys.clone();
        asked.extend((0..500).map(|i| format!("غائب{i}")));
        let plain: Vec<Option<KeyEntry>> =
            asked.iter().map(|k| t.hit(k, key_hash(k)).map(|h| h.entry.clone())).collect();
        t.freeze();
        /// A key asked, its entry and the summary's answers (zipf and three flags).
        type Asked<'k> = (&'k str, Option<KeyEntry>, Option<(f32, bool, bool, bool)>);
        let mut batched: Vec<Asked<'_>> = asked.iter().map(|k| (k.as_str(), None, None)).collect();
        t.hit_all(
            &mut batched,
            |(k, _, _)| (k, key_hash(k)),
            |(_, entry, flags), hit| {
                *entry = hit.map(|h| h.entry.clone());
                *flags = hit.map(|h| (h.zipf, h.alias_prefix, h.head_prefix, h.has_heads));
            },
        );
        for (k, want) in asked.iter().zip(&plain) {
            let hit = t.hit(k, key_hash(k));
            assert_eq!(hit.map(|h| h.entry.clone()), *want, "{k}");
            if let (Some(h), Some(w)) = (hit, want) {
                assert_eq!(
                    (h.zipf, h.alias_prefix, h.head_prefix, h.has_heads, h.has_aliases),
                    (w.zipf, w.alias_prefix, w.head_prefix, !w.heads.is_empty(), false)
                );
            }
        }
        for ((k, entry, flags), want) in batched.iter().zip(&plain) {
            assert_eq!(entry, want, "{k}");
            assert_eq!(
                *flags,
                want.as_ref().map(|w| (w.zipf, w.alias_prefix, w.head_prefix, !w.heads.is_empty()))
            );
        }
        // A change after freezing is seen at once.
        t.entry("جديد").zipf = 1.5;
        assert_eq!(t.hit("جديد", key_hash("جديد")).map(|h| h.zipf), Some(1.5));
    }
}
