/* publish.c: the register's public site (publish.h). */
#include "publish/publish.h"

#include <dirent.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ledger/checkpoint.h"
#include "ledger/ledger.h"
#include "model/certfields.h"
#include "pdf/sign.h"
#include "stats/stats.h"
#include "util/date.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/fsutil.h"
#include "util/html.h"
#include "util/sha256.h"

#define SITE_MAX ((size_t)256 << 20) /* one file of the site */

typedef struct cert {
  long long id, prior;       /* prior: the certificate its case refers to (0: none) */
  long long root;            /* the first registration of its line */
  char *number, *case_number, *reg_type, *sha256;
  hd_doc_info info;          /* for ledger_document_standing */
  hd_doc_standing standing;
  json_object *fields;       /* [[label, value], ...] as published */
  char *holder, *name;       /* 数据产权权利人, 数据产权名称 for the lists */
} cert;

typedef struct site {
  sqlite3 *db;
  const hd_publish_opts *o;
  hd_publish_report *rep;
  hd_err *err;
  int withhold[HD_CERT_FIELDS];
  char *authority;
  cert *c;
  int n;
  long long max_id;
  int *by_id;                /* certificate id -> index in c, -1 */
  char **written;            /* data files written this time (relative), for the clean-up */
  int n_written, cap_written;
} site;

static const char *type_label(const char *t) {
  if (!t) return "";
  if (!strcmp(t, "first")) return "首次登记";
  if (!strcmp(t, "license")) return "许可登记";
  if (!strcmp(t, "transfer")) return "转让登记";
  if (!strcmp(t, "change")) return "变更登记";
  if (!strcmp(t, "cancel")) return "注销登记";
  return t;
}

static char *col(sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return hd_strdup(t ? (const char *)t : "");
}
static void col_into(sqlite3_stmt *st, int i, char *dst, size_t size) {
  const unsigned char *t = sqlite3_column_text(st, i);
  hd_snprintf(dst, size, "%s", t ? (const char *)t : "");
}

/* ---- files ---------------------------------------------------------------------- */

/* Write rel under the site folder if its bytes differ from what is there (atomically). */
static int put(site *s, const char *rel, const char *data, size_t len) {
  char path[4400];
  if (hd_snprintf(path, sizeof path, "%s/%s", s->o->out_dir, rel) < 0)
    return hd_err_set(s->err, HD_EIO, "path too long: '%s/%s'", s->o->out_dir, rel);
  s->rep->files++;
  s->rep->bytes += len;
  if (s->n_written == s->cap_written) {
    int cap = s->cap_written ? 2 * s->cap_written : 256;
    char **w = realloc(s->written, (size_t)cap * sizeof *w);
    if (!w) return hd_err_set(s->err, HD_ENOMEM, "out of memory");
    s->written = w;
    s->cap_written = cap;
  }
  if (!(s->written[s->n_written] = hd_strdup(rel))) return hd_err_set(s->err, HD_ENOMEM, "out of memory");
  s->n_written++;
  char *old = NULL;
  size_t olen = 0;
  hd_err ignored = {0};
  if (hd_read_file(path, len + 1, &old, &olen, &ignored) == HD_OK && olen == len &&
      !memcmp(old, data, len)) {
    free(old);
    return HD_OK;
  }
  free(old);
  s->rep->written++;
  return hd_write_atomic(path, data, len, s->err);
}
static int put_buf(site *s, const char *rel, hd_buf *b) {
  if (!b->p) return hd_err_set(s->err, HD_ENOMEM, "out of memory writing '%s'", rel);
  return put(s, rel, b->p, b->len);
}

/* A data file: "FN(\"NAME\", JSON);" (a script, which a file:// page may load). */
static int put_script(site *s, const char *rel, const char *fn, const char *name, json_object *o) {
  const char *j = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  if (!j) return hd_err_set(s->err, HD_ENOMEM, "out of memory");
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  hd_buf_printf(&b, "%s(\"%s\", ", fn, name);
  hd_buf_adds(&b, j);
  hd_buf_adds(&b, ");\n");
  int rc = put_buf(s, rel, &b);
  hd_buf_release(&b);
  return rc;
}

static int was_written(site *s, const char *rel) {
  for (int i = 0; i < s->n_written; i++)
    if (!strcmp(s->written[i], rel)) return 1;
  return 0;
}

/* Remove the .js files of data/SUB that this publication did not write (an earlier one
 * with another shard count). */
static void clean(site *s, const char *sub) {
  char dir[4400];
  hd_snprintf(dir, sizeof dir, "%s/data/%s", s->o->out_dir, sub);
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 3, ".js")) continue;
    char rel[600], path[5100];
    hd_snprintf(rel, sizeof rel, "data/%s/%s", sub, e->d_name);
    if (was_written(s, rel)) continue;
    hd_snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (unlink(path) == 0) s->rep->removed++;
  }
  closedir(d);
}

/* ---- HTML ---------------------------------------------------------------------------- */

/* Register text into a page; a newline is a line break. */
static void esc(hd_buf *b, const char *t) { hd_html_text(b, t, HD_HTML_BR); }

static const struct { const char *file, *label; } NAV[] = {
    {"index.html", "登记公示"},     {"lookup.html", "证书查询"},
    {"verify.html", "文书核验"},    {"cancelled.html", "已注销证书"},
    {"superseded.html", "已被取代的证书"}, {"stats.html", "登记统计"},
    {"checkpoints.html", "检查点与公钥"},
};

static void page_head(site *s, hd_buf *b, const char *file, const char *title) {
  hd_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  esc(b, title);
  hd_buf_adds(b, " - ");
  esc(b, s->authority);
  hd_buf_adds(b, "</title>\n<link rel=\"stylesheet\" href=\"site.css\">\n</head>\n<body>\n<header>\n<h1>");
  esc(b, s->authority);
  hd_buf_adds(b, " 健康医疗数据产权登记簿</h1>\n<p>公开信息，截至");
  esc(b, s->o->date);
  hd_buf_adds(b, "</p>\n</header>\n<nav>\n<ul>\n");
  for (size_t i = 0; i < sizeof NAV / sizeof *NAV; i++)
    hd_buf_printf(b, "<li><a href=\"%s\"%s>%s</a></li>\n", NAV[i].file,
                  strcmp(NAV[i].file, file) ? "" : " class=\"here\"", NAV[i].label);
  hd_buf_adds(b, "</ul>\n</nav>\n<main>\n");
}

