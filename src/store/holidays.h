/* holidays.h: import a statutory holiday schedule in the holiday-cn format
 * ({"year": 2026, "days": [{"name": "春节", "date": "2026-02-16", "isOffDay": true}, ...]})
 * into the holidays and holiday_years tables, validating it first. Depends on json-c. */
#ifndef HD_HOLIDAYS_H
#define HD_HOLIDAYS_H
#include <sqlite3.h>
#include "util/diag.h"

/* Validate and import the file at path in one transaction, replacing that year's
 * schedule. An empty schedule (not yet published) is refused: a year without data must
 * stay unknown. On success *year and *days say what was imported. Errors name the file
 * and the entry: "2026.json: days[3]: date '2026-02-30' is not a valid date". */
int holidays_import(sqlite3 *db, const char *path, int *year, int *days, hd_err *err);
/* The same for a schedule already read (len bytes of text; standard input), named path
 * in the errors. */
#include <stddef.h>
int holidays_import_text(sqlite3 *db, const char *path, const char *text, size_t len,
                         int *year, int *days, hd_err *err);

#endif
