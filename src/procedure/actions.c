/* actions.c: the between-night actions of the procedure (actions.h). */
#include "procedure/actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procedure/procedure.h"
#include "store/store.h"
#include "util/buf.h"

/* Run sql with text parameters (NULL binds NULL). */
static int exec_bind(sqlite3 *db, const char *sql, const char *const *texts, int n, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  for (int i = 0; i < n; i++) {
    if (texts[i]) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i + 1);
  }
  int s = sqlite3_step(st);
  sqlite3_finalize(st);
  if (s != SQLITE_DONE && s != SQLITE_ROW)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

/* The first column of the first row of sql with one text parameter (caller frees). */
static char *one(sqlite3 *db, const char *sql, const char *arg) {
  sqlite3_stmt *st;
  char *v = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) v = store_col_text(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* Commit what an action did (rc HD_OK) or roll it back; returns rc or the commit's. */
static int finish(sqlite3 *db, int rc, hd_err *err) {
  if (rc == HD_OK) rc = store_commit(db, err);
  if (rc != HD_OK) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

static int committee(sqlite3 *db, long long id, const char *decision, const hd_actor *by,
                     hd_err *err) {
  int approve = strcmp(decision, "approve") == 0;
  if (!approve && strcmp(decision, "reject") != 0)
    return hd_err_set(err, HD_EUSAGE, "--decision must be approve or reject, not '%s'", decision);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  const char *v[] = {by->date, ids};
  int rc = proc_move(db, id, approve ? "approved" : "rejected", "person", by->date, by->actor,
                     by->reason, 0, err);
  if (!rc) rc = exec_bind(db, "UPDATE cases SET committee_date = ?1 WHERE id = ?2", v, 2, err);
  return rc;
}

int act_committee(sqlite3 *db, long long case_id, const char *decision, const hd_actor *by,
                  hd_err *err) {
  int rc = store_begin(db, err);
  return rc ? rc : finish(db, committee(db, case_id, decision, by, err), err);
}

static int object(sqlite3 *db, long long id, const char *number, const char *date,
                  const char *objector, const char *grounds, const char *material,
                  long long *objection_id, hd_err *err) {
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  char *status = store_text(db, "SELECT status FROM cases WHERE id = ?1", id);
  char *start = store_text(db, "SELECT notice_start FROM cases WHERE id = ?1", id);
  char *end = store_text(db, "SELECT notice_end FROM cases WHERE id = ?1", id);
  int rc = HD_OK;
  if (!status || strcmp(status, "notice") != 0)
    rc = hd_err_set(err, HD_EDATA, "case %s is not in public notice (it is '%s'): objections are "
                    "filed during the notice period", number, status ? status : "?");
  else if (!start || !end || strcmp(date, start) < 0 || strcmp(date, end) > 0)
    rc = hd_err_set(err, HD_EDATA, "case %s: %s is outside its notice period %s to %s", number,
                    date, start ? start : "?", end ? end : "?");
  if (rc == HD_OK) {
    const char *v[] = {ids, date, objector, grounds, material};
    rc = exec_bind(db, "INSERT INTO objections(case_id, filed_date, objector, grounds, material, "
                       "status) VALUES (?1, ?2, ?3, ?4, ?5, 'open')", v, 5, err);
    if (!rc) *objection_id = (long long)sqlite3_last_insert_rowid(db);
  }
  free(status);
  free(start);
  free(end);
  return rc;
}

int act_object(sqlite3 *db, long long case_id, const char *number, const char *date,
               const char *objector, const char *grounds, const char *material,
               long long *objection_id, hd_err *err) {
  int rc = store_begin(db, err);
  return rc ? rc : finish(db, object(db, case_id, number, date, objector, grounds, material,
                                     objection_id, err), err);
}

static int resolve(sqlite3 *db, const char *objection, const char *outcome, const hd_actor *by,
                   hd_err *err) {
  int upheld = strcmp(outcome, "upheld") == 0;
  if (!upheld && strcmp(outcome, "dismissed") != 0)
    return hd_err_set(err, HD_EUSAGE, "--outcome must be upheld or dismissed, not '%s'", outcome);
  char *st = store_text(db, "SELECT status FROM objections WHERE id = ?1", atoll(objection));
  char *case_id = store_text(db, "SELECT case_id FROM objections WHERE id = ?1", atoll(objection));
  int rc = HD_OK;
  if (!st) rc = hd_err_set(err, HD_EDATA, "objection %s does not exist", objection);
  else if (strcmp(st, "open") != 0)
    rc = hd_err_set(err, HD_EDATA, "objection %s is already %s", objection, st);
  if (rc == HD_OK) {
    const char *v[] = {outcome, by->date, objection};
    rc = exec_bind(db, "UPDATE objections SET status = ?1, resolved_date = ?2 WHERE id = "
                       "CAST(?3 AS INTEGER)", v, 3, err);
  }
  if (rc == HD_OK && upheld)
    rc = proc_move(db, atoll(case_id), "submitted", "person", by->date, by->actor, by->reason, 0,
                   err);
  free(st);
  free(case_id);
  return rc;
}

int act_resolve(sqlite3 *db, const char *objection, const char *outcome, const hd_actor *by,
                hd_err *err) {
  int rc = store_begin(db, err);
  return rc ? rc : finish(db, resolve(db, objection, outcome, by, err), err);
}

static int move(sqlite3 *db, long long id, const char *to, const hd_actor *by,
                const char *const *questions, int n_questions, hd_err *err) {
  int rc = proc_move(db, id, to, "person", by->date, by->actor, by->reason, 0, err);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  for (int i = 0; rc == HD_OK && i < n_questions; i++) {
    const char *v[] = {ids, by->date, questions[i]};
    rc = exec_bind(db, "INSERT INTO onsite_questions(case_id, asked, question) VALUES (?1, ?2, ?3)",
                   v, 3, err);
  }
  return rc;
}

int act_move(sqlite3 *db, long long case_id, const char *to, const hd_actor *by,
             const char *const *questions, int n_questions, hd_err *err) {
  int rc = store_begin(db, err);
  return rc ? rc : finish(db, move(db, case_id, to, by, questions, n_questions, err), err);
}

/* Materials given as KIND[:REFERENCE], dated date, onto case ids. */
static int add_materials(sqlite3 *db, const char *ids, const char *date,
                         const char *const *materials, int n, hd_err *err) {
  int rc = HD_OK;
  for (int i = 0; rc == HD_OK && i < n; i++) {
    char kind[64];
    const char *colon = strchr(materials[i], ':');
    hd_snprintf(kind, sizeof kind, "%.*s", colon ? (int)(colon - materials[i]) : 63, materials[i]);
    const char *w[] = {ids, kind, date, colon ? colon + 1 : NULL};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, issued_date, reference) VALUES "
                       "(?1, ?2, ?3, ?4)", w, 4, err);
    if (rc) hd_err_prefix(err, "--material '%s'", materials[i]);
  }
  return rc;
}

