-- hdreg schema v1. Applied by store_open() when PRAGMA user_version < 1, inside one
-- transaction together with `PRAGMA user_version = 1`. Documented in docs/schema.md.
-- Dates are ISO 8601 text 'YYYY-MM-DD'; flags are 0/1 integers.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Monotonic counters (certificate serials). A number once taken is never handed out
-- again: the counter row and the certificate row change in one committed transaction.
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
) WITHOUT ROWID;

-- Registration subjects (登记主体) and rights holders.
CREATE TABLE subjects (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL CHECK (length(name) > 0),
  uscc                TEXT NOT NULL,                 -- 统一社会信用代码, validated by checks
  kind                TEXT NOT NULL CHECK (kind IN
                        ('public_hospital','private_hospital','company','research',
                         'university','government','social_org','other')),
  legal_rep           TEXT,
  address             TEXT,
  contact_name        TEXT,
  contact_phone       TEXT,
  contact_email       TEXT,
  id_doc_valid_until  TEXT,                          -- business licence / legal person cert
  capability_evidence TEXT                           -- 7.1 d: staff, certifications ...
);

-- Credit, penalty and criminal records of a subject (7.1 b, c).
CREATE TABLE subject_records (
  id          INTEGER PRIMARY KEY,
  subject_id  INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('serious_dishonesty','data_penalty','criminal')),
  record_date TEXT NOT NULL,
  authority   TEXT,
  description TEXT NOT NULL,
  lifted_date TEXT
);
CREATE INDEX subject_records_subject ON subject_records(subject_id);

-- Data resources (the object of a registration).
CREATE TABLE resources (
  id               INTEGER PRIMARY KEY,
  owner_id         INTEGER NOT NULL REFERENCES subjects(id),
  name             TEXT NOT NULL CHECK (length(name) > 0),   -- 数据产权名称
  data_class       TEXT NOT NULL CHECK (data_class IN          -- 4.1.1.3
                     ('personal_attribute','health_status','medical_application',
                      'medical_payment','health_resource','public_health')),
  grade            INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5), -- 4.1.2 a-e
  source           TEXT NOT NULL,                             -- 数据来源
  purpose          TEXT,
  scale_records    INTEGER NOT NULL CHECK (scale_records >= 0),
  scale_bytes      INTEGER NOT NULL CHECK (scale_bytes >= 0),
  field_samples    TEXT,
  personal_info    INTEGER NOT NULL DEFAULT 0 CHECK (personal_info IN (0,1)),
  sensitive        INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
  anonymised       INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0,1)),
  deidentified     INTEGER NOT NULL DEFAULT 0 CHECK (deidentified IN (0,1)),
  needs_identification INTEGER NOT NULL DEFAULT 0 CHECK (needs_identification IN (0,1)),
  automated_decision INTEGER NOT NULL DEFAULT 0 CHECK (automated_decision IN (0,1)),
  entrusted        INTEGER NOT NULL DEFAULT 0 CHECK (entrusted IN (0,1)),
  provided_to_others INTEGER NOT NULL DEFAULT 0 CHECK (provided_to_others IN (0,1)),
  published        INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0,1)),
  human_research   INTEGER NOT NULL DEFAULT 0 CHECK (human_research IN (0,1)),
  genetic          INTEGER NOT NULL DEFAULT 0 CHECK (genetic IN (0,1)),
  genetic_scope    TEXT,
  cross_border     INTEGER NOT NULL DEFAULT 0 CHECK (cross_border IN (0,1)),
  cb_persons       INTEGER NOT NULL DEFAULT 0 CHECK (cb_persons >= 0),
  cb_sensitive_persons INTEGER NOT NULL DEFAULT 0 CHECK (cb_sensitive_persons >= 0),
  cb_destination   TEXT,
  cii_operator     INTEGER NOT NULL DEFAULT 0 CHECK (cii_operator IN (0,1)),
  important        INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0,1)),
  security_officer TEXT,
  state_secret     INTEGER NOT NULL DEFAULT 0 CHECK (state_secret IN (0,1)),
  tongfang         INTEGER NOT NULL DEFAULT 0 CHECK (tongfang IN (0,1)),
  public_product   INTEGER NOT NULL DEFAULT 0 CHECK (public_product IN (0,1))
);

CREATE TABLE certificates (
  id                INTEGER PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  case_id           INTEGER NOT NULL UNIQUE REFERENCES cases(id),
  status            TEXT NOT NULL CHECK (status IN ('pending','issued','superseded','cancelled')),
  registration_date TEXT NOT NULL,
  valid_until       TEXT NOT NULL,
  superseded_by     INTEGER REFERENCES certificates(id)
);

-- The 5.2.1 field values exactly as printed, frozen when the number is allocated, so a
-- certificate re-renders byte-identically whatever later happens to the case.
CREATE TABLE certificate_fields (
  certificate_id INTEGER NOT NULL REFERENCES certificates(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 11),
  label          TEXT NOT NULL,
  value          TEXT NOT NULL,
  PRIMARY KEY (certificate_id, position)
) WITHOUT ROWID;

