//! The embedded backend: one SQLite file (bundled SQLite with FTS5).
//!
//! The file runs in WAL mode with `synchronous = NORMAL`: each batch is one transaction,
//! and a process that dies mid-batch leaves every committed batch intact and the
//! uncommitted one absent.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Result, StoreError};
use crate::ingest::{self, Known, Tx};
use crate::migrations::{HISTORY_TABLE, LATEST, MIGRATIONS};
use crate::minhash::BANDS;
use crate::prepare::{fence, PreparedDoc};
use crate::sql::{placeholders, Db, Param, Ranking, RowLike};
use crate::types::{Backend, Incident, IngestReport, Stats};

/// A store in a SQLite file.
pub struct SqliteStore {
    conn: Connection,
    cache: ReadCache,
}

/// What changes whenever the file does: `PRAGMA data_version` moves when another
/// connection (of this process or another) commits, `total_changes` when this one writes.
type WriteMark = (i64, u64);

/// Most search rankings one connection keeps.
const MAX_RANKINGS: usize = 32;
/// Most matches one connection keeps over all its rankings (16 bytes each: 16 MiB), so
/// a record of millions of articles cannot make the kept rankings grow with it.
const MAX_KEPT_MATCHES: usize = 1 << 20;

/// Answers that depend on the whole record and change only when it is written, kept for
/// the state of the file they were read in: the counts (every table counted) and search
/// rankings (a common word matches half the record, and FTS5's bm25 reads the size of
/// every matching article). Anything written empties it.
#[derive(Default)]
struct ReadCache {
    mark: Option<WriteMark>,
    stats: Option<Stats>,
    rankings: HashMap<String, Ranking>,
}

