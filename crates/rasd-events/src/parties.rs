//! Parties: the states and bodies a phrase, a pronoun or a gap names.
//!
//! A noun phrase names the parties of its linked entities ("القوات الروسية": Russia); a
//! phrase with none names those of a phrase attached to it — a possessive ل ("مواقع للجيش
//! الأرميني") or a membership من/في after a member noun ("مسلحون من حركة الشباب",
//! "قياديا في حماس") — and a coordinated phrase after it adds its own ("مصر وقطر"). A
//! place names the state it lies in (or the one holding it) only where a target may be a
//! place ("قصفت روسيا خاركيف").

use rasd_model::EntityKind;
use rasd_morph::{Number, Person, Pronoun};

use crate::args::Arg;
use crate::context::Ctx;

/// How many mentions back a body's noun looks for what it refers to: far enough for
/// the article's main actors, bounded so that a long text stays linear.
const MENTIONS_BACK: usize = 400;

/// An entity named before a body's noun: (entity, mentions so far, its last mention's
/// first token, whether a mention begins with the noun).
type Named = (usize, usize, usize, bool);

/// Whether a word as written is `noun` behind at most the article and a proclitic or two
/// ("والجيش", "بالحركة", "وحركة" for "جيش", "حركة").
fn begins_with_noun(written: &str, noun: &str) -> bool {
    written.strip_suffix(noun).is_some_and(|prefix| {
        prefix.chars().count() <= 3 && prefix.chars().all(|c| "وفبلكا".contains(c))
    })
}

/// The entity index a "the two sides" party carries: the article's pair stands for it.
pub const DYAD: usize = usize::MAX;

/// A party found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party<'e> {
    /// The entity, if one names it (a state added from a place has its place here).
    pub entity: usize,
    /// Its participant code.
    pub code: &'e str,
    /// Where it is named.
    pub token: usize,
    /// Named as a place, standing for its state.
    pub place: bool,
}

