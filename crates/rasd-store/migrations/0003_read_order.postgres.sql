-- The list endpoints read one page in the order they show; see 0003_read_order.sqlite.sql
-- for why events and figures keep their article's sequence and date beside their own.
--
-- order_day: the row's own date, else its article's publication date, else ''.
-- doc_seq:   the article's `documents.seq`.
ALTER TABLE events ADD COLUMN doc_seq BIGINT;
ALTER TABLE events ADD COLUMN order_day TEXT;
UPDATE events v SET doc_seq = d.seq, order_day = COALESCE(v.date, d.published, '')
    FROM documents d WHERE d.id = v.doc_id;
CREATE INDEX IF NOT EXISTS events_order ON events (order_day, doc_seq, idx);
CREATE INDEX IF NOT EXISTS events_type_order ON events (event_type, order_day, doc_seq, idx);

ALTER TABLE casualties ADD COLUMN doc_seq BIGINT;
ALTER TABLE casualties ADD COLUMN order_day TEXT;
UPDATE casualties k SET doc_seq = d.seq, order_day = COALESCE(k.date, d.published, '')
    FROM documents d WHERE d.id = k.doc_id;
CREATE INDEX IF NOT EXISTS casualties_ledger ON casualties
    ((COALESCE(claimant, '')), (COALESCE(side, '')), kind, grp, order_day, doc_seq, idx);

CREATE INDEX IF NOT EXISTS incidents_order ON incidents ((date IS NULL), date, id);

CREATE INDEX IF NOT EXISTS documents_listed ON documents ((COALESCE(published, '')) DESC, seq);
