-- hdreg schema v3: the registration procedure as data, and every status change of a case
-- as an appended event.
--
-- A case follows one flow: its procedure ('ordinary' for public-data products, 6.1;
-- 'simplified' otherwise, 6.2; license, transfer and change registrations follow the
-- flow of their procedure, 6.3 and 6.4) or 'cancel' for a cancellation (6.5). The rows
-- below are every move a case may make. `by` says who makes it: 'night' is `hdreg run`,
-- anything else a person's command between nights. docs/procedure.md draws them.

CREATE TABLE transitions (
  flow        TEXT NOT NULL CHECK (flow IN ('ordinary','simplified','cancel')),
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  by          TEXT NOT NULL CHECK (by IN ('night','person')),
  clause      TEXT NOT NULL,
  meaning     TEXT NOT NULL,
  PRIMARY KEY (flow, from_status, to_status, by)
) WITHOUT ROWID;

-- Authority review of the night: approve / return for supplement / reject / hold.
INSERT INTO transitions VALUES
  ('ordinary',   'submitted', 'committee_review', 'night', '6.1.2 b', '登记机构审核通过，提交合规委员会审核'),
  ('simplified', 'submitted', 'approved',         'night', '6.2.2 b', '登记机构审核通过，待公示'),
  ('cancel',     'submitted', 'approved',         'night', '6.5 h',   '登记机构审核通过，待公示'),
  ('ordinary',   'submitted', 'rectify',          'night', '6.1.2 b', '退回补正材料'),
  ('simplified', 'submitted', 'rectify',          'night', '6.2.2 b', '退回补正材料'),
  ('cancel',     'submitted', 'rectify',          'night', '6.5 h',   '退回补正材料'),
  ('ordinary',   'submitted', 'rejected',         'night', '6.1.2 b', '不予登记'),
  ('simplified', 'submitted', 'rejected',         'night', '6.2.2 b', '不予登记'),
  ('cancel',     'submitted', 'rejected',         'night', '6.5 h',   '不予注销'),
  ('ordinary',   'submitted', 'held',             'night', '6.6',     '需人工核查'),
  ('simplified', 'submitted', 'held',             'night', '6.6',     '需人工核查'),
  ('cancel',     'submitted', 'held',             'night', '6.6',     '需人工核查');

-- On-site verification (6.6): a person holds a case with questions; the answers bring it
-- back to review, or a person decides.
INSERT INTO transitions VALUES
  ('ordinary',   'submitted', 'held',             'person', '6.6',     '现场核验'),
  ('simplified', 'submitted', 'held',             'person', '6.6',     '现场核验'),
  ('cancel',     'submitted', 'held',             'person', '6.6',     '现场核验'),
  ('ordinary',   'held', 'submitted',             'person', '6.6',     '核验完毕，重新审核'),
  ('simplified', 'held', 'submitted',             'person', '6.6',     '核验完毕，重新审核'),
  ('cancel',     'held', 'submitted',             'person', '6.6',     '核验完毕，重新审核'),
  ('ordinary',   'held', 'committee_review',      'person', '6.1.2 b', '人工审核通过，提交合规委员会审核'),
  ('simplified', 'held', 'approved',              'person', '6.2.2 b', '人工审核通过，待公示'),
  ('cancel',     'held', 'approved',              'person', '6.5 h',   '人工审核通过，待公示'),
  ('ordinary',   'held', 'rejected',              'person', '6.1.2 b', '人工审核不予登记'),
  ('simplified', 'held', 'rejected',              'person', '6.2.2 b', '人工审核不予登记'),
  ('cancel',     'held', 'rejected',              'person', '6.5 h',   '人工审核不予注销');

-- Compliance committee (ordinary procedure only).
INSERT INTO transitions VALUES
  ('ordinary',   'committee_review', 'approved',  'person', '6.1.2 c', '合规委员会审核通过，待公示'),
  ('ordinary',   'committee_review', 'rejected',  'person', '6.1.2 c', '合规委员会审核不通过');

