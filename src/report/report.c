/* report.c: the run report as JSON (report.h, report_build): the night's counts from its
 * result, and from the register read afterwards the cases of each outcome with the
 * findings that decided them, every document written, the problems with their fields,
 * and the backlog of cases waiting for a person with their age in working days. */
#include "report/report.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "report/waiting.h"
#include "report/expiring.h"
#include "stats/stats.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

static json_object *js(const char *s) { return s ? json_object_new_string(s) : NULL; }

static void add(json_object *o, const char *k, json_object *v) { json_object_object_add(o, k, v); }


/* The register for reading only (query_only), opened read-write all the same: a
 * read-only connection that is the last to close would leave the -wal and -shm files of
 * a WAL database behind, where this one removes them as hdreg's other commands do. */
static int open_db(const char *path, sqlite3 **out, hd_err *err) {
  sqlite3 *db = NULL;
  *out = NULL;
  if (store_check_file(path, err)) return HD_EDB;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA query_only = 1; SELECT count(*) FROM sqlite_schema", NULL, NULL,
                   NULL) != SQLITE_OK) {
    hd_err_set(err, HD_EDB, "'%s': %s", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return HD_EDB;
  }
  sqlite3_busy_timeout(db, 10000);
  *out = db;
  return HD_OK;
}

