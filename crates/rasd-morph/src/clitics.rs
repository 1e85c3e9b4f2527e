//! The clitics around a word: the proclitic readings a lookup tries (read off the folded
//! word's bytes, every proclitic being one two-byte letter), the enclitic splits, and the
//! spelling of a word from a form and its clitics (for tests and for callers that want to
//! see what a lexicon accepts).

use crate::features::{Proclitics, Pronoun};

/// Which words an enclitic attaches to: ني is a verb's "me", ي a noun's "my".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attach {
    Both,
    Verb,
    Noun,
}

/// The enclitic pronouns, folded, longest first where one ends another.
pub(crate) const ENCLITICS: [(&str, Pronoun, Attach); 12] = [
    ("هما", Pronoun::D3, Attach::Both),
    ("كما", Pronoun::D2, Attach::Both),
    ("هم", Pronoun::Mp3, Attach::Both),
    ("هن", Pronoun::Fp3, Attach::Both),
    ("ها", Pronoun::Fs3, Attach::Both),
    ("كم", Pronoun::Mp2, Attach::Both),
    ("كن", Pronoun::Fp2, Attach::Both),
    ("نا", Pronoun::P1, Attach::Both),
    ("ني", Pronoun::S1, Attach::Verb),
    ("ه", Pronoun::Ms3, Attach::Both),
    ("ك", Pronoun::S2, Attach::Both),
    ("ي", Pronoun::S1, Attach::Noun),
];

/// The fewest bytes of a form between the clitics: two letters.
pub(crate) const MIN_CORE: usize = 4;

/// One way to read proclitics off a word: the bytes they take and what they are. A ل
/// is read as [`Proclitics::LI`] here; on a verb it is the particle ([`Proclitics::LAM`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    /// Bytes of the proclitics (at most eight).
    pub at: u8,
    pub flags: Proclitics,
}

/// The proclitic readings of a word, held inline: this runs at every word.
pub(crate) struct Readings {
    items: [Reading; 12],
    len: usize,
}

impl Readings {
    #[inline]
    fn push(&mut self, at: usize, flags: Proclitics) {
        if self.len < self.items.len() {
            self.items[self.len] = Reading { at: at as u8, flags };
            self.len += 1;
        }
    }
}

impl std::ops::Deref for Readings {
    type Target = [Reading];
    #[inline]
    fn deref(&self) -> &[Reading] {
        &self.items[..self.len]
    }
}

/// A two-byte letter's UTF-8 bytes as one number, first byte high: comparing letters is
/// comparing numbers.
const fn code(c: char) -> u16 {
    let u = c as u32;
    (((0xC0 | (u >> 6)) as u16) << 8) | (0x80 | (u & 0x3F)) as u16
}

const WAW: u16 = code('و');
const FA: u16 = code('ف');
const SIN: u16 = code('س');
const LAM: u16 = code('ل');
const BA: u16 = code('ب');
const KAF: u16 = code('ك');
const ALEF: u16 = code('ا');
const HA: u16 = code('ه');
const MIM: u16 = code('م');
const NUN: u16 = code('ن');
const YA: u16 = code('ي');
const TA: u16 = code('ت');

/// The two bytes at `at` as a letter code (0 past the end).
#[inline(always)]
fn letter_at(w: &[u8], at: usize) -> u16 {
    match (w.get(at), w.get(at + 1)) {
        (Some(&a), Some(&b)) => u16::from(a) << 8 | u16::from(b),
        _ => 0,
    }
}

/// Every proclitic reading of a folded word, the bare word first. Conjunction (و ف),
/// then a future سـ or a ل before an imperfect, or a preposition (ب ل ك) and the
/// article (ال; لل for ل + ال, which before a word starting with ل is written with one
/// ل less: للجنة = ل + اللجنة).
#[inline]
pub(crate) fn readings(word: &str) -> Readings {
    let w = word.as_bytes();
    let first = Reading { at: 0, flags: Proclitics::NONE };
    let mut out = Readings { items: [first; 12], len: 1 };
    if w.len() < MIN_CORE + 2 {
        return out;
    }
    after_conjunction(w, first, &mut out);
    let conj = match letter_at(w, 0) {
        WAW => Proclitics::WA,
        FA => Proclitics::FA,
        _ => return out,
    };
    let h = Reading { at: 2, flags: conj };
    out.push(2, conj);
    after_conjunction(w, h, &mut out);
    out
}

