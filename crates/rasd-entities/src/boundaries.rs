//! Small word lists the recognizer consults: where a person's name ends, which words
//! announce a place, which words stand for a region named before. They are data
//! (`data/lexicon/name_boundaries.tsv`, `data/lexicon/place_cues.tsv`), folded once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use rasd_kb::keys::{key, word_key};
use rasd_text::phrases::WordFilter;

use crate::words::WordTable;

struct Lists {
    boundary: HashSet<String>,
    given: HashSet<String>,
    /// Boundaries written with a final ى ("على"), which fold like names ending in ي
    /// ("علي").
    maqsura: HashSet<String>,
    /// Words between a title and the name (`tail` in `name_boundaries.tsv`).
    tail: HashSet<String>,
    /// Head nouns of organizations and groups (`body_heads.tsv`), by key.
    body_head: HashMap<String, BodyKind>,
    /// The keys of `body_head`: nearly every word is none.
    body_filter: WordFilter,
    /// Words that make a phrase after a head a proper name (`name` in `body_heads.tsv`).
    body_name: HashSet<String>,
    /// Adjectives that follow a body's name without being part of it (`after`).
    body_after: HashSet<String>,
    /// Verbs whose subject is often a person named right after them.
    person_cue: HashSet<String>,
    /// The words of `person_cue`: nearly every word is none.
    person_filter: WordFilter,
    cue: HashMap<String, CueClass>,
    /// The keys of `cue`: nearly every word before a name is none of them.
    cue_filter: WordFilter,
    anaphor: HashSet<String>,
    /// Words that close a place's name after it (`suffix` in `place_cues.tsv`).
    suffix: HashSet<String>,
    /// Keys of ordinary words spelled like a one-word name (`name_collisions.tsv`), and
    /// whether only a place noun vouches for the name.
    collision: HashMap<String, bool>,
    /// The keys of `collision`.
    collision_filter: WordFilter,
    /// The words and keys that any of `body_head`, `person_cue` and `cue` holds, and the
    /// locatives: every reading of every word is asked of them, and nearly all are none,
    /// which this one filter says with one read (see [`OpenLists::may_be_listed`]). Two
    /// kilobytes for some five hundred words (a few in a hundred others pass): the other
    /// stages push it out of the caches between articles, and each article reads it in.
    open_filter: WordFilter<14>,
}

const NAME_BOUNDARIES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/name_boundaries.tsv"));
const GIVEN_NAMES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/given_names.tsv"));
const NAME_COLLISIONS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/name_collisions.tsv"));
const BODY_HEADS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/body_heads.tsv"));
const REPORTING: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/reporting.tsv"));
const PERSON_CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/person_cues.tsv"));
/// The sources of the compiled word tables, for the test that compares them.
#[cfg(test)]
pub(crate) const NAME_WORDS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/name_words.tsv"));
#[cfg(test)]
pub(crate) const LOW_FREQ: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/ar_word_freq_low.tsv"));

/// `ar_word_freq_low.tsv` as the build script compiles it.
pub(crate) fn low_freq() -> WordTable {
    WordTable::new(include_bytes!(concat!(env!("OUT_DIR"), "/low_freq.bin")))
}

/// `name_words.tsv` as the build script compiles it.
pub(crate) fn name_words() -> WordTable {
    WordTable::new(include_bytes!(concat!(env!("OUT_DIR"), "/name_words.bin")))
}
const PLACE_CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/place_cues.tsv"));

/// Rows of a word list as (word, class); a missing class is empty.
fn rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
    rasd_text::phrases::tsv_rows(text)
        .filter_map(|r| Some((*r.first()?, r.get(1).copied().unwrap_or(""))))
}

