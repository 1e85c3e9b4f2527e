//! ISO 8601 dates of the contract (`2020-10-24`, `2020-10`, `2020`) as day ranges, so a
//! day can be compared with a month.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, as `YYYY-MM-DD`.
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// First and last day (inclusive) a date covers, with its precision; `None` for anything
/// that is not a day, month or year (durations, malformed values).
pub fn range(s: &str) -> Option<(i64, i64, Precision)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<i64> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31), Precision::Year))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)?, u32::try_from(num(m, 2)?).ok()?);
            if !(1..=12).contains(&m) {
                return None;
            }
            let last = days_in_month(y, m);
            Some((days_from_civil(y, m, 1), days_from_civil(y, m, last), Precision::Month))
        }
        [y, m, d] => {
            let (y, m, d) =
                (num(y, 4)?, u32::try_from(num(m, 2)?).ok()?, u32::try_from(num(d, 2)?).ok()?);
            if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
                return None;
            }
            let day = days_from_civil(y, m, d);
            Some((day, day, Precision::Day))
        }
        _ => None,
    }
}

/// Days between two ranges (0 when they overlap).
pub fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2020, 10, 24)), "2020-10-24");
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), "2024-02-29");
        let (a, b, p) = range("2020-02").unwrap();
        assert_eq!((b - a, p), (28, Precision::Month));
        assert_eq!(range("2021").unwrap().2, Precision::Year);
        assert!(
            range("P9M").is_none() && range("2020-13").is_none() && range("2021-02-29").is_none()
        );
        let d = range("2020-10-24").unwrap();
        let m = range("2020-10").unwrap();
        assert_eq!(gap((d.0, d.1), (m.0, m.1)), 0);
        assert_eq!(gap((d.0, d.1), (d.0 + 3, d.0 + 3)), 3);
    }
}
