-- hdreg schema v7: the register as evidence (clause 5.3.2; docs/schema.md, "The register").
--
-- Every row of every table that decides a case or is printed on a document is on the
-- chain: hdreg appends an entry ["row", TABLE, KEY, ROW] for each row it writes, in the
-- same transaction, hashed in C (src/store/rowlog.c); verification recomputes every row's
-- entry from the table (src/ledger/chain.c). The triggers of v4 and v6 that appended
-- events, documents and imports through an SQL function any program could define are
-- dropped: nothing about the chain depends on a trigger or an SQL function any more.
-- After this file, the migration appends an entry of kind 'migration' and then every row
-- of the covered tables as it stands (rowlog_snapshot).
--
-- The ledger table is rebuilt: entries of kind 'row' record a row many times (each state),
-- so (kind, ref_id) is no longer unique; tbl names the table. Entries, their sequence
-- numbers and hashes are copied unchanged; prev_hash goes, being always the hash of the
-- entry before (hash = SHA-256(hash of entry seq-1 || "\n" || payload), as before).
DROP TRIGGER IF EXISTS ledger_event;
DROP TRIGGER IF EXISTS ledger_document;
DROP TRIGGER IF EXISTS ledger_import;
CREATE TABLE ledger_v7 (
  seq       INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('event', 'document', 'import', 'row', 'migration', 'adopt')),
  tbl       TEXT,                 -- kind 'row': the table
  ref_id    INTEGER NOT NULL,     -- the row's id (kind 'row': 0 for a key that is not an id)
  payload   TEXT NOT NULL,
  hash      TEXT NOT NULL CHECK (length(hash) = 64)
);
INSERT INTO ledger_v7(seq, kind, tbl, ref_id, payload, hash)
  SELECT seq, kind, NULL, ref_id, payload, hash FROM ledger ORDER BY seq;
DROP TABLE ledger;
ALTER TABLE ledger_v7 RENAME TO ledger;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;

-- The revisions of the check pack and of the templates each night used (their SHA-256
-- over the files, as hdreg run computes them), so a decision or a document can be traced
-- to the rules and the wording that produced it.
CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('checks', 'templates')),
  revision   TEXT NOT NULL,
  first_used TEXT NOT NULL,
  UNIQUE (kind, revision)
);

-- The name the register's checkpoints carry (C2SP tlog-checkpoint origin; no spaces):
-- change it before the first night publishes a checkpoint, never after.
INSERT OR IGNORE INTO settings(key, value) VALUES ('register_origin', 'hdreg.example/guangdong');
