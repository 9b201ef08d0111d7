/* waiver.h: waivers of a check for a case (docs/procedure.md, "Waivers") — added with an
 * approver, a justification and an expiry, listed with their state as of a date, and
 * revoked with who and why. Every row goes onto the register's chain (tables waivers and
 * waiver_revocations, store/rowlog.c) in the caller's transaction. Which checks may be
 * waived is the check pack's (checks.h, pack_check_waivable): a ban never. Depends on
 * store/, checks/. */
#ifndef HD_WAIVER_H
#define HD_WAIVER_H
#include <sqlite3.h>
#include "checks/checks.h"
#include "util/diag.h"

typedef struct hd_waiver_req {
  long long case_id;
  const char *case_number;   /* for messages */
  const char *check_id, *approver, *justification;
  const char *date;          /* approved on (YYYY-MM-DD) */
  const char *expires;       /* last day it applies (YYYY-MM-DD) */
} hd_waiver_req;

/* Add a waiver. HD_EDATA with the reason for: a check the pack does not have (with the
 * nearest id), a check that is a ban or does not allow waivers, an expiry before the
 * approval date, a case whose procedure has ended (certified, cancelled, rejected,
 * withdrawn), a waiver of that check for that case in force on any day the new one is.
 * HD_EUSAGE for dates that are not dates and an empty approver or justification.
 * *id: the new waiver's number. Runs inside the caller's transaction. */
int waiver_add(sqlite3 *db, const hd_pack *p, const hd_waiver_req *r, long long *id, hd_err *err);

/* Revoke waiver id on date, by `by`, for `reason`. HD_EDATA for a waiver that does not
 * exist, is revoked already (when and by whom), or a date before it was approved. Runs
 * inside the caller's transaction. *case_number (caller frees) names its case. */
int waiver_revoke(sqlite3 *db, long long id, const char *date, const char *by,
                  const char *reason, char **case_number, hd_err *err);

typedef struct hd_waiver_row {
  long long id;
  char *case_number, *check_id, *approver, *approved_date, *justification, *expires;
  char *revoked_date, *revoked_by, *revoke_reason; /* NULL if not revoked */
  const char *state;         /* as of the date asked: "active", "expired", "revoked",
                                "pending" (approved later), "ignored" (active by its dates,
                                but the pack refuses it: why) */
  char why[400];
} hd_waiver_row;

/* The waivers of case_id (0: of every case), by case number then id, with their state
 * as of as_of; p (NULL: not asked) says which active ones its checks refuse.
 * *rows (free with waiver_rows_free). */
int waiver_list(sqlite3 *db, const hd_pack *p, long long case_id, const char *as_of,
                hd_waiver_row **rows, int *n, hd_err *err);
void waiver_rows_free(hd_waiver_row *rows, int n);

#endif
