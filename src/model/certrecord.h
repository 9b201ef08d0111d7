/* certrecord.h: the canonical record of a certificate — the eleven clause 5.2.1 fields
 * as one byte string that anyone can rebuild — its SHA-256, the short verification code
 * printed on the certificate and the payload of its QR code. Pure functions over the
 * field values; depends on json-c and libcrypto.
 *
 * Record: a JSON object, the 5.2.1 labels as keys in the guideline's order, values as
 * frozen, UTF-8, no whitespace between tokens, non-ASCII not escaped — what
 *   python3 -c 'import json; print(json.dumps(d, ensure_ascii=False, separators=(",",":")))'
 * prints for the same dict. Code: the first 80 bits of the record's SHA-256 in Crockford
 * base32, as four groups of four (0-9, A-Z without I, L, O, U). QR: "HDREG1:" number ":"
 * SHA-256 of the record in upper-case hex — only characters of the QR alphanumeric mode,
 * which makes the symbol smaller than bytes would. */
#ifndef HD_CERTRECORD_H
#define HD_CERTRECORD_H
#include "util/buf.h"
#include "util/diag.h"

#define HD_QR_PREFIX "HDREG1"

typedef struct hd_certrecord {
  char sha256[65];   /* lower-case hex of the record */
  char code[20];     /* XXXX-XXXX-XXXX-XXXX */
  char qr[320];      /* HDREG1:NUMBER:SHA256 (upper-case hex)[:SIGNATURE] */
} hd_certrecord;

/* Build the record of n fields (labels[i] = values[i]) into out (reset first). */
int certrecord_json(const char *const *labels, const char *const *values, int n, hd_buf *out,
                    hd_err *err);
/* Record, hash, code and QR payload; number is the certificate number (a field value). */
int certrecord_make(const char *const *labels, const char *const *values, int n,
                    const char *number, hd_certrecord *out, hd_err *err);

#endif
