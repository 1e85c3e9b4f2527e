//! The normalized view of Arabic text and its map back to the original.
//!
//! News text spells one word many ways: with or without diacritics and tatweel, with any
//! of four alef forms, ى for ي, ة for ه, Arabic-Indic or Persian digits, presentation-form
//! ligatures pasted from PDFs, and the invisible marks (RLM, ZWNJ, BOM) that scrapers
//! carry along. Every matcher in rasd runs on one canonical spelling, so this module
//! folds all of those into a single view and remembers, for every byte of that view, which
//! code points of the original it came from.
//!
//! The folding rules, in order of application per character:
//! - Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFE) are decomposed (NFKC) first;
//! - harakat, Quranic marks, superscript alef and tatweel are dropped (they extend the
//!   span of the letter before them, so a span over a word keeps its diacritics);
//! - format marks (ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings, soft hyphen, BOM) are dropped;
//! - أ إ آ ٱ ٲ ٳ → ا, ى ی → ي, ة ۀ ە → ه, ک → ك;
//! - Arabic-Indic and Persian digits → ASCII; ٫ → `.`, ٬ and ، → `,`, ؛ → `;`, ؟ → `?`,
//!   ٪ → `%`, ۔ → `.`;
//! - every kind of space → ` `, line and paragraph separators → `\n`, `\r` dropped;
//! - curly, low and guillemet quotes → `"` or `'`; dashes and minus → `-`;
//! - ASCII letters are lowercased.

use unicode_normalization::char::decompose_compatible;

/// What happens to one input character.
enum Fold {
    Keep,
    To(char),
    /// Dropped; `true` when the dropped mark belongs to the letter before it.
    Drop(bool),
    /// Presentation form: decompose, then fold each part.
    Decompose,
}

#[inline]
fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
            '\t' => Fold::To(' '),
            '\r' => Fold::Drop(false),
            _ => Fold::Keep,
        };
    }
    match u {
        // Harakat, Quranic annotation marks, superscript alef, tatweel.
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640 => Fold::Drop(true),
        0x0622 | 0x0623 | 0x0625 | 0x0671 | 0x0672 | 0x0673 => Fold::To('ا'),
        0x0649 | 0x06CC => Fold::To('ي'),
        0x0629 | 0x06C0 | 0x06D5 => Fold::To('ه'),
        0x06A9 => Fold::To('ك'),
        0x0660..=0x0669 => Fold::To(char::from(b'0' + (u - 0x0660) as u8)),
        0x06F0..=0x06F9 => Fold::To(char::from(b'0' + (u - 0x06F0) as u8)),
        0x060C | 0x066C => Fold::To(','),
        0x066B | 0x06D4 => Fold::To('.'),
        0x061B => Fold::To(';'),
        0x061F => Fold::To('?'),
        0x066A => Fold::To('%'),
        0x061C
        | 0x00AD
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x2069
        | 0xFEFF => Fold::Drop(false),
        0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Fold::To(' '),
        0x2028 | 0x2029 | 0x0085 => Fold::To('\n'),
        0x201C..=0x201F | 0x00AB | 0x00BB | 0x2033 | 0x2039 | 0x203A => Fold::To('"'),
        0x2018..=0x201B | 0x2032 => Fold::To('\''),
        0x2010..=0x2015 | 0x2212 => Fold::To('-'),
        0xFB50..=0xFDFF | 0xFE70..=0xFEFE => Fold::Decompose,
        _ => Fold::Keep,
    }
}

/// A normalized view of a text with a map back to the original's code points.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// `start_of[b]`: original code-point offset of the character that starts at byte `b`
    /// of the view (`b == len` gives the original length).
    start_of: Vec<u32>,
    /// Where a character of the view ends later in the original than right after its own
    /// code point — because harakat or tatweel after it were dropped — as (view byte
    /// where that character ends, original end). Sorted; empty for undiacritized text,
    /// so the common case costs nothing.
    extended: Vec<(u32, u32)>,
}

