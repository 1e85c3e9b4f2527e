//! Entity recognition and linking: the `entities` section of `rasd.document/1`.
//!
//! Mechanisms, tried at each word in this order:
//! 1. **Heads**: a state-institution word or a personal title from the knowledge base
//!    ("وزارة الدفاع", "وزير الخارجية", "الناطقة باسم") followed by its owner — a country
//!    adjective ("الأذربيجانية"), "في" + a country or place, a country in construct
//!    ("وزارة خارجية أرمينيا", dual "وزارتا دفاع أرمينيا وأذربيجان"), "باسم" + an
//!    institution, another body ("للقوات المسلحة المالية") or the office-holder after it.
//!    Institutions become orgs owned by that state (a state's army, forces, authorities
//!    and government are the state itself); titles anchor the person named after them,
//!    known or new ("new:person:..."), who takes the owner's state.
//! 2. **Names**: the longest run of words whose key is a knowledge-base alias, trying the
//!    first word with and without its proclitics (و ف ب ل ك). Names that several entries
//!    share are resolved by kind, curation, the countries the article names, population,
//!    and the words around them; a gazetteer place far from everything else the article
//!    names (its country unnamed, no place found near it) needs stronger evidence, and
//!    after a place noun such a homonym is a new place of the article's own; a one-word
//!    name that is also an ordinary word
//!    (`data/lexicon/name_collisions.tsv`, the frequency of its definite or bare form)
//!    needs evidence: a locative or place noun, another place beside it, a title.
//! 3. **Open world** (`open`, `bodies`): places the knowledge base lacks after the noun
//!    that announces them ("بلدة X", "مطار X") or after a locative that the next words
//!    confirm, lists of places joined by و; organizations and groups from their head
//!    noun ("حركة تحرير الساحل", "وكالة «أعماق»"); persons after a verb whose subject
//!    they are or in apposition ("X Y، الذي ..."). They get ids `new:KIND:<key>` and, when
//!    the text gives none, the country the article is about.
//! 4. **Loose names**: a rare word run whose skeleton equals a curated transliterated
//!    name or a large city (بيرموف ≈ بيراموف); run-together words cut into names
//!    ("الأممالمتحدة", `split`).
//!
//! A second pass links later (and earlier) short mentions of the persons found — the
//! surname alone — to the same entity.
//!
//! ```
//! use rasd_entities::recognize;
//! let text = "قال وزير الخارجية الأذربيجاني جيهون بيراموف إن باكو مستعدة.";
//! let ents = recognize(rasd_kb::Kb::embedded(), text);
//! assert!(ents.iter().any(|e| e.id == "AZE"));
//! ```
#![deny(missing_docs)]

mod bodies;
mod boundaries;
mod open;
mod split;
pub mod theatre;
mod words;

use rustc_hash::FxHashMap as HashMap;
use std::cell::Cell;

use rasd_kb::{keys, Alias, AliasForm, EntityKind, Entry, HeadRef, Kb, KeyHit};
use rasd_model::{Entity, Span};
use rasd_text::clitics::TokenClitics;
use rasd_text::{normalize, tokenize, CharOffsets, Normalized, Sparse, Token, TokenKind};

/// Words at most this common (Zipf) count as "rare" and may be matched loosely.
const RARE_ZIPF: f32 = 3.0;
/// A bulk-imported place whose name is a word this common needs a locative cue.
const COMMON_ZIPF: f32 = 3.6;
/// A bulk-imported place smaller than this, in a country the article does not name,
/// needs a locative word or a place noun before it.
const NEAR_ENOUGH: u64 = 100_000;
/// A gazetteer place this close (km) to a place the article names is not far from it.
const NEAR_KM: f64 = 400.0;
/// Bulk-imported places this large are trusted without a cue.
const BIG_CITY: u64 = 1_000_000;
/// Words this common are function words: never a gazetteer place.
const FUNCTION_ZIPF: f32 = 5.0;
/// Capitals are refused only above this frequency.
const CAPITAL_ZIPF: f32 = 5.6;
/// A one-word name whose letters are an ordinary word this common (as
/// `Kb::common_reading` measures) needs evidence to be read as the name.
const COMMON_WORD: f32 = 3.5;
/// A word loosely matched to a large imported city has at least this many letters.
const LOOSE_CITY_LETTERS: usize = 8;
/// At most this many words make a new person's name.
const MAX_NAME_WORDS: usize = 4;

/// Recognizes and links the entities of a document text.
pub fn recognize(kb: &Kb, text: &str) -> Vec<Entity> {
    let view = normalize(text);
    let tokens = tokenize(&view);
    recognize_tokens(kb, text, &view, &tokens)
}

/// As [`recognize`], reusing a view and tokens the caller already has.
pub fn recognize_tokens(kb: &Kb, text: &str, view: &Normalized, tokens: &[Token]) -> Vec<Entity> {
    let offsets = CharOffsets::new(text);
    recognize_indexed(kb, &offsets, view, tokens, &TokenClitics::new(view, tokens)).0
}

/// As [`recognize_tokens`], with the text indexed for cutting span texts
/// ([`CharOffsets::new`]) and the tokens' clitic analyses already made; also hands over
/// the words' first-word readings ([`keys::WordReadings`]), which recognition reads
/// anyway: the same as `WordReadings::new(view, tokens, clitics)`, without reading every
/// word again.
pub fn recognize_indexed(
    kb: &Kb,
    text: &CharOffsets<'_>,
    view: &Normalized,
    tokens: &[Token],
    clitics: &TokenClitics,
) -> (Vec<Entity>, keys::WordReadings) {
    let mut r = Recognizer::new(kb, text, view, tokens, clitics);
    r.index();
    r.run();
    let readings = std::mem::take(&mut r.phrase_readings);
    let mut entities = r.finish();
    theatre::assign(kb, &mut entities);
    (entities, readings)
}

/// The distance in km between two (lat, lon) points, close enough for telling a
/// neighbour from a place on another continent (equirectangular).
fn km_apart(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    // Across the antimeridian the short way round.
    let dlon = (b.1 - a.1 + 540.0) % 360.0 - 180.0;
    let x = dlon.to_radians() * mean_lat.cos();
    let y = (b.0 - a.0).to_radians();
    (x * x + y * y).sqrt() * 6371.0
}

/// A region or territory: its government and forces are bodies of their own, not its
/// state.
fn is_region(e: &Entry) -> bool {
    e.kind == EntityKind::Place
        && !e.capital
        && e.place_kind.as_deref().is_some_and(|k| matches!(k, "region" | "territory"))
}

/// Whether a word (by its key's entry) is too common to be a loose name.
fn too_common(entry: Option<KeyHit<'_>>) -> bool {
    entry.map_or(0.0, |e| e.zipf) > RARE_ZIPF
}

/// Whether a name (`.0`) or a head (`.1`) may start at a word with these readings.
#[inline]
fn starts_at(readings: &[First<'_>]) -> (bool, bool) {
    let (mut name, mut head) = (false, false);
    for f in readings {
        // A word ending in يا may still be a nisba's accusative ("فلسطينيا").
        name |= f.key.ends_with("يا") || f.entry.is_some_and(|e| e.has_aliases || e.alias_prefix);
        head |= f.entry.is_some_and(|e| e.has_heads || e.head_prefix);
    }
    (name, head)
}

/// What a mention refers to before it becomes an output entity.
#[derive(Debug, Clone)]
enum Target {
    Kb(u32),
    Made(Entity),
}

struct Recognizer<'a> {
    kb: &'a Kb,
    /// The text, indexed by code point, for span texts and the letter under a folded
    /// alef.
    text: &'a CharOffsets<'a>,
    view: &'a Normalized,
    tokens: &'a [Token],
    clitics: &'a TokenClitics,
    words: Vec<&'a str>,
    out: Vec<Entity>,
    by_id: HashMap<String, usize>,
    /// `by_id` for the knowledge-base entries among the ids: (entry index → position in
    /// `out`) for every entry whose id is in `by_id`. Resolution asks it for every
    /// candidate entry, and a number hashes cheaper than an id.
    kb_out: HashMap<u32, usize>,
    covered: Vec<bool>,
    /// Countries named so far, to resolve ambiguous place names.
    countries: Vec<String>,
    /// Extra names found in this document (new persons' full names and surnames).
    doc_names: HashMap<String, String>,
    /// The state of the institution matched last ("الناطقة باسم" + that institution).
    last_state: Option<String>,
    /// Per token, its first-word readings (see [`Recognizer::first_keys`]), flattened.
    firsts: Vec<First<'a>>,
    /// The same readings as phrase lexicons read them (no hamza exception), for the
    /// caller.
    phrase_readings: keys::WordReadings,
    first_at: Vec<(u32, u32)>,
    /// Per token, the longest name and head starting there: they depend only on the text
    /// and the knowledge base, and every step of recognition asks for them. Most words
    /// start neither.
    matched: Sparse<(Option<NameMatch<'a>>, Option<HeadMatch<'a>>)>,
    /// Per token, whether it announces a place, once asked.
    place_cues: Vec<Cell<Option<bool>>>,
    /// Institutions named without their state, awaiting the article's: (position in
    /// `out`, institution index).
    pending: Vec<(usize, u32)>,
    /// Per token, the place noun it is (with the bytes of proclitics before it), read
    /// once: several steps ask it of the words around every name.
    cues: Vec<Option<(boundaries::CueClass, u8)>>,
    /// Per token, which open-world steps may start there (`open::CUE` ...), and whether
    /// a loose name may ([`Recognizer::try_loose`]): most words start none, and the flags
    /// say so at once.
    open_flags: Vec<u8>,
}

