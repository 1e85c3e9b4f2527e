//! The compiled lexicon and its analyzer.
//!
//! Every form of every entry (without clitics) is a key of one open-addressing table
//! (`table::FormTable`). A word is looked up under each of its proclitic readings (و، ف،
//! سـ، ل، ب، ك، ال) times each of its enclitic splits (none, or one of ه، ها، هم ...): at
//! most a few dozen candidate keys, most of them ruled out before any hashing by a
//! `TailFilter` (the lengths of the keys that end in the candidate's last three letters),
//! the rest by the table's filter on the key's hash, so a slot is read only for a
//! plausible split. Nothing is allocated per word.

use rustc_hash::FxHashMap;

use rasd_text::phrases::filter_hash;
use rasd_text::{Normalized, Token, TokenKind};

use crate::clitics::{
    enclitic_ends, readings, Attach, Reading, Readings, ENCLITICS, MIN_CORE, NO_ENCLITIC,
};
use crate::entry::{Entry, EntryError};
use crate::features::{Aspect, Inflection, Moods, Pos, Proclitics, Pronoun, Voice};
use crate::paradigm::{generate, Form, Host, Shape};
use crate::table::FormTable;
use crate::tails::{length_bit, TailFilter};

/// One reading of a word: which entry, what the form says, which clitics surround it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// The entry's index: the order of the rows the lexicon was built from.
    pub entry: u32,
    /// What the form between the clitics says.
    pub infl: Inflection,
    /// The proclitics read off.
    pub proclitics: Proclitics,
    /// The enclitic pronoun: a verb's object, a noun's possessor.
    pub enclitic: Option<Pronoun>,
    /// Bytes of the proclitics (in the folded word).
    pub prefix_len: u8,
    /// Bytes of the form between the clitics.
    pub core_len: u8,
    /// Bytes into the form where the stem starts (after an imperfect's person prefix).
    pub stem_start: u8,
    /// Bytes into the form where the stem ends (before a subject or number suffix).
    pub stem_end: u8,
    /// Bytes into the form of the letter whose vowel tells an imperfect's voice.
    pub(crate) voice_at: u8,
}

impl Analysis {
    /// Byte range of the form between the clitics, in the folded word.
    pub fn core(&self) -> std::ops::Range<usize> {
        let p = usize::from(self.prefix_len);
        p..p + usize::from(self.core_len)
    }

    /// Byte range of the stem, in the folded word.
    pub fn stem(&self) -> std::ops::Range<usize> {
        let p = usize::from(self.prefix_len);
        p + usize::from(self.stem_start)..p + usize::from(self.stem_end)
    }

    /// Byte where the enclitic starts (the word's length when there is none).
    pub fn enclitic_start(&self) -> usize {
        self.core().end
    }

    /// Whether the word is a verb whose object is attached (قصفوه).
    pub fn has_object(&self) -> bool {
        self.infl.pos == Pos::Verb && self.enclitic.is_some()
    }

    /// Whether the word is a noun whose possessor is attached (غارتها).
    pub fn has_possessor(&self) -> bool {
        self.infl.pos != Pos::Verb && self.enclitic.is_some()
    }

    /// Whether a future سـ was read off.
    pub fn future(&self) -> bool {
        self.proclitics.contains(Proclitics::FUTURE)
    }
}

/// A form of an entry as the table keeps it: the entry's index and the form but for its
/// text, which is the key's.
#[derive(Debug, Clone, Copy)]
struct Stored {
    entry: u32,
    form: Shape,
}

/// Why a lexicon could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row} (`{cell}`): {error}")]
pub struct LexiconError {
    /// The row's index among those given (0 for the first).
    pub row: usize,
    /// The cell as given.
    pub cell: String,
    /// What is wrong with it.
    pub error: EntryError,
}

/// A compiled lexicon of lemma entries, each with a payload of the consumer's (a frame,
/// a reporting class ...).
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    entries: Vec<Entry>,
    /// Each entry's payload, apart from the entries: a stage asks the payload of nearly
    /// every analysis of every word, and with each entry's strings between two payloads
    /// every question was a read from memory.
    payloads: Vec<T>,
    /// Every written form, with the range of its readings in `stored`.
    forms: FormTable,
    stored: Vec<Stored>,
    ends: TailFilter,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            entries: Vec::new(),
            payloads: Vec::new(),
            forms: FormTable::default(),
            stored: Vec::new(),
            ends: TailFilter::default(),
        }
    }
}

