//! The parser: one tokenizing pass over the normalized text, then a left-to-right walk
//! over the tokens that tries to start an expression at each word or digit run.
//!
//! Every attempt looks ahead a bounded number of tokens (a number expression is a
//! handful of words), and a successful match jumps past what it consumed, so the walk is
//! linear in the text. Lookups are hash lookups of whole words; there is no regex.

use std::sync::OnceLock;

use rasd_model::Bound;

use super::lexicon::{Entry, Kind, NumberLexicon};
use super::NumberMatch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Arabic,
    Latin,
    Digits,
    Space,
    Newline,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    kind: TokKind,
}

impl Tok {
    pub(crate) fn is_arabic(&self) -> bool {
        self.kind == TokKind::Arabic
    }
}

fn class(c: char) -> TokKind {
    match c {
        '0'..='9' => TokKind::Digits,
        ' ' | '\t' => TokKind::Space,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => TokKind::Newline,
        // Arabic letters; marks and tatweel count as letters so that text which skipped
        // normalization still splits into whole words. Arabic-Indic digits and
        // separators (U+0660–066D) are deliberately outside.
        '\u{0620}'..='\u{065F}'
        | '\u{0670}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06ED}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}' => TokKind::Arabic,
        c if c.is_alphabetic() => TokKind::Latin,
        c if c.is_whitespace() => TokKind::Space,
        _ => TokKind::Punct,
    }
}

/// The class of every code point below U+0800 (ASCII and every two-byte sequence, which
/// covers the Arabic block), computed once from [`class`]: the tokenizer classifies every
/// character of every article, and a table load is far cheaper than the match.
fn class_table() -> &'static [TokKind; 0x800] {
    static TABLE: OnceLock<[TokKind; 0x800]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [TokKind::Punct; 0x800];
        for (u, slot) in t.iter_mut().enumerate() {
            if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                *slot = class(c);
            }
        }
        t
    })
}

/// Letter runs, digit runs, space runs, newline runs and single punctuation characters.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let table = class_table();
    let b = s.as_bytes();
    // Spaces are tokens too: about one token per four bytes of news text.
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let mut i = 0;
    let mut cur = (!b.is_empty()).then(|| class_at(table, s, 0));
    while let Some((k, len)) = cur {
        let start = i;
        i += len;
        if k == TokKind::Arabic {
            // Arabic letters are nearly all of a run, and need no table: U+0620–065F are
            // the two-byte sequences D8 A0 … D9 9F, one range of the pair read big-endian
            // (valid UTF-8 has nothing else in it).
            while let Some(&[b0, b1]) = b.get(i..i + 2) {
                if !(0xD8A0..=0xD99F).contains(&u16::from_be_bytes([b0, b1])) {
                    break;
                }
                i += 2;
            }
        }
        // Extend the run (a punctuation character stands alone); the character that
        // ends it starts the next token, already classified.
        cur = None;
        while i < b.len() {
            let (next, l) = class_at(table, s, i);
            if next != k || k == TokKind::Punct {
                cur = Some((next, l));
                break;
            }
            i += l;
        }
        out.push(Tok { start, end: i, kind: k });
    }
    out
}

/// The tokens [`tokenize`] gives `s`, derived from the main tokenizer's tokens of the
/// same text ([`crate::tokenize`] of the view whose text is `s`) instead of a second
/// pass over every character.
///
/// The two tokenizations differ only in detail: the main one skips whitespace, keeps
/// `6,500` whole and counts a few rare letters as Latin. So a main token whose text
/// is plain (an Arabic word, an ASCII word, ASCII digits with separators, a one-space
/// gap) is carried over at once, anything else is classified here character by
/// character, and neighbours of one class are joined, which gives exactly the maximal
/// runs [`tokenize`] finds.
pub(crate) fn tokens_from(s: &str, main: &[crate::Token]) -> Vec<Tok> {
    use crate::TokenKind as Main;
    let b = s.as_bytes();
    let table = class_table();
    // A main token and the gap before it: about two tokens each.
    let mut out = Vec::with_capacity(main.len() * 2 + 1);
    let mut at = 0;
    for t in main {
        let (start, end) = (t.nstart as usize, t.nend as usize);
        if start > at {
            match (start - at, b[at]) {
                (1, b' ') => push_run(&mut out, at, start, TokKind::Space),
                (1, b'\n') => push_run(&mut out, at, start, TokKind::Newline),
                _ => classify(table, s, at, start, &mut out),
            }
        }
        let text = &b[start..end];
        match t.kind {
            // Every letter of the main Arabic class is one here too.
            Main::Arabic => push_run(&mut out, start, end, TokKind::Arabic),
            // ASCII punctuation of the main tokenizer is punctuation here too.
            Main::Punct if text.len() == 1 && text[0].is_ascii() => {
                out.push(Tok { start, end, kind: TokKind::Punct })
            }
            Main::Latin if text.iter().all(u8::is_ascii_alphabetic) => {
                push_run(&mut out, start, end, TokKind::Latin)
            }
            Main::Number if text.iter().all(|c| matches!(c, b'0'..=b'9' | b',' | b'.')) => {
                // Digit runs, each separator a punctuation token of its own.
                let mut run = start;
                for (k, c) in text.iter().enumerate() {
                    if matches!(c, b',' | b'.') {
                        push_run(&mut out, run, start + k, TokKind::Digits);
                        push_run(&mut out, start + k, start + k + 1, TokKind::Punct);
                        run = start + k + 1;
                    }
                }
                push_run(&mut out, run, end, TokKind::Digits);
            }
            _ => classify(table, s, start, end, &mut out),
        }
        at = end;
    }
    if at < s.len() {
        classify(table, s, at, s.len(), &mut out);
    }
    out
}

