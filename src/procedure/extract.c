/* extract.c: a register extract issued on request (extract.h). */
#include "procedure/extract.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdf/sign.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sha256.h"

/* path made absolute through its directory (which must exist), as the register records
 * documents. */
static int absolute_path(const char *path, char out[PATH_MAX + 256], hd_err *err) {
  const char *slash = strrchr(path, '/');
  char dir[PATH_MAX], real[PATH_MAX];
  hd_snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
  if (slash == path) hd_snprintf(dir, sizeof dir, "/");
  if (!realpath(dir, real))
    return hd_err_set(err, HD_EIO, "--out '%s': its directory '%s' does not exist", path, dir);
  if (hd_snprintf(out, PATH_MAX + 256, "%s/%s", strcmp(real, "/") ? real : "",
                  slash ? slash + 1 : path) < 0 || !*(slash ? slash + 1 : path))
    return hd_err_set(err, HD_EIO, "--out '%s' is not a file name", path);
  return HD_OK;
}

/* A document issued on request (extract.h, act_issue): the path checked before anything is
 * rendered, then rendered, signed, written durably and recorded. */
int act_issue(hd_docenv *e, const hd_issue *is, char sha[65], int *recorded, hd_err *err) {
  *recorded = 0;
  char path[PATH_MAX + 256];
  int rc = absolute_path(is->out_path, path, err);
  if (rc) return rc;
  if (access(path, F_OK) == 0)
    return hd_err_set(err, HD_EIO, "'%s' exists already: a document issued on request never "
                      "replaces a file", path);
  sqlite3_stmt *st;
  if (store_prepare(e->db, "SELECT kind FROM documents WHERE path = ?1", &st, err)) return HD_EDB;
  sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW)
    rc = hd_err_set(err, HD_EDATA, "'%s' is recorded already (a %s): write each document to a "
                    "file of its own", path, (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (rc) return rc;
  unsigned char *pdf = NULL, *signed_pdf = NULL;
  size_t len = 0;
  if ((rc = is->render(is->ud, is->signer != NULL, &pdf, &len, err))) return rc;
  if (is->signer &&
      (rc = pdf_sign(is->signer, pdf, len, is->today, "hdreg", &signed_pdf, &len, err))) {
    free(pdf);
    return rc;
  }
  const unsigned char *bytes = signed_pdf ? signed_pdf : pdf;
  if (hd_sha256_hex(bytes, len, sha)) rc = hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
  if (!rc) rc = hd_write_atomic(path, bytes, len, err);
  if (!rc && is->signer && !(rc = store_begin(e->db, err))) {
    if (!(rc = store_prepare(e->db, "INSERT INTO documents(kind, case_id, certificate_id, path, "
                                    "sha256, bytes, created_date) SELECT ?6, c.case_id, c.id, ?2, "
                                    "?3, ?4, ?5 FROM (SELECT 1) LEFT JOIN certificates c ON "
                                    "c.number = ?1 WHERE ?1 IS NULL OR c.id IS NOT NULL",
                             &st, err))) {
      if (is->certificate) sqlite3_bind_text(st, 1, is->certificate, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 3, sha, 64, SQLITE_STATIC);
      sqlite3_bind_int64(st, 4, (sqlite3_int64)len);
      sqlite3_bind_text(st, 5, is->today, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 6, is->kind, -1, SQLITE_STATIC);
      if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(e->db) != 1)
        rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(e->db));
      sqlite3_finalize(st);
    }
    if (!rc) rc = store_commit(e->db, err);
    else store_rollback(e->db);
    *recorded = rc == HD_OK;
  }
  free(pdf);
  free(signed_pdf);
  return rc;
}

typedef struct extract_job {
  hd_docenv *e;
  const hd_template *t;
  const hd_extract_req *r;
} extract_job;

static int render_extract(void *ud, int signed_, unsigned char **pdf, size_t *len, hd_err *err) {
  extract_job *j = ud;
  return docs_extract(j->e, j->t, j->r->certificate, j->r->date, j->r->today, signed_, pdf, len,
                      err);
}

int act_extract(hd_docenv *e, const hd_template *t, const hd_extract_req *r, char sha[65],
                int *recorded, hd_err *err) {
  *recorded = 0;
  if (strcmp(r->date, r->today) > 0)
    return hd_err_set(err, HD_EUSAGE, "--date %s is after today, %s: an extract states what the "
                      "register holds, not what it will", r->date, r->today);
  extract_job j = {e, t, r};
  const hd_issue is = {"register_extract", r->certificate, r->today, r->out_path, r->signer,
                       render_extract, &j};
  return act_issue(e, &is, sha, recorded, err);
}

typedef struct supervision_job {
  hd_docenv *e;
  const hd_template *t;
  const hd_supervision_req *r;
} supervision_job;

static int render_supervision(void *ud, int signed_, unsigned char **pdf, size_t *len,
                              hd_err *err) {
  supervision_job *j = ud;
  return docs_supervision(j->e, j->t, j->r->from, j->r->to, j->r->today, signed_, pdf, len, err);
}

int act_supervision_report(hd_docenv *e, const hd_template *t, const hd_supervision_req *r,
                           char sha[65], int *recorded, hd_err *err) {
  *recorded = 0;
  if (strcmp(r->from, r->to) > 0)
    return hd_err_set(err, HD_EUSAGE, "--from %s is after --to %s", r->from, r->to);
  if (strcmp(r->to, r->today) > 0)
    return hd_err_set(err, HD_EUSAGE, "--to %s is after today, %s: a report covers a period that "
                      "has ended", r->to, r->today);
  supervision_job j = {e, t, r};
  const hd_issue is = {"supervision_report", NULL, r->today, r->out_path, r->signer,
                       render_supervision, &j};
  return act_issue(e, &is, sha, recorded, err);
}
