//! Finding time expressions: lexicon hits on the tokens of the normalized view, then a
//! small grammar that joins them into expressions.
//!
//! Each token first gets its lexicon hits (a phrase of the lexicon that starts at it,
//! possibly behind proclitics). The rules below then try, at every token, to read an
//! expression starting there; the longest reading wins and the scan resumes after it,
//! so expressions never overlap. Rules only *read* (day 17, month 10, "past"); turning a
//! reading into a calendar value needs the document date and the neighbouring
//! expressions, and happens in [`crate::resolve`].

use std::cmp::Reverse;

use rasd_text::clitics::TokenClitics;
use rasd_text::phrases::EndFilter;
use rasd_text::{Indexes, Normalized, Sparse, Token, TokenKind};

use crate::calendar::Date;
use crate::lexicon::{Calendar, Class, GramNumber, Item, Lexicon, MonthContext, Unit};

/// "من" between a day and its month ("17 من أكتوبر"); grammar, not vocabulary.
const MIN: &str = "من";
/// The conjunction "و" as a word of its own ("عامي 2019 و 2020").
const WA: &str = "و";
/// "قبل" of "الأسبوع قبل الماضي" (the week before last).
const BEFORE: &str = "قبل";
/// How many words before a year "منذ" may stand and still be what the year counts from.
const SINCE_REACH: usize = 6;

/// A token of the view, with the sentence it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub text: &'a str,
    // 32-bit offsets, as the tokens they come from keep them: every token of an article
    // has one of these, and the rules walk them back and forth.
    pub nstart: u32,
    pub nend: u32,
    pub sent: u32,
    pub kind: TokenKind,
}

/// A lexicon phrase found at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub item: Item,
    /// Tokens the phrase covers.
    pub len: usize,
    /// Bytes of proclitics before the phrase in its first token.
    pub prefix: usize,
}

impl Hit {
    fn value(&self) -> i32 {
        match self.item {
            Item::Word { value, .. } => value,
            _ => 0,
        }
    }
}

/// The year a month or day reading carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// None written.
    None,
    /// A year number.
    Abs(i32),
    /// Relative to the document's year ("من العام الماضي" = -1).
    Rel(i32),
    /// The year named before ("من العام نفسه").
    Same,
}

/// A direction word after a month, day or weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qual {
    None,
    Past,
    Current,
    Future,
}

impl Qual {
    /// The step a direction word gives a period (الماضي -1, الجاري 0, المقبل +1).
    fn offset(self) -> i32 {
        match self {
            Qual::Past => -1,
            Qual::Current | Qual::None => 0,
            Qual::Future => 1,
        }
    }
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A fully numeric date.
    AbsDate(Date),
    /// A day of a named month, with the weekday written beside it, if any.
    Date { cal: Calendar, day: u8, month: u8, year: YearSpec, qual: Qual, wd: Option<u8> },
    /// A day of the month before, of, or after the document's ("9 من الشهر الجاري").
    DayOfRelMonth { day: u8, offset: i32 },
    /// A named month.
    Month { cal: Calendar, month: u8, year: YearSpec, qual: Qual },
    /// A year number.
    Year(i32),
    /// A day relative to the document date.
    RelDay(i32),
    /// A weekday; `yesterday` when written after أمس.
    Weekday { wd: u8, qual: Qual, yesterday: bool },
    /// The week, month or year before (-1), of (0) or after (+1) the document's.
    RelPeriod { unit: Unit, offset: i32 },
    /// The month or year of (0) or after (+1) the last one the text named ("الشهر
    /// نفسه", "العام التالي"); with none named, the document's, stepped by `offset`.
    PeriodAnchor { unit: Unit, offset: i32 },
    /// A count of units.
    Duration { count: u32, unit: Unit },
    /// A day relative to the last day the text named; `same_sentence` limits the search.
    Anchor { offset: i32, same_sentence: bool },
    /// The day before or after another expression (عشية، غداة + a date).
    Shift(Box<Expr>, i32),
}

/// An expression found: tokens `[first, end)`, minus `skip` proclitic bytes of the first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub first: usize,
    pub skip: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Where a rule is in its reading: the token it started at, the next token, and the
/// proclitic bytes of the first item it consumed.
#[derive(Debug, Clone, Copy)]
struct Walk {
    start: usize,
    j: usize,
    skip: usize,
}

impl Walk {
    fn new(i: usize) -> Walk {
        Walk { start: i, j: i, skip: 0 }
    }

    fn at_start(&self) -> bool {
        self.j == self.start
    }

    fn eat(&mut self, h: Hit) {
        if self.at_start() {
            self.skip = h.prefix;
        }
        self.j += h.len;
    }

    fn cand(&self, expr: Expr) -> Cand {
        Cand { first: self.start, skip: self.skip, end: self.j, expr }
    }
}

/// The tokens of one document with their lexicon hits and number readings.
pub(crate) struct Scanner<'a> {
    lex: &'a Lexicon,
    pub toks: Vec<Tok<'a>>,
    /// Every token's lexicon hits, flattened, and per token its range in them.
    hits: Vec<Hit>,
    hit_at: Vec<(u32, u32)>,
    /// The counts of the number parser, few in a text, by the token their numeric part
    /// starts in: (value, first token after it, proclitic bytes).
    counts: Sparse<(u32, usize, usize)>,
    /// For a token inside quotes, the token of the opening quote.
    pub quote_open: Indexes,
    /// The view the tokens are of.
    view: &'a str,
}

