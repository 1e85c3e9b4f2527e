//! Sentence splitting.
//!
//! News text ends sentences with `.`, `!`, `?`/`؟` and `…`, and ends every paragraph and
//! list item with a line break. A terminator does not end a sentence when it sits inside
//! quotes or parentheses (quoted speech often holds several sentences and the attribution
//! follows it), between digits (`3.5`), after a lone letter (`د.`, `U.S.`), or after a list
//! number at the start of a line (`1.`). Quote and bracket state resets at every line
//! break, so one unbalanced quote cannot swallow the rest of an article.
//!
//! No sentence is longer than [`MAX_SENTENCE_BYTES`] bytes of the normalized view: a
//! longer run (a page without punctuation, a pasted list, an attacker's input) is cut into
//! pseudo-sentences at the best break near the limit: a comma or semicolon, else a word
//! starting with و (most often the conjunction opening a new clause), else any space. Later
//! stages look at word pairs within a sentence, so this bound keeps every one of them
//! linear in the article.

use crate::normalize::Normalized;
use crate::tokens::is_word_char;

/// A quote that opened this many bytes ago without closing is treated as unbalanced.
const MAX_QUOTE_BYTES: usize = 1200;

/// The longest sentence handed to later stages, in bytes of the normalized view: about
/// 1,000 Arabic letters or 180 words, several times the longest sentence of ordinary news.
pub const MAX_SENTENCE_BYTES: usize = 2048;

/// Bytes the splitter must look at: line breaks, terminators, quotes, brackets, and the
/// lead byte of '…'.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b"\n.!?\"()[]";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true;
    t
};

/// Whether the eight bytes of `x` may hold one the splitter must look at: a byte below
/// 0x60 other than a space (all the ASCII ones are there, with digits and commas as
/// false alarms) or the lead byte of '…'. Each byte is tested on its own, with no carry
/// between bytes, so none is ever missed.
#[inline]
fn may_be_interesting(x: u64) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        (b as u64) * 0x0101_0101_0101_0101
    }
    // High bit set for the bytes equal to zero.
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v) & HIGH;
    // High bit set for the bytes below 0x60: the high bit clear, and the low seven
    // bits plus 0x20 not reaching 0x80.
    let low = !(((x & LOW7) + splat(0x20)) | x) & HIGH;
    (low & !zero(x ^ splat(b' '))) | zero(x ^ splat(0xE2)) != 0
}

