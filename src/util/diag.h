/* diag.h: the one error context every library layer fills instead of printing, the
 * internal status codes, and the CLI's exit-code table (docs/hdreg.1, EXIT STATUS). */
#ifndef HD_DIAG_H
#define HD_DIAG_H
#include <stddef.h>

/* Internal status codes; 0 is success. */
enum hd_status {
  HD_OK = 0,
  HD_EUSAGE,    /* bad command line */
  HD_EDATA,     /* bad input data: a case, a field, a date */
  HD_EDB,       /* database cannot be opened, migrated or written */
  HD_EIO,       /* output cannot be written */
  HD_EFONT,     /* font configuration: a family is missing or unusable */
  HD_ENOMEM,    /* allocation failed */
  HD_EINTERNAL, /* a bug: an invariant did not hold */
  HD_ESTOPPED   /* the run stopped part way (a worker process died); a rerun finishes it */
};

/* Process exit codes, documented in docs/hdreg.1 and README.md; each is covered by an
 * end-to-end test in tests/e2e. */
enum hd_exit {
  HD_EXIT_OK = 0,       /* everything done */
  HD_EXIT_PARTIAL = 1,  /* the run finished, but some cases or documents failed */
  HD_EXIT_USAGE = 2,    /* bad command line */
  HD_EXIT_DATA = 3,     /* invalid input value (date, code, file contents) */
  HD_EXIT_DB = 4,       /* database cannot be opened, is too new, or cannot be written (do
                           not retry: a person must look) */
  HD_EXIT_OUTPUT = 5,   /* output directory missing or not writable */
  HD_EXIT_FONT = 6,     /* a configured font family cannot be found or loaded */
  HD_EXIT_HELD = 7,     /* the run finished; cases wait for a human (held, open objection) */
  HD_EXIT_INTERNAL = 70, /* internal error (a bug); please report */
  HD_EXIT_BUSY = 75      /* another run or import holds the register's lock: try again later
                            (EX_TEMPFAIL of sysexits.h) */
};

#define HD_ERR_MAX 1024

/* An error context: the first error set wins until hd_err_clear. */
typedef struct hd_err {
  int code;              /* enum hd_status */
  char msg[HD_ERR_MAX];  /* lower case, no full stop, subject in quotes */
} hd_err;

void hd_err_clear(hd_err *e);
/* Sets code and message unless an error is already recorded; returns code. */
int hd_err_set(hd_err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prefix the recorded message with "prefix: " (used to add case/field context). */
void hd_err_prefix(hd_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Map an internal status to a process exit code. */
int hd_exit_for(int status);

#endif
