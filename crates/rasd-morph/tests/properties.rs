//! Properties of the analyzer over every lemma of the data files and of the test lexicon
//! (`tests/lemmas.tsv`, about 700 lemmas): every form of every entry, spelled with every
//! clitic it takes, analyzes back to its entry and features; any input analyzes without a
//! panic.

mod common;

use proptest::prelude::*;
use rasd_morph::{
    generate, spell, Aspect, Entry, Form, Host, Lexicon, Moods, Pos, Proclitics, Pronoun, Voice,
};

fn entries() -> Vec<Entry> {
    let cells = common::lemma_cells();
    let parse = |c: &common::Cell| {
        Entry::parse(&c.text).unwrap_or_else(|e| panic!("{}:{}: {e}", c.file.display(), c.line))
    };
    cells.iter().map(parse).collect()
}

const PRONOUNS: [Pronoun; 11] = [
    Pronoun::S1,
    Pronoun::P1,
    Pronoun::S2,
    Pronoun::D2,
    Pronoun::Mp2,
    Pronoun::Fp2,
    Pronoun::Ms3,
    Pronoun::Fs3,
    Pronoun::D3,
    Pronoun::Mp3,
    Pronoun::Fp3,
];

/// The proclitic sets a form takes, and the moods each leaves an imperfect.
fn proclitics(f: &Form, enclitic: bool) -> Vec<(Proclitics, Moods)> {
    let mut out = Vec::new();
    for conj in [Proclitics::NONE, Proclitics::WA, Proclitics::FA] {
        if f.shape.infl.pos == Pos::Verb {
            out.push((conj, f.shape.infl.moods));
            if f.shape.infl.aspect == Some(Aspect::Imperfect) {
                for (p, m) in [
                    (Proclitics::FUTURE, Moods::INDICATIVE),
                    (Proclitics::LAM, Moods::NOT_INDICATIVE),
                ] {
                    let moods = f.shape.infl.moods.intersect(m);
                    if !moods.is_empty() {
                        out.push((conj.with(p), moods));
                    }
                }
            }
            continue;
        }
        for prep in [Proclitics::NONE, Proclitics::BI, Proclitics::LI, Proclitics::KA] {
            out.push((conj.with(prep), Moods::NONE));
            if f.shape.definite && !enclitic {
                out.push((conj.with(prep).with(Proclitics::ARTICLE), Moods::NONE));
            }
        }
    }
    out
}

/// The enclitics a form takes (`None`: none).
fn enclitics(f: &Form) -> Vec<Option<Pronoun>> {
    let mut out = Vec::new();
    if f.shape.host != Host::Required {
        out.push(None);
    }
    let passive = f.shape.infl.voice == Voice::Passive;
    if f.shape.host != Host::Never && !passive {
        out.extend(PRONOUNS.map(Some));
    }
    out
}

#[test]
fn every_form_with_every_clitic_analyzes_back() {
    let entries = entries();
    assert!(entries.len() >= 600, "{}", entries.len());
    let lex = Lexicon::from_entries(entries.iter().cloned().map(|e| (e, ())).collect());
    let mut checked = 0usize;
    let mut buf = Vec::new();
    for (k, entry) in entries.iter().enumerate() {
        for f in generate(entry) {
            // A one-letter form (يرى's jussive ير is two) is no word to look up.
            if f.text.chars().count() < 2 {
                continue;
            }
            let verb = f.shape.infl.pos == Pos::Verb;
            for enc in enclitics(&f) {
                for (pro, moods) in proclitics(&f, enc.is_some()) {
                    let word = spell(pro, &f.text, enc, verb);
                    buf.clear();
                    lex.analyze_into(&word, &mut buf);
                    let mut want = f.shape.infl;
                    want.moods = moods;
                    if verb && enc.is_some() {
                        want.voice = Voice::Active;
                    }
                    let found = buf.iter().any(|a| {
                        a.entry as usize == k
                            && a.infl == want
                            && a.proclitics == pro
                            && a.enclitic == enc
                            && &word[a.core()] == f.text.as_str()
                            && a.stem()
                                == (a.core().start + usize::from(f.shape.stem_start)
                                    ..a.core().start + usize::from(f.shape.stem_end))
                    });
                    assert!(
                        found,
                        "{} {word}: want {want:?} {pro:?} {enc:?}, got {buf:?}",
                        entry.lemma
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 2_000_000, "{checked}");
}

/// Arabic-looking text: letters, clitics, and anything else.
fn arabic_words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "ه", "ها", "هم", "ني", "ي", "ى", "ة", "ا", "أ",
        "ؤ", "ئ", "ء", "ت", "ن", "ون", "وا", "ين", "ات", "قصف", "غار", "دعا", "\u{064F}",
        "\u{0651}", " ", "ـ",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_string), any::<char>().prop_map(|c| c.to_string())],
        0..30,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_input_analyzes_without_panic(raw in arabic_words(), other in any::<String>()) {
        let lex = Lexicon::new([("v:قصف/يقصف", 0), ("n:غارة/غارات", 1), ("v:دعا/يدعو", 2)]).unwrap();
        for text in [&raw, &other] {
            let view = rasd_text::normalize(text);
            let tokens = rasd_text::tokenize(&view);
            let all = lex.analyze_tokens(&view, &tokens);
            for (i, t) in tokens.iter().enumerate() {
                let word = t.text(&view);
                for a in all.of(i) {
                    prop_assert!(word.get(a.core()).is_some() && word.get(a.stem()).is_some());
                    let _ = rasd_morph::voice(text, a);
                }
            }
            // Unfolded input too: the analyzer must not assume its caller folded it.
            let _ = lex.analyze(text);
            for w in text.split(' ') {
                for a in lex.analyze(w) {
                    let _ = rasd_morph::voice(w, &a);
                }
            }
        }
    }
}
