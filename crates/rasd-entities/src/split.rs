//! Run-together words: scraped pages lose spaces, and a token may be two names
//! ("الأممالمتحدة", "العراقوسوريا") or a particle and a name ("فيالعراق"). A rare token
//! that no reading of its own names is cut where both sides are names (or a particle
//! and a name), for matching only: the mentions are the exact code points of each part.

use rasd_kb::{keys, Alias, EntityKind};

use crate::{Recognizer, Target};

/// Tokens shorter than this (in letters) are not cut.
const MIN_LETTERS: usize = 6;
/// Neither side of a cut is shorter than this (in letters).
const MIN_SIDE: usize = 3;
/// Particles that lose their space before a name.
const PARTICLES: &[&str] = &["في", "من", "الي", "على", "علي", "عن", "مع"];

impl Recognizer<'_> {
    /// Cuts the rare token `i` into names; returns the token after it when it did.
    pub(crate) fn try_run_together(&mut self, i: usize, key: &mut String) -> Option<usize> {
        let w = self.words[i];
        // Any reading the knowledge base knows (a name, a head, a frequent word) makes
        // the token no run-together pair; Arabic letters are two bytes.
        if self.first_keys(i).iter().any(|f| f.entry.is_some())
            || w.len() < 2 * MIN_LETTERS
            || self.tokens[i].kind != rasd_text::TokenKind::Arabic
        {
            return None;
        }
        let clitic = self.clitics.of(i).iter().map(|a| a.prefix_len).filter(|&p| p < 4);
        for prefix in clitic.collect::<Vec<_>>() {
            let stem = &w[prefix..];
            let letters = stem.chars().count();
            // A particle ("في") is the only left side shorter than MIN_SIDE.
            for (n, (at, _)) in stem.char_indices().enumerate().skip(2) {
                if letters - n < MIN_SIDE {
                    break;
                }
                let (left, right) = stem.split_at(at);
                if n < MIN_SIDE && !PARTICLES.contains(&left) {
                    continue;
                }
                if let Some(found) = self.cut_names(left, right, key) {
                    let base = prefix;
                    for (from, to, entry) in found {
                        let span = self.span_bytes(i, base + from, base + to);
                        self.add(Target::Kb(entry), span);
                    }
                    self.cover(i, i + 1);
                    return Some(i + 1);
                }
            }
        }
        None
    }

    /// The names a cut of a word into `left` and `right` makes, as (byte from, byte to,
    /// entry) within the two: one name written in two words ("الأمم|المتحدة"), two
    /// names joined by و ("العراق|وسوريا"), or a particle and a name ("في|العراق").
    fn cut_names(
        &self,
        left: &str,
        right: &str,
        key: &mut String,
    ) -> Option<Vec<(usize, usize, u32)>> {
        let whole = left.len() + right.len();
        let (lk, rk) = (keys::word_key(left), keys::word_key(right));
        // Most cuts start no name: the left side's key says so before any other lookup.
        let lhash = keys::key_hash(lk);
        let left_names = self.kb.lookup_hashed(lk, lhash);
        if self.kb.is_alias_prefix_hashed(lk, lhash) {
            key.clear();
            key.push_str(lk);
            key.push(' ');
            key.push_str(rk);
            if let Some(e) = self.pick(self.kb.lookup(key)) {
                return Some(vec![(0, whole, e)]);
            }
        }
        if PARTICLES.contains(&left) {
            return self.pick(self.kb.lookup(rk)).map(|e| vec![(left.len(), whole, e)]);
        }
        let l = self.pick(left_names)?;
        let r = right.strip_prefix('و').filter(|r| r.chars().count() >= MIN_SIDE)?;
        let re = self.pick(self.kb.lookup(keys::word_key(r)))?;
        Some(vec![(0, left.len(), l), (whole - r.len(), whole, re)])
    }

    /// Of the entries a cut side names, the one to link: a country, an organization or
    /// group, or a curated or populous place; none for persons and small places.
    fn pick(&self, aliases: &[Alias]) -> Option<u32> {
        aliases
            .iter()
            .filter(|a| {
                let e = self.kb.entry(a.entry);
                match e.kind {
                    EntityKind::Country | EntityKind::Org | EntityKind::Group => true,
                    // A cut is a guess: no evidence for a town far from the article
                    // ("والي كالي" for "واليكالي").
                    EntityKind::Place => e.curated || (e.population >= 100_000 && !self.far(e)),
                    EntityKind::Person => false,
                }
            })
            .max_by_key(|a| {
                let e = self.kb.entry(a.entry);
                (e.kind == EntityKind::Country, e.curated, e.population)
            })
            .map(|a| a.entry)
    }
}