void report_mark(const char *db_path, hd_report_mark *m) {
  sqlite3 *db = NULL;
  hd_err err;
  memset(m, 0, sizeof *m);
  hd_err_clear(&err);
  if (open_db(db_path, &db, &err)) return;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT (SELECT ifnull(max(id), 0) FROM case_events), (SELECT "
                             "ifnull(max(id), 0) FROM documents), (SELECT ifnull(max(id), 0) FROM "
                             "findings)", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    m->events = sqlite3_column_int64(st, 0);
    m->documents = sqlite3_column_int64(st, 1);
    m->findings = sqlite3_column_int64(st, 2);
    m->known = 1;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

/* A path below the output folder relative to it (for links), else NULL. */
static json_object *relative(const char *path, const char *out_abs) {
  size_t n = out_abs ? strlen(out_abs) : 0;
  if (!path || !n || strncmp(path, out_abs, n) != 0 || path[n] != '/') return NULL;
  return json_object_new_string(path + n + 1);
}

/* "FILE:LINE: ..." at the start of a message (a check's error, a broken pack): file and
 * line into o. The file is a path ending in .lua or .xml. */
static void file_line(const char *msg, json_object *o) {
  const char *p = msg ? strstr(msg, ".lua:") : NULL;
  if (!p && msg) p = strstr(msg, ".xml:");
  if (!p) return;
  const char *start = p;
  while (start > msg && start[-1] != ' ' && start[-1] != '\'') start--;
  char *end;
  long line = strtol(p + 5, &end, 10);
  if (end == p + 5 || *end != ':' || line <= 0) return;
  char file[1024];
  if (hd_snprintf(file, sizeof file, "%.*s", (int)(p + 4 - start), start) < 0) return;
  add(o, "file", json_object_new_string(file));
  add(o, "line", json_object_new_int((int)line));
}

/* The text between the quotes after key in msg ("field '申请主体'"), or NULL. */
static json_object *quoted(const char *msg, const char *key) {
  const char *p = msg ? strstr(msg, key) : NULL;
  if (!p) return NULL;
  p += strlen(key);
  const char *q = strchr(p, '\'');
  if (!q) return NULL;
  char buf[512];
  if (hd_snprintf(buf, sizeof buf, "%.*s", (int)(q - p), p) < 0) return NULL;
  return json_object_new_string(buf);
}

/* One problem of the night as fields: the step it happened in, the case, the field or the
 * check it names, the file and line of a check, the message. */
static void problem_json(json_object *arr, const char *step_default, const hd_problem *p) {
  static const struct { const char *prefix, *step; } STEPS[] = {
      {"held, its review opinion cannot be printed: ", "opinion"},
      {"review: ", "review"},
      {"not put into the public notice: ", "notice"},
      {"public notice not published: ", "notice"},
      {"public notice of ", "notice"},
      {"cancellation: ", "cancellation"},
      {"waiver ", "waiver"}};
  const char *step = step_default, *msg = p->message ? p->message : "";
  for (size_t i = 0; i < sizeof STEPS / sizeof *STEPS; i++)
    if (!strncmp(msg, STEPS[i].prefix, strlen(STEPS[i].prefix))) {
      step = STEPS[i].step;
      break;
    }
  json_object *x = json_object_new_object();
  add(x, "step", json_object_new_string(step));
  add(x, "case", js(p->case_number));
  add(x, "field", quoted(msg, "field '"));
  add(x, "check", quoted(msg, "check '"));
  file_line(msg, x);
  add(x, "message", json_object_new_string(msg));
  json_object_array_add(arr, x);
}

static const char *const DECISIONS[4] = {"approve", "rectify", "hold", "reject"};

typedef struct ctx {
  sqlite3 *db;
  const char *date;
  char out_abs[PATH_MAX];
  long long ev, doc, fi;  /* marks */
  hd_calendar *cal;
  int waiting_days;       /* waiting longer is marked (hd_report_in.waiting_days) */
} ctx;

/* The findings that decided a case's decision as of the run date, waived ones left out. */
static json_object *reasons(ctx *c, long long case_id, const char *decision, const char *rev) {
  return report_reasons(c->db, case_id, decision, c->date, rev);
}

/* Reviews of this run, by decision: the event from submitted the night made. */
static void reviews(ctx *c, const char *rev, json_object *cases) {
  json_object *by[4];
  for (int i = 0; i < 4; i++) add(cases, DECISIONS[i], by[i] = json_object_new_array());
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(
          c->db,
          "SELECT c.id, c.number, s.name, e.to_status, e.reason, x.decision, doc.path FROM "
          "case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN subjects s ON s.id = "
          "c.applicant_id LEFT JOIN decisions x ON x.case_id = c.id AND x.as_of = ?2 AND (?3 "
          "IS NULL OR x.pack_revision = ?3) LEFT JOIN documents doc ON doc.id = e.document_id "
          "WHERE e.id > ?1 AND e.at = ?2 AND e.from_status = 'submitted' AND e.actor = 'hdreg "
          "run' ORDER BY c.number",
          -1, &st, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64(st, 1, c->ev);
  sqlite3_bind_text(st, 2, c->date, -1, SQLITE_STATIC);
  if (rev) sqlite3_bind_text(st, 3, rev, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *dec = (const char *)sqlite3_column_text(st, 5);
    int k = -1;
    for (int i = 0; dec && i < 4; i++)
      if (!strcmp(dec, DECISIONS[i])) k = i;
    if (k < 0) continue;
    json_object *x = json_object_new_object();
    add(x, "case", store_col_json(st, 1));
    add(x, "applicant", store_col_json(st, 2));
    add(x, "to", store_col_json(st, 3));
    add(x, "event_reason", store_col_json(st, 4));
    json_object *rel = relative((const char *)sqlite3_column_text(st, 6), c->out_abs);
    add(x, "opinion", rel);
    add(x, "reasons", reasons(c, sqlite3_column_int64(st, 0), dec, rev));
    json_object_array_add(by[k], x);
  }
  sqlite3_finalize(st);
}

/* Moves of this run other than reviews: into the notice, cancelled. */
static json_object *moves(ctx *c, const char *sql) {
  json_object *arr = json_object_new_array();
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, c->ev);
    sqlite3_bind_text(st, 2, c->date, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      json_object *x = json_object_new_object();
      add(x, "case", store_col_json(st, 0));
      add(x, "applicant", store_col_json(st, 1));
      add(x, sqlite3_column_name(st, 2), store_col_json(st, 2));
      add(x, sqlite3_column_name(st, 3), store_col_json(st, 3));
      const char *p = (const char *)sqlite3_column_text(st, 4);
      add(x, "path", store_col_json(st, 4));
      add(x, "file", relative(p, c->out_abs));
      json_object_array_add(arr, x);
    }
  }
  sqlite3_finalize(st);
  return arr;
}

/* Every document this run recorded, in the order written. */
static json_object *documents(ctx *c) {
  json_object *arr = json_object_new_array();
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(c->db,
                         "SELECT d.kind, c.number, ce.number, n.number, d.path, d.sha256, d.bytes "
                         "FROM documents d LEFT JOIN cases c ON c.id = d.case_id LEFT JOIN "
                         "certificates ce ON ce.id = d.certificate_id LEFT JOIN notices n ON n.id "
                         "= d.notice_id WHERE d.id > ?1 AND d.created_date = ?2 ORDER BY d.id",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, c->doc);
    sqlite3_bind_text(st, 2, c->date, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      json_object *x = json_object_new_object();
      add(x, "kind", store_col_json(st, 0));
      add(x, "case", store_col_json(st, 1));
      add(x, "certificate", store_col_json(st, 2));
      add(x, "notice", store_col_json(st, 3));
      add(x, "path", store_col_json(st, 4));
      add(x, "file", relative((const char *)sqlite3_column_text(st, 4), c->out_abs));
      add(x, "sha256", store_col_json(st, 5));
      add(x, "bytes", store_col_json(st, 6));
      json_object_array_add(arr, x);
    }
  }
  sqlite3_finalize(st);
  return arr;
}

