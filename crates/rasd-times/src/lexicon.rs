//! The time lexicon: month names, duration units and time words, read from TSV.
//!
//! The three files (`data/lexicon/times_months.tsv`, `times_units.tsv`,
//! `times_words.tsv`, documented in `data/lexicon/README.md`) are embedded at compile
//! time and compiled once into a map from the first word of each form to its phrases.
//! Forms are folded with [`rasd_text::normalize`] on load, exactly as article text is,
//! so a row matches every spelling the normalizer merges.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use rasd_text::phrases::{EndFilter, WordFilter};
use rasd_text::{normalize, tokenize, TokenKind};

use crate::error::LexiconError;

const MONTHS_TSV: &str = include_str!("../../../data/lexicon/times_months.tsv");
const UNITS_TSV: &str = include_str!("../../../data/lexicon/times_units.tsv");
const WORDS_TSV: &str = include_str!("../../../data/lexicon/times_words.tsv");

const MONTHS_HEADER: &str = "form\tcalendar\tmonth\tcontext";
const UNITS_HEADER: &str = "form\tunit\tnumber";
const WORDS_HEADER: &str = "form\tclass\tvalue";

/// The text of one set of lexicon files. Rows of later sets add to earlier ones.
#[derive(Debug, Clone, Copy)]
pub struct LexiconSources<'a> {
    /// `times_months.tsv`: `form, calendar, month, context`.
    pub months: &'a str,
    /// `times_units.tsv`: `form, unit, number`.
    pub units: &'a str,
    /// `times_words.tsv`: `form, class, value`.
    pub words: &'a str,
}

impl LexiconSources<'static> {
    /// The files embedded in the binary.
    pub const EMBEDDED: LexiconSources<'static> =
        LexiconSources { months: MONTHS_TSV, units: UNITS_TSV, words: WORDS_TSV };
}

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// Gregorian (all the regional name sets).
    Gregorian,
    /// Islamic (Hijri).
    Hijri,
}

/// How much evidence a month name needs before it is read as a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonthContext {
    /// Always a month.
    Free,
    /// Needs a preposition or time word before it, or other date context.
    Cue,
    /// Needs a day, a year, a qualifier, شهر, a part word or a paired name.
    Strong,
}

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades (ten years).
    Decade,
    /// Hours.
    Hour,
}

/// Grammatical number of a unit noun, which decides where its count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GramNumber {
    /// Singular: one, after a duration cue.
    Singular,
    /// Accusative singular, after counts of 11 and more.
    Accusative,
    /// Plural: needs a count.
    Plural,
    /// Dual: two.
    Dual,
    /// Dual construct before years: never a duration.
    Construct,
}

