//! Turning readings into calendar values.
//!
//! A reading needs three things the scanner does not know: the document date, the tense
//! of its clause (a weekday in "سيلتقي الوزيران الجمعة" is the next Friday), and its
//! neighbours: a year-less month takes the year of an event the same or the previous
//! sentence dates ("حرب السنة الماضية ... انتهت في نوفمبر"), and "في اليوم التالي"
//! counts from the last day the text named.

use rasd_model::TimeKind;

use crate::calendar::{add_months, gregorian_to_hijri, hijri_to_gregorian, Date};
use crate::lexicon::{Calendar, Unit};
use crate::scan::{Cand, Expr, Qual, Scanner, YearSpec};

/// A resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Day(Date),
    Week(i32, u8),
    Month(i32, u8),
    Year(i32),
    Duration(u32, char),
}

impl Value {
    fn iso(self) -> String {
        match self {
            // Every time found gets one of these: written digit by digit for the
            // four-digit years news speaks of, which the formatter makes costly.
            Value::Day(d) if (0..=9999).contains(&d.year) && d.month < 100 && d.day < 100 => {
                let mut s = String::with_capacity("yyyy-mm-dd".len());
                push_padded(&mut s, d.year.unsigned_abs(), 4);
                s.push('-');
                push_padded(&mut s, u32::from(d.month), 2);
                s.push('-');
                push_padded(&mut s, u32::from(d.day), 2);
                s
            }
            Value::Day(d) => d.to_string(),
            Value::Week(y, w) => format!("{y:04}-W{w:02}"),
            Value::Month(y, m) if (0..=9999).contains(&y) && m < 100 => {
                let mut s = String::with_capacity("yyyy-mm".len());
                push_padded(&mut s, y.unsigned_abs(), 4);
                s.push('-');
                push_padded(&mut s, u32::from(m), 2);
                s
            }
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Duration(n, 'H') => format!("PT{n}H"),
            Value::Duration(n, u) => format!("P{n}{u}"),
        }
    }
}

/// Appends `v` in exactly `width` decimal digits (`v` must fit), as `{v:0width$}` would.
fn push_padded(s: &mut String, v: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = (v / 10u32.pow(k)) % 10;
        s.push(char::from(b'0' + digit as u8));
    }
}

/// Which occurrence of a recurring day or month an expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

impl Pick {
    /// The year of the occurrence of `key` (month, day) relative to `now` (same shape).
    fn year(self, key: (u8, u8), now: (u8, u8), year: i32) -> i32 {
        match self {
            Pick::OnOrBefore if key <= now => year,
            Pick::Before if key < now => year,
            Pick::OnOrBefore | Pick::Before => year - 1,
            Pick::OnOrAfter if key >= now => year,
            Pick::After if key > now => year,
            Pick::OnOrAfter | Pick::After => year + 1,
        }
    }
}

/// What resolution knows around one expression.
struct Ctx {
    published: Option<Date>,
    /// The clause is future before the expression.
    future: bool,
    /// The year the neighbouring sentences give, for year-less months and days.
    year: Option<i32>,
    /// The last day named before, within reach of an anchor.
    anchor: Option<Date>,
    /// The same, only if it is in the same sentence.
    anchor_here: Option<Date>,
    /// The day a statement was made, for days and weekdays said in it (see
    /// [`speech_day`]); relative days count from it instead of the document date.
    speech: Option<Date>,
    /// The last day, month or year named before, within reach of an anchor, for "الشهر
    /// نفسه" and "العام التالي".
    period_anchor: Option<Value>,
    /// The last day or month named before in the sentence, as (year, month, day; 0 for a
    /// month), when it is after the document date: coming times named in a row come in
    /// order ("نهاية سبتمبر المقبل أو مطلع أكتوبر").
    ahead: Option<(i32, u8, u8)>,
}

/// A day or month value as (year, month, day; 0 for a month) when it is after `p`.
fn ahead_of(v: Value, p: Date) -> Option<(i32, u8, u8)> {
    let key = match v {
        Value::Day(d) => (d.year, d.month, d.day),
        Value::Month(y, m) => (y, m, 0),
        _ => return None,
    };
    (key > (p.year, p.month, if key.2 == 0 { 0 } else { p.day })).then_some(key)
}

