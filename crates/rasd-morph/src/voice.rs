//! A verb's voice read off the harakat of the word as published, where the writer put
//! them: news marks the passive when it matters ("قُتل"، "أُعلن"، "يُقتل") and little else.

use crate::features::{Aspect, Pos, Voice};
use crate::lexicon::Analysis;

const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';

/// Whether a character is a mark the normalizer drops from a word (harakat, Quranic
/// marks, superscript alef, tatweel).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
}

/// The short vowel written on each letter of `word` (`None` for an unmarked letter).
fn vowels(word: &str) -> Vec<(char, Option<char>)> {
    let mut out: Vec<(char, Option<char>)> = Vec::with_capacity(word.len() / 2);
    for c in word.chars() {
        if is_mark(c) {
            if let (Some(last), FATHA | DAMMA | KASRA) = (out.last_mut(), c) {
                last.1 = Some(c);
            }
        } else {
            out.push((c, None));
        }
    }
    out
}

/// The voice of a verb analysis, read off the letters where they show it (قال / قيل) and
/// else off the harakat of `original`, the word as published (with its clitics, whose
/// letters `a` counted in the folded word): the perfect's first vowel (قَتل active, قُتل
/// and قِيل passive), the imperfect's prefix vowel (يَقتل active) and, after a damma, the
/// vowel before the last root letter (يُقتَل passive, يُطلِق active). `None` for a noun,
/// or where nothing is marked.
///
/// ```
/// use rasd_morph::{voice, Lexicon, Voice};
/// let lex = Lexicon::new([("v:قتل/يقتل", ()), ("v:أطلق/يطلق", ())]).unwrap();
/// let read = |published: &str| {
///     let folded = rasd_text::normalize::normalize_str(published);
///     voice(published, &lex.analyze(&folded)[0])
/// };
/// assert_eq!(read("وقُتِلَ"), Some(Voice::Passive));
/// assert_eq!(read("يَقتل"), Some(Voice::Active));
/// assert_eq!(read("يُقتَلون"), Some(Voice::Passive));
/// assert_eq!(read("يُطلِق"), Some(Voice::Active));
/// assert_eq!(read("قتل"), None);
/// ```
pub fn voice(original: &str, a: &Analysis) -> Option<Voice> {
    if a.infl.pos != Pos::Verb {
        return None;
    }
    if a.infl.voice != Voice::Unmarked {
        return Some(a.infl.voice);
    }
    // Folded letters are two bytes each, one per letter of the original.
    let letter = |bytes: u8| usize::from(bytes) / 2;
    let v = vowels(original);
    let core = v.get(letter(a.prefix_len)..)?;
    match a.infl.aspect? {
        Aspect::Imperative => Some(Voice::Active),
        Aspect::Perfect => perfect_voice(core.get(..letter(a.stem_end))?),
        Aspect::Imperfect => match core.first()?.1? {
            FATHA => Some(Voice::Active),
            DAMMA => match core.get(letter(a.voice_at))?.1? {
                FATHA => Some(Voice::Passive),
                KASRA => Some(Voice::Active),
                _ => None,
            },
            _ => None,
        },
    }
}

/// The first vowel of a perfect's stem before its last letter: an active perfect opens
/// with a (قَتل، أَعلن، اِستَهدف), a passive one with u, or with i on a long vowel (قِيل).
/// A kasra further on says nothing: the active has one in شرِب.
fn perfect_voice(stem: &[(char, Option<char>)]) -> Option<Voice> {
    let before_last = stem.len().checked_sub(1)?;
    for (k, &(c, vowel)) in stem[..before_last].iter().enumerate() {
        match vowel {
            Some(DAMMA) => return Some(Voice::Passive),
            // The alef of forms VII, VIII and X bears i in both voices.
            Some(KASRA) if k == 0 && c == 'ا' => continue,
            Some(KASRA) if k == 0 => return Some(Voice::Passive),
            Some(KASRA) => return None,
            Some(_) => return Some(Voice::Active),
            None => continue,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    /// The voice of the word's reading in `aspect`, third person.
    fn read_as(published: &str, aspect: Aspect) -> Option<Voice> {
        let lex = Lexicon::new([
            ("v:قتل/يقتل", ()),
            ("v:أعلن/يعلن", ()),
            ("v:اعتقل/يعتقل", ()),
            ("v:استهدف/يستهدف", ()),
            ("v:قال/يقول", ()),
            ("v:دمّر/يدمّر", ()),
            ("m:قتل", ()),
        ])
        .unwrap();
        let folded = rasd_text::normalize::normalize_str(published);
        let third = |a: &&Analysis| a.infl.agreement.person() != Some(crate::Person::First);
        let a = lex.analyze(&folded);
        let a = a.iter().filter(|a| a.infl.aspect == Some(aspect)).find(third);
        voice(published, a.unwrap_or_else(|| panic!("{published}: no {aspect:?}")))
    }

    fn read(published: &str) -> Option<Voice> {
        read_as(published, Aspect::Perfect)
    }

    fn read_imperfect(published: &str) -> Option<Voice> {
        read_as(published, Aspect::Imperfect)
    }

    #[test]
    fn perfects_by_their_first_vowel() {
        assert_eq!(read("قُتِلَ"), Some(Voice::Passive));
        assert_eq!(read("قُتل"), Some(Voice::Passive));
        assert_eq!(read("قَتَلَ"), Some(Voice::Active));
        assert_eq!(read("أُعلن"), Some(Voice::Passive));
        assert_eq!(read("أَعلنت"), Some(Voice::Active));
        assert_eq!(read("اُعتُقل"), Some(Voice::Passive));
        assert_eq!(read("اعتُقِلوا"), Some(Voice::Passive));
        assert_eq!(read("استُهدف"), Some(Voice::Passive));
        assert_eq!(read("دُمِّرت"), Some(Voice::Passive));
        assert_eq!(read("وقُتل"), Some(Voice::Passive), "after a conjunction");
        // A kasra past the first letter says nothing (شرِب is active).
        assert_eq!(read("قتِل"), None);
        assert_eq!(read("قتلوا"), None);
    }

    #[test]
    fn imperfects_by_the_prefix_and_the_vowel_before_the_last_root_letter() {
        assert_eq!(read_imperfect("يَقتل"), Some(Voice::Active));
        assert_eq!(read_imperfect("يُقتَل"), Some(Voice::Passive));
        assert_eq!(read_imperfect("يُقتَلون"), Some(Voice::Passive));
        assert_eq!(read_imperfect("سيُعلَن"), Some(Voice::Passive));
        assert_eq!(read_imperfect("يُعلِن"), Some(Voice::Active));
        assert_eq!(read_imperfect("يُدمِّرون"), Some(Voice::Active));
        // A damma alone: form I passive or form IV active.
        assert_eq!(read_imperfect("يُعلن"), None);
        assert_eq!(read_imperfect("يقتل"), None);
    }

    #[test]
    fn letters_that_show_the_voice_need_no_harakat() {
        assert_eq!(read("قيل"), Some(Voice::Passive));
        assert_eq!(read_imperfect("يقول"), Some(Voice::Active));
        // An object pronoun makes the verb active.
        assert_eq!(read("قتله"), Some(Voice::Active));
    }
}
