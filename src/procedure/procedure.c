/* procedure.c: moves of a case through the procedure (procedure.h). */
#include "procedure/procedure.h"

#include <string.h>

#include "store/store.h"
#include "util/buf.h"

const char *proc_flow(const char *reg_type, const char *procedure) {
  if (reg_type && strcmp(reg_type, "cancel") == 0) return "cancel";
  return procedure && strcmp(procedure, "ordinary") == 0 ? "ordinary" : "simplified";
}

/* "certified (night), submitted, withdrawn" for the moves from `from` in `flow`. */
static void allowed(sqlite3 *db, const char *flow, const char *from, const char *by, hd_buf *out) {
  sqlite3_stmt *st;
  hd_err ignored = {0};
  if (store_cached(db, "SELECT to_status, by FROM transitions WHERE flow = ?1 AND "
                       "from_status = ?2 ORDER BY by <> ?3, to_status", &st, &ignored))
    return;
  sqlite3_bind_text(st, 1, flow, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *to = (const char *)sqlite3_column_text(st, 0);
    const char *who = (const char *)sqlite3_column_text(st, 1);
    hd_buf_printf(out, "%s%s%s", out->len ? ", " : "", to,
                  strcmp(who, "night") == 0 ? " (by the nightly run)" : "");
  }
  store_done(st);
}

