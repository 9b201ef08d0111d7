/* run.c: certificate issuance for one run date (run.h). */
#include "util/format.h"
#include "util/clock.h"
#include "procedure/run.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks/uscc.h"
#include "layout/certificate.h"
#include "ledger/ledger.h"
#include "pdf/sign.h"
#include "procedure/dockinds.h"
#include "procedure/intake.h"
#include "procedure/pool.h"
#include "procedure/procedure.h"
#include "model/case.h"
#include "model/certrecord.h"
#include "model/grounds.h"
#include "procedure/certnum.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "util/date.h"
#include "util/fault.h"
#include "util/fsutil.h"

void run_report_release(hd_run_report *rep) {
  if (!rep) return;
  problems_release(rep->problems, rep->n_problems);
  rep->problems = NULL;
  rep->n_problems = 0;
  for (int i = 0; i < rep->n_issued_list; i++) {
    free(rep->issued_list[i].case_number);
    free(rep->issued_list[i].number);
    free(rep->issued_list[i].path);
    free(rep->issued_list[i].replaces);
  }
  free(rep->issued_list);
  rep->issued_list = NULL;
  rep->n_issued_list = 0;
}

static void problem(hd_run_report *rep, const char *case_number, const char *msg) {
  problems_add(&rep->problems, &rep->n_problems, case_number, "", msg);
}

#define CASE_OF_CERT "SELECT k.number FROM certificates c JOIN cases k ON k.id = c.case_id WHERE c.id = ?1"

/* ---- 5.2.1 field values from a case ------------------------------------------------ */

typedef struct fields {
  int version;              /* the record version the fields were frozen under */
  char *v[HD_CERT_FIELDS];  /* the version's fields, in table order */
  /* printed beside them (certificate_print, schema v10; NULL for a certificate issued
   * before): the type's name, the certificate replaced or licensed from, the supervising
   * department of 5.2.2 a */
  char *reg_type, *replaces, *supervisor;
  char *lookup_base;        /* the public lookup its QR code points to (v13; NULL: none) */
} fields;

static void fields_release(fields *f) {
  for (int i = 0; i < HD_CERT_FIELDS; i++) free(f->v[i]);
  free(f->reg_type);
  free(f->replaces);
  free(f->supervisor);
  free(f->lookup_base);
}

/* Build the values; on a data problem returns HD_EDATA with *bad the field index. */
static int build_fields(const hd_case *c, const char *authority, hd_date reg, hd_date until,
                        fields *f, int *bad, hd_err *err) {
  hd_buf holders, codes, rights, limits;
  int rc = HD_OK;
  hd_buf_init(&holders, 0);
  hd_buf_init(&codes, 0);
  hd_buf_init(&rights, 0);
  hd_buf_init(&limits, 0);
  memset(f, 0, sizeof *f);
  *bad = -1;
  if (c->n_rights == 0) {
    *bad = HD_CF_HOLDER;
    rc = hd_err_set(err, HD_EDATA, "no right has a holder (clause 5.1.2)");
    goto cleanup;
  }
  /* Distinct holders in the order of the rights. */
  int n_holders = 0;
  for (int i = 0; i < c->n_rights; i++) {
    int seen = 0;
    for (int k = 0; k < i; k++) seen |= c->rights[k].holder.id == c->rights[i].holder.id;
    if (seen) continue;
    const hd_subject *h = &c->rights[i].holder;
    hd_uscc_report r;
    if (hd_uscc_validate(h->uscc, 0, &r) != HD_USCC_OK) {
      *bad = HD_CF_USCC;
      rc = hd_err_set(err, HD_EDATA, "holder '%s' code '%s': %s", h->name, h->uscc ? h->uscc : "",
                      r.message);
      goto cleanup;
    }
    if (n_holders++) {
      hd_buf_adds(&holders, "\n");
      hd_buf_adds(&codes, "\n");
    }
    hd_buf_adds(&holders, h->name ? h->name : "");
    hd_buf_adds(&codes, r.code);
  }
  int same_limits = 1, any_limits = 0;
  for (int i = 0; i < c->n_rights; i++) {
    const hd_right *r = &c->rights[i];
    const char *rn = case_right_name(r->kind);
    int has = r->restrictions && *r->restrictions;
    any_limits |= has;
    if (i > 0) {
      const char *a = c->rights[0].restrictions ? c->rights[0].restrictions : "";
      const char *b = r->restrictions ? r->restrictions : "";
      same_limits &= strcmp(a, b) == 0;
    }
    if (n_holders == 1) {
      int dup = 0;
      for (int k = 0; k < i; k++) dup |= strcmp(c->rights[k].kind, r->kind) == 0;
      if (!dup) hd_buf_printf(&rights, "%s%s", rights.len ? "、" : "", rn);
    } else {
      hd_buf_printf(&rights, "%s%s：%s", rights.len ? "\n" : "", rn, r->holder.name);
    }
  }
  if (!any_limits) hd_buf_adds(&limits, "无");
  else if (same_limits) hd_buf_adds(&limits, c->rights[0].restrictions);
  else
    for (int i = 0; i < c->n_rights; i++) {
      const hd_right *r = &c->rights[i];
      hd_buf_printf(&limits, "%s%s：%s", limits.len ? "\n" : "", case_right_name(r->kind),
                    r->restrictions && *r->restrictions ? r->restrictions : "无");
    }
  char scale[128], d1[32], d2[32], validity[80];
  hd_scale_text(c->resource.scale_records, c->resource.scale_bytes, scale, sizeof scale);
  hd_date_cn(reg, d1);
  hd_date_cn(until, d2);
  hd_snprintf(validity, sizeof validity, "%s至%s", d1, d2);
  f->v[HD_CF_NUMBER] = NULL; /* set by the caller */
  f->v[HD_CF_HOLDER] = hd_buf_steal(&holders);
  f->v[HD_CF_USCC] = hd_buf_steal(&codes);
  f->v[HD_CF_RIGHTS] = hd_buf_steal(&rights);
  f->v[HD_CF_LIMITS] = hd_buf_steal(&limits);
  f->v[HD_CF_NAME] = hd_strdup(c->resource.name ? c->resource.name : "");
  f->v[HD_CF_SOURCE] = hd_strdup(c->resource.source ? c->resource.source : "");
  f->v[HD_CF_SCALE] = hd_strdup(scale);
  f->v[HD_CF_AUTHORITY] = hd_strdup(authority);
  f->v[HD_CF_DATE] = hd_strdup(d1);
  f->v[HD_CF_VALIDITY] = hd_strdup(validity);
  f->version = HD_CERT_RECORD_VERSION;
  for (int i = 1; i < HD_CERT_FIELDS && rc == HD_OK; i++)
    if (!f->v[i]) rc = hd_err_set(err, HD_ENOMEM, "out of memory (field '%s')", HD_CERT_FIELD[i].label);
cleanup:
  hd_buf_release(&holders);
  hd_buf_release(&codes);
  hd_buf_release(&rights);
  hd_buf_release(&limits);
  if (rc) fields_release(f);
  return rc;
}

