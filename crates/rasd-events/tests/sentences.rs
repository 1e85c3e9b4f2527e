//! The event sentence tables (`tests/sentences/*.tsv`; format and conventions in that
//! folder's README): news sentences written for the project, from many conflicts, each
//! with every event an analyst codes in it and who acted on whom.
//!
//! A case passes when every required event comes out, in its direction, and nothing
//! else does. Events are compared as units, as the referee compares them: a directed
//! event gives one unit per actor–target pair, a joint one a unit per pair of parties.
//! `RASD_CASES=file.tsv` runs one file; `RASD_LIST=1` lists the failures, `RASD_SHOW=1`
//! with each one's explanation.

use std::collections::BTreeSet;

use rasd_attribution::Doc;
use rasd_model::{Entity, EntityKind, Event, Stance};

/// The document date every relative time resolves against (a Wednesday).
const PUBLISHED: &str = "2024-05-15";

const TABLES: &[(&str, &str)] = &[
    ("assault.tsv", include_str!("sentences/assault.tsv")),
    ("assault_passive_and_nominal.tsv", include_str!("sentences/assault_passive_and_nominal.tsv")),
    ("interception.tsv", include_str!("sentences/interception.tsv")),
    ("consult_and_mediation.tsv", include_str!("sentences/consult_and_mediation.tsv")),
    ("agree_and_ceasefire.tsv", include_str!("sentences/agree_and_ceasefire.tsv")),
    ("cooperate.tsv", include_str!("sentences/cooperate.tsv")),
    ("request_and_demands.tsv", include_str!("sentences/request_and_demands.tsv")),
    ("accuse_reject_deny.tsv", include_str!("sentences/accuse_reject_deny.tsv")),
    ("sanction_coerce.tsv", include_str!("sentences/sanction_coerce.tsv")),
    (
        "mobilize_retreat_concede_aid.tsv",
        include_str!("sentences/mobilize_retreat_concede_aid.tsv"),
    ),
    ("support_threaten_protest.tsv", include_str!("sentences/support_threaten_protest.tsv")),
    ("reported_speech.tsv", include_str!("sentences/reported_speech.tsv")),
    ("inflection.tsv", include_str!("sentences/inflection.tsv")),
    ("modality.tsv", include_str!("sentences/modality.tsv")),
    ("no_event.tsv", include_str!("sentences/no_event.tsv")),
];

/// A unit: type, and either (actor, target) with `-` for none, or a joint pair.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Directed(String, String, String),
    Joint(String, BTreeSet<String>),
}

#[derive(Debug)]
struct Want {
    ty: String,
    actors: Vec<String>,
    targets: Vec<String>,
    joint: bool,
    stance: Option<Stance>,
    by: Option<Option<String>>,
}

fn parse_want(spec: &str) -> Want {
    let mut it = spec.split_whitespace();
    let ty = it.next().unwrap_or("").to_string();
    let sides = it.next().unwrap_or("-");
    let list = |s: &str| -> Vec<String> {
        s.split(['+', '=']).filter(|x| !x.is_empty()).map(str::to_string).collect()
    };
    let (actors, targets, joint) = match sides.split_once('>') {
        Some((a, t)) => (list(a), list(t), false),
        None => (list(sides), Vec::new(), true),
    };
    let mut w = Want { ty, actors, targets, joint, stance: None, by: None };
    for f in it {
        match f {
            "asserted" => w.stance = Some(Stance::Asserted),
            "claimed" => w.stance = Some(Stance::Claimed),
            "denied" => w.stance = Some(Stance::Denied),
            "planned" => w.stance = Some(Stance::Planned),
            _ if f.starts_with("by=") => {
                w.by = Some(Some(f[3..].to_string()).filter(|v| v != "-"));
            }
            _ => {}
        }
    }
    w
}

