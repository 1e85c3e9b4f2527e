//! One article as the event stage reads it: its clauses and phrases, the triggers and
//! modality cues found in it, and each entity's participant code, worked out once.

use rasd_attribution::Doc;
use rasd_model::EntityKind;
use rasd_morph::{Analysis, Pos, TokenAnalyses};
use rasd_syntax::{Kind, Parse, Tags};
use rasd_text::Indexes;

use crate::lexicon::{Lexicon, Payload};

/// The caller id of a cue noun laid over the grammar's tags: no trigger.
const NOT_A_TRIGGER: u32 = u32::MAX;

/// A trigger found in the text.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Its first token.
    pub at: usize,
    /// One past its last token.
    pub end: usize,
    /// The frame rows it may be (one lemma may have several: استدعى السفير / الاحتياط).
    pub rows: Vec<u32>,
    /// Whether it is read as a noun (a masdar or another noun), not a verb.
    pub nominal: bool,
    /// Its morphological reading, for a lemma (none for a phrase row).
    pub analysis: Option<Analysis>,
}

/// A modality cue found in the text.
#[derive(Debug, Clone, Copy)]
pub struct CueHit {
    /// Its first token.
    pub at: usize,
    /// One past its last token.
    pub end: usize,
    /// Its row in the lexicon.
    pub cue: u32,
}

/// The article with everything the stage asks again and again.
pub struct Ctx<'d, 'e> {
    /// The token-level document.
    pub doc: &'d Doc<'e>,
    /// The stage's data.
    pub lex: &'d Lexicon,
    /// Clauses and phrases.
    pub parse: Parse<'d>,
    /// Triggers, in text order.
    pub triggers: Vec<Trigger>,
    /// Per token, the trigger starting there.
    pub trigger_at: Indexes,
    /// Modality cues, in text order.
    pub cues: Vec<CueHit>,
    /// Per token, the cue covering it.
    pub cue_at: Indexes,
    /// Every lemma reading of every token (verbs, triggers, cues, word sets).
    readings: TokenAnalyses,
    /// Per entity, its participant code (a state, or INT), if it can take part.
    pub codes: Vec<Option<&'e str>>,
    /// Each sentence's attribution (attribution's `sentence_claims`, asked once).
    pub claims: Vec<Option<rasd_attribution::Claim>>,
    /// Per clause, its verbs and phrases in order, once asked (most clauses never are).
    pub units: Vec<std::cell::OnceCell<Vec<crate::args::Unit>>>,
    /// Per token, the subject and object of the verb there, once asked.
    pub verb_args_at: Vec<std::cell::OnceCell<crate::args::VerbArgs>>,
    /// Per token, whether a time expression holds it ("فجر الجمعة", "الخميس"): such a
    /// phrase is no verb's subject or object.
    pub timed: Vec<bool>,
    /// Per phrase, the first two tokens of its noun where a trigger starts (the acts it
    /// names), found once rather than at every question about the phrase.
    pub phrase_acts: Vec<[Option<usize>; 2]>,
    /// The tokens where an entity's mention starts, in text order, found when first asked.
    mention_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'d, 'e> Ctx<'d, 'e> {
    /// Reads `doc` with `lex`.
    pub fn new(doc: &'d Doc<'e>, lex: &'d Lexicon, times: &[rasd_model::Time]) -> Self {
        // A linked name is read as a name: no lemma of the stage is looked for in it.
        let readings = lex.analyze(&doc.view, &doc.tokens, |t| doc.entity_at.get(t).is_none());
        let mut tags = Tags::with_verbs(doc, &lex.grammar, &readings, |a| match lex.payload(a) {
            Payload::Verb(s) => Some(s),
            _ => None,
        });
        // Cue and trigger readings only ever turn a verb or a nominal into a verb or a
        // nominal, and touch no grammar function: the trigger phrases, which look at
        // those only, are found before them.
        let phrase_at = phrase_triggers(doc, lex, &tags);
        let (wanted, candidates) = lay_over_readings(doc, lex, &mut tags, &readings, &phrase_at);
        let parse =
            Parse::new_where(doc, &lex.grammar, tags, |s| wanted.get(s).copied().unwrap_or(true));
        let (triggers, trigger_at) =
            collect_triggers(doc, lex, &parse, &phrase_at, &readings, &candidates);
        let (cues, cue_at) = find_cues(doc, lex, &readings);
        let codes = (0..doc.entities.len()).map(|k| entity_code(doc, k)).collect();
        let mut ctx = Ctx {
            doc,
            lex,
            parse,
            triggers,
            trigger_at,
            cues,
            cue_at,
            readings,
            codes,
            claims: doc.sentence_claims(),
            units: Vec::new(),
            verb_args_at: Vec::new(),
            timed: timed_tokens(doc, times),
            phrase_acts: Vec::new(),
            mention_starts: std::cell::OnceCell::new(),
        };
        ctx.phrase_acts =
            (0..ctx.parse.phrases.list.len()).map(|p| ctx.acts_in_phrase(p)).collect();
        ctx.units = (0..ctx.parse.clauses.list.len()).map(|_| std::cell::OnceCell::new()).collect();
        ctx.verb_args_at = (0..doc.tokens.len()).map(|_| std::cell::OnceCell::new()).collect();
        ctx
    }

    /// Whether token `t` is a word of word set `set` (by lemma or phrase).
    pub fn in_set(&self, t: usize, set: u16) -> bool {
        self.readings.of(t).iter().any(|a| self.lex.payload(a) == Payload::Set(set))
            || self.doc.phrase_at(&self.lex.set_phrases, t).is_some_and(|m| m.value.contains(&set))
    }

    /// The tokens where an entity's mention starts, in text order.
    pub fn mention_starts(&self) -> &[usize] {
        self.mention_starts.get_or_init(|| {
            let at = |t: usize| self.doc.entity_at.get(t);
            (0..self.doc.tokens.len())
                .filter(|&t| at(t).is_some() && (t == 0 || at(t - 1) != at(t)))
                .collect()
        })
    }

    /// Whether token `t` reads as a singular word of set `set` (a lemma entry's reading).
    pub fn in_set_singular(&self, t: usize, set: u16) -> bool {
        self.readings.of(t).iter().any(|a| {
            self.lex.payload(a) == Payload::Set(set)
                && !matches!(
                    a.infl.number,
                    Some(rasd_morph::Number::Plural | rasd_morph::Number::Dual)
                )
        })
    }

    /// The participant code of entity `k`.
    pub fn code(&self, k: usize) -> Option<&'e str> {
        self.codes.get(k).copied().flatten()
    }

