/* import.h: `hdreg import` — registration cases from a legacy system's XML or CSV file
 * (spec.h; docs/import.md) into the register, in one transaction: the whole file or
 * nothing. Every problem of the file is reported in one pass as
 *   file:line[:column]: field: what is wrong
 * and then nothing is written. Values normalised on the way in (full-width digits and
 * letters in codes, surrounding spaces, the legacy status 'authority_review') are listed. */
#ifndef HD_IMPORT_H
#define HD_IMPORT_H
#include <sqlite3.h>
#include <stdio.h>
#include "util/diag.h"

typedef struct ximport_opts {
  const char *encoding;     /* "UTF-8", "GBK", "GB18030"; NULL: an XML file's declaration,
                               else UTF-8 */
  const char *format;       /* "xml", "csv", or NULL: by the file's first character */
  int restore;              /* the file is a register's own export (hdreg export): cases
                               keep their status, certificates and objections, and an
                               invalid credit code is kept as recorded and listed. Without
                               it the file is a batch of new applications. */
  long max_problems;        /* print at most this many (0: all); all are counted */
  FILE *problems;           /* where problems go (stderr) */
  FILE *notes;              /* where normalisations go (stdout), may be NULL */
  const char *date;         /* the import's date, YYYY-MM-DD (table imports) */
  int dry_run;              /* check everything as for real, then write nothing */
  const char *name;         /* the name the file goes by in problems, notes and the
                               register (table imports); NULL: path. hdreg import - reads
                               standard input through a temporary copy named "<stdin>" */
} ximport_opts;

typedef struct ximport_result {
  long subjects, subjects_known, cases, certificates, records;
  long problems, normalised, kept_invalid;
  long invalid_bytes;
  long long bytes;
  long long import_id;      /* its row in imports */
  const char *encoding;     /* the encoding read (static string) */
} ximport_result;

/* Import path into db. HD_OK: everything written. HD_EDATA: the file has problems
 * (r->problems, each printed), nothing written. Other codes: usage, I/O, database. */
int exchange_import(sqlite3 *db, const char *path, const ximport_opts *o, ximport_result *r,
                    hd_err *err);

#endif
