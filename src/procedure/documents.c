/* documents.c: procedure documents from the database (documents.h). */
#include "procedure/documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template/expr.h"
#include "layout/certificate.h"
#include "layout/document.h"
#include "ledger/ledger.h"
#include "model/caseview.h"
#include "model/certrecord.h"
#include "model/grounds.h"
#include "model/institution.h"
#include "procedure/explain.h"
#include "procedure/supervision.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/format.h"
#include "util/json.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* doc_render, e->repeat times; with more than one, the median time goes to e. */
static int timed_render(hd_docenv *e, const hd_template *t, const hd_doc_opts *o,
                        unsigned char **pdf, size_t *len, const char **bad, hd_err *err) {
  double ms[1000];
  int n = e->repeat < 1 ? 1 : e->repeat > 1000 ? 1000 : e->repeat;
  for (int i = 0; i < n; i++) {
    if (i) {
      free(*pdf);
      *pdf = NULL;
    }
    double t0 = hd_now_ms();
    int rc = doc_render(t, e->fs, o, pdf, len, bad, err);
    ms[i] = hd_now_ms() - t0;
    if (rc) return rc;
  }
  qsort(ms, (size_t)n, sizeof *ms, cmp_double);
  e->median_ms = ms[n / 2];
  if (e->want_html) {
    free(e->html);
    e->html = NULL;
    int rc = doc_html(t, o, &e->html, &e->html_len, err);
    if (rc) return rc;
  }
  return HD_OK;
}

typedef struct kvlist {
  hd_kv v[64];
  char *owned[64];
  int n;
} kvlist;

static void kv_add(kvlist *l, const char *key, char *value /* takes ownership */) {
  if (l->n == 64 || !value) {
    free(value);
    return;
  }
  l->v[l->n].key = key;
  l->v[l->n].value = value;
  l->owned[l->n++] = value;
}

/* The frozen fields of the case's certificate (prior: of the certificate the case refers
 * to) into l under their template names (certfields.h: cert.* or prior_cert.*), with the
 * verification code and QR payload of their record version; returns its registration date
 * (caller frees) or NULL. */
static char *cert_fields(sqlite3 *db, long long case_id, int prior, kvlist *l) {
  sqlite3_stmt *st;
  char *reg = NULL;
  const char *sql = prior
      ? "SELECT f.position, f.value, c.registration_date, f.label FROM cases k JOIN certificates c "
        "ON c.id = k.prior_certificate_id JOIN certificate_fields f ON f.certificate_id = c.id "
        "WHERE k.id = ?1 ORDER BY f.position"
      : "SELECT f.position, f.value, c.registration_date, f.label FROM certificates c JOIN "
        "certificate_fields f ON f.certificate_id = c.id WHERE c.case_id = ?1 ORDER BY f.position";
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_int64(st, 1, case_id);
  const char *values[HD_CERT_FIELDS] = {0};
  char *labels[HD_CERT_FIELDS] = {0};
  int n = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    int pos = sqlite3_column_int(st, 0);
    if (pos >= 1 && pos <= HD_CERT_FIELDS) {
      const hd_certfield *fd = &HD_CERT_FIELD[pos - 1];
      int before = l->n;
      kv_add(l, prior ? fd->prior_key : fd->key, store_col_text(st, 1));
      values[pos - 1] = l->n > before ? l->v[l->n - 1].value : NULL;
      if (pos == n + 1) labels[n++] = store_col_text(st, 3);
    }
    if (!reg) reg = store_col_text(st, 2);
  }
  sqlite3_finalize(st);
  /* What the certificate prints beside its fields, as frozen when it was issued
   * (certificate_print, schema v10; none for one issued before, which renders as it was):
   * the same values the night rendered it with, so the same bytes; with them the public
   * lookup its QR points to (v13). */
  char *base = NULL;
  if (!prior && reg &&
      sqlite3_prepare_v2(db, "SELECT p.reg_type, p.replaces, p.supervisor, p.lookup_base FROM "
                             "certificates c JOIN certificate_print p ON p.certificate_id = c.id "
                             "WHERE c.case_id = ?1", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, case_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
      kv_add(l, "cert.reg_type", store_col_text(st, 0));
      kv_add(l, "cert.replaces", store_col_text(st, 1));
      kv_add(l, "cert.supervisor", store_col_text(st, 2));
      base = store_col_text(st, 3);
    }
    sqlite3_finalize(st);
  }
  /* The verification code and QR text, as cert_render computes them. */
  hd_certrecord rec;
  hd_err ignored = {0};
  char qr[sizeof rec.qr + 256];
  int version = certfields_version_of((const char *const *)labels, n);
  if (!version) version = HD_CERT_RECORD_VERSION; /* labels as an import gave them */
  int complete = 1;
  for (int i = 0; i < certfields_count(version); i++) complete &= values[i] != NULL;
  if (complete && certrecord_make(version, values, &rec, &ignored) == HD_OK &&
      certrecord_qr_text(base, values[HD_CF_NUMBER], rec.qr, qr, sizeof qr, &ignored) == HD_OK) {
    kv_add(l, prior ? "prior_cert.code" : "cert.code", hd_strdup(rec.code));
    kv_add(l, prior ? "prior_cert.qr" : "cert.qr", hd_strdup(qr));
  }
  for (int i = 0; i < n; i++) free(labels[i]);
  free(base);
  return reg;
}

/* The cancellation notice's number and ground into l: cancellation.number, ZX-YYYYMMDD
 * of the day it is published (the public notice's GS- style), -2, -3 … for the second and
 * later of one day, by the order the register recorded them; for one not recorded yet the
 * next of the day `date`. cancellation.ground: the 5.1.6 ground worded as the review
 * opinion words it (model/grounds.h, hd.cancel_ground), absent if the case has none. */
