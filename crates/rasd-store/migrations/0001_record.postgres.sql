-- rasd record, first schema (PostgreSQL). The SQLite variant is 0001_record.sqlite.sql:
-- same tables and columns, with this backend's types and its own full-text index.

-- One row per stored article. `seq` orders ingestion and keys the full-text index.
CREATE TABLE documents (
    seq           BIGSERIAL PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,          -- 128-bit hash (hash.rs) of the normalized text
    analysis_hash TEXT NOT NULL,          -- 128-bit hash of the document JSON
    url           TEXT,
    title         TEXT,
    published     TEXT,
    ingested_at   BIGINT NOT NULL,        -- Unix seconds
    minhash       BYTEA,                  -- 128 little-endian u32, NULL for short texts
    doc           BYTEA NOT NULL,          -- the rasd.document/1 JSON, zstd-compressed
    search        TSVECTOR NOT NULL       -- search keys of the normalized text (see prepare.rs)
);
CREATE INDEX documents_search ON documents USING GIN (search);
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
    similarity DOUBLE PRECISION NOT NULL
);
CREATE INDEX copies_of ON copies (copy_of);

-- MinHash LSH bands of articles that are not copies.
CREATE TABLE lsh_bands (
    band_key BIGINT NOT NULL,
    doc_id   TEXT NOT NULL,
    PRIMARY KEY (band_key, doc_id)
);
CREATE INDEX lsh_bands_doc ON lsh_bands (doc_id);

CREATE TABLE doc_entities (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    name      TEXT,
    name_ar   TEXT,
    country   TEXT,
    lat       DOUBLE PRECISION,
    lon       DOUBLE PRECISION,
    mentions  BIGINT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

-- Events; the entities they name are read back from doc_entities (see sql.rs).
CREATE TABLE events (
    doc_id        TEXT NOT NULL,
    idx           BIGINT NOT NULL,
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
    sentence      BIGINT NOT NULL,
    trigger_start BIGINT NOT NULL,
    trigger_end   BIGINT NOT NULL,
    trigger_text  TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX events_type_date ON events (event_type, date);

-- The claims ledger: every casualty figure as its article gives it.
CREATE TABLE casualties (
    doc_id        TEXT NOT NULL,
    idx           BIGINT NOT NULL,
    count         BIGINT NOT NULL,
    bound         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    grp           TEXT NOT NULL,
    side          TEXT,
    side_name     TEXT,
    cumulative    BOOLEAN NOT NULL,
    claimant      TEXT,
    claimant_name TEXT,
    date          TEXT,
    sentence      BIGINT NOT NULL,
    start_cp      BIGINT NOT NULL,
    end_cp        BIGINT NOT NULL,
    evidence      TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX casualties_claimant ON casualties (claimant, side, kind);

-- Incidents are derived (rasd-record rebuilds them after each ingest).
CREATE TABLE incidents (
    id         TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    status     TEXT NOT NULL,
    date       TEXT,
    countries  TEXT NOT NULL,             -- ',ARM,AZE,'
    n_sources  BIGINT NOT NULL,
    body       TEXT NOT NULL              -- the Incident as JSON
);
CREATE INDEX incidents_date ON incidents (date);

CREATE TABLE incident_sources (
    incident_id TEXT NOT NULL,
    doc_id      TEXT NOT NULL,
    event_idx   BIGINT NOT NULL,
    role        TEXT NOT NULL             -- report | planned
);
CREATE INDEX incident_sources_doc ON incident_sources (doc_id);
CREATE INDEX incident_sources_incident ON incident_sources (incident_id);