    /// The states a place belongs to: the one holding it de facto, then the one it lies
    /// in (a strike by the one on it is on the other).
    pub fn place_states(&self, k: usize) -> Vec<&'e str> {
        let kb = self.doc.kb;
        let e = &self.doc.entities[k];
        match e.kind {
            EntityKind::Country => self.code(k).into_iter().collect(),
            EntityKind::Place => {
                let Some(p) = kb.by_id(&e.id) else {
                    return e.country.as_deref().into_iter().collect();
                };
                let mut v: Vec<&'e str> =
                    p.backed_by.iter().chain(&p.country).map(String::as_str).collect();
                v.dedup();
                v
            }
            _ => self.code(k).into_iter().collect(),
        }
    }
}

/// Lays the stage's readings over the grammar's tags in one pass over the tokens: cue
/// nouns first ("المقترح": the phrase layer reads them as nouns), then triggers over
/// them, except where a trigger phrase starts. Returns per sentence whether it holds a
/// trigger (only those are cut into clauses and phrases), and the tokens that may be
/// triggers, in order: the parse may choose between a word's readings, but no word
/// without a trigger reading nor phrase becomes one.
fn lay_over_readings(
    doc: &Doc<'_>,
    lex: &Lexicon,
    tags: &mut Tags<'_>,
    readings: &TokenAnalyses,
    phrase_at: &rasd_text::Sparse<(usize, Vec<u32>)>,
) -> (Vec<bool>, Vec<usize>) {
    let mut wanted = vec![false; doc.sentences.len()];
    let mut candidates = Vec::new();
    let last = doc.sentences.len().saturating_sub(1);
    let mut s = 0;
    let mut buf: Vec<Analysis> = Vec::new();
    for t in 0..doc.tokens.len() {
        let phrase = phrase_at.get(t).is_some();
        let all = readings.of(t);
        if !all.is_empty() {
            buf.clear();
            buf.extend(
                all.iter().filter(|a| {
                    matches!(lex.payload(a), Payload::Cue(_)) && a.infl.pos != Pos::Verb
                }),
            );
            if !buf.is_empty() {
                tags.lay_over(doc, t, &buf, |_| NOT_A_TRIGGER);
            }
            if !phrase {
                lay_over_triggers(doc, lex, tags, t, all, &mut buf);
            }
        }
        let tag = &tags[t];
        let trigger = phrase
            || tag.caller.is_some_and(|c| c != NOT_A_TRIGGER)
            || tag.alternative.is_some_and(|(_, c)| c.is_some_and(|c| c != NOT_A_TRIGGER));
        if trigger {
            candidates.push(t);
            // The sentence `Doc::sentence_of` gives, found walking forward.
            while doc.sentences.get(s).is_some_and(|r| r.end <= t) {
                s += 1;
            }
            if let Some(w) = wanted.get_mut(s.min(last)) {
                *w = true;
            }
        }
    }
    (wanted, candidates)
}

