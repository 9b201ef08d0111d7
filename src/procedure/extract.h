/* extract.h: a register extract (登记簿摘录, issue 17; 5.2.2 f, 5.3.2) issued on request —
 * what the register records of one certificate on a date (documents.h, docs_extract),
 * signed with the authority's key like every document, written durably where the caller
 * says, and recorded (documents, kind register_extract, on the chain) so that hdreg
 * verify names it. Depends on procedure/documents.h, pdf, store, ledger, util. */
#ifndef HD_EXTRACT_H
#define HD_EXTRACT_H
#include <sqlite3.h>

#include "procedure/documents.h"
#include "util/diag.h"

struct hd_signer;

typedef struct hd_extract_req {
  const char *certificate;        /* its number */
  const char *date;               /* as of, YYYY-MM-DD: what the register held that day */
  const char *today;              /* the day it is issued: its date, signature and record;
                                     date may not be after it */
  const char *out_path;           /* the file to write (its directory must exist) */
  const struct hd_signer *signer; /* signs it; NULL: unsigned (then not recorded) */
} hd_extract_req;

/* A document issued on request, not by the night: where it goes (out_path; its directory
 * must exist, and no file or recorded document may be there), what it is (kind, a row of
 * the document-kind registry; certificate: the number of the certificate it concerns, or
 * NULL) and how it is rendered (render(ud, signed, ...): signed says whether it will be
 * signed). act_issue renders, signs with signer (dated today), writes atomically (fsync)
 * and, when signed, records it in one transaction after the file is durable; *sha (65
 * bytes) gets its SHA-256, *recorded 1 when it was recorded. HD_EDATA: a document already
 * recorded under that path (each is a file of its own); HD_EIO: the file exists or
 * cannot be written; HD_EDB; and what render returns. */
typedef struct hd_issue {
  const char *kind;
  const char *certificate;
  const char *today;
  const char *out_path;
  const struct hd_signer *signer;
  int (*render)(void *ud, int signed_, unsigned char **pdf, size_t *len, hd_err *err);
  void *ud;
} hd_issue;

int act_issue(hd_docenv *e, const hd_issue *is, char sha[65], int *recorded, hd_err *err);

/* Render, sign, write (atomically, fsync) and, when signed, record the extract in one
 * transaction after the file is durable; *sha (65 bytes) gets its SHA-256, *recorded 1
 * when it was recorded. An unsigned extract is written but not recorded: the register
 * vouches only for what carries its signature. HD_EDATA: no such certificate, not issued,
 * registered after the date, or a document already recorded under that path; HD_EIO: the file cannot be written; HD_EDB. */
int act_extract(hd_docenv *e, const hd_template *t, const hd_extract_req *r, char sha[65],
                int *recorded, hd_err *err);

/* The supervision report (登记监督情况报告, 5.3.1) of the supervisions found from `from` to
 * `to` (documents.h, docs_supervision), issued today (kind supervision_report; to not
 * after today, from not after to), written to out_path and, when signed, recorded. */
typedef struct hd_supervision_req {
  const char *from, *to, *today, *out_path;
  const struct hd_signer *signer;
} hd_supervision_req;

int act_supervision_report(hd_docenv *e, const hd_template *t, const hd_supervision_req *r,
                           char sha[65], int *recorded, hd_err *err);

#endif
