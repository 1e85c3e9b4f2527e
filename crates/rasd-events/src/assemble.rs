//! From triggers to events: each trigger's frame row is chosen, its roles filled, its
//! mood read; content and support verbs are set aside; the rest become raw events, one
//! per actor–target pair of a directed act, one per meeting of a mediator with each party.

use std::cell::OnceCell;

use rasd_model::{Event, Explain, ExplainRole, Span, Stance};

use crate::context::Ctx;
use crate::frames::Shape;
use crate::modality::Mood;
use crate::parties::Party;
use crate::roles::{Filled, Filler, Frame};

/// An event before the article-level steps, with its parties as found.
#[derive(Debug, Clone)]
pub struct Raw<'e> {
    /// The event (actors and targets are written from the parties at the end).
    pub event: Event,
    /// Who acts.
    pub actors: Vec<Party<'e>>,
    /// Who is acted upon.
    pub targets: Vec<Party<'e>>,
    /// The parties act together (a meeting, an accord, a clash).
    pub joint: bool,
    /// Its trigger's index.
    pub trigger: usize,
    /// The acts it speaks of (a condemnation's attack), as trigger indexes.
    pub content: Vec<usize>,
}

/// Why a trigger gave no event (for explanations).
#[derive(Debug, Clone)]
pub enum Outcome<'e> {
    /// It gave these events.
    Events(Vec<Raw<'e>>),
    /// It is the content of another act (trigger index).
    Content(usize),
    /// A support verb or تعرض: its noun carries the event.
    Support,
    /// Its mood rules it out.
    NoEvent(&'static str),
    /// No frame row fits (an object outside the row's word set).
    NoFrame,
    /// No party takes part.
    NoParty,
}

/// Each trigger's outcome, in order.
pub fn assemble<'e>(ctx: &Ctx<'_, 'e>) -> Vec<(Option<Filled<'e>>, Mood<'e>, Outcome<'e>)> {
    let Read { fills, moods, outcomes } = read(ctx);
    // Every outcome is read before the fills are handed over: moved, not copied.
    let moods = moods
        .into_iter()
        .enumerate()
        .map(|(i, m)| m.into_inner().unwrap_or_else(|| mood_of(ctx, i)));
    fills.into_roles().zip(moods).zip(outcomes).map(|((f, m), o)| (f, m, o)).collect()
}

/// The raw events of the document's triggers, in order (what [`assemble`] gives, with
/// no mood read for a trigger whose outcome is decided before its mood counts).
pub fn events<'e>(ctx: &Ctx<'_, 'e>) -> Vec<Raw<'e>> {
    read(ctx)
        .outcomes
        .into_iter()
        .filter_map(|o| match o {
            Outcome::Events(r) => Some(r),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The mood of trigger `i`.
fn mood_of<'e>(ctx: &Ctx<'_, 'e>, i: usize) -> Mood<'e> {
    ctx.mood(ctx.triggers[i].at)
}

/// Per trigger: its frame and filled roles, its mood if it was read, its outcome.
struct Read<'c, 'd, 'e> {
    fills: Fills<'c, 'd, 'e>,
    moods: Vec<OnceCell<Mood<'e>>>,
    outcomes: Vec<Outcome<'e>>,
}

/// Per trigger, its frame (none when no row fits), and its roles once asked: a support
/// verb, an act that is another's content and one whose mood rules it out need none,
/// unless another trigger's outcome asks for them.
struct Fills<'c, 'd, 'e> {
    ctx: &'c Ctx<'d, 'e>,
    frames: Vec<Option<Frame>>,
    roles: Vec<OnceCell<Option<Filled<'e>>>>,
}

impl<'c, 'd, 'e> Fills<'c, 'd, 'e> {
    fn new(ctx: &'c Ctx<'d, 'e>) -> Self {
        let n = ctx.triggers.len();
        let frames = (0..n).map(|i| choose_row(ctx, i).map(|row| ctx.frame(i, row))).collect();
        Fills { ctx, frames, roles: (0..n).map(|_| OnceCell::new()).collect() }
    }

    /// Trigger `i`'s frame.
    fn frame(&self, i: usize) -> Option<&Frame> {
        self.frames[i].as_ref()
    }

    /// Trigger `i`'s filled roles, read the first time they are asked for.
    fn roles(&self, i: usize) -> Option<&Filled<'e>> {
        let fill = || self.frames[i].clone().map(|f| self.ctx.fill_framed(i, f, 2));
        self.roles[i].get_or_init(fill).as_ref()
    }

    /// Every trigger's filled roles, those not read yet read now.
    fn into_roles(self) -> impl Iterator<Item = Option<Filled<'e>>> + use<'c, 'd, 'e> {
        let Fills { ctx, frames, roles } = self;
        frames.into_iter().zip(roles).enumerate().map(move |(i, (frame, cell))| {
            cell.into_inner().unwrap_or_else(|| frame.map(|f| ctx.fill_framed(i, f, 2)))
        })
    }
}