static void page_foot(site *s, hd_buf *b, const char *scripts) {
  hd_buf_adds(b, "</main>\n<footer>\n<p>本网站由登记簿于");
  esc(b, s->o->date);
  hd_buf_adds(b, "生成（《健康医疗数据产权合规登记规则指南》第5.3.2条：登记记录可追溯、可核验）。"
                 "不含自然人的个人信息。</p>\n</footer>\n");
  if (scripts) hd_buf_adds(b, scripts);
  hd_buf_adds(b, "</body>\n</html>\n");
}

/* ---- certificates ------------------------------------------------------------------- */

static int load_certs(site *s) {
  sqlite3_stmt *st = NULL;
  int rc = HD_OK;
  if (store_prepare(s->db,
          "SELECT c.id, c.number, k.number, k.reg_type, coalesce(k.prior_certificate_id, 0), "
          "c.status, c.registration_date, c.valid_until, sc.number, sk.number, sk.reg_type, "
          "sc.registration_date, d.sha256 FROM certificates c JOIN cases k ON k.id = c.case_id "
          "LEFT JOIN certificates sc ON sc.id = c.superseded_by LEFT JOIN cases sk ON sk.id = "
          "sc.case_id LEFT JOIN documents d ON d.kind = 'certificate' AND d.certificate_id = c.id "
          "WHERE c.status IN ('issued', 'superseded', 'cancelled') AND c.registration_date <= ?1 "
          "ORDER BY c.id", &st, s->err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, s->o->date, -1, SQLITE_STATIC);
  int cap = 0, r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (s->n == cap) {
      cap = cap ? 2 * cap : 1024;
      cert *nc = realloc(s->c, (size_t)cap * sizeof *nc);
      if (!nc) { rc = hd_err_set(s->err, HD_ENOMEM, "out of memory"); break; }
      s->c = nc;
    }
    cert *c = &s->c[s->n++];
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(st, 0);
    c->number = col(st, 1);
    c->case_number = col(st, 2);
    c->reg_type = col(st, 3);
    c->prior = sqlite3_column_int64(st, 4);
    c->sha256 = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL : col(st, 12);
    hd_snprintf(c->info.kind, sizeof c->info.kind, "certificate");
    hd_snprintf(c->info.cert_number, sizeof c->info.cert_number, "%s", c->number ? c->number : "");
    col_into(st, 5, c->info.cert_status, sizeof c->info.cert_status);
    col_into(st, 6, c->info.registered, sizeof c->info.registered);
    col_into(st, 7, c->info.valid_until, sizeof c->info.valid_until);
    col_into(st, 8, c->info.superseded_by, sizeof c->info.superseded_by);
    col_into(st, 9, c->info.superseded_case, sizeof c->info.superseded_case);
    col_into(st, 10, c->info.superseded_type, sizeof c->info.superseded_type);
    col_into(st, 11, c->info.superseded_date, sizeof c->info.superseded_date);
    if (!c->number || !c->case_number || !c->reg_type) { rc = hd_err_set(s->err, HD_ENOMEM, "out of memory"); break; }
    if (c->id > s->max_id) s->max_id = c->id;
  }
  if (rc == HD_OK && r != SQLITE_DONE) rc = hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db));
  sqlite3_finalize(st);
  if (rc) return rc;
  s->by_id = malloc((size_t)(s->max_id + 1) * sizeof *s->by_id);
  if (!s->by_id) return hd_err_set(s->err, HD_ENOMEM, "out of memory");
  for (long long i = 0; i <= s->max_id; i++) s->by_id[i] = -1;
  for (int i = 0; i < s->n; i++) s->by_id[s->c[i].id] = i;
  /* The night cancels a certificate by carrying out a cancellation case on it (6.5): the
   * case and the day of its move to 'cancelled', as ledger_document_lookup reads them. */
  if (store_prepare(s->db,
          "SELECT k.prior_certificate_id, k.number, (SELECT e.at FROM case_events e WHERE "
          "e.case_id = k.id AND e.to_status = 'cancelled' ORDER BY e.id DESC LIMIT 1) FROM cases k "
          "WHERE k.reg_type = 'cancel' AND k.status = 'cancelled' AND k.prior_certificate_id IS NOT "
          "NULL ORDER BY k.id", &st, s->err))
    return HD_EDB;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(st, 0);
    if (id < 1 || id > s->max_id || s->by_id[id] < 0) continue;
    cert *c = &s->c[s->by_id[id]];
    col_into(st, 1, c->info.cancel_case, sizeof c->info.cancel_case);
    col_into(st, 2, c->info.cancel_date, sizeof c->info.cancel_date);
  }
  if (r != SQLITE_DONE) rc = hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db));
  sqlite3_finalize(st);
  if (rc) return rc;
  /* Its line: the prior certificates up to the first registration. */
  for (int i = 0; i < s->n; i++) {
    cert *c = &s->c[i];
    long long root = c->id;
    for (int hops = 0; hops < s->n; hops++) {
      cert *p = &s->c[s->by_id[root]];
      if (!p->prior || p->prior > s->max_id || s->by_id[p->prior] < 0) break;
      root = p->prior;
    }
    c->root = root;
    c->standing = ledger_document_standing(&c->info, s->o->date);
    switch (c->standing) {
    case HD_DOC_SUPERSEDED: s->rep->superseded++; break;
    case HD_DOC_CANCELLED: s->rep->cancelled++; break;
    case HD_DOC_EXPIRED: s->rep->expired++; break;
    default: s->rep->current++; break;
    }
  }
  s->rep->certificates = s->n;
  /* Their 5.2.1 fields as frozen (certificate_fields), those withheld left out. */
  if (store_prepare(s->db, "SELECT certificate_id, label, value FROM certificate_fields ORDER BY "
                           "certificate_id, position", &st, s->err))
    return HD_EDB;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(st, 0);
    if (id < 1 || id > s->max_id || s->by_id[id] < 0) continue;
    cert *c = &s->c[s->by_id[id]];
    const char *label = (const char *)sqlite3_column_text(st, 1);
    const char *value = (const char *)sqlite3_column_text(st, 2);
    int k = certfields_find(label);
    if (k == HD_CF_HOLDER && !c->holder) c->holder = hd_strdup(value ? value : "");
    if (k == HD_CF_NAME && !c->name) c->name = hd_strdup(value ? value : "");
    if (k >= 0 && s->withhold[k]) continue;
    if (!c->fields && !(c->fields = json_object_new_array())) { rc = HD_ENOMEM; break; }
    json_object *f = json_object_new_array();
    if (!f || json_object_array_add(f, json_object_new_string(label ? label : "")) ||
        json_object_array_add(f, json_object_new_string(value ? value : "")) ||
        json_object_array_add(c->fields, f)) { rc = HD_ENOMEM; break; }
  }
  if (rc == HD_ENOMEM) rc = hd_err_set(s->err, HD_ENOMEM, "out of memory");
  else if (r != SQLITE_DONE) rc = hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db));
  sqlite3_finalize(st);
  return rc;
}