/// The class of a time word (`times_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A weekday; value is the ISO number (Monday = 1).
    Weekday,
    /// "today"/"tonight": also plain nouns, so checked in context; value 0.
    Today,
    /// A day relative to the document date; value is the offset in days.
    RelDay,
    /// A part of a day (صباح، مساء) before a day word.
    DayPeriod,
    /// A past qualifier (الماضي).
    Past,
    /// A current qualifier (الجاري).
    Current,
    /// A future qualifier (المقبل).
    Future,
    /// "following" (التالي): next relative to an anchor day, else future.
    Next,
    /// "this" before a period noun.
    This,
    /// A direction word that also describes a person after العام (السابق، الحالي).
    TitleAdj,
    /// A definite period noun; see [`Item::Period`].
    Period,
    /// "itself" after a day noun (اليوم نفسه).
    Same,
    /// "same" before a day noun (نفس اليوم).
    SamePre,
    /// "that" before a day noun (ذلك اليوم).
    That,
    /// غداة: the day after.
    Ghadat,
    /// عشية: the eve of.
    Eve,
    /// A part of a month, year or week (مطلع، منتصف، نهاية).
    Part,
    /// A half or quarter of a year.
    Half,
    /// A season before a year (صيف 2023، شتاء العام الماضي).
    Season,
    /// An opening phrase that keeps the value (في وقت سابق من).
    Within,
    /// A preposition that lets a cue month or a bare year be read as time.
    Prep,
    /// A duration cue (بعد، منذ، نحو).
    DurCue,
    /// Before a count of years that is an age.
    AgeCue,
    /// After a count of years that is an age (من العمر).
    AgeAfter,
    /// Before a day and month that form a name (حركة 23 مارس).
    NameCue,
    /// Before a weekday that names a prayer (صلاة الجمعة).
    Prayer,
    /// Before الاثنين when it is the number two.
    TwoBefore,
    /// After الاثنين when it is the number two.
    TwoAfter,
    /// Joins equal dates (الموافق).
    Equiv,
    /// After a Hijri year (هـ).
    HijriMarker,
    /// A day ordinal; value is the day.
    Ordinal,
    /// The head of an ordinal teen (الحادي عشر); value is the unit.
    OrdinalTeen,
    /// The عشر of a teen.
    TeenSuffix,
    /// After "today": the word is a noun ("the day").
    NotTodayAfter,
    /// Makes the clause future.
    FutureCue,
    /// A past auxiliary (كان): a future cue after it speaks of a past plan.
    PastAux,
    /// A noun a bare year number after it labels ("انتخابات 2020", "موازنة 2025").
    Label,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        use Class::*;
        Some(match s {
            "weekday" => Weekday,
            "today" => Today,
            "relday" => RelDay,
            "dayperiod" => DayPeriod,
            "past" => Past,
            "current" => Current,
            "future" => Future,
            "next" => Next,
            "this" => This,
            "title_adj" => TitleAdj,
            "period" => Period,
            "same" => Same,
            "same_pre" => SamePre,
            "that" => That,
            "ghadat" => Ghadat,
            "eve" => Eve,
            "part" => Part,
            "half" => Half,
            "season" => Season,
            "within" => Within,
            "prep" => Prep,
            "dur_cue" => DurCue,
            "age_cue" => AgeCue,
            "age_after" => AgeAfter,
            "name_cue" => NameCue,
            "prayer" => Prayer,
            "two_before" => TwoBefore,
            "two_after" => TwoAfter,
            "equiv" => Equiv,
            "hijri_marker" => HijriMarker,
            "ordinal" => Ordinal,
            "ordinal_teen" => OrdinalTeen,
            "teen_suffix" => TeenSuffix,
            "not_today_after" => NotTodayAfter,
            "future_cue" => FutureCue,
            "past_aux" => PastAux,
            "label" => Label,
            _ => return None,
        })
    }
}

/// What a lexicon phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// A month name.
    Month {
        /// Its calendar.
        cal: Calendar,
        /// 1..=12.
        month: u8,
        /// Evidence it needs.
        context: MonthContext,
    },
    /// A duration unit noun.
    Unit {
        /// The unit.
        unit: Unit,
        /// Its grammatical number.
        number: GramNumber,
    },
    /// A definite period noun (الأسبوع، الشهر، العام).
    Period(Unit),
    /// A feast or commemoration on a fixed day of a calendar (عيد الفطر: 1 Shawwal).
    Holiday {
        /// Its calendar.
        cal: Calendar,
        /// 1..=12.
        month: u8,
        /// 1..=30.
        day: u8,
    },
    /// Any other time word, with its class's value (0 where the class has none).
    Word {
        /// The class.
        class: Class,
        /// The value.
        value: i32,
    },
}

/// One phrase starting with a given first word.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// The words after the first, normalized.
    pub rest: Vec<String>,
    /// What it means.
    pub item: Item,
}

/// The compiled time lexicon. Build once, share freely (it is `Sync`).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// First word → phrases, longest first.
    phrases: HashMap<String, Vec<Phrase>>,
    /// The first words of `phrases`: most words start none, and this says so without
    /// a hash-map lookup.
    firsts: WordFilter,
    /// Their endings and lengths: a token is looked up under readings that all end as it
    /// does, so a token whose ending no first word has needs none of them.
    ends: EndFilter,
    /// Words that look like a سـ future verb but are not.
    not_future: HashSet<String>,
    /// Prefixes of such words.
    not_future_prefix: Vec<String>,
}