#[inline(always)]
fn after_conjunction(w: &[u8], h: Reading, out: &mut Readings) {
    let at = usize::from(h.at);
    let with = |p: Proclitics| h.flags.with(p);
    let l1 = letter_at(w, at + 2);
    match letter_at(w, at) {
        SIN if matches!(l1, YA | TA | NUN | ALEF) => out.push(at + 2, with(Proclitics::FUTURE)),
        LAM => {
            out.push(at + 2, with(Proclitics::LI));
            if l1 == LAM {
                out.push(at + 4, with(Proclitics::LI.with(Proclitics::ARTICLE)));
                out.push(at + 2, with(Proclitics::LI.with(Proclitics::ARTICLE)));
            }
        }
        l0 @ (BA | KAF) => {
            let prep = if l0 == BA { Proclitics::BI } else { Proclitics::KA };
            out.push(at + 2, with(prep));
            if l1 == ALEF && letter_at(w, at + 4) == LAM {
                out.push(at + 6, with(prep.with(Proclitics::ARTICLE)));
            }
        }
        ALEF if l1 == LAM => out.push(at + 4, with(Proclitics::ARTICLE)),
        _ => {}
    }
}

/// The enclitics a word may end in, as indexes into [`ENCLITICS`]: a two- or
/// three-letter one (with its letters), and a one-letter one (ه ك ي); a word ends in at
/// most two (ني and ي). Each leaves at least two letters before it. Returned as plain
/// values, not an array, so that they stay in registers: this runs at every word.
#[inline(always)]
pub(crate) fn enclitic_ends(word: &str) -> (Option<(usize, u8)>, Option<u8>) {
    let b = word.as_bytes();
    let n = b.len();
    if n < MIN_CORE + 2 {
        return (None, None);
    }
    let last = letter_at(b, n - 2);
    let before = letter_at(b, n - 4);
    // ENCLITICS indexes: هما 0, كما 1, هم 2, هن 3, ها 4, كم 5, كن 6, نا 7, ني 8, ه 9, ك 10, ي 11.
    let two = match (before, last) {
        (MIM, ALEF) => match letter_at(b, n - 6) {
            HA => Some((3, 0)),
            KAF => Some((3, 1)),
            _ => None,
        },
        (HA, MIM) => Some((2, 2)),
        (HA, NUN) => Some((2, 3)),
        (HA, ALEF) => Some((2, 4)),
        (KAF, MIM) => Some((2, 5)),
        (KAF, NUN) => Some((2, 6)),
        (NUN, ALEF) => Some((2, 7)),
        (NUN, YA) => Some((2, 8)),
        _ => None,
    };
    let one = match last {
        HA => Some(9),
        KAF => Some(10),
        YA => Some(11),
        _ => None,
    };
    (two.filter(|&(letters, _)| n >= 2 * letters + MIN_CORE), one)
}

/// Marks the split with no enclitic.
pub(crate) const NO_ENCLITIC: u8 = u8::MAX;

/// The spelling of the enclitic pronoun `p` on a verb or a noun.
pub fn enclitic_text(p: Pronoun, verb: bool) -> &'static str {
    ENCLITICS
        .iter()
        .find(|(_, q, a)| *q == p && (*a == Attach::Both || (*a == Attach::Verb) == verb))
        .map_or("", |e| e.0)
}

