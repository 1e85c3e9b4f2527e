//! The pattern file: parsing rows and matching lines against all of them at once.

use rustc_hash::FxHashMap as HashMap;

use regex::{Regex, RegexSet};

use crate::error::CleanError;
use crate::key::{key, word_count};

const HEADER: &str = "id\tmatch\tpattern\tmax_words\tnote";

/// How a row's pattern is compared with a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The line's key equals the pattern's key.
    Line,
    /// The line's key starts with the pattern's key, ending on a word boundary.
    Prefix,
    /// The pattern's key occurs in the line's key as whole words.
    Contains,
    /// A Rust regex matches the line as published (after NFC).
    Regex,
}

impl MatchKind {
    fn parse(s: &str) -> Option<MatchKind> {
        Some(match s {
            "line" => MatchKind::Line,
            "prefix" => MatchKind::Prefix,
            "contains" => MatchKind::Contains,
            "regex" => MatchKind::Regex,
            _ => return None,
        })
    }

    /// The name used in the `match` column.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Line => "line",
            MatchKind::Prefix => "prefix",
            MatchKind::Contains => "contains",
            MatchKind::Regex => "regex",
        }
    }
}

/// One row of a pattern file.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub id: String,
    pub kind: MatchKind,
    /// For literal kinds the pattern's key, for regexes the regex source.
    pub pattern: String,
    /// 0 means no limit.
    pub max_words: usize,
    pub note: String,
    pub line: usize,
}

fn row_error(line: usize, message: impl Into<String>) -> CleanError {
    CleanError::Row { line, message: message.into() }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Parses a pattern file. Rows are checked one by one so that the first bad one is
/// reported with its line number; regexes are compiled here for the same reason.
pub(crate) fn parse(tsv: &str) -> Result<Vec<Row>, CleanError> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, raw) in tsv.lines().enumerate() {
        let line_no = i + 1;
        let text = raw.trim_end_matches(['\r', '\n']);
        let text = if line_no == 1 { text.trim_start_matches('\u{FEFF}') } else { text };
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            continue;
        }
        if !seen_header {
            if text.trim_end() != HEADER {
                return Err(CleanError::Header { line: line_no, found: text.to_string() });
            }
            seen_header = true;
            continue;
        }
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != 5 {
            return Err(row_error(
                line_no,
                format!(
                    "expected 5 tab-separated columns (id, match, pattern, max_words, note), found {}",
                    fields.len()
                ),
            ));
        }
        let id = fields[0].trim();
        if !valid_id(id) {
            return Err(row_error(
                line_no,
                format!("id `{id}` must be non-empty ASCII letters, digits, `.`, `_` or `-`"),
            ));
        }
        if crate::RULES.contains(&id) {
            return Err(row_error(
                line_no,
                format!("id `{id}` is the name of a built-in rule; choose another"),
            ));
        }
        let kind = MatchKind::parse(fields[1].trim()).ok_or_else(|| {
            row_error(
                line_no,
                format!(
                    "match kind `{}` is not one of line, prefix, contains, regex",
                    fields[1].trim()
                ),
            )
        })?;
        let max_words: usize = fields[3].trim().parse().map_err(|_| {
            row_error(
                line_no,
                format!(
                    "max_words `{}` is not a whole number (0 means no limit)",
                    fields[3].trim()
                ),
            )
        })?;
        let note = fields[4].trim();
        if note.is_empty() {
            return Err(row_error(
                line_no,
                format!("pattern `{id}` has no note saying what site chrome it removes"),
            ));
        }
        let source = fields[2];
        let pattern = match kind {
            MatchKind::Regex => {
                if source.is_empty() {
                    return Err(row_error(line_no, format!("pattern `{id}` is empty")));
                }
                Regex::new(source).map_err(|e| CleanError::Regex {
                    line: line_no,
                    id: id.to_string(),
                    source: Box::new(e),
                })?;
                source.to_string()
            }
            _ => {
                let k = key(source);
                if k.is_empty() {
                    return Err(row_error(
                        line_no,
                        format!(
                            "pattern `{id}` has no letters or digits to compare; use a regex row for punctuation"
                        ),
                    ));
                }
                k
            }
        };
        rows.push(Row {
            id: id.to_string(),
            kind,
            pattern,
            max_words,
            note: note.to_string(),
            line: line_no,
        });
    }
    if !seen_header {
        return Err(CleanError::Header { line: tsv.lines().count().max(1), found: String::new() });
    }
    Ok(rows)
}

