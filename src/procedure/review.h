/* review.h: the nightly run's review step — every case awaiting a review (submitted,
 * authority_review, committee_review) is checked with the pack as of the run date and
 * its findings and decision are recorded with the pack revision. Statuses are not moved
 * here. Depends on checks/, model/. */
#ifndef HD_REVIEW_H
#define HD_REVIEW_H
#include <sqlite3.h>
#include "checks/checks.h"

typedef struct hd_review_report {
  int reviewed;
  int by_decision[4];  /* indexed by enum hd_decision */
  int errors;          /* findings with outcome error (check bugs) */
} hd_review_report;

int run_reviews(sqlite3 *db, hd_pack *pack, const hd_calendar *cal, const char *date,
                hd_review_report *rep, hd_err *err);

#endif
