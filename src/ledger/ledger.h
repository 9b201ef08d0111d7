/* ledger.h: content hashes of issued documents and their records in the database
 * (documents table). The hash chain of clause 5.3.2 builds on these rows. Depends on
 * libcrypto and store/. */
#ifndef HD_LEDGER_H
#define HD_LEDGER_H
#include <sqlite3.h>
#include <stddef.h>
#include "util/diag.h"

/* Lower-case hex SHA-256 of a file's contents (util/sha256.h for memory); HD_EIO if it
 * cannot be read. */
int ledger_sha256_file(const char *path, char out[65], hd_err *err);

/* Record (or confirm) the document of a certificate. A second call with the same
 * certificate and the same path and hash changes nothing; a different hash for an
 * existing row is HD_EDATA (a document never changes once issued). */
int ledger_record_certificate(sqlite3 *db, long long case_id, long long cert_id,
                              const char *path, const char *sha256, size_t bytes,
                              const char *date, hd_err *err);

/* The documents row of certificate cert_id, or 0. */
long long ledger_document_of(sqlite3 *db, long long cert_id);

/* What the register records about one document it issued, for hdreg verify. Every text
 * field is "" where the register holds no value (a kind without it, a NULL column). */
typedef struct hd_doc_info {
  long long id;                  /* documents.id; 0 when no document was found */
  char kind[24];                 /* certificate, review_opinion, notice, cancellation, ... */
  char path[4400];               /* the path it was recorded under */
  char created[11];              /* documents.created_date */
  char case_number[64];          /* its case (certificate, review opinion, cancellation) */
  char notice_number[64];        /* a public notice: its number, dates, number of cases */
  char notice_published[11], notice_end[11];
  long long notice_cases;
  /* A certificate document's certificate, or the one a cancellation notice cancels. */
  char cert_number[64];
  char cert_case[64];            /* the case the certificate was issued on */
  char cert_status[16];          /* certificates.status: issued, superseded, cancelled, ... */
  char registered[11];           /* certificates.registration_date */
  char valid_until[11];          /* last day in force */
  /* Superseded: the certificate that replaced it (superseded_by), its case, that case's
   * registration type (change, transfer) and registration date (when it took over). */
  char superseded_by[64], superseded_case[64], superseded_type[16], superseded_date[11];
  int superseded_renewal;        /* that case renewed the certificate (cases.renewal, v13) */
  /* Cancelled: the cancellation case that cancelled it and the date it was carried out
   * (its move to 'cancelled'). */
  char cancel_case[64], cancel_date[11];
} hd_doc_info;

/* Fill *out with the document whose bytes have SHA-256 sha256 (lower-case hex); out->id
 * is 0 if no document has them. Should several rows have the same bytes, the one
 * recorded under the base name `name` (NULL: any) is taken, else the latest. HD_EDB on a
 * database error. */
int ledger_document_lookup(sqlite3 *db, const char *sha256, const char *name, hd_doc_info *out,
                           hd_err *err);
/* Fill *out with what the register records of certificate cert_id itself — its row, what
 * replaced it, what cancelled it — as a certificate document's info would have it (kind
 * certificate, id cert_id), also for a certificate that has no document (one a legacy
 * register brought). HD_EDB on a database error. */
int ledger_certificate_info(sqlite3 *db, long long cert_id, hd_doc_info *out, hd_err *err);
/* Fill *out with the latest document recorded under the base name `name` (the last
 * component of its path); out->id is 0 if none is. HD_EDB on a database error. */
int ledger_document_named(sqlite3 *db, const char *name, hd_doc_info *out, hd_err *err);

/* Where a document stands on a date. */
typedef enum hd_doc_standing {
  HD_DOC_AUTHENTIC,   /* a certificate in force on the date; another document issued by then */
  HD_DOC_NOT_YET,     /* the date is before its registration (a certificate) or issue date */
  HD_DOC_SUPERSEDED,  /* a certificate a change or transfer replaced on or before the date */
  HD_DOC_CANCELLED,   /* a certificate cancelled on or before the date */
  HD_DOC_EXPIRED,     /* a certificate in force until a day before the date */
  HD_DOC_NOT_IN_FORCE /* a certificate document without an issued certificate (pending, none) */
} hd_doc_standing;

/* The standing of d on as_of (YYYY-MM-DD). A certificate is read from its certificates
 * row: superseded or cancelled from the day the replacing certificate was registered or
 * the cancellation carried out (always, when the register does not say when); expired
 * after valid_until; superseded and cancelled come before expired. */
hd_doc_standing ledger_document_standing(const hd_doc_info *d, const char *as_of);

/* The base name of path: what follows its last '/'. */
const char *ledger_basename(const char *path);

#endif