impl<'a> Scanner<'a> {
    pub fn new(
        lex: &'a Lexicon,
        view: &'a Normalized,
        tokens: &[Token],
        clitics: &TokenClitics,
        sentences: &[[usize; 2]],
        numbers: &[rasd_text::numbers::NumberMatch],
    ) -> Scanner<'a> {
        let s = view.as_str();
        // Tokens and sentences are both in text order: walk them together.
        let mut sent = 0;
        let toks: Vec<Tok<'a>> = tokens
            .iter()
            .map(|t| {
                let start = t.start as usize;
                while sentences.get(sent + 1).is_some_and(|r| r[0] <= start) {
                    sent += 1;
                }
                Tok {
                    text: &s[t.nstart as usize..t.nend as usize],
                    nstart: t.nstart,
                    nend: t.nend,
                    kind: t.kind,
                    sent: sent as u32,
                }
            })
            .collect();
        let mut scratch = String::with_capacity(64);
        let mut hits = Vec::new();
        let mut hit_at = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            let from = hits.len() as u32;
            lexicon_hits(lex, &toks, clitics, i, &mut scratch, &mut hits);
            hit_at.push((from, hits.len() as u32));
        }
        let counts = count_table(numbers, &toks);
        let quote_open = quote_table(&toks);
        Scanner { lex, toks, hits, hit_at, counts, quote_open, view: s }
    }

    /// Per sentence (by the index tokens carry), the paragraph it is in: paragraphs are
    /// parted by a blank line. A year, a day or a month the text named before reaches
    /// what follows in its paragraph only.
    pub fn sentence_paragraphs(&self) -> Vec<u32> {
        let mut out = Vec::new();
        let mut para = 0u32;
        for (k, t) in self.toks.iter().enumerate() {
            let s = t.sent as usize;
            if s < out.len() {
                continue;
            }
            let gap_from = k.checked_sub(1).map_or(0, |p| self.toks[p].nend as usize);
            let gap = self.view.get(gap_from..t.nstart as usize).unwrap_or("");
            if gap.split('\n').count() > 2 {
                para += 1;
            }
            out.resize(s + 1, para);
        }
        out
    }

    /// Whether tokens `[from, to)` only join two dates as equal: punctuation, الموافق,
    /// and the era letter م of the Gregorian date.
    pub fn only_equivalence_between(&self, from: usize, to: usize) -> bool {
        to >= from
            && to - from <= 4
            && (from..to).all(|k| {
                self.tok(k).is_some_and(|t| t.kind == TokenKind::Punct)
                    || self.word(k, Class::Equiv).is_some()
                    || self.is(k, "م")
            })
    }

    /// Whether an uncounted lapse of time ("بعد أيام", "بأسابيع") stands between tokens
    /// `from` and `to`: the days named before it no longer anchor what follows.
    pub fn vague_lapse(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.toks.len())).any(|k| {
            matches!(self.unit_at(k, true), Some((_, _, GramNumber::Plural)))
                && !(k > 0 && self.count(k - 1).is_some_and(|(_, end, _)| end == k))
        })
    }

    /// Every expression, left to right, non-overlapping.
    pub fn scan(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            // Every rule starts at a lexicon word, a number or a count; most tokens are
            // none of these, and many lexicon words can only follow another.
            if !self.may_lead(i) {
                i += 1;
                continue;
            }
            // In priority order: on equal length the earlier rule wins.
            let found = [
                self.numeric_date(i),
                self.weekday(i),
                self.day_month(i),
                self.anchor(i),
                self.relday(i),
                self.period(i),
                self.month_expr(i),
                self.year(i),
                self.duration(i),
                self.holiday(i),
            ];
            let mut best: Option<Cand> = None;
            for c in found.into_iter().flatten() {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
            match best {
                Some(c) => {
                    i = c.end;
                    out.push(c);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether some rule may read an expression starting at token `i`: a number or a
    /// count, a word a rule reads first ([`Lead::Head`]), or a word that only opens one
    /// ([`Lead::Opener`]: في، خلال، منذ) when a time word, number or count comes after it.
    fn may_lead(&self, i: usize) -> bool {
        let starts = |k: usize| {
            self.tok(k).is_some_and(|t| t.kind == TokenKind::Number) || self.count(k).is_some()
        };
        let hits = self.hits_at(i);
        if hits.is_empty() {
            return starts(i);
        }
        hits.iter().any(|h| match lead(&h.item) {
            Lead::Head => true,
            Lead::Opener => !self.hits_at(i + h.len).is_empty() || starts(i + h.len),
            Lead::Never => false,
        }) || starts(i)
    }

    // ----- token and hit queries -----

    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn hits_at(&self, i: usize) -> &[Hit] {
        self.hit_at.get(i).map_or(&[], |&(a, b)| &self.hits[a as usize..b as usize])
    }

    /// Consumes an optional word of `class` where the walk stands.
    fn take(&self, w: &mut Walk, class: Class) -> Option<Hit> {
        let h = self.pick(w.j, w.at_start(), class)?;
        w.eat(h);
        Some(h)
    }

    /// The longest hit at `i` that `f` accepts, behind proclitics only if `first`.
    fn find(&self, i: usize, first: bool, f: impl Fn(&Item) -> bool) -> Option<Hit> {
        self.hits_at(i).iter().find(|h| (first || h.prefix == 0) && f(&h.item)).copied()
    }

    /// A word of `class` at `i`, behind proclitics only if `first`.
    fn pick(&self, i: usize, first: bool, class: Class) -> Option<Hit> {
        self.find(i, first, |it| matches!(it, Item::Word { class: c, .. } if *c == class))
    }

    /// A word of `class` at `i`, proclitics allowed.
    fn word(&self, i: usize, class: Class) -> Option<Hit> {
        self.pick(i, true, class)
    }

    /// A word of `class` at `i` with no proclitic.
    fn word0(&self, i: usize, class: Class) -> Option<Hit> {
        self.pick(i, false, class)
    }

    fn month_at(&self, i: usize, first: bool) -> Option<(Hit, Calendar, u8, MonthContext)> {
        let h = self.find(i, first, |it| matches!(it, Item::Month { .. }))?;
        match h.item {
            Item::Month { cal, month, context } => Some((h, cal, month, context)),
            _ => None,
        }
    }

    fn unit_at(&self, i: usize, first: bool) -> Option<(Hit, Unit, GramNumber)> {
        let h = self.find(i, first, |it| matches!(it, Item::Unit { .. }))?;
        match h.item {
            Item::Unit { unit, number } => Some((h, unit, number)),
            _ => None,
        }
    }

    fn period_at(&self, i: usize, first: bool) -> Option<(Hit, Unit)> {
        let h = self.find(i, first, |it| matches!(it, Item::Period(_)))?;
        match h.item {
            Item::Period(u) => Some((h, u)),
            _ => None,
        }
    }

    /// A direction word at `i` (no proclitic); "following" counts as future.
    fn qual_at(&self, i: usize) -> Option<Qual> {
        self.hits_at(i).iter().filter(|h| h.prefix == 0).find_map(|h| match h.item {
            Item::Word { class: Class::Past, .. } => Some(Qual::Past),
            Item::Word { class: Class::Current, .. } => Some(Qual::Current),
            Item::Word { class: Class::Future | Class::Next, .. } => Some(Qual::Future),
            _ => None,
        })
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Punct && t.text == p)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Arabic && t.text == w)
    }

    /// Token `i` touches token `i + 1` (no space between).
    fn glued(&self, i: usize) -> bool {
        matches!((self.tok(i), self.tok(i + 1)), (Some(a), Some(b)) if a.nend == b.nstart)
    }

    /// A token of plain digits: its value and digit count.
    fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number
            || t.text.len() > 6
            || !t.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// A four-digit year in the calendar's plausible range.
    fn year_num(&self, i: usize, cal: Calendar) -> Option<i32> {
        let (v, len) = self.digits(i)?;
        let range = match cal {
            Calendar::Gregorian => 1800..=2100,
            Calendar::Hijri => 1300..=1600,
        };
        (len == 4 && range.contains(&v)).then_some(v as i32)
    }

    /// A count starting at token `i`: (value, next token, proclitic bytes).
    fn count(&self, i: usize) -> Option<(u32, usize, usize)> {
        if let Some(c) = self.count_in(i) {
            return Some(c);
        }
        // "الـ25 عاماً", "الـ 25 عاماً": the article of a number, cut off by a tatweel.
        let t = self.tok(i)?;
        // (Three code points take at most twelve bytes: the length rules out most words.)
        if t.kind == TokenKind::Arabic
            && t.text.len() <= 12
            && t.text.ends_with("ال")
            && t.text.chars().count() <= 3
        {
            return self.count_in(i + 1);
        }
        None
    }

    /// The count whose numeric part starts in token `i`.
    #[inline]
    fn count_in(&self, i: usize) -> Option<(u32, usize, usize)> {
        self.counts.get(i).copied()
    }

    // ----- rules -----

    /// "17/10/2020", "2020-10-17", "17.10.2020".
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let (parts, end): (Vec<&str>, usize) = if t.text.contains('.') {
            (t.text.split('.').collect(), i + 1)
        } else {
            let sep = self.tok(i + 1)?;
            if sep.kind != TokenKind::Punct || !matches!(sep.text, "/" | "-") {
                return None;
            }
            if !(i..i + 4).all(|k| self.glued(k)) || !self.punct(i + 3, sep.text) {
                return None;
            }
            let (b, c) = (self.tok(i + 2)?, self.tok(i + 4)?);
            if b.kind != TokenKind::Number || c.kind != TokenKind::Number {
                return None;
            }
            (vec![t.text, b.text, c.text], i + 5)
        };
        if parts.len() != 3
            || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2 {
            (parts[0], parts[1], parts[2])
        } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
            (parts[2], parts[1], parts[0])
        } else {
            return None;
        };
        let y: i32 = y.parse().ok()?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        // A longer run of numbers and separators is a phone number or a reference.
        // A sentence may end right after the date; a dot before more digits may not.
        let continues = self.glued(end - 1)
            && self.tok(end).is_some_and(|n| {
                n.kind == TokenKind::Number
                    || matches!(n.text, "/" | "-")
                    || (n.text == "." && self.glued(end) && self.digits(end + 1).is_some())
            });
        if continues
            || (i > 0
                && self.glued(i - 1)
                && self.tok(i - 1).is_some_and(|p| p.kind != TokenKind::Arabic))
        {
            return None;
        }
        let date = Date::new(y, m.parse().ok()?, d.parse().ok()?)?;
        Some(Cand { first: i, skip: 0, end, expr: Expr::AbsDate(date) })
    }

    /// A day of the month: digits 1..31, or an ordinal ("السابع عشر"). Returns the day,
    /// the next token, whether it was an ordinal, and the proclitic bytes.
    fn day_spec(&self, i: usize) -> Option<(u8, usize, bool, usize)> {
        if let Some((v, len)) = self.digits(i) {
            return (len <= 2 && (1..=31).contains(&v)).then_some((v as u8, i + 1, false, 0));
        }
        let h = self.word(i, Class::Ordinal).or_else(|| self.word(i, Class::OrdinalTeen))?;
        let teen_head = matches!(h.item, Item::Word { class: Class::OrdinalTeen, .. });
        let v = h.value();
        let j = i + h.len;
        if v < 10 && self.word0(j, Class::TeenSuffix).is_some() {
            return Some(((v + 10) as u8, j + 1, true, h.prefix));
        }
        if v < 10 {
            // "الحادي والعشرين": و + a tens ordinal.
            let tens = self.hits_at(j).iter().find_map(|t| match t.item {
                Item::Word { class: Class::Ordinal, value }
                    if value >= 20 && t.prefix == WA.len() =>
                {
                    Some(value)
                }
                _ => None,
            });
            if let Some(t) = tens.filter(|_| self.tok(j).is_some_and(|t| t.text.starts_with(WA))) {
                return Some(((v + t) as u8, j + 1, true, h.prefix));
            }
        }
        if teen_head {
            return None;
        }
        Some((v as u8, j, true, h.prefix))
    }

    /// "17 أكتوبر", "17 أيلول/سبتمبر الجاري", "السابع عشر من أكتوبر 2020",
    /// "9 من الشهر الجاري", "15 رمضان 1445 هـ".
    fn day_month(&self, i: usize) -> Option<Cand> {
        // "حركة 23 مارس", "ثورة 25 يناير": a name.
        if i > 0 && self.word(i - 1, Class::NameCue).is_some() {
            return None;
        }
        let (day, mut j, ordinal, skip) = self.day_spec(i)?;
        if self.is(j, MIN) {
            j += 1;
        } else if ordinal {
            return None;
        }
        if let Some((offset, end)) = self.rel_month(j).or_else(|| self.bare_rel_month(i, j)) {
            return Some(Cand { first: i, skip, end, expr: Expr::DayOfRelMonth { day, offset } });
        }
        if let Some((h, Unit::Month, GramNumber::Singular)) = self.unit_at(j, false) {
            j += h.len;
        }
        let (h, cal, month, _) = self.month_at(j, false)?;
        let tail = self.month_tail(j + h.len, cal, month);
        Some(Cand {
            first: i,
            skip,
            end: tail.end,
            expr: Expr::Date { cal, day, month, year: tail.year, qual: tail.qual, wd: None },
        })
    }

    /// "الشهر الجاري", "هذا الشهر", "الشهر الماضي": the month's offset and the next token.
    fn rel_month(&self, j: usize) -> Option<(i32, usize)> {
        if self.word0(j, Class::This).is_some()
            && matches!(self.period_at(j + 1, false), Some((_, Unit::Month)))
        {
            return Some((0, j + 2));
        }
        let (h, unit) = self.period_at(j, false)?;
        if unit != Unit::Month {
            return None;
        }
        self.direction_at(j + h.len)
    }

    /// A direction after a period noun: its step and the next token. "قبل الماضي" (the
    /// one before last) is two steps back.
    fn direction_at(&self, k: usize) -> Option<(i32, usize)> {
        if self.is(k, BEFORE) && self.qual_at(k + 1) == Some(Qual::Past) {
            return Some((-2, k + 2));
        }
        Some((self.qual_at(k)?.offset(), k + 1))
    }

    /// "14 الجاري", "28 المنصرم": a day of the month the direction word names, which
    /// agrees with an unwritten masculine الشهر. A feminine one ("الـ24 الماضية") belongs
    /// to a plural noun before the number (الساعات الـ24 الماضية) and is refused, as is a
    /// number with the article.
    fn bare_rel_month(&self, day_at: usize, j: usize) -> Option<(i32, usize)> {
        let masculine = self.tok(j).is_some_and(|t| !t.text.ends_with('ه'));
        let article = day_at > 0 && self.tok(day_at - 1).is_some_and(|t| t.text.ends_with("ال"));
        if !masculine || article {
            return None;
        }
        self.direction_at(j)
    }

    /// What may follow a month name: its name in another set ("(تشرين الأول)",
    /// "/سبتمبر", or with nothing between: "يونيو حزيران"), then a year or a direction
    /// word.
    fn month_tail(&self, mut k: usize, cal: Calendar, month: u8) -> Tail {
        let mut paired = false;
        if self.punct(k, "(") {
            if let Some((h, ..)) = self.month_at(k + 1, false) {
                if self.punct(k + 1 + h.len, ")") {
                    k += h.len + 2;
                    paired = true;
                }
            }
        } else if self.punct(k, "/") || self.punct(k, "-") {
            if let Some((h, ..)) = self.month_at(k + 1, false) {
                k += h.len + 1;
                paired = true;
            }
        } else if let Some((h, ..)) = self.month_at(k, false).filter(|m| m.2 == month) {
            // Two names of one month side by side; two months ("يونيو يوليو") are not.
            k += h.len;
            paired = true;
        }
        if let Some((year, end)) = self.year_after(k, cal) {
            return Tail { end, year, qual: Qual::None, paired };
        }
        if let Some(q) = self.qual_at(k) {
            return Tail { end: k + 1, year: YearSpec::None, qual: q, paired };
        }
        Tail { end: k, year: YearSpec::None, qual: Qual::None, paired }
    }

    /// A year after a month: "2020", "، 2020", "عام 2020", "من عام 2020", "1445 هـ",
    /// "من العام الماضي", "من هذا العام".
    fn year_after(&self, k: usize, cal: Calendar) -> Option<(YearSpec, usize)> {
        let mut j = k;
        if self.punct(j, ",") {
            j += 1;
        }
        if self.is(j, MIN) {
            j += 1;
        }
        let noun = matches!(self.unit_at(j, true), Some((_, Unit::Year, GramNumber::Singular)))
            || matches!(self.period_at(j, true), Some((_, Unit::Year)));
        let jn = if noun { j + 1 } else { j };
        if let Some(y) = self.year_num(jn, cal) {
            let mut end = jn + 1;
            if let Some(h) = self.word0(end, Class::HijriMarker) {
                end += h.len;
            }
            return Some((YearSpec::Abs(y), end));
        }
        let r = if self.is(k, MIN) { k + 1 } else { k };
        if self.word0(r, Class::This).is_some()
            && matches!(self.period_at(r + 1, false), Some((_, Unit::Year)))
        {
            return Some((YearSpec::Rel(0), r + 2));
        }
        if let Some((_, Unit::Year)) = self.period_at(r, false) {
            if let Some(h) = self.word0(r + 1, Class::Same) {
                return Some((YearSpec::Same, r + 1 + h.len));
            }
            let (offset, end) = self.direction_at(r + 1)?;
            return Some((YearSpec::Rel(offset), end));
        }
        None
    }

    /// A day number (or "day من") right before token `i`: the month belongs to a date.
    fn day_before(&self, i: usize) -> bool {
        let short = |k: usize| self.digits(k).is_some_and(|(_, len)| len <= 2);
        i > 0
            && (short(i - 1)
                || (self.is(i - 1, MIN)
                    && i > 1
                    && (short(i - 2)
                        || self.word0(i - 2, Class::Ordinal).is_some()
                        || self.word0(i - 2, Class::TeenSuffix).is_some())))
    }

    /// "في نوفمبر", "نوفمبر الماضي", "مطلع مارس", "شهر رمضان", "نوفمبر عام 2020".
    fn month_expr(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        let mut evidence = false;
        self.take(&mut w, Class::Within);
        if self.take(&mut w, Class::Part).is_some() {
            evidence = true;
            if self.is(w.j, MIN) {
                w.j += 1;
            }
        }
        if let Some((h, Unit::Month, GramNumber::Singular | GramNumber::Construct)) =
            self.unit_at(w.j, w.at_start())
        {
            w.eat(h);
            evidence = true;
        }
        let bare = w.at_start();
        let (h, cal, month, context) = self.month_at(w.j, bare)?;
        if bare && self.day_before(i) {
            return None;
        }
        w.eat(h);
        let tail = self.month_tail(w.j, cal, month);
        evidence |= tail.paired || tail.year != YearSpec::None || tail.qual != Qual::None;
        let cued = || {
            let prefix_prep =
                self.tok(i).is_some_and(|t| t.text[..h.prefix].contains(['ب', 'ل', 'ك']));
            bare && (prefix_prep || (i > 0 && self.word(i - 1, Class::Prep).is_some()))
        };
        let ok = match context {
            MonthContext::Free => true,
            MonthContext::Cue => evidence || cued(),
            MonthContext::Strong => evidence,
        };
        if !ok {
            return None;
        }
        w.j = tail.end;
        Some(w.cand(Expr::Month { cal, month, year: tail.year, qual: tail.qual }))
    }

    /// "الجمعة", "يوم الجمعة المقبل", "مساء الخميس", "أمس الجمعة", "السبت 17 أكتوبر".
    fn weekday(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        let mut marked = false;
        let mut yesterday = false;
        if self.take(&mut w, Class::DayPeriod).is_some() {
            marked = true;
        }
        if let Some((h, Unit::Day, GramNumber::Singular)) = self.unit_at(w.j, w.at_start()) {
            w.eat(h);
            marked = true;
        }
        if let Some(h) =
            self.pick(w.j, w.at_start(), Class::RelDay).filter(|h| h.value() == -1 && h.len == 1)
        {
            w.eat(h);
            yesterday = true;
            marked = true;
        } else if let Some(h) = self
            .pick(w.j, w.at_start(), Class::Today)
            .filter(|_| self.tok(w.j).is_some_and(|t| t.text.ends_with("يوم")))
        {
            // "اليوم الجمعة": the weekday says which day today is.
            w.eat(h);
            marked = true;
        }
        let wpos = w.j;
        let h = self.pick(w.j, w.at_start(), Class::Weekday)?;
        if i > 0 && self.word(i - 1, Class::Prayer).is_some() {
            return None;
        }
        w.eat(h);
        let wd = h.value() as u8;
        let mut qual = Qual::None;
        if let Some(q) = self.qual_at(w.j) {
            qual = q;
            w.j += 1;
        }
        // A date after the weekday is the value: "السبت 17 أكتوبر", "الجمعة (23 أكتوبر)".
        let mut k = w.j;
        let paren = self.punct(k, "(");
        if paren || self.punct(k, ",") {
            k += 1;
        } else if let Some(h) = self.word0(k, Class::Equiv) {
            k += h.len;
        }
        if let Some(d) = self.day_month(k).or_else(|| self.numeric_date(k)) {
            if !matches!(d.expr, Expr::DayOfRelMonth { .. }) || k > w.j {
                let end = if paren && self.punct(d.end, ")") { d.end + 1 } else { d.end };
                // The weekday tells which year a year-less date is in.
                let expr = match d.expr {
                    Expr::Date { cal, day, month, year, qual, wd: None } => {
                        Expr::Date { cal, day, month, year, qual, wd: Some(wd) }
                    }
                    other => other,
                };
                return Some(Cand { first: i, skip: w.skip, end, expr });
            }
        }
        // الاثنين is also "the two": "كلا الاثنين", "الاثنين معا".
        if wd == 1 && !marked && qual == Qual::None {
            let before = wpos > 0 && self.word(wpos - 1, Class::TwoBefore).is_some();
            if before || self.word0(wpos + 1, Class::TwoAfter).is_some() {
                return None;
            }
        }
        Some(w.cand(Expr::Weekday { wd, qual, yesterday }))
    }

    /// "اليوم", "أمس", "مساء أمس الأول", "غداً", "يوم أمس", "في وقت سابق اليوم".
    fn relday(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        self.take(&mut w, Class::Within);
        self.take(&mut w, Class::DayPeriod);
        if let Some((h, Unit::Day, GramNumber::Singular)) = self.unit_at(w.j, w.at_start()) {
            w.eat(h);
        }
        if let Some(h) = self.take(&mut w, Class::RelDay) {
            // "غداً الاثنين": the weekday names the same day.
            if let Some(wh) = self.word0(w.j, Class::Weekday) {
                w.j += wh.len;
            }
            return Some(w.cand(Expr::RelDay(h.value())));
        }
        let tpos = w.j;
        let h = self.take(&mut w, Class::Today)?;
        // "اليوم التالي", "اليوم الأول", "ذلك اليوم", "في مثل هذا اليوم": the noun "day".
        let before = tpos > 0
            && [Class::That, Class::This, Class::SamePre]
                .iter()
                .any(|c| self.word(tpos - 1, *c).is_some());
        if before || self.noun_after_today(w.j) {
            return None;
        }
        if let Some(h) = self.word0(w.j, Class::Weekday) {
            w.j += h.len;
        }
        Some(w.cand(Expr::RelDay(h.value())))
    }

    /// Whether the word after "اليوم"/"الليلة" makes it a noun rather than "today".
    fn noun_after_today(&self, k: usize) -> bool {
        let word = self.hits_at(k).iter().any(|h| {
            h.prefix == 0
                && matches!(
                    h.item,
                    Item::Word {
                        class: Class::Next
                            | Class::Past
                            | Class::Same
                            | Class::Ordinal
                            | Class::OrdinalTeen
                            | Class::NotTodayAfter,
                        ..
                    }
                )
        });
        // "اليوم 100", "اليوم الـ100": a day count of a war or a siege.
        let article_number =
            self.tok(k).is_some_and(|t| t.kind == TokenKind::Arabic && t.text == "ال");
        word || self.digits(k).is_some() || (article_number && self.count(k).is_some())
    }

    /// "الأسبوع الماضي", "هذا العام", "الشهر المقبل", "نهاية العام", "النصف الثاني من العام",
    /// "في وقت سابق الشهر الحالي".
    fn period(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        let mut framed = false;
        let mut half = false;
        self.take(&mut w, Class::Within);
        // Halves, quarters and seasons frame only a year.
        let year_part = self
            .pick(w.j, w.at_start(), Class::Half)
            .or_else(|| self.pick(w.j, w.at_start(), Class::Season));
        if let Some(h) = year_part {
            w.eat(h);
            framed = true;
            half = true;
        } else if self.take(&mut w, Class::Part).is_some() {
            framed = true;
            if self.is(w.j, MIN) {
                w.j += 1;
            }
        }
        if self.take(&mut w, Class::This).is_some() {
            framed = true;
        }
        // "ذلك الشهر", "نفس العام": the one named before.
        let that = self
            .pick(w.j, w.at_start(), Class::That)
            .or_else(|| self.pick(w.j, w.at_start(), Class::SamePre));
        if let Some(h) = that {
            w.eat(h);
        }
        let noun_at = w.j;
        let (h, unit) = self.period_at(w.j, w.at_start())?;
        w.eat(h);
        if half && unit != Unit::Year {
            return None;
        }
        if matches!(unit, Unit::Month | Unit::Year) {
            // "الشهر نفسه", "العام ذاته", "الشهر التالي": of or after the one named before.
            let after =
                self.hits_at(w.j).iter().filter(|h| h.prefix == 0).find_map(|h| match h.item {
                    Item::Word { class: Class::Same, .. } => Some((0, h.len)),
                    Item::Word { class: Class::Next, .. } => Some((1, h.len)),
                    _ => None,
                });
            if let Some((offset, len)) = after.filter(|_| that.is_none()) {
                w.j += len;
                return Some(w.cand(Expr::PeriodAnchor { unit, offset }));
            }
            if that.is_some() {
                return Some(w.cand(Expr::PeriodAnchor { unit, offset: 0 }));
            }
        } else if that.is_some() {
            return None;
        }
        // "المدعي العام السابق", "الأمين العام الحالي": an office, not a year.
        if !framed
            && self.word0(w.j, Class::TitleAdj).is_some()
            && self.definite_noun(noun_at.wrapping_sub(1))
        {
            return None;
        }
        // "العام 2016" is a year number.
        if self.year_num(w.j, Calendar::Gregorian).is_some() {
            return None;
        }
        let offset = match self.direction_at(w.j) {
            Some((offset, end)) => {
                w.j = end;
                offset
            }
            None if framed => 0,
            None => return None,
        };
        Some(w.cand(Expr::RelPeriod { unit, offset }))
    }

    /// A definite word that is not itself a time word (a noun an adjective can follow).
    fn definite_noun(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == TokenKind::Arabic && t.text.starts_with("ال") && t.text.chars().count() > 3
        }) && self.hits_at(k).is_empty()
    }

    /// "عام 2016", "سنة 1994", "في 2016", "نهاية 2024", "عامي 2019 و2020", "انتخابات 2020".
    fn year(&self, i: usize) -> Option<Cand> {
        if let Some(y) = self.year_num(i, Calendar::Gregorian) {
            if self.word0(i + 1, Class::HijriMarker).is_some() {
                return None;
            }
            // The second of "عامي 2019 و2020".
            let second =
                i >= 2 && self.is(i - 1, WA) && self.year_num(i - 2, Calendar::Gregorian).is_some();
            let after_prep = i > 0 && self.word(i - 1, Class::Prep).is_some() && y >= 1900;
            // "انتخابات 2020", "موازنة 2025": a year in a label.
            let labelled = i > 0 && self.word(i - 1, Class::Label).is_some() && y >= 1900;
            return (second || after_prep || labelled).then_some(Cand {
                first: i,
                skip: 0,
                end: i + 1,
                expr: Expr::Year(y),
            });
        }
        let mut w = Walk::new(i);
        let mut framed = false;
        let frame = [Class::Half, Class::Season, Class::Part]
            .into_iter()
            .find_map(|c| self.pick(w.j, w.at_start(), c));
        if let Some(h) = frame {
            w.eat(h);
            framed = true;
            if self.is(w.j, MIN) {
                w.j += 1;
            }
        }
        let noun = match self.unit_at(w.j, w.at_start()) {
            Some((h, Unit::Year, GramNumber::Singular | GramNumber::Construct)) => Some(h),
            _ => {
                self.period_at(w.j, w.at_start()).filter(|(_, u)| *u == Unit::Year).map(|(h, _)| h)
            }
        };
        if let Some(h) = noun {
            w.eat(h);
        } else if !framed {
            return None;
        }
        let y = self.year_num(w.j, Calendar::Gregorian)?;
        if self.word0(w.j + 1, Class::HijriMarker).is_some() {
            return None;
        }
        w.j += 1;
        Some(w.cand(Expr::Year(y)))
    }

    /// "ستة أسابيع", "25 عاماً", "نحو شهر", "بعد يوم واحد", "منذ عامين", "عقب ٧ أيام".
    fn duration(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        let mut cued = false;
        // Cues stack: "خلال ما يربو على", "على مدار ما يقرب من".
        for _ in 0..3 {
            if self.take(&mut w, Class::DurCue).is_none() {
                break;
            }
            cued = true;
        }
        if let Some((n, k, prefix)) = self.count(w.j) {
            let (uh, unit, number) = self.unit_at(k, false)?;
            if n == 0 || matches!(number, GramNumber::Dual | GramNumber::Construct) {
                return None;
            }
            if w.at_start() {
                w.skip = prefix;
            }
            w.j = k + uh.len;
            if self.is_age(i, w.j, unit) {
                return None;
            }
            return Some(w.cand(Expr::Duration { count: n, unit }));
        }
        let (uh, unit, number) = self.unit_at(w.j, w.at_start())?;
        w.eat(uh);
        let count = match number {
            GramNumber::Dual => {
                // "يومين اثنين"
                if let Some((2, e, 0)) = self.count(w.j) {
                    w.j = e;
                }
                2
            }
            GramNumber::Singular | GramNumber::Accusative => {
                let one = match self.count(w.j) {
                    Some((1, e, 0)) => {
                        w.j = e;
                        true
                    }
                    _ => false,
                };
                // Bare عقد is more often "contract" or "held" than "decade".
                if !(one || (cued && unit != Unit::Decade)) {
                    return None;
                }
                // "بعد يوم الجمعة", "منذ عام 2016", "خلال شهر رمضان": the noun heads a date.
                if !one && self.heads_a_date(w.j) {
                    return None;
                }
                1
            }
            GramNumber::Plural | GramNumber::Construct => return None,
        };
        if self.is_age(i, w.j, unit) {
            return None;
        }
        Some(w.cand(Expr::Duration { count, unit }))
    }

    /// "عيد الفطر", "عيد الأضحى الماضي", "عيد الفطر 1445 هـ": a feast's day, in the
    /// year a direction word or number gives, else the nearest one as for a year-less
    /// date.
    fn holiday(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        let h = self.find(i, true, |it| matches!(it, Item::Holiday { .. }))?;
        let Item::Holiday { cal, month, day } = h.item else { return None };
        w.eat(h);
        let (year, qual) = if let Some((year, end)) = self.year_after(w.j, cal) {
            w.j = end;
            (year, Qual::None)
        } else if let Some(q) = self.qual_at(w.j) {
            w.j += 1;
            (YearSpec::None, q)
        } else {
            (YearSpec::None, Qual::None)
        };
        Some(w.cand(Expr::Date { cal, day, month, year, qual, wd: None }))
    }

    fn heads_a_date(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.kind == TokenKind::Number)
            || self.month_at(k, false).is_some()
            || [Class::Weekday, Class::RelDay, Class::Today]
                .iter()
                .any(|c| self.word0(k, *c).is_some())
    }

    /// A count of units that is someone's age: "يبلغ من العمر 13 عاماً", "عمره 5 سنوات",
    /// "(26 عاماً)", "30 عاماً من العمر".
    fn is_age(&self, start: usize, end: usize, unit: Unit) -> bool {
        let sent = self.tok(start).map(|t| t.sent);
        let cue_before = (start.saturating_sub(2)..start)
            .any(|k| self.tok(k).map(|t| t.sent) == sent && self.word(k, Class::AgeCue).is_some());
        let after = self.word0(end, Class::AgeAfter).is_some();
        let bracketed =
            unit == Unit::Year && start > 0 && self.punct(start - 1, "(") && self.punct(end, ")");
        cue_before || after || bracketed
    }

    /// "في اليوم التالي", "اليوم نفسه", "ذلك اليوم", "الليلة ذاتها", "غداة الهجوم",
    /// "عشية 7 أكتوبر".
    fn anchor(&self, i: usize) -> Option<Cand> {
        let mut w = Walk::new(i);
        self.take(&mut w, Class::Prep);
        self.take(&mut w, Class::DayPeriod);
        let ghadat = self.pick(w.j, w.at_start(), Class::Ghadat);
        if let Some(h) = ghadat.or_else(|| self.pick(w.j, w.at_start(), Class::Eve)) {
            let shift = if ghadat.is_some() { 1 } else { -1 };
            w.eat(h);
            let inner = self
                .day_month(w.j)
                .or_else(|| self.weekday(w.j))
                .or_else(|| self.numeric_date(w.j))
                .or_else(|| self.holiday(w.j));
            if let Some(inner) = inner {
                w.j = inner.end;
                return Some(w.cand(Expr::Shift(Box::new(inner.expr), shift)));
            }
            // "الأربعاء غداة الاشتباكات": the day after the event is the day the
            // sentence already named.
            return (shift == 1).then(|| w.cand(Expr::Anchor { offset: 0, same_sentence: true }));
        }
        if let Some(h) = self
            .pick(w.j, w.at_start(), Class::That)
            .or_else(|| self.pick(w.j, w.at_start(), Class::SamePre))
        {
            let t = self.word0(w.j + h.len, Class::Today)?;
            w.eat(h);
            w.j += t.len;
            return Some(w.cand(Expr::Anchor { offset: 0, same_sentence: false }));
        }
        // "الليلة الماضية" is a relative day of the lexicon, not "the night before".
        if self.pick(w.j, w.at_start(), Class::RelDay).is_some() {
            return None;
        }
        self.take(&mut w, Class::Today)?;
        let offset =
            self.hits_at(w.j).iter().filter(|h| h.prefix == 0).find_map(|h| match h.item {
                Item::Word { class: Class::Next, .. } => Some((1, h.len)),
                Item::Word { class: Class::Past, .. } => Some((-1, h.len)),
                Item::Word { class: Class::Same, .. } => Some((0, h.len)),
                _ => None,
            });
        let (offset, len) = offset?;
        w.j += len;
        Some(w.cand(Expr::Anchor { offset, same_sentence: false }))
    }

    // ----- clause tense -----

    /// Whether the clause holding token `i` speaks of the future before it: a future
    /// cue (سوف، من المقرر، يعتزم ...) or a سـ verb between the clause start and `i`.
    pub fn future_before(&self, i: usize) -> bool {
        let Some(sent) = self.tok(i).map(|t| t.sent) else { return false };
        for k in (0..i).rev() {
            let t = &self.toks[k];
            if t.sent != sent {
                break;
            }
            if t.kind == TokenKind::Punct
                && matches!(t.text, "," | ";" | ":" | "\"" | "(" | ")" | "." | "!" | "?")
            {
                break;
            }
            if self.word(k, Class::FutureCue).is_some_and(|h| k + h.len <= i)
                || (t.kind == TokenKind::Arabic && self.is_future_verb(t.text))
            {
                // "كان يستعد للعودة مساء الأربعاء": a plan told in the past.
                return !self.past_aux_before(k);
            }
        }
        false
    }

    /// Whether a past auxiliary (كان) stands in the clause before token `k`.
    fn past_aux_before(&self, k: usize) -> bool {
        let Some(sent) = self.tok(k).map(|t| t.sent) else { return false };
        (0..k)
            .rev()
            .take_while(|&j| {
                let t = &self.toks[j];
                t.sent == sent
                    && !(t.kind == TokenKind::Punct
                        && matches!(t.text, "," | ";" | ":" | "\"" | "(" | ")" | "." | "!" | "?"))
            })
            .any(|j| self.word(j, Class::PastAux).is_some())
    }

    /// A verb with the future prefix سـ: س + an imperfect prefix (ي ت ن), after an
    /// optional و/ف, and not one of the listed look-alikes (سياسة، سيطرة، ستة ...).
    fn is_future_verb(&self, word: &str) -> bool {
        let w = match word.strip_prefix(['و', 'ف']) {
            Some(rest) if rest.starts_with('س') => rest,
            _ => word,
        };
        let Some(rest) = w.strip_prefix('س') else { return false };
        rest.starts_with(['ي', 'ت', 'ن']) && w.chars().count() >= 4 && !self.lex.is_not_future(w)
    }

    /// The year phrase at `first` is what "منذ" counts from ("since 2016", "منذ عودة
    /// الحركة إلى السلطة عام 2021"): it sets no year for what follows. منذ is looked for
    /// a few words back, within the clause.
    pub fn after_since(&self, first: usize) -> bool {
        let Some(sent) = self.tok(first).map(|t| t.sent) else { return false };
        (first.saturating_sub(SINCE_REACH)..first)
            .rev()
            .take_while(|&j| self.toks[j].sent == sent && self.toks[j].kind != TokenKind::Punct)
            .any(|j| {
                let t = self.toks[j].text;
                t.strip_prefix(['و', 'ف']).unwrap_or(t) == "منذ"
            })
    }
}

