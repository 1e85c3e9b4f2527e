//! Open-world recognition: places the knowledge base has never seen, found from the
//! noun that announces them ("بلدة موندورو", "مطار الحديدة") and from the lists they
//! stand in ("قنديل ومتينا والزاب"). A new place gets the id `new:place:<key>` and, when
//! the text gives none, the country the article is about (see `Recognizer::fill_countries`).

use rasd_kb::{keys, EntityKind, HeadRef};
use rasd_model::{Entity, Span};
use rasd_text::TokenKind;

use crate::boundaries::{self, CueClass};
use crate::{Recognizer, Slot, Target};

/// Where a word stands in a new name, for [`Recognizer::rare_word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NamePos {
    /// First, right after a place noun.
    AfterCue,
    /// First, elsewhere.
    First,
    /// After the first.
    Inner,
    /// Alone after a locative, before a rare word joined by و ("في قنديل ومتينا").
    Listed,
}

/// A word this rare (Zipf) may be part of a name the knowledge base lacks.
pub(crate) const NAME_ZIPF: f32 = 2.3;
/// A word after a hyphen inside a name may be this common ("بيتيون-فيل").
const HYPHENED_ZIPF: f32 = 4.5;
/// A word this rare may start a new name right after a place noun ("منطقة سبين").
const FIRST_NAME_ZIPF: f32 = 3.0;
/// A word this rare may be a name alone after a locative when a rare word is listed
/// with it ("في قنديل ومتينا": قنديل is also a lamp).
const LISTED_NAME_ZIPF: f32 = 4.0;
/// A definite word this rare may name a facility after its noun ("مستشفى الشفاء").
const FACILITY_NAME_ZIPF: f32 = 4.2;
/// A word read behind a preposition (ب ل ك ف) is that word when it is this common
/// ("لحدود"); a rarer one may be a name that starts so ("بولدك").
const GLUED_ZIPF: f32 = 4.0;
/// A word of a person's name after a verb may be this common when another word of it is
/// a name word ("محمد سيداتي": سيداتي is also "my ladies"), as foreign given names in
/// the frequency list are ("باتريس").
const UNCOMMON_ZIPF: f32 = 3.5;
/// A word this common after a person's name, and no name word, ends it.
const ORDINARY_ZIPF: f32 = 3.6;
/// A name made only of words this common is more likely a phrase.
const COMMON_NAME_ZIPF: f32 = 4.5;
/// A word whose stem, without a plural or feminine ending, is this common is that word
/// declined, not part of a name.
const DECLINED_STEM_ZIPF: f32 = 3.5;
/// At most this many words make a new place's name.
const MAX_PLACE_WORDS: usize = 3;

/// [`flags`]: the word is a place noun.
pub(crate) const CUE: u8 = 1;
/// The word may be the head noun of a body.
pub(crate) const BODY: u8 = 2;
/// The word is a locative preposition.
pub(crate) const LOCATIVE: u8 = 4;
/// The word is a verb whose subject a person often is.
pub(crate) const PERSON_CUE: u8 = 8;
/// No reading of the word is known to the knowledge base (not even as a frequent word).
pub(crate) const RARE: u8 = 16;

/// A comma stands two to four tokens after the word (set by the recognizer's index, not
/// by [`flags`]): a name in apposition may start there.
pub(crate) const COMMA_AHEAD: u8 = 64;
/// [`flags`]: some reading may start a loose name (rare, long enough, without the
/// article; `Recognizer::try_loose` tries only those).
pub(crate) const LOOSE: u8 = 32;