impl Ctx {
    /// The occurrence a qualifier (or the clause's tense) asks for.
    fn pick(&self, qual: Qual) -> Pick {
        match qual {
            Qual::Past => Pick::Before,
            Qual::Future => Pick::After,
            Qual::Current | Qual::None if self.future => Pick::OnOrAfter,
            Qual::Current | Qual::None => Pick::OnOrBefore,
        }
    }
}

/// The value and kind of every expression, in order.
pub(crate) fn resolve_all(
    sc: &Scanner<'_>,
    cands: &[Cand],
    published: Option<Date>,
) -> Vec<(Option<String>, TimeKind)> {
    let years = year_contexts(sc, cands, published);
    let paragraphs = sc.sentence_paragraphs();
    let para = |s: usize| paragraphs.get(s).copied().unwrap_or(0);
    // Every day resolved so far: (sentence, first token, day).
    let mut days: Vec<(usize, usize, Date)> = Vec::new();
    // The last day, month or year resolved: (sentence, first token, value).
    let mut last_period: Option<(usize, usize, Value)> = None;
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        let sent = sc.toks[c.first].sent as usize;
        let last = days.last().copied();
        // What the paragraph named before reaches "the next day", "the same month", unless
        // an uncounted lapse came between ("وبعد ذلك بأيام").
        let anchor = last
            .filter(|(s, f, _)| para(*s) == para(sent) && !sc.vague_lapse(*f, c.first))
            .map(|(_, _, d)| d);
        let anchor_here = last.filter(|(s, _, _)| *s == sent).map(|(_, _, d)| d);
        let future = sc.future_before(c.first);
        let carries = sent > 0 && para(sent - 1) == para(sent);
        let here = last_period.filter(|(s, _, _)| *s == sent).map(|(_, _, v)| v);
        let cx = Ctx {
            published,
            future,
            year: context_year(&years, sent, c.first, carries),
            anchor,
            anchor_here,
            speech: speech_day(sc, c, &days, published, future),
            period_anchor: last_period
                .filter(|(s, f, _)| para(*s) == para(sent) && !sc.vague_lapse(*f, c.first))
                .map(|(_, _, v)| v),
            ahead: here.and_then(|v| ahead_of(v, published?)),
        };
        let (value, kind) = resolve(&c.expr, &cx);
        match value {
            Some(Value::Day(d)) => {
                days.push((sent, c.first, d));
                last_period = value.map(|v| (sent, c.first, v));
            }
            Some(Value::Month(..) | Value::Year(_)) => {
                last_period = value.map(|v| (sent, c.first, v));
            }
            _ => {}
        }
        out.push((value.map(Value::iso), kind));
    }
    printed_equivalents(sc, cands, &mut out);
    out
}

/// A Hijri date followed by the Gregorian date printed as its equal ("29 شعبان 1446 هـ -
/// الموافق 27 فبراير 2025 م") takes that date: the press's own reckoning of the day wins
/// over the calendar's.
fn printed_equivalents(sc: &Scanner<'_>, cands: &[Cand], out: &mut [(Option<String>, TimeKind)]) {
    for k in 1..cands.len() {
        let (hijri, greg) = (&cands[k - 1], &cands[k]);
        let is_hijri = matches!(hijri.expr, Expr::Date { cal: Calendar::Hijri, .. });
        let is_full = matches!(
            greg.expr,
            Expr::AbsDate(_) | Expr::Date { cal: Calendar::Gregorian, year: YearSpec::Abs(_), .. }
        );
        if is_hijri && is_full && sc.only_equivalence_between(hijri.end, greg.first) {
            out[k - 1] = out[k].clone();
        }
    }
}

