/* register.c: checkpoints and proofs of the register (register.h). */
#include "ledger/register.h"

#include <json-c/json.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "pdf/sign.h"
#include "store/rowlog.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/fault.h"
#include "util/fsutil.h"

int register_origin(sqlite3 *db, char *out, size_t size, hd_err *err) {
  char *v = NULL;
  if (store_setting(db, "register_origin", &v, err)) return err->code;
  int ok = *v && !strpbrk(v, " \t\n") && hd_snprintf(out, size, "%s", v) >= 0;
  if (!ok) hd_err_set(err, HD_EDATA, "setting 'register_origin': '%s' is not a checkpoint origin "
                      "(one word, no spaces)", v);
  free(v);
  return ok ? HD_OK : HD_EDATA;
}

void register_audit_free(hd_audit *a) { chain_report_free(&a->chain); }

/* How many checkpoints this register has published (counter checkpoints_published, on the
 * chain like every counter; none before it existed). */
static long long published_count(sqlite3 *db) {
  char *v = store_text(db, "SELECT value FROM counters WHERE name = 'checkpoints_published'", 0);
  long long n = v ? strtoll(v, NULL, 10) : 0;
  free(v);
  return n;
}

/* The notes of checkpoints, each signed with keys_dir's QR key for this register. */
static int signed_checkpoints(sqlite3 *db, const char *checkpoints, int missing_ok,
                              const char *keys_dir, hd_checkpoint **cp, int *n, hd_err *err) {
  char origin[256];
  unsigned char pub[32];
  *cp = NULL;
  *n = 0;
  if (!keys_dir) return hd_err_set(err, HD_EUSAGE, "checking checkpoints needs --keys (authority-qr.pub)");
  if (qr_public_load(keys_dir, pub))
    return hd_err_set(err, HD_EUSAGE, "no QR key in '%s' (authority-qr.pub)", keys_dir);
  int rc = register_origin(db, origin, sizeof origin, err);
  if (rc == HD_OK) rc = checkpoints_read(checkpoints, missing_ok, cp, n, err);
  if (rc == HD_OK) rc = checkpoints_verify(*cp, *n, checkpoints, origin, pub, err);
  if (rc != HD_OK) {
    checkpoints_free(*cp, *n);
    *cp = NULL;
    *n = 0;
  }
  return rc;
}

/* Whether note i repeats an earlier note of the file byte for byte (its signed text and
 * its signatures): the same note appended twice — a rerun, a copy concatenated — is one
 * checkpoint published, counted once. Sizes never decrease (checkpoints_verify), so only
 * the notes of the same size before it can be the same. */
static int repeated_note(const hd_checkpoint *c, int i) {
  for (int j = i - 1; j >= 0 && c[j].size == c[i].size; j--)
    if (c[j].body_len == c[i].body_len && !memcmp(c[j].body, c[i].body, c[i].body_len) &&
        !strcmp(c[j].sigs ? c[j].sigs : "", c[i].sigs ? c[i].sigs : ""))
      return 1;
  return 0;
}

