/* chain.c: verifying and listing the register's hash chain (chain.h). */
#include "ledger/chain.h"

#include <openssl/evp.h>
#include <string.h>

#include "pdf/sign.h"
#include "store/store.h"
#include "util/sha256.h"
#include "util/buf.h"

static const char ZERO[] = "0000000000000000000000000000000000000000000000000000000000000000";

/* The kinds of entry: the row each records, the payload the triggers write for it
 * (rebuilt from the row as it is now), how it is named in messages. */
enum { K_EVENT, K_DOCUMENT, K_IMPORT, K_KINDS };
static const struct kind {
  const char *name;
  const char *payload_sql;
  const char *describe_sql;  /* a word for the row: the case, the path, the file */
  const char *prefix;        /* before that word */
  const char *outside_sql;   /* the first row the chain does not hold */
} KINDS[K_KINDS] = {
    {"event",
     "SELECT json_array('event', id, case_id, at, from_status, to_status, actor, reason, "
     "document_id) FROM case_events WHERE id = ?1",
     "SELECT c.number FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.id = ?1",
     "case ",
     "SELECT id FROM case_events WHERE id NOT IN (SELECT ref_id FROM ledger WHERE kind = "
     "'event') ORDER BY id LIMIT 1"},
    {"document",
     "SELECT json_array('document', id, kind, case_id, certificate_id, notice_id, path, sha256, "
     "bytes, created_date) FROM documents WHERE id = ?1",
     "SELECT path FROM documents WHERE id = ?1", "",
     "SELECT id FROM documents WHERE id NOT IN (SELECT ref_id FROM ledger WHERE kind = "
     "'document') ORDER BY id LIMIT 1"},
    {"import",
     "SELECT json_array('import', id, at, file, sha256, format, encoding, bytes, cases, "
     "subjects, certificates, normalised) FROM imports WHERE id = ?1",
     "SELECT file FROM imports WHERE id = ?1", "file ",
     "SELECT id FROM imports WHERE id NOT IN (SELECT ref_id FROM ledger WHERE kind = "
     "'import') ORDER BY id LIMIT 1"},
};

static int kind_of(const char *name) {
  for (int k = 0; k < K_KINDS; k++)
    if (name && !strcmp(name, KINDS[k].name)) return k;
  return K_EVENT;
}

static void sha_hex(const char *a, size_t alen, const char *b, size_t blen, char out[65]) {
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  out[0] = '\0';
  if (!c) return;
  if (EVP_DigestInit_ex(c, EVP_sha256(), NULL) && EVP_DigestUpdate(c, a, alen) &&
      EVP_DigestUpdate(c, "\n", 1) && EVP_DigestUpdate(c, b, blen) && EVP_DigestFinal_ex(c, md, &n) &&
      n == 32)
    hd_sha256_digits(md, out);
  EVP_MD_CTX_free(c);
}