CREATE TABLE cases (
  id                   INTEGER PRIMARY KEY,
  number               TEXT NOT NULL UNIQUE,          -- application number
  reg_type             TEXT NOT NULL CHECK (reg_type IN ('first','license','transfer','change','cancel')),
  procedure            TEXT NOT NULL CHECK (procedure IN ('ordinary','simplified')),
  status               TEXT NOT NULL CHECK (status IN
                         ('submitted','authority_review','committee_review','rectify',
                          'notice','held','approved','certified','rejected','cancelled',
                          'withdrawn')),
  applicant_id         INTEGER NOT NULL REFERENCES subjects(id),
  counterparty_id      INTEGER REFERENCES subjects(id),      -- license / transfer
  resource_id          INTEGER NOT NULL REFERENCES resources(id),
  applied_date         TEXT NOT NULL,
  accepted_date        TEXT,
  review_date          TEXT,
  committee_date       TEXT,
  notice_start         TEXT,
  notice_end           TEXT,
  decided_date         TEXT,
  prior_certificate_id INTEGER REFERENCES certificates(id),  -- license/transfer/change/cancel
  cancel_ground        TEXT CHECK (cancel_ground IN ('a','b','c','d','e','f')),
  change_description   TEXT,
  consideration        TEXT,                                  -- 6.3 a 交易对价
  CHECK (reg_type <> 'cancel' OR cancel_ground IS NOT NULL)
);
CREATE INDEX cases_status ON cases(status, notice_end);

-- Each right (5.1.2) with its holder(s) and restrictions.
CREATE TABLE case_rights (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  right_kind   TEXT NOT NULL CHECK (right_kind IN ('holding','use','operation')),
  holder_id    INTEGER NOT NULL REFERENCES subjects(id),
  restrictions TEXT,
  UNIQUE (case_id, right_kind, holder_id)
);
CREATE INDEX case_rights_case ON case_rights(case_id);

-- Application materials (6.1.2 a, 6.2.2 a, 6.3 a, 6.4 a, 6.5 a, 7.x evidence).
CREATE TABLE materials (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN
                ('application','resource_description','third_party_assessment',
                 'business_license','authorization','contract','consideration_proof',
                 'change_proof','truth_commitment','cancellation_statement',
                 'court_judgment','anonymisation_assessment','deidentification_report',
                 'privacy_policy','separate_consent','pia_report','ethics_approval',
                 'ethics_committee_filing','hgr_approval','security_assessment',
                 'standard_contract_filing','pi_certification','risk_assessment',
                 'security_officer_appointment','capability_evidence','other')),
  present     INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0,1)),
  issued_date TEXT,
  valid_until TEXT,
  reference   TEXT,
  note        TEXT
);
CREATE INDEX materials_case ON materials(case_id);

-- Check findings, stamped with the pack revision that produced them.
CREATE TABLE findings (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  check_id      TEXT NOT NULL,
  clause        TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('pass','fail','rectify','manual','n/a','error')),
  message       TEXT NOT NULL,
  evidence      TEXT,            -- JSON
  pack_revision TEXT NOT NULL,
  as_of         TEXT NOT NULL
);
CREATE INDEX findings_case ON findings(case_id);

CREATE TABLE notices (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,
  published_date TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  working_days   INTEGER NOT NULL CHECK (working_days > 0)
);

CREATE TABLE notice_cases (
  notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  PRIMARY KEY (notice_id, case_id)
) WITHOUT ROWID;

CREATE TABLE objections (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  filed_date    TEXT NOT NULL,
  objector      TEXT NOT NULL,
  grounds       TEXT NOT NULL,
  material      TEXT,
  status        TEXT NOT NULL CHECK (status IN ('open','upheld','dismissed','withdrawn')),
  resolved_date TEXT
);
CREATE INDEX objections_case ON objections(case_id);

-- Every document hdreg wrote, with its content hash (the ledger links these later).
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN
                   ('certificate','review_opinion','notice','cancellation','privacy_policy')),
  case_id        INTEGER REFERENCES cases(id),
  certificate_id INTEGER REFERENCES certificates(id),
  notice_id      INTEGER REFERENCES notices(id),
  path           TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes          INTEGER NOT NULL CHECK (bytes > 0),
  created_date   TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_certificate ON documents(certificate_id) WHERE kind = 'certificate';

-- Statutory holidays and make-up working days (holiday-cn format, see calendar import).
CREATE TABLE holidays (
  date   TEXT PRIMARY KEY,
  off    INTEGER NOT NULL CHECK (off IN (0,1)),   -- 1 holiday, 0 make-up working day
  name   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE holiday_years (
  year   INTEGER PRIMARY KEY                     -- years whose schedule is loaded
);

-- Institutions' products for the Annex A privacy policy.
CREATE TABLE privacy_products (
  id              INTEGER PRIMARY KEY,
  subject_id      INTEGER NOT NULL REFERENCES subjects(id),
  product_name    TEXT NOT NULL,
  contact_email   TEXT NOT NULL,
  contact_phone   TEXT NOT NULL,
  contact_address TEXT NOT NULL,
  withdrawal_path TEXT NOT NULL,
  response_days   INTEGER NOT NULL CHECK (response_days BETWEEN 1 AND 30),
  effective_date  TEXT NOT NULL,
  updated_date    TEXT NOT NULL
);
CREATE TABLE privacy_third_parties (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES privacy_products(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  data_items  TEXT NOT NULL,
  contact     TEXT
);

INSERT INTO settings(key, value) VALUES
  ('authority_name', '广东省健康医疗数据产权登记中心'),
  ('region_code', '4400'),
  ('cert_number_pattern', '{year}{month}{region}{serial:7}{check}'),
  ('cert_validity_years', '3'),
  ('notice_working_days', '10');
INSERT INTO counters(name, value) VALUES ('certificate_serial', 0);