static void cancellation_data(sqlite3 *db, long long case_id, const char *date, kvlist *l) {
  sqlite3_stmt *st;
  char *day = NULL;
  long long k = 0;
  if (sqlite3_prepare_v2(db, "SELECT d.created_date, (SELECT count(*) FROM documents x WHERE "
                             "x.kind = 'cancellation' AND x.created_date = d.created_date AND "
                             "x.id <= d.id) FROM documents d WHERE d.kind = 'cancellation' AND "
                             "d.case_id = ?1 ORDER BY d.id LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, case_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
      day = store_col_text(st, 0);
      k = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
  }
  if (!day && sqlite3_prepare_v2(db, "SELECT count(*) + 1 FROM documents WHERE kind = "
                                     "'cancellation' AND created_date = ?1", -1, &st,
                                 NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) k = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    day = hd_strdup(date);
  }
  if (day && strlen(day) == 10 && k > 0) {
    char number[40];
    if (k == 1) hd_snprintf(number, sizeof number, "ZX-%.4s%.2s%.2s", day, day + 5, day + 8);
    else hd_snprintf(number, sizeof number, "ZX-%.4s%.2s%.2s-%lld", day, day + 5, day + 8, k);
    kv_add(l, "cancellation.number", hd_strdup(number));
  }
  free(day);
  char *g = store_text(db, "SELECT cancel_ground FROM cases WHERE id = ?1", case_id);
  const char *text = hd_cancel_ground_text(g);
  if (text) kv_add(l, "cancellation.ground", hd_strdup(text));
  free(g);
}

typedef struct prep {
  hd_caseview *view;
  const hd_findings *findings;
  const hd_docextra *extra;
} prep;

/* `why`: per finding, the clause of the case's type and what was found and must be done. */
static int set_why(hd_expr *sb, const hd_caseview *v, const hd_findings *f) {
  static const char *const K[3] = {"clause", "found", "todo"};
  const hd_value *rt = row_get(&v->kase, "reg_type"), *pr = row_get(&v->kase, "procedure");
  int rc = expr_list_add(sb, "why", -1, NULL, NULL);
  if (rc == HD_OK) rc = expr_list_add(sb, "todo_items", -1, NULL, NULL);
  if (rc == HD_OK) rc = expr_list_add(sb, "reasons", -1, NULL, NULL);
  if (rc == HD_OK) rc = expr_list_add(sb, "verify_items", -1, NULL, NULL);
  hd_buf c, fo, td;
  hd_buf_init(&c, 0);
  hd_buf_init(&fo, 0);
  hd_buf_init(&td, 0);
  for (int i = 0; rc == HD_OK && i < f->n; i++) {
    hd_finding *x = &f->v[i];
    hd_buf_reset(&c);
    hd_buf_reset(&fo);
    hd_buf_reset(&td);
    rc = explain_clause(x->clause, rt ? rt->s : NULL, pr ? pr->s : NULL, &c);
    if (rc == HD_OK && x->outcome != HD_PASS && x->outcome != HD_NA && x->outcome != HD_ERROR)
      rc = explain_finding(x, &fo, &td);
    const char *vals[3] = {c.p ? c.p : "", fo.p ? fo.p : "", td.p ? td.p : ""};
    if (rc == HD_OK) rc = expr_list_add(sb, "why", 3, K, vals);
    /* what the conclusion lists: to supplement, the reasons to refuse, to verify */
    const char *list = x->waived ? NULL : x->outcome == HD_RECTIFY ? "todo_items"
                       : x->outcome == HD_FAIL ? "reasons" : x->outcome == HD_MANUAL ? "verify_items" : NULL;
    if (rc == HD_OK && list) rc = expr_list_add(sb, list, 3, K, vals);
  }
  hd_buf_release(&c);
  hd_buf_release(&fo);
  hd_buf_release(&td);
  return rc;
}

static int prepare(hd_expr *sb, void *ud) {
  prep *p = ud;
  if (expr_set_case(sb, p->view)) return HD_ENOMEM;
  int rc = expr_set_findings(sb, p->findings);
  if (rc == HD_OK) rc = set_why(sb, p->view, p->findings);
  if (rc == HD_OK && p->extra && p->extra->prepare) rc = p->extra->prepare(sb, p->extra->ud);
  return rc;
}

int docs_deadline(sqlite3 *db, const hd_calendar *cal, const char *from, const char *setting,
                  char out[11], long *days, hd_err *err) {
  hd_date start, end;
  if (!hd_date_parse(from, &start)) return hd_err_set(err, HD_EDATA, "'%s' is not a date", from);
  if (store_setting_int(db, setting, 1, 100, days, err)) return err->code;
  if (!cal) return hd_err_set(err, HD_EDATA, "no holiday calendar to count working days with");
  if (calendar_add_working_days(cal, start, (int)*days, &end, err)) return err->code;
  hd_date_iso(end, out);
  return HD_OK;
}

typedef struct inst_ud {
  sqlite3 *db;
  long long product;  /* the record's id: a privacy product or a notice */
} inst_ud;

static int inst_prepare(hd_expr *sb, void *ud) {
  inst_ud *u = ud; /* db and the product id */
  sqlite3_stmt *st;
  static const char *const K[4] = {"name", "purpose", "data_items", "contact"};
  expr_list_add(sb, "third_parties", -1, NULL, NULL);
  if (sqlite3_prepare_v2(u->db, "SELECT name, purpose, data_items, contact FROM "
                                "privacy_third_parties WHERE product_id = ?1 ORDER BY id", -1, &st,
                         NULL) != SQLITE_OK)
    return HD_EDB;
  sqlite3_bind_int64(st, 1, u->product);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *v[4];
    for (int i = 0; i < 4; i++) v[i] = (const char *)sqlite3_column_text(st, i);
    expr_list_add(sb, "third_parties", 4, K, v);
  }
  sqlite3_finalize(st);
  return HD_OK;
}

/* A document about one record other than a case (an institution's product, a notice):
 * its columns become data under keys, the record's own id goes to the prepare step. */
