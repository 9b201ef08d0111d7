/* run.h: the nightly run's certificate step — select the cases due for certification on
 * the run date, freeze their 5.2.1 fields under a newly allocated number, render each
 * certificate, write it atomically and record it in the ledger. One case's failure never
 * stops the others. Depends on store, model, checks (USCC), layout, pdf, ledger. */
#ifndef HD_RUN_H
#define HD_RUN_H
#include <sqlite3.h>
#include "pdf/fonts.h"
#include "procedure/problems.h"
#include "util/diag.h"


typedef struct hd_run_report {
  int issued;      /* certificates written this run */
  int verified;    /* issued earlier on this date; file present with the recorded hash */
  int restored;    /* issued earlier on this date; file was missing and was re-rendered */
  int held;        /* due but held by an open objection */
  int failed;      /* cases whose certificate could not be made */
  int returned;    /* due, but returned to review: the validity would end before issue */
  hd_problem *problems;
  int n_problems;
  double render_ms;   /* time spent laying out and rendering, for the summary */
  struct hd_issued {  /* certificates written this run */
    char *case_number, *number, *path, sha256[65];
    char *replaces;   /* a change or transfer: the number of the certificate it replaces */
  } *issued_list;
  int n_issued_list;
  unsigned long long bytes;
} hd_run_report;

typedef struct hd_run_opts {
  const char *date;     /* YYYY-MM-DD, the run date ("today" for every decision) */
  const char *out_dir;  /* certificates go to <out_dir>/certificates/<number>.pdf */
  const struct hd_template *tmpl;  /* the certificate template */
  int jobs;             /* worker processes laying out certificates; 1: none */
  const struct hd_signer *signer; /* signs every certificate; NULL: unsigned */
  const char *db_path;  /* for the workers' own connections */
  const char *lookup_base; /* the setting lookup_base_url as run_lookup_base read and checked
                              it (the QR codes point to it); NULL: none */
  void (*progress)(void *ud, const char *step, int done, int total);
  void *progress_ud;
} hd_run_opts;

/* The setting lookup_base_url (schema 13), the public lookup the certificates' QR codes
 * point to: *out (caller frees) or NULL when it is not set; HD_EDATA naming the setting
 * when it is no usable address (model/certrecord.h). */
int run_lookup_base(sqlite3 *db, char **out, hd_err *err);

/* Returns HD_OK when the run went through (even if some cases failed: see rep->failed),
 * or an error that stopped the whole run (bad date, database, output directory). */
int run_certificates(sqlite3 *db, const hd_fontset *fs, const hd_run_opts *o,
                     hd_run_report *rep, hd_err *err);
void run_report_release(hd_run_report *rep);

#endif
