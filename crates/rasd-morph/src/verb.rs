//! Verb paradigms from two written forms: the perfect and the imperfect of the third
//! person masculine singular.
//!
//! The two forms carry what the root and pattern would: the perfect gives the past stem,
//! the imperfect (less its ي) the present stem, so forms II–X need no rules of their own
//! ("أطلق/يطلق": stems أطلق and طلق). What is inferred from their shapes is only where
//! a stem changes before some suffixes:
//! - **doubled** (شنّ/يشنّ، احتلّ/يحتلّ): the doubled letter splits before a consonant
//!   suffix (شننا، احتللت، يشنن). A two-letter perfect, or أ + a two-letter imperfect stem
//!   (أعدّ/يعدّ), is doubled; otherwise a shadda on the last letter says so, since
//!   "استمع/يستمع" (sound) and "استمرّ/يستمرّ" (doubled) have one shape;
//! - **hollow** (قال/يقول، أعاد/يعيد، اختار/يختار، استقال/يستقيل): the alef before the last
//!   letter drops before a consonant suffix (قلت، أعدنا) and in the jussive (لم يقل);
//! - **defective** (دعا/يدعو، نفى/ينفي، سعى/يسعى، لقي/يلقى، ألقى/يلقي): the last letter
//!   changes with the suffix (دعوت، نفيت، نفوا، يدعون، لم يدع، نفاه);
//! - and for the passive: form III/VI (هوجم، تبودل), hollow (قيل، يقال، أعيد، يعاد),
//!   defective (دعي، يدعى، ألقي، يلقى), assimilated (يوجد) and hamza-initial (يؤخذ) verbs
//!   write their passive apart from the active; other verbs write both alike.
//!
//! Forms are made in ordinary spelling (hamza seats kept: "بدأ" is not "بدا") and folded
//! by the caller.

use std::borrow::Cow;

use crate::features::{Aspect, Cell, Inflection, Moods, Voice};
use crate::paradigm::{join, Host, RawForm, Slot};

/// How the last letter of a defective verb behaves in the perfect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PerfectWeak {
    /// دعا: دعوت، دعوا.
    Waw,
    /// نفى، سعى، ألقى: نفيت، نفوا، نفاه.
    Ya,
    /// لقي، بقي: لقيت، لقوا.
    Kasra,
}

/// How the last letter of a defective verb behaves in the imperfect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ImperfectWeak {
    /// يدعو.
    Waw,
    /// ينفي.
    Ya,
    /// يسعى، يلقى: يسعاه.
    Alif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Sound,
    Doubled,
    Hollow,
    Defective(PerfectWeak, ImperfectWeak),
}

/// A verb's two forms and what their shapes say.
pub(crate) struct Verb {
    /// The perfect's letters.
    p: Vec<char>,
    /// The imperfect's stem: its letters after ي.
    s: Vec<char>,
    class: Class,
    /// The perfect is an alef + the imperfect stem (forms IV, VII, VIII, X): the letter
    /// an imperative takes before the stem.
    alef_prefix: Option<char>,
    /// Form I: its imperative needs a prefix alef when the stem starts with two consonants.
    form_one: bool,
}

fn is_hamza(c: char) -> bool {
    matches!(c, 'ء' | 'أ' | 'إ' | 'آ' | 'ؤ' | 'ئ')
}

fn is_alef(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ')
}

/// Letters equal, any hamza seat matching any other (أكد/يؤكد share a stem).
fn same(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| x == y || (is_hamza(x) && is_hamza(y)))
}

/// `p` is an alef followed by `s`.
fn alef_then(p: &[char], s: &[char]) -> bool {
    p.first().is_some_and(|&c| is_alef(c)) && same(&p[1..], s)
}

impl Verb {
    /// Reads a verb from its perfect and imperfect letters (without harakat) and whether
    /// either carried a shadda on its last letter.
    pub(crate) fn new(p: Vec<char>, imperfect: &[char], shadda: bool) -> Verb {
        let s = imperfect.get(1..).unwrap_or_default().to_vec();
        let class = classify(&p, &s, shadda);
        // Where the stem's last letters change, compare what comes before them.
        let cut = match class {
            Class::Hollow => 2,
            Class::Defective(..) => 1,
            _ => 0,
        };
        let (pc, sc) = (&p[..p.len().saturating_sub(cut)], &s[..s.len().saturating_sub(cut)]);
        let alef_prefix = alef_then(pc, sc).then(|| if p[0] == 'أ' { 'أ' } else { 'ا' });
        let form_one = match class {
            // Exactly alike: "أكد/يؤكد" (hamza on و after the prefix's u) is form II.
            Class::Sound => p.len() == 3 && !shadda && p == s,
            Class::Doubled => p.len() == 2,
            Class::Hollow | Class::Defective(..) => p.len() == 3,
        };
        Verb { p, s, class, alef_prefix, form_one }
    }

