//! Phrases: each clause cut into its verbs, noun phrases and prepositional phrases.
//!
//! A noun phrase runs over nominal words (nouns, masdars, adjectives, numbers, linked
//! names) until a verb, a closed-class word, punctuation or a word that carries و or a
//! preposition: "قوات الجيش السوداني" is one phrase (a head, an idafa chain, an
//! adjective), "مواقع للجيش الأرميني" is a noun phrase and a prepositional phrase
//! attached to it. A prepositional phrase is its preposition (a word, a phrase such as
//! "من قبل", or a letter on the next word: "بالاتفاق", "لإسرائيل") and the noun phrase
//! after it. A noun phrase with و on its first word is coordinated with the phrase
//! before ("بين إسرائيل وحماس", "مصر وقطر").

use std::ops::Range;

use rasd_morph::Proclitics;

use rasd_attribution::Doc;

use crate::clause::Clauses;
use crate::grammar::{Function, Grammar};
use crate::tag::{definite_zipf, has_letters, Kind, Tag};

/// The prepositions written as one letter on a word, by their keys.
const GLUED: [(Proclitics, &str); 3] =
    [(Proclitics::BI, "ب"), (Proclitics::LI, "ل"), (Proclitics::KA, "ك")];

/// A phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Its tokens: for a prepositional phrase, from the preposition on.
    pub tokens: Range<usize>,
    /// The first token of its noun phrase (after the preposition).
    pub head: usize,
    /// The preposition's key index (`Grammar::prep_key`), for a prepositional phrase.
    pub prep: Option<u16>,
    /// Joined to the phrase before by و or a comma in a list.
    pub coordinated: bool,
    /// Right after a noun phrase, with nothing between: it may belong to it ("مواقع
    /// للجيش").
    pub after_noun: bool,
    /// An aside set off by commas after a noun phrase ("بوركينا فاسو والنيجر، شريكتا مالي
    /// في التحالف، الهجومين"): it describes the phrase before, it is no argument.
    pub aside: bool,
    /// A comma comes right before it.
    pub after_comma: bool,
    /// Its clause.
    pub clause: usize,
}

impl Phrase {
    /// The tokens of its noun phrase.
    pub fn noun_tokens(&self) -> Range<usize> {
        self.head..self.tokens.end
    }
}

/// The phrases of a document and the phrase of each token.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    /// The phrases, in text order.
    pub list: Vec<Phrase>,
    /// Per token, its phrase (`u32::MAX`: none, e.g. a verb).
    pub at: Vec<u32>,
}

impl Phrases {
    /// The phrase holding token `t`.
    pub fn of(&self, t: usize) -> Option<&Phrase> {
        self.list.get(*self.at.get(t)? as usize)
    }

    /// The index of the phrase holding token `t`.
    pub fn index_of(&self, t: usize) -> Option<usize> {
        self.at.get(t).filter(|&&p| p != u32::MAX).map(|&p| p as usize)
    }
}

