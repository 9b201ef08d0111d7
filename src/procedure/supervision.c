/* supervision.c: registration supervision, 5.3.1 (supervision.h). */
#include "procedure/supervision.h"

#include <stdlib.h>
#include <string.h>

#include "procedure/intake.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"

static const char *const CATEGORY[][2] = {
    {"market_supervision", "涉嫌违反市场监督管理方面的法律、法规或规章"},
    {"network_security", "涉嫌违反网络安全方面的法律、法规或规章"},
    {"data_security", "涉嫌违反数据安全方面的法律、法规或规章"},
    {"public_interest", "损害国家利益和社会公共利益"},
    {"privacy", "侵犯个人隐私"},
    {"trade_secret", "侵犯商业秘密"},
};
#define N_CATEGORY (int)(sizeof CATEGORY / sizeof *CATEGORY)

const char *sup_category_name(const char *code) {
  for (int i = 0; code && i < N_CATEGORY; i++)
    if (!strcmp(CATEGORY[i][0], code)) return CATEGORY[i][1];
  return NULL;
}

static int is_date(const char *opt, const char *s, hd_err *err) {
  hd_date d;
  return s && hd_date_parse(s, &d) ? HD_OK
                                   : hd_err_set(err, HD_EUSAGE, "%s '%s' is not a valid date "
                                                "YYYY-MM-DD", opt, s ? s : "");
}

/* Texts the supervision report prints: present and printable. */
static int texts(const char *const *opt, const char *const *v, int n, hd_err *err) {
  for (int i = 0; i < n; i++) {
    if (!v[i] || !*v[i]) return hd_err_set(err, HD_EUSAGE, "%s must not be empty", opt[i]);
    if (act_printable(opt[i], v[i], err)) return err->code;
  }
  return HD_OK;
}

static int record(sqlite3 *db, const hd_suspicion *s, hd_err *err) {
  char *dup = store_text_of(db, "SELECT found_date FROM supervisions WHERE number = ?1", s->number);
  if (dup) {
    int rc = hd_err_set(err, HD_EDATA, "supervision %s is recorded already (found %s): add what "
                        "was done about it with hdreg supervise record --measure, --reported-to or --close", s->number, dup);
    free(dup);
    return rc;
  }
  char *subject = store_text_of(db, "SELECT id FROM subjects WHERE uscc = ?1 ORDER BY id LIMIT 1", s->subject);
  if (!subject)
    return hd_err_set(err, HD_EDATA, "supervision %s: --subject '%s' is not the unified social "
                      "credit code of a subject of the register", s->number, s->subject);
  char *cert = NULL;
  int rc = HD_OK;
  if (s->certificate) {
    cert = store_text_of(db, "SELECT id FROM certificates WHERE number = ?1 AND status <> 'pending'",
               s->certificate);
    if (!cert)
      rc = hd_err_set(err, HD_EDATA, "supervision %s: certificate %s is not in the register",
                      s->number, s->certificate);
    else {
      sqlite3_stmt *st;
      if (store_prepare(db, "SELECT 1 FROM certificates c JOIN case_rights r ON r.case_id = "
                            "c.case_id WHERE c.id = CAST(?1 AS INTEGER) AND r.holder_id = "
                            "CAST(?2 AS INTEGER)", &st, err)) {
        rc = HD_EDB;
      } else {
        sqlite3_bind_text(st, 1, cert, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, subject, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
          rc = hd_err_set(err, HD_EDATA, "supervision %s: the subject %s holds no right of "
                          "certificate %s: name a certificate the subject holds, or none",
                          s->number, s->subject, s->certificate);
        sqlite3_finalize(st);
      }
    }
  }
  if (!rc) {
    const char *v[] = {s->number, subject, cert, s->category, s->facts, s->source, s->by.date,
                       s->by.actor};
    rc = store_exec_texts(db, "INSERT INTO supervisions(number, subject_id, certificate_id, category, "
                    "facts, source, found_date, recorded_by) VALUES (?1, CAST(?2 AS INTEGER), "
                    "CAST(?3 AS INTEGER), ?4, ?5, ?6, ?7, ?8)", v, 8, err);
  }
  free(subject);
  free(cert);
  return rc;
}

int sup_record(sqlite3 *db, const hd_suspicion *s, hd_err *err) {
  static const char *const OPT[] = {"--number", "--facts", "--source", "--actor"};
  const char *v[] = {s->number, s->facts, s->source, s->by.actor};
  int rc = texts(OPT, v, 4, err);
  if (!rc) rc = is_date("--date", s->by.date, err);
  if (!rc && !sup_category_name(s->category)) {
    hd_buf b;
    hd_buf_init(&b, 256);
    for (int i = 0; i < N_CATEGORY; i++) hd_buf_printf(&b, "%s%s", i ? ", " : "", CATEGORY[i][0]);
    rc = hd_err_set(err, HD_EUSAGE, "--category '%s' is not one of 5.3.1's: %s",
                    s->category ? s->category : "", b.p);
    hd_buf_release(&b);
  }
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, record(db, s, err), err);
}

