-- rasd record, first schema (SQLite). The PostgreSQL variant is 0001_record.postgres.sql:
-- same tables and columns, with that backend's types and its own full-text index.

-- One row per stored article. `seq` orders ingestion and keys the full-text index.
CREATE TABLE documents (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,          -- 128-bit hash (hash.rs) of the normalized text
    analysis_hash TEXT NOT NULL,          -- 128-bit hash of the document JSON
    url           TEXT,
    title         TEXT,
    published     TEXT,
    ingested_at   INTEGER NOT NULL,       -- Unix seconds
    minhash       BLOB,                   -- 128 little-endian u32, NULL for short texts
    doc           BLOB NOT NULL           -- the rasd.document/1 JSON, zstd-compressed
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published);

-- Other ids under which the same text arrived.
CREATE TABLE aliases (
    alias  TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL
);
CREATE INDEX aliases_doc ON aliases (doc_id);

-- Syndicated copies: doc_id is a near-duplicate of copy_of (which is never itself a copy).
CREATE TABLE copies (
    doc_id     TEXT PRIMARY KEY,
    copy_of    TEXT NOT NULL,
    similarity REAL NOT NULL
);
CREATE INDEX copies_of ON copies (copy_of);

-- MinHash LSH bands of articles that are not copies. One B-tree keyed by band: a
-- document's rows are found again from its stored signature, so no second index.
CREATE TABLE lsh_bands (
    band_key INTEGER NOT NULL,
    doc_id   TEXT NOT NULL,
    PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;

CREATE TABLE doc_entities (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    name      TEXT,
    name_ar   TEXT,
    country   TEXT,
    lat       REAL,
    lon       REAL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

-- Events; the entities they name are read back from doc_entities (see sql.rs).
CREATE TABLE events (
    doc_id        TEXT NOT NULL,
    idx           INTEGER NOT NULL,
    event_type    TEXT NOT NULL,
    mode          TEXT,
    actors        TEXT NOT NULL,          -- JSON array of entity ids
    targets       TEXT NOT NULL,
    locations     TEXT NOT NULL,
    participants  TEXT NOT NULL,          -- ',ARM,AZE,' countries of actors and targets
    countries     TEXT NOT NULL,          -- participants and places
    date          TEXT,
    claimant      TEXT,
    stance        TEXT NOT NULL,
    sentence      INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    confidence    REAL NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX events_type_date ON events (event_type, date);

-- The claims ledger: every casualty figure as its article gives it.
CREATE TABLE casualties (
    doc_id        TEXT NOT NULL,
    idx           INTEGER NOT NULL,
    count         INTEGER NOT NULL,
    bound         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    grp           TEXT NOT NULL,
    side          TEXT,
    side_name     TEXT,
    cumulative    INTEGER NOT NULL,       -- 0/1
    claimant      TEXT,
    claimant_name TEXT,
    date          TEXT,
    sentence      INTEGER NOT NULL,
    start_cp      INTEGER NOT NULL,
    end_cp        INTEGER NOT NULL,
    evidence      TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX casualties_claimant ON casualties (claimant, side, kind);

-- Full-text index over search keys of the normalized text (see prepare.rs): FTS5's
-- tokenizers would split Arabic words at harakat, so it never sees the raw text. The keys
-- are already words separated by spaces, so the plain `ascii` tokenizer (which keeps
-- every non-ASCII character inside tokens) indexes them as they are, without Unicode
-- table lookups.
CREATE VIRTUAL TABLE doc_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii'
);

-- Incidents are derived (rasd-record rebuilds them after each ingest).
CREATE TABLE incidents (
    id         TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    status     TEXT NOT NULL,
    date       TEXT,
    countries  TEXT NOT NULL,             -- ',ARM,AZE,'
    n_sources  INTEGER NOT NULL,
    body       TEXT NOT NULL              -- the Incident as JSON
);
CREATE INDEX incidents_date ON incidents (date);

CREATE TABLE incident_sources (
    incident_id TEXT NOT NULL,
    doc_id      TEXT NOT NULL,
    event_idx   INTEGER NOT NULL,
    role        TEXT NOT NULL             -- report | planned
);
CREATE INDEX incident_sources_doc ON incident_sources (doc_id);
CREATE INDEX incident_sources_incident ON incident_sources (incident_id);
