-- hdreg schema v14: registration supervision (登记监督, 5.3.1; docs/procedure.md,
-- "Supervision").
--
-- 5.3.1: when the authority finds that a registration subject is suspected of breaking the
-- laws, regulations or rules of market supervision, network security or data security, of
-- harming the national or the public interest, or of infringing personal privacy or trade
-- secrets, it takes the necessary measures under the law, keeps the records, and reports to
-- the regulator. One row per suspected violation (its facts and where they came from, as
-- first recorded), and one row per thing done about it since: a measure, a report to a
-- regulator, an authority cancellation opened for it (5.1.6 c-e, hdreg case cancel
-- --supervision), its closing. Both tables are on the chain (src/store/rowlog.c) and are
-- never changed or deleted: what was done is added, never rewritten.
CREATE TABLE supervisions (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 64),
  subject_id     INTEGER NOT NULL REFERENCES subjects(id),
  certificate_id INTEGER REFERENCES certificates(id),
  -- what the subject is suspected of, in the words of 5.3.1
  category       TEXT NOT NULL CHECK (category IN ('market_supervision', 'network_security',
                   'data_security', 'public_interest', 'privacy', 'trade_secret')),
  facts          TEXT NOT NULL CHECK (length(facts) > 0),
  source         TEXT NOT NULL CHECK (length(source) > 0),
  found_date     TEXT NOT NULL,
  recorded_by    TEXT NOT NULL CHECK (length(recorded_by) > 0)
);
CREATE TABLE supervision_actions (
  id             INTEGER PRIMARY KEY,
  supervision_id INTEGER NOT NULL REFERENCES supervisions(id),
  kind           TEXT NOT NULL CHECK (kind IN ('measure', 'report', 'cancellation', 'close')),
  action_date    TEXT NOT NULL,
  text           TEXT NOT NULL CHECK (length(text) > 0),
  regulator      TEXT,  -- report: the regulator reported to
  reference      TEXT,  -- report: the report's reference (文号), if any
  case_id        INTEGER REFERENCES cases(id), -- cancellation: the authority's cancel case
  actor          TEXT NOT NULL CHECK (length(actor) > 0),
  CHECK ((kind = 'report') = (regulator IS NOT NULL AND length(regulator) > 0)),
  CHECK ((kind = 'cancellation') = (case_id IS NOT NULL))
);
CREATE INDEX supervision_actions_of ON supervision_actions(supervision_id, id);
CREATE TRIGGER supervisions_no_update BEFORE UPDATE ON supervisions
BEGIN
  SELECT RAISE(ABORT, 'a supervision record is never changed: add an action');
END;
CREATE TRIGGER supervisions_no_delete BEFORE DELETE ON supervisions
BEGIN
  SELECT RAISE(ABORT, 'a supervision record is never deleted');
END;
CREATE TRIGGER supervision_actions_no_update BEFORE UPDATE ON supervision_actions
BEGIN
  SELECT RAISE(ABORT, 'a supervision action is never changed: add another');
END;
CREATE TRIGGER supervision_actions_no_delete BEFORE DELETE ON supervision_actions
BEGIN
  SELECT RAISE(ABORT, 'a supervision action is never deleted');
END;