/// Lays token `t`'s trigger readings (`all` filtered) over its tag.
fn lay_over_triggers(
    doc: &Doc<'_>,
    lex: &Lexicon,
    tags: &mut Tags<'_>,
    t: usize,
    all: &[Analysis],
    buf: &mut Vec<Analysis>,
) {
    buf.clear();
    buf.extend(all.iter().filter(|a| {
        matches!(lex.payload(a), Payload::Trigger(_))
            && believable(a)
            && hamza_as_written(doc, t, a, lex)
    }));
    if !buf.is_empty() {
        tags.lay_over(doc, t, buf, |a| match lex.payload(a) {
            Payload::Trigger(r) => r,
            _ => NOT_A_TRIGGER,
        });
    }
}

/// Which tokens a time expression holds.
fn timed_tokens(doc: &Doc<'_>, times: &[rasd_model::Time]) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for time in times {
        let (s, e) = (time.span.start, time.span.end);
        let first = doc.tokens.partition_point(|t| (t.end as usize) <= s);
        for (i, tok) in doc.tokens.iter().enumerate().skip(first) {
            if tok.start as usize >= e {
                break;
            }
            out[i] = true;
        }
    }
    out
}

/// Whether a trigger reading is one news text uses: not an imperative, and not a
/// passive that only a weak verb's letters mark ("زير" of زار is the noun "وزير"'s
/// letters, not "he was visited").
fn believable(a: &Analysis) -> bool {
    a.infl.aspect != Some(rasd_morph::Aspect::Imperative)
        && a.infl.voice != rasd_morph::Voice::Passive
}

/// Whether a verb reading agrees with the hamza the original writes: "إدانتها" (إ) is the
/// noun إدانة with a pronoun, not "أدانتها" (أ), she condemned it — folding makes the two
/// one word, the original does not.
fn hamza_as_written(doc: &Doc<'_>, t: usize, a: &Analysis, lex: &Lexicon) -> bool {
    if a.infl.pos != Pos::Verb || !lex.lemmas.entry(a).lemma.starts_with('أ') {
        return true;
    }
    let harakat = |c: &char| ('\u{064B}'..='\u{0652}').contains(c) || *c == '\u{0640}';
    let mut letters = doc.original(t, t + 1).chars().filter(|c| !harakat(c));
    let w = doc.w(t);
    let proclitics = w.get(..usize::from(a.prefix_len)).map_or(0, |p| p.chars().count());
    let first = letters.nth(proclitics);
    first != Some('إ')
}

/// Trigger phrases of several words, matched before lemmas: "وقف إطلاق النار" is a
/// ceasefire, not a halt of a launch.
#[inline(never)]
fn phrase_triggers(
    doc: &Doc<'_>,
    lex: &Lexicon,
    tags: &Tags<'_>,
) -> rasd_text::Sparse<(usize, Vec<u32>)> {
    let mut out = rasd_text::Sparse::new(doc.tokens.len());
    let mut t = 0;
    while t < doc.tokens.len() {
        // Most words are verbs or nominals: the circumstantial mark is looked for in the
        // others only.
        let circ = || tags[t].has(|f| *f == rasd_syntax::Function::Circ);
        // "بحق الرد": a closed-class word may open a phrase of several words, whose
        // first word it is with a preposition written on it.
        let function = tags[t].kind == Kind::Function && !circ();
        if !matches!(tags[t].kind, Kind::Verb | Kind::Nominal | Kind::Function) {
            t += 1;
            continue;
        }
        match doc.phrase_at(&lex.trigger_phrases, t) {
            Some(m) if function && m.end <= t + 1 => t += 1,
            Some(m) if m.end > t + 1 || !m.value.is_empty() => {
                out.set(t, (m.end, m.value.clone()));
                t = m.end;
            }
            _ => t += 1,
        }
    }
    out
}

