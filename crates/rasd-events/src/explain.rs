//! Explanations a person can read: for any text, its clauses, its phrases, every trigger
//! with the frame tried, the words in each role and the mood that decided, and the
//! events that came out (`rasd explain "جملة"`).

use std::fmt::Write;

use rasd_model::Event;
use rasd_syntax::Kind;

use crate::assemble::Outcome;
use crate::context::Ctx;
use crate::modality::Mood;
use crate::roles::{Filled, Filler};

/// The trace of one article, rendered as text.
pub fn render<'e>(
    ctx: &Ctx<'_, 'e>,
    outcomes: &[(Option<Filled<'e>>, Mood<'e>, Outcome<'e>)],
    events: &[Event],
) -> String {
    let mut out = String::new();
    for s in 0..ctx.doc.sentences.len() {
        sentence(ctx, s, outcomes, &mut out);
    }
    let _ = writeln!(out, "events:");
    if events.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for e in events {
        let _ = writeln!(out, "  {}", event_line(ctx, e));
    }
    out
}

fn sentence<'e>(
    ctx: &Ctx<'_, 'e>,
    s: usize,
    outcomes: &[(Option<Filled<'e>>, Mood<'e>, Outcome<'e>)],
    out: &mut String,
) {
    let r = ctx.doc.sentences[s].clone();
    if r.is_empty() {
        return;
    }
    let _ = writeln!(out, "sentence {s}: {}", ctx.doc.span(r.start, r.end).text);
    let _ = writeln!(out, "  words: {}", words(ctx, r.clone()));
    let _ = writeln!(out, "  clauses:");
    for (c, clause) in ctx.parse.clauses.list.iter().enumerate().filter(|(_, c)| c.sentence == s) {
        let text: Vec<String> =
            clause.segments.iter().map(|g| ctx.doc.span(g.start, g.end).text).collect();
        let parent = clause.parent.map_or(String::new(), |p| format!(" under [{p}]"));
        let _ = writeln!(out, "    [{c}] {}{parent}: {}", clause.kind.name(), text.join(" … "));
    }
    let _ = writeln!(out, "  phrases: {}", phrases(ctx, r.clone()));
    for (i, tr) in ctx.triggers.iter().enumerate().filter(|(_, t)| r.contains(&t.at)) {
        trigger(ctx, i, tr.at, &outcomes[i], out);
    }
}

fn words(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> String {
    r.filter(|&t| ctx.parse.tags[t].kind != Kind::Inside)
        .map(|t| {
            let tag = &ctx.parse.tags[t];
            let class = match tag.kind {
                Kind::Punct => return ctx.doc.w(t).to_string(),
                Kind::Number => "num",
                Kind::Entity(_) => "name",
                Kind::Function => "fn",
                Kind::Verb => "verb",
                Kind::Nominal => "noun",
                Kind::Inside => "",
            };
            let end = tag.end.max(t + 1);
            format!("{}/{class}", ctx.doc.span(t, end).text)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn phrases(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> String {
    ctx.parse
        .phrases
        .list
        .iter()
        .filter(|p| r.contains(&p.tokens.start))
        .map(|p| {
            let prep =
                p.prep.map_or(String::new(), |k| format!("{}:", ctx.lex.grammar.prep_key(k)));
            let and = if p.coordinated { "+" } else { "" };
            format!("[{and}{prep}{}]", ctx.doc.span(p.tokens.start, p.tokens.end).text)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn fillers<'e>(ctx: &Ctx<'_, 'e>, role: &str, list: &[Filler<'e>], out: &mut String) {
    for f in list {
        let span = ctx.entity_span(f.party);
        let _ = writeln!(out, "      {role} ← {} «{}» = {}", f.slot, span.text, f.party.code);
    }
}

fn trigger<'e>(
    ctx: &Ctx<'_, 'e>,
    i: usize,
    at: usize,
    (filled, mood, outcome): &(Option<Filled<'e>>, Mood<'e>, Outcome<'e>),
    out: &mut String,
) {
    let tr = &ctx.triggers[i];
    let text = ctx.doc.span(at, tr.end).text;
    let Some(f) = filled else {
        let _ = writeln!(out, "  trigger «{text}»: no frame fits its object");
        return;
    };
    let frame = &ctx.lex.frames[f.row as usize];
    let class = &ctx.lex.classes[f.class];
    let pos = if tr.nominal { "noun" } else { "verb" };
    let cue =
        mood.cue.map_or(String::new(), |(a, b)| format!(" (cue «{}»)", ctx.doc.span(a, b).text));
    let _ = writeln!(
        out,
        "  trigger «{text}» as {pos}: {} {} — frame {} ({}); mood {}{cue}",
        frame.event_type,
        frame.mode.as_deref().unwrap_or(""),
        class.name,
        frame.lemma,
        mood.name()
    );
    fillers(ctx, "actor ", &f.actors, out);
    fillers(ctx, "target", &f.targets, out);
    let verdict = match outcome {
        Outcome::Events(r) => format!("→ {} event(s)", r.len()),
        Outcome::Content(j) => {
            let o = &ctx.triggers[*j];
            format!("→ no event: the content of «{}»", ctx.doc.span(o.at, o.end).text)
        }
        Outcome::Support => "→ no event of its own: a support verb for the noun it governs".into(),
        Outcome::NoEvent(why) => format!("→ no event: {why}"),
        Outcome::NoFrame => "→ no frame fits".into(),
        Outcome::NoParty => "→ no event: no party takes part".into(),
    };
    let _ = writeln!(out, "      {verdict}");
}

/// One event as a line: type, direction, stance, claimant, trigger.
pub fn event_line(ctx: &Ctx<'_, '_>, e: &Event) -> String {
    let code = |id: &String| -> String {
        ctx.doc
            .entities
            .iter()
            .position(|x| &x.id == id)
            .and_then(|k| ctx.code(k))
            .map_or_else(|| id.clone(), str::to_string)
    };
    let side = |ids: &[String]| ids.iter().map(code).collect::<Vec<_>>().join("+");
    let dir = if e.joint {
        e.actors.iter().map(code).collect::<Vec<_>>().join("=")
    } else {
        format!("{}>{}", side(&e.actors), side(&e.targets))
    };
    let by = e.claimant.as_ref().map_or(String::new(), |c| format!(" by {}", code(c)));
    format!(
        "{} {} {:?}{by} «{}»{}",
        e.event_type,
        dir,
        e.stance,
        e.trigger.text,
        e.date.as_ref().map_or(String::new(), |d| format!(" on {d}"))
    )
}
