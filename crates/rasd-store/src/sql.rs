//! Queries both backends share: SQL written once with `?` placeholders, rewritten to
//! `?N` (SQLite) or `$N` (PostgreSQL), and rows read through one small trait, so the two
//! backends cannot drift apart in what a filter means.

use rasd_model::Document;
use serde::Deserialize;

use crate::error::{Result, StoreError};
use crate::prepare::unfence;
use crate::types::{
    Backend, ClaimFilter, ClaimRow, CopyLink, DocRef, EntityRef, EntityRow, EventRow, Filter,
    Incident, SearchHit, Stats,
};

/// A bound query parameter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Param {
    Text(String),
    Int(i64),
}

/// A row as both drivers can give it.
pub(crate) trait RowLike {
    fn text(&self, i: usize) -> Result<String>;
    fn opt_text(&self, i: usize) -> Result<Option<String>>;
    fn int(&self, i: usize) -> Result<i64>;
    fn real(&self, i: usize) -> Result<f64>;
    fn opt_real(&self, i: usize) -> Result<Option<f64>>;
    fn boolean(&self, i: usize) -> Result<bool>;
    fn blob(&self, i: usize) -> Result<Vec<u8>>;
}

/// A search's matches as (article seq, score), best first.
pub(crate) type Ranking = std::sync::Arc<Vec<(i64, f64)>>;

/// Read access to a database, enough for every shared query.
pub(crate) trait Db {
    fn backend(&self) -> Backend;
    /// The ranking of the full-text query `fts` kept from an earlier search, if the
    /// backend keeps them and nothing was written since.
    fn kept_ranking(&mut self, _fts: &str) -> Result<Option<Ranking>> {
        Ok(None)
    }
    /// Keeps a ranking just read (for the state of the record the last
    /// [`Db::kept_ranking`] saw), where the backend keeps them.
    fn keep_ranking(&mut self, _fts: &str, _ranking: &Ranking) {}
    /// Runs `sql` (with `?` placeholders) and hands each row to `f`.
    fn query(
        &mut self,
        sql: &str,
        params: &[Param],
        f: &mut dyn FnMut(&dyn RowLike) -> Result<()>,
    ) -> Result<()>;
}

/// Rewrites `?` placeholders for a backend.
pub(crate) fn placeholders(sql: &str, backend: Backend) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            match backend {
                Backend::Sqlite => out.push_str(&format!("?{n}")),
                Backend::Postgres => out.push_str(&format!("${n}")),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// WHERE conditions and their parameters.
#[derive(Default)]
struct Conds {
    sql: Vec<String>,
    params: Vec<Param>,
}

impl Conds {
    fn push(&mut self, sql: impl Into<String>, params: impl IntoIterator<Item = Param>) {
        self.sql.push(sql.into());
        self.params.extend(params);
    }

    fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.sql.join(" AND "))
        }
    }
}

fn text(s: &str) -> Param {
    Param::Text(s.to_string())
}

fn fenced(code: &str) -> Param {
    Param::Text(format!("%,{},%", like_escaped(code)))
}

/// `s` matched literally by `LIKE ... ESCAPE '\'`: a `%` or `_` in a filter value is a
/// character to find, not a wildcard (`country=%` must not match every row).
fn like_escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn paging(f: &Filter, params: &mut Vec<Param>) -> String {
    params.push(Param::Int(f.limit.map_or(i64::MAX, |l| l as i64)));
    params.push(Param::Int(f.offset as i64));
    " LIMIT ? OFFSET ?".to_string()
}

/// Conditions on documents `d` (published dates, country mentioned, event type present).
fn doc_conds(f: &Filter, c: &mut Conds) {
    if let Some(from) = &f.from {
        c.push("d.published >= ?", [text(from)]);
    }
    if let Some(to) = &f.to {
        c.push("d.published <= ?", [text(to)]);
    }
    if let Some(country) = &f.country {
        c.push(
            "EXISTS (SELECT 1 FROM doc_entities e WHERE e.doc_id = d.id AND (e.entity_id = ? OR e.country = ?))",
            [text(country), text(country)],
        );
    }
    if let Some(t) = &f.event_type {
        c.push(
            "EXISTS (SELECT 1 FROM events x WHERE x.doc_id = d.id AND x.event_type = ?)",
            [text(t)],
        );
    }
    if !f.include_copies {
        c.push("c.copy_of IS NULL", []);
    }
}