/// Appends the run `[start, end)` of one class, joining it to the token before when that
/// is of the same class (a punctuation character always stands alone).
#[inline]
fn push_run(out: &mut Vec<Tok>, start: usize, end: usize, kind: TokKind) {
    if start == end {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind && kind != TokKind::Punct && last.end == start => {
            last.end = end;
        }
        _ => out.push(Tok { start, end, kind }),
    }
}

/// Appends `s[start..end]` character by character, as [`tokenize`] classifies them.
fn classify(table: &[TokKind; 0x800], s: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let mut i = start;
    while i < end {
        let (kind, len) = class_at(table, s, i);
        push_run(out, i, i + len, kind);
        i += len;
    }
}

/// The code point of a two-byte UTF-8 sequence.
#[inline(always)]
fn two_byte(b0: u8, b1: u8) -> u32 {
    (u32::from(b0 & 0x1f) << 6) | u32::from(b1 & 0x3f)
}

/// The class and byte length of the character at byte `i` (a char boundary) of `s`.
#[inline(always)]
fn class_at(table: &[TokKind; 0x800], s: &str, i: usize) -> (TokKind, usize) {
    let b = s.as_bytes();
    match b[i] {
        c @ 0..=0x7f => (table[usize::from(c)], 1),
        c @ 0xc0..=0xdf if i + 1 < b.len() => (table[two_byte(c, b[i + 1]) as usize], 2),
        _ => {
            let c = s[i..].chars().next().unwrap_or(' ');
            (class(c), c.len_utf8())
        }
    }
}

const CONJ: [char; 2] = ['و', 'ف'];
const PREP: [char; 3] = ['ب', 'ل', 'ك'];

/// Calls `f(prefix_bytes, stem, article_elided)` for each proclitic reading of `word`,
/// the whole word first, and returns the first `Some`. Readings: conjunction (و ف),
/// preposition (ب ل ك), both, and `لل` (ل + ال with the alef elided, where `stem` is
/// what follows `لل` and `article_elided` is true). A stem must keep at least
/// `min_after_conj` letters after a bare conjunction and `min_after_prep` after a
/// preposition, which is what keeps "لست" ("you are not") from reading as ل + ست.
pub(crate) fn first_split<'w, T>(
    word: &'w str,
    min_after_conj: usize,
    min_after_prep: usize,
    mut f: impl FnMut(usize, &'w str, bool) -> Option<T>,
) -> Option<T> {
    let long = |s: &str, n: usize| s.chars().nth(n.saturating_sub(1)).is_some();
    if let Some(t) = f(0, word, false) {
        return Some(t);
    }
    let conj = word.strip_prefix(CONJ).filter(|r| !r.is_empty());
    if let Some(rest) = conj {
        if long(rest, min_after_conj) {
            if let Some(t) = f(word.len() - rest.len(), rest, false) {
                return Some(t);
            }
        }
    }
    for head in [Some(word), conj].into_iter().flatten() {
        let base = word.len() - head.len();
        if let Some(rest) = head.strip_prefix("لل") {
            if long(rest, 2) {
                if let Some(t) = f(base + "لل".len(), rest, true) {
                    return Some(t);
                }
            }
        }
        if let Some(rest) = head.strip_prefix(PREP) {
            if long(rest, min_after_prep) {
                if let Some(t) = f(word.len() - rest.len(), rest, false) {
                    return Some(t);
                }
            }
        }
    }
    None
}

