//! The clean stage of rasd: from a scraped article body to the article as published.
//!
//! Scrapers hand over more than the article: share bars, "read also" links, cookie and
//! JavaScript notices, ad markers, photo credits, a second (often truncated) copy of
//! the headline. [`Cleaner::clean`] drops those lines and otherwise leaves the text as
//! the site published it: Unicode NFC is applied, trailing spaces and runs of blank
//! lines are trimmed, and nothing is respelled or stripped of diacritics, because every
//! later stage reports offsets into this text and quotes it back to the reader.
//!
//! Which lines are chrome is mostly data: `data/clean/boilerplate.tsv`, embedded at
//! compile time, lists the patterns with a note on what each removes, and users add
//! their own with [`Cleaner::with_extra`] without recompiling. A few rules need the
//! context of the whole article and are code:
//!
//! | reason | what is dropped |
//! |---|---|
//! | `title-repeat` | a later line that repeats the headline |
//! | `title-truncated` | a line that is the headline cut short (at least half of it) |
//! | `title-variant` | a first line that is the given title plus a few words (a site name) |
//! | `repeat-line` | a line that repeats the line before it |
//! | `related-bullets` | a block of bulleted headlines, i.e. links to other articles |
//! | `latin-chrome` | a short, mostly Latin-script line in an Arabic article |
//!
//! Lines dropped by a pattern carry the pattern's id as their reason.
//!
//! ```
//! use rasd_clean::Cleaner;
//!
//! let cleaner = Cleaner::embedded();
//! let body = "صورة أرشيفية\n\
//!             قال مسؤول في الأمم المتحدة إن المساعدات وصلت إلى المدينة.\n\
//!             \n\
//!             اقرأ أيضاً: ما الذي يجري في دارفور؟\n\
//!             شارك";
//! let out = cleaner.clean(Some("وصول المساعدات إلى الفاشر"), body);
//! assert_eq!(
//!     out.text,
//!     "وصول المساعدات إلى الفاشر\n\nقال مسؤول في الأمم المتحدة إن المساعدات وصلت إلى المدينة."
//! );
//! assert_eq!(out.removed.len(), 3);
//! ```
#![deny(missing_docs)]

mod error;
mod key;
mod patterns;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub use error::CleanError;
pub use patterns::MatchKind;

use key::{append_key, is_ignorable, is_plain_nfc, key, word_count, NfcCheck, Script};
use patterns::Compiled;

/// The pattern file shipped with the crate.
pub const EMBEDDED_TSV: &str = include_str!("../../../data/clean/boilerplate.tsv");

/// Names of the built-in rules, as they appear in [`RemovedLine::reason`]. Pattern ids
/// may not reuse them, so a reason always says unambiguously what removed a line.
pub const RULES: &[&str] = &[
    "title-repeat",
    "title-truncated",
    "title-variant",
    "repeat-line",
    "related-bullets",
    "latin-chrome",
];

/// Longest first line taken for a headline when no title is given.
const MAX_TITLE_CHARS: usize = 200;
/// Words a site may append to a headline ("| Site name") before it stops being one.
const MAX_TITLE_SUFFIX_WORDS: usize = 6;
/// Related-link headlines are short; a longer bulleted line is a point being made.
const MAX_HEADLINE_WORDS: usize = 40;
/// A Latin line longer than this is more likely quoted content than chrome.
const MAX_LATIN_CHROME_WORDS: usize = 20;

/// Compiled boilerplate patterns; cheap to clone and to share between threads.
#[derive(Debug, Clone)]
pub struct Cleaner {
    compiled: Compiled,
}

/// The result of cleaning one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The article text, beginning with its headline.
    pub text: String,
    /// The headline: the given title, or the first line when it looks like one.
    pub title: Option<String>,
    /// What was dropped and why, in body order.
    pub removed: Vec<RemovedLine>,
}

