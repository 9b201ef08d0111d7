/* documents.h: the documents of the procedure rendered from the database — a case's
 * review opinion or cancellation notice (or any case template), a public notice, an
 * institution's Annex A privacy policy. Gathers each template's data (docs/templates.md
 * lists the names) and lays it out with layout/document.h. Used by the nightly run and
 * by `hdreg render`. Depends on store/, model/, checks/ (findings), layout/. */
#ifndef HD_DOCUMENTS_H
#define HD_DOCUMENTS_H
#include <sqlite3.h>
#include <stddef.h>
#include "checks/checks.h"
#include "model/calendar.h"
#include "pdf/fonts.h"
#include "template/template.h"
#include "util/diag.h"

typedef struct hd_docenv {
  sqlite3 *db;
  const hd_fontset *fs;
  hd_pack *pack;            /* runs the checks for case documents given no findings */
  const hd_calendar *cal;
  int repeat;               /* lay out this many times (benchmarks); 0 or 1: once */
  double median_ms;         /* out: median layout time when repeat > 1 */
  char *html;               /* out: with want_html, the same document as an HTML page */
  size_t html_len;          /*      (layout/document.h doc_html; caller frees html) */
  int want_html;
} hd_docenv;

/* Render template t for case_id as of as_of (YYYY-MM-DD; NULL: the certificate's
 * registration date, else the latest review, else the application date). f: the
 * findings to show (NULL: run e->pack as of that date). A certificate template needs the
 * case's certificate. Errors name the case and, for a data problem, the bound value. */
int docs_case(hd_docenv *e, const hd_template *t, long long case_id, const char *as_of,
              const hd_findings *f, unsigned char **pdf, size_t *len, hd_err *err);
/* More for a case document (a letter): names (kv, e.g. letter.date, objection.grounds)
 * and lists set by prepare (e.g. questions). */
struct hd_expr;
typedef struct hd_docextra {
  const struct hd_kv *kv;
  int n;
  int (*prepare)(struct hd_expr *x, void *ud);
  void *ud;
} hd_docextra;
/* docs_case with x's names and lists besides (x NULL: none). Every case document also
 * has `why` (per finding, in the order of findings: {clause = the clause of this case's
 * type, found, todo}: explain.h), the settings `remedies` and `supplement_days`, and
 * `deadline`, the last day to supplement (supplement_working_days working days after
 * as_of) when the calendar has it. */
int docs_case_ex(hd_docenv *e, const hd_template *t, long long case_id, const char *as_of,
                 const hd_findings *f, const hd_docextra *x, unsigned char **pdf, size_t *len,
                 hd_err *err);
/* The day `setting` (a number of working days, 1-100) working days after from, into out
 * (YYYY-MM-DD), *days the number; HD_EDATA naming the year the calendar lacks. */
int docs_deadline(sqlite3 *db, const hd_calendar *cal, const char *from, const char *setting,
                  char out[11], long *days, hd_err *err);
/* Render t for the public notice with this id (notice.*, the list cases, authority). */
int docs_notice(hd_docenv *e, const hd_template *t, long long notice_id, unsigned char **pdf,
                size_t *len, hd_err *err);
/* Render t (templates/register_extract.xml) for certificate `number` as the register holds
 * it on as_of: its frozen fields (cert.*), its standing on the date (extract.status, as
 * hdreg verify says it), its document's SHA-256, its history up to the date (history:
 * date, event, case) and the register's size and head (extract.entries, extract.head);
 * dated today (the day it is issued); extract.unsigned set when it will not be signed
 * (then no seal is drawn).
 * HD_EDATA: no such certificate, not issued yet, or registered after as_of. */
int docs_extract(hd_docenv *e, const hd_template *t, const char *number, const char *as_of,
                 const char *today, int signed_, unsigned char **pdf, size_t *len, hd_err *err);
/* Render t (templates/supervision_report.xml) for the supervisions found from `from` to
 * `to` (supervision.h, sup_list): report.{from, to, count, open, closed, reported,
 * cancelled}, the lists items (number, found, subject, uscc, certificate, category, facts,
 * source, status, steps — one line per step) and categories (category, count), authority,
 * department (the setting supervising_department), today; report.unsigned when it will
 * not be signed. */
int docs_supervision(hd_docenv *e, const hd_template *t, const char *from, const char *to,
                     const char *today, int signed_, unsigned char **pdf, size_t *len,
                     hd_err *err);
/* Render t for the privacy_products row with this id (institution.*, third_parties). */
int docs_institution(hd_docenv *e, const hd_template *t, long long product_id,
                     unsigned char **pdf, size_t *len, hd_err *err);

struct hd_institution;
/* Render t for an institution's own description (hdreg policy --from FILE.xml). */
int docs_institution_file(hd_docenv *e, const hd_template *t, const struct hd_institution *in,
                          unsigned char **pdf, size_t *len, hd_err *err);

#endif
