//! Calendar arithmetic: proleptic Gregorian dates as day numbers, ISO weeks, and the
//! tabular (arithmetical) Islamic calendar.
//!
//! Hand-written rather than taken from a date crate because rasd needs only a few
//! operations (day numbers, weekdays, ISO weeks, month steps, Hijri conversion) and
//! they are short, exact formulas; a dependency would cost more build time than the
//! code it replaces.
//!
//! The Hijri conversion is the *tabular* Islamic calendar (civil epoch, 16 July 622
//! Julian; leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle).
//! Official calendars (Umm al-Qura in Saudi Arabia, or sighting of the moon elsewhere)
//! can differ from it by a day, occasionally two.

use std::fmt;

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

/// Day number (as [`Date::days`]) of a day of the tabular Islamic calendar.
pub fn hijri_to_days(year: i32, month: u8, day: u8) -> i64 {
    let y = year as i64;
    let m = month as i64;
    // Months alternate 30 and 29 days; (59(m-1)+1)/2 is ceil(29.5 (m-1)). The 11 leap
    // days of each 30-year cycle are floor((3 + 11y) / 30). 492149 places 1/1/1 AH on
    // 622-07-19 (proleptic Gregorian).
    day as i64 + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) - 492_149
}

/// Days in a month of the tabular Islamic calendar.
pub fn hijri_month_len(year: i32, month: u8) -> u8 {
    let next =
        if month == 12 { hijri_to_days(year + 1, 1, 1) } else { hijri_to_days(year, month + 1, 1) };
    (next - hijri_to_days(year, month, 1)) as u8
}

/// The tabular Islamic (year, month, day) of a day number.
pub fn days_to_hijri(days: i64) -> (i32, u8, u8) {
    // 10631 days per 30 years; the estimate is off by at most one year either way.
    let mut year = ((days + 492_148) * 30).div_euclid(10_631) as i32 + 1;
    while hijri_to_days(year, 1, 1) > days {
        year -= 1;
    }
    while hijri_to_days(year + 1, 1, 1) <= days {
        year += 1;
    }
    let mut month = 12u8;
    while month > 1 && hijri_to_days(year, month, 1) > days {
        month -= 1;
    }
    let day = (days - hijri_to_days(year, month, 1) + 1) as u8;
    (year, month, day)
}

/// The Gregorian date of a tabular Hijri date, if the day exists in that month.
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    if !(1..=12).contains(&month) || day == 0 || day > hijri_month_len(year, month) {
        return None;
    }
    Some(Date::from_days(hijri_to_days(year, month, day)))
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
    fn hijri_known_dates() {
        // 1 Muharram 1 AH of the civil epoch.
        assert_eq!(Date::from_days(hijri_to_days(1, 1, 1)), d("0622-07-19"));
        // 1 Ramadan 1445 and 1 Shawwal 1445 (both agree with Umm al-Qura).
        assert_eq!(hijri_to_gregorian(1445, 9, 1), Some(d("2024-03-11")));
        assert_eq!(hijri_to_gregorian(1445, 10, 1), Some(d("2024-04-10")));
        assert_eq!(hijri_to_gregorian(1442, 12, 10), Some(d("2021-07-20")));
        assert_eq!(hijri_to_gregorian(1445, 9, 31), None);
    }

    #[test]
    fn hijri_round_trip() {
        for n in (-10_000..30_000).step_by(7) {
            let (y, m, dd) = days_to_hijri(n);
            assert_eq!(hijri_to_days(y, m, dd), n);
            assert!((1..=30).contains(&dd));
        }
        let lens: u32 = (1..=12).map(|m| hijri_month_len(1445, m) as u32).sum();
        assert!(lens == 354 || lens == 355);
    }
}
