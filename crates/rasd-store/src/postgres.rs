//! The team backend: a PostgreSQL server (synchronous `postgres` client, no TLS; reach a
//! remote server through a tunnel or a local socket).
//!
//! Same tables as SQLite (see `migrations/`), with a `tsvector` column over the same
//! search keys in place of FTS5. All of an article's rows go in one round trip (one
//! statement of data-modifying CTEs, `unnest` over arrays), so storing an article costs
//! three round trips: what is known of it, its copy candidates, its rows.

use postgres::types::ToSql;
use postgres::{Client, NoTls, Statement};

use crate::error::{Result, StoreError};
use crate::ingest::{self, Known, Tx};
use crate::migrations::{HISTORY_TABLE, LATEST, MIGRATIONS};
use crate::prepare::{fence, PreparedDoc};
use crate::sql::{placeholders, Db, Param, RowLike};
use crate::types::{Backend, Incident, IngestReport, Stats};

/// Key of the advisory lock that serializes migrations across clients.
const MIGRATION_LOCK: i64 = 0x7261_7364; // "rasd"

/// A store in a PostgreSQL database.
pub struct PgStore {
    client: Client,
    stmts: Option<Stmts>,
}

/// Statements of the ingest path, prepared once per connection.
struct Stmts {
    known: Statement,
    candidates: Statement,
    insert_doc: Statement,
    bands: Statement,
    set_copy: Statement,
    unset_copy: Statement,
    copies_of: Statement,
    signature: Statement,
    delete: Statement,
    set_alias: Statement,
}

/// A connection URL with any password replaced, for messages.
pub fn redact(url: &str) -> String {
    // postgres://user:secret@host/db → postgres://user:***@host/db
    if let Some((scheme, rest)) = url.split_once("://") {
        if let Some((auth, host)) = rest.split_once('@') {
            if let Some((user, _)) = auth.split_once(':') {
                return format!("{scheme}://{user}:***@{host}");
            }
        }
    }
    url.to_string()
}

