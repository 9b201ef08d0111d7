/* import_int.h: what the import core (import.c) offers its two readers (import_xml.c,
 * import_csv.c). A reader fills one record at a time with xrec_set and hands it to
 * xrec_submit, which validates, reports and inserts it. */
#ifndef HD_IMPORT_INT_H
#define HD_IMPORT_INT_H
#include "util/decode.h"
#include "exchange/import.h"
#include "exchange/spec.h"
#include "util/buf.h"

#define XREC_MAXF 64

typedef struct xrec {
  int type;                 /* XR_* */
  long line;                /* where the record starts */
  long vline[XREC_MAXF], vcol[XREC_MAXF];
  hd_buf arena;             /* the values' bytes */
  size_t off[XREC_MAXF];    /* offsets into arena, (size_t)-1 unset */
  long long parent_id;      /* XML: the enclosing record's id (0: none, -1: it failed) */
  long res_line;            /* XML: the line of <resource> */
  long problems_before;     /* the count when the record began */
  int skip;                 /* not to be checked (its header was reported): only its key
                               is noted, so that its children are skipped too */
} xrec;

typedef struct ximporter ximporter;

void xrec_begin(struct ximporter *im, xrec *r, int type, long line);
/* Set field f (index into XSPEC[type].fields) from n bytes; a field given twice is a
 * problem reported here. */
void xrec_set(ximporter *im, xrec *r, int f, const char *s, size_t n, long line, long col);
/* Validate and insert; returns the new row id, 0 if the record had problems. */
long long xrec_submit(ximporter *im, xrec *r);
void xrec_release(xrec *r);

/* A problem: "file:line[:col]: field: what"; field may be NULL, col 0. */
void xim_problem(ximporter *im, long line, long col, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A database error ends the import. */
int xim_failed(const ximporter *im);
const char *xim_file(const ximporter *im);

/* The readers: read all records from d. HD_OK, or an error that ends the import. */
int xim_read_xml(ximporter *im, hd_decoder *d, hd_err *err);
int xim_read_csv(ximporter *im, hd_decoder *d, hd_err *err);

#endif