/// The open-world steps that may start at a word (see `Recognizer::try_open`), and the
/// place noun it is (written without the article: a noun in construct, not "البلدة",
/// with the bytes of proclitics before it), from the word and its readings.
#[inline]
pub(crate) fn flags(
    lists: &boundaries::OpenLists,
    w: &str,
    readings: &[crate::First<'_>],
) -> (u8, Option<(CueClass, u8)>) {
    let (mut f, mut cue) = (0, None);
    // The verb itself or behind و/ف: readings with no preposition or article.
    let verb = |r: &crate::First<'_>| {
        !r.article && (r.prefix == 0 || (r.prefix == 2 && w.starts_with(['و', 'ف'])))
    };
    let mut known = false;
    for (n, r) in readings.iter().enumerate() {
        // Nearly every reading is in none of the lists.
        if lists.may_be_listed(r.hash) {
            // A locative is its first reading's key (a test of `boundaries` says so).
            if n == 0 && r.key.len() == w.len() && boundaries::is_locative(w) {
                f |= LOCATIVE;
            }
            if lists.body_head(r.key, r.hash) {
                f |= BODY;
            }
            if verb(r) && lists.person_cue(r.key, r.hash) {
                f |= PERSON_CUE;
            }
            if cue.is_none() && !r.article {
                cue = boundaries::cue_class_hashed(r.key, r.hash).map(|c| (c, r.prefix as u8));
            }
        }
        // As `try_loose` tests, but by bytes: five letters take five or more.
        if !r.article && !crate::too_common(r.entry) && r.key.len() >= 5 {
            f |= LOOSE;
        }
        known |= r.entry.is_some();
    }
    if cue.is_some() {
        f |= CUE;
    }
    if !readings.is_empty() && !known {
        f |= RARE;
    }
    (f, cue)
}

impl<'a> Recognizer<'a> {
    /// The open-world steps at token `i`, each tried only where its flag allows:
    /// a place after its noun, a body after its head, a place after a locative, a
    /// person after a verb or in apposition. Returns the token after what was found.
    pub(crate) fn try_open(&mut self, i: usize) -> Option<usize> {
        let f = self.open_flags.get(i).copied().unwrap_or(0);
        if f & CUE != 0 {
            if let Some(j) = self.try_cue_place(i) {
                return Some(j);
            }
        }
        if f & BODY != 0 {
            if let Some(j) = self.try_body(i) {
                return Some(j);
            }
        }
        if f & LOCATIVE != 0 {
            if let Some(j) = self.try_located_place(i) {
                return Some(j);
            }
        }
        if f & PERSON_CUE != 0 {
            if let Some(j) = self.try_subject_person(i) {
                return Some(j);
            }
        }
        self.try_apposition_person(i)
    }

    /// The class of the place noun at token `i`, written without the article (a noun in
    /// construct: "بلدة X", not "البلدة").
    pub(crate) fn cue_at(&self, i: usize) -> Option<CueClass> {
        self.cue_reading(i).map(|(class, _)| class)
    }

    /// The class of the place noun at token `i` and the bytes of proclitics before it
    /// ("ومطار": و).
    fn cue_reading(&self, i: usize) -> Option<(CueClass, usize)> {
        // Read once per token from its readings, without the article's (the noun is in
        // construct, not "البلدة").
        self.cues.get(i).copied().flatten().map(|(c, p)| (c, usize::from(p)))
    }

    /// A word that may be part of a new name at position `pos`: rare, not a function
    /// word, a title or a place noun, with no conjunction, preposition or article glued
    /// to it that would make it a phrase ("بالقرب", "والجيش", "لحدود").
    pub(crate) fn rare_word(&self, k: usize, pos: NamePos) -> bool {
        if !self.is_word(k) || self.tokens[k].kind != TokenKind::Arabic {
            return false;
        }
        let w = self.words[k];
        let key = keys::word_key(w);
        let definite = key.len() < w.len();
        // Only a name right after its place noun starts with the article ("الكركرات").
        let article_ok = pos == NamePos::AfterCue && w.starts_with("ال");
        if (definite && !article_ok) || key.chars().count() < 3 {
            return false;
        }
        // The first word after a place noun may be a little more common, as names in the
        // frequency list are ("سبين"), unless it ends in ة like the adjectives that
        // agree with the noun ("منطقة رخوة").
        let limit = match pos {
            NamePos::AfterCue if !definite && !key.ends_with('ه') => FIRST_NAME_ZIPF,
            NamePos::Listed if !key.ends_with('ه') => LISTED_NAME_ZIPF,
            _ => NAME_ZIPF,
        };
        // Most words are too common, which the frequencies read off the word's readings
        // say before the lists are asked.
        if self.word_zipf_at(k, key) >= limit || self.word_zipf_at(k, w) >= limit {
            return false;
        }
        if boundaries::is_boundary(w) || self.match_head(k).is_some() || self.cue_at(k).is_some() {
            return false;
        }
        // "أوقعت" after a name is a verb: names go on with no hamza-initial word, and
        // "وإنيدي" starts another name.
        if pos == NamePos::Inner
            && (self.hamza_at(k, 0) || w.starts_with('و') || self.declined_common(k, key))
        {
            return false;
        }
        !self.glued(k)
    }