fn units(ty: &str, actors: &[String], targets: &[String], joint: bool) -> Vec<Unit> {
    let dedup = |v: &[String]| -> Vec<String> {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    if joint {
        let parties = dedup(&[actors, targets].concat());
        if parties.len() <= 1 {
            return vec![Unit::Joint(ty.into(), parties.into_iter().collect())];
        }
        let mut out = Vec::new();
        for (i, a) in parties.iter().enumerate() {
            for b in &parties[i + 1..] {
                out.push(Unit::Joint(ty.into(), [a.clone(), b.clone()].into_iter().collect()));
            }
        }
        return out;
    }
    let acts = if actors.is_empty() { vec!["-".to_string()] } else { dedup(actors) };
    let tgts = if targets.is_empty() { vec!["-".to_string()] } else { dedup(targets) };
    acts.iter()
        .flat_map(|a| tgts.iter().map(move |t| Unit::Directed(ty.into(), a.clone(), t.clone())))
        .collect()
}

/// The referee's participant code of an id an event carries.
fn code_of(ents: &[Entity], id: &str) -> String {
    match ents.iter().find(|e| e.id == id) {
        Some(e) => match e.kind {
            EntityKind::Country => e.id.clone(),
            EntityKind::Org | EntityKind::Group | EntityKind::Person => {
                e.country.clone().unwrap_or_else(|| "INT".into())
            }
            EntityKind::Place => e.country.clone().unwrap_or_else(|| id.to_string()),
        },
        None => id.to_string(),
    }
}

fn event_units(ents: &[Entity], e: &Event) -> Vec<Unit> {
    let codes = |ids: &[String]| -> Vec<String> { ids.iter().map(|i| code_of(ents, i)).collect() };
    units(&e.event_type, &codes(&e.actors), &codes(&e.targets), e.joint)
}

fn run(text: &str) -> (Vec<Entity>, Vec<Event>, String) {
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, text);
    let view = rasd_text::normalize(text);
    let sentences = rasd_text::split_sentences(&view);
    let times = rasd_times::extract_times(text, &view, &sentences, Some(PUBLISHED));
    let doc = Doc::new(text, &ents, kb);
    let (events, trace) = rasd_events::explain(&doc, &times, rasd_events::Lexicon::embedded());
    (ents, events, trace)
}

fn details_match(ents: &[Entity], w: &Want, e: &Event) -> bool {
    w.stance.is_none_or(|s| e.stance == s)
        && w.by.as_ref().is_none_or(|b| e.claimant.as_deref().map(|c| code_of(ents, c)) == *b)
}

/// Checks one case; what went wrong, if anything.
fn check(text: &str, spec: &str) -> Option<String> {
    let (ents, events, trace) = run(text);
    let wants: Vec<(bool, Vec<Want>)> = if spec.trim() == "-" {
        Vec::new()
    } else {
        spec.split(" ; ")
            .map(|w| {
                let (optional, w) = match w.trim().strip_prefix('?') {
                    Some(rest) => (true, rest),
                    None => (false, w.trim()),
                };
                (!optional, w.split(" | ").map(parse_want).collect())
            })
            .collect()
    };
    let mut problems = Vec::new();
    for (required, alts) in &wants {
        let met = alts.iter().any(|w| {
            units(&w.ty, &w.actors, &w.targets, w.joint).iter().all(|u| {
                events
                    .iter()
                    .any(|e| event_units(&ents, e).contains(u) && details_match(&ents, w, e))
            })
        });
        if *required && !met {
            let names: Vec<String> = alts
                .iter()
                .map(|w| {
                    format!(
                        "{} {:?}>{:?}{}",
                        w.ty,
                        w.actors,
                        w.targets,
                        if w.joint { " joint" } else { "" }
                    )
                })
                .collect();
            problems.push(format!("missing {}", names.join(" | ")));
        }
    }
    let allowed: Vec<Unit> = wants
        .iter()
        .flat_map(|(_, alts)| alts.iter())
        .flat_map(|w| units(&w.ty, &w.actors, &w.targets, w.joint))
        .collect();
    for e in &events {
        for u in event_units(&ents, e) {
            if !allowed.contains(&u) {
                problems.push(format!("extra {u:?} «{}»", e.trigger.text));
            }
        }
    }
    if problems.is_empty() {
        return None;
    }
    let mut msg = format!("{text}\n    want: {spec}\n    {}", problems.join("; "));
    if std::env::var_os("RASD_SHOW").is_some() {
        msg.push('\n');
        msg.push_str(&trace);
    }
    Some(msg)
}

#[test]
fn every_sentence_gives_the_events_an_analyst_codes() {
    let only = std::env::var("RASD_CASES").ok();
    let mut failures = Vec::new();
    let mut n = 0;
    let mut by_file = Vec::new();
    for (name, table) in TABLES {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let mut failed_here = 0;
        let mut cases = 0;
        for row in rasd_text::phrases::tsv_rows(table) {
            let (Some(text), Some(spec)) = (row.get(1), row.get(2)) else { continue };
            n += 1;
            cases += 1;
            if let Some(f) = check(text, spec) {
                failures.push(format!("[{name}] {f}"));
                failed_here += 1;
            }
        }
        by_file.push(format!("{name}: {}/{cases}", cases - failed_here));
    }
    let passed = n - failures.len();
    eprintln!("{passed} of {n} cases pass\n{}", by_file.join("\n"));
    if std::env::var_os("RASD_SHOW").is_some() || std::env::var_os("RASD_LIST").is_some() {
        eprintln!("{}", failures.join("\n"));
    }
    // A ratchet while the stage grows: the floor rises with every fix, never falls.
    if only.is_none() {
        assert!(
            passed >= PASS_FLOOR,
            "{passed} of {n} pass, below the floor of {PASS_FLOOR}:\n{}",
            failures.join("\n")
        );
    }
}

/// How many cases must pass (see the test above).
const PASS_FLOOR: usize = 628;