/// Cuts every clause into phrases.
#[inline(never)]
pub fn phrases(
    grammar: &Grammar,
    tags: &[Tag<'_>],
    clauses: &Clauses,
    doc: &Doc<'_>,
    wanted: &dyn Fn(usize) -> bool,
) -> Phrases {
    // About a phrase per two or three words: sized once, as a list grown from empty
    // copied itself at each doubling into memory the caches no longer held.
    let list = Vec::with_capacity(tags.len() / 2);
    let mut out = Phrases { list, at: vec![u32::MAX; tags.len()] };
    let glued: Vec<(Proclitics, Option<u16>)> =
        GLUED.iter().map(|&(p, k)| (p, grammar.prep_index(k))).collect();
    for (c, clause) in clauses.list.iter().enumerate().filter(|(_, c)| wanted(c.sentence)) {
        for seg in &clause.segments {
            let first = out.list.len();
            chunk(&Chunker { grammar, tags, doc, glued: &glued }, seg.clone(), c, &mut out);
            let time_before = |ph: &Phrase| grammar.is_time_noun(doc.w(ph.head));
            lists_and_asides(&mut out.list[first..], &time_before);
            let opens_sentence = doc.sentences.get(clause.sentence).map(|r| r.start);
            if opens_sentence == Some(seg.start) {
                dateline(doc, tags, seg.clone(), &mut out.list[first..]);
            }
        }
    }
    out
}

/// Phrases after a comma: items of a list when a later item is joined by و ("مصر، قطر
/// والأردن"); asides when another comma closes them and no و follows; otherwise they
/// go on as they are.
fn lists_and_asides(phrases: &mut [Phrase], is_time: &dyn Fn(&Phrase) -> bool) {
    for q in 0..phrases.len() {
        if !phrases[q].after_comma || phrases[q].coordinated || q == 0 {
            continue;
        }
        // "التقى المبعوث، الأحد، مسؤولين ...": past a day set off by commas the sentence
        // goes on; what follows is no aside.
        if is_time(&phrases[q - 1]) {
            continue;
        }
        // The phrases that hang on it, up to the next comma.
        let mut r = q + 1;
        while r < phrases.len() && phrases[r].after_noun {
            r += 1;
        }
        let closed = phrases.get(r).is_some_and(|n| n.after_comma);
        let list_goes_on = phrases[r.min(phrases.len())..]
            .iter()
            .take_while(|n| n.after_comma || n.coordinated || n.after_noun)
            .any(|n| n.coordinated && n.prep == phrases[q].prep);
        if list_goes_on {
            phrases[q].coordinated = true;
        } else if closed && phrases[q].prep.is_none() {
            for p in &mut phrases[q..r] {
                p.aside = true;
            }
        }
    }
}

/// A dateline ("صنعاء - ", "الفاشر (السودان) - ") opening a sentence: where the story
/// was filed, not the subject of the verb after it. Its phrases become asides.
/// `seg` is the segment that opens its sentence.
fn dateline(doc: &Doc<'_>, tags: &[Tag<'_>], seg: Range<usize>, phrases: &mut [Phrase]) {
    let window = seg.start..seg.end.min(seg.start + 7);
    let dash =
        window.take_while(|&u| !tags[u].is_verb()).find(|&u| matches!(doc.w(u), "-" | "–" | "—"));
    let Some(d) = dash else { return };
    for p in phrases.iter_mut().filter(|p| p.tokens.end <= d) {
        p.aside = true;
    }
}

/// What cutting a segment reads.
struct Chunker<'a, 'g> {
    grammar: &'g Grammar,
    tags: &'a [Tag<'g>],
    doc: &'a Doc<'a>,
    glued: &'a [(Proclitics, Option<u16>)],
}

/// The key of the preposition written on a nominal token, if any.
fn glued_prep(tag: &Tag<'_>, glued: &[(Proclitics, Option<u16>)]) -> Option<u16> {
    if !matches!(tag.kind, Kind::Nominal | Kind::Entity(_)) {
        return None;
    }
    glued.iter().find(|(p, _)| tag.proclitics.contains(*p)).and_then(|(_, k)| *k)
}

/// The preposition a closed-class word or phrase is, if it is one.
fn prep_word(tag: &Tag<'_>) -> Option<u16> {
    if tag.kind != Kind::Function {
        return None;
    }
    tag.functions.iter().find_map(|(f, _)| match f {
        Function::Prep(k) => Some(*k),
        _ => None,
    })
}

