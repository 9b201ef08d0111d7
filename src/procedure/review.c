/* review.c: record findings and decisions for the cases awaiting review (review.h). */
#include "procedure/review.h"

#include <string.h>

#include "model/caseview.h"
#include "store/store.h"

int run_reviews(sqlite3 *db, hd_pack *pack, const hd_calendar *cal, const char *date,
                hd_review_report *rep, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  sqlite3_stmt *st = NULL;
  int rc = caseview_loader_new(db, &ld, err);
  memset(rep, 0, sizeof *rep);
  if (rc) return rc;
  if ((rc = store_prepare(db, "SELECT id FROM cases WHERE status IN ('submitted', "
                              "'authority_review', 'committee_review') ORDER BY id", &st, err)))
    goto done;
  if ((rc = store_exec(db, "BEGIN IMMEDIATE", err))) goto done;
  int s;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(st, 0);
    hd_caseview v;
    hd_findings f;
    if ((rc = caseview_load(ld, id, &v, err))) break;
    rc = pack_run_view(pack, &v, cal, date, &f, err);
    caseview_release(&v);
    if (rc) break;
    rc = findings_store(db, id, date, &f, err);
    for (int i = 0; i < f.n; i++) rep->errors += f.v[i].outcome == HD_ERROR;
    rep->reviewed++;
    rep->by_decision[f.decision]++;
    findings_release(&f);
    if (rc) break;
  }
  if (rc == HD_OK && s != SQLITE_DONE)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (rc == HD_OK) rc = store_exec(db, "COMMIT", err);
  else sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
done:
  sqlite3_finalize(st);
  caseview_loader_free(ld);
  return rc;
}
