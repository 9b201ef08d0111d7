-- hdreg schema v13: a certificate's validity ends, and it can be renewed (docs/procedure.md,
-- "Expiry and renewal").
--
-- 5.2.1 gives every certificate a 有效期限. A certificate still in force (status issued)
-- whose validity ended before a night's date has expired: that night records it, once,
-- with the day it expired (the day after its valid_until) and the date of the night that
-- found it. The status stays 'issued' (what the certificate said while it was in force;
-- hdreg verify and the public lookup say "expired" by date, as of any day); this row is
-- the register's record that it ended, on the chain like every row (src/store/rowlog.c).
-- Never changed or deleted.
CREATE TABLE certificate_expiries (
  certificate_id INTEGER PRIMARY KEY REFERENCES certificates(id),
  expired_on     TEXT NOT NULL,
  recorded_date  TEXT NOT NULL CHECK (recorded_date >= expired_on)
);
CREATE TRIGGER certificate_expiries_no_update BEFORE UPDATE ON certificate_expiries
BEGIN
  SELECT RAISE(ABORT, 'an expiry is never changed');
END;
CREATE TRIGGER certificate_expiries_no_delete BEFORE DELETE ON certificate_expiries
BEGIN
  SELECT RAISE(ABORT, 'an expiry is never deleted');
END;

-- A change registration that renews the certificate (续展): its new certificate is valid
-- cert_validity_years from its own registration date instead of keeping the replaced
-- certificate's end (docs/procedure.md). 1 for a renewal; NULL (or 0, as an import may
-- write it) otherwise. Rows written
-- before v13 keep their entries: a NULL renewal is left out of a row's payload
-- (src/store/rowlog.c, LATE_COLUMNS).
ALTER TABLE cases ADD COLUMN renewal INTEGER CHECK (renewal IS NULL OR renewal IN (0, 1));

-- Where a certificate's QR code points (issue 17: the register in public): the setting
-- lookup_base_url (none by default; e.g. https://register.example.gov.cn/lookup.html, the
-- lookup page of the site hdreg publish writes) frozen with the certificate when its number
-- is allocated, so that it renders again to the same bytes; the QR then reads
-- BASE?n=NUMBER#HDREG1:NUMBER:SHA256:SIGNATURE (model/certrecord.h). NULL: the QR holds the
-- verification payload alone, as before v13. Left out of a row's payload when NULL.
ALTER TABLE certificate_print ADD COLUMN lookup_base TEXT;

-- A register extract (登记簿摘录, issue 17; 5.2.2 f: a certificate used in trading,
-- accounting and financing): `hdreg extract` writes a signed document of a certificate's
-- entry and history as of a date and records it here, so that hdreg verify names it.
-- documents.kind no longer lists the kinds: the document-kind registry does
-- (src/procedure/dockinds.c), so that a new kind is one row there and its template, with
-- no table rebuild (issue 14); a row written past hdreg is named by ledger verify whatever
-- its kind. The table is rebuilt as in v9 — its rows copied unchanged (same ids, same
-- columns in the same order) so every row still matches the entry that recorded it; store.c
-- runs this with foreign keys off and checks them.
CREATE TABLE documents_v13 (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (length(kind) > 0),
  case_id        INTEGER REFERENCES cases(id),
  certificate_id INTEGER REFERENCES certificates(id),
  notice_id      INTEGER REFERENCES notices(id),
  path           TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes          INTEGER NOT NULL CHECK (bytes > 0),
  created_date   TEXT NOT NULL
);
INSERT INTO documents_v13(id, kind, case_id, certificate_id, notice_id, path, sha256, bytes,
                          created_date)
  SELECT id, kind, case_id, certificate_id, notice_id, path, sha256, bytes, created_date
  FROM documents ORDER BY id;
DROP TABLE documents;
ALTER TABLE documents_v13 RENAME TO documents;
CREATE UNIQUE INDEX documents_certificate ON documents(certificate_id) WHERE kind = 'certificate';
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never changed once recorded');
END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN
  SELECT RAISE(ABORT, 'documents are never deleted');
END;