/// One pattern as loaded, for inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern<'a> {
    /// The id reported in [`RemovedLine::reason`].
    pub id: &'a str,
    /// How it is compared with a line.
    pub kind: MatchKind,
    /// For literal kinds the normalized key that is compared, for regexes the source.
    pub pattern: &'a str,
    /// Longest line, in words of its key, the pattern may drop; 0 for no limit.
    pub max_words: usize,
    /// What kind of site chrome it removes.
    pub note: &'a str,
}

/// A line of the body that is not in [`Cleaned::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedLine {
    /// The line, after NFC, without surrounding whitespace.
    pub line: String,
    /// The id of the pattern that matched, or the name of a rule (see [`RULES`]).
    pub reason: String,
    /// 1-based line number in the body as given.
    pub line_no: usize,
}

impl Cleaner {
    /// The patterns embedded at compile time from `data/clean/boilerplate.tsv`.
    ///
    /// They are compiled on the first call and cloned afterwards.
    pub fn embedded() -> Cleaner {
        static EMBEDDED: OnceLock<Cleaner> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                // The file is part of the crate and a unit test parses it, so a failure
                // here is a build defect, not bad input.
                Cleaner::from_tsv(EMBEDDED_TSV).expect("embedded boilerplate.tsv is valid")
            })
            .clone()
    }

    /// Patterns from a TSV text in the format of `data/clean/boilerplate.tsv`.
    pub fn from_tsv(tsv: &str) -> Result<Cleaner, CleanError> {
        Ok(Cleaner { compiled: Compiled::new(patterns::parse(tsv)?)? })
    }

    /// These patterns plus those of a user's file. Error line numbers refer to that file.
    pub fn with_extra(self, tsv: &str) -> Result<Cleaner, CleanError> {
        let mut rows = self.compiled.rows;
        rows.extend(patterns::parse(tsv)?);
        Ok(Cleaner { compiled: Compiled::new(rows)? })
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.compiled.rows.len()
    }

    /// The patterns in file order (embedded ones first), e.g. to list them to a user.
    pub fn patterns(&self) -> impl Iterator<Item = Pattern<'_>> + '_ {
        self.compiled.rows.iter().map(|r| Pattern {
            id: &r.id,
            kind: r.kind,
            pattern: &r.pattern,
            max_words: r.max_words,
            note: &r.note,
        })
    }

    /// Cleans one article. `title` is the headline from metadata, if there is one.
    pub fn clean(&self, title: Option<&str>, body: &str) -> Cleaned {
        // A byte order mark is a starter NFC neither makes nor merges, so trimming it
        // before or after NFC gives the same text.
        let body = body.trim_start_matches('\u{FEFF}');
        let title = title.map(|t| nfc(t).trim().to_string()).filter(|t| !t.is_empty());
        // Almost every body is already NFC. Splitting reads every character anyway, so
        // it tells whether it was (see `NfcCheck`), and only a body it cannot vouch for
        // is normalized and split again.
        let normalized: String;
        let (doc, plain) = Doc::split(self, body);
        let mut doc = if plain || is_nfc_quick(body.chars()) == IsNormalized::Yes {
            doc
        } else {
            normalized = body.nfc().collect();
            Doc::split(self, &normalized).0
        };
        doc.drop_latin_chrome();
        let headline = doc.find_headline(title);
        if let Some(h) = &headline {
            doc.drop_title_copies(h);
        }
        doc.drop_related_bullets();
        doc.drop_repeats();
        doc.render(self, headline)
    }
}

fn nfc(s: &str) -> Cow<'_, str> {
    if is_plain_nfc(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Pattern(usize),
    TitleRepeat,
    TitleTruncated,
    TitleVariant,
    Repeat,
    RelatedBullets,
    LatinChrome,
}

