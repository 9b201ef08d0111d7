/* expiry.c: the night records the certificates whose validity has ended (night.h,
 * night_expiries; docs/procedure.md "Expiry and renewal"). */
#include "procedure/night.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"

int night_expiries(hd_night *n, hd_err *err) {
  sqlite3_stmt *st;
  /* In force and ended: valid until a day before the run date (a certificate is valid on
   * its last day, 5.2.1). A certificate superseded (by a transfer, change or renewal) or
   * cancelled before its end never expires; one recorded already is left alone. */
  static const char *const DUE =
      "SELECT c.id, c.number, date(c.valid_until, '+1 day') FROM certificates c WHERE c.status "
      "= 'issued' AND c.valid_until < ?1 AND NOT EXISTS (SELECT 1 FROM certificate_expiries x "
      "WHERE x.certificate_id = c.id) ORDER BY c.valid_until, c.number";
  if (store_begin(n->db, err)) return err->code;
  int rc = store_prepare(n->db, DUE, &st, err);
  sqlite3_stmt *ins = NULL;
  if (rc == HD_OK)
    rc = store_prepare(n->db, "INSERT INTO certificate_expiries(certificate_id, expired_on, "
                              "recorded_date) VALUES (?1, ?2, ?3)", &ins, err);
  char **numbers = NULL;
  int count = 0;
  if (rc == HD_OK) sqlite3_bind_text(st, 1, n->date, -1, SQLITE_STATIC);
  while (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 0));
    sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(st, 2), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, n->date, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) {
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
      break;
    }
    char **nn = realloc(numbers, (size_t)(count + 1) * sizeof *nn);
    if (nn) numbers = nn;
    if (!nn || !(numbers[count] = store_col_text(st, 1))) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    count++;
  }
  sqlite3_finalize(st);
  sqlite3_finalize(ins);
  if (rc == HD_OK) rc = store_commit(n->db, err);
  else store_rollback(n->db);
  if (rc) {
    for (int i = 0; i < count; i++) free(numbers[i]);
    free(numbers);
    return rc;
  }
  n->rep->expired = count; /* counted once committed */
  n->rep->expired_numbers = numbers;
  return HD_OK;
}
