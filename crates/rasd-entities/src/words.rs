//! The large word lists (tens of thousands of rows) read straight out of the embedded
//! data: each word is a slice of the file's own text, found by its hash, so loading one
//! is a pass over the text with no word copied. They are read on first use, inside the
//! first article's recognition; a map of owned strings cost several times more to build
//! there than the whole of that article's recognition.

use rasd_text::hash_index::{same_key, HashIndex};
use rasd_text::phrases::filter_hash;

/// A word list with a value per word.
pub(crate) struct WordTable<V> {
    /// (`filter_hash` of the word, the word, its value), in the order of the rows.
    words: Vec<(u64, &'static str, V)>,
    index: HashIndex,
}

impl<V: Copy> WordTable<V> {
    /// The table of `(word, value)` rows; a word given twice keeps its last value.
    pub(crate) fn new(rows: impl Iterator<Item = (&'static str, V)>) -> Self {
        let mut t = WordTable { words: Vec::new(), index: HashIndex::default() };
        for (word, value) in rows {
            let hash = filter_hash(word);
            match t.position(word, hash) {
                Some(k) => t.words[k].2 = value,
                None => {
                    let k = t.words.len();
                    let words = &t.words;
                    t.index.insert(k as u32, hash, |old| words[old as usize].0);
                    t.words.push((hash, word, value));
                }
            }
        }
        t
    }

    /// The value of `word`, if listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        self.position(word, filter_hash(word)).map(|k| self.words[k].2)
    }

    /// Whether `word` is listed.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    fn position(&self, word: &str, hash: u64) -> Option<usize> {
        let k = self.index.find(hash, |k| {
            self.words
                .get(k as usize)
                .is_some_and(|&(h, w, _)| h == hash && same_key(w.as_bytes(), word.as_bytes()))
        })?;
        Some(k as usize)
    }
}

/// The first two cells of each row of a word-list TSV, as
/// `rasd_text::phrases::tsv_rows` reads rows (`#` comments and blank lines skipped, then
/// a header row; cells split at tabs and trimmed), without collecting each row's cells:
/// this reads tens of thousands of rows.
pub(crate) fn two_cells(text: &'static str) -> Rows {
    Rows { text, at: 0, header: false }
}

/// The iterator of [`two_cells`].
pub(crate) struct Rows {
    text: &'static str,
    /// Where the next line starts.
    at: usize,
    /// The header row was passed.
    header: bool,
}

impl Iterator for Rows {
    type Item = (&'static str, Option<&'static str>);

    fn next(&mut self) -> Option<Self::Item> {
        // Rows are short: byte loops find their breaks for less than a search of the
        // standard library spends setting out (`str::lines`, `str::split`).
        let tab = |s: &str| s.bytes().position(|b| b == b'\t');
        while let Some(rest) = self.text.get(self.at..).filter(|r| !r.is_empty()) {
            let len = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
            // A '\r' before the '\n' is trimmed with the cells, so these are the lines
            // `str::lines` gives.
            let line = rest.get(..len).unwrap_or_default();
            self.at += len + 1;
            if line.starts_with('#') || trim(line).is_empty() {
                continue;
            }
            if !self.header {
                self.header = true;
                continue;
            }
            let Some(t) = tab(line) else { return Some((trim(line), None)) };
            let rest = line.get(t + 1..).unwrap_or_default();
            let second = tab(rest).map_or(rest, |u| rest.get(..u).unwrap_or_default());
            return Some((trim(line.get(..t).unwrap_or_default()), Some(trim(second))));
        }
        None
    }
}

/// `str::trim`, cheaper for the cells of these lists: ASCII whitespace is cut byte by
/// byte, and only a cell that then begins or ends with something other than a printable
/// ASCII character or an Arabic letter (U+0600 to U+06FF, lead bytes 0xD8 to 0xDB),
/// none of them whitespace, is trimmed as `str::trim` does.
#[inline]
fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    let arabic_lead = |b: &u8| (0xd8..=0xdb).contains(b);
    let start = match t.as_bytes() {
        [] => true,
        [b, ..] => b.is_ascii_graphic() || arabic_lead(b),
    };
    let end = match t.as_bytes() {
        [] => true,
        [.., b] if b.is_ascii_graphic() => true,
        [.., lead, b] => arabic_lead(lead) && (0x80..=0xbf).contains(b),
        _ => false,
    };
    if start && end {
        t
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_as_the_phrase_module_reads_them() {
        let text = "# comment\n\nword\tz10\r\nقتل\t34\r\n  جرح \t 20 \t x\n# skipped\nوحيد\n\t\n\u{a0}\u{b}أ\u{2003}\t\u{85}ب\u{a0}\n\u{3000}\n";
        let ours: Vec<_> = two_cells(text).collect();
        let theirs: Vec<_> =
            rasd_text::phrases::tsv_rows(text).map(|r| (r[0], r.get(1).copied())).collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours[1], ("جرح", Some("20")));
    }

    #[test]
    fn finds_every_word_with_its_last_value() {
        let words: Vec<String> = (0..5000).map(|i| format!("كلمة{i}")).collect();
        let leaked: &'static [String] = Box::leak(words.into_boxed_slice());
        let rows = leaked.iter().enumerate().map(|(i, w)| (w.as_str(), i));
        let t = WordTable::new(rows.chain([(leaked[7].as_str(), 99)]));
        assert_eq!(t.get("كلمة7"), Some(99));
        assert_eq!(t.get("كلمة4999"), Some(4999));
        assert!(t.contains("كلمة0") && !t.contains("كلمة5000") && !t.contains(""));
    }
}
