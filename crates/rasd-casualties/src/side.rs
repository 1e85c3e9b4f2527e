//! Whose losses a figure counts: its side, from the strongest evidence the text gives.
//!
//! In order: the counted people's nationality ("14 فلسطينيا", "جنود أذريين"); the party
//! they belong to ("من عناصره", "عناصر من قوات الدعم السريع", "في صفوف الجيش"); the
//! figure they are part of or beside ("بينهم 27", "وأصيب 10 آخرون"); then, for
//! soldiers and fighters, the claimant giving its own losses before the attack and the
//! place, and for everyone else the target of the attack that caused them ("هجوم على
//! مخيم في الفاشر"), the country of the place where they were hit, and last the
//! claimant. Each answer says which evidence gave it.

use rasd_attribution::{token_at, Claim, Doc};
use rasd_model::{EntityKind, Group, SideBasis};
use rustc_hash::FxHashSet;

use crate::figures::{nationality, Found};
use crate::lexicon::{lexicon, Cue, Role};
use crate::marks::Marks;

/// How far around a figure the words of an attack or a place are looked for.
const ATTACK_BEFORE: usize = 12;
const ATTACK_AFTER: usize = 16;
/// How far after a figure a place may be named for it (before it, the whole sentence).
const PLACE_AFTER: usize = 14;
/// How far after an attack noun its "على" may come ("هجوم لمسلحين مجهولين على"), and
/// how far after على its target ("على مخيم للنازحين في الفاشر").
const ON_REACH: usize = 4;
const TARGET_REACH: usize = 5;
/// The mentions an article needs of its most named country to be set there.
const SETTING_MIN: usize = 3;

/// What the place near a figure says of its side.
enum Where {
    One(Side),
    /// Places of several countries.
    Several,
    /// No place.
    Unknown,
}

/// Prepositions of place: grammar rather than vocabulary.
const IN: &str = "في";
const TO: &str = "الي";
const FROM: &str = "من";

/// A side found: the entity id of the party, what kind of evidence gave it, and its
/// tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Side {
    pub id: String,
    pub basis: SideBasis,
    pub from: usize,
    pub to: usize,
}

/// What the side of a figure is read with.
pub(crate) struct SideCx<'m, 'd, 'a> {
    pub doc: &'d Doc<'a>,
    pub mk: &'m Marks<'d, 'a>,
    /// The countries the article names: a place or target whose country is none of
    /// them is more likely a name linked to the wrong place than where people were hit.
    named: FxHashSet<String>,
}

/// What the figures before tell the ones that follow.
pub(crate) struct Previous<'p> {
    /// The side of the figure given just before.
    pub side: Option<&'p Side>,
    /// Where the refugees counted last came from, as the text said.
    pub refugees_from: Option<&'p Side>,
}

impl<'m, 'd, 'a> SideCx<'m, 'd, 'a> {
    /// The side reader of a document.
    pub fn new(doc: &'d Doc<'a>, mk: &'m Marks<'d, 'a>) -> Self {
        let named = doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .map(|e| e.country.clone().unwrap_or_else(|| e.id.clone()))
            .collect();
        SideCx { doc, mk, named }
    }

    /// Whether the article names country `id`, or fewer than two: a place or a body
    /// linked to a country an article about others never names is more likely a wrong
    /// link.
    fn plausible(&self, id: &str) -> bool {
        self.named.len() < 2 || self.named.contains(id)
    }

    /// The state a claimant stands for; for a body, only if plausible (a government
    /// named like another country's is the likelier wrong link).
    fn claimant_state(&self, k: usize) -> Option<String> {
        let body = self.doc.entities[k].kind == EntityKind::Org;
        state_of(self.doc, k).filter(|id| !body || self.plausible(id))
    }