fn read<'c, 'd, 'e>(ctx: &'c Ctx<'d, 'e>) -> Read<'c, 'd, 'e> {
    let n = ctx.triggers.len();
    let fills = Fills::new(ctx);
    // Read when an outcome needs it: a support verb, a content or a trigger with no
    // frame never asks.
    let moods: Vec<OnceCell<Mood<'e>>> = (0..n).map(|_| OnceCell::new()).collect();
    // Whose content each trigger is: a speech act's object, an accepted act, the object
    // of a verb of the same type ("حشد الجيش تعزيزات": one act).
    let mut content_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        if let Some(j) = same_act_object(ctx, i, &fills) {
            content_of[j] = Some(i);
        }
    }
    for (i, f) in fills.frames.iter().enumerate() {
        let Some(f) = f else { continue };
        let shape = ctx.lex.classes[f.class].shape;
        if matches!(shape, Shape::Light) {
            continue;
        }
        for &j in &f.content {
            if j != i && content_of[j].is_none() {
                content_of[j] = Some(i);
            }
        }
    }
    let outcomes = (0..n).map(|i| outcome(ctx, i, &fills, &moods, &content_of)).collect();
    Read { fills, moods, outcomes }
}

/// The first frame row of trigger `i` whose object constraint its object meets.
fn choose_row(ctx: &Ctx<'_, '_>, i: usize) -> Option<u32> {
    let tr = &ctx.triggers[i];
    // A row whose object constraint is met goes before one with none ("أرسلت قوات":
    // a deployment, not the support verb of "أرسلت مساعدات").
    let constrained = |r: &&u32| ctx.lex.frames[**r as usize].object.is_some();
    let rows = tr.rows.iter().filter(constrained).chain(tr.rows.iter().filter(|r| !constrained(r)));
    // The object's words are read once, for the first row that asks.
    let mut words: Option<Vec<usize>> = None;
    rows.copied().find(|&row| {
        let f = &ctx.lex.frames[row as usize];
        let object_ok = match f.object {
            None => true,
            Some(set) => words
                .get_or_insert_with(|| object_words(ctx, i))
                .iter()
                .any(|&h| ctx.in_set(h, set)),
        };
        let needs_ok = f.needs.is_none_or(|set| needed_word_follows(ctx, tr.at, set));
        let mood_ok = !f.planned_only || ctx.mood(tr.at).planned;
        object_ok && needs_ok && mood_ok
    })
}

/// Whether a word of `set` follows token `at` in its clause or in a complement clause
/// it introduces ("وصفت X الهجوم | بأنه جريمة").
fn needed_word_follows(ctx: &Ctx<'_, '_>, at: usize, set: u16) -> bool {
    let clauses = &ctx.parse.clauses;
    let Some(c) = clauses.index_of(at) else { return false };
    std::iter::once(&clauses.list[c])
        .chain(clauses.under(c, rasd_syntax::ClauseKind::Comp))
        .any(|cl| cl.tokens().any(|u| u > at && ctx.in_set(u, set)))
}

/// The words of trigger `i`'s object: a verb's object phrase, a nominal's genitive,
/// with a من-phrase after a count ("عشرات الآلاف من جنود الاحتياط").
fn object_words(ctx: &Ctx<'_, '_>, i: usize) -> Vec<usize> {
    let tr = &ctx.triggers[i];
    let p = if tr.nominal {
        ctx.phrase_of(tr.at)
    } else {
        match ctx.verb_args(tr.at).object {
            Some(crate::args::Arg::Phrase(p)) => Some(p),
            _ => None,
        }
    };
    let Some(p) = p else { return Vec::new() };
    let phrases = &ctx.parse.phrases.list;
    let from = if tr.nominal { ctx.trigger_end(tr.at) } else { phrases[p].head };
    let mut words: Vec<usize> = (from..phrases[p].tokens.end).collect();
    if let Some(next) = phrases.get(p + 1).filter(|n| n.after_noun) {
        if ctx.prep_key_of(next) == Some("من") {
            words.extend(next.noun_tokens());
        }
    }
    words
}

