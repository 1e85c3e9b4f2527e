//! Query parameters: read as strings, then checked one by one so that a bad value gets a
//! 400 naming the parameter, and nothing but checked values reaches the store (whose
//! queries bind every value as a parameter).

use rasd_record::query::{normalize_country, parse_day, parse_type};
use rasd_store::{ClaimFilter, Filter};
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};

/// Rows per page unless `limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;
/// The most rows one page may hold.
pub const MAX_LIMIT: usize = 500;
/// Longest `q` taken, in characters.
const MAX_QUERY_CHARS: usize = 500;

/// Every parameter any list endpoint reads; unknown names are refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub q: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub copies: Option<String>,
    pub side: Option<String>,
    pub kind: Option<String>,
    pub claimant: Option<String>,
    pub group: Option<String>,
}

/// The checked form of [`Params`].
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Dates, country, type, copies; `limit`/`offset` are applied by [`Query::page`].
    pub filter: Filter,
    /// Text the rows must contain (after Arabic normalization), if given.
    pub q: Option<String>,
    pub limit: usize,
    pub offset: usize,
    pub side: Option<String>,
    pub kind: Option<String>,
    pub claimant: Option<String>,
    pub group: Option<String>,
}

fn bad(name: &str, why: impl std::fmt::Display) -> ApiError {
    ApiError::BadRequest(format!("parameter `{name}`: {why}"))
}

/// A value with surrounding blanks removed; blank means absent.
fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn number(name: &str, v: &Option<String>, max: usize) -> ApiResult<Option<usize>> {
    let Some(s) = present(v) else { return Ok(None) };
    let n: usize = s.parse().map_err(|_| bad(name, format!("`{s}` is not a whole number")))?;
    if n > max {
        return Err(bad(name, format!("{n} is more than {max}")));
    }
    Ok(Some(n))
}

fn one_of(name: &str, v: &Option<String>, allowed: &[&str]) -> ApiResult<Option<String>> {
    let Some(s) = present(v) else { return Ok(None) };
    if allowed.contains(&s) {
        Ok(Some(s.to_string()))
    } else {
        Err(bad(name, format!("`{s}` is not one of {}", allowed.join(", "))))
    }
}

/// An entity id as the record writes them (`ARM`, `person:ilham-aliyev`,
/// `new:place:...`): bounded, without control characters.
fn entity_id(name: &str, v: &Option<String>) -> ApiResult<Option<String>> {
    let Some(s) = present(v) else { return Ok(None) };
    if s.chars().count() > 200 || s.chars().any(char::is_control) {
        return Err(bad(name, "not an entity id"));
    }
    Ok(Some(normalize_country(s)))
}

impl Params {
    /// Checks every value.
    pub fn check(&self) -> ApiResult<Query> {
        let from = present(&self.from).map(parse_day).transpose().map_err(|e| bad("from", e))?;
        let to = present(&self.to).map(parse_day).transpose().map_err(|e| bad("to", e))?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(bad("to", format!("{t} is before `from` {f}")));
            }
        }
        let event_type =
            present(&self.event_type).map(parse_type).transpose().map_err(|e| bad("type", e))?;
        let include_copies = match present(&self.copies) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(s) => return Err(bad("copies", format!("`{s}` is not true or false"))),
        };
        let q = match present(&self.q) {
            Some(s) if s.chars().count() > MAX_QUERY_CHARS => {
                return Err(bad("q", format!("longer than {MAX_QUERY_CHARS} characters")))
            }
            Some(s) if s.chars().any(char::is_control) => {
                return Err(bad("q", "contains control characters"))
            }
            other => other.map(str::to_string),
        };
        let limit = number("limit", &self.limit, MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 {
            return Err(bad("limit", "must be at least 1"));
        }
        Ok(Query {
            filter: Filter {
                from,
                to,
                country: entity_id("country", &self.country)?,
                event_type,
                include_copies,
                limit: None,
                offset: 0,
            },
            q,
            limit,
            offset: number("offset", &self.offset, 1_000_000_000)?.unwrap_or(0),
            side: entity_id("side", &self.side)?,
            kind: one_of(
                "kind",
                &self.kind,
                &["killed", "injured", "missing", "captured", "displaced"],
            )?,
            claimant: entity_id("claimant", &self.claimant)?,
            group: one_of("group", &self.group, &["military", "civilian", "unspecified"])?,
        })
    }
}