    /// Whether `key` (of token `k`) is a common word with a plural or feminine ending:
    /// "مهجورين" (abandoned) is rare only as a form of "مهجور", and agrees with the names
    /// before it ("X وY مهجورين") rather than continuing one.
    fn declined_common(&self, k: usize, key: &str) -> bool {
        ["ين", "ون", "ات", "ه"].iter().any(|suffix| {
            key.strip_suffix(suffix).is_some_and(|stem| {
                stem.chars().nth(2).is_some() && self.zipf_at(k, stem) >= DECLINED_STEM_ZIPF
            })
        })
    }

    /// How common a normalized word read off token `k` is (its key, the word itself, the
    /// word behind a proclitic), down to the low-frequency list's floor: the frequency
    /// list's part read off the token's readings when one of them is that word
    /// (`Recognizer::zipf_at`).
    pub(crate) fn word_zipf_at(&self, k: usize, w: &str) -> f32 {
        let z = self.zipf_at(k, w);
        if z > 0.0 {
            z
        } else {
            boundaries::low_zipf(w)
        }
    }

    /// Whether word `k` reads as a proclitic (و ف ب ل ك) glued to an ordinary word or
    /// a known name: "وكولبوس" is "و" + a name, "لحدود" is "ل" + "حدود". A name that
    /// itself starts with و and a long vowel ("وادي", "ويلز") is not.
    pub(crate) fn glued(&self, k: usize) -> bool {
        let w = self.words[k];
        if w.starts_with('و') && !w[2..].starts_with(['ا', 'و', 'ي']) {
            return true;
        }
        self.first_keys(k).iter().any(|f| {
            let common = if f.article { NAME_ZIPF } else { GLUED_ZIPF };
            // A known name behind ب or ل ("بجامو وكشمير") is that name; names that
            // merely start with ك or ف ("كاوكا") are common.
            let prep = w.get(..f.prefix).is_some_and(|p| p.ends_with(['ب', 'ل']));
            let known = f.entry.is_some_and(|e| e.has_aliases || e.alias_prefix);
            // The reading's entry is the table's answer for its key: its frequency too.
            let zipf = || match f.entry.map_or(0.0, |e| e.zipf) {
                z if z > 0.0 => z,
                _ => boundaries::low_zipf(f.key),
            };
            f.prefix > 0 && ((prep && known) || zipf() >= common)
        })
    }

