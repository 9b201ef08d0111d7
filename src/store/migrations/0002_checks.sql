-- hdreg schema v2: waivers of check outcomes and the decisions of each review.

-- A legal team's waiver of one check for one case (check id + case). It applies while
-- the as-of date is on or before `expires`; an expired waiver is reported, not applied.
CREATE TABLE waivers (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  check_id      TEXT NOT NULL,
  justification TEXT NOT NULL CHECK (length(justification) > 0),
  approver      TEXT NOT NULL CHECK (length(approver) > 0),
  approved_date TEXT NOT NULL,
  expires       TEXT NOT NULL,
  UNIQUE (case_id, check_id)
);

-- The decision a review reached, with the pack revision that produced its findings.
CREATE TABLE decisions (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  as_of         TEXT NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('approve','rectify','hold','reject')),
  pack_revision TEXT NOT NULL,
  UNIQUE (case_id, as_of, pack_revision)
);
CREATE INDEX findings_case_asof ON findings(case_id, as_of, pack_revision);