    /// Every form of the verb, active and passive, in ordinary spelling.
    pub(crate) fn forms(&self) -> Vec<RawForm> {
        let mut out = Vec::with_capacity(160);
        self.perfect(Voice::Active, &mut out);
        self.perfect(Voice::Passive, &mut out);
        self.imperfect(Voice::Active, &mut out);
        self.imperfect(Voice::Passive, &mut out);
        self.imperative(&mut out);
        out
    }

    /// The perfect `p` of a hollow verb with the imperfect's long vowel in place of its
    /// alef (قال → قول), which decides the seat of a hamza left last in its short stem.
    fn s_as_perfect(&self, p: &[char]) -> Vec<char> {
        let mut q = p.to_vec();
        let (np, ns) = (q.len(), self.s.len());
        if np >= 2 && ns >= 2 {
            q[np - 2] = self.s[ns - 2];
        }
        q
    }

    /// Form I with و first and the imperfect without it (وصل/يصل).
    fn assimilated(&self) -> bool {
        self.p.len() == 3 && self.p[0] == 'و' && same(&self.p[1..], &self.s)
    }

    /// Form I with a hamza first in both (أخذ/يأخذ).
    fn hamza_initial(&self) -> bool {
        self.p.len() == 3 && self.p[0] == 'أ' && self.s.first() == Some(&'أ')
    }

    /// The perfect with form III's or VI's alef turned into the passive's و (هاجم →
    /// هوجم، تبادل → تبودل); `None` for other forms.
    fn passive_long_vowel(&self) -> Option<Vec<char>> {
        let p = &self.p;
        let at = match p.len() {
            4 if p[1] == 'ا' => 1,
            5 if p[0] == 'ت' && p[2] == 'ا' => 2,
            _ => return None,
        };
        let stem_ok = match self.class {
            Class::Defective(..) => {
                same(&p[..p.len() - 1], &self.s[..self.s.len().saturating_sub(1)])
            }
            Class::Sound => same(p, &self.s),
            _ => false,
        };
        stem_ok.then(|| {
            let mut q = p.clone();
            q[at] = 'و';
            q
        })
    }

    fn perfect(&self, voice: Voice, out: &mut Vec<RawForm>) {
        let p = match voice {
            Voice::Passive => self.passive_long_vowel().unwrap_or_else(|| self.p.clone()),
            _ => self.p.clone(),
        };
        match (self.class, voice) {
            (Class::Defective(..), Voice::Passive) => {
                perfect_defective(&p[..p.len() - 1], PerfectWeak::Kasra, voice, out);
            }
            (Class::Defective(w, _), _) => perfect_defective(&p[..p.len() - 1], w, voice, out),
            (Class::Doubled, _) => {
                let mut short = p.clone();
                short.push(p[p.len() - 1]);
                perfect_regular(&p, &short, voice, out);
            }
            (Class::Hollow, _) => {
                let n = p.len();
                let short = hollow_short(&self.s_as_perfect(&p));
                let mut long = p.clone();
                if voice == Voice::Passive {
                    long[n - 2] = 'ي';
                }
                perfect_regular(&long, &short, voice, out);
            }
            (Class::Sound, _) => perfect_regular(&p, &p, voice, out),
        }
    }

    /// The imperfect's stems; `None` for a defective verb, whose endings are its own.
    fn imperfect_stems(&self, voice: Voice) -> Option<Stems> {
        let s = &self.s;
        let n = s.len();
        match self.class {
            Class::Defective(..) => None,
            Class::Doubled => {
                let mut split = s.clone();
                split.push(s[n - 1]);
                Some(Stems { long: s.clone(), jussive: vec![s.clone(), split.clone()], fem: split })
            }
            Class::Hollow => {
                let short = hollow_short(s);
                let mut long = s.clone();
                if voice == Voice::Passive {
                    long[n - 2] = 'ا';
                }
                Some(Stems { long, jussive: vec![short.clone()], fem: short })
            }
            Class::Sound => {
                let long = match voice {
                    Voice::Passive if self.assimilated() => self.p.clone(),
                    Voice::Passive if self.hamza_initial() => {
                        std::iter::once('ؤ').chain(s[1..].iter().copied()).collect()
                    }
                    _ => s.clone(),
                };
                Some(Stems { long: long.clone(), jussive: vec![long.clone()], fem: long })
            }
        }
    }

    fn imperfect(&self, voice: Voice, out: &mut Vec<RawForm>) {
        let weak = matches!(self.class, Class::Defective(..));
        // The stems are the same in every cell: made once.
        let stems = self.imperfect_stems(voice);
        for (cell, prefix) in IMPERFECT_PREFIXES {
            let mut buf = [0; 4];
            let prefix = &*prefix.encode_utf8(&mut buf);
            let rows = self.rows_of(cell, voice, stems.as_ref());
            for (stem, suffix, moods) in rows {
                let infl = Inflection::verb(Aspect::Imperfect, cell, moods, voice);
                push_joined(out, infl, weak, prefix, &stem, suffix);
            }
        }
    }