const DOC_COLS: &str = "d.id, d.url, d.title, d.published, c.copy_of, d.ingested_at";
const DOC_JOIN: &str = "LEFT JOIN copies c ON c.doc_id = d.id";

fn doc_ref(r: &dyn RowLike, at: usize) -> Result<DocRef> {
    Ok(DocRef {
        id: r.text(at)?,
        url: r.opt_text(at + 1)?,
        title: r.opt_text(at + 2)?,
        published: r.opt_text(at + 3)?,
        copy_of: r.opt_text(at + 4)?,
        ingested_at: r.int(at + 5)?,
    })
}

fn from_json<T: for<'de> Deserialize<'de>>(what: &str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::corrupt(what, e))
}

/// A stored document (zstd-compressed JSON) read back.
fn from_doc<T: for<'de> Deserialize<'de>>(what: &str, stored: &[u8]) -> Result<T> {
    let json = crate::prepare::decompress(stored).map_err(|e| StoreError::corrupt(what, e))?;
    serde_json::from_slice(&json).map_err(|e| StoreError::corrupt(what, e))
}

/// One article by id (or by an alias of it).
pub(crate) fn document(db: &mut dyn Db, id: &str) -> Result<Option<Document>> {
    let mut out = None;
    db.query(
        "SELECT doc FROM documents WHERE id = ? OR id = (SELECT doc_id FROM aliases WHERE alias = ?)",
        &[text(id), text(id)],
        &mut |r| {
            out = Some(from_doc(&format!("document {id}"), &r.blob(0)?)?);
            Ok(())
        },
    )?;
    Ok(out)
}

/// Every article the filter admits, oldest ingestion first.
pub(crate) fn for_each_document(
    db: &mut dyn Db,
    f: &Filter,
    sink: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<()> {
    let mut c = Conds::default();
    doc_conds(f, &mut c);
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT d.doc, d.id FROM documents d {DOC_JOIN}{} ORDER BY d.seq{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    db.query(&sql, &params, &mut |r| {
        let doc: Document = from_doc(&format!("document {}", r.text(1)?), &r.blob(0)?)?;
        sink(doc)
    })
}

/// Articles the filter admits, newest publication first.
pub(crate) fn documents(db: &mut dyn Db, f: &Filter) -> Result<Vec<DocRef>> {
    let mut c = Conds::default();
    doc_conds(f, &mut c);
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT {DOC_COLS} FROM documents d {DOC_JOIN}{} ORDER BY COALESCE(d.published, '') DESC, d.seq{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    let mut out = Vec::new();
    db.query(&sql, &params, &mut |r| {
        out.push(doc_ref(r, 0)?);
        Ok(())
    })?;
    Ok(out)
}

/// A parsed search: groups of keys; each group is a phrase (one key: a word). All groups
/// must match.
pub(crate) fn parse_query(q: &str) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            let keys: Vec<String> = crate::prepare::search_terms(part);
            if !keys.is_empty() {
                groups.push(keys);
            }
        } else {
            for w in part.split_whitespace() {
                let keys = crate::prepare::search_terms(w);
                if !keys.is_empty() {
                    groups.push(keys);
                }
            }
        }
    }
    groups
}

