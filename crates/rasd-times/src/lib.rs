//! Time expressions of Arabic news text, resolved against the publication date.
//!
//! [`extract_times`] finds every expression that pins a day, month, year or ISO week, or
//! gives a duration, and returns it as a [`rasd_model::Time`]: the span as written and
//! an ISO 8601 value (`2020-10-17`, `2020-10`, `2021`, `2021-W45`, `P6W`). What it reads:
//!
//! - dates: "17 أكتوبر", "17 أكتوبر (تشرين الأول)", "19 أيلول/سبتمبر الجاري",
//!   "السابع عشر من أكتوبر 2020", "17/10/2020", "9 من الشهر الجاري", "15 رمضان 1445 هـ";
//! - months: "في نوفمبر", "نوفمبر الماضي", "مطلع مارس", "نوفمبر عام 2020",
//!   "الشهر الماضي", "في وقت سابق هذا الشهر", "رمضان الماضي";
//! - years: "عام 2016", "في 2016", "العام الماضي", "هذا العام", "نهاية 2024",
//!   "النصف الثاني من العام";
//! - days: "اليوم", "أمس", "مساء أمس الأول", "غداً", weekdays ("الخميس", "يوم الجمعة
//!   المقبل", "أمس الجمعة"), and anchors ("في اليوم التالي", "في اليوم نفسه", "غداة");
//! - weeks: "الأسبوع الماضي", "هذا الأسبوع", "الأسبوع المقبل";
//! - durations: "ستة أسابيع", "25 عاماً", "نحو شهر", "بعد يوم واحد", "منذ عامين",
//!   "خلال 72 ساعة" (PT72H), "أربعة عقود" (P40Y);
//! - feasts: "عشية عيد الفطر", "عيد الأضحى الماضي" (their Umm al-Qura day);
//! - labels: "انتخابات 2020".
//!
//! Not read, as the annotation guidelines ask: ages ("يبلغ من العمر 13 عاماً"), times of
//! day, vague spans ("منذ أشهر", "بعد أيام"), decades ("التسعينات"), and numbers that
//! are names ("حركة 23 مارس", "القرار 2722").
//!
//! Weekdays and year-less dates resolve to the latest such day on or before the
//! publication date, or to the next one when the phrase (المقبل) or its clause (سـ،
//! سوف، من المقرر، a present-tense verb of a scheduled happening: "وتنطلق المفاوضات
//! الاثنين") is future, that very day when it is the publication's own weekday, and
//! after a coming day named before in the sentence ("الخميس أو الجمعة"). A plan told in
//! the past (كان + a future cue) is not future. A year-less month takes the year the
//! same sentence, or the previous one of its paragraph, gives ("حرب السنة الماضية ...
//! انتهت في نوفمبر"), but not the year "منذ" counts from; a weekday written with a
//! year-less date picks the year in which they agree. Inside a quote, days, weekdays and
//! year-less dates count from the day the statement was made, when the sentence gives
//! it. "الشهر نفسه", "الشهر التالي", "من العام ذاته" and "اليوم التالي" count from the
//! last time the paragraph named, unless an uncounted lapse ("بعد أيام") came between.
//! Hijri dates use the Umm al-Qura calendar (see [`calendar`]); a Hijri month's value is
//! the Gregorian month its first day falls in. ISO weeks come with kind `date`, since
//! the schema has no week kind.
//!
//! The vocabulary (month names in all regional sets, units, cue words) is data in
//! `data/lexicon/times_*.tsv`, embedded at compile time; [`Lexicon::from_sources`]
//! compiles extended copies without recompiling.
//!
//! ```
//! use rasd_text::{normalize, split_sentences};
//! use rasd_times::extract_times;
//!
//! let text = "التقى الوزيران أمس الجمعة، بعد اشتباكات اندلعت في 27 سبتمبر (أيلول) الماضي.";
//! let view = normalize(text);
//! let sentences = split_sentences(&view);
//! let times = extract_times(text, &view, &sentences, Some("2020-10-24"));
//! let got: Vec<(&str, Option<&str>)> =
//!     times.iter().map(|t| (t.span.text.as_str(), t.value.as_deref())).collect();
//! assert_eq!(got, [("أمس الجمعة", Some("2020-10-23")), ("27 سبتمبر (أيلول) الماضي", Some("2020-09-27"))]);
//! ```
#![deny(missing_docs)]

pub mod calendar;
mod error;
mod lexicon;
mod resolve;
mod scan;

pub use error::LexiconError;
pub use lexicon::{Lexicon, LexiconSources};

use rasd_model::{Span, Time};
use rasd_text::Normalized;

use crate::calendar::Date;

/// All time expressions of a document, with the embedded lexicon.
///
/// `text` is the document text and `view` must be `rasd_text::normalize(text)`;
/// `sentences` are code-point ranges of `text` (as `rasd_text::split_sentences` gives);
/// `published` is `YYYY-MM-DD` (a trailing time is ignored). Without a valid
/// `published`, expressions relative to it get `value: None`, while those that carry a
/// year still resolve. Spans never overlap and come in text order.
pub fn extract_times(
    text: &str,
    view: &Normalized,
    sentences: &[[usize; 2]],
    published: Option<&str>,
) -> Vec<Time> {
    extract_times_with(Lexicon::embedded(), text, view, sentences, published)
}