int register_audit(sqlite3 *db, const char *checkpoints, int missing_ok, const char *keys_dir,
                   int parallel, const char *integrity_path, hd_audit *a, hd_err *err) {
  memset(a, 0, sizeof *a);
  hd_buf_init(&a->chain.list, 1 << 20);
  hd_checkpoint *cp = NULL;
  int n = 0, rc = HD_OK;
  if (checkpoints) {
    if ((rc = signed_checkpoints(db, checkpoints, missing_ok, keys_dir, &cp, &n, err))) return rc;
    /* A file deleted, emptied or cut back would let the night start the published history
     * anew (and a bank be shown a shorter one): the register knows how many it published. */
    long long published = published_count(db);
    int distinct = 0;
    for (int i = 0; i < n; i++) distinct += !repeated_note(cp, i);
    if (distinct < published) {
      checkpoints_free(cp, n);
      return hd_err_set(err, HD_EDATA, "'%s' holds %d checkpoint%s, but this register has published "
                        "%lld: the file was removed or cut back; restore it from the published copy "
                        "(hdreg ledger verify --checkpoints checks it)", checkpoints, distinct,
                        distinct == 1 ? "" : "s", published);
    }
  }
  long long *sizes = n > 0 ? malloc((size_t)n * sizeof *sizes) : NULL;
  unsigned char (*roots)[32] = n > 0 ? malloc((size_t)n * 32) : NULL;
  if (n && (!sizes || !roots)) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  for (int i = 0; i < n && !rc; i++) sizes[i] = cp[i].size;
  hd_buf_release(&a->chain.list);
  hd_chain_opts o = {sizes, n, roots, 0, parallel, integrity_path};
  if (!rc) rc = chain_verify(db, &o, &a->chain, err);
  /* A broken chain says where; rows changed past hdreg are listed. The checkpoints are
   * checked whenever the chain itself holds (rows or not). */
  if ((rc == HD_OK || (rc == HD_EDATA && !a->chain.bad_seq)) && n) {
    int row_rc = rc;
    hd_err cerr;
    hd_err_clear(&cerr);
    long long good = 0;
    int bad = 0;
    for (int i = 0; i < n && !bad; i++) {
      const hd_checkpoint *c = &cp[i];
      char when[64];
      hd_snprintf(when, sizeof when, "%s%s", *c->date ? "of " : "at line ", *c->date ? c->date : "");
      if (!*c->date) hd_snprintf(when, sizeof when, "at %s:%d", checkpoints, c->line);
      if (c->size > a->chain.entries) {
        hd_err_set(&cerr, HD_EDATA, "the register has %lld entries, fewer than the %lld the checkpoint "
                   "%s published (%s:%d): entries were removed", a->chain.entries, c->size, when,
                   checkpoints, c->line);
        bad = 1;
      } else if (memcmp(roots[i], c->root, 32) != 0) {
        hd_err_set(&cerr, HD_EDATA, "the register does not extend the checkpoint %s (%s:%d): its "
                   "first %lld entries are not the ones published: one or more of entries %lld to %lld were "
                   "rewritten",
                   when, checkpoints, c->line, c->size, good + 1, c->size);
        bad = 1;
      } else {
        good = c->size;
        a->checkpoints += !repeated_note(cp, i);
        a->last_size = c->size;
        hd_snprintf(a->last_date, sizeof a->last_date, "%s", c->date);
      }
    }
    if (bad) {
      /* A checkpoint not extended comes first: it is what a third party would see. */
      hd_buf l;
      hd_buf_init(&l, 1 << 20);
      hd_buf_printf(&l, "%s\n", cerr.msg);
      if (a->chain.list.len) hd_buf_add(&l, a->chain.list.p, a->chain.list.len);
      hd_buf_release(&a->chain.list);
      a->chain.list = l;
      *err = cerr;
      (void)row_rc;
      a->chain.problems++;
      rc = HD_EDATA;
    }
  }
  free(sizes);
  free(roots);
  checkpoints_free(cp, n);
  return rc;
}

/* The counter of checkpoints published set to n, the notes the file holds now (every one
 * signed and extended by the register: the audit said so), in its own transaction. */
static int count_published(sqlite3 *db, long long n, hd_err *err) {
  char sql[200];
  hd_snprintf(sql, sizeof sql, "INSERT INTO counters(name, value) VALUES ('checkpoints_published', "
              "%lld) ON CONFLICT(name) DO UPDATE SET value = excluded.value", n);
  int rc = store_begin(db, err);
  if (rc == HD_OK && (rc = store_exec(db, sql, err)) == HD_OK) return store_commit(db, err);
  if (rc != HD_OK) store_rollback(db);
  return rc;
}

/* Whether the register holds nothing since its last checkpoint but that checkpoint's
 * count: a night run again (or one that changed nothing) publishes nothing. */
static int nothing_new(sqlite3 *db, const hd_audit *a) {
  if (!a->checkpoints || a->chain.entries < a->last_size || a->chain.entries > a->last_size + 1) return 0;
  if (a->chain.entries == a->last_size) return 1;
  static const char COUNT[] = "[\"row\",\"counters\",\"checkpoints_published\",";
  char *p = store_text(db, "SELECT payload FROM ledger WHERE seq = ?1", a->chain.entries);
  int count = p && !strncmp(p, COUNT, sizeof COUNT - 1);
  free(p);
  return count;
}

int register_publish(sqlite3 *db, const struct hd_signer *s, const char *date,
                     const char *checkpoints, const hd_audit *a, int *published, hd_err *err) {
  *published = 0;
  /* A night killed between a note and its count left the file ahead of the counter:
   * nothing new to publish, but the note is counted now, or the file could later lose
   * it unnoticed. */
  if (nothing_new(db, a))
    return a->checkpoints > published_count(db) ? count_published(db, a->checkpoints, err) : HD_OK;
  char origin[256];
  if (register_origin(db, origin, sizeof origin, err)) return err->code;
  hd_buf note;
  hd_buf_init(&note, 4096);
  int rc = checkpoint_note(s, origin, a->chain.entries, a->chain.root, date, &note, err);
  /* The note first, then the count: a crash between leaves the file one ahead, which
   * the next audit accepts; the other order would refuse a file that is whole. */
  if (rc == HD_OK) rc = checkpoints_append(checkpoints, note.p, note.len, err);
  hd_buf_release(&note);
  if (rc == HD_OK && hd_fault("crash-after-checkpoint")) raise(SIGKILL); /* tests: kill -9 */
  if (rc == HD_OK) rc = count_published(db, a->checkpoints + 1, err);
  *published = rc == HD_OK;
  return rc;
}

