/* stats.c: the figures of a period from the register (stats.h; docs/stats.md defines
 * them). Cases are counted by the day they were received, decisions by the day of the
 * review, closings and processing times by the day of the closing move, certificates by
 * their standing (ledger_document_standing) at each month's end. */
#include "stats/stats.h"

#include <stdlib.h>
#include <string.h>

#include "ledger/ledger.h"
#include "model/calendar.h"
#include "store/store.h"
#include "util/date.h"

static const char *const TYPES[] = {"first", "license", "transfer", "change", "cancel", NULL};
static const char *const PROCS[] = {"ordinary", "simplified", NULL};
static const char *const STATUSES[] = {"submitted", "rectify",  "held",     "committee_review",
                                       "approved",  "notice",   "certified", "rejected",
                                       "cancelled", "withdrawn", NULL};
static const char *const CLASSES[] = {"personal_attribute", "health_status", "medical_application",
                                      "medical_payment",    "health_resource", "public_health",
                                      NULL};
static const char *const GRADES[] = {"1", "2", "3", "4", "5", NULL};
static const char *const DECISIONS[] = {"approve", "rectify", "hold", "reject", NULL};
static const char *const CLOSED[] = {"certified", "rejected", "cancelled", "withdrawn", NULL};

static const struct { const char *group, *key, *cn; } LABELS[] = {
    {"type", "first", "首次登记"},           {"type", "license", "许可登记"},
    {"type", "transfer", "转让登记"},        {"type", "change", "变更登记"},
    {"type", "cancel", "注销登记"},          {"procedure", "ordinary", "普通程序"},
    {"procedure", "simplified", "简易程序"}, {"status", "submitted", "待审核"},
    {"status", "rectify", "补正材料"},       {"status", "held", "暂缓（现场核验）"},
    {"status", "committee_review", "合规委员会审核"}, {"status", "approved", "审核通过待公示"},
    {"status", "notice", "公示中"},          {"status", "certified", "已发证"},
    {"status", "rejected", "不予登记"},      {"status", "cancelled", "已注销"},
    {"status", "withdrawn", "已撤回"},       {"data_class", "personal_attribute", "个人属性数据"},
    {"data_class", "health_status", "健康状况数据"}, {"data_class", "medical_application", "医疗应用数据"},
    {"data_class", "medical_payment", "医疗支付数据"}, {"data_class", "health_resource", "卫生资源数据"},
    {"data_class", "public_health", "公共卫生数据"}, {"decision", "approve", "审核通过"},
    {"decision", "rectify", "补正材料"},     {"decision", "hold", "暂缓（人工核查）"},
    {"decision", "reject", "不予登记"},      {"closed", "certified", "发证"},
    {"closed", "rejected", "不予登记"},      {"closed", "cancelled", "注销"},
    {"closed", "withdrawn", "撤回"}};

const char *stats_label(const char *group, const char *key) {
  for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
    if (!strcmp(LABELS[i].group, group) && !strcmp(LABELS[i].key, key)) return LABELS[i].cn;
  return key;
}

int stats_default_period(const char *date, char from[11]) {
  hd_date d;
  if (!date || !hd_date_parse(date, &d)) return -1;
  int m = d.y * 12 + (d.m - 1) - 11;
  hd_date f = {m / 12, m % 12 + 1, 1};
  hd_date_iso(f, from);
  return 0;
}

/* An object with every key of keys at 0. */
static json_object *zeros(const char *const *keys) {
  json_object *o = json_object_new_object();
  for (int i = 0; o && keys[i]; i++) json_object_object_add(o, keys[i], json_object_new_int(0));
  return o;
}

/* o[key] += n; a key not in o (a value the schema does not know) is added at the end. */
static void bump(json_object *o, const char *key, int n) {
  json_object *v = NULL;
  if (!key) key = "";
  if (json_object_object_get_ex(o, key, &v)) json_object_set_int(v, json_object_get_int(v) + n);
  else json_object_object_add(o, key, json_object_new_int(n));
}

static const char *text(sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return t ? (const char *)t : "";
}

typedef struct ctx {
  sqlite3 *db;
  const char *from, *to;
  hd_err *err;
} ctx;