typedef struct record_spec {
  const char *what;          /* for messages: "institution product", "notice" */
  const char *sql;           /* ?1 = the argument; n_keys text columns, then the id */
  const char *const *keys;
  int n_keys;
  int date_col;              /* the column that dates the document */
  int (*prepare)(hd_expr *sb, void *ud);
} record_spec;

/* The register's product: the institution's kind from its subject's (subjects.kind:
 * a hospital's, a company's, anything else a unit's), with the Annex A names that kind
 * defaults to (model/institution.h). */
static const record_spec INSTITUTION = {
    "institution product",
    "SELECT s.name, p.product_name, p.contact_email, p.contact_phone, p.contact_address, "
    "p.withdrawal_path, p.response_days, p.effective_date, p.updated_date, "
    "CASE s.kind WHEN 'public_hospital' THEN 'hospital' WHEN 'private_hospital' THEN 'hospital' "
    "WHEN 'company' THEN 'company' ELSE 'unit' END, p.id FROM "
    "privacy_products p JOIN subjects s ON s.id = p.subject_id WHERE p.id = CAST(?1 AS INTEGER) "
    "AND ?1 GLOB '[0-9]*'",
    HD_INST_KEYS, 10, 8, inst_prepare};

static int notice_prepare(hd_expr *sb, void *ud);
/* notice.cancellations / notice.registrations: how many of its rows cancel a certificate
 * and how many lead to one, for the closing sentence (a cancellation is not followed by a
 * certificate: 6.5 h 公示及注销). */
static const char *const NOTICE_KEYS[6] = {"notice.number", "notice.published_date",
                                           "notice.end_date", "notice.working_days",
                                           "notice.cancellations", "notice.registrations"};
static const record_spec NOTICE = {
    "notice",
    "SELECT number, published_date, end_date, working_days, (SELECT count(*) FROM notice_cases "
    "nc JOIN cases k ON k.id = nc.case_id WHERE nc.notice_id = n.id AND k.reg_type = 'cancel'), "
    "(SELECT count(*) FROM notice_cases nc JOIN cases k ON k.id = nc.case_id WHERE "
    "nc.notice_id = n.id AND k.reg_type <> 'cancel'), id FROM notices n WHERE number = ?1 "
    "OR (id = CAST(?1 AS INTEGER) AND ?1 GLOB '[0-9]*')",
    NOTICE_KEYS, 6, 1, notice_prepare};

/* The clause a notice row is published under: a cancellation 6.5 h (公示及注销), a change
 * 6.4 g (公示及发新证), else the procedure's: ordinary 6.1.2 d, simplified 6.2.2 c (a licence
 * or transfer follows the simplified procedure, docs/procedure.md; 6.3 has no notice of
 * its own). */
static const char *notice_clause(const char *type, const char *procedure) {
  if (type && !strcmp(type, "cancel")) return "6.5 h";
  if (type && !strcmp(type, "change")) return "6.4 g";
  if (procedure && !strcmp(procedure, "ordinary")) return "6.1.2 d";
  return "6.2.2 c";
}

/* The rows of notice u->product: per case its number, applicant and credit code, resource,
 * type (type_cn in Chinese), procedure, the right names (rights), each right with its
 * holder (holders), the resource's source and scale (hd_scale_text: the certificate's
 * wording), the certificate a change, transfer, licence or cancellation refers to (prior,
 * absent for a first registration) and the clause the row is published under. */
static int notice_prepare(hd_expr *sb, void *ud) {
  inst_ud *u = ud; /* db and the notice id */
  sqlite3_stmt *st;
  static const char *const K[13] = {"number", "applicant", "uscc", "resource", "type",
                                    "procedure", "rights", "holders", "source", "prior",
                                    "type_cn", "clause", "scale"};
  expr_list_add(sb, "cases", -1, NULL, NULL);
  if (sqlite3_prepare_v2(
          u->db,
          "SELECT k.number, a.name, a.uscc, r.name, k.reg_type, k.procedure, "
          " (SELECT group_concat(n, '、') FROM (SELECT DISTINCT CASE cr.right_kind WHEN 'holding' "
          "  THEN '数据资源持有权' WHEN 'use' THEN '数据加工使用权' ELSE '数据产品经营权' END AS n "
          "  FROM case_rights cr WHERE cr.case_id = k.id ORDER BY CASE cr.right_kind WHEN 'holding' "
          "  THEN 1 WHEN 'use' THEN 2 ELSE 3 END)), "
          /* each holder once, with its rights: 数据资源持有权、数据加工使用权：某医院 */
          " (SELECT group_concat(rn || '：' || hn, char(10)) FROM (SELECT hn, group_concat(n, '、') "
          "  AS rn, min(o) AS o FROM (SELECT s.name AS hn, s.id AS hid, CASE cr.right_kind WHEN "
          "  'holding' THEN '数据资源持有权' WHEN 'use' THEN '数据加工使用权' ELSE '数据产品经营权' "
          "  END AS n, CASE cr.right_kind WHEN 'holding' THEN 1 WHEN 'use' THEN 2 ELSE 3 END * "
          "  1000000 + cr.id AS o FROM case_rights cr JOIN subjects s ON s.id = cr.holder_id WHERE "
          "  cr.case_id = k.id ORDER BY o) GROUP BY hid ORDER BY o)), "
          " r.source, p.number, r.scale_records, r.scale_bytes "
          "FROM notice_cases nc JOIN cases k ON k.id = nc.case_id JOIN subjects a ON "
          "a.id = k.applicant_id JOIN resources r ON r.id = k.resource_id LEFT JOIN certificates p "
          "ON p.id = k.prior_certificate_id WHERE nc.notice_id = ?1 "
          "ORDER BY k.number", -1, &st, NULL) != SQLITE_OK)
    return HD_EDB;
  sqlite3_bind_int64(st, 1, u->product);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *v[13];
    char scale[128];
    for (int i = 0; i < 10; i++) v[i] = (const char *)sqlite3_column_text(st, i);
    hd_scale_text(sqlite3_column_int64(st, 10), sqlite3_column_int64(st, 11), scale, sizeof scale);
    v[10] = hd_reg_type_name(v[4]);
    v[11] = notice_clause(v[4], v[5]);
    v[12] = scale;
    expr_list_add(sb, "cases", 13, K, v);
  }
  sqlite3_finalize(st);
  return HD_OK;
}