impl Normalized {
    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the view in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the view is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Maps a byte range `[start, end)` of the view (both on char boundaries) to a
    /// code-point range of the original text.
    #[inline]
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.start_of[start] as usize;
        let e = self.end_at(end);
        (s, e.max(s))
    }

    /// [`Normalized::to_original`] for ranges asked with `end` never decreasing, as a
    /// tokenizer asks them: `k` is the caller's place in the list of extended ends (start
    /// it at 0), stepped forward instead of searched for at every range.
    #[inline]
    pub(crate) fn to_original_in_order(
        &self,
        start: usize,
        end: usize,
        k: &mut usize,
    ) -> (usize, usize) {
        let s = self.start_of[start] as usize;
        let e = if end == 0 {
            0
        } else {
            while self.extended.get(*k).is_some_and(|&(at, _)| (at as usize) < end) {
                *k += 1;
            }
            match self.extended.get(*k) {
                Some(&(at, orig)) if at as usize == end => orig as usize,
                _ => self.start_of[end - 1] as usize + 1,
            }
        };
        (s, e.max(s))
    }

    /// Original code-point offset of the view's byte `b`.
    #[inline]
    pub fn original_offset(&self, b: usize) -> usize {
        self.start_of[b] as usize
    }

    /// Original code-point offset one past the character that ends at view byte `b`.
    #[inline]
    fn end_at(&self, b: usize) -> usize {
        if b == 0 {
            return 0;
        }
        match self.extended.binary_search_by_key(&(b as u32), |&(at, _)| at) {
            Ok(k) => self.extended[k].1 as usize,
            Err(_) => self.start_of[b - 1] as usize + 1,
        }
    }

    #[inline(always)]
    fn push(&mut self, c: char, orig: u32) {
        self.text.push(c);
        match c.len_utf8() {
            1 => self.start_of.push(orig),
            2 => self.start_of.extend_from_slice(&[orig, orig]),
            k => self.start_of.extend(std::iter::repeat_n(orig, k)),
        }
    }

    /// Appends the text of characters kept as they are (their map entries are already in
    /// place).
    #[inline]
    fn push_kept(&mut self, piece: &str) {
        if !piece.is_empty() {
            self.text.push_str(piece);
        }
    }

    /// A dropped mark at `orig` belongs to the character before it.
    #[inline]
    fn extend_last(&mut self, orig: u32) {
        if self.text.is_empty() {
            return;
        }
        let at = self.text.len() as u32;
        match self.extended.last_mut() {
            Some(last) if last.0 == at => last.1 = orig + 1,
            _ => self.extended.push((at, orig + 1)),
        }
    }

    fn push_folded(&mut self, c: char, orig: u32) {
        match fold(c) {
            Fold::Keep => self.push(c, orig),
            Fold::To(r) => self.push(r, orig),
            Fold::Drop(extends) => {
                if extends {
                    self.extend_last(orig);
                }
            }
            Fold::Decompose => {
                let mut parts = [char::default(); 4];
                let mut n = 0;
                decompose_compatible(c, |p| {
                    if n < parts.len() {
                        parts[n] = p;
                        n += 1;
                    }
                });
                for &p in &parts[..n] {
                    // A decomposed part is never itself a presentation form, so this
                    // recursion is one level deep.
                    match fold(p) {
                        Fold::Decompose => self.push(p, orig),
                        _ => self.push_folded(p, orig),
                    }
                }
            }
        }
    }
}

/// How a code point below U+0700 folds, precomputed from [`fold`] for the hot loop:
/// `KEEP`, `DROP_EXTEND`, `DROP`, or the replacement character itself.
const KEEP: u32 = u32::MAX;
const DROP_EXTEND: u32 = u32::MAX - 1;
const DROP: u32 = u32::MAX - 2;
const TABLE_END: u32 = 0x0700;

fn table() -> &'static [u32; TABLE_END as usize] {
    static T: std::sync::OnceLock<[u32; TABLE_END as usize]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [KEEP; TABLE_END as usize];
        for (u, slot) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(u as u32) else { continue };
            *slot = match fold(c) {
                Fold::Keep | Fold::Decompose => KEEP,
                Fold::To(r) => r as u32,
                Fold::Drop(true) => DROP_EXTEND,
                Fold::Drop(false) => DROP,
            };
        }
        t
    })
}

/// Builds the normalized view of `text`.
pub fn normalize(text: &str) -> Normalized {
    build::<false>(text).0
}

/// [`normalize`], and the byte offset of every code point of `text`
/// ([`CharOffsets`](crate::CharOffsets)), found on the same pass over its characters.
pub fn normalize_indexed(text: &str) -> (Normalized, crate::CharOffsets<'_>) {
    let (n, starts) = build::<true>(text);
    (n, crate::CharOffsets::from_starts(text, starts))
}

/// Whether a two-byte sequence with lead byte 0xD8 or 0xD9 (U+0600–067F) is a character
/// the view keeps as it is, by `(lead & 1) << 6 | (cont & 0x3F)`: the common letters.
static KEPT_ARABIC: [bool; 128] = {
    let mut t = [false; 128];
    let mut cp = 0x0621;
    while cp <= 0x064A {
        t[cp - 0x0600] = !matches!(cp, 0x0622 | 0x0623 | 0x0625 | 0x0629 | 0x0640 | 0x0649);
        cp += 1;
    }
    t
};