/// A lexicon being compiled, with where each (form, class) was defined so that a
/// conflicting row can name the line it contradicts.
#[derive(Default)]
struct Builder {
    lex: Lexicon,
    seen: HashMap<(String, &'static str), (Item, usize)>,
}

impl Lexicon {
    /// The lexicon embedded in the binary, compiled on first use.
    pub fn embedded() -> &'static Lexicon {
        static EMBEDDED: OnceLock<Lexicon> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The embedded files are part of the program and a unit test loads them, so
            // a failure here is a build defect, not bad input.
            Lexicon::from_sources(&[LexiconSources::EMBEDDED])
                .unwrap_or_else(|e| panic!("embedded time lexicon: {e}"))
        })
    }

    /// Compiles one or more sets of lexicon files; pass
    /// [`LexiconSources::EMBEDDED`] first to extend the built-in lexicon.
    pub fn from_sources(sources: &[LexiconSources<'_>]) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        for (idx, src) in sources.iter().enumerate() {
            b.load_months(src.months, idx)?;
            b.load_units(src.units, idx)?;
            b.load_words(src.words, idx)?;
        }
        let mut lex = b.lex;
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex.firsts.shrink_to_fit();
        Ok(lex)
    }

    /// The lengths a first word of a phrase that is a suffix of `word` may have, as a mask
    /// of [`EndFilter::length_bit`]s (0: none is). Every reading of a token behind
    /// proclitics (a suffix, or ال + a suffix of two letters or more) ends as the token
    /// does, so only readings of these lengths can start a phrase.
    pub(crate) fn first_word_lengths(&self, word: &str) -> u32 {
        self.ends.lengths(word)
    }

    /// The phrases whose first word is `word` (normalized), longest first.
    pub(crate) fn phrases(&self, word: &str) -> &[Phrase] {
        if !self.firsts.may_contain(word) {
            return &[];
        }
        self.phrases.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether a normalized word that looks like a سـ future verb is listed as not one.
    pub(crate) fn is_not_future(&self, word: &str) -> bool {
        self.not_future.contains(word)
            || self.not_future_prefix.iter().any(|p| word.starts_with(p.as_str()))
    }
}

