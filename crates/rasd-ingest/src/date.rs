//! Publication dates as sites write them, reduced to `YYYY-MM-DD`.
//!
//! The date is kept as written, not converted to UTC: a page stamped
//! `2022-11-05T23:30:00-05:00` was published on the 5th where it was written,
//! and that is the day relative times in its text ("yesterday") refer to.

/// Normalizes a date or timestamp to `YYYY-MM-DD`, or `None` if it is not one.
///
/// Accepts ISO 8601 dates and timestamps (`2023-03-14`, `2023-03-14T08:30:00+03:00`,
/// `2023/3/14`), compact `20230314`, day-first `14/03/2023` (as Arab sites
/// write it), RFC 2822 and English month names (`Tue, 14 Mar 2023 08:30:00 GMT`,
/// `March 14, 2023`), with Western or Arabic-Indic digits.
///
/// ```
/// use rasd_ingest::normalize_date;
/// assert_eq!(normalize_date("2023-03-14T08:30:00+03:00").as_deref(), Some("2023-03-14"));
/// assert_eq!(normalize_date("١٤/٠٣/٢٠٢٣").as_deref(), Some("2023-03-14"));
/// assert_eq!(normalize_date("soon"), None);
/// ```
pub fn normalize_date(raw: &str) -> Option<String> {
    let s: String = raw.trim().chars().map(ascii_digit).collect();
    let (y, m, d) = numeric_date(&s).or_else(|| named_month_date(&s))?;
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Leading numeric forms: Y-M-D, YYYYMMDD, D-M-Y.
fn numeric_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let lead = digits_at(0);
    if lead == 8 && b.get(8).is_none_or(|c| !c.is_ascii_alphanumeric() || *c == b'T') {
        return Some((num(&s[0..4])?, num(&s[4..6])?, num(&s[6..8])?));
    }
    if !(1..=4).contains(&lead) {
        return None;
    }
    let sep = *b.get(lead)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let p2 = lead + 1;
    let len2 = digits_at(p2);
    if !(1..=2).contains(&len2) || b.get(p2 + len2) != Some(&sep) {
        return None;
    }
    let p3 = p2 + len2 + 1;
    let len3 = digits_at(p3);
    // Refuse "2023-03-145": a longer number is not a day.
    if len3 == 0 || len3 > 4 || b.get(p3 + len3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (a, mid, c) = (num(&s[..lead])?, num(&s[p2..p2 + len2])?, num(&s[p3..p3 + len3])?);
    match (lead, len3) {
        (4, 1..=2) => Some((a, mid, c)),
        (1..=2, 4) if mid > 12 && a <= 12 => Some((c, a, mid)), // unambiguous month-first
        (1..=2, 4) => Some((c, mid, a)),
        _ => None,
    }
}

/// Forms with an English month name: `14 Mar 2023`, `Tue, 14 Mar 2023 08:30 GMT`,
/// `March 14, 2023`.
fn named_month_date(s: &str) -> Option<(u32, u32, u32)> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let mi = words.iter().position(|w| {
        let lw = w.to_ascii_lowercase();
        w.len() >= 3
            && lw.is_char_boundary(3)
            && MONTHS.contains(&&lw[..3])
            && lw.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
    })?;
    let lw = words[mi].to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| lw.starts_with(m))? as u32 + 1;
    let day_of = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (w.len() <= 2).then(|| num(w)).flatten()
    };
    let year_of = |w: &str| -> Option<u32> { (w.len() == 4).then(|| num(w)).flatten() };
    // "14 Mar 2023" or "March 14 2023"
    let before = mi.checked_sub(1).and_then(|i| words.get(i)).copied();
    let after = words.get(mi + 1).copied();
    let after2 = words.get(mi + 2).copied();
    if let (Some(d), Some(y)) = (before.and_then(day_of), after.and_then(year_of)) {
        return Some((y, month, d));
    }
    if let (Some(d), Some(y)) = (after.and_then(day_of), after2.and_then(year_of)) {
        return Some((y, month, d));
    }
    None
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2200).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::normalize_date as n;

    #[test]
    fn iso_forms() {
        assert_eq!(n("2020-10-20").as_deref(), Some("2020-10-20"));
        assert_eq!(n(" 2020-10-20T17:45:12Z ").as_deref(), Some("2020-10-20"));
        assert_eq!(n("2022-11-05T23:30:00-05:00").as_deref(), Some("2022-11-05"));
        assert_eq!(n("2021/7/9").as_deref(), Some("2021-07-09"));
        assert_eq!(n("2021.07.09 10:00").as_deref(), Some("2021-07-09"));
        assert_eq!(n("20210709").as_deref(), Some("2021-07-09"));
        assert_eq!(n("20210709T120000").as_deref(), Some("2021-07-09"));
    }

    #[test]
    fn day_first_and_names() {
        assert_eq!(n("09/07/2021").as_deref(), Some("2021-07-09"));
        assert_eq!(n("07/29/2021").as_deref(), Some("2021-07-29"));
        assert_eq!(n("Tue, 14 Mar 2023 08:30:00 GMT").as_deref(), Some("2023-03-14"));
        assert_eq!(n("March 14, 2023").as_deref(), Some("2023-03-14"));
        assert_eq!(n("14th March 2023").as_deref(), Some("2023-03-14"));
        assert_eq!(n("٢٠٢٣-٠٣-١٤").as_deref(), Some("2023-03-14"));
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "yesterday",
            "2023-13-01",
            "2023-02-29",
            "2023-03-145",
            "123456789",
            "1/2/3",
            "Mar 2023",
            "0000-01-01",
            "2024-02-30",
            "12345678901",
        ] {
            assert_eq!(n(bad), None, "{bad:?}");
        }
        assert_eq!(n("2024-02-29").as_deref(), Some("2024-02-29"));
    }
}
