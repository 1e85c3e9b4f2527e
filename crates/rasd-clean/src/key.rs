//! The comparison key every literal pattern and every title check works on.
//!
//! Scraped copies of the same line differ in ways a reader does not notice: harakat
//! present in one copy and not the other, tatweel used for justification, alef written
//! with or without hamza, a colon or quotes added around a name, two spaces instead of
//! one. The key removes exactly those differences so that comparing keys compares what
//! a reader sees. It is never written to the output.

/// Letter counts gathered while building a key, for the script heuristics.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Script {
    pub arabic: u32,
    pub latin: u32,
    /// Words in the key (counted while building it, to save a pass over it).
    pub words: u32,
}

/// Marks that change neither which word it is nor how a scraper splits it.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'   // Quranic honorifics and small letters
        | '\u{061C}'              // Arabic letter mark (bidi)
        | '\u{064B}'..='\u{065F}' // harakat, tanwin, shadda, sukun, small hamza
        | '\u{0640}'              // tatweel
        | '\u{0670}'              // dagger alef
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{00AD}'              // soft hyphen
        | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}')
}

/// Spelling variants that writers and keyboards use interchangeably.
fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | '\u{06CC}' => 'ي',
        'ة' => 'ه',
        '\u{06A9}' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic())
}

/// What the key pass learns, character by character, about whether the text it reads
/// is already in Unicode NFC; see [`nfc_class`]. Lines are independent (NFC never acts
/// across a line break), so one tracker serves a whole article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NfcCheck {
    /// False once a character was met that NFC might change.
    pub plain: bool,
    last_class: u8,
}

impl Default for NfcCheck {
    fn default() -> Self {
        NfcCheck { plain: true, last_class: 0 }
    }
}

impl NfcCheck {
    #[inline]
    fn starter(&mut self) {
        self.last_class = 0;
    }

    #[inline]
    fn see(&mut self, class: u8) {
        if class == NOT_PLAIN || (class != 0 && class < self.last_class) {
            self.plain = false;
        }
        self.last_class = class;
    }
}

/// Marks a character the fast NFC check leaves to the general one.
pub(crate) const NOT_PLAIN: u8 = u8::MAX;

/// For the fast NFC check: 0 for a character NFC leaves alone wherever it stands, the
/// canonical combining class (27 to 34) of tanwin, short vowels, shadda and sukun, whose
/// order NFC fixes, and [`NOT_PLAIN`] for anything else. Most news text is ASCII plus
/// Arabic letters, digits, punctuation and those harakat, and the general check with
/// the Unicode tables is several times slower on exactly that text.
#[inline]
pub(crate) fn nfc_class(c: char, bytes: &[u8]) -> u8 {
    match bytes {
        [lead, cont, ..] if matches!(lead, 0xD8 | 0xD9) => {
            arabic_slot(*lead, *cont).map_or(NOT_PLAIN, |slot| ARABIC_NFC_CLASS[slot])
        }
        _ => match c {
            '\u{0000}'..='\u{007F}' | '\u{00A0}' | '\u{00AB}' | '\u{00BB}' => 0,
            // Not U+2000 and U+2001: NFC maps them to U+2002 and U+2003.
            '\u{2002}'..='\u{206F}' => 0,
            _ => NOT_PLAIN,
        },
    }
}

/// [`nfc_class`] of U+0600..U+067F, by [`arabic_slot`].
static ARABIC_NFC_CLASS: [u8; 128] = {
    let mut t = [NOT_PLAIN; 128];
    let mut cp = 0x0600;
    while cp < 0x0680 {
        t[cp - 0x0600] = match cp {
            0x0621..=0x064A | 0x0660..=0x066D | 0x060C | 0x061B | 0x061F => 0,
            0x064B..=0x0652 => (cp - 0x064B + 27) as u8,
            _ => NOT_PLAIN,
        };
        cp += 1;
    }
    t
};

/// True when `s` is certainly in NFC, decided without the Unicode tables.
pub(crate) fn is_plain_nfc(s: &str) -> bool {
    let mut check = NfcCheck::default();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && check.plain {
        let b = bytes[i];
        if b < 0x80 {
            check.starter();
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            return false;
        };
        check.see(nfc_class(c, &bytes[i..]));
        i += c.len_utf8();
    }
    check.plain
}

