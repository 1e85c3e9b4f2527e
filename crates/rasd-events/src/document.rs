//! The article-level steps: each raw event gets its date and places; one-sided acts of
//! the article's fighting take the other side of its dominant pair of belligerents (a
//! strike reported with no attacker, a threat with no one threatened, a truce with no
//! parties); meetings with one known
//! party are dropped; statements of one act (same type, same direction, same parties)
//! merge into one event.

use rasd_model::{EntityKind, Event, Time, TimeKind};

use crate::assemble::Raw;
use crate::context::Ctx;
use crate::parties::{Party, DYAD};

/// How many events an article-level step reads around one event: the few the reader
/// has in mind, and a bound that keeps a long text linear.
const NEAR_EVENTS: usize = 200;

/// The article's events from its raw events.
pub fn finish<'e>(ctx: &Ctx<'_, 'e>, mut raws: Vec<Raw<'e>>, times: &[Time]) -> Vec<Event> {
    let dates: Vec<&Time> =
        times.iter().filter(|t| t.kind == TimeKind::Date && t.value.is_some()).collect();
    for r in &mut raws {
        r.event.date = sentence_date(ctx, &dates, r.event.sentence, r.event.trigger.start);
        r.event.locations = locations(ctx, r.trigger);
    }
    aim_at_the_acts_told(ctx, &mut raws);
    denials_answer(&mut raws);
    two_sides(&mut raws);
    mediator_with_each(&mut raws);
    drop_partial_statements(&mut raws);
    complete_with_dyad(ctx, &mut raws);
    let mut out: Vec<(Vec<&str>, Vec<&str>, bool, Event)> = Vec::new();
    for r in raws {
        let acts = codes(&r.actors);
        let tgts = codes(&r.targets);
        if acts.is_empty() && tgts.is_empty() && r.event.event_type != "PROTEST" {
            continue;
        }
        let mut e = r.event;
        e.actors = ids(ctx, &r.actors);
        e.targets = ids(ctx, &r.targets);
        e.joint = r.joint;
        if r.joint {
            // Together: every party acts, none is the target.
            e.actors.extend(std::mem::take(&mut e.targets));
        }
        merge(&mut out, acts, tgts, r.joint, e);
    }
    out.into_iter().map(|(_, _, _, e)| e).collect()
}

/// The sorted, distinct participant codes of some parties.
fn codes<'e>(parties: &[Party<'e>]) -> Vec<&'e str> {
    let mut v: Vec<&'e str> = parties.iter().map(|p| p.code).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The ids an event lists for its parties: the entity's, or the state a capital or a