/// Whether phrase `q` is only a preposition and its pronoun ("بينها", "به").
fn is_pronoun_prep(tags: &[Tag<'_>], q: &Phrase) -> bool {
    q.prep.is_some() && q.head == q.tokens.start && tags[q.head].kind == Kind::Function
}

/// Whether a noun phrase may start at this token.
fn starts_noun(tag: &Tag<'_>) -> bool {
    matches!(tag.kind, Kind::Nominal | Kind::Entity(_) | Kind::Number)
        || (tag.kind == Kind::Function
            && tag.has(|f| matches!(f, Function::Dem | Function::Quant | Function::Pron)))
}

/// Cuts one clause segment.
fn chunk(c: &Chunker<'_, '_>, seg: Range<usize>, clause: usize, out: &mut Phrases) {
    let tags = c.tags;
    let mut t = seg.start;
    // The end of the last phrase, while only punctuation has come since; and whether a
    // comma has.
    let mut last_end: Option<usize> = None;
    let mut comma = false;
    while t < seg.end {
        let tag = &tags[t];
        let next = tag.end.clamp(t + 1, seg.end);
        // "نحو 1200 شخص": a preposition that is also a quantifier counts a number.
        let counts = tag.has(|f| *f == Function::Quant)
            && tags.get(next).is_some_and(|n| n.kind == Kind::Number);
        let word_prep = prep_word(tag).filter(|_| !counts);
        if word_prep.is_none() && !starts_noun(tag) {
            if tag.kind == Kind::Punct {
                comma |= matches!(c.doc.w(t), "," | "،");
            } else {
                last_end = None;
                comma = false;
            }
            t = next;
            continue;
        }
        // "رحبت به واشنطن", "مواقع لها": a preposition carrying its pronoun is a phrase
        // of its own, the pronoun its noun; the word after it starts the next phrase.
        let with_pronoun = word_prep.is_some() && tag.pronoun.is_some();
        let (prep, head) = match word_prep {
            Some(k) if with_pronoun => (Some(k), t),
            Some(k) => (Some(k), next),
            None => (glued_prep(tag, c.glued), t),
        };
        let end = if with_pronoun { next } else { noun_end(c, head, seg.end).max(next) };
        let coordinated = tag.has_conj();
        let after_noun = last_end == Some(t) && !coordinated && !comma;
        // "، بينها قافلة أردنية": after a comma, a preposition with its pronoun opens a
        // sentence of its own, whose noun describes what came before and is no argument.
        let aside = last_end == Some(t)
            && out.list.last().is_some_and(|q| q.after_comma && is_pronoun_prep(tags, q));
        let p = out.list.len() as u32;
        out.list.push(Phrase {
            tokens: t..end,
            head,
            prep,
            coordinated,
            after_noun,
            aside,
            after_comma: comma && last_end.is_some(),
            clause,
        });
        for slot in &mut out.at[t..end] {
            *slot = p;
        }
        last_end = Some(end);
        comma = false;
        t = end;
    }
}

/// One past the last token of the noun phrase starting at `head`: nominal words go on
/// until one carries و or a preposition, or a word of another kind comes, or a word
/// without the article follows a definite one — an indefinite noun cannot describe a
/// definite one nor be its genitive, so it starts the next phrase ("اعترضت الدفاعات
/// الإسرائيلية | صواريخ", "أعلن الجيش الباكستاني | إسقاط طائرة", "قصفت روسيا |
/// خاركيف").
fn noun_end(c: &Chunker<'_, '_>, head: usize, end: usize) -> usize {
    let (doc, tags) = (c.doc, c.tags);
    let mut t = head;
    let mut definite = false;
    let mut indefinite_words = 0;
    let mut last_entity: Option<usize> = None;
    while t < end {
        let tag = &tags[t];
        let nominal = matches!(tag.kind, Kind::Nominal | Kind::Entity(_) | Kind::Number)
            || (tag.kind == Kind::Function
                && tag.has(|f| matches!(f, Function::Dem | Function::Quant)));
        if !nominal {
            break;
        }
        if t > head && (tag.has_conj() || tag.proclitics.preposition()) {
            break;
        }
        let this_definite = is_definite(tag);
        // "الفريق أول": a rank's qualifier is written without the article. Asked only
        // where it matters, after a definite word: the word lists are looked up then.
        let rank_qualifier = || c.grammar.is_rank(doc.w(t - 1)) && c.grammar.is_adjective(doc.w(t));
        if t > head && definite && !this_definite && !rank_qualifier() {
            break;
        }
        // "هاجم مسلحون مجهولون | قافلة": a sound plural with its ن is in no construct, so
        // an indefinite word after it that does not agree with it starts the next phrase.
        if t > head
            && !definite
            && !this_definite
            && tag.kind == Kind::Nominal
            && !doc.w(t).ends_with("ون")
            && sound_plural(c, t - 1)
        {
            break;
        }
        // "أحرق متظاهرون | العلم الأمريكي": nor is a definite word after it its genitive.
        if t > head
            && !definite
            && tag.kind == Kind::Nominal
            && written_with_article(doc, t)
            && sound_plural(c, t - 1)
        {
            break;
        }
        // "دانت قطر في بيان الهجوم": a statement is no genitive's head; what follows is
        // the verb's object.
        let after_fi = || {
            head > 0 && prep_word(&tags[head - 1]).is_some_and(|k| c.grammar.prep_key(k) == "في")
        };
        if t == head + 1
            && this_definite
            && !definite
            && after_fi()
            && c.grammar.is_statement(doc.w(head))
            && !c.grammar.is_time_noun(doc.w(t))
        {
            break;
        }
        if t > head && definite && (object_after_subject(c, t) || name_after_subject(c, t)) {
            break;
        }
        // A name is no head of a genitive: a noun after it starts the next phrase
        // ("أدانت السعودية | الهجمات الحوثية"), an adjective goes on describing it
        // ("جماعة الحوثي المدعومة من إيران").
        if t > head
            && last_entity == Some(prev_entity(tags, t))
            && !matches!(tag.kind, Kind::Entity(_))
            && !describes_name(c, last_entity, t)
        {
            break;
        }
        if let Kind::Entity(k) = tag.kind {
            // Two names side by side are two phrases ("طالبت مصر | إسرائيل"), unless the
            // second names the first's holder ("الرئيس الأمريكي جو بايدن") or is an
            // adjective ("طائرات أمريكية بريطانية"); after a noun and its adjective a
            // name is no genitive ("في بيان مشترك | روسيا").
            // A one-word name only: "مستشفى كمال عدوان" ends like a nisba too.
            let adjective = tag.end <= t + 1 && nisba_at(doc, t);
            let apposed = last_entity.is_some_and(|j| holder(doc, j, k));
            let second_name = last_entity.is_some() && !apposed && !adjective;
            let after_adjective = last_entity.is_none()
                && indefinite_words >= 2
                && t > head
                && adjective_like(c, t - 1);
            if second_name || (after_adjective && !adjective) {
                break;
            }
            last_entity = Some(k);
        } else if !this_definite {
            indefinite_words += 1;
        }
        definite = this_definite;
        t = tag.end.max(t + 1);
    }
    t
}

/// Whether word `t` starts a verb's object right after its subject, both written with
/// the article ("دانت المملكة | الضربات", "نفت الوزارة | الاتهامات"): a word with the
/// article never heads a genitive, so an act noun after one is no part of its phrase
/// unless it describes it (a nisba or an adjective the grammar lists).
fn object_after_subject(c: &Chunker<'_, '_>, t: usize) -> bool {
    let (prev, tag) = (&c.tags[t - 1], &c.tags[t]);
    let act_noun = |tag: &Tag<'_>| {
        tag.analysis
            .is_some_and(|a| matches!(a.infl.pos, rasd_morph::Pos::Masdar | rasd_morph::Pos::Noun))
    };
    // A participle's shape ("المسيرة" after "الطائرات") may be an adjective.
    let participle_shape = || {
        let w = c.doc.w(t);
        let stem = w.strip_prefix("وال").or_else(|| w.strip_prefix("ال")).unwrap_or(w);
        stem.starts_with('م')
    };
    prev.kind == Kind::Nominal
        && prev.analysis.is_none()
        && written_with_article(c.doc, t - 1)
        && tag.kind == Kind::Nominal
        && act_noun(tag)
        && written_with_article(c.doc, t)
        && !nisba_at(c.doc, t)
        && !c.grammar.is_adjective(c.doc.w(t))
        && !participle_shape()
}