/* A record other than a case (a notice, an institution's product), by id. */
static int render_record(hd_docenv *e, const record_spec *spec, const hd_template *t,
                         long long id_arg, unsigned char **pdf, size_t *len, hd_err *err) {
  sqlite3_stmt *st = NULL;
  kvlist kv;
  memset(&kv, 0, sizeof kv);
  hd_date date;
  int rc;
  char arg[32];
  snprintf(arg, sizeof arg, "%lld", id_arg);
  if ((rc = store_prepare(e->db, spec->sql, &st, err))) goto done;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_ROW) {
    rc = hd_err_set(err, HD_EDATA, "%s %s does not exist", spec->what, arg);
    goto done;
  }
  for (int i = 0; i < spec->n_keys; i++) kv_add(&kv, spec->keys[i], store_col_text(st, i));
  long long id = sqlite3_column_int64(st, spec->n_keys);
  if (spec == &INSTITUTION && kv.n == spec->n_keys)
    for (int i = HD_INST_SELF; i <= HD_INST_ACCOUNT; i++)
      kv_add(&kv, HD_INST_KEYS[i], hd_strdup(institution_default(kv.v[HD_INST_KIND].value, i)));
  sqlite3_finalize(st);
  st = NULL;
  if (kv.n < spec->n_keys || !hd_date_parse(kv.v[spec->date_col].value, &date)) {
    rc = hd_err_set(err, HD_EDATA, "%s %s has missing fields or a bad date", spec->what, arg);
    goto done;
  }
  kv_add(&kv, "authority", store_text(e->db, "SELECT value FROM settings WHERE key = 'authority_name' AND ?1 = ?1", 0));
  kv_add(&kv, "seal_image", store_text(e->db, "SELECT value FROM settings WHERE key = 'seal_image' AND ?1 = ?1", 0));
  if (spec == &NOTICE) { /* where, how and until when to object (6.1.2 d, 6.2.2 c) */
    static const char *const OBJ[3][2] = {{"objection.address", "objection_address"},
                                          {"objection.phone", "objection_phone"},
                                          {"objection.cutoff", "objection_cutoff"}};
    for (int i = 0; i < 3; i++) {
      char *v = NULL;
      if ((rc = store_setting(e->db, OBJ[i][1], &v, err))) goto done;
      kv_add(&kv, OBJ[i][0], v);
    }
  }
  inst_ud u = {e->db, id};
  hd_doc_opts o = {kv.v, kv.n, spec->prepare, &u, date, 0};
  const char *bad = NULL;
  if ((rc = timed_render(e, t, &o, pdf, len, &bad, err)) && bad)
    hd_err_prefix(err, "%s %s: {%s}", spec->what, kv.v[0].value, bad);
done:
  sqlite3_finalize(st);
  for (int i = 0; i < kv.n; i++) free(kv.owned[i]);
  return rc;
}

int docs_notice(hd_docenv *e, const hd_template *t, long long notice_id, unsigned char **pdf,
                size_t *len, hd_err *err) {
  return render_record(e, &NOTICE, t, notice_id, pdf, len, err);
}

int docs_institution(hd_docenv *e, const hd_template *t, long long product_id,
                     unsigned char **pdf, size_t *len, hd_err *err) {
  return render_record(e, &INSTITUTION, t, product_id, pdf, len, err);
}

int docs_case(hd_docenv *e, const hd_template *t, long long id, const char *as_of_arg,
              const hd_findings *given, unsigned char **pdf, size_t *len, hd_err *err) {
  return docs_case_ex(e, t, id, as_of_arg, given, NULL, pdf, len, err);
}

