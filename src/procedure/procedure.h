/* procedure.h: the registration procedure of clauses 5 and 6 — which status a case may
 * move to from which, per flow — kept as data in the database (table transitions,
 * schema v3, drawn in docs/procedure.md) and every move recorded as an appended row of
 * case_events (date, actor, reason, the document it produced). The database refuses a
 * status change without its event and an event that is not a transition (triggers);
 * this module gives the clear message first. Depends on store/. */
#ifndef HD_PROCEDURE_H
#define HD_PROCEDURE_H
#include <sqlite3.h>
#include <stdio.h>
#include "util/diag.h"

/* Move case_id to status `to` on date `at` (YYYY-MM-DD), as `actor` ("hdreg run" for
 * the night, a person's name otherwise), for `reason`; document_id 0 if none. `by` is
 * "night" or "person": a person cannot make the night's moves and the night cannot make
 * a person's. Runs inside the caller's transaction. HD_EDATA, naming the case, for a
 * move the procedure does not allow, with the moves it does allow. */
int proc_move(sqlite3 *db, long long case_id, const char *to, const char *by, const char *at,
              const char *actor, const char *reason, long long document_id, hd_err *err);

/* Queue a letter of kind (a letters.kind) for case_id, owed on date, for the night's
 * letters step to write (docs/procedure.md, "Letters"): with_event ties it to the case's
 * last event, objection (0: none) to an objection; note: the reason given, or NULL. Inside
 * the caller's transaction. */
int proc_queue_letter(sqlite3 *db, long long case_id, const char *kind, const char *date,
                      int with_event, long long objection, const char *note, hd_err *err);

/* The flow of a case: "ordinary", "simplified" or "cancel". */
const char *proc_flow(const char *reg_type, const char *procedure);

/* Print the procedure (every flow, every transition) to out, readable. */
int proc_print(sqlite3 *db, FILE *out, hd_err *err);

/* Record (once each) the check pack's and the templates' revisions a night on date uses:
 * table revisions, on the register's chain. */
int proc_record_revisions(sqlite3 *db, const char *date, const char *checks, const char *templates,
                          hd_err *err);

#endif