/* "event 12 (case SQ-2026-0021)" / "document 7 (/path)" / "import 2 (file batch.csv)" */
/* Only for messages: made when an entry is found wrong, not for every entry walked. */
static const char *describe(sqlite3 *db, int k, long long id, char *out, size_t size) {
  sqlite3_stmt *st;
  hd_snprintf(out, size, "%s %lld", KINDS[k].name, id);
  if (sqlite3_prepare_v2(db, KINDS[k].describe_sql, -1, &st, NULL) != SQLITE_OK) return out;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW)
    hd_snprintf(out, size, "%s %lld (%s%s)", KINDS[k].name, id, KINDS[k].prefix,
                (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

int chain_verify(sqlite3 *db, hd_chain_report *rep, hd_err *err) {
  sqlite3_stmt *st = NULL, *row[K_KINDS] = {NULL};
  rep->entries = 0;
  rep->head[0] = '\0';
  rep->bad_seq = 0;
  int prc = store_prepare(db, "SELECT seq, kind, ref_id, payload, prev_hash, hash FROM ledger "
                          "ORDER BY seq", &st, err);
  for (int k = 0; k < K_KINDS && !prc; k++) prc = store_prepare(db, KINDS[k].payload_sql, &row[k], err);
  if (prc) {
    sqlite3_finalize(st);
    for (int k = 0; k < K_KINDS; k++) sqlite3_finalize(row[k]);
    return HD_EDB;
  }
  char prev[65], h[65], what[600];
  memcpy(prev, ZERO, sizeof prev);
  long long last_seq = 0;
  int rc = HD_OK;
  while (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
    long long seq = sqlite3_column_int64(st, 0);
    const char *kind = (const char *)sqlite3_column_text(st, 1);
    long long ref = sqlite3_column_int64(st, 2);
    const char *payload = (const char *)sqlite3_column_text(st, 3);
    size_t plen = (size_t)sqlite3_column_bytes(st, 3);
    const char *link = (const char *)sqlite3_column_text(st, 4);
    const char *hash = (const char *)sqlite3_column_text(st, 5);
    int kk = kind_of(kind);
    rep->bad_seq = seq;
    if (seq == last_seq + 2)
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld is missing (deleted)", last_seq + 1);
    else if (seq != last_seq + 1)
      rc = hd_err_set(err, HD_EDATA, "ledger entries %lld to %lld are missing (deleted)",
                      last_seq + 1, seq - 1);
    else if (!link || strcmp(link, prev) != 0)
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld (%s): its link to entry %lld is broken "
                      "(an entry was changed, inserted or moved there)", seq,
                      describe(db, kk, ref, what, sizeof what), seq - 1);
    else if (sha_hex(prev, 64, payload ? payload : "", plen, h), !hash || strcmp(h, hash) != 0)
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld (%s) was edited: its hash does not match "
                      "its content", seq, describe(db, kk, ref, what, sizeof what));
    else {
      sqlite3_stmt *r = row[kk];
      sqlite3_reset(r);
      sqlite3_bind_int64(r, 1, ref);
      if (sqlite3_step(r) != SQLITE_ROW)
        rc = hd_err_set(err, HD_EDATA, "ledger entry %lld: %s %lld it records was deleted", seq,
                        KINDS[kk].name, ref);
      else if (strcmp((const char *)sqlite3_column_text(r, 0), payload) != 0)
        rc = hd_err_set(err, HD_EDATA, "ledger entry %lld: %s was edited after it was recorded: "
                        "now %s, recorded %s", seq, describe(db, kk, ref, what, sizeof what),
                        (const char *)sqlite3_column_text(r, 0), payload);
    }
    if (rc) break;
    memcpy(prev, hash, 65);
    last_seq = seq;
    rep->entries++;
  }
  sqlite3_finalize(st);
  for (int k = 0; k < K_KINDS; k++) sqlite3_finalize(row[k]);
  if (rc) return rc;
  rep->bad_seq = 0;
  hd_snprintf(rep->head, sizeof rep->head, "%s", rep->entries ? prev : "");
  /* Rows the chain does not hold were added outside hdreg. */
  for (int k = 0; k < K_KINDS && rc == HD_OK; k++) {
    if (store_prepare(db, KINDS[k].outside_sql, &st, err)) return HD_EDB;
    if (sqlite3_step(st) == SQLITE_ROW) {
      describe(db, k, sqlite3_column_int64(st, 0), what, sizeof what);
      rc = hd_err_set(err, HD_EDATA, "%s is not in the ledger: it was added outside hdreg, or its "
                      "entry, the last, was deleted", what);
    }
    sqlite3_finalize(st);
  }
  return rc;
}