/// place stands for.
fn ids(ctx: &Ctx<'_, '_>, parties: &[Party<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parties {
        let e = &ctx.doc.entities[p.entity];
        let id = if e.kind == EntityKind::Place { p.code.to_string() } else { e.id.clone() };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The places named in the trigger's clause, as the event's locations.
fn locations(ctx: &Ctx<'_, '_>, i: usize) -> Vec<String> {
    let t = ctx.triggers[i].at;
    let Some(c) = ctx.parse.clauses.index_of(t) else { return Vec::new() };
    let mut out: Vec<String> = Vec::new();
    for u in ctx.parse.clauses.list[c].tokens() {
        if let Some(k) = ctx.doc.entity_at.get(u) {
            let e = &ctx.doc.entities[k];
            if e.kind == EntityKind::Place && !out.contains(&e.id) {
                out.push(e.id.clone());
            }
        }
    }
    out
}

/// Adds an event unless one of the same type, direction and parties is there; then the
/// first keeps the date and places it lacked.
fn merge<'e>(
    events: &mut Vec<(Vec<&'e str>, Vec<&'e str>, bool, Event)>,
    acts: Vec<&'e str>,
    tgts: Vec<&'e str>,
    joint: bool,
    e: Event,
) {
    // A denial of an act and a report of it are two statements, both kept.
    let denied = |x: &Event| x.stance == rasd_model::Stance::Denied;
    let same = |(a, t, j, old): &(Vec<&'e str>, Vec<&'e str>, bool, Event)| {
        old.event_type == e.event_type
            && denied(old) == denied(&e)
            && *j == joint
            && if joint {
                let mut x: Vec<&str> = a.iter().chain(t).copied().collect();
                let mut y: Vec<&str> = acts.iter().chain(&tgts).copied().collect();
                x.sort_unstable();
                x.dedup();
                y.sort_unstable();
                y.dedup();
                x == y
            } else {
                *a == acts && *t == tgts
            }
    };
    if let Some((_, _, _, old)) = events.iter_mut().find(|x| same(x)) {
        if old.date.is_none() {
            old.date = e.date;
        }
        for l in e.locations {
            if !old.locations.contains(&l) {
                old.locations.push(l);
            }
        }
        old.confidence = old.confidence.max(e.confidence);
        return;
    }
    events.push((acts, tgts, joint, e));
}

/// "قتل ثلاثة جنود أتراك في هجوم لحزب العمال": the verb tells the act with its victims
/// only, the noun with its agent too. A one-sided act (no agent, or no one acted upon)
/// that a fuller act of its type in the same sentence contains is that act told again,
/// and goes.
fn drop_partial_statements<'e>(raws: &mut Vec<Raw<'e>>) {
    fn codes<'e>(v: &[Party<'e>]) -> Vec<&'e str> {
        v.iter().map(|p| p.code).collect()
    }
    let contains = |fuller: &Raw<'e>, part: &Raw<'e>| {
        let (a, t) = (codes(&part.actors), codes(&part.targets));
        let (fa, ft) = (codes(&fuller.actors), codes(&fuller.targets));
        !fuller.joint
            && !part.joint
            && fuller.event.sentence == part.event.sentence
            && fuller.event.event_type == part.event.event_type
            && !fa.is_empty()
            // A fuller act aimed only at its own agent is no act and is dropped later.
            && fuller.targets.iter().any(|t| fuller.actors.iter().all(|a| a.entity != t.entity))
            && (a.is_empty() || t.is_empty())
            && a.iter().all(|c| fa.contains(c))
            && t.iter().all(|c| ft.contains(c))
    };
    // Raws come in text order: each is compared with those of its own sentence only,
    // so a long text stays linear.
    let same_sentence = |i: usize| {
        let s = raws[i].event.sentence;
        let from = raws[..i].iter().rposition(|q| q.event.sentence != s).map_or(0, |k| k + 1);
        let to = raws[i..].iter().position(|q| q.event.sentence != s).map_or(raws.len(), |k| i + k);
        from..to
    };
    let partial: Vec<bool> = (0..raws.len())
        .map(|i| same_sentence(i).any(|j| i != j && contains(&raws[j], &raws[i])))
        .collect();
    let mut keep = partial.iter().map(|p| !p);
    raws.retain(|_| keep.next().unwrap_or(true));
}

/// The day-level time of the sentence nearest to the trigger.
fn sentence_date(ctx: &Ctx<'_, '_>, dates: &[&Time], s: usize, pos: usize) -> Option<String> {
    let r = ctx.doc.sentences.get(s)?;
    if r.is_empty() {
        return None;
    }
    let (a, b) = (ctx.doc.tokens[r.start].start as usize, ctx.doc.tokens[r.end - 1].end as usize);
    dates
        .iter()
        .filter(|t| t.span.start >= a && t.span.end <= b)
        .min_by_key(|t| t.span.start.abs_diff(pos))
        .and_then(|t| t.value.clone())
}

