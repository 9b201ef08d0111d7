/* findings_store.h: recording a case's findings and decision (tables findings and
 * decisions, docs/schema.md). Depends on store/ and checks/ (the findings). */
#ifndef HD_FINDINGS_STORE_H
#define HD_FINDINGS_STORE_H
#include <sqlite3.h>
#include "checks/checks.h"

/* Store findings of a case (replacing the case's findings for the same as-of date and
 * pack revision) and its decision, in one savepoint. */
int findings_store(sqlite3 *db, long long case_id, const char *as_of, const hd_findings *f,
                   hd_err *err);

#endif
