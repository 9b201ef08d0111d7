/* night.c: the night's procedure steps besides certificates (night.h). */
#include "procedure/night.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/ledger.h"
#include "model/caseview.h"
#include "procedure/procedure.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/utf8.h"
#include <unistd.h>

static void problem(hd_night_report *r, const char *case_number, const char *fmt, const char *msg) {
  struct hd_night_problem *np = realloc(r->problems, (size_t)(r->n_problems + 1) * sizeof *np);
  if (!np) return;
  r->problems = np;
  np[r->n_problems].case_number = case_number ? hd_strdup(case_number) : NULL;
  hd_buf b;
  hd_buf_init(&b, 1 << 16);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  hd_buf_printf(&b, fmt, msg);
#pragma GCC diagnostic pop
  np[r->n_problems++].message = hd_buf_steal(&b);
}

void night_report_release(hd_night_report *r) {
  for (int i = 0; i < r->n_problems; i++) {
    free(r->problems[i].case_number);
    free(r->problems[i].message);
  }
  free(r->problems);
  for (int i = 0; i < r->n_notices; i++) free(r->notices[i].number);
  free(r->notices);
  memset(r, 0, sizeof *r);
}

static char *text_of(sqlite3 *db, const char *sql, long long id) {
  sqlite3_stmt *st;
  hd_err ignored = {0};
  char *v = NULL;
  if (store_cached(db, sql, &st, &ignored)) return NULL;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW) v = store_col_text(st, 0);
  store_done(st);
  return v;
}

