//! Word classes per token: what each token is to the clause and phrase layers.
//!
//! A token is punctuation, a number, part of a linked entity, a closed-class word (or
//! the first token of a closed-class phrase: "من قبل", "بعد أن"), a verb, or a nominal
//! (noun, masdar, participle, adjective; an unknown word is taken for a nominal). Verbs
//! and nominals come with their morphological analysis when a lexicon knows them: the
//! grammar's common verbs, or a caller's own lexicon laid over them (the event stage's
//! trigger lemmas), the caller's readings carrying the caller's own ids.

use rasd_attribution::Doc;
use rasd_morph::{Analysis, Aspect, Case, Pos, Proclitics, Pronoun, TokenAnalyses};
use rasd_text::TokenKind;
use rustc_hash::FxHashMap;

use crate::grammar::{Function, Grammar, NegScope, VerbSense};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Punctuation.
    Punct,
    /// Digits.
    Number,
    /// A token of linked entity `k` (an index into the document's entities).
    Entity(usize),
    /// A closed-class word or the first token of a closed-class phrase.
    Function,
    /// A verb.
    Verb,
    /// A noun, masdar, participle or adjective, known or not.
    Nominal,
    /// A later token of a closed-class phrase that began before it.
    Inside,
}

/// One token's tag.
#[derive(Debug, Clone)]
pub struct Tag<'g> {
    /// What the token is.
    pub kind: Kind,
    /// One past the last token of the unit this token starts (a closed-class phrase, an
    /// entity's name); the token's own end otherwise.
    pub end: usize,
    /// The proclitics written on the token (و، ف، ب، ل، ك، ال، سـ).
    pub proclitics: Proclitics,
    /// The pronoun written on it: a verb's object, a noun's possessor, a preposition's
    /// or complementizer's pronoun ("عليها", "أنه").
    pub pronoun: Option<Pronoun>,
    /// Its functions, for [`Kind::Function`].
    pub functions: &'g [(Function, Option<Pronoun>)],
    /// Its analysis as a verb or nominal, when a lexicon knows it.
    pub analysis: Option<Analysis>,
    /// What the grammar knows of it as a verb (a verb of saying, one that governs a
    /// preposition), when the grammar's verbs list it.
    pub sense: Option<VerbSense>,
    /// The caller's id of the reading in use, when it is a caller's (the event stage's
    /// trigger: its frame).
    pub caller: Option<u32>,
    /// A verb reading the tagger set aside for a nominal one ("قصف" after a preposition),
    /// or the other way round, with its caller's id.
    pub alternative: Option<(Analysis, Option<u32>)>,
}

impl<'g> Tag<'g> {
    fn new(kind: Kind, t: usize) -> Self {
        Tag {
            kind,
            end: t + 1,
            proclitics: Proclitics::NONE,
            pronoun: None,
            functions: &[],
            analysis: None,
            sense: None,
            caller: None,
            alternative: None,
        }
    }

    /// Whether the token has a function.
    pub fn has(&self, f: impl Fn(&Function) -> bool) -> bool {
        self.functions.iter().any(|(x, _)| f(x))
    }

    /// Whether the token is a verb.
    pub fn is_verb(&self) -> bool {
        // A match, not the derived comparison: asked of nearly every token.
        matches!(self.kind, Kind::Verb)
    }

    /// Whether the token is nominal (a linked entity counts).
    pub fn is_nominal(&self) -> bool {
        matches!(self.kind, Kind::Nominal | Kind::Entity(_) | Kind::Number)
    }

    /// Whether a conjunction و or ف is written on it.
    pub fn has_conj(&self) -> bool {
        self.proclitics.conjunction()
    }

    /// Whether it carries the article.
    pub fn definite(&self) -> bool {
        self.proclitics.contains(Proclitics::ARTICLE)
    }

    /// Whether the word is an indefinite accusative (tanwin alef: "هجوما", "قتيلا").
    pub fn accusative(&self) -> bool {
        self.analysis.is_some_and(|a| a.infl.case == Case::Accusative)
    }
}

/// The tags of a document's tokens.
#[derive(Debug, Clone)]
pub struct Tags<'g> {
    tags: Vec<Tag<'g>>,
}