/* Checks that ended in an error this run: problems with the check, its file and line. */
static void check_errors(ctx *c, json_object *probs) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(c->db,
                         "SELECT c.number, f.check_id, f.clause, f.message FROM findings f JOIN "
                         "cases c ON c.id = f.case_id WHERE f.id > ?1 AND f.as_of = ?2 AND "
                         "f.outcome = 'error' ORDER BY c.number, f.id", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, c->fi);
    sqlite3_bind_text(st, 2, c->date, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      json_object *x = json_object_new_object();
      const char *msg = (const char *)sqlite3_column_text(st, 3);
      add(x, "step", json_object_new_string("check"));
      add(x, "case", store_col_json(st, 0));
      add(x, "field", NULL);
      add(x, "check", store_col_json(st, 1));
      add(x, "clause", store_col_json(st, 2));
      file_line(msg, x);
      add(x, "message", store_col_json(st, 3));
      json_object_array_add(probs, x);
    }
  }
  sqlite3_finalize(st);
}

static const char *bucket(int age) {
  return age < 0 ? "unknown" : age <= 5 ? "0-5" : age <= 10 ? "6-10" : age <= 20 ? "11-20" : "21+";
}

/* The cases waiting for a person now (held, committee review, an open objection), and the
 * cases returned for materials (waiting for the applicant) with their supplement
 * deadlines, with their age: the list `hdreg case list --waiting` prints (waiting.h). */