static const char *standing_key(hd_doc_standing st) {
  switch (st) {
  case HD_DOC_SUPERSEDED: return "superseded";
  case HD_DOC_CANCELLED: return "cancelled";
  case HD_DOC_EXPIRED: return "expired";
  default: return "current";
  }
}
static const char *standing_label(hd_doc_standing st) {
  switch (st) {
  case HD_DOC_SUPERSEDED: return "已被取代";
  case HD_DOC_CANCELLED: return "已注销";
  case HD_DOC_EXPIRED: return "已过有效期";
  default: return "有效";
  }
}

/* iso (YYYY-MM-DD) as Chinese sentences write a date, 2026年3月16日; anything else as is. */
static const char *date_cn(const char *iso, char out[32]) {
  hd_date d;
  if (iso && hd_date_parse(iso, &d)) {
    hd_date_cn(d, out);
    return out;
  }
  return iso ? iso : "";
}

/* The sentence the site says about c on the publication date (clauses 6.4, 6.5; expiry:
 * the validity period of 5.2.1 ended before the date). Dates as Chinese text writes them. */
static void standing_text(site *s, const cert *c, char *out, size_t size) {
  const hd_doc_info *d = &c->info;
  char a[32], b[32];
  switch (c->standing) {
  case HD_DOC_SUPERSEDED:
    hd_snprintf(out, size, "该证书已于%s被证书%s取代（%s，申请编号%s），不再有效。",
                *d->superseded_date ? date_cn(d->superseded_date, a) : "（日期未记录）", d->superseded_by,
                type_label(d->superseded_type), d->superseded_case);
    break;
  case HD_DOC_CANCELLED:
    hd_snprintf(out, size, "该证书已于%s注销（注销登记，申请编号%s），不再有效。",
                *d->cancel_date ? date_cn(d->cancel_date, a) : "（日期未记录）", *d->cancel_case ? d->cancel_case : "未记录");
    break;
  case HD_DOC_EXPIRED:
    hd_snprintf(out, size, "该证书的有效期已于%s届满，截至%s已过有效期。", date_cn(d->valid_until, a),
                date_cn(s->o->date, b));
    break;
  default:
    hd_snprintf(out, size, "截至%s，该证书有效，有效期至%s。", date_cn(s->o->date, b),
                date_cn(d->valid_until, a));
    break;
  }
}

static const site *sort_site; /* for cmp_line (qsort has no user data) */
static int cmp_line(const void *a, const void *b) {
  const site *s = sort_site;
  const cert *x = &s->c[*(const int *)a], *y = &s->c[*(const int *)b];
  if (x->root != y->root) return x->root < y->root ? -1 : 1;
  int d = strcmp(x->info.registered, y->info.registered);
  if (d) return d;
  return x->id < y->id ? -1 : x->id > y->id;
}

static json_object *jstr(const char *t) { return json_object_new_string(t ? t : ""); }

static json_object *event(const char *date, const char *type, const char *number, const char *kase) {
  json_object *e = json_object_new_object();
  json_object_object_add(e, "date", jstr(date));
  json_object_object_add(e, "type", jstr(type));
  json_object_object_add(e, "certificate", jstr(number));
  json_object_object_add(e, "case", jstr(kase));
  return e;
}

/* fnv1a32 of the number's bytes: the shard lookup.js computes. */
static uint32_t fnv1a(const char *t) {
  uint32_t h = 0x811c9dc5u;
  for (const unsigned char *p = (const unsigned char *)t; *p; p++) h = (h ^ *p) * 0x01000193u;
  return h;
}

