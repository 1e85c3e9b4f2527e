//! Incidents: the events of different articles that describe one happening, merged.
//!
//! Two events are one happening when they have the same PLOVER type and
//! - **compatible dates**: within [`MergeOptions::max_gap_days`] of each other (a month
//!   or year covers its days); an undated event counts as reported on its article's
//!   publication day, which must fall on or after the happening and within
//!   [`MergeOptions::report_window_days`] of it;
//! - **overlapping participants**: the countries (or entity ids) of their actors and
//!   targets intersect; an event with no participants must share a place instead;
//! - **compatible places**: when both name places, they share one or lie within
//!   [`MergeOptions::max_km`] of each other.
//!
//! Events are taken in date order and each joins the best-matching open incident, whose
//! every member it must be compatible with (so a chain of near dates cannot drift).
//! Syndicated copies are not sources of their own: their article is listed under the
//! original's `copies`. Denials are sources too: an incident both reported and denied is
//! `disputed`. Planned events (announced, not yet happened) are linked to a later report
//! that it happened (`planned_by`); unmatched ones become `planned` incidents.
//!
//! Casualty figures are attached to the violent event stated in the same sentence (or
//! the one before); failing that, a figure dated to a day is attached to a violent event
//! of that same day within [`MergeOptions::figure_window`] sentences of it, because
//! articles often give the toll a few sentences after naming the clash. An undated
//! figure farther away is left unattached: it may be a war's toll recalled for context.
//! The incident's `fatalities` follow ACLED's convention: each claimant's own total
//! (never added to another claimant's), then the lowest of them.

use std::collections::{BTreeMap, HashMap, HashSet};

use rasd_kb::Kb;
use rasd_store::hash::fnv64;
use rasd_store::{
    ClaimFilter, ClaimRow, EntityRef, EventRow, Filter, Incident, IncidentFigure, IncidentSource,
    Place, Store,
};

use crate::dates::{self, Precision};
use crate::error::Result;

/// Types whose incidents can carry casualty figures.
const VIOLENT: &[&str] = &["ASSAULT", "COERCE", "PROTEST"];

/// Thresholds of the merge.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Most days between two dated reports of one happening.
    pub max_gap_days: i64,
    /// Most days an undated report may come after the happening.
    pub report_window_days: i64,
    /// Most days after an announcement that an undated plan may happen.
    pub planned_window_days: i64,
    /// Most kilometres between two places of one happening.
    pub max_km: f64,
    /// Most sentences between a dated casualty figure and the same-day event it is
    /// attached to, when they are not in the same or adjacent sentences.
    pub figure_window: usize,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            max_gap_days: 2,
            report_window_days: 7,
            planned_window_days: 14,
            max_km: 50.0,
            figure_window: 6,
        }
    }
}

/// An event prepared for comparison.
struct Ev<'a> {
    row: &'a EventRow,
    range: Option<(i64, i64)>,
    precision: Option<Precision>,
    published: Option<i64>,
    /// Where it sorts: its first day, else its publication day.
    key: i64,
    /// Latest day it can speak for.
    end: i64,
    who: HashSet<&'a str>,
    places: Vec<(&'a str, Option<(f64, f64)>)>,
}

impl<'a> Ev<'a> {
    fn new(row: &'a EventRow) -> Option<Ev<'a>> {
        let r = row.date.as_deref().and_then(dates::range);
        let published = row.doc.published.as_deref().and_then(dates::range).map(|p| p.0);
        let (key, end) = match (r, published) {
            (Some((a, b, _)), _) => (a, b),
            (None, Some(p)) => (p, p),
            (None, None) => return None,
        };
        let mut who: HashSet<&str> = row.participants.iter().map(String::as_str).collect();
        who.extend(row.actors.iter().chain(&row.targets).map(String::as_str));
        let places = row
            .locations
            .iter()
            .map(|id| {
                let at = row.entity(id).and_then(|e| e.lat.zip(e.lon));
                (id.as_str(), at)
            })
            .collect();
        Some(Ev {
            row,
            range: r.map(|(a, b, _)| (a, b)),
            precision: r.map(|x| x.2),
            published,
            key,
            end,
            who,
            places,
        })
    }
}

/// An incident being built.
#[derive(Default)]
struct Cluster {
    members: Vec<usize>,
    planned: Vec<usize>,
    dated: Vec<(i64, i64)>,
    published: Vec<i64>,
    who: HashSet<String>,
    places: Vec<(String, Option<(f64, f64)>)>,
    end: i64,
}

impl Cluster {
    fn add(&mut self, i: usize, e: &Ev<'_>) {
        self.members.push(i);
        self.absorb(e);
    }