/// "دانت المفوضية الاعتداءات الإرهابية": a condemnation, accusation or denial of an act
/// whose agent its sentence does not name speaks of the act the article tells, and is
/// aimed at whoever did it there — the agents of the article's first event of that type
/// with any, other than the speaker.
fn aim_at_the_acts_told<'e>(ctx: &Ctx<'_, 'e>, raws: &mut [Raw<'e>]) {
    let told: Vec<(String, Vec<Party<'e>>)> = raws
        .iter()
        .filter(|r| r.content.is_empty() && !r.actors.is_empty() && !r.joint)
        .map(|r| (r.event.event_type.clone(), r.actors.clone()))
        .collect();
    for r in raws.iter_mut() {
        // Only a stance on an act done or offered: a demand is aimed at whom it names,
        // and welcoming an accord between others at no one (ANNOTATION.md).
        let about_done = matches!(r.event.event_type.as_str(), "ACCUSE" | "REJECT" | "AGREE");
        if !r.targets.is_empty() || r.content.is_empty() || r.joint || !about_done {
            continue;
        }
        let types: Vec<&str> = r
            .content
            .iter()
            .filter_map(|&j| ctx.triggers[j].rows.first())
            .map(|&row| ctx.lex.frames[row as usize].event_type.as_str())
            .collect();
        let own: Vec<&str> = r.actors.iter().map(|a| a.code).collect();
        let agents = told.iter().take(NEAR_EVENTS).find(|(ty, acts)| {
            types.contains(&ty.as_str()) && acts.iter().any(|a| !own.contains(&a.code))
        });
        if let Some((_, acts)) = agents {
            r.targets = acts.iter().copied().filter(|a| !own.contains(&a.code)).collect();
        }
    }
}

/// "وهو ما تنفيه كابول": a denial that names no one answers the claim told just before
/// it — the accusation, demand or act of its sentence or the one before — and is aimed
/// at whoever made it; with none there, it answers the accusation the article tells
/// against the denier, the nearest one ("نفت الخارجية الأفغانية أي صلة بالهجوم" after
/// Pakistan accused Kabul further up).
fn denials_answer(raws: &mut [Raw<'_>]) {
    for i in 0..raws.len() {
        let r = &raws[i];
        let denial = r.event.event_type == "REJECT" && r.event.mode.as_deref() == Some("deny");
        if !denial || !r.targets.is_empty() || r.actors.is_empty() {
            continue;
        }
        let own: Vec<&str> = r.actors.iter().map(|a| a.code).collect();
        let (s, at) = (r.event.sentence, r.event.trigger.start);
        let claim = raws[..i]
            .iter()
            .rev()
            .take_while(|q| q.event.sentence + 1 >= s)
            .filter(|q| q.event.trigger.start < at)
            .find(|q| q.actors.iter().any(|a| !own.contains(&a.code)))
            .or_else(|| accusation_against(raws, i, &own));
        if let Some(q) = claim {
            let claimants: Vec<_> =
                q.actors.iter().copied().filter(|a| !own.contains(&a.code)).collect();
            raws[i].targets = claimants;
        }
    }
}

/// The accusation aimed at one of `own` nearest to event `i`, if the article tells one.
fn accusation_against<'r, 'e>(raws: &'r [Raw<'e>], i: usize, own: &[&str]) -> Option<&'r Raw<'e>> {
    // Within a bounded stretch of the article, so that a long text stays linear.
    let from = i.saturating_sub(NEAR_EVENTS);
    raws.iter()
        .enumerate()
        .skip(from)
        .take(2 * NEAR_EVENTS)
        .filter(|(_, q)| q.event.event_type == "ACCUSE")
        .filter(|(_, q)| q.targets.iter().any(|t| own.contains(&t.code)))
        .filter(|(_, q)| q.actors.iter().any(|a| !own.contains(&a.code)))
        .min_by_key(|(j, _)| j.abs_diff(i))
        .map(|(_, q)| q)
}

/// A mediator meets each side: a mediation whose sides were filled in as the article's
/// two (the mediator first, then the sides) is one meeting of the mediator with each, not
/// one of all three (ANNOTATION.md: a mediator is paired with each party).
fn mediator_with_each(raws: &mut Vec<Raw<'_>>) {
    let all = std::mem::take(raws);
    for r in all {
        let mediation = r.joint && r.event.mode.as_deref() == Some("mediation");
        if !mediation || codes(&r.actors).len() < 3 {
            raws.push(r);
            continue;
        }
        let m = r.actors[0];
        for side in r.actors[1..].iter().filter(|p| p.code != m.code) {
            let mut one = r.clone();
            one.actors = vec![m, *side];
            raws.push(one);
        }
    }
}

/// The pair of parties the article is about: the pair of states its events most often
/// join (acts of force counting double).
fn main_pair<'e>(raws: &[Raw<'e>]) -> Option<(Party<'e>, Party<'e>)> {
    let mut counts: Vec<((Party<'e>, Party<'e>), usize)> = Vec::new();
    for r in raws {
        let all: Vec<Party<'e>> =
            r.actors.iter().chain(&r.targets).copied().filter(|p| p.entity != DYAD).collect();
        let mut cs = codes(&all);
        cs.retain(|c| *c != "INT");
        if cs.len() != 2 {
            continue;
        }
        let pick = |c: &str| all.iter().find(|p| p.code == c).copied();
        let (Some(a), Some(b)) = (pick(cs[0]), pick(cs[1])) else { continue };
        let weight = if r.event.event_type == "ASSAULT" { 2 } else { 1 };
        match counts.iter_mut().find(|((x, y), _)| x.code == a.code && y.code == b.code) {
            Some((_, n)) => *n += weight,
            None => counts.push(((a, b), weight)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.first().map(|(p, _)| *p)
}

/// "الجانبان", "البلدين": the article's two sides take the place of the words; talks and
/// accords with no party named are theirs.
fn two_sides<'e>(raws: &mut Vec<Raw<'e>>) {
    let pair = fighting_pair(raws).or_else(|| main_pair(raws));
    let has_dyad = |v: &[Party<'e>]| v.iter().any(|p| p.entity == DYAD);
    // "التقى بلينكن السيسي، وبحثا ...": talks with no party named beside talks of the
    // same sentence that name theirs are those talks.
    let named: Vec<(usize, usize, String)> = raws
        .iter()
        // Two parties, maybe of one state (an army and a rebel force of Colombia).
        .filter(|r| r.joint && r.actors.iter().any(|a| a.entity != r.actors[0].entity))
        .map(|r| (r.event.sentence, r.event.trigger.start, r.event.event_type.clone()))
        .collect();
    raws.retain(|r| {
        let unnamed = r.actors.is_empty() && r.targets.is_empty();
        let same_talks = |(s, at, ty): &(usize, usize, String)| {
            *s == r.event.sentence && *at < r.event.trigger.start && *ty == r.event.event_type
        };
        !(unnamed && named.iter().any(same_talks))
    });
    for r in raws.iter_mut() {
        let unnamed = r.actors.is_empty()
            && r.targets.is_empty()
            && matches!(r.event.event_type.as_str(), "CONSULT" | "AGREE");
        if !(has_dyad(&r.actors) || has_dyad(&r.targets) || unnamed) {
            continue;
        }
        let swap = |v: &mut Vec<Party<'e>>| {
            if has_dyad(v) {
                v.retain(|p| p.entity != DYAD);
                if let Some((a, b)) = pair {
                    v.extend(
                        [a, b]
                            .into_iter()
                            .filter(|x| !v.iter().any(|y| y.code == x.code))
                            .collect::<Vec<_>>(),
                    );
                }
            }
        };
        swap(&mut r.actors);
        swap(&mut r.targets);
        if unnamed {
            if let Some((a, b)) = pair {
                r.actors = vec![a, b];
                r.joint = true;
            }
        }
    }
}

/// The two sides of the article's fighting: the leading pair of states; or, when the
/// acts of force name only two states, each in acts of its own ("قتل الجيش الإسرائيلي"،
/// "هجوم حماس"), those two; or, when every act of force is within one state (an army and
/// a rebel force of Sudan), that state.
fn fighting_pair<'e>(raws: &[Raw<'e>]) -> Option<(Party<'e>, Party<'e>)> {
    if let Some(pair) = dyad(raws) {
        return Some(pair);
    }
    let mut states: Vec<Party<'e>> = Vec::new();
    let parties = raws
        .iter()
        .filter(|r| r.event.event_type == "ASSAULT")
        .flat_map(|r| r.actors.iter().chain(&r.targets))
        .filter(|p| p.entity != DYAD && p.code != "INT");
    for p in parties {
        if !states.iter().any(|s| s.code == p.code) {
            states.push(*p);
        }
    }
    match states[..] {
        [one] => Some((one, one)),
        [a, b] => Some((a, b)),
        _ => None,
    }
}