static int write_certs(site *s, int *shards_out) {
  int shards = 16;
  while (shards < 4096 && s->n / shards > 64) shards *= 2;
  *shards_out = shards;
  int rc = HD_OK;
  json_object **shard = calloc((size_t)shards, sizeof *shard);
  int *order = malloc((size_t)(s->n ? s->n : 1) * sizeof *order);
  json_object *withheld = json_object_new_array();
  if (!shard || !order || !withheld) { rc = hd_err_set(s->err, HD_ENOMEM, "out of memory"); goto cleanup; }
  for (int k = 0; k < HD_CERT_FIELDS; k++)
    if (s->withhold[k]) json_object_array_add(withheld, jstr(HD_CERT_FIELD[k].label));
  for (int i = 0; i < shards; i++)
    if (!(shard[i] = json_object_new_object())) { rc = hd_err_set(s->err, HD_ENOMEM, "out of memory"); goto cleanup; }
  for (int i = 0; i < s->n; i++) order[i] = i;
  sort_site = s;
  qsort(order, (size_t)s->n, sizeof *order, cmp_line);
  /* One history per line (first registration, licences, transfers, changes, the
   * cancellation), shared by every certificate of the line. */
  json_object **hist = calloc((size_t)(s->n ? s->n : 1), sizeof *hist);
  if (!hist) { rc = hd_err_set(s->err, HD_ENOMEM, "out of memory"); goto cleanup; }
  for (int a = 0; a < s->n;) {
    int b = a;
    while (b < s->n && s->c[order[b]].root == s->c[order[a]].root) b++;
    json_object *h = json_object_new_array();
    for (int i = a; i < b; i++) {
      cert *c = &s->c[order[i]];
      json_object_array_add(h, event(c->info.registered, type_label(c->reg_type), c->number, c->case_number));
    }
    for (int i = a; i < b; i++) {
      cert *c = &s->c[order[i]];
      if (c->standing == HD_DOC_CANCELLED)
        json_object_array_add(h, event(c->info.cancel_date, "注销登记", c->number, c->info.cancel_case));
    }
    for (int i = a; i < b; i++) hist[order[i]] = i == a ? h : json_object_get(h);
    a = b;
  }
  for (int i = 0; i < s->n; i++) {
    cert *c = &s->c[i];
    char text[600];
    standing_text(s, c, text, sizeof text);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "number", jstr(c->number));
    json_object_object_add(o, "status", jstr(standing_key(c->standing)));
    json_object_object_add(o, "status_label", jstr(standing_label(c->standing)));
    json_object_object_add(o, "status_text", jstr(text));
    json_object_object_add(o, "registered", jstr(c->info.registered));
    json_object_object_add(o, "valid_until", jstr(c->info.valid_until));
    json_object_object_add(o, "fields", c->fields ? c->fields : json_object_new_array());
    c->fields = NULL;
    json_object_object_add(o, "withheld", json_object_get(withheld));
    json_object_object_add(o, "history", hist[i]);
    json_object_object_add(o, "sha256", c->sha256 ? jstr(c->sha256) : NULL);
    json_object_object_add(shard[fnv1a(c->number) % (uint32_t)shards], c->number, o);
  }
  free(hist);
  for (int i = 0; i < shards && rc == HD_OK; i++) {
    char rel[64], name[8];
    hd_snprintf(name, sizeof name, "%04x", i);
    hd_snprintf(rel, sizeof rel, "data/c/%s.js", name);
    rc = put_script(s, rel, "hdregCertShard", name, shard[i]);
  }
cleanup:
  if (shard)
    for (int i = 0; i < shards; i++) json_object_put(shard[i]);
  free(shard);
  free(order);
  json_object_put(withheld);
  return rc;
}

/* A table of the certificates in standing `which` (cancelled or superseded). */
static int write_list(site *s, hd_doc_standing which, const char *file, const char *title,
                      const char *intro) {
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  page_head(s, &b, file, title);
  hd_buf_printf(&b, "<h2>%s</h2>\n<p>", title);
  esc(&b, intro);
  hd_buf_adds(&b, "</p>\n");
  int n = 0;
  for (int i = 0; i < s->n; i++) n += s->c[i].standing == which;
  if (!n) {
    hd_buf_adds(&b, "<p>截至");
    esc(&b, s->o->date);
    hd_buf_adds(&b, "，没有此类证书。</p>\n");
  } else {
    hd_buf_printf(&b, "<p>共%d份。</p>\n<div class=\"scroll\">\n<table>\n<tr><th>证书编号</th>", n);
    if (!s->withhold[HD_CF_HOLDER]) hd_buf_adds(&b, "<th>数据产权权利人</th>");
    if (!s->withhold[HD_CF_NAME]) hd_buf_adds(&b, "<th>数据产权名称</th>");
    hd_buf_adds(&b, which == HD_DOC_CANCELLED ? "<th>注销日期</th><th>注销申请编号</th></tr>\n"
                                              : "<th>取代日期</th><th>取代它的证书</th><th>登记类型</th></tr>\n");
    for (int i = 0; i < s->n; i++) {
      cert *c = &s->c[i];
      if (c->standing != which) continue;
      hd_buf_adds(&b, "<tr><td><a href=\"lookup.html?n=");
      esc(&b, c->number);
      hd_buf_adds(&b, "\">");
      esc(&b, c->number);
      hd_buf_adds(&b, "</a></td>");
      if (!s->withhold[HD_CF_HOLDER]) {
        hd_buf_adds(&b, "<td>");
        esc(&b, c->holder);
        hd_buf_adds(&b, "</td>");
      }
      if (!s->withhold[HD_CF_NAME]) {
        hd_buf_adds(&b, "<td>");
        esc(&b, c->name);
        hd_buf_adds(&b, "</td>");
      }
      hd_buf_adds(&b, "<td>");
      if (which == HD_DOC_CANCELLED) {
        esc(&b, c->info.cancel_date);
        hd_buf_adds(&b, "</td><td>");
        esc(&b, c->info.cancel_case);
      } else {
        esc(&b, c->info.superseded_date);
        hd_buf_adds(&b, "</td><td><a href=\"lookup.html?n=");
        esc(&b, c->info.superseded_by);
        hd_buf_adds(&b, "\">");
        esc(&b, c->info.superseded_by);
        hd_buf_adds(&b, "</a></td><td>");
        esc(&b, type_label(c->info.superseded_type));
      }
      hd_buf_adds(&b, "</td></tr>\n");
    }
    hd_buf_adds(&b, "</table>\n</div>\n");
  }
  page_foot(s, &b, NULL);
  int rc = put_buf(s, file, &b);
  hd_buf_release(&b);
  return rc;
}

/* ---- notices ------------------------------------------------------------------------ */