    fn absorb(&mut self, e: &Ev<'_>) {
        if let Some(r) = e.range {
            self.dated.push(r);
        }
        if let Some(p) = e.published {
            self.published.push(p);
        }
        self.who.extend(e.who.iter().map(|s| s.to_string()));
        for (id, at) in &e.places {
            if !self.places.iter().any(|(p, _)| p == id) {
                self.places.push((id.to_string(), *at));
            }
        }
        self.end = self.end.max(e.end);
    }
}

fn km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// `Some(true)`: a shared (or nearby) place; `Some(false)`: both name places, none in
/// common; `None`: one of them names none.
fn places_match(
    e: &[(&str, Option<(f64, f64)>)],
    c: &[(String, Option<(f64, f64)>)],
    max_km: f64,
) -> Option<bool> {
    if e.is_empty() || c.is_empty() {
        return None;
    }
    let near = e.iter().any(|(id, at)| {
        c.iter().any(|(cid, cat)| {
            cid == id || matches!((at, cat), (Some(a), Some(b)) if km(*a, *b) <= max_km)
        })
    });
    Some(near)
}

/// Whether `e` may join `c`, and how well it fits (higher is better).
fn fit(e: &Ev<'_>, c: &Cluster, o: &MergeOptions) -> Option<f64> {
    let mut closest = i64::MAX;
    match (e.range, e.published) {
        (Some(r), _) if !c.dated.is_empty() => {
            for d in &c.dated {
                let g = dates::gap(r, *d);
                if g > o.max_gap_days {
                    return None;
                }
                closest = closest.min(g);
            }
        }
        (Some(r), _) => {
            for &p in &c.published {
                if p < r.0 - o.max_gap_days || p - r.1 > o.report_window_days {
                    return None;
                }
            }
        }
        (None, Some(p)) if !c.dated.is_empty() => {
            for d in &c.dated {
                if p < d.0 - o.max_gap_days || p - d.1 > o.report_window_days {
                    return None;
                }
            }
        }
        (None, Some(p)) => {
            for &q in &c.published {
                if (p - q).abs() > o.max_gap_days {
                    return None;
                }
            }
        }
        (None, None) => return None,
    }
    let place = places_match(&e.places, &c.places, o.max_km);
    if place == Some(false) {
        return None;
    }
    let shared = e.who.iter().filter(|w| c.who.contains(**w)).count();
    if e.who.is_empty() || c.who.is_empty() {
        if place != Some(true) {
            return None;
        }
    } else if shared == 0 {
        return None;
    }
    let closeness = if closest == i64::MAX { 0.0 } else { closest as f64 * 0.1 };
    Some(shared as f64 + if place == Some(true) { 2.0 } else { 0.0 } - closeness)
}

/// Whether planned event `p` is what incident `c` reports happening, and how well.
fn fit_plan(p: &Ev<'_>, c: &Cluster, o: &MergeOptions) -> Option<f64> {
    let announced = p.published?;
    if c.published.iter().any(|&q| q < announced) {
        return None;
    }
    let ok_time = match p.range {
        Some(r) if !c.dated.is_empty() => {
            c.dated.iter().all(|d| dates::gap(r, *d) <= o.max_gap_days)
        }
        Some(r) => c
            .published
            .iter()
            .all(|&q| q >= r.0 - o.max_gap_days && q - r.1 <= o.report_window_days),
        None if !c.dated.is_empty() => {
            c.dated.iter().all(|d| d.0 >= announced && d.0 - announced <= o.planned_window_days)
        }
        None => c
            .published
            .iter()
            .all(|&q| q - announced <= o.planned_window_days + o.report_window_days),
    };
    if !ok_time {
        return None;
    }
    let place = places_match(&p.places, &c.places, o.max_km);
    if place == Some(false) {
        return None;
    }
    let shared = p.who.iter().filter(|w| c.who.contains(**w)).count();
    if shared == 0 && place != Some(true) {
        return None;
    }
    Some(shared as f64 + if place == Some(true) { 2.0 } else { 0.0 })
}

/// Greedy clustering of events (indices into `evs`) already sorted by time.
fn cluster(evs: &[Option<Ev<'_>>], order: &[usize], o: &MergeOptions) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let horizon = o.report_window_days + o.max_gap_days;
    for &i in order {
        let Some(e) = evs[i].as_ref() else { continue };
        open.retain(|&c| clusters[c].end >= e.key - horizon);
        let best = open
            .iter()
            .filter_map(|&c| fit(e, &clusters[c], o).map(|s| (c, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((c, _)) => clusters[c].add(i, e),
            None => {
                let mut c = Cluster::default();
                c.add(i, e);
                clusters.push(c);
                open.push(clusters.len() - 1);
            }
        }
    }
    clusters
}

fn stance_weight(s: &str) -> f64 {
    match s {
        "asserted" => 1.0,
        "claimed" => 0.8,
        "planned" => 0.5,
        _ => 0.3,
    }
}

/// Values ordered by how often they occur (ties: first seen first).
fn by_frequency<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for it in items {
        match counts.iter_mut().find(|(s, _)| s == it) {
            Some((_, n)) => *n += 1,
            None => counts.push((it.clone(), 1)),
        }
    }
    // Stable sort keeps first-seen order among equals.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(s, _)| s).collect()
}

fn source(e: &EventRow, copies: &HashMap<&str, Vec<String>>) -> IncidentSource {
    IncidentSource {
        doc: e.doc.clone(),
        event_idx: e.idx,
        stance: e.stance.clone(),
        claimant: e.claimant.clone(),
        date: e.date.clone(),
        mode: e.mode.clone(),
        trigger: e.trigger.clone(),
        trigger_start: e.trigger_start,
        trigger_end: e.trigger_end,
        evidence: e.evidence.clone(),
        confidence: e.confidence,
        copies: copies.get(e.doc.id.as_str()).cloned().unwrap_or_default(),
    }
}

/// The outlet an article stands for: its URL's host, else its id.
pub fn outlet(doc: &rasd_store::DocRef) -> String {
    doc.url
        .as_deref()
        .and_then(|u| u.split_once("://").map(|(_, r)| r))
        .and_then(|r| r.split(['/', '?', '#']).next())
        .filter(|h| !h.is_empty())
        .map_or_else(|| doc.id.clone(), str::to_string)
}

/// The best date of an incident's members: the most weighted day, else month, else year.
fn best_date(members: &[&Ev<'_>]) -> Option<(String, &'static str)> {
    for (prec, label) in
        [(Precision::Day, "day"), (Precision::Month, "month"), (Precision::Year, "year")]
    {
        let mut votes: BTreeMap<&str, f64> = BTreeMap::new();
        for e in members.iter().filter(|e| e.precision == Some(prec)) {
            if let Some(d) = e.row.date.as_deref() {
                *votes.entry(d).or_default() +=
                    e.row.confidence.max(0.05) * stance_weight(&e.row.stance);
            }
        }
        // BTreeMap iterates earliest first, so ties go to the earliest date.
        let best = votes.iter().fold(None::<(&str, f64)>, |acc, (d, w)| match acc {
            Some((_, bw)) if bw >= *w => acc,
            _ => Some((d, *w)),
        });
        if let Some((d, _)) = best {
            return Some((d.to_string(), label));
        }
    }
    None
}

fn best_place(members: &[&Ev<'_>], refs: &[EntityRef]) -> Option<Place> {
    let find = |id: &str| refs.iter().find(|r| r.id == id);
    let ids = by_frequency(members.iter().flat_map(|e| e.row.locations.iter()));
    // Prefer a located town or site, then any located entity, then whatever is named.
    let rank = |id: &String| {
        let r = find(id);
        let located = r.is_some_and(|r| r.lat.is_some() && r.lon.is_some());
        let is_place = r.is_some_and(|r| r.kind == "place");
        (located && is_place, located)
    };
    let chosen = ids.iter().max_by(|a, b| rank(a).cmp(&rank(b)).then(std::cmp::Ordering::Greater));
    let country_coords = |iso: &str| find(iso).and_then(|r| r.lat.zip(r.lon));
    if let Some(id) = chosen {
        let r = find(id);
        let country =
            r.and_then(
                |r| if r.kind == "country" { Some(r.id.clone()) } else { r.country.clone() },
            );
        let own = r.and_then(|r| r.lat.zip(r.lon));
        let is_country = r.is_some_and(|r| r.kind == "country");
        let (at, precision) = match own {
            Some(at) if !is_country => (Some(at), "place"),
            Some(at) => (Some(at), "country"),
            None => (country.as_deref().and_then(country_coords), "country"),
        };
        return Some(Place {
            id: id.clone(),
            name: r.and_then(|r| r.name.clone()),
            name_ar: r.and_then(|r| r.name_ar.clone()),
            country,
            lat: at.map(|a| a.0),
            lon: at.map(|a| a.1),
            precision: precision.to_string(),
        });
    }
    // No place named: the country where it landed (targets), else of who acted.
    let countries: Vec<String> = members
        .iter()
        .flat_map(|e| {
            let mut v: Vec<String> = e
                .row
                .targets
                .iter()
                .filter_map(|t| match find(t) {
                    Some(r) if r.kind == "country" => Some(r.id.clone()),
                    Some(r) => r.country.clone(),
                    None => (t.len() == 3).then(|| t.clone()),
                })
                .collect();
            v.extend(e.row.participants.iter().cloned());
            v
        })
        .collect();
    let iso = by_frequency(countries.iter()).into_iter().find(|c| country_coords(c).is_some())?;
    let r = find(&iso);
    let at = country_coords(&iso);
    Some(Place {
        id: iso.clone(),
        name: r.and_then(|r| r.name.clone()),
        name_ar: r.and_then(|r| r.name_ar.clone()),
        country: Some(iso),
        lat: at.map(|a| a.0),
        lon: at.map(|a| a.1),
        precision: "country".to_string(),
    })
}

/// A claimant's lowest figure for each (side, group) it reports on.
type Slots = BTreeMap<(Option<String>, String), u64>;

/// ACLED's fatality convention over an incident's killed figures.
fn fatalities(figures: &[IncidentFigure]) -> (Option<u64>, Option<String>) {
    // claimant → (label, slots).
    let mut per: BTreeMap<String, (String, Slots)> = BTreeMap::new();
    for f in figures.iter().filter(|f| f.kind == "killed") {
        let key = f.claimant.clone().unwrap_or_else(|| format!("doc:{}", f.doc_id));
        let label = f
            .claimant_name
            .clone()
            .or_else(|| f.claimant.clone())
            .unwrap_or_else(|| f.doc_id.clone());
        let slots = &mut per.entry(key).or_insert_with(|| (label, BTreeMap::new())).1;
        let slot = slots.entry((f.side.clone(), f.group.clone())).or_insert(f.count);
        *slot = (*slot).min(f.count);
    }
    if per.is_empty() {
        return (None, None);
    }
    let totals: Vec<(String, u64)> =
        per.values().map(|(label, slots)| (label.clone(), slots.values().sum())).collect();
    let lowest = totals.iter().map(|t| t.1).min().unwrap_or(0);
    let all_same = totals.iter().all(|t| t.1 == lowest);
    let list =
        totals.iter().map(|(l, n)| format!("{n} according to {l}")).collect::<Vec<_>>().join("; ");
    let note = if totals.len() == 1 {
        format!("Fatalities: {list}.")
    } else if all_same {
        format!("Fatalities: {lowest}, reported alike by {} sources.", totals.len())
    } else {
        format!("Fatalities disputed: {list}. The lowest figure is used.")
    };
    (Some(lowest), Some(note))
}

/// Merges events (copies included, so they can be folded into their originals) and
/// attaches the ledger's figures (copies excluded).
/// `kb` names the entities the articles mention only by id (a bare `ARM` added by dyad
/// completion): the one the articles were analyzed with.
pub fn merge(events: &[EventRow], claims: &[ClaimRow], o: &MergeOptions, kb: &Kb) -> Vec<Incident> {
    let mut copies: HashMap<&str, Vec<String>> = HashMap::new();
    for e in events {
        if let Some(of) = e.doc.copy_of.as_deref() {
            let list = copies.entry(of).or_default();
            if !list.contains(&e.doc.id) {
                list.push(e.doc.id.clone());
            }
        }
    }
    let originals: Vec<&EventRow> = events.iter().filter(|e| e.doc.copy_of.is_none()).collect();
    let evs: Vec<Option<Ev<'_>>> = originals.iter().map(|e| Ev::new(e)).collect();

    // Events with no date and no publication date cannot be placed in time: alone.
    let mut lone: Vec<usize> = Vec::new();
    let mut by_type: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, e) in evs.iter().enumerate() {
        match e {
            None => lone.push(i),
            Some(e) => {
                let slot = by_type.entry(e.row.event_type.as_str()).or_default();
                if e.row.stance == "planned" {
                    slot.1.push(i);
                } else {
                    slot.0.push(i);
                }
            }
        }
    }
    let key = |i: usize| evs[i].as_ref().map(|e| (e.key, e.row.doc.id.as_str(), e.row.idx));
    let sort = |v: &mut Vec<usize>| v.sort_by(|&a, &b| key(a).cmp(&key(b)));

    let mut out_clusters: Vec<(Cluster, bool)> = Vec::new(); // (cluster, only planned)
    for (_, (mut reported, mut planned)) in by_type {
        sort(&mut reported);
        sort(&mut planned);
        let mut clusters = cluster(&evs, &reported, o);
        let mut unmatched: Vec<usize> = Vec::new();
        for &p in &planned {
            let Some(pe) = evs[p].as_ref() else { continue };
            let best = clusters
                .iter()
                .enumerate()
                .filter_map(|(c, cl)| fit_plan(pe, cl, o).map(|s| (c, s)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            match best {
                Some((c, _)) => clusters[c].planned.push(p),
                None => unmatched.push(p),
            }
        }
        let plans = cluster(&evs, &unmatched, o);
        out_clusters.extend(clusters.into_iter().map(|c| (c, false)));
        out_clusters.extend(plans.into_iter().map(|c| (c, true)));
    }
    for i in lone {
        out_clusters.push((Cluster { members: vec![i], ..Cluster::default() }, false));
    }

    // Figures → the violent event they are stated with.
    let mut event_cluster: HashMap<(&str, usize), usize> = HashMap::new();
    for (ci, (c, _)) in out_clusters.iter().enumerate() {
        for &m in &c.members {
            let r = originals[m];
            event_cluster.insert((r.doc.id.as_str(), r.idx), ci);
        }
    }
    let mut doc_events: HashMap<&str, Vec<&EventRow>> = HashMap::new();
    for r in &originals {
        if VIOLENT.contains(&r.event_type.as_str()) && r.stance != "planned" {
            doc_events.entry(r.doc.id.as_str()).or_default().push(r);
        }
    }
    let mut figures: HashMap<usize, Vec<IncidentFigure>> = HashMap::new();
    for c in claims.iter().filter(|c| !c.cumulative && c.doc.copy_of.is_none()) {
        let Some(cands) = doc_events.get(c.doc.id.as_str()) else { continue };
        let Some(e) = figure_event(c, cands, o.figure_window) else { continue };
        let Some(&ci) = event_cluster.get(&(e.doc.id.as_str(), e.idx)) else { continue };
        figures.entry(ci).or_default().push(IncidentFigure {
            doc_id: c.doc.id.clone(),
            idx: c.idx,
            count: c.count,
            bound: c.bound.clone(),
            kind: c.kind.clone(),
            group: c.group.clone(),
            side: c.side.clone(),
            claimant: c.claimant.clone(),
            claimant_name: c
                .claimant_name
                .clone()
                .or_else(|| c.claimant.is_none().then(|| outlet(&c.doc))),
        });
    }

    let mut incidents: Vec<Incident> = out_clusters
        .into_iter()
        .enumerate()
        .map(|(ci, (c, only_planned))| {
            let members: Vec<&Ev<'_>> = c.members.iter().filter_map(|&i| evs[i].as_ref()).collect();
            let rows: Vec<&EventRow> = c.members.iter().map(|&i| originals[i]).collect();
            let planned_rows: Vec<&EventRow> = c.planned.iter().map(|&i| originals[i]).collect();
            let figs = figures.remove(&ci).unwrap_or_default();
            build(&rows, &members, &planned_rows, only_planned, figs, &copies, kb)
        })
        .collect();
    // Dated first, in date order; undated at the end (as the store returns them).
    incidents.sort_by(|a, b| {
        (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)).then_with(|| a.id.cmp(&b.id))
    });
    incidents
}

/// The violent event of its article a casualty figure is about: one stated in the same
/// sentence or the one before, else the nearest one dated to the figure's own day within
/// `window` sentences (an earlier one before a later one at the same distance).
fn figure_event<'a>(c: &ClaimRow, cands: &[&'a EventRow], window: usize) -> Option<&'a EventRow> {
    let adjacent = cands
        .iter()
        .filter(|e| c.sentence >= e.sentence && c.sentence - e.sentence <= 1)
        .min_by_key(|e| (c.sentence - e.sentence, e.stance == "denied", e.idx));
    if let Some(e) = adjacent {
        return Some(e);
    }
    let day = c.date.as_deref().and_then(dates::range).filter(|r| r.2 == Precision::Day)?;
    cands
        .iter()
        .filter(|e| {
            c.sentence.abs_diff(e.sentence) <= window
                && e.date.as_deref().and_then(dates::range) == Some(day)
        })
        .min_by_key(|e| {
            (c.sentence.abs_diff(e.sentence), e.sentence > c.sentence, e.stance == "denied", e.idx)
        })
        .copied()
}

/// An entity the articles named without resolving it (e.g. a bare `ARM`), from the
/// knowledge base, so names and coordinates are known downstream.
fn kb_ref(kb: &Kb, id: &str) -> Option<EntityRef> {
    let e = kb.by_id(id)?;
    let kind = serde_json::to_value(e.kind).ok()?.as_str()?.to_string();
    Some(EntityRef {
        id: e.id.clone(),
        kind,
        name: e.name.clone(),
        name_ar: Some(e.name_ar.clone()),
        country: e.country.clone(),
        lat: e.lat,
        lon: e.lon,
    })
}

fn build(
    rows: &[&EventRow],
    members: &[&Ev<'_>],
    planned: &[&EventRow],
    only_planned: bool,
    figures: Vec<IncidentFigure>,
    copies: &HashMap<&str, Vec<String>>,
    kb: &Kb,
) -> Incident {
    let first = rows[0];
    let mut refs: Vec<EntityRef> = Vec::new();
    for r in rows.iter().chain(planned) {
        for e in &r.refs {
            if !refs.iter().any(|x| x.id == e.id) {
                refs.push(e.clone());
            }
        }
    }
    let mentioned = rows.iter().chain(planned).flat_map(|r| {
        r.actors
            .iter()
            .chain(&r.targets)
            .chain(&r.locations)
            .chain(&r.participants)
            .chain(&r.countries)
    });
    for id in mentioned {
        if !refs.iter().any(|x| &x.id == id) {
            refs.extend(kb_ref(kb, id));
        }
    }
    let mut sources: Vec<IncidentSource> = Vec::new();
    for r in rows {
        // One source per article: a second mention in the same article adds nothing.
        if !sources.iter().any(|s| s.doc.id == r.doc.id) {
            sources.push(source(r, copies));
        }
    }
    let planned_by: Vec<IncidentSource> = planned.iter().map(|r| source(r, copies)).collect();
    let denied = rows.iter().filter(|r| r.stance == "denied").count();
    let status = if only_planned {
        "planned"
    } else if denied == rows.len() {
        "denied"
    } else {
        "reported"
    };
    let (date, precision) = match best_date(members) {
        Some((d, p)) => (Some(d), p),
        None => (None, "reported"),
    };
    let mut published: Vec<&str> = rows.iter().filter_map(|r| r.doc.published.as_deref()).collect();
    published.sort_unstable();
    let date = date.or_else(|| published.first().map(|s| s.to_string()));
    let mut countries: Vec<String> =
        rows.iter().flat_map(|r| r.countries.iter().cloned()).collect();
    countries.sort();
    countries.dedup();
    let place = best_place(members, &refs);
    if let Some(c) = place.as_ref().and_then(|p| p.country.clone()) {
        if !countries.contains(&c) {
            countries.push(c);
            countries.sort();
        }
    }
    let (fatal, note) = fatalities(&figures);
    let seed = format!("{}|{}|{}", first.event_type, first.doc.id, first.idx);
    Incident {
        id: format!("inc-{:012x}", fnv64(seed.as_bytes()) & 0xffff_ffff_ffff),
        event_type: first.event_type.clone(),
        mode: by_frequency(rows.iter().filter_map(|r| r.mode.as_ref())).into_iter().next(),
        status: status.to_string(),
        disputed: denied > 0 && denied < rows.len(),
        date,
        date_precision: precision.to_string(),
        first_reported: published.first().map(|s| s.to_string()),
        last_reported: published.last().map(|s| s.to_string()),
        actors: by_frequency(rows.iter().flat_map(|r| r.actors.iter())),
        targets: by_frequency(rows.iter().flat_map(|r| r.targets.iter())),
        countries,
        place,
        refs,
        sources,
        planned_by,
        figures,
        fatalities: fatal,
        fatalities_note: note,
        updated_at: rows.iter().chain(planned).map(|r| r.doc.ingested_at).max().unwrap_or(0),
    }
}

/// Recomputes every incident from the stored events and claims and stores them, naming
/// the entities the articles left as bare ids from `kb`. Returns how many there are.
pub fn rebuild(store: &mut dyn Store, kb: &Kb) -> Result<usize> {
    let events = store.events(&Filter { include_copies: true, ..Filter::default() })?;
    let claims = store.claims(&ClaimFilter::default())?;
    let incidents = merge(&events, &claims, &MergeOptions::default(), kb);
    store.replace_incidents(&incidents)?;
    Ok(incidents.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_store::DocRef;

    fn doc() -> DocRef {
        DocRef {
            id: "d".into(),
            url: None,
            title: None,
            published: Some("2024-05-03".into()),
            copy_of: None,
            ingested_at: 0,
        }
    }

    fn event(idx: usize, sentence: usize, date: Option<&str>) -> EventRow {
        EventRow {
            doc: doc(),
            idx,
            event_type: "ASSAULT".into(),
            mode: None,
            actors: vec![],
            targets: vec![],
            locations: vec![],
            participants: vec![],
            countries: vec![],
            date: date.map(str::to_string),
            claimant: None,
            stance: "asserted".into(),
            sentence,
            trigger_start: 0,
            trigger_end: 0,
            trigger: String::new(),
            evidence: String::new(),
            confidence: 0.8,
            refs: vec![],
        }
    }

    fn figure(sentence: usize, date: Option<&str>) -> ClaimRow {
        ClaimRow {
            doc: doc(),
            idx: 0,
            count: 4,
            bound: "exact".into(),
            kind: "killed".into(),
            group: "civilian".into(),
            side: None,
            side_name: None,
            cumulative: false,
            claimant: None,
            claimant_name: None,
            date: date.map(str::to_string),
            sentence,
            start: 0,
            end: 0,
            evidence: String::new(),
            side_basis: None,
            side_words: None,
        }
    }

    fn attached(c: &ClaimRow, evs: &[EventRow]) -> Option<usize> {
        let refs: Vec<&EventRow> = evs.iter().collect();
        figure_event(c, &refs, MergeOptions::default().figure_window).map(|e| e.idx)
    }

    #[test]
    fn a_figure_in_the_same_or_next_sentence_belongs_to_that_event() {
        let evs = [event(0, 2, Some("2024-05-01")), event(1, 5, None)];
        assert_eq!(attached(&figure(5, None), &evs), Some(1));
        assert_eq!(attached(&figure(6, Some("2024-05-01")), &evs), Some(1));
        assert_eq!(attached(&figure(3, None), &evs), Some(0));
    }

    #[test]
    fn a_dated_figure_reaches_the_event_of_its_day_a_few_sentences_away() {
        let evs = [event(0, 1, Some("2024-05-01")), event(1, 3, Some("2024-04-20"))];
        assert_eq!(attached(&figure(6, Some("2024-05-01")), &evs), Some(0));
        // Before the event too (a toll in the headline), but not beyond the window.
        assert_eq!(attached(&figure(0, Some("2024-04-20")), &evs), Some(1));
        assert_eq!(attached(&figure(12, Some("2024-05-01")), &evs), None);
    }

    #[test]
    fn an_undated_or_other_day_figure_far_from_any_event_stays_unattached() {
        let evs = [event(0, 1, Some("2024-05-01"))];
        assert_eq!(attached(&figure(5, None), &evs), None);
        assert_eq!(attached(&figure(5, Some("2024-04-28")), &evs), None);
        // A month is not a day: a figure for "May" is not this clash's toll.
        assert_eq!(attached(&figure(4, Some("2024-05")), &evs), None);
    }
}