    /// The end of a new place's name starting at token `j` after a noun of `class`:
    /// rare words, joined by hyphens, closed by a direction or a facility's kind.
    fn place_name_end(&self, j: usize, class: CueClass) -> usize {
        let mut k = j;
        // A base's name may be a common word when the base's kind closes it ("قاعدة
        // الديلمي الجوية").
        let suffixed = self.is_suffix(j + 1);
        let facility = matches!(class, CueClass::Facility | CueClass::Nature)
            || (class == CueClass::Station && suffixed);
        while k < self.tokens.len() && k - j < MAX_PLACE_WORDS * 2 {
            let first = k == j;
            // After its first word, a name goes on with indefinite words: a definite
            // one is an adjective of the place ("الكركرات العازلة").
            let ok = self.rare_word(k, if first { NamePos::AfterCue } else { NamePos::Inner })
                || (first
                    && facility
                    && self.words[k].starts_with("ال")
                    && !boundaries::is_boundary(self.words[k])
                    && self.zipf_at(k, keys::word_key(self.words[k])) < FACILITY_NAME_ZIPF);
            if !ok {
                break;
            }
            k += 1;
            // "آفاشين-باسيان": a hyphen inside a name.
            if self.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Punct)
                && self.words[k] == "-"
                && self.is_word(k + 1)
                && self.zipf_at(k + 1, self.words[k + 1]) < HYPHENED_ZIPF
            {
                k += 2;
            }
        }
        if k > j && self.is_suffix(k) {
            k += 1;
        }
        k
    }

    /// A place announced by the noun at token `i`; returns the token after it.
    pub(crate) fn try_cue_place(&mut self, i: usize) -> Option<usize> {
        let (class, cue_prefix) = self.cue_reading(i)?;
        if class == CueClass::Cue {
            return None;
        }
        let j = i + 1;
        let whole = matches!(class, CueClass::Facility | CueClass::Nature);
        // A known place right after the noun: the noun vouches for it (a town named like
        // an ordinary word); a facility is also a place of its own ("مطار الحديدة").
        // A preposition glued to the name after the noun ("كهف بالسليمانية") makes it
        // where the thing is, not its name.
        if let Some(m) = self.match_name(j).filter(|m| m.prefix == 0) {
            if let Some((e, _)) = self.resolve(j, &m, Slot::Free) {
                let known = self.kb.entry(e);
                if !matches!(known.kind, EntityKind::Place | EntityKind::Country) {
                    return None;
                }
                // More of the name after the known word: rare words, as inside a name.
                let mut end = m.end;
                while end < m.end + MAX_PLACE_WORDS && self.rare_word(end, NamePos::Inner) {
                    end += 1;
                }
                let end = if end > m.end { end } else { self.suffix_end(m.end) };
                if !whole && end > m.end {
                    // "بلدة بون سوندي": more name follows; a new place, whose first word
                    // is the known name.
                    self.new_place(j, end, 0, None);
                    self.cover(i, end);
                    return Some(self.list_after(end, class));
                }
                // A river or mountain named after a town is not the town ("نهر السند").
                if class != CueClass::Nature {
                    let span = self.span(j, m.end, m.prefix);
                    self.add(Target::Kb(e), span);
                }
                // "جبال إقليم كردستان": mountains of a region, not a named feature.
                let whole = whole || (class == CueClass::Station && self.suffix_end(m.end) > m.end);
                if whole && !(class == CueClass::Nature && crate::is_region(known)) {
                    let end = self.suffix_end(m.end);
                    self.new_place(i, end, cue_prefix, None);
                }
                self.cover(i, end);
                return Some(self.list_after(end.max(m.end), class));
            }
            // An ordinary word after the noun ("منطقة دور"): the name may go on in words
            // the recognizer cannot tell from the phrase, so none is made.
            let rare = m.end - j > 1 || self.zipf_at(j, m.last) < FIRST_NAME_ZIPF;
            if matches!(class, CueClass::Settlement | CueClass::Admin)
                && rare
                && self.far_homonym(&m)
            {
                // "منطقة صلاح الدين" in an article about Libya: a place of the article's
                // own, which shares its name with a far one the gazetteer holds.
                self.new_place(j, m.end, 0, None);
                self.cover(i, m.end);
                return Some(self.list_after(m.end, class));
            }
        }
        self.new_places_from(i, j, class, cue_prefix)
    }

    /// The token after a facility's kind word ("الجوية") at `k`, or `k`.
    fn suffix_end(&self, k: usize) -> usize {
        if self.is_suffix(k) {
            k + 1
        } else {
            k
        }
    }

    /// Whether token `k` closes a place's name: a direction or a facility's kind with
    /// the article ("الشمالية", "الجوية"; "جنوبي أوكرانيا" is "south of Ukraine").
    fn is_suffix(&self, k: usize) -> bool {
        self.is_word(k)
            && self.words[k].starts_with("ال")
            && boundaries::is_place_suffix(keys::word_key(self.words[k]))
    }

    /// New places after the noun at `i` whose name starts at `j`; returns the token
    /// after the last.
    fn new_places_from(
        &mut self,
        i: usize,
        j: usize,
        class: CueClass,
        cue_prefix: usize,
    ) -> Option<usize> {
        let end = self.place_name_end(j, class);
        if end == j {
            return None;
        }
        // A base or crossing is its place's name unless its kind closes the name.
        let closed = end > j + 1 && self.is_suffix(end - 1);
        let whole = matches!(class, CueClass::Facility | CueClass::Nature)
            || (class == CueClass::Station && closed);
        let (from, prefix) = if whole { (i, cue_prefix) } else { (j, 0) };
        self.new_place(from, end, prefix, None);
        self.cover(i, end);
        Some(self.list_after(end, class))
    }

    /// Places listed after one ending at `end`, joined by و: "قريتي لهيبان وخضر جيجة",
    /// "ماكوميا ومويدومبي ونانغادي". Returns the token after the last.
    pub(crate) fn list_after(&mut self, end: usize, class: CueClass) -> usize {
        let mut k = end;
        while self.is_word(k) && !self.covered[k] {
            let w = self.words[k];
            let Some(rest) = w.strip_prefix('و') else { break };
            let conj = w.len() - rest.len();
            // A known name after و is left to the name matcher.
            if self.match_name(k).is_some()
                || rest.chars().count() < 3
                || rest.starts_with("ال")
                || self.word_zipf_at(k, rest) >= NAME_ZIPF
                || self.word_zipf_at(k, w) >= NAME_ZIPF
                || boundaries::is_boundary(rest)
            {
                break;
            }
            let mut e = k + 1;
            if class != CueClass::Facility {
                while e < self.tokens.len()
                    && e - k < MAX_PLACE_WORDS
                    && self.rare_word(e, NamePos::Inner)
                {
                    e += 1;
                }
            }
            self.new_place(k, e, conj, None);
            self.cover(k, e);
            k = e;
        }
        k
    }

    /// Adds a new place over tokens `[from, to)` (skipping `prefix` bytes of the first).
    fn new_place(&mut self, from: usize, to: usize, prefix: usize, country: Option<String>) {
        let span = self.span(from, to, prefix);
        self.new_entity(EntityKind::Place, span, country);
    }

    /// Adds an entity the knowledge base lacks, `new:KIND:<key of its name>`, or a
    /// mention of it when already found. Returns its position in the output.
    pub(crate) fn new_entity(
        &mut self,
        kind: EntityKind,
        span: Span,
        country: Option<String>,
    ) -> usize {
        let key = keys::key(&span.text);
        self.new_entity_keyed(kind, &key, span, country)
    }

    /// As [`Recognizer::new_entity`], given the key of the span's text.
    pub(crate) fn new_entity_keyed(
        &mut self,
        kind: EntityKind,
        key: &str,
        span: Span,
        country: Option<String>,
    ) -> usize {
        let kind_name = match kind {
            EntityKind::Place => "place",
            EntityKind::Org => "org",
            EntityKind::Group => "group",
            EntityKind::Person => "person",
            EntityKind::Country => "country",
        };
        let id = format!("new:{kind_name}:{key}");
        // Named again: only the mention is new (the entity is built the first time).
        if let Some(&idx) = self.by_id.get(&id) {
            self.push_mention(idx, span);
            return idx;
        }
        let ent = Entity {
            id,
            kind,
            name: None,
            name_ar: Some(span.text.clone()),
            country,
            role: None,
            lat: None,
            lon: None,
            mentions: Vec::new(),
        };
        self.add(Target::Made(ent), span)
    }

    /// Gives the institutions named without their state the state the article is about,
    /// as if it had been named ("وزارة الصحة العامة" in an article about Lebanon); drops
    /// them when the article is about none.
    pub(crate) fn settle_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return;
        }
        let state = self.main_country().and_then(|c| self.kb.index_of(&c));
        let mut drop = Vec::new();
        for (idx, index) in pending {
            drop.push(idx);
            let Some(state) = state else { continue };
            for span in std::mem::take(&mut self.out[idx].mentions) {
                self.emit_institution(index, state, span);
            }
        }
        drop.sort_unstable();
        for idx in drop.into_iter().rev() {
            self.out.remove(idx);
        }
        // Positions moved: the maps from ids to positions are rebuilt.
        self.by_id = self.out.iter().enumerate().map(|(k, e)| (e.id.clone(), k)).collect();
        self.kb_out = self
            .out
            .iter()
            .enumerate()
            .filter_map(|(k, e)| Some((self.kb.index_of(&e.id)?, k)))
            .collect();
    }

    /// The country the article is about: the one named most (by its name, its
    /// adjective, or its places).
    pub(crate) fn main_country(&self) -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for e in &self.out {
            let c = match e.kind {
                EntityKind::Country => Some(e.id.as_str()),
                EntityKind::Place if !e.id.starts_with("new:") => e.country.as_deref(),
                _ => None,
            };
            let Some(c) = c else { continue };
            match counts.iter_mut().find(|(x, _)| x == c) {
                Some((_, n)) => *n += e.mentions.len(),
                None => counts.push((c.to_string(), e.mentions.len())),
            }
        }
        counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
    }

    /// Gives new places and groups with no country the country the article is about.
    pub(crate) fn fill_countries(&mut self) {
        let Some(top) = self.main_country() else { return };
        for e in &mut self.out {
            if e.country.is_none()
                && e.id.starts_with("new:")
                && matches!(e.kind, EntityKind::Place | EntityKind::Group)
            {
                e.country = Some(top.clone());
            }
        }
    }
}