/// The triggers of the document, once the parse has decided which words are verbs:
/// `candidates` are the tokens that may be one ([`lay_over_readings`]).
#[inline(never)]
fn collect_triggers(
    doc: &Doc<'_>,
    lex: &Lexicon,
    parse: &Parse<'_>,
    phrases: &rasd_text::Sparse<(usize, Vec<u32>)>,
    lemmas: &TokenAnalyses,
    candidates: &[usize],
) -> (Vec<Trigger>, Indexes) {
    let mut out: Vec<Trigger> = Vec::new();
    let mut at = Indexes::new(doc.tokens.len());
    // One past the last phrase found: the words it covers start no trigger.
    let mut free = 0;
    for &t in candidates {
        if t < free {
            continue;
        }
        if let Some((end, rows)) = phrases.get(t) {
            at.set(t, out.len());
            // A circumstantial participle acts as its clause's verb ("، متهما إسرائيل").
            let circ = parse.tags[t].has(|f| *f == rasd_syntax::Function::Circ);
            out.push(Trigger {
                at: t,
                end: *end,
                rows: rows.clone(),
                nominal: !circ,
                analysis: None,
            });
            free = *end;
            continue;
        }
        if let Some(trigger) = lemma_trigger(lex, &parse.tags[t], t, lemmas.of(t)) {
            at.set(t, out.len());
            out.push(trigger);
        }
    }
    (out, at)
}

/// The trigger a word is by its reading in the parse, if it is one.
fn lemma_trigger(
    lex: &Lexicon,
    tag: &rasd_syntax::Tag<'_>,
    t: usize,
    all: &[Analysis],
) -> Option<Trigger> {
    // The caller first: most words are no trigger, and their analysis is not copied.
    if tag.caller.is_none_or(|c| c == NOT_A_TRIGGER) {
        return None;
    }
    let a = tag.analysis?;
    let verb = a.infl.pos == Pos::Verb;
    // Every row of the word's reading in this part of speech.
    let rows: Vec<u32> = all
        .iter()
        .filter(|r| believable(r))
        .filter(|r| (r.infl.pos == Pos::Verb) == verb)
        .filter_map(|r| match lex.payload(r) {
            Payload::Trigger(row) => Some(row),
            _ => None,
        })
        .fold(Vec::new(), |mut v, r| {
            if !v.contains(&r) {
                v.push(r);
            }
            v
        });
    (!rows.is_empty()).then(|| Trigger {
        at: t,
        end: t + 1,
        rows,
        nominal: !verb,
        analysis: Some(a),
    })
}

/// The modality cues of the document.
#[inline(never)]
fn find_cues(doc: &Doc<'_>, lex: &Lexicon, lemmas: &TokenAnalyses) -> (Vec<CueHit>, Indexes) {
    let mut out = Vec::new();
    let mut at = Indexes::new(doc.tokens.len());
    let mut t = 0;
    while t < doc.tokens.len() {
        if doc.entity_at.get(t).is_some() {
            t += 1;
            continue;
        }
        if let Some(m) = doc.phrase_at(&lex.cue_phrases, t) {
            if let Some(&cue) = m.value.first() {
                for u in t..m.end {
                    at.set(u, out.len());
                }
                out.push(CueHit { at: t, end: m.end, cue });
                t = m.end;
                continue;
            }
        }
        let cue = lemmas.of(t).iter().find_map(|a| match lex.payload(a) {
            Payload::Cue(c) => Some(c),
            _ => None,
        });
        if let Some(cue) = cue {
            at.set(t, out.len());
            out.push(CueHit { at: t, end: t + 1, cue });
        }
        t += 1;
    }
    (out, at)
}

/// The participant code of an entity (its state, or INT), if it can take part: a
/// country; a body or official of a state; an international body; an armed group's
/// country; a capital speaking for its state. News outlets report, they do not take part.
fn entity_code<'e>(doc: &Doc<'e>, k: usize) -> Option<&'e str> {
    let entities: &'e [rasd_model::Entity] = doc.entities;
    let e = &entities[k];
    let kb = doc.kb;
    match e.kind {
        // States that no longer exist (ISO 3166-3) appear in history, not as parties.
        EntityKind::Country if matches!(e.id.as_str(), "SUN" | "YUG" | "CSK" | "DDR" | "YMD") => {
            None
        }
        EntityKind::Country => Some(e.id.as_str()),
        EntityKind::Org if kb.by_id(&e.id).is_some_and(|x| x.media) => None,
        EntityKind::Org => Some(e.country.as_deref().unwrap_or("INT")),
        EntityKind::Group => e.country.as_deref(),
        // An official of an international body acts for it ("غوتيريش": INT).
        EntityKind::Person => e.country.as_deref().or_else(|| {
            let body = kb.by_id(kb.by_id(&e.id)?.body.as_deref()?)?;
            match body.kind {
                EntityKind::Org if body.media => None,
                EntityKind::Org => Some(body.country.as_deref().unwrap_or("INT")),
                EntityKind::Group => body.country.as_deref(),
                _ => None,
            }
        }),
        EntityKind::Place => kb.capital_state(&e.id),
    }
}