impl Builder {
    fn load_months(&mut self, tsv: &str, src: usize) -> Result<(), LexiconError> {
        for row in rows(tsv, "months", src, MONTHS_HEADER)? {
            let [form, cal, month, context] = row.cols::<4>()?;
            let cal = match cal {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                _ => return Err(row.err(format!("unknown calendar `{cal}` (gregorian | hijri)"))),
            };
            let month = month
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| row.err(format!("month `{month}` is not 1..12")))?;
            let context = match context {
                "free" => MonthContext::Free,
                "cue" => MonthContext::Cue,
                "strong" => MonthContext::Strong,
                _ => {
                    return Err(
                        row.err(format!("unknown context `{context}` (free | cue | strong)"))
                    )
                }
            };
            self.add(&row, form, "month", Item::Month { cal, month, context })?;
        }
        Ok(())
    }

    fn load_units(&mut self, tsv: &str, src: usize) -> Result<(), LexiconError> {
        for row in rows(tsv, "units", src, UNITS_HEADER)? {
            let [form, unit, number] = row.cols::<3>()?;
            let unit = parse_unit(unit).ok_or_else(|| {
                row.err(format!(
                    "unknown unit `{unit}` (day | week | month | year | decade | hour)"
                ))
            })?;
            let number = match number {
                "sg" => GramNumber::Singular,
                "acc" => GramNumber::Accusative,
                "pl" => GramNumber::Plural,
                "du" => GramNumber::Dual,
                "cs" => GramNumber::Construct,
                _ => {
                    return Err(
                        row.err(format!("unknown number `{number}` (sg | acc | pl | du | cs)"))
                    )
                }
            };
            self.add(&row, form, "unit", Item::Unit { unit, number })?;
        }
        Ok(())
    }

    fn load_words(&mut self, tsv: &str, src: usize) -> Result<(), LexiconError> {
        for row in rows(tsv, "words", src, WORDS_HEADER)? {
            let [form, class_name, value] = row.cols::<3>()?;
            if class_name == "not_future" {
                let word = fold_words(&row, form)?.join(" ");
                match value {
                    "word" => {
                        self.lex.not_future.insert(word);
                    }
                    "prefix" => self.lex.not_future_prefix.push(word),
                    _ => {
                        return Err(
                            row.err(format!("not_future value `{value}` is not word | prefix"))
                        )
                    }
                }
                continue;
            }
            if class_name == "holiday" {
                let item = parse_holiday(value).ok_or_else(|| {
                    row.err(format!(
                        "holiday value `{value}` is not CALENDAR-MM-DD (hijri-10-01, gregorian-12-25)"
                    ))
                })?;
                self.add(&row, form, "holiday", item)?;
                continue;
            }
            let class = Class::parse(class_name)
                .ok_or_else(|| row.err(format!("unknown class `{class_name}`")))?;
            let item = if class == Class::Period {
                let unit = parse_unit(value)
                    .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))
                    .ok_or_else(|| {
                        row.err(format!("period value `{value}` is not week | month | year"))
                    })?;
                Item::Period(unit)
            } else {
                let value = parse_word_value(class, value).ok_or_else(|| {
                    row.err(format!("value `{value}` does not fit class `{class_name}`"))
                })?;
                Item::Word { class, value }
            };
            self.add(&row, form, class_name_static(class), item)?;
        }
        Ok(())
    }

    /// Adds a phrase; the same form with the same key must keep the same meaning.
    fn add(
        &mut self,
        row: &Row<'_>,
        form: &str,
        key: &'static str,
        item: Item,
    ) -> Result<(), LexiconError> {
        let words = fold_words(row, form)?;
        let folded = words.join(" ");
        if let Some((old, line)) = self.seen.get(&(folded.clone(), key)) {
            if *old == item {
                // Two spellings that fold to one: harmless.
                return Ok(());
            }
            return Err(row.err(format!("`{form}` already has another meaning on line {line}")));
        }
        self.seen.insert((folded, key), (item, row.line));
        let mut it = words.into_iter();
        let first = it.next().unwrap_or_default();
        self.lex.firsts.insert(&first);
        self.lex.ends.insert(&first);
        self.lex.phrases.entry(first).or_default().push(Phrase { rest: it.collect(), item });
        Ok(())
    }
}

fn parse_unit(s: &str) -> Option<Unit> {
    Some(match s {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "hour" => Unit::Hour,
        _ => return None,
    })
}

/// `hijri-10-01`, `gregorian-12-25`: a holiday's calendar, month and day.
fn parse_holiday(v: &str) -> Option<Item> {
    let mut parts = v.split('-');
    let cal = match parts.next()? {
        "hijri" => Calendar::Hijri,
        "gregorian" => Calendar::Gregorian,
        _ => return None,
    };
    let month: u8 = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day: u8 = parts.next()?.parse().ok().filter(|d| (1..=30).contains(d))?;
    parts.next().is_none().then_some(Item::Holiday { cal, month, day })
}

fn parse_word_value(class: Class, v: &str) -> Option<i32> {
    let needs_number = matches!(
        class,
        Class::Weekday
            | Class::Today
            | Class::RelDay
            | Class::Past
            | Class::Current
            | Class::Future
            | Class::Next
            | Class::Ordinal
            | Class::OrdinalTeen
    );
    if !needs_number {
        return (v == "-" || v.is_empty()).then_some(0);
    }
    let n: i32 = v.parse().ok()?;
    let ok = match class {
        Class::Weekday => (1..=7).contains(&n),
        Class::Past => n == -1,
        Class::Current => n == 0,
        Class::Future | Class::Next => n == 1,
        Class::Ordinal => (1..=31).contains(&n),
        Class::OrdinalTeen => (1..=9).contains(&n),
        _ => (-7..=7).contains(&n),
    };
    ok.then_some(n)
}

