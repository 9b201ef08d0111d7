-- hdreg schema v10: what the notices and certificates print beyond the 5.2.1 fields
-- (docs/procedure.md, "What the documents print"; docs/schema.md).
--
-- Settings, on the register's chain like every setting (store.c chains the rows this
-- migration adds): the department that supervises the certificate (5.2.2 a: 由数据主管部门
-- 统一监制), and where, how and until when an objection to a public notice is made
-- (6.1.2 d, 6.2.2 c: 公示期内……提出异议). The values are the demo's; an authority sets its
-- own (UPDATE settings SET value = … WHERE key = …).
INSERT OR IGNORE INTO settings(key, value) VALUES
  ('supervising_department', '广东省政务服务和数据管理局'),
  ('objection_address', '广州市越秀区东风中路305号 广东省健康医疗数据产权登记中心登记受理窗口'),
  ('objection_phone', '020-83133000'),
  ('objection_cutoff', '17:30');

-- A certificate's printed lines beside its 5.2.1 fields, frozen with them when its number
-- is allocated (src/procedure/run.c), so that rendering it again gives the same bytes
-- whatever the settings say later: the registration type's name, the certificate a
-- change or transfer supersedes or a licence is granted under (NULL for a first
-- registration), and the supervising department. Not part of the certificate's record
-- (certfields.h): the verification code and QR payload stay those of the 5.2.1 fields;
-- the lines are on the document, whose SHA-256 is on the chain, and this row is on the
-- chain too (src/store/rowlog.c). A certificate issued before v10 has no row and renders
-- as it was issued. Never changed or deleted.
CREATE TABLE certificate_print (
  certificate_id INTEGER PRIMARY KEY REFERENCES certificates(id),
  reg_type       TEXT NOT NULL CHECK (reg_type IN ('首次登记','许可登记','转让登记','变更登记')),
  replaces       TEXT,
  supervisor     TEXT NOT NULL CHECK (length(supervisor) > 0)
);
CREATE TRIGGER certificate_print_no_update BEFORE UPDATE ON certificate_print
BEGIN
  SELECT RAISE(ABORT, 'a certificate''s printed lines are never changed once recorded');
END;
CREATE TRIGGER certificate_print_no_delete BEFORE DELETE ON certificate_print
BEGIN
  SELECT RAISE(ABORT, 'a certificate''s printed lines are never deleted');
END;
