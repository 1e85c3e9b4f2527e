//! From an entry to its forms: every written form of the lemma without clitics, folded
//! as article text is folded, with what it says.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::entry::{letters, Body, Entry, Tag};
use crate::features::{Aspect, Inflection, Moods, Voice};
use crate::{noun, verb};

/// Whether a form takes an enclitic pronoun (a verb's object, a noun's possessor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Host {
    /// Never: "قصفوا" (its enclitic form is قصفو-), "غارة" (غارت-), "الطائرتان".
    Never,
    /// With or without one: "قصف" / "قصفه".
    Optional,
    /// Only with one: "قصفو" (قصفوه), "غارت" (غارتها), "نفا" (نفاه).
    Required,
}

/// One form of an entry without clitics.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Form {
    /// The form, folded (`rasd_text::normalize`).
    pub text: String,
    /// What it says and how it is built.
    pub shape: Shape,
}

/// What a form says and how it is built: all of a [`Form`] but its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shape {
    /// What it says.
    pub infl: Inflection,
    /// Whether it takes an enclitic pronoun.
    pub host: Host,
    /// Whether it takes the article (nouns; never with an enclitic).
    pub definite: bool,
    /// Byte where the stem starts in the form (after an imperfect's person prefix).
    pub stem_start: u8,
    /// Byte where the stem ends in the form (before a subject or number suffix).
    pub stem_end: u8,
    /// Byte of the letter whose vowel tells an imperfect's voice: the one before the last
    /// root letter (يُقتَل passive, يُطلِق active).
    pub(crate) voice_at: u8,
}

/// What a form is, before it is spelled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub infl: Inflection,
    pub host: Host,
    pub definite: bool,
    /// The stem lacks its last root letter (a defective verb's, in the suffix or gone).
    pub weak: bool,
}

/// A form in ordinary spelling, before folding.
#[derive(Debug, Clone)]
pub(crate) struct RawForm {
    pub raw: Vec<char>,
    pub infl: Inflection,
    pub host: Host,
    pub definite: bool,
    pub weak: bool,
    /// Letters of the person prefix.
    pub pre: usize,
    /// Letters of the subject or number suffix.
    pub suf: usize,
}

fn is_hamza_letter(c: char) -> bool {
    matches!(c, 'ء' | 'أ' | 'ؤ' | 'ئ')
}

/// Adds prefix + stem + suffix, spelling the hamza where they meet as writers do: أ + أ
/// and أ + ا are آ (آخذ، بدآ); before و and ي a final hamza may sit on و or ي too
/// (بدأوا and بدؤوا, تبدأين and تبدئين), and both spellings are added.
pub(crate) fn join(out: &mut Vec<RawForm>, slot: Slot, prefix: &str, stem: &[char], suffix: &str) {
    let Slot { infl, host, definite, weak } = slot;
    // The prefix and suffix stay borrowed: only where they meet the stem do they change,
    // and that is told by `pre_madda` and by cutting `suf`.
    let (mut pre, mut pre_madda, mut suf) = (prefix, false, suffix);
    let mut stem = stem.to_vec();
    // رأى before a pronoun: رأ + ا is رآ (رآه).
    if stem.ends_with(&['أ', 'ا']) {
        stem.pop();
        stem.pop();
        stem.push('آ');
    }
    // After a long ي a hamza sits on ي before a suffix (جيئت، يجيئان).
    if stem.ends_with(&['ي', 'ء']) && !suf.is_empty() {
        stem.pop();
        stem.push('ئ');
    }
    if let (Some(rest), Some(&'أ')) = (pre.strip_suffix('أ'), stem.first()) {
        pre = rest;
        pre_madda = true;
        stem.remove(0);
    }
    if let (Some(&'أ'), Some(rest)) = (stem.last(), suf.strip_prefix('ا')) {
        stem.pop();
        stem.push('آ');
        suf = rest;
    }
    let seat = match (stem.last(), suf.chars().next()) {
        (Some(&h), Some('و')) if is_hamza_letter(h) && h != 'ؤ' => Some('ؤ'),
        (Some(&h), Some('ي')) if is_hamza_letter(h) && h != 'ئ' => Some('ئ'),
        _ => None,
    };
    let pre_len = pre.chars().count() + usize::from(pre_madda);
    let suf_len = suf.chars().count();
    let mut push = |stem: &[char]| {
        let mut raw: Vec<char> = Vec::with_capacity(pre_len + stem.len() + suf_len);
        raw.extend(pre.chars());
        if pre_madda {
            raw.push('آ');
        }
        raw.extend_from_slice(stem);
        raw.extend(suf.chars());
        // A final ى after ي is written ا (أحيا، يحيا، استحيا).
        if raw.ends_with(&['ي', 'ى']) {
            raw.pop();
            raw.push('ا');
        }
        out.push(RawForm { raw, infl, host, definite, weak, pre: pre_len, suf: suf_len });
    };
    push(&stem);
    if let Some(seat) = seat {
        let n = stem.len();
        stem[n - 1] = seat;
        push(&stem);
    }
}