impl<'g> std::ops::Deref for Tags<'g> {
    type Target = [Tag<'g>];
    fn deref(&self) -> &[Tag<'g>] {
        &self.tags
    }
}

impl<'g> Tags<'g> {
    /// Tags every token of `doc` with the grammar's words and verbs. A caller with its
    /// own lexicon lays it over with [`Tags::lay_over`], then calls
    /// [`Tags::settle_verbs`] once.
    pub fn new(doc: &Doc<'_>, grammar: &'g Grammar) -> Self {
        let verbs = grammar.verbs().analyze_tokens(&doc.view, &doc.tokens);
        Self::with_verbs(doc, grammar, &verbs, |a| Some(*grammar.verbs().payload(a)))
    }

    /// As [`Tags::new`], with the grammar's verbs already read by a caller that compiled
    /// them into a lexicon of its own: `readings` holds every token's analyses, and
    /// `sense` says which are the grammar's verbs (and what they take).
    #[inline(never)]
    pub fn with_verbs(
        doc: &Doc<'_>,
        grammar: &'g Grammar,
        readings: &TokenAnalyses,
        sense: impl Fn(&Analysis) -> Option<VerbSense>,
    ) -> Self {
        let mut tags: Vec<Tag<'g>> = Vec::with_capacity(doc.tokens.len());
        let mut t = 0;
        while t < doc.tokens.len() {
            let tok = &doc.tokens[t];
            let tag = match tok.kind {
                TokenKind::Punct => Tag::new(Kind::Punct, t),
                TokenKind::Number => Tag::new(Kind::Number, t),
                _ => match doc.entity_at.get(t) {
                    Some(k) => entity_tag(doc, t, k),
                    None => word_tag(doc, grammar, t, readings.of(t), &sense),
                },
            };
            let end = tag.end;
            tags.push(tag);
            for _ in t + 1..end {
                let mut inside = Tag::new(Kind::Inside, tags.len());
                if let Some(k) = doc.entity_at.get(tags.len()) {
                    inside.kind = Kind::Entity(k);
                }
                tags.push(inside);
            }
            t = end.max(t + 1);
        }
        Tags { tags }
    }

    /// Lays a caller's analyses over token `t` (a word that is not an entity nor a
    /// closed-class word): the first reading of `readings` that is a verb and the first
    /// that is nominal are kept, with the caller's id of each; [`Tags::settle_verbs`]
    /// chooses between them. What the grammar knows of the word stays.
    pub fn lay_over(
        &mut self,
        doc: &Doc<'_>,
        t: usize,
        readings: &[Analysis],
        id: impl Fn(&Analysis) -> u32,
    ) {
        let Some(tag) = self.tags.get_mut(t) else { return };
        if !matches!(tag.kind, Kind::Verb | Kind::Nominal) || readings.is_empty() {
            return;
        }
        let ta_marbuta = std::cell::OnceCell::new();
        let verb = active_first(readings).find(|a| plausible_verb_at(doc, t, a, &ta_marbuta));
        let noun = readings.iter().find(|a| a.infl.pos != Pos::Verb);
        let (first, second) = match (verb, noun) {
            (Some(v), Some(n)) => (*v, Some(*n)),
            (Some(v), None) => (*v, None),
            (None, Some(n)) => (*n, None),
            (None, None) => return,
        };
        tag.kind = if first.infl.pos == Pos::Verb { Kind::Verb } else { Kind::Nominal };
        tag.analysis = Some(first);
        tag.caller = Some(id(&first));
        tag.proclitics = first.proclitics;
        tag.pronoun = first.enclitic;
        tag.alternative = second.map(|a| (a, Some(id(&a))));
    }