fn outcome<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    fills: &Fills<'_, '_, 'e>,
    moods: &[OnceCell<Mood<'e>>],
    content_of: &[Option<usize>],
) -> Outcome<'e> {
    let Some(fr) = fills.frame(i) else { return Outcome::NoFrame };
    let frame = &ctx.lex.frames[fr.row as usize];
    let shape = ctx.lex.classes[fr.class].shape;
    if matches!(shape, Shape::Light | Shape::Undergo) {
        return Outcome::Support;
    }
    // An act accepted ("وافقت على فرض عقوبات") is the act, by the one who accepts; an
    // act denied is an event, marked so.
    let denied_by = content_of[i].filter(|&o| is_denial(ctx, fills, o));
    if let Some(owner) = content_of[i] {
        if !accepted_as_act(ctx, fills, owner, i) && denied_by.is_none() {
            return Outcome::Content(owner);
        }
    }
    let mood = *moods[i].get_or_init(|| mood_of(ctx, i));
    if !mood.yields_event() {
        return Outcome::NoEvent(mood.name());
    }
    // Its parties count from here on.
    let Some(f) = fills.roles(i) else { return Outcome::NoFrame };
    let standalone = f.governed || has_relative_agent(f) || caused_by(ctx, i) || stated(ctx, i);
    if ctx.triggers[i].nominal && !frame.alone && !standalone {
        return Outcome::NoEvent("a noun that is an event only as a verb's object");
    }
    if outside_conflict(ctx, i) {
        return Outcome::NoEvent("sport, weather or markets, not conflict");
    }
    let imperfect = ctx.triggers[i]
        .analysis
        .is_some_and(|a| a.infl.aspect == Some(rasd_morph::Aspect::Imperfect) && !a.future());
    if frame.perfect_only && imperfect && !mood.planned {
        return Outcome::NoEvent("an imperfect that describes a state");
    }
    let denier_only = denied_by.is_some() && f.actors.is_empty() && f.targets.is_empty();
    let mut raws = match shape {
        Shape::Accept => accept(ctx, i, f, fills, &mood),
        Shape::Mediate => mediate(ctx, i, f, fills, &mood),
        Shape::Joint => joint(ctx, i, f, &mood),
        _ => directed(ctx, i, f, &mood),
    };
    if matches!(shape, Shape::Speech | Shape::Deny) {
        for r in &mut raws {
            r.content = f.content.clone();
        }
    }
    // "نفى الجيش قصف السوق": with no one else named, the denier is who is said to act.
    if let Some(denier) = denied_by.and_then(|o| fills.roles(o)) {
        for r in raws.iter_mut().filter(|r| r.actors.is_empty()) {
            r.actors = denier.actors.iter().map(|f| f.party).collect();
        }
    }
    if raws.is_empty() && denier_only {
        // "نفت روسيا أن تكون قد قصفت": the act names no party; the denier is its actor.
        let base = base_event(ctx, i, f, &mood, &type_of(ctx, f, &mood));
        let denier = denied_by.and_then(|o| fills.roles(o)).map_or(&[][..], |d| &d.actors[..]);
        if !denier.is_empty() {
            raws.push(raw(ctx, i, base, denier, &[], false));
        }
    }
    if raws.is_empty() {
        return Outcome::NoParty;
    }
    Outcome::Events(raws)
}

/// Whether trigger `i` speaks of sport, weather or markets: a word of set
/// `not_conflict` in its own phrase ("هجوم مرتد") or in the subject of its verb, or of the
/// verb before a nominal trigger ("ضرب زلزال", "تلقت الليرة ضربة").
fn outside_conflict(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let Some(set) = ctx.lex.known.not_conflict else { return false };
    let tr = &ctx.triggers[i];
    let phrases = &ctx.parse.phrases.list;
    let in_phrase = |p: usize| phrases[p].noun_tokens().any(|u| ctx.in_set(u, set));
    let subject_of = |v: usize| match ctx.verb_args(v).subject {
        Some(crate::args::Arg::Phrase(p)) => in_phrase(p),
        _ => false,
    };
    if tr.nominal {
        let own = ctx.phrase_of(tr.at).is_some_and(in_phrase);
        let c = ctx.parse.clauses.index_of(tr.at);
        let verb_before = c.and_then(|c| {
            ctx.parse.clauses.list[c].tokens().filter(|&v| v < tr.at && ctx.verb_like(v)).last()
        });
        own || verb_before.is_some_and(subject_of)
    } else {
        subject_of(tr.at)
    }
}