impl Recognizer<'_> {
    /// A person named right after a verb whose subject they are ("وقال كامران علييف
    /// إن ..."): two to four words, each a given name or rare, the first without the
    /// article, and punctuation or a word that ends a name after them. Returns the token
    /// after the name.
    pub(crate) fn try_subject_person(&mut self, i: usize) -> Option<usize> {
        if !boundaries::is_person_cue(self.words[i]) {
            return None;
        }
        let n = i + 1;
        if !self.is_word(n) || self.covered[n] {
            return None;
        }
        // A known name right after the verb is its subject, unless it is a small
        // imported place spelled like a person's name.
        if let Some(m) = self.match_name(n) {
            let weak = self.resolve(n, &m, Slot::Free).is_none_or(|(e, _)| self.weak_place(e));
            if !weak {
                return None;
            }
        }
        if self.words[n].starts_with("ال") || self.match_head(n).is_some() {
            return None;
        }
        let end = self.name_run(n);
        if end < n + 2 {
            return None;
        }
        // The name ends where a function word, a punctuation mark or an ordinary word
        // stands ("تصريحات X Y رداً على").
        let closed = !self.is_word(end)
            || boundaries::is_boundary(self.words[end])
            || (!boundaries::is_name_word(self.words[end])
                && self.word_zipf_at(end, keys::word_key(self.words[end])) >= ORDINARY_ZIPF);
        if !self.person_like(n, end) || !closed {
            return None;
        }
        self.new_person(n, end, None, None);
        Some(end)
    }

    /// Whether the words `[n, end)` look like a person's name: each a known name word
    /// or an uncommon one, one of them a name word or a rare word, not every one
    /// ordinary.
    fn person_like(&self, n: usize, end: usize) -> bool {
        let zipf = |k: usize| self.word_zipf_at(k, keys::word_key(self.words[k]));
        let named = |k: usize| boundaries::is_name_word(self.words[k]);
        (n..end).all(|k| named(k) || (zipf(k) < UNCOMMON_ZIPF && !self.inflects_common(k)))
            && (n..end).any(|k| named(k) || zipf(k) < NAME_ZIPF)
            && !(n..end).all(|k| zipf(k) >= COMMON_NAME_ZIPF)
    }

    /// Whether word `k` is the dual or sound plural of an ordinary word: the frequency
    /// lists hold the singular ("مصدر"، "أمني") far more often than "مصدران أمنيان", which
    /// would otherwise look as rare as a foreign name.
    pub(crate) fn inflects_common(&self, k: usize) -> bool {
        let key = keys::word_key(self.words[k]);
        let Some(stem) = ["ان", "ين", "ون", "ات"].iter().find_map(|s| key.strip_suffix(s))
        else {
            return false;
        };
        stem.chars().count() >= 3
            && (self.word_zipf_at(k, stem) >= ORDINARY_ZIPF
                || self.word_zipf_at(k, &format!("{stem}ه")) >= ORDINARY_ZIPF)
    }

    /// A person named in apposition: the name, a comma, then "الذي"/"التي" or a title
    /// ("إيغور خوفاييف، الذي يشغل منصب ...", "ميلان رادويتشيتش، نائب رئيس حزب ...").
    /// Returns the token after the name.
    pub(crate) fn try_apposition_person(&mut self, i: usize) -> Option<usize> {
        // Most words have no comma two to four words on, which their flags say.
        if self.open_flags.get(i).is_none_or(|f| f & COMMA_AHEAD == 0) {
            return None;
        }
        let comma = (i + 2..(i + 5).min(self.tokens.len()))
            .find(|&k| matches!(self.words[k], "،" | ","))?;
        if self.covered[i] || self.words[i].starts_with("ال") || self.match_head(i).is_some() {
            return None;
        }
        let next = self.words.get(comma + 1).copied().unwrap_or("");
        let described = matches!(next, "الذي" | "التي")
            || self
                .match_head(comma + 1)
                .is_some_and(|(_, _, h)| matches!(h.first(), Some(HeadRef::Title { .. })));
        if !described || self.name_run(i) != comma || !self.person_like(i, comma) {
            return None;
        }
        // A known name read as such here is left to the name matcher ("ميلان" is no
        // city before a surname).
        let known = (i..comma).any(|k| {
            self.match_name(k).is_some_and(|m| {
                self.resolve(k, &m, Slot::Free).is_some_and(|(e, _)| !self.weak_place(e))
            })
        });
        if known {
            return None;
        }
        self.new_person(i, comma, None, None);
        Some(comma)
    }
}

