/* certificate.h: the certificate's data — its fields (model/certfields.h: the eleven of
 * clause 5.2.1), their validation, and rendering them through the certificate template
 * (templates/certificate.xml) with layout/document.h, each field bound under its table
 * name. Knows nothing about the database. */
#ifndef HD_CERTIFICATE_H
#define HD_CERTIFICATE_H
#include <stddef.h>
#include "model/certfields.h"
#include "pdf/fonts.h"
#include "template/template.h"
#include "util/date.h"

#define HD_CERT_MAX_CHARS 1000  /* per field; more cannot be a one-page certificate */

struct hd_signer;
typedef struct hd_cert_doc {
  int version;                         /* record version (certfields.h); 0: the current */
  const char *values[HD_CERT_FIELDS];  /* UTF-8; '\n' separates lines; the version's fields */
  hd_date registration_date;
  const struct hd_signer *signer; /* signs the QR code (Ed25519); NULL: no signature in it */
  /* Printed beside the 5.2.1 fields, not part of the record (certificate_print, schema
   * v10): the registration type (首次登记 …), the certificate a change or transfer
   * replaces or a licence is granted under (NULL: none), and the supervising department
   * of 5.2.2 a (统一监制). All NULL for a certificate issued before schema v10, which
   * renders as it was issued. Bound as cert.reg_type, cert.replaces, cert.supervisor. */
  const char *reg_type, *replaces, *supervisor;
  /* The public lookup the QR code points to (certificate_print.lookup_base, schema v13;
   * NULL: the QR holds the verification payload alone): BASE?n=NUMBER#PAYLOAD
   * (model/certrecord.h, certrecord_qr_text). */
  const char *lookup_base;
} hd_cert_doc;

/* Check that the certificate can be printed: every value valid UTF-8, not empty, not
 * too long, no control characters, every character in a configured font, and the
 * whole on one page of the template. On failure *bad_field is the index of the field
 * at fault and err says what is wrong (the caller adds case and field). */
int cert_validate(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                  int *bad_field, hd_err *err);
/* Render the certificate with template t into memory (caller frees *pdf). Same inputs,
 * same bytes. */
int cert_render(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                unsigned char **pdf, size_t *len, int *bad_field, hd_err *err);

#endif