static int prep(ctx *c, const char *sql, sqlite3_stmt **st) {
  if (store_prepare(c->db, sql, st, c->err)) return HD_EDB;
  sqlite3_bind_text(*st, 1, c->from, -1, SQLITE_STATIC);
  sqlite3_bind_text(*st, 2, c->to, -1, SQLITE_STATIC);
  return HD_OK;
}

static int done(ctx *c, sqlite3_stmt *st, int r) {
  int rc = r == SQLITE_DONE ? HD_OK
                            : hd_err_set(c->err, HD_EDB, "database error: %s", sqlite3_errmsg(c->db));
  sqlite3_finalize(st);
  return rc;
}

/* Cases received in the period (applied_date), each with its status at the end of the
 * period: the status its last event on or before `to` moved it to; without one, the
 * status its first event moved it from; without events, its status now. */
static int received(ctx *c, json_object *out) {
  json_object *type = zeros(TYPES), *proc = zeros(PROCS), *status = zeros(STATUSES),
              *cls = zeros(CLASSES), *grade = zeros(GRADES);
  json_object_object_add(out, "total", json_object_new_int(0));
  json_object_object_add(out, "type", type);
  json_object_object_add(out, "procedure", proc);
  json_object_object_add(out, "status", status);
  json_object_object_add(out, "data_class", cls);
  json_object_object_add(out, "grade", grade);
  sqlite3_stmt *st = NULL;
  if (prep(c, "SELECT k.reg_type, k.procedure, coalesce((SELECT e.to_status FROM case_events e "
              "WHERE e.case_id = k.id AND e.at <= ?2 ORDER BY e.id DESC LIMIT 1), (SELECT "
              "e.from_status FROM case_events e WHERE e.case_id = k.id ORDER BY e.id LIMIT 1), "
              "k.status), r.data_class, r.grade FROM cases k JOIN resources r ON r.id = "
              "k.resource_id WHERE k.applied_date BETWEEN ?1 AND ?2",
           &st))
    return HD_EDB;
  int r, n = 0;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    n++;
    bump(type, text(st, 0), 1);
    bump(proc, text(st, 1), 1);
    const char *s = text(st, 2);
    bump(status, !strcmp(s, "authority_review") ? "submitted" : s, 1); /* legacy name */
    bump(cls, text(st, 3), 1);
    bump(grade, text(st, 4), 1);
  }
  json_object_object_add(out, "total", json_object_new_int(n));
  return done(c, st, r);
}

/* Review decisions of the period (decisions.as_of), and for each clause the decisions
 * that one of its findings decided: a fail for a rejection, a rectify for a return for
 * supplement, a manual or an error for a hold; a finding waived on the day of the review
 * decides nothing (as in the run report). */