/// The FTS5 MATCH string: every group a quoted phrase, implicitly AND-ed.
fn fts5_query(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .map(|g| format!("\"{}\"", g.join(" ").replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tsquery string: phrases with `<->`, AND-ed with `&`.
fn tsquery(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .map(|g| {
            let g: Vec<String> = g.iter().map(|k| format!("'{}'", k.replace('\'', "''"))).collect();
            format!("({})", g.join(" <-> "))
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

/// Text around the first place a key occurs, from the text as published.
pub(crate) fn snippet(original: &str, keys: &[String]) -> String {
    const BEFORE: usize = 60;
    const AFTER: usize = 100;
    let view = rasd_text::normalize(original);
    let hit = keys.iter().filter_map(|k| view.as_str().find(k.as_str()).map(|b| (b, k))).min();
    let chars: Vec<char> = original.chars().collect();
    let (s, e) = match hit {
        Some((b, k)) => view.to_original(b, b + k.len()),
        None => (0, 0),
    };
    let from = s.saturating_sub(BEFORE);
    let to = (e + AFTER).min(chars.len());
    let mut out: String = chars[from..to].iter().collect();
    out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[derive(Deserialize)]
struct TextOnly {
    text: String,
}

/// Full-text search over the normalized articles.
pub(crate) fn search(db: &mut dyn Db, q: &str, f: &Filter) -> Result<Vec<SearchHit>> {
    let groups = parse_query(q);
    if groups.is_empty() {
        return Err(StoreError::BadQuery(format!("the search `{q}` has no words")));
    }
    let page = match db.backend() {
        Backend::Sqlite => ranked_page_fts5(db, &fts5_query(&groups), f)?,
        Backend::Postgres => ranked_page_pg(db, &tsquery(&groups), f)?,
    };
    // The texts of the page's articles alone: a stored article is large, and carried
    // through the ranking it was read for every match.
    let texts = texts_of(db, page.iter().map(|(d, _)| d.id.as_str()))?;
    let keys: Vec<String> = groups.iter().flatten().cloned().collect();
    Ok(page
        .into_iter()
        .map(|(doc, score)| {
            let text = texts.get(&doc.id).map_or("", String::as_str);
            SearchHit { score, snippet: snippet(text, &keys), doc }
        })
        .collect())
}

/// PostgreSQL ranks, filters and pages in one statement.
fn ranked_page_pg(db: &mut dyn Db, tsq: &str, f: &Filter) -> Result<Vec<(DocRef, f64)>> {
    let mut c = Conds::default();
    // Placeholders number in text order: the rank's comes before the WHERE's.
    c.params.push(text(tsq));
    c.push("d.search @@ to_tsquery('simple', ?)", [text(tsq)]);
    doc_conds(f, &mut c);
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT {DOC_COLS}, ts_rank(d.search, to_tsquery('simple', ?))::float8 \
         FROM documents d {DOC_JOIN}{} ORDER BY 7 DESC, d.seq{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    let mut page = Vec::new();
    db.query(&sql, &params, &mut |r| {
        page.push((doc_ref(r, 0)?, r.real(6)?));
        Ok(())
    })?;
    Ok(page)
}

/// Most candidates whose articles one statement checks against the filter.
const MAX_CHECKED: usize = 1024;

/// SQLite ranks in the FTS5 index alone, best first (ties by ingestion), and only then
/// reads articles, a growing batch at a time, until the page is full. A common word
/// matches half the record: joining every match to its (wide) article row before the
/// LIMIT cost more than the ranking itself.
fn ranked_page_fts5(db: &mut dyn Db, fts: &str, f: &Filter) -> Result<Vec<(DocRef, f64)>> {
    let ranked = match db.kept_ranking(fts)? {
        Some(kept) => kept,
        None => {
            let ranked = std::sync::Arc::new(fts5_ranking(db, fts)?);
            db.keep_ranking(fts, &ranked);
            ranked
        }
    };
    let wanted = f.limit.map_or(usize::MAX, |l| l.saturating_add(f.offset));
    let mut passed: Vec<(DocRef, f64)> = Vec::new();
    let mut batch = 64;
    let mut rest = ranked.as_slice();
    while passed.len() < wanted && !rest.is_empty() {
        let (now, later) = rest.split_at(batch.min(rest.len()));
        passed.extend(admitted(db, now, f)?);
        rest = later;
        batch = (batch * 2).min(MAX_CHECKED);
    }
    let take = f.limit.unwrap_or(usize::MAX);
    Ok(passed.into_iter().skip(f.offset).take(take).collect())
}

/// Every article matching `fts` with its score, best first, ties in ingestion order.
fn fts5_ranking(db: &mut dyn Db, fts: &str) -> Result<Vec<(i64, f64)>> {
    let mut ranked: Vec<(i64, f64)> = Vec::new();
    db.query(
        "SELECT rowid, -bm25(doc_search) FROM doc_search WHERE doc_search MATCH ?",
        &[text(fts)],
        &mut |r| {
            ranked.push((r.int(0)?, r.real(1)?));
            Ok(())
        },
    )?;
    // Sorted here rather than by SQLite's sorter, which took a third of the time, in the
    // order ORDER BY score DESC, seq would give.
    ranked.sort_unstable_by(|a, b| {
        b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0))
    });
    Ok(ranked)
}

/// Those of the ranked `candidates` (article seq, score) the filter admits, in their order.
fn admitted(db: &mut dyn Db, candidates: &[(i64, f64)], f: &Filter) -> Result<Vec<(DocRef, f64)>> {
    let mut c = Conds::default();
    c.push(
        format!("d.seq IN ({})", marks(candidates.len())),
        candidates.iter().map(|(seq, _)| Param::Int(*seq)),
    );
    doc_conds(f, &mut c);
    let sql = format!("SELECT {DOC_COLS}, d.seq FROM documents d {DOC_JOIN}{}", c.where_clause());
    let mut found = std::collections::HashMap::new();
    db.query(&sql, &c.params, &mut |r| {
        found.insert(r.int(6)?, doc_ref(r, 0)?);
        Ok(())
    })?;
    Ok(candidates.iter().filter_map(|(seq, score)| Some((found.remove(seq)?, *score))).collect())
}

/// The text of each article of `ids`, by id.
fn texts_of<'a>(
    db: &mut dyn Db,
    ids: impl Iterator<Item = &'a str>,
) -> Result<std::collections::HashMap<String, String>> {
    let ids = distinct_ids(ids);
    let mut out = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let sql = |marks: &str| format!("SELECT id, doc FROM documents WHERE id IN ({marks})");
    query_in(db, &ids, sql, &mut |r| {
        let id = r.text(0)?;
        let body: TextOnly = from_doc(&format!("document {id}"), &r.blob(1)?)?;
        out.insert(id, body.text);
        Ok(())
    })?;
    Ok(out)
}

/// Conditions on events `v` of documents `d`.
fn event_conds(f: &Filter, c: &mut Conds) {
    // order_day is COALESCE(v.date, d.published, '') (see the migration read_order), so
    // a date range is a range of the index the list is read in; '' is no date at all.
    if let Some(from) = &f.from {
        c.push("v.order_day >= ?", [text(from)]);
    }
    if let Some(to) = &f.to {
        c.push("v.order_day > '' AND v.order_day <= ?", [text(to)]);
    }
    if let Some(country) = &f.country {
        // A country by its code; any other entity by its id in the JSON id lists.
        let quoted = Param::Text(format!("%\"{}\"%", like_escaped(country)));
        c.push(
            "(v.countries LIKE ? ESCAPE '\\' OR v.actors LIKE ? ESCAPE '\\' \
             OR v.targets LIKE ? ESCAPE '\\' OR v.locations LIKE ? ESCAPE '\\')",
            [fenced(country), quoted.clone(), quoted.clone(), quoted],
        );
    }
    if let Some(t) = &f.event_type {
        c.push("v.event_type = ?", [text(t)]);
    }
    if !f.include_copies {
        c.push("c.copy_of IS NULL", []);
    }
}

fn ids(s: &str, what: &str) -> Result<Vec<String>> {
    from_json(what, s)
}

/// Events the filter admits, in date order.
pub(crate) fn events(db: &mut dyn Db, f: &Filter) -> Result<Vec<EventRow>> {
    let mut c = Conds::default();
    event_conds(f, &mut c);
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT {DOC_COLS}, v.idx, v.event_type, v.mode, v.actors, v.targets, v.locations, \
         v.participants, v.countries, v.date, v.claimant, v.stance, v.sentence, v.trigger_start, \
         v.trigger_end, v.trigger_text, v.evidence, v.confidence \
         FROM events v JOIN documents d ON d.id = v.doc_id {DOC_JOIN}{} \
         ORDER BY v.order_day, v.doc_seq, v.idx{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    let mut out = Vec::new();
    db.query(&sql, &params, &mut |r| {
        let doc = doc_ref(r, 0)?;
        let what = format!("event of {}", doc.id);
        out.push(EventRow {
            idx: r.int(6)? as usize,
            event_type: r.text(7)?,
            mode: r.opt_text(8)?,
            actors: ids(&r.text(9)?, &what)?,
            targets: ids(&r.text(10)?, &what)?,
            locations: ids(&r.text(11)?, &what)?,
            participants: unfence(&r.text(12)?),
            countries: unfence(&r.text(13)?),
            date: r.opt_text(14)?,
            claimant: r.opt_text(15)?,
            stance: r.text(16)?,
            sentence: r.int(17)? as usize,
            trigger_start: r.int(18)? as usize,
            trigger_end: r.int(19)? as usize,
            trigger: r.text(20)?,
            evidence: r.text(21)?,
            confidence: r.real(22)?,
            refs: Vec::new(),
            doc,
        });
        Ok(())
    })?;
    attach_refs(db, &mut out)?;
    Ok(out)
}

/// `?, ?, ...` for `n` values of an `IN` list.
fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Most values one `IN (...)` list binds: both engines cap a statement's parameters
/// (SQLite at 32,766, PostgreSQL at 65,535), and a list read without a page limit can
/// name every article.
const MAX_IN: usize = 500;

/// Runs `sql(marks)` for each run of at most [`MAX_IN`] of `values` (`marks` being their
/// placeholders) and hands every row to `f`.
fn query_in(
    db: &mut dyn Db,
    values: &[Param],
    sql: impl Fn(&str) -> String,
    f: &mut dyn FnMut(&dyn RowLike) -> Result<()>,
) -> Result<()> {
    for run in values.chunks(MAX_IN) {
        db.query(&sql(&marks(run.len())), run, f)?;
    }
    Ok(())
}

/// The distinct ids of `ids`, first occurrence first, as bound parameters.
fn distinct_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<Param> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| seen.insert(*id)).map(text).collect()
}

/// Fills each event's `refs` from its article's entities (stored once per article rather
/// than once per event): the actors, targets, places and claimant it names, in that order.
/// Only the page's articles are read: their entities, not those of every event the filter
/// admits.
fn attach_refs(db: &mut dyn Db, events: &mut [EventRow]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let docs = distinct_ids(events.iter().map(|e| e.doc.id.as_str()));
    let sql = |marks: &str| {
        format!(
            "SELECT e.doc_id, e.entity_id, e.kind, e.name, e.name_ar, e.country, e.lat, e.lon \
             FROM doc_entities e WHERE e.doc_id IN ({marks})"
        )
    };
    let mut by_doc: std::collections::HashMap<String, Vec<EntityRef>> =
        std::collections::HashMap::new();
    query_in(db, &docs, sql, &mut |r| {
        by_doc.entry(r.text(0)?).or_default().push(EntityRef {
            id: r.text(1)?,
            kind: r.text(2)?,
            name: r.opt_text(3)?,
            name_ar: r.opt_text(4)?,
            country: r.opt_text(5)?,
            lat: r.opt_real(6)?,
            lon: r.opt_real(7)?,
        });
        Ok(())
    })?;
    for e in events.iter_mut() {
        let Some(ents) = by_doc.get(&e.doc.id) else { continue };
        let named =
            e.actors.iter().chain(&e.targets).chain(&e.locations).chain(e.claimant.as_ref());
        for id in named {
            if e.refs.iter().any(|r| &r.id == id) {
                continue;
            }
            if let Some(ent) = ents.iter().find(|x| &x.id == id) {
                e.refs.push(ent.clone());
            }
        }
    }
    Ok(())
}

/// The claims ledger: figures the filter admits, grouped by claimant, side, kind and
/// group, each group in date order, so a claimant's series reads top to bottom.
pub(crate) fn claims(db: &mut dyn Db, f: &ClaimFilter) -> Result<Vec<ClaimRow>> {
    let mut c = Conds::default();
    let b = &f.base;
    if let Some(from) = &b.from {
        c.push("k.order_day >= ?", [text(from)]);
    }
    if let Some(to) = &b.to {
        c.push("k.order_day > '' AND k.order_day <= ?", [text(to)]);
    }
    if let Some(country) = &b.country {
        c.push("(k.side = ? OR k.claimant = ?)", [text(country), text(country)]);
    }
    if let Some(t) = &b.event_type {
        c.push(
            "EXISTS (SELECT 1 FROM events x WHERE x.doc_id = d.id AND x.event_type = ?)",
            [text(t)],
        );
    }
    if !b.include_copies {
        c.push("c.copy_of IS NULL", []);
    }
    if let Some(side) = &f.side {
        c.push("k.side = ?", [text(side)]);
    }
    if let Some(kind) = &f.kind {
        c.push("k.kind = ?", [text(kind)]);
    }
    if let Some(g) = &f.group {
        c.push("k.grp = ?", [text(g)]);
    }
    match f.claimant.as_deref() {
        Some("-") => c.push("k.claimant IS NULL", []),
        Some(cl) => c.push("k.claimant = ?", [text(cl)]),
        None => {}
    }
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT {DOC_COLS}, k.idx, k.count, k.bound, k.kind, k.grp, k.side, k.side_name, \
         k.cumulative, k.claimant, k.claimant_name, k.date, k.sentence, k.start_cp, k.end_cp, k.evidence, \
         k.side_basis, k.side_words \
         FROM casualties k JOIN documents d ON d.id = k.doc_id {DOC_JOIN}{} \
         ORDER BY COALESCE(k.claimant, ''), COALESCE(k.side, ''), k.kind, k.grp, \
         k.order_day, k.doc_seq, k.idx{}",
        c.where_clause(),
        paging(b, &mut params)
    );
    let mut out = Vec::new();
    db.query(&sql, &params, &mut |r| {
        out.push(ClaimRow {
            doc: doc_ref(r, 0)?,
            idx: r.int(6)? as usize,
            count: r.int(7)?.max(0) as u64,
            bound: r.text(8)?,
            kind: r.text(9)?,
            group: r.text(10)?,
            side: r.opt_text(11)?,
            side_name: r.opt_text(12)?,
            cumulative: r.boolean(13)?,
            claimant: r.opt_text(14)?,
            claimant_name: r.opt_text(15)?,
            date: r.opt_text(16)?,
            sentence: r.int(17)? as usize,
            start: r.int(18)? as usize,
            end: r.int(19)? as usize,
            evidence: r.text(20)?,
            side_basis: r.opt_text(21)?,
            side_words: r.opt_text(22)?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// Entities across the articles the filter admits, most widely reported first.
pub(crate) fn entities(db: &mut dyn Db, f: &Filter) -> Result<Vec<EntityRow>> {
    let mut c = Conds::default();
    let g = Filter { country: None, ..f.clone() };
    doc_conds(&g, &mut c);
    if let Some(country) = &f.country {
        c.push("(e.entity_id = ? OR e.country = ?)", [text(country), text(country)]);
    }
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT e.entity_id, MAX(e.kind), MAX(e.name), MAX(e.name_ar), MAX(e.country), \
         MAX(e.lat), MAX(e.lon), COUNT(*), CAST(SUM(e.mentions) AS BIGINT) \
         FROM doc_entities e JOIN documents d ON d.id = e.doc_id {DOC_JOIN}{} \
         GROUP BY e.entity_id ORDER BY COUNT(*) DESC, e.entity_id{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    let mut out = Vec::new();
    db.query(&sql, &params, &mut |r| {
        out.push(EntityRow {
            entity: EntityRef {
                id: r.text(0)?,
                kind: r.text(1)?,
                name: r.opt_text(2)?,
                name_ar: r.opt_text(3)?,
                country: r.opt_text(4)?,
                lat: r.opt_real(5)?,
                lon: r.opt_real(6)?,
            },
            documents: r.int(7)?.max(0) as u64,
            mentions: r.int(8)?.max(0) as u64,
        });
        Ok(())
    })?;
    Ok(out)
}

/// Every copy link.
pub(crate) fn copies(db: &mut dyn Db) -> Result<Vec<CopyLink>> {
    let mut out = Vec::new();
    db.query(
        "SELECT doc_id, copy_of, similarity FROM copies ORDER BY copy_of, doc_id",
        &[],
        &mut |r| {
            out.push(CopyLink { doc_id: r.text(0)?, copy_of: r.text(1)?, similarity: r.real(2)? });
            Ok(())
        },
    )?;
    Ok(out)
}

/// Incidents the filter admits, in date order.
pub(crate) fn incidents(db: &mut dyn Db, f: &Filter) -> Result<Vec<Incident>> {
    let mut c = Conds::default();
    if let Some(from) = &f.from {
        c.push("i.date >= ?", [text(from)]);
    }
    if let Some(to) = &f.to {
        c.push("i.date <= ?", [text(to)]);
    }
    if let Some(country) = &f.country {
        c.push("i.countries LIKE ? ESCAPE '\\'", [fenced(country)]);
    }
    if let Some(t) = &f.event_type {
        c.push("i.event_type = ?", [text(t)]);
    }
    let mut params = c.params.clone();
    let sql = format!(
        "SELECT i.body, i.id FROM incidents i{} ORDER BY i.date IS NULL, i.date, i.id{}",
        c.where_clause(),
        paging(f, &mut params)
    );
    let mut out = Vec::new();
    db.query(&sql, &params, &mut |r| {
        out.push(from_json(&format!("incident {}", r.text(1)?), &r.text(0)?)?);
        Ok(())
    })?;
    Ok(out)
}

/// One incident by id.
pub(crate) fn incident(db: &mut dyn Db, id: &str) -> Result<Option<Incident>> {
    let mut out = None;
    db.query("SELECT body FROM incidents WHERE id = ?", &[text(id)], &mut |r| {
        out = Some(from_json(&format!("incident {id}"), &r.text(0)?)?);
        Ok(())
    })?;
    Ok(out)
}

/// Counts of everything stored.
pub(crate) fn stats(db: &mut dyn Db) -> Result<Stats> {
    let mut s = Stats::default();
    db.query(
        // Events and figures of originals only: a copy's are the same report again, and
        // the page shows these counts beside lists that leave copies out.
        // All rows less the copies' rows: the copies' are found by key, where NOT IN
        // looked every row up in `copies` (20 ms of 36 on 150,000 events).
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM copies), \
         (SELECT COUNT(*) FROM aliases), \
         (SELECT COUNT(*) FROM events) \
         - (SELECT COUNT(*) FROM events WHERE doc_id IN (SELECT doc_id FROM copies)), \
         (SELECT COUNT(*) FROM casualties) \
         - (SELECT COUNT(*) FROM casualties WHERE doc_id IN (SELECT doc_id FROM copies)), \
         (SELECT COUNT(*) FROM incidents)",
        &[],
        &mut |r| {
            s = Stats {
                documents: r.int(0)? as u64,
                copies: r.int(1)? as u64,
                aliases: r.int(2)? as u64,
                events: r.int(3)? as u64,
                claims: r.int(4)? as u64,
                incidents: r.int(5)? as u64,
            };
            Ok(())
        },
    )?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare::search_key;

    fn same_key(a: &str, b: &str) -> bool {
        search_key(&rasd_text::normalize::normalize_str(a))
            == search_key(&rasd_text::normalize::normalize_str(b))
    }

    #[test]
    fn placeholders_number_in_order() {
        assert_eq!(placeholders("a = ? AND b = ?", Backend::Sqlite), "a = ?1 AND b = ?2");
        assert_eq!(placeholders("a = ? AND b = ?", Backend::Postgres), "a = $1 AND b = $2");
    }

    #[test]
    fn queries_are_normalized_and_keyed() {
        let g = parse_query("الجَيْش \"قصف مدفعي\"");
        assert_eq!(g, vec![vec!["جيش".to_string()], vec!["قصف".to_string(), "مدفعي".to_string()]]);
        assert_eq!(fts5_query(&g), "\"جيش\" \"قصف مدفعي\"");
        assert_eq!(tsquery(&g), "('جيش') & ('قصف' <-> 'مدفعي')");
        assert!(parse_query("  ، . ").is_empty());
        assert!(same_key("والجيش", "الجَيش"));
    }

    #[test]
    fn snippets_come_from_the_published_text() {
        let text = "قالت الوزارة إن الجَيْشَ قصف مواقع في المدينة.";
        let s = snippet(text, &["جيش".to_string()]);
        assert!(s.contains("الجَيْشَ"), "{s}");
    }
}

/// The statements the list queries run on SQLite, and how SQLite runs them.
#[cfg(test)]
mod plans {
    use super::*;
    use crate::sqlite::{value, SqliteStore};
    use crate::Store;

    /// A database that remembers every statement it ran.
    struct Recorder<'a> {
        store: &'a mut SqliteStore,
        ran: Vec<(String, Vec<Param>)>,
    }

    impl Db for Recorder<'_> {
        fn backend(&self) -> Backend {
            Backend::Sqlite
        }
        fn query(
            &mut self,
            sql: &str,
            params: &[Param],
            f: &mut dyn FnMut(&dyn RowLike) -> Result<()>,
        ) -> Result<()> {
            self.ran.push((sql.to_string(), params.to_vec()));
            self.store.query(sql, params, f)
        }
    }

    impl Recorder<'_> {
        /// `EXPLAIN QUERY PLAN` of each statement run, one string per statement.
        fn plans(&self) -> Vec<String> {
            let conn = self.store.connection();
            self.ran
                .iter()
                .map(|(sql, params)| {
                    let sql = format!("EXPLAIN QUERY PLAN {}", placeholders(sql, Backend::Sqlite));
                    let mut st = conn.prepare(&sql).unwrap();
                    let rows = st
                        .query_map(rusqlite::params_from_iter(params.iter().map(value)), |r| {
                            r.get::<_, String>(3)
                        })
                        .unwrap();
                    rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
                })
                .collect()
        }
    }

    fn store() -> SqliteStore {
        let mut s = SqliteStore::in_memory().unwrap();
        let docs: Vec<Document> = include_str!("../tests/fixtures/synthetic.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        s.ingest(&docs).unwrap();
        s
    }

    /// A page is read along an index in the list's own order and stops at its LIMIT: no
    /// table is scanned row by row and no sort waits for every row the filter admits.
    fn assert_read_in_order(plan: &str) {
        for line in plan.lines() {
            let bare_scan = line.starts_with("SCAN ") && !line.contains("INDEX");
            assert!(!bare_scan, "a table is scanned:\n{plan}");
            assert!(!line.contains("TEMP B-TREE"), "the page is sorted after the fact:\n{plan}");
        }
    }

    fn page(limit: usize) -> Filter {
        Filter { limit: Some(limit), ..Filter::default() }
    }

    #[test]
    fn the_lists_read_their_pages_along_an_index() {
        let mut s = store();
        let mut r = Recorder { store: &mut s, ran: Vec::new() };
        let dated =
            Filter { from: Some("2020-10-01".into()), to: Some("2020-10-30".into()), ..page(5) };
        let typed = Filter { event_type: Some("ASSAULT".into()), ..page(5) };
        assert!(!events(&mut r, &page(5)).unwrap().is_empty());
        events(&mut r, &dated).unwrap();
        events(&mut r, &typed).unwrap();
        claims(&mut r, &ClaimFilter { base: page(5), ..ClaimFilter::default() }).unwrap();
        incidents(&mut r, &page(5)).unwrap();
        documents(&mut r, &page(5)).unwrap();
        let plans = r.plans();
        // The events' entities: those of the page's articles only, by key.
        assert!(plans.iter().any(|p| p.contains("SEARCH e USING PRIMARY KEY (doc_id=?)")));
        for plan in &plans {
            assert_read_in_order(plan);
        }
    }

    #[test]
    fn long_in_lists_are_bound_a_run_at_a_time() {
        let mut s = SqliteStore::in_memory().unwrap();
        let mut r = Recorder { store: &mut s, ran: Vec::new() };
        let values: Vec<Param> = (0..1201).map(Param::Int).collect();
        let sql = |marks: &str| {
            format!(
                "WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) \
                 SELECT x FROM n WHERE x IN ({marks})"
            )
        };
        let mut seen = Vec::new();
        query_in(&mut r, &values, sql, &mut |row| {
            seen.push(row.int(0)?);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, (0..1201).collect::<Vec<i64>>());
        let bound: Vec<usize> = r.ran.iter().map(|(_, p)| p.len()).collect();
        assert_eq!(bound, [MAX_IN, MAX_IN, 1201 - 2 * MAX_IN]);
    }

    #[test]
    fn a_search_ranks_in_the_index_then_reads_the_page_s_articles_by_key() {
        let mut s = store();
        let mut r = Recorder { store: &mut s, ran: Vec::new() };
        let hits = search(&mut r, "القوات", &page(2)).unwrap();
        assert_eq!(hits.len(), 2);
        let plans = r.plans();
        assert!(plans[0].starts_with("SCAN doc_search VIRTUAL TABLE"), "{}", plans[0]);
        for plan in &plans[1..] {
            assert_read_in_order(plan);
            assert!(plan.lines().all(|l| l.starts_with("SEARCH ")), "{plan}");
        }
    }
}