/// The day a statement holding `c` was made, when the sentence gives it before the
/// statement: "قال الوزير الخميس: "سنبدأ اليوم"" (today is that Thursday), "أعلن الاثنين
/// أن الاجتماع سيعقد الخميس" (the Thursday after that Monday). Relative days, weekdays
/// and year-less dates and months use it inside quotes; a future weekday in reported
/// speech uses it too.
fn speech_day(
    sc: &Scanner<'_>,
    c: &Cand,
    days: &[(usize, usize, Date)],
    published: Option<Date>,
    future: bool,
) -> Option<Date> {
    let sent = sc.toks[c.first].sent as usize;
    let said_before = |limit: usize| {
        days.iter()
            .rev()
            .find(|(s, f, d)| *s == sent && *f < limit && published.is_none_or(|p| *d <= p))
            .map(|(_, _, d)| *d)
    };
    let reported_future = |qual: Qual| qual == Qual::Future || (future && qual == Qual::None);
    match (&c.expr, sc.quote_open.get(c.first)) {
        (Expr::RelDay(_) | Expr::Weekday { .. }, Some(quote)) => said_before(quote),
        // "قال الوزير في 3 يناير: "وقع الهجوم في 28 ديسمبر"": December before that January.
        (
            Expr::Date { year: YearSpec::None, .. } | Expr::Month { year: YearSpec::None, .. },
            Some(quote),
        ) => said_before(quote),
        (Expr::Weekday { qual, yesterday: false, .. }, None) if reported_future(*qual) => {
            said_before(c.first)
        }
        _ => None,
    }
}

fn resolve(e: &Expr, cx: &Ctx) -> (Option<Value>, TimeKind) {
    let p = cx.published;
    match e {
        Expr::AbsDate(d) => (Some(Value::Day(*d)), TimeKind::Date),
        Expr::Date { cal: Calendar::Gregorian, day, month, year, qual, wd } => {
            let y = gregorian_year(cx, (*month, *day), *year, *qual);
            let y = match (wd, year) {
                (Some(wd), YearSpec::None) => {
                    y.map(|y| year_of_weekday(cx, y, (*month, *day), *wd))
                }
                _ => y,
            };
            let date = y.and_then(|y| match (year, Date::new(y, *month, *day)) {
                // "29 فبراير" with no year: the nearest leap year in the direction asked.
                (YearSpec::None, None) if (*month, *day) == (2, 29) => {
                    let step = if matches!(cx.pick(*qual), Pick::OnOrAfter | Pick::After) {
                        1
                    } else {
                        -1
                    };
                    (1..8).find_map(|k| Date::new(y + step * k, 2, 29))
                }
                (_, d) => d,
            });
            (date.map(Value::Day), TimeKind::Date)
        }
        Expr::Date { cal: Calendar::Hijri, day, month, year, qual, .. } => {
            let y = hijri_year(cx, (*month, *day), *year, *qual);
            (y.and_then(|y| hijri_to_gregorian(y, *month, *day)).map(Value::Day), TimeKind::Date)
        }
        Expr::DayOfRelMonth { day, offset } => {
            let v = p.and_then(|p| {
                let (y, m) = add_months(p.year, p.month, *offset);
                Date::new(y, m, *day)
            });
            (v.map(Value::Day), TimeKind::Date)
        }
        Expr::Month { cal: Calendar::Gregorian, month, year, qual } => {
            let y = gregorian_year(cx, (*month, 0), *year, *qual);
            (y.map(|y| Value::Month(y, *month)), TimeKind::Month)
        }
        Expr::Month { cal: Calendar::Hijri, month, year, qual } => {
            // A Hijri month straddles two Gregorian ones; the value is the month its
            // first day falls in.
            let y = hijri_year(cx, (*month, 0), *year, *qual);
            let first = y.and_then(|y| hijri_to_gregorian(y, *month, 1));
            (first.map(|d| Value::Month(d.year, d.month)), TimeKind::Month)
        }
        Expr::Year(y) => (Some(Value::Year(*y)), TimeKind::Year),
        Expr::RelDay(k) => {
            (cx.speech.or(p).map(|p| Value::Day(p.add_days(*k as i64))), TimeKind::Date)
        }
        Expr::Weekday { wd, qual, yesterday } => (
            cx.speech.or(p).map(|p| Value::Day(weekday(cx, p, *wd, *qual, *yesterday))),
            TimeKind::Date,
        ),
        Expr::RelPeriod { unit, offset } => {
            let v = p.map(|p| match unit {
                Unit::Week => {
                    let (y, w) = p.add_days(7 * *offset as i64).iso_week();
                    Value::Week(y, w)
                }
                Unit::Month => {
                    let (y, m) = add_months(p.year, p.month, *offset);
                    Value::Month(y, m)
                }
                _ => Value::Year(p.year + offset),
            });
            // rasd.document/1 has no week kind; an ISO week is a run of days.
            let kind = match unit {
                Unit::Week => TimeKind::Date,
                Unit::Month => TimeKind::Month,
                _ => TimeKind::Year,
            };
            (v, kind)
        }
        Expr::Duration { count, unit } => {
            let v = match unit {
                Unit::Day => Value::Duration(*count, 'D'),
                Unit::Week => Value::Duration(*count, 'W'),
                Unit::Month => Value::Duration(*count, 'M'),
                Unit::Year => Value::Duration(*count, 'Y'),
                Unit::Decade => Value::Duration(count.saturating_mul(10), 'Y'),
                Unit::Hour => Value::Duration(*count, 'H'),
            };
            (Some(v), TimeKind::Duration)
        }
        Expr::PeriodAnchor { unit, offset } => {
            let stepped = match (unit, cx.period_anchor) {
                (Unit::Month, Some(Value::Day(d))) => {
                    let (y, m) = add_months(d.year, d.month, *offset);
                    Some(Value::Month(y, m))
                }
                (Unit::Month, Some(Value::Month(y, m))) => {
                    let (y, m) = add_months(y, m, *offset);
                    Some(Value::Month(y, m))
                }
                (Unit::Year, Some(Value::Day(Date { year, .. }) | Value::Month(year, _))) => {
                    Some(Value::Year(year + offset))
                }
                (Unit::Year, Some(Value::Year(y))) => Some(Value::Year(y + offset)),
                _ => None,
            };
            match stepped {
                Some(v) => {
                    (Some(v), if *unit == Unit::Month { TimeKind::Month } else { TimeKind::Year })
                }
                // Nothing named before: the document's month or year.
                None => resolve(&Expr::RelPeriod { unit: *unit, offset: *offset }, cx),
            }
        }
        Expr::Anchor { offset, same_sentence } => {
            let base = if *same_sentence { cx.anchor_here } else { cx.anchor };
            (base.map(|d| Value::Day(d.add_days(*offset as i64))), TimeKind::Date)
        }
        Expr::Shift(inner, k) => match resolve(inner, cx) {
            (Some(Value::Day(d)), _) => (Some(Value::Day(d.add_days(*k as i64))), TimeKind::Date),
            _ => (None, TimeKind::Date),
        },
    }
}

