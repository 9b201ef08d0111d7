-- hdreg schema v8: waivers that can be renewed and revoked (hdreg waiver; docs/procedure.md,
-- "Waivers").
--
-- v2 allowed one waiver per case and check for ever (UNIQUE (case_id, check_id)), so an
-- expired waiver could not be followed by a new one. The table is rebuilt without that
-- constraint; its rows are copied unchanged (same ids, same columns in the same order),
-- so every row still matches the entry of the register that recorded it. That at most
-- one waiver of a check is active for a case at a time is hdreg waiver add's rule.
CREATE TABLE waivers_v8 (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  check_id      TEXT NOT NULL,
  justification TEXT NOT NULL CHECK (length(justification) > 0),
  approver      TEXT NOT NULL CHECK (length(approver) > 0),
  approved_date TEXT NOT NULL,
  expires       TEXT NOT NULL
);
INSERT INTO waivers_v8(id, case_id, check_id, justification, approver, approved_date, expires)
  SELECT id, case_id, check_id, justification, approver, approved_date, expires FROM waivers
  ORDER BY id;
DROP TABLE waivers;
ALTER TABLE waivers_v8 RENAME TO waivers;
CREATE INDEX waivers_case ON waivers(case_id, check_id);

-- A waiver revoked: by whom, when and why. One per waiver; from revoked_date on the
-- waiver no longer applies (a review as of an earlier date still sees it). Never updated
-- or deleted (triggers); on the register's chain like the waivers (src/store/rowlog.c).
CREATE TABLE waiver_revocations (
  id           INTEGER PRIMARY KEY,
  waiver_id    INTEGER NOT NULL UNIQUE REFERENCES waivers(id) ON DELETE CASCADE,
  revoked_date TEXT NOT NULL,
  revoked_by   TEXT NOT NULL CHECK (length(revoked_by) > 0),
  reason       TEXT NOT NULL CHECK (length(reason) > 0)
);
CREATE TRIGGER waiver_revocations_no_update BEFORE UPDATE ON waiver_revocations
BEGIN
  SELECT RAISE(ABORT, 'a waiver revocation is never changed');
END;
CREATE TRIGGER waiver_revocations_no_delete BEFORE DELETE ON waiver_revocations
BEGIN
  SELECT RAISE(ABORT, 'a waiver revocation is never deleted');
END;