/// A place in a number expression: a token, and where its stem starts after proclitics.
#[derive(Debug, Clone, Copy)]
struct At {
    tok: usize,
    stem: usize,
}

/// A parsed stretch of a number expression.
#[derive(Debug, Clone, Copy)]
struct Piece {
    value: f64,
    /// Token index after the stretch.
    next: usize,
    /// Byte offset one past the stretch.
    end: usize,
    words: bool,
    dual: bool,
    vague: bool,
}

/// A parsed group: a count times a scale, or a bare count.
#[derive(Debug, Clone, Copy)]
struct Group {
    piece: Piece,
    /// Whatever may follow after و must be below this (the scale just closed);
    /// 0 when nothing may follow.
    room: f64,
}

/// A numeral written in digits: `mantissa / 10^places`, kept apart so that
/// "3.5 مليون" multiplies exactly (35 × 10^6 / 10) instead of through 3.5's binary error.
#[derive(Debug, Clone, Copy)]
struct Literal {
    mantissa: f64,
    places: i32,
    next: usize,
    end: usize,
}

impl Literal {
    fn times(&self, scale: f64) -> f64 {
        self.mantissa * scale / 10f64.powi(self.places)
    }
}

pub(crate) struct Scanner<'a> {
    lex: &'a NumberLexicon,
    text: &'a str,
    pub(crate) toks: Vec<Tok>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(lex: &'a NumberLexicon, text: &'a str) -> Self {
        Scanner { lex, text, toks: tokenize(text) }
    }

    /// A scanner over tokens already made ([`tokenize`] or [`tokens_from`] of `text`).
    pub(crate) fn with_tokens(lex: &'a NumberLexicon, text: &'a str, toks: Vec<Tok>) -> Self {
        Scanner { lex, text, toks }
    }

    pub(crate) fn tok_str(&self, k: usize) -> &'a str {
        let t = self.toks[k];
        &self.text[t.start..t.end]
    }

    fn kind(&self, k: usize) -> Option<TokKind> {
        self.toks.get(k).map(|t| t.kind)
    }

    fn skip_spaces(&self, mut j: usize) -> usize {
        while self.kind(j) == Some(TokKind::Space) {
            j += 1;
        }
        j
    }

    /// The Arabic word at or after `j` across spaces only (a newline or punctuation
    /// ends an expression).
    fn word_after(&self, j: usize) -> Option<usize> {
        let k = self.skip_spaces(j);
        (self.kind(k) == Some(TokKind::Arabic)).then_some(k)
    }

    fn exact(&self, k: usize) -> Option<Entry> {
        self.lex.word(self.tok_str(k))
    }

    fn stem_str(&self, at: At) -> &'a str {
        &self.text[at.stem..self.toks[at.tok].end]
    }

    /// The number word at token `k`, reading proclitics off if the whole word is not one.
    fn first_entry(&self, k: usize) -> Option<(Entry, usize)> {
        let start = self.toks[k].start;
        first_split(self.tok_str(k), 2, 3, |plen, stem, elided| {
            let e = if elided {
                // Only the definite vague plurals (العشرات، الالاف) begin with ال.
                self.lex.word(&format!("ال{stem}"))
            } else {
                self.lex.word(stem)
            }?;
            Some((e, start + plen))
        })
    }

    /// A conjunction و at or after `j` (spaces only), fused to the next word ("وخمسة",
    /// "و500") or standing alone ("و خمسة"): where the conjoined word starts.
    fn conj(&self, j: usize) -> Option<At> {
        let k = self.skip_spaces(j);
        if self.kind(k) != Some(TokKind::Arabic) {
            return None;
        }
        let s = self.tok_str(k);
        if s == "و" {
            let m = self.skip_spaces(k + 1);
            return matches!(self.kind(m), Some(TokKind::Arabic | TokKind::Digits))
                .then(|| At { tok: m, stem: self.toks[m].start });
        }
        let rest = s.strip_prefix('و')?;
        (!rest.is_empty()).then(|| At { tok: k, stem: self.toks[k].start + 'و'.len_utf8() })
    }

    /// The scale word after a count: "ألف", "آلاف", "مليون", "ملايين".
    fn scale_word(&self, j: usize) -> Option<(usize, f64)> {
        let k = self.word_after(j)?;
        let e = self.exact(k)?;
        matches!(e.kind, Kind::Scale | Kind::Plural).then_some((k, e.value))
    }

    /// The scale after a count, with a larger one stacked on it ("ألف مليون", an
    /// older way of writing a billion): the last scale token and the product.
    fn scale_after(&self, j: usize) -> Option<(usize, f64)> {
        let (k, s) = self.scale_word(j)?;
        Some(match self.scale_word(k + 1) {
            Some((k2, s2)) if s2 > s => (k2, s * s2),
            _ => (k, s),
        })
    }

    fn one(&self, at: At, value: f64) -> Piece {
        Piece {
            value,
            next: at.tok + 1,
            end: self.toks[at.tok].end,
            words: true,
            dual: false,
            vague: false,
        }
    }

    /// Digits with their separators, starting at token `i`.
    ///
    /// `,` followed by groups of exactly three digits is a thousands separator. `.`
    /// followed by one group of exactly three digits ("12.000") is read as European
    /// thousands when the integer part has one to three digits, does not start with 0
    /// and no scale word follows: news counts are written that way, while a decimal with
    /// exactly three places is rare. Before a scale word it is a decimal ("1.500
    /// مليار"). Two or more `.` groups of three are thousands; other dotted runs
    /// ("12.05.2020") are dates or versions, so only the first run of digits is taken and
    /// the rest is left for the next attempt. `,` with one or two digits before a scale
    /// word is a decimal comma ("2,5 مليون").
    fn literal(&self, i: usize) -> Option<Literal> {
        let adjacent = |a: usize, b: usize| self.toks[a].end == self.toks[b].start;
        let mut groups = vec![i];
        let mut seps = Vec::new();
        let mut j = i;
        while j + 2 < self.toks.len()
            && self.kind(j + 1) == Some(TokKind::Punct)
            && matches!(self.tok_str(j + 1), "." | ",")
            && self.kind(j + 2) == Some(TokKind::Digits)
            && adjacent(j, j + 1)
            && adjacent(j + 1, j + 2)
        {
            seps.push(self.tok_str(j + 1));
            groups.push(j + 2);
            j += 2;
        }
        let len = |k: usize| self.toks[k].end - self.toks[k].start;
        let g0 = self.tok_str(i);
        let lead_ok = len(i) <= 3;
        let tail3 = |from: usize, to: usize| groups[from..to].iter().all(|&g| len(g) == 3);
        let n = seps.len();
        let after = |last: usize| self.scale_after(last + 1).is_some();
        // The rest of a run already split as a date ("05.2020" of "12.05.2020") is read
        // group by group too, not re-joined into a decimal.
        let split_tail = i >= 2
            && self.kind(i - 1) == Some(TokKind::Punct)
            && matches!(self.tok_str(i - 1), "." | ",")
            && self.kind(i - 2) == Some(TokKind::Digits)
            && adjacent(i - 2, i - 1)
            && adjacent(i - 1, i);
        // (tokens of the integer part, token of the fraction part)
        let (int_groups, frac): (usize, Option<usize>) = match n {
            _ if split_tail => (1, None),
            0 => (1, None),
            1 => {
                let g1 = groups[1];
                match seps[0] {
                    "," if lead_ok && len(g1) == 3 => (2, None),
                    "," if len(g1) <= 2 && after(g1) => (1, Some(g1)),
                    "," => (1, None),
                    _ if lead_ok && len(g1) == 3 && !g0.starts_with('0') && !after(g1) => (2, None),
                    _ => (1, Some(g1)),
                }
            }
            _ => {
                let same = seps.iter().all(|s| *s == seps[0]);
                let head_same = seps[..n - 1].iter().all(|s| *s == seps[0]);
                if lead_ok && same && tail3(1, n + 1) {
                    (n + 1, None)
                } else if lead_ok && head_same && seps[n - 1] != seps[0] && tail3(1, n) {
                    (n, Some(groups[n]))
                } else {
                    (1, None)
                }
            }
        };
        // ".5": the run is all fraction.
        let (int_groups, frac) =
            if n == 0 && self.leading_point(i) { (0, Some(i)) } else { (int_groups, frac) };
        let mut mantissa = 0f64;
        let mut places = 0i32;
        let digits =
            groups[..int_groups].iter().map(|&g| (g, false)).chain(frac.map(|g| (g, true)));
        for (g, is_frac) in digits {
            for b in self.tok_str(g).bytes() {
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                if is_frac {
                    places += 1;
                }
            }
        }
        let last = frac.unwrap_or(groups[int_groups.saturating_sub(1)]);
        // Digits glued to Latin letters are part of a code ("5g", "300km"), not a count.
        if self.kind(last + 1) == Some(TokKind::Latin) && adjacent(last, last + 1) {
            return None;
        }
        Some(Literal { mantissa, places, next: last + 1, end: self.toks[last].end })
    }

    /// Whether the digits at token `i` follow a bare decimal point (".5 مليون", from
    /// "٫٥"). A point glued to a word is a full stop missing its space ("الاجتماع.5").
    fn leading_point(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        if self.kind(p) != Some(TokKind::Punct)
            || self.tok_str(p) != "."
            || self.toks[p].end != self.toks[i].start
        {
            return false;
        }
        match p.checked_sub(1) {
            None => true,
            Some(b) => {
                self.toks[b].end != self.toks[p].start
                    || matches!(self.toks[b].kind, TokKind::Space | TokKind::Newline)
            }
        }
    }

    /// Digits glued to Latin letters are a code ("f16"), not a count. Glued to Arabic
    /// letters they are a proclitic ("ب30", "و15") or a missing space ("عام2020"),
    /// which scraped news is full of, so those stay numbers.
    fn digits_may_start(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return true };
        !(self.toks[p].end == self.toks[i].start && self.toks[p].kind == TokKind::Latin)
    }

    /// 1–99 in words: a unit, a teen ("ثلاثة عشر"), tens, or unit و tens ("خمسة وعشرون").
    fn below100(&self, at: At, e: Entry) -> Option<Piece> {
        let one = self.one(at, e.value);
        match e.kind {
            Kind::Tens => Some(one),
            Kind::Unit if e.value >= 10.0 => Some(one),
            Kind::Unit | Kind::Teen => {
                if let Some(k) = self.word_after(at.tok + 1) {
                    if self.exact(k).is_some_and(|n| n.kind == Kind::Unit && n.value == 10.0) {
                        return Some(Piece {
                            value: e.value + 10.0,
                            next: k + 1,
                            end: self.toks[k].end,
                            ..one
                        });
                    }
                }
                if let Some(c) = self.conj(at.tok + 1) {
                    if self.toks[c.tok].is_arabic() {
                        if let Some(n) =
                            self.lex.word(self.stem_str(c)).filter(|n| n.kind == Kind::Tens)
                        {
                            return Some(Piece {
                                value: e.value + n.value,
                                next: c.tok + 1,
                                end: self.toks[c.tok].end,
                                ..one
                            });
                        }
                    }
                }
                // أحد and إحدى alone mean "one of", not a count.
                (e.kind == Kind::Unit).then_some(one)
            }
            _ => None,
        }
    }

    /// 1–999 in words: hundreds ("ثلاثمئة", "ثلاث مئة", "مئتا") optionally followed by
    /// و and 1–99, or 1–99 alone.
    fn below1000(&self, at: At, e: Entry) -> Option<Piece> {
        let (value, next, end, dual) = match e.kind {
            Kind::Hundred => (e.value, at.tok + 1, self.toks[at.tok].end, false),
            Kind::Dual if e.value == 100.0 => (200.0, at.tok + 1, self.toks[at.tok].end, true),
            Kind::Unit if (3.0..=9.0).contains(&e.value) => {
                let hundred = self.word_after(at.tok + 1).filter(|&k| {
                    self.exact(k).is_some_and(|n| n.kind == Kind::Hundred && n.value == 100.0)
                });
                match hundred {
                    Some(k) => (e.value * 100.0, k + 1, self.toks[k].end, false),
                    None => return self.below100(at, e),
                }
            }
            _ => return self.below100(at, e),
        };
        let base = Piece { value, next, end, words: true, dual, vague: false };
        if let Some(c) = self.conj(next) {
            if self.toks[c.tok].is_arabic() {
                if let Some(rest) =
                    self.lex.word(self.stem_str(c)).and_then(|n| self.below100(c, n))
                {
                    return Some(Piece {
                        value: value + rest.value,
                        next: rest.next,
                        end: rest.end,
                        ..base
                    });
                }
            }
        }
        Some(base)
    }

    /// A group: a count optionally times a scale, or a scale word standing alone.
    /// `e` is `None` for digits.
    fn group(&self, at: At, e: Option<Entry>) -> Option<Group> {
        let Some(e) = e else {
            let lit = self.literal(at.tok)?;
            let piece = Piece {
                value: lit.times(1.0),
                next: lit.next,
                end: lit.end,
                words: false,
                dual: false,
                vague: false,
            };
            return Some(match self.scale_after(lit.next) {
                Some((k, s)) => Group {
                    piece: Piece {
                        value: lit.times(s),
                        next: k + 1,
                        end: self.toks[k].end,
                        words: true,
                        ..piece
                    },
                    room: s,
                },
                None => Group { piece, room: 0.0 },
            });
        };
        match e.kind {
            Kind::Scale => Some(match self.scale_word(at.tok + 1) {
                Some((k, s2)) if s2 > e.value => Group {
                    piece: Piece {
                        value: e.value * s2,
                        next: k + 1,
                        end: self.toks[k].end,
                        ..self.one(at, 0.0)
                    },
                    room: e.value * s2,
                },
                _ => Group { piece: self.one(at, e.value), room: e.value },
            }),
            Kind::Dual if e.value >= 1000.0 => Some(Group {
                piece: Piece { dual: true, ..self.one(at, 2.0 * e.value) },
                room: e.value,
            }),
            Kind::Fraction => {
                // "نصف مليون"; a fraction alone is a share of something, not a count.
                let (k, s) = self.scale_after(at.tok + 1)?;
                let piece = Piece {
                    value: e.value * s,
                    next: k + 1,
                    end: self.toks[k].end,
                    ..self.one(at, 0.0)
                };
                Some(Group { piece, room: 0.0 })
            }
            Kind::Unit | Kind::Teen | Kind::Tens | Kind::Hundred | Kind::Dual => {
                let count = self.below1000(at, e)?;
                Some(match self.scale_after(count.next) {
                    Some((k, s)) => Group {
                        piece: Piece {
                            value: count.value * s,
                            next: k + 1,
                            end: self.toks[k].end,
                            ..count
                        },
                        room: s,
                    },
                    None => Group { piece: count, room: 0.0 },
                })
            }
            Kind::Plural | Kind::Vague | Kind::VagueHead | Kind::Ordinal => None,
        }
    }

    /// "عشرات"، "آلاف"، "عشرات الآلاف"، "بضع مئات"، "عدة آلاف".
    fn vague(&self, at: At, e: Entry) -> Option<Piece> {
        let one = Piece { vague: true, ..self.one(at, e.value) };
        if let Some(k) = self.word_after(at.tok + 1) {
            if let Some(n) = self.exact(k) {
                let multiplies = matches!(n.kind, Kind::Plural | Kind::Vague | Kind::Scale);
                // "بضعة عشر": a few over ten.
                if e.kind == Kind::Vague
                    && e.value < 10.0
                    && n.kind == Kind::Unit
                    && n.value == 10.0
                {
                    let end = self.toks[k].end;
                    return Some(Piece { value: e.value + 10.0, next: k + 1, end, ..one });
                }
                if multiplies && n.value >= 10.0 && n.value > e.value {
                    return Some(Piece {
                        value: e.value * n.value,
                        next: k + 1,
                        end: self.toks[k].end,
                        ..one
                    });
                }
            }
        }
        (e.kind != Kind::VagueHead).then_some(one)
    }

    /// A whole number expression (without qualifiers) starting at token `i`.
    /// `clitics`: whether the first word may carry proclitics.
    fn number(&self, i: usize, clitics: bool) -> Option<(Piece, usize)> {
        let t = self.toks.get(i)?;
        let (at, e) = match t.kind {
            TokKind::Digits if self.digits_may_start(i) => {
                let stem = if self.leading_point(i) { self.toks[i - 1].start } else { t.start };
                (At { tok: i, stem }, None)
            }
            TokKind::Arabic => {
                let (e, stem) =
                    if clitics { self.first_entry(i)? } else { (self.exact(i)?, t.start) };
                (At { tok: i, stem }, Some(e))
            }
            _ => return None,
        };
        if let Some(e) = e {
            match e.kind {
                Kind::Vague | Kind::VagueHead | Kind::Plural => {
                    return Some((self.vague(at, e)?, at.stem))
                }
                Kind::Ordinal => return None,
                _ => {}
            }
        }
        let first = self.group(at, e)?;
        let mut acc = first.piece;
        let mut room = first.room;
        // Later groups must each be below the scale closed before them:
        // "ثلاثة آلاف وخمسمئة" joins, "ثلاثة آلاف وخمسة آلاف" and "10 و15" do not.
        while room >= 1000.0 {
            let Some(c) = self.conj(acc.next) else { break };
            let ce = if self.toks[c.tok].is_arabic() {
                match self.lex.word(self.stem_str(c)) {
                    Some(n)
                        if !matches!(
                            n.kind,
                            Kind::Plural | Kind::Vague | Kind::VagueHead | Kind::Ordinal
                        ) =>
                    {
                        Some(n)
                    }
                    _ => break,
                }
            } else {
                None
            };
            let Some(g) = self.group(c, ce) else { break };
            if g.piece.value >= room || g.room >= room {
                break;
            }
            acc = Piece {
                value: acc.value + g.piece.value,
                next: g.piece.next,
                end: g.piece.end,
                words: acc.words || g.piece.words,
                dual: acc.dual || g.piece.dual,
                vague: false,
            };
            room = g.room;
        }
        if room >= 1000.0 {
            if let Some(c) = self.conj(acc.next) {
                let frac =
                    self.toks[c.tok].is_arabic().then(|| self.lex.word(self.stem_str(c))).flatten();
                if let Some(f) = frac.filter(|f| f.kind == Kind::Fraction) {
                    acc.value += f.value * room;
                    acc.next = c.tok + 1;
                    acc.end = self.toks[c.tok].end;
                    // "مليون ونصف المليون": the definite scale repeats the unit halved.
                    if let Some(k) = self.word_after(acc.next) {
                        let repeat =
                            self.tok_str(k).strip_prefix("ال").and_then(|s| self.lex.word(s));
                        if repeat.is_some_and(|r| r.kind == Kind::Scale && r.value == room) {
                            acc.next = k + 1;
                            acc.end = self.toks[k].end;
                        }
                    }
                }
            }
        }
        Some((acc, at.stem))
    }

    /// The qualifier phrase starting at token `i`: its bound, where it starts (after
    /// proclitics, for prefix qualifiers such as "بنحو"), and the token after it.
    fn qualifier(&self, i: usize, after: bool) -> Option<(Bound, usize, usize, usize)> {
        let start = self.toks[i].start;
        let try_stem = |plen: usize, stem: &str| {
            let list = self.lex.qualifiers(stem)?;
            list.iter().filter(|q| q.position.allows(after)).find_map(|q| {
                let mut j = i;
                for w in &q.rest {
                    j = self.word_after(j + 1).filter(|&k| self.tok_str(k) == w)?;
                }
                Some((q.bound, start + plen, j + 1, self.toks[j].end))
            })
        };
        if after {
            try_stem(0, self.tok_str(i))
        } else {
            first_split(
                self.tok_str(i),
                2,
                2,
                |plen, stem, elided| if elided { None } else { try_stem(plen, stem) },
            )
        }
    }

    /// If token `i` is an ordinal, the token to resume at: past the numeral that
    /// completes it ("الحادي عشر", "الخامس والعشرين"), which must not be read as a count.
    fn ordinal_tail(&self, i: usize) -> Option<usize> {
        let is_ord = |s: &str| self.lex.word(s).is_some_and(|e| e.kind == Kind::Ordinal);
        first_split(self.tok_str(i), 2, 3, |_, stem, elided| {
            let bare = if elided { stem } else { stem.strip_prefix("ال").unwrap_or(stem) };
            (is_ord(stem) || is_ord(bare)).then_some(())
        })?;
        if let Some(k) = self.word_after(i + 1) {
            if self.exact(k).is_some_and(|e| e.kind == Kind::Unit && e.value == 10.0) {
                return Some(k + 1);
            }
        }
        if let Some(c) = self.conj(i + 1) {
            let tail = self.stem_str(c);
            let tens = tail.strip_prefix("ال").unwrap_or(tail);
            if self.toks[c.tok].is_arabic()
                && self.lex.word(tens).is_some_and(|e| e.kind == Kind::Tens)
            {
                return Some(c.tok + 1);
            }
        }
        Some(i + 1)
    }

    pub(crate) fn run(&self) -> Vec<NumberMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.toks[i].kind {
                TokKind::Arabic | TokKind::Digits => {}
                _ => {
                    i += 1;
                    continue;
                }
            }
            if self.toks[i].is_arabic() {
                // Nearly every word is no number word, ordinal or qualifier.
                if !self.lex.may_start(self.tok_str(i)) {
                    i += 1;
                    continue;
                }
                if let Some(next) = self.ordinal_tail(i) {
                    i = next;
                    continue;
                }
                if let Some((bound, qstart, qnext, _)) = self.qualifier(i, false) {
                    let k = self.skip_spaces(qnext);
                    if let Some((p, vstart)) = self.number(k, false) {
                        out.push(Self::emit(qstart, vstart, p, bound, p.end));
                        i = p.next;
                        continue;
                    }
                }
            }
            if let Some((p, vstart)) = self.number(i, true) {
                let (bound, end, next) =
                    match self.word_after(p.next).and_then(|k| self.qualifier(k, true)) {
                        Some((b, _, qnext, qend)) => (b, qend, qnext),
                        None => (Bound::Exact, p.end, p.next),
                    };
                out.push(Self::emit(vstart, vstart, p, bound, end));
                i = next;
                continue;
            }
            i += 1;
        }
        out
    }

    fn emit(start: usize, value_start: usize, p: Piece, bound: Bound, end: usize) -> NumberMatch {
        NumberMatch {
            start,
            end,
            value_start,
            value: p.value,
            bound,
            vague: p.vague,
            words: p.words,
            dual: p.dual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splits(word: &str) -> Vec<(usize, String, bool)> {
        let mut v = Vec::new();
        first_split::<()>(word, 2, 3, |p, s, e| {
            v.push((p, s.to_string(), e));
            None
        });
        v
    }

    #[test]
    fn proclitic_readings() {
        let s = splits("وبخمسه");
        assert_eq!(s[0].1, "وبخمسه");
        assert!(s.iter().any(|(p, st, _)| *p == "وب".len() && st == "خمسه"));
        // Too short after a preposition: "لست" is not ل + ست.
        assert!(!splits("لست").iter().any(|(_, st, _)| st == "ست"));
        assert!(splits("وست").iter().any(|(_, st, _)| st == "ست"));
        assert!(splits("للالاف").iter().any(|(_, st, e)| st == "الاف" && *e));
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn tokens_are_runs_of_one_class(
            s in crate::arb_text(&[
                "قتل", "ثلاثمئه", "\u{064E}ـ", "ٱ", "٣", "ک", "ی", "ۀ", "12.5", " ",
                "\n", "\u{2028}", "f16", "é", "中", "😀", ",", "\u{00A0}",
            ])
        ) {
            // Maximal runs of one class, a punctuation character standing alone.
            let mut want: Vec<(usize, usize, TokKind)> = Vec::new();
            for (i, c) in s.char_indices() {
                let k = class(c);
                match want.last_mut() {
                    Some(last) if last.2 == k && k != TokKind::Punct => last.1 = i + c.len_utf8(),
                    _ => want.push((i, i + c.len_utf8(), k)),
                }
            }
            let got: Vec<(usize, usize, TokKind)> =
                tokenize(&s).iter().map(|t| (t.start, t.end, t.kind)).collect();
            prop_assert_eq!(got, want);
        }
    }

    proptest! {
        #[test]
        fn tokens_from_the_main_tokenizer_are_the_same(
            text in crate::arb_text(&[
                "قتل", "وخمسه", "٣", "6,500", "1.2.3", "12,", ".5", " ", "  ", "\n",
                " \n ", "\t", "\r", "\u{2028}", "\u{000B}", "f16", "CNN", "é",
                "\u{0620}", "\u{0750}", "\u{08A0}", "\u{066E}", "²", "½", "中",
                "😀", ",", "\"", "\u{00A0}", "ﻻ",
            ])
        ) {
            // As the pipeline has them: tokens of the normalized view.
            let view = crate::normalize(&text);
            let main = crate::tokenize(&view);
            prop_assert_eq!(tokens_from(view.as_str(), &main), tokenize(view.as_str()));
        }
    }

    #[test]
    fn tokens_from_main_tokens() {
        for s in ["قتل 6,500ب30 f16\nو", "", " ", "\n\n", "1.2.3, و٣", "بݐ ب\u{0620}x²"]
        {
            let view = crate::normalize(s);
            let main = crate::tokenize(&view);
            assert_eq!(tokens_from(view.as_str(), &main), tokenize(view.as_str()), "{s:?}");
        }
    }

    #[test]
    fn tokens_split_scripts_digits_and_punctuation() {
        let s = "قتل 6,500ب30 f16\nو";
        let kinds: Vec<TokKind> = tokenize(s).iter().map(|t| t.kind).collect();
        use TokKind::*;
        assert_eq!(
            kinds,
            [
                Arabic, Space, Digits, Punct, Digits, Arabic, Digits, Space, Latin, Digits,
                Newline, Arabic
            ]
        );
    }
}
