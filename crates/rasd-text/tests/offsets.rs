//! Property tests: on any Unicode input nothing panics, and every span the text layer
//! reports slices the original text back to what it describes.

use proptest::prelude::*;
use rasd_text::{normalize, split_sentences, tokenize};

fn slice(chars: &[char], a: usize, b: usize) -> String {
    chars[a..b].iter().collect()
}

/// Arabic letters, harakat, digits, the marks scrapers carry, punctuation and ligatures,
/// mixed with arbitrary code points.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("قتل".to_string()),
        Just("أَرْمِينِيَا".to_string()),
        Just("٣٫٥".to_string()),
        Just("6,500".to_string()),
        Just("\u{200F}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("ـ".to_string()),
        Just("ﻻ".to_string()),
        Just("ﷺ".to_string()),
        Just("«".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("؟".to_string()),
        Just("…".to_string()),
        Just("\n".to_string()),
        Just("(".to_string()),
        Just(" ".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn token_spans_slice_back(text in arabicish()) {
        let chars: Vec<char> = text.chars().collect();
        let n = normalize(&text);
        for t in tokenize(&n) {
            let (a, b) = (t.start as usize, t.end as usize);
            prop_assert!(a <= b && b <= chars.len());
            let orig = slice(&chars, a, b);
            // The original slice normalizes to (at least) the token: dropped marks and
            // decomposed ligatures may add around it, never lose it.
            prop_assert!(normalize(&orig).as_str().contains(t.text(&n)), "{orig:?} vs {:?}", t.text(&n));
        }
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_in_bounds(text in arabicish()) {
        let chars: Vec<char> = text.chars().collect();
        let n = normalize(&text);
        let mut last = 0;
        for [a, b] in split_sentences(&n) {
            prop_assert!(last <= a && a < b && b <= chars.len());
            let s = slice(&chars, a, b);
            prop_assert_eq!(s.trim(), s.as_str());
            last = b;
        }
    }

    #[test]
    fn any_string_normalizes(text in any::<String>()) {
        let n = normalize(&text);
        let count = text.chars().count();
        let (a, b) = n.to_original(0, n.len());
        prop_assert!(a <= b && b <= count);
    }
}