impl PgStore {
    /// Connects to `url` (`postgres://user[:password]@host[:port]/db`) and brings the
    /// schema up to date.
    pub fn connect(url: &str) -> Result<PgStore> {
        let client = Client::connect(url, NoTls)
            .map_err(|e| StoreError::Open { target: redact(url), reason: e.to_string() })?;
        let mut store = PgStore { client, stmts: None };
        let enc: String = store.client.query_one("SHOW server_encoding", &[])?.get(0);
        if !enc.eq_ignore_ascii_case("UTF8") {
            return Err(StoreError::Open {
                target: redact(url),
                reason: format!("the database encoding is {enc}; rasd needs UTF8"),
            });
        }
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        tx.batch_execute(HISTORY_TABLE)?;
        let current: i64 = tx
            .query_one("SELECT COALESCE(MAX(version), 0)::int8 FROM rasd_migrations", &[])?
            .get(0);
        if current > LATEST {
            return Err(StoreError::TooNew { found: current, known: LATEST });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            tx.batch_execute(m.postgres)?;
            tx.execute(
                "INSERT INTO rasd_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[&m.version, &m.name, &ingest::now()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn prepare(&mut self) -> Result<()> {
        if self.stmts.is_some() {
            return Ok(());
        }
        let c = &mut self.client;
        let stmts = Stmts {
            known: c.prepare(
                "SELECT (SELECT content_hash FROM documents WHERE id = $1), \
                 (SELECT analysis_hash FROM documents WHERE id = $1), \
                 (SELECT id FROM documents WHERE content_hash = $2 AND id <> $1 ORDER BY seq LIMIT 1), \
                 (SELECT doc_id FROM aliases WHERE alias = $1), \
                 (SELECT published IS NOT NULL FROM documents WHERE id = $1)",
            )?,
            candidates: c.prepare(
                "SELECT d.id, d.minhash FROM documents d WHERE d.id IN \
                 (SELECT doc_id FROM lsh_bands WHERE band_key = ANY($1))",
            )?,
            // Every row of an article in one round trip: data-modifying CTEs all run.
            insert_doc: c.prepare(
                "WITH a AS (DELETE FROM aliases WHERE alias = $1), \
                 d AS (INSERT INTO documents (id, content_hash, analysis_hash, url, title, published, \
                   ingested_at, minhash, doc, search) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_tsvector('simple', $10)) \
                   RETURNING seq), \
                 e AS (INSERT INTO doc_entities (doc_id, entity_id, kind, name, name_ar, country, lat, lon, \
                   mentions) SELECT $1, * FROM unnest($11::text[], $12::text[], $13::text[], $14::text[], \
                   $15::text[], $16::float8[], $17::float8[], $18::int8[]) ON CONFLICT DO NOTHING), \
                 v AS (INSERT INTO events (doc_id, idx, event_type, mode, actors, targets, locations, \
                   participants, countries, date, claimant, stance, sentence, trigger_start, trigger_end, \
                   trigger_text, evidence, confidence, doc_seq, order_day) \
                   SELECT $1, u.*, (SELECT seq FROM d), COALESCE(u.date, $6, '') FROM unnest($19::int8[], \
                   $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], \
                   $27::text[], $28::text[], $29::text[], $30::int8[], $31::int8[], $32::int8[], $33::text[], \
                   $34::text[], $35::float8[]) AS u(idx, event_type, mode, actors, targets, locations, \
                   participants, countries, date, claimant, stance, sentence, trigger_start, trigger_end, \
                   trigger_text, evidence, confidence)), \
                 k AS (INSERT INTO casualties (doc_id, idx, count, bound, kind, grp, side, side_name, \
                   cumulative, claimant, claimant_name, date, sentence, start_cp, end_cp, evidence, \
                   side_basis, side_words, doc_seq, order_day) \
                   SELECT $1, u.*, (SELECT seq FROM d), COALESCE(u.date, $6, '') FROM unnest($36::int8[], \
                   $37::int8[], $38::text[], $39::text[], $40::text[], $41::text[], $42::text[], $43::bool[], \
                   $44::text[], $45::text[], $46::text[], $47::int8[], $48::int8[], $49::int8[], $50::text[], \
                   $51::text[], $52::text[]) AS u(idx, count, bound, kind, grp, side, side_name, cumulative, \
                   claimant, claimant_name, date, sentence, start_cp, end_cp, evidence, side_basis, \
                   side_words)), \
                 b AS (INSERT INTO lsh_bands (band_key, doc_id) SELECT DISTINCT k, $1 \
                   FROM unnest($53::int8[]) AS k ON CONFLICT DO NOTHING) \
                 SELECT 1",
            )?,
            bands: c.prepare(
                "INSERT INTO lsh_bands (band_key, doc_id) SELECT DISTINCT k, $2 FROM unnest($1::int8[]) AS k \
                 ON CONFLICT DO NOTHING",
            )?,
            set_copy: c.prepare(
                "INSERT INTO copies (doc_id, copy_of, similarity) VALUES ($1, $2, $3) \
                 ON CONFLICT (doc_id) DO UPDATE SET copy_of = excluded.copy_of, similarity = excluded.similarity",
            )?,
            unset_copy: c.prepare("DELETE FROM copies WHERE doc_id = $1")?,
            copies_of: c.prepare(
                "SELECT c.doc_id, c.similarity FROM copies c JOIN documents d ON d.id = c.doc_id \
                 WHERE c.copy_of = $1 ORDER BY d.seq",
            )?,
            signature: c.prepare("SELECT minhash FROM documents WHERE id = $1")?,
            // Data-modifying CTEs all run: one round trip for the whole removal.
            delete: c.prepare(
                "WITH a AS (DELETE FROM documents WHERE id = $1), \
                 b AS (DELETE FROM doc_entities WHERE doc_id = $1), \
                 e AS (DELETE FROM events WHERE doc_id = $1), \
                 k AS (DELETE FROM casualties WHERE doc_id = $1), \
                 l AS (DELETE FROM lsh_bands WHERE doc_id = $1), \
                 c AS (DELETE FROM copies WHERE doc_id = $1), \
                 s AS (DELETE FROM aliases WHERE doc_id = $1) SELECT 1",
            )?,
            set_alias: c.prepare(
                "INSERT INTO aliases (alias, doc_id) VALUES ($1, $2) \
                 ON CONFLICT (alias) DO UPDATE SET doc_id = excluded.doc_id",
            )?,
        };
        self.stmts = Some(stmts);
        Ok(())
    }

    pub(crate) fn ingest_prepared_impl(&mut self, docs: &[PreparedDoc]) -> Result<IngestReport> {
        self.prepare()?;
        let now = ingest::now();
        let PgStore { client, stmts } = self;
        let Some(st) = stmts.as_ref() else { return Ok(IngestReport::default()) };
        let mut tx = client.transaction()?;
        let report = ingest::ingest_batch(&mut PgTx { tx: &mut tx, st }, docs, now)?;
        tx.commit()?;
        Ok(report)
    }

    /// The counts (PostgreSQL counts them each time).
    pub(crate) fn stats_impl(&mut self) -> Result<Stats> {
        crate::sql::stats(self)
    }

    pub(crate) fn replace_incidents_impl(&mut self, incidents: &[Incident]) -> Result<()> {
        let mut tx = self.client.transaction()?;
        tx.batch_execute("DELETE FROM incident_sources; DELETE FROM incidents;")?;
        let mut cols: (Vec<String>, Vec<String>, Vec<String>, Vec<Option<String>>) =
            Default::default();
        let mut more: (Vec<String>, Vec<i64>, Vec<String>) = Default::default();
        let mut src: (Vec<String>, Vec<String>, Vec<i64>, Vec<String>) = Default::default();
        for i in incidents {
            let body = serde_json::to_string(i)
                .map_err(|e| StoreError::corrupt(format!("incident {}", i.id), e))?;
            cols.0.push(i.id.clone());
            cols.1.push(i.event_type.clone());
            cols.2.push(i.status.clone());
            cols.3.push(i.date.clone());
            more.0.push(fence(i.countries.clone()));
            more.1.push(i.sources.len() as i64);
            more.2.push(body);
            for (role, list) in [("report", &i.sources), ("planned", &i.planned_by)] {
                for s in list {
                    src.0.push(i.id.clone());
                    src.1.push(s.doc.id.clone());
                    src.2.push(s.event_idx as i64);
                    src.3.push(role.to_string());
                }
            }
        }
        tx.execute(
            "INSERT INTO incidents (id, event_type, status, date, countries, n_sources, body) \
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[])",
            &[&cols.0, &cols.1, &cols.2, &cols.3, &more.0, &more.1, &more.2],
        )?;
        tx.execute(
            "INSERT INTO incident_sources (incident_id, doc_id, event_idx, role) \
             SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[])",
            &[&src.0, &src.1, &src.2, &src.3],
        )?;
        tx.commit()?;
        Ok(())
    }
}

struct PgRow<'a>(&'a postgres::Row);

impl RowLike for PgRow<'_> {
    fn text(&self, i: usize) -> Result<String> {
        Ok(self.0.try_get(i)?)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>> {
        Ok(self.0.try_get(i)?)
    }
    fn int(&self, i: usize) -> Result<i64> {
        Ok(self.0.try_get(i)?)
    }
    fn real(&self, i: usize) -> Result<f64> {
        Ok(self.0.try_get(i)?)
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>> {
        Ok(self.0.try_get(i)?)
    }
    fn boolean(&self, i: usize) -> Result<bool> {
        Ok(self.0.try_get(i)?)
    }
    fn blob(&self, i: usize) -> Result<Vec<u8>> {
        Ok(self.0.try_get(i)?)
    }
}

impl Db for PgStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Param],
        f: &mut dyn FnMut(&dyn RowLike) -> Result<()>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let sql = placeholders(sql, Backend::Postgres);
        let boxed: Vec<Box<dyn ToSql + Sync>> = params
            .iter()
            .map(|p| -> Box<dyn ToSql + Sync> {
                match p {
                    Param::Text(s) => Box::new(s.clone()),
                    Param::Int(i) => Box::new(*i),
                }
            })
            .collect();
        let mut rows =
            self.client.query_raw(sql.as_str(), boxed.iter().map(|b| b.as_ref() as &dyn ToSql))?;
        while let Some(r) = rows.next()? {
            f(&PgRow(&r))?;
        }
        Ok(())
    }
}

