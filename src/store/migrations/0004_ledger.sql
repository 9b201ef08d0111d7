-- hdreg schema v4: the register of clause 5.3.2 as a hash chain.
--
-- Every event of a case and every document hdreg issues is appended to `ledger` as an
-- entry whose hash commits to the previous entry's hash and to the entry's payload (the
-- event's or document's row, as JSON, with the document's SHA-256 of its final bytes):
--   hash = SHA-256(prev_hash || "\n" || payload), prev_hash of the first entry = 64 zeros.
-- The triggers below append the entries in the same transaction as the rows, through the
-- SQL function hd_sha256() that hdreg registers on its connections; a connection without
-- it (the sqlite3 shell) cannot add events or documents at all. `hdreg ledger verify`
-- recomputes every payload and hash and names the first entry that was edited, deleted,
-- inserted or reordered, and any event or document the chain does not hold.

CREATE TABLE ledger (
  seq       INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('event', 'document')),
  ref_id    INTEGER NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL CHECK (length(hash) = 64),
  UNIQUE (kind, ref_id)
);

CREATE TRIGGER ledger_event AFTER INSERT ON case_events
BEGIN
  INSERT INTO ledger(kind, ref_id, payload, prev_hash, hash)
  SELECT 'event', NEW.id, p.payload, p.prev, hd_sha256(p.prev || char(10) || p.payload)
    FROM (SELECT json_array('event', NEW.id, NEW.case_id, NEW.at, NEW.from_status,
                            NEW.to_status, NEW.actor, NEW.reason, NEW.document_id) AS payload,
                 coalesce((SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1),
                          '0000000000000000000000000000000000000000000000000000000000000000') AS prev) p;
END;

CREATE TRIGGER ledger_document AFTER INSERT ON documents
BEGIN
  INSERT INTO ledger(kind, ref_id, payload, prev_hash, hash)
  SELECT 'document', NEW.id, p.payload, p.prev, hd_sha256(p.prev || char(10) || p.payload)
    FROM (SELECT json_array('document', NEW.id, NEW.kind, NEW.case_id, NEW.certificate_id,
                            NEW.notice_id, NEW.path, NEW.sha256, NEW.bytes, NEW.created_date) AS payload,
                 coalesce((SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1),
                          '0000000000000000000000000000000000000000000000000000000000000000') AS prev) p;
END;

-- A document, once recorded, never changes (a new certificate is a new document).
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never changed once recorded');
END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never deleted');
END;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