/// The view of `text`, with the byte offset of each of its code points (and one past
/// the end) when `STARTS`.
fn build<const STARTS: bool>(text: &str) -> (Normalized, Vec<u32>) {
    let mut n = Normalized {
        text: String::with_capacity(text.len()),
        start_of: Vec::with_capacity(text.len() + 1),
        extended: Vec::new(),
    };
    let mut starts = Vec::with_capacity(if STARTS { text.len() + 1 } else { 0 });
    let table = table();
    let bytes = text.as_bytes();
    let mut orig: u32 = 0;
    let mut i = 0;
    // Most characters are kept as they are: their map entries are written as they are
    // passed, and their bytes are copied at once, as the run `[run, i)`, when a character
    // that folds (or the end) closes it.
    let mut run = 0;
    while i < bytes.len() {
        if STARTS {
            starts.push(i as u32);
        }
        let b0 = bytes[i];
        // The common case first, with the fewest tests: ASCII kept as it is (spaces,
        // digits, punctuation, lower-case letters) and the common Arabic letters.
        if b0 < 0x80 {
            let r = table[usize::from(b0)];
            if r == KEEP {
                n.start_of.push(orig);
            } else {
                n.push_kept(&text[run..i]);
                match r {
                    DROP_EXTEND => n.extend_last(orig),
                    DROP => {}
                    r => n.push(char::from_u32(r).unwrap_or(char::from(b0)), orig),
                }
                run = i + 1;
            }
            i += 1;
            orig += 1;
            continue;
        }
        if let (0xD8 | 0xD9, Some(&c)) = (b0, bytes.get(i + 1)) {
            if KEPT_ARABIC[(usize::from(b0 & 1) << 6) | usize::from(c & 0x3F)] {
                n.start_of.extend_from_slice(&[orig, orig]);
                i += 2;
                orig += 1;
                continue;
            }
        }
        if (0xC2..0xE0).contains(&b0) && i + 1 < bytes.len() {
            // A lead byte of a two-byte sequence in valid UTF-8 is always followed by its
            // continuation byte; the code point is below U+0800.
            let u = (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            let r = if u < TABLE_END { table[u as usize] } else { KEEP };
            if r == KEEP && u < TABLE_END {
                n.start_of.extend_from_slice(&[orig, orig]);
            } else {
                n.push_kept(&text[run..i]);
                let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
                match r {
                    KEEP => n.push_folded(c, orig),
                    DROP_EXTEND => n.extend_last(orig),
                    DROP => {}
                    r => n.push(char::from_u32(r).unwrap_or(c), orig),
                }
                run = i + 2;
            }
            i += 2;
        } else {
            n.push_kept(&text[run..i]);
            run = i;
            let Some(c) = text[i..].chars().next() else { break };
            i += c.len_utf8();
            n.push_folded(c, orig);
            run = i;
        }
        orig += 1;
    }
    n.push_kept(&text[run..i]);
    n.start_of.push(orig);
    if STARTS {
        starts.push(bytes.len() as u32);
    }
    (n, starts)
}

/// Normalizes a short string (a lexicon entry, a query) without keeping the map.
pub fn normalize_str(text: &str) -> String {
    normalize(text).text
}

/// Whether a normalized word has the endings of a nisba adjective ("أمريكية" read as
/// "امريكيه", "الروسي", "الإسرائيليين"): ة is already ه here, so "ية" is "يه".
pub fn is_nisba(w: &str) -> bool {
    ["ي", "يه", "يين", "يون", "يان", "يتين", "يتان"].iter().any(|e| w.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(s: &str, (a, b): (usize, usize)) -> String {
        s.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn folds_letters_digits_and_marks() {
        let cases = [
            ("أَرْمِينِيَا", "ارمينيا"),
            ("إلى", "الي"),
            ("آذار", "اذار"),
            ("ٱلله", "الله"),
            ("مدرسة", "مدرسه"),
            ("حاليًا", "حاليا"),
            ("٩ أكتوبر", "9 اكتوبر"),
            ("۲۰۲۳", "2023"),
            ("٣٫٥", "3.5"),
            ("٦٬٥٠٠", "6,500"),
            ("قال، ثم", "قال, ثم"),
            ("لماذا؟", "لماذا?"),
            ("بـ\"مجموعة\"", "ب\"مجموعه\""),
            ("«هدنة»", "\"هدنه\""),
            ("“استفزاز”", "\"استفزاز\""),
            ("a\u{00A0}b", "a b"),
            ("ك\u{200C}ب\u{200F}", "كب"),
            ("\u{FEFF}نص", "نص"),
            ("Reuters", "reuters"),
            ("ﻻ", "لا"),
            ("ﺃﺭﻣﻴﻨﻴﺎ", "ارمينيا"),
            ("کابل", "كابل"),
            ("فارسی", "فارسي"),
            ("السلام—الآن", "السلام-الان"),
            ("a\r\nb", "a\nb"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_str(), want, "{input}");
        }
    }

    #[test]
    fn maps_spans_back_over_dropped_marks() {
        let text = "قُتِلَ ثلاثةٌ";
        let n = normalize(text);
        assert_eq!(n.as_str(), "قتل ثلاثه");
        let b = n.as_str().find("ثلاثه").unwrap();
        let (s, e) = n.to_original(b, n.len());
        assert_eq!(slice(text, (s, e)), "ثلاثةٌ");
        let (s, e) = n.to_original(0, "قتل".len());
        assert_eq!(slice(text, (s, e)), "قُتِلَ");
    }

    #[test]
    fn format_marks_do_not_join_the_span_before_them() {
        let text = "باكو\u{200F} يريفان";
        let n = normalize(text);
        let (s, e) = n.to_original(0, "باكو".len());
        assert_eq!(slice(text, (s, e)), "باكو");
    }

    #[test]
    fn ligature_parts_map_to_the_ligature() {
        let text = "ﻻ بد";
        let n = normalize(text);
        assert_eq!(n.to_original(0, "لا".len()), (0, 1));
        assert_eq!(n.to_original("لا ".len(), n.len()), (2, 4));
    }

    #[test]
    fn in_order_mapping_matches_the_searched_one() {
        let text = "قُتِلَ ثلاثةٌ\u{200F} ﻻ بد، وأُصيبَ ـــ آخرون";
        let n = normalize(text);
        let bounds: Vec<usize> =
            (0..=n.len()).filter(|&b| n.as_str().is_char_boundary(b)).collect();
        for (k, &end) in bounds.iter().enumerate() {
            // The place after asking every end before this one, in order.
            let mut ext = 0;
            for &prev in &bounds[..k] {
                n.to_original_in_order(0, prev, &mut ext);
            }
            for &start in &bounds[..=k] {
                let mut e = ext;
                assert_eq!(n.to_original_in_order(start, end, &mut e), n.to_original(start, end));
            }
        }
    }

    /// The view built one character at a time through [`fold`], which the fast paths
    /// of [`normalize`] must reproduce exactly.
    fn char_by_char(text: &str) -> Normalized {
        let mut n = Normalized::default();
        let mut orig = 0;
        for c in text.chars() {
            n.push_folded(c, orig);
            orig += 1;
        }
        n.start_of.push(orig);
        n
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn fast_paths_match_folding_char_by_char(
            text in crate::arb_text(&[
                "قُتِلَ", "أإآٱ", "ىةک", "٣٫٥", "A b\tC\r\n", "\u{200F}\u{FEFF}", "ـ",
                "ﻻ", "ﷺ", "«»“”", "—", "ܐ", "ހ", "\u{0640}\u{064E}", "😀", "é",
            ])
        ) {
            let (fast, slow) = (normalize(&text), char_by_char(&text));
            prop_assert_eq!(&fast.text, &slow.text);
            prop_assert_eq!(&fast.start_of, &slow.start_of);
            prop_assert_eq!(&fast.extended, &slow.extended);
        }
    }

    proptest! {
        #[test]
        fn indexed_gives_the_same_view_and_char_offsets(
            text in crate::arb_text(&[
                "قتل", "أإآ", "ىة", "٣", "A b\t\r\n", "\u{200F}", "ـ", "ﻻ", "ﷺ",
                "😀", "é", "ݐ",
            ])
        ) {
            let (n, offsets) = normalize_indexed(&text);
            let plain = normalize(&text);
            prop_assert_eq!(&n.text, &plain.text);
            prop_assert_eq!(&n.start_of, &plain.start_of);
            prop_assert_eq!(&n.extended, &plain.extended);
            let want = crate::CharOffsets::new(&text);
            for cp in 0..=text.chars().count() + 1 {
                prop_assert_eq!(offsets.byte_of(cp), want.byte_of(cp));
            }
        }
    }

    #[test]
    fn empty_and_all_dropped() {
        assert!(normalize("").is_empty());
        let n = normalize("\u{200F}\u{064E}");
        assert!(n.is_empty());
        let (s, e) = n.to_original(0, 0);
        assert_eq!(s, e);
    }
}
