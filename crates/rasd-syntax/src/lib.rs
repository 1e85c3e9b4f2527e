//! Clauses and phrases of Arabic news sentences: the structure the event stage reads
//! who did what to whom from.
//!
//! Three layers, each a pure function of the one before, over the token-level view of a
//! document (`rasd_attribution::Doc`, with its linked entities):
//! 1. [`tag`]: every token gets a word class — punctuation, number, a linked entity, a
//!    closed-class word (prepositions, conjunctions, complementizers, relative pronouns,
//!    clause markers, negations; `data/syntax/words.tsv`), a verb (any inflected form of
//!    a lemma the grammar or a caller's lexicon lists, through `rasd-morph`) or a
//!    nominal. A caller lays its own lexicon over the grammar's
//!    ([`Tags::lay_over`]) before the cut.
//! 2. [`clause`]: every sentence is cut into clauses — main, coordinated, complement,
//!    relative (with its antecedent), adverbial (with its sense) and circumstantial —
//!    each knowing the clause it depends on.
//! 3. [`phrase`]: every clause is cut into noun phrases and prepositional phrases, each
//!    with its head, its preposition, and whether it is coordinated with the one before.
//!
//! ```
//! use rasd_syntax::{Grammar, Parse, ClauseKind};
//! let text = "وقال الجيش إن مسلحين هاجموا قرية وخطفوا عشرات السكان.";
//! let kb = rasd_kb::Kb::embedded();
//! let ents = rasd_entities::recognize(kb, text);
//! let doc = rasd_attribution::Doc::new(text, &ents, kb);
//! let g = Grammar::embedded();
//! let parse = Parse::new(&doc, g, rasd_syntax::Tags::new(&doc, g));
//! let kinds: Vec<&str> = parse.clauses.list.iter().map(|c| c.kind.name()).collect();
//! assert_eq!(kinds, ["main", "comp", "coord"]);
//! ```
#![deny(missing_docs)]

pub mod clause;
pub mod grammar;
pub mod phrase;
pub mod tag;

pub use clause::{Clause, ClauseKind, Clauses};
pub use grammar::{AdvSense, ConjKind, Function, Grammar, GrammarError, NegScope, VerbSense};
pub use phrase::{Phrase, Phrases};
pub use tag::{Kind, Tag, Tags};

use rasd_attribution::Doc;

/// A document's structure: word classes, clauses and phrases.
#[derive(Debug, Clone)]
pub struct Parse<'g> {
    /// Per token, its class.
    pub tags: Tags<'g>,
    /// The clauses of every sentence.
    pub clauses: Clauses,
    /// The phrases of every clause.
    pub phrases: Phrases,
}

impl<'g> Parse<'g> {
    /// Cuts `doc` into clauses and phrases, from tags made by [`Tags::new`] (with a
    /// caller's lexicon laid over them, or not).
    pub fn new(doc: &Doc<'_>, grammar: &'g Grammar, mut tags: Tags<'g>) -> Self {
        tags.settle_verbs();
        let clauses = clause::clauses(&tags, doc);
        let phrases = phrase::phrases(grammar, &tags, &clauses, doc);
        Parse { tags, clauses, phrases }
    }

    /// The clauses of sentence `s`, as the clause table writes them: `KIND: words`,
    /// joined by ` || `, each stretch of words under the innermost clause it belongs to.
    pub fn render_sentence(&self, doc: &Doc<'_>, s: usize) -> String {
        let Some(r) = doc.sentences.get(s) else { return String::new() };
        let mut parts: Vec<(usize, Vec<&str>)> = Vec::new();
        for t in r.clone() {
            if doc.tokens[t].kind == rasd_text::TokenKind::Punct {
                continue;
            }
            let c = self.clauses.index_of(t).unwrap_or(0);
            match parts.last_mut() {
                Some((pc, words)) if *pc == c => words.push(doc.w(t)),
                _ => parts.push((c, vec![doc.w(t)])),
            }
        }
        parts
            .iter()
            .map(|(c, words)| format!("{}: {}", self.clauses.list[*c].kind.name(), words.join(" ")))
            .collect::<Vec<_>>()
            .join(" || ")
    }
}
