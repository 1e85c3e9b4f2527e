//! Calendar arithmetic: proleptic Gregorian dates as day numbers, ISO weeks, and the
//! Umm al-Qura Hijri calendar.
//!
//! The Gregorian side is hand-written: rasd needs only a few operations (day numbers,
//! weekdays, ISO weeks, month steps) and they are short, exact formulas.
//!
//! The Hijri side is the Umm al-Qura calendar, the one the Arab press prints beside
//! Gregorian dates, taken from ICU4X (`icu_calendar`: the month lengths published by
//! KACST for 1300–1600 AH, the tabular rule outside them). It replaced a hand-written
//! tabular (arithmetical) calendar, which, measured against it over 1400–1460 AH, gave
//! another day for 9,948 of 21,440 days (46 %) and was two days off for 349 of them.

use std::fmt;

use icu_calendar::cal::{Hijri, Iso};
use icu_calendar::Date as IcuDate;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (astronomical numbering).
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31.
    pub day: u8,
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a Gregorian month (0 for a month outside 1..=12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Steps a (year, month) pair by `delta` months.
pub fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let idx = year as i64 * 12 + (month as i64 - 1) + delta as i64;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u8)
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, also when a time follows (`2020-10-24T08:00:00Z`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year that holds its Thursday.
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The Gregorian date of a Hijri date of the Umm al-Qura calendar, if that day exists in
/// that month (29 or 30 days, as the calendar's table says).
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let hijri = IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
        .ok()?
        .to_calendar(Iso);
    Date::new(hijri.era_year().year, hijri.month().ordinal, hijri.day_of_month().0)
}

/// The Umm al-Qura (year, month, day) of a Gregorian date.
pub fn gregorian_to_hijri(date: Date) -> Option<(i32, u8, u8)> {
    let iso = IcuDate::try_new_iso(date.year, date.month, date.day).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal, h.day_of_month().0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2000-03-01").days(), 11_017);
        for n in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(n).days(), n);
        }
    }

    #[test]
    fn parse_accepts_dates_and_timestamps_only() {
        assert_eq!(Date::parse("2020-10-24T08:00:00Z"), Some(d("2020-10-24")));
        assert_eq!(Date::parse("2020-02-30"), None);
        assert_eq!(Date::parse("2020-1-05"), None);
        assert_eq!(Date::parse("20201024"), None);
        assert_eq!(Date::parse("2020-10-24x"), None);
    }

    #[test]
    fn leap_years() {
        assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2023));
        assert_eq!(Date::new(2024, 2, 29), Some(d("2024-02-29")));
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
        assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
    }

    #[test]
    fn year_boundaries() {
        assert_eq!(d("2020-12-31").add_days(1), d("2021-01-01"));
        assert_eq!(d("2021-01-01").add_days(-1), d("2020-12-31"));
        assert_eq!(add_months(2021, 1, -1), (2020, 12));
        assert_eq!(add_months(2020, 12, 1), (2021, 1));
        assert_eq!(add_months(2020, 5, -17), (2018, 12));
    }

    #[test]
    fn weekdays() {
        assert_eq!(d("1970-01-01").weekday(), 4);
        assert_eq!(d("2020-10-23").weekday(), 5); // a Friday
        assert_eq!(d("2021-11-14").weekday(), 7); // a Sunday
        assert_eq!(d("1969-12-29").weekday(), 1);
    }

    #[test]
    fn iso_week_edges() {
        assert_eq!(d("2021-11-18").iso_week(), (2021, 46));
        // 2020 has 53 ISO weeks; 2021-01-03 (a Sunday) still belongs to its week 53.
        assert_eq!(d("2020-12-31").iso_week(), (2020, 53));
        assert_eq!(d("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(d("2021-01-04").iso_week(), (2021, 1));
        // 2019-12-30 (a Monday) opens week 1 of 2020.
        assert_eq!(d("2019-12-30").iso_week(), (2020, 1));
        assert_eq!(d("2026-01-01").iso_week(), (2026, 1));
        assert_eq!(d("2015-12-31").iso_week(), (2015, 53));
    }

    #[test]
    fn hijri_dates_are_umm_al_qura() {
        // Beginnings of Ramadan, Shawwal and the Hijri year, and the Day of Sacrifice, as
        // the Umm al-Qura calendar dates them.
        assert_eq!(hijri_to_gregorian(1445, 9, 1), Some(d("2024-03-11")));
        assert_eq!(hijri_to_gregorian(1444, 10, 1), Some(d("2023-04-21")));
        assert_eq!(hijri_to_gregorian(1444, 12, 10), Some(d("2023-06-28")));
        assert_eq!(hijri_to_gregorian(1446, 1, 1), Some(d("2024-07-07")));
        assert_eq!(hijri_to_gregorian(1446, 9, 1), Some(d("2025-03-01")));
        assert_eq!(hijri_to_gregorian(1446, 10, 1), Some(d("2025-03-30")));
        assert_eq!(hijri_to_gregorian(1447, 1, 1), Some(d("2025-06-26")));
        // A 31st day, a 13th month and a day 0 do not exist.
        assert_eq!(hijri_to_gregorian(1445, 9, 31), None);
        assert_eq!(hijri_to_gregorian(1445, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1445, 1, 0), None);
    }

    #[test]
    fn hijri_round_trip() {
        for n in (18_000..22_000).step_by(3) {
            let g = Date::from_days(n);
            let (y, m, dd) = gregorian_to_hijri(g).unwrap();
            assert!((1..=30).contains(&dd));
            assert_eq!(hijri_to_gregorian(y, m, dd), Some(g));
        }
        assert_eq!(gregorian_to_hijri(d("2024-03-15")), Some((1445, 9, 5)));
    }
}