/// The Gregorian year of a month (`key.1 == 0`) or day reading.
fn gregorian_year(cx: &Ctx, key: (u8, u8), year: YearSpec, qual: Qual) -> Option<i32> {
    match year {
        YearSpec::Abs(y) => return Some(y),
        YearSpec::Rel(k) => return cx.published.map(|p| p.year + k),
        YearSpec::Same => {
            let named = match cx.period_anchor {
                Some(Value::Day(d)) => Some(d.year),
                Some(Value::Month(y, _) | Value::Year(y)) => Some(y),
                _ => None,
            };
            if let Some(y) = named.or(cx.year) {
                return Some(y);
            }
        }
        YearSpec::None => {}
    }
    if qual == Qual::None && cx.speech.is_none() {
        if let Some((y, m, d)) = cx.ahead {
            let on_or_after = key.0 > m || (key.0 == m && (key.1 == 0 || key.1 >= d));
            return Some(if on_or_after { y } else { y + 1 });
        }
        if let Some(y) = cx.year {
            return Some(y);
        }
    }
    // Said in a statement of a known day: the nearest such date to that day.
    let p = cx.speech.or(cx.published)?;
    if qual == Qual::Current {
        return Some(p.year);
    }
    let now = (p.month, if key.1 == 0 { 0 } else { p.day });
    Some(cx.pick(qual).year(key, now, p.year))
}

/// The year of a year-less date written with its weekday ("الأحد 7 سبتمبر"): `year` when
/// the weekday agrees, else the nearest year around the document date in which it does
/// (a day and month fall on one weekday every five or six years; the past is searched
/// that far, the future a year).
fn year_of_weekday(cx: &Ctx, year: i32, (month, day): (u8, u8), wd: u8) -> i32 {
    let agrees = |y: i32| Date::new(y, month, day).is_some_and(|d| d.weekday() == wd);
    if agrees(year) {
        return year;
    }
    let around = cx.published.map_or(year, |p| p.year);
    [around, around - 1, around + 1, around - 2, around - 3, around - 4, around - 5, around - 6]
        .into_iter()
        .find(|&y| agrees(y))
        .unwrap_or(year)
}