impl<'e> Ctx<'_, 'e> {
    /// The parties of an argument. `places`: a place counts, for its state.
    pub fn arg_parties(&self, arg: Arg, places: bool) -> Vec<Party<'e>> {
        match arg {
            Arg::Phrase(p) => self.phrase_parties(p, places),
            Arg::Pron(at, pron) => self.resolve(at, pron),
            Arg::Antecedent(t) => match self.phrase_of(t) {
                Some(p) => self.phrase_parties(p, places),
                None => self.token_party(t, places).into_iter().collect(),
            },
            Arg::Entity(k) => self
                .code(k)
                .map(|code| Party { entity: k, code, token: 0, place: false })
                .into_iter()
                .collect(),
        }
    }

    /// The parties phrase `p` names, with those coordinated after it.
    pub fn phrase_parties(&self, p: usize, places: bool) -> Vec<Party<'e>> {
        let mut out = self.own_parties(p, places);
        let phrases = &self.parse.phrases.list;
        let mut q = p + 1;
        while q < phrases.len()
            && phrases[q].coordinated
            && !phrases[q].aside
            && phrases[q].clause == phrases[p].clause
            && (phrases[q].prep.is_none() || phrases[q].prep == phrases[p].prep)
        {
            q += 1;
        }
        // "اتهم باكو بالتسبب في العنف وتركيا بالتورط": a second object with its own
        // phrase of the same preposition, in parallel with the first.
        let parallel = self.parallel_object(p, q);
        for r in (p + 1..q).chain(parallel) {
            for party in self.own_parties(r, places) {
                if !out.iter().any(|x| x.entity == party.entity) {
                    out.push(party);
                }
            }
        }
        out
    }

    /// The bare phrase joined by و after the prepositional phrase `q` that follows phrase
    /// `p` (and what hangs on it), when a phrase of that same preposition follows it in
    /// turn: "X بـA و Y بـB".
    fn parallel_object(&self, p: usize, q: usize) -> Option<usize> {
        let phrases = &self.parse.phrases.list;
        let (first, attached) = (&phrases[p], phrases.get(q)?);
        if first.prep.is_some() || attached.prep.is_none() || !attached.after_noun {
            return None;
        }
        // Past the phrases hanging on the first one's ("بالتسبب | في العنف").
        let mut r = q + 1;
        while r < q + 3 && phrases.get(r).is_some_and(|x| x.prep.is_some() && x.after_noun) {
            r += 1;
        }
        let (second, its_own) = (phrases.get(r)?, phrases.get(r + 1)?);
        let parallel = second.coordinated
            && second.prep.is_none()
            && !second.aside
            && its_own.prep == attached.prep
            && its_own.after_noun
            && [second.clause, its_own.clause, attached.clause].iter().all(|&c| c == first.clause);
        parallel.then_some(r)
    }

    /// The parties of phrase `p` alone: its entities, else an attached phrase's.
    fn own_parties(&self, p: usize, places: bool) -> Vec<Party<'e>> {
        let ph = &self.parse.phrases.list[p];
        let mut out: Vec<Party<'e>> = Vec::new();
        // "الجانبان", "طرفي النزاع", "جميع الأطراف": the article's two sides, filled in
        // at the end.
        if let Some(set) = self.lex.known.dyad {
            // (A preposition ending the text heads no word: its head is past the end.)
            let quantified = self
                .parse
                .tags
                .get(ph.head)
                .is_some_and(|tag| tag.has(|f| *f == rasd_syntax::Function::Quant))
                .then_some(ph.head + 1)
                .filter(|&u| u < ph.tokens.end);
            let head = quantified.unwrap_or(ph.head);
            if self.in_set(head, set)
                && !ph.noun_tokens().any(|t| self.token_party(t, false).is_some())
            {
                // "طرفي النزاع في جنوب السودان": the sides of the war in that state.
                if let Some(state) = self.dyad_scene(p) {
                    return state;
                }
                return vec![Party { entity: DYAD, code: "", token: ph.head, place: false }];
            }
        }
        for t in ph.noun_tokens() {
            if let Some(party) = self.token_party(t, places) {
                if !out.iter().any(|x| x.entity == party.entity) {
                    out.push(party);
                }
            }
        }
        // "قاعدة حميميم الروسية": a state named by its adjective owns the place named
        // beside it.
        if out.iter().any(|x| x.place)
            && out.iter().any(|x| !x.place && self.names_state_by_adjective(x))
        {
            out.retain(|x| !x.place);
        }
        if out.is_empty() {
            if let Some(q) = self.owner_phrase(p) {
                return self.phrase_parties(q, places);
            }
            if let Some(flag) = self.flag_state(p) {
                return flag;
            }
            // "قواتها", "مقاتليهم": the possessor written on the head.
            // A preposition ending the text ("اشتبك الجيش مع") heads no word.
            let Some(head) = self.parse.tags.get(ph.head) else { return out };
            // "مواقع لها": a preposition's pronoun is its phrase's noun.
            let prep_word = ph.prep.is_some() && head.kind == rasd_syntax::Kind::Function;
            let nominal = head.kind == rasd_syntax::Kind::Nominal || prep_word;
            if let (Some(pron), true) = (head.pronoun, nominal) {
                return self.resolve(ph.head, pron);
            }
            // "وفد الحركة", "مقاتلو الجماعة": a member noun's genitive refers back too.
            let member = self.lex.known.member.filter(|&s| self.in_set(ph.head, s));
            let genitive = member.and_then(|_| ph.noun_tokens().nth(1));
            return [Some(ph.head), genitive]
                .into_iter()
                .flatten()
                .find_map(|t| self.named_before(t))
                .into_iter()
                .collect();
        }
        out
    }

    /// The body a noun with the article refers back to: of the names before it that
    /// begin with that noun ("قالت حركة حماس ... وأضافت الحركة", "دانت سلطنة عمان ...
    /// وقالت السلطنة"), the one the article has named most so far, the nearest if
    /// tied — "الحزب" in an article on the PKK is the PKK even just after another party
    /// is named once. Only nouns of set `body_noun` do so: "الحركة" in "حرية الحركة" is
    /// a genitive, never a phrase's head.
    fn named_before(&self, head: usize) -> Option<Party<'e>> {
        let set = self.lex.known.body_noun?;
        let written = self.doc.w(head);
        let noun = rasd_text::phrases::strip_article(written);
        // One body: "الحركات" (movements) names others than the one told before.
        let singular = self.in_set_singular(head, set);
        if noun.len() == written.len()
            || self.parse.tags[head].kind != rasd_syntax::Kind::Nominal
            || !singular
        {
            return None;
        }
        let mut seen: Vec<Named> = Vec::new();
        let starts = self.mention_starts();
        let end = starts.partition_point(|&t| t < head);
        for &t in &starts[end.saturating_sub(MENTIONS_BACK)..end] {
            let Some(k) = self.doc.entity_at.get(t) else { continue };
            let begins = begins_with_noun(self.doc.w(t), noun);
            match seen.iter_mut().find(|s| s.0 == k) {
                Some(s) => *s = (k, s.1 + 1, t, s.3 || begins),
                None => seen.push((k, 1, t, begins)),
            }
        }
        let most_named = |keep: &dyn Fn(&Named) -> bool| {
            seen.iter().filter(|s| keep(s)).max_by_key(|&&(_, count, last, _)| (count, last))
        };
        // "نفى المتحدث باسم الحوثيين أن تكون الجماعة قد ...": a group's noun with no name
        // that begins with it is the group the article names most.
        let group_noun = self.lex.known.group_noun.is_some_and(|g| self.in_set(head, g));
        let is_group = |k: usize| self.doc.entities[k].kind == EntityKind::Group;
        let &(_, _, t, _) =
            most_named(&|s| s.3).or_else(|| most_named(&|s| group_noun && is_group(s.0)))?;
        let party = self.token_party(t, false)?;
        Some(Party { token: head, ..party })
    }

    /// The state of the place in a في phrase right after the two-sides phrase `p`.
    fn dyad_scene(&self, p: usize) -> Option<Vec<Party<'e>>> {
        let parties = self.own_parties(self.attached_by(p, "في")?, true);
        (!parties.is_empty()).then_some(parties)
    }

    /// The flag a ship named by phrase `p` flies, told by a relative clause on it
    /// ("ناقلة ترفع علم بنما"): the ship's party.
    fn flag_state(&self, p: usize) -> Option<Vec<Party<'e>>> {
        let set = self.lex.known.flag?;
        let ph = &self.parse.phrases.list[p];
        let rel = self.relative_on(ph.tokens.end.checked_sub(1)?)?;
        let v = self.main_verb(rel)?;
        if !self.in_set(v, set) {
            return None;
        }
        // Its object, or the name in it ("علم" may read as a verb of its own).
        let party =
            self.parse.clauses.list[rel].tokens().find_map(|t| self.token_party(t, false))?;
        Some(vec![party])
    }

    /// Whether a party is a state named by its nisba ("الروسية").
    fn names_state_by_adjective(&self, x: &Party<'e>) -> bool {
        self.doc.entities[x.entity].kind == EntityKind::Country
            && rasd_syntax::phrase::nisba_at(self.doc, x.token)
    }

    /// The phrase that says whose the noun of phrase `p` is: a possessive ل right after
    /// it, or من/في/عن after a member noun.
    pub fn owner_phrase(&self, p: usize) -> Option<usize> {
        let phrases = &self.parse.phrases.list;
        let mut q = p + 1;
        let next = phrases.get(q)?;
        if !next.after_noun || next.clause != phrases[p].clause {
            return None;
        }
        let key = self.prep_key_of(next)?;
        // "بوساطة من قوات حفظ السلام": a preposition with no noun of its own.
        let bare_prep = phrases[p].noun_tokens().is_empty();
        let member = || {
            self.lex
                .known
                .member
                .is_some_and(|s| phrases[p].noun_tokens().any(|t| self.in_set(t, s)))
        };
        // "سفينة مرتبطة بإسرائيل", "ناقلة مسجلة في ليبيريا": an owner's participle last.
        let owned = || {
            let last = phrases[p].noun_tokens().last();
            self.lex.known.owned.is_some_and(|s| last.is_some_and(|t| self.in_set(t, s)))
        };
        let owner = match key {
            // "المتحدث باسم الحوثيين": who one speaks for.
            "ل" | "باسم" => true,
            "ب" => owned(),
            "من" | "في" => bare_prep || member() || owned(),
            // "ممثلين عن إسرائيل": عن after a member noun names whom it stands for.
            "عن" => member(),
            _ => false,
        };
        if !owner {
            return None;
        }
        // "ممثلين من كل من الولايات المتحدة ...": past "من كل".
        while phrases.get(q + 1).is_some_and(|n| n.after_noun) && self.quantifier_only(q) {
            q += 1;
        }
        Some(q)
    }

    /// Whether phrase `q`'s noun is only a quantifier ("من كل").
    fn quantifier_only(&self, q: usize) -> bool {
        let ph = &self.parse.phrases.list[q];
        ph.noun_tokens().all(|t| self.parse.tags[t].has(|f| *f == rasd_syntax::Function::Quant))
    }

    /// The party an entity token names, if it can take part (or, with `places`, the
    /// state of a place).
    pub fn token_party(&self, t: usize, places: bool) -> Option<Party<'e>> {
        let k = self.doc.entity_at.get(t)?;
        let e = &self.doc.entities[k];
        if e.kind == EntityKind::Place && places {
            let code = *self.place_states(k).first()?;
            return Some(Party { entity: k, code, token: t, place: true });
        }
        // "مسيرة إسرائيلية الصنع": where a thing was made names no party.
        if e.kind == EntityKind::Country && self.made_in(t) {
            return None;
        }
        let code = self.code(k)?;
        Some(Party { entity: k, code, token: t, place: false })
    }

    /// Whether the word after the name at token `t` says it is where something was made
    /// (set `origin`: الصنع، المنشأ).
    fn made_in(&self, t: usize) -> bool {
        let Some(set) = self.lex.known.origin else { return false };
        let next = self.parse.tags[t].end.max(t + 1);
        next < self.parse.tags.len() && self.in_set(next, set)
    }

    /// The party a pronoun at token `at` stands for: the speaker for the first person
    /// ("قواتنا", "قصفناهم"); else the nearest party named before it in the sentence,
    /// else the first of the sentence before.
    pub fn resolve(&self, at: usize, pron: Pronoun) -> Vec<Party<'e>> {
        let s = self.doc.sentence_of(at);
        match pron.person() {
            Person::First => return self.speaker(at).into_iter().collect(),
            // Whoever is addressed is seldom named in the sentence before.
            Person::Second => return Vec::new(),
            Person::Third => {}
        }
        // "إن مسيرات الدعم السريع هاجمته": a verb's object pronoun is not its own subject
        // (that would be نفسه); the speaker is then the likelier one.
        let own_subject: Vec<usize> = if self.parse.tags[at].is_verb() {
            let subject = self.verb_args(at).subject;
            subject.map_or_else(Vec::new, |a| {
                self.arg_parties(a, false).iter().map(|p| p.entity).collect()
            })
        } else {
            Vec::new()
        };
        let free = |p: &Party<'e>| !own_subject.contains(&p.entity);
        // "قالت مصر وقطر إنهما ...": a dual or plural pronoun takes up the whole subject.
        let many = matches!(pron.number(), Number::Dual | Number::Plural);
        let mut governing: Vec<Party<'e>> =
            self.governing_subjects(at).into_iter().filter(free).collect();
        governing.truncate(if many { governing.len() } else { 1 });
        if governing.is_empty() && !own_subject.is_empty() {
            governing.extend(self.reporter(at).filter(free));
        }
        if !governing.is_empty() {
            for p in &mut governing {
                p.token = at;
            }
            return governing;
        }
        let range = self.doc.sentences[s].clone();
        let before = (range.start..at).rev().find_map(|t| self.token_party(t, false));
        let found = before.or_else(|| {
            let prev = self.doc.sentences.get(s.checked_sub(1)?)?.clone();
            prev.clone().find_map(|t| self.token_party(t, false))
        });
        found
            .map(|mut p| {
                p.token = at;
                p
            })
            .into_iter()
            .collect()
    }

    /// In a circumstantial clause ("، معربا عن تضامن بلاده") or a complement that names no
    /// one before the pronoun, the subject of the clause it hangs on, whom its pronouns
    /// take up rather than the nearest name.
    fn governing_subjects(&self, at: usize) -> Vec<Party<'e>> {
        self.governing_subject_arg(at)
            .map(|subject| self.arg_parties(subject, false))
            .unwrap_or_default()
    }

    /// The subject argument of the clause a pronoun at `at` hangs on (see
    /// [`Ctx::governing_subjects`]).
    fn governing_subject_arg(&self, at: usize) -> Option<Arg> {
        let list = &self.parse.clauses.list;
        let c = self.parse.clauses.index_of(at)?;
        // "قال الوزير في مؤتمر مع نظيره العراقي إن بلاده ...": so too in what a subject
        // says, up to a name of its own.
        let said = list[c].kind == rasd_syntax::ClauseKind::Comp
            && (list[c].start()..at).all(|t| self.token_party(t, false).is_none());
        if list[c].kind != rasd_syntax::ClauseKind::Circ && !said {
            return None;
        }
        let v = self.main_verb(list[c].parent?)?;
        self.verb_args(v).subject
    }

    /// Who speaks at token `at`: the subject of the reporting verb whose complement holds
    /// it, else the sentence's claimant.
    pub fn speaker(&self, at: usize) -> Option<Party<'e>> {
        if let Some(r) = self.reporter(at) {
            return Some(r);
        }
        let c = self.doc.claimant_with(at, &self.claims)?;
        let code = self.code(c.entity)?;
        Some(Party { entity: c.entity, code, token: at, place: false })
    }
}
