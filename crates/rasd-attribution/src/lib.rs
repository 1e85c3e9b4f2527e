//! Attribution: who a figure or an event is attributed to, and the token-level view of a
//! document that the extraction stages after entity linking share.
//!
//! Arabic news attributes almost every figure: "وقالت وزارة الدفاع ... إن 36 ...",
//! "بحسب بيانات باكو ...", "وأضافت أن ..." (the subject carried over from the sentence
//! before). [`Doc::claimant`] finds, for a token, the entity the sentence attributes it
//! to, using the reporting words of `data/lexicon/reporting.tsv`: its lemma rows
//! (`v:قال/يقول`) match every inflection of the verb or noun through `rasd_morph`, its
//! other rows as phrases.
//!
//! ```
//! use rasd_attribution::Doc;
//! let text = "وقالت وزارة الصحة السودانية إن 12 شخصا قتلوا.";
//! let ents = rasd_entities::recognize(rasd_kb::Kb::embedded(), text);
//! let doc = Doc::new(text, &ents, rasd_kb::Kb::embedded());
//! let n = doc.tokens.iter().position(|t| doc.word(t) == "12").unwrap();
//! let c = doc.claimant(n, None).unwrap();
//! assert_eq!(doc.entities[c.entity].country.as_deref(), Some("SDN"));
//! ```
#![deny(missing_docs)]

use std::ops::Range;
use std::sync::OnceLock;

use rasd_kb::keys::WordReadings;
use rasd_kb::Kb;
use rasd_model::{Entity, EntityKind, Span};
use rasd_morph::{Analysis, Aspect, Lexicon, Moods, Pos};
use rasd_text::clitics::TokenClitics;
use rasd_text::phrases::{tsv_rows, PhraseSet};
use rasd_text::{
    normalize, split_sentences, tokenize, CharOffsets, Indexes, Normalized, Token, TokenKind,
};

/// What a reporting word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// قال، أعلن، أفاد ...: the subject is the claimant.
    Say,
    /// بحسب، وفق ...: the entity after it is the claimant.
    According,
    /// نفى ...: the subject denies.
    Deny,
    /// بيانات، تقديرات ...: a noun between "according to" and the claimant.
    Source,
}

const REPORTING: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicon/reporting.tsv"));

fn report_class(class: &str) -> Option<Report> {
    match class {
        "say" => Some(Report::Say),
        "according" => Some(Report::According),
        "deny" => Some(Report::Deny),
        "source" => Some(Report::Source),
        _ => None,
    }
}

/// The rows of the reporting lexicon, as (form, class); `lemmas` picks those written as
/// lemma entries (`v:قال/يقول`), or the others.
fn reporting_rows(lemmas: bool) -> impl Iterator<Item = (&'static str, Report)> {
    tsv_rows(REPORTING).filter_map(move |r| {
        let form = *r.first()?;
        (rasd_morph::is_entry(form) == lemmas).then_some((form, report_class(r.get(1)?)?))
    })
}

/// The reporting lexicon's words and phrases written as such ("بحسب", "وفقا ل"),
/// compiled once.
pub fn reporting() -> &'static PhraseSet<Report> {
    static SET: OnceLock<PhraseSet<Report>> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(reporting_rows(false)))
}

/// The reporting lexicon's lemmas (`v:قال/يقول`, `n:مصدر/مصادر`), compiled once with
/// every form of each.
pub fn reporting_lemmas() -> &'static Lexicon<Report> {
    static LEX: OnceLock<Lexicon<Report>> = OnceLock::new();
    LEX.get_or_init(|| {
        // A bad row fails rasd-morph's test of every lemma cell of data/, so the
        // embedded file parses; were it not to, the phrase rows would still work.
        Lexicon::new(reporting_rows(true)).unwrap_or_default()
    })
}