/// The forms of a reporting verb's lemma entry (`v:قال/يقول`) that a named person can
/// follow as its subject: active, third person singular, with or without an object
/// pronoun (قال، قالت، يقول، تقول). A malformed entry gives none; the attribution stage,
/// which reads the same file, reports it.
fn subject_first_forms(cell: &str) -> Vec<String> {
    let Ok(entry) = rasd_morph::Entry::parse(cell) else {
        return Vec::new();
    };
    rasd_morph::generate(&entry)
        .into_iter()
        .filter(|f| {
            let i = &f.shape.infl;
            i.aspect.is_some()
                && i.voice != rasd_morph::Voice::Passive
                && f.shape.host != rasd_morph::Host::Required
                && (i.agreement.contains(rasd_morph::Cell::Ms3)
                    || i.agreement.contains(rasd_morph::Cell::Fs3))
        })
        .map(|f| f.text)
        .collect()
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lists {
            boundary: HashSet::default(),
            given: HashSet::default(),
            tail: HashSet::default(),
            maqsura: HashSet::default(),
            person_cue: HashSet::default(),
            person_filter: WordFilter::default(),
            body_head: HashMap::default(),
            body_filter: WordFilter::default(),
            body_name: HashSet::default(),
            body_after: HashSet::default(),
            cue: HashMap::default(),
            cue_filter: WordFilter::default(),
            anaphor: HashSet::default(),
            suffix: HashSet::default(),
            collision: HashMap::default(),
            collision_filter: WordFilter::default(),
            open_filter: WordFilter::default(),
        };
        for r in rasd_text::phrases::tsv_rows(NAME_COLLISIONS) {
            if let Some(w) = r.first() {
                let k = key(w);
                l.collision_filter.insert(&k);
                l.collision.insert(k, r.get(2) == Some(&"cue"));
            }
        }
        for (w, _) in rows(GIVEN_NAMES) {
            for part in rasd_text::normalize::normalize_str(w).split(' ') {
                l.given.insert(part.to_string());
            }
        }
        for (w, kind) in rows(BODY_HEADS) {
            let kind = match kind {
                "group" => BodyKind::Group,
                "org" => BodyKind::Org,
                "media" => BodyKind::Media,
                "after" => {
                    l.body_after.insert(key(w));
                    continue;
                }
                _ => {
                    l.body_name.insert(rasd_text::normalize::normalize_str(w));
                    l.body_name.insert(key(w));
                    continue;
                }
            };
            let k = key(w);
            l.body_filter.insert(&k);
            l.body_head.insert(k, kind);
        }
        for (w, class) in rows(REPORTING) {
            if class != "say" {
                continue;
            }
            if rasd_morph::is_entry(w) {
                l.person_cue.extend(subject_first_forms(w));
            } else {
                l.person_cue.insert(rasd_text::normalize::normalize_str(w));
            }
        }
        for (w, _) in rows(PERSON_CUES) {
            l.person_cue.insert(rasd_text::normalize::normalize_str(w));
        }
        for (w, class) in rows(NAME_BOUNDARIES) {
            if class == "tail" {
                l.tail.insert(rasd_text::normalize::normalize_str(w));
                continue;
            }
            if w.ends_with('ى') {
                l.maqsura.insert(rasd_text::normalize::normalize_str(w));
            }
            // Keep both the folded word and its article-free key: names are compared
            // as written, cues and anaphors by key.
            l.boundary.insert(rasd_text::normalize::normalize_str(w));
            l.boundary.insert(key(w));
        }
        for (w, class) in rows(PLACE_CUES) {
            let k = key(w);
            let class = match class {
                "anaphor" => {
                    l.anaphor.insert(k);
                    continue;
                }
                "suffix" => {
                    l.suffix.insert(k);
                    continue;
                }
                "settlement" => CueClass::Settlement,
                "admin" => CueClass::Admin,
                "facility" => CueClass::Facility,
                "station" => CueClass::Station,
                "nature" => CueClass::Nature,
                _ => CueClass::Cue,
            };
            l.cue.insert(k, class);
        }
        for w in &l.person_cue {
            l.person_filter.insert(w);
        }
        for k in l.cue.keys() {
            l.cue_filter.insert(k);
        }
        let open_words = l.person_cue.iter().chain(l.cue.keys()).chain(l.body_head.keys());
        for w in open_words.map(String::as_str).chain(LOCATIVES.iter().copied()) {
            l.open_filter.insert(w);
        }
        for f in
            [&mut l.body_filter, &mut l.person_filter, &mut l.cue_filter, &mut l.collision_filter]
        {
            f.shrink_to_fit();
        }
        l.open_filter.shrink_to_fit();
        l
    })
}

