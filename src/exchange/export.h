/* export.h: `hdreg export` — the register's cases in the exchange format (spec.h,
 * docs/import.md), XML or CSV, UTF-8: every subject with its credit records, then every
 * case with its resource, rights, materials, objections and certificate. What an import
 * reads back into an empty register as the same cases. Their history (events, findings,
 * documents, notices, the ledger) stays in the register that made it. */
#ifndef HD_EXPORT_H
#define HD_EXPORT_H
#include <sqlite3.h>
#include <stdio.h>
#include "util/diag.h"

typedef struct xexport_result {
  long subjects, cases, certificates;
} xexport_result;

/* format "xml" or "csv". Writes to out; HD_OK, HD_EUSAGE, HD_EDB or HD_EIO. */
int exchange_export(sqlite3 *db, const char *format, FILE *out, xexport_result *r, hd_err *err);

#endif
