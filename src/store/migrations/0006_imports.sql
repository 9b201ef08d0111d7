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