int chain_show(sqlite3 *db, long long case_id, FILE *out, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db,
                    "SELECT l.seq, l.kind, l.hash, e.at, c.number, e.from_status, e.to_status, "
                    "e.actor, e.reason, d.created_date, d.kind, d.path, d.sha256, "
                    "coalesce(c2.number, ''), i.at, i.file, i.encoding, i.cases, i.sha256 "
                    "FROM ledger l "
                    "LEFT JOIN case_events e ON l.kind = 'event' AND e.id = l.ref_id "
                    "LEFT JOIN cases c ON c.id = e.case_id "
                    "LEFT JOIN documents d ON l.kind = 'document' AND d.id = l.ref_id "
                    "LEFT JOIN cases c2 ON c2.id = d.case_id "
                    "LEFT JOIN imports i ON l.kind = 'import' AND i.id = l.ref_id "
                    "WHERE ?1 = 0 OR e.case_id = ?1 OR d.case_id = ?1 OR "
                    "i.id = (SELECT import_id FROM cases WHERE id = ?1) ORDER BY l.seq",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *kind = (const char *)sqlite3_column_text(st, 1);
    fprintf(out, "%6lld  %.12s  ", (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 2));
    if (strcmp(kind, "event") == 0)
      fprintf(out, "%s  %s  %s -> %s  %s：%s\n", sqlite3_column_text(st, 3),
              sqlite3_column_text(st, 4), sqlite3_column_text(st, 5), sqlite3_column_text(st, 6),
              sqlite3_column_text(st, 7), sqlite3_column_text(st, 8));
    else if (strcmp(kind, "import") == 0)
      fprintf(out, "%s  import  %s  %s, %lld cases  sha256 %.16s…\n", sqlite3_column_text(st, 14),
              sqlite3_column_text(st, 15), sqlite3_column_text(st, 16),
              (long long)sqlite3_column_int64(st, 17), sqlite3_column_text(st, 18));
    else
      fprintf(out, "%s  %s  %s  %s  sha256 %.16s…\n", sqlite3_column_text(st, 9),
              sqlite3_column_text(st, 13), sqlite3_column_text(st, 10), sqlite3_column_text(st, 11),
              sqlite3_column_text(st, 12));
  }
  sqlite3_finalize(st);
  return HD_OK;
}

int chain_sign_head(sqlite3 *db, const struct hd_signer *s, const char *date, int *signed_now,
                    hd_err *err) {
  sqlite3_stmt *st;
  *signed_now = 0;
  if (store_prepare(db, "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1", &st, err))
    return HD_EDB;
  long long seq = 0;
  char head[65] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    seq = sqlite3_column_int64(st, 0);
    hd_snprintf(head, sizeof head, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  if (!seq) return HD_OK;
  if (store_prepare(db, "SELECT count(*) FROM ledger_heads WHERE seq = ?1 AND head = ?2", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_text(st, 2, head, -1, SQLITE_STATIC);
  int have = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
  sqlite3_finalize(st);
  if (have) return HD_OK;
  char text[128], sig[128];
  hd_snprintf(text, sizeof text, "HDREG-LEDGER:%lld:%s", seq, head);
  if (sign_text(s, text, sig, sizeof sig))
    return hd_err_set(err, HD_EUSAGE, "the keys directory has no QR key (authority-qr.key) to sign the ledger head with");
  if (store_prepare(db, "INSERT INTO ledger_heads(at, seq, head, signature) VALUES (?1, ?2, ?3, ?4)",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, seq);
  sqlite3_bind_text(st, 3, head, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, sig, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st) == SQLITE_DONE ? HD_OK
                                           : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  if (rc == HD_OK) *signed_now = 1;
  return rc;
}

int chain_verify_heads(sqlite3 *db, const char *keys_dir, long long *n_heads, hd_err *err) {
  sqlite3_stmt *st;
  *n_heads = 0;
  if (store_prepare(db, "SELECT h.at, h.seq, h.head, h.signature, l.hash FROM ledger_heads h "
                        "LEFT JOIN ledger l ON l.seq = h.seq ORDER BY h.id", &st, err))
    return HD_EDB;
  int rc = HD_OK;
  while (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
    const char *at = (const char *)sqlite3_column_text(st, 0);
    long long seq = sqlite3_column_int64(st, 1);
    const char *head = (const char *)sqlite3_column_text(st, 2);
    const char *sig = (const char *)sqlite3_column_text(st, 3);
    const char *now = (const char *)sqlite3_column_text(st, 4);
    char text[128];
    hd_snprintf(text, sizeof text, "HDREG-LEDGER:%lld:%s", seq, head);
    int v = verify_text(keys_dir, text, strlen(text), sig);
    if (v < 0) rc = hd_err_set(err, HD_EUSAGE, "no QR key in '%s' (authority-qr.pub)", keys_dir);
    else if (!v)
      rc = hd_err_set(err, HD_EDATA, "the head signed on %s (entry %lld) does not carry the "
                      "register's signature", at, seq);
    else if (!now || strcmp(now, head) != 0)
      rc = hd_err_set(err, HD_EDATA, "the head signed on %s (entry %lld) is %s in the chain: the "
                      "chain was rewritten", at, seq, now ? "not what it was" : "no longer");
    else (*n_heads)++;
  }
  sqlite3_finalize(st);
  return rc;
}