/// The Hijri year of a Hijri month or day reading.
fn hijri_year(cx: &Ctx, key: (u8, u8), year: YearSpec, qual: Qual) -> Option<i32> {
    match year {
        YearSpec::Abs(y) => return Some(y),
        // "رمضان من العام الماضي" counts Gregorian years; not resolved.
        YearSpec::Rel(_) => return None,
        YearSpec::None | YearSpec::Same => {}
    }
    let p = cx.speech.or(cx.published)?;
    let (hy, hm, hd) = gregorian_to_hijri(p)?;
    if qual == Qual::Current {
        return Some(hy);
    }
    let now = (hm, if key.1 == 0 { 0 } else { hd });
    Some(cx.pick(qual).year(key, now, hy))
}

/// The day a weekday names: the latest on or before the base day, or the next one after
/// it when the phrase or the clause is future.
fn weekday(cx: &Ctx, published: Date, wd: u8, qual: Qual, yesterday: bool) -> Date {
    let mut base = if yesterday { published.add_days(-1) } else { published };
    let mut pick = if yesterday { Pick::OnOrBefore } else { cx.pick(qual) };
    // Coming days named in a row come in order: "ليل الخميس أو الجمعة" is the Friday
    // after that Thursday, even when said on a Friday.
    if let Some(later) = cx.anchor_here.filter(|d| *d > published) {
        if pick == Pick::OnOrAfter {
            base = later;
            pick = Pick::After;
        }
    }
    let bw = base.weekday() as i64;
    let back = (bw - wd as i64).rem_euclid(7);
    let fwd = (wd as i64 - bw).rem_euclid(7);
    match pick {
        Pick::OnOrBefore => base.add_days(-back),
        Pick::Before => base.add_days(if back == 0 { -7 } else { -back }),
        // "سيصلون مساء الأحد" said on a Sunday is that evening; "الأحد المقبل" is a week on.
        Pick::OnOrAfter => base.add_days(fwd),
        Pick::After => base.add_days(if fwd == 0 { 7 } else { fwd }),
    }
}

/// Years that the text states, with their sentence and first token: explicit years
/// (not "since 2016"), relative years, and the years of dated months and days.
fn year_contexts(sc: &Scanner<'_>, cands: &[Cand], published: Option<Date>) -> Vec<YearCtx> {
    let mut out = Vec::new();
    for c in cands {
        let rel = |k: i32| published.map(|p| (p.year + k, false));
        let y = match &c.expr {
            Expr::Year(y) if !sc.after_since(c.first) => Some((*y, true)),
            Expr::RelPeriod { unit: Unit::Year, offset } => rel(*offset),
            Expr::AbsDate(d) => Some((d.year, true)),
            Expr::Date { cal: Calendar::Gregorian, year, .. }
            | Expr::Month { cal: Calendar::Gregorian, year, .. } => match year {
                YearSpec::Abs(y) => Some((*y, true)),
                YearSpec::Rel(k) => rel(*k),
                YearSpec::None | YearSpec::Same => None,
            },
            _ => None,
        };
        if let Some((year, written)) = y {
            out.push(YearCtx {
                sent: sc.toks[c.first].sent as usize,
                first: c.first,
                year,
                written,
            });
        }
    }
    out
}

/// The year context of an expression at token `first` of sentence `sent`: the nearest
/// year before it in its sentence, else the first year number after it there, else
/// (when `carries`: the sentence goes on the same paragraph) the last one of the
/// previous sentence.
fn context_year(years: &[YearCtx], sent: usize, first: usize, carries: bool) -> Option<i32> {
    years
        .iter()
        .rev()
        .find(|y| y.sent == sent && y.first < first)
        .or_else(|| years.iter().find(|y| y.sent == sent && y.first > first && y.written))
        .or_else(|| {
            let prev = sent.checked_sub(1).filter(|_| carries)?;
            years.iter().rev().find(|y| y.sent == prev)
        })
        .map(|y| y.year)
}

/// A year the text states: its sentence, first token, and whether it is written as a
/// number (not "العام المقبل").
#[derive(Debug, Clone, Copy)]
struct YearCtx {
    sent: usize,
    first: usize,
    year: i32,
    written: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn cx(published: &str, future: bool) -> Ctx {
        Ctx {
            published: Some(d(published)),
            future,
            year: None,
            anchor: None,
            anchor_here: None,
            speech: None,
            period_anchor: None,
            ahead: None,
        }
    }