/// A word spelled from a form (folded, as [`crate::generate`] gives it), its proclitics
/// and an enclitic pronoun, folded as article text is: "و" + "س" + "يقصفون" + "ه" →
/// "وسيقصفونه"; ل + ال + "لجنه" → "للجنه". The proclitics are written in their order
/// (conjunction, then سـ / ل / a preposition, then the article); [`Proclitics::LAM`] and
/// [`Proclitics::LI`] are both ل.
pub fn spell(proclitics: Proclitics, form: &str, enclitic: Option<Pronoun>, verb: bool) -> String {
    let mut out = String::with_capacity(form.len() + 12);
    for (flag, text) in [
        (Proclitics::WA, "و"),
        (Proclitics::FA, "ف"),
        (Proclitics::FUTURE, "س"),
        (Proclitics::BI, "ب"),
        (Proclitics::KA, "ك"),
    ] {
        if proclitics.contains(flag) {
            out.push_str(text);
        }
    }
    let lam = proclitics.intersects(Proclitics::LI.with(Proclitics::LAM));
    if proclitics.contains(Proclitics::ARTICLE) {
        out.push_str(match (lam, form.starts_with('ل')) {
            (true, true) => "ل",
            (true, false) => "لل",
            (false, _) => "ال",
        });
    } else if lam {
        out.push('ل');
    }
    out.push_str(form);
    if let Some(p) = enclitic {
        out.push_str(enclitic_text(p, verb));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str) -> Vec<(&str, Proclitics)> {
        readings(word).iter().map(|r| (&word[usize::from(r.at)..], r.flags)).collect()
    }

    #[test]
    fn proclitic_readings_of_verbs_and_nouns() {
        let r = read("وسيقصفونه");
        assert!(r.contains(&("يقصفونه", Proclitics::WA.with(Proclitics::FUTURE))));
        assert!(r.contains(&("سيقصفونه", Proclitics::WA)));
        let r = read("وبالغارات");
        assert!(
            r.contains(&("غارات", Proclitics::WA.with(Proclitics::BI).with(Proclitics::ARTICLE)))
        );
        let r = read("للجنه");
        let li_al = Proclitics::LI.with(Proclitics::ARTICLE);
        assert!(r.contains(&("لجنه", li_al)) && r.contains(&("جنه", li_al)));
        assert!(r.contains(&("لجنه", Proclitics::LI)));
        assert_eq!(read("قصف"), [("قصف", Proclitics::NONE)]);
        // A سـ not before an imperfect's letter is no future.
        assert!(!read("سلاح").iter().any(|r| r.1.contains(Proclitics::FUTURE)));
    }

    #[test]
    fn enclitic_ends_find_every_pronoun_the_word_may_end_in() {
        fn split(w: &str) -> Vec<(&str, &'static str)> {
            let (two, one) = enclitic_ends(w);
            let two = two.map(|(letters, k)| (w.len() - 2 * letters, k));
            let one = one.map(|k| (w.len() - 2, k));
            two.into_iter()
                .chain(one)
                .map(|(at, k)| (&w[..at], ENCLITICS[usize::from(k)].0))
                .collect()
        }
        assert_eq!(split("قصفني"), [("قصف", "ني"), ("قصفن", "ي")]);
        for (e, _, _) in ENCLITICS {
            let w = format!("غارات{e}");
            assert!(split(&w).contains(&("غارات", e)), "{w}");
        }
        assert_eq!(split("غاراتهما"), [("غارات", "هما")]);
        assert!(split("قصف").is_empty());
        assert!(split("الا").is_empty());
        // The rest must keep two letters.
        assert!(split("به").is_empty());
        assert!(split("بهم").is_empty());
    }

    #[test]
    fn spelling_clitics() {
        let art = Proclitics::ARTICLE;
        assert_eq!(spell(Proclitics::LI.with(art), "لجنه", None, false), "للجنه");
        assert_eq!(spell(Proclitics::LI.with(art), "جيش", None, false), "للجيش");
        assert_eq!(
            spell(Proclitics::FA.with(Proclitics::BI).with(art), "غارات", None, false),
            "فبالغارات"
        );
        assert_eq!(
            spell(Proclitics::WA.with(Proclitics::LAM), "يقصفو", Some(Pronoun::Mp3), true),
            "وليقصفوهم"
        );
        assert_eq!(spell(Proclitics::NONE, "قصف", Some(Pronoun::S1), true), "قصفني");
        assert_eq!(spell(Proclitics::NONE, "غارت", Some(Pronoun::S1), false), "غارتي");
    }
}