/* ---- rendering and writing ----------------------------------------------------------- */

typedef struct ctx {
  sqlite3 *db;
  const hd_fontset *fs;
  const hd_run_opts *o;
  hd_date date;
  hd_run_report *rep;
  char cert_dir[4096];
  /* settings, read once per run */
  char *authority, *pattern, *region, *supervisor;
  const char *lookup_base; /* the QR codes point to it (hd_run_opts) */
  long years;
  int validate_only;  /* allocate only checks that the certificate fits (--jobs > 1) */
  char ended[400];    /* set by valid_until: why the certificate's validity would have
                         ended before it is issued (the event's reason), else "" */
} ctx;

/* The frozen fields of certificate cert_id, with the record version their labels are
 * (certfields_version_of): a certificate frozen under an older version renders as it
 * was. */
static int load_frozen(sqlite3 *db, long long cert_id, fields *f, hd_err *err) {
  sqlite3_stmt *st;
  char *labels[HD_CERT_FIELDS] = {0};
  int n = 0, rc = HD_OK;
  memset(f, 0, sizeof *f);
  if (store_cached(db, "SELECT position, label, value FROM certificate_fields WHERE "
                       "certificate_id = ?1 ORDER BY position", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, cert_id);
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    int pos = sqlite3_column_int(st, 0);
    if (pos != n + 1 || n == HD_CERT_FIELDS) {
      rc = hd_err_set(err, HD_EDATA, "certificate %lld: field %d is out of place (%d fields "
                      "recorded in order from 1)", cert_id, pos, n);
      break;
    }
    labels[n] = store_col_text(st, 1);
    f->v[n++] = store_col_text(st, 2);
  }
  store_done(st);
  if (rc == HD_OK && s != SQLITE_DONE)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (rc == HD_OK && !(f->version = certfields_version_of((const char *const *)labels, n))) {
    int i = 0;
    while (i < n && labels[i] && !strcmp(labels[i], HD_CERT_FIELD[i].label)) i++;
    if (i < n)
      rc = hd_err_set(err, HD_EDATA, "certificate %lld: field %d '%s' is not '%s' of any "
                      "certificate record version", cert_id, i + 1, labels[i] ? labels[i] : "",
                      HD_CERT_FIELD[i].label);
    else
      rc = hd_err_set(err, HD_EDATA, "certificate %lld: field '%s' was not recorded", cert_id,
                      HD_CERT_FIELD[i < HD_CERT_FIELDS ? i : 0].label);
  }
  for (int i = 0; i < HD_CERT_FIELDS; i++) free(labels[i]);
  /* What was printed beside the fields when it was issued (none before schema v10). */
  if (rc == HD_OK && store_cached(db, "SELECT reg_type, replaces, supervisor, lookup_base FROM "
                                      "certificate_print WHERE certificate_id = ?1", &st, err))
    rc = HD_EDB;
  else if (rc == HD_OK) {
    sqlite3_bind_int64(st, 1, cert_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
      f->reg_type = store_col_text(st, 0);
      f->replaces = store_col_text(st, 1);
      f->supervisor = store_col_text(st, 2);
      f->lookup_base = store_col_text(st, 3);
    }
    store_done(st);
  }
  if (rc) fields_release(f);
  return rc;
}

static int render_fields(ctx *x, const fields *f, hd_date reg, unsigned char **pdf, size_t *len,
                         hd_err *err) {
  hd_cert_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.version = f->version;
  for (int i = 0; i < HD_CERT_FIELDS; i++) doc.values[i] = f->v[i];
  doc.reg_type = f->reg_type;
  doc.replaces = f->replaces;
  doc.supervisor = f->supervisor;
  doc.lookup_base = f->lookup_base;
  doc.registration_date = reg;
  doc.signer = x->o->signer;
  int bad = -1;
  int rc = cert_render(x->o->tmpl, x->fs, &doc, pdf, len, &bad, err);
  if (rc && bad >= 0) hd_err_prefix(err, "field '%s'", HD_CERT_FIELD[bad].label);
  return rc;
}

/* Lay out certificate cert_id from its frozen fields (unless ready holds it already),
 * write it durably and hash it; reads through db (a worker's own connection with
 * --jobs), writes nothing to any database. */
