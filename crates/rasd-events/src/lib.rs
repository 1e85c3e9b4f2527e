//! PLOVER events: the `events` section of `rasd.document/1` — who did what to whom,
//! according to whom.
//!
//! The stage reads an article in layers, each in its own module and each with its data
//! in a file anyone can read and extend:
//! 1. **Morphology** (`rasd-morph`): triggers are lemmas (`data/events/frames.tsv`:
//!    `v:قصف/يقصف`, `n:غارة/غارات`), recognized in any inflected form with any clitics
//!    ("وقصفتها", "سيقصفون", "غاراتهم").
//! 2. **Clauses and phrases** (`rasd-syntax`): each sentence is cut into clauses (main,
//!    coordinated, complement, relative, adverbial, circumstantial) and each clause into
//!    noun and prepositional phrases.
//! 3. **Frames** ([`frames`], `data/events/classes.tsv`): a trigger's class says which
//!    slot fills each role — the subject, the object, a preposition's phrase, a nominal
//!    trigger's adjective or genitive, the agent of the act a phrase names, a place's
//!    state ([`args`], [`nominal`], [`parties`], [`roles`]).
//! 4. **Modality** ([`modality`], `data/events/modality.tsv`): whether the act is
//!    asserted, reported (with its claimant), denied or planned — or only demanded,
//!    threatened, proposed, sought, stopped, hypothetical or negated, and no event.
//! 5. **Events** ([`assemble`], [`document`]): actors are the frame's source roles and
//!    targets the ones acted upon; joint frames list all parties as actors; mediators
//!    meet each party; statements of one act merge. Every event carries its
//!    explanation ([`explain`]).
//!
//! ```
//! let text = "اعترضت الدفاعات الإسرائيلية صواريخ أطلقها حزب الله من جنوب لبنان.";
//! let kb = rasd_kb::Kb::embedded();
//! let ents = rasd_entities::recognize(kb, text);
//! let doc = rasd_attribution::Doc::new(text, &ents, kb);
//! let events = rasd_events::extract(&doc, &[], rasd_events::Lexicon::embedded());
//! let e = &events[0];
//! assert_eq!(e.event_type, "ASSAULT");
//! // The launcher attacks; the interceptor is the target.
//! assert_eq!((e.actors.as_slice(), e.targets.as_slice()), (&["group:hezbollah".to_string()][..], &["ISR".to_string()][..]));
//! ```
#![deny(missing_docs)]

pub mod args;
pub mod assemble;
pub mod context;
pub mod document;
pub mod explain;
pub mod frames;
pub mod lexicon;
pub mod modality;
pub mod nominal;
pub mod parties;
pub mod roles;

pub use lexicon::{Lexicon, LexiconError, Sources};
/// The 16 PLOVER event types.
pub use rasd_model::PLOVER_TYPES;

use rasd_attribution::Doc;
use rasd_model::{Event, Time};

/// The events of a document, with the times its sentences name (for the events' dates).
pub fn extract(doc: &Doc<'_>, times: &[Time], lex: &Lexicon) -> Vec<Event> {
    let ctx = context::Ctx::new(doc, lex, times);
    let raws = assemble::events(&ctx);
    document::finish(&ctx, raws, times)
}

/// As [`extract`], with a readable account of how each trigger was read: its clause, the
/// frame tried, the words in each role, the mood, and why it did or did not give events.
pub fn explain(doc: &Doc<'_>, times: &[Time], lex: &Lexicon) -> (Vec<Event>, String) {
    let ctx = context::Ctx::new(doc, lex, times);
    let outcomes = assemble::assemble(&ctx);
    let raws = collect(&outcomes);
    let events = document::finish(&ctx, raws, times);
    let text = explain::render(&ctx, &outcomes, &events);
    (events, text)
}

fn collect<'e>(
    outcomes: &[(Option<roles::Filled<'e>>, modality::Mood<'e>, assemble::Outcome<'e>)],
) -> Vec<assemble::Raw<'e>> {
    outcomes
        .iter()
        .filter_map(|(_, _, o)| match o {
            assemble::Outcome::Events(r) => Some(r.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_is_documented() {
        let doc = include_str!("../PLOVER.md");
        for f in &Lexicon::embedded().frames {
            if let Some(m) = &f.mode {
                assert!(
                    doc.contains(&format!("`{m}`")),
                    "mode {m} of {} not in PLOVER.md",
                    f.lemma
                );
            }
        }
        for m in ["mediation", "summon", "expel", "call", "strike"] {
            assert!(doc.contains(&format!("`{m}`")), "mode {m} not in PLOVER.md");
        }
    }
}
