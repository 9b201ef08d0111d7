-- hdreg schema v9: the letters applicants are owed (docs/procedure.md, "Letters").
--
-- documents.kind gains the letters' kinds. SQLite cannot change a CHECK in place: the
-- table is rebuilt with the wider list and its rows are copied unchanged (same ids, same
-- columns in the same order), so every row still matches the entry of the register that
-- recorded it. store.c runs this migration with foreign keys off (case_events refers to
-- documents) and checks them (PRAGMA foreign_key_check) before it commits.
CREATE TABLE documents_v9 (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN
                   ('certificate','review_opinion','notice','cancellation','privacy_policy',
                    'acceptance','supplement_request','refusal','committee_opinion',
                    'onsite_record','objection_explain','objection_outcome')),
  case_id        INTEGER REFERENCES cases(id),
  certificate_id INTEGER REFERENCES certificates(id),
  notice_id      INTEGER REFERENCES notices(id),
  path           TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes          INTEGER NOT NULL CHECK (bytes > 0),
  created_date   TEXT NOT NULL
);
INSERT INTO documents_v9(id, kind, case_id, certificate_id, notice_id, path, sha256, bytes,
                         created_date)
  SELECT id, kind, case_id, certificate_id, notice_id, path, sha256, bytes, created_date
  FROM documents ORDER BY id;
DROP TABLE documents;
ALTER TABLE documents_v9 RENAME TO documents;
CREATE UNIQUE INDEX documents_certificate ON documents(certificate_id) WHERE kind = 'certificate';
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never changed once recorded');
END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never deleted');
END;

-- A letter a person's action between nights owes the applicant (a committee's decision,
-- an objection and its outcome, an on-site verification concluded, a refusal by a
-- person): queued by the action (hdreg case), written by the next night, which then
-- records its document. note: the reason the action gave (the committee's, the
-- objection outcome's, the refusal's). Never deleted; only document_id is ever set, once.
CREATE TABLE letters (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  kind         TEXT NOT NULL CHECK (kind IN ('refusal','committee_opinion','onsite_record',
                                             'objection_explain','objection_outcome')),
  owed_date    TEXT NOT NULL,
  event_id     INTEGER REFERENCES case_events(id),
  objection_id INTEGER REFERENCES objections(id),
  note         TEXT,
  document_id  INTEGER REFERENCES documents(id)
);
CREATE INDEX letters_pending ON letters(document_id, owed_date);
CREATE TRIGGER letters_written_once BEFORE UPDATE ON letters
BEGIN
  SELECT RAISE(ABORT, 'a letter only gets its document, once')
   WHERE OLD.document_id IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.kind IS NOT OLD.kind OR NEW.owed_date IS NOT OLD.owed_date
      OR NEW.event_id IS NOT OLD.event_id OR NEW.objection_id IS NOT OLD.objection_id
      OR NEW.note IS NOT OLD.note;
END;
CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
BEGIN
  SELECT RAISE(ABORT, 'letters are never deleted');
END;

-- The periods and the text of remedies the letters print. The guideline gives neither
-- (6.1.2 b, 6.2.2 b say nothing of a period to supplement; nothing in it speaks of
-- remedies): they are the authority's, with these defaults. The remedies default states
-- the periods of the Administrative Reconsideration Law (art. 20: 60 days) and the
-- Administrative Litigation Law (art. 46: 6 months); an authority that is not an
-- administrative organ, or that names the reconsideration body and court, sets its own.
INSERT OR IGNORE INTO settings(key, value) VALUES
  ('supplement_working_days', '10'),
  ('objection_reply_working_days', '5'),
  ('remedies_text', '申请人如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法提起行政诉讼。');