    /// The side of figure `f`, attributed to `claim`, after `prev`.
    pub fn side(&self, f: &Found, claim: Option<Claim>, prev: &Previous<'_>) -> Option<Side> {
        if let Some(s) = self.nationality(f).or_else(|| self.membership(f, claim)) {
            return Some(s);
        }
        if f.follows_previous {
            if let Some(p) = prev.side {
                let (from, to) = f.noun.unwrap_or((f.first, f.last));
                return Some(Side { basis: SideBasis::Others, from, to, ..p.clone() });
            }
        }
        // Refugees are counted where they came from, not where they are: as the
        // sentence says, or as the article said of the refugees before.
        if self.abroad(f) {
            return self.origin(f).or_else(|| prev.refugees_from.cloned());
        }
        let own = || self.claimant_own(f, claim);
        let military = f.group == Group::Military;
        if let Some(s) = own().filter(|_| military).or_else(|| self.target(f)) {
            return Some(s);
        }
        let place = match self.place(f, claim) {
            Where::One(s) => return Some(s),
            Where::Several => None,
            Where::Unknown => Some(()),
        };
        let own = own().filter(|_| !military && self.claimant_counts_own(f, claim));
        // Told nowhere near: the paragraph's place, the headline's, the article's.
        own.or_else(|| place.and_then(|()| self.place_before(f, claim)))
            .or_else(|| place.and_then(|()| self.setting()))
    }

    /// Whether a claimant's side is the side of figure `f` of civilians or people: when
    /// they are its own ("جنوده") or said to be civilians or soldiers.
    fn claimant_counts_own(&self, f: &Found, claim: Option<Claim>) -> bool {
        // A ministry or an official giving a toll of people with no place gives its own;
        // a state speaking as a whole may be speaking of others.
        let body = claim.is_some_and(|c| {
            matches!(self.doc.entities[c.entity].kind, EntityKind::Org | EntityKind::Person)
        });
        body || f.group != Group::Unspecified
            || f.noun.is_some_and(|(a, _)| possessed(self.doc.w(a)))
    }

    /// Whether the figure counts refugees ("لاجئ", "وافد").
    pub fn abroad(&self, f: &Found) -> bool {
        f.kind == rasd_model::CasualtyKind::Displaced
            && (f.first..f.last).any(|t| self.mk.cue_is(t, Cue::Abroad))
    }

    /// Where refugees came from: a country after "من" in the sentence ("فروا من السودان").
    fn origin(&self, f: &Found) -> Option<Side> {
        let doc = self.doc;
        let range = doc.sentences[f.sentence].clone();
        (f.last..range.end).find_map(|t| {
            let k = doc.entity_at.get(t)?;
            let first = doc.entity_at.get(t.wrapping_sub(1)) != Some(k);
            let from = doc.w(t.wrapping_sub(1)) == "من" || doc.w(t).starts_with("من");
            let e = &doc.entities[k];
            (first && from && e.kind == EntityKind::Country && !is_adjective_at(doc, t)).then(
                || {
                    let id = e.country.as_deref().unwrap_or(&e.id);
                    side(id, SideBasis::Place, t, name_end(doc, t))
                },
            )
        })
    }

    /// The counted noun is a nationality ("15 فلسطينيا"), or a country's adjective is
    /// on it ("جنود أذريين", "جنديا باكستانيا").
    fn nationality(&self, f: &Found) -> Option<Side> {
        let doc = self.doc;
        let (a, end) = f.noun?;
        if let Some(id) = nationality(doc, a) {
            return Some(side(id, SideBasis::Nationality, a, a + 1));
        }
        let k = doc.entity_at.get(end)?;
        let e = &doc.entities[k];
        (e.kind == EntityKind::Country && is_adjective_at(doc, end)).then(|| {
            side(e.country.as_deref().unwrap_or(&e.id), SideBasis::Nationality, a, end + 1)
        })
    }