/// A first-word reading of a token: the word behind some of its proclitics.
#[derive(Clone, Copy)]
pub(crate) struct First<'a> {
    /// Bytes of proclitics skipped.
    prefix: usize,
    /// The key of the rest.
    key: &'a str,
    /// The rest is written with the article.
    article: bool,
    /// `keys::key_hash(key)`.
    hash: u64,
    /// What the knowledge base holds under the key: names, heads, frequency.
    entry: Option<KeyHit<'a>>,
}

/// What the words around a one-word name say, shared by its candidate entries.
struct Evidence {
    /// A place noun in construct stands before it ("مدينة X", not "المنطقة X").
    cue: bool,
    /// Its key is an ordinary word (`name_collisions.tsv`); `Some(true)` when only a
    /// place noun vouches for a place.
    collision: Option<bool>,
    /// `Kb::common_reading` of the key read bare and with the article, once asked.
    bare: Cell<Option<f32>>,
    definite: Cell<Option<f32>>,
}

impl Evidence {
    /// `Kb::common_reading(key, article)`, asked once per reading.
    fn common(&self, kb: &Kb, key: &str, article: bool) -> f32 {
        let cell = if article { &self.definite } else { &self.bare };
        match cell.get() {
            Some(z) => z,
            None => {
                let z = kb.common_reading(key, article);
                cell.set(Some(z));
                z
            }
        }
    }
}

/// What the words before a name vouch for, when it is also an ordinary word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Nothing in particular.
    Free,
    /// Right after a state body or "باسم": the name owns it ("الجيش المالي").
    Owner,
    /// Right after a personal title.
    AfterTitle,
}

/// What resolution weighs for a gazetteer place named at a token.
#[derive(Clone, Copy)]
struct PlaceContext {
    /// Frequency of the name as a word (a one-word name; 0 otherwise).
    zipf: f32,
    /// The name was read behind a proclitic of a word that is itself common.
    whole_common: bool,
    /// The name's last word has at most two letters.
    last_short: bool,
    /// The word before announces a place ("مدينة").
    cue: bool,
    /// The word before is a cue or a locative preposition ("في").
    locative: bool,
}

/// The longest institution or title head at a token: (the token after it, the bytes of
/// proclitics before it, the heads it may be).
type HeadMatch<'k> = (usize, usize, &'k [HeadRef]);

/// The result of matching a name at a token.
#[derive(Clone, Copy)]
struct NameMatch<'k> {
    end: usize,
    prefix: usize,
    aliases: &'k [Alias],
    /// The key of the last word matched.
    last: &'k str,
    /// The first word carries the article in the text.
    article: bool,
}

impl<'a> Recognizer<'a> {
    fn new(
        kb: &'a Kb,
        text: &'a CharOffsets<'a>,
        view: &'a Normalized,
        tokens: &'a [Token],
        clitics: &'a TokenClitics,
    ) -> Self {
        Recognizer {
            kb,
            text,
            view,
            tokens,
            clitics,
            words: tokens.iter().map(|t| t.text(view)).collect(),
            // An article names a few dozen entities: a list grown from empty copied its
            // entities at each doubling.
            out: Vec::with_capacity(64),
            by_id: HashMap::default(),
            kb_out: HashMap::default(),
            covered: vec![false; tokens.len()],
            countries: Vec::new(),
            doc_names: HashMap::default(),
            last_state: None,
            firsts: Vec::new(),
            phrase_readings: keys::WordReadings::default(),
            first_at: Vec::new(),
            matched: Sparse::default(),
            place_cues: vec![Cell::new(None); tokens.len()],
            pending: Vec::new(),
            cues: Vec::new(),
            open_flags: Vec::new(),
        }
    }

    /// Fills the per-token tables.
    fn index(&mut self) {
        let starts = self.index_readings();
        self.index_matches(&starts);
    }

    /// Fills `firsts` and `first_at`, and the per-token tables read off them (`cues`,
    /// `open_flags`); returns the tokens where a name or a head may start (which their
    /// readings' entries tell: most words start neither) as (token, a name may start, a
    /// head may start).
    fn index_readings(&mut self) -> Vec<(u32, bool, bool)> {
        let n = self.tokens.len();
        // A word has about 1.2 readings.
        let mut firsts: Vec<First<'a>> = Vec::with_capacity(n + n / 2);
        let mut first_at = Vec::with_capacity(n);
        let mut phrase = Vec::with_capacity(n + n / 2);
        let mut phrase_at = Vec::with_capacity(n);
        for (i, t) in self.tokens.iter().enumerate() {
            let (from, phrase_from) = (firsts.len() as u32, phrase.len() as u32);
            if t.is_word() {
                self.push_readings(i, &mut firsts, &mut phrase);
            }
            first_at.push((from, firsts.len() as u32));
            phrase_at.push((phrase_from, phrase.len() as u32));
        }
        // Every reading's entry, looked up together (see `Kb::key_entries`).
        self.kb.key_entries(&mut firsts, |f| (f.key, f.hash), |f, entry| f.entry = entry);
        // Everything else the readings tell, in one pass over them.
        let lists = boundaries::OpenLists::get();
        let mut starts = Vec::new();
        let mut cues = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        for (i, &(from, to)) in first_at.iter().enumerate() {
            let readings = firsts.get(from as usize..to as usize).unwrap_or_default();
            let (name, head) = starts_at(readings);
            if name || head {
                starts.push((i as u32, name, head));
            }
            let (f, cue) = open::flags(&lists, self.words[i], readings);
            cues.push(cue);
            flags.push(f);
            if self.tokens[i].kind == TokenKind::Punct && matches!(self.words[i], "،" | ",") {
                // The words two to four before a comma may be a name in apposition.
                for f in flags.get_mut(i.saturating_sub(4)..i.saturating_sub(1)).unwrap_or_default()
                {
                    *f |= open::COMMA_AHEAD;
                }
            }
        }
        self.cues = cues;
        self.open_flags = flags;
        self.firsts = firsts;
        self.first_at = first_at;
        self.phrase_readings = keys::WordReadings { readings: phrase, at: phrase_at };
        starts
    }

    /// Adds the first-word readings of word token `i` to `firsts` and, as phrase
    /// lexicons read them (`keys::WordReadings`), to `phrase`.
    #[inline]
    fn push_readings(
        &self,
        i: usize,
        firsts: &mut Vec<First<'a>>,
        phrase: &mut Vec<(usize, u32, u64)>,
    ) {
        let (from, phrase_from) = (firsts.len(), phrase.len());
        let w = self.words[i];
        let end = self.tokens[i].nend as usize;
        let splits = self.clitics.of(i);
        // Most words have no proclitic and no article: their one reading is the word.
        if splits.len() == 1 && keys::word_key(w).len() == w.len() {
            let hash = keys::key_hash(w);
            phrase.push((0, self.tokens[i].nstart, hash));
            firsts.push(First { prefix: 0, key: w, article: false, hash, entry: None });
            return;
        }
        for a in splits {
            if a.article {
                continue;
            }
            let stem = w.get(a.prefix_len..).unwrap_or("");
            // The phrase reading first.
            let bare = keys::word_key(stem);
            let bare_hash = keys::push_reading(phrase, phrase_from, a.prefix_len, bare, end);
            // The recognizer's key: as `wkey`, the article stays on when its alef carries
            // a hamza in the original.
            let k =
                if bare.len() < stem.len() && self.hamza_at(i, a.prefix_len) { stem } else { bare };
            if firsts[from..].iter().any(|f| f.key.len() == k.len()) {
                continue;
            }
            let hash = match bare_hash {
                Some(h) if k.len() == bare.len() => h,
                _ => keys::key_hash(k),
            };
            let article = k.len() < stem.len();
            firsts.push(First { prefix: a.prefix_len, key: k, article, hash, entry: None });
        }
    }

