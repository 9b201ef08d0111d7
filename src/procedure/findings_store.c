/* findings_store.c: the findings and decision of a review recorded in the register
 * (findings_store.h). The procedure records what the checks found; checks/ never writes
 * the database. */
#include "procedure/findings_store.h"

#include <string.h>

int findings_store(sqlite3 *db, long long case_id, const char *as_of, const hd_findings *f,
                   hd_err *err) {
  sqlite3_stmt *del = NULL, *ins = NULL, *dec = NULL;
  int rc = HD_OK;
  if (sqlite3_exec(db, "SAVEPOINT findings", NULL, NULL, NULL) != SQLITE_OK)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (sqlite3_prepare_v2(db, "DELETE FROM findings WHERE case_id = ?1 AND as_of = ?2 AND "
                             "pack_revision = ?3", -1, &del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO findings(case_id, check_id, clause, outcome, message, "
                             "evidence, pack_revision, as_of) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                         -1, &ins, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO decisions(case_id, as_of, decision, "
                             "pack_revision) VALUES (?1,?2,?3,?4)", -1, &dec, NULL) != SQLITE_OK) {
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    goto done;
  }
  sqlite3_bind_int64(del, 1, case_id);
  sqlite3_bind_text(del, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text(del, 3, f->revision, -1, SQLITE_STATIC);
  if (sqlite3_step(del) != SQLITE_DONE) rc = HD_EDB;
  for (int i = 0; rc == HD_OK && i < f->n; i++) {
    hd_finding *x = &f->v[i];
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, case_id);
    sqlite3_bind_text(ins, 2, x->check_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, x->clause, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, outcome_name(x->outcome), -1, SQLITE_STATIC);
    const char *msg = finding_message(x);
    if (!msg) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    sqlite3_bind_text(ins, 5, msg, -1, SQLITE_STATIC);
    const char *ev = finding_evidence(x);
    if (!ev) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    sqlite3_bind_text(ins, 6, ev, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 7, f->revision, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 8, as_of, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = HD_EDB;
  }
  if (rc == HD_OK) {
    sqlite3_bind_int64(dec, 1, case_id);
    sqlite3_bind_text(dec, 2, as_of, -1, SQLITE_STATIC);
    sqlite3_bind_text(dec, 3, decision_name(f->decision), -1, SQLITE_STATIC);
    sqlite3_bind_text(dec, 4, f->revision, -1, SQLITE_STATIC);
    if (sqlite3_step(dec) != SQLITE_DONE) rc = HD_EDB;
  }
  if (rc) hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
done:
  sqlite3_finalize(del);
  sqlite3_finalize(ins);
  sqlite3_finalize(dec);
  sqlite3_exec(db, rc ? "ROLLBACK TO findings; RELEASE findings" : "RELEASE findings", NULL,
               NULL, NULL);
  return rc;
}