/// The forms of each entry of a lexicon, generated once per distinct entry: a lemma
/// listed again (a verb that is both a trigger and a cue) has the forms it had, and
/// generating them is most of the cost of loading a lexicon.
struct Paradigms {
    /// The forms of each distinct entry.
    forms: Vec<Vec<Form>>,
    /// Per entry, the index of its forms in `forms`.
    of_entry: Vec<usize>,
}

impl Paradigms {
    fn of<T>(entries: &[(Entry, T)]) -> Self {
        let mut forms: Vec<Vec<Form>> = Vec::new();
        let mut of_entry = Vec::with_capacity(entries.len());
        // Per lemma, the (entry, forms) of the distinct entries seen with it.
        let mut seen: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
        for (k, (entry, _)) in entries.iter().enumerate() {
            let same = seen
                .get(entry.lemma.as_str())
                .and_then(|v| v.iter().find(|&&(e, _)| entries[e].0 == *entry).map(|&(_, p)| p));
            let p = same.unwrap_or_else(|| {
                forms.push(generate(entry));
                seen.entry(entry.lemma.as_str()).or_default().push((k, forms.len() - 1));
                forms.len() - 1
            });
            of_entry.push(p);
        }
        Paradigms { forms, of_entry }
    }
}

impl<T> Lexicon<T> {
    /// Compiles `(entry cell, payload)` rows: every form of every entry is generated
    /// here, at load.
    ///
    /// ```
    /// use rasd_morph::Lexicon;
    /// let lex = Lexicon::new([("v:قصف/يقصف", "strike"), ("n:غارة/غارات", "raid")]).unwrap();
    /// let a = lex.analyze("وقصفتها");
    /// assert_eq!(*lex.payload(&a[0]), "strike");
    /// assert!(lex.analyze("بغارتين").iter().any(|a| *lex.payload(a) == "raid"));
    /// assert!(lex.analyze("قصفات").is_empty());
    /// ```
    ///
    /// # Errors
    /// The first row whose cell is not a valid entry.
    pub fn new<'a>(rows: impl IntoIterator<Item = (&'a str, T)>) -> Result<Self, LexiconError> {
        let mut entries = Vec::new();
        for (row, (cell, payload)) in rows.into_iter().enumerate() {
            let entry = Entry::parse(cell).map_err(|error| LexiconError {
                row,
                cell: cell.to_string(),
                error,
            })?;
            entries.push((entry, payload));
        }
        Ok(Self::from_entries(entries))
    }

    /// Compiles entries already parsed.
    pub fn from_entries(entries: Vec<(Entry, T)>) -> Self {
        let paradigms = Paradigms::of(&entries);
        let mut forms: Vec<(&str, Stored)> = Vec::with_capacity(entries.len() * 64);
        for (k, &p) in paradigms.of_entry.iter().enumerate() {
            let entry_index = u32::try_from(k).unwrap_or(u32::MAX);
            for f in &paradigms.forms[p] {
                let stored = Stored { entry: entry_index, form: f.shape };
                forms.push((f.text.as_str(), stored));
            }
        }
        // Group the readings by form, in the order generated (an entry's readings of one
        // form stay in order): an id per distinct form, and a stable sort by id, which
        // compares numbers rather than strings.
        let mut ids: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(forms.len(), Default::default());
        let id_of: Vec<u32> = forms
            .iter()
            .map(|&(text, _)| {
                let next = ids.len() as u32;
                *ids.entry(text).or_insert(next)
            })
            .collect();
        let mut order: Vec<usize> = (0..forms.len()).collect();
        order.sort_by_key(|&i| id_of[i]);
        let mut lex = Lexicon::default();
        let mut keys = Vec::with_capacity(ids.len());
        for group in order.chunk_by(|&a, &b| id_of[a] == id_of[b]) {
            let text = forms[group[0]].0;
            // A word is looked up by its core of MIN_CORE bytes or more (and 255 at most).
            if text.len() < MIN_CORE || text.len() > usize::from(u8::MAX) {
                continue;
            }
            let from = lex.stored.len() as u32;
            lex.stored.extend(group.iter().map(|&i| forms[i].1));
            keys.push((text, filter_hash(text), (from, lex.stored.len() as u32)));
            lex.ends.insert(text);
        }
        lex.forms = FormTable::new(&keys);
        (lex.entries, lex.payloads) = entries.into_iter().unzip();
        lex
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct written forms (without clitics) of all entries.
    pub fn forms(&self) -> usize {
        self.forms.len()
    }

    /// The entry an analysis is of.
    pub fn entry(&self, a: &Analysis) -> &Entry {
        &self.entries[a.entry as usize]
    }

    /// The payload of the entry an analysis is of.
    pub fn payload(&self, a: &Analysis) -> &T {
        &self.payloads[a.entry as usize]
    }

    /// Every analysis of a folded word (as `rasd_text::normalize` gives it).
    pub fn analyze(&self, word: &str) -> Vec<Analysis> {
        let mut out = Vec::new();
        self.analyze_into(word, &mut out);
        out
    }

    /// As [`Lexicon::analyze`], appending to `out`.
    pub fn analyze_into(&self, word: &str, out: &mut Vec<Analysis>) {
        self.each_probe(word, |p| {
            let found =
                word.get(p.core()).and_then(|core| self.forms.find(core.as_bytes(), p.hash));
            if let Some(found) = found {
                self.emit(&p, found, out);
            }
        });
    }

    /// Every key the word is looked up by, in the order its analyses come: under each
    /// enclitic split (none, a two-letter, a one-letter pronoun), each proclitic reading
    /// (read once per word, when first needed) whose core some key may be.
    #[inline(always)]
    fn each_probe(&self, word: &str, mut f: impl FnMut(Probe)) {
        if word.len() < MIN_CORE || word.len() > usize::from(u8::MAX) || self.forms.len() == 0 {
            return;
        }
        let mut procl = None;
        let n = word.len();
        let (two, one) = enclitic_ends(word);
        self.split(word, n, NO_ENCLITIC, &mut procl, &mut f);
        if let Some((letters, k)) = two {
            self.split(word, n - 2 * letters, k, &mut procl, &mut f);
        }
        if let Some(k) = one {
            self.split(word, n - 2, k, &mut procl, &mut f);
        }
    }

    /// The keys of the word with an enclitic (index `enclitic` of [`ENCLITICS`]) starting
    /// at byte `end`, under each proclitic reading.
    #[inline(always)]
    fn split(
        &self,
        word: &str,
        end: usize,
        enclitic: u8,
        procl: &mut Option<Readings>,
        f: &mut impl FnMut(Probe),
    ) {
        let Some(head) = word.get(..end) else { return };
        // The lengths of the keys ending as this split does: usually none.
        let lengths = self.ends.lengths(head.as_bytes());
        if lengths == 0 {
            return;
        }
        for r in procl.get_or_insert_with(|| readings(word)).iter() {
            let at = usize::from(r.at);
            if end < at + MIN_CORE || lengths & length_bit(end - at) == 0 {
                continue;
            }
            let Some(core) = word.get(at..end) else { continue };
            let hash = filter_hash(core);
            if self.forms.may_contain(hash) {
                f(Probe { reading: *r, end: end as u8, enclitic, hash });
            }
        }
    }

    /// Adds the analyses that the readings `found` of a probe's key allow with its clitics.
    #[inline(always)]
    fn emit(&self, p: &Probe, found: (u32, u32), out: &mut Vec<Analysis>) {
        let enclitic = ENCLITICS.get(usize::from(p.enclitic)).map(|e| (e.1, e.2));
        let (from, to) = found;
        for s in self.stored.get(from as usize..to as usize).unwrap_or_default() {
            if let Some((infl, proclitics)) = accept(s, p.reading.flags, enclitic) {
                out.push(Analysis {
                    entry: s.entry,
                    infl,
                    proclitics,
                    enclitic: enclitic.map(|e| e.0),
                    prefix_len: p.reading.at,
                    core_len: p.end - p.reading.at,
                    stem_start: s.form.stem_start,
                    stem_end: s.form.stem_end,
                    voice_at: s.form.voice_at,
                });
            }
        }
    }

    /// Every Arabic token of a document analyzed, for a stage that reads them all.
    #[inline(never)]
    pub fn analyze_tokens(&self, view: &Normalized, tokens: &[Token]) -> TokenAnalyses {
        self.analyze_tokens_where(view, tokens, |_| true)
    }

    /// As [`Lexicon::analyze_tokens`], for the tokens `wanted` says (by index) only: a
    /// caller that already knows what some words are (names, say) skips them.
    #[inline(never)]
    pub fn analyze_tokens_where(
        &self,
        view: &Normalized,
        tokens: &[Token],
        wanted: impl Fn(usize) -> bool,
    ) -> TokenAnalyses {
        // About one analysis a word in the event stage's lexicon: sized so that the list
        // is not copied as it grows.
        let mut items = Vec::with_capacity(tokens.len());
        let mut at = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let from = items.len() as u32;
            if t.kind == TokenKind::Arabic && wanted(i) {
                self.analyze_into(t.text(view), &mut items);
            }
            at.push((from, items.len() as u32));
        }
        TokenAnalyses { items, at }
    }
}