    /// The party the counted people belong to: named after the noun ("عناصر حزب الله",
    /// "مقاتل من حماس", "جنود الجيش السوداني"), the speaker's own ("من جنوده",
    /// "مقاتليها"), or whose ranks they were in ("في صفوف القوات الأرمينية").
    fn membership(&self, f: &Found, claim: Option<Claim>) -> Option<Side> {
        let doc = self.doc;
        if let Some((a, end)) = f.noun {
            let mut party_at = if matches!(doc.w(end), "من" | "التابعين" | "التابعه")
            {
                end + 1
            } else {
                end
            };
            // "عناصر الجيش العراقي": the army named by its state's adjective.
            if doc.entity_at.get(party_at).is_none()
                && self.mk.person(party_at).is_some_and(|p| p.1 == Group::Military)
            {
                let adj = party_at + 1;
                if let Some(id) = self.adjective_state(adj) {
                    return Some(side(&id, SideBasis::Membership, a, adj + 1));
                }
                party_at = adj;
            }
            if let Some(k) = doc.entity_at.get(party_at) {
                let e = &doc.entities[k];
                let adjective = e.kind == EntityKind::Country && is_adjective_at(doc, party_at);
                if !adjective && e.kind != EntityKind::Place {
                    if let Some(id) = state_of(doc, k) {
                        return Some(side(&id, SideBasis::Membership, a, party_at + 1));
                    }
                }
            }
            if possessed(doc.w(a)) {
                if let Some(id) = claim.and_then(|c| self.claimant_state(c.entity)) {
                    return Some(side(&id, SideBasis::Membership, a, end));
                }
            }
        }
        self.ranks(f, claim)
    }

    /// The state whose adjective token `t` is ("العراقي").
    fn adjective_state(&self, t: usize) -> Option<String> {
        let doc = self.doc;
        let k = doc.entity_at.get(t)?;
        let e = &doc.entities[k];
        (e.kind == EntityKind::Country && is_adjective_at(doc, t))
            .then(|| e.country.clone().unwrap_or_else(|| e.id.clone()))
    }

    /// "في صفوف X" near the figure: X's side, or the speaker's for "في صفوفها".
    fn ranks(&self, f: &Found, claim: Option<Claim>) -> Option<Side> {
        let doc = self.doc;
        let range = doc.sentences[f.sentence].clone();
        let window = f.first.saturating_sub(12).max(range.start)..(f.last + 12).min(range.end);
        for t in window {
            let Some((end, Cue::Ranks)) = self.mk.cue(t) else { continue };
            let party = (end..(end + 3).min(range.end)).find_map(|x| {
                doc.entity_at.get(x).and_then(|k| state_of(doc, k)).map(|id| (x, id))
            });
            if let Some((x, id)) = party {
                return Some(side(&id, SideBasis::Membership, t, x + 1));
            }
            // "في صفوفها", "في صفوف قواتها": the speaker's own ranks.
            if ["ها", "هم", "ه"].iter().any(|p| doc.w(t).ends_with(p)) || possessed(doc.w(end))
            {
                if let Some(id) = claim.and_then(|c| self.claimant_state(c.entity)) {
                    return Some(side(&id, SideBasis::Membership, t, end));
                }
            }
        }
        None
    }

    /// A state that gives a toll of its soldiers or civilians with no other marker gives
    /// its own ("أعلنت وزارة الدفاع مقتل جندي") — unless it says it did the killing
    /// ("قال الجيش إنه قتل 300 مسلح"): those are the enemy's.
    fn claimant_own(&self, f: &Found, claim: Option<Claim>) -> Option<Side> {
        let doc = self.doc;
        let c = claim?;
        let by_claimant = f.first > 0
            && self
                .mk
                .term(f.first)
                .is_some_and(|t| matches!(t.term.role, Role::Verb | Role::VerbOne))
            && matches!(doc.w(f.first - 1), "انه" | "انها" | "انهم" | "انهما" | "انهن");
        if by_claimant {
            return None;
        }
        let id = self.claimant_state(c.entity)?;
        let (from, to) = claim_tokens(doc, c.entity, f.sentence).unwrap_or((c.at, c.at + 1));
        Some(side(&id, SideBasis::Claimant, from, to))
    }