-- Public notice: approved cases of a night go into that night's notice; when it ends
-- without an open objection the certificate is issued (or, for a cancellation, the
-- certificate is cancelled). An upheld objection sends the case back to review.
INSERT INTO transitions VALUES
  ('ordinary',   'approved', 'notice',            'night', '6.1.2 d', '公示'),
  ('simplified', 'approved', 'notice',            'night', '6.2.2 c', '公示'),
  ('cancel',     'approved', 'notice',            'night', '6.5 h',   '公示'),
  ('ordinary',   'notice', 'certified',           'night', '6.1.2 d', '公示期满无异议，发证'),
  ('simplified', 'notice', 'certified',           'night', '6.2.2 c', '公示期满无异议，发证'),
  ('cancel',     'notice', 'cancelled',           'night', '6.5 h',   '公示期满无异议，注销'),
  ('ordinary',   'notice', 'submitted',           'person', '6.1.2 d', '异议成立，重新审核'),
  ('simplified', 'notice', 'submitted',           'person', '6.2.2 c', '异议成立，重新审核'),
  ('cancel',     'notice', 'submitted',           'person', '6.5 h',   '异议成立，重新审核');

-- The applicant supplements materials, or withdraws before a decision is final.
INSERT INTO transitions VALUES
  ('ordinary',   'rectify', 'submitted',          'person', '6.1.2 a', '补正材料后重新提交'),
  ('simplified', 'rectify', 'submitted',          'person', '6.2.2 a', '补正材料后重新提交'),
  ('cancel',     'rectify', 'submitted',          'person', '6.5 a',   '补正材料后重新提交');
INSERT INTO transitions
  SELECT f.flow, s.status, 'withdrawn', 'person', '6', '申请人撤回申请'
    FROM (SELECT 'ordinary' AS flow UNION ALL SELECT 'simplified' UNION ALL SELECT 'cancel') f,
         (SELECT 'submitted' AS status UNION ALL SELECT 'rectify' UNION ALL SELECT 'held'
          UNION ALL SELECT 'committee_review' UNION ALL SELECT 'approved' UNION ALL SELECT 'notice') s
   WHERE NOT (f.flow <> 'ordinary' AND s.status = 'committee_review');

-- Legacy imports used 'authority_review' for "submitted, not yet reviewed".
UPDATE cases SET status = 'submitted' WHERE status = 'authority_review';

-- Every status change, appended; never updated, never deleted.
CREATE TABLE case_events (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  at          TEXT NOT NULL,            -- the date of the run or of the command
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL CHECK (length(actor) > 0),
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  document_id INTEGER REFERENCES documents(id)  -- the review opinion, notice, certificate ...
);
CREATE INDEX case_events_case ON case_events(case_id, id);

CREATE TRIGGER case_events_legal BEFORE INSERT ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events: the case is not in the status the event starts from')
   WHERE NEW.from_status IS NOT (SELECT status FROM cases WHERE id = NEW.case_id);
  SELECT RAISE(ABORT, 'case_events: no such transition in the procedure')
   WHERE NOT EXISTS (
     SELECT 1 FROM transitions t, cases c
      WHERE c.id = NEW.case_id
        AND t.flow = CASE WHEN c.reg_type = 'cancel' THEN 'cancel' ELSE c.procedure END
        AND t.from_status = NEW.from_status AND t.to_status = NEW.to_status);
END;

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;

CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;

-- A case's status is the last event's: a status change without its event is refused.
CREATE TRIGGER cases_status_by_event BEFORE UPDATE OF status ON cases
  WHEN NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE(ABORT, 'cases.status changes only through an event in case_events')
   WHERE NEW.status IS NOT (SELECT to_status FROM case_events WHERE case_id = NEW.id
                             ORDER BY id DESC LIMIT 1);
END;

-- Questions of an on-site verification (6.6) and their answers.
CREATE TABLE onsite_questions (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases(id),
  asked     TEXT NOT NULL,
  question  TEXT NOT NULL CHECK (length(question) > 0),
  answered  TEXT,
  answer    TEXT
);