impl Reason {
    fn name(self, cleaner: &Cleaner) -> &str {
        match self {
            Reason::Pattern(r) => &cleaner.compiled.rows[r].id,
            Reason::TitleRepeat => RULES[0],
            Reason::TitleTruncated => RULES[1],
            Reason::TitleVariant => RULES[2],
            Reason::Repeat => RULES[3],
            Reason::RelatedBullets => RULES[4],
            Reason::LatinChrome => RULES[5],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Blank,
    Keep,
    Drop(Reason),
}

struct Line<'a> {
    /// The line without trailing whitespace.
    text: &'a str,
    /// Its key, as a range into `Doc::keys`.
    key: Range<usize>,
    words: usize,
    script: Script,
    status: Status,
}

/// The headline the text starts with.
struct Headline {
    text: String,
    key: String,
    /// Index of the body line that is the headline, or None when it must be prepended.
    line: Option<usize>,
}

/// One article split into lines, with the keys of all lines in one buffer so that
/// cleaning allocates a handful of times per article, not per line.
struct Doc<'a> {
    lines: Vec<Line<'a>>,
    keys: String,
    script: Script,
}

impl<'a> Doc<'a> {
    /// The lines of `body`, and whether every character read was one NFC leaves alone
    /// where it stands. Characters that are not read, the whitespace around lines, are
    /// ones NFC maps to whitespace, so they are trimmed from its result alike.
    fn split(cleaner: &Cleaner, body: &'a str) -> (Doc<'a>, bool) {
        let mut nfc = NfcCheck::default();
        let mut keys = String::with_capacity(body.len());
        let mut lines = Vec::new();
        let mut total = Script::default();
        for raw in body.split('\n') {
            let text = raw.trim_end();
            if text.is_empty() {
                lines.push(Line {
                    text,
                    key: 0..0,
                    words: 0,
                    script: Script::default(),
                    status: Status::Blank,
                });
                continue;
            }
            let start = keys.len();
            let script = append_key(text, &mut keys, &mut nfc);
            let k = &keys[start..];
            if k.is_empty() && text.chars().all(|c| c.is_whitespace() || is_ignorable(c)) {
                // Only bidi marks or zero-width characters: a blank line to a reader.
                keys.truncate(start);
                lines.push(Line {
                    text: "",
                    key: 0..0,
                    words: 0,
                    script: Script::default(),
                    status: Status::Blank,
                });
                continue;
            }
            let words = script.words as usize;
            debug_assert_eq!(words, word_count(k));
            total.arabic += script.arabic;
            total.latin += script.latin;
            let status = match cleaner.compiled.find(text.trim_start(), k, words) {
                Some(r) => Status::Drop(Reason::Pattern(r)),
                None => Status::Keep,
            };
            lines.push(Line { text, key: start..keys.len(), words, script, status });
        }
        (Doc { lines, keys, script: total }, nfc.plain)
    }

    fn key(&self, i: usize) -> &str {
        &self.keys[self.lines[i].key.clone()]
    }

    fn kept(&self, i: usize) -> bool {
        self.lines[i].status == Status::Keep
    }

