//! The values a user may give to filter the record (`--from`, `?country=`, ...), checked
//! the same way by the command line and the HTTP API, so both accept and refuse alike.

use rasd_model::PLOVER_TYPES;

/// A day `YYYY-MM-DD` that exists in the calendar, or why not.
pub fn parse_day(s: &str) -> Result<String, String> {
    match crate::dates::range(s) {
        Some((_, _, crate::dates::Precision::Day)) => Ok(s.to_string()),
        _ => Err(format!("`{s}` is not a date of the form YYYY-MM-DD")),
    }
}

/// A PLOVER event type in any case (`assault` → `ASSAULT`), or why not.
pub fn parse_type(s: &str) -> Result<String, String> {
    let up = s.to_ascii_uppercase();
    if PLOVER_TYPES.contains(&up.as_str()) {
        Ok(up)
    } else {
        Err(format!("`{s}` is not a PLOVER type ({})", PLOVER_TYPES.join(", ")))
    }
}

/// `arm` → `ARM`: three letters are an ISO 3166-1 alpha-3 code; entity ids
/// (`group:rsf`) stay as given.
pub fn normalize_country(c: &str) -> String {
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
        c.to_ascii_uppercase()
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_types_countries() {
        assert_eq!(parse_day("2020-02-29").as_deref(), Ok("2020-02-29"));
        assert!(parse_day("2021-02-29").is_err());
        assert!(parse_day("2020-10").is_err());
        assert!(parse_day("'; DROP TABLE x; --").is_err());
        assert_eq!(parse_type("assault").as_deref(), Ok("ASSAULT"));
        assert!(parse_type("BOMB").is_err());
        assert_eq!(normalize_country("sdn"), "SDN");
        assert_eq!(normalize_country("group:rsf"), "group:rsf");
    }
}
