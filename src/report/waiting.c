/* waiting.c: the cases waiting for a person or a deadline (waiting.h, report_waiting),
 * for the morning report and `hdreg case list --waiting` alike. */
#include "report/waiting.h"

#include <stdlib.h>
#include <string.h>

#include "procedure/documents.h"
#include "procedure/intake.h"
#include "util/buf.h"
#include "store/store.h"
#include "util/date.h"

static void add(json_object *o, const char *k, json_object *v) { json_object_object_add(o, k, v); }


static const char *text(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

int report_age_working_days(const hd_calendar *cal, const char *since, const char *date) {
  hd_date a, b;
  if (!cal || !since || !date || !hd_date_parse(since, &a) || !hd_date_parse(date, &b)) return -1;
  long from = hd_date_to_days(a), to = hd_date_to_days(b);
  if (to - from > 3660) return -1;
  int n = 0;
  /* the start day is not counted (Civil Code art. 201) */
  for (long d = from + 1; d <= to; d++) {
    int w = calendar_is_working(cal, hd_date_from_days(d));
    if (w < 0) return -1;
    n += w;
  }
  return n;
}

/* The outcomes that decide each decision: what the case's reasons are. */
static const char *deciding(const char *decision) {
  if (!decision) return "('-')";
  if (!strcmp(decision, "reject")) return "('fail')";
  if (!strcmp(decision, "rectify")) return "('rectify')";
  if (!strcmp(decision, "hold")) return "('manual', 'error')";
  return "('-')";
}

json_object *report_reasons(sqlite3 *db, long long case_id, const char *decision,
                            const char *as_of, const char *rev) {
  char sql[1200];
  json_object *arr = json_object_new_array();
  hd_snprintf(sql, sizeof sql,
              "SELECT f.check_id, f.clause, f.outcome, f.message FROM findings f WHERE f.case_id "
              "= ?1 AND f.as_of = ?2 AND (?3 IS NULL OR f.pack_revision = ?3) AND f.outcome IN %s "
              "AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.case_id = f.case_id AND w.check_id "
              "= f.check_id AND w.approved_date <= ?2 AND w.expires >= ?2 AND f.outcome <> "
              "'error' AND NOT EXISTS (SELECT 1 FROM waiver_revocations r WHERE r.waiver_id = "
              "w.id AND r.revoked_date <= ?2)) ORDER BY f.id",
              deciding(decision));
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, case_id);
    sqlite3_bind_text(st, 2, as_of, -1, SQLITE_STATIC);
    if (rev) sqlite3_bind_text(st, 3, rev, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      json_object *x = json_object_new_object();
      add(x, "check", store_col_json(st, 0));
      add(x, "clause", store_col_json(st, 1));
      add(x, "outcome", store_col_json(st, 2));
      add(x, "message", store_col_json(st, 3));
      json_object_array_add(arr, x);
    }
  }
  sqlite3_finalize(st);
  return arr;
}

/* The findings of a case's last review that decide its last decision (held: the
 * manual/error ones; returned: the rectify ones). */
static json_object *last_review(sqlite3 *db, long long case_id) {
  json_object *f = NULL;
  sqlite3_stmt *d = NULL;
  if (sqlite3_prepare_v2(db, "SELECT decision, pack_revision, as_of FROM decisions WHERE case_id "
                             "= ?1 ORDER BY as_of DESC, id DESC LIMIT 1", -1, &d, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(d, 1, case_id);
    if (sqlite3_step(d) == SQLITE_ROW)
      f = report_reasons(db, case_id, text(d, 0), text(d, 2), text(d, 1));
  }
  sqlite3_finalize(d);
  return f ? f : json_object_new_array();
}

/* The last review opinion of a case (its path as recorded), or NULL. */
static json_object *opinion_of(sqlite3 *db, long long case_id) {
  json_object *o = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT path FROM documents WHERE case_id = ?1 AND kind = "
                             "'review_opinion' ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, case_id);
    if (sqlite3_step(st) == SQLITE_ROW) o = store_col_json(st, 0);
  }
  sqlite3_finalize(st);
  return o;
}

/* deadline from the day `from` and a setting in working days, as the letters compute it
 * (procedure/documents.h, docs_deadline); passed when date is after it. */
static void deadline(json_object *x, sqlite3 *db, const hd_calendar *cal, const char *from,
                     const char *setting, const char *kind, const char *date) {
  char dl[11];
  long days;
  hd_err e;
  hd_err_clear(&e);
  add(x, "deadline_kind", json_object_new_string(kind));
  if (docs_deadline(db, cal, from, setting, dl, &days, &e) == HD_OK) {
    add(x, "deadline", json_object_new_string(dl));
    add(x, "deadline_passed", json_object_new_boolean(strcmp(date, dl) > 0));
    add(x, "deadline_error", NULL);
  } else {
    add(x, "deadline", NULL);
    add(x, "deadline_passed", NULL);
    add(x, "deadline_error", json_object_new_string(e.msg));
  }
}