    /// Reads the clitics of the words no lexicon knows, in the sentences `wanted` says:
    /// the proclitics written before the article (and before a clearly more frequent
    /// word), and a possessor pronoun.
    #[inline(never)]
    pub fn read_nominals(&mut self, doc: &Doc<'_>, wanted: &dyn Fn(usize) -> bool) {
        // What the word lists say of a word is read once per document: the words that
        // need them come back again and again.
        let mut lead: FxHashMap<&str, Proclitics> = FxHashMap::default();
        let mut tail: FxHashMap<&str, Option<Pronoun>> = FxHashMap::default();
        for (s, r) in doc.sentences.iter().enumerate() {
            if !wanted(s) {
                continue;
            }
            for t in r.clone() {
                let tag = &mut self.tags[t];
                if !matches!(tag.kind, Kind::Nominal) || tag.analysis.is_some() {
                    continue;
                }
                let w = doc.w(t);
                tag.proclitics = article_proclitics(w).unwrap_or_else(|| {
                    *lead.entry(w).or_insert_with(|| letter_proclitics(doc.kb, w))
                });
                // The ending first: most words end in no pronoun, and reading the
                // original for a ة costs more. The pronoun is none until read here.
                let Some((rest, stem, p)) = possessor_ending(w) else { continue };
                if !ends_in_ta_marbuta(doc, t) {
                    tag.pronoun = *tail
                        .entry(w)
                        .or_insert_with(|| more_frequent_without(doc.kb, rest, stem, p));
                }
            }
        }
    }

