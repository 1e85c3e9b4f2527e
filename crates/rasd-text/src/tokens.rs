//! Tokens of the normalized view, each with its place in the original text.
//!
//! A token is a run of one script's letters, a number (digits with `.`/`,` between
//! digits, so `6,500` and `3.5` stay whole), or one punctuation character. Whitespace is
//! not a token. Script changes split words, so `لـCNN` gives `ل` and `cnn`.

use crate::normalize::Normalized;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic-script letters.
    Arabic,
    /// Latin or other non-Arabic letters.
    Latin,
    /// Digits, with inner separators.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset in the normalized view.
    pub nstart: u32,
    /// Byte offset one past the token in the normalized view.
    pub nend: u32,
    /// Code-point offset in the original text.
    pub start: u32,
    /// Code-point offset one past the token in the original text.
    pub end: u32,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's normalized text.
    #[inline]
    pub fn text<'a>(&self, n: &'a Normalized) -> &'a str {
        &n.as_str()[self.nstart as usize..self.nend as usize]
    }

    /// True for Arabic or Latin words.
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
}

/// Whether a character belongs to a word: a letter or digit. Arabic letters and ASCII
/// are decided by range, the rest by `char::is_alphanumeric` (a table search slow
/// enough to dominate on Arabic text); harakat and tatweel, which the standard library
/// counts as alphabetic, are not letters of a word here.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        // Arabic letters (hamza to yeh) and Arabic-Indic digits.
        '\u{0621}'..='\u{063a}' | '\u{0641}'..='\u{064a}' | '\u{0660}'..='\u{0669}' => true,
        '\u{066e}'..='\u{06d3}' | '\u{06d5}' | '\u{06ee}'..='\u{06ff}' => c.is_alphanumeric(),
        // Harakat, tatweel and Arabic punctuation.
        '\u{0600}'..='\u{06ff}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The words of a normalized text: its maximal runs of word characters.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Arabic,
    Latin,
    Digit,
    Punct,
}

#[inline]
fn class(c: char) -> Class {
    match c {
        ' ' | '\n' | '\t' => Class::Space,
        '0'..='9' => Class::Digit,
        'a'..='z' | 'A'..='Z' => Class::Latin,
        '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => {
            Class::Arabic
        }
        c if c.is_ascii() => Class::Punct,
        c if c.is_whitespace() => Class::Space,
        c if c.is_alphabetic() => Class::Latin,
        c if c.is_numeric() => Class::Digit,
        _ => Class::Punct,
    }
}

/// The class and byte length of the character at byte `i` of `s` (a char boundary).
/// ASCII and the two-byte Arabic block are classified without decoding a `char`, since
/// they are nearly all of a news text.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    let b = s.as_bytes();
    let c0 = b[i];
    if c0 < 0x80 {
        let cl = match c0 {
            b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C => Class::Space,
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Latin,
            _ => Class::Punct,
        };
        return (cl, 1);
    }
    if (0xD8..=0xDB).contains(&c0) && i + 1 < b.len() {
        let u = (u32::from(c0 & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
        let cl = match u {
            0x0621..=0x064A | 0x0671..=0x06D3 | 0x06FA..=0x06FF => Class::Arabic,
            _ => s[i..].chars().next().map_or(Class::Punct, class),
        };
        return (cl, 2);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (class(c), c.len_utf8())
}

/// Splits the normalized view into tokens.
pub fn tokenize(n: &Normalized) -> Vec<Token> {
    let s = n.as_str();
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6);
    // Token ends only grow, so their original offsets are found by stepping through the
    // view's map rather than by a search per token.
    let mut ext = 0;
    // Inlined: once per token; out of line, the call cost as much as the work.
    #[inline(always)]
    fn emit(n: &Normalized, ext: &mut usize, out: &mut Vec<Token>, a: usize, b: usize, cl: Class) {
        let (start, end) = n.to_original_in_order(a, b, ext);
        let kind = match cl {
            Class::Arabic => TokenKind::Arabic,
            Class::Latin => TokenKind::Latin,
            Class::Digit => TokenKind::Number,
            _ => TokenKind::Punct,
        };
        out.push(Token {
            nstart: a as u32,
            nend: b as u32,
            start: start as u32,
            end: end as u32,
            kind,
        });
    }
    let mut i = 0;
    while i < bytes.len() {
        let (cl, len) = class_at(s, i);
        match cl {
            Class::Space => i += len,
            Class::Punct => {
                emit(n, &mut ext, &mut out, i, i + len, cl);
                i += len;
            }
            _ => {
                let start = i;
                i += len;
                if cl == Class::Arabic {
                    // The common case, Arabic letters, without the general classifier:
                    // U+0621–064A are the two-byte sequences D8 A1 … D9 8A, one range of
                    // the pair read big-endian (valid UTF-8 has nothing else in it).
                    while let Some(&[b0, b1]) = bytes.get(i..i + 2) {
                        if !(0xD8A1..=0xD98A).contains(&u16::from_be_bytes([b0, b1])) {
                            break;
                        }
                        i += 2;
                    }
                }
                while i < bytes.len() {
                    let (next, l) = class_at(s, i);
                    if next == cl {
                        i += l;
                    } else if cl == Class::Digit
                        && matches!(bytes[i], b',' | b'.')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    {
                        // `6,500` and `3.5`: a separator between digits stays inside.
                        i += 1;
                    } else {
                        break;
                    }
                }
                emit(n, &mut ext, &mut out, start, i, cl);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn texts(s: &str) -> Vec<String> {
        let n = normalize(s);
        tokenize(&n).iter().map(|t| t.text(&n).to_string()).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            texts("قُتل ٦٬٥٠٠ شخص، و3.5 مليون نازح."),
            ["قتل", "6,500", "شخص", ",", "و", "3.5", "مليون", "نازح", "."]
        );
    }

    #[test]
    fn scripts_split() {
        assert_eq!(texts("لـCNN"), ["ل", "cnn"]);
        assert_eq!(texts("بـ\"مينسك\""), ["ب", "\"", "مينسك", "\""]);
    }

    #[test]
    fn trailing_separator_is_not_part_of_number() {
        assert_eq!(texts("عام 2020."), ["عام", "2020", "."]);
        assert_eq!(texts("1, 2"), ["1", ",", "2"]);
    }

    #[test]
    fn offsets_are_code_points_of_the_original() {
        let s = "وصل\u{200F} وزيرُ الخارجية";
        let n = normalize(s);
        let toks = tokenize(&n);
        let chars: Vec<char> = s.chars().collect();
        let got: Vec<String> =
            toks.iter().map(|t| chars[t.start as usize..t.end as usize].iter().collect()).collect();
        assert_eq!(got, ["وصل", "وزيرُ", "الخارجية"]);
    }
}