int report_waiting(sqlite3 *db, const hd_calendar *cal, const hd_waiting_opts *o,
                   json_object **out, hd_err *err) {
  /* One row per case and reason to wait: its status (held, committee review, rectify,
   * notice), or an open objection (a case may have both). detail: the last move's
   * reason, or the objector and grounds. o: the objection's number. */
  static const char SQL[] =
      "SELECT c.id, c.number, s.name, w.kind, w.since, w.detail, c.status, c.notice_end, w.o, "
      " (SELECT n.number FROM notice_cases nc JOIN notices n ON n.id = nc.notice_id WHERE "
      "  nc.case_id = c.id ORDER BY n.id DESC LIMIT 1), "
      " (SELECT d.created_date FROM letters l JOIN documents d ON d.id = l.document_id WHERE "
      "  l.objection_id = w.o AND l.kind = 'objection_explain' ORDER BY l.id LIMIT 1) FROM ("
      " SELECT id AS case_id, status AS kind, CASE WHEN status = 'notice' THEN notice_start "
      "  ELSE coalesce((SELECT at FROM case_events e WHERE e.case_id = cases.id ORDER BY e.id "
      "  DESC LIMIT 1), decided_date, committee_date, review_date, accepted_date, applied_date) "
      "  END AS since, (SELECT reason FROM case_events e WHERE e.case_id = cases.id ORDER BY "
      "  e.id DESC LIMIT 1) AS detail, NULL AS o FROM cases WHERE status IN ('held', "
      "  'committee_review', 'rectify', 'notice')"
      " UNION ALL SELECT case_id, 'objection', filed_date, objector || '：' || grounds, id FROM "
      "  objections WHERE status = 'open'"
      /* an application on a certificate the authority is cancelling (intake.h) */
      " UNION ALL SELECT k.id, 'cancellation', ac.applied_date, '证书' || pc.number || "
      "  '正由登记机构依职权注销（5.1.6 ' || ac.cancel_ground || '，案件' || ac.number || '）：注销的，"
      "本申请不予登记；不予注销或撤回的，继续办理', NULL FROM cases k JOIN cases ac ON "
      "  ac.prior_certificate_id = k.prior_certificate_id AND ac.id <> k.id AND ac.status IN "
      INTAKE_OPEN_STATUSES " AND " INTAKE_BY_AUTHORITY("ac") " JOIN certificates pc ON pc.id = "
      "  k.prior_certificate_id WHERE k.status IN " INTAKE_OPEN_STATUSES ") w JOIN cases c ON c.id = w.case_id LEFT JOIN subjects "
      "s ON s.id = c.applicant_id ORDER BY CASE w.kind WHEN 'held' THEN 0 WHEN "
      "'committee_review' THEN 1 WHEN 'objection' THEN 2 WHEN 'rectify' THEN 3 WHEN "
      "'cancellation' THEN 5 ELSE 4 END, "
      "w.since, c.number, w.o";
  sqlite3_stmt *st = NULL;
  *out = NULL;
  if (sqlite3_prepare_v2(db, SQL, -1, &st, NULL) != SQLITE_OK)
    return hd_err_set(err, HD_EDB, "the waiting cases cannot be read: %s", sqlite3_errmsg(db));
  json_object *arr = json_object_new_array();
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(st, 0);
    const char *kind = text(st, 3), *since = text(st, 4);
    int age = report_age_working_days(cal, since, o->date);
    int over = age > o->threshold;
    if (o->only_over && age >= 0 && !over) continue;
    json_object *x = json_object_new_object();
    add(x, "case", store_col_json(st, 1));
    add(x, "applicant", store_col_json(st, 2));
    add(x, "waits_for", store_col_json(st, 3));
    add(x, "status", store_col_json(st, 6));
    add(x, "since", store_col_json(st, 4));
    add(x, "age_working_days", age < 0 ? NULL : json_object_new_int(age));
    add(x, "over", age < 0 ? NULL : json_object_new_boolean(over));
    if (!strcmp(kind, "rectify")) {
      /* 补正: the last day the 补正通知书 gave (6.1.2 a, 6.2.2 a) */
      deadline(x, db, cal, since, "supplement_working_days", "supplement", o->date);
    } else if (!strcmp(kind, "objection") && sqlite3_column_type(st, 10) != SQLITE_NULL) {
      /* the applicant's explanation, asked by the 异议说明通知书 (6.1.2 d, 6.2.2 c) */
      deadline(x, db, cal, text(st, 10), "objection_reply_working_days", "objection_reply", o->date);
    } else if (!strcmp(kind, "notice") && sqlite3_column_type(st, 7) != SQLITE_NULL) {
      /* the end of the public notice period (6.1.2 d, 6.2.2 c) */
      add(x, "deadline_kind", json_object_new_string("notice_end"));
      add(x, "deadline", store_col_json(st, 7));
      add(x, "deadline_passed", json_object_new_boolean(strcmp(o->date, text(st, 7)) > 0));
      add(x, "deadline_error", NULL);
    } else {
      add(x, "deadline_kind", NULL);
      add(x, "deadline", NULL);
      add(x, "deadline_passed", NULL);
      add(x, "deadline_error", NULL);
    }
    add(x, "reason", store_col_json(st, 5));
    if (!strcmp(kind, "held") || !strcmp(kind, "rectify")) add(x, "findings", last_review(db, id));
    else add(x, "findings", json_object_new_array());
    add(x, "notice", !strcmp(kind, "objection") || !strcmp(kind, "notice") ? store_col_json(st, 9) : NULL);
    add(x, "notice_end", !strcmp(kind, "objection") || !strcmp(kind, "notice") ? store_col_json(st, 7) : NULL);
    add(x, "objection", store_col_json(st, 8));
    add(x, "opinion", opinion_of(db, id));
    json_object_array_add(arr, x);
  }
  if (rc != SQLITE_DONE) {
    hd_err_set(err, HD_EDB, "the waiting cases cannot be read: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    json_object_put(arr);
    return HD_EDB;
  }
  sqlite3_finalize(st);
  *out = arr;
  return HD_OK;
}