/// Every form of an entry without clitics, folded, the forms written alike merged: one
/// form per written string and reading, holding every subject cell, mood and voice it
/// stands for.
///
/// ```
/// use rasd_morph::{generate, Cell, Entry};
/// let forms = generate(&Entry::parse("v:قال/يقول").unwrap());
/// let qultu = forms.iter().find(|f| f.text == "قلت").unwrap().shape.infl.agreement;
/// assert!(qultu.contains(Cell::S1) && qultu.contains(Cell::Ms2));
/// assert!(!qultu.contains(Cell::Fs3)); // "she said" is قالت
/// ```
pub fn generate(entry: &Entry) -> Vec<Form> {
    let mut raw = match &entry.body {
        Body::Verb { perfect, imperfect } => {
            let (p, sp) = letters(perfect);
            let (i, si) = letters(imperfect);
            verb::Verb::new(p, &i, sp || si).forms()
        }
        Body::Noun(n) => noun::forms(entry.pos, n),
    };
    for x in &entry.extras {
        let (form, _) = letters(&x.form);
        for &tag in &x.tags {
            raw.push(extra_form(entry, &form, tag));
        }
    }
    let excluded: Vec<String> = entry.exclude.iter().map(|x| fold(&letters(x).0)).collect();
    let forms = raw.into_iter().map(folded).filter(|f| !excluded.contains(&f.text)).collect();
    merge(forms)
}

fn extra_form(entry: &Entry, form: &[char], tag: Tag) -> RawForm {
    let (infl, host) = match tag {
        Tag::Verb(aspect, cell) => {
            let moods = if aspect == Aspect::Imperfect { Moods::ALL } else { Moods::NONE };
            let infl = Inflection::verb(aspect, cell, moods, Voice::Unmarked);
            let plural = form.ends_with(&['و', 'ا']);
            (infl, if plural { Host::Never } else { Host::Optional })
        }
        Tag::Noun(number) => {
            (Inflection::noun(entry.pos, number, crate::features::Case::Unmarked), Host::Optional)
        }
    };
    let definite = entry.pos.is_nominal();
    RawForm { raw: form.to_vec(), infl, host, definite, weak: false, pre: 0, suf: 0 }
}