/// Sentence spans of the view `n`, as original code-point ranges, trimmed of space.
pub fn split_sentences(n: &Normalized) -> Vec<[usize; 2]> {
    let s = n.as_str();
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut quote_at: Option<usize> = None;
    let mut depth = 0u32;
    let mut line_start = 0usize;
    let mut i = 0usize;
    let close = |out: &mut Vec<[usize; 2]>, a: usize, z: usize| {
        let mut a = a;
        while z - a > MAX_SENTENCE_BYTES {
            let cut = best_break(s, a, a + MAX_SENTENCE_BYTES);
            push_trimmed(n, out, a, cut);
            a = cut;
        }
        push_trimmed(n, out, a, z);
    };
    while i < b.len() {
        // Most bytes are letters and spaces: pass eight at a time while none may be of
        // interest (landing inside a character is harmless, since no byte of interest
        // is a continuation byte).
        while let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if may_be_interesting(u64::from_le_bytes(word)) {
                break;
            }
            i += 8;
        }
        if i >= b.len() {
            break;
        }
        let c = b[i];
        // Then one character at a time, still without entering the match.
        if !INTERESTING[c as usize] {
            // Step over the whole character: continuation bytes are never of interest,
            // and most of the text is two-byte Arabic letters.
            i += match c {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            continue;
        }
        match c {
            b'\n' => {
                close(&mut out, start, i);
                start = i + 1;
                line_start = i + 1;
                quote_at = None;
                depth = 0;
                i += 1;
                continue;
            }
            b'"' => {
                quote_at = match quote_at {
                    Some(_) => None,
                    None => Some(i),
                };
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'.' | b'!' | b'?' => {
                let quoted = quote_at.is_some_and(|q| i - q < MAX_QUOTE_BYTES);
                if !quoted && depth == 0 && ends_sentence(s, i, line_start) {
                    let mut j = i + 1;
                    // Keep a run of terminators and the closing marks right after it.
                    while j < b.len() && matches!(b[j], b'.' | b'!' | b'?' | b'"' | b')' | b'\'') {
                        j += 1;
                    }
                    close(&mut out, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            // First byte of U+2026 '…'; other bytes never need a look.
            0xE2 if s.is_char_boundary(i) && s[i..].starts_with('…') => {
                let quoted = quote_at.is_some_and(|q| i - q < MAX_QUOTE_BYTES);
                let j = i + '…'.len_utf8();
                if !quoted && depth == 0 && followed_by_space(b, j) {
                    close(&mut out, start, j);
                    start = j;
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    close(&mut out, start, b.len());
    out
}

/// The sentence `[a, z)` of the view, trimmed of space, unless nothing is left.
fn push_trimmed(n: &Normalized, out: &mut Vec<[usize; 2]>, a: usize, z: usize) {
    let piece = &n.as_str()[a..z];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        let (x, y) = n.to_original(a + lead, z - trail);
        out.push([x, y]);
    }
}

/// Where to cut a run that starts at byte `a` and must end by `limit`: after the last
/// comma or semicolon (followed by a space, so "1,000" stays whole) of the window's second
/// half, else before its last word opening with و, else at its last space, else at the
/// last character boundary. Always past `a`, so each cut moves on.
fn best_break(s: &str, a: usize, limit: usize) -> usize {
    let b = s.as_bytes();
    let from = a + (limit - a) / 2;
    let window = &b[from..limit];
    if let Some(k) = window.windows(2).rposition(|w| matches!(w, [b',' | b';', b' '])) {
        return from + k + 1;
    }
    let waw = "و".as_bytes();
    if let Some(k) = window.windows(1 + waw.len()).rposition(|w| w[0] == b' ' && &w[1..] == waw) {
        return from + k + 1;
    }
    if let Some(k) = window.iter().rposition(|&c| c == b' ') {
        return from + k + 1;
    }
    // No space in half the limit: cut inside the word, on a character boundary (at most
    // three bytes back, well past `a`).
    let mut k = limit;
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

fn followed_by_space(b: &[u8], j: usize) -> bool {
    j >= b.len() || b[j] == b' ' || b[j] == b'\n'
}

/// Whether the terminator at byte `i` ends a sentence.
fn ends_sentence(s: &str, i: usize, line_start: usize) -> bool {
    let b = s.as_bytes();
    let prev = s[..i].chars().next_back();
    let next = s[i + 1..].chars().next();
    if b[i] == b'.' {
        // 3.5, 17.10.2020
        if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
        // A run of dots continues until its last dot.
        if next == Some('.') {
            return false;
        }
        let word_start = s[..i]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(i, |(k, _)| k);
        let word = &s[word_start..i];
        // Lone-letter abbreviations: د. م. U.S.
        if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
            return false;
        }
        // "1. " opening a list item.
        if !word.is_empty()
            && word.bytes().all(|c| c.is_ascii_digit())
            && s[line_start..word_start].trim().trim_start_matches(['-', '*', '•']).is_empty()
        {
            return false;
        }
    }
    // A terminator glued to the next word ("...لكن") inside running text is not an end
    // unless it is a question or exclamation mark, or a lone full stop between two Arabic
    // words, as scraped pages print a dropped space ("السودان.وأعلنت"): Arabic has no
    // abbreviation of several letters written that way, and a lone letter was kept above.
    match next {
        None => true,
        Some(c) if c.is_whitespace() || matches!(c, '"' | ')' | '\'' | '.' | '!' | '?') => true,
        Some(c) => b[i] != b'.' || (is_arabic_letter(c) && prev.is_some_and(is_arabic_letter)),
    }
}

/// A letter of the Arabic block (not a digit, mark or punctuation of it).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn split(text: &str) -> Vec<String> {
        let n = normalize(text);
        let chars: Vec<char> = text.chars().collect();
        split_sentences(&n).iter().map(|[a, b]| chars[*a..*b].iter().collect()).collect()
    }

    #[test]
    fn basic_terminators() {
        assert_eq!(
            split("وصل الوفد. بدأت المحادثات! هل تنجح؟ ربما"),
            ["وصل الوفد.", "بدأت المحادثات!", "هل تنجح؟", "ربما"]
        );
    }

    #[test]
    fn quotes_hold_sentences_together() {
        assert_eq!(
            split("وقال الوزير: \"نحن مستعدون. لن نتراجع\". ثم غادر."),
            ["وقال الوزير: \"نحن مستعدون. لن نتراجع\".", "ثم غادر."]
        );
        assert_eq!(split("قال «انتهى الأمر. عدنا» وغادر."), ["قال «انتهى الأمر. عدنا» وغادر."]);
    }

    #[test]
    fn parentheses_decimals_abbreviations() {
        assert_eq!(
            split("ارتفع العدد (بحسب الوزارة. وليس غيرها) اليوم."),
            ["ارتفع العدد (بحسب الوزارة. وليس غيرها) اليوم."]
        );
        assert_eq!(split("نزح ٣٫٥ مليون شخص. وصل الدعم."), ["نزح ٣٫٥ مليون شخص.", "وصل الدعم."]);
        assert_eq!(split("قال د. أحمد إن الوضع خطير."), ["قال د. أحمد إن الوضع خطير."]);
    }

    #[test]
    fn lines_and_lists() {
        assert_eq!(
            split("العنوان\n\n1. البند الأول\n2. البند الثاني\n• نقطة"),
            ["العنوان", "1. البند الأول", "2. البند الثاني", "• نقطة"]
        );
    }

    #[test]
    fn unbalanced_quote_resets_at_line_break() {
        assert_eq!(
            split("قال \"كلام بلا نهاية. ثم\nسطر جديد. آخر."),
            ["قال \"كلام بلا نهاية. ثم", "سطر جديد.", "آخر."]
        );
    }

    #[test]
    fn ellipsis_and_glued_dots() {
        assert_eq!(split("انتظروا… ثم عادوا."), ["انتظروا…", "ثم عادوا."]);
        assert_eq!(split("مستعدون...لكن لا."), ["مستعدون...لكن لا."]);
    }

    #[test]
    fn a_full_stop_glued_between_arabic_words_ends_the_sentence() {
        assert_eq!(
            split("وصل النازحون إلى تشاد.وأعلنت المفوضية فتح مخيم جديد."),
            ["وصل النازحون إلى تشاد.", "وأعلنت المفوضية فتح مخيم جديد."]
        );
        assert_eq!(
            split("قصفت المسيرات ميناء أوديسا.وقالت كييف إن الدفاعات تصدت لها."),
            ["قصفت المسيرات ميناء أوديسا.", "وقالت كييف إن الدفاعات تصدت لها."]
        );
        // Not between two Arabic words: a site name, a lone letter, a number.
        assert_eq!(split("نشر موقع aljazeera.net الخبر."), ["نشر موقع aljazeera.net الخبر."]);
        assert_eq!(split("قال د.محمد إن الوضع صعب."), ["قال د.محمد إن الوضع صعب."]);
        assert_eq!(split("بلغ المعدل 3.5 بالمئة."), ["بلغ المعدل 3.5 بالمئة."]);
    }

    #[test]
    fn the_word_test_never_misses_a_byte_of_interest() {
        // Every byte value at every place among fillers of each kind: letters' lead and
        // continuation bytes and spaces.
        for filler in [0xD8u8, 0xA7, b' ', 0x80, 0xBF, b'a'] {
            for v in 0..=255u8 {
                for at in 0..8 {
                    let mut w = [filler; 8];
                    w[at] = v;
                    if INTERESTING[usize::from(v)] {
                        assert!(may_be_interesting(u64::from_le_bytes(w)), "{v:#x} at {at}");
                    }
                }
            }
            assert!(!may_be_interesting(u64::from_le_bytes([filler; 8])) || filler < 0x60);
        }
    }

    #[test]
    fn long_text_splits_the_same_at_every_alignment() {
        let body = "وقال الوزير: \"نحن مستعدون. لن نتراجع\". ثم غادر (بحسب المصدر. هنا) اليوم… وعاد 3.5 مرة!\nسطر";
        let want = [
            "وقال الوزير: \"نحن مستعدون. لن نتراجع\".",
            "ثم غادر (بحسب المصدر. هنا) اليوم…",
            "وعاد 3.5 مرة!",
            "سطر",
        ];
        for pad in 0..9 {
            let text = format!("{}{body}", "ا".repeat(pad));
            let mut got = split(&text);
            got[0] = got[0].trim_start_matches('ا').to_string();
            assert_eq!(got, want, "padded by {pad}");
        }
    }

    /// The view's bytes of each sentence of `text`, and whether the sentences hold every
    /// word of the text, in order.
    fn capped(text: &str) -> (Vec<usize>, Vec<String>) {
        let n = normalize(text);
        let chars: Vec<char> = text.chars().collect();
        let spans = split_sentences(&n);
        let pieces: Vec<String> =
            spans.iter().map(|[a, b]| chars[*a..*b].iter().collect()).collect();
        let words: Vec<&str> = pieces.iter().flat_map(|p| p.split_whitespace()).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>(), "a word lost or split");
        (pieces.iter().map(|p| normalize(p).as_str().len()).collect(), pieces)
    }

    #[test]
    fn a_run_without_punctuation_is_cut_before_a_conjunction() {
        // A scraped page with its full stops lost: clauses joined by و, no comma.
        let clause = "اشتبك الجيش مع مسلحين في ولاية النيل الأزرق وقصفت طائرات مواقع قرب الحدود \
                      وفر آلاف السكان نحو القرى المجاورة";
        let text = vec![clause; 60].join(" و");
        let (lens, pieces) = capped(&text);
        assert!(lens.len() > 1, "one sentence of {} bytes", lens[0]);
        assert!(lens.iter().all(|&l| l <= MAX_SENTENCE_BYTES), "{lens:?}");
        assert!(pieces[1..].iter().all(|p| p.starts_with('و')), "{:?}", &pieces[1][..40]);
    }

    #[test]
    fn a_long_run_is_cut_after_a_comma_first() {
        let clause = "سقطت قذائف على سوق في مدينة الفاشر، ";
        let text = format!("{}وانتهى", clause.repeat(120));
        let (lens, pieces) = capped(&text);
        assert!(lens.len() > 1 && lens.iter().all(|&l| l <= MAX_SENTENCE_BYTES), "{lens:?}");
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with('،')));
        // A thousands separator is no clause break.
        let figures = "1,500 ".repeat(1000);
        let (lens, _) = capped(&figures);
        assert!(lens.iter().all(|&l| l <= MAX_SENTENCE_BYTES), "{lens:?}");
    }

    #[test]
    fn a_run_without_any_space_is_cut_on_character_boundaries() {
        let blob = "ابتثجحخ".repeat(2000);
        let n = normalize(&blob);
        let spans = split_sentences(&n);
        assert!(spans.len() > 1);
        assert_eq!(spans.first().map(|s| s[0]), Some(0));
        assert_eq!(spans.last().map(|s| s[1]), Some(blob.chars().count()));
        assert!(spans.windows(2).all(|w| w[0][1] == w[1][0]), "a letter lost");
        assert!(spans.iter().all(|[a, b]| 2 * (b - a) <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn sentences_of_ordinary_length_are_not_cut() {
        // A long but ordinary sentence, some 600 letters, stays whole.
        let text = "أعلنت الأمم المتحدة أن عشرات الآلاف من المدنيين فروا من القتال في ولاية \
                    شمال دارفور خلال الأسبوع الماضي، وأن المنظمات الإنسانية لم تتمكن من الوصول \
                    إلى المخيمات المحيطة بمدينة الفاشر بسبب الحصار المفروض عليها منذ أشهر، \
                    ودعت الأطراف المتحاربة إلى فتح ممرات آمنة لإيصال الغذاء والدواء إلى السكان \
                    المحاصرين، وحذرت من أن خطر المجاعة يتزايد يوما بعد يوم مع استمرار المعارك \
                    وانقطاع الطرق التجارية بين الإقليم وبقية أنحاء البلاد.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("  \n\n ").is_empty());
    }
}