static json_object *backlog(ctx *c) {
  json_object *b = json_object_new_object(), *waiting = json_object_new_array(),
              *applicant = json_object_new_array(), *by = json_object_new_object(),
              *dl = json_object_new_array();
  static const char *const KINDS[] = {"held", "committee_review", "objection", "rectify"};
  static const char *const BUCKETS[] = {"0-5", "6-10", "11-20", "21+", "unknown"};
  for (size_t i = 0; i < 4; i++) {
    json_object *k = json_object_new_object(), *ages = json_object_new_object();
    add(k, "count", json_object_new_int(0));
    for (size_t j = 0; j < 5; j++) add(ages, BUCKETS[j], json_object_new_int(0));
    add(k, "ages", ages);
    add(by, KINDS[i], k);
  }
  sqlite3_stmt *st = NULL;
  int waiting_n = 0, over_n = 0;
  json_object *all = NULL;
  hd_err we;
  hd_err_clear(&we);
  hd_waiting_opts wo = {c->date, c->waiting_days, 0};
  if (report_waiting(c->db, c->cal, &wo, &all, &we) == HD_OK) {
    for (size_t i = 0; i < json_object_array_length(all); i++) {
      json_object *x = json_object_array_get_idx(all, i), *v = NULL;
      const char *kind = json_object_get_string(json_object_object_get(x, "waits_for"));
      json_object *k = json_object_object_get(by, kind);
      if (!k) continue; /* in notice: its end is among the deadlines below */
      int age = json_object_object_get_ex(x, "age_working_days", &v) && v ? json_object_get_int(v) : -1;
      json_object *cnt = json_object_object_get(k, "count"),
                  *ab = json_object_object_get(json_object_object_get(k, "ages"), bucket(age));
      json_object_set_int(cnt, json_object_get_int(cnt) + 1);
      json_object_set_int(ab, json_object_get_int(ab) + 1);
      /* the opinion relative to the output folder, as the page links it */
      const char *op = json_object_get_string(json_object_object_get(x, "opinion"));
      json_object *rel = op ? relative(op, c->out_abs) : NULL;
      if (rel) add(x, "opinion", rel);
      json_object_get(x);
      if (!strcmp(kind, "rectify")) {
        json_object_array_add(applicant, x);
        continue;
      }
      waiting_n++;
      over_n += json_object_get_boolean(json_object_object_get(x, "over"));
      json_object_array_add(waiting, x);
    }
    json_object_put(all);
  }
  add(b, "waiting_count", json_object_new_int(waiting_n));
  add(b, "waiting_days", json_object_new_int(c->waiting_days));
  add(b, "over_count", json_object_new_int(over_n));
  add(b, "waiting", waiting);
  add(b, "rectify", applicant);
  add(b, "waiting_error", we.msg[0] ? json_object_new_string(we.msg) : NULL);
  add(b, "by_status", by);

  /* Deadlines within the next five working days: notice periods ending (a certificate or
   * a cancellation follows the next night unless an objection is open). */
  hd_date d0, end;
  hd_err e;
  hd_err_clear(&e);
  char until[11] = "";
  if (c->cal && hd_date_parse(c->date, &d0) &&
      calendar_add_working_days(c->cal, d0, 5, &end, &e) == HD_OK)
    hd_date_iso(end, until);
  add(b, "deadlines_until", until[0] ? json_object_new_string(until) : NULL);
  if (!until[0]) add(b, "deadlines_error", json_object_new_string(e.msg[0] ? e.msg : "no holiday calendar"));
  if (until[0] &&
      sqlite3_prepare_v2(c->db,
                         "SELECT n.number, n.end_date, count(*), sum(EXISTS (SELECT 1 FROM "
                         "objections o WHERE o.case_id = c.id AND o.status = 'open')), "
                         "group_concat(c.number, ' ') FROM notices n JOIN notice_cases nc ON "
                         "nc.notice_id = n.id JOIN cases c ON c.id = nc.case_id WHERE c.status = "
                         "'notice' AND n.end_date >= ?1 AND n.end_date <= ?2 GROUP BY n.id ORDER BY "
                         "n.end_date, n.number", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, c->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      json_object *x = json_object_new_object();
      add(x, "kind", json_object_new_string("notice_ends"));
      add(x, "notice", store_col_json(st, 0));
      add(x, "date", store_col_json(st, 1));
      add(x, "cases", store_col_json(st, 2));
      add(x, "open_objections", store_col_json(st, 3));
      json_object *list = json_object_new_array();
      const char *s = (const char *)sqlite3_column_text(st, 4);
      for (const char *p = s, *sp; p && *p; p = sp ? sp + 1 : p + strlen(p)) {
        sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        json_object_array_add(list, json_object_new_string_len(p, (int)n));
      }
      add(x, "case_numbers", list);
      json_object_array_add(dl, x);
    }
    sqlite3_finalize(st);
  }
  /* ... and the last days to supplement (6.1.2 a, 6.2.2 a) and to explain an objection
   * (6.1.2 d, 6.2.2 c) that fall by then, as the letters gave them. */
  for (int pass = 0; until[0] && pass < 2; pass++) {
    json_object *list = pass ? waiting : applicant;
    for (size_t i = 0; i < json_object_array_length(list); i++) {
      json_object *x = json_object_array_get_idx(list, i);
      const char *d = json_object_get_string(json_object_object_get(x, "deadline"));
      const char *k = json_object_get_string(json_object_object_get(x, "deadline_kind"));
      if (!d || !k || strcmp(d, c->date) < 0 || strcmp(d, until) > 0) continue;
      json_object *y = json_object_new_object();
      add(y, "kind", json_object_new_string(pass ? "objection_reply_ends" : "supplement_ends"));
      add(y, "case", json_object_get(json_object_object_get(x, "case")));
      add(y, "date", json_object_new_string(d));
      if (pass) add(y, "objection", json_object_get(json_object_object_get(x, "objection")));
      json_object_array_add(dl, y);
    }
  }
  add(b, "deadlines", dl);
  /* Certificates whose validity ends within the reminder window (expiring.h), for
   * telling their holders to apply for a renewal. */
  int within = 0;
  json_object *ex = NULL;
  hd_err xe;
  hd_err_clear(&xe);
  if (report_reminder_days(c->db, &within, &xe) == HD_OK)
    report_expiring(c->db, c->cal, c->date, within, &ex, &xe);
  add(b, "expiry_reminder_working_days", within ? json_object_new_int(within) : NULL);
  add(b, "expiring", ex);
  add(b, "expiring_error", ex ? NULL : json_object_new_string(xe.msg[0] ? xe.msg : "not computed"));
  return b;
}