/// One page of a list, and where the next one starts.
#[derive(Debug, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub offset: usize,
    pub limit: usize,
    /// `offset` of the next page; null on the last.
    pub next_offset: Option<usize>,
}

impl Query {
    /// The store filter for one page, asking one row more to learn whether another
    /// page follows.
    pub fn paged(&self) -> Filter {
        Filter { limit: Some(self.limit + 1), offset: self.offset, ..self.filter.clone() }
    }

    /// The claims filter for one page.
    pub fn claims(&self, base: Filter) -> ClaimFilter {
        ClaimFilter {
            base,
            side: self.side.clone(),
            kind: self.kind.clone(),
            claimant: self.claimant.clone(),
            group: self.group.clone(),
        }
    }

    /// Cuts rows fetched with [`Query::paged`] into a page.
    pub fn page<T>(&self, mut rows: Vec<T>) -> Page<T> {
        let more = rows.len() > self.limit;
        rows.truncate(self.limit);
        Page {
            items: rows,
            offset: self.offset,
            limit: self.limit,
            next_offset: more.then_some(self.offset + self.limit),
        }
    }

    /// Pages rows that were fetched whole and filtered here (by `q`).
    pub fn page_of_all<T>(&self, rows: Vec<T>) -> Page<T> {
        let rows: Vec<T> = rows.into_iter().skip(self.offset).take(self.limit + 1).collect();
        self.page(rows)
    }
}

/// Whether a row's text contains the query, compared as the matcher compares Arabic
/// (hamza forms, taa marbuta, diacritics folded) and English case-insensitively.
pub struct TextMatch {
    arabic: String,
    latin: String,
}

impl TextMatch {
    pub fn new(q: &str) -> TextMatch {
        TextMatch { arabic: fold(q), latin: q.to_lowercase() }
    }

    pub fn matches<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        texts
            .into_iter()
            .any(|t| fold(t).contains(&self.arabic) || t.to_lowercase().contains(&self.latin))
    }
}

fn fold(s: &str) -> String {
    rasd_text::normalize(s).as_str().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> ApiResult<Query> {
        let q = serde_urlencoded::to_string(pairs).unwrap();
        let p: Params = serde_urlencoded::from_str(&q).unwrap();
        p.check()
    }

    #[test]
    fn values_are_checked() {
        let q = params(&[("from", "2020-10-01"), ("type", "assault"), ("country", "arm")]).unwrap();
        assert_eq!(q.filter.event_type.as_deref(), Some("ASSAULT"));
        assert_eq!(q.filter.country.as_deref(), Some("ARM"));
        assert_eq!(q.limit, DEFAULT_LIMIT);
        for bad in [
            &[("from", "yesterday")][..],
            &[("from", "2020-10-05"), ("to", "2020-10-01")],
            &[("type", "BOMBING")],
            &[("limit", "0")],
            &[("limit", "501")],
            &[("limit", "-1")],
            &[("offset", "1e9")],
            &[("copies", "maybe")],
            &[("kind", "dead")],
        ] {
            assert!(params(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn pages_know_whether_more_follow() {
        let q = Query { limit: 2, offset: 4, ..Query::default() };
        let p = q.page(vec![1, 2, 3]);
        assert_eq!((p.items, p.next_offset), (vec![1, 2], Some(6)));
        let p = q.page_of_all((0..7).collect());
        assert_eq!((p.items, p.next_offset), (vec![4, 5], Some(6)));
        let p = q.page_of_all((0..6).collect());
        assert_eq!((p.items, p.next_offset), (vec![4, 5], None));
    }

    #[test]
    fn text_match_folds_arabic_spelling() {
        let m = TextMatch::new("اذربيجان");
        assert!(m.matches(["قصفت أذربيجان المدينة"]));
        assert!(TextMatch::new("armenia").matches(["Armenia"]));
        assert!(!m.matches(["روسيا"]));
    }
}