/// Whether a reading of a reporting lemma introduces what the sentence goes on to say.
/// A verb's imperative ("قل") and bare jussive ("يقل" in "لا يقل عن", not less than) make
/// no statement; a verb with an object pronoun points back to what was said before
/// ("وهو ما تنفيه", "أكده"), not on to the clause after it (and "اضافه" is mostly the
/// masdar إضافة, "in addition").
fn reports(a: &Analysis) -> bool {
    a.infl.pos != Pos::Verb
        || (a.infl.aspect != Some(Aspect::Imperative)
            && a.infl.moods != Moods::JUSSIVE
            && !a.has_object())
}

/// Tokens at most this far from a reporting verb may be its subject.
const SUBJECT_WINDOW: usize = 6;

/// A document as the extraction stages see it: normalized view, tokens, sentences as
/// token ranges, and the entity each token belongs to.
pub struct Doc<'a> {
    /// The document text.
    pub text: &'a str,
    /// The text indexed by code point, to cut span texts out of it.
    offsets: CharOffsets<'a>,
    /// The normalized view.
    pub view: Normalized,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// The entities of the document.
    pub entities: &'a [Entity],
    /// The knowledge base the entities were linked with: every later stage reads a
    /// linked entity's fields (capital, body, media, backer) from it, so a user's own
    /// rows (`--kb DIR`) keep them.
    pub kb: &'a Kb,
    /// For each token, the index of the entity one of whose mentions covers it.
    pub entity_at: Indexes,
    /// Per sentence, its reporting words (computed once; every figure and event asks).
    reports: Vec<Vec<(usize, usize, Report)>>,
    /// First-word readings for phrase lookup, flattened, and per token the range of its
    /// readings.
    readings: Vec<Reading>,
    readings_at: Vec<(u32, u32)>,
}

/// An attribution found for a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Index of the claimant in [`Doc::entities`].
    pub entity: usize,
    /// How it was attributed.
    pub report: Report,
    /// The reporting word's first token.
    pub at: usize,
}

impl<'a> Doc<'a> {
    /// Builds the view of `text` with its linked `entities`.
    pub fn new(text: &'a str, entities: &'a [Entity], kb: &'a Kb) -> Self {
        let view = normalize(text);
        let tokens = tokenize(&view);
        let sentences = split_sentences(&view);
        Self::with_parts(text, view, tokens, &sentences, entities, kb)
    }

    /// As [`Doc::new`], from a view, tokens and sentence spans already computed.
    pub fn with_parts(
        text: &'a str,
        view: Normalized,
        tokens: Vec<Token>,
        sentence_spans: &[[usize; 2]],
        entities: &'a [Entity],
        kb: &'a Kb,
    ) -> Self {
        let clitics = TokenClitics::new(&view, &tokens);
        let readings = WordReadings::new(&view, &tokens, &clitics);
        let offsets = CharOffsets::new(text);
        Self::with_offsets(offsets, view, tokens, readings, sentence_spans, entities, kb)
    }

    /// As [`Doc::with_parts`], with the text already indexed by code point
    /// ([`CharOffsets::new`]; the pipeline indexes it once for entities and here) and the
    /// words' first-word readings already made (`rasd_entities::recognize_indexed` hands
    /// them over).
    pub fn with_offsets(
        offsets: CharOffsets<'a>,
        view: Normalized,
        tokens: Vec<Token>,
        readings: WordReadings,
        sentence_spans: &[[usize; 2]],
        entities: &'a [Entity],
        kb: &'a Kb,
    ) -> Self {
        let text = offsets.text();
        let sentences = sentence_spans
            .iter()
            .copied()
            .map(|[a, b]| {
                let s = tokens.partition_point(|t| (t.start as usize) < a);
                let e = tokens.partition_point(|t| (t.start as usize) < b);
                s..e
            })
            .collect();
        let entity_at = token_entities(&tokens, entities);
        let WordReadings { readings, at: readings_at } = readings;
        let mut doc = Doc {
            text,
            offsets,
            view,
            tokens,
            sentences,
            entities,
            kb,
            entity_at,
            reports: Vec::new(),
            readings,
            readings_at,
        };
        let mut buf = Vec::new();
        doc.reports = (0..doc.sentences.len()).map(|s| doc.find_reports(s, &mut buf)).collect();
        doc
    }