static int issue_write(ctx *x, sqlite3 *db, long long cert_id, const unsigned char *ready,
                       size_t ready_len, char path[4400], char sha[65], size_t *len_out,
                       double *ms, hd_err *err) {
  sqlite3_stmt *st = NULL;
  fields f;
  unsigned char *pdf = NULL;
  size_t len = ready_len;
  char *number = NULL, *regdate = NULL;
  hd_date reg;
  int rc;
  *ms = 0;
  if ((rc = store_cached(db, "SELECT number, registration_date FROM certificates WHERE id = ?1",
                         &st, err)))
    return rc;
  sqlite3_bind_int64(st, 1, cert_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    number = store_col_text(st, 0);
    regdate = store_col_text(st, 1);
  }
  store_done(st);
  if (!number || !regdate || !hd_date_parse(regdate, &reg)) {
    rc = hd_err_set(err, HD_EDATA, "certificate %lld has a bad number or date", cert_id);
    goto cleanup;
  }
  if (!ready) {
    if ((rc = load_frozen(db, cert_id, &f, err))) goto cleanup;
    double t0 = hd_now_ms();
    rc = render_fields(x, &f, reg, &pdf, &len, err);
    *ms = hd_now_ms() - t0;
    fields_release(&f);
    if (rc) goto cleanup;
    ready = pdf;
  }
  if (x->o->signer) { /* the authority's signature, dated with the registration date */
    unsigned char *sp = NULL;
    size_t sl = 0;
    if ((rc = pdf_sign(x->o->signer, ready, len, regdate, "hdreg", &sp, &sl, err))) goto cleanup;
    free(pdf);
    pdf = sp;
    ready = sp;
    len = sl;
  }
  if (hd_sha256_hex(ready, len, sha)) {
    rc = hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
    goto cleanup;
  }
  if (hd_snprintf(path, 4400, "%s/%s.pdf", x->cert_dir, number) < 0) {
    rc = hd_err_set(err, HD_EIO, "output path too long");
    goto cleanup;
  }
  rc = hd_write_atomic(path, ready, len, err);
  *len_out = len;
cleanup:
  free(pdf);
  free(number);
  free(regdate);
  return rc;
}

/* Record the written certificate cert_id: the ledger row, the certificate issued, the
 * case certified (and a prior certificate superseded), in one transaction. On failure the
 * file is removed: a document the database does not know about must not stay behind. */