    /// The imperative: the jussive's second persons with the imperative's prefix.
    fn imperative(&self, out: &mut Vec<RawForm>) {
        let Some(prefix) = self.imperative_prefix() else { return };
        for cell in [Cell::Ms2, Cell::Fs2, Cell::D2, Cell::Mp2, Cell::Fp2] {
            let rows = self.imperfect_rows(cell, Voice::Active);
            // The first jussive stem only: a doubled verb's split one wants an alef
            // (اردد), which nobody writes in news.
            let jussive = rows.into_iter().find(|r| r.2.contains(Moods::JUSSIVE));
            // A one-letter stem (يرى → ر) makes no imperative worth guessing.
            if let Some((mut stem, suffix, _)) = jussive.filter(|r| r.0.len() >= 2) {
                // Initial hamza is written on an alef (أكِّد), after a prefix on و.
                if prefix.is_empty() && matches!(stem.first(), Some('ؤ' | 'ئ')) {
                    stem[0] = 'أ';
                }
                let infl = Inflection::verb(Aspect::Imperative, cell, Moods::NONE, Voice::Active);
                push_joined(out, infl, false, prefix, &stem, suffix);
            }
        }
    }

    /// The letter before an imperative's stem; `None` where none is generated.
    fn imperative_prefix(&self) -> Option<&'static str> {
        if self.hamza_initial() {
            // خذ، كل، مر: irregular, and too rare in news to guess.
            return None;
        }
        if let Some(a) = self.alef_prefix {
            return Some(if a == 'أ' { "أ" } else { "ا" });
        }
        let two_consonants = self.form_one
            && matches!(self.class, Class::Sound | Class::Defective(..))
            && !self.assimilated();
        Some(if two_consonants { "ا" } else { "" })
    }

    /// The imperfect's (stem, suffix, moods) rows for one cell, before its prefix.
    fn imperfect_rows(&self, cell: Cell, voice: Voice) -> Vec<Row> {
        self.rows_of(cell, voice, self.imperfect_stems(voice).as_ref())
    }

    /// As [`Verb::imperfect_rows`], given the voice's [`Verb::imperfect_stems`].
    fn rows_of(&self, cell: Cell, voice: Voice, stems: Option<&Stems>) -> Vec<Row> {
        let kind = SuffixKind::of(cell);
        if let Some(stems) = stems {
            return regular_rows(kind, stems);
        }
        let Class::Defective(_, w) = self.class else { return Vec::new() };
        let w = if voice == Voice::Passive { ImperfectWeak::Alif } else { w };
        defective_rows(kind, &self.s[..self.s.len() - 1], w)
    }
}

fn classify(p: &[char], s: &[char], shadda: bool) -> Class {
    let (Some(&pl), Some(&sl)) = (p.last(), s.last()) else { return Class::Sound };
    if p.len() >= 3 && matches!(pl, 'ا' | 'ى' | 'ي') && matches!(sl, 'و' | 'ي' | 'ى' | 'ا') {
        let perfect = match pl {
            'ا' if sl == 'و' => PerfectWeak::Waw,
            'ي' if matches!(sl, 'ى' | 'ا') => PerfectWeak::Kasra,
            _ => PerfectWeak::Ya,
        };
        let imperfect = match sl {
            'و' => ImperfectWeak::Waw,
            'ي' => ImperfectWeak::Ya,
            _ => ImperfectWeak::Alif,
        };
        return Class::Defective(perfect, imperfect);
    }
    let (np, ns) = (p.len(), s.len());
    if np >= 3 && ns >= 3 && p[np - 2] == 'ا' && matches!(s[ns - 2], 'و' | 'ي' | 'ا') {
        let (pc, sc) = (&p[..np - 2], &s[..ns - 2]);
        if same(&p[np - 1..], &s[ns - 1..]) && (same(pc, sc) || alef_then(pc, sc)) {
            return Class::Hollow;
        }
    }
    let two_letters = (np == 2 && same(p, s)) || (np == 3 && ns == 2 && alef_then(p, s));
    if shadda || two_letters {
        Class::Doubled
    } else {
        Class::Sound
    }
}

/// The imperfect's person prefixes.
const IMPERFECT_PREFIXES: [(Cell, char); 13] = [
    (Cell::Ms3, 'ي'),
    (Cell::Fs3, 'ت'),
    (Cell::Md3, 'ي'),
    (Cell::Fd3, 'ت'),
    (Cell::Mp3, 'ي'),
    (Cell::Fp3, 'ي'),
    (Cell::Ms2, 'ت'),
    (Cell::Fs2, 'ت'),
    (Cell::D2, 'ت'),
    (Cell::Mp2, 'ت'),
    (Cell::Fp2, 'ت'),
    (Cell::S1, 'أ'),
    (Cell::P1, 'ن'),
];