    /// The longest phrase of `set` at token `i`, reading each word once per document.
    #[inline]
    pub fn phrase_at<'s, T>(
        &self,
        set: &'s PhraseSet<T>,
        i: usize,
    ) -> Option<rasd_text::phrases::PhraseMatch<'s, T>> {
        let &(a, b) = self.readings_at.get(i)?;
        let readings = self.readings.get(a as usize..b as usize)?;
        // Most words start no phrase of a set: say so here, inlined at every caller,
        // before the matching proper.
        if !readings.iter().any(|&(_, _, h)| set.may_start(h)) {
            return None;
        }
        self.match_phrase(set, i, readings)
    }

    #[inline(never)]
    fn match_phrase<'s, T>(
        &self,
        set: &'s PhraseSet<T>,
        i: usize,
        readings: &[Reading],
    ) -> Option<rasd_text::phrases::PhraseMatch<'s, T>> {
        let end = self.tokens.get(i)?.nend as usize;
        let view = self.view.as_str().as_bytes();
        // The hashes kept with the readings go to the set as they are, so no key is
        // hashed again. At most eight readings, as ever.
        let keyed = readings
            .iter()
            .take(8)
            .map(|&(p, k, h)| (p, view.get(k as usize..end).unwrap_or_default(), h));
        set.match_hashed(i, keyed, |j| self.word_key(j))
    }

    /// Token `j`'s word without its article and that key's hash, as
    /// `rasd_text::phrases::word_key_at` gives them: read off the word's first reading
    /// (the unanalyzed word, whose key is just that) rather than stripped and hashed
    /// again at each phrase that may go on through it.
    #[inline(always)]
    fn word_key(&self, j: usize) -> Option<(&[u8], u64)> {
        let tok = self.tokens.get(j)?;
        if !tok.is_word() {
            return None;
        }
        if let Some(&(a, b)) = self.readings_at.get(j) {
            if let (true, Some(&(0, k, h))) = (a < b, self.readings.get(a as usize)) {
                let view = self.view.as_str().as_bytes();
                if let Some(w) = view.get(k as usize..tok.nend as usize) {
                    return Some((w, h));
                }
            }
        }
        let (w, h) = rasd_text::phrases::word_key_at(&self.view, &self.tokens, j)?;
        Some((w.as_bytes(), h))
    }

    /// A token's normalized text.
    pub fn word(&self, t: &Token) -> &str {
        t.text(&self.view)
    }

    /// The normalized text of token `i` ("" past the end).
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(&self.view))
    }

    /// True when token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Arabic | TokenKind::Latin))
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|r| r.end <= i).min(self.sentences.len().saturating_sub(1))
    }

    /// The original text of tokens `[i, j)`, borrowed (no span is made).
    pub fn original(&self, i: usize, j: usize) -> &'a str {
        match (self.tokens.get(i), j.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(a), Some(b)) if i < j => self.offsets.slice(a.start as usize, b.end as usize),
            _ => "",
        }
    }

    /// The original text and code-point span of tokens `[i, j)`.
    pub fn span(&self, i: usize, j: usize) -> Span {
        let (s, e) = (self.tokens[i].start as usize, self.tokens[j - 1].end as usize);
        Span { start: s, end: e, text: self.offsets.slice(s, e).to_string() }
    }

    /// Whether an entity may make claims (states, their bodies and people; a capital
    /// speaking for its government). Regions and seas do not.
    fn can_claim(&self, k: usize) -> bool {
        let e = &self.entities[k];
        match e.kind {
            EntityKind::Place => self.kb.capital_state(&e.id).is_some(),
            _ => true,
        }
    }

    /// The first entity able to claim in tokens `[from, to)`.
    fn claimant_in(&self, from: usize, to: usize) -> Option<usize> {
        (from..to.min(self.tokens.len()))
            .find_map(|t| self.entity_at.get(t).filter(|&k| self.can_claim(k)))
    }

    /// The body an unnamed source after a reporting verb is said to be of: "في" or "من"
    /// and an entity that can claim, within a few words ("مصدر أمني في الجيش السوداني",
    /// "مسؤولون من الحكومة"); a place there is where the source is, not who it is.
    fn source_body(&self, from: usize, stop: usize) -> Option<usize> {
        let of = (from..(from + 3).min(stop))
            .take_while(|&t| self.entity_at.get(t).is_none())
            .find(|&t| matches!(self.w(t), "في" | "من"))?;
        let k = self.entity_at.get(of + 1)?;
        (self.entities[k].kind != EntityKind::Place && self.can_claim(k)).then_some(k)
    }

    /// The reporting words of a sentence, as (token, match end, kind).
    pub fn reports(&self, sentence: usize) -> Vec<(usize, usize, Report)> {
        self.sentence_reports(sentence).to_vec()
    }

    /// As [`Doc::reports`], borrowed.
    pub fn sentence_reports(&self, sentence: usize) -> &[(usize, usize, Report)] {
        self.reports.get(sentence).map_or(&[], Vec::as_slice)
    }

    /// The reporting words of a sentence: the longest phrase at each word, else a
    /// reporting lemma's form (`buf` holds a word's analyses).
    fn find_reports(
        &self,
        sentence: usize,
        buf: &mut Vec<Analysis>,
    ) -> Vec<(usize, usize, Report)> {
        let Some(r) = self.sentences.get(sentence) else { return Vec::new() };
        let set = reporting();
        let lemmas = reporting_lemmas();
        let mut out = Vec::new();
        let mut i = r.start;
        while i < r.end {
            // A word inside an entity's name reports nothing: no need to match there.
            if self.entity_at.get(i).is_some() {
                i += 1;
                continue;
            }
            // A verb takes no article: "التابع" is "affiliated", not "تابع" (he went on).
            let verb_with_article = |r: &Report| {
                matches!(r, Report::Say | Report::Deny)
                    && self.w(i).trim_start_matches(['و', 'ف']).starts_with("ال")
            };
            if let Some(m) = self.phrase_at(set, i).filter(|m| !verb_with_article(m.value)) {
                out.push((i, m.end, *m.value));
                i = m.end;
                continue;
            }
            if self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Arabic) {
                buf.clear();
                lemmas.analyze_into(self.w(i), buf);
                if let Some(a) = buf.iter().find(|a| reports(a)) {
                    out.push((i, i + 1, *lemmas.payload(a)));
                }
            }
            i += 1;
        }
        out
    }

    /// Each sentence's attribution, a subject-less reporting verb taking the claimant of
    /// the sentence before ("وأضافت أن ...").
    pub fn sentence_claims(&self) -> Vec<Option<Claim>> {
        let mut out = Vec::with_capacity(self.sentences.len());
        let mut carried: Option<usize> = None;
        for r in &self.sentences {
            let c = self.claimant(r.start.max(r.end.saturating_sub(1)), carried);
            if let Some(c) = c {
                carried = Some(c.entity);
            }
            out.push(c);
        }
        out
    }

    /// Who the sentence attributes token `at` to, given the sentence claims of
    /// [`Doc::sentence_claims`].
    pub fn claimant_with(&self, at: usize, claims: &[Option<Claim>]) -> Option<Claim> {
        let s = self.sentence_of(at);
        let carried =
            s.checked_sub(1).and_then(|p| claims.get(p).copied().flatten()).map(|c| c.entity);
        self.claimant(at, carried)
    }

    /// Who the sentence attributes token `at` to. `carried` is the claimant of the
    /// previous sentence, used when a reporting verb has no subject of its own
    /// ("وأضافت أن ...").
    pub fn claimant(&self, at: usize, carried: Option<usize>) -> Option<Claim> {
        let s = self.sentence_of(at);
        let range = self.sentences.get(s)?.clone();
        let reports = self.sentence_reports(s);
        // "according to X" anywhere in the sentence names the source of what it says.
        for &(i, end, kind) in reports {
            if kind == Report::According {
                let mut from = end;
                while from < range.end
                    && reports.iter().any(|&(r, _, k)| r == from && k == Report::Source)
                {
                    from += 1;
                }
                if let Some(k) = self.claimant_in(from, (from + 3).min(range.end)) {
                    return Some(Claim { entity: k, report: kind, at: i });
                }
            }
        }
        // The nearest reporting verb before the token, else the first one after it.
        let verb = reports
            .iter()
            .rfind(|r| matches!(r.2, Report::Say | Report::Deny) && r.0 < at)
            .or_else(|| reports.iter().find(|r| matches!(r.2, Report::Say | Report::Deny)))
            .copied();
        let (i, end, kind) = verb?;
        // "قال مصدران أمنيان في بغداد", "أفاد مستشفى العودة التابع للأونروا": an unnamed
        // source speaks; only a body it is said to be of claims ("مصدر في الجيش").
        if let Some(&(_, source_end, _)) =
            reports.iter().find(|&&(r, _, k)| r == end && k == Report::Source)
        {
            let body = self.source_body(source_end, range.end)?;
            return Some(Claim { entity: body, report: kind, at: i });
        }
        // Verb-subject order first, then subject-verb.
        let after =
            self.claimant_in(end, (end + SUBJECT_WINDOW).min(range.end).min(at.max(end + 1)));
        let before = || {
            let from = i.saturating_sub(3).max(range.start);
            (from..i).rev().find_map(|t| self.entity_at.get(t).filter(|&k| self.can_claim(k)))
        };
        after.or_else(before).or(carried).map(|k| Claim { entity: k, report: kind, at: i })
    }
}