static int write_notices(site *s, json_object **digests) {
  sqlite3_stmt *st = NULL, *cs = NULL;
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  int rc = HD_OK, r;
  page_head(s, &b, "index.html", "登记公示");
  hd_buf_adds(&b, "<h2>登记公示</h2>\n<p>依据《健康医疗数据产权合规登记规则指南》第6.1.2条d)、第6.2.2条c)，"
                  "登记机构对拟予登记的申请予以公示。正在公示的排在前面。</p>\n");
  if (store_prepare(s->db,
          "SELECT n.id, n.number, n.published_date, n.end_date, n.working_days, d.sha256 FROM notices n "
          "LEFT JOIN documents d ON d.id = (SELECT max(id) FROM documents WHERE kind = 'notice' AND "
          "notice_id = n.id) WHERE n.published_date <= ?1 ORDER BY n.end_date >= ?1 DESC, "
          "n.published_date DESC, n.id DESC", &st, s->err) ||
      store_prepare(s->db,
          "SELECT k.number, a.name, r.name, k.reg_type, (SELECT group_concat(n, '、') FROM (SELECT "
          "DISTINCT CASE cr.right_kind WHEN 'holding' THEN '数据资源持有权' WHEN 'use' THEN "
          "'数据加工使用权' ELSE '数据产品经营权' END AS n FROM case_rights cr WHERE cr.case_id = k.id "
          "ORDER BY CASE cr.right_kind WHEN 'holding' THEN 1 WHEN 'use' THEN 2 ELSE 3 END)) FROM "
          "notice_cases nc JOIN cases k ON k.id = nc.case_id JOIN subjects a ON a.id = k.applicant_id "
          "JOIN resources r ON r.id = k.resource_id WHERE nc.notice_id = ?1 ORDER BY k.number",
          &cs, s->err)) {
    rc = HD_EDB;
    goto cleanup;
  }
  sqlite3_bind_text(st, 1, s->o->date, -1, SQLITE_STATIC);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    char number[64], pub[11], end[11];
    col_into(st, 1, number, sizeof number);
    col_into(st, 2, pub, sizeof pub);
    col_into(st, 3, end, sizeof end);
    int open = strcmp(end, s->o->date) >= 0;
    s->rep->notices++;
    s->rep->notices_open += open;
    hd_buf_adds(&b, "<section class=\"notice\" id=\"");
    esc(&b, number);
    hd_buf_adds(&b, "\">\n<h3>公示 ");
    esc(&b, number);
    hd_buf_printf(&b, " <span class=\"badge %s\">%s</span></h3>\n<p>公示期：", open ? "open" : "closed",
                  open ? "公示中" : "公示期已满");
    esc(&b, pub);
    hd_buf_adds(&b, "至");
    esc(&b, end);
    hd_buf_printf(&b, "，共%d个工作日（公示发布当日不计入，法定节假日不计入，调休上班日计入）。</p>\n",
                  sqlite3_column_int(st, 4));
    hd_buf_adds(&b, "<div class=\"scroll\">\n<table>\n<tr><th>序号</th><th>申请编号</th><th>登记主体</th>"
                    "<th>数据产权名称</th><th>登记类型</th><th>权利类别</th></tr>\n");
    sqlite3_reset(cs);
    sqlite3_bind_int64(cs, 1, sqlite3_column_int64(st, 0));
    int k = 0, cr;
    while ((cr = sqlite3_step(cs)) == SQLITE_ROW) {
      hd_buf_printf(&b, "<tr><td>%d</td>", ++k);
      for (int i = 0; i < 5; i++) {
        hd_buf_adds(&b, "<td>");
        const char *v = (const char *)sqlite3_column_text(cs, i);
        esc(&b, i == 3 ? type_label(v) : v);
        hd_buf_adds(&b, "</td>");
      }
      hd_buf_adds(&b, "</tr>\n");
    }
    if (cr != SQLITE_DONE) { rc = hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db)); goto cleanup; }
    hd_buf_adds(&b, "</table>\n</div>\n");
    if (open) {
      hd_buf_adds(&b, "<p><strong>异议方式：</strong>公示期内，任何单位或个人均可以对公示内容提出异议，"
                      "但须提供真实、必要的材料作为异议依据。异议请以书面形式向");
      esc(&b, s->authority);
      hd_buf_adds(&b, "提出，并注明公示编号和申请编号，于");
      esc(&b, end);
      hd_buf_adds(&b, "（含）前送达。登记机构自收到异议之日起对异议进行调查；公示期满无异议或异议不成立的，"
                      "依法发放登记证书。</p>\n");
    } else {
      hd_buf_adds(&b, "<p class=\"muted\">公示期已满，不再接受异议。</p>\n");
    }
    if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
      const char *sha = (const char *)sqlite3_column_text(st, 5);
      hd_buf_adds(&b, "<p class=\"muted\">公示文件的SHA-256：<code>");
      esc(&b, sha);
      hd_buf_adds(&b, "</code></p>\n");
      json_object *o = json_object_new_object();
      char text[300];
      hd_snprintf(text, sizeof text, "公示%s，%s发布，公示期至%s，共%d项申请。", number, pub, end, k);
      json_object_object_add(o, "kind", jstr("notice"));
      json_object_object_add(o, "what", jstr("登记公示"));
      json_object_object_add(o, "text", jstr(text));
      char hh[3] = {sha[0], sha[0] ? sha[1] : 0, 0};
      int idx = (int)strtol(hh, NULL, 16) & 0xff;
      if (!json_object_object_get_ex(digests[idx], sha, NULL)) {
        json_object_object_add(digests[idx], sha, o);
        s->rep->documents++;
      } else {
        json_object_put(o);
      }
    }
    hd_buf_adds(&b, "</section>\n");
  }
  if (r != SQLITE_DONE) { rc = hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db)); goto cleanup; }
  if (!s->rep->notices) hd_buf_adds(&b, "<p>尚无公示。</p>\n");
  page_foot(s, &b, NULL);
  rc = put_buf(s, "index.html", &b);
cleanup:
  sqlite3_finalize(st);
  sqlite3_finalize(cs);
  hd_buf_release(&b);
  return rc;
}

/* ---- documents, pages, keys, checkpoints ------------------------------------------ */

static int digest_index(const char *sha) {
  char hh[3] = {sha[0], sha[0] ? sha[1] : 0, 0};
  return (int)strtol(hh, NULL, 16) & 0xff;
}

/* The certificates', cancellation notices' and register extracts' SHA-256 into digests
 * (the verification page: a bank or exchange handed an extract checks it there; review
 * opinions and letters are the applicant's, not public). */