/// The imperfect's suffix series, by cell.
#[derive(Clone, Copy)]
enum SuffixKind {
    None,
    Dual,
    MascPlural,
    FemSingular,
    FemPlural,
}

impl SuffixKind {
    fn of(cell: Cell) -> SuffixKind {
        match cell {
            Cell::Md3 | Cell::Fd3 | Cell::D2 => SuffixKind::Dual,
            Cell::Mp3 | Cell::Mp2 => SuffixKind::MascPlural,
            Cell::Fs2 => SuffixKind::FemSingular,
            Cell::Fp3 | Cell::Fp2 => SuffixKind::FemPlural,
            _ => SuffixKind::None,
        }
    }
}

const IND_SUBJ: Moods = Moods::INDICATIVE.union(Moods::SUBJUNCTIVE);

/// An imperfect form before its person prefix: (stem, suffix, moods).
type Row = (Vec<char>, &'static str, Moods);

/// A regular imperfect's stems.
struct Stems {
    /// Before a suffix, and in the indicative and subjunctive without one (يقول).
    long: Vec<char>,
    /// The jussive without a suffix (لم يقل; a doubled verb's two: لم يشنّ، لم يشنن).
    jussive: Vec<Vec<char>>,
    /// Before the feminine plural's ن (يقلن، يشننّ).
    fem: Vec<char>,
}

fn regular_rows(kind: SuffixKind, stems: &Stems) -> Vec<Row> {
    let Stems { long, jussive, fem } = stems;
    let two = |ind: &'static str, other: &'static str| {
        vec![(long.clone(), ind, Moods::INDICATIVE), (long.clone(), other, Moods::NOT_INDICATIVE)]
    };
    match kind {
        SuffixKind::None => std::iter::once((long.clone(), "", IND_SUBJ))
            .chain(jussive.iter().map(|j| (j.clone(), "", Moods::JUSSIVE)))
            .collect(),
        SuffixKind::Dual => two("ان", "ا"),
        SuffixKind::MascPlural => two("ون", "وا"),
        SuffixKind::FemSingular => two("ين", "ي"),
        SuffixKind::FemPlural => vec![(fem.clone(), "ن", Moods::ALL)],
    }
}

fn defective_rows(kind: SuffixKind, base: &[char], w: ImperfectWeak) -> Vec<Row> {
    let b = base.to_vec();
    let waw = w == ImperfectWeak::Waw;
    let two = |ind: &'static str, other: &'static str| {
        vec![(b.clone(), ind, Moods::INDICATIVE), (b.clone(), other, Moods::NOT_INDICATIVE)]
    };
    match kind {
        SuffixKind::None => {
            let last = match w {
                ImperfectWeak::Waw => "و",
                ImperfectWeak::Ya => "ي",
                ImperfectWeak::Alif => "ى",
            };
            vec![(b.clone(), last, IND_SUBJ), (b.clone(), "", Moods::JUSSIVE)]
        }
        SuffixKind::Dual if waw => two("وان", "وا"),
        SuffixKind::Dual => two("يان", "يا"),
        SuffixKind::MascPlural => two("ون", "وا"),
        SuffixKind::FemSingular => two("ين", "ي"),
        SuffixKind::FemPlural => vec![(b.clone(), if waw { "ون" } else { "ين" }, Moods::ALL)],
    }
}

/// The perfect's suffixes: (cell, on the short stem, suffix).
const PERFECT_SUFFIXES: [(Cell, bool, &str); 13] = [
    (Cell::Ms3, false, ""),
    (Cell::Fs3, false, "ت"),
    (Cell::Md3, false, "ا"),
    (Cell::Fd3, false, "تا"),
    (Cell::Mp3, false, "وا"),
    (Cell::Fp3, true, "ن"),
    (Cell::Ms2, true, "ت"),
    (Cell::Fs2, true, "ت"),
    (Cell::S1, true, "ت"),
    (Cell::D2, true, "تما"),
    (Cell::Mp2, true, "تم"),
    (Cell::Fp2, true, "تن"),
    (Cell::P1, true, "نا"),
];

fn perfect_regular(long: &[char], short: &[char], voice: Voice, out: &mut Vec<RawForm>) {
    for (cell, on_short, suffix) in PERFECT_SUFFIXES {
        let stem = if on_short { short } else { long };
        let infl = Inflection::verb(Aspect::Perfect, cell, Moods::NONE, voice);
        push_joined(out, infl, false, "", stem, suffix);
    }
}

/// A defective perfect: `base` is the perfect without its last letter.
fn perfect_defective(base: &[char], w: PerfectWeak, voice: Voice, out: &mut Vec<RawForm>) {
    for (cell, on_short, suffix) in PERFECT_SUFFIXES {
        let (stem_end, suffix) = match (cell, w) {
            (Cell::Ms3, PerfectWeak::Waw) => ("ا", ""),
            (Cell::Ms3, PerfectWeak::Ya) => ("ى", ""),
            (Cell::Ms3, PerfectWeak::Kasra) => ("ي", ""),
            (Cell::Fs3 | Cell::Fd3, PerfectWeak::Kasra) => ("ي", suffix),
            (Cell::Fs3 | Cell::Fd3 | Cell::Mp3, _) => ("", suffix),
            (Cell::Md3, PerfectWeak::Waw) => ("و", suffix),
            (Cell::Md3, _) => ("ي", suffix),
            (Cell::Fp3, PerfectWeak::Waw) => ("و", suffix),
            (_, PerfectWeak::Waw) if on_short => ("و", suffix),
            _ => ("ي", suffix),
        };
        let stem: Vec<char> = base.iter().copied().chain(stem_end.chars()).collect();
        let infl = Inflection::verb(Aspect::Perfect, cell, Moods::NONE, voice);
        push_joined(out, infl, false, "", &stem, suffix);
    }
}

/// Adds prefix + stem + suffix, and the forms that take an enclitic where those differ:
/// the plural's وا loses its alef (قصفوه، لن يقصفوه), تم becomes تمو (قصفتموه), a final ى
/// becomes ا (نفاه، يلقاه). `weak`: the stem lacks its last root letter.
fn push_joined(
    out: &mut Vec<RawForm>,
    infl: Inflection,
    weak: bool,
    prefix: &str,
    stem: &[char],
    suffix: &str,
) {
    let plural = infl.agreement.contains(Cell::Mp3) || infl.agreement.contains(Cell::Mp2);
    // The enclitic host's (suffix, stem), where it differs from the form's own.
    let host: Option<(&str, Cow<'_, [char]>)> = if plural && suffix.ends_with("وا") {
        Some((suffix.trim_end_matches('ا'), Cow::Borrowed(stem)))
    } else if plural && suffix == "تم" {
        Some(("تمو", Cow::Borrowed(stem)))
    } else if suffix == "ى" {
        Some(("ا", Cow::Borrowed(stem)))
    } else if suffix.is_empty() && stem.last() == Some(&'ى') {
        let mut s = stem.to_vec();
        if let Some(last) = s.last_mut() {
            *last = 'ا';
        }
        Some(("", Cow::Owned(s)))
    } else {
        None
    };
    let own = if host.is_some() { Host::Never } else { Host::Optional };
    let slot = |host| Slot { infl, host, definite: false, weak };
    join(out, slot(own), prefix, stem, merged_suffix(infl, stem, suffix));
    if let Some((suffix, host_stem)) = host {
        join(out, slot(Host::Required), prefix, &host_stem, merged_suffix(infl, stem, suffix));
    }
}

/// The suffix as written after `stem`: a consonant suffix after a stem whose last
/// letter is the same ت or ن is written once, with a shadda (أعلنّا، ثبتّ، شننّ، يعلنّ).
fn merged_suffix<'s>(infl: Inflection, stem: &[char], suffix: &'s str) -> &'s str {
    let fem_plural = infl.agreement.contains(Cell::Fp3) || infl.agreement.contains(Cell::Fp2);
    let vowel_before = [Cell::Ms3, Cell::Fs3, Cell::Md3, Cell::Fd3, Cell::Mp3];
    let sukun_before = fem_plural
        || (infl.aspect == Some(Aspect::Perfect)
            && !vowel_before.iter().any(|&c| infl.agreement.contains(c)));
    match (stem.last(), suffix.chars().next()) {
        (Some(&a), Some(b)) if sukun_before && a == b && matches!(a, 'ت' | 'ن') => {
            &suffix[b.len_utf8()..]
        }
        _ => suffix,
    }
}