/// All rows compiled for matching: whole-line and prefix rows in a hash map (a line
/// has only a few word-boundary prefixes to look up), `contains` rows by their first
/// word, regex rows in two sets (see [`RegexGroup`]).
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub rows: Vec<Row>,
    /// Key to the `line` and `prefix` rows with that key, in file order.
    exact: HashMap<String, Vec<usize>>,
    /// Most words in a `line` pattern: longer lines need no whole-line lookup.
    line_words: usize,
    /// Most words in a `prefix` pattern: no longer prefix of a line is looked up.
    prefix_words: usize,
    /// Longest line any `prefix` row may drop.
    prefix_reach: usize,
    /// First word of a `contains` pattern to its rows, in file order.
    ///
    /// A pattern occurs as whole words only where a word of the line's key equals its
    /// first word, so looking each word of the key up once finds every place to check.
    /// That is several times cheaper than running an automaton over every byte of
    /// every line: Arabic keys are two-byte letters sharing two lead bytes, which
    /// gives a byte automaton's prefilter nothing to skip on.
    contains: HashMap<String, Vec<usize>>,
    /// Fingerprints (see [`fingerprint`]) of the keys of `contains`: most words of a
    /// line are ruled out by one bit test instead of hashing them.
    contains_bits: [u64; 16],
    contains_reach: usize,
    regex: Vec<RegexGroup>,
    regex_reach: usize,
}

/// Regex rows compiled into one set.
///
/// Rows anchored at the start of the line and the others go into separate sets: a set
/// of anchored patterns gives up after the first few characters of a line that starts
/// no pattern, and a set of unanchored ones can skip to the literals they need, while
/// one set mixing both has to run its automaton over every line to the end. Which set
/// a row is in changes the speed, never the answer.
#[derive(Debug, Clone)]
struct RegexGroup {
    set: RegexSet,
    /// Set pattern index to row index, ascending.
    rows: Vec<usize>,
}

fn reach(limit: usize) -> usize {
    if limit == 0 {
        usize::MAX
    } else {
        limit
    }
}

impl Compiled {
    pub fn new(rows: Vec<Row>) -> Result<Compiled, CleanError> {
        let mut seen = HashMap::default();
        for row in &rows {
            if let Some(first) = seen.insert(row.id.as_str(), row.line) {
                return Err(row_error(
                    row.line,
                    format!(
                        "id `{}` is already used (line {first} of the file that defines it)",
                        row.id
                    ),
                ));
            }
        }

        let mut exact: HashMap<String, Vec<usize>> = HashMap::default();
        let (mut line_words, mut prefix_words, mut prefix_reach) = (0, 0, 0);
        let (mut contains_rows, mut contains_reach) = (Vec::new(), 0);
        let (mut regex_rows, mut regex_reach) = (Vec::new(), 0);
        for (i, row) in rows.iter().enumerate() {
            match row.kind {
                MatchKind::Line | MatchKind::Prefix => {
                    exact.entry(row.pattern.clone()).or_default().push(i);
                    let words = word_count(&row.pattern);
                    if row.kind == MatchKind::Line {
                        line_words = line_words.max(words);
                    } else {
                        prefix_words = prefix_words.max(words);
                        prefix_reach = prefix_reach.max(reach(row.max_words));
                    }
                }
                MatchKind::Contains => {
                    contains_rows.push(i);
                    contains_reach = contains_reach.max(reach(row.max_words));
                }
                MatchKind::Regex => {
                    regex_rows.push(i);
                    regex_reach = regex_reach.max(reach(row.max_words));
                }
            }
        }

        let mut contains: HashMap<String, Vec<usize>> = HashMap::default();
        for &i in &contains_rows {
            let first = rows[i].pattern.split(' ').next().unwrap_or_default();
            contains.entry(first.to_string()).or_default().push(i);
        }
        let mut contains_bits = [0u64; 16];
        for first in contains.keys() {
            let f = fingerprint(first.as_bytes());
            contains_bits[f >> 6] |= 1 << (f & 63);
        }
        let (anchored, floating): (Vec<usize>, Vec<usize>) =
            regex_rows.into_iter().partition(|&i| rows[i].pattern.starts_with('^'));
        let mut regex = Vec::new();
        for group in [anchored, floating] {
            if group.is_empty() {
                continue;
            }
            let set = RegexSet::new(group.iter().map(|&i| rows[i].pattern.as_str()))
                .map_err(|e| CleanError::Build(e.to_string()))?;
            regex.push(RegexGroup { set, rows: group });
        }
        Ok(Compiled {
            rows,
            exact,
            line_words,
            prefix_words,
            prefix_reach,
            contains,
            contains_bits,
            contains_reach,
            regex,
            regex_reach,
        })
    }