impl ReadCache {
    /// Forgets everything read before the file reached `mark`.
    fn at(&mut self, mark: WriteMark) -> &mut ReadCache {
        if self.mark != Some(mark) {
            *self = ReadCache { mark: Some(mark), ..ReadCache::default() };
        }
        self
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path)?;
        Self::setup(conn)
    }

    /// A private in-memory database, for tests.
    pub fn in_memory() -> Result<SqliteStore> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<SqliteStore> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // Before the first table exists, so it applies to a new file (an old one keeps its own).
        conn.execute_batch("PRAGMA page_size = 8192;")?;
        // journal_mode answers with a row, so it cannot go through execute_batch's
        // statement-only path on every SQLite version.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // A 64 MiB page cache keeps the index B-trees (LSH bands, entities) in memory
        // while a batch is written; the default 2 MiB makes every batch re-read them.
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; \
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; \
             PRAGMA wal_autocheckpoint = 10000;",
        )?;
        conn.set_prepared_statement_cache_capacity(128);
        let mut store = SqliteStore { conn, cache: ReadCache::default() };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        self.conn.execute_batch(HISTORY_TABLE)?;
        // IMMEDIATE takes the write lock first, so two processes opening a fresh file
        // cannot both apply the same migration.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current: i64 =
            tx.query_row("SELECT COALESCE(MAX(version), 0) FROM rasd_migrations", [], |r| {
                r.get(0)
            })?;
        if current > LATEST {
            return Err(StoreError::TooNew { found: current, known: LATEST });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            tx.execute_batch(m.sqlite)?;
            tx.execute(
                "INSERT INTO rasd_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![m.version, m.name, ingest::now()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn write_mark(&self) -> Result<WriteMark> {
        let version: i64 = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((version, self.conn.total_changes()))
    }

    /// The counts, read again only when the file has changed since they were last read.
    pub(crate) fn stats_impl(&mut self) -> Result<Stats> {
        let mark = self.write_mark()?;
        if let Some(stats) = &self.cache.at(mark).stats {
            return Ok(stats.clone());
        }
        let stats = crate::sql::stats(self)?;
        self.cache.at(mark).stats = Some(stats.clone());
        Ok(stats)
    }

    /// The underlying connection, for tools that need raw SQL (tests, diagnostics).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn ingest_prepared_impl(&mut self, docs: &[PreparedDoc]) -> Result<IngestReport> {
        let now = ingest::now();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let report = ingest::ingest_batch(&mut SqliteTx { tx: &tx }, docs, now)?;
        tx.commit()?;
        Ok(report)
    }

    pub(crate) fn replace_incidents_impl(&mut self, incidents: &[Incident]) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM incident_sources", [])?;
        tx.execute("DELETE FROM incidents", [])?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO incidents (id, event_type, status, date, countries, n_sources, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut src = tx.prepare(
                "INSERT INTO incident_sources (incident_id, doc_id, event_idx, role) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for i in incidents {
                let body = serde_json::to_string(i)
                    .map_err(|e| StoreError::corrupt(format!("incident {}", i.id), e))?;
                ins.execute(params![
                    i.id,
                    i.event_type,
                    i.status,
                    i.date,
                    fence(i.countries.clone()),
                    i.sources.len() as i64,
                    body
                ])?;
                for (role, list) in [("report", &i.sources), ("planned", &i.planned_by)] {
                    for s in list {
                        src.execute(params![i.id, s.doc.id, s.event_idx as i64, role])?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}

struct SqliteRow<'a, 'b>(&'a rusqlite::Row<'b>);

impl RowLike for SqliteRow<'_, '_> {
    fn text(&self, i: usize) -> Result<String> {
        Ok(self.0.get(i)?)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>> {
        Ok(self.0.get(i)?)
    }
    fn int(&self, i: usize) -> Result<i64> {
        Ok(self.0.get(i)?)
    }
    fn real(&self, i: usize) -> Result<f64> {
        Ok(self.0.get(i)?)
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>> {
        Ok(self.0.get(i)?)
    }
    fn boolean(&self, i: usize) -> Result<bool> {
        Ok(self.0.get(i)?)
    }
    fn blob(&self, i: usize) -> Result<Vec<u8>> {
        Ok(self.0.get(i)?)
    }
}

pub(crate) fn value(p: &Param) -> Value {
    match p {
        Param::Text(s) => Value::Text(s.clone()),
        Param::Int(i) => Value::Integer(*i),
    }
}

impl Db for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn kept_ranking(&mut self, fts: &str) -> Result<Option<Ranking>> {
        let mark = self.write_mark()?;
        Ok(self.cache.at(mark).rankings.get(fts).cloned())
    }

    fn keep_ranking(&mut self, fts: &str, ranking: &Ranking) {
        // Under the mark kept_ranking saw: a write since then empties the cache at the
        // next look.
        let rankings = &mut self.cache.rankings;
        if ranking.len() > MAX_KEPT_MATCHES {
            return;
        }
        let kept: usize = rankings.values().map(|r| r.len()).sum();
        if rankings.len() >= MAX_RANKINGS || kept + ranking.len() > MAX_KEPT_MATCHES {
            rankings.clear();
        }
        rankings.insert(fts.to_string(), Arc::clone(ranking));
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Param],
        f: &mut dyn FnMut(&dyn RowLike) -> Result<()>,
    ) -> Result<()> {
        let sql = placeholders(sql, Backend::Sqlite);
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(params.iter().map(value)))?;
        while let Some(r) = rows.next()? {
            f(&SqliteRow(r))?;
        }
        Ok(())
    }
}

struct SqliteTx<'a> {
    tx: &'a Transaction<'a>,
}

impl Tx for SqliteTx<'_> {
    fn known(&mut self, id: &str, content_hash: &str) -> Result<Known> {
        // One statement instead of three: this runs for every incoming article.
        let row = self
            .tx
            .prepare_cached(
                "SELECT (SELECT content_hash FROM documents WHERE id = ?1), \
                 (SELECT analysis_hash FROM documents WHERE id = ?1), \
                 (SELECT id FROM documents WHERE content_hash = ?2 AND id <> ?1 ORDER BY seq LIMIT 1), \
                 (SELECT doc_id FROM aliases WHERE alias = ?1), \
                 (SELECT published IS NOT NULL FROM documents WHERE id = ?1)",
            )?
            .query_row([id, content_hash], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<bool>>(4)?,
                ))
            })?;
        Ok(Known {
            by_id: row.0.zip(row.1),
            by_hash: row.2,
            alias_of: row.3,
            dated: row.4.unwrap_or(false),
        })
    }

    fn lsh_candidates(&mut self, keys: &[i64]) -> Result<Vec<(String, Option<Vec<u8>>)>> {
        if keys.len() != BANDS {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=BANDS).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "SELECT d.id, d.minhash FROM documents d WHERE d.id IN \
             (SELECT doc_id FROM lsh_bands WHERE band_key IN ({}))",
            marks.join(",")
        );
        let mut st = self.tx.prepare_cached(&sql)?;
        let rows =
            st.query_map(rusqlite::params_from_iter(keys.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn insert_document(&mut self, p: &PreparedDoc, now: i64, bands: &[i64]) -> Result<()> {
        self.insert_bands(&p.id, bands)?;
        let tx = self.tx;
        tx.prepare_cached("DELETE FROM aliases WHERE alias = ?1")?.execute([&p.id])?;
        tx.prepare_cached(
            "INSERT INTO documents (id, content_hash, analysis_hash, url, title, published, \
             ingested_at, minhash, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            p.id,
            p.content_hash,
            p.analysis_hash,
            p.url,
            p.title,
            p.published,
            now,
            p.signature.as_deref().map(crate::minhash::to_bytes),
            p.doc_zst
        ])?;
        let seq = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO doc_search (rowid, body) VALUES (?1, ?2)")?
            .execute(params![seq, p.search_text])?;
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO doc_entities (doc_id, entity_id, kind, name, name_ar, country, lat, lon, mentions) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for e in &p.entities {
            let r = &e.entity;
            st.execute(params![
                p.id, r.id, r.kind, r.name, r.name_ar, r.country, r.lat, r.lon, e.mentions
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO events (doc_id, idx, event_type, mode, actors, targets, locations, participants, \
             countries, date, claimant, stance, sentence, trigger_start, trigger_end, trigger_text, evidence, \
             confidence, doc_seq, order_day) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?;
        for e in &p.events {
            st.execute(params![
                p.id,
                e.idx,
                e.event_type,
                e.mode,
                e.actors,
                e.targets,
                e.locations,
                e.participants,
                e.countries,
                e.date,
                e.claimant,
                e.stance,
                e.sentence,
                e.trigger_start,
                e.trigger_end,
                e.trigger,
                e.evidence,
                e.confidence,
                seq,
                p.order_day(e.date.as_deref())
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO casualties (doc_id, idx, count, bound, kind, grp, side, side_name, cumulative, \
             claimant, claimant_name, date, sentence, start_cp, end_cp, evidence, side_basis, \
             side_words, doc_seq, order_day) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?;
        for c in &p.casualties {
            st.execute(params![
                p.id,
                c.idx,
                c.count,
                c.bound,
                c.kind,
                c.group,
                c.side,
                c.side_name,
                c.cumulative,
                c.claimant,
                c.claimant_name,
                c.date,
                c.sentence,
                c.start,
                c.end,
                c.evidence,
                c.side_basis,
                c.side_words,
                seq,
                p.order_day(c.date.as_deref())
            ])?;
        }
        Ok(())
    }

    fn insert_bands(&mut self, id: &str, keys: &[i64]) -> Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        // One multi-row statement (the same text for every article: keys.len() is BANDS)
        // instead of one execution per band.
        let rows: Vec<String> = (0..keys.len()).map(|i| format!("(?{}, ?1)", i + 2)).collect();
        let sql = format!(
            "INSERT OR IGNORE INTO lsh_bands (band_key, doc_id) VALUES {}",
            rows.join(", ")
        );
        let mut params: Vec<rusqlite::types::Value> = Vec::with_capacity(keys.len() + 1);
        params.push(rusqlite::types::Value::Text(id.to_string()));
        params.extend(keys.iter().map(|k| rusqlite::types::Value::Integer(*k)));
        self.tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(params))?;
        Ok(())
    }

    fn set_copy(&mut self, id: &str, of: &str, similarity: f64) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO copies (doc_id, copy_of, similarity) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (doc_id) DO UPDATE SET copy_of = excluded.copy_of, similarity = excluded.similarity",
            )?
            .execute(params![id, of, similarity])?;
        Ok(())
    }

    fn unset_copy(&mut self, id: &str) -> Result<()> {
        self.tx.prepare_cached("DELETE FROM copies WHERE doc_id = ?1")?.execute([id])?;
        Ok(())
    }

    fn copies_of(&mut self, id: &str) -> Result<Vec<(String, f64)>> {
        let mut st = self.tx.prepare_cached(
            "SELECT c.doc_id, c.similarity FROM copies c JOIN documents d ON d.id = c.doc_id \
             WHERE c.copy_of = ?1 ORDER BY d.seq",
        )?;
        let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn signature_of(&mut self, id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .tx
            .prepare_cached("SELECT minhash FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    fn delete_document(&mut self, id: &str) -> Result<()> {
        let tx = self.tx;
        let seq: Option<i64> = tx
            .prepare_cached("SELECT seq FROM documents WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(seq) = seq {
            tx.prepare_cached("DELETE FROM doc_search WHERE rowid = ?1")?.execute([seq])?;
        }
        // Band rows are keyed by band: find them again from the signature.
        if let Some(sig) = self.signature_of(id)?.and_then(|b| crate::minhash::from_bytes(&b)) {
            let mut st =
                tx.prepare_cached("DELETE FROM lsh_bands WHERE band_key = ?1 AND doc_id = ?2")?;
            for k in crate::minhash::band_keys(&sig) {
                st.execute(params![k, id])?;
            }
        }
        for sql in [
            "DELETE FROM documents WHERE id = ?1",
            "DELETE FROM doc_entities WHERE doc_id = ?1",
            "DELETE FROM events WHERE doc_id = ?1",
            "DELETE FROM casualties WHERE doc_id = ?1",
            "DELETE FROM copies WHERE doc_id = ?1",
            "DELETE FROM aliases WHERE doc_id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute([id])?;
        }
        Ok(())
    }

    fn set_alias(&mut self, alias: &str, id: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO aliases (alias, doc_id) VALUES (?1, ?2) \
                 ON CONFLICT (alias) DO UPDATE SET doc_id = excluded.doc_id",
            )?
            .execute([alias, id])?;
        Ok(())
    }
}