/// The letters folded as article text is folded. An entry's letters are single Arabic
/// letters (U+0621–U+064A, U+0671), which the normalizer folds one by one, so each is
/// folded once by `rasd_text::normalize` itself and remembered: the same answer, without
/// normalizing every form of every entry whole.
fn fold(letters: &[char]) -> String {
    let table = folded_letters();
    let mut out = String::with_capacity(letters.len() * 2);
    for &c in letters {
        match table.get((c as usize).wrapping_sub(0x600)) {
            Some(f) => out.push_str(f),
            None => out.push_str(&rasd_text::normalize::normalize_str(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Per code point of the Arabic block (U+0600..U+06FF), its text as
/// `rasd_text::normalize` folds it, made once.
fn folded_letters() -> &'static [Box<str>] {
    static TABLE: OnceLock<Vec<Box<str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x600..0x700)
            .map(|cp| {
                let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
                rasd_text::normalize::normalize_str(c.encode_utf8(&mut [0; 4])).into()
            })
            .collect()
    })
}

/// The byte offsets in `text` of its code points at the indexes `at`, which ascend
/// (`text.len()` for an index at or past its end; `u8::MAX` for an offset past it):
/// one walk over the text for all of them.
fn char_bytes<const N: usize>(text: &str, at: [usize; N]) -> [u8; N] {
    let mut chars = text.char_indices();
    // The index of the code point `chars` gives next, and the last index answered.
    let mut next = 0;
    let mut last: Option<(usize, usize)> = None;
    at.map(|k| {
        let b = match last {
            Some((i, b)) if i == k => b,
            _ => {
                let b = chars.nth(k.saturating_sub(next)).map_or(text.len(), |(b, _)| b);
                next = k + 1;
                last = Some((k, b));
                b
            }
        };
        u8::try_from(b).unwrap_or(u8::MAX)
    })
}

fn folded(r: RawForm) -> Form {
    let text = fold(&r.raw);
    // Folding maps letter to letter, so the stem's letters are the same positions.
    let n = text.chars().count();
    let start = r.pre.min(n);
    let end = n.saturating_sub(r.suf).max(start);
    let key = end.saturating_sub(if r.weak { 1 } else { 2 }).max(start);
    let [stem_start, voice_at, stem_end] = char_bytes(&text, [start, key, end]);
    let shape =
        Shape { infl: r.infl, host: r.host, definite: r.definite, stem_start, stem_end, voice_at };
    Form { text, shape }
}

/// Merges forms written alike that differ in voice only, then in subject cells only,
/// then in moods only.
fn merge(forms: Vec<Form>) -> Vec<Form> {
    // Forms are compared by an id of their text, so that no string is hashed or cloned
    // more than once.
    let mut ids: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(forms.len(), Default::default());
    let keyed: Vec<(u32, Shape)> = forms
        .iter()
        .map(|f| {
            let next = ids.len() as u32;
            (*ids.entry(f.text.as_str()).or_insert(next), f.shape)
        })
        .collect();
    let n = ids.len();
    let keyed =
        merge_by(keyed, n, |i| i.voice = Voice::Unmarked, |a, b| a.voice = a.voice.join(b.voice));
    let keyed = merge_by(
        keyed,
        n,
        |i| i.agreement = Default::default(),
        |a, b| a.agreement = a.agreement.union(b.agreement),
    );
    let keyed =
        merge_by(keyed, n, |i| i.moods = Moods::NONE, |a, b| a.moods = a.moods.union(b.moods));
    let texts: FxHashMap<u32, &str> = ids.iter().map(|(&t, &id)| (id, t)).collect();
    keyed
        .into_iter()
        .map(|(id, shape)| Form {
            text: texts.get(&id).copied().unwrap_or_default().to_string(),
            shape,
        })
        .collect()
}

/// No form: the end of a chain of [`merge_by`].
const NO_FORM: u32 = u32::MAX;

/// Merges the forms (text id below `ids`, shape) whose shapes are equal once `blank`
/// clears one field, joining that field into the first of them. The forms kept of each
/// text are chained (a text has a handful of readings) and compared directly: no shape
/// is hashed. `join` changes only the field `blank` clears, so a kept form compares as
/// it did before anything was joined into it.
fn merge_by(
    forms: Vec<(u32, Shape)>,
    ids: usize,
    blank: impl Fn(&mut Inflection),
    join: impl Fn(&mut Inflection, &Inflection),
) -> Vec<(u32, Shape)> {
    let blanked = |mut s: Shape| {
        blank(&mut s.infl);
        s
    };
    let mut out: Vec<(u32, Shape)> = Vec::with_capacity(forms.len());
    // Per text id, the last form kept of it; per form kept, the one kept before it.
    let mut last = vec![NO_FORM; ids];
    let mut before: Vec<u32> = Vec::with_capacity(forms.len());
    for (id, f) in forms {
        let key = blanked(f);
        let Some(head) = last.get_mut(id as usize) else { continue };
        let mut at = *head;
        while at != NO_FORM && blanked(out[at as usize].1) != key {
            at = before[at as usize];
        }
        if at == NO_FORM {
            before.push(*head);
            *head = out.len() as u32;
            out.push((id, f));
        } else {
            join(&mut out[at as usize].1.infl, &f.infl);
        }
    }
    out
}

/// Helpers for the paradigm tests of the verb and noun modules.
#[cfg(test)]
pub(crate) mod testing {
    use super::{generate, Form};
    use crate::entry::Entry;
    use crate::features::{Agreement, Aspect, Cell, Voice};

    /// The forms of an entry.
    pub fn forms_of(cell: &str) -> Vec<Form> {
        generate(&Entry::parse(cell).unwrap_or_else(|e| panic!("{cell}: {e}")))
    }

    fn fold(word: &str) -> String {
        rasd_text::normalize::normalize_str(word)
    }

    /// The forms written `word` (as published: it is folded here).
    pub fn written<'f>(forms: &'f [Form], word: &str) -> Vec<&'f Form> {
        let w = fold(word);
        forms.iter().filter(|f| f.text == w).collect()
    }

    /// The subject cells `word` stands for in `aspect`, over every voice.
    pub fn cells(forms: &[Form], word: &str, aspect: Aspect) -> Vec<&'static str> {
        let a = written(forms, word)
            .into_iter()
            .filter(|f| f.shape.infl.aspect == Some(aspect))
            .fold(Agreement::NONE, |a, f| a.union(f.shape.infl.agreement));
        a.cells().map(Cell::code).collect()
    }

    /// The voices `word` is read in as a verb of `aspect`.
    pub fn voices(forms: &[Form], word: &str, aspect: Aspect) -> Vec<Voice> {
        let mut v: Vec<Voice> = written(forms, word)
            .into_iter()
            .filter(|f| f.shape.infl.aspect == Some(aspect))
            .map(|f| f.shape.infl.voice)
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