static const char *status_of(int exit_code) {
  switch (exit_code) {
  case 0: return "ok";
  case 7: return "held";
  case 1: return "partial";
  default: return "failed";
  }
}

static void counts(json_object *o, const hd_night_result *res) {
  const hd_night_report *rr = &res->night;
  const hd_run_report *rep = &res->certs;
  json_object *dec = json_object_new_object(), *cert = json_object_new_object();
  add(o, "reviewed", json_object_new_int(rr->reviewed));
  for (int i = 0; i < 4; i++) add(dec, DECISIONS[i], json_object_new_int(rr->by_decision[i]));
  add(o, "decisions", dec);
  json_object *notices = json_object_new_array();
  for (int i = 0; i < rr->n_notices; i++) {
    json_object *x = json_object_new_object();
    add(x, "number", js(rr->notices[i].number));
    add(x, "cases", json_object_new_int(rr->notices[i].cases));
    add(x, "end_date", js(rr->notices[i].end_date));
    json_object_array_add(notices, x);
  }
  add(o, "notices", notices);
  add(o, "cancelled", json_object_new_int(rr->cancelled));
  add(o, "refused_on_cancellation", json_object_new_int(rr->refused_on_cancel));
  json_object *exp = json_object_new_array();
  for (int i = 0; i < rr->expired; i++) json_object_array_add(exp, js(rr->expired_numbers[i]));
  add(o, "expired", exp);
  add(o, "held_for_review", json_object_new_int(rr->by_decision[HD_HOLD]));
  add(o, "held_unprintable", json_object_new_int(rr->held_unprintable));
  add(o, "held_check_error", json_object_new_int(rr->held_check_error));
  add(cert, "issued", json_object_new_int(rep->issued));
  add(cert, "verified", json_object_new_int(rep->verified));
  add(cert, "restored", json_object_new_int(rep->restored));
  add(cert, "held_by_objection", json_object_new_int(rep->held));
  add(cert, "returned_to_review", json_object_new_int(rep->returned));
  add(cert, "failed", json_object_new_int(rep->failed));
  add(o, "certificates", cert);
  add(o, "failed", json_object_new_int(rep->failed + rr->failed));
}

static void issued(json_object *o, const hd_run_report *rep) {
  json_object *arr = json_object_new_array();
  for (int i = 0; rep && i < rep->n_issued_list; i++) {
    const struct hd_issued *e = &rep->issued_list[i];
    json_object *x = json_object_new_object();
    add(x, "case", json_object_new_string(e->case_number ? e->case_number : ""));
    add(x, "number", json_object_new_string(e->number ? e->number : ""));
    add(x, "path", json_object_new_string(e->path ? e->path : ""));
    add(x, "sha256", json_object_new_string(e->sha256));
    if (e->replaces) add(x, "replaces", json_object_new_string(e->replaces));
    json_object_array_add(arr, x);
  }
  add(o, "issued", arr);
}

