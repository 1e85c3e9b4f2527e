//! Near-duplicate detection: MinHash over word shingles of the normalized text, with
//! locality-sensitive hashing (LSH) bands to find candidates without comparing every pair.
//!
//! An agency story reprinted by several outlets differs in its headline, a credit line
//! or a trimmed paragraph, so exact hashes miss it. Word 3-shingles of the normalized
//! text (harakat, alef forms and digits folded by `rasd_text`) give a set whose Jaccard
//! similarity stays high under such edits. The signature is a one-permutation MinHash:
//! each shingle hash falls in one of 128 bins and each bin keeps its minimum (one hash per
//! shingle instead of 128), empty bins borrowing from the next filled one
//! ("densification") so short texts still compare. The share of equal bins estimates
//! the Jaccard similarity within about ±0.05. Signatures are cut into 32 bands of 4
//! bins: two articles become candidates when any band agrees, which happens with
//! probability 1 − (1 − J⁴)³² — 99% at J = 0.6, 5% at J = 0.2 — and a candidate is a copy
//! when its estimated similarity is at least [`COPY_THRESHOLD`].
//!
//! ```
//! use rasd_store::minhash::{signature, similarity};
//! let a = signature("قصفت القوات الأذربيجانية مواقع في لاتشين وقوبادلي صباح اليوم وفق وزارة الدفاع الأرمينية").unwrap();
//! let b = signature("قصفت القوات الأذربيجانية مواقع في لاتشين وقوبادلي صباح اليوم وفق وزارة الدفاع الأرمينية في بيان").unwrap();
//! assert!(similarity(&a, &b) > 0.7);
//! ```

use crate::hash::{fnv64, mix64};

/// Number of bins (min-hash values) in a signature.
pub const PERMS: usize = 128;
/// LSH bands; `BANDS * ROWS == PERMS`.
pub const BANDS: usize = 32;
/// Rows per band.
pub const ROWS: usize = PERMS / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Texts with fewer shingles than this are too short to call copies of anything.
pub const MIN_SHINGLES: usize = 8;
/// Estimated Jaccard similarity from which an article is a copy of another.
pub const COPY_THRESHOLD: f64 = 0.6;

/// A MinHash signature: the minimum shingle hash of each bin.
pub type Signature = Vec<u32>;

/// Word characters and the words of a normalized text, as MinHash and search see them:
/// the text layer's own, so search keys and knowledge-base keys cut words alike.
pub use rasd_text::tokens::{is_word_char, words};

/// The signature of a normalized text, or `None` when it has too few words to compare.
pub fn signature(normalized: &str) -> Option<Signature> {
    let hashes: Vec<u64> = words(normalized).map(|w| fnv64(w.as_bytes())).collect();
    if hashes.len() < SHINGLE + MIN_SHINGLES - 1 {
        return None;
    }
    const BIN_BITS: u32 = PERMS.trailing_zeros();
    let mut sig = vec![u32::MAX; PERMS];
    for win in hashes.windows(SHINGLE) {
        // Rotations keep the shingle ordered: "A B C" and "C B A" differ.
        let x = mix64(win[0] ^ win[1].rotate_left(21) ^ win[2].rotate_left(42));
        let bin = (x >> (64 - BIN_BITS)) as usize;
        let v = x as u32;
        if v < sig[bin] {
            sig[bin] = v;
        }
    }
    // Densification: an empty bin takes the value of the next filled bin to its right,
    // re-hashed with the distance, so equal sets still give equal signatures and the
    // borrowed values do not collide with the lender's own.
    let filled: Vec<bool> = sig.iter().map(|&v| v != u32::MAX).collect();
    for i in 0..PERMS {
        if filled[i] {
            continue;
        }
        let d = (1..PERMS).find(|d| filled[(i + d) % PERMS])?;
        let lender = sig[(i + d) % PERMS];
        sig[i] = mix64(u64::from(lender) ^ ((d as u64) << 32)) as u32;
    }
    Some(sig)
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// One key per band: documents sharing any key are candidate copies.
pub fn band_keys(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            for &r in rows {
                h = mix64(h ^ u64::from(r));
            }
            h as i64
        })
        .collect()
}

/// Serializes a signature for a BLOB/BYTEA column (little-endian u32s).
pub fn to_bytes(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Reads a signature written by [`to_bytes`]; `None` if the bytes are not one.
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != PERMS * 4 {
        return None;
    }
    Some(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "اندلعت اشتباكات عنيفة بين القوات الارمينيه والاذربيجانيه على خط التماس في اقليم قره باغ \
        صباح اليوم السبت وقالت وزاره الدفاع في باكو ان قواتها ردت على قصف مدفعي استهدف مواقعها قرب لاتشين \
        فيما اعلنت يريفان ان الجيش الاذربيجاني قصف بلدات مدنيه في الاقليم ما اسفر عن سقوط ضحايا";

    #[test]
    fn a_reprint_with_a_credit_line_is_a_copy() {
        let a = signature(STORY).unwrap();
        let b = signature(&format!("{STORY} المصدر وكالات")).unwrap();
        assert!(similarity(&a, &b) >= COPY_THRESHOLD);
        let shared = band_keys(&a).iter().zip(band_keys(&b)).filter(|(x, y)| **x == *y).count();
        assert!(shared > 0);
    }

    #[test]
    fn a_different_story_is_not() {
        let a = signature(STORY).unwrap();
        let other = "التقى وزير الخارجيه الامريكي نظيريه الارميني والاذربيجاني في واشنطن يوم الجمعه \
            لبحث سبل التوصل الى هدنه انسانيه جديده بعد فشل محاولتين سابقتين بوساطه روسيه وفرنسيه";
        let b = signature(other).unwrap();
        assert!(similarity(&a, &b) < 0.2);
    }

    #[test]
    fn word_characters_agree_with_the_standard_library_where_it_matters() {
        // Outside the Arabic block the fast path must not change anything.
        for c in ('\0'..='\u{5ff}').chain('\u{700}'..='\u{2fff}').chain(['\u{fb50}', '\u{4e00}']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
        // Inside it: letters and digits are word characters, punctuation and marks are not.
        for c in
            ('\u{0621}'..='\u{063a}').chain('\u{0641}'..='\u{064a}').chain('\u{0671}'..='\u{06d3}')
        {
            assert!(is_word_char(c), "U+{:04X}", c as u32);
        }
        for c in ['،', '؛', '؟', '٪', '۔', '\u{064e}', '\u{0651}', '\u{0640}'] {
            assert!(!is_word_char(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("قصف مدفعي").is_none());
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let a = signature(STORY).unwrap();
        assert_eq!(from_bytes(&to_bytes(&a)).unwrap(), a);
        assert!(from_bytes(&[1, 2, 3]).is_none());
    }
}