/// One key a word is looked up by: the proclitic reading, the byte where the core ends,
/// the enclitic after it (an index of [`ENCLITICS`], or [`NO_ENCLITIC`]) and the core's
/// hash.
#[derive(Debug, Clone, Copy)]
struct Probe {
    reading: Reading,
    end: u8,
    enclitic: u8,
    hash: u64,
}

impl Probe {
    /// The core's bytes in the word.
    #[inline(always)]
    fn core(&self) -> std::ops::Range<usize> {
        usize::from(self.reading.at)..usize::from(self.end)
    }
}

/// Whether a stored form takes the clitics read off, and what it then says: a ل on a
/// verb is the particle of purpose or command and wants the subjunctive or jussive, سـ
/// wants the indicative, an object pronoun the active; a noun takes prepositions and the
/// article, never with a pronoun.
#[inline]
fn accept(
    s: &Stored,
    flags: Proclitics,
    enclitic: Option<(Pronoun, Attach)>,
) -> Option<(Inflection, Proclitics)> {
    let s = &s.form;
    let verb = s.infl.pos == Pos::Verb;
    match enclitic {
        None if s.host == Host::Required => return None,
        Some(_) if s.host == Host::Never => return None,
        Some((_, Attach::Verb)) if !verb => return None,
        Some((_, Attach::Noun)) if verb => return None,
        _ => {}
    }
    let mut infl = s.infl;
    if !verb {
        let ok = !flags.contains(Proclitics::FUTURE)
            && (!flags.contains(Proclitics::ARTICLE) || (s.definite && enclitic.is_none()));
        return ok.then_some((infl, flags));
    }
    if flags.intersects(Proclitics::BI.with(Proclitics::KA).with(Proclitics::ARTICLE)) {
        return None;
    }
    // An object pronoun makes the verb active ("قتله": he killed him): the passive of the
    // verbs news reports takes no object.
    if enclitic.is_some() {
        if infl.voice == Voice::Passive {
            return None;
        }
        infl.voice = Voice::Active;
    }
    let (flag, moods) = if flags.contains(Proclitics::LI) {
        (Proclitics::LAM, Moods::NOT_INDICATIVE)
    } else if flags.contains(Proclitics::FUTURE) {
        (Proclitics::FUTURE, Moods::INDICATIVE)
    } else {
        return Some((infl, flags));
    };
    if infl.aspect != Some(Aspect::Imperfect) {
        return None;
    }
    infl.moods = infl.moods.intersect(moods);
    (!infl.moods.is_empty()).then_some((infl, flags.without(Proclitics::LI).with(flag)))
}