static int decisions(ctx *c, json_object *out) {
  json_object *clauses = json_object_new_array();
  json_object_object_add(out, "total", json_object_new_int(0));
  for (int i = 0; DECISIONS[i]; i++) json_object_object_add(out, DECISIONS[i], json_object_new_int(0));
  json_object_object_add(out, "by_clause", clauses);
  sqlite3_stmt *st = NULL;
  if (prep(c, "SELECT decision, count(*) FROM decisions WHERE as_of BETWEEN ?1 AND ?2 GROUP BY "
              "decision",
           &st))
    return HD_EDB;
  int r, n = 0;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    n += sqlite3_column_int(st, 1);
    bump(out, text(st, 0), sqlite3_column_int(st, 1));
  }
  json_object_object_add(out, "total", json_object_new_int(n));
  if (done(c, st, r)) return HD_EDB;
  if (prep(c, "SELECT f.clause, x.decision, count(DISTINCT x.id) FROM decisions x JOIN findings f "
              "ON f.case_id = x.case_id AND f.as_of = x.as_of AND f.pack_revision = "
              "x.pack_revision WHERE x.as_of BETWEEN ?1 AND ?2 AND ((x.decision = 'reject' AND "
              "f.outcome = 'fail') OR (x.decision = 'rectify' AND f.outcome = 'rectify') OR "
              "(x.decision = 'hold' AND f.outcome IN ('manual', 'error'))) AND NOT EXISTS "
              "(SELECT 1 FROM waivers w WHERE w.case_id = f.case_id AND w.check_id = f.check_id "
              "AND w.approved_date <= x.as_of AND w.expires >= x.as_of AND f.outcome <> 'error' "
              "AND NOT EXISTS (SELECT 1 FROM waiver_revocations v WHERE v.waiver_id = w.id AND "
              "v.revoked_date <= x.as_of)) GROUP BY f.clause, x.decision ORDER BY f.clause",
           &st))
    return HD_EDB;
  json_object *row = NULL;
  const char *last = NULL;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    const char *cl = text(st, 0);
    if (!row || strcmp(last, cl)) {
      row = json_object_new_object();
      json_object_object_add(row, "clause", json_object_new_string(cl));
      json_object_object_add(row, "reject", json_object_new_int(0));
      json_object_object_add(row, "rectify", json_object_new_int(0));
      json_object_object_add(row, "hold", json_object_new_int(0));
      json_object_array_add(clauses, row);
      json_object *v = NULL;
      json_object_object_get_ex(row, "clause", &v);
      last = json_object_get_string(v);
    }
    bump(row, text(st, 1), sqlite3_column_int(st, 2));
  }
  return done(c, st, r);
}

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Working days after start up to and including end (Civil Code art. 201: the start day
 * is not counted); 0 when end is not after start; -1 with *year when a day between lies
 * in a year without a schedule. */
static int working_days(const hd_calendar *cal, hd_date start, hd_date end, int *year) {
  long a = hd_date_to_days(start), b = hd_date_to_days(end);
  int n = 0;
  for (long d = a + 1; d <= b; d++) {
    hd_date x = hd_date_from_days(d);
    int w = calendar_is_working(cal, x);
    if (w < 0) {
      *year = x.y;
      return -1;
    }
    n += w;
  }
  return n;
}

/* Cases closed in the period (the day of the move into certified, rejected, cancelled or
 * withdrawn), and the processing time of those the authority decided (all but the
 * withdrawn): from the day it received the complete materials (6.1.2 b, 6.2.2 b) — the
 * day of the last return from supplement before the closing move, else the acceptance
 * date, else the application date — to the day of the closing move, in working days. */
