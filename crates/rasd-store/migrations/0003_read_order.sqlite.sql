-- The list endpoints read one page in the order they show, so each ordered list needs an
-- index in that order: without one, every page sorted the whole table first. An event's
-- or figure's place in date order depends on its article's date and ingestion sequence,
-- which live in `documents`, and an index cannot reach across tables; so each row keeps
-- its own copy of both. An article's rows are written with it and never updated apart
-- from it (a changed article is deleted and inserted again), so the copies cannot drift.
--
-- order_day: the row's own date, else its article's publication date, else ''.
-- doc_seq:   the article's `documents.seq`.
ALTER TABLE events ADD COLUMN doc_seq INTEGER;
ALTER TABLE events ADD COLUMN order_day TEXT;
UPDATE events SET doc_seq = d.seq, order_day = COALESCE(events.date, d.published, '')
    FROM documents d WHERE d.id = events.doc_id;
CREATE INDEX IF NOT EXISTS events_order ON events (order_day, doc_seq, idx);
CREATE INDEX IF NOT EXISTS events_type_order ON events (event_type, order_day, doc_seq, idx);

ALTER TABLE casualties ADD COLUMN doc_seq INTEGER;
ALTER TABLE casualties ADD COLUMN order_day TEXT;
UPDATE casualties SET doc_seq = d.seq, order_day = COALESCE(casualties.date, d.published, '')
    FROM documents d WHERE d.id = casualties.doc_id;
-- The ledger's order, claimant and side first ('' for none, as the query sorts them).
CREATE INDEX IF NOT EXISTS casualties_ledger ON casualties
    (COALESCE(claimant, ''), COALESCE(side, ''), kind, grp, order_day, doc_seq, idx);

-- Incidents in date order, undated last, as the list shows them.
CREATE INDEX IF NOT EXISTS incidents_order ON incidents (date IS NULL, date, id);

-- Articles newest first (undated last), as the documents list shows them.
CREATE INDEX IF NOT EXISTS documents_listed ON documents (COALESCE(published, '') DESC, seq);