/// The analyses of every token of a document.
#[derive(Debug, Clone, Default)]
pub struct TokenAnalyses {
    items: Vec<Analysis>,
    /// Per token, its range in `items`.
    at: Vec<(u32, u32)>,
}

impl TokenAnalyses {
    /// The analyses of token `i` (none past the end).
    #[inline]
    pub fn of(&self, i: usize) -> &[Analysis] {
        self.at.get(i).map_or(&[], |&(a, b)| &self.items[a as usize..b as usize])
    }

    /// The tokens that have an analysis, with theirs.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[Analysis])> + '_ {
        (0..self.at.len()).map(|i| (i, self.of(i))).filter(|(_, a)| !a.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{Case, Cell, Number};

    fn lexicon() -> Lexicon<&'static str> {
        let rows = [
            ("v:قصف/يقصف", "قصف"),
            ("v:قتل/يقتل", "قتل"),
            ("m:قتل", "قتل (masdar)"),
            ("v:اعتقل/يعتقل", "اعتقل"),
            ("v:نقل/ينقل", "نقل"),
            ("v:نفى/ينفي", "نفى"),
            ("v:دعا/يدعو", "دعا"),
            ("v:سعى/يسعى", "سعى"),
            ("n:غارة/غارات", "غارة"),
            ("m:هجوم/هجمات", "هجوم"),
            ("n:طائرة", "طائرة"),
            ("p:مسلح/+ون", "مسلح"),
            ("n:لجنة/لجان", "لجنة"),
        ];
        Lexicon::new(rows).unwrap()
    }

