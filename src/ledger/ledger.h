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

#endif
