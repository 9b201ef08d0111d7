/* Schema creation, migrations, refusal of newer schemas, constraints. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "store/store.h"

static int scalar(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

int main(void) {
  char path[] = "/tmp/hdreg-test-store-XXXXXX";
  check_temp_db(path);
  hd_err err;
  sqlite3 *db = NULL;

  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_EDB);
  CHECK(strstr(err.msg, "cannot open database") != NULL);

  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_CREATE, &db, &err), HD_OK);
  CHECK_INT(scalar(db, "PRAGMA user_version"), HD_SCHEMA_VERSION);
  CHECK_INT(scalar(db, "PRAGMA foreign_keys"), 1);
  CHECK_INT(scalar(db, "SELECT count(*) FROM settings"), 13);
  CHECK_INT(scalar(db, "SELECT value FROM counters WHERE name = 'certificate_serial'"), 0);
  /* CHECK constraints on enumerations. */
  CHECK(sqlite3_exec(db, "INSERT INTO subjects(name, uscc, kind) VALUES ('x', 'y', 'alien')",
                     NULL, NULL, NULL) == SQLITE_CONSTRAINT_CHECK);
  CHECK(sqlite3_exec(db, "INSERT INTO subjects(id, name, uscc, kind) VALUES (1, 'x', 'y', 'company')",
                     NULL, NULL, NULL) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "INSERT INTO resources(owner_id, name, data_class, grade, source, "
                         "scale_records, scale_bytes) VALUES (1, 'r', 'health_status', 6, 's', 1, 1)",
                     NULL, NULL, NULL) == SQLITE_CONSTRAINT_CHECK);
  /* Foreign keys are enforced. */
  CHECK(sqlite3_exec(db, "INSERT INTO subject_records(subject_id, kind, record_date, description) "
                         "VALUES (99, 'criminal', '2020-01-01', 'x')",
                     NULL, NULL, NULL) == SQLITE_CONSTRAINT_FOREIGNKEY);
  long long v = 0;
  hd_err_clear(&err);
  CHECK_INT(store_counter_next(db, "certificate_serial", &v, &err), HD_OK);
  CHECK_INT(v, 1);
  long n = 0;
  hd_err_clear(&err);
  CHECK_INT(store_setting_int(db, "cert_validity_years", 1, 30, &n, &err), HD_OK);
  CHECK_INT(n, 3);
  hd_err_clear(&err);
  CHECK_INT(store_setting_int(db, "authority_name", 1, 30, &n, &err), HD_EDATA);
  CHECK_STR(err.msg, "setting 'authority_name': '广东省健康医疗数据产权登记中心' is not a whole "
                     "number from 1 to 30");
  char *s = NULL;
  hd_err_clear(&err);
  CHECK_INT(store_setting(db, "nope", &s, &err), HD_EDATA);
  CHECK_STR(err.msg, "setting 'nope' is missing");
  store_close(db);

  /* Reopening migrates nothing and keeps the data. */
  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_OK);
  CHECK_INT(scalar(db, "SELECT count(*) FROM subjects"), 1);
  CHECK_INT(scalar(db, "SELECT value FROM counters"), 1);
  store_close(db);

  /* A version-1 database is migrated to the current version in order. */
  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_OK);
  sqlite3_exec(db, "DROP TABLE certificate_print; DELETE FROM settings WHERE key IN "
                   "('supervising_department', 'objection_address', 'objection_phone', "
                   "'objection_cutoff'); "
                   "DROP TABLE letters; DELETE FROM settings WHERE key IN "
                   "('supplement_working_days', 'objection_reply_working_days', 'remedies_text'); "
                   "DROP TABLE waiver_revocations; "
                   "DROP TABLE decisions; DROP TABLE waivers; DROP INDEX findings_case_asof; "
                   "DROP TABLE ledger_heads; DROP TABLE ledger; DROP TABLE revisions; DROP TRIGGER documents_no_update; "
                   "DELETE FROM settings WHERE key = 'register_origin'; "
                   "DROP TRIGGER documents_no_delete; "
                   "DROP TABLE onsite_questions; DROP TRIGGER cases_status_by_event; DROP TABLE case_events; "
                   "DROP TABLE transitions; "
                   "DROP TABLE imports; ALTER TABLE cases DROP COLUMN import_id; DROP INDEX subjects_uscc; DROP INDEX cases_prior; "
                   "ALTER TABLE materials DROP COLUMN issuer_id; DROP TABLE certificate_expiries; "
                   "ALTER TABLE cases DROP COLUMN renewal; DROP TABLE supervision_actions; DROP TABLE supervisions;"
                   "PRAGMA user_version = 1", NULL, NULL, NULL);
  store_close(db);
  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_OK);
  CHECK_INT(scalar(db, "PRAGMA user_version"), HD_SCHEMA_VERSION);
  CHECK_INT(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('waivers', 'decisions', "
                       "'transitions', 'case_events', 'imports', 'subjects_uscc', 'revisions', "
                       "'waiver_revocations', 'waivers_case', 'letters', 'certificate_print')"), 11);
  /* Schema 9 chained the three settings it adds. */
  CHECK_INT(scalar(db, "SELECT count(*) FROM ledger WHERE kind = 'row' AND tbl = 'settings' AND "
                       "payload LIKE '%remedies_text%'"), 1);
  /* Schema 10's settings are there, and chained. */
  CHECK_INT(scalar(db, "SELECT count(*) FROM settings WHERE key IN ('supervising_department', "
                       "'objection_address', 'objection_phone', 'objection_cutoff')"), 4);
  CHECK_INT(scalar(db, "SELECT count(*) FROM ledger WHERE kind = 'row' AND tbl = 'settings' AND "
                       "payload LIKE '%supervising_department%'"), 1);
  /* Schema 7 chained every row as it stood: the migration's entry, then each row. */
  CHECK_INT(scalar(db, "SELECT count(*) FROM ledger WHERE kind = 'migration'"), 1);
  CHECK_INT(scalar(db, "SELECT count(*) FROM ledger WHERE kind = 'row' AND tbl = 'transitions'"), 69);
  CHECK_INT(scalar(db, "SELECT count(*) FROM ledger WHERE kind = 'row' AND tbl = 'subjects'"), 1);
  /* The procedure is in the database (tests/e2e/procedure.sh tries to get round it). */
  CHECK_INT(scalar(db, "SELECT count(*) FROM transitions"), 69);
  CHECK_INT(scalar(db, "SELECT count(*) FROM subjects"), 1);
  sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  store_close(db);

  /* A newer schema is refused, not touched. */
  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_EDB);
  char want[512];
  snprintf(want, sizeof want, "'%s': schema version 99 is newer than this hdreg supports (%d)", path, HD_SCHEMA_VERSION);
  CHECK_STR(err.msg, want);

  /* A file that is not a database. */
  char junk[] = "/tmp/hdreg-test-junk-XXXXXX";
  int fd = mkstemp(junk);
  static const char TEXT[] = "this is not sqlite, just text padding padding padding padding "
                             "padding padding padding padding padding padding padding";
  CHECK(write(fd, TEXT, sizeof TEXT - 1) == (ssize_t)(sizeof TEXT - 1));
  close(fd);
  hd_err_clear(&err);
  CHECK_INT(store_open(junk, HD_STORE_MUST_EXIST, &db, &err), HD_EDB);
  snprintf(want, sizeof want, "'%s': database error: file is not a database", junk);
  CHECK_STR(err.msg, want);
  unlink(junk);
  check_remove_db(path);
  return check_done();
}
