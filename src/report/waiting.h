/* waiting.h: every case that waits for a person or a deadline on a date — held, in
 * committee review, an objection under investigation, returned for materials (with the
 * supplement deadline), in public notice (with its end) — with its age in working days:
 * one list that the morning report (report.c) and `hdreg case list --waiting` both print.
 * Depends on store (the register), model (calendar), procedure (docs_deadline: the same
 * deadlines the letters print), json-c. */
#ifndef HD_REPORT_WAITING_H
#define HD_REPORT_WAITING_H
#include <json-c/json.h>
#include <sqlite3.h>

#include "model/calendar.h"
#include "util/diag.h"

/* The default of "waiting too long" in working days, when the configuration file has
 * no waiting_days: the guideline sets no period for a review, a committee or an
 * investigation; two weeks of working days is the authority's choice, not the law's. */
#define HD_WAITING_DAYS_DEFAULT 10

/* What report_waiting lists. */
typedef struct hd_waiting_opts {
  const char *date;   /* the day the ages and deadlines are of, valid YYYY-MM-DD */
  int threshold;      /* working days: an entry waiting longer is marked "over" */
  int only_over;      /* 1: only the entries waiting longer than threshold (and those whose
                         age cannot be computed, which may be as old) */
} hd_waiting_opts;

/* The waiting entries on o->date as a JSON array (caller json_object_put), one per case
 * and reason to wait — a case in notice with an open objection is both — ordered by kind
 * (held, committee_review, objection, rectify, notice, cancellation: an application open
 * on a certificate that the authority is cancelling on its own motion, which waits for it,
 * procedure/intake.h), since, case number. Each entry: case, applicant, waits_for (the
 * kind), status (the case's), since (the date of its last move; an objection's filing;
 * the notice's start; the cancellation's opening), age_working_days (working days after
 * since up to the date, Civil Code arts. 201, 203, holiday calendar; null where a year has
 * no schedule), over, deadline (rectify: the last day to supplement, 6.1.2 a / 6.2.2 a,
 * setting supplement_working_days after the return; objection: the last day for the
 * applicant to explain, setting objection_reply_working_days after its letter, null before
 * the letter is written; notice: its end, 6.1.2 d / 6.2.2 c; else null), deadline_kind
 * ("supplement", "objection_reply", "notice_end" or null), deadline_passed (the date is
 * after the deadline; null without one), deadline_error (why a deadline cannot be
 * computed, else null), reason (its last move's reason; an objection's objector and
 * grounds; a notice's number; which cancellation), findings (held and rectify: the findings of its last review
 * that hold or return it, waived ones left out: check, clause, outcome, message), notice
 * (its notice number, held objection and notice entries), notice_end, objection (its
 * number, objection entries). cal may be NULL: ages and deadlines are then null.
 * HD_EDB if the register cannot be read. */
int report_waiting(sqlite3 *db, const hd_calendar *cal, const hd_waiting_opts *o,
                   json_object **out, hd_err *err);

/* The findings of a case's review on as_of (pack revision rev; NULL: any) whose outcome
 * decides decision ("reject": fail; "rectify": rectify; "hold": manual and error),
 * waived ones left out, as a JSON array of {check, clause, outcome, message}. */
json_object *report_reasons(sqlite3 *db, long long case_id, const char *decision,
                            const char *as_of, const char *rev);

/* Working days after since up to and including date; -1 if either is not a date, the
 * span is over ten years or a year between has no holiday schedule (the age is then not
 * computed rather than guessed). */
int report_age_working_days(const hd_calendar *cal, const char *since, const char *date);

#endif