    /// Fills `names` and `heads` at the tokens `starts`, and notes every country that
    /// some name may denote.
    fn index_matches(&mut self, starts: &[(u32, bool, bool)]) {
        let mut matched = Sparse::with_capacity(self.tokens.len(), starts.len());
        // One buffer for every multi-word key tried.
        let mut key = String::with_capacity(128);
        for &(i, name, head) in starts {
            let i = i as usize;
            let name = name.then(|| self.compute_name(i, &mut key)).flatten();
            let head = head.then(|| self.compute_head(i, &mut key)).flatten();
            if name.is_some() || head.is_some() {
                matched.set(i, (name, head));
            }
        }
        self.matched = matched;
        // Countries first, so that ambiguous places resolve toward them wherever they are.
        for &(i, _, _) in starts {
            let Some(m) = self.match_name(i as usize) else { continue };
            for a in m.aliases {
                let e = self.kb.entry(a.entry);
                if e.kind == EntityKind::Country && !self.countries.contains(&e.id) {
                    self.countries.push(e.id.clone());
                }
            }
        }
    }

    /// Whether token `i` announces a place ([`boundaries::is_place_cue`]), worked out
    /// once per token: resolution asks again for every candidate name after it.
    fn place_cue(&self, i: usize) -> bool {
        let Some(cell) = self.place_cues.get(i) else { return false };
        match cell.get() {
            Some(v) => v,
            None => {
                let w = self.words[i];
                let v = boundaries::is_place_cue_stems(
                    self.clitics.of(i).iter().map(|a| w.get(a.prefix_len..).unwrap_or("")),
                );
                cell.set(Some(v));
                v
            }
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Arabic || t.kind == TokenKind::Latin)
    }

    /// Code-point span of bytes `[a, b)` of token `i`'s text in the view.
    fn span_bytes(&self, i: usize, a: usize, b: usize) -> Span {
        let at = self.tokens[i].nstart as usize;
        let (s, e) = self.view.to_original(at + a, at + b);
        Span { start: s, end: e, text: self.text.slice(s, e).to_string() }
    }

    /// Code-point span of tokens `[i, j)`, skipping `prefix` bytes of token `i`.
    fn span(&self, i: usize, j: usize, prefix: usize) -> Span {
        let a = self.tokens[i].nstart as usize + prefix;
        let b = self.tokens[j - 1].nend as usize;
        let (s, e) = self.view.to_original(a, b);
        Span { start: s, end: e, text: self.text.slice(s, e).to_string() }
    }

    /// The key of word `i` read from byte `prefix` on: its article is dropped unless
    /// the original spells a hamza-bearing alef there (ألبانيا), a root letter.
    fn wkey(&self, i: usize, prefix: usize, stem: &'a str) -> &'a str {
        let k = keys::word_key(stem);
        // Only a word that starts like the article needs its original letter read.
        if k.len() < stem.len() && self.hamza_at(i, prefix) {
            stem
        } else {
            k
        }
    }

    /// Whether the original spells a hamza-bearing alef at byte `prefix` of word `i`.
    fn hamza_at(&self, i: usize, prefix: usize) -> bool {
        let at = self.view.original_offset(self.tokens[i].nstart as usize + prefix);
        matches!(self.text.char_at(at), Some('أ' | 'إ' | 'آ'))
    }

    /// The key of the whole word `i` (`wkey` with no proclitic): its first reading.
    fn whole_key(&self, i: usize) -> &'a str {
        match self.first_keys(i).first() {
            Some(f) if f.prefix == 0 => f.key,
            _ => self.wkey(i, 0, self.words[i]),
        }
    }

    /// First-word readings: the word itself, without a conjunction, without a
    /// conjunction and a preposition. The article is folded by the key itself.
    /// Each reading: (prefix bytes, key, written with the article).
    fn first_keys(&self, i: usize) -> &[First<'a>] {
        let (a, b) = self.first_at.get(i).copied().unwrap_or((0, 0));
        &self.firsts[a as usize..b as usize]
    }

    /// `Kb::zipf(key)` for a key read off token `k`: the entry of the token's reading of
    /// that key, when it has one (every reading was looked up when the tokens were
    /// indexed), else a lookup.
    fn zipf_at(&self, k: usize, key: &str) -> f32 {
        match self.first_keys(k).iter().find(|f| f.key == key) {
            Some(f) => f.entry.map_or(0.0, |e| e.zipf),
            None => self.kb.zipf(key),
        }
    }