/// A hollow stem without its long vowel (قول → قل). A hamza left last takes the seat the
/// vowel gives it (جيء → جئ: جئت، لم يجئ).
fn hollow_short(stem: &[char]) -> Vec<char> {
    let n = stem.len();
    let mut short: Vec<char> = stem[..n - 2].iter().chain(&stem[n - 1..]).copied().collect();
    if let Some(last @ 'ء') = short.last_mut() {
        *last = if stem[n - 2] == 'و' { 'ؤ' } else { 'ئ' };
    }
    short
}

#[cfg(test)]
mod tests {
    use crate::features::Aspect::{Imperative, Imperfect, Perfect};
    use crate::features::{Moods, Voice};
    use crate::paradigm::testing::{cells, forms_of, voices, written};
    use crate::paradigm::Host;

    fn moods(forms: &[crate::Form], word: &str, cell: crate::Cell) -> Moods {
        written(forms, word)
            .into_iter()
            .filter(|f| {
                f.shape.infl.aspect == Some(Imperfect) && f.shape.infl.agreement.contains(cell)
            })
            .fold(Moods::NONE, |m, f| m.union(f.shape.infl.moods))
    }

    #[test]
    fn sound_verb_in_every_person() {
        let f = forms_of("v:قصف/يقصف");
        assert_eq!(cells(&f, "قصف", Perfect), ["3ms"]);
        assert_eq!(cells(&f, "قصفت", Perfect), ["1s", "2ms", "2fs", "3fs"]);
        assert_eq!(cells(&f, "قصفا", Perfect), ["3md"]);
        assert_eq!(cells(&f, "قصفوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "قصفن", Perfect), ["3fp"]);
        assert_eq!(cells(&f, "قصفنا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "قصفتم", Perfect), ["2mp"]);
        assert_eq!(cells(&f, "يقصف", Imperfect), ["3ms"]);
        assert_eq!(cells(&f, "تقصف", Imperfect), ["2ms", "3fs"]);
        assert_eq!(cells(&f, "أقصف", Imperfect), ["1s"]);
        assert_eq!(cells(&f, "نقصف", Imperfect), ["1p"]);
        assert_eq!(cells(&f, "يقصفون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "تقصفين", Imperfect), ["2fs"]);
        assert_eq!(cells(&f, "يقصفن", Imperfect), ["3fp"]);
        assert_eq!(cells(&f, "اقصفوا", Imperative), ["2mp"]);
        assert_eq!(cells(&f, "اقصفي", Imperative), ["2fs"]);
        // Undiacritized, a sound verb's passive is written as its active.
        assert_eq!(voices(&f, "قصف", Perfect), [Voice::Unmarked]);
        assert_eq!(voices(&f, "يقصف", Imperfect), [Voice::Unmarked]);
    }

    #[test]
    fn moods_of_the_imperfect() {
        let f = forms_of("v:قصف/يقصف");
        use crate::Cell::{Fs2, Mp3, Ms3};
        assert_eq!(moods(&f, "يقصفون", Mp3), Moods::INDICATIVE);
        assert_eq!(moods(&f, "يقصفوا", Mp3), Moods::NOT_INDICATIVE);
        assert_eq!(moods(&f, "تقصفين", Fs2), Moods::INDICATIVE);
        assert_eq!(moods(&f, "تقصفي", Fs2), Moods::NOT_INDICATIVE);
        assert_eq!(moods(&f, "يقصف", Ms3), Moods::ALL);
    }

    #[test]
    fn plural_and_final_alef_forms_take_pronouns_in_their_own_spelling() {
        let f = forms_of("v:قصف/يقصف");
        let host = |w: &str| written(&f, w).iter().map(|x| x.shape.host).collect::<Vec<_>>();
        assert_eq!(host("قصفوا"), [Host::Never]);
        assert_eq!(host("قصفو"), [Host::Required]);
        assert_eq!(host("قصفتمو"), [Host::Required]);
        assert!(host("قصف").iter().all(|&h| h == Host::Optional));
        let f = forms_of("v:نفى/ينفي");
        assert!(written(&f, "نفى").iter().any(|x| x.shape.host == Host::Never));
        assert!(written(&f, "نفا").iter().all(|x| x.shape.host == Host::Required));
    }

    #[test]
    fn doubled_verbs_split_before_consonant_suffixes() {
        let f = forms_of("v:شن/يشن");
        assert_eq!(cells(&f, "شننا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "شننت", Perfect), ["1s", "2ms", "2fs"]);
        assert_eq!(cells(&f, "شنت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "شنوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "شنن", Perfect), ["3fp"]);
        assert_eq!(cells(&f, "يشنون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "يشنن", Imperfect), ["3ms", "3fp"], "jussive يشنن, feminine plural");
        assert!(written(&f, "شنننا").is_empty());
        // A derived doubled verb says so with a shadda.
        let f = forms_of("v:احتلّ/يحتلّ");
        assert_eq!(cells(&f, "احتللنا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "احتلت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "يحتللن", Imperfect), ["3fp"]);
        assert_eq!(moods(&f, "يحتلل", crate::Cell::Ms3), Moods::JUSSIVE);
        let f = forms_of("v:أعدّ/يعدّ");
        assert_eq!(cells(&f, "أعددنا", Perfect), ["1p"]);
        let f = forms_of("v:استمرّ/يستمرّ");
        assert_eq!(cells(&f, "استمررنا", Perfect), ["1p"]);
        // Without one the same shape is sound.
        let f = forms_of("v:استمع/يستمع");
        assert_eq!(cells(&f, "استمعنا", Perfect), ["1p"]);
    }

    #[test]
    fn a_stem_ending_in_the_suffixs_letter_writes_it_once() {
        let f = forms_of("v:أعلن/يعلن");
        assert_eq!(cells(&f, "أعلنا", Perfect), ["1p", "3md"]);
        assert_eq!(cells(&f, "يعلن", Imperfect), ["3ms", "3fp"]);
        assert!(written(&f, "أعلننا").is_empty());
        let f = forms_of("v:أثبت/يثبت");
        assert_eq!(cells(&f, "أثبت", Perfect), ["1s", "2ms", "2fs", "3ms"]);
        assert_eq!(cells(&f, "أثبتت", Perfect), ["3fs"]);
    }

    #[test]
    fn hollow_verbs_shorten_and_show_their_passive() {
        let f = forms_of("v:قال/يقول");
        assert_eq!(cells(&f, "قلت", Perfect), ["1s", "2ms", "2fs"]);
        assert_eq!(cells(&f, "قالت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "قالوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "قلنا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "قلن", Perfect), ["3fp"]);
        assert_eq!(cells(&f, "يقولون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "يقلن", Imperfect), ["3fp"]);
        assert_eq!(moods(&f, "يقل", crate::Cell::Ms3), Moods::JUSSIVE);
        assert_eq!(cells(&f, "قل", Imperative), ["2ms"]);
        assert_eq!(cells(&f, "قولوا", Imperative), ["2mp"]);
        assert_eq!(voices(&f, "قال", Perfect), [Voice::Active]);
        assert_eq!(voices(&f, "قيل", Perfect), [Voice::Passive]);
        assert_eq!(voices(&f, "يقال", Imperfect), [Voice::Passive]);
        assert_eq!(voices(&f, "يقول", Imperfect), [Voice::Active]);
        assert_eq!(voices(&f, "قلت", Perfect), [Voice::Unmarked]);
        assert!(written(&f, "قالت").iter().all(|x| !x
            .shape
            .infl
            .agreement
            .contains(crate::Cell::S1)));
        let f = forms_of("v:زار/يزور");
        assert_eq!(cells(&f, "زرنا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "يزورون", Imperfect), ["3mp"]);
        let f = forms_of("v:أعاد/يعيد");
        assert_eq!(cells(&f, "أعدنا", Perfect), ["1p"]);
        assert_eq!(voices(&f, "أعيد", Perfect), [Voice::Passive]);
        assert_eq!(voices(&f, "يعاد", Imperfect), [Voice::Passive]);
        assert_eq!(cells(&f, "يعيدون", Imperfect), ["3mp"]);
        let f = forms_of("v:اختار/يختار");
        assert_eq!(cells(&f, "اخترنا", Perfect), ["1p"]);
        assert_eq!(voices(&f, "اختير", Perfect), [Voice::Passive]);
        let f = forms_of("v:استقال/يستقيل");
        assert_eq!(cells(&f, "استقلت", Perfect), ["1s", "2ms", "2fs"]);
        assert_eq!(cells(&f, "استقالت", Perfect), ["3fs"]);
        let f = forms_of("v:جاء/يجيء");
        assert_eq!(cells(&f, "جئت", Perfect), ["1s", "2ms", "2fs"]);
        assert_eq!(cells(&f, "جاءت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "جاؤوا", Perfect), ["3mp"]);
    }

    #[test]
    fn defective_verbs_by_their_last_letters() {
        let f = forms_of("v:دعا/يدعو");
        assert_eq!(cells(&f, "دعت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "دعوا", Perfect), ["3md", "3mp"]);
        assert_eq!(cells(&f, "دعوت", Perfect), ["1s", "2ms", "2fs"]);
        assert_eq!(cells(&f, "دعونا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "يدعون", Imperfect), ["3mp", "3fp"]);
        assert_eq!(cells(&f, "تدعين", Imperfect), ["2fs", "2fp"], "2fp: the passive تُدعَين");
        assert_eq!(moods(&f, "يدع", crate::Cell::Ms3), Moods::JUSSIVE);
        assert_eq!(voices(&f, "دعي", Perfect), [Voice::Passive]);
        assert_eq!(voices(&f, "يدعى", Imperfect), [Voice::Passive]);
        assert_eq!(cells(&f, "ادعوا", Imperative), ["2d", "2mp"]);
        let f = forms_of("v:نفى/ينفي");
        assert_eq!(cells(&f, "نفت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "نفيا", Perfect), ["3md"]);
        assert_eq!(cells(&f, "نفوا", Perfect), ["3mp"]);
        assert_eq!(
            cells(&f, "نفيت", Perfect),
            ["1s", "2ms", "2fs", "3fs"],
            "3fs: the passive نُفيت"
        );
        assert_eq!(cells(&f, "ينفون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "ينفين", Imperfect), ["3fp"]);
        assert_eq!(cells(&f, "تنفين", Imperfect), ["2fs", "2fp"]);
        assert_eq!(moods(&f, "ينف", crate::Cell::Ms3), Moods::JUSSIVE);
        let f = forms_of("v:سعى/يسعى");
        assert_eq!(cells(&f, "سعت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "يسعى", Imperfect), ["3ms"]);
        assert_eq!(cells(&f, "يسعون", Imperfect), ["3mp"]);
        assert!(written(&f, "يسعا").iter().all(|x| x.shape.host == Host::Required), "يسعاه");
        let f = forms_of("v:لقي/يلقى");
        assert_eq!(cells(&f, "لقيت", Perfect), ["1s", "2ms", "2fs", "3fs"]);
        assert_eq!(cells(&f, "لقوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يلقون", Imperfect), ["3mp"]);
        let f = forms_of("v:ألقى/يلقي");
        assert_eq!(cells(&f, "ألقت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "ألقينا", Perfect), ["1p"]);
        assert_eq!(voices(&f, "ألقي", Perfect), [Voice::Active, Voice::Passive], "ألقى / أُلقي");
        let f = forms_of("v:اعتدى/يعتدي");
        assert_eq!(cells(&f, "اعتدوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يعتدون", Imperfect), ["3mp"]);
        // A final ى after ي is written ا.
        let f = forms_of("v:أحيا/يحيي");
        assert_eq!(cells(&f, "أحيا", Perfect), ["3ms"]);
        assert_eq!(cells(&f, "أحيت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "يحيون", Imperfect), ["3mp"]);
        assert_eq!(voices(&f, "يحيا", Imperfect), [Voice::Passive]);
        let f = forms_of("v:رأى/يرى");
        assert_eq!(cells(&f, "رأت", Perfect), ["3fs"]);
        assert_eq!(cells(&f, "رأينا", Perfect), ["1p"]);
        assert_eq!(cells(&f, "يرون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "نرى", Imperfect), ["1p"]);
    }

    #[test]
    fn assimilated_and_hamzated_verbs() {
        let f = forms_of("v:وصل/يصل");
        assert_eq!(cells(&f, "يصلون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "وصلوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "صل", Imperative), ["2ms"]);
        assert_eq!(voices(&f, "يوصل", Imperfect), [Voice::Passive]);
        let f = forms_of("v:أكد/يؤكد");
        assert_eq!(cells(&f, "يؤكدون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "أؤكد", Imperfect), ["1s"]);
        assert_eq!(cells(&f, "أكدوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "أكد", Imperative), ["2ms"]);
        let f = forms_of("v:بدأ/يبدأ");
        assert_eq!(cells(&f, "بدأوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "بدؤوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يبدؤون", Imperfect), ["3mp"]);
        let f = forms_of("v:أخذ/يأخذ");
        assert_eq!(cells(&f, "آخذ", Imperfect), ["1s"]);
        assert_eq!(voices(&f, "يؤخذ", Imperfect), [Voice::Passive]);
    }

    #[test]
    fn derived_forms_take_their_stems_from_the_two_forms() {
        let f = forms_of("v:دمر/يدمر");
        assert_eq!(cells(&f, "دمروا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يدمرون", Imperfect), ["3mp"]);
        let f = forms_of("v:هاجم/يهاجم");
        assert_eq!(cells(&f, "هاجمت", Perfect), ["1s", "2ms", "2fs", "3fs"]);
        assert_eq!(voices(&f, "هوجم", Perfect), [Voice::Passive]);
        assert_eq!(voices(&f, "هاجم", Perfect), [Voice::Active]);
        let f = forms_of("v:أطلق/يطلق");
        assert_eq!(cells(&f, "أطلقوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يطلقون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "أطلق", Imperfect), ["1s"]);
        let f = forms_of("v:تبادل/يتبادل");
        assert_eq!(cells(&f, "تبادلوا", Perfect), ["3mp"]);
        assert_eq!(cells(&f, "يتبادلان", Imperfect), ["3md"]);
        assert_eq!(voices(&f, "تبودل", Perfect), [Voice::Passive]);
        let f = forms_of("v:انسحب/ينسحب");
        assert_eq!(cells(&f, "انسحبت", Perfect), ["1s", "2ms", "2fs", "3fs"]);
        let f = forms_of("v:اعتقل/يعتقل");
        assert_eq!(cells(&f, "اعتقلوا", Perfect), ["3mp"]);
        let f = forms_of("v:استهدف/يستهدف");
        assert_eq!(cells(&f, "يستهدفون", Imperfect), ["3mp"]);
        assert_eq!(cells(&f, "استهدفنا", Perfect), ["1p"]);
    }

    #[test]
    fn explicit_forms_and_exclusions() {
        let f = forms_of("v:عبر/يعبر -عبر");
        assert!(written(&f, "عبر").is_empty());
        assert_eq!(cells(&f, "عبرت", Perfect), ["1s", "2ms", "2fs", "3fs"]);
        let f = forms_of("v:أخذ/يأخذ +خذ=c2ms +خذوا=c2mp");
        assert_eq!(cells(&f, "خذ", Imperative), ["2ms"]);
        assert_eq!(cells(&f, "خذوا", Imperative), ["2mp"]);
        assert!(written(&forms_of("v:أخذ/يأخذ"), "خذ").is_empty());
    }
}