/// What the rules make of a lexicon word at the token they start at.
enum Lead {
    /// Some rule may read an expression from it.
    Head,
    /// Rules only pass over it to what follows.
    Opener,
    /// No rule reads it first; it qualifies or rules out what is around it.
    Never,
}

/// How a lexicon item may begin an expression. Kept in step with the rules: each
/// reads at its first token only the items marked `Head` or `Opener` here (the match is
/// exhaustive so that a new class must be placed).
fn lead(item: &Item) -> Lead {
    use Class::*;
    match item {
        Item::Month { .. } | Item::Unit { .. } | Item::Period(_) | Item::Holiday { .. } => {
            Lead::Head
        }
        Item::Word { class, .. } => match class {
            Weekday | Today | RelDay | DayPeriod | This | Period | SamePre | That | Ghadat
            | Eve | Part | Half | Season | Ordinal | OrdinalTeen => Lead::Head,
            Within | Prep | DurCue => Lead::Opener,
            Past | Current | Future | Next | TitleAdj | Same | AgeCue | AgeAfter | NameCue
            | Prayer | TwoBefore | TwoAfter | Equiv | HijriMarker | TeenSuffix | NotTodayAfter
            | FutureCue | PastAux | Label => Lead::Never,
        },
    }
}

/// What follows a month name.
struct Tail {
    end: usize,
    year: YearSpec,
    qual: Qual,
    paired: bool,
}