/// The nominal trigger that is verb trigger `i`'s object and names the same type of act.
fn same_act_object(ctx: &Ctx<'_, '_>, i: usize, fills: &Fills<'_, '_, '_>) -> Option<usize> {
    let tr = &ctx.triggers[i];
    if tr.nominal {
        return None;
    }
    let fi = fills.frame(i)?;
    if matches!(ctx.lex.classes[fi.class].shape, Shape::Light | Shape::Undergo) {
        return None;
    }
    let ty = &ctx.lex.frames[fi.row as usize].event_type;
    let Some(crate::args::Arg::Phrase(p)) = ctx.verb_args(tr.at).object else { return None };
    let j = ctx.act_in(p)?;
    let same = fills.frame(j).is_some_and(|f| &ctx.lex.frames[f.row as usize].event_type == ty);
    if !same || j == i {
        return None;
    }
    // "استضافت الدوحة محادثات بين X وY": talks with parties of their own, hosted by one
    // who is named alone, are those parties' talks; the host is no party.
    let hosts = || fills.roles(i).map_or(&[][..], |f| &f.actors[..]);
    let hosted = ctx.lex.classes[fi.class].shape == Shape::Joint
        && hosts().len() < 2
        && fills.roles(j).is_some_and(|f| {
            f.actors.len() >= 2
                && !f.actors.iter().any(|a| hosts().iter().any(|h| h.party.code == a.party.code))
        });
    (!hosted).then_some(j)
}

/// Whether trigger `i` heads a phrase of cause (جراء، بسبب، نتيجة، بفعل): "مقتل 28 شخصا
/// جراء الصواريخ الإيرانية" tells the missiles as fired.
fn caused_by(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let Some(p) = ctx.phrase_of(ctx.triggers[i].at) else { return false };
    let ph = &ctx.parse.phrases.list[p];
    ph.head == ctx.triggers[i].at && ctx.prep_key_of(ph) == Some("جراء")
}

/// Whether nominal trigger `i` heads the object of a verb that states a stance (set
/// `state`: "أكدت قطر دعمها لليمن", "جددت الجزائر رفضها"): the noun is then the act, as
/// after a support verb.
fn stated(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let Some(set) = ctx.lex.known.state else { return false };
    let at = ctx.triggers[i].at;
    let Some(p) = ctx.phrase_of(at) else { return false };
    let ph = &ctx.parse.phrases.list[p];
    ph.head == at && ph.prep.is_none() && ctx.governing_verb(p).is_some_and(|v| ctx.in_set(v, set))
}

/// Whether a trigger got its agent from a relative clause ("صواريخ أطلقها حزب الله").
fn has_relative_agent(f: &Filled<'_>) -> bool {
    f.actors.iter().any(|a| matches!(a.slot, "relative clause" | "launched from"))
}

/// Whether trigger `j`, the content of `owner`, is an act that `owner` accepts.
fn accepted_as_act(ctx: &Ctx<'_, '_>, fills: &Fills<'_, '_, '_>, owner: usize, j: usize) -> bool {
    let Some(of) = fills.frame(owner) else { return false };
    let oshape = ctx.lex.classes[of.class].shape;
    oshape == Shape::Accept && of.accepted == Some(j) && !is_talk_or_accord(ctx, fills, j)
}

/// Whether trigger `owner` is a denial (what it denies is an event, marked denied).
fn is_denial(ctx: &Ctx<'_, '_>, fills: &Fills<'_, '_, '_>, owner: usize) -> bool {
    fills.frame(owner).is_some_and(|f| ctx.lex.classes[f.class].shape == Shape::Deny)
}

/// Whether trigger `j` names talks or an accord (accepting one is AGREE).
fn is_talk_or_accord(ctx: &Ctx<'_, '_>, fills: &Fills<'_, '_, '_>, j: usize) -> bool {
    let Some(f) = fills.frame(j) else { return true };
    matches!(ctx.lex.frames[f.row as usize].event_type.as_str(), "AGREE" | "CONSULT" | "REQUEST")
}

