/* expiring.c: the certificates whose validity ends soon (expiring.h). */
#include "report/expiring.h"

#include <stdlib.h>
#include <string.h>

#include "procedure/intake.h"
#include "report/waiting.h"
#include "store/store.h"
#include "util/date.h"
#include "util/json.h"

int report_reminder_days(sqlite3 *db, int *days, hd_err *err) {
  /* a statement of its own, not a cached one: the report's connection is closed with
   * sqlite3_close, which a cached statement would keep open (its WAL files left behind) */
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT 1 FROM settings WHERE key = 'expiry_reminder_working_days'",
                    &st, err))
    return HD_EDB;
  int set = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (!set) { /* not set: the default (expiring.h) */
    *days = HD_EXPIRY_REMINDER_DEFAULT;
    return HD_OK;
  }
  long d = 0;
  if (store_setting_int(db, "expiry_reminder_working_days", 1, 250, &d, err)) return err->code;
  *days = (int)d;
  return HD_OK;
}

int report_expiring(sqlite3 *db, const hd_calendar *cal, const char *date, int within,
                    json_object **out, hd_err *err) {
  *out = NULL;
  hd_date d0, end;
  if (!hd_date_parse(date, &d0)) return hd_err_set(err, HD_EUSAGE, "'%s' is not a date", date);
  if (!cal) return hd_err_set(err, HD_EDATA, "no holiday calendar: the reminder window of %d "
                              "working days cannot be counted (hdreg calendar import)", within);
  if (calendar_add_working_days(cal, d0, within, &end, err)) {
    hd_err_prefix(err, "the reminder window of %d working days after %s reaches into a year "
                  "without a holiday schedule (load it: hdreg calendar import)", within, date);
    return err->code;
  }
  char until[11];
  hd_date_iso(end, until);
  sqlite3_stmt *st, *hs;
  if (store_prepare(db, "SELECT c.id, c.number, k.number, c.valid_until, (SELECT r.number FROM "
                        "cases r WHERE r.prior_certificate_id = c.id AND r.reg_type = 'change' AND "
                        "r.renewal = 1 AND r.status IN " INTAKE_OPEN_STATUSES " ORDER BY r.id "
                        "LIMIT 1) FROM "
                        "certificates c JOIN cases k ON k.id = c.case_id WHERE c.status = "
                        "'issued' AND c.registration_date <= ?1 AND c.valid_until >= ?1 AND "
                        "c.valid_until <= ?2 ORDER BY c.valid_until, c.number", &st, err))
    return HD_EDB;
  if (store_prepare(db, "SELECT s.name, s.uscc, s.contact_name, s.contact_phone, s.contact_email "
                        "FROM certificates c JOIN case_rights r ON r.case_id = c.case_id JOIN "
                        "subjects s ON s.id = r.holder_id WHERE c.id = ?1 GROUP BY s.id ORDER BY "
                        "min(r.id)", &hs, err)) {
    sqlite3_finalize(st);
    return HD_EDB;
  }
  sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
  json_object *list = json_object_new_array();
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    json_object *x = json_object_new_object();
    json_object_object_add(x, "certificate", store_col_json(st, 1));
    json_object_object_add(x, "case", store_col_json(st, 2));
    json_object_object_add(x, "valid_until", store_col_json(st, 3));
    int left = report_age_working_days(cal, date, (const char *)sqlite3_column_text(st, 3));
    json_object_object_add(x, "working_days_left", left >= 0 ? json_object_new_int(left) : NULL);
    json_object *holders = json_object_new_array();
    sqlite3_reset(hs);
    sqlite3_bind_int64(hs, 1, sqlite3_column_int64(st, 0));
    while (sqlite3_step(hs) == SQLITE_ROW) {
      static const char *const K[] = {"name", "uscc", "contact_name", "contact_phone",
                                      "contact_email"};
      json_object *h = json_object_new_object();
      for (int i = 0; i < 5; i++) json_object_object_add(h, K[i], store_col_json(hs, i));
      json_object_array_add(holders, h);
    }
    json_object_object_add(x, "holders", holders);
    json_object_object_add(x, "renewal", store_col_json(st, 4));
    json_object_array_add(list, x);
  }
  int rc = s == SQLITE_DONE ? HD_OK : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  sqlite3_finalize(hs);
  if (rc) {
    json_object_put(list);
    return rc;
  }
  *out = list;
  return HD_OK;
}
