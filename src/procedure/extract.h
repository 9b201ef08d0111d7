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

/* Render, sign, write (atomically, fsync) and, when signed, record the extract in one
 * transaction after the file is durable; *sha (65 bytes) gets its SHA-256, *recorded 1
 * when it was recorded. An unsigned extract is written but not recorded: the register
 * vouches only for what carries its signature. HD_EDATA: no such certificate, not issued,
 * registered after the date, or a document already recorded under that path (each extract
 * is a file of its own); HD_EIO: the file cannot be written; HD_EDB. */
int act_extract(hd_docenv *e, const hd_template *t, const hd_extract_req *r, char sha[65],
                int *recorded, hd_err *err);

#endif
