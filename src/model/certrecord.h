/* certrecord.h: the canonical record of a certificate — its fields (model/certfields.h:
 * version 1, the eleven clause 5.2.1 fields) as one byte string that anyone can rebuild —
 * its SHA-256, the short verification code printed on the certificate and the payload of
 * its QR code. Pure functions over the field values; depends on model/certfields.h,
 * json-c and libcrypto.
 *
 * Record: a JSON object, the labels of the record's version as keys in table order (for
 * version 1 the 5.2.1 labels in the guideline's order), values as
 * frozen, UTF-8, no whitespace between tokens, non-ASCII not escaped — what
 *   python3 -c 'import json; print(json.dumps(d, ensure_ascii=False, separators=(",",":")))'
 * prints for the same dict. Code: the first 80 bits of the record's SHA-256 in Crockford
 * base32, as four groups of four (0-9, A-Z without I, L, O, U). QR: "HDREG<version>:"
 * (HDREG1 for version 1) number ":"
 * SHA-256 of the record in upper-case hex — only characters of the QR alphanumeric mode,
 * which makes the symbol smaller than bytes would. */
#ifndef HD_CERTRECORD_H
#define HD_CERTRECORD_H
#include "model/certfields.h"
#include "util/buf.h"
#include "util/diag.h"

#define HD_QR_PREFIX "HDREG" /* followed by the record version */

typedef struct hd_certrecord {
  char sha256[65];   /* lower-case hex of the record */
  char code[20];     /* XXXX-XXXX-XXXX-XXXX */
  char qr[320];      /* HDREG1:NUMBER:SHA256 (upper-case hex)[:SIGNATURE] */
} hd_certrecord;

/* Build the record of a certificate of record version `version` (values[i] the value of
 * HD_CERT_FIELD[i], certfields_count(version) of them) into out (reset first). HD_EDATA
 * for a version that is not one. */
int certrecord_json(int version, const char *const *values, hd_buf *out, hd_err *err);
/* Record, hash, code and QR payload. */
int certrecord_make(int version, const char *const *values, hd_certrecord *out, hd_err *err);

/* A lookup base URL as the setting lookup_base_url may give it (schema 13): http:// or
 * https://, printable ASCII without spaces, '?', '#' or quotes, at most 200 bytes. HD_OK
 * or HD_EDATA saying what is wrong. */
int certrecord_lookup_base_ok(const char *base, hd_err *err);
/* The QR text of a certificate that points to the public lookup (17): BASE?n=NUMBER#PAYLOAD
 * — a phone opens the certificate's page on the register's site, and the payload after
 * '#' (HDREG1:NUMBER:SHA256[:SIGNATURE]) is what hdreg verify --qr checks offline. base
 * NULL: the payload alone. HD_EDATA if it does not fit out (size bytes). */
int certrecord_qr_text(const char *base, const char *number, const char *payload, char *out,
                       size_t size, hd_err *err);
/* The payload of a scanned QR text: the text itself when it is one (HDREG...), else the part
 * after '#' of a lookup address, whose n= must name the same certificate. *payload points
 * into scanned. HD_EDATA: "not an hdreg certificate code", or the two numbers. */
int certrecord_qr_payload(const char *scanned, const char **payload, hd_err *err);

#endif