/// Lexicon phrases starting at token `i`, longest first.
fn lexicon_hits(
    lex: &Lexicon,
    toks: &[Tok<'_>],
    clitics: &TokenClitics,
    i: usize,
    scratch: &mut String,
    out: &mut Vec<Hit>,
) {
    let t = &toks[i];
    if t.kind != TokenKind::Arabic {
        return;
    }
    // Every key below ends as the token does (a stem keeps two letters or more), so most
    // tokens are ruled out by their ending before their readings are walked, and most
    // readings of the rest by their length.
    let lengths = lex.first_word_lengths(t.text);
    if lengths == 0 {
        return;
    }
    let from = out.len();
    for a in clitics.of(i) {
        let stem = t.text.get(a.prefix_len..).unwrap_or("");
        // The key is the stem, with ال in front when the article was read: its length is
        // known before it is built.
        let key_len = stem.len() + if a.article { "ال".len() } else { 0 };
        if lengths & EndFilter::length_bit(key_len) == 0 {
            continue;
        }
        // Forms keep their article ("الجمعة"), so an analysis that strips it is looked up
        // with it put back: the token's own letters when it wrote ال, the scratch
        // buffer for "لل" (ل + ال with the alef elided).
        let (key, prefix) = if a.article {
            let pre = &t.text[..a.prefix_len];
            if pre.ends_with("ال") {
                let at = a.prefix_len - "ال".len();
                (t.text.get(at..).unwrap_or(""), at)
            } else {
                scratch.clear();
                scratch.push_str("ال");
                scratch.push_str(stem);
                (scratch.as_str(), a.prefix_len - "ل".len())
            }
        } else {
            (stem, a.prefix_len)
        };
        for p in lex.phrases(key) {
            let n = p.rest.len();
            let rest_ok = p.rest.iter().enumerate().all(|(k, r)| {
                toks.get(i + 1 + k).is_some_and(|x| x.kind == TokenKind::Arabic && x.text == r)
            });
            let hit = Hit { item: p.item, len: n + 1, prefix };
            if rest_ok && !out[from..].contains(&hit) {
                out.push(hit);
            }
        }
    }
    if out.len() - from > 1 {
        out[from..].sort_by_key(|h| (Reverse(h.len), h.prefix));
    }
}

/// Which quote each token is inside, if any. Quotes pair up within a sentence (the
/// normalizer folds every quote mark to `"`), so an unbalanced one ends with it.
fn quote_table(toks: &[Tok<'_>]) -> Indexes {
    let mut out = Indexes::new(toks.len());
    let mut open: Option<usize> = None;
    let mut sent = u32::MAX;
    for (k, t) in toks.iter().enumerate() {
        if t.sent != sent {
            sent = t.sent;
            open = None;
        }
        if t.kind == TokenKind::Punct && t.text == "\"" {
            open = if open.is_some() { None } else { Some(k) };
        } else if let Some(q) = open {
            out.set(k, q);
        }
    }
    out
}

/// Counts from the number parser, by the token their numeric part starts in.
fn count_table(
    numbers: &[rasd_text::numbers::NumberMatch],
    toks: &[Tok<'_>],
) -> Sparse<(u32, usize, usize)> {
    let mut counts = Sparse::with_capacity(toks.len(), numbers.len());
    for m in numbers {
        if m.vague {
            continue;
        }
        let Some(v) = m.count().and_then(|v| u32::try_from(v).ok()) else { continue };
        let ti = toks.partition_point(|t| t.nend as usize <= m.value_start);
        let Some(t) = toks.get(ti) else { continue };
        if t.nstart as usize > m.value_start {
            continue;
        }
        let te = toks.partition_point(|t| (t.nstart as usize) < m.end);
        counts.set(ti, (v, te, m.value_start - t.nstart as usize));
    }
    counts
}