int docs_case_ex(hd_docenv *e, const hd_template *t, long long id, const char *as_of_arg,
                 const hd_findings *given, const hd_docextra *x, unsigned char **pdf,
                 size_t *len, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  hd_caseview view;
  hd_findings f;
  int have_view = 0, rc = HD_OK;
  memset(&f, 0, sizeof f);
  kvlist kv;
  memset(&kv, 0, sizeof kv);
  char *as_of = NULL, *reg = NULL;
  char *number = store_text(e->db, "SELECT number FROM cases WHERE id = ?1", id);
  hd_date date;
  if (!number) return hd_err_set(err, HD_EDATA, "case %lld does not exist", id);
  int is_cert = strcmp(tmpl_name(t), "certificate") == 0;
  int is_cancellation = strcmp(tmpl_name(t), "cancellation") == 0;
  /* A cancellation notice recorded already is dated as it was published, so that
   * rendering it again gives it back. */
  char *published = is_cancellation ? store_text(e->db, "SELECT created_date FROM documents "
                                                 "WHERE kind = 'cancellation' AND case_id = ?1 "
                                                 "ORDER BY id LIMIT 1", id) : NULL;
  reg = cert_fields(e->db, id, 0, &kv);
  free(cert_fields(e->db, id, 1, &kv));
  if (is_cert && !reg) {
    rc = hd_err_set(err, HD_EDATA, "case '%s' has no certificate", number);
    goto done;
  }
  if (as_of_arg) as_of = hd_strdup(as_of_arg);
  else if (is_cert) as_of = hd_strdup(reg);
  else if (published) as_of = hd_strdup(published);
  else {
    as_of = store_text(e->db, "SELECT max(as_of) FROM decisions WHERE case_id = ?1", id);
    if (!as_of) as_of = store_text(e->db, "SELECT applied_date FROM cases WHERE id = ?1", id);
  }
  if (!as_of || !hd_date_parse(as_of, &date)) {
    rc = hd_err_set(err, HD_EDATA, "case '%s' has no date to render for", number);
    goto done;
  }
  kv_add(&kv, "authority", store_text(e->db, "SELECT value FROM settings WHERE key = 'authority_name' AND ?1 = ?1", 0));
  kv_add(&kv, "seal_image", store_text(e->db, "SELECT value FROM settings WHERE key = 'seal_image' AND ?1 = ?1", 0));
  kv_add(&kv, "today", hd_strdup(as_of));
  kv_add(&kv, "remedies", store_text(e->db, "SELECT value FROM settings WHERE key = 'remedies_text' AND ?1 = ?1", 0));
  kv_add(&kv, "supplement_days", store_text(e->db, "SELECT value FROM settings WHERE key = 'supplement_working_days' AND ?1 = ?1", 0));
  {
    char dl[11];
    long days;
    hd_err ignored;
    hd_err_clear(&ignored);
    if (docs_deadline(e->db, e->cal, as_of, "supplement_working_days", dl, &days, &ignored) == HD_OK)
      kv_add(&kv, "deadline", hd_strdup(dl));
  }
  for (int i = 0; x && i < x->n; i++) kv_add(&kv, x->kv[i].key, hd_strdup(x->kv[i].value));
  if (is_cancellation) cancellation_data(e->db, id, as_of, &kv);
  if ((rc = caseview_loader_new(e->db, &ld, err)) || (rc = caseview_load(ld, id, &view, err)))
    goto done;
  have_view = 1;
  if (!given) {
    if (!e->pack) {
      rc = hd_err_set(err, HD_EINTERNAL, "no check pack to review case '%s' with", number);
      goto done;
    }
    if ((rc = pack_run_view(e->pack, &view, e->cal, as_of, &f, err))) goto done;
    given = &f;
  }
  /* The review leaves the case in the procedure its checks route it to (6.1.1). */
  if (given->route) row_set_text(&view.kase, "procedure", given->route);
  {
    /* the registration type and the clauses of its flow (6.1-6.5) */
    static const char *const REG[][6] = {
        /* type, procedure, name, apply, review, notice/objections */
        {"first", "ordinary", "首次登记", "6.1.2 a", "6.1.2 b", "6.1.2 d"},
        {"first", "", "首次登记", "6.2.2 a", "6.2.2 b", "6.2.2 c"},
        {"license", "", "许可登记", "6.3 a", "6.3 b", "6.2.2 c"},
        {"transfer", "", "转让登记", "6.3 a", "6.3 b", "6.2.2 c"},
        {"change", "", "变更登记", "6.4 a", "6.4 g", "6.2.2 c"},
        {"cancel", "", "注销登记", "6.5 a", "6.5 h", "6.2.2 c"},
    };
    char *rt = store_text(e->db, "SELECT reg_type FROM cases WHERE id = ?1", id);
    /* the procedure the review leaves the case in: its checks' route (6.1.1), else its own */
    char *pr = given->route ? hd_strdup(given->route)
                            : store_text(e->db, "SELECT procedure FROM cases WHERE id = ?1", id);
    for (size_t i = 0; rt && i < sizeof REG / sizeof *REG; i++)
      if (!strcmp(REG[i][0], rt) && (!*REG[i][1] || (pr && !strcmp(REG[i][1], pr)))) {
        kv_add(&kv, "reg.type", hd_strdup(REG[i][2]));
        kv_add(&kv, "reg.apply", hd_strdup(REG[i][3]));
        kv_add(&kv, "reg.review", hd_strdup(REG[i][4]));
        kv_add(&kv, "reg.notice", hd_strdup(REG[i][5]));
        break;
      }
    free(rt);
    free(pr);
  }
  prep pr = {&view, given, x};
  hd_doc_opts o = {kv.v, kv.n, prepare, &pr, date, is_cert ? 1 : 0};
  const char *bad = NULL;
  if ((rc = timed_render(e, t, &o, pdf, len, &bad, err)) && bad)
    hd_err_prefix(err, "case %s: {%s}", number, bad);
done:
  for (int i = 0; i < kv.n; i++) free(kv.owned[i]);
  findings_release(&f);
  if (have_view) caseview_release(&view);
  caseview_loader_free(ld);
  free(as_of);
  free(published);
  free(reg);
  free(number);
  return rc;
}

typedef struct inst_file_ud {
  const hd_institution *in;
} inst_file_ud;

static int inst_file_prepare(hd_expr *sb, void *ud) {
  const hd_institution *in = ((inst_file_ud *)ud)->in;
  static const char *const K[4] = {"name", "purpose", "data_items", "contact"};
  expr_list_add(sb, "third_parties", -1, NULL, NULL);
  for (int p = 0; p < in->n_parties; p++) {
    const char *v[4];
    for (int k = 0; k < 4; k++) v[k] = in->parties[p][k];
    expr_list_add(sb, "third_parties", 4, K, v);
  }
  return HD_OK;
}

int docs_institution_file(hd_docenv *e, const hd_template *t, const hd_institution *in,
                          unsigned char **pdf, size_t *len, hd_err *err) {
  hd_kv kv[HD_INST_FIELDS];
  hd_date date;
  for (int i = 0; i < HD_INST_FIELDS; i++) {
    kv[i].key = HD_INST_KEYS[i];
    kv[i].value = in->v[i];
  }
  if (!hd_date_parse(in->v[HD_INST_UPDATED], &date))
    return hd_err_set(err, HD_EDATA, "<updated> '%s' is not a date", in->v[HD_INST_UPDATED]);
  inst_file_ud u = {in};
  hd_doc_opts o = {kv, HD_INST_FIELDS, inst_file_prepare, &u, date, 0};
  const char *bad = NULL;
  int rc = timed_render(e, t, &o, pdf, len, &bad, err);
  if (rc && bad) hd_err_prefix(err, "{%s}", bad);
  return rc;
}

/* ---- the register extract (登记簿摘录, docs_extract) ----------------------------------- */