static int issue_record(ctx *x, long long cert_id, const char *path, const char *sha, size_t len,
                        hd_err *err) {
  sqlite3_stmt *st = NULL;
  long long case_id = 0, prior = 0;
  char *number = NULL;
  int rc;
  if ((rc = store_cached(x->db, "SELECT c.number, c.case_id, k.prior_certificate_id, k.reg_type "
                                "FROM certificates c JOIN cases k ON k.id = c.case_id WHERE "
                                "c.id = ?1", &st, err)))
    goto cleanup;
  sqlite3_bind_int64(st, 1, cert_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    number = store_col_text(st, 0);
    case_id = sqlite3_column_int64(st, 1);
    const char *type = (const char *)sqlite3_column_text(st, 3);
    int supersedes = type && (!strcmp(type, "change") || !strcmp(type, "transfer"));
    prior = supersedes ? sqlite3_column_int64(st, 2) : 0;
  }
  store_done(st);
  if (!number) {
    rc = hd_err_set(err, HD_EDB, "certificate %lld vanished", cert_id);
    goto cleanup;
  }
  if ((rc = store_begin(x->db, err))) goto cleanup;
  rc = ledger_record_certificate(x->db, case_id, cert_id, path, sha, len, x->o->date, err);
  if (rc == HD_OK) {
    if ((rc = store_cached(x->db,
                            "UPDATE certificates SET status = 'issued' WHERE id = ?1;", &st, err)) == HD_OK) {
      sqlite3_bind_int64(st, 1, cert_id);
      if (sqlite3_step(st) != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
      store_done(st);
    }
  }
  if (rc == HD_OK && (rc = store_cached(x->db,
                          "UPDATE cases SET decided_date = coalesce(decided_date, ?2) WHERE id = ?1",
                          &st, err)) == HD_OK) {
    sqlite3_bind_int64(st, 1, case_id);
    sqlite3_bind_text(st, 2, x->o->date, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
    store_done(st);
  }
  if (rc == HD_OK)
    rc = proc_move(x->db, case_id, "certified", "night", x->o->date, "hdreg run",
                   "公示期满无异议，发证", ledger_document_of(x->db, cert_id), err);
  if (rc == HD_OK && prior && (rc = store_cached(x->db,
                          "UPDATE certificates SET status = 'superseded', superseded_by = ?2 "
                          "WHERE id = ?1 AND status = 'issued'", &st, err)) == HD_OK) {
    sqlite3_bind_int64(st, 1, prior);
    sqlite3_bind_int64(st, 2, cert_id);
    if (sqlite3_step(st) != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
    store_done(st);
  }
  if (rc == HD_OK && hd_fault("commit"))
    rc = hd_err_set(err, HD_EDB, "database error: disk I/O error (injected fault)");
  if (rc == HD_OK) rc = store_commit(x->db, err);
  if (rc) sqlite3_exec(x->db, "ROLLBACK", NULL, NULL, NULL);
  else {
    x->rep->issued++;
    struct hd_issued *ni = realloc(x->rep->issued_list,
                                   (size_t)(x->rep->n_issued_list + 1) * sizeof *ni);
    if (ni) {
      x->rep->issued_list = ni;
      struct hd_issued *e = &ni[x->rep->n_issued_list++];
      e->case_number = store_text(x->db, CASE_OF_CERT, cert_id);
      e->number = hd_strdup(number);
      e->path = hd_strdup(path);
      e->replaces = prior ? store_text(x->db, "SELECT number FROM certificates WHERE id = ?1", prior)
                          : NULL;
      memcpy(e->sha256, sha, sizeof e->sha256);
    }
    x->rep->bytes += len;
  }
cleanup:
  if (rc) unlink(path);
  free(number);
  return rc;
}

/* Write and record certificate cert_id (in this process). */
static int issue(ctx *x, long long cert_id, hd_err *err) {
  char path[4400], sha[65];
  size_t len = 0;
  double ms;
  int rc = issue_write(x, x->db, cert_id, NULL, 0, path, sha, &len, &ms, err);
  x->rep->render_ms += ms;
  if (rc == HD_OK) rc = issue_record(x, cert_id, path, sha, len, err);
  return rc;
}

/* The licence's term on file for case K (an SQL expression over the alias K of its cases
 * row): per kind (contract, authorization) the latest end of its present materials (a
 * renewal supplied with 补正 outlasts the first; one without an end date has none; an
 * authorization the applicant issued itself is none), and of the kinds the earlier; NULL
 * when none ends. The check 5.1.4-license-transfer reads it the same way
 * (scripts/checks/5-registration.lua, licence_end). */
#define LICENCE_TERM(K)                                                                      \
  "(SELECT nullif(min(e), '9999-12-31') FROM (SELECT max(coalesce(m.valid_until, "           \
  "'9999-12-31')) AS e FROM materials m WHERE m.case_id = " K ".id AND m.kind IN ('contract', " \
  "'authorization') AND m.present = 1 AND (m.kind = 'contract' OR m.issuer_id IS NULL OR "    \
  "m.issuer_id <> " K ".applicant_id) GROUP BY m.kind))"

/* *until lowered to the earlier of columns 0 and 1 of st's row where a date is earlier;
 * *bound the column that bounds it (unchanged when neither is). */
static void earlier_of(sqlite3_stmt *st, hd_date *until, int *bound) {
  for (int i = 0; i < 2; i++) {
    hd_date d;
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (t && hd_date_parse(t, &d) && hd_date_to_days(d) < hd_date_to_days(*until)) {
      *until = d;
      *bound = i;
    }
  }
}

/* A licence's bound that has ended by the run date: x->ended (the event's reason) and
 * HD_EDATA saying which — bound 1 the licence (its contracts and authorizations), else the
 * certificate it is licensed from, base; renewal: the certificate would be a renewal's. */
static int licence_ended(ctx *x, int bound, hd_date until, const char *base, int renewal,
                         hd_err *err) {
  char end[11], cn[32];
  hd_date_iso(until, end);
  hd_date_cn(until, cn);
  const char *when = renewal ? "于续展证书发证前" : "于发证前";
  const char *which = renewal ? "renewed certificate" : "certificate";
  if (bound == 1) {
    hd_snprintf(x->ended, sizeof x->ended, "许可合同或授权书有效期至%s，%s届满，重新审核（5.1.3）",
                cn, when);
    return hd_err_set(err, HD_EDATA, "the licence ends before its %s would be issued (5.1.3): "
                      "its contract or authorization is valid until %s", which, end);
  }
  hd_snprintf(x->ended, sizeof x->ended, "许可所据的证书%s有效期至%s，%s届满，重新审核"
              "（5.1.3、5.2.1）", base, cn, when);
  return hd_err_set(err, HD_EDATA, "the licence ends before its %s would be issued (5.1.3): the "
                    "certificate it is licensed from, %s, is valid until %s", which, base, end);
}

/* A renewal's end (valid_until below): *until comes in as cert_validity_years from the run
 * date. When the renewed certificate is a licence certificate — its registration, back
 * through the changes, transfers and renewals that replaced it, was a licence — no later
 * than the licence on file (the renewal carries the contracts and authorizations over and
 * may supply new ones: per kind the latest end, of the kinds the earlier; an authorization
 * the applicant issued itself is none) nor the certificate it is licensed from, followed
 * to the one now in force for that right (5.1.3); a licensing certificate cancelled since
 * licenses nothing. A bound that has ended by the run date, or a cancelled one, is
 * HD_EDATA with x->ended set, as for a licence. */
static int renewal_until(ctx *x, const hd_case *c, hd_date *until, hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(x->db,
                   "WITH RECURSIVE back(cert, depth) AS (SELECT k.prior_certificate_id, 0 FROM "
                   " cases k WHERE k.id = ?1 UNION ALL SELECT r.prior_certificate_id, b.depth + 1 "
                   " FROM back b JOIN certificates p ON p.id = b.cert JOIN cases r ON r.id = "
                   " p.case_id WHERE r.reg_type IN ('change', 'transfer') AND b.depth < 64), "
                   "lic AS (SELECT r.prior_certificate_id AS base FROM back b JOIN certificates p "
                   " ON p.id = b.cert JOIN cases r ON r.id = p.case_id WHERE r.reg_type = "
                   " 'license' LIMIT 1), "
                   "fwd(cert, depth) AS (SELECT base, 0 FROM lic UNION ALL SELECT s.superseded_by, "
                   " f.depth + 1 FROM fwd f JOIN certificates s ON s.id = f.cert WHERE "
                   " s.superseded_by IS NOT NULL AND f.depth < 64) "
                   "SELECT b.valid_until, " LICENCE_TERM("k") ", b.number, b.status "
                   "FROM lic JOIN fwd ON 1 JOIN certificates b ON b.id = fwd.cert JOIN cases k ON "
                   "k.id = ?1 ORDER BY fwd.depth DESC LIMIT 1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, c->id);
  int bound = -1, cancelled = 0;
  char base[64] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    earlier_of(st, until, &bound);
    const char *n = (const char *)sqlite3_column_text(st, 2);
    hd_snprintf(base, sizeof base, "%s", n ? n : "");
    const char *status = (const char *)sqlite3_column_text(st, 3);
    cancelled = status && !strcmp(status, "cancelled");
  }
  store_done(st);
  if (cancelled) {
    hd_snprintf(x->ended, sizeof x->ended, "许可所据的证书%s已注销，续展证书无从颁发，重新审核"
                "（5.1.3、5.1.6）", base);
    return hd_err_set(err, HD_EDATA, "the certificate the renewed licence is licensed from, %s, "
                      "has been cancelled: it licenses nothing (5.1.3, 5.1.6)", base);
  }
  if (bound < 0 || hd_date_to_days(*until) >= hd_date_to_days(x->date)) return HD_OK;
  return licence_ended(x, bound, *until, base, 1, err);
}

/* The last day of a new certificate's validity (有效期限 of 5.2.1): cert_validity_years
 * from the run date for a first registration, and for a change that renews the
 * certificate (续展, cases.renewal: a change of the 有效期限 it records, 5.1.5, 6.4; applied
 * for while it was in force, so its end on the way is no reason to go back to review) —
 * bounded, for a licence certificate, as a licence is below. A transfer or change certificate replaces
 * the certificate of the same right (5.1.4, 5.1.5; 6.4 发新证): it ends when the replaced
 * one would have, not three years on, so that a transfer or change never lengthens a
 * right's registration. A licence certificate ends no later than the licence itself (the
 * valid_until of its contract or authorization, where given) and the certificate it is
 * licensed from, for a licensee cannot hold a right longer than the licensor keeps it
 * (5.1.3). A replaced or licensing certificate or a licence that has ended by the run date
 * is HD_EDATA naming it, with x->ended set to the reason the case goes back to review. */
static int valid_until(ctx *x, const hd_case *c, hd_date *until, hd_err *err) {
  sqlite3_stmt *st;
  char cn[32];
  x->ended[0] = '\0';
  *until = hd_date_period_end_years(x->date, (int)x->years);
  if (c->renewal) return renewal_until(x, c, until, err);
  if (!strcmp(c->reg_type, "transfer") || !strcmp(c->reg_type, "change")) {
    if (store_cached(x->db, "SELECT p.valid_until, p.number FROM cases k JOIN certificates p ON "
                            "p.id = k.prior_certificate_id WHERE k.id = ?1", &st, err))
      return HD_EDB;
    sqlite3_bind_int64(st, 1, c->id);
    char replaced[64] = "", end[11] = "";
    hd_date d;
    if (sqlite3_step(st) == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      const char *n = (const char *)sqlite3_column_text(st, 1);
      hd_snprintf(replaced, sizeof replaced, "%s", n ? n : "");
      if (t && hd_date_parse(t, &d)) {
        *until = d;
        hd_snprintf(end, sizeof end, "%s", t);
      }
    }
    store_done(st);
    if (*end && hd_date_to_days(*until) < hd_date_to_days(x->date)) {
      hd_date_cn(*until, cn);
      hd_snprintf(x->ended, sizeof x->ended, "所替换的证书%s有效期至%s，于发证前届满，重新审核"
                  "（5.1.4、5.1.5、5.2.1）", replaced, cn);
      return hd_err_set(err, HD_EDATA, "the certificate it replaces, %s, was valid until %s, "
                        "before its certificate would be issued: a %s keeps the replaced "
                        "certificate's validity (5.1.4, 5.1.5, 5.2.1)", replaced, end,
                        !strcmp(c->reg_type, "transfer") ? "转让登记" : "变更登记");
    }
    return HD_OK;
  }
  if (strcmp(c->reg_type, "license") != 0) return HD_OK;
  /* The licence's term on file (LICENCE_TERM) and the certificate it is licensed from. */
  if (store_cached(x->db, "SELECT p.valid_until, " LICENCE_TERM("k") ", p.number FROM cases k "
                          "JOIN certificates p ON p.id = k.prior_certificate_id WHERE k.id = ?1",
                   &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, c->id);
  int bound = -1; /* which ends first: 0 the certificate licensed from, 1 the licence */
  char base[64] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    earlier_of(st, until, &bound);
    const char *n = (const char *)sqlite3_column_text(st, 2);
    hd_snprintf(base, sizeof base, "%s", n ? n : "");
  }
  store_done(st);
  if (hd_date_to_days(*until) < hd_date_to_days(x->date))
    return licence_ended(x, bound, *until, base, 0, err);
  return HD_OK;
}

/* Allocate a number for a due case, freeze its fields and render its certificate, in
 * one transaction: if the data cannot be printed (a character no font has, too long
 * for the page) the transaction is rolled back and the number was never taken. Once
 * committed, a number is never reused: if writing the document fails later, the
 * certificate stays 'pending' and the next run renders it again with the same number.
 * On success *pdf (caller frees) holds the rendered certificate. */
static int allocate(ctx *x, const hd_case *c, long long *cert_id, unsigned char **pdf,
                    size_t *len, hd_err *err) {
  const char *pattern = x->pattern, *region = x->region;
  fields f;
  int bad = -1, rc;
  char number[64];
  memset(&f, 0, sizeof f);
  *pdf = NULL;
  *len = 0;
  hd_date until;
  if ((rc = valid_until(x, c, &until, err)) ||
      (rc = build_fields(c, x->authority, x->date, until, &f, &bad, err)))
    goto cleanup;
  /* Printed beside the 5.2.1 fields and frozen with them (certificate_print): the type
   * (5.1), the certificate a change or transfer supersedes (6.4 g 发新证; 6.3) or a licence
   * is granted under (5.1.3), and the department that supervises the certificate's form
   * (5.2.2 a 由数据主管部门统一监制). */
  const char *tn = hd_reg_type_name(c->reg_type);
  f.reg_type = hd_strdup(tn ? tn : c->reg_type);
  if (c->prior_certificate && *c->prior_certificate) f.replaces = hd_strdup(c->prior_certificate);
  f.supervisor = hd_strdup(x->supervisor);
  if (x->lookup_base) f.lookup_base = hd_strdup(x->lookup_base);
  if (!f.reg_type || !f.supervisor || (c->prior_certificate && *c->prior_certificate && !f.replaces) ||
      (x->lookup_base && !f.lookup_base)) {
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto cleanup;
  }

  if ((rc = store_begin(x->db, err))) goto cleanup;
  long long serial = 0;
  sqlite3_stmt *st = NULL;
  rc = store_counter_next(x->db, "certificate_serial", &serial, err);
  if (!rc) rc = certnum_format(pattern, x->date, region, serial, number, sizeof number, err);
  if (!rc) {
    free(f.v[HD_CF_NUMBER]);
    f.v[HD_CF_NUMBER] = hd_strdup(number);
    char iso[11], until_iso[11];
    hd_date_iso(x->date, iso);
    hd_date_iso(until, until_iso);
    rc = store_cached(x->db, "INSERT INTO certificates(number, case_id, status, "
                              "registration_date, valid_until) VALUES (?1, ?2, 'pending', ?3, ?4)",
                       &st, err);
    if (!rc) {
      sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, 2, c->id);
      sqlite3_bind_text(st, 3, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 4, until_iso, -1, SQLITE_TRANSIENT);
      if (sqlite3_step(st) != SQLITE_DONE)
        rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
      store_done(st);
      st = NULL;
      *cert_id = sqlite3_last_insert_rowid(x->db);
    }
  }
  if (!rc) rc = store_cached(x->db, "INSERT INTO certificate_fields(certificate_id, position, "
                                     "label, value) VALUES (?1, ?2, ?3, ?4)", &st, err);
  for (int i = 0; !rc && i < certfields_count(f.version); i++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, *cert_id);
    sqlite3_bind_int(st, 2, i + 1);
    sqlite3_bind_text(st, 3, HD_CERT_FIELD[i].label, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f.v[i], -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
  }
  if (st) store_done(st);
  st = NULL;
  if (!rc && !(rc = store_cached(x->db, "INSERT INTO certificate_print(certificate_id, reg_type, "
                                        "replaces, supervisor, lookup_base) VALUES (?1, ?2, ?3, ?4, "
                                        "?5)", &st, err))) {
    sqlite3_bind_int64(st, 1, *cert_id);
    sqlite3_bind_text(st, 2, f.reg_type, -1, SQLITE_STATIC);
    if (f.replaces) sqlite3_bind_text(st, 3, f.replaces, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, 3);
    sqlite3_bind_text(st, 4, f.supervisor, -1, SQLITE_STATIC);
    if (f.lookup_base) sqlite3_bind_text(st, 5, f.lookup_base, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, 5);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(x->db));
    store_done(st);
  }
  if (!rc) {
    hd_cert_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.version = f.version;
    for (int i = 0; i < HD_CERT_FIELDS; i++) doc.values[i] = f.v[i];
    doc.reg_type = f.reg_type;
    doc.replaces = f.replaces;
    doc.supervisor = f.supervisor;
    doc.lookup_base = f.lookup_base;
    doc.registration_date = x->date;
    doc.signer = x->o->signer;
    double t0 = hd_now_ms();
    if (x->validate_only) rc = cert_validate(x->o->tmpl, x->fs, &doc, &bad, err);
    else rc = cert_render(x->o->tmpl, x->fs, &doc, pdf, len, &bad, err);
    x->rep->render_ms += hd_now_ms() - t0;
  }
  if (!rc) rc = store_commit(x->db, err);
  if (rc) {
    sqlite3_exec(x->db, "ROLLBACK", NULL, NULL, NULL);
    free(*pdf);
    *pdf = NULL;
  }
cleanup:
  if (rc && bad >= 0) hd_err_prefix(err, "field '%s'", HD_CERT_FIELD[bad].label);
  fields_release(&f);
  return rc;
}

static const char DUE_SQL[] =
    "SELECT c.id FROM cases c WHERE c.reg_type IN ('first','license','transfer','change')"
    "   AND c.status = 'notice' AND c.notice_end < ?1"
    "   AND NOT EXISTS (SELECT 1 FROM certificates x WHERE x.case_id = c.id)"
    "   AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.case_id = c.id AND o.status = 'open')"
    "   AND NOT " INTAKE_AWAITS_AUTHORITY_CANCEL("c") " ORDER BY c.id";
static const char HELD_SQL[] =
    "SELECT c.id FROM cases c WHERE c.reg_type IN ('first','license','transfer','change')"
    "   AND c.status = 'notice' AND c.notice_end < ?1"
    "   AND NOT EXISTS (SELECT 1 FROM certificates x WHERE x.case_id = c.id)"
    "   AND EXISTS (SELECT 1 FROM objections o WHERE o.case_id = c.id AND o.status = 'open')";
static const char PENDING_SQL[] =
    "SELECT id FROM certificates WHERE status = 'pending' AND registration_date <= ?1 ORDER BY id";
/* Certificates issued by hdreg on this date (imported ones have no document row). */
static const char SAME_DAY_SQL[] =
    "SELECT c.id FROM certificates c JOIN documents d ON d.certificate_id = c.id "
    "AND d.kind = 'certificate' WHERE c.status IN ('issued','superseded') "
    "AND c.registration_date = ?1 ORDER BY c.id";

/* A certificate issued earlier on this date: its file must be there with the recorded
 * hash. A missing file is rendered again from the frozen fields and must come out with
 * the same hash; a file that differs is reported, never overwritten. */
static int verify_same_day(ctx *x, long long cert_id, hd_err *err) {
  sqlite3_stmt *st;
  char *path = NULL, *sha = NULL;
  int rc = HD_OK;
  if (store_prepare(x->db, "SELECT path, sha256 FROM documents WHERE kind = 'certificate' AND "
                           "certificate_id = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, cert_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    path = store_col_text(st, 0);
    sha = store_col_text(st, 1);
  }
  sqlite3_finalize(st);
  if (!path || !sha) {
    free(path);
    free(sha);
    return hd_err_set(err, HD_EDATA, "issued certificate has no document record");
  }
  struct stat sb;
  if (stat(path, &sb) == 0) {
    char now[65];
    if ((rc = ledger_sha256_file(path, now, err)) == HD_OK) {
      if (strcmp(now, sha) != 0)
        rc = hd_err_set(err, HD_EDATA, "'%s' differs from the recorded SHA-256 %s (left as is)",
                        path, sha);
      else
        x->rep->verified++;
    }
  } else {
    fields f;
    unsigned char *pdf = NULL;
    size_t len = 0;
    char again[65];
    hd_date reg = x->date;
    if ((rc = load_frozen(x->db, cert_id, &f, err)) == HD_OK) {
      double t0 = hd_now_ms();
      rc = render_fields(x, &f, reg, &pdf, &len, err);
      x->rep->render_ms += hd_now_ms() - t0;
      fields_release(&f);
    }
    if (rc == HD_OK && x->o->signer) {
      unsigned char *sp = NULL;
      size_t sl = 0;
      char iso[11];
      hd_date_iso(reg, iso);
      rc = pdf_sign(x->o->signer, pdf, len, iso, "hdreg", &sp, &sl, err);
      free(pdf);
      pdf = sp;
      len = sl;
    }
    if (rc == HD_OK && (hd_sha256_hex(pdf, len, again) || strcmp(again, sha) != 0))
      rc = hd_err_set(err, HD_EINTERNAL, "re-rendered '%s' does not match its recorded SHA-256",
                      path);
    if (rc == HD_OK) rc = hd_write_atomic(path, pdf, len, err);
    if (rc == HD_OK) x->rep->restored++;
    free(pdf);
  }
  free(path);
  free(sha);
  return rc;
}

static int run(ctx *x, hd_err *err);

#define DUE_CHUNK 128
typedef struct due_item {
  long long cert_id;
  unsigned char *pdf; /* laid out by allocate (one job), else NULL */
  size_t len;
} due_item;
typedef struct due_chunk {
  ctx *x;
  due_item *items;
} due_chunk;
static void write_certificate(void *ud, sqlite3 *db, int i, hd_job_result *out);

int run_certificates(sqlite3 *db, const hd_fontset *fs, const hd_run_opts *o,
                     hd_run_report *rep, hd_err *err) {
  ctx x;
  memset(&x, 0, sizeof x);
  x.db = db;
  x.fs = fs;
  x.o = o;
  x.rep = rep;
  int rc;
  if (hd_fault("internal")) return hd_err_set(err, HD_EINTERNAL, "injected internal error");
  if (!hd_date_parse(o->date, &x.date))
    return hd_err_set(err, HD_EUSAGE, "--date '%s' is not a valid date YYYY-MM-DD", o->date);
  char probe[64];
  if ((rc = store_setting(db, "authority_name", &x.authority, err)) ||
      (rc = store_setting(db, "cert_number_pattern", &x.pattern, err)) ||
      (rc = store_setting(db, "region_code", &x.region, err)) ||
      (rc = store_setting_int(db, "cert_validity_years", 1, 30, &x.years, err)) ||
      (rc = store_setting(db, "supervising_department", &x.supervisor, err)) ||
      (rc = certnum_format(x.pattern, x.date, x.region, 0, probe, sizeof probe, err)))
    ;
  else {
    x.lookup_base = o->lookup_base;
    rc = run(&x, err);
  }
  free(x.authority);
  free(x.pattern);
  free(x.region);
  free(x.supervisor);
  return rc;
}

int run_lookup_base(sqlite3 *db, char **out, hd_err *err) {
  *out = store_text(db, "SELECT value FROM settings WHERE key = 'lookup_base_url' AND ?1 = ?1", 0);
  if (*out && certrecord_lookup_base_ok(*out, err)) {
    hd_err_prefix(err, "setting 'lookup_base_url'");
    free(*out);
    *out = NULL;
    return err->code;
  }
  return HD_OK;
}

static int run(ctx *xp, hd_err *err) {
  ctx x = *xp; /* settings are read-only from here on */
  sqlite3 *db = x.db;
  const hd_run_opts *o = x.o;
  hd_run_report *rep = x.rep;
  long long *list = NULL;
  int n = 0, rc;
  if (hd_snprintf(x.cert_dir, sizeof x.cert_dir, "%s/%s", o->out_dir,
                  HD_DOCKIND[HD_DOC_CERTIFICATE].folder) < 0)
    return hd_err_set(err, HD_EIO, "output directory name too long");
  if ((rc = hd_mkdirs(x.cert_dir, err))) return rc;
  if (access(x.cert_dir, W_OK) != 0)
    return hd_err_set(err, HD_EIO, "output directory '%s' is not writable: %s", x.cert_dir,
                      strerror(errno));
  /* Documents are recorded with absolute paths, so that a later run from another working
   * directory finds them. */
  char abs[PATH_MAX];
  if (!realpath(x.cert_dir, abs) || hd_snprintf(x.cert_dir, sizeof x.cert_dir, "%s", abs) < 0)
    return hd_err_set(err, HD_EIO, "cannot resolve output directory '%s': %s", x.cert_dir,
                      strerror(errno));

  /* 1. Certificates already issued on this date: verify or restore. */
  if ((rc = store_ids(db, SAME_DAY_SQL, o->date, &list, &n, err))) return rc;
  for (int i = 0; i < n; i++) {
    hd_err e;
    hd_err_clear(&e);
    if (verify_same_day(&x, list[i], &e)) {
      char *num = store_text(db, CASE_OF_CERT, list[i]);
      problem(rep, num, e.msg);
      free(num);
      rep->failed++;
    }
  }
  free(list);

  /* 2. Certificates whose number was allocated but whose document never landed. */
  if ((rc = store_ids(db, PENDING_SQL, o->date, &list, &n, err))) return rc;
  for (int i = 0; i < n; i++) {
    hd_err e;
    hd_err_clear(&e);
    if (issue(&x, list[i], &e)) {
      char *num = store_text(db, CASE_OF_CERT, list[i]);
      problem(rep, num, e.msg);
      free(num);
      rep->failed++;
    }
  }
  free(list);

  /* 3. Cases due today. */
  if ((rc = store_ids(db, HELD_SQL, o->date, &list, &n, err))) return rc;
  rep->held = n;
  free(list);
  if ((rc = store_ids(db, DUE_SQL, o->date, &list, &n, err))) return rc;
  /* In chunks: (A) here, in case order, numbers allocated and fields frozen (with one job
   * the certificate is laid out right there, with more only checked to fit); (B) the
   * certificates laid out and written, in worker processes with --jobs; (C) here, in the
   * same order, each recorded. */
  due_item items[DUE_CHUNK];
  hd_job_result results[DUE_CHUNK];
  x.validate_only = o->jobs > 1;
  if (o->progress && n) o->progress(o->progress_ud, "certificates", 0, n);
  for (int start = 0; start < n; start += DUE_CHUNK) {
    int m = n - start < DUE_CHUNK ? n - start : DUE_CHUNK, k = 0;
    for (int i = start; i < start + m; i++) {
      hd_err e;
      hd_case *c = NULL;
      hd_err_clear(&e);
      due_item *it = &items[k];
      memset(it, 0, sizeof *it);
      rc = case_load(db, list[i], &c, &e);
      x.ended[0] = '\0';
      if (!rc) rc = allocate(&x, c, &it->cert_id, &it->pdf, &it->len, &e);
      if (!rc && hd_fault("crash-after-allocate")) _exit(137);
      char *num = rc && c ? hd_strdup(c->number) : NULL;
      if (rc == HD_EDATA && x.ended[0]) {
        /* Its validity would end before it is issued: back to the review, which asks for
         * a licence in force (补正) or refuses (5.1.1) with its letter; no number taken.
         * Said in the report, not a failure: nothing is left for a person to mend. */
        hd_err me;
        hd_err_clear(&me);
        int r = store_begin(db, &me);
        if (!r) r = proc_move(db, list[i], "submitted", "night", o->date, "hdreg run", x.ended, 0, &me);
        if (!r) r = store_commit(db, &me);
        if (r) {
          store_rollback(db);
          hd_err_prefix(&me, "%s; it cannot be returned to review", e.msg);
          problem(rep, num, me.msg);
          rep->failed++;
        } else {
          hd_err_prefix(&e, "returned to review");
          problem(rep, num, e.msg);
          rep->returned++;
        }
      } else if (rc) {
        problem(rep, num, e.msg);
        rep->failed++;
      } else {
        k++;
      }
      free(num);
      case_free(c);
    }
    due_chunk ch = {&x, items};
    rc = pool_run(o->jobs, db, o->db_path, k, write_certificate, &ch, results, err);
    for (int j = 0; j < k; j++) {
      hd_err e;
      hd_err_clear(&e);
      if (!results[j].done) { /* a worker died: the next run renders it (pending) */
        free(items[j].pdf);
        continue;
      }
      int r = results[j].code;
      rep->render_ms += results[j].ms;
      if (r) hd_err_set(&e, r, "%s", results[j].msg);
      else r = issue_record(&x, items[j].cert_id, results[j].path, results[j].sha256,
                            (size_t)results[j].len, &e);
      if (r) {
        char *num = store_text(db, CASE_OF_CERT, items[j].cert_id);
        problem(rep, num, e.msg);
        free(num);
        rep->failed++;
      }
      free(items[j].pdf);
    }
    if (rc) break;
    if (o->progress) o->progress(o->progress_ud, "certificates", start + m, n);
  }
  free(list);
  return rc;
}

static void write_certificate(void *ud, sqlite3 *db, int i, hd_job_result *out) {
  due_chunk *ch = ud;
  hd_err e;
  hd_err_clear(&e);
  size_t len = 0;
  out->code = issue_write(ch->x, db, ch->items[i].cert_id, ch->items[i].pdf, ch->items[i].len,
                          out->path, out->sha256, &len, &out->ms, &e);
  out->len = (long long)len;
  if (out->code) hd_snprintf(out->msg, sizeof out->msg, "%s", e.msg);
}


