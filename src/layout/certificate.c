/* certificate.c: certificate fields, validation and rendering through the template
 * (certificate.h). */
#include "layout/certificate.h"

#include <string.h>

#include "layout/document.h"
#include "model/certrecord.h"
#include "pdf/sign.h"
#include "util/utf8.h"

static int version_of(const hd_cert_doc *c) {
  return c->version ? c->version : HD_CERT_RECORD_VERSION;
}

static int check_values(const hd_fontset *fs, const hd_cert_doc *c, int *bad, hd_err *err) {
  int n = certfields_count(version_of(c));
  *bad = -1;
  if (!n) return hd_err_set(err, HD_EDATA, "certificate record version %d is not one hdreg knows", c->version);
  for (int i = 0; i < n; i++) {
    const char *v = c->values[i];
    size_t len = v ? strlen(v) : 0, badbyte;
    *bad = i;
    if (!v || len == 0) return hd_err_set(err, HD_EDATA, "value is empty");
    if (!hd_utf8_valid(v, len, &badbyte))
      return hd_err_set(err, HD_EDATA, "invalid UTF-8 at byte %zu", badbyte);
    size_t chars = hd_utf8_count(v, len);
    if (chars > HD_CERT_MAX_CHARS)
      return hd_err_set(err, HD_EDATA, "value has %zu characters, at most %d fit on a certificate",
                        chars, HD_CERT_MAX_CHARS);
    if (fontset_check_text(fs, HD_ROLE_BODY, v, len, err)) return err->code;
  }
  /* What is printed beside the fields: the same rules, reported as no field of 5.2.1. */
  *bad = -1;
  const char *extra[3] = {c->reg_type, c->replaces, c->supervisor};
  static const char *const WHAT[3] = {"registration type", "certificate replaced",
                                      "supervising department"};
  for (int i = 0; i < 3; i++) {
    const char *v = extra[i];
    size_t len = v ? strlen(v) : 0, badbyte;
    if (!v) continue;
    if (!hd_utf8_valid(v, len, &badbyte))
      return hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", WHAT[i], badbyte);
    if (hd_utf8_count(v, len) > 200)
      return hd_err_set(err, HD_EDATA, "%s: more than 200 characters", WHAT[i]);
    if (fontset_check_text(fs, HD_ROLE_BODY, v, len, err)) {
      hd_err_prefix(err, "%s", WHAT[i]);
      return err->code;
    }
  }
  return HD_OK;
}

static int render(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                  unsigned char **pdf, size_t *len, int *bad, hd_err *err) {
  int rc = check_values(fs, c, bad, err);
  if (rc) return rc;
  /* The verification code and QR payload are computed from the fields, so a certificate
   * rendered again from its frozen fields is the same. */
  hd_certrecord rec;
  if ((rc = certrecord_make(version_of(c), c->values, &rec, err)))
    return rc;
  if (c->signer) {
    char text[sizeof rec.qr];
    memcpy(text, rec.qr, sizeof text);
    if (sign_qr(c->signer, text, rec.qr, sizeof rec.qr) != 0) memcpy(rec.qr, text, sizeof text);
  }
  char qr[sizeof rec.qr + 256];
  if ((rc = certrecord_qr_text(c->lookup_base, c->values[HD_CF_NUMBER], rec.qr, qr, sizeof qr, err)))
    return rc;
  int n = certfields_count(version_of(c));
  hd_kv kv[HD_CERT_FIELDS + 5];
  for (int i = 0; i < n; i++) {
    kv[i].key = HD_CERT_FIELD[i].key;
    kv[i].value = c->values[i];
  }
  kv[n] = (hd_kv){"cert.code", rec.code};
  kv[n + 1] = (hd_kv){"cert.qr", qr};
  int m = n + 2;
  if (c->reg_type) kv[m++] = (hd_kv){"cert.reg_type", c->reg_type};
  if (c->replaces) kv[m++] = (hd_kv){"cert.replaces", c->replaces};
  if (c->supervisor) kv[m++] = (hd_kv){"cert.supervisor", c->supervisor};
  hd_doc_opts o = {kv, m, NULL, NULL, c->registration_date, 1};
  const char *key = NULL;
  rc = doc_render(t, fs, &o, pdf, len, &key, err);
  for (int i = 0; rc && key && i < n; i++)
    if (key == HD_CERT_FIELD[i].key) *bad = i;
  return rc;
}

int cert_validate(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                  int *bad_field, hd_err *err) {
  return render(t, fs, c, NULL, NULL, bad_field, err);
}

int cert_render(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                unsigned char **pdf, size_t *len, int *bad_field, hd_err *err) {
  return render(t, fs, c, pdf, len, bad_field, err);
}