    /// Index of the nearest non-blank line before `i`.
    fn prev_nonblank(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.lines[j].status != Status::Blank)
    }

    /// Index of the first line from `i` on that is kept or blank, skipping lines that
    /// are already dropped (they will not be in the output, so they separate nothing).
    fn next_visible(&self, i: usize) -> Option<usize> {
        (i..self.lines.len()).find(|&j| !matches!(self.lines[j].status, Status::Drop(_)))
    }

    fn drop_latin_chrome(&mut self) {
        // Only an Arabic article makes a Latin line foreign; in an English article it
        // is the text.
        if self.script.arabic <= self.script.latin {
            return;
        }
        for line in &mut self.lines {
            let s = line.script;
            if line.status == Status::Keep
                && s.latin >= 2
                && s.latin * 5 >= (s.latin + s.arabic) * 3
                && line.words <= MAX_LATIN_CHROME_WORDS
            {
                line.status = Status::Drop(Reason::LatinChrome);
            }
        }
    }

    fn find_headline(&mut self, title: Option<String>) -> Option<Headline> {
        let first = (0..self.lines.len()).find(|&i| self.kept(i) && !self.key(i).is_empty());
        let title = title.map(|t| {
            let k = key(&t);
            (t, k)
        });
        match (title, first) {
            (Some((text, k)), _) if k.is_empty() => Some(Headline { text, key: k, line: None }),
            (Some((text, k)), Some(f)) => {
                let fk = self.key(f);
                if fk == k {
                    return Some(Headline { text, key: k, line: Some(f) });
                }
                let suffix = fk.strip_prefix(k.as_str()).and_then(|rest| rest.strip_prefix(' '));
                if let Some(rest) = suffix {
                    let line = self.lines[f].text;
                    if word_count(rest) <= MAX_TITLE_SUFFIX_WORDS
                        && line.chars().count() <= MAX_TITLE_CHARS
                        && !ends_with_period(line)
                    {
                        self.lines[f].status = Status::Drop(Reason::TitleVariant);
                    }
                }
                Some(Headline { text, key: k, line: None })
            }
            (Some((text, k)), None) => Some(Headline { text, key: k, line: None }),
            (None, Some(f)) => {
                let line = self.lines[f].text;
                let followed_by_blank =
                    self.next_visible(f + 1).is_some_and(|n| self.lines[n].status == Status::Blank);
                let looks_like_title = followed_by_blank
                    && self.lines[f].words >= 2
                    && line.chars().count() <= MAX_TITLE_CHARS
                    && !ends_with_period(line)
                    && !line.trim_end().ends_with([':', '،', ','])
                    && bullet_body(line).is_none();
                looks_like_title.then(|| Headline {
                    text: line.trim().to_string(),
                    key: self.key(f).to_string(),
                    line: Some(f),
                })
            }
            (None, None) => None,
        }
    }

    fn drop_title_copies(&mut self, headline: &Headline) {
        let tk = headline.key.as_str();
        if tk.is_empty() {
            return;
        }
        let title_chars = tk.chars().count();
        for i in 0..self.lines.len() {
            if !self.kept(i) || Some(i) == headline.line {
                continue;
            }
            let k = self.key(i);
            if k.is_empty() || k.len() > tk.len() {
                continue;
            }
            let reason = if k == tk {
                Some(Reason::TitleRepeat)
            } else if tk.starts_with(k)
                && self.lines[i].words >= 2
                && k.chars().count() * 2 >= title_chars
                && !ends_with_period(self.lines[i].text)
            {
                Some(Reason::TitleTruncated)
            } else {
                None
            };
            if let Some(r) = reason {
                self.lines[i].status = Status::Drop(r);
            }
        }
    }

    /// Related-link widgets survive text extraction as a run of bulleted headlines,
    /// often each followed by a second copy of itself (the link text and its title
    /// attribute, or a teaser). A bulleted list the article itself makes differs: its
    /// items end like sentences or clauses, or a line ending in a colon introduces it.
    fn drop_related_bullets(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            if !(self.kept(i)
                && !self.key(i).is_empty()
                && bullet_body(self.lines[i].text).is_some())
            {
                i += 1;
                continue;
            }
            // Gather the run: bullet lines, each with an optional repeat after it, with
            // blank or already dropped lines between them.
            let mut items: Vec<(usize, Option<usize>)> = Vec::new();
            let mut j = i;
            let end = loop {
                let after = self.next_visible_nonblank(j + 1);
                let repeat = after.filter(|&a| {
                    self.kept(a)
                        && bullet_body(self.lines[a].text).is_none()
                        && self.key(a) == self.key(j)
                });
                items.push((j, repeat));
                let last = repeat.unwrap_or(j);
                match self.next_visible_nonblank(last + 1) {
                    Some(nx)
                        if self.kept(nx)
                            && !self.key(nx).is_empty()
                            && bullet_body(self.lines[nx].text).is_some() =>
                    {
                        j = nx;
                    }
                    _ => break last + 1,
                }
            };

            let all_headlines = items.iter().all(|&(b, _)| {
                bullet_body(self.lines[b].text).is_some_and(|body| {
                    let w = self.lines[b].words;
                    (2..=MAX_HEADLINE_WORDS).contains(&w) && !ends_like_clause(body)
                })
            });
            let prev = self.prev_nonblank(i);
            let introduced = prev.is_some_and(|p| {
                self.kept(p) && self.lines[p].text.trim_end().ends_with([':', '：'])
            });
            let after_chrome = prev
                .is_some_and(|p| matches!(self.lines[p].status, Status::Drop(Reason::Pattern(_))));
            let repeated = items.iter().any(|&(_, r)| r.is_some());
            if all_headlines && !introduced && (items.len() >= 2 || repeated || after_chrome) {
                for (b, r) in items {
                    self.lines[b].status = Status::Drop(Reason::RelatedBullets);
                    if let Some(r) = r {
                        self.lines[r].status = Status::Drop(Reason::RelatedBullets);
                    }
                }
            }
            i = end;
        }
    }

    fn next_visible_nonblank(&self, i: usize) -> Option<usize> {
        (i..self.lines.len()).find(|&j| self.lines[j].status == Status::Keep)
    }

    fn drop_repeats(&mut self) {
        let mut prev: Option<usize> = None;
        for i in 0..self.lines.len() {
            if self.lines[i].status == Status::Blank {
                continue;
            }
            if self.kept(i) && !self.key(i).is_empty() {
                if let Some(p) = prev {
                    if self.key(p) == self.key(i) {
                        self.lines[i].status = Status::Drop(Reason::Repeat);
                    }
                }
            }
            prev = Some(i);
        }
    }

    fn render(self, cleaner: &Cleaner, headline: Option<Headline>) -> Cleaned {
        let mut text = String::with_capacity(self.keys.len() * 2);
        let mut removed = Vec::new();
        let mut blank_pending = false;
        let mut title = None;
        if let Some(h) = headline {
            if h.line.is_none() {
                text.push_str(&h.text);
                blank_pending = true;
            }
            title = Some(h.text);
        }
        for (i, line) in self.lines.iter().enumerate() {
            match line.status {
                Status::Blank => blank_pending = true,
                Status::Drop(reason) => removed.push(RemovedLine {
                    line: line.text.trim().to_string(),
                    reason: reason.name(cleaner).to_string(),
                    line_no: i + 1,
                }),
                Status::Keep => {
                    if text.is_empty() {
                        text.push_str(line.text.trim_start());
                    } else {
                        text.push_str(if blank_pending { "\n\n" } else { "\n" });
                        text.push_str(line.text);
                    }
                    blank_pending = false;
                }
            }
        }
        Cleaned { text, title, removed }
    }
}