int register_adopt(sqlite3 *db, const char *date, const char *by, const char *reason,
                   hd_audit *a, hd_err *err) {
  memset(a, 0, sizeof *a);
  hd_buf_init(&a->chain.list, 1 << 20);
  hd_chain_report probe;
  /* First count them, to say how many the adopting entry accepts. */
  int rc = chain_verify(db, NULL, &probe, err);
  int n = probe.problems;
  chain_report_free(&probe);
  if (rc == HD_EDATA && probe.schema_problems) {
    hd_err_clear(err);
    return hd_err_set(err, HD_EDATA, "the database's schema is not hdreg's (hdreg ledger verify says "
                      "how): adopt accepts changed rows, not a changed schema; restore it first");
  }
  if (rc != HD_OK && (rc != HD_EDATA || probe.bad_seq || !n)) return rc;
  hd_err_clear(err);
  if (!n) return HD_OK;
  json_object *e = json_object_new_array();
  json_object_array_add(e, json_object_new_string("adopt"));
  json_object_array_add(e, json_object_new_string(date));
  json_object_array_add(e, json_object_new_string(by));
  json_object_array_add(e, json_object_new_string(reason));
  json_object_array_add(e, json_object_new_int(n));
  const char *text = json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  rc = store_begin(db, err);
  if (rc == HD_OK) rc = rowlog_append(db, "adopt", NULL, n, text, strlen(text), err);
  json_object_put(e);
  hd_buf_release(&a->chain.list);
  hd_chain_opts o = {NULL, 0, NULL, 1, 0, NULL};
  if (rc == HD_OK) rc = chain_verify(db, &o, &a->chain, err);
  if (rc == HD_OK) return store_commit(db, err);
  store_rollback(db);
  return rc;
}

static void be64(hd_buf *b, unsigned long long v) {
  unsigned char x[8];
  for (int i = 7; i >= 0; i--, v >>= 8) x[i] = (unsigned char)v;
  hd_buf_add(b, x, 8);
}

/* The document entry of a certificate: the first entry whose payload records its
 * documents row (the PDF's SHA-256), legacy or row form. */
