//! Per-token lexicon matches of one document.

use std::cell::Cell;

use rasd_attribution::Doc;
use rasd_model::Group;
use rasd_morph::{Proclitics, Pronoun};
use rasd_text::{Sparse, TokenKind};

use crate::lexicon::{lexicon, Cue, Term};

/// Per token, a lookup made when first asked for: `None` until then.
type Memo<T> = Vec<Cell<Option<Option<T>>>>;

/// A casualty term found at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TermAt {
    /// One past its last token.
    pub end: usize,
    pub term: Term,
    /// Its first word carries a conjunction or preposition ("وجُرح").
    pub prefixed: bool,
}

/// Per-token lexicon matches. Casualty terms are read at every word (every one may
/// start an implicit figure); person nouns and cues are asked about only next to figures
/// and terms, so each token is looked up the first time it is asked about.
pub(crate) struct Marks<'d, 'a> {
    pub doc: &'d Doc<'a>,
    /// Per token, the casualty term starting there (few tokens start one).
    terms: Sparse<TermAt>,
    /// Per token: `None` until asked about, then the person noun starting there, if any
    /// (its end as 32 bits: these tables span every token, and smaller ones stay in
    /// cache).
    person: Memo<(u32, Group, bool)>,
    /// As `person`, for the cues.
    cue: Memo<(u32, Cue)>,
}

impl<'d, 'a> Marks<'d, 'a> {
    /// The casualty terms of `doc`: the longest phrase at each word, else a form of a
    /// lemma.
    pub fn new(doc: &'d Doc<'a>) -> Self {
        let lex = lexicon();
        let n = doc.tokens.len();
        let mut terms = Sparse::new(n);
        let mut buf = Vec::new();
        for i in 0..n {
            if !doc.is_word(i) {
                continue;
            }
            if let Some(x) = doc.phrase_at(&lex.terms, i) {
                terms.set(i, TermAt { end: x.end, term: *x.value, prefixed: x.prefix > 0 });
                continue;
            }
            if doc.tokens[i].kind != TokenKind::Arabic {
                continue;
            }
            buf.clear();
            lex.term_lemmas.analyze_into(doc.w(i), &mut buf);
            // "أسرة" (a household) folds to "أسره" (captured him): a word written with ة
            // carries no pronoun ه.
            if buf.iter().any(|a| a.enclitic == Some(Pronoun::Ms3)) && ends_in_ta_marbuta(doc, i) {
                buf.retain(|a| a.enclitic != Some(Pronoun::Ms3));
            }
            if let Some(a) = buf.first() {
                let prefixed = a.proclitics != Proclitics::NONE;
                terms.set(i, TermAt { end: i + 1, term: *lex.term_lemmas.payload(a), prefixed });
            }
        }
        Marks { doc, terms, person: vec![Cell::new(None); n], cue: vec![Cell::new(None); n] }
    }

    /// The casualty term starting at token `t`.
    pub fn term(&self, t: usize) -> Option<TermAt> {
        self.terms.get(t).copied()
    }

    /// The person noun starting at token `t` (none past the end): its end, group and
    /// whether it is singular.
    pub fn person(&self, t: usize) -> Option<(usize, Group, bool)> {
        let found = self.memo(&self.person, t, |doc| {
            doc.phrase_at(&lexicon().persons, t).map(|x| (x.end as u32, x.value.0, x.value.1))
        });
        found.map(|(end, group, one)| (end as usize, group, one))
    }

    /// The cue starting at token `t` (none past the end), with its end.
    pub fn cue(&self, t: usize) -> Option<(usize, Cue)> {
        let found = self.memo(&self.cue, t, |doc| {
            doc.phrase_at(&lexicon().cues, t).map(|x| (x.end as u32, *x.value))
        });
        found.map(|(end, cue)| (end as usize, cue))
    }

    /// Whether the cue at token `t` is `want`.
    pub fn cue_is(&self, t: usize, want: Cue) -> bool {
        self.cue(t).is_some_and(|(_, c)| c == want)
    }

    /// What `look` finds at word token `t` (nothing at other tokens or past the end),
    /// looked up the first time it is asked and remembered in `slots`.
    fn memo<T: Copy>(
        &self,
        slots: &Memo<T>,
        t: usize,
        look: impl FnOnce(&Doc<'_>) -> Option<T>,
    ) -> Option<T> {
        let slot = slots.get(t)?;
        if let Some(known) = slot.get() {
            return known;
        }
        let found = if self.doc.is_word(t) { look(self.doc) } else { None };
        slot.set(Some(found));
        found
    }
}

/// Whether token `i` is written with a final ة in the text (the view folds it to ه).
fn ends_in_ta_marbuta(doc: &Doc<'_>, i: usize) -> bool {
    doc.span(i, i + 1).text.trim_end_matches(|c: char| !c.is_alphabetic()).ends_with('ة')
}
