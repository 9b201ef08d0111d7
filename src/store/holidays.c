/* holidays.c: holiday-cn import (holidays.h). */
#include "store/holidays.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/fsutil.h"
#include "util/utf8.h"

int holidays_import(sqlite3 *db, const char *path, int *year, int *days, hd_err *err) {
  char *text = NULL;
  size_t len = 0;
  int rc;
  *year = *days = 0;
  if ((rc = hd_read_file(path, 1 << 20, &text, &len, err))) {
    char msg[HD_ERR_MAX];
    snprintf(msg, sizeof msg, "%s", err->msg);
    hd_err_clear(err);
    return hd_err_set(err, HD_EDATA, "%s", msg);
  }
  rc = holidays_import_text(db, path, text, len, year, days, err);
  free(text);
  return rc;
}

int holidays_import_text(sqlite3 *db, const char *path, const char *text, size_t len, int *year,
                         int *days, hd_err *err) {
  int rc;
  *year = *days = 0;
  size_t bad;
  if (!hd_utf8_valid(text, len, &bad)) {
    return hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", path, bad);
  }
  json_tokener *tok = json_tokener_new();
  json_object *root = tok ? json_tokener_parse_ex(tok, text, (int)len) : NULL;
  if (!tok) {
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  if (!root || json_tokener_get_error(tok) != json_tokener_success) {
    enum json_tokener_error je = json_tokener_get_error(tok);
    rc = hd_err_set(err, HD_EDATA, "%s: not valid JSON (%s at byte %zu)", path,
                    je == json_tokener_continue ? "the text ends too early" : json_tokener_error_desc(je),
                    json_tokener_get_parse_end(tok));
    json_object_put(root);
    json_tokener_free(tok);
    return rc;
  }
  json_tokener_free(tok);
  json_object *jy = NULL, *jd = NULL;
  int y = 0;
  sqlite3_stmt *ins = NULL;
  const char **seen = NULL;
  int n = 0;
  if (!json_object_is_type(root, json_type_object) ||
      !json_object_object_get_ex(root, "year", &jy) || !json_object_is_type(jy, json_type_int) ||
      (y = json_object_get_int(jy)) < 1949 || y > 2200) {
    rc = hd_err_set(err, HD_EDATA, "%s: 'year' must be a whole number (the schedule's year)", path);
    goto done;
  }
  if (!json_object_object_get_ex(root, "days", &jd) || !json_object_is_type(jd, json_type_array)) {
    rc = hd_err_set(err, HD_EDATA, "%s: 'days' must be a list", path);
    goto done;
  }
  n = (int)json_object_array_length(jd);
  if (n == 0) {
    rc = hd_err_set(err, HD_EDATA, "%s: the %d schedule has no days (not published yet?); "
                    "not imported, so that no period is computed into %d", path, y, y);
    goto done;
  }
  seen = calloc((size_t)n, sizeof *seen);
  if (!seen) {
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto done;
  }
  /* Validate everything before touching the database. */
  for (int i = 0; i < n; i++) {
    json_object *d = json_object_array_get_idx(jd, (size_t)i), *jn, *jdt, *jo;
    hd_date dt;
    if (!json_object_is_type(d, json_type_object) || !json_object_object_get_ex(d, "name", &jn) ||
        !json_object_is_type(jn, json_type_string) || json_object_get_string_len(jn) == 0) {
      rc = hd_err_set(err, HD_EDATA, "%s: days[%d]: 'name' must be a non-empty text", path, i);
      goto done;
    }
    if (!json_object_object_get_ex(d, "date", &jdt) || !json_object_is_type(jdt, json_type_string) ||
        !hd_date_parse(json_object_get_string(jdt), &dt)) {
      rc = hd_err_set(err, HD_EDATA, "%s: days[%d]: date '%s' is not a valid date YYYY-MM-DD", path,
                      i, jdt && json_object_is_type(jdt, json_type_string) ? json_object_get_string(jdt) : "");
      goto done;
    }
    if (dt.y != y && !(dt.y == y - 1 && dt.m == 12)) {
      /* holiday-cn lists the New Year make-up days of late December of the year before */
      rc = hd_err_set(err, HD_EDATA, "%s: days[%d]: date %s is not in %d", path, i,
                      json_object_get_string(jdt), y);
      goto done;
    }
    if (!json_object_object_get_ex(d, "isOffDay", &jo) || !json_object_is_type(jo, json_type_boolean)) {
      rc = hd_err_set(err, HD_EDATA, "%s: days[%d]: 'isOffDay' must be true or false", path, i);
      goto done;
    }
    for (int k = 0; k < i; k++)
      if (strcmp(seen[k], json_object_get_string(jdt)) == 0) {
        rc = hd_err_set(err, HD_EDATA, "%s: days[%d]: date %s is listed twice", path, i,
                        json_object_get_string(jdt));
        goto done;
      }
    seen[i] = json_object_get_string(jdt);
  }
  if ((rc = store_begin(db, err))) goto done;
  char sql[160];
  snprintf(sql, sizeof sql, "DELETE FROM holidays WHERE date LIKE '%04d-%%'; "
           "INSERT OR IGNORE INTO holiday_years(year) VALUES (%d);", y, y);
  rc = store_exec(db, sql, err);
  if (!rc) rc = store_prepare(db, "INSERT OR REPLACE INTO holidays(date, off, name) VALUES (?1, ?2, ?3)",
                              &ins, err);
  for (int i = 0; !rc && i < n; i++) {
    json_object *d = json_object_array_get_idx(jd, (size_t)i), *jn, *jdt, *jo;
    json_object_object_get_ex(d, "name", &jn);
    json_object_object_get_ex(d, "date", &jdt);
    json_object_object_get_ex(d, "isOffDay", &jo);
    sqlite3_reset(ins);
    sqlite3_bind_text(ins, 1, json_object_get_string(jdt), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(ins, 2, json_object_get_boolean(jo) ? 1 : 0);
    sqlite3_bind_text(ins, 3, json_object_get_string(jn), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(ins) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(ins);
  ins = NULL;
  if (!rc) rc = store_commit(db, err);
  if (rc) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  else {
    *year = y;
    *days = n;
  }
done:
  free(seen);
  json_object_put(root);
  return rc;
}