    /// Decides, for each word read both as a verb and as a nominal ("قصف"; "هجوم" is
    /// only nominal), which it is here: a nominal after a preposition, a noun it may be
    /// the genitive of, a number or a demonstrative, or with the article or a preposition
    /// on it; a verb at the head of a clause, after a negation, قد or a subject.
    #[inline(never)]
    pub fn settle_verbs(&mut self) {
        for t in 0..self.tags.len() {
            let Some((alt, alt_id)) = self.tags[t].alternative else { continue };
            let Some(cur) = self.tags[t].analysis else { continue };
            let (verb, noun) = if cur.infl.pos == Pos::Verb { (cur, alt) } else { (alt, cur) };
            let verbal = reads_as_verb(&self.tags, t, &verb, &noun);
            let tag = &mut self.tags[t];
            if verbal != (tag.kind == Kind::Verb) {
                tag.alternative = Some((cur, tag.caller));
                tag.analysis = Some(alt);
                tag.caller = alt_id;
                tag.kind = if verbal { Kind::Verb } else { Kind::Nominal };
                tag.proclitics = alt.proclitics;
                tag.pronoun = alt.enclitic;
            }
        }
    }
}

/// Whether a word with both a verb and a nominal reading is a verb at token `t`.
fn reads_as_verb(tags: &[Tag<'_>], t: usize, verb: &Analysis, noun: &Analysis) -> bool {
    if noun.proclitics.intersects(Proclitics::ARTICLE.with(Proclitics::BI).with(Proclitics::KA))
        && !verb.proclitics.intersects(Proclitics::BI.with(Proclitics::KA))
    {
        return false;
    }
    // A future سـ, a subjunctive ل are verbs' alone; so is a pronoun the noun reading
    // cannot carry ("رفضها" is "her refusal" as well as "she refused it").
    let object_only = verb.has_object() && !noun.has_possessor();
    if verb.future() || verb.proclitics.contains(Proclitics::LAM) || object_only {
        return true;
    }
    let Some(p) = t.checked_sub(1).map(|p| &tags[p]) else { return true };
    match p.kind {
        Kind::Punct => true,
        Kind::Number => false,
        Kind::Function | Kind::Inside => {
            let head = (0..=t - 1).rev().find(|&i| tags[i].kind != Kind::Inside).unwrap_or(0);
            let f = &tags[head];
            if f.has(|x| matches!(x, Function::Prep(_) | Function::Dem | Function::Quant)) {
                return false;
            }
            // "عدم" and "غير" negate nouns.
            !f.has(|x| *x == Function::Neg(NegScope::Noun))
        }
        // After a verb, a second verb is rare: "قصف" after "بدأ" is its object.
        Kind::Verb => false,
        // After a noun: the noun's genitive ("عملية قصف"), unless the noun is a subject
        // and the verb agrees with it (the subject-verb order of "الجيش قصف").
        Kind::Nominal => {
            p.definite()
                && verb.infl.aspect == Some(Aspect::Perfect)
                && !noun.proclitics.conjunction()
        }
        // "روسيا قصفت": a subject named before its verb — unless a verb of the clause
        // came before the name ("أعلنت بريطانيا فرض عقوبات": its object).
        Kind::Entity(_) => !verb_before_in_clause(tags, t),
    }
}

/// Whether a verb stands before token `t` in the same stretch of words, with no
/// punctuation, conjunction or clause marker between that would open a clause of its own.
fn verb_before_in_clause(tags: &[Tag<'_>], t: usize) -> bool {
    for u in (0..t).rev() {
        let tag = &tags[u];
        match tag.kind {
            Kind::Verb => return !tag.has_conj() || u + 1 < t,
            Kind::Punct => return false,
            Kind::Function => {
                let opener = tag.has(|f| {
                    matches!(
                        f,
                        Function::Comp
                            | Function::Rel
                            | Function::Adv(_)
                            | Function::Conj(_)
                            | Function::Neg(_)
                            | Function::Future
                            | Function::Aux { .. }
                    )
                });
                if opener {
                    return false;
                }
            }
            _ => {}
        }
        if tag.has_conj() && matches!(tag.kind, Kind::Verb) {
            return false;
        }
    }
    false
}

/// A token of a linked entity: the unit runs over the entity's tokens; the proclitics
/// glued before the name are read off the text before the mention.
fn entity_tag<'g>(doc: &Doc<'_>, t: usize, k: usize) -> Tag<'g> {
    let mut end = t + 1;
    while end < doc.tokens.len() && doc.entity_at.get(end) == Some(k) {
        end += 1;
    }
    let mut tag = Tag::new(Kind::Entity(k), t);
    tag.end = end;
    tag.proclitics = glued_proclitics(doc, t, k);
    tag
}

/// The proclitics written before entity `k`'s mention inside token `t` ("ولإسرائيل").
pub fn glued_proclitics(doc: &Doc<'_>, t: usize, k: usize) -> Proclitics {
    let tok = &doc.tokens[t];
    let tok_start = tok.start as usize;
    let mention = doc.entities[k]
        .mentions
        .iter()
        .find(|m| m.start >= tok_start && m.start < tok.end as usize);
    let mut p = Proclitics::NONE;
    let Some(m) = mention else { return p };
    // The mention may include a و the name does not start with ("وروسيا"), or start
    // after the proclitics ("لإسرائيل" has its mention at "إسرائيل").
    // Read off the text in place: asked for every token of every name.
    let mut glued = doc.original(t, t + 1).chars().take(m.start - tok_start).peekable();
    if glued.peek().is_none() {
        let name = doc.entities[k].name_ar.as_deref().unwrap_or("");
        if m.text.starts_with('و') && !name.starts_with('و') {
            p = p.with(Proclitics::WA);
        }
        return p;
    }
    glued.fold(p, |p, c| p.with(letter_proclitic(c)))
}

/// The proclitic a letter written before a word stands for (none for other letters).
fn letter_proclitic(c: char) -> Proclitics {
    match c {
        'و' => Proclitics::WA,
        'ف' => Proclitics::FA,
        'ب' => Proclitics::BI,
        'ل' => Proclitics::LI,
        'ك' => Proclitics::KA,
        _ => Proclitics::NONE,
    }
}

/// A word that is not part of an entity: a closed-class word or phrase, a known verb, or
/// a nominal.
fn word_tag<'g>(
    doc: &Doc<'_>,
    grammar: &'g Grammar,
    t: usize,
    readings: &[Analysis],
    sense: &impl Fn(&Analysis) -> Option<VerbSense>,
) -> Tag<'g> {
    if let Some(m) = doc.phrase_at(grammar.words(), t) {
        let mut tag = Tag::new(Kind::Function, t);
        tag.end = m.end;
        tag.functions = m.value.as_slice();
        tag.pronoun = m.value.iter().find_map(|(_, p)| *p);
        tag.proclitics = prefix_proclitics(&doc.w(t)[..m.prefix]);
        return tag;
    }
    // Most words have no reading in any lexicon: a nominal, read when its sentence is cut.
    if readings.is_empty() {
        return Tag::new(Kind::Nominal, t);
    }
    let ta_marbuta = std::cell::OnceCell::new();
    // The grammar's sense first: most readings are a caller's, and need no more reading.
    let verb = active_first(readings).find_map(|a| {
        let s = sense(a)?;
        plausible_verb_at(doc, t, a, &ta_marbuta).then_some((a, s))
    });
    if let Some((a, s)) = verb {
        let mut tag = Tag::new(Kind::Verb, t);
        tag.analysis = Some(*a);
        tag.sense = Some(s);
        tag.proclitics = a.proclitics;
        tag.pronoun = a.enclitic;
        return tag;
    }
    // Its clitics are read when its sentence is cut (Tags::read_nominals): most
    // sentences a caller has no use for are never cut.
    Tag::new(Kind::Nominal, t)
}