typedef struct extract_ud {
  sqlite3 *db;
  long long cert;
  const char *as_of;
} extract_ud;

/* The history of a certificate up to as_of: the certificates of the same right (the ones
 * a change or transfer replaced, back to the first registration, and the ones that
 * replaced it), the licences granted under any of them, their cancellation and expiry. */
static int extract_prepare(hd_expr *sb, void *ud) {
  extract_ud *u = ud;
  sqlite3_stmt *st;
  static const char *const K[3] = {"date", "event", "case"};
  expr_list_add(sb, "history", -1, NULL, NULL);
  if (sqlite3_prepare_v2(
          u->db,
          "WITH RECURSIVE back(id) AS (SELECT ?1 UNION SELECT k.prior_certificate_id FROM back b "
          " JOIN certificates c ON c.id = b.id JOIN cases k ON k.id = c.case_id WHERE k.reg_type "
          " IN ('change', 'transfer') AND k.prior_certificate_id IS NOT NULL), "
          "fwd(id) AS (SELECT ?1 UNION SELECT c.superseded_by FROM fwd f JOIN certificates c ON "
          " c.id = f.id WHERE c.superseded_by IS NOT NULL), "
          "line(id) AS (SELECT id FROM back UNION SELECT id FROM fwd), "
          /* the licences granted under it, and the certificates that replaced them since */
          "licf(id, prev, depth) AS (SELECT c.id, NULL, 0 FROM cases k JOIN certificates c ON "
          " c.case_id = k.id WHERE k.reg_type = 'license' AND c.status <> 'pending' AND "
          " k.prior_certificate_id IN (SELECT id FROM line) UNION ALL SELECT s.id, f.id, f.depth + 1 "
          " FROM licf f JOIN certificates c ON c.id = f.id JOIN certificates s ON s.id = "
          " c.superseded_by WHERE f.depth < 64) "
          "SELECT d, t, cert, num, coalesce(renewal, 0), other FROM ("
          " SELECT c.registration_date AS d, k.reg_type AS t, c.number AS cert, k.number AS num, "
          "  k.renewal AS renewal, NULL AS other, 1 AS o FROM line l JOIN certificates c ON c.id = "
          "  l.id JOIN cases k ON k.id = c.case_id WHERE c.status <> 'pending' "
          " UNION ALL SELECT c.registration_date, CASE WHEN f.prev IS NULL THEN 'granted' ELSE "
          "  'granted_next' END, c.number, k.number, k.renewal, p.number, 2 FROM licf f JOIN "
          "  certificates c ON c.id = f.id JOIN cases k ON k.id = c.case_id LEFT JOIN certificates p "
          "  ON p.id = f.prev "
          " UNION ALL SELECT (SELECT max(e.at) FROM case_events e WHERE e.case_id = x.id AND "
          "  e.to_status = 'cancelled'), 'cancel', p.number, x.number, NULL, NULL, 3 FROM cases x JOIN "
          "  certificates p ON p.id = x.prior_certificate_id WHERE x.reg_type = 'cancel' AND "
          "  x.status = 'cancelled' AND p.id IN (SELECT id FROM line) "
          " UNION ALL SELECT x.expired_on, 'expiry', c.number, NULL, NULL, NULL, 4 FROM "
          "  certificate_expiries x JOIN certificates c ON c.id = x.certificate_id WHERE c.id IN "
          "  (SELECT id FROM line)) WHERE d <= ?2 ORDER BY d, o, cert", -1, &st, NULL) != SQLITE_OK)
    return HD_EDB;
  sqlite3_bind_int64(st, 1, u->cert);
  sqlite3_bind_text(st, 2, u->as_of, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 1);
    const char *cert = (const char *)sqlite3_column_text(st, 2);
    char event[256];
    if (!strcmp(t, "granted"))
      hd_snprintf(event, sizeof event, "许可登记：在本权利上许可他人，颁发许可登记证书%s", cert);
    else if (!strcmp(t, "granted_next"))
      hd_snprintf(event, sizeof event, "许可登记证书%s由证书%s取代%s",
                  (const char *)sqlite3_column_text(st, 5), cert,
                  sqlite3_column_int(st, 4) == 1 ? "（续展有效期限）" : "");
    else if (!strcmp(t, "cancel"))
      hd_snprintf(event, sizeof event, "注销登记：证书%s注销（第5.1.6条）", cert);
    else if (!strcmp(t, "expiry"))
      hd_snprintf(event, sizeof event, "证书%s有效期届满（第5.2.1条）", cert);
    else
      hd_snprintf(event, sizeof event, "%s%s：颁发证书%s", hd_reg_type_name(t) ? hd_reg_type_name(t) : t,
                  sqlite3_column_int(st, 4) == 1 ? "（续展有效期限）" : "", cert);
    const char *v[3] = {(const char *)sqlite3_column_text(st, 0), event,
                        (const char *)sqlite3_column_text(st, 3)};
    expr_list_add(sb, "history", 3, K, v);
  }
  sqlite3_finalize(st);
  return HD_OK;
}