static int add_documents(site *s, json_object **digests) {
  for (int i = 0; i < s->n; i++) {
    cert *c = &s->c[i];
    if (!c->sha256 || strlen(c->sha256) != 64) continue;
    char text[600];
    standing_text(s, c, text, sizeof text);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "kind", jstr("certificate"));
    json_object_object_add(o, "number", jstr(c->number));
    json_object_object_add(o, "status", jstr(standing_key(c->standing)));
    json_object_object_add(o, "status_text", jstr(text));
    json_object *d = digests[digest_index(c->sha256)];
    if (json_object_object_get_ex(d, c->sha256, NULL)) json_object_put(o);
    else { json_object_object_add(d, c->sha256, o); s->rep->documents++; }
  }
  sqlite3_stmt *st;
  if (store_prepare(s->db, "SELECT d.sha256, d.created_date, c.number, d.kind FROM documents d "
                           "JOIN cases k ON k.id = d.case_id JOIN certificates c ON c.id = "
                           "k.prior_certificate_id WHERE d.kind = 'cancellation' AND d.created_date "
                           "<= ?1 UNION ALL SELECT d.sha256, d.created_date, c.number, d.kind FROM "
                           "documents d JOIN certificates c ON c.id = d.certificate_id WHERE d.kind = "
                           "'register_extract' AND d.created_date <= ?1 ORDER BY 2, 1", &st, s->err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, s->o->date, -1, SQLITE_STATIC);
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    const char *sha = (const char *)sqlite3_column_text(st, 0);
    if (!sha || strlen(sha) != 64) continue;
    char text[300];
    int extract = !strcmp((const char *)sqlite3_column_text(st, 3), "register_extract");
    hd_snprintf(text, sizeof text, extract ? "证书%s的登记簿摘录，%s出具（摘录所载为出具时登记簿的记载，"
                "证书现状以证书查询为准）。" : "证书%s的注销公告，%s发布。",
                sqlite3_column_text(st, 2), sqlite3_column_text(st, 1));
    json_object *o = json_object_new_object();
    json_object_object_add(o, "kind", jstr(extract ? "register_extract" : "cancellation"));
    json_object_object_add(o, "what", jstr(extract ? "登记簿摘录" : "注销公告"));
    json_object_object_add(o, "text", jstr(text));
    json_object *d = digests[digest_index(sha)];
    if (json_object_object_get_ex(d, sha, NULL)) json_object_put(o);
    else { json_object_object_add(d, sha, o); s->rep->documents++; }
  }
  int rc = r == SQLITE_DONE ? HD_OK : hd_err_set(s->err, HD_EDB, "database error: %s", sqlite3_errmsg(s->db));
  sqlite3_finalize(st);
  return rc;
}

static int write_lookup(site *s) {
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  page_head(s, &b, "lookup.html", "证书查询");
  hd_buf_adds(&b, "<h2>证书查询</h2>\n<p>输入登记证书编号，查询证书截至");
  esc(&b, s->o->date);
  hd_buf_adds(&b, "的状态（有效、已被变更或转让取代、已注销、已过有效期）、可公开的证书内容（第5.2.1条）、"
                  "登记历史和证书文件的SHA-256。</p>\n<form id=\"lookup\" action=\"lookup.html\">\n"
                  "<label for=\"number\">证书编号</label>\n<input type=\"text\" id=\"number\" name=\"n\" "
                  "autocomplete=\"off\" spellcheck=\"false\">\n<button type=\"submit\">查询</button>\n</form>\n"
                  "<div id=\"result\" aria-live=\"polite\"></div>\n<noscript><p>查询需要浏览器启用JavaScript；"
                  "也可查看已注销证书和已被取代的证书列表。</p></noscript>\n");
  page_foot(s, &b, "<script src=\"data/site.js\"></script>\n<script src=\"common.js\"></script>\n<script src=\"lookup.js\"></script>\n");
  int rc = put_buf(s, "lookup.html", &b);
  hd_buf_release(&b);
  return rc;
}

static int write_verify(site *s) {
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  page_head(s, &b, "verify.html", "文书核验");
  hd_buf_adds(&b, "<h2>文书核验</h2>\n<p>选择或拖入一份登记证书、登记公示、注销公告或登记簿摘录的PDF文件，浏览器在本机计算"
                  "其SHA-256（文件不会上传），并与登记簿记录的文书比对（第5.3.2条）。字节完全相同才算一致："
                  "改动哪怕一个字节，结果即为“不是本登记簿登记的文书”。</p>\n<div class=\"drop\" id=\"drop\">\n"
                  "<p><label for=\"file\">选择PDF文件，或将文件拖到此处</label></p>\n<p><input type=\"file\" "
                  "id=\"file\" accept=\"application/pdf,.pdf\"></p>\n<p><label for=\"proof\">包含证明（可选）："
                  "登记机构以 hdreg ledger prove 出具的 .proof 文件，核对该文书已记入登记簿、包含在登记机构签名公布的检查点中"
                  "</label></p>\n<p><input type=\"file\" id=\"proof\" accept=\".proof\"></p>\n</div>\n<div id=\"result\" "
                  "aria-live=\"polite\"></div>\n<p class=\"muted\">文书的电子签名和登记簿的检查点可用登记机构公布的公钥离线核验，"
                  "见“检查点与公钥”。</p>\n");
  page_foot(s, &b, "<script src=\"data/site.js\"></script>\n<script src=\"common.js\"></script>\n<script src=\"verify.js\"></script>\n");
  int rc = put_buf(s, "verify.html", &b);
  hd_buf_release(&b);
  return rc;
}

/* The keys' public files (never a private key) and the checkpoints file, copied, and the
 * page that lists them. */
/* stats.html: the figures of the twelve months up to the publication date (docs/stats.md)
 * and their chart, the one the morning report shows (stats_svg). Counts only: nothing of a
 * case, an applicant or a person. */