static int closed(ctx *c, json_object *out, json_object *pt) {
  hd_calendar *cal = NULL;
  int *days = NULL, n = 0, cap = 0, rc = HD_OK, r = SQLITE_DONE, total = 0;
  json_object_object_add(out, "total", json_object_new_int(0));
  for (int i = 0; CLOSED[i]; i++) json_object_object_add(out, CLOSED[i], json_object_new_int(0));
  if (calendar_load(c->db, &cal, c->err)) return c->err->code;
  sqlite3_stmt *st = NULL;
  if (prep(c, "SELECT k.number, e.to_status, e.at, coalesce((SELECT s.at FROM case_events s "
              "WHERE s.case_id = k.id AND s.id < e.id AND s.from_status = 'rectify' AND "
              "s.to_status = 'submitted' ORDER BY s.id DESC LIMIT 1), k.accepted_date, "
              "k.applied_date) FROM case_events e JOIN cases k ON k.id = e.case_id WHERE "
              "e.to_status IN ('certified', 'rejected', 'cancelled', 'withdrawn') AND e.at "
              "BETWEEN ?1 AND ?2 ORDER BY k.number, e.id",
           &st)) {
    calendar_free(cal);
    return HD_EDB;
  }
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    const char *to = text(st, 1);
    total++;
    bump(out, to, 1);
    if (!strcmp(to, "withdrawn")) continue;
    hd_date a, b;
    if (!hd_date_parse(text(st, 3), &a) || !hd_date_parse(text(st, 2), &b)) {
      rc = hd_err_set(c->err, HD_EDATA, "case '%s': processing time: '%s' or '%s' is not a date "
                      "YYYY-MM-DD", text(st, 0), text(st, 3), text(st, 2));
      break;
    }
    int year = 0, w = working_days(cal, a, b, &year);
    if (w < 0) {
      rc = hd_err_set(c->err, HD_EDATA, "case '%s': processing time from %s to %s reaches %d, "
                      "which has no holiday schedule (hdreg calendar import)", text(st, 0),
                      text(st, 3), text(st, 2), year);
      break;
    }
    if (n == cap) {
      int *nd = realloc(days, (size_t)(cap = cap ? 2 * cap : 256) * sizeof *nd);
      if (!nd) {
        rc = hd_err_set(c->err, HD_ENOMEM, "out of memory");
        break;
      }
      days = nd;
    }
    days[n++] = w;
  }
  if (rc == HD_OK) rc = done(c, st, r);
  else sqlite3_finalize(st);
  calendar_free(cal);
  if (rc) {
    free(days);
    return rc;
  }
  json_object_object_add(out, "total", json_object_new_int(total));
  if (n) qsort(days, (size_t)n, sizeof *days, cmp_int); /* days is NULL when n is 0 */
  json_object_object_add(pt, "cases", json_object_new_int(n));
  json_object *med = NULL, *p90 = NULL, *mn = NULL, *mx = NULL;
  if (n) {
    /* the median: the middle value, or the mean of the two middle ones; the 90th
     * percentile by nearest rank: the ceil(0.9 n)-th smallest value */
    if (n % 2) med = json_object_new_int(days[n / 2]);
    else if ((days[n / 2 - 1] + days[n / 2]) % 2 == 0)
      med = json_object_new_int((days[n / 2 - 1] + days[n / 2]) / 2);
    else
      med = json_object_new_double((days[n / 2 - 1] + days[n / 2]) / 2.0);
    p90 = json_object_new_int(days[(9 * n + 9) / 10 - 1]);
    mn = json_object_new_int(days[0]);
    mx = json_object_new_int(days[n - 1]);
  }
  json_object_object_add(pt, "median", med);
  json_object_object_add(pt, "p90", p90);
  json_object_object_add(pt, "min", mn);
  json_object_object_add(pt, "max", mx);
  free(days);
  return HD_OK;
}

typedef struct cert {
  char status[16], registered[11], valid_until[11], superseded[11], cancelled[11];
} cert;

static void copy(char *dst, size_t size, const char *s) { hd_snprintf(dst, size, "%s", s); }

/* Certificates in force at the end of each month of the period (the period's last day
 * for its last month): a certificate whose standing on that day is "in force"
 * (ledger_document_standing: registered by then, not superseded or cancelled by then,
 * not past its validity). */