/// Characters that close a sentence or quotation and may follow its final mark.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '›'];

/// The last character before any closing quotes or brackets, and the one before it.
fn last_marks(line: &str) -> (Option<char>, Option<char>) {
    let mut rev = line.trim_end().trim_end_matches(CLOSERS).chars().rev();
    (rev.next(), rev.next())
}

/// Ends with a full stop (an ellipsis is a cut, not the end of a sentence).
fn ends_with_period(line: &str) -> bool {
    match last_marks(line) {
        (Some('.'), Some('.')) => false,
        (Some('.' | '۔'), _) => true,
        _ => false,
    }
}

/// Ends like a sentence or a list clause; headlines end bare, with "?" or "!", or cut.
fn ends_like_clause(line: &str) -> bool {
    ends_with_period(line) || matches!(last_marks(line).0, Some('؛' | ';' | '،' | ',' | ':' | '：'))
}

/// The text after a leading bullet, if the line is a bullet item.
fn bullet_body(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let c = chars.next()?;
    let rest = chars.as_str();
    match c {
        '•' | '·' | '▪' | '◦' | '‣' | '●' | '■' | '►' | '▸' | '⁃' => {
            Some(rest.trim_start())
        }
        // Hyphens and asterisks also start ordinary text, so they need a space after.
        '-' | '*' | '–' | '—' if rest.starts_with(char::is_whitespace) => {
            Some(rest.trim_start())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_patterns_parse() {
        let c = Cleaner::from_tsv(EMBEDDED_TSV).expect("embedded file is valid");
        assert!(c.pattern_count() > 50);
        assert_eq!(
            c.pattern_count(),
            [MatchKind::Line, MatchKind::Prefix, MatchKind::Contains, MatchKind::Regex]
                .into_iter()
                .map(|k| c.patterns().filter(|p| p.kind == k).count())
                .sum::<usize>()
        );
    }

    #[test]
    fn embedded_ids_do_not_shadow_rules() {
        let c = Cleaner::embedded();
        for row in &c.compiled.rows {
            assert!(!RULES.contains(&row.id.as_str()), "{}", row.id);
        }
    }

    #[test]
    fn period_detection() {
        assert!(ends_with_period("قال الوزير."));
        assert!(ends_with_period("قال الوزير: \"انتهى.\""));
        assert!(!ends_with_period("الحرب في السودان..."));
        assert!(!ends_with_period("أين المصلحة؟"));
        assert!(ends_like_clause("وقف إطلاق النار؛"));
        assert!(!ends_like_clause("عنوان خبر"));
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet_body("  • عنوان"), Some("عنوان"));
        assert_eq!(bullet_body("- عنوان"), Some("عنوان"));
        assert_eq!(bullet_body("-عنوان"), None);
        assert_eq!(bullet_body("عنوان"), None);
    }

    #[test]
    fn nfc_borrows_when_already_normal() {
        assert!(matches!(nfc("سلام"), Cow::Borrowed(_)));
        assert!(matches!(nfc("مجدداً “قال”"), Cow::Borrowed(_)));
        // Shadda (class 33) before fatha (class 30) is reordered by NFC.
        assert_eq!(nfc("\u{0634}\u{0651}\u{064E}"), "\u{0634}\u{064E}\u{0651}");
        assert_eq!(nfc("\u{0627}\u{0654}"), "\u{0623}");
        assert_eq!(nfc("a\u{2000}b"), "a\u{2002}b");
    }

    proptest::proptest! {
        /// Cleaning reads NFC off the split: whatever a body holds, cleaning it gives what
        /// cleaning its NFC form gives, and that is NFC.
        #[test]
        fn cleaning_is_cleaning_the_nfc_form(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "قال", "أن", "\u{0627}\u{0654}", "\u{0651}\u{064E}", "\u{064E}\u{0651}",
                    "\u{0653}", " ", "  ", "\n", "\n\n", "\u{2000}", "\u{2001}", "\u{FEFF}",
                    "e\u{0301}", "\u{00E9}", "Ad", "،", ".", "•", "- ", "اقرأ أيضاً:",
                    "\u{200F}", "\u{0640}", "٣", "\u{06CC}", "\u{FB50}",
                ]),
                0..40,
            )
        ) {
            let body: String = parts.concat();
            let c = Cleaner::embedded();
            let direct = c.clean(None, &body);
            let via_nfc = c.clean(None, &body.nfc().collect::<String>());
            proptest::prop_assert_eq!(&direct, &via_nfc);
            proptest::prop_assert_eq!(direct.text.nfc().collect::<String>(), direct.text.clone());
        }
    }

    #[test]
    fn plain_check_agrees_with_the_unicode_tables() {
        // Every character of the Arabic block alone, after a letter and before a
        // haraka, and each haraka pair in both orders: the fast check may send text to
        // the general one, but must never call text NFC that is not.
        let mut samples: Vec<String> = Vec::new();
        for cp in (0x0600u32..0x0700).chain(0x2000..0x2070).chain([0xA0, 0xAB, 0xBB, 0x41]) {
            let Some(c) = char::from_u32(cp) else { continue };
            samples.push(c.to_string());
            samples.push(format!("\u{0628}{c}"));
            samples.push(format!("{c}\u{064E}"));
        }
        for a in 0x064Bu32..=0x0652 {
            for b in 0x064Bu32..=0x0652 {
                let (a, b) = (char::from_u32(a).expect("valid"), char::from_u32(b).expect("valid"));
                samples.push(format!("\u{0628}{a}{b}"));
            }
        }
        for s in &samples {
            if is_plain_nfc(s) {
                assert_eq!(
                    s.nfc().collect::<String>(),
                    *s,
                    "{:X?}",
                    s.chars().map(u32::from).collect::<Vec<_>>()
                );
            }
        }
        assert!(is_plain_nfc("قال \u{0645}\u{064E}\u{0651}ن «نعم»، 12"));
    }
}