static int document_entry(sqlite3 *db, const char *number, long long *seq, char **payload,
                          hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT d.id, d.sha256 FROM certificates c JOIN documents d ON "
                        "d.certificate_id = c.id AND d.kind = 'certificate' WHERE c.number = ?1",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
  long long doc = 0;
  char sha[65] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    doc = sqlite3_column_int64(st, 0);
    hd_snprintf(sha, sizeof sha, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  if (!doc) return hd_err_set(err, HD_EDATA, "certificate '%s' is not in the register (or not yet issued)", number);
  if (store_prepare(db, "SELECT seq, payload FROM ledger WHERE (kind = 'row' AND tbl = 'documents' "
                        "AND ref_id = ?1) OR (kind = 'document' AND ref_id = ?1) ORDER BY seq", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, doc);
  *seq = 0;
  *payload = NULL;
  while (!*seq && sqlite3_step(st) == SQLITE_ROW) {
    const char *p = (const char *)sqlite3_column_text(st, 1);
    /* The entry must name the document's hash, whatever its tbl and ref_id columns say. */
    if (p && strstr(p, sha)) {
      *seq = sqlite3_column_int64(st, 0);
      *payload = hd_strdup(p);
    }
  }
  sqlite3_finalize(st);
  if (!*seq) return hd_err_set(err, HD_EDATA, "certificate '%s': no entry of the register records its document", number);
  return *payload ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
}

static int write_proof(const char *out, hd_buf *b, hd_proof_info *info, hd_err *err) {
  if (!b->p) return hd_err_set(err, HD_ENOMEM, "out of memory");
  info->bytes = (long)b->len;
  return hd_write_atomic(out, b->p, b->len, err);
}

int register_prove(sqlite3 *db, const char *number, long long seq, const char *checkpoints,
                   const char *keys_dir, const char *out, hd_proof_info *info, hd_err *err) {
  memset(info, 0, sizeof *info);
  char *payload = NULL;
  hd_checkpoint *cp = NULL;
  int n = 0, rc = HD_OK;
  if (number) {
    rc = document_entry(db, number, &seq, &payload, err);
  } else if (!(payload = store_text(db, "SELECT payload FROM ledger WHERE seq = ?1", seq))) {
    rc = hd_err_set(err, HD_EDATA, "the register has no entry %lld", seq);
  }
  if (rc == HD_OK) rc = signed_checkpoints(db, checkpoints, 0, keys_dir, &cp, &n, err);
  const hd_checkpoint *c = NULL;
  for (int i = n - 1; rc == HD_OK && i >= 0 && !c; i--)
    if (cp[i].size >= seq) c = &cp[i];
  if (rc == HD_OK && !c)
    rc = hd_err_set(err, HD_EDATA, "%s%s%sentry %lld of the register comes after the last "
                    "published checkpoint (%lld entries): the next night's checkpoint covers it",
                    number ? "certificate '" : "", number ? number : "", number ? "' is " : "",
                    seq, n ? cp[n - 1].size : 0LL);
  unsigned char (*leaves)[32] = NULL;
  if (rc == HD_OK) rc = chain_leaves(db, c->size, &leaves, err);
  unsigned char root[32], path[HD_MERKLE_MAXPATH][32];
  int count = 0;
  if (rc == HD_OK) {
    merkle_root(leaves, c->size, root);
    if (memcmp(root, c->root, 32) != 0)
      rc = hd_err_set(err, HD_EDATA, "the register does not extend the checkpoint of %s (%s:%d): "
                      "run hdreg ledger verify --checkpoints", c->date, checkpoints, c->line);
  }
  if (rc == HD_OK && merkle_path(leaves, c->size, seq - 1, path, &count))
    rc = hd_err_set(err, HD_EINTERNAL, "no path to entry %lld", seq);
  size_t plen = payload ? strlen(payload) : 0;
  if (rc == HD_OK && plen > 65535) rc = hd_err_set(err, HD_EDATA, "the entry is too long for a proof");
  if (rc == HD_OK) {
    hd_buf b;
    hd_buf_init(&b, 1 << 20);
    hd_buf_add(&b, "HDIP1", 5);
    be64(&b, (unsigned long long)c->size);
    be64(&b, (unsigned long long)(seq - 1));
    unsigned char l2[2] = {(unsigned char)(plen >> 8), (unsigned char)plen}, cnt = (unsigned char)count;
    hd_buf_add(&b, l2, 2);
    hd_buf_add(&b, payload, plen);
    hd_buf_add(&b, &cnt, 1);
    for (int i = 0; i < count; i++) hd_buf_add(&b, path[i], 32);
    info->seq = seq;
    info->size = c->size;
    info->hashes = count;
    hd_snprintf(info->date, sizeof info->date, "%s", c->date);
    rc = write_proof(out, &b, info, err);
    hd_buf_release(&b);
  }
  free(leaves);
  free(payload);
  checkpoints_free(cp, n);
  return rc;
}

int register_consistency(sqlite3 *db, long long old_size, long long new_size, const char *out,
                         hd_proof_info *info, hd_err *err) {
  memset(info, 0, sizeof *info);
  if (old_size < 0 || old_size > new_size)
    return hd_err_set(err, HD_EUSAGE, "OLD must be a tree size from 0 to NEW");
  unsigned char (*leaves)[32] = NULL;
  int rc = chain_leaves(db, new_size, &leaves, err);
  unsigned char path[HD_MERKLE_MAXPATH][32];
  int count = 0;
  if (rc == HD_OK && merkle_consistency(leaves, new_size, old_size, path, &count))
    rc = hd_err_set(err, HD_EINTERNAL, "no consistency proof from %lld to %lld", old_size, new_size);
  if (rc == HD_OK) {
    hd_buf b;
    hd_buf_init(&b, 1 << 20);
    hd_buf_add(&b, "HDCP1", 5);
    be64(&b, (unsigned long long)old_size);
    be64(&b, (unsigned long long)new_size);
    unsigned char cnt = (unsigned char)count;
    hd_buf_add(&b, &cnt, 1);
    for (int i = 0; i < count; i++) hd_buf_add(&b, path[i], 32);
    info->size = new_size;
    info->hashes = count;
    rc = write_proof(out, &b, info, err);
    hd_buf_release(&b);
  }
  free(leaves);
  return rc;
}