int report_build(const hd_report_in *in, json_object **out, hd_err *err) {
  json_object *o = json_object_new_object();
  if (!o) return hd_err_set(err, HD_ENOMEM, "out of memory");
  const hd_night_result *res = in->res;
  add(o, "format", json_object_new_int(HD_REPORT_FORMAT));
  add(o, "hdreg", json_object_new_string(HDREG_VERSION));
  add(o, "date", json_object_new_string(in->date));
  add(o, "status", json_object_new_string(status_of(in->exit_code)));
  add(o, "exit_code", json_object_new_int(in->exit_code));
  json_object *er = NULL;
  if (in->error) {
    er = json_object_new_object();
    add(er, "stage", js(in->stage));
    file_line(in->error, er);
    add(er, "message", json_object_new_string(in->error));
  }
  add(o, "error", er);
  add(o, "started", js(in->started));
  add(o, "duration_ms", json_object_new_int64((long long)(in->duration_ms + 0.5)));
  add(o, "database", js(in->db_path));
  ctx c;
  memset(&c, 0, sizeof c);
  c.date = in->date;
  c.waiting_days = in->waiting_days > 0 ? in->waiting_days : HD_WAITING_DAYS_DEFAULT;
  if (!realpath(in->out_dir, c.out_abs)) c.out_abs[0] = '\0';
  add(o, "output", json_object_new_string(c.out_abs[0] ? c.out_abs : in->out_dir));
  add(o, "jobs", json_object_new_int(in->jobs));
  add(o, "check_pack_revision", js(res ? res->pack_revision : NULL));
  hd_night_result empty;
  memset(&empty, 0, sizeof empty);
  counts(o, res ? res : &empty);
  issued(o, res ? &res->certs : NULL);

  json_object *probs = json_object_new_array();
  for (int i = 0; res && i < res->night.n_problems; i++)
    problem_json(probs, "night", &res->night.problems[i]);
  for (int i = 0; res && i < res->certs.n_problems; i++)
    problem_json(probs, "certificate", &res->certs.problems[i]);

  hd_err e;
  hd_err_clear(&e);
  sqlite3 *db = NULL;
  if (in->read_db && open_db(in->db_path, &db, &e) == HD_OK) {
    c.db = db;
    if (in->mark && in->mark->known) {
      c.ev = in->mark->events;
      c.doc = in->mark->documents;
      c.fi = in->mark->findings;
    }
    if (calendar_load(db, &c.cal, &e)) c.cal = NULL;
    const char *rev = res ? res->pack_revision : NULL;
    json_object *cases = json_object_new_object();
    reviews(&c, rev, cases);
    add(cases, "noticed",
        moves(&c, "SELECT c.number, s.name, n.number AS notice, n.end_date AS notice_end, "
                  "doc.path FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN "
                  "subjects s ON s.id = c.applicant_id LEFT JOIN documents doc ON doc.id = "
                  "e.document_id LEFT JOIN notices n ON n.id = doc.notice_id WHERE e.id > ?1 AND "
                  "e.at = ?2 AND e.to_status = 'notice' ORDER BY c.number"));
    add(cases, "certified",
        moves(&c, "SELECT c.number, s.name, ce.number AS certificate, ce.valid_until AS "
                  "valid_until, doc.path FROM case_events e JOIN cases c ON c.id = e.case_id "
                  "LEFT JOIN subjects s ON s.id = c.applicant_id LEFT JOIN certificates ce ON "
                  "ce.case_id = c.id LEFT JOIN documents doc ON doc.id = e.document_id WHERE e.id "
                  "> ?1 AND e.at = ?2 AND e.to_status = 'certified' ORDER BY c.number"));
    add(cases, "cancelled",
        moves(&c, "SELECT c.number, s.name, ce.number AS certificate, c.cancel_ground AS "
                  "ground, doc.path FROM case_events e JOIN cases c ON c.id = e.case_id LEFT "
                  "JOIN subjects s ON s.id = c.applicant_id LEFT JOIN certificates ce ON ce.id = "
                  "c.prior_certificate_id LEFT JOIN documents doc ON doc.id = e.document_id "
                  "WHERE e.id > ?1 AND e.at = ?2 AND e.to_status = 'cancelled' ORDER BY "
                  "c.number"));
    add(o, "cases", cases);
    add(o, "documents", documents(&c));
    check_errors(&c, probs);
    add(o, "backlog", backlog(&c));
    /* The figures of the twelve months up to the run date (docs/stats.md), for the chart. */
    char from[11];
    json_object *st = NULL;
    hd_err se;
    hd_err_clear(&se);
    if (stats_default_period(in->date, from) == 0 &&
        stats_compute(db, from, in->date, &st, &se) == HD_OK) {
      add(o, "statistics", st);
      add(o, "statistics_error", NULL);
    } else {
      add(o, "statistics", NULL);
      add(o, "statistics_error", json_object_new_string(se.msg[0] ? se.msg : "invalid run date"));
    }
    add(o, "register_error", NULL);
    calendar_free(c.cal);
    sqlite3_close(db);
  } else {
    add(o, "cases", NULL);
    add(o, "documents", json_object_new_array());
    add(o, "backlog", NULL);
    add(o, "statistics", NULL);
    add(o, "statistics_error", NULL);
    add(o, "register_error",
        json_object_new_string(in->read_db ? e.msg
                                           : "the register was not read: another run holds its "
                                             "lock, or it cannot be used"));
  }
  add(o, "problems", probs);
  *out = o;
  return HD_OK;
}