    fn allows(&self, row: usize, words: usize) -> bool {
        let max = self.rows[row].max_words;
        max == 0 || words <= max
    }

    /// The row that matches a line: the earliest in file order among the literal rows
    /// that match, else the earliest regex row. `line` is the line as published, `key`
    /// its key, `words` the key's word count.
    pub fn find(&self, line: &str, key: &str, words: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        let mut consider = |r: usize| {
            if best.is_none_or(|b| r < b) {
                best = Some(r);
            }
        };

        if words <= self.line_words.max(self.prefix_words) {
            for &r in self.exact.get(key).into_iter().flatten() {
                if self.allows(r, words) {
                    consider(r);
                }
            }
        }
        if words <= self.prefix_reach && self.prefix_words > 0 {
            // Every proper prefix that ends on a word boundary, shortest first.
            let cuts = key.match_indices(' ').map(|(i, _)| i);
            for cut in cuts.take(self.prefix_words) {
                for &r in self.exact.get(&key[..cut]).into_iter().flatten() {
                    if self.rows[r].kind == MatchKind::Prefix && self.allows(r, words) {
                        consider(r);
                    }
                }
            }
        }
        if words <= self.contains_reach && !self.contains.is_empty() {
            let bytes = key.as_bytes();
            let mut start = 0;
            while start < bytes.len() {
                let end = next_space(bytes, start);
                let word = &bytes[start..end];
                let f = fingerprint(word);
                if self.contains_bits[f >> 6] & (1 << (f & 63)) != 0 {
                    for &r in self.contains.get(&key[start..end]).into_iter().flatten() {
                        let pattern = self.rows[r].pattern.as_bytes();
                        let rest = &bytes[start..];
                        let whole =
                            rest.len() == pattern.len() || rest.get(pattern.len()) == Some(&b' ');
                        if whole && rest.starts_with(pattern) && self.allows(r, words) {
                            consider(r);
                        }
                    }
                }
                start = end + 1;
            }
        }
        if best.is_some() {
            return best;
        }

        if words <= self.regex_reach {
            for group in &self.regex {
                // `is_match` does not allocate; `matches` does, so it only runs on a hit.
                if group.set.is_match(line) {
                    let first = group
                        .set
                        .matches(line)
                        .iter()
                        .map(|i| group.rows[i])
                        .find(|&r| self.allows(r, words));
                    if first.is_some_and(|r| best.is_none_or(|b| r < b)) {
                        best = first;
                    }
                }
            }
        }
        best
    }
}

/// The offset of the first space in `b` at or after `from` (`b.len()` if none), eight
/// bytes at a time: a key's words are about as long, so most take one step, where a byte
/// loop takes one per byte and `memchr` costs more than it saves on such short runs.
fn next_space(b: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        // The bytes equal to a space become zero; the lowest zero byte is flagged exactly
        // (a borrow can only flag bytes above it).
        let y = u64::from_le_bytes(w) ^ SPACES;
        let zero = y.wrapping_sub(ONES) & !y & HIGHS;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b' ')).map_or(b.len(), |p| i + p)
}