/* A change or cancellation of a certificate, applied for by its holder: a new case on
 * the same resource, with the same rights, referring to the certificate. */
static int apply(sqlite3 *db, const hd_application *a, long long *case_id, hd_err *err) {
  int cancel = strcmp(a->type, "cancel") == 0;
  if (!cancel && strcmp(a->type, "change") != 0)
    return hd_err_set(err, HD_EUSAGE, "--type must be change or cancel, not '%s'", a->type);
  if (cancel && (!a->ground || strlen(a->ground) != 1 || a->ground[0] < 'a' || a->ground[0] > 'f'))
    return hd_err_set(err, HD_EUSAGE, "a cancellation needs --ground, one of a-f (clause 5.1.6)");
  if (!cancel && !a->description)
    return hd_err_set(err, HD_EUSAGE, "a change needs --description (what changes, 6.4 a)");
  char *cert = one(db, "SELECT id FROM certificates WHERE number = ?1 AND status = 'issued'",
                   a->certificate);
  if (!cert) {
    char *status = one(db, "SELECT status FROM certificates WHERE number = ?1", a->certificate);
    int rc = hd_err_set(err, HD_EDATA, status ? "certificate %s is %s: only an issued certificate "
                        "can be changed or cancelled" : "certificate %s does not exist%s",
                        a->certificate, status ? status : "");
    free(status);
    return rc;
  }
  const char *v[] = {a->number, a->type, a->date, cert, cancel ? a->ground : NULL,
                     cancel ? NULL : a->description};
  int rc = exec_bind(db,
                     "INSERT INTO cases(number, reg_type, procedure, status, applicant_id, "
                     "resource_id, applied_date, accepted_date, prior_certificate_id, cancel_ground, "
                     "change_description) SELECT ?1, ?2, k.procedure, 'submitted', k.applicant_id, "
                     "k.resource_id, ?3, ?3, c.id, ?5, ?6 FROM certificates c JOIN cases k ON "
                     "k.id = c.case_id WHERE c.id = CAST(?4 AS INTEGER)", v, 6, err);
  if (rc == HD_OK && sqlite3_changes(db) != 1)
    rc = hd_err_set(err, HD_EDATA, "certificate %s has no case to apply from", a->certificate);
  long long id = sqlite3_last_insert_rowid(db);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  if (rc == HD_OK) {
    const char *w[] = {ids, cert};
    rc = exec_bind(db, "INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) "
                       "SELECT ?1, right_kind, holder_id, restrictions FROM case_rights WHERE "
                       "case_id = (SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))",
                   w, 2, err);
  }
  if (rc == HD_OK) { /* the registration's evidence on file stays the evidence */
    const char *w[] = {ids, cert};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, present, issued_date, valid_until, "
                       "reference, note) SELECT ?1, kind, present, issued_date, valid_until, "
                       "reference, note FROM materials WHERE kind <> 'application' AND case_id = "
                       "(SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))", w, 2, err);
  }
  if (rc == HD_OK) {
    const char *w[] = {ids, a->date};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, issued_date) VALUES (?1, "
                       "'application', ?2)", w, 2, err);
  }
  if (rc == HD_OK) rc = add_materials(db, ids, a->date, a->materials, a->n_materials, err);
  if (rc == HD_OK) *case_id = id;
  free(cert);
  return rc;
}

int act_apply(sqlite3 *db, const hd_application *a, long long *case_id, hd_err *err) {
  int rc = store_begin(db, err);
  return rc ? rc : finish(db, apply(db, a, case_id, err), err);
}
