/* waiver.c: waivers added, listed and revoked (waiver.h). */
#include "procedure/waiver.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

/* A text with something in it besides spaces. */
static int blank(const char *s) {
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 0;
  return 1;
}

static int bind_run(sqlite3 *db, const char *sql, const char *const *texts, int n, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  for (int i = 0; i < n; i++) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
  int s = sqlite3_step(st);
  sqlite3_finalize(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

/* A waiver's days in force begin or end after the case's last review: a review already
 * decided stays as decided, and `hdreg check --as-of` of its date says the same before and
 * after (a waiver or a revocation dated back would change it). */
static int after_last_review(sqlite3 *db, long long case_id, const char *case_number,
                             const char *date, const char *what, hd_err *err) {
  char *last = store_text(db, "SELECT max(as_of) FROM decisions WHERE case_id = ?1", case_id);
  int rc = HD_OK;
  if (last && strcmp(date, last) <= 0)
    rc = hd_err_set(err, HD_EDATA, "case %s was last reviewed on %s: a waiver %s on %s would "
                    "change what that review decided (hdreg check --as-of %s would no longer "
                    "say it); date it after %s", case_number, last, what, date, last, last);
  free(last);
  return rc;
}

int waiver_add(sqlite3 *db, const hd_pack *p, const hd_waiver_req *r, long long *id, hd_err *err) {
  hd_date approved, expires;
  *id = 0;
  if (!hd_date_parse(r->date, &approved))
    return hd_err_set(err, HD_EUSAGE, "--date '%s' is not a valid date YYYY-MM-DD", r->date);
  if (!hd_date_parse(r->expires, &expires))
    return hd_err_set(err, HD_EUSAGE, "--expires '%s' is not a valid date YYYY-MM-DD", r->expires);
  if (blank(r->approver))
    return hd_err_set(err, HD_EUSAGE, "--approver is required: who approves the waiver");
  if (blank(r->justification))
    return hd_err_set(err, HD_EUSAGE, "--justification is required: why the check is waived "
                      "(it is printed on the review opinion)");
  const char *near = NULL;
  int k = pack_find_check(p, r->check_id, &near);
  if (k < 0) {
    if (near)
      return hd_err_set(err, HD_EDATA, "check '%s' does not exist (did you mean '%s'?)",
                        r->check_id, near);
    return hd_err_set(err, HD_EDATA, "check '%s' does not exist in the check pack",
                      r->check_id);
  }
  char why[700];
  if (pack_check_waivable(p, k, why, sizeof why))
    return hd_err_set(err, HD_EDATA, "check '%s' cannot be waived: %s", r->check_id, why);
  if (hd_date_cmp(expires, approved) < 0)
    return hd_err_set(err, HD_EDATA, "--expires %s is before --date %s: a waiver cannot "
                      "expire before it is approved", r->expires, r->date);
  char *status = store_text(db, "SELECT status FROM cases WHERE id = ?1", r->case_id);
  int rc = HD_OK;
  if (!status)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  else if (!strcmp(status, "certified") || !strcmp(status, "cancelled") ||
           !strcmp(status, "rejected") || !strcmp(status, "withdrawn"))
    rc = hd_err_set(err, HD_EDATA, "case %s is %s: its procedure has ended, no review is left "
                    "for a waiver to apply to", r->case_number, status);
  free(status);
  if (!rc) rc = after_last_review(db, r->case_id, r->case_number, r->date, "approved", err);
  if (rc) return rc;
  /* At most one waiver of a check active for a case on any day: none whose days in force
   * (from its approval to its expiry, or to the day before its revocation) meet the new
   * one's. Dates are YYYY-MM-DD and compare as text. */
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT w.id, w.approved_date, w.expires, v.revoked_date FROM waivers w "
                        "LEFT JOIN waiver_revocations v ON v.waiver_id = w.id WHERE w.case_id = ?1 "
                        "AND w.check_id = ?2 AND w.expires >= ?3 AND w.approved_date <= ?4 AND "
                        "(v.revoked_date IS NULL OR v.revoked_date > ?3) AND (v.revoked_date IS "
                        "NULL OR v.revoked_date > w.approved_date) ORDER BY w.id LIMIT 1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, r->case_id);
  sqlite3_bind_text(st, 2, r->check_id, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, r->date, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, r->expires, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) {
    long long other = sqlite3_column_int64(st, 0);
    const char *from = (const char *)sqlite3_column_text(st, 1),
               *until = (const char *)sqlite3_column_text(st, 2),
               *revoked = (const char *)sqlite3_column_text(st, 3);
    hd_date rd;
    if (revoked && hd_date_parse(revoked, &rd)) {
      char last[11];
      hd_date_iso(hd_date_from_days(hd_date_to_days(rd) - 1), last);
      rc = hd_err_set(err, HD_EDATA, "case %s already has waiver %lld of check '%s', in force "
                      "until %s (revoked on %s): a new one can be approved from %s",
                      r->case_number, other, r->check_id, last, revoked, revoked);
    } else if (from && strcmp(from, r->date) > 0) {
      rc = hd_err_set(err, HD_EDATA, "case %s already has waiver %lld of check '%s', in force "
                      "from %s until %s: revoke it first (hdreg waiver revoke --waiver %lld)",
                      r->case_number, other, r->check_id, from, until, other);
    } else {
      rc = hd_err_set(err, HD_EDATA, "case %s already has waiver %lld of check '%s', in force "
                      "until %s: revoke it first (hdreg waiver revoke --waiver %lld)",
                      r->case_number, other, r->check_id, until, other);
    }
  }
  sqlite3_finalize(st);
  if (rc) return rc;
  char cid[32];
  hd_snprintf(cid, sizeof cid, "%lld", r->case_id);
  const char *v[] = {cid, r->check_id, r->justification, r->approver, r->date, r->expires};
  rc = bind_run(db, "INSERT INTO waivers(case_id, check_id, justification, approver, "
                    "approved_date, expires) VALUES (CAST(?1 AS INTEGER), ?2, ?3, ?4, ?5, ?6)",
                v, 6, err);
  if (rc == HD_OK) *id = sqlite3_last_insert_rowid(db);
  return rc;
}

int waiver_revoke(sqlite3 *db, long long id, const char *date, const char *by,
                  const char *reason, char **case_number, hd_err *err) {
  hd_date d;
  *case_number = NULL;
  if (!hd_date_parse(date, &d))
    return hd_err_set(err, HD_EUSAGE, "--date '%s' is not a valid date YYYY-MM-DD", date);
  if (blank(by)) return hd_err_set(err, HD_EUSAGE, "--by is required: who revokes the waiver");
  if (blank(reason))
    return hd_err_set(err, HD_EUSAGE, "--reason is required: why the waiver is revoked");
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT w.approved_date, c.number, v.revoked_date, v.revoked_by, w.case_id FROM "
                        "waivers w JOIN cases c ON c.id = w.case_id LEFT JOIN waiver_revocations "
                        "v ON v.waiver_id = w.id WHERE w.id = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, id);
  int rc = HD_OK;
  if (sqlite3_step(st) != SQLITE_ROW) {
    rc = hd_err_set(err, HD_EDATA, "waiver %lld does not exist (hdreg waiver list shows the "
                    "waivers)", id);
  } else {
    const char *approved = (const char *)sqlite3_column_text(st, 0);
    *case_number = store_col_text(st, 1);
    if (sqlite3_column_type(st, 2) != SQLITE_NULL)
      rc = hd_err_set(err, HD_EDATA, "waiver %lld is already revoked (on %s by %s)", id,
                      sqlite3_column_text(st, 2), sqlite3_column_text(st, 3));
    else if (approved && strcmp(date, approved) < 0)
      rc = hd_err_set(err, HD_EDATA, "--date %s is before waiver %lld was approved (%s)", date,
                      id, approved);
    else
      rc = after_last_review(db, sqlite3_column_int64(st, 4), *case_number, date, "revoked", err);
  }
  sqlite3_finalize(st);
  if (rc) return rc;
  char wid[32];
  hd_snprintf(wid, sizeof wid, "%lld", id);
  const char *v[] = {wid, date, by, reason};
  return bind_run(db, "INSERT INTO waiver_revocations(waiver_id, revoked_date, revoked_by, "
                      "reason) VALUES (CAST(?1 AS INTEGER), ?2, ?3, ?4)", v, 4, err);
}

void waiver_rows_free(hd_waiver_row *rows, int n) {
  for (int i = 0; rows && i < n; i++) {
    hd_waiver_row *w = &rows[i];
    free(w->case_number);
    free(w->check_id);
    free(w->approver);
    free(w->approved_date);
    free(w->justification);
    free(w->expires);
    free(w->revoked_date);
    free(w->revoked_by);
    free(w->revoke_reason);
  }
  free(rows);
}

int waiver_list(sqlite3 *db, const hd_pack *p, long long case_id, const char *as_of,
                hd_waiver_row **rows, int *n, hd_err *err) {
  hd_date day;
  *rows = NULL;
  *n = 0;
  if (!hd_date_parse(as_of, &day))
    return hd_err_set(err, HD_EUSAGE, "--as-of '%s' is not a valid date YYYY-MM-DD", as_of);
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT w.id, c.number, w.check_id, w.approver, w.approved_date, "
                        "w.justification, w.expires, v.revoked_date, v.revoked_by, v.reason FROM "
                        "waivers w JOIN cases c ON c.id = w.case_id LEFT JOIN waiver_revocations v "
                        "ON v.waiver_id = w.id WHERE ?1 = 0 OR w.case_id = ?1 ORDER BY c.number, "
                        "w.id", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  int cap = 0, rc = HD_OK, s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      hd_waiver_row *nv = realloc(*rows, (size_t)cap * sizeof *nv);
      if (!nv) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      *rows = nv;
    }
    hd_waiver_row *w = &(*rows)[(*n)++];
    memset(w, 0, sizeof *w);
    w->id = sqlite3_column_int64(st, 0);
    char **cols[] = {&w->case_number, &w->check_id, &w->approver, &w->approved_date,
                     &w->justification, &w->expires, &w->revoked_date, &w->revoked_by,
                     &w->revoke_reason};
    for (int c = 0; c < 9; c++) *cols[c] = store_col_text(st, c + 1);
    int state = waiver_state(w->approved_date, w->expires, w->revoked_date, day);
    w->state = state < 0 ? "pending" : waiver_state_name(state);
    int k;
    if (p && state == HD_WAIVER_ACTIVE && w->check_id) {
      if ((k = pack_find_check(p, w->check_id, NULL)) < 0) {
        w->state = "ignored";
        hd_snprintf(w->why, sizeof w->why, "the check pack has no check '%s'", w->check_id);
      } else if (pack_check_waivable(p, k, w->why, sizeof w->why)) {
        w->state = "ignored";
      }
    }
  }
  if (rc == HD_OK && s != SQLITE_DONE)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  if (rc) {
    waiver_rows_free(*rows, *n);
    *rows = NULL;
    *n = 0;
  }
  return rc;
}