/* The open supervision `number`: its id (text) in *id, or a refusal naming why not. The
 * new step's date may not come before its last one. */
static int open_one(sqlite3 *db, const char *number, const char *date, char **id, hd_err *err) {
  *id = NULL;
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT s.id, s.found_date, (SELECT max(a.action_date) FROM "
                        "supervision_actions a WHERE a.supervision_id = s.id), (SELECT "
                        "a.action_date FROM supervision_actions a WHERE a.supervision_id = s.id "
                        "AND a.kind = 'close') FROM supervisions s WHERE s.number = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
  int rc = HD_OK;
  if (sqlite3_step(st) != SQLITE_ROW) {
    rc = hd_err_set(err, HD_EDATA, "supervision %s is not recorded (hdreg supervise list lists "
                    "them)", number);
  } else {
    const char *found = (const char *)sqlite3_column_text(st, 1);
    const char *last = (const char *)sqlite3_column_text(st, 2);
    const char *closed = (const char *)sqlite3_column_text(st, 3);
    if (closed)
      rc = hd_err_set(err, HD_EDATA, "supervision %s was closed on %s: record a new supervision "
                      "for what was found since", number, closed);
    else if (strcmp(date, found) < 0)
      rc = hd_err_set(err, HD_EDATA, "supervision %s: %s is before %s, the day it was found",
                      number, date, found);
    else if (last && strcmp(date, last) < 0)
      rc = hd_err_set(err, HD_EDATA, "supervision %s: %s is before %s, the day of its last step: "
                      "the record keeps its steps in the order they were taken", number, date, last);
    else
      *id = store_col_text(st, 0);
  }
  sqlite3_finalize(st);
  return rc;
}

static int act(sqlite3 *db, const hd_sup_action *a, hd_err *err) {
  char *id = NULL;
  int rc = open_one(db, a->number, a->by.date, &id, err);
  if (rc) return rc;
  if (!strcmp(a->kind, "close")) {
    /* an authority cancellation it opened is carried out or refused first */
    sqlite3_stmt *st;
    if (store_prepare(db, "SELECT k.number, k.status FROM supervision_actions x JOIN cases k ON "
                          "k.id = x.case_id WHERE x.supervision_id = CAST(?1 AS INTEGER) AND "
                          "x.kind = 'cancellation' AND k.status IN " INTAKE_OPEN_STATUSES
                          " ORDER BY x.id LIMIT 1", &st, err))
      rc = HD_EDB;
    else {
      sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step(st) == SQLITE_ROW)
        rc = hd_err_set(err, HD_EDATA, "supervision %s: its cancellation case %s is still %s: "
                        "close the supervision once it is decided (6.5)", a->number,
                        (const char *)sqlite3_column_text(st, 0),
                        (const char *)sqlite3_column_text(st, 1));
      sqlite3_finalize(st);
    }
  }
  if (!rc) {
    const char *v[] = {id, a->kind, a->by.date, a->text, a->regulator, a->reference, a->by.actor};
    rc = store_exec_texts(db, "INSERT INTO supervision_actions(supervision_id, kind, action_date, text, "
                    "regulator, reference, actor) VALUES (CAST(?1 AS INTEGER), ?2, ?3, ?4, ?5, "
                    "?6, ?7)", v, 7, err);
  }
  free(id);
  return rc;
}