/// A number below 1024 from a word's length and its first two and last bytes.
fn fingerprint(word: &[u8]) -> usize {
    let first = word.first().copied().unwrap_or(0);
    let second = word.get(1).copied().unwrap_or(0);
    let last = word.last().copied().unwrap_or(0);
    let h = (word.len() as u32).wrapping_mul(0x9E37_79B9)
        ^ u32::from(first).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(second).wrapping_mul(0xC2B2_AE35)
        ^ u32::from(last).wrapping_mul(0x27D4_EB2F);
    (h >> 22) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tsv(rows: &str) -> String {
        format!("# test\n{HEADER}\n{rows}")
    }

    #[test]
    fn next_space_finds_the_first_space_at_or_after_an_offset() {
        let text = "ab cdefghijkl mnopqrstuvwxyz0123 45  6";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let want = b[from..].iter().position(|&c| c == b' ').map_or(b.len(), |p| from + p);
            assert_eq!(next_space(b, from), want, "from {from}");
        }
        // Bytes just above and below a space, and Arabic letters' bytes, are not spaces.
        let near = [0x1fu8, 0x21, 0xd8, 0xa7, 0xd9, 0x20, 0x21, 0xa0, 0x1f, 0x20];
        assert_eq!(next_space(&near, 0), 5);
        assert_eq!(next_space(&near, 6), 9);
        assert_eq!(next_space(&near[..9], 6), 9);
    }

    #[test]
    fn parses_rows_and_normalizes_literals() {
        let rows = parse(&tsv("a\tline\tإعلانٌ\t0\tad marker\n")).expect("valid");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].pattern, "اعلان");
        assert_eq!(rows[0].line, 3);
    }

    #[test]
    fn reports_line_of_bad_rows() {
        let cases = [
            "a\tline\tx\t0\n",
            "a\tfuzzy\tx\t0\tn\n",
            "a\tline\tx\tmany\tn\n",
            "a\tline\tx\t0\t\n",
            "a b\tline\tx\t0\tn\n",
            "a\tline\t؟؟\t0\tn\n",
        ];
        for case in cases {
            match parse(&tsv(case)) {
                Err(CleanError::Row { line: 3, .. }) => {}
                other => panic!("{case:?}: {other:?}"),
            }
        }
        match parse(&tsv("ok\tline\tx\t0\tn\nbad\tregex\t(\t0\tn\n")) {
            Err(CleanError::Regex { line: 4, id, .. }) => assert_eq!(id, "bad"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn header_is_required() {
        assert!(matches!(parse("a\tline\tx\t0\tn\n"), Err(CleanError::Header { line: 1, .. })));
        assert!(matches!(parse(""), Err(CleanError::Header { .. })));
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let rows = parse(&tsv("a\tline\tx\t0\tn\na\tline\ty\t0\tn\n")).expect("rows parse");
        assert!(matches!(Compiled::new(rows), Err(CleanError::Row { line: 4, .. })));
    }

    /// The id of the row of `rows` (TSV rows after the header) that drops a line.
    fn matcher(rows: &str) -> impl Fn(&str) -> Option<String> {
        let c = Compiled::new(parse(&tsv(rows)).expect("rows parse")).expect("compiles");
        move |line: &str| {
            let k = key(line);
            c.find(line, &k, crate::key::word_count(&k)).map(|r| c.rows[r].id.clone())
        }
    }

    #[test]
    fn literal_kinds_respect_word_boundaries() {
        let find = matcher(
            "l\tline\tشارك\t0\tn\np\tprefix\tاقرأ أيضا\t20\tn\nc\tcontains\tذات صلة\t4\tn\n",
        );
        assert_eq!(find("شارك").as_deref(), Some("l"));
        assert_eq!(find("تشارك"), None);
        assert_eq!(find("اقرأ أيضاً: عنوان"), Some("p".into()));
        assert_eq!(find("اقرأ أيضاتي"), None);
        assert_eq!(find("أخبار ذات صلة"), Some("c".into()));
        assert_eq!(find("وقالت مصادر ذات صلة بالملف إن المحادثات متعثرة"), None);
    }

    #[test]
    fn contains_rows_match_whole_words_anywhere_and_the_earliest_row_wins() {
        let find = matcher(concat!(
            "a\tcontains\tصلة بالموضوع\t0\tn\n",
            "b\tcontains\tذات صلة\t0\tn\n",
            "c\tcontains\tصلة\t0\tn\n",
            "d\tcontains\tcookies\t3\tn\n",
        ));
        assert_eq!(find("أخبار ذات صلة بالموضوع").as_deref(), Some("a"));
        assert_eq!(find("أخبار ذات صلة").as_deref(), Some("b"));
        assert_eq!(find("صلة").as_deref(), Some("c"));
        assert_eq!(find("أخبار ذات صلتها"), None);
        assert_eq!(find("ذات"), None);
        assert_eq!(find("We use Cookies.").as_deref(), Some("d"));
        assert_eq!(find("We use cookies on this site"), None, "longer than its reach");
        assert_eq!(find("cookiesx"), None);
    }
}