/// The event of trigger `i` with no parties yet.
fn base_event(ctx: &Ctx<'_, '_>, i: usize, f: &Filled<'_>, mood: &Mood<'_>, ty: &str) -> Event {
    let tr = &ctx.triggers[i];
    let frame = &ctx.lex.frames[f.row as usize];
    let class = &ctx.lex.classes[f.class];
    let stance = if mood.planned {
        Stance::Planned
    } else if mood.denied {
        Stance::Denied
    } else if mood.claimant.is_some() {
        Stance::Claimed
    } else {
        Stance::Asserted
    };
    let trigger = ctx.doc.span(tr.at, tr.end);
    let explain = Explain {
        frame: format!("{} {}", class.name, frame.lemma),
        modality: mood.name().to_string(),
        cue: mood.cue.map(|(a, b)| ctx.doc.span(a, b)),
        roles: Vec::new(),
    };
    let confidence: f64 = 0.5
        + if f.actors.is_empty() { 0.0 } else { 0.2 }
        + if f.targets.is_empty() { 0.0 } else { 0.1 }
        + if tr.end > tr.at + 1 { 0.1 } else { 0.0 };
    Event {
        event_type: ty.to_string(),
        mode: frame.mode.clone(),
        actors: Vec::new(),
        targets: Vec::new(),
        joint: false,
        locations: Vec::new(),
        date: None,
        claimant: mood.claimant.map(|c| ctx.doc.entities[c.entity].id.clone()),
        stance,
        sentence: ctx.doc.sentence_of(tr.at),
        trigger,
        confidence: confidence.min(0.95),
        explain: Some(explain),
    }
}

/// Adds the roles to an event's explanation.
fn explained<'e>(
    ctx: &Ctx<'_, 'e>,
    mut e: Event,
    actors: &[Filler<'e>],
    targets: &[Filler<'e>],
) -> Event {
    if let Some(x) = e.explain.as_mut() {
        for (role, list) in [("actor", actors), ("target", targets)] {
            for f in list {
                let Span { start, end, text } = ctx.entity_span(f.party);
                x.roles.push(ExplainRole {
                    role: role.to_string(),
                    slot: f.slot.to_string(),
                    start,
                    end,
                    text,
                });
            }
        }
    }
    e
}

fn raw<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    event: Event,
    actors: &[Filler<'e>],
    targets: &[Filler<'e>],
    joint: bool,
) -> Raw<'e> {
    let event = explained(ctx, event, actors, targets);
    Raw {
        event,
        actors: actors.iter().map(|f| f.party).collect(),
        targets: targets.iter().map(|f| f.party).collect(),
        joint,
        trigger: i,
        content: Vec::new(),
    }
}

/// The type an act comes out as: a party's own warning that it will strike is a threat.
fn type_of(ctx: &Ctx<'_, '_>, f: &Filled<'_>, mood: &Mood<'_>) -> String {
    let ty = &ctx.lex.frames[f.row as usize].event_type;
    let own_threat = ty == "ASSAULT"
        && mood.planned
        && mood.claimant.is_some_and(|c| f.actors.iter().any(|a| a.party.code == c.code));
    if own_threat {
        "THREATEN".to_string()
    } else {
        ty.clone()
    }
}

/// A directed act: one event per target (all actors acting on it), or one with no
/// target.
fn directed<'e>(ctx: &Ctx<'_, 'e>, i: usize, f: &Filled<'e>, mood: &Mood<'e>) -> Vec<Raw<'e>> {
    let frame = &ctx.lex.frames[f.row as usize];
    let actors = f.actors.clone();
    // A party does not act on itself, unless a place of its own is what it strikes, or
    // an armed group and a state of one country face each other.
    let targets: Vec<Filler<'e>> = f
        .targets
        .iter()
        .copied()
        .filter(|t| !actors.iter().any(|a| a.party.entity == t.party.entity))
        .collect();
    // "استدعت تشاد سفيرها لدى السودان": recalling one's own envoy.
    if let Some(ty) = &frame.own_type {
        let own = f.own_object
            || f.targets.iter().any(|t| actors.iter().any(|a| a.party.code == t.party.code));
        if own {
            let mut base = base_event(ctx, i, f, mood, ty);
            base.mode = None;
            let hosts = host_states(ctx, i, &actors);
            return vec![raw(ctx, i, base, &actors, &hosts, false)];
        }
    }
    if frame.requires_target && targets.is_empty() {
        return Vec::new();
    }
    if actors.is_empty() && targets.is_empty() {
        return Vec::new();
    }
    let ty = type_of(ctx, f, mood);
    let mut base = base_event(ctx, i, f, mood, &ty);
    // "انسحب الوفد من المحادثات مع أوكرانيا": walking out of talks rejects them.
    if let Some(others) = frame.walkout.then(|| walked_out_of(ctx, i, &actors)).flatten() {
        base.event_type = "REJECT".into();
        base.mode = Some("walkout".into());
        return vec![raw(ctx, i, base, &actors, &others, false)];
    }
    // "دعت سفارات الولايات المتحدة وبريطانيا وفرنسا إلى ...": a statement made together
    // is one act of each signatory.
    let speech = ctx.lex.classes[f.class].shape == Shape::Speech;
    let signatories = if speech { by_state(&actors) } else { vec![actors] };
    let mut out = Vec::new();
    for actors in &signatories {
        if targets.len() <= 1 {
            out.push(raw(ctx, i, base.clone(), actors, &targets, false));
        } else {
            for t in &targets {
                out.push(raw(ctx, i, base.clone(), actors, std::slice::from_ref(t), false));
            }
        }
    }
    out
}

/// Fillers grouped by the state they stand for, in the order first named.
fn by_state<'e>(fillers: &[Filler<'e>]) -> Vec<Vec<Filler<'e>>> {
    let mut groups: Vec<Vec<Filler<'e>>> = Vec::new();
    for f in fillers {
        match groups.iter_mut().find(|g| g[0].party.code == f.party.code) {
            Some(g) => g.push(*f),
            None => groups.push(vec![*f]),
        }
    }
    if groups.is_empty() {
        groups.push(Vec::new());
    }
    groups
}

