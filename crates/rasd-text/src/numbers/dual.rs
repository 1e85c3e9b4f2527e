//! Duals of countable nouns: "جنديين" counts two soldiers without any numeral.
//!
//! The dual suffixes are -ان (nominative) and -ين (accusative/genitive), -تان/-تين for
//! nouns ending in ة (ه in the normalized view). -ان and -تان/-تين are unambiguous. -ين
//! is not: a noun whose plural is the sound masculine plural spells its plural
//! exactly like its dual ("مدنيين" is madaniyyīn "civilians" and madaniyyayn "two
//! civilians"; "مسلحين", "نازحين" likewise), and the plural is by far the more common
//! reading in news. So -ين is only taken as a dual for stems unlikely to take that
//! plural; see [`takes_sound_plural`]. Construct forms without ن ("جنديا", "سيارتي") are
//! never taken: they collide with the indefinite accusative and with "my".

use super::scan::first_split;

/// Nisba-shaped (ي-final) or participle-shaped stems whose plural is broken, so that
/// their -ين form can only be a dual. Kept short on purpose: a missing entry costs a
/// missed "two", a wrong one turns every plural mention into "two".
const BROKEN_PLURAL_STEMS: &[&str] = &["جندي", "ضابط", "حارس", "قائد", "طالب"];

/// Whether `stem` probably forms its plural with -ون/-ين, making its -ين form
/// ambiguous: nisba nouns (ي-final: مدني، عسكري، صحفي), م-initial participles of four
/// or more letters (مسلح، مقاتل، مواطن، متظاهر، مستوطن) and four-letter active
/// participles of the فاعل pattern (نازح، ناشط، لاجئ).
fn takes_sound_plural(stem: &str) -> bool {
    if BROKEN_PLURAL_STEMS.contains(&stem) {
        return false;
    }
    let n = stem.chars().count();
    stem.ends_with('ي')
        || (stem.starts_with('م') && n >= 4)
        || (n == 4 && stem.chars().nth(1) == Some('ا'))
}

fn is_dual(word: &str, stem: &str) -> bool {
    if stem.is_empty() {
        return false;
    }
    if let Some(base) = stem.strip_suffix('ه') {
        return matches!(word.strip_prefix(base), Some("تان" | "تين")) && !base.is_empty();
    }
    match word.strip_prefix(stem) {
        Some("ان") => true,
        Some("ين") => !takes_sound_plural(stem),
        _ => false,
    }
}

/// The dual reading of `word` and how many proclitic bytes (و، ب، ال ...) precede it.
pub(crate) fn dual_match<'a>(word: &str, singulars: &[&'a str]) -> Option<(usize, &'a str)> {
    first_split(word, 2, 2, |plen, stem, elided| {
        let readings = [Some(stem), (!elided).then(|| stem.strip_prefix("ال")).flatten()];
        readings.into_iter().flatten().find_map(|w| {
            let extra = stem.len() - w.len();
            singulars.iter().find(|s| is_dual(w, s)).map(|s| (plen + extra, *s))
        })
    })
}

/// The dual of a countable noun: given a normalized `word` and normalized singular
/// stems, returns the stem whose dual `word` is, reading off proclitics and the article
/// ("وللجنديين" → "جندي"). Stems ending in ه (ة) take -تين/-تان ("سيارتين" →
/// "سياره"); others -ين/-ان, except that -ين is refused where it is more likely the
/// sound plural: `dual_of("مدنيين", &["مدني"])` is `None`, while "مدنيان" is found.
pub fn dual_of<'a>(word: &str, singulars: &[&'a str]) -> Option<&'a str> {
    dual_match(word, singulars).map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duals_and_offsets() {
        assert_eq!(dual_match("جنديين", &["جندي"]), Some((0, "جندي")));
        assert_eq!(dual_match("والجنديين", &["جندي"]), Some(("وال".len(), "جندي")));
        assert_eq!(dual_match("للطفلين", &["طفل"]), Some(("لل".len(), "طفل")));
        assert_eq!(dual_of("بسيارتين", &["سياره"]), Some("سياره"));
    }

    #[test]
    fn ambiguous_and_non_duals() {
        assert_eq!(dual_of("مدنيين", &["مدني"]), None);
        assert_eq!(dual_of("مسلحين", &["مسلح"]), None);
        assert_eq!(dual_of("نازحين", &["نازح"]), None);
        assert_eq!(dual_of("مسلحان", &["مسلح"]), Some("مسلح"));
        assert_eq!(dual_of("جنود", &["جندي"]), None);
        assert_eq!(dual_of("جنديا", &["جندي"]), None);
        assert_eq!(dual_of("سياره", &["سياره"]), None);
        assert_eq!(dual_of("تين", &["ه"]), None);
        assert_eq!(dual_of("ان", &[""]), None);
    }
}