struct PgTx<'a, 'b> {
    tx: &'a mut postgres::Transaction<'b>,
    st: &'a Stmts,
}

impl Tx for PgTx<'_, '_> {
    fn known(&mut self, id: &str, content_hash: &str) -> Result<Known> {
        let r = self.tx.query_one(&self.st.known, &[&id, &content_hash])?;
        let content: Option<String> = r.try_get(0)?;
        let analysis: Option<String> = r.try_get(1)?;
        let dated: Option<bool> = r.try_get(4)?;
        Ok(Known {
            by_id: content.zip(analysis),
            by_hash: r.try_get(2)?,
            alias_of: r.try_get(3)?,
            dated: dated.unwrap_or(false),
        })
    }

    fn lsh_candidates(&mut self, keys: &[i64]) -> Result<Vec<(String, Option<Vec<u8>>)>> {
        let keys = keys.to_vec();
        let rows = self.tx.query(&self.st.candidates, &[&keys])?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    fn insert_document(&mut self, p: &PreparedDoc, now: i64, bands: &[i64]) -> Result<()> {
        use crate::prepare::{CasualtyRecord as C, EntityRecord as E, EventRecord as V};
        let sig = p.signature.as_deref().map(crate::minhash::to_bytes);
        let (e, v, k) = (&p.entities, &p.events, &p.casualties);
        fn col<R, T>(rows: &[R], f: impl Fn(&R) -> T) -> Vec<T> {
            rows.iter().map(f).collect()
        }
        let params: [&(dyn ToSql + Sync); 53] = [
            &p.id,
            &p.content_hash,
            &p.analysis_hash,
            &p.url,
            &p.title,
            &p.published,
            &now,
            &sig,
            &p.doc_zst,
            &p.search_text,
            &col(e, |x: &E| x.entity.id.clone()),
            &col(e, |x: &E| x.entity.kind.clone()),
            &col(e, |x: &E| x.entity.name.clone()),
            &col(e, |x: &E| x.entity.name_ar.clone()),
            &col(e, |x: &E| x.entity.country.clone()),
            &col(e, |x: &E| x.entity.lat),
            &col(e, |x: &E| x.entity.lon),
            &col(e, |x: &E| x.mentions),
            &col(v, |x: &V| x.idx),
            &col(v, |x: &V| x.event_type.clone()),
            &col(v, |x: &V| x.mode.clone()),
            &col(v, |x: &V| x.actors.clone()),
            &col(v, |x: &V| x.targets.clone()),
            &col(v, |x: &V| x.locations.clone()),
            &col(v, |x: &V| x.participants.clone()),
            &col(v, |x: &V| x.countries.clone()),
            &col(v, |x: &V| x.date.clone()),
            &col(v, |x: &V| x.claimant.clone()),
            &col(v, |x: &V| x.stance.clone()),
            &col(v, |x: &V| x.sentence),
            &col(v, |x: &V| x.trigger_start),
            &col(v, |x: &V| x.trigger_end),
            &col(v, |x: &V| x.trigger.clone()),
            &col(v, |x: &V| x.evidence.clone()),
            &col(v, |x: &V| x.confidence),
            &col(k, |x: &C| x.idx),
            &col(k, |x: &C| x.count),
            &col(k, |x: &C| x.bound.clone()),
            &col(k, |x: &C| x.kind.clone()),
            &col(k, |x: &C| x.group.clone()),
            &col(k, |x: &C| x.side.clone()),
            &col(k, |x: &C| x.side_name.clone()),
            &col(k, |x: &C| x.cumulative),
            &col(k, |x: &C| x.claimant.clone()),
            &col(k, |x: &C| x.claimant_name.clone()),
            &col(k, |x: &C| x.date.clone()),
            &col(k, |x: &C| x.sentence),
            &col(k, |x: &C| x.start),
            &col(k, |x: &C| x.end),
            &col(k, |x: &C| x.evidence.clone()),
            &col(k, |x: &C| x.side_basis.clone()),
            &col(k, |x: &C| x.side_words.clone()),
            &bands.to_vec(),
        ];
        self.tx.execute(&self.st.insert_doc, &params)?;
        Ok(())
    }

    fn insert_bands(&mut self, id: &str, keys: &[i64]) -> Result<()> {
        if !keys.is_empty() {
            self.tx.execute(&self.st.bands, &[&keys.to_vec(), &id])?;
        }
        Ok(())
    }

    fn set_copy(&mut self, id: &str, of: &str, similarity: f64) -> Result<()> {
        self.tx.execute(&self.st.set_copy, &[&id, &of, &similarity])?;
        Ok(())
    }

    fn unset_copy(&mut self, id: &str) -> Result<()> {
        self.tx.execute(&self.st.unset_copy, &[&id])?;
        Ok(())
    }

    fn copies_of(&mut self, id: &str) -> Result<Vec<(String, f64)>> {
        let rows = self.tx.query(&self.st.copies_of, &[&id])?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    fn signature_of(&mut self, id: &str) -> Result<Option<Vec<u8>>> {
        let rows = self.tx.query(&self.st.signature, &[&id])?;
        match rows.first() {
            Some(r) => Ok(r.try_get(0)?),
            None => Ok(None),
        }
    }

    fn delete_document(&mut self, id: &str) -> Result<()> {
        self.tx.query(&self.st.delete, &[&id])?;
        Ok(())
    }

    fn set_alias(&mut self, alias: &str, id: &str) -> Result<()> {
        self.tx.execute(&self.st.set_alias, &[&alias, &id])?;
        Ok(())
    }
}

/// The PostgreSQL server tests run against: `RASD_TEST_POSTGRES`, or none. When
/// `RASD_REQUIRE_POSTGRES=1` (as in CI) a missing server is a panic, so a run that would
/// quietly test SQLite alone fails instead.
pub fn test_postgres_url() -> Option<String> {
    let url = std::env::var("RASD_TEST_POSTGRES").ok().map(|u| u.trim().to_string());
    let url = url.filter(|u| !u.is_empty());
    if url.is_none() && std::env::var("RASD_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        panic!("RASD_REQUIRE_POSTGRES=1 but RASD_TEST_POSTGRES names no server");
    }
    url
}

/// Creates (or empties) database `name` on the server `url` points at and returns a URL
/// for it: a clean database per test or CI run. `name` must be lower-case ASCII letters,
/// digits and `_`; `url` must not carry a query string.
pub fn scratch_database(url: &str, name: &str) -> Result<String> {
    let valid = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid {
        return Err(StoreError::BadQuery(format!("`{name}` is not a plain database name")));
    }
    let Some((base, _db)) =
        url.rsplit_once('/').filter(|(b, _)| b.contains("://") && !b.ends_with('/'))
    else {
        return Err(StoreError::Open {
            target: redact(url),
            reason: "no database in the URL".into(),
        });
    };
    let mut client = Client::connect(url, NoTls)
        .map_err(|e| StoreError::Open { target: redact(url), reason: e.to_string() })?;
    client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
    client.batch_execute(&format!("CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))?;
    Ok(format!("{base}/{name}"))
}
