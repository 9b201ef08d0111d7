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
