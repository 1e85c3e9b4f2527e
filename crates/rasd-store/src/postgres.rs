//! The team backend: a PostgreSQL server (synchronous `postgres` client, no TLS; reach a
//! remote server through a tunnel or a local socket).
//!
//! Same tables as SQLite (see `migrations/`), with a `tsvector` column over the same
//! search keys in place of FTS5. Each article's rows go in one round trip per table
//! (`unnest` over arrays), so ingest speed is bounded by the server, not the network.

use postgres::types::ToSql;
use postgres::{Client, NoTls, Statement};

use crate::error::{Result, StoreError};
use crate::ingest::{self, Known, Tx};
use crate::migrations::{HISTORY_TABLE, LATEST, MIGRATIONS};
use crate::prepare::{fence, PreparedDoc};
use crate::sql::{placeholders, Db, Param, RowLike};
use crate::types::{Backend, Incident, IngestReport};

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
    drop_alias: Statement,
    insert_doc: Statement,
    entities: Statement,
    events: Statement,
    casualties: Statement,
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
                 (SELECT doc_id FROM aliases WHERE alias = $1)",
            )?,
            candidates: c.prepare(
                "SELECT d.id, d.minhash FROM documents d WHERE d.id IN \
                 (SELECT doc_id FROM lsh_bands WHERE band_key = ANY($1))",
            )?,
            drop_alias: c.prepare("DELETE FROM aliases WHERE alias = $1")?,
            insert_doc: c.prepare(
                "INSERT INTO documents (id, content_hash, analysis_hash, url, title, published, \
                 ingested_at, minhash, doc_json, search) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_tsvector('simple', $10))",
            )?,
            entities: c.prepare(
                "INSERT INTO doc_entities (doc_id, entity_id, kind, name, name_ar, country, lat, lon, mentions) \
                 SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], \
                 $7::float8[], $8::float8[], $9::int8[]) ON CONFLICT DO NOTHING",
            )?,
            events: c.prepare(
                "INSERT INTO events (doc_id, idx, event_type, mode, actors, targets, locations, participants, \
                 countries, date, claimant, stance, sentence, trigger_start, trigger_end, trigger_text, evidence, \
                 confidence, refs) SELECT $1, * FROM unnest($2::int8[], $3::text[], $4::text[], $5::text[], \
                 $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], \
                 $13::int8[], $14::int8[], $15::int8[], $16::text[], $17::text[], $18::float8[], $19::text[])",
            )?,
            casualties: c.prepare(
                "INSERT INTO casualties (doc_id, idx, count, bound, kind, grp, side, side_name, cumulative, \
                 claimant, claimant_name, date, sentence, start_cp, end_cp, evidence) \
                 SELECT $1, * FROM unnest($2::int8[], $3::int8[], $4::text[], $5::text[], $6::text[], \
                 $7::text[], $8::text[], $9::bool[], $10::text[], $11::text[], $12::text[], $13::int8[], \
                 $14::int8[], $15::int8[], $16::text[])",
            )?,
            bands: c.prepare(
                "INSERT INTO lsh_bands (band_key, doc_id) SELECT k, $2 FROM unnest($1::int8[]) AS k",
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
        let mut report = IngestReport::default();
        let PgStore { client, stmts } = self;
        let Some(st) = stmts.as_ref() else { return Ok(report) };
        let mut tx = client.transaction()?;
        {
            let mut w = PgTx { tx: &mut tx, st };
            for p in docs {
                ingest::ingest_one(&mut w, p, now, &mut report)?;
            }
        }
        tx.commit()?;
        Ok(report)
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
        Ok(Known { by_id: content.zip(analysis), by_hash: r.try_get(2)?, alias_of: r.try_get(3)? })
    }

    fn lsh_candidates(&mut self, keys: &[i64]) -> Result<Vec<(String, Option<Vec<u8>>)>> {
        let keys = keys.to_vec();
        let rows = self.tx.query(&self.st.candidates, &[&keys])?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    fn insert_document(&mut self, p: &PreparedDoc, now: i64) -> Result<()> {
        let st = self.st;
        let tx = &mut *self.tx;
        tx.execute(&st.drop_alias, &[&p.id])?;
        let sig = p.signature.as_deref().map(crate::minhash::to_bytes);
        tx.execute(
            &st.insert_doc,
            &[
                &p.id,
                &p.content_hash,
                &p.analysis_hash,
                &p.url,
                &p.title,
                &p.published,
                &now,
                &sig,
                &p.doc_json,
                &p.search_text,
            ],
        )?;
        if !p.entities.is_empty() {
            let e = &p.entities;
            let col =
                |f: fn(&crate::prepare::EntityRecord) -> Option<String>| -> Vec<Option<String>> {
                    e.iter().map(f).collect()
                };
            let ids: Vec<String> = e.iter().map(|x| x.entity.id.clone()).collect();
            let kinds: Vec<String> = e.iter().map(|x| x.entity.kind.clone()).collect();
            let names = col(|x| x.entity.name.clone());
            let names_ar = col(|x| x.entity.name_ar.clone());
            let countries = col(|x| x.entity.country.clone());
            let lats: Vec<Option<f64>> = e.iter().map(|x| x.entity.lat).collect();
            let lons: Vec<Option<f64>> = e.iter().map(|x| x.entity.lon).collect();
            let mentions: Vec<i64> = e.iter().map(|x| x.mentions).collect();
            tx.execute(
                &st.entities,
                &[&p.id, &ids, &kinds, &names, &names_ar, &countries, &lats, &lons, &mentions],
            )?;
        }
        if !p.events.is_empty() {
            let v = &p.events;
            let s = |f: fn(&crate::prepare::EventRecord) -> String| -> Vec<String> {
                v.iter().map(f).collect()
            };
            let o = |f: fn(&crate::prepare::EventRecord) -> Option<String>| -> Vec<Option<String>> {
                v.iter().map(f).collect()
            };
            let n = |f: fn(&crate::prepare::EventRecord) -> i64| -> Vec<i64> {
                v.iter().map(f).collect()
            };
            let params: [&(dyn ToSql + Sync); 19] = [
                &p.id,
                &n(|e| e.idx),
                &s(|e| e.event_type.clone()),
                &o(|e| e.mode.clone()),
                &s(|e| e.actors.clone()),
                &s(|e| e.targets.clone()),
                &s(|e| e.locations.clone()),
                &s(|e| e.participants.clone()),
                &s(|e| e.countries.clone()),
                &o(|e| e.date.clone()),
                &o(|e| e.claimant.clone()),
                &s(|e| e.stance.clone()),
                &n(|e| e.sentence),
                &n(|e| e.trigger_start),
                &n(|e| e.trigger_end),
                &s(|e| e.trigger.clone()),
                &s(|e| e.evidence.clone()),
                &v.iter().map(|e| e.confidence).collect::<Vec<f64>>(),
                &s(|e| e.refs.clone()),
            ];
            tx.execute(&st.events, &params)?;
        }
        if !p.casualties.is_empty() {
            let v = &p.casualties;
            let s = |f: fn(&crate::prepare::CasualtyRecord) -> String| -> Vec<String> {
                v.iter().map(f).collect()
            };
            let o =
                |f: fn(&crate::prepare::CasualtyRecord) -> Option<String>| -> Vec<Option<String>> {
                    v.iter().map(f).collect()
                };
            let n = |f: fn(&crate::prepare::CasualtyRecord) -> i64| -> Vec<i64> {
                v.iter().map(f).collect()
            };
            let params: [&(dyn ToSql + Sync); 16] = [
                &p.id,
                &n(|c| c.idx),
                &n(|c| c.count),
                &s(|c| c.bound.clone()),
                &s(|c| c.kind.clone()),
                &s(|c| c.group.clone()),
                &o(|c| c.side.clone()),
                &o(|c| c.side_name.clone()),
                &v.iter().map(|c| c.cumulative).collect::<Vec<bool>>(),
                &o(|c| c.claimant.clone()),
                &o(|c| c.claimant_name.clone()),
                &o(|c| c.date.clone()),
                &n(|c| c.sentence),
                &n(|c| c.start),
                &n(|c| c.end),
                &s(|c| c.evidence.clone()),
            ];
            tx.execute(&st.casualties, &params)?;
        }
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
