//! Noun paradigms: a singular with its dual, the plurals the entry lists or marks, the
//! indefinite accusative, and the forms a possessive attaches to.

use crate::entry::{letters, NounBody};
use crate::features::{Case, Gender, Inflection, Number, Pos};
use crate::paradigm::{join, Host, RawForm, Slot};

/// Every form of a noun entry, in ordinary spelling.
pub(crate) fn forms(pos: Pos, n: &NounBody) -> Vec<RawForm> {
    let mut out = Vec::with_capacity(32);
    let sg = letters(&n.singular).0;
    let gender = n.feminine.then_some(Gender::Masculine);
    let one = Kind { pos, gender };
    one.word(&mut out, &sg, Number::Singular, false);
    one.dual(&mut out, &sg);
    if n.masc_plural {
        one.masc_plural(&mut out, &sg);
    }
    if n.fem_plural {
        one.fem_plural(&mut out, &sg);
    }
    for pl in &n.plurals {
        one.word(&mut out, &letters(pl).0, Number::Plural, true);
    }
    if n.feminine {
        let fem: Vec<char> = sg.iter().copied().chain(['ة']).collect();
        let f = Kind { pos, gender: Some(Gender::Feminine) };
        f.word(&mut out, &fem, Number::Singular, false);
        f.dual(&mut out, &fem);
        f.fem_plural(&mut out, &fem);
    }
    out
}

/// What every form of one gender of an entry shares.
struct Kind {
    pos: Pos,
    gender: Option<Gender>,
}

impl Kind {
    fn infl(&self, number: Number, case: Case, construct: bool) -> Inflection {
        Inflection { gender: self.gender, construct, ..Inflection::noun(self.pos, number, case) }
    }

    fn slot(&self, number: Number, case: Case, construct: bool, host: Host) -> Slot {
        let definite = host != Host::Required && !construct && case != Case::Accusative;
        Slot { infl: self.infl(number, case, construct), host, definite, weak: false }
    }

    /// A singular or broken plural: the word, its possessive host, its accusative.
    fn word(&self, out: &mut Vec<RawForm>, w: &[char], number: Number, broken_plural: bool) {
        let (last, init) = match w.split_last() {
            Some((&l, init)) => (l, init),
            None => return,
        };
        // ة is written ت and ى is written ا before a pronoun: غارتها، مستشفاها، قتلاهم.
        let host = match last {
            'ة' => Some('ت'),
            'ى' => Some('ا'),
            _ => None,
        };
        let plain = |host| self.slot(number, Case::Unmarked, false, host);
        if let Some(h) = host {
            join(out, plain(Host::Never), "", w, "");
            let stem: Vec<char> = init.iter().copied().chain([h]).collect();
            join(out, plain(Host::Required), "", &stem, "");
        } else {
            join(out, plain(Host::Optional), "", w, "");
        }
        if takes_tanwin_alef(w, broken_plural) {
            join(out, self.slot(number, Case::Accusative, false, Host::Never), "", w, "ا");
        }
    }

    /// غارتان، غارتين، and the construct غارتا، غارتي.
    fn dual(&self, out: &mut Vec<RawForm>, w: &[char]) {
        let stem = ending_changed(w, 'ت', 'ي');
        self.pair(out, &stem, Number::Dual, ["ان", "ين", "ا", "ي"]);
    }

    /// مسلحون، مسلحين، and the construct مسلحو، مسلحي.
    fn masc_plural(&self, out: &mut Vec<RawForm>, w: &[char]) {
        self.pair(out, w, Number::Plural, ["ون", "ين", "و", "ي"]);
    }

    /// The nominative and oblique of a dual or sound masculine plural, with and without
    /// their ن.
    fn pair(&self, out: &mut Vec<RawForm>, stem: &[char], number: Number, suffixes: [&str; 4]) {
        let [nom, obl, nom_c, obl_c] = suffixes;
        for (suffix, case) in [(nom, Case::Nominative), (obl, Case::Oblique)] {
            join(out, self.slot(number, case, false, Host::Never), "", stem, suffix);
        }
        for (suffix, case) in [(nom_c, Case::Nominative), (obl_c, Case::Oblique)] {
            join(out, self.slot(number, case, true, Host::Optional), "", stem, suffix);
        }
    }

    /// غارات، اعتقالات، مستشفيات.
    fn fem_plural(&self, out: &mut Vec<RawForm>, w: &[char]) {
        let stem = match w.last() {
            Some('ة') => w[..w.len() - 1].to_vec(),
            _ => ending_changed(w, 'ة', 'ي'),
        };
        let slot = self.slot(Number::Plural, Case::Unmarked, false, Host::Optional);
        join(out, slot, "", &stem, "ات");
    }
}

/// `w` with a final ة made `ta` and a final ى made `ya`.
fn ending_changed(w: &[char], ta: char, ya: char) -> Vec<char> {
    let mut v = w.to_vec();
    match v.last_mut() {
        Some(c @ 'ة') => *c = ta,
        Some(c @ 'ى') => *c = ya,
        _ => {}
    }
    v
}

/// Whether the indefinite accusative is written with an alef: not after ة, ى, ا or أ,
/// nor after اء (هجوما، جزءا, but غارةً، اعتداءً، خطأً), and not on a broken plural of the
/// shapes that take no tanwin (صواريخ، قذائف، مجازر: a third letter ا).
fn takes_tanwin_alef(w: &[char], broken_plural: bool) -> bool {
    let n = w.len();
    match w.last() {
        None | Some('ة' | 'ى' | 'ا' | 'أ') => return false,
        Some('ء') if n >= 2 && w[n - 2] == 'ا' => return false,
        _ => {}
    }
    !(broken_plural && n >= 5 && w[2] == 'ا')
}