/// [`extract_times`] with a given lexicon (e.g. the embedded one extended by the user).
pub fn extract_times_with(
    lexicon: &Lexicon,
    text: &str,
    view: &Normalized,
    sentences: &[[usize; 2]],
    published: Option<&str>,
) -> Vec<Time> {
    let numbers = rasd_text::numbers::find_numbers(view.as_str());
    extract_times_numbered(lexicon, text, view, sentences, published, &numbers)
}

/// [`extract_times_with`] given the number expressions of `view`
/// (`rasd_text::numbers::find_numbers`), which the pipeline computes once for every
/// stage that needs them.
pub fn extract_times_numbered(
    lexicon: &Lexicon,
    text: &str,
    view: &Normalized,
    sentences: &[[usize; 2]],
    published: Option<&str>,
    numbers: &[rasd_text::numbers::NumberMatch],
) -> Vec<Time> {
    let tokens = rasd_text::tokenize(view);
    let clitics = rasd_text::clitics::TokenClitics::new(view, &tokens);
    extract_times_tokens(lexicon, text, view, &tokens, &clitics, sentences, published, numbers)
}

/// [`extract_times_numbered`] given also the tokens of `view` (`rasd_text::tokenize`)
/// and their clitic analyses, which the pipeline computes once for every stage.
#[allow(clippy::too_many_arguments)]
pub fn extract_times_tokens(
    lexicon: &Lexicon,
    text: &str,
    view: &Normalized,
    tokens: &[rasd_text::Token],
    clitics: &rasd_text::clitics::TokenClitics,
    sentences: &[[usize; 2]],
    published: Option<&str>,
    numbers: &[rasd_text::numbers::NumberMatch],
) -> Vec<Time> {
    let published = published.and_then(Date::parse);
    let sc = scan::Scanner::new(lexicon, view, tokens, clitics, sentences, numbers);
    let cands = sc.scan();
    if cands.is_empty() {
        return Vec::new();
    }
    let resolved = resolve::resolve_all(&sc, &cands, published);
    // Expressions come in text order: find each span's bytes walking forward.
    let mut cursor = CharCursor::new(text);
    cands
        .iter()
        .zip(resolved)
        .filter_map(|(c, (value, kind))| {
            let a = sc.toks[c.first].nstart as usize + c.skip;
            let b = sc.toks[c.end - 1].nend as usize;
            let (start, end) = view.to_original(a, b);
            let from = cursor.byte_of(start)?;
            let to = cursor.byte_of(end)?;
            let piece = text.get(from..to)?;
            Some(Time { span: Span { start, end, text: piece.to_string() }, value, kind })
        })
        .collect()
}

/// Code-point offsets to byte offsets of one text, for offsets asked mostly in
/// increasing order (a step back starts over).
struct CharCursor<'a> {
    text: &'a str,
    /// The code point and the byte where the walk stands.
    cp: usize,
    byte: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor { text, cp: 0, byte: 0 }
    }

    /// The byte offset of code point `cp` (`text.len()` for the end), `None` past it.
    fn byte_of(&mut self, cp: usize) -> Option<usize> {
        if cp < self.cp {
            self.cp = 0;
            self.byte = 0;
        }
        // Count code points by their lead bytes rather than decoding them, a block at a
        // time: the next `need` code points take at least `need` bytes, so the lead bytes
        // among the next `need` bytes all start code points before the target; then step
        // to the next boundary and repeat.
        let bytes = self.text.as_bytes();
        while self.cp < cp {
            if self.byte >= bytes.len() {
                return None;
            }
            let end = (self.byte + (cp - self.cp)).min(bytes.len());
            self.cp += count_leads(&bytes[self.byte..end]);
            self.byte = end;
            while bytes.get(self.byte).is_some_and(|b| b & 0xc0 == 0x80) {
                self.byte += 1;
            }
        }
        Some(self.byte)
    }
}

/// The lead bytes (those not of the form `10xxxxxx`) of `bytes`: its code points when it
/// is whole UTF-8. Counted in byte-sized lanes over pieces short enough not to overflow
/// one, which the compiler turns into wide vector adds; a count into `usize` lanes is
/// several times slower.
fn count_leads(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|piece| {
            // At most 255 leads: the byte count cannot wrap.
            usize::from(piece.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(b & 0xc0 != 0x80))))
        })
        .sum()
}

#[cfg(test)]
mod cursor_tests {
    use super::{count_leads, CharCursor};

    #[test]
    fn count_leads_counts_code_points_in_any_length() {
        let text = "قُتل 3 في 9 أكتوبر — “هدنة” a😀b".repeat(40);
        for n in [0, 1, 7, 254, 255, 256, 600, text.len()] {
            let s = &text.as_bytes()[..n];
            let want = s.iter().filter(|&&b| b & 0xc0 != 0x80).count();
            assert_eq!(count_leads(s), want, "{n} bytes");
        }
    }

    #[test]
    fn byte_of_matches_char_indices_forward_and_back() {
        let text = "قُتل 3 في 9 أكتوبر — “هدنة” a😀b";
        let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bounds.push(text.len());
        let mut cursor = CharCursor::new(text);
        // Forward in steps of every size, then a step back, then past the end.
        for cp in [0, 1, 2, 5, 6, 13, 14, 28, 29, 30, bounds.len() - 1, 3, 7] {
            assert_eq!(cursor.byte_of(cp), Some(bounds[cp]), "code point {cp}");
        }
        assert_eq!(cursor.byte_of(bounds.len()), None);
    }
}