/// A stable name per class, used as the conflict key (a form may sit in several classes).
fn class_name_static(c: Class) -> &'static str {
    use Class::*;
    match c {
        Weekday => "weekday",
        Today => "today",
        RelDay => "relday",
        DayPeriod => "dayperiod",
        Past => "past",
        Current => "current",
        Future => "future",
        Next => "next",
        This => "this",
        TitleAdj => "title_adj",
        Period => "period",
        Same => "same",
        SamePre => "same_pre",
        That => "that",
        Ghadat => "ghadat",
        Eve => "eve",
        Part => "part",
        Half => "half",
        Season => "season",
        Within => "within",
        Prep => "prep",
        DurCue => "dur_cue",
        AgeCue => "age_cue",
        AgeAfter => "age_after",
        NameCue => "name_cue",
        Prayer => "prayer",
        TwoBefore => "two_before",
        TwoAfter => "two_after",
        Equiv => "equiv",
        HijriMarker => "hijri_marker",
        Ordinal => "ordinal",
        OrdinalTeen => "ordinal_teen",
        TeenSuffix => "teen_suffix",
        NotTodayAfter => "not_today_after",
        FutureCue => "future_cue",
        PastAux => "past_aux",
        Label => "label",
    }
}

/// Folds a form like article text and splits it into words; every word must be one
/// Arabic token, since that is what the matcher compares against.
fn fold_words(row: &Row<'_>, form: &str) -> Result<Vec<String>, LexiconError> {
    let n = normalize(form);
    let toks = tokenize(&n);
    if toks.is_empty() {
        return Err(row.err("empty form".to_string()));
    }
    let mut out = Vec::with_capacity(toks.len());
    for t in &toks {
        if t.kind != TokenKind::Arabic {
            return Err(row.err(format!("form `{form}` must be Arabic words separated by spaces")));
        }
        out.push(t.text(&n).to_string());
    }
    Ok(out)
}

/// One data row of a lexicon file.
struct Row<'a> {
    file: &'static str,
    src: usize,
    line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn err(&self, message: String) -> LexiconError {
        LexiconError::Row { file: self.file, source_index: self.src, line: self.line, message }
    }

    fn cols<const N: usize>(&self) -> Result<[&'a str; N], LexiconError> {
        let v: Vec<&'a str> = self.fields.iter().map(|f| f.trim()).collect();
        <[&'a str; N]>::try_from(v)
            .map_err(|v| self.err(format!("expected {N} tab-separated columns, found {}", v.len())))
    }
}

