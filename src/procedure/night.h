/* night.h: the nightly run's procedure steps other than certificates, in the order the
 * run takes them (see docs/procedure.md):
 *   reviews        every submitted case is checked as of the run date; its findings, the
 *                  review opinion (documents kind review_opinion, out/opinions/) and its
 *                  move (committee_review / approved / rectify / held / rejected) are
 *                  committed together, case by case;
 *   notices        the approved cases are gathered into one public notice with a number
 *                  (GS-YYYYMMDD) and a period of notice_working_days working days from
 *                  the holiday calendar (the publication day not counted); a period
 *                  reaching into a year without calendar data is refused;
 *   cancellations  cancellation cases whose notice ended before the run date with no open
 *                  objection: the prior certificate is cancelled and the cancellation
 *                  notice written (out/cancellations/).
 * Each document is written durably before the transaction that records it commits, so a
 * killed run redoes exactly the uncommitted work with the same bytes. One case's failure
 * is reported and the others go on; a database failure stops the step.
 * Depends on procedure/documents.h, procedure/procedure.h, store/, ledger/. */
#ifndef HD_NIGHT_H
#define HD_NIGHT_H
#include <sqlite3.h>
#include "procedure/documents.h"
#include "procedure/problems.h"

typedef struct hd_night_report {
  int reviewed, by_decision[4], check_errors;
  int noticed;                /* cases put into a notice */
  struct hd_night_notice { char *number; int cases; char end_date[11]; } *notices;
  int n_notices;
  int cancelled;
  int documents;              /* documents written by these steps */
  int failed;
  int held_unprintable;       /* reviewed, but held: the review opinion cannot be printed */
  hd_problem *problems;
  int n_problems;
} hd_night_report;

typedef struct hd_night {
  sqlite3 *db;
  hd_docenv *env;             /* fonts, check pack, calendar */
  const char *date;           /* the run date */
  const char *out_dir;        /* absolute: documents are recorded with absolute paths */
  const char *db_path;        /* for the worker processes' own connections */
  int jobs;                   /* worker processes for laying out documents; 1: none */
  const struct hd_signer *signer; /* signs every document (PDF signature); NULL: unsigned */
  const hd_template *opinion, *notice, *cancellation;
  hd_night_report *rep;
  void (*progress)(void *ud, const char *step, int done, int total);
  void *progress_ud;
} hd_night;

int night_reviews(hd_night *n, hd_err *err);
int night_notices(hd_night *n, hd_err *err);
int night_cancellations(hd_night *n, hd_err *err);
void night_report_release(hd_night_report *r);

#endif
