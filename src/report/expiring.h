/* expiring.h: the certificates whose validity ends soon (5.2.1 有效期限) — in force on a
 * date and valid until no later than a number of working days after it — with their
 * holders and how to reach them, so that the authority tells them in time to apply for a
 * renewal (a change with a new validity, docs/procedure.md "Expiry and renewal"). One list
 * that the morning report (report.c) and `hdreg case list --expiring` both print.
 * Depends on store (the register), model (calendar), json-c. */
#ifndef HD_REPORT_EXPIRING_H
#define HD_REPORT_EXPIRING_H
#include <json-c/json.h>
#include <sqlite3.h>

#include "model/calendar.h"
#include "util/diag.h"

/* The reminder window when the register has no setting expiry_reminder_working_days: four
 * weeks of working days, the authority's choice (the guideline sets no period). */
#define HD_EXPIRY_REMINDER_DEFAULT 20

/* The setting expiry_reminder_working_days (1-250; HD_EDATA naming it when it is not such
 * a number), or HD_EXPIRY_REMINDER_DEFAULT when it is not set. */
int report_reminder_days(sqlite3 *db, int *days, hd_err *err);

/* The certificates issued (in force: status issued, registered on or before date) whose
 * valid_until is on or after date and no later than `within` working days after it
 * (holiday calendar; a window that reaches into a year without a schedule is HD_EDATA
 * naming the year: the list is never guessed), ordered by valid_until then number, as a
 * JSON array (caller json_object_put). Each entry: certificate, case (the one that
 * registered it), valid_until, working_days_left (working days after date up to and
 * including valid_until), holders (each subject once, in the order of its first right:
 * name, uscc, contact_name, contact_phone, contact_email — null where the register has
 * none), renewal (the number of an open renewal of it, a change with cases.renewal, or
 * null). HD_EDB if the register cannot be read. */
int report_expiring(sqlite3 *db, const hd_calendar *cal, const char *date, int within,
                    json_object **out, hd_err *err);

#endif