impl Recognizer<'_> {
    /// A place the knowledge base lacks, after a locative preposition, when what
    /// follows confirms it: another place joined by و ("من أدري وأديكونغ"), or a larger
    /// place it lies in ("في أودهامبور وباثانكوت", "تيني بولاية X", "X شمال البلاد").
    /// Returns the token after it.
    pub(crate) fn try_located_place(&mut self, i: usize) -> Option<usize> {
        if !boundaries::is_locative(self.words[i]) {
            return None;
        }
        let n = i + 1;
        if !self.is_word(n) || self.covered[n] || self.match_name(n).is_some() {
            return None;
        }
        // A word a little more common, or a word of persons' names, is a place when a
        // rare word is listed with it: persons are seldom listed after a locative.
        let listed = self.rare_word(n, NamePos::Listed) && self.rare_listed(n + 1);
        let alone = !boundaries::is_name_word(self.words[n]) && self.rare_word(n, NamePos::First);
        if !alone && !listed {
            return None;
        }
        let mut end = n + 1;
        while end < n + MAX_PLACE_WORDS && self.rare_word(end, NamePos::Inner) {
            end += 1;
        }
        if !self.confirms_place(end) {
            return None;
        }
        self.new_place(n, end, 0, None);
        self.cover(n, end);
        Some(self.list_after(end, CueClass::Settlement))
    }

    /// Whether token `k` is و and a rare word that may be a name ("ومتينا").
    fn rare_listed(&self, k: usize) -> bool {
        self.is_word(k)
            && self.words[k].strip_prefix('و').is_some_and(|rest| {
                rest.chars().count() >= 3
                    && !rest.starts_with("ال")
                    && self.word_zipf_at(k, rest) < NAME_ZIPF
                    && !boundaries::is_boundary(rest)
            })
    }

    /// Whether the words at `end` confirm that the name before them is a place: و and
    /// a place or another rare word, a preposition and a place noun or a known place,
    /// or a direction word.
    fn confirms_place(&self, end: usize) -> bool {
        if !self.is_word(end) {
            return false;
        }
        let w = self.words[end];
        let known_place = |t: usize| {
            self.match_name(t).is_some_and(|m| {
                m.aliases.iter().any(|a| {
                    matches!(self.kb.entry(a.entry).kind, EntityKind::Place | EntityKind::Country)
                })
            })
        };
        if w.starts_with('و') {
            return known_place(end) || self.rare_listed(end);
        }
        // "بولاية X", "بمحافظة X": a preposition glued to a place noun.
        if self.cue_at(end).is_some_and(|c| c != CueClass::Cue) && !w.starts_with(self.stem_of(end))
        {
            return true;
        }
        matches!(w, "في" | "شمال" | "جنوب" | "شرق" | "غرب" | "وسط" | "قرب" | "بالقرب")
            && (known_place(end + 1) || self.cue_at(end + 1).is_some())
    }

    /// The word `k` behind its longest proclitic reading.
    fn stem_of(&self, k: usize) -> &str {
        let w = self.words[k];
        self.clitics
            .of(k)
            .iter()
            .filter(|a| !a.article)
            .map(|a| &w[a.prefix_len..])
            .min_by_key(|s| s.len())
            .unwrap_or(w)
    }
}