int docs_extract(hd_docenv *e, const hd_template *t, const char *number, const char *as_of,
                 const char *today, int signed_, unsigned char **pdf, size_t *len, hd_err *err) {
  hd_date date, issued;
  if (!hd_date_parse(as_of, &date)) return hd_err_set(err, HD_EUSAGE, "'%s' is not a date", as_of);
  if (!hd_date_parse(today, &issued)) return hd_err_set(err, HD_EUSAGE, "'%s' is not a date", today);
  sqlite3_stmt *st;
  long long cert = 0, case_id = 0;
  char reg[11] = "";
  if (store_prepare(e->db, "SELECT id, case_id, registration_date, status FROM certificates "
                           "WHERE number = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
  int pending = 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    cert = sqlite3_column_int64(st, 0);
    case_id = sqlite3_column_int64(st, 1);
    hd_snprintf(reg, sizeof reg, "%s", (const char *)sqlite3_column_text(st, 2));
    pending = !strcmp((const char *)sqlite3_column_text(st, 3), "pending");
  }
  sqlite3_finalize(st);
  if (!cert) return hd_err_set(err, HD_EDATA, "certificate %s is not in the register", number);
  if (pending)
    return hd_err_set(err, HD_EDATA, "certificate %s has not been issued yet (its document is "
                      "pending): nothing to extract", number);
  if (strcmp(as_of, reg) < 0)
    return hd_err_set(err, HD_EDATA, "certificate %s was registered on %s, after %s: the register "
                      "held no such entry that day", number, reg, as_of);
  /* its standing on the date, as hdreg verify says it (ledger_document_standing), from its
   * certificates row: a certificate a legacy register brought has no document */
  hd_doc_info info;
  int rc = ledger_certificate_info(e->db, cert, &info, err);
  if (rc) return rc;
  long long doc = ledger_document_of(e->db, cert);
  char *sha = doc ? store_text(e->db, "SELECT sha256 FROM documents WHERE id = ?1", doc) : NULL;
  char status[512], d1[32] = "（日期不详）", d2[32] = "（日期不详）";
  hd_date x = {0, 0, 0};
#define DATE_CN(iso, out) (hd_date_parse(iso, &x) ? (void)hd_date_cn(x, out) : (void)0)
  switch (ledger_document_standing(&info, as_of)) {
  case HD_DOC_AUTHENTIC:
    DATE_CN(info.valid_until, d1);
    hd_snprintf(status, sizeof status, "有效，有效期至%s", d1);
    break;
  case HD_DOC_SUPERSEDED:
    DATE_CN(info.superseded_date, d1);
    if (*info.superseded_by)
      hd_snprintf(status, sizeof status, "已于%s被证书%s取代（%s，申请编号%s）", d1,
                  info.superseded_by,
                  info.superseded_renewal ? "变更登记，续展有效期限"
                  : hd_reg_type_name(info.superseded_type) ? hd_reg_type_name(info.superseded_type)
                                                           : info.superseded_type,
                  info.superseded_case);
    else
      hd_snprintf(status, sizeof status, "已被取代（登记簿未记载取代它的证书）");
    break;
  case HD_DOC_CANCELLED:
    DATE_CN(info.cancel_date, d1);
    if (*info.cancel_case)
      hd_snprintf(status, sizeof status, "已于%s注销（注销申请编号%s）", d1, info.cancel_case);
    else
      hd_snprintf(status, sizeof status, "已注销（登记簿未记载注销申请）");
    break;
  case HD_DOC_EXPIRED:
    DATE_CN(info.valid_until, d1);
    if (hd_date_parse(info.valid_until, &x)) hd_date_cn(hd_date_from_days(hd_date_to_days(x) + 1), d2);
    hd_snprintf(status, sizeof status, "有效期限已届满（有效期至%s，自%s起失效）", d1, d2);
    break;
  default:
    hd_snprintf(status, sizeof status, "无已颁发的登记证书文件");
  }
#undef DATE_CN
  kvlist kv;
  memset(&kv, 0, sizeof kv);
  free(cert_fields(e->db, case_id, 0, &kv));
  kv_add(&kv, "extract.number", hd_strdup(number));
  kv_add(&kv, "extract.as_of", hd_strdup(as_of));
  kv_add(&kv, "extract.status", hd_strdup(status));
  kv_add(&kv, "extract.sha256", sha ? sha : hd_strdup("—"));
  kv_add(&kv, "extract.entries", store_text(e->db, "SELECT count(*) FROM ledger WHERE ?1 = ?1", 0));
  kv_add(&kv, "extract.head", store_text(e->db, "SELECT hash FROM ledger WHERE ?1 = ?1 ORDER BY "
                                                "seq DESC LIMIT 1", 0));
  kv_add(&kv, "authority", store_text(e->db, "SELECT value FROM settings WHERE key = 'authority_name' AND ?1 = ?1", 0));
  if (signed_) /* a seal only on what carries the authority's signature */
    kv_add(&kv, "seal_image", store_text(e->db, "SELECT value FROM settings WHERE key = 'seal_image' AND ?1 = ?1", 0));
  else
    kv_add(&kv, "extract.unsigned", hd_strdup("1"));
  kv_add(&kv, "today", hd_strdup(today));
  extract_ud u = {e->db, cert, as_of};
  hd_doc_opts o = {kv.v, kv.n, extract_prepare, &u, issued, 0};
  const char *bad = NULL;
  if ((rc = timed_render(e, t, &o, pdf, len, &bad, err)) && bad)
    hd_err_prefix(err, "certificate %s: {%s}", number, bad);
  for (int i = 0; i < kv.n; i++) free(kv.owned[i]);
  return rc;
}

/* ---- the supervision report (登记监督情况报告, docs_supervision) ------------------------ */

typedef struct supervision_ud {
  json_object *list; /* sup_list's */
} supervision_ud;

/* Each step of a supervision as a line of the report: date, what was done, by whom. */
static void supervision_steps(json_object *acts, hd_buf *b) {
  for (size_t i = 0; i < json_object_array_length(acts); i++) {
    json_object *a = json_object_array_get_idx(acts, i);
    const char *kind = hd_json_str(a, "kind"), *date = hd_json_str(a, "date");
    char cn[32] = "";
    hd_date d;
    if (date && hd_date_parse(date, &d)) hd_date_cn(d, cn);
    hd_buf_printf(b, "%s%s　", b->len ? "\n" : "", cn);
    if (!strcmp(kind, "report")) {
      hd_buf_printf(b, "向%s报告", hd_json_str(a, "regulator"));
      if (hd_json_str(a, "reference")) hd_buf_printf(b, "（%s）", hd_json_str(a, "reference"));
      hd_buf_printf(b, "：%s", hd_json_str(a, "text"));
    } else if (!strcmp(kind, "cancellation")) {
      hd_buf_printf(b, "%s，注销申请编号%s", hd_json_str(a, "text"), hd_json_str(a, "case"));
      const char *done = hd_json_str(a, "cancelled_date");
      if (done && hd_date_parse(done, &d)) {
        hd_date_cn(d, cn);
        hd_buf_printf(b, "，已于%s注销", cn);
      } else {
        hd_buf_printf(b, "，%s", !strcmp(hd_json_str(a, "case_status"), "rejected") ? "审核未通过，未予注销"
                                   : !strcmp(hd_json_str(a, "case_status"), "withdrawn") ? "已撤回"
                                                                              : "正在办理");
      }
    } else {
      hd_buf_printf(b, "%s：%s", !strcmp(kind, "close") ? "结案" : "采取措施", hd_json_str(a, "text"));
    }
    hd_buf_printf(b, "（%s）", hd_json_str(a, "actor"));
  }
  if (!b->len) hd_buf_printf(b, "尚未采取措施");
}

static int supervision_prepare(hd_expr *sb, void *ud) {
  supervision_ud *u = ud;
  static const char *const K[10] = {"number", "found", "subject", "uscc", "certificate",
                                    "category", "facts", "source", "status", "steps"};
  static const char *const C[2] = {"category", "count"};
  expr_list_add(sb, "items", -1, NULL, NULL);
  expr_list_add(sb, "categories", -1, NULL, NULL);
  int counts[8] = {0};
  const char *names[8] = {0};
  int nn = 0;
  for (size_t i = 0; i < json_object_array_length(u->list); i++) {
    json_object *o = json_object_array_get_idx(u->list, i);
    hd_buf steps;
    hd_buf_init(&steps, 4096);
    supervision_steps(json_object_object_get(o, "actions"), &steps);
    char found[32] = "";
    hd_date d;
    if (hd_date_parse(hd_json_str(o, "found_date"), &d)) hd_date_cn(d, found);
    const char *v[10] = {hd_json_str(o, "number"), found, hd_json_str(o, "subject"), hd_json_str(o, "uscc"),
                         hd_json_str(o, "certificate") ? hd_json_str(o, "certificate") : "—",
                         hd_json_str(o, "category_cn"), hd_json_str(o, "facts"), hd_json_str(o, "source"),
                         !strcmp(hd_json_str(o, "status"), "closed") ? "已结案" : "办理中", steps.p};
    expr_list_add(sb, "items", 10, K, v);
    hd_buf_release(&steps);
    int k = 0;
    while (k < nn && strcmp(names[k], hd_json_str(o, "category_cn"))) k++;
    if (k == nn && nn < 8) names[nn++] = hd_json_str(o, "category_cn");
    if (k < 8) counts[k]++;
  }
  for (int k = 0; k < nn; k++) {
    char n[16];
    hd_snprintf(n, sizeof n, "%d", counts[k]);
    const char *v[2] = {names[k], n};
    expr_list_add(sb, "categories", 2, C, v);
  }
  return HD_OK;
}

int docs_supervision(hd_docenv *e, const hd_template *t, const char *from, const char *to,
                     const char *today, int signed_, unsigned char **pdf, size_t *len,
                     hd_err *err) {
  hd_date issued;
  if (!hd_date_parse(today, &issued)) return hd_err_set(err, HD_EUSAGE, "'%s' is not a date", today);
  json_object *list = NULL;
  int rc = sup_list(e->db, from, to, 0, &list, err);
  if (rc) return rc;
  int open = 0, reported = 0, cancelled = 0;
  for (size_t i = 0; i < json_object_array_length(list); i++) {
    json_object *o = json_object_array_get_idx(list, i), *acts = json_object_object_get(o, "actions");
    open += !strcmp(hd_json_str(o, "status"), "open");
    reported += json_object_get_boolean(json_object_object_get(o, "reported"));
    for (size_t k = 0; k < json_object_array_length(acts); k++)
      cancelled += hd_json_str(json_object_array_get_idx(acts, k), "cancelled_date") != NULL;
  }
  kvlist kv;
  memset(&kv, 0, sizeof kv);
  char n[32];
  kv_add(&kv, "report.from", hd_strdup(from));
  kv_add(&kv, "report.to", hd_strdup(to));
  hd_snprintf(n, sizeof n, "%zu", json_object_array_length(list));
  kv_add(&kv, "report.count", hd_strdup(n));
  hd_snprintf(n, sizeof n, "%d", open);
  kv_add(&kv, "report.open", hd_strdup(n));
  hd_snprintf(n, sizeof n, "%zu", json_object_array_length(list) - (size_t)open);
  kv_add(&kv, "report.closed", hd_strdup(n));
  hd_snprintf(n, sizeof n, "%d", reported);
  kv_add(&kv, "report.reported", hd_strdup(n));
  hd_snprintf(n, sizeof n, "%d", cancelled);
  kv_add(&kv, "report.cancelled", hd_strdup(n));
  kv_add(&kv, "authority", store_text(e->db, "SELECT value FROM settings WHERE key = 'authority_name' AND ?1 = ?1", 0));
  kv_add(&kv, "department", store_text(e->db, "SELECT value FROM settings WHERE key = 'supervising_department' AND ?1 = ?1", 0));
  if (signed_)
    kv_add(&kv, "seal_image", store_text(e->db, "SELECT value FROM settings WHERE key = 'seal_image' AND ?1 = ?1", 0));
  else
    kv_add(&kv, "report.unsigned", hd_strdup("1"));
  kv_add(&kv, "today", hd_strdup(today));
  supervision_ud u = {list};
  hd_doc_opts o = {kv.v, kv.n, supervision_prepare, &u, issued, 0};
  const char *bad = NULL;
  if ((rc = timed_render(e, t, &o, pdf, len, &bad, err)) && bad)
    hd_err_prefix(err, "supervision report: {%s}", bad);
  for (int i = 0; i < kv.n; i++) free(kv.owned[i]);
  json_object_put(list);
  return rc;
}