int sup_act(sqlite3 *db, const hd_sup_action *a, hd_err *err) {
  int report = a->kind && !strcmp(a->kind, "report");
  if (!a->kind || (!report && strcmp(a->kind, "measure") && strcmp(a->kind, "close")))
    return hd_err_set(err, HD_EUSAGE, "a supervision step is a measure, a report or its close, "
                      "not '%s'", a->kind ? a->kind : "");
  static const char *const OPT[] = {"--number", "--text", "--actor", "--regulator"};
  const char *v[] = {a->number, a->text, a->by.actor, a->regulator};
  int rc = texts(OPT, v, report ? 4 : 3, err);
  if (!rc && !report && a->regulator)
    rc = hd_err_set(err, HD_EUSAGE, "a regulator goes with a report to it (--reported-to)");
  if (!rc && a->reference) rc = act_printable("--reference", a->reference, err);
  if (!rc) rc = is_date("--date", a->by.date, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, act(db, a, err), err);
}

int sup_link_cancellation(sqlite3 *db, const char *number, long long case_id, const char *cert_id,
                          const char *ground, const hd_actor *by, hd_err *err) {
  char *id = NULL;
  int rc = open_one(db, number, by->date, &id, err);
  if (rc) return rc;
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT s.certificate_id, (SELECT 1 FROM certificates c JOIN case_rights r "
                        "ON r.case_id = c.case_id WHERE c.id = CAST(?2 AS INTEGER) AND r.holder_id "
                        "= s.subject_id), (SELECT count(*) FROM supervision_actions a WHERE "
                        "a.supervision_id = s.id AND a.kind = 'measure'), (SELECT number FROM "
                        "certificates WHERE id = s.certificate_id), (SELECT uscc FROM subjects "
                        "WHERE id = s.subject_id) FROM supervisions s WHERE s.id = "
                        "CAST(?1 AS INTEGER)", &st, err)) {
    free(id);
    return HD_EDB;
  }
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, cert_id, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_ROW) {
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  } else if (sqlite3_column_type(st, 0) != SQLITE_NULL &&
             sqlite3_column_int64(st, 0) != atoll(cert_id)) {
    rc = hd_err_set(err, HD_EDATA, "supervision %s is about certificate %s, not this one: cancel "
                    "the certificate it names, or record a supervision of this one", number,
                    (const char *)sqlite3_column_text(st, 3));
  } else if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
    rc = hd_err_set(err, HD_EDATA, "supervision %s: its subject %s holds no right of the "
                    "certificate to cancel", number, (const char *)sqlite3_column_text(st, 4));
  } else if (ground[0] == 'd' && sqlite3_column_int(st, 2) == 0) {
    rc = hd_err_set(err, HD_EDATA, "supervision %s records no measure yet: ground d of 5.1.6 "
                    "is a refusal to rectify, so the order to rectify is recorded first (hdreg "
                    "supervise record --measure)", number);
  }
  sqlite3_finalize(st);
  if (!rc) {
    char cid[32], text[1200];
    hd_snprintf(cid, sizeof cid, "%lld", case_id);
    hd_snprintf(text, sizeof text, "依职权注销登记（5.1.6 %s）：%s", ground, by->reason);
    const char *v[] = {id, by->date, text, cid, by->actor};
    rc = store_exec_texts(db, "INSERT INTO supervision_actions(supervision_id, kind, action_date, text, "
                    "case_id, actor) VALUES (CAST(?1 AS INTEGER), 'cancellation', ?2, ?3, "
                    "CAST(?4 AS INTEGER), ?5)", v, 5, err);
  }
  free(id);
  return rc;
}