/// The pair of states the article's fighting is between, if one pair leads.
fn dyad<'e>(raws: &[Raw<'e>]) -> Option<(Party<'e>, Party<'e>)> {
    let mut counts: Vec<((Party<'e>, Party<'e>), usize)> = Vec::new();
    for r in raws.iter().filter(|r| r.event.event_type == "ASSAULT") {
        let all: Vec<Party<'e>> = r.actors.iter().chain(&r.targets).copied().collect();
        let mut cs = codes(&all);
        cs.retain(|c| *c != "INT");
        if cs.len() != 2 {
            continue;
        }
        let pick = |c: &str| all.iter().find(|p| p.code == c).copied();
        let (Some(a), Some(b)) = (pick(cs[0]), pick(cs[1])) else { continue };
        match counts.iter_mut().find(|((x, y), _)| x.code == a.code && y.code == b.code) {
            Some((_, n)) => *n += 1,
            None => counts.push(((a, b), 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.first().map(|(p, _)| *p)
}

/// One-sided acts of the fighting take the other side of the article's dyad; a truce
/// with no parties is the dyad's; a meeting with one party and nothing to pair it with
/// is dropped.
fn complete_with_dyad<'e>(ctx: &Ctx<'_, 'e>, raws: &mut Vec<Raw<'e>>) {
    let pair = dyad(raws);
    raws.retain_mut(|r| {
        let all: Vec<Party<'e>> = r.actors.iter().chain(&r.targets).copied().collect();
        let cs = codes(&all);
        let ty = r.event.event_type.as_str();
        let ceasefire = r.event.mode.as_deref() == Some("ceasefire");
        match (pair, cs.len()) {
            (Some((a, b)), 0) if ceasefire => {
                r.actors = vec![a, b];
                r.joint = true;
                true
            }
            // A threat by one side of the article's fighting is aimed at the other, as
            // a strike is.
            (Some((a, b)), 1) if matches!(ty, "ASSAULT" | "THREATEN") || ceasefire => {
                let only = cs[0];
                let other = if only == a.code {
                    Some(b)
                } else if only == b.code {
                    Some(a)
                } else {
                    None
                };
                if let Some(o) = other {
                    if r.joint || ceasefire || r.actors.is_empty() {
                        r.actors.push(o);
                    } else if r.targets.is_empty() {
                        r.targets.push(o);
                    }
                }
                true
            }
            // A meeting with one side named: two bodies of one state (the army and a
            // rebel force of Sudan) are two sides.
            (_, 1) if ty == "CONSULT" => {
                let mut ents: Vec<usize> = all.iter().map(|p| p.entity).collect();
                ents.sort_unstable();
                ents.dedup();
                ents.len() > 1
                    && all.iter().any(|p| ctx.doc.entities[p.entity].kind == EntityKind::Group)
            }
            _ => true,
        }
    });
}