    #[test]
    fn last_december_read_in_january() {
        let c = cx("2021-01-05", false);
        assert_eq!(gregorian_year(&c, (12, 0), YearSpec::None, Qual::Past), Some(2020));
        assert_eq!(gregorian_year(&c, (12, 0), YearSpec::None, Qual::None), Some(2020));
        assert_eq!(gregorian_year(&c, (1, 0), YearSpec::None, Qual::Past), Some(2020));
        assert_eq!(gregorian_year(&c, (1, 0), YearSpec::None, Qual::None), Some(2021));
        assert_eq!(gregorian_year(&c, (12, 0), YearSpec::None, Qual::Current), Some(2021));
        assert_eq!(gregorian_year(&c, (1, 9), YearSpec::None, Qual::Future), Some(2021));
        assert_eq!(gregorian_year(&c, (1, 5), YearSpec::None, Qual::Future), Some(2022));
        let f = cx("2020-12-20", true);
        assert_eq!(gregorian_year(&f, (1, 3), YearSpec::None, Qual::None), Some(2021));
    }

    #[test]
    fn weekday_on_its_own_day() {
        // 2020-10-23 is a Friday.
        let c = cx("2020-10-23", false);
        let p = d("2020-10-23");
        assert_eq!(weekday(&c, p, 5, Qual::None, false), p);
        assert_eq!(weekday(&c, p, 5, Qual::Past, false), d("2020-10-16"));
        assert_eq!(weekday(&c, p, 5, Qual::Future, false), d("2020-10-30"));
        assert_eq!(weekday(&c, p, 4, Qual::None, false), d("2020-10-22"));
        assert_eq!(weekday(&c, p, 6, Qual::None, false), d("2020-10-17"));
        assert_eq!(weekday(&c, p, 4, Qual::None, true), d("2020-10-22"));
        let f = cx("2020-10-23", true);
        assert_eq!(weekday(&f, p, 1, Qual::None, false), d("2020-10-26"));
        // Said on a Friday, a coming Friday is that day; "الجمعة المقبلة" a week on.
        assert_eq!(weekday(&f, p, 5, Qual::None, false), p);
        assert_eq!(weekday(&f, p, 5, Qual::Future, false), d("2020-10-30"));
        // After a coming Thursday named in the sentence, Friday is the day after it.
        let after = Ctx { anchor_here: Some(d("2020-10-29")), ..cx("2020-10-23", true) };
        assert_eq!(weekday(&after, p, 5, Qual::None, false), d("2020-10-30"));
    }

    #[test]
    fn context_year_prefers_own_sentence() {
        let y = |sent, first, year, written| YearCtx { sent, first, year, written };
        let years = [y(0, 2, 2019, true), y(1, 1, 2020, true), y(1, 9, 2016, true)];
        assert_eq!(context_year(&years, 1, 5, true), Some(2020));
        assert_eq!(context_year(&years, 1, 0, true), Some(2020));
        assert_eq!(context_year(&years, 2, 0, true), Some(2016));
        assert_eq!(context_year(&years, 3, 0, true), None);
        // Not across a paragraph; not from a relative year after the expression.
        assert_eq!(context_year(&years, 2, 0, false), None);
        let later = [y(0, 9, 2025, false)];
        assert_eq!(context_year(&later, 0, 3, true), None);
    }

    #[test]
    fn values_format() {
        assert_eq!(Value::Week(2020, 3).iso(), "2020-W03");
        assert_eq!(Value::Month(2020, 3).iso(), "2020-03");
        assert_eq!(Value::Duration(25, 'Y').iso(), "P25Y");
        assert_eq!(Value::Day(d("0999-01-02")).iso(), "0999-01-02");
        for (y, m, day) in [(0, 1, 1), (7, 12, 31), (2024, 2, 29), (9999, 9, 9), (10000, 1, 1)] {
            let date = Date { year: y, month: m, day };
            assert_eq!(Value::Day(date).iso(), format!("{y:04}-{m:02}-{day:02}"));
            assert_eq!(Value::Month(y, m).iso(), format!("{y:04}-{m:02}"));
        }
        for y in [-1, -999, -10000] {
            let date = Date { year: y, month: 1, day: 2 };
            assert_eq!(Value::Day(date).iso(), format!("{y:04}-01-02"));
            assert_eq!(Value::Month(y, 1).iso(), format!("{y:04}-01"));
        }
    }
}