/// The states other than the actors' of the first of لدى, في and من that names one
/// after trigger `i`: "سفيرها لدى فرنسا" names the host, whatever a later من-phrase
/// speaks of.
fn host_states<'e>(ctx: &Ctx<'_, 'e>, i: usize, actors: &[Filler<'e>]) -> Vec<Filler<'e>> {
    let t = ctx.triggers[i].at;
    let mut out: Vec<Filler<'e>> = Vec::new();
    for k in ctx.lex.known.hosts {
        let Some(k) = k else { continue };
        for p in ctx.preps_after(t, k) {
            for party in ctx.phrase_parties(p, true) {
                let own = actors.iter().any(|a| a.party.code == party.code);
                if !own && !out.iter().any(|x| x.party.code == party.code) {
                    out.push(Filler { party, slot: "prep:لدى" });
                }
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// The other parties of the talks or accord a withdrawal of trigger `i` leaves, when its
/// من-phrase names one.
fn walked_out_of<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    actors: &[Filler<'e>],
) -> Option<Vec<Filler<'e>>> {
    let k = ctx.lex.known.min?;
    let t = ctx.triggers[i].at;
    let p = *ctx.preps_after(t, k).first()?;
    let j = ctx.act_in(p)?;
    let row = *ctx.triggers[j].rows.first()?;
    if !matches!(ctx.lex.frames[row as usize].event_type.as_str(), "CONSULT" | "AGREE") {
        return None;
    }
    let f = ctx.fill(j, row, 1);
    let own: Vec<&str> = actors.iter().map(|a| a.party.code).collect();
    Some(f.actors.into_iter().chain(f.targets).filter(|x| !own.contains(&x.party.code)).collect())
}

/// Parties acting together.
fn joint<'e>(ctx: &Ctx<'_, 'e>, i: usize, f: &Filled<'e>, mood: &Mood<'e>) -> Vec<Raw<'e>> {
    let mut parties = f.actors.clone();
    for t in &f.targets {
        if !parties.iter().any(|p| p.party.entity == t.party.entity) {
            parties.push(*t);
        }
    }
    let ty = type_of(ctx, f, mood);
    // "التقى وزير الخارجية الأميركي الرئيس عرفان علي في جورجتاون": talks with one party
    // named, held in another state, are with the host.
    let one_party = parties.iter().all(|p| p.party.entity == parties[0].party.entity);
    if ty == "CONSULT" && !parties.is_empty() && one_party && met_unnamed(ctx, i) {
        let held_in = |h: &Party<'_>| {
            let ph = ctx.phrase_of(h.token).map(|p| &ctx.parse.phrases.list[p]);
            ph.and_then(|ph| ctx.prep_key_of(ph)) == Some("في")
        };
        let host = ctx.scene(i).filter(|h| h.code != parties[0].party.code && held_in(h));
        if let Some(host) = host {
            parties.push(Filler { party: host, slot: "place" });
        }
    }
    let base = base_event(ctx, i, f, mood, &ty);
    if let Some(pairs) = separate_meetings(ctx, i, &parties) {
        return pairs.iter().map(|p| raw(ctx, i, base.clone(), p, &[], true)).collect();
    }
    let mut out = vec![raw(ctx, i, base.clone(), &parties, &[], true)];
    out.extend(mediated(ctx, i, &parties, &base));
    out
}

/// "أجرى الرئيس اتصالين هاتفيين بنظيريه الروسي والأوكراني"، "مباحثات منفصلة مع": two
/// calls, or talks said to be separate, are one meeting of each party the subject names
/// with each party named after it, not one meeting of all.
fn separate_meetings<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    parties: &[Filler<'e>],
) -> Option<Vec<[Filler<'e>; 2]>> {
    let tr = &ctx.triggers[i];
    let dual =
        tr.nominal && tr.analysis.is_some_and(|a| a.infl.number == Some(rasd_morph::Number::Dual));
    // "مباحثات منفصلة"، "اجتمع معهما على نحو منفصل": in the noun's phrase, or after the
    // verb in its clause.
    let said_separate = || {
        let set = ctx.lex.known.separate?;
        if tr.nominal {
            let p = ctx.phrase_of(ctx.trigger_end(tr.at) - 1)?;
            return Some(ctx.parse.phrases.list[p].noun_tokens().any(|u| ctx.in_set(u, set)));
        }
        let c = ctx.parse.clauses.index_of(tr.at)?;
        Some(ctx.parse.clauses.list[c].tokens().any(|u| u > tr.at && ctx.in_set(u, set)))
    };
    if !(dual || said_separate() == Some(true)) {
        return None;
    }
    let (subjects, others): (Vec<Filler<'e>>, Vec<Filler<'e>>) =
        parties.iter().partition(|f| f.slot.contains("subject"));
    let several = subjects.len() >= 2 || others.len() >= 2;
    if subjects.is_empty() || others.is_empty() || !several {
        return None;
    }
    let pairs = subjects
        .iter()
        .flat_map(|a| others.iter().map(move |b| [*a, *b]))
        .filter(|[a, b]| a.party.code != b.party.code)
        .collect();
    Some(pairs)
}

/// Whether trigger `i` meets someone it names by no party: its object or a مع phrase
/// after it names people but no state, body or group ("التقى الرئيس عرفان علي"،
/// "اجتماعا مع مسؤولين").
fn met_unnamed(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let t = ctx.triggers[i].at;
    // A verb's object; a noun's is read from the مع phrase alone.
    let object = (!ctx.triggers[i].nominal).then(|| ctx.verb_args(t).object).flatten().and_then(
        |a| match a {
            crate::args::Arg::Phrase(p) => Some(p),
            _ => None,
        },
    );
    let with = ctx.lex.grammar.prep_index("مع").map(|k| ctx.preps_after(t, k)).unwrap_or_default();
    // "معهم": a pronoun stands for someone named before, not for people unnamed.
    let names_people = |p: &usize| !ctx.parse.phrases.list[*p].noun_tokens().is_empty();
    object
        .into_iter()
        .chain(with)
        .filter(names_people)
        .any(|p| ctx.phrase_parties(p, false).is_empty())
}

/// "بوساطة مصرية قطرية", "برعاية الأمم المتحدة": each mediator meets each party of the
/// talks or accord it brokers.
fn mediated<'e>(ctx: &Ctx<'_, 'e>, i: usize, parties: &[Filler<'e>], base: &Event) -> Vec<Raw<'e>> {
    let Some(k) = ctx.lex.known.mediation else { return Vec::new() };
    let t = ctx.triggers[i].at;
    let mediators: Vec<Party<'e>> = ctx
        .preps_after_acts(ctx.trigger_end(t) - 1, k)
        .into_iter()
        .flat_map(|p| ctx.phrase_parties(p, false))
        .collect();
    // "انهيار اتفاقين بوساطة روسية": with no party named, the article's two sides.
    let sides;
    let parties = if parties.is_empty() && !mediators.is_empty() {
        sides = [the_two_sides(ctx, i)];
        &sides[..]
    } else {
        parties
    };
    let mut out = Vec::new();
    for m in &mediators {
        for p in parties.iter().filter(|p| p.party.code != m.code) {
            let mf = Filler { party: *m, slot: "prep:بوساطة" };
            let mut e = base.clone();
            e.event_type = "CONSULT".into();
            e.mode = Some("mediation".into());
            out.push(raw(ctx, i, e, &[mf, *p], &[], true));
        }
    }
    out
}