    /// The longest alias starting at token `i`.
    fn match_name(&self, i: usize) -> Option<NameMatch<'a>> {
        self.matched.get(i).and_then(|m| m.0)
    }

    /// The longest institution or title head at token `i`.
    fn match_head(&self, i: usize) -> Option<HeadMatch<'a>> {
        self.matched.get(i).and_then(|m| m.1)
    }

    fn compute_name(&self, i: usize, key: &mut String) -> Option<NameMatch<'a>> {
        let kb = self.kb;
        let mut best: Option<NameMatch<'a>> = None;
        for &First { prefix, key: first, article, entry, .. } in self.first_keys(i) {
            let mut hits = entry.map_or(&[][..], |e| e.aliases());
            // The indefinite accusative of a nisba ("فلسطينيا") is the adjective with an
            // alef of case: look it up without it.
            if hits.is_empty() {
                if let Some(adj) =
                    first.strip_suffix('ا').filter(|a| a.ends_with('ي') && a.chars().count() >= 4)
                {
                    let found = kb.lookup(adj);
                    if found.iter().all(|a| a.form == AliasForm::Adjective) {
                        hits = found;
                    }
                }
            }
            // At the same length, a reading without the article wins: "للبنان" is ل +
            // "لبنان" before it is ل + the article + "بنان".
            let better =
                |b: &NameMatch<'_>| i + 1 > b.end || (b.article && !article && b.end == i + 1);
            if !hits.is_empty() && best.as_ref().is_none_or(better) {
                best = Some(NameMatch { end: i + 1, prefix, aliases: hits, last: first, article });
            }
            if !entry.is_some_and(|e| e.alias_prefix) {
                continue;
            }
            key.clear();
            key.push_str(first);
            let mut j = i + 1;
            // Later words may be digits: "حركة 23 مارس".
            while j - i < kb.max_words()
                && (self.is_word(j)
                    || self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number))
            {
                let last = self.whole_key(j);
                key.push(' ');
                key.push_str(last);
                j += 1;
                // One probe answers both: a name here, and a longer one ahead.
                let Some(e) = kb.name_key_entry(key, keys::key_hash(key)) else { break };
                if e.has_aliases && best.as_ref().is_none_or(|b| j > b.end) {
                    best = Some(NameMatch { end: j, prefix, aliases: e.aliases(), last, article });
                }
                if !e.alias_prefix {
                    break;
                }
            }
        }
        best
    }

    fn compute_head(&self, i: usize, key: &mut String) -> Option<HeadMatch<'a>> {
        let kb = self.kb;
        let mut best: Option<HeadMatch<'a>> = None;
        for &First { prefix, key: first, entry, .. } in self.first_keys(i) {
            let hits = entry.map_or(&[][..], |e| e.heads());
            if !hits.is_empty() && best.is_none_or(|b| i + 1 > b.0) {
                best = Some((i + 1, prefix, hits));
            }
            if !entry.is_some_and(|e| e.head_prefix) {
                continue;
            }
            key.clear();
            key.push_str(first);
            let mut j = i + 1;
            while j - i < kb.max_head_words() && self.is_word(j) {
                key.push(' ');
                key.push_str(keys::word_key(self.words[j]));
                j += 1;
                let Some(e) = kb.head_key_entry(key, keys::key_hash(key)) else { break };
                if e.has_heads && best.is_none_or(|b| j > b.0) {
                    best = Some((j, prefix, e.heads()));
                }
                if !e.head_prefix {
                    break;
                }
            }
        }
        best
    }

    /// Chooses among the entries a name may denote; `None` when none is acceptable here.
    /// `slot` says what the words before vouch for.
    fn resolve(&self, i: usize, m: &NameMatch<'_>, slot: Slot) -> Option<(u32, AliasForm)> {
        let single = m.end - i == 1;
        // A declined word is an adjective ("أميركياً") or an ordinary word, not a name.
        let nunated = single && self.nunated(i);
        // What the words around vouch for, worked out once for every candidate.
        let ev = Evidence {
            cue: i > 0 && self.cue_at(i - 1).is_some(),
            collision: if single { boundaries::collision(m.last) } else { None },
            bare: Cell::new(None),
            definite: Cell::new(None),
        };
        // Worked out at the first gazetteer place among the candidates: most names
        // have none, and these are word-frequency lookups.
        let mut place: Option<PlaceContext> = None;
        let mut best: Option<(f64, u32, AliasForm)> = None;
        for a in m.aliases {
            let e = self.kb.entry(a.entry);
            // "صربياً" is the nisba "صربي" declined, spelled like the name "صربيا".
            let nisba = e.kind == EntityKind::Country && m.last.ends_with("يا");
            if nunated && a.form != AliasForm::Adjective && !nisba {
                continue;
            }
            // After a place noun a name follows, not an adjective ("مدينة ماليه").
            if a.form == AliasForm::Adjective && (ev.cue || self.ends_in_maqsura(m.end - 1)) {
                // A nisba ends in ي: "اليمنى" (the right hand) is not "اليمني".
                continue;
            }
            if e.kind != EntityKind::Country && e.kind != EntityKind::Person {
                // "مسيرة" (a drone) is not "المسيرة" (a channel); "البلدين" is not "بلدين";
                // "بيت أبيض" is not "البيت الأبيض".
                let mismatch = a.article != m.article;
                // Curated names written bare are also written with the article.
                let tolerated = e.curated && !a.article;
                if mismatch && !tolerated {
                    continue;
                }
            }
            if single && !self.vouched(i, m, a, slot, &ev) {
                continue;
            }
            // A gazetteer capital admitted ranks above other places.
            let mut capital = false;
            if e.kind == EntityKind::Place && !e.curated {
                let pc = *place.get_or_insert_with(|| self.place_context(i, m));
                let PlaceContext { zipf, whole_common, last_short, cue, locative } = pc;
                // ف and ك rarely stand before a place's name; behind them, an imported
                // name is more often a piece of another word ("كانان" is not ك + "انان").
                let odd_clitic =
                    self.words[i].get(..m.prefix).is_some_and(|p| p.contains(['ف', 'ك']));
                if whole_common || last_short || odd_clitic {
                    continue;
                }
                // A capital is named so often that its name ranks with common words
                // (دمشق); only true function words are refused for it.
                let ok = zipf < RARE_ZIPF
                    || (e.capital && zipf < CAPITAL_ZIPF)
                    || (e.population >= BIG_CITY && zipf < FUNCTION_ZIPF)
                    || (locative && zipf < COMMON_ZIPF + 0.9)
                    || (cue && zipf < FUNCTION_ZIPF);
                if !ok || (self.far(e) && !self.far_vouched(i, m, e, &pc)) {
                    continue;
                }
                capital = e.capital;
            }
            // Scored only once admitted: the population's logarithm costs more than the
            // tests above.
            let mut score = match e.kind {
                EntityKind::Country => 100.0,
                _ if e.curated => 80.0,
                _ => 10.0 + (e.population as f64 + 1.0).log10() * 5.0,
            };
            if capital {
                score += 30.0;
            }
            if let Some(c) = &e.country {
                if self.countries.iter().any(|x| x == c) {
                    score += 50.0;
                }
            }
            if self.kb_out.contains_key(&a.entry) {
                score += 20.0;
            }
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, a.entry, a.form));
            }
        }
        best.map(|(_, e, f)| (e, f))
    }

    /// Whether a one-word name `m` at token `i`, read as alias `a`, is a name here and
    /// not the ordinary word it is spelled like.
    /// A place or country needs a locative word or a place noun before it, a place beside
    /// it, or a state body before it; a person a title or an earlier full mention; an
    /// organization an earlier full mention.
    fn vouched(&self, i: usize, m: &NameMatch<'_>, a: &Alias, slot: Slot, ev: &Evidence) -> bool {
        let e = self.kb.entry(a.entry);
        let collision = ev.collision;
        match e.kind {
            EntityKind::Country | EntityKind::Place => {
                // A state body vouches for its owner's adjective, not for a place.
                let owner = slot == Slot::Owner && e.kind == EntityKind::Country;
                // An adjective that is also an ordinary word ("المالي": financial) is
                // the country's only as the owner of a state body.
                // A bare name written with the article ("المالي" for "مالي") is one too.
                let adjective = a.form == AliasForm::Adjective || (m.article && !a.article);
                // "أعلنت مالي"، "طالبت مالي": a country's name as the subject of a verb of
                // saying or demanding, where the word it is spelled like ("مالي":
                // financial) cannot stand.
                let subject = e.kind == EntityKind::Country
                    && !adjective
                    && i > 0
                    && boundaries::is_person_cue(self.words[i - 1]);
                if collision == Some(true) || (collision.is_some() && adjective) {
                    return owner || ev.cue || subject;
                }
                // "من" starts too many phrases ("من طراز", "من سيول جارفة") to vouch for
                // a place; a country's own name after it is the country ("من مالي").
                let country_name = e.kind == EntityKind::Country && !adjective;
                let locative = i > 0
                    && boundaries::is_locative(self.words[i - 1])
                    && (self.words[i - 1] != "من" || country_name);
                if owner || ev.cue || locative || subject {
                    return true;
                }
                let ordinary = collision.is_some()
                    || (e.kind == EntityKind::Place
                        && !a.article
                        && ev.common(self.kb, m.last, false) >= COMMON_WORD);
                !ordinary || self.beside_place(i, m.end) || self.located_after(m.end)
            }
            EntityKind::Person => {
                let ordinary =
                    collision.is_some() || ev.common(self.kb, m.last, a.article) >= COMMON_WORD;
                !ordinary || slot == Slot::AfterTitle || self.kb_out.contains_key(&a.entry)
            }
            EntityKind::Org | EntityKind::Group => {
                collision.is_none() || self.kb_out.contains_key(&a.entry)
            }
        }
    }

    /// Whether a gazetteer place is far from everything else the article names: not a
    /// capital, in a country the article never names, and far from every place found so
    /// far. A name shared by towns the world over is then more likely another word, a
    /// person or a place of the article's own country that the gazetteer lacks.
    fn far(&self, e: &Entry) -> bool {
        if e.capital || e.country.as_ref().is_some_and(|c| self.countries.contains(c)) {
            return false;
        }
        let (Some(lat), Some(lon)) = (e.lat, e.lon) else { return true };
        !self.out.iter().any(|o| match (o.lat, o.lon) {
            (Some(a), Some(b)) => km_apart((lat, lon), (a, b)) < NEAR_KM,
            _ => false,
        })
    }

    /// Whether some entry a name may denote is a gazetteer place far from the article
    /// (see [`Recognizer::far`]).
    fn far_homonym(&self, m: &NameMatch<'_>) -> bool {
        m.aliases.iter().any(|a| {
            let e = self.kb.entry(a.entry);
            a.form == AliasForm::Name && e.kind == EntityKind::Place && !e.curated && self.far(e)
        })
    }

    /// The stronger evidence a far place needs (see [`Recognizer::far`]): the words after
    /// it place it ("X شمال ليبيا"); or, written whole or behind one proclitic letter,
    /// it is a city known without its country: named by a rare word where the article
    /// names no other country or after a preposition or place noun, or named by an
    /// ordinary word after a place noun in an article that names no country ("ميناء
    /// جدة"; "في مشهد" is "in a scene"); or a town large enough named by a rare word
    /// after a preposition. A place noun alone ("قرية X") says a place follows, not
    /// which of the homonyms it is.
    fn far_vouched(&self, i: usize, m: &NameMatch<'_>, e: &Entry, pc: &PlaceContext) -> bool {
        if self.located_after(m.end) {
            return true;
        }
        // One Arabic letter is two bytes: "بX", "وX", not a longer run of clitics
        // ("والي" + X) that leaves a piece of another word.
        if m.prefix > 2 {
            return false;
        }
        let big = e.population >= BIG_CITY;
        let alone = self.countries.is_empty();
        // A city named by a word a little common ("كراتشي" in the news) after a preposition
        // is the city; a frequent word ("في مشهد": in a scene) needs a place noun.
        if pc.zipf >= RARE_ZIPF {
            return big && alone && (pc.cue || (pc.locative && pc.zipf < COMMON_ZIPF));
        }
        let preposition = i > 0 && boundaries::is_locative(self.words[i - 1]);
        (big && (alone || pc.locative)) || (preposition && e.population >= NEAR_ENOUGH)
    }

    /// The words after a name at `end` place it in a larger one: "جنين في الضفة
    /// الغربية", "X شمال سوريا".
    fn located_after(&self, end: usize) -> bool {
        let Some(&w) = self.words.get(end) else { return false };
        let names_place = |t: usize| {
            self.match_name(t).is_some_and(|m| {
                m.aliases.iter().any(|a| {
                    a.form == AliasForm::Name
                        && matches!(
                            self.kb.entry(a.entry).kind,
                            EntityKind::Place | EntityKind::Country
                        )
                })
            })
        };
        self.is_word(end)
            && boundaries::is_locative(w)
            && w != "من"
            && (names_place(end + 1) || (self.is_word(end + 1) && names_place(end + 2)))
    }

    /// Whether the original writes token `i` with nunation (ـًا ـٌ ـٍ): an indefinite
    /// noun or adjective declined in a sentence ("تاماً": complete, "أميركياً"), which
    /// no name is (foreign names are not declined, and news text does not vowel Arabic
    /// ones).
    fn nunated(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let (start, end) = self.view.to_original(t.nstart as usize, t.nend as usize);
        // The mark may follow the last letter the token keeps ("تاماً").
        (start..=end)
            .any(|cp| self.text.char_at(cp).is_some_and(|c| ('\u{64B}'..='\u{64D}').contains(&c)))
    }

    /// Whether the original spells token `i` with a final ى (alif maqsura).
    fn ends_in_maqsura(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let end = self.view.to_original(t.nstart as usize, t.nend as usize).1;
        end > 0 && self.text.char_at(end - 1) == Some('ى')
    }

    /// A place or country is named right before token `i` or right after the name
    /// ending at `end`, joined to it by و ("قنديل ومتينا"): places are listed together.
    fn beside_place(&self, i: usize, end: usize) -> bool {
        // The neighbour must itself read as a name, not as a frequent word spelled like
        // one ("العجز مالي وليس إداريا": ليس is no place).
        let names_place = |t: usize| {
            self.match_name(t).is_some_and(|m| {
                self.zipf_at(m.end - 1, m.last) < COMMON_ZIPF
                    && m.aliases.iter().any(|a| {
                        matches!(
                            self.kb.entry(a.entry).kind,
                            EntityKind::Place | EntityKind::Country
                        ) && a.form == AliasForm::Name
                    })
            })
        };
        let joined = |t: usize| self.is_word(t) && self.words[t].starts_with('و');
        (i > 0 && joined(i) && names_place(i - 1)) || (joined(end) && names_place(end))
    }

    /// The words around name `m` at token `i`, as they bear on a gazetteer place.
    fn place_context(&self, i: usize, m: &NameMatch<'_>) -> PlaceContext {
        let single = m.end - i == 1;
        let last = m.last;
        let last_zipf = || self.zipf_at(m.end - 1, last);
        let zipf = if single { last_zipf() } else { 0.0 };
        // A reading that strips a clitic off a word that is itself common ("كبيرا" is not
        // ك + "بيرا") is only trusted for names that are not places from the gazetteer.
        let whole = self.zipf_at(i, self.words[i]);
        let whole_common = m.prefix > 0 && whole >= RARE_ZIPF && whole > last_zipf();
        let prev = if i > 0 { self.words[i - 1] } else { "" };
        let cue = i > 0 && self.place_cue(i - 1);
        let locative = cue || boundaries::is_locative(prev);
        let last_short = last.chars().nth(2).is_none();
        PlaceContext { zipf, whole_common, last_short, cue, locative }
    }

    fn add_entry_mention(&mut self, entry: u32, span: Span) -> usize {
        let e: &Entry = self.kb.entry(entry);
        if e.kind == EntityKind::Country && !self.countries.contains(&e.id) {
            self.countries.push(e.id.clone());
        }
        // A known entity is usually named again and again: add the mention without
        // building the entity anew.
        if let Some(&idx) = self.kb_out.get(&entry) {
            self.push_mention(idx, span);
            return idx;
        }
        let made = Entity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            name_ar: Some(e.name_ar.clone()),
            country: e.country.clone(),
            role: e.role.clone(),
            lat: e.lat,
            lon: e.lon,
            mentions: Vec::new(),
        };
        // Not in `kb_out`, so its id is not in `by_id` either.
        let idx = self.out.len();
        self.kb_out.insert(entry, idx);
        self.by_id.insert(made.id.clone(), idx);
        self.out.push(made);
        self.push_mention(idx, span);
        idx
    }

    fn add(&mut self, target: Target, span: Span) -> usize {
        let ent = match target {
            Target::Made(e) => e,
            Target::Kb(i) => return self.add_entry_mention(i, span),
        };
        let idx = match self.by_id.get(&ent.id) {
            Some(&k) => k,
            None => {
                let k = self.out.len();
                if let Some(entry) = self.kb.index_of(&ent.id) {
                    self.kb_out.insert(entry, k);
                }
                self.by_id.insert(ent.id.clone(), k);
                self.out.push(ent);
                k
            }
        };
        self.push_mention(idx, span);
        idx
    }

    fn push_mention(&mut self, idx: usize, span: Span) {
        let m = &mut self.out[idx].mentions;
        if !m.iter().any(|x| x.start == span.start && x.end == span.end) {
            m.push(span);
        }
    }

    fn cover(&mut self, i: usize, j: usize) {
        for c in &mut self.covered[i..j.min(self.tokens.len())] {
            *c = true;
        }
    }

    fn run(&mut self) {
        // One buffer for the skeletons of loose names.
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            // Most words start no head and no loose name: the tables say so here, before
            // calls that cost more than the test.
            let head = self.match_head(i).is_some();
            if head && self.adjective_head(i) {
                i += 1;
                continue;
            }
            if let Some(j) = head.then(|| self.try_head(i)).flatten() {
                i = j;
                continue;
            }
            if let Some(m) = self.match_name(i) {
                if let Some((entry, _)) = self.resolve(i, &m, Slot::Free) {
                    let span = self.span(i, m.end, m.prefix);
                    self.add(Target::Kb(entry), span);
                    let kind = self.kb.entry(entry).kind;
                    if matches!(kind, EntityKind::Org | EntityKind::Group) {
                        self.inner_countries(i + 1, m.end);
                    }
                    self.cover(i, m.end);
                    i = m.end;
                    if kind == EntityKind::Place {
                        i = self.list_after(i, boundaries::CueClass::Settlement);
                    }
                    continue;
                }
            }
            if let Some(j) = self.try_open(i) {
                i = j;
                continue;
            }
            let loose = self.open_flags.get(i).is_some_and(|f| f & open::LOOSE != 0);
            if let Some(j) = loose.then(|| self.try_loose(i, &mut key)).flatten() {
                i = j;
                continue;
            }
            let rare = self.open_flags.get(i).is_some_and(|f| f & open::RARE != 0);
            if let Some(j) = rare.then(|| self.try_run_together(i, &mut key)).flatten() {
                i = j;
                continue;
            }
            i += 1;
        }
        self.link_short_mentions();
    }

    /// A transliterated name spelled differently from the knowledge base.
    fn try_loose(&mut self, i: usize, key: &mut String) -> Option<usize> {
        if self.open_flags.get(i).is_none_or(|f| f & open::LOOSE == 0) {
            return None;
        }
        let kb = self.kb;
        // A word that is a proclitic and an ordinary word ("بكبار", "بالقوانين") is that;
        // so is one of the less frequent ordinary words ("برهانا").
        if self.first_keys(i).iter().any(|f| too_common(f.entry))
            || boundaries::low_zipf(self.words[i]) > 0.0
        {
            return None;
        }
        let mut best = None;
        for &First { prefix, key: first, article, entry, .. } in self.first_keys(i) {
            // Transliterated names do not take the article; "البلدين" is a noun.
            if article || too_common(entry) || first.chars().count() < 5 {
                continue;
            }
            key.clear();
            keys::push_word_skeleton(first, key);
            // No loose name starts so: none can match.
            if !kb.may_start_fuzzy(key) {
                continue;
            }
            let mut j = i + 1;
            loop {
                let hits = kb.lookup_fuzzy(key);
                // A large imported city only for a long word: short skeletons collide;
                // and a curated name of any length first ("ناجورنو قرة باغ").
                let long = first.chars().count() >= LOOSE_CITY_LETTERS;
                let city = |a: &&Alias| long && kb.entry(a.entry).kind == EntityKind::Place;
                if let Some(a) = hits.iter().find(|a| kb.entry(a.entry).curated) {
                    best = Some((j, prefix, a.entry));
                } else if let Some(a) = hits.iter().find(city).filter(|_| best.is_none()) {
                    best = Some((j, prefix, a.entry));
                }
                if j - i >= 3
                    || !self.is_word(j)
                    || self.zipf_at(j, keys::word_key(self.words[j])) > RARE_ZIPF
                {
                    break;
                }
                key.push(' ');
                keys::push_word_skeleton(keys::word_key(self.words[j]), key);
                j += 1;
            }
            if best.is_some() {
                break;
            }
        }
        let (j, prefix, entry) = best?;
        let span = self.span(i, j, prefix);
        self.add(Target::Kb(entry), span);
        self.cover(i, j);
        Some(j)
    }

    /// Matches an owner right after a head: a country adjective, "في" + a place or
    /// country, or a name in construct. Returns the owner entry and the token after it.
    /// A head written with the article takes no name in construct: "أمام البرلمان مجلس
    /// الأمن" is two phrases, not the Security Council's parliament.
    fn owner_at(&mut self, j: usize, definite_head: bool) -> Option<(u32, usize)> {
        if j >= self.tokens.len() {
            return None;
        }
        if self.words[j] == "في" {
            if let Some(m) = self.match_name(j + 1) {
                if let Some((e, _)) = self.resolve(j + 1, &m, Slot::Free) {
                    let k = self.kb.entry(e).kind;
                    if matches!(k, EntityKind::Country | EntityKind::Place) {
                        let span = self.span(j + 1, m.end, m.prefix);
                        self.add(Target::Kb(e), span);
                        return Some((e, m.end));
                    }
                }
            }
            if self.is_word(j + 1)
                && boundaries::is_region_anaphor(keys::word_key(self.words[j + 1]))
            {
                if let Some(e) = self.last_region() {
                    return Some((e, j + 2));
                }
            }
            return None;
        }
        let Some(m) = self.match_name(j) else {
            // "هيئة الأركان العامة للقوات المسلحة المالية": owned through another body,
            // itself owned by the state.
            let (after, prefix, heads) = self.match_head(j)?;
            let institution = matches!(heads.first(), Some(HeadRef::Institution { .. }));
            let genitive = prefix > 0 || self.words[j].starts_with("لل");
            return (institution && genitive).then(|| self.owner_at(after, false)).flatten();
        };
        // An owner after a definite head agrees with it, article and all ("الرئاسة السورية").
        if definite_head && m.prefix == 0 && !m.article {
            return None;
        }
        let (e, _) = self.resolve(j, &m, Slot::Owner)?;
        let entry = self.kb.entry(e);
        if !matches!(entry.kind, EntityKind::Country | EntityKind::Place | EntityKind::Org) {
            return None;
        }
        let span = self.span(j, m.end, m.prefix);
        self.add(Target::Kb(e), span);
        Some((e, m.end))
    }

    /// Adds the institution `index` of owner `o` with a mention `span`.
    fn emit_institution(&mut self, index: u32, o: u32, span: Span) {
        // Borrowed from the knowledge base, not from `self`.
        let kb = self.kb;
        let inst = kb.institution(index);
        // A city's own body ("بلدية موسكو") is the city's, not its state's.
        let local = inst.name_en_pattern.contains("{place}");
        let owner = kb.entry(if local { o } else { self.capital_to_country(o) });
        let state = owner.institution_state().map(str::to_string);
        self.last_state = state.clone();
        // A state's army, forces, authorities and government are the state itself, named
        // already by its owner word; a region's own government ("حكومة إقليم كردستان")
        // is a body of its own.
        if inst.kind == EntityKind::Country && !is_region(owner) {
            return;
        }
        // The data's own name for this owner's institution, else for its state's.
        let named = kb
            .owned_institution(o, index)
            .or_else(|| state.as_deref().and_then(|c| kb.named_institution(c, index)));
        if let Some(named) = named {
            self.add(Target::Kb(named), span);
            return;
        }
        let slug = owner.id.trim_start_matches("place:").trim_start_matches("org:").to_lowercase();
        let (kind_prefix, kind) = match inst.kind {
            EntityKind::Group => ("group", EntityKind::Group),
            _ => ("org", EntityKind::Org),
        };
        let id = format!("{kind_prefix}:{slug}-{}", inst.key);
        // Named again: only the mention is new (the entity is built the first time).
        if let Some(&idx) = self.by_id.get(&id) {
            self.push_mention(idx, span);
            return;
        }
        let owner_name = owner.name.as_deref().unwrap_or(&owner.name_ar);
        let ent = Entity {
            id,
            kind,
            name: Some(
                inst.name_en_pattern
                    .replace("{country}", owner_name)
                    .replace("{place}", owner_name),
            ),
            // Canonical, not the mention: the first mention may be a dual or a construct
            // that names other owners too ("وزارتي دفاع البلدين").
            name_ar: Some(format!("{} في {}", inst.head_ar, owner.name_ar)),
            country: state,
            role: None,
            lat: None,
            lon: None,
            mentions: Vec::new(),
        };
        self.add(Target::Made(ent), span);
    }

    /// Country adjectives inside a named body ("الجيش السوداني") also name the country.
    fn inner_countries(&mut self, from: usize, to: usize) {
        for t in from..to {
            let k = self.whole_key(t);
            let hit = self.kb.lookup(k).iter().find(|a| {
                a.form == AliasForm::Adjective && self.kb.entry(a.entry).kind == EntityKind::Country
            });
            if let Some(a) = hit.copied() {
                let span = self.span(t, t + 1, 0);
                self.add(Target::Kb(a.entry), span);
            }
        }
    }

    /// A capital standing for its state ("الخارجية بواشنطن" is the US ministry).
    fn capital_to_country(&self, e: u32) -> u32 {
        let entry = self.kb.entry(e);
        if entry.capital {
            if let Some(c) = entry.country.as_deref().and_then(|c| self.kb.index_of(c)) {
                return c;
            }
        }
        e
    }

    fn last_region(&self) -> Option<u32> {
        self.out.iter().rev().find_map(|e| {
            let i = self.kb.index_of(&e.id)?;
            let entry = self.kb.entry(i);
            let region = entry.kind == EntityKind::Place
                && entry.place_kind.as_deref().is_some_and(|k| matches!(k, "region" | "territory"));
            region.then_some(i)
        })
    }

    /// Handles an institution or title at token `i`; returns the token after it.
    fn try_head(&mut self, i: usize) -> Option<usize> {
        let (j, prefix, heads) = self.match_head(i)?;
        let head = *heads.first()?;
        // A known name that is longer than the head wins ("مجلس الأمن الدولي").
        if let Some(m) = self.match_name(i) {
            if m.end > j && self.resolve(i, &m, Slot::Free).is_some() {
                return None;
            }
        }
        match head {
            HeadRef::Institution { index, dual } => self.institution(i, j, prefix, index, dual),
            HeadRef::Title { index, dual } => Some(self.title(i, j, prefix, index, dual)),
        }
    }

    /// Whether the one-word institution head at token `i` qualifies the definite common
    /// noun before it as an adjective: "البعثة الدبلوماسية السودانية" is Sudan's mission
    /// and "السياسة الخارجية الأميركية" a policy; neither names a ministry, nor does a
    /// known name built on the head.
    fn adjective_head(&self, i: usize) -> bool {
        let Some((j, prefix, heads)) = self.match_head(i) else {
            return false;
        };
        let institution = matches!(heads.first(), Some(HeadRef::Institution { .. }));
        if !institution || j - i != 1 || prefix != 0 || i == 0 {
            return false;
        }
        // Left to right, a name before is covered by now.
        if !self.is_word(i - 1) || self.covered.get(i - 1).copied().unwrap_or(true) {
            return false;
        }
        let w = self.words[i - 1];
        let bare = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        self.words[i].starts_with("ال")
            && bare.starts_with("ال")
            && self.match_head(i - 1).is_none()
    }

    /// Owners after a head: one, or for a dual head, several joined by و.
    fn owners(&mut self, j: usize, dual: bool, definite_head: bool) -> (Vec<u32>, usize) {
        let mut owners = Vec::new();
        let mut k = j;
        if let Some((e, next)) = self.owner_at(k, definite_head) {
            owners.push(e);
            k = next;
            while dual && self.is_word(k) {
                let w = self.words[k];
                if !(w.starts_with('و') && w.chars().count() > 2) {
                    break;
                }
                match self.owner_at(k, false) {
                    Some((e, next)) => {
                        owners.push(e);
                        k = next;
                    }
                    None => break,
                }
            }
        }
        (owners, k)
    }

    fn institution(
        &mut self,
        i: usize,
        j: usize,
        prefix: usize,
        index: u32,
        dual: bool,
    ) -> Option<usize> {
        let kb = self.kb;
        let inst = kb.institution(index);
        let definite = self.written_definite(i, prefix);
        let (mut owners, mut k) = self.owners(j, dual, definite);
        // "هيئة الأركان المشتركة الكورية الجنوبية": a qualifier of the institution may
        // stand between it and its state's adjective.
        if owners.is_empty() && self.institution_qualifier(j) {
            let (after, end) = self.owners(j + 1, dual, true);
            if after.iter().all(|&o| self.kb.entry(o).kind == EntityKind::Country) {
                (owners, k) = (after, end);
            }
        }
        // "مكتب رئيس الوزراء بنيامين نتنياهو": the office-holder named after it gives
        // its state, and is left to be matched as a person.
        // Not "برئاسة X" (headed by X): a head of one word behind a preposition.
        let office = j - i >= 2 && prefix == 0;
        if let Some(state) = (owners.is_empty() && office).then(|| self.holder_state(j)).flatten() {
            owners.push(state);
            k = j;
        }
        if owners.is_empty() {
            // An institution named without its state refers back to the one named before;
            // a one-word head ("الدفاع") is too vague to do so, and one owned by what is
            // no state ("وزارة الصحة في حكومة الحوثيين") is not that one.
            if j - i < 2 || self.words.get(j) == Some(&"في") {
                return None;
            }
            let span = self.span(i, j, prefix);
            let suffix = format!("-{}", inst.key);
            let Some(prior) = self.out.iter().rposition(|e| e.id.ends_with(&suffix)) else {
                // The first mention: the state the article is about, once it is known.
                if !inst.implicit {
                    return None;
                }
                self.pending_institution(index, span);
                self.cover(i, j);
                return Some(j);
            };
            // The mention goes to that entity (its id is its own in `by_id`).
            self.last_state = self.out[prior].country.clone();
            self.push_mention(prior, span);
            self.cover(i, j);
            return Some(j);
        }
        let span = self.span(i, k, prefix);
        for o in owners {
            self.emit_institution(index, o, span.clone());
        }
        self.cover(i, k);
        Some(k)
    }

    /// Whether word `i`, read from byte `prefix` on, carries the article ("البرلمان",
    /// "للجيش").
    fn written_definite(&self, i: usize, prefix: usize) -> bool {
        let w = self.words[i];
        w.get(prefix..).is_some_and(|s| s.starts_with("ال")) || w.starts_with("لل")
    }

    /// Whether word `j` after an institution's head is a definite common word that may
    /// qualify it ("المشتركة", "العليا"): no name, no title, and not shaped like a
    /// state's adjective the knowledge base lacks ("وزارة الخارجية الغيانية").
    fn institution_qualifier(&self, j: usize) -> bool {
        self.is_word(j)
            && self.words[j].starts_with("ال")
            && !["ي", "يه"].iter().any(|e| self.words[j].ends_with(e))
            && self.match_name(j).is_none()
            && self.match_head(j).is_none()
            && !self.covered.get(j).copied().unwrap_or(true)
    }

    /// The state of a known person named at token `j` (an office's holder after it).
    fn holder_state(&self, j: usize) -> Option<u32> {
        let m = self.match_name(j)?;
        let (e, _) = self.resolve(j, &m, Slot::AfterTitle)?;
        let e = self.kb.entry(e);
        (e.kind == EntityKind::Person).then_some(())?;
        self.kb.index_of(e.country.as_deref()?)
    }

    /// An institution named without its state and not before ("وزارة الصحة العامة"):
    /// kept aside until the article's state is known (see `Recognizer::settle_pending`).
    fn pending_institution(&mut self, index: u32, span: Span) {
        let inst = self.kb.institution(index);
        let ent = Entity {
            id: format!("pending:-{}", inst.key),
            kind: EntityKind::Org,
            name: None,
            name_ar: Some(span.text.clone()),
            country: None,
            role: None,
            lat: None,
            lon: None,
            mentions: Vec::new(),
        };
        let idx = self.add(Target::Made(ent), span);
        self.pending.push((idx, index));
    }

    fn title(&mut self, i: usize, j: usize, prefix: usize, index: u32, dual: bool) -> usize {
        let kb = self.kb;
        let title = kb.title(index);
        // "المبعوث الأممي", "الأمين العام للأمم المتحدة": a title that names its body
        // mentions it, as a country's adjective does the country.
        if let Some(body) = title.body.as_deref().and_then(|b| kb.index_of(b)) {
            let span = self.span(i, j, prefix);
            self.add(Target::Kb(body), span);
        }
        let mut k = j;
        let mut state: Option<String> = None;
        // The place or country after the title, which owns an institution the title
        // is built on ("رئيس حكومة إقليم X" heads X's government).
        let mut owner: Option<u32> = None;
        let mut continue_after_place = false;
        // "الناطقة باسم وزارة الخارجية الروسية", "الأمين العام لمجلس الأمن الأرمني": the
        // title belongs to an institution, whose state is the person's.
        let on_behalf = k < self.tokens.len() && keys::word_key(self.words[k]) == "باسم";
        if on_behalf {
            k += 1;
        }
        let institution_follows = self
            .match_head(k)
            .is_some_and(|(_, _, h)| matches!(h.first(), Some(HeadRef::Institution { .. })));
        self.last_state = None;
        // "الناطق باسم قوات الدعم السريع": a known body longer than the institution's
        // head is the owner, as after "باسم" alone.
        let head_after = if institution_follows { self.try_head(k) } else { None };
        // A title that names a body ("الناطق باسم", "قائد") takes any known body after
        // it, a group too, as a title followed by "باسم" does.
        let body_title = on_behalf || title.needs_owner;
        let named_body = body_title
            && self.match_name(k).is_some_and(|m| {
                self.resolve(k, &m, Slot::Owner).is_some_and(|(e, _)| {
                    matches!(self.kb.entry(e).kind, EntityKind::Group | EntityKind::Org)
                })
            });
        if let Some(after) = head_after {
            state = self.last_state.take();
            k = after;
        } else if on_behalf || named_body {
            if let Some(m) = self.match_name(k) {
                if let Some((e, _)) = self.resolve(k, &m, Slot::Owner) {
                    let span = self.span(k, m.end, m.prefix);
                    self.add(Target::Kb(e), span);
                    state = self.kb.entry(e).country.clone();
                    k = m.end;
                }
            }
        } else {
            let (owners, after) = self.owners(k, dual, false);
            if let Some(&o) = owners.first() {
                let e = self.kb.entry(o);
                owner = matches!(e.kind, EntityKind::Place | EntityKind::Country).then_some(o);
                state = if e.kind == EntityKind::Country {
                    Some(e.id.clone())
                } else {
                    e.country.clone()
                };
            } else if let Some(end) = self.try_cue_place(k) {
                // "رئيس بلدية مدينة كوندوز X": the office's place, named with its noun,
                // comes before the name.
                state = self.out.iter().rev().find_map(|e| {
                    (e.kind == EntityKind::Place).then(|| e.country.clone()).flatten()
                });
                k = end;
                continue_after_place = true;
            }
            if !continue_after_place {
                k = after;
            }
        }
        // "رئيس البرلمان التركي": a title built on an institution names it too.
        if let Some(c) = owner.or_else(|| state.as_deref().and_then(|c| self.kb.index_of(c))) {
            let mut key = String::with_capacity(64);
            for s in i + 1..j {
                key.clear();
                for t in s..j {
                    if t > s {
                        key.push(' ');
                    }
                    key.push_str(self.whole_key(t));
                }
                let Some(HeadRef::Institution { index, .. }) = kb.lookup_head(&key).first() else {
                    continue;
                };
                // Only the institution's own head ("البرلمان"), not a shorthand that
                // titles reuse ("وزير الخارجية" is a minister, not a ministry).
                if kb.institution_head_key(*index) == key {
                    let span = self.span(s, k, 0);
                    self.emit_institution(*index, c, span);
                    break;
                }
            }
        }
        if dual {
            return k;
        }
        self.title_holder(k, state, &title.role_en)
    }

    /// The person a title names, from token `k` after the title and its owner: known
    /// or new, with the owner's state and the title's role. Returns the token after
    /// them, or `k` when no one is named.
    fn title_holder(&mut self, k: usize, state: Option<String>, role: &str) -> usize {
        // Skip definite nouns and adjectives still describing the office ("قائد الشرطة
        // المحلية حامد ..."): names rarely start with the article unless rare.
        // So are genitives ("الزعيم التاريخي للحزب X") and adverbs ("آنذاك").
        let mut skip = k;
        while skip < k + 3 && self.is_word(skip) {
            // A rank between the office and the name ("رئيس المجلس الفريق أول X") is a
            // second title of the same person: the name comes after all of it.
            if let Some(end) = self.rank_title_end(skip) {
                skip = end;
            } else if self.describes_office(skip) || boundaries::is_title_tail(self.words[skip]) {
                skip += 1;
            } else {
                break;
            }
        }
        let k = skip;
        // Skip a quote mark opening the name.
        let mut n = k;
        if n < self.tokens.len()
            && self.tokens[n].kind == TokenKind::Punct
            && matches!(self.words[n], "\"" | "'")
        {
            n += 1;
        }
        if let Some(m) = self.match_name(n) {
            if let Some((e, _)) = self.resolve(n, &m, Slot::AfterTitle) {
                let entry = self.kb.entry(e);
                // "الرئيس بول بيا": after a person's title, a one-word name of a town or
                // an agency that goes on with more name words is a person's first name.
                let first_name = entry.kind != EntityKind::Person
                    && m.end == n + 1
                    && self.one_word_name_part(e)
                    && self.name_run(n) >= n + 2;
                if first_name {
                    return self.title_open_person(k, n, state, role);
                }
                if entry.kind == EntityKind::Person {
                    let span = self.span(n, m.end, m.prefix);
                    let idx = self.add(Target::Kb(e), span);
                    if self.out[idx].role.is_none() {
                        self.out[idx].role = Some(role.to_string());
                    }
                    self.cover(n, m.end);
                    return m.end;
                }
                return k;
            }
        }
        self.title_open_person(k, n, state, role)
    }

    /// A person the knowledge base lacks, named from token `n` after a title that ends
    /// at `k`; returns the token after the name, or `k` when no name follows.
    fn title_open_person(
        &mut self,
        k: usize,
        n: usize,
        state: Option<String>,
        role: &str,
    ) -> usize {
        let end = self.name_run(n);
        // "ألقى الرئيس خطابا": a common noun with the accusative's alef is an object.
        let object = self.words.get(n).is_some_and(|w| {
            w.strip_suffix('ا').is_some_and(|bare| self.word_zipf_at(n, bare) >= COMMON_ZIPF)
        });
        // "ترأس الوزير اجتماعا طارئا": ordinary words after a title are no name, nor
        // are their duals and plurals ("أجرى الرئيس اتصالين هاتفيين").
        // Only the oblique and plural endings: an object after a title is oblique, and
        // many names end in ان ("عرفان", "عثمان").
        let common_plural = end > n
            && !boundaries::is_name_word(self.words[n])
            && !self.words[n].ends_with("ان")
            && self.inflects_common(n);
        let named = !object
            && !common_plural
            && (n..end).any(|t| {
                boundaries::is_name_word(self.words[t])
                    || (self.word_zipf_at(t, keys::word_key(self.words[t])) < open::NAME_ZIPF
                        && !self.inflects_common(t))
            });
        if end >= n + 2 && named {
            self.new_person(n, end, state, Some(role.to_string()));
            return end;
        }
        k
    }

    /// The token after a rank written at `k` on its own ("الفريق أول", "العميد"; not
    /// "والعميد", another person), if one is.
    fn rank_title_end(&self, k: usize) -> Option<usize> {
        let (end, prefix, refs) = self.match_head(k)?;
        let rank = refs
            .iter()
            .any(|r| matches!(r, HeadRef::Title { index, .. } if self.kb.title(*index).rank));
        (prefix == 0 && rank).then_some(end)
    }

    /// Adds a person the knowledge base lacks, named by tokens `[n, end)`, and notes the
    /// full name and the surname for later short mentions.
    fn new_person(&mut self, n: usize, end: usize, country: Option<String>, role: Option<String>) {
        let span = self.span(n, end, 0);
        let key = keys::key(&span.text);
        let idx = self.new_entity_keyed(EntityKind::Person, &key, span, country);
        let id = self.out[idx].id.clone();
        if self.out[idx].role.is_none() {
            self.out[idx].role = role;
        }
        self.cover(n, end);
        self.doc_names.insert(key.clone(), id.clone());
        if let Some(last) = key.rsplit(' ').next() {
            if last.chars().count() >= 3 && self.kb.zipf(last) < COMMON_ZIPF {
                self.doc_names.insert(last.to_string(), id);
            }
        }
    }

    /// A definite common word after a title that still describes the office, not a
    /// name: "المحلية", "للحزب".
    fn describes_office(&self, k: usize) -> bool {
        let w = self.words[k];
        // "وزير خارجيتها X": a noun with a possessive pronoun still names the office.
        let possessed = ["ها", "هم", "هما"].iter().any(|p| w.ends_with(p))
            && w.chars().count() > 4
            && !boundaries::is_name_word(w);
        if possessed && self.match_name(k).is_none() {
            return true;
        }
        let definite = w.starts_with("ال") || w.starts_with("لل");
        // "الفاتح قرشي": a name may start with the article when it is a name word and
        // a name goes on after it.
        let name_start = boundaries::is_name_word(keys::word_key(w))
            && self.words.get(k + 1).is_some_and(|n| boundaries::is_name_word(n))
            // A known full name after it makes it an honorific ("الشيخ محمد بن ...").
            && self.match_name(k + 1).is_none_or(|m| m.end == k + 2);
        definite
            && !name_start
            && self.word_zipf_at(k, keys::word_key(w)) >= open::NAME_ZIPF
            && !boundaries::is_boundary(w)
            && self.match_name(k).is_none()
    }

    /// The end of a run of name-like words starting at `n`.
    fn name_run(&self, n: usize) -> usize {
        let mut end = n;
        while end < self.tokens.len() && end - n < MAX_NAME_WORDS + 1 {
            if self.tokens[end].kind != TokenKind::Arabic {
                break;
            }
            let w = self.words[end];
            // "علي" (Ali) folds like "على" (on): the text's final ي tells the name.
            let name_not_particle = boundaries::is_maqsura_boundary(w)
                && !self.ends_in_maqsura(end)
                && boundaries::is_name_word(w);
            if boundaries::is_boundary(w) && !name_not_particle {
                break;
            }
            // "ونائب", "وبالأجهزة", "بالتراجع": a title or a phrase glued to a
            // conjunction, preposition or article ends the name.
            let phrase = ["لل", "بال", "وال", "فال", "كال"].iter().any(|p| w.starts_with(p));
            if phrase || self.match_head(end).is_some() {
                break;
            }
            if end > n && !boundaries::is_given_name(w) && self.glued(end) {
                break;
            }
            // A known entity other than a person ends the name, unless it is a small
            // imported place, more likely a name part spelled alike.
            if end > n {
                if let Some(m) = self.match_name(end) {
                    if let Some((e, _)) = self.resolve(end, &m, Slot::Free) {
                        // "محمدو سانا": a one-word name after a name word is its next part.
                        let part = m.end == end + 1
                            && self.one_word_name_part(e)
                            && boundaries::is_name_word(self.words[end - 1]);
                        if self.kb.entry(e).kind != EntityKind::Person
                            && !self.weak_place(e)
                            && !part
                        {
                            break;
                        }
                    }
                }
                // Common words after the first name are not part of it, unless they are
                // names or particles ("عمر", "بن", "خان").
                if !boundaries::is_name_word(w)
                    && self.zipf_at(end, keys::word_key(w)) > COMMON_ZIPF + 0.6
                {
                    break;
                }
            }
            end += 1;
        }
        if end - n > MAX_NAME_WORDS {
            end = n + MAX_NAME_WORDS;
        }
        end
    }

    /// An entry whose one-word name may as well be part of a person's name: a place
    /// that is no country or capital, or an organization (an agency's short name).
    fn one_word_name_part(&self, e: u32) -> bool {
        let e = self.kb.entry(e);
        match e.kind {
            EntityKind::Place => !e.capital,
            EntityKind::Org => true,
            _ => false,
        }
    }

    /// A bulk-imported place that is no capital: a name spelled like it is as likely.
    fn weak_place(&self, e: u32) -> bool {
        let e = self.kb.entry(e);
        e.kind == EntityKind::Place && !e.curated && !e.capital
    }

    /// Links names found in this document to their other, uncovered mentions.
    fn link_short_mentions(&mut self) {
        if self.doc_names.is_empty() {
            return;
        }
        let names = std::mem::take(&mut self.doc_names);
        let max = names.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        // Every name and every word-prefix of one, each asked once per key tried: a key
        // that starts no name ends the run.
        let mut keys_of: HashMap<&str, (Option<&str>, bool)> = HashMap::default();
        for (k, id) in &names {
            keys_of.entry(k.as_str()).or_default().0 = Some(id.as_str());
            for (at, _) in k.match_indices(' ') {
                keys_of.entry(&k[..at]).or_default().1 = true;
            }
        }
        // The hashes of the names' first words: most words start none, which a bit per
        // bucket of the hashes' top bits says at once.
        let mut first_hashes: Vec<u64> =
            keys_of.keys().map(|k| keys::key_hash(k.split(' ').next().unwrap_or(""))).collect();
        first_hashes.sort_unstable();
        first_hashes.dedup();
        let bucket = |hash: u64| 1u64 << (hash >> 58);
        let first_buckets = first_hashes.iter().fold(0, |m, &h| m | bucket(h));
        // One buffer for every token's candidate keys.
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < self.tokens.len() {
            if self.covered[i] || !self.is_word(i) {
                i += 1;
                continue;
            }
            let mut found = None;
            for &First { prefix, key: first, hash, .. } in self.first_keys(i) {
                if first_buckets & bucket(hash) == 0 || first_hashes.binary_search(&hash).is_err() {
                    continue;
                }
                key.clear();
                key.push_str(first);
                let mut j = i + 1;
                while let Some(&(id, more)) = keys_of.get(key.as_str()) {
                    if let Some(id) = id {
                        if found.as_ref().is_none_or(|(e, _, _)| j > *e) {
                            found = Some((j, prefix, id.to_string()));
                        }
                    }
                    if !more || j - i >= max || !self.is_word(j) || self.covered[j] {
                        break;
                    }
                    key.push(' ');
                    key.push_str(keys::word_key(self.words[j]));
                    j += 1;
                }
            }
            match found {
                Some((j, prefix, id)) => {
                    let span = self.span(i, j, prefix);
                    if let Some(&idx) = self.by_id.get(&id) {
                        self.push_mention(idx, span);
                    }
                    self.cover(i, j);
                    i = j;
                }
                None => i += 1,
            }
        }
    }

    fn finish(mut self) -> Vec<Entity> {
        self.settle_pending();
        self.fill_countries();
        for e in &mut self.out {
            e.mentions.sort_by_key(|m| (m.start, m.end));
        }
        self.out.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
        self.out
    }
}
