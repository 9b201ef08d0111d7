/* sha256.h: SHA-256 as 64 lower-case hex digits (OpenSSL libcrypto), the one digest
 * format of documents, the register, certificate records and the ledger's SQL function. */
#ifndef HD_SHA256_H
#define HD_SHA256_H
#include <stddef.h>

/* SHA-256 of data into out (65 bytes). Returns 0, or -1 if libcrypto failed. */
int hd_sha256_hex(const void *data, size_t len, char out[65]);
/* SHA-256 of the whole file at path into out (65 bytes), read in pieces. Returns 0, or
 * -1 if it cannot be read (errno) or libcrypto failed. */
int hd_sha256_file(const char *path, char out[65]);
/* 32 digest bytes as lower-case hex (65 bytes with the NUL). */
void hd_sha256_digits(const unsigned char md[32], char out[65]);

/* SHA-256 as libcrypto's algorithm object, fetched once for the process: hashing many
 * short texts (the register's entries) with EVP_sha256() looks the provider up every time,
 * which costs more than the hash. Never NULL after the first call unless libcrypto failed. */
struct evp_md_st;
const struct evp_md_st *hd_sha256_md(void);
/* SHA-256 of a then b (b may be NULL) into out[32], with a context kept for the process
 * (hdreg is single-threaded; workers fork). 0, or -1 if libcrypto failed (out zeroed). */
int hd_sha256_2(const void *a, size_t alen, const void *b, size_t blen, unsigned char out[32]);

#endif