/// The Zipf frequency of a normalized word below the knowledge base's frequency list
/// (`ar_word_freq_low.tsv`: 2.3 up to that list's floor), 0 when rarer still. Asked only
/// of the few words weighed as a new name, of a table compiled at build time.
pub fn low_zipf(word: &str) -> f32 {
    low_freq().get(word).map_or(0.0, |z| f32::from(z) / 10.0)
}

/// The lists the open-world flags read for every word of a document, fetched once.
pub struct OpenLists(&'static Lists);

impl OpenLists {
    /// The lists.
    pub fn get() -> Self {
        OpenLists(lists())
    }

    /// False only for a reading (by its `rasd_kb::keys::key_hash`) that is no body's head,
    /// person cue, place noun or locative: asked first, since nearly every word is none.
    #[inline]
    pub fn may_be_listed(&self, hash: u64) -> bool {
        self.0.open_filter.may_contain_hash(hash)
    }

    /// Whether a reading (key and `rasd_kb::keys::key_hash`) is a body's head noun.
    #[inline]
    pub fn body_head(&self, key: &str, hash: u64) -> bool {
        self.0.body_filter.may_contain_hash(hash) && self.0.body_head.contains_key(key)
    }

    /// Whether a reading is a verb after which a person is named ([`is_person_cue`]).
    #[inline]
    pub fn person_cue(&self, key: &str, hash: u64) -> bool {
        self.0.person_filter.may_contain_hash(hash) && self.0.person_cue.contains(key)
    }
}

/// A normalized word that cannot be part of a person's name.
pub fn is_boundary(word: &str) -> bool {
    let l = lists();
    l.boundary.contains(word)
        || word.strip_prefix('و').is_some_and(|w| w.chars().count() > 1 && l.boundary.contains(w))
}

/// A normalized boundary word listed with a final ى ("على" → "علي"), so that a name
/// ending in ي ("علي") folds like it.
pub fn is_maqsura_boundary(word: &str) -> bool {
    lists().maqsura.contains(word)
}

/// A normalized word that may stand between a title and the name ("آنذاك").
pub fn is_title_tail(word: &str) -> bool {
    lists().tail.contains(word)
}

/// A normalized word (with و or ف before it or not) after which a person's name often
/// stands as the subject: a reporting verb ("قال") or a verb of demand or warning.
pub fn is_person_cue(word: &str) -> bool {
    let l = lists();
    let listed = |w: &str| l.person_filter.may_contain(w) && l.person_cue.contains(w);
    listed(word) || word.strip_prefix(['و', 'ف']).is_some_and(|w| w.len() > 4 && listed(w))
}

/// A normalized word that is spelled like a personal name (`name_words.tsv`, given
/// names and surnames of many languages as Arabic writes them, compiled at build time).
pub fn is_name_word(word: &str) -> bool {
    name_words().get(word).is_some() || is_given_name(word)
}

/// A normalized word that is a common given name or name particle.
pub fn is_given_name(word: &str) -> bool {
    lists().given.contains(word)
}

/// A normalized word announcing a place name.
#[cfg(test)]
pub fn is_place_cue(word: &str) -> bool {
    is_place_cue_stems(rasd_text::clitics::analyses(word).iter().map(|a| a.stem))
}

/// Whether a word announces a place name, given its candidate stems (the word itself
/// first, then behind each proclitic split, as `rasd_text::clitics::analyses` reads it):
/// one of them is a cue.
pub fn is_place_cue_stems<'w>(stems: impl IntoIterator<Item = &'w str>) -> bool {
    let l = lists();
    stems.into_iter().any(|s| {
        let k = word_key(s);
        l.cue_filter.may_contain(k) && l.cue.contains_key(k)
    })
}