/// The possessor written on a noun no lexicon knows ("قواتهم", "مقاتليها") is a pronoun
/// ending whose removal leaves a clearly more frequent word: the ending a word may
/// carry, with the word before it and the word without its conjunction (at most one of
/// the endings fits a word).
fn possessor_ending(w: &str) -> Option<(&str, &str, Pronoun)> {
    const ENDINGS: [(&str, Pronoun); 5] = [
        ("هما", Pronoun::D3),
        ("هم", Pronoun::Mp3),
        ("هن", Pronoun::Fp3),
        ("ها", Pronoun::Fs3),
        ("ه", Pronoun::Ms3),
    ];
    let stem = w.trim_start_matches(['و', 'ف']);
    // Most words end in none of the pronouns' letters: no lookup for them.
    if !stem.ends_with(['ه', 'ا', 'م', 'ن']) {
        return None;
    }
    let (rest, p) = ENDINGS.iter().find_map(|&(e, p)| Some((stem.strip_suffix(e)?, p)))?;
    has_letters(rest, 3).then_some((rest, stem, p))
}

/// The possessor `p` when the word without it (`rest`), alone or with the article
/// ("بلاده": البلاد), is a clearly more frequent word.
fn more_frequent_without(kb: &rasd_kb::Kb, rest: &str, stem: &str, p: Pronoun) -> Option<Pronoun> {
    let zr = kb.zipf(rest).max(definite_zipf(kb, rest, ""));
    (zr >= 3.5 && zr >= kb.zipf(stem) + 0.5).then_some(p)
}

/// The readings with those passive by their letters last: "ووصل" is و + وصل (arrived)
/// before the rare passive of واصل.
fn active_first(readings: &[Analysis]) -> impl Iterator<Item = &Analysis> {
    let passive = |a: &&Analysis| a.infl.voice == rasd_morph::Voice::Passive;
    readings.iter().filter(move |a| !passive(a)).chain(readings.iter().filter(passive))
}

/// Whether a verb reading is one to believe: not a verb with a pronoun where the
/// original writes ة ("تابعة" is no "تابعه"), and not a first-person singular imperfect
/// alone, which news text rarely uses and which many nouns look like ("أصل", "أمل").
fn plausible_verb(a: &Analysis, ta_marbuta: bool) -> bool {
    let only_i = a.infl.agreement.cells().all(|c| c == rasd_morph::Cell::S1)
        && a.infl.aspect == Some(Aspect::Imperfect);
    a.infl.pos == Pos::Verb && !(ta_marbuta && a.enclitic.is_some()) && !only_i
}

/// [`plausible_verb`] for reading `a` of token `t`, its original read for a final ة only
/// for a verb reading with a pronoun, where it matters (reading the original costs);
/// `ta_marbuta` keeps what was read for the token's next reading.
fn plausible_verb_at(
    doc: &Doc<'_>,
    t: usize,
    a: &Analysis,
    ta_marbuta: &std::cell::OnceCell<bool>,
) -> bool {
    let with_pronoun = a.infl.pos == Pos::Verb && a.enclitic.is_some();
    plausible_verb(a, with_pronoun && *ta_marbuta.get_or_init(|| ends_in_ta_marbuta(doc, t)))
}

/// Whether token `t` is written with a final ة: folded, "تابعة" reads like "تابعه" (a
/// verb and its object), which the original tells apart.
pub fn ends_in_ta_marbuta(doc: &Doc<'_>, t: usize) -> bool {
    doc.w(t).ends_with('ه')
        && doc
            .original(t, t + 1)
            .trim_end_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0640}')
            .ends_with('ة')
}

