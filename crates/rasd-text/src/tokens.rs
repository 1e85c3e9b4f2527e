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

/// Splits the normalized view into tokens.
pub fn tokenize(n: &Normalized) -> Vec<Token> {
    let s = n.as_str();
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut cur: Option<(usize, Class)> = None;
    let emit = |out: &mut Vec<Token>, a: usize, b: usize, cl: Class| {
        let (start, end) = n.to_original(a, b);
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
    };
    for (i, c) in s.char_indices() {
        let cl = class(c);
        if let Some((a, cc)) = cur {
            if cl == cc && cl != Class::Punct {
                continue;
            }
            // `6,500` and `3.5`: a separator between digits stays inside the number.
            if cc == Class::Digit
                && (c == ',' || c == '.')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
            emit(&mut out, a, i, cc);
            cur = None;
        }
        match cl {
            Class::Space => {}
            Class::Punct => emit(&mut out, i, i + c.len_utf8(), cl),
            _ => cur = Some((i, cl)),
        }
    }
    if let Some((a, cc)) = cur {
        emit(&mut out, a, s.len(), cc);
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