/// Whether the name at token `t` follows a noun written with the article that it cannot
/// be the genitive of ("واتهمت الوزارة | أوكرانيا"): a state, body or group named in full
/// (not a nisba, which describes the noun) after a singular noun — a dual or plural
/// noun may be in apposition with the names that follow ("الجارتان الهند وباكستان").
fn name_after_subject(c: &Chunker<'_, '_>, t: usize) -> bool {
    use rasd_model::EntityKind;
    let Kind::Entity(k) = c.tags[t].kind else { return false };
    let prev = &c.tags[t - 1];
    let w = c.doc.w(t - 1);
    let plural = ["ان", "ين", "ات", "ون"].iter().any(|e| w.ends_with(e));
    matches!(c.doc.entities[k].kind, EntityKind::Country | EntityKind::Org | EntityKind::Group)
        && prev.kind == Kind::Nominal
        && written_with_article(c.doc, t - 1)
        && !plural
        // "للجيش الجنوب سوداني": a state's adjective of two words ends in the nisba.
        && !(t..c.tags[t].end.max(t + 1)).any(|u| nisba_at(c.doc, u))
}

/// Whether word `t` carries the article as written, behind و/ف and ب/ك or as لل:
/// folding makes "إلغاء" look like it.
fn written_with_article(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.original(t, t + 1);
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    let w = w.strip_prefix(['ب', 'ك']).unwrap_or(w);
    (w.starts_with("ال") || w.starts_with("لل")) && w.chars().count() > 3
}