/// A mediator with each party (not the parties with each other: ANNOTATION.md pairs a
/// mediator with each party and no more). Parties not named with the
/// mediation are those of the talks or accord in its sentence ("أسفرت وساطة سعودية عن
/// هدنة بين الجيش والدعم السريع"), else the article's two sides.
fn mediate<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    f: &Filled<'e>,
    fills: &Fills<'_, '_, 'e>,
    mood: &Mood<'e>,
) -> Vec<Raw<'e>> {
    let ty = type_of(ctx, f, mood);
    let base = base_event(ctx, i, f, mood, &ty);
    let mediators = |p: &Filler<'e>| f.actors.iter().any(|m| m.party.code == p.party.code);
    let mut parties: Vec<Filler<'e>> = f.targets.clone();
    if parties.is_empty() {
        parties = brokered_parties(ctx, i, fills);
        parties.retain(|p| !mediators(p));
    }
    let mut out = Vec::new();
    for m in &f.actors {
        for p in parties.iter().filter(|p| p.party.code != m.party.code) {
            out.push(raw(ctx, i, base.clone(), &[*m, *p], &[], true));
        }
    }
    if out.is_empty() {
        // The parties are not named: the article's two sides stand for them (two_sides).
        for m in &f.actors {
            let parties = [*m, the_two_sides(ctx, i)];
            out.push(raw(ctx, i, base.clone(), &parties, &[], true));
        }
    }
    out
}

