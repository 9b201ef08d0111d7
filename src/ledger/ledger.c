/* ledger.c: SHA-256 and document rows (ledger.h). */
#include "ledger/ledger.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/sha256.h"

int ledger_sha256_file(const char *path, char out[65], hd_err *err) {
  FILE *f = fopen(path, "rb");
  if (!f) return hd_err_set(err, HD_EIO, "cannot open '%s'", path);
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
  unsigned char buf[65536];
  size_t n;
  while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(ctx, buf, n);
  ok = ok && !ferror(f);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned mdn = 0;
  ok = ok && EVP_DigestFinal_ex(ctx, md, &mdn) && mdn == 32;
  EVP_MD_CTX_free(ctx);
  fclose(f);
  if (!ok) return hd_err_set(err, HD_EIO, "cannot read '%s'", path);
  hd_sha256_digits(md, out);
  return HD_OK;
}

int ledger_record_certificate(sqlite3 *db, long long case_id, long long cert_id,
                              const char *path, const char *sha256, size_t bytes,
                              const char *date, hd_err *err) {
  sqlite3_stmt *st = NULL;
  int rc = HD_OK;
  if (store_cached(db, "SELECT path, sha256 FROM documents WHERE kind = 'certificate' "
                        "AND certificate_id = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, cert_id);
  int s = sqlite3_step(st);
  if (s == SQLITE_ROW) {
    const char *old_path = (const char *)sqlite3_column_text(st, 0);
    const char *old_sha = (const char *)sqlite3_column_text(st, 1);
    if (strcmp(old_sha, sha256) != 0)
      rc = hd_err_set(err, HD_EDATA, "document '%s' was recorded with SHA-256 %s, now %s",
                      old_path, old_sha, sha256);
    else if (strcmp(old_path, path) != 0)
      rc = hd_err_set(err, HD_EDATA, "certificate already issued as '%s'", old_path);
    store_done(st);
    return rc;
  }
  store_done(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (store_cached(db, "INSERT INTO documents(kind, case_id, certificate_id, path, sha256, "
                        "bytes, created_date) VALUES ('certificate', ?1, ?2, ?3, ?4, ?5, ?6)",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_int64(st, 2, cert_id);
  sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)bytes);
  sqlite3_bind_text(st, 6, date, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  store_done(st);
  return rc;
}

long long ledger_document_of(sqlite3 *db, long long cert_id) {
  sqlite3_stmt *st;
  hd_err ignored = {0};
  long long id = 0;
  if (store_cached(db, "SELECT id FROM documents WHERE kind = 'certificate' AND certificate_id = ?1",
                   &st, &ignored))
    return 0;
  sqlite3_bind_int64(st, 1, cert_id);
  if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
  store_done(st);
  return id;
}

const char *ledger_basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Column col of st as text into dst ("" for NULL; cut to size). */
static void col_copy(sqlite3_stmt *st, int col, char *dst, size_t size) {
  const unsigned char *t = sqlite3_column_text(st, col);
  hd_snprintf(dst, size, "%s", t ? (const char *)t : "");
}

/* The certificate cert_id into d: its row, what replaced it, what cancelled it. */
static int load_certificate(sqlite3 *db, long long cert_id, hd_doc_info *d, hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(db, "SELECT c.number, k.number, c.status, c.registration_date, c.valid_until, "
                       "s.number, sk.number, sk.reg_type, s.registration_date, "
                       "coalesce(sk.renewal, 0) FROM certificates c "
                       "LEFT JOIN cases k ON k.id = c.case_id LEFT JOIN certificates s ON s.id = "
                       "c.superseded_by LEFT JOIN cases sk ON sk.id = s.case_id WHERE c.id = ?1",
                   &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, cert_id);
  int s = sqlite3_step(st);
  if (s == SQLITE_ROW) {
    col_copy(st, 0, d->cert_number, sizeof d->cert_number);
    col_copy(st, 1, d->cert_case, sizeof d->cert_case);
    col_copy(st, 2, d->cert_status, sizeof d->cert_status);
    col_copy(st, 3, d->registered, sizeof d->registered);
    col_copy(st, 4, d->valid_until, sizeof d->valid_until);
    col_copy(st, 5, d->superseded_by, sizeof d->superseded_by);
    col_copy(st, 6, d->superseded_case, sizeof d->superseded_case);
    col_copy(st, 7, d->superseded_type, sizeof d->superseded_type);
    col_copy(st, 8, d->superseded_date, sizeof d->superseded_date);
    d->superseded_renewal = sqlite3_column_int(st, 9) == 1;
  }
  store_done(st);
  if (s != SQLITE_ROW && s != SQLITE_DONE)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (s != SQLITE_ROW || strcmp(d->cert_status, "cancelled") != 0) return HD_OK;
  /* The night cancels a certificate by carrying out a cancellation case on it. */
  if (store_cached(db, "SELECT k.number, (SELECT e.at FROM case_events e WHERE e.case_id = k.id "
                       "AND e.to_status = 'cancelled' ORDER BY e.id DESC LIMIT 1) FROM cases k "
                       "WHERE k.reg_type = 'cancel' AND k.prior_certificate_id = ?1 AND k.status "
                       "= 'cancelled' ORDER BY k.id DESC LIMIT 1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, cert_id);
  s = sqlite3_step(st);
  if (s == SQLITE_ROW) {
    col_copy(st, 0, d->cancel_case, sizeof d->cancel_case);
    col_copy(st, 1, d->cancel_date, sizeof d->cancel_date);
  }
  store_done(st);
  if (s != SQLITE_ROW && s != SQLITE_DONE)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

int ledger_certificate_info(sqlite3 *db, long long cert_id, hd_doc_info *out, hd_err *err) {
  memset(out, 0, sizeof *out);
  hd_snprintf(out->kind, sizeof out->kind, "certificate");
  out->id = cert_id;
  return load_certificate(db, cert_id, out, err);
}

/* The document selected by sql (?1 and ?2 bound to a and b) into *out. */
static int load_document(sqlite3 *db, const char *sql, const char *a, const char *b,
                         hd_doc_info *out, hd_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  if (store_cached(db, sql, &st, err)) return HD_EDB;
  sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
  if (b) sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
  long long cert_id = 0;
  int s = sqlite3_step(st);
  if (s == SQLITE_ROW) {
    out->id = sqlite3_column_int64(st, 0);
    col_copy(st, 1, out->kind, sizeof out->kind);
    col_copy(st, 2, out->path, sizeof out->path);
    col_copy(st, 3, out->created, sizeof out->created);
    col_copy(st, 4, out->case_number, sizeof out->case_number);
    col_copy(st, 5, out->notice_number, sizeof out->notice_number);
    col_copy(st, 6, out->notice_published, sizeof out->notice_published);
    col_copy(st, 7, out->notice_end, sizeof out->notice_end);
    out->notice_cases = sqlite3_column_int64(st, 8);
    cert_id = sqlite3_column_int64(st, 9);
  }
  store_done(st);
  if (s != SQLITE_ROW && s != SQLITE_DONE)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return cert_id ? load_certificate(db, cert_id, out, err) : HD_OK;
}

/* The columns load_document reads; the certificate is a certificate document's own, or
 * the one a cancellation notice's case cancels. */
#define DOC_COLUMNS                                                                          \
  "SELECT d.id, d.kind, d.path, d.created_date, k.number, n.number, n.published_date, "      \
  "n.end_date, (SELECT count(*) FROM notice_cases nc WHERE nc.notice_id = d.notice_id), "    \
  "CASE d.kind WHEN 'certificate' THEN d.certificate_id WHEN 'cancellation' THEN "           \
  "k.prior_certificate_id END FROM documents d LEFT JOIN cases k ON k.id = d.case_id "       \
  "LEFT JOIN notices n ON n.id = d.notice_id "
/* d.path is `name` or ends in "/name". */
#define DOC_NAMED(p) "(d.path = " p " OR substr(d.path, -length(" p ") - 1) = '/' || " p ")"

int ledger_document_lookup(sqlite3 *db, const char *sha256, const char *name, hd_doc_info *out,
                           hd_err *err) {
  return load_document(db, DOC_COLUMNS "WHERE d.sha256 = ?1 ORDER BY coalesce(" DOC_NAMED("?2")
                           ", 0) DESC, d.id DESC LIMIT 1",
                       sha256, name, out, err);
}

int ledger_document_named(sqlite3 *db, const char *name, hd_doc_info *out, hd_err *err) {
  return load_document(db, DOC_COLUMNS "WHERE " DOC_NAMED("?1") " ORDER BY d.id DESC LIMIT 1",
                       name, NULL, out, err);
}

hd_doc_standing ledger_document_standing(const hd_doc_info *d, const char *as_of) {
  if (strcmp(d->kind, "certificate") != 0)
    return strcmp(as_of, d->created) < 0 ? HD_DOC_NOT_YET : HD_DOC_AUTHENTIC;
  const char *status = d->cert_status;
  if (!*status) return HD_DOC_NOT_IN_FORCE;
  if (strcmp(as_of, d->registered) < 0) return HD_DOC_NOT_YET;
  if (!strcmp(status, "superseded") &&
      (!*d->superseded_date || strcmp(d->superseded_date, as_of) <= 0))
    return HD_DOC_SUPERSEDED;
  if (!strcmp(status, "cancelled") && (!*d->cancel_date || strcmp(d->cancel_date, as_of) <= 0))
    return HD_DOC_CANCELLED;
  if (strcmp(status, "issued") && strcmp(status, "superseded") && strcmp(status, "cancelled"))
    return HD_DOC_NOT_IN_FORCE;
  if (*d->valid_until && strcmp(as_of, d->valid_until) > 0) return HD_DOC_EXPIRED;
  return HD_DOC_AUTHENTIC;
}