/// The proclitics of a written prefix ("وب", "ف").
fn prefix_proclitics(prefix: &str) -> Proclitics {
    prefix.chars().fold(Proclitics::NONE, |p, c| p.with(letter_proclitic(c)))
}

/// How common a word without proclitics is, counting the forms the frequency list holds
/// more often than it: with the article ("متمردين" as "المتمردين"), and a plural in
/// construct as its plain plural ("ومتمردي حركة X": "المتمردين").
fn word_zipf(kb: &rasd_kb::Kb, w: &str) -> f32 {
    let plain = kb.zipf(w);
    if plain >= 3.5 {
        return plain;
    }
    let construct = if w.ends_with('ي') { definite_zipf(kb, w, "ن") } else { 0.0 };
    plain.max(definite_zipf(kb, w, "")).max(construct)
}

/// How common a word is with the article, and `ending` after it ("ين" for a sound
/// plural's oblique form), built without formatting machinery: this is asked of many
/// words no lexicon knows.
pub(crate) fn definite_zipf(kb: &rasd_kb::Kb, w: &str, ending: &str) -> f32 {
    let mut form = String::with_capacity(w.len() + ending.len() + 4);
    form.push_str("ال");
    form.push_str(w);
    form.push_str(ending);
    kb.zipf(&form)
}

/// The proclitics of a word no lexicon knows. Those written before the article are
/// certain ("والقوات", "بالمدينة", "للجيش"); a first و، ف، ب، ل or ك without it may be a
/// root letter (وزير، بلدة، لجنة), so it is read off only when the rest of the word is a
/// clearly more frequent word in general Arabic ("برفع" → رفع, not "بلدة" → لدة).
/// This is the first step, which needs no word list: the proclitics before the article,
/// or none for a word that starts with none of their letters; `None` when the word list
/// must be asked ([`letter_proclitics`]).
fn article_proclitics(w: &str) -> Option<Proclitics> {
    const ARTICLE: Proclitics = Proclitics::ARTICLE;
    // Every prefix below starts with one of these letters: most words start with none.
    if !w.starts_with(['و', 'ف', 'ب', 'ك', 'ل', 'ا']) {
        return Some(Proclitics::NONE);
    }
    // No prefix is the start of another, so at most one matches and their order does not
    // matter: the article alone, the most common, is tried first.
    for (prefix, flags) in [
        ("ال", ARTICLE),
        ("وال", Proclitics::WA.with(ARTICLE)),
        ("فال", Proclitics::FA.with(ARTICLE)),
        ("وبال", Proclitics::WA.with(Proclitics::BI).with(ARTICLE)),
        ("وكال", Proclitics::WA.with(Proclitics::KA).with(ARTICLE)),
        ("ولل", Proclitics::WA.with(Proclitics::LI).with(ARTICLE)),
        ("بال", Proclitics::BI.with(ARTICLE)),
        ("كال", Proclitics::KA.with(ARTICLE)),
        ("لل", Proclitics::LI.with(ARTICLE)),
    ] {
        if w.strip_prefix(prefix).is_some_and(|r| has_letters(r, 2)) {
            return Some(flags);
        }
    }
    None
}

/// Whether `w` has at least `n` letters (`n` > 0), reading no further than the `n`th:
/// asked of most words, which are much longer.
pub(crate) fn has_letters(w: &str, n: usize) -> bool {
    w.chars().nth(n.saturating_sub(1)).is_some()
}

/// The proclitics of a word without the article, read off when the rest of the word is
/// a clearly more frequent word.
fn letter_proclitics(kb: &rasd_kb::Kb, w: &str) -> Proclitics {
    let mut flags = Proclitics::NONE;
    let mut rest = w;
    for (letter, flag) in [
        ('و', Proclitics::WA),
        ('ف', Proclitics::FA),
        ('ب', Proclitics::BI),
        ('ل', Proclitics::LI),
        ('ك', Proclitics::KA),
    ] {
        let Some(r) = rest.strip_prefix(letter) else { continue };
        // The length first: it needs no lookup.
        let more_frequent = || {
            let zr = word_zipf(kb, r);
            zr >= 3.5 && zr >= kb.zipf(rest) + 0.5
        };
        if has_letters(r, 3) && more_frequent() {
            flags = flags.with(flag);
            rest = r;
        }
    }
    flags
}