/* Write a document under out/dir/name.pdf (durably) and record it; *doc_id its row. */
static int write_document(hd_night *n, const char *dir, const char *name, const char *kind,
                          long long case_id, long long notice_id, const unsigned char *pdf,
                          size_t len, long long *doc_id, hd_err *err) {
  char path[4400], sha[65];
  if (hd_snprintf(path, sizeof path, "%s/%s", n->out_dir, dir) < 0)
    return hd_err_set(err, HD_EIO, "output path too long");
  if (hd_mkdirs(path, err)) return err->code;
  if (hd_snprintf(path, sizeof path, "%s/%s/%s.pdf", n->out_dir, dir, name) < 0)
    return hd_err_set(err, HD_EIO, "output path too long");
  if (ledger_sha256_hex(pdf, len, sha)) return hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
  if (hd_write_atomic(path, pdf, len, err)) return err->code;
  sqlite3_stmt *st;
  /* A rerun after a crash between writing and committing writes the same bytes again:
   * the row is new (the transaction that would have made it was rolled back). */
  if (store_cached(n->db, "INSERT INTO documents(kind, case_id, notice_id, path, sha256, bytes, "
                          "created_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
  if (case_id) sqlite3_bind_int64(st, 2, case_id);
  else sqlite3_bind_null(st, 2);
  if (notice_id) sqlite3_bind_int64(st, 3, notice_id);
  else sqlite3_bind_null(st, 3);
  sqlite3_bind_text(st, 4, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 5, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 6, (sqlite3_int64)len);
  sqlite3_bind_text(st, 7, n->date, -1, SQLITE_STATIC);
  int s = sqlite3_step(st);
  store_done(st);
  if (s != SQLITE_DONE) {
    unlink(path);
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
  }
  *doc_id = sqlite3_last_insert_rowid(n->db);
  n->rep->documents++;
  return HD_OK;
}

/* ---- reviews ------------------------------------------------------------------------ */

static const char *const DECISION_REASON[4] = {
    "审核通过", "需补正材料", "需人工核查", "不予登记"};

static const char *target_status(const char *flow, int decision) {
  switch (decision) {
  case HD_APPROVE: return strcmp(flow, "ordinary") == 0 ? "committee_review" : "approved";
  case HD_RETURN: return "rectify";
  case HD_HOLD: return "held";
  default: return "rejected";
  }
}

/* One case: findings, decision, review opinion, move — in one transaction. */
static int review_one(hd_night *n, hd_caseview_loader *ld, long long id, const char *number,
                      hd_err *err) {
  hd_caseview v;
  hd_findings f;
  unsigned char *pdf = NULL;
  size_t len = 0;
  int rc = caseview_load(ld, id, &v, err);
  if (rc) return rc;
  rc = pack_run_view(n->env->pack, &v, n->env->cal, n->date, &f, err);
  if (rc) {
    caseview_release(&v);
    return rc;
  }
  const hd_value *rt = row_get(&v.kase, "reg_type"), *pr = row_get(&v.kase, "procedure");
  const char *flow = proc_flow(rt ? rt->s : NULL, pr ? pr->s : NULL);
  const char *to = target_status(flow, f.decision);
  char name[128];
  hd_snprintf(name, sizeof name, "%s-%s", number, n->date);
  long long doc = 0;
  if ((rc = store_exec(n->db, "BEGIN IMMEDIATE", err)) == HD_OK) {
    if (!(rc = findings_store(n->db, id, n->date, &f, err)) &&
        !(rc = docs_case(n->env, n->opinion, id, n->date, &f, &pdf, &len, err)) &&
        !(rc = write_document(n, "opinions", name, "review_opinion", id, 0, pdf, len, &doc, err)) &&
        !(rc = proc_move(n->db, id, to, "night", n->date, "hdreg run",
                         DECISION_REASON[f.decision], doc, err)))
      rc = store_exec(n->db, "COMMIT", err);
    if (rc) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
  }
  if (rc == HD_OK) {
    n->rep->reviewed++;
    n->rep->by_decision[f.decision]++;
    for (int i = 0; i < f.n; i++) n->rep->check_errors += f.v[i].outcome == HD_ERROR;
  }
  free(pdf);
  findings_release(&f);
  caseview_release(&v);
  return rc;
}

int night_reviews(hd_night *n, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  long long *ids = NULL;
  int count = 0, cap = 0, rc;
  sqlite3_stmt *st;
  /* A case is reviewed from its application date on (a run for an earlier date leaves
   * it alone). */
  if ((rc = store_prepare(n->db, "SELECT c.id FROM cases c WHERE c.status = 'submitted' AND "
                                 "coalesce((SELECT max(at) FROM case_events e WHERE e.case_id = "
                                 "c.id), c.applied_date) <= ?1 ORDER BY c.id", &st, err)))
    return rc;
  sqlite3_bind_text(st, 1, n->date, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (count == cap) {
      cap = cap ? cap * 2 : 256;
      long long *ni = realloc(ids, (size_t)cap * sizeof *ni);
      if (!ni) {
        sqlite3_finalize(st);
        free(ids);
        return hd_err_set(err, HD_ENOMEM, "out of memory");
      }
      ids = ni;
    }
    ids[count++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  if ((rc = caseview_loader_new(n->db, &ld, err))) {
    free(ids);
    return rc;
  }
  for (int i = 0; i < count; i++) {
    char *number = text_of(n->db, "SELECT number FROM cases WHERE id = ?1", ids[i]);
    hd_err e;
    hd_err_clear(&e);
    int r = review_one(n, ld, ids[i], number ? number : "?", &e);
    if (r == HD_ENOMEM || r == HD_EDB) { /* the database or memory: stop the step */
      rc = hd_err_set(err, r, "case %s: %s", number ? number : "?", e.msg);
      free(number);
      break;
    }
    if (r) {
      n->rep->failed++;
      problem(n->rep, number, "review: %s", e.msg);
    }
    free(number);
    if (n->progress) n->progress(n->progress_ud, "review", i + 1, count);
  }
  caseview_loader_free(ld);
  free(ids);
  return rc;
}

/* ---- notices ------------------------------------------------------------------------ */

/* What the notice prints of a case must be printable: present, valid UTF-8, without
 * control characters, every character in a font. A case that is not stays approved and
 * is reported, and the notice goes out with the others. */
static int notice_case_ok(hd_night *n, long long id, hd_err *err) {
  static const char *const WHAT[] = {"申请编号", "登记主体", "统一社会信用代码", "数据产权名称", "权利类别"};
  sqlite3_stmt *st;
  if (store_cached(n->db,
                   "SELECT k.number, a.name, a.uscc, r.name, (SELECT count(*) FROM case_rights "
                   "cr WHERE cr.case_id = k.id) FROM cases k JOIN subjects a ON a.id = "
                   "k.applicant_id JOIN resources r ON r.id = k.resource_id WHERE k.id = ?1",
                   &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, id);
  int rc = HD_OK;
  if (sqlite3_step(st) != SQLITE_ROW) rc = hd_err_set(err, HD_EDATA, "case %lld is incomplete", id);
  for (int i = 0; rc == HD_OK && i < 4; i++) {
    const char *v = (const char *)sqlite3_column_text(st, i);
    size_t len = v ? (size_t)sqlite3_column_bytes(st, i) : 0, bad;
    if (!v || !len) rc = hd_err_set(err, HD_EDATA, "field '%s' is empty", WHAT[i]);
    else if (!hd_utf8_valid(v, len, &bad))
      rc = hd_err_set(err, HD_EDATA, "field '%s': invalid UTF-8 at byte %zu", WHAT[i], bad);
    else if (len > 4000)
      rc = hd_err_set(err, HD_EDATA, "field '%s' is %zu bytes long, too long for a notice", WHAT[i], len);
    else {
      for (size_t k = 0; k < len && rc == HD_OK; k++)
        if ((unsigned char)v[k] < 0x20)
          rc = hd_err_set(err, HD_EDATA, "field '%s': control character U+%04X", WHAT[i], v[k]);
      if (rc == HD_OK && fontset_check_text(n->env->fs, HD_ROLE_BODY, v, len, err)) {
        hd_err_prefix(err, "field '%s'", WHAT[i]);
        rc = HD_EDATA;
      }
    }
  }
  if (rc == HD_OK && sqlite3_column_int(st, 4) == 0)
    rc = hd_err_set(err, HD_EDATA, "field '%s': no right is registered (clause 5.1.2)", WHAT[4]);
  store_done(st);
  return rc;
}

int night_notices(hd_night *n, hd_err *err) {
  sqlite3_stmt *st;
  long long *ids = NULL;
  int count = 0, rc;
  /* Approved on or before the run date (by this night's review, or by a person). */
  if ((rc = store_prepare(n->db, "SELECT c.id FROM cases c WHERE c.status = 'approved' AND "
                                 "coalesce((SELECT max(at) FROM case_events e WHERE e.case_id = c.id), "
                                 "c.decided_date, c.applied_date) <= ?1 ORDER BY c.number", &st, err)))
    return rc;
  sqlite3_bind_text(st, 1, n->date, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    long long *ni = realloc(ids, (size_t)(count + 1) * sizeof *ni);
    if (!ni) {
      sqlite3_finalize(st);
      free(ids);
      return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
    ids = ni;
    ids[count++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  int kept = 0;
  for (int i = 0; i < count; i++) {
    hd_err ce;
    hd_err_clear(&ce);
    int r = notice_case_ok(n, ids[i], &ce);
    if (r == HD_EDB) {
      free(ids);
      return hd_err_set(err, r, "%s", ce.msg);
    }
    if (r) {
      char *number = text_of(n->db, "SELECT number FROM cases WHERE id = ?1", ids[i]);
      problem(n->rep, number, "not put into the public notice: %s", ce.msg);
      free(number);
      n->rep->failed++;
    } else {
      ids[kept++] = ids[i];
    }
  }
  count = kept;
  if (!count) {
    free(ids);
    return HD_OK;
  }

  /* The notice period: N working days, the publication day not counted. */
  long days = 10;
  hd_err e;
  hd_err_clear(&e);
  hd_date start, end;
  char end_iso[11], number[40];
  hd_date_parse(n->date, &start);
  if (store_setting_int(n->db, "notice_working_days", 1, 100, &days, &e) ||
      calendar_add_working_days(n->env->cal, start, (int)days, &end, &e)) {
    char msg[700];
    hd_snprintf(msg, sizeof msg, "public notice of %d approved case%s not published: %s", count,
                count == 1 ? "" : "s", e.msg);
    problem(n->rep, NULL, "%s", msg);
    n->rep->failed += count;
    free(ids);
    return HD_OK;
  }
  hd_date_iso(end, end_iso);
  /* GS-YYYYMMDD; a second notice on the same date (cases approved by a person after the
   * first run of the night) gets -2, -3 ... */
  char base[20];
  hd_snprintf(base, sizeof base, "GS-%.4s%.2s%.2s", n->date, n->date + 5, n->date + 8);
  hd_snprintf(number, sizeof number, "%s", base);
  for (int k = 2;; k++) {
    char *exists = NULL;
    if (store_cached(n->db, "SELECT number FROM notices WHERE number = ?1", &st, err)) break;
    sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) exists = store_col_text(st, 0);
    store_done(st);
    if (!exists) break;
    free(exists);
    hd_snprintf(number, sizeof number, "%s-%d", base, k);
  }
  unsigned char *pdf = NULL;
  size_t len = 0;
  long long notice_id = 0, doc = 0;
  if ((rc = store_exec(n->db, "BEGIN IMMEDIATE", err))) {
    free(ids);
    return rc;
  }
  if (!(rc = store_cached(n->db, "INSERT INTO notices(number, published_date, end_date, "
                                 "working_days) VALUES (?1, ?2, ?3, ?4)", &st, err))) {
    sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, n->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, end_iso, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, days);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
    notice_id = sqlite3_last_insert_rowid(n->db);
  }
  for (int i = 0; rc == HD_OK && i < count; i++) {
    if ((rc = store_cached(n->db, "INSERT INTO notice_cases(notice_id, case_id) VALUES (?1, ?2)",
                           &st, err)))
      break;
    sqlite3_bind_int64(st, 1, notice_id);
    sqlite3_bind_int64(st, 2, ids[i]);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
    if (rc || (rc = store_cached(n->db, "UPDATE cases SET notice_start = ?2, notice_end = ?3 "
                                        "WHERE id = ?1", &st, err)))
      break;
    sqlite3_bind_int64(st, 1, ids[i]);
    sqlite3_bind_text(st, 2, n->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, end_iso, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
  }
  hd_err derr;
  hd_err_clear(&derr);
  int drc = HD_OK;
  if (rc == HD_OK) {
    drc = docs_notice(n->env, n->notice, notice_id, &pdf, &len, &derr);
    if (drc == HD_OK) drc = write_document(n, "notices", number, "notice", 0, notice_id, pdf, len, &doc, &derr);
  }
  for (int i = 0; rc == HD_OK && drc == HD_OK && i < count; i++)
    rc = proc_move(n->db, ids[i], "notice", "night", n->date, "hdreg run", "公示", doc, err);
  if (rc == HD_OK && drc == HD_OK) rc = store_exec(n->db, "COMMIT", err);
  if (rc || drc) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
  if (drc && !rc) {
    problem(n->rep, NULL, "public notice not published: %s", derr.msg);
    n->rep->failed += count;
  }
  if (rc == HD_OK && drc == HD_OK) {
    struct hd_night_notice *nn = realloc(n->rep->notices, (size_t)(n->rep->n_notices + 1) * sizeof *nn);
    if (nn) {
      n->rep->notices = nn;
      nn[n->rep->n_notices].number = hd_strdup(number);
      nn[n->rep->n_notices].cases = count;
      hd_snprintf(nn[n->rep->n_notices].end_date, sizeof nn->end_date, "%s", end_iso);
      n->rep->n_notices++;
    }
    n->rep->noticed += count;
  }
  free(pdf);
  free(ids);
  return rc;
}

/* ---- cancellations ------------------------------------------------------------------ */

int night_cancellations(hd_night *n, hd_err *err) {
  sqlite3_stmt *st;
  long long *ids = NULL;
  int count = 0, rc;
  if ((rc = store_prepare(n->db,
                          "SELECT c.id FROM cases c WHERE c.reg_type = 'cancel' AND c.status = 'notice' "
                          "AND c.notice_end < ?1 AND NOT EXISTS (SELECT 1 FROM objections o WHERE "
                          "o.case_id = c.id AND o.status = 'open') ORDER BY c.id", &st, err)))
    return rc;
  sqlite3_bind_text(st, 1, n->date, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    long long *ni = realloc(ids, (size_t)(count + 1) * sizeof *ni);
    if (!ni) break;
    ids = ni;
    ids[count++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  for (int i = 0; i < count; i++) {
    char *number = text_of(n->db, "SELECT number FROM cases WHERE id = ?1", ids[i]);
    unsigned char *pdf = NULL;
    size_t len = 0;
    long long doc = 0;
    hd_err e;
    hd_err_clear(&e);
    int r = store_exec(n->db, "BEGIN IMMEDIATE", &e);
    if (r == HD_OK) {
      if (!(r = store_cached(n->db, "UPDATE certificates SET status = 'cancelled' WHERE id = "
                                    "(SELECT prior_certificate_id FROM cases WHERE id = ?1) AND "
                                    "status = 'issued'", &st, &e))) {
        sqlite3_bind_int64(st, 1, ids[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
          r = hd_err_set(&e, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
        else if (sqlite3_changes(n->db) != 1)
          /* superseded (a transfer or change went through meanwhile) or gone */
          r = hd_err_set(&e, HD_EDATA, "the certificate to cancel is no longer in force; a "
                         "person must decide (hdreg case move)");
        store_done(st);
      }
      if (!r && !(r = docs_case(n->env, n->cancellation, ids[i], n->date, NULL, &pdf, &len, &e)) &&
          !(r = write_document(n, "cancellations", number ? number : "case", "cancellation", ids[i],
                               0, pdf, len, &doc, &e)) &&
          !(r = proc_move(n->db, ids[i], "cancelled", "night", n->date, "hdreg run",
                          "公示期满无异议，注销", doc, &e)))
        r = store_exec(n->db, "COMMIT", &e);
      if (r) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (r == HD_ENOMEM || r == HD_EDB) {
      rc = hd_err_set(err, r, "case %s: %s", number ? number : "?", e.msg);
      free(number);
      free(pdf);
      break;
    }
    if (r) {
      n->rep->failed++;
      problem(n->rep, number, "cancellation: %s", e.msg);
    } else {
      n->rep->cancelled++;
    }
    free(number);
    free(pdf);
  }
  free(ids);
  return rc;
}
