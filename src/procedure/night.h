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
 *                  notice written (out/cancellations/);
 *   expiries       the certificates in force whose validity has ended are recorded as
 *                  expired (certificate_expiries, schema 13).
 * Each document is written durably before the transaction that records it commits, so a
 * killed run redoes exactly the uncommitted work with the same bytes. One case's failure
 * is reported and the others go on; a database failure stops the step.
 * Depends on procedure/documents.h, procedure/procedure.h, store/, ledger/. */
#ifndef HD_NIGHT_H
#define HD_NIGHT_H
#include <sqlite3.h>
#include "ledger/register.h"
#include "procedure/documents.h"
#include "procedure/problems.h"
#include "procedure/run.h"

typedef struct hd_night_report {
  int reviewed, by_decision[4], check_errors;
  int noticed;                /* cases put into a notice */
  struct hd_night_notice { char *number; int cases; char end_date[11]; } *notices;
  int n_notices;
  int cancelled;
  int refused_on_cancel;      /* applications open on a certificate it cancelled, refused */
  int expired;                /* certificates whose validity ended, recorded by this night */
  char **expired_numbers;     /* their numbers, in the order recorded */
  int documents;              /* documents written by these steps */
  int failed;
  int held_unprintable;       /* reviewed, but held: the review opinion cannot be printed */
  int held_check_error;       /* reviewed, but held without an opinion: a check failed to run */
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
  const hd_template *const *tmpl; /* every kind's, indexed by HD_DOC_ (dockinds.h) */
  hd_night_report *rep;
  void (*progress)(void *ud, const char *step, int done, int total);
  void *progress_ud;
} hd_night;

/* The steps, for night_run and the tests; each reports into n->rep. */
int night_reviews(hd_night *n, hd_err *err);
int night_notices(hd_night *n, hd_err *err);
int night_cancellations(hd_night *n, hd_err *err);
/* The letters queued by people's actions (table letters) owed on or before the date:
 * each written and recorded with its document, one transaction each. */
int night_letters(hd_night *n, hd_err *err);
/* The certificates in force (status issued) whose validity ended before the date (valid
 * until the day before or earlier, 5.2.1 有效期限): each recorded once in
 * certificate_expiries (expired_on the day after its valid_until, recorded_date the run
 * date), in one transaction, on the chain; counted in n->rep->expired. A certificate
 * renewed before its end is superseded, not expired. Rerun: nothing new. */
int night_expiries(hd_night *n, hd_err *err);
void night_report_release(hd_night_report *r);

/* ---- the night as one entry point ---------------------------------------------------- */

typedef struct hd_night_opts {
  const char *db_path;        /* the register (the caller holds its lock) */
  const char *date;           /* the run date, YYYY-MM-DD: every decision uses it */
  const char *out_dir;        /* documents go to OUT/FOLDER (procedure/dockinds.h) */
  const char *fonts_dir;      /* extra fonts that win over system fonts */
  const char *manifest;       /* font roles and fallback order; NULL: the built-in copy */
  const char *const *check_dirs; /* the check pack's directories, shipped pack first */
  int n_check_dirs;
  int jobs;                   /* worker processes laying out documents (1-64) */
  const struct hd_signer *signer; /* signs documents, the head and the checkpoint; NULL: none */
  const char *keys_dir;       /* with signer: its directory (the QR key for checkpoints) */
  const char *checkpoints;    /* with signer: the checkpoints file the night extends */
  /* templates/NAME.xml for a template name (the caller knows where templates are) */
  const char *(*template_path)(const char *name, char *buf, size_t size);
  void (*progress)(void *ud, const char *step, int done, int total);
  void *progress_ud;
} hd_night_opts;

/* Where a night stopped (hd_night_result.stage). */
enum hd_night_stage {
  HD_NIGHT_PREPARE,  /* templates, register, fonts, calendar, check pack, output, or a step */
  HD_NIGHT_AUDIT,    /* the register is not as hdreg left it: the problems are in audit */
  HD_NIGHT_SIGN,     /* signing the register's head */
  HD_NIGHT_PUBLISH,  /* the night's checkpoint: audit or publication */
  HD_NIGHT_DONE
};

typedef struct hd_night_result {
  hd_night_report night;      /* reviews, notices, cancellations */
  hd_run_report certs;        /* certificates */
  char *pack_revision;        /* the check pack the night reviewed with */
  int head_signed, published; /* with a signer: the head signed, a checkpoint appended (0:
                                 nothing new since the last: after.last_size, last_date) */
  hd_audit audit;             /* the register before the night (HD_NIGHT_AUDIT: its problems) */
  hd_audit after;             /* with a signer: the register the checkpoint was made of */
  enum hd_night_stage stage;  /* HD_NIGHT_DONE when it went through */
} hd_night_result;

/* The night of o->date: the templates of the night's document kinds loaded, the register
 * opened, checked by SQLite and verified (a register changed past hdreg: HD_EDATA, stage
 * HD_NIGHT_AUDIT, nothing written), fonts, calendar and check pack loaded, the revisions
 * recorded, then reviews, notices, certificates and cancellations, and with a signer the
 * checkpoint published (if the register grew since the last) and then the head signed. HD_OK when the night went through, even if
 * some cases failed (r->night.failed, r->certs.failed, their problems); otherwise the
 * error that stopped it, r->stage saying where. Prints nothing. Caller releases r with
 * night_result_release, whatever the result. */
int night_run(const hd_night_opts *o, hd_night_result *r, hd_err *err);
void night_result_release(hd_night_result *r);

#endif