/// A word key that closes a place's name after it ("الشمالية", "الجوية").
pub fn is_place_suffix(word_key: &str) -> bool {
    lists().suffix.contains(word_key)
}

/// What a head noun names (`body_heads.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// An armed or political group.
    Group,
    /// An organization.
    Org,
    /// A news outlet: named only in quotes after its head ("قناة «X»").
    Media,
}

/// The kind of body a head noun's key names ("حركه" → a group).
pub fn body_head(word_key: &str) -> Option<BodyKind> {
    body_head_hashed(word_key, rasd_text::phrases::filter_hash(word_key))
}

/// As [`body_head`], given the key's `rasd_kb::keys::key_hash`.
pub fn body_head_hashed(word_key: &str, hash: u64) -> Option<BodyKind> {
    let l = lists();
    if !l.body_filter.may_contain_hash(hash) {
        return None;
    }
    l.body_head.get(word_key).copied()
}

/// A normalized word (or its key) that makes a phrase after a head a proper name.
pub fn is_body_name_word(word: &str) -> bool {
    lists().body_name.contains(word)
}

/// A word key of an adjective that follows a body's name without being part of it
/// ("المسلحة" in "جماعة X المسلحة").
pub fn is_body_after(word_key: &str) -> bool {
    lists().body_after.contains(word_key)
}

/// What a place noun before a name makes of it (`place_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A town, village, camp or quarter: the name is the place.
    Settlement,
    /// A province, district or region: the name is the place.
    Admin,
    /// An airport, prison, hospital ...: the whole phrase is the place.
    Facility,
    /// A base, camp or crossing: the name is the place it is at, unless the facility's
    /// kind closes it ("قاعدة العديد الجوية"), which makes the whole phrase the place.
    Station,
    /// A river, mountain, island or valley: the whole phrase is the place.
    Nature,
    /// Announces a place, makes none.
    Cue,
}

/// The class of the place noun whose key is `word_key` (of `rasd_kb::keys::key_hash`
/// `hash`), if it is one.
pub fn cue_class_hashed(word_key: &str, hash: u64) -> Option<CueClass> {
    let l = lists();
    if !l.cue_filter.may_contain_hash(hash) {
        return None;
    }
    l.cue.get(word_key).copied()
}

/// Prepositions that often introduce a place ("في جنيف", "قرب حلب"), normalized.
const LOCATIVES: &[&str] = &[
    "في",
    "الي",
    "من",
    "قرب",
    "بالقرب",
    "نحو",
    "داخل",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "ضواحي",
    "اطراف",
];

/// A preposition that often introduces a place ("في جنيف", "قرب حلب").
pub fn is_locative(word: &str) -> bool {
    LOCATIVES.contains(&word)
}

/// Whether a word key (article-free) is an ordinary word spelled like a one-word name,
/// whose name reading needs evidence: `Some(true)` when only a place noun vouches for a
/// place ("محافظة إب", not "في آب").
pub fn collision(word_key: &str) -> Option<bool> {
    let l = lists();
    if !l.collision_filter.may_contain(word_key) {
        return None;
    }
    l.collision.get(word_key).copied()
}

/// A word key that stands for a region named earlier.
pub fn is_region_anaphor(word_key: &str) -> bool {
    lists().anaphor.contains(word_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_fold() {
        assert!(is_boundary("امس"));
        assert!(is_boundary("وقال"));
        assert!(!is_boundary("بيراموف"));
        assert!(is_place_cue("مدينه"));
        assert!(is_place_cue("بمدينه"));
        assert!(is_region_anaphor("اقليم"));
    }

    /// A locative is its own first reading's key (no article to strip), which the
    /// open-world flags rely on to ask only the words whose key may be listed.
    #[test]
    fn locatives_are_their_own_keys() {
        for l in LOCATIVES {
            assert_eq!(word_key(l), *l);
            assert!(is_locative(l) && OpenLists::get().may_be_listed(rasd_kb::keys::key_hash(l)));
        }
    }
}