/// Whether nominal word `t` is an indefinite sound masculine plural in the nominative
/// ("مسلحون"): its stem or its plural with the article is a common word (so "قانون"،
/// "مليون" are not).
fn sound_plural(c: &Chunker<'_, '_>, t: usize) -> bool {
    let w = c.doc.w(t);
    c.tags[t].kind == Kind::Nominal
        && !is_definite(&c.tags[t])
        && w.strip_suffix("ون").is_some_and(|stem| {
            let kb = c.doc.kb;
            has_letters(stem, 3)
                && [kb.zipf(stem), definite_zipf(kb, stem, ""), definite_zipf(kb, stem, "ين")]
                    .iter()
                    .any(|&z| z >= 3.5)
        })
}

/// Whether a normalized word has the endings of a nisba adjective (kept here for the
/// event stage, which asks it of phrases).
pub use rasd_text::normalize::is_nisba;

/// The entity of the token before `t`, or `usize::MAX` when it is none.
fn prev_entity(tags: &[Tag<'_>], t: usize) -> usize {
    match t.checked_sub(1).map(|p| tags[p].kind) {
        Some(Kind::Entity(k)) => k,
        _ => usize::MAX,
    }
}

/// Whether word `t`, right after the name of entity `k`, describes it: a nisba, or a
/// participle of a derived verb ("جماعة الحوثي المدعومة", "قوات الدعم السريع المتمردة")
/// after the name of a body — a state's name takes none, so a word after it is its
/// verb's object ("ناشدت إسرائيل المجتمع الدولي").
fn describes_name(c: &Chunker<'_, '_>, k: Option<usize>, t: usize) -> bool {
    let w = c.doc.w(t);
    let state = k.is_some_and(|k| c.doc.entities[k].kind == rasd_model::EntityKind::Country);
    c.grammar.is_adjective(w) || (adjective_like(c, t) && (nisba_at(c.doc, t) || !state))
}

/// Whether word `t` of `doc` ends like a nisba as written: folding makes "القرى" end
/// like "القري", but a nisba never ends in ى.
pub fn nisba_at(doc: &Doc<'_>, t: usize) -> bool {
    is_nisba(doc.w(t)) && !doc.original(t, t + 1).ends_with('ى')
}

/// Whether a word reads as an adjective: a nisba, or a participle of a derived verb
/// ("المدعومة", "الموالية", "المتمردة") that no lexicon knows as a noun, that carries no
/// possessor ("مجالها") and that the grammar does not list as a noun shaped like one
/// ("المجلس", "خارجية").
fn adjective_like(c: &Chunker<'_, '_>, t: usize) -> bool {
    let (w, tag) = (c.doc.w(t), &c.tags[t]);
    let known_noun = tag.analysis.is_some_and(|a| a.infl.pos != rasd_morph::Pos::Verb);
    let stem = w.strip_prefix("وال").or_else(|| w.strip_prefix("ال")).unwrap_or(w);
    !known_noun
        && tag.pronoun.is_none()
        && !c.grammar.is_noun(w)
        && (nisba_at(c.doc, t) || stem.starts_with('م'))
}

/// Whether name `b`, right after name `a`, names its holder: a person of the state or
/// body `a` stands for ("الرئيس الأمريكي جو بايدن", "الأمين العام للناتو ينس
/// ستولتنبرغ").
fn holder(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    use rasd_model::EntityKind;
    match (doc.entities[a].kind, doc.entities[b].kind) {
        (_, EntityKind::Person) => same_side(doc, a, b),
        // "وزراء خارجية مصر": a ministry named with its state.
        (EntityKind::Org, EntityKind::Country) => same_side(doc, a, b),
        _ => false,
    }
}

/// Whether two entities stand for one side: the same state or body, or a person and
/// the state or body they serve.
fn same_side(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    fn side(e: &rasd_model::Entity) -> Option<&str> {
        match e.kind {
            rasd_model::EntityKind::Country => Some(e.id.as_str()),
            _ => e.country.as_deref(),
        }
    }
    side(&doc.entities[a]) == side(&doc.entities[b])
}

/// Whether a word is definite: with the article, a name, or a noun with a possessor
/// written on it ("قواتها").
fn is_definite(tag: &Tag<'_>) -> bool {
    match tag.kind {
        Kind::Entity(_) => true,
        Kind::Number => false,
        _ => tag.definite() || tag.pronoun.is_some(),
    }
}