#[cfg(test)]
mod tests {
    use crate::features::{Case, Gender, Number};
    use crate::paradigm::testing::{forms_of, written};
    use crate::paradigm::{Form, Host};

    /// (number, case, construct) of each reading of `word`.
    fn readings(forms: &[Form], word: &str) -> Vec<(Number, Case, bool)> {
        let mut v: Vec<_> = written(forms, word)
            .iter()
            .filter_map(|f| Some((f.shape.infl.number?, f.shape.infl.case, f.shape.infl.construct)))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn singular_dual_and_plural_of_a_feminine_noun() {
        let f = forms_of("n:غارة/غارات");
        assert_eq!(readings(&f, "غارة"), [(Number::Singular, Case::Unmarked, false)]);
        assert_eq!(readings(&f, "غارات"), [(Number::Plural, Case::Unmarked, false)]);
        assert_eq!(readings(&f, "غارتان"), [(Number::Dual, Case::Nominative, false)]);
        assert_eq!(readings(&f, "غارتين"), [(Number::Dual, Case::Oblique, false)]);
        assert_eq!(readings(&f, "غارتا"), [(Number::Dual, Case::Nominative, true)]);
        assert_eq!(readings(&f, "غارتي"), [(Number::Dual, Case::Oblique, true)]);
        // ة is ت before a pronoun; غارة itself takes none and no accusative alef.
        assert!(written(&f, "غارت")
            .iter()
            .all(|x| x.shape.host == Host::Required && !x.shape.definite));
        assert!(written(&f, "غارة")
            .iter()
            .all(|x| x.shape.host == Host::Never && x.shape.definite));
        assert!(written(&f, "غارةا").is_empty());
        // No plural listed: the sound feminine plural.
        assert_eq!(
            readings(&forms_of("n:طائرة"), "طائرات"),
            [(Number::Plural, Case::Unmarked, false)]
        );
        // A broken plural listed: only it.
        assert!(written(&forms_of("n:مدينة/مدن"), "مدينات").is_empty());
    }

    #[test]
    fn accusative_alef_where_it_is_written() {
        let f = forms_of("n:هجوم/هجمات");
        // Also the construct dual: "هجوما الفصيلين", the two attacks of the factions.
        assert_eq!(
            readings(&f, "هجوما"),
            [(Number::Singular, Case::Accusative, false), (Number::Dual, Case::Nominative, true)]
        );
        let acc =
            written(&f, "هجوما").into_iter().filter(|x| x.shape.infl.case == Case::Accusative);
        assert!(acc.into_iter().all(|x| !x.shape.definite && x.shape.host == Host::Never));
        let accusative = (Number::Singular, Case::Accusative, false);
        assert!(readings(&forms_of("n:صاروخ/صواريخ"), "صاروخا").contains(&accusative));
        assert!(written(&forms_of("n:صاروخ/صواريخ"), "صواريخا").is_empty(), "no tanwin");
        let plural = (Number::Plural, Case::Accusative, false);
        assert_eq!(readings(&forms_of("n:جندي/جنود"), "جنودا"), [plural]);
        assert!(readings(&forms_of("a:مدني/+ون"), "مدنيا").contains(&accusative));
        // اعتداءً: no alef after اء (اعتداءا is only the construct dual).
        assert!(!readings(&forms_of("m:اعتداء/+ات"), "اعتداءا").contains(&accusative));
        assert!(written(&forms_of("n:قتيل/قتلى"), "قتلىا").is_empty());
    }

    #[test]
    fn sound_masculine_plural_and_feminine() {
        let f = forms_of("p:مسلح/+ون/+ة");
        assert_eq!(readings(&f, "مسلحون"), [(Number::Plural, Case::Nominative, false)]);
        // musallaḥayn (two) and musallaḥīn (many) are written alike.
        assert_eq!(
            readings(&f, "مسلحين"),
            [(Number::Dual, Case::Oblique, false), (Number::Plural, Case::Oblique, false)]
        );
        assert_eq!(readings(&f, "مسلحو"), [(Number::Plural, Case::Nominative, true)]);
        let gender =
            |w: &str| written(&f, w).iter().map(|x| x.shape.infl.gender).collect::<Vec<_>>();
        assert_eq!(gender("مسلح"), [Some(Gender::Masculine)]);
        assert_eq!(gender("مسلحة"), [Some(Gender::Feminine)]);
        assert_eq!(gender("مسلحات"), [Some(Gender::Feminine)]);
        assert_eq!(readings(&f, "مسلحتان"), [(Number::Dual, Case::Nominative, false)]);
        assert!(written(&forms_of("p:مسلح/+ون"), "مسلحة").is_empty());
    }

    #[test]
    fn alef_maqsura_and_hamza_endings() {
        let f = forms_of("n:مستشفى/مستشفيات");
        assert_eq!(readings(&f, "مستشفيان"), [(Number::Dual, Case::Nominative, false)]);
        assert!(written(&f, "مستشفا").iter().all(|x| x.shape.host == Host::Required), "مستشفاه");
        let f = forms_of("n:قتيل/قتلى");
        assert!(written(&f, "قتلا").iter().any(|x| x.shape.host == Host::Required), "قتلاهم");
        let f = forms_of("m:اعتداء/+ات");
        assert_eq!(readings(&f, "اعتداءات"), [(Number::Plural, Case::Unmarked, false)]);
        assert_eq!(readings(&f, "اعتداءين"), [(Number::Dual, Case::Oblique, false)]);
    }
}
