/* sign.h: the authority's signature on its documents (clause 5.3.2) — a standard PDF
 * signature appended to a finished PDF as an incremental update: a signature dictionary
 * (/adbe.pkcs7.detached, /ByteRange, /M from the record's date), an invisible signature
 * field on the first page, and a detached PKCS#7 made with OpenSSL (RSA PKCS#1 v1.5,
 * SHA-256, the authority's X.509 certificate embedded, no signed attributes), so that
 * the same document signed again gives the same bytes. poppler's pdfsig validates it.
 * Keys live in a directory (authority.key, authority.crt; PEM), never in the database. */
#ifndef HD_SIGN_H
#define HD_SIGN_H
#include <stddef.h>
#include "util/diag.h"

typedef struct hd_signer hd_signer;

/* Make dir/authority.key (RSA of `bits`, 2048 or 3072, mode 0600), a self-signed
 * dir/authority.crt for `name` valid `years`, and the QR key pair. Never overwrites. */
int sign_keygen(const char *dir, const char *name, int years, int bits, hd_err *err);
int signer_load(const char *dir, hd_signer **out, hd_err *err);
/* Only dir/authority.crt: enough to check signatures (pdf_verify), not to make them. */
int signer_load_public(const char *dir, hd_signer **out, hd_err *err);
void signer_free(hd_signer *s);

/* The signed document (caller frees *out): pdf with the signature appended. date_iso is
 * the document's date (YYYY-MM-DD); reason a PDF literal without parentheses. */
int pdf_sign(const hd_signer *s, const unsigned char *pdf, size_t len, const char *date_iso,
             const char *reason, unsigned char **out, size_t *out_len, hd_err *err);

/* What a signed file is: no signature, altered since signing (or bytes appended), a sound
 * signature (no key given to compare with), signed by this register's key, or soundly
 * signed by some other key. */
enum { HD_SIG_NONE, HD_SIG_ALTERED, HD_SIG_SOUND, HD_SIG_OURS, HD_SIG_FOREIGN };
/* Check the last signature of pdf; with s, whether it is this register's. The signer's
 * common name goes to signer_name. Errors only for memory. */
int pdf_verify(const unsigned char *pdf, size_t len, const hd_signer *s, int *verdict,
               char *signer_name, size_t name_size, hd_err *err);

/* The QR code of a paper certificate: text (HDREG1:NUMBER:SHA256) with ":" and the
 * Ed25519 signature over text in Crockford base32 appended, into out. -1 if the signer
 * has no QR key (authority-qr.key). */
int sign_qr(const hd_signer *s, const char *text, char *out, size_t size);
/* The Ed25519 signature (Crockford base32, 103 characters) of text with the QR key, into
 * out (at least 104 bytes). -1 without a QR key. */
int sign_text(const hd_signer *s, const char *text, char *out, size_t size);
/* Check such a signature of text (text_len bytes) against keys_dir/authority-qr.pub: 1
 * good, 0 bad (a damaged signature too), -1 no public key there. */
int verify_text(const char *keys_dir, const char *text, size_t text_len, const char *signature);
/* Raw Ed25519 with the QR key, for the register's signed checkpoints (ledger/checkpoint.h):
 * sign msg into sig (-1 without a QR key); the signer's public key; the public key of
 * keys_dir/authority-qr.pub (-1 if there is none); verify (1 good, 0 bad). */
int sign_raw(const hd_signer *s, const void *msg, size_t len, unsigned char sig[64]);
int signer_qr_public(const hd_signer *s, unsigned char pub[32]);
int qr_public_load(const char *keys_dir, unsigned char pub[32]);
int verify_raw(const unsigned char pub[32], const void *msg, size_t len, const unsigned char sig[64]);
/* Check a QR payload against keys_dir/authority-qr.pub: HD_OK, or HD_EDATA saying why. */
int verify_qr(const char *keys_dir, const char *payload, hd_err *err);

#endif