static int write_stats(site *s) {
  char from[11];
  json_object *st = NULL;
  hd_err se;
  hd_err_clear(&se);
  if (stats_default_period(s->o->date, from))
    return hd_err_set(s->err, HD_EUSAGE, "'%s' is not a valid date YYYY-MM-DD", s->o->date);
  int rc = stats_compute(s->db, from, s->o->date, &st, &se);
  /* A processing time that reaches a year without a holiday schedule (HD_EDATA) leaves
   * the page saying so; the rest of the site does not depend on it. */
  if (rc && rc != HD_EDATA) return hd_err_set(s->err, rc, "statistics: %s", se.msg);
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  page_head(s, &b, "stats.html", "登记统计");
  hd_buf_adds(&b, "<h2>登记统计（");
  esc(&b, from);
  hd_buf_adds(&b, " 至 ");
  esc(&b, s->o->date);
  hd_buf_adds(&b, "）</h2>\n<p>期间收到的登记申请（按申请日期）及其期末状态、期间的审核决定、各月末有效的证书数，"
                  "以及办结案件的办理时间：自登记机构收到全部材料之日（第6.1.2条b项、第6.2.2条b项）起至办结之日，"
                  "按法定节假日安排计算的工作日数，起算日不计入。</p>\n");
  if (st) {
    hd_buf_adds(&b, "<figure class=\"chart\">");
    stats_svg(&b, st);
    hd_buf_adds(&b, "<figcaption>近 12 个月的登记统计（每月的数字为该月最后一日或发布日有效的证书数）"
                    "</figcaption></figure>\n");
  } else {
    hd_buf_adds(&b, "<p>本期统计暂不能计算：尚未载入所需年份的法定节假日安排。</p>\n");
  }
  page_foot(s, &b, NULL);
  json_object_put(st);
  rc = put_buf(s, "stats.html", &b);
  hd_buf_release(&b);
  return rc;
}

static int write_checkpoints(site *s) {
  hd_buf b;
  hd_buf_init(&b, SITE_MAX);
  int rc = HD_OK;
  page_head(s, &b, "checkpoints.html", "检查点与公钥");
  hd_buf_adds(&b, "<h2>登记簿的检查点</h2>\n<p>每晚登记簿的Merkle树头（RFC 6962）由登记机构签名公布（C2SP签名检查点，"
                  "Ed25519）。已公布的检查点不会被改写：后来的登记簿必须包含它（第5.3.2条：防篡改、可追溯、可核验）。</p>\n");
  char *text = NULL;
  size_t len = 0;
  hd_err ignored = {0};
  if (s->o->checkpoints && access(s->o->checkpoints, F_OK) == 0) {
    if ((rc = hd_read_file(s->o->checkpoints, SITE_MAX, &text, &len, s->err))) goto cleanup;
    if ((rc = put(s, "checkpoints.txt", text, len))) goto cleanup;
    /* Each note: origin, tree size, root, date, an empty line, the signature line(s). */
    hd_buf_adds(&b, "<div class=\"scroll\">\n<table>\n<tr><th>日期</th><th>条目数</th><th>树根（Base64）</th></tr>\n");
    char *save = text;
    int line = 0;
    char size[32] = "", root[128] = "";
    for (char *p = text; p && *p;) {
      char *nl = strchr(p, '\n');
      if (nl) *nl = '\0';
      if (!*p) line = -1; /* the end of a body */
      else if (line >= 0) {
        if (line == 1) hd_snprintf(size, sizeof size, "%s", p);
        if (line == 2) hd_snprintf(root, sizeof root, "%s", p);
        if (line == 3) {
          hd_buf_adds(&b, "<tr><td>");
          esc(&b, !strncmp(p, "date ", 5) ? p + 5 : p);
          hd_buf_adds(&b, "</td><td>");
          esc(&b, size);
          hd_buf_adds(&b, "</td><td class=\"hash\">");
          esc(&b, root);
          hd_buf_adds(&b, "</td></tr>\n");
          s->rep->checkpoints++;
        }
        line++;
      } else if (p[0] != '\xE2') {
        line = 1; /* the first line of the next note: its origin */
      }
      p = nl ? nl + 1 : NULL;
    }
    (void)save;
    hd_buf_adds(&b, "</table>\n</div>\n<p><a href=\"checkpoints.txt\">checkpoints.txt</a>：全部已签名的检查点原文。"
                    "</p>\n");
  } else {
    hd_buf_adds(&b, "<p>尚未公布检查点。</p>\n");
  }
  hd_buf_adds(&b, "<h2>登记机构的公钥</h2>\n");
  int keys = 0;
  static const struct { const char *file, *what; } K[] = {
      {"authority.crt", "文书（PDF）电子签名的证书（X.509，PEM）"},
      {"authority-qr.pub", "证书二维码与检查点签名的公钥（Ed25519，PEM）"}};
  for (size_t i = 0; s->o->keys_dir && i < sizeof K / sizeof *K; i++) {
    char path[4400], rel[64];
    hd_snprintf(path, sizeof path, "%s/%s", s->o->keys_dir, K[i].file);
    free(text);
    text = NULL;
    if (hd_read_file(path, 1 << 20, &text, &len, &ignored) != HD_OK) continue;
    hd_snprintf(rel, sizeof rel, "keys/%s", K[i].file);
    if ((rc = put(s, rel, text, len))) goto cleanup;
    hd_buf_printf(&b, "<p><a href=\"%s\">%s</a>：%s</p>\n<pre>", rel, K[i].file, K[i].what);
    esc(&b, text);
    hd_buf_adds(&b, "</pre>\n");
    keys++;
  }
  if (!keys) hd_buf_adds(&b, "<p>未公布公钥。</p>\n");
  hd_buf_adds(&b, "<p class=\"muted\">离线核验：<code>hdreg verify</code>，或登记机构公布的独立核验程序"
                  "<code>hdreg-verify.py</code>（Python标准库和openssl）。</p>\n");
  page_foot(s, &b, NULL);
  rc = put_buf(s, "checkpoints.html", &b);
cleanup:
  free(text);
  hd_buf_release(&b);
  return rc;
}

/* publish_withhold: 5.2.1 labels separated by commas, 、 or newlines. */
static int read_withhold(site *s) {
  char *v = NULL;
  hd_err ignored = {0};
  if (store_setting(s->db, "publish_withhold", &v, &ignored) != HD_OK || !v) return HD_OK;
  int rc = HD_OK;
  char *p = v;
  while (*p && rc == HD_OK) {
    size_t n = strcspn(p, ",\n");
    char *ideo = strstr(p, "、");
    if (ideo && (size_t)(ideo - p) < n) n = (size_t)(ideo - p);
    char label[200];
    size_t a = 0, e = n;
    while (a < e && p[a] == ' ') a++;
    while (e > a && p[e - 1] == ' ') e--;
    if (e > a) {
      hd_snprintf(label, sizeof label, "%.*s", (int)(e - a), p + a);
      int k = certfields_find(label);
      if (k < 0) rc = hd_err_set(s->err, HD_EDATA, "setting 'publish_withhold': '%s' is not a field of clause 5.2.1", label);
      else if (k == HD_CF_NUMBER) rc = hd_err_set(s->err, HD_EDATA, "setting 'publish_withhold': the certificate number cannot be withheld (the lookup is by number)");
      else s->withhold[k] = 1;
    }
    p += n;
    if (!strncmp(p, "、", strlen("、"))) p += strlen("、");
    else if (*p) p++;
  }
  free(v);
  return rc;
}

