-- hdreg schema v6: the files hdreg import brought into the register, and which cases came
-- from which file; an index to find a subject by its credit code (imports look up every
-- subject they name).

CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,          -- hdreg import --date, else the day it ran
  file         TEXT NOT NULL,          -- the file name as given
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),  -- of the file's bytes as received
  format       TEXT NOT NULL CHECK (format IN ('xml', 'csv')),
  encoding     TEXT NOT NULL CHECK (encoding IN ('UTF-8', 'GBK', 'GB18030')),
  bytes        INTEGER NOT NULL CHECK (bytes >= 0),
  cases        INTEGER NOT NULL CHECK (cases >= 0),
  subjects     INTEGER NOT NULL CHECK (subjects >= 0),     -- new ones (known ones reused)
  certificates INTEGER NOT NULL CHECK (certificates >= 0),
  normalised   INTEGER NOT NULL CHECK (normalised >= 0)    -- values normalised on the way in
);
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN
  SELECT RAISE(ABORT, 'imports are never changed');
END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN
  SELECT RAISE(ABORT, 'imports are never deleted');
END;

ALTER TABLE cases ADD COLUMN import_id INTEGER REFERENCES imports(id);
CREATE INDEX subjects_uscc ON subjects(uscc);

-- Each import on the register's hash chain (docs/schema.md, ledger), like events and
-- documents: the ledger table is rebuilt to admit the kind 'import' (SQLite cannot change
-- a CHECK in place); entries, their sequence numbers and hashes are copied unchanged. The
-- triggers of v4 that append events and documents name the ledger and are kept as they
-- are: with legacy_alter_table the rename leaves them alone (otherwise SQLite would
-- re-check them against a schema with no table 'ledger' and refuse). The ledger's own
-- triggers go with the old table and are made again.
CREATE TABLE ledger_v6 (
  seq       INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('event', 'document', 'import')),
  ref_id    INTEGER NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL CHECK (length(hash) = 64),
  UNIQUE (kind, ref_id)
);
INSERT INTO ledger_v6(seq, kind, ref_id, payload, prev_hash, hash)
  SELECT seq, kind, ref_id, payload, prev_hash, hash FROM ledger ORDER BY seq;
DROP TABLE ledger;
PRAGMA legacy_alter_table = ON;
ALTER TABLE ledger_v6 RENAME TO ledger;
PRAGMA legacy_alter_table = OFF;

CREATE TRIGGER ledger_import AFTER INSERT ON imports
BEGIN
  INSERT INTO ledger(kind, ref_id, payload, prev_hash, hash)
  SELECT 'import', NEW.id, p.payload, p.prev, hd_sha256(p.prev || char(10) || p.payload)
    FROM (SELECT json_array('import', NEW.id, NEW.at, NEW.file, NEW.sha256, NEW.format,
                            NEW.encoding, NEW.bytes, NEW.cases, NEW.subjects, NEW.certificates,
                            NEW.normalised) AS payload,
                 coalesce((SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1),
                          '0000000000000000000000000000000000000000000000000000000000000000') AS prev) p;
END;

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
