//! The rasd pipeline: one article in, one [`Document`] out.
//!
//! Stages run in order, each a pure function of the document so far:
//! clean (drop boilerplate, NFC) → normalize (matching view with offset map) → sentences
//! → mentions (entities, times, numbers) → casualties and events → attribution.
//! Stages that have not landed yet leave their section empty, so the output is always a
//! complete `rasd.document/1`.
//!
//! ```
//! use rasd_pipeline::{Input, Pipeline};
//! let p = Pipeline::embedded();
//! let doc = p.analyze(&Input { id: "a", body: "عنوان\n\nقُتل ثلاثة مدنيين. ونزح آخرون.", ..Input::default() });
//! assert_eq!(doc.sentences.len(), 3);
//! ```
#![deny(missing_docs)]

use rasd_clean::Cleaner;
use rasd_kb::Kb;
use rasd_model::Document;
use rasd_text::clitics::TokenClitics;
use rasd_text::{normalize_indexed, split_sentences, tokenize};

/// One article as the ingest stage hands it over.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// Document id.
    pub id: &'a str,
    /// Source URL.
    pub url: Option<&'a str>,
    /// Headline, if known.
    pub title: Option<&'a str>,
    /// Publication date `YYYY-MM-DD`, if known.
    pub published: Option<&'a str>,
    /// Raw body text.
    pub body: &'a str,
}

/// The knowledge base a pipeline uses: the embedded one, or one extended by the user.
enum KbRef {
    Embedded(&'static Kb),
    Owned(Box<Kb>),
}

/// The event stage's data a pipeline uses: the embedded one, or one extended by the user.
enum EventsRef {
    Embedded(&'static rasd_events::Lexicon),
    Owned(Box<rasd_events::Lexicon>),
}

/// The configured stages. Build once, analyze many articles (it is `Sync`).
pub struct Pipeline {
    cleaner: Cleaner,
    kb: KbRef,
    events: EventsRef,
}

impl Pipeline {
    /// A pipeline with the resources embedded in the binary.
    pub fn embedded() -> Self {
        Self::with_cleaner(Cleaner::embedded())
    }

    /// A pipeline with a given cleaner (e.g. with user patterns added).
    pub fn with_cleaner(cleaner: Cleaner) -> Self {
        Pipeline {
            cleaner,
            kb: KbRef::Embedded(Kb::embedded()),
            events: EventsRef::Embedded(rasd_events::Lexicon::embedded()),
        }
    }

    /// Replaces the knowledge base (e.g. the embedded one plus a user directory).
    pub fn with_kb(mut self, kb: Kb) -> Self {
        self.kb = KbRef::Owned(Box::new(kb));
        self
    }

    /// Replaces the event stage's data (e.g. the embedded one plus a user directory).
    pub fn with_events(mut self, lex: rasd_events::Lexicon) -> Self {
        self.events = EventsRef::Owned(Box::new(lex));
        self
    }

    /// The event stage's data in use.
    pub fn events(&self) -> &rasd_events::Lexicon {
        match &self.events {
            EventsRef::Embedded(l) => l,
            EventsRef::Owned(l) => l,
        }
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &Kb {
        match &self.kb {
            KbRef::Embedded(k) => k,
            KbRef::Owned(k) => k,
        }
    }

    /// Runs every stage over one article.
    pub fn analyze(&self, input: &Input<'_>) -> Document {
        self.run(input, false, None).0
    }

    /// As [`Pipeline::analyze`], adding the time each stage took to `clock` (for the
    /// bench command: which stage costs what).
    pub fn analyze_timed(&self, input: &Input<'_>, clock: &mut StageClock) -> Document {
        self.run(input, false, Some(clock)).0
    }

    /// As [`Pipeline::analyze`], with the event stage's account of how it read each
    /// sentence: clauses, phrases, every trigger with its frame, roles and mood.
    pub fn explain(&self, input: &Input<'_>) -> (Document, String) {
        self.run(input, true, None)
    }

    fn run(
        &self,
        input: &Input<'_>,
        explain: bool,
        mut clock: Option<&mut StageClock>,
    ) -> (Document, String) {
        let mut lap = Lap::start(clock.is_some());
        let cleaned = self.cleaner.clean(input.title, input.body);
        let mut doc = Document::new(input.id, cleaned.text);
        doc.url = input.url.map(str::to_string);
        doc.title = cleaned.title.or_else(|| input.title.map(str::to_string));
        doc.published = input.published.map(str::to_string);
        lap.add(&mut clock, |c| &mut c.clean);
        // Entities and attribution cut span texts out of the text by code point: the
        // byte offset of each is found on the normalizer's pass.
        let (view, offsets) = normalize_indexed(&doc.text);
        doc.sentences = split_sentences(&view);
        let tokens = tokenize(&view);
        // Number expressions serve both times and casualties; find them once.
        let numbers = rasd_text::numbers::find_numbers_tokens(&view, &tokens);
        // Times, entities and attribution all read words behind their proclitics.
        let clitics = TokenClitics::new(&view, &tokens);
        lap.add(&mut clock, |c| &mut c.text);
        doc.times = rasd_times::extract_times_tokens(
            rasd_times::Lexicon::embedded(),
            &doc.text,
            &view,
            &tokens,
            &clitics,
            &doc.sentences,
            doc.published.as_deref(),
            &numbers,
        );
        lap.add(&mut clock, |c| &mut c.times);
        // Recognition reads every word's first-word readings; attribution takes them over.
        let (entities, readings) =
            rasd_entities::recognize_indexed(self.kb(), &offsets, &view, &tokens, &clitics);
        doc.entities = entities;
        let ctx = rasd_attribution::Doc::with_offsets(
            offsets,
            view,
            tokens,
            readings,
            &doc.sentences,
            &doc.entities,
            self.kb(),
        );
        lap.add(&mut clock, |c| &mut c.entities);
        let about = rasd_casualties::Context::new(&doc.times, doc.published.as_deref());
        let casualties = rasd_casualties::extract_numbered(&ctx, &about, numbers);
        lap.add(&mut clock, |c| &mut c.casualties);
        let (events, trace) = if explain {
            rasd_events::explain(&ctx, &doc.times, self.events())
        } else {
            (rasd_events::extract(&ctx, &doc.times, self.events()), String::new())
        };
        drop(ctx);
        lap.add(&mut clock, |c| &mut c.events);
        doc.casualties = casualties;
        doc.events = events;
        (doc, trace)
    }
}

/// The time each stage of [`Pipeline::analyze_timed`] took, summed over the articles.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageClock {
    /// Cleaning the article's text.
    pub clean: std::time::Duration,
    /// Normalizing, sentences, tokens, numbers and clitics.
    pub text: std::time::Duration,
    /// Time expressions.
    pub times: std::time::Duration,
    /// Entities and the attribution layer over them.
    pub entities: std::time::Duration,
    /// Casualty figures.
    pub casualties: std::time::Duration,
    /// Events.
    pub events: std::time::Duration,
}

/// A stopwatch read only when a clock is asked for.
struct Lap(Option<std::time::Instant>);

impl Lap {
    fn start(on: bool) -> Self {
        Lap(on.then(std::time::Instant::now))
    }

    fn add(
        &mut self,
        clock: &mut Option<&mut StageClock>,
        field: impl Fn(&mut StageClock) -> &mut std::time::Duration,
    ) {
        let Some(c) = clock.as_deref_mut() else { return };
        let now = std::time::Instant::now();
        let since = self.0.unwrap_or(now);
        *field(c) += now - since;
        self.0 = Some(now);
    }
}