/// The article's two sides as one filler at trigger `i`, filled in when the article is
/// read whole (document.rs, two_sides).
fn the_two_sides<'e>(ctx: &Ctx<'_, 'e>, i: usize) -> Filler<'e> {
    let token = ctx.triggers[i].at;
    let party = Party { entity: crate::parties::DYAD, code: "", token, place: false };
    Filler { party, slot: "the two sides" }
}

/// The parties of the talks or accord named in trigger `i`'s sentence.
fn brokered_parties<'e>(ctx: &Ctx<'_, 'e>, i: usize, fills: &Fills<'_, '_, 'e>) -> Vec<Filler<'e>> {
    let s = ctx.doc.sentence_of(ctx.triggers[i].at);
    // The frame first: only joint talks or accords have their parties read.
    let talks = |g: &Frame| {
        ctx.lex.classes[g.class].shape == Shape::Joint
            && matches!(ctx.lex.frames[g.row as usize].event_type.as_str(), "AGREE" | "CONSULT")
    };
    (0..ctx.triggers.len())
        .filter(|&j| j != i && ctx.doc.sentence_of(ctx.triggers[j].at) == s)
        .filter(|&j| fills.frame(j).is_some_and(talks))
        .filter_map(|j| fills.roles(j))
        .find(|g| g.actors.len() >= 2)
        .map(|g| g.actors.clone())
        .unwrap_or_default()
}

/// Accepting: an act agreed to is that act by the one who agrees; a proposal, an
/// invitation or talks accepted is AGREE with the one who made it.
fn accept<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    f: &Filled<'e>,
    fills: &Fills<'_, '_, 'e>,
    mood: &Mood<'e>,
) -> Vec<Raw<'e>> {
    if let Some(j) = f.accepted.filter(|&j| !is_talk_or_accord(ctx, fills, j)) {
        let Some(inner) = fills.roles(j) else { return Vec::new() };
        let mut act = inner.clone();
        act.actors = f.actors.clone();
        return directed(ctx, j, &act, mood);
    }
    // "وافقت الهند وباكستان على هدنة": parties who accept an accord with no one else
    // named accept it together.
    let states = |v: &[Filler<'e>]| by_state(v).len();
    if f.targets.is_empty() && states(&f.actors) >= 2 {
        return joint(ctx, i, f, mood);
    }
    directed(ctx, i, f, mood)
}

impl<'e> Ctx<'_, 'e> {
    /// The words that name a party: its entity's mention at the party's token.
    pub fn entity_span(&self, p: Party<'e>) -> Span {
        let t = p.token.min(self.doc.tokens.len().saturating_sub(1));
        if p.entity == crate::parties::DYAD {
            return self.doc.span(t, t + 1);
        }
        let mut end = t + 1;
        while end < self.doc.tokens.len() && self.doc.entity_at.get(end) == Some(p.entity) {
            end += 1;
        }
        self.doc.span(t, end)
    }
}