    fn lemmas(lex: &Lexicon<&'static str>, word: &str) -> Vec<&'static str> {
        let mut v: Vec<_> = lex.analyze(word).iter().map(|a| *lex.payload(a)).collect();
        v.dedup();
        v
    }

    #[test]
    fn inflected_forms_of_the_lemmas_are_found() {
        let lex = lexicon();
        for (word, lemma) in [
            ("يقصفون", "قصف"),
            ("قصفنا", "قصف"),
            ("وقصفتها", "قصف"),
            ("ستقصفه", "قصف"),
            ("قصفوه", "قصف"),
            ("اعتقلوهم", "اعتقل"),
            ("تنقل", "نقل"),
            ("نفتها", "نفى"),
            ("نفاه", "نفى"),
            ("دعاه", "دعا"),
            ("يسعاه", "سعى"),
            ("هجماتهم", "هجوم"),
            ("هجوما", "هجوم"),
            ("غارتين", "غارة"),
            ("غارتان", "غارة"),
            ("غارتها", "غارة"),
            ("بالغارات", "غارة"),
            ("للغارات", "غارة"),
            ("والغارات", "غارة"),
            ("فالغارات", "غارة"),
            ("كالغارات", "غارة"),
            ("طائرتا", "طائرة"),
            ("المسلحين", "مسلح"),
            ("ومسلحوها", "مسلح"),
        ] {
            assert_eq!(lemmas(&lex, word), [lemma], "{word}");
        }
    }

    #[test]
    fn what_is_not_a_form_is_not_found() {
        let lex = lexicon();
        for word in [
            "",
            "في",
            "سلام",
            "قصفات",
            "القصف",    // no verb takes the article
            "بقصف",     // nor a preposition
            "سيقصفوا",  // سـ wants the indicative
            "سغارة",    // nor on a noun
            "الغارتها", // the article and a pronoun exclude each other
            "غارةها",
            "قصفواه", // the plural's alef drops before a pronoun
            "نفيه",   // نفى takes a pronoun as نفاه
        ] {
            assert!(lex.analyze(word).is_empty(), "{word}: {:?}", lex.analyze(word));
        }
        // A verb's "me" is ني, a noun's ي.
        assert!(!lex.analyze("قصفني").is_empty());
        assert!(lex.analyze("غارتني").is_empty());
        assert!(!lex.analyze("غارتي").is_empty());
    }

    #[test]
    fn features_clitics_and_stem_of_an_analysis() {
        let lex = lexicon();
        let word = "وقصفتها";
        let a = lex.analyze(word);
        assert_eq!(a.len(), 1);
        let a = a[0];
        assert_eq!(a.infl.aspect, Some(Aspect::Perfect));
        let cells: Vec<Cell> = a.infl.agreement.cells().collect();
        assert_eq!(cells, [Cell::S1, Cell::Ms2, Cell::Fs2, Cell::Fs3]);
        assert_eq!(a.proclitics, Proclitics::WA);
        assert_eq!(a.enclitic, Some(Pronoun::Fs3));
        assert!(a.has_object() && !a.has_possessor());
        assert_eq!(
            (&word[a.core()], &word[a.stem()], &word[a.enclitic_start()..]),
            ("قصفت", "قصف", "ها")
        );

        let word = "ستقصفه";
        let a = lex.analyze(word)[0];
        assert!(a.future());
        assert_eq!(a.infl.moods, Moods::INDICATIVE);
        assert_eq!(a.infl.agreement.cells().collect::<Vec<_>>(), [Cell::Ms2, Cell::Fs3]);
        assert_eq!(&word[a.stem()], "قصف");

        let a = lex.analyze("ليقصفوا")[0];
        assert!(a.proclitics.contains(Proclitics::LAM) && !a.proclitics.contains(Proclitics::LI));
        assert_eq!(a.infl.moods, Moods::NOT_INDICATIVE);

        let word = "وبغاراتهم";
        let a = lex.analyze(word)[0];
        assert_eq!(a.proclitics, Proclitics::WA.with(Proclitics::BI));
        assert_eq!(a.infl.number, Some(Number::Plural));
        assert!(a.has_possessor() && a.enclitic == Some(Pronoun::Mp3));
        assert_eq!(&word[a.core()], "غارات");

        let a = lex.analyze("للمسلحين");
        assert!(a.iter().all(|a| a.proclitics == Proclitics::LI.with(Proclitics::ARTICLE)));
        assert!(a.iter().all(|a| a.infl.case == Case::Oblique));
    }

    #[test]
    fn every_reading_of_an_ambiguous_word() {
        let lex = lexicon();
        // The verb "he killed" and the masdar "killing".
        let a = lex.analyze("قتل");
        assert_eq!(a.iter().map(|a| a.infl.pos).collect::<Vec<_>>(), [Pos::Verb, Pos::Masdar]);
        // ل + لجنة with and without the article, written alike.
        let a = lex.analyze("للجنة".replace('ة', "ه").as_str());
        let mut flags: Vec<Proclitics> = a.iter().map(|a| a.proclitics).collect();
        flags.sort();
        assert_eq!(flags, [Proclitics::LI, Proclitics::LI.with(Proclitics::ARTICLE)]);
        // نفي: he denied (نفى), it was denied (نُفي).
        let mut voices: Vec<_> = lex.analyze("نفي").iter().map(|a| a.infl.voice).collect();
        voices.sort();
        assert_eq!(voices, [crate::Voice::Active, crate::Voice::Passive]);
    }

    #[test]
    fn a_document_analyzed_token_by_token() {
        let lex = lexicon();
        let text = "وقصفت الطائرات مواقع المسلحين، فيما نفت الحركة ذلك.";
        let view = rasd_text::normalize(text);
        let tokens = rasd_text::tokenize(&view);
        let all = lex.analyze_tokens(&view, &tokens);
        let found: Vec<(&str, &str)> =
            all.iter().map(|(i, a)| (tokens[i].text(&view), *lex.payload(&a[0]))).collect();
        assert_eq!(
            found,
            [("وقصفت", "قصف"), ("الطائرات", "طائرة"), ("المسلحين", "مسلح"), ("نفت", "نفى")]
        );
        assert!(all.of(tokens.len()).is_empty());
    }

    #[test]
    fn a_document_has_each_words_own_analyses() {
        // Read together (the lookups gathered, then made), every word has what it has
        // alone, in the same order: clitics on both sides, one form of several entries,
        // words of no entry between.
        let lex = lexicon();
        let text = "وسيقصفونها فقصفتهم بغارات وللغارة، والمسلحون قتلوا وقتلاهم نفته ونفى \
                    قصفت الطائرة الحركة ذلك. غاراتهما وبالقصف";
        let view = rasd_text::normalize(text);
        let tokens = rasd_text::tokenize(&view);
        let all = lex.analyze_tokens(&view, &tokens);
        let mut read = 0;
        for (i, t) in tokens.iter().enumerate() {
            let alone =
                if t.kind == TokenKind::Arabic { lex.analyze(t.text(&view)) } else { vec![] };
            assert_eq!(all.of(i), alone.as_slice(), "{}", t.text(&view));
            read += usize::from(!alone.is_empty());
        }
        assert!(read >= 10, "{read}");
        // Only the tokens asked for.
        let some = lex.analyze_tokens_where(&view, &tokens, |i| i % 2 == 0);
        assert!((0..tokens.len()).all(|i| some.of(i) == if i % 2 == 0 { all.of(i) } else { &[] }));
    }

    #[test]
    fn bad_rows_name_themselves() {
        let err = Lexicon::new([("v:قصف/يقصف", 0), ("v:قصف", 1)]).unwrap_err();
        assert_eq!((err.row, err.cell.as_str()), (1, "v:قصف"));
    }
}