/// Appends the key of `line` to `out` and returns the letter counts; `nfc` is told of
/// every character of the line.
///
/// The key is: ignorable marks removed, variants folded, Latin lower-cased, and every
/// run of non-alphanumeric characters turned into one space, with none at either end.
/// Appending (rather than returning a string) lets the cleaner keep the keys of all
/// lines of an article in one buffer.
pub(crate) fn append_key(line: &str, out: &mut String, nfc: &mut NfcCheck) -> Script {
    let base = out.len();
    let bytes = line.as_bytes();
    let mut script = Script::default();
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            nfc.starter();
            if b.is_ascii_alphanumeric() {
                if pending_space && out.len() > base {
                    out.push(' ');
                    script.words += 1;
                }
                pending_space = false;
                if b.is_ascii_alphabetic() {
                    script.latin += 1;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                pending_space = true;
            }
            i += 1;
            continue;
        }
        // Fast path: runs of Arabic letters are most of an article; copy each run at
        // once instead of char by char, folding the common variants on the way.
        if starts_letter_run(bytes, i) {
            if pending_space && out.len() > base {
                out.push(' ');
                script.words += 1;
            }
            pending_space = false;
            let (end, spaces) = copy_letter_runs(line, i, out);
            script.arabic += ((end - i - spaces) / 2) as u32;
            script.words += spaces as u32;
            // Letters of the run are all starters NFC leaves alone.
            nfc.starter();
            i = end;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        nfc.see(nfc_class(c, &bytes[i..]));
        i += c.len_utf8();
        if is_ignorable(c) {
            continue;
        }
        if matches!(c, '\u{2010}'..='\u{205E}' | '«' | '»' | '\u{00A0}' | '،' | '؛' | '؟') {
            // Common punctuation, decided without the slow Unicode tables.
            pending_space = true;
            continue;
        }
        let c = fold(c);
        if is_arabic_letter(c) || c.is_alphanumeric() {
            if pending_space && out.len() > base {
                out.push(' ');
                script.words += 1;
            }
            pending_space = false;
            if is_arabic_letter(c) {
                script.arabic += 1;
                out.push(c);
            } else {
                if is_latin_letter(c) {
                    script.latin += 1;
                }
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
    // Spaces were counted; one word more than spaces, none for an empty key.
    if out.len() > base {
        script.words += 1;
    }
    script
}

/// What [`RUN_LETTERS`] says of the two-byte letter at `i` (0 for anything else).
#[inline]
fn run_letter(bytes: &[u8], i: usize) -> u8 {
    match bytes.get(i..i + 2) {
        Some(&[lead, cont]) => arabic_slot(lead, cont).map_or(0, |s| RUN_LETTERS[s]),
        _ => 0,
    }
}

/// Whether a letter of the fast path ([`copy_letter_runs`]) is at `i`.
#[inline]
fn starts_letter_run(bytes: &[u8], i: usize) -> bool {
    run_letter(bytes, i) != 0
}

/// Appends to `out` the key of the letters from `start` on that the key keeps or folds
/// to another such letter, across single spaces between them (words so written are
/// copied as they are too): one copy for the stretch, or one per stretch between
/// folded letters, rather than a character at a time. Returns where the stretch ends
/// and the spaces in it.
fn copy_letter_runs(line: &str, start: usize, out: &mut String) -> (usize, usize) {
    let b = line.as_bytes();
    let mut i = start;
    let mut copied = start;
    let mut spaces = 0;
    loop {
        loop {
            match run_letter(b, i) {
                KEPT => {}
                FOLDED => {
                    out.push_str(line.get(copied..i).unwrap_or(""));
                    out.push(folded_letter(b[i], b[i + 1]));
                    copied = i + 2;
                }
                _ => break,
            }
            i += 2;
        }
        if b.get(i) == Some(&b' ') && starts_letter_run(b, i + 1) {
            spaces += 1;
            i += 1;
        } else {
            break;
        }
    }
    out.push_str(line.get(copied..i).unwrap_or(""));
    (i, spaces)
}

/// [`fold`] of the two-byte letter `lead`, `cont` of the block U+0600..U+067F, a
/// [`FOLDED`] one, decoded without the general UTF-8 decoder.
#[inline]
fn folded_letter(lead: u8, cont: u8) -> char {
    let cp = 0x0600 | (u32::from(lead & 1) << 6) | u32::from(cont & 0x3F);
    fold(char::from_u32(cp).unwrap_or('\u{FFFD}'))
}

/// Index of the code point U+0600..U+067F encoded by a two-byte sequence with lead
/// byte 0xD8 or 0xD9, or None for any other lead byte. A table indexed by it decides
/// in one load what would otherwise take a decode and several range tests, and this
/// runs on every letter of every article.
#[inline]
pub(crate) fn arabic_slot(lead: u8, cont: u8) -> Option<usize> {
    matches!(lead, 0xD8 | 0xD9).then(|| (usize::from(lead & 1) << 6) | usize::from(cont & 0x3F))
}

/// [`RUN_LETTERS`]: a letter the key copies unchanged.
const KEPT: u8 = 1;
/// [`RUN_LETTERS`]: a letter [`fold`] turns into another letter of the block, and that
/// NFC leaves alone (alef with madda or hamza, teh marbuta, alef maksura).
const FOLDED: u8 = 2;

/// What the fast path does with each code point of U+0600..U+067F: [`KEPT`], [`FOLDED`]
/// or 0, leave it to the general path (tatweel, harakat, punctuation, digits, the rarer
/// variants).
static RUN_LETTERS: [u8; 128] = {
    let mut t = [0; 128];
    let mut cp = 0x0621;
    while cp <= 0x064A {
        t[cp - 0x0600] = match cp {
            0x0622 | 0x0623 | 0x0625 | 0x0629 | 0x0649 => FOLDED,
            0x0640 => 0,
            _ => KEPT,
        };
        cp += 1;
    }
    t
};

/// The key of `line` as a new string; for the places where one allocation is no cost.
pub(crate) fn key(line: &str) -> String {
    let mut out = String::new();
    append_key(line, &mut out, &mut NfcCheck::default());
    out
}

/// Number of words in a key.
pub(crate) fn word_count(key: &str) -> usize {
    if key.is_empty() {
        0
    } else {
        key.bytes().filter(|&b| b == b' ').count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_harakat_and_tatweel() {
        assert_eq!(key("اقْرَأْ أيـــضاً"), "اقرا ايضا");
    }

    #[test]
    fn unifies_alef_ya_and_ta_marbuta() {
        assert_eq!(key("إعلان آخر أخبار"), key("اعلان اخر اخبار"));
        assert_eq!(key("مساحة إعلانية"), "مساحه اعلانيه");
        assert_eq!(key("على"), "علي");
    }

    #[test]
    fn punctuation_and_spaces_collapse() {
        assert_eq!(key("  «صورة  أرشيفية» :: "), "صوره ارشيفيه");
        assert_eq!(key("(Related Nodes field)"), "related nodes field");
        assert_eq!(key("—"), "");
    }

    #[test]
    fn digits_fold_to_ascii() {
        assert_eq!(key("منذ ٣ ساعات"), "منذ 3 ساعات");
        assert_eq!(key("۱۲"), "12");
    }

    #[test]
    fn invisible_controls_do_not_split_words() {
        assert_eq!(key("شا\u{200C}رك\u{200F}"), "شارك");
    }

    #[test]
    fn letter_table_matches_the_ranges() {
        for cp in 0x0600u32..0x0680 {
            let c = char::from_u32(cp).expect("valid");
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let slot = arabic_slot(b[0], b[1]).expect("two-byte Arabic");
            let kept = RUN_LETTERS[slot] == KEPT;
            // The fast path may leave a letter to the slow one, never the reverse.
            let unchanged = is_arabic_letter(c) && fold(c) == c && !is_ignorable(c);
            assert!(!kept || unchanged, "{cp:X}");
            if (0x0621..=0x064A).contains(&cp) {
                assert_eq!(kept, unchanged, "{cp:X}");
            }
            // What it folds, it folds as the slow path does, to a letter it would keep,
            // and NFC leaves the original alone (a starter, composed).
            if RUN_LETTERS[slot] == FOLDED {
                let f = fold(c);
                assert!(f != c && is_arabic_letter(f) && !is_ignorable(c), "{cp:X}");
                let mut fb = [0u8; 4];
                let fb = f.encode_utf8(&mut fb).as_bytes();
                assert_eq!(arabic_slot(fb[0], fb[1]).map(|s| RUN_LETTERS[s]), Some(KEPT));
                assert_eq!(nfc_class(c, b), 0, "{cp:X}");
            }
        }
        assert_eq!(arabic_slot(b'a', b'b'), None);
    }

    #[test]
    fn folds_in_runs_as_char_by_char() {
        // Variants at the start, middle and end of words, in runs with single and double
        // spaces, beside tatweel and harakat that leave the fast path.
        for line in [
            "أعلنت وزارة الدفاع إلى مدينة آمنة على الحدود",
            "ى ة أ",
            "قالت  الأمم المتحدة إنّ الهدنةَ مستمرة",
            "مدرســة أطفال",
        ] {
            let mut fast = String::new();
            append_key(line, &mut fast, &mut NfcCheck::default());
            let slow: String = line
                .chars()
                .filter(|&c| !is_ignorable(c))
                .map(fold)
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(fast, slow, "{line}");
        }
    }

    #[test]
    fn counts_scripts() {
        let mut k = String::from("x");
        let s = append_key("Ad إعلان", &mut k, &mut NfcCheck::default());
        assert_eq!(k, "xad اعلان");
        let k = &k[1..];
        assert_eq!(s, Script { arabic: 5, latin: 2, words: 2 });
        assert_eq!(word_count(k), 2);
        assert_eq!(word_count(""), 0);
    }
}