    /// The party an attack near the figure was aimed at: what comes after its "على"
    /// ("غارة إسرائيلية على بلدة في جنوب لبنان", "هجوم للدعم السريع على مخيم في
    /// الفاشر"), or right after "استهداف".
    ///
    /// The clause's own reading, until the event stage's frames say who acted on whom.
    fn target(&self, f: &Found) -> Option<Side> {
        let doc = self.doc;
        let range = doc.sentences[f.sentence].clone();
        let from = f.first.saturating_sub(ATTACK_BEFORE).max(range.start);
        let to = (f.last + ATTACK_AFTER).min(range.end);
        let mut attacks: Vec<(usize, usize)> = (from..to)
            .filter_map(|t| match self.mk.cue(t) {
                Some((end, Cue::Attack)) => Some((t, end)),
                _ => None,
            })
            .collect();
        attacks.sort_by_key(|&(t, _)| t.abs_diff(f.first));
        attacks.into_iter().find_map(|(t, end)| self.attack_target(t, end, range.end))
    }

    /// The target of the attack word at `[t, end)`.
    fn attack_target(&self, t: usize, end: usize, stop: usize) -> Option<Side> {
        let doc = self.doc;
        let on = (end..(end + ON_REACH).min(stop))
            .take_while(|&x| !matches!(doc.w(x), "." | "," | ";" | ":"))
            .find(|&x| doc.w(x) == "علي");
        let objects = match on {
            Some(x) => x + 1..(x + 1 + TARGET_REACH).min(stop),
            // "استهداف" takes its object directly.
            None if doc.w(t).ends_with("استهداف") => end..(end + TARGET_REACH).min(stop),
            None => return None,
        };
        for x in objects {
            if matches!(doc.w(x), "." | "," | ";" | ":") {
                break;
            }
            // A name linked to an unlikely country is passed over for the next one.
            if let Some(id) = doc.entity_at.get(x).and_then(|k| country_of(doc, k)) {
                if self.plausible(&id) {
                    return Some(side(&id, SideBasis::Target, t, name_end(doc, x)));
                }
            }
        }
        None
    }

    /// The country of the place where the figure's people were hit: a place named near
    /// it in its sentence ("في مدينة الفاشر", "بريف إدلب"), after it first, then within
    /// what it says, then before it. Places of several countries ("في مالي وبوركينا فاسو")
    /// give none.
    fn place(&self, f: &Found, claim: Option<Claim>) -> Where {
        let displaced = f.kind == rasd_model::CasualtyKind::Displaced;
        let range = self.doc.sentences[f.sentence].clone();
        let after = f.last..(f.last + PLACE_AFTER).min(range.end);
        let within = f.first..f.last;
        let before = (range.start..f.first).rev();
        for t in after.chain(within).chain(before) {
            if let Some(found) = self.place_at(t, claim, displaced) {
                return if self.another_country_beside(t, &found.id) {
                    Where::Several
                } else {
                    Where::One(found)
                };
            }
        }
        Where::Unknown
    }

    /// Whether a place or country of another country is joined to the name at token
    /// `t` by و ("مالي وبوركينا فاسو", "بين أرمينيا وأذربيجان").
    fn another_country_beside(&self, t: usize, id: &str) -> bool {
        let doc = self.doc;
        let Some(k) = doc.entity_at.get(t) else { return false };
        let end = (t..doc.tokens.len()).find(|&x| doc.entity_at.get(x) != Some(k)).unwrap_or(t + 1);
        let other = |x: usize| {
            doc.entity_at
                .get(x)
                .filter(|&j| j != k)
                .and_then(|j| country_of(doc, j))
                .is_some_and(|c| c != id)
        };
        let next_joined = doc.w(end).starts_with('و') && other(end);
        let prev_joined = doc.w(t).starts_with('و') && t > 0 && other(t - 1);
        next_joined || prev_joined
    }

