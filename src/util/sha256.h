/* sha256.h: SHA-256 as 64 lower-case hex digits (OpenSSL libcrypto), the one digest
 * format of documents, the register, certificate records and the ledger's SQL function. */
#ifndef HD_SHA256_H
#define HD_SHA256_H
#include <stddef.h>

/* SHA-256 of data into out (65 bytes). Returns 0, or -1 if libcrypto failed. */
int hd_sha256_hex(const void *data, size_t len, char out[65]);
/* 32 digest bytes as lower-case hex (65 bytes with the NUL). */
void hd_sha256_digits(const unsigned char md[32], char out[65]);

#endif