int publish_site(sqlite3 *db, const hd_publish_opts *o, hd_publish_report *rep, hd_err *err) {
  site s;
  memset(&s, 0, sizeof s);
  memset(rep, 0, sizeof *rep);
  s.db = db;
  s.o = o;
  s.rep = rep;
  s.err = err;
  json_object *digests[256] = {0};
  int rc = HD_OK, shards = 16;
  char dir[4400];
  static const char *const SUB[] = {"", "/data", "/data/c", "/data/d", "/keys"};
  for (size_t i = 0; i < sizeof SUB / sizeof *SUB && rc == HD_OK; i++) {
    hd_snprintf(dir, sizeof dir, "%s%s", o->out_dir, SUB[i]);
    rc = hd_mkdirs(dir, err);
  }
  if (rc) goto cleanup;
  if ((rc = read_withhold(&s))) goto cleanup;
  if (store_setting(db, "authority_name", &s.authority, err) != HD_OK || !s.authority) {
    rc = s.authority ? HD_EDB : hd_err_set(err, HD_EDATA, "setting 'authority_name' is missing");
    goto cleanup;
  }
  for (int i = 0; i < 256; i++)
    if (!(digests[i] = json_object_new_object())) { rc = hd_err_set(err, HD_ENOMEM, "out of memory"); goto cleanup; }
  if ((rc = load_certs(&s)) || (rc = write_notices(&s, digests)) || (rc = add_documents(&s, digests)) ||
      (rc = write_certs(&s, &shards)))
    goto cleanup;
  for (int i = 0; i < 256 && rc == HD_OK; i++) {
    char rel[32], name[4];
    hd_snprintf(name, sizeof name, "%02x", i);
    hd_snprintf(rel, sizeof rel, "data/d/%s.js", name);
    rc = put_script(&s, rel, "hdregDigestShard", name, digests[i]);
  }
  if (rc) goto cleanup;
  json_object *meta = json_object_new_object();
  json_object_object_add(meta, "date", jstr(o->date));
  json_object_object_add(meta, "shards", json_object_new_int(shards));
  json_object_object_add(meta, "certificates", json_object_new_int(s.n));
  /* The QR key (Ed25519, raw, hex) for the lookup page to check the signature a scanned
   * certificate's QR code carries after '#' (WebCrypto). */
  unsigned char pub[32];
  if (o->keys_dir && qr_public_load(o->keys_dir, pub) == 0) {
    char hex[65];
    hd_sha256_digits(pub, hex); /* 32 bytes as lower-case hex */
    json_object_object_add(meta, "qr_key", jstr(hex));
  }
  /* The published checkpoints as signed (each note's body and signature lines), for the
   * verification page to check an inclusion proof against one: it reads size and root
   * from the signed text itself and checks the signature with qr_key. */
  if (o->checkpoints) {
    hd_checkpoint *cp = NULL;
    int ncp = 0;
    if ((rc = checkpoints_read(o->checkpoints, 1, &cp, &ncp, err))) {
      json_object_put(meta);
      goto cleanup;
    }
    json_object *notes = json_object_new_array();
    for (int i = 0; i < ncp; i++) {
      json_object *note = json_object_new_object();
      json_object_object_add(note, "body", json_object_new_string_len(cp[i].body, (int)cp[i].body_len));
      json_object_object_add(note, "sigs", jstr(cp[i].sigs ? cp[i].sigs : ""));
      json_object_array_add(notes, note);
    }
    json_object_object_add(meta, "checkpoints", notes);
    checkpoints_free(cp, ncp);
  }
  const char *mj = json_object_to_json_string_ext(meta, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  hd_buf b;
  hd_buf_init(&b, 1 << 16);
  hd_buf_printf(&b, "window.hdregSite = %s;\n", mj ? mj : "null");
  rc = put_buf(&s, "data/site.js", &b);
  hd_buf_release(&b);
  json_object_put(meta);
  if (rc) goto cleanup;
  if ((rc = put(&s, "site.css", (const char *)hd_embed_site_css, hd_embed_site_css_len)) ||
      (rc = put(&s, "common.js", (const char *)hd_embed_site_common_js, hd_embed_site_common_js_len)) ||
      (rc = put(&s, "lookup.js", (const char *)hd_embed_site_lookup_js, hd_embed_site_lookup_js_len)) ||
      (rc = put(&s, "verify.js", (const char *)hd_embed_site_verify_js, hd_embed_site_verify_js_len)) ||
      (rc = write_lookup(&s)) || (rc = write_verify(&s)) ||
      (rc = write_list(&s, HD_DOC_CANCELLED, "cancelled.html", "已注销证书",
                       "依第6.5条注销的证书：自注销之日起不再有效。")) ||
      (rc = write_list(&s, HD_DOC_SUPERSEDED, "superseded.html", "已被取代的证书",
                       "因变更登记（第6.4条）或转让登记（第6.3条）由新证书取代的证书：自新证书登记之日起不再有效。")) ||
      (rc = write_stats(&s)) || (rc = write_checkpoints(&s)))
    goto cleanup;
  clean(&s, "c");
  clean(&s, "d");
cleanup:
  for (int i = 0; i < 256; i++) json_object_put(digests[i]);
  for (int i = 0; i < s.n; i++) {
    cert *c = &s.c[i];
    free(c->number); free(c->case_number); free(c->reg_type); free(c->sha256);
    free(c->holder); free(c->name);
    json_object_put(c->fields);
  }
  free(s.c);
  free(s.by_id);
  for (int i = 0; i < s.n_written; i++) free(s.written[i]);
  free(s.written);
  free(s.authority);
  return rc;
}