int proc_move(sqlite3 *db, long long case_id, const char *to, const char *by, const char *at,
              const char *actor, const char *reason, long long document_id, hd_err *err) {
  sqlite3_stmt *st;
  char number[64] = "?", from[32] = "", flow[16] = "";
  if (store_cached(db, "SELECT number, status, reg_type, procedure FROM cases WHERE id = ?1",
                   &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    hd_snprintf(number, sizeof number, "%s", (const char *)sqlite3_column_text(st, 0));
    hd_snprintf(from, sizeof from, "%s", (const char *)sqlite3_column_text(st, 1));
    hd_snprintf(flow, sizeof flow, "%s",
                proc_flow((const char *)sqlite3_column_text(st, 2),
                          (const char *)sqlite3_column_text(st, 3)));
  }
  store_done(st);
  if (!*from) return hd_err_set(err, HD_EDATA, "case %lld does not exist", case_id);

  if (store_cached(db, "SELECT max(by = ?4) FROM transitions WHERE flow = ?1 AND "
                       "from_status = ?2 AND to_status = ?3", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, flow, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
  int found = 0, right_actor = 0;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
    found = 1;
    right_actor = sqlite3_column_int(st, 0);
  }
  store_done(st);
  if (!found || !right_actor) {
    hd_buf moves;
    hd_buf_init(&moves, 4096);
    allowed(db, flow, from, by, &moves);
    int rc = hd_err_set(err, HD_EDATA,
                        "case %s: %s cannot go from '%s' to '%s'%s (from '%s' it can go to: %s)",
                        number, !found ? "the procedure says it" : strcmp(by, "night") == 0 ? "the nightly run" : "a person's command",
                        from, to, !found ? "" : strcmp(by, "night") == 0 ? " (a person makes that move)" : " (only the nightly run makes that move)",
                        from, moves.len ? moves.p : "nowhere: it is final");
    hd_buf_release(&moves);
    return rc;
  }
  /* A person's move happens after what the case went through: not dated before its last
   * move (the night's own moves come in the order of the nights). */
  if (!strcmp(by, "person")) {
    if (store_cached(db, "SELECT at, f, t FROM (SELECT at, from_status AS f, to_status AS t, id "
                         "FROM case_events WHERE case_id = ?1 UNION ALL SELECT applied_date, NULL, "
                         "NULL, 0 FROM cases WHERE id = ?1) ORDER BY f IS NULL, at DESC, id DESC "
                         "LIMIT 1", &st, err))
      return HD_EDB;
    sqlite3_bind_int64(st, 1, case_id);
    int rc = HD_OK;
    if (sqlite3_step(st) == SQLITE_ROW) {
      const char *last = (const char *)sqlite3_column_text(st, 0);
      if (last && strcmp(at, last) < 0 && sqlite3_column_type(st, 1) != SQLITE_NULL)
        rc = hd_err_set(err, HD_EDATA, "case %s: its last move is dated %s (%s -> %s): a move "
                        "cannot be dated %s, before it", number, last,
                        (const char *)sqlite3_column_text(st, 1),
                        (const char *)sqlite3_column_text(st, 2), at);
      else if (last && strcmp(at, last) < 0)
        rc = hd_err_set(err, HD_EDATA, "case %s was applied for on %s: a move cannot be dated "
                        "%s, before it", number, last, at);
    }
    store_done(st);
    if (rc) return rc;
  }
  if (store_cached(db, "INSERT INTO case_events(case_id, at, from_status, to_status, actor, "
                       "reason, document_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, reason, -1, SQLITE_STATIC);
  if (document_id) sqlite3_bind_int64(st, 7, document_id);
  else sqlite3_bind_null(st, 7);
  int s = sqlite3_step(st);
  store_done(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (store_cached(db, "UPDATE cases SET status = ?2 WHERE id = ?1", &st, err)) return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
  s = sqlite3_step(st);
  store_done(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

int proc_queue_letter(sqlite3 *db, long long case_id, const char *kind, const char *date,
                      int with_event, long long objection, const char *note, hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(db, "INSERT INTO letters(case_id, kind, owed_date, event_id, objection_id, note) "
                       "VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN (SELECT max(id) FROM case_events "
                       "WHERE case_id = ?1) END, CASE WHEN ?5 > 0 THEN ?5 END, ?6)", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 4, with_event != 0);
  sqlite3_bind_int64(st, 5, objection);
  if (note) sqlite3_bind_text(st, 6, note, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, 6);
  int s = sqlite3_step(st);
  store_done(st);
  return s == SQLITE_DONE ? HD_OK : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
}

int proc_print(sqlite3 *db, FILE *out, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT flow, from_status, to_status, by, clause, meaning FROM transitions "
                        "ORDER BY CASE flow WHEN 'ordinary' THEN 1 WHEN 'simplified' THEN 2 ELSE 3 END, "
                        "CASE from_status WHEN 'submitted' THEN 1 WHEN 'held' THEN 2 WHEN "
                        "'committee_review' THEN 3 WHEN 'approved' THEN 4 WHEN 'notice' THEN 5 "
                        "WHEN 'rectify' THEN 6 ELSE 7 END, to_status", &st, err))
    return HD_EDB;
  char last[16] = "";
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *flow = (const char *)sqlite3_column_text(st, 0);
    if (strcmp(flow, last) != 0) {
      fprintf(out, "%s%s\n", *last ? "\n" : "", flow);
      hd_snprintf(last, sizeof last, "%s", flow);
    }
    fprintf(out, "  %-16s -> %-16s %-6s %-8s %s\n", sqlite3_column_text(st, 1),
            sqlite3_column_text(st, 2), sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
            sqlite3_column_text(st, 5));
  }
  sqlite3_finalize(st);
  return HD_OK;
}

int proc_record_revisions(sqlite3 *db, const char *date, const char *checks, const char *templates,
                          hd_err *err) {
  int rc = store_begin(db, err);
  for (int i = 0; i < 2 && rc == HD_OK; i++) {
    sqlite3_stmt *st;
    if ((rc = store_cached(db, "INSERT OR IGNORE INTO revisions(kind, revision, first_used) "
                               "VALUES (?1, ?2, ?3)", &st, err)))
      break;
    sqlite3_bind_text(st, 1, i ? "templates" : "checks", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, i ? templates : checks, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    store_done(st);
  }
  if (rc == HD_OK) return store_commit(db, err);
  store_rollback(db);
  return rc;
}