/// The data rows of a TSV file after its header; blank lines and `#` comments skipped.
fn rows<'a>(
    tsv: &'a str,
    file: &'static str,
    src: usize,
    header: &'static str,
) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in tsv.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim_end_matches('\r');
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            continue;
        }
        if !seen_header {
            if text.trim() != header {
                return Err(LexiconError::Header {
                    file,
                    source_index: src,
                    line,
                    expected: header,
                    found: text.to_string(),
                });
            }
            seen_header = true;
            continue;
        }
        out.push(Row { file, src, line, fields: text.split('\t').collect() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(lex: &Lexicon, phrase: &str) -> Vec<Item> {
        let n = normalize(phrase);
        let words: Vec<&str> = n.as_str().split(' ').collect();
        lex.phrases(words[0])
            .iter()
            .filter(|p| p.rest.iter().map(String::as_str).eq(words[1..].iter().copied()))
            .map(|p| p.item)
            .collect()
    }

    #[test]
    fn embedded_files_load() {
        let lex = Lexicon::embedded();
        assert!(lex.phrases.len() > 200);
    }

    #[test]
    fn month_spellings_fold_to_one_entry() {
        let lex = Lexicon::embedded();
        let oct = Item::Month { cal: Calendar::Gregorian, month: 10, context: MonthContext::Free };
        for s in ["أكتوبر", "اكتوبر", "أُكتوبر", "تشرين الأول", "تشرين الاول", "أوكتوبر"]
        {
            assert_eq!(lookup(lex, s), vec![oct], "{s}");
        }
        let dhul = lookup(lex, "ذي الحجة");
        assert!(matches!(dhul[0], Item::Month { cal: Calendar::Hijri, month: 12, .. }));
        assert!(matches!(
            lookup(lex, "آب")[0],
            Item::Month { month: 8, context: MonthContext::Strong, .. }
        ));
    }

    #[test]
    fn words_units_and_periods() {
        let lex = Lexicon::embedded();
        assert_eq!(lookup(lex, "الجمعة"), vec![Item::Word { class: Class::Weekday, value: 5 }]);
        assert_eq!(lookup(lex, "أمس الأول"), vec![Item::Word { class: Class::RelDay, value: -2 }]);
        assert_eq!(lookup(lex, "الأسبوع"), vec![Item::Period(Unit::Week)]);
        assert_eq!(
            lookup(lex, "أسابيع"),
            vec![Item::Unit { unit: Unit::Week, number: GramNumber::Plural }]
        );
        // One form, several classes.
        assert_eq!(lookup(lex, "بعد").len(), 2);
        assert!(lex.is_not_future("سياسيه"));
        assert!(!lex.is_not_future("سيلتقي"));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad = LexiconSources {
            months: "form\tcalendar\tmonth\tcontext\nيناير\tgregorian\t13\tfree\n",
            units: "form\tunit\tnumber\n",
            words: "form\tclass\tvalue\n",
        };
        let e = Lexicon::from_sources(&[bad]).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");

        let header = LexiconSources { months: "form\tmonth\n", ..bad };
        assert!(matches!(
            Lexicon::from_sources(&[header]),
            Err(LexiconError::Header { line: 1, .. })
        ));

        let class = LexiconSources {
            months: "form\tcalendar\tmonth\tcontext\n",
            words: "# c\nform\tclass\tvalue\nغدا\tsoon\t1\n",
            ..bad
        };
        let e = Lexicon::from_sources(&[class]).unwrap_err();
        assert!(e.to_string().contains("line 3") && e.to_string().contains("soon"), "{e}");

        let latin = LexiconSources { words: "form\tclass\tvalue\nfoo\tprep\t-\n", ..class };
        assert!(Lexicon::from_sources(&[latin]).is_err());

        let cols = LexiconSources { words: "form\tclass\tvalue\nفي\tprep\n", ..class };
        assert!(Lexicon::from_sources(&[cols]).unwrap_err().to_string().contains("columns"));
    }

    #[test]
    fn conflicting_meanings_are_errors_and_folded_duplicates_are_not() {
        let months = "form\tcalendar\tmonth\tcontext\nأكتوبر\tgregorian\t10\tfree\nاكتوبر\tgregorian\t10\tfree\n";
        let ok =
            LexiconSources { months, units: "form\tunit\tnumber\n", words: "form\tclass\tvalue\n" };
        assert!(Lexicon::from_sources(&[ok]).is_ok());
        let clash = LexiconSources { months: "form\tcalendar\tmonth\tcontext\nأكتوبر\tgregorian\t10\tfree\nاكتوبر\tgregorian\t11\tfree\n", ..ok };
        let e = Lexicon::from_sources(&[clash]).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    #[test]
    fn user_rows_extend_the_embedded_lexicon() {
        let extra = LexiconSources {
            months: "form\tcalendar\tmonth\tcontext\nأكتوبرر\tgregorian\t10\tfree\n",
            units: "form\tunit\tnumber\n",
            words: "form\tclass\tvalue\n",
        };
        let lex = Lexicon::from_sources(&[LexiconSources::EMBEDDED, extra]).unwrap();
        assert_eq!(lookup(&lex, "أكتوبرر").len(), 1);
        assert_eq!(lookup(&lex, "أكتوبر").len(), 1);
    }
}