    /// The country the article is set in: the one whose names (the state, its places,
    /// bodies and people) it gives most, by a clear margin over the next.
    fn setting(&self) -> Option<Side> {
        let doc = self.doc;
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        // Every name counts for its country: the state, its places, bodies and people.
        for e in doc.entities {
            let Some(id) = e.country.as_deref() else { continue };
            let first = e.mentions.first().map_or(0, |m| token_at(&doc.tokens, m.start));
            match counts.iter_mut().find(|c| c.0 == id) {
                Some(c) => c.1 += e.mentions.len(),
                None => counts.push((id, e.mentions.len(), first)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let (id, n, at) = *counts.first()?;
        let runner_up = counts.get(1).map_or(0, |c| c.1);
        (n >= SETTING_MIN && n * 2 >= runner_up * 3).then(|| side(id, SideBasis::Place, at, at + 1))
    }

    /// When the figure's sentence names no place: the last place the paragraph named
    /// before it, else the place the headline names when it tells of losses or an
    /// attack.
    fn place_before(&self, f: &Found, claim: Option<Claim>) -> Option<Side> {
        let doc = self.doc;
        let displaced = f.kind == rasd_model::CasualtyKind::Displaced;
        let mut s = f.sentence;
        while s > 0 && !self.starts_paragraph(s) {
            s -= 1;
            let range = doc.sentences[s].clone();
            if let Some((t, found)) =
                range.rev().find_map(|t| Some((t, self.place_at(t, claim, displaced)?)))
            {
                return (!self.another_country_beside(t, &found.id)).then_some(found);
            }
        }
        // The headline's place, when the headline tells of losses or an attack there.
        let headline = doc.sentences.first().filter(|_| f.sentence > 0)?.clone();
        let violent =
            headline.clone().any(|t| self.mk.term(t).is_some() || self.mk.cue_is(t, Cue::Attack));
        let (t, found) = headline.clone().filter(|_| violent).find_map(|t| {
            let found = self.place_at(t, claim, displaced).or_else(|| self.country_noun_at(t))?;
            Some((t, found))
        })?;
        (!self.another_country_beside(t, &found.id)).then_some(found)
    }

    /// Whether sentence `s` opens a paragraph (a line break before it).
    fn starts_paragraph(&self, s: usize) -> bool {
        let doc = self.doc;
        let Some(first) = doc.sentences.get(s).map(|r| r.start) else { return true };
        let Some(prev) = first.checked_sub(1).and_then(|p| doc.tokens.get(p)) else { return true };
        let gap = doc.view.as_str().get(prev.nend as usize..doc.tokens[first].nstart as usize);
        gap.is_none_or(|g| g.contains('\n'))
    }

    /// The place named at token `t` as where something happened: after a locative
    /// ("في", "قرب", a ب on the name, "في مدينة"), and in a country the article names.
    fn place_at(&self, t: usize, claim: Option<Claim>, displaced: bool) -> Option<Side> {
        let doc = self.doc;
        let k = doc.entity_at.get(t)?;
        let first = t == 0 || doc.entity_at.get(t - 1) != Some(k);
        if !first || claim.is_some_and(|c| c.entity == k) || !self.locative(t, displaced) {
            return None;
        }
        let e = &doc.entities[k];
        let is_place = match e.kind {
            EntityKind::Place => true,
            // A country as a place, not as an adjective ("غارة إسرائيلية").
            EntityKind::Country => !is_adjective_at(doc, t),
            _ => false,
        };
        let id = country_of(doc, k).filter(|id| is_place && self.plausible(id))?;
        Some(side(&id, SideBasis::Place, t, name_end(doc, t)))
    }

    /// A country named as a noun at token `t` (a headline's "لبنان").
    fn country_noun_at(&self, t: usize) -> Option<Side> {
        let doc = self.doc;
        let k = doc.entity_at.get(t)?;
        let e = &doc.entities[k];
        (e.kind == EntityKind::Country && !is_adjective_at(doc, t)).then(|| {
            side(e.country.as_deref().unwrap_or(&e.id), SideBasis::Place, t, name_end(doc, t))
        })
    }

    /// Whether the name at token `t` is where something is: "في", "إلى" or a locative
    /// word of the data (قرب، قبالة، شمال ...) up to two words before it (a place noun
    /// between: "في مدينة الفاشر"), or a ب on the name; for the displaced, "من" too
    /// ("نزح 50 ألفا من ولاية الجزيرة").
    fn locative(&self, t: usize, displaced: bool) -> bool {
        let doc = self.doc;
        // "بمقديشو": a ب the name itself does not start with.
        let name_starts_with_b = doc
            .entity_at
            .get(t)
            .and_then(|k| doc.entities[k].name_ar.as_deref())
            .is_some_and(|n| n.starts_with('ب'));
        if doc.w(t).starts_with('ب') && !name_starts_with_b {
            return true;
        }
        (t.saturating_sub(3)..t).rev().take_while(|&x| doc.is_word(x)).any(|x| {
            let w = doc.w(x).trim_start_matches('و');
            w == IN || w == TO || (displaced && w == FROM) || self.mk.cue_is(x, Cue::Locative)
        })
    }
}

/// One past the last token of the name that token `t` is in ("مدينة الفاشر").
fn name_end(doc: &Doc<'_>, t: usize) -> usize {
    let k = doc.entity_at.get(t);
    (t + 1..doc.tokens.len())
        .find(|&x| doc.entity_at.get(x) != k)
        .unwrap_or(doc.tokens.len().max(t + 1))
}

fn side(id: &str, basis: SideBasis, from: usize, to: usize) -> Side {
    Side { id: id.to_string(), basis, from, to }
}

/// The tokens of the claimant's mention in sentence `s`, if it is named there.
fn claim_tokens(doc: &Doc<'_>, k: usize, s: usize) -> Option<(usize, usize)> {
    let range = doc.sentences.get(s)?.clone();
    let from = range.clone().find(|&t| doc.entity_at.get(t) == Some(k))?;
    let to = (from..range.end).take_while(|&t| doc.entity_at.get(t) == Some(k)).last()? + 1;
    Some((from, to))
}

/// Whether the country named at token `t` is named by an adjective ("الأذربيجانية",
/// "باكستانيا", "إسرائيليين") rather than by its name ("هايتي", "مالي", "ليبيا"): a
/// word that is not the country's own name, and ends as adjectives do.
fn is_adjective_at(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.w(t);
    let own_name =
        doc.entity_at.get(t).and_then(|k| doc.entities[k].name_ar.as_deref()).is_some_and(|n| {
            let name = rasd_text::phrases::phrase_key(n);
            let bare = rasd_text::phrases::strip_article(w);
            name == bare || bare.strip_prefix(['ب', 'ل', 'و']).is_some_and(|x| x == name)
        });
    !own_name
        && ["ي", "يه", "يا", "يين", "يون", "يان", "يتين", "يات"].iter().any(|s| w.ends_with(s))
}

/// A person noun carrying a possessive pronoun ("مقاتليها", "قواتها", "جنوده",
/// "عناصرهم"): the noun without the pronoun is a person noun itself.
pub(crate) fn possessed(w: &str) -> bool {
    possessed_group(w).is_some()
}

/// The group of a person noun carrying a possessive pronoun.
pub(crate) fn possessed_group(w: &str) -> Option<Group> {
    let persons = &lexicon().persons;
    ["ها", "هم", "هما", "هن", "ه"].iter().find_map(|p| {
        let stem = w.strip_suffix(p).filter(|stem| stem.chars().count() >= 3)?;
        persons.get(stem).map(|&(group, _)| group)
    })
}

/// The country of an entity, if it stands for a state (a country, or a body of one); a
/// capital speaks for its government ("بحسب بيانات باكو"). For claimants and parties.
pub(crate) fn state_of(doc: &Doc<'_>, k: usize) -> Option<String> {
    let kb = doc.kb;
    let e = &doc.entities[k];
    match e.kind {
        // A state's army or police is coded as the state, under an id of its own.
        EntityKind::Country => Some(e.country.clone().unwrap_or_else(|| e.id.clone())),
        // News outlets report losses; they are no party to them.
        EntityKind::Org if kb.by_id(&e.id).is_some_and(|x| x.media) => None,
        EntityKind::Org | EntityKind::Group | EntityKind::Person => e.country.clone(),
        EntityKind::Place => kb.capital_state(&e.id).map(str::to_string),
    }
}

/// The country an entity lies in or belongs to: a place's country, a state, a body's.
fn country_of(doc: &Doc<'_>, k: usize) -> Option<String> {
    let e = &doc.entities[k];
    match e.kind {
        EntityKind::Country => Some(e.country.clone().unwrap_or_else(|| e.id.clone())),
        _ => e.country.clone(),
    }
}