/// For each token, the index of the entity one of whose mentions covers it.
fn token_entities(tokens: &[Token], entities: &[Entity]) -> Indexes {
    let mut entity_at = Indexes::new(tokens.len());
    for (k, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            let s = tokens.partition_point(|t| (t.end as usize) <= m.start);
            let mut t = s;
            while t < tokens.len() && (tokens[t].start as usize) < m.end {
                entity_at.set(t, k);
                t += 1;
            }
        }
    }
    entity_at
}

/// A first-word reading of a token for phrase lookup: (proclitic bytes, view byte where
/// the article-free key starts; it runs to the token's end, the key's `filter_hash`).
type Reading = (usize, u32, u64);

/// The first token index at or after code point `c`.
pub fn token_at(tokens: &[Token], c: usize) -> usize {
    tokens.partition_point(|t| (t.end as usize) <= c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claimant_of(text: &str, word: &str) -> Option<String> {
        let ents = rasd_entities::recognize(rasd_kb::Kb::embedded(), text);
        let doc = Doc::new(text, &ents, rasd_kb::Kb::embedded());
        let n = doc.tokens.iter().position(|t| doc.word(t) == word)?;
        doc.claimant(n, None).map(|c| doc.entities[c.entity].id.clone())
    }

    #[test]
    fn verb_subject_and_subject_verb() {
        assert_eq!(claimant_of("وقالت أوكرانيا إن 5 جنود قتلوا.", "5").as_deref(), Some("UKR"));
        assert_eq!(claimant_of("روسيا أعلنت أن 5 جنود قتلوا.", "5").as_deref(), Some("RUS"));
    }

    #[test]
    fn according_to_with_a_source_noun() {
        assert_eq!(
            claimant_of("قتل 65 مدنيا، بحسب بيانات باكو.", "65").as_deref(),
            Some("place:baku")
        );
        assert_eq!(claimant_of("قتل 12 شخصا وفق الأمم المتحدة.", "12").as_deref(), Some("org:un"));
    }

    #[test]
    fn phrases_read_off_the_documents_readings_match_as_read_afresh() {
        // Multi-word phrases whose later words carry articles and proclitics, and a
        // first word that starts several.
        let set = PhraseSet::new([
            ("على الأقل", 1),
            ("على حد قول", 2),
            ("على", 3),
            ("وفقا ل", 4),
            ("لقوا حتفهم", 5),
            ("قال", 6),
        ]);
        let text = "وقال المتحدث إن على الأقل 5 قتلوا، وعلى حد قول الشهود لقوا حتفهم؛ \
                    فعلى الاقل وفقا لمصادر، على. على حد";
        let ents = rasd_entities::recognize(rasd_kb::Kb::embedded(), text);
        let doc = Doc::new(text, &ents, rasd_kb::Kb::embedded());
        let mut found = Vec::new();
        for i in 0..doc.tokens.len() + 1 {
            let fresh = set.match_at(&doc.view, &doc.tokens, i);
            assert_eq!(doc.phrase_at(&set, i), fresh, "token {i}");
            found.extend(fresh.map(|m| *m.value));
        }
        assert_eq!(found, [6, 1, 2, 5, 1, 3, 3]);
    }

    #[test]
    fn any_inflection_of_a_reporting_lemma_attributes() {
        // Imperfect, plural, with a conjunction or the future: none of them listed.
        for (text, word, claimant) in [
            ("وتؤكد أوكرانيا أن 5 جنود قتلوا.", "5", "UKR"),
            ("يقول الجيش الصومالي إن 9 مسلحين قتلوا.", "9", "SOM"),
            ("وأشارت الأمم المتحدة إلى أن 12 ألف شخص نزحوا.", "12", "org:un"),
            ("وستعلن إثيوبيا أن 40 جنديا قتلوا.", "40", "ETH"),
        ] {
            assert_eq!(claimant_of(text, word).as_deref(), Some(claimant), "{text}");
        }
    }

    #[test]
    fn a_denial_in_any_form_is_a_denial() {
        let text = "ونفت روسيا أن تكون 3 مستشفيات قصفت.";
        let ents = rasd_entities::recognize(rasd_kb::Kb::embedded(), text);
        let doc = Doc::new(text, &ents, rasd_kb::Kb::embedded());
        let n = doc.tokens.iter().position(|t| doc.word(t) == "3").unwrap();
        let c = doc.claimant(n, None).unwrap();
        assert_eq!((c.report, doc.entities[c.entity].id.as_str()), (Report::Deny, "RUS"));
    }

    #[test]
    fn jussive_and_imperative_forms_report_nothing() {
        // "يقل" is قال's jussive but here "decreases": "not less than".
        assert_eq!(claimant_of("قتل ما لا يقل عن 20 شخصا في دارفور.", "20"), None);
        let set = reporting_lemmas();
        let said = |w: &str| set.analyze(w).iter().any(reports);
        assert!(said("قالوا") && said("وتقول") && said("سيقولون") && said("قيل"));
        assert!(!said("يقل") && !said("قل") && !said("قولوا"));
        // With an object pronoun the verb resumes an earlier statement.
        assert!(!said("تنفيه") && !said("اضافه") && said("نفت"));
    }

    #[test]
    fn an_unnamed_source_claims_only_for_the_body_it_is_of() {
        // A place after the source is where it is, not who it is.
        assert_eq!(claimant_of("وقال مصدران أمنيان في بغداد إن 5 جنود قتلوا.", "5"), None);
        assert_eq!(
            claimant_of("وقال مسؤول في مستشفى ناصر التابع لوزارة الصحة إن 12 شخصا قتلوا.", "12"),
            None
        );
        assert_eq!(
            claimant_of("وقال مصدر في الجيش السوداني إن 9 جنود قتلوا.", "9").as_deref(),
            Some("SDN")
        );
    }

    #[test]
    fn no_attribution_is_none() {
        assert_eq!(claimant_of("قتل 12 شخصا في السودان.", "12"), None);
    }
}