/* The steps of supervision id, oldest first, with st (the statement of sup_list that
 * selects them, reset here); *reported set when one is a report to a regulator. NULL on a
 * database error. */
static json_object *actions_of(sqlite3_stmt *st, long long id, int *reported) {
  static const char *const K[] = {"date", "kind", "text", "regulator", "reference", "actor",
                                  "case", "case_status", "cancelled_date"};
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, id);
  json_object *a = json_object_new_array();
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    json_object *o = json_object_new_object();
    for (int c = 0; c < 9; c++) json_object_object_add(o, K[c], store_col_json(st, c));
    *reported |= !strcmp((const char *)sqlite3_column_text(st, 1), "report");
    json_object_array_add(a, o);
  }
  if (s != SQLITE_DONE) {
    json_object_put(a);
    return NULL;
  }
  return a;
}

int sup_list(sqlite3 *db, const char *from, const char *to, int open_only, json_object **out,
             hd_err *err) {
  *out = NULL;
  sqlite3_stmt *st, *acts;
  if (store_prepare(db, "SELECT x.action_date, x.kind, x.text, x.regulator, x.reference, "
                        "x.actor, k.number, k.status, (SELECT max(e.at) FROM case_events e "
                        "WHERE e.case_id = k.id AND e.to_status = 'cancelled') FROM "
                        "supervision_actions x LEFT JOIN cases k ON k.id = x.case_id WHERE "
                        "x.supervision_id = ?1 ORDER BY x.id", &acts, err))
    return HD_EDB;
  if (store_prepare(db, "SELECT s.id, s.number, s.found_date, CASE WHEN EXISTS (SELECT 1 FROM "
                        "supervision_actions a WHERE a.supervision_id = s.id AND a.kind = 'close') "
                        "THEN 'closed' ELSE 'open' END AS st, j.name, j.uscc, c.number, s.category, "
                        "s.facts, s.source, s.recorded_by FROM supervisions s JOIN subjects j ON "
                        "j.id = s.subject_id LEFT JOIN certificates c ON c.id = s.certificate_id "
                        "WHERE (?1 IS NULL OR s.found_date >= ?1) AND (?2 IS NULL OR s.found_date "
                        "<= ?2) AND (?3 = 0 OR st = 'open') ORDER BY s.found_date, s.id", &st, err)) {
    sqlite3_finalize(acts);
    return HD_EDB;
  }
  if (from) sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
  if (to) sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, open_only);
  json_object *list = json_object_new_array();
  static const char *const K[] = {"number", "found_date", "status", "subject", "uscc",
                                  "certificate", "category"};
  int s, failed = 0;
  while (!failed && (s = sqlite3_step(st)) == SQLITE_ROW) {
    json_object *o = json_object_new_object();
    for (int c = 0; c < 7; c++) json_object_object_add(o, K[c], store_col_json(st, c + 1));
    const char *cn = sup_category_name((const char *)sqlite3_column_text(st, 7));
    json_object_object_add(o, "category_cn", json_object_new_string(cn ? cn : "?"));
    json_object_object_add(o, "facts", store_col_json(st, 8));
    json_object_object_add(o, "source", store_col_json(st, 9));
    json_object_object_add(o, "recorded_by", store_col_json(st, 10));
    int reported = 0;
    json_object *steps = actions_of(acts, sqlite3_column_int64(st, 0), &reported);
    failed = !steps;
    json_object_object_add(o, "reported", json_object_new_boolean(reported));
    json_object_object_add(o, "actions", steps);
    json_object_array_add(list, o);
  }
  int rc = !failed && s == SQLITE_DONE
               ? HD_OK : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  sqlite3_finalize(acts);
  if (rc) json_object_put(list);
  else *out = list;
  return rc;
}
