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