static int in_force(ctx *c, hd_date f, hd_date t, json_object *arr) {
  cert *cs = NULL;
  int n = 0, cap = 0, r, rc = HD_OK;
  sqlite3_stmt *st = NULL;
  /* the day a certificate's cancellation was carried out: the move to 'cancelled' of the
   * last cancellation case on it, as publish and ledger_document_lookup read it; the
   * cancellations grouped once, not searched for each certificate */
  if (prep(c, "SELECT c.status, c.registration_date, c.valid_until, coalesce(sc.registration_date, "
              "''), coalesce((SELECT e.at FROM case_events e WHERE e.case_id = x.kid AND "
              "e.to_status = 'cancelled' ORDER BY e.id DESC LIMIT 1), '') FROM certificates c "
              "LEFT JOIN certificates sc ON sc.id = c.superseded_by LEFT JOIN (SELECT "
              "k.prior_certificate_id AS cid, max(k.id) AS kid FROM cases k WHERE k.reg_type = "
              "'cancel' AND k.status = 'cancelled' AND k.prior_certificate_id IS NOT NULL GROUP BY "
              "k.prior_certificate_id) x ON x.cid = c.id WHERE c.status IN ('issued', "
              "'superseded', 'cancelled') AND c.registration_date <= ?2 ORDER BY c.id",
           &st))
    return HD_EDB;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      cert *nc = realloc(cs, (size_t)(cap = cap ? 2 * cap : 256) * sizeof *nc);
      if (!nc) {
        rc = hd_err_set(c->err, HD_ENOMEM, "out of memory");
        break;
      }
      cs = nc;
    }
    cert *x = &cs[n++];
    copy(x->status, sizeof x->status, text(st, 0));
    copy(x->registered, sizeof x->registered, text(st, 1));
    copy(x->valid_until, sizeof x->valid_until, text(st, 2));
    copy(x->superseded, sizeof x->superseded, text(st, 3));
    copy(x->cancelled, sizeof x->cancelled, text(st, 4));
  }
  if (rc == HD_OK) rc = done(c, st, r);
  else sqlite3_finalize(st);
  hd_doc_info *info = rc ? NULL : calloc(1, sizeof *info);
  if (!rc && !info) rc = hd_err_set(c->err, HD_ENOMEM, "out of memory");
  if (rc) {
    free(cs);
    return rc;
  }
  copy(info->kind, sizeof info->kind, "certificate");
  for (int m = f.y * 12 + f.m - 1; m <= t.y * 12 + t.m - 1; m++) {
    hd_date end = {m / 12, m % 12 + 1, hd_date_days_in_month(m / 12, m % 12 + 1)};
    if (hd_date_cmp(end, t) > 0) end = t;
    char day[11], month[8];
    hd_date_iso(end, day);
    copy(month, sizeof month, day);
    int k = 0;
    for (int i = 0; i < n; i++) {
      copy(info->cert_status, sizeof info->cert_status, cs[i].status);
      copy(info->registered, sizeof info->registered, cs[i].registered);
      copy(info->valid_until, sizeof info->valid_until, cs[i].valid_until);
      copy(info->superseded_date, sizeof info->superseded_date, cs[i].superseded);
      copy(info->cancel_date, sizeof info->cancel_date, cs[i].cancelled);
      if (ledger_document_standing(info, day) == HD_DOC_AUTHENTIC) k++;
    }
    json_object *o = json_object_new_object();
    json_object_object_add(o, "month", json_object_new_string(month));
    json_object_object_add(o, "date", json_object_new_string(day));
    json_object_object_add(o, "certificates", json_object_new_int(k));
    json_object_array_add(arr, o);
  }
  free(info);
  free(cs);
  return HD_OK;
}

int stats_compute(sqlite3 *db, const char *from, const char *to, json_object **out, hd_err *err) {
  hd_date f, t;
  *out = NULL;
  if (!from || !hd_date_parse(from, &f))
    return hd_err_set(err, HD_EUSAGE, "'%s' is not a valid date YYYY-MM-DD", from ? from : "");
  if (!to || !hd_date_parse(to, &t))
    return hd_err_set(err, HD_EUSAGE, "'%s' is not a valid date YYYY-MM-DD", to ? to : "");
  if (hd_date_cmp(f, t) > 0)
    return hd_err_set(err, HD_EUSAGE, "the period starts on %s, after its end %s", from, to);
  if ((t.y * 12 + t.m) - (f.y * 12 + f.m) + 1 > HD_STATS_MAX_MONTHS)
    return hd_err_set(err, HD_EUSAGE, "the period %s to %s touches more than %d months", from, to,
                      HD_STATS_MAX_MONTHS);
  char fs[11], ts[11];
  hd_date_iso(f, fs);
  hd_date_iso(t, ts);
  ctx c = {db, fs, ts, err};
  json_object *o = json_object_new_object(), *rec = json_object_new_object(),
              *dec = json_object_new_object(), *clo = json_object_new_object(),
              *pt = json_object_new_object(), *inf = json_object_new_array();
  json_object_object_add(o, "from", json_object_new_string(fs));
  json_object_object_add(o, "to", json_object_new_string(ts));
  json_object_object_add(o, "received", rec);
  json_object_object_add(o, "decisions", dec);
  json_object_object_add(o, "closed", clo);
  json_object_object_add(o, "processing_days", pt);
  json_object_object_add(o, "in_force", inf);
  int rc = received(&c, rec);
  if (!rc) rc = decisions(&c, dec);
  if (!rc) rc = closed(&c, clo, pt);
  if (!rc) rc = in_force(&c, f, t, inf);
  if (rc) {
    json_object_put(o);
    return rc;
  }
  *out = o;
  return HD_OK;
}
