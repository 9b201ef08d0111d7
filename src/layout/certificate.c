/* certificate.c: certificate fields, validation and rendering through the template
 * (certificate.h). */
#include "layout/certificate.h"

#include <string.h>

#include "layout/document.h"
#include "model/certrecord.h"
#include "pdf/sign.h"
#include "util/utf8.h"

const char *const HD_CERT_LABELS[HD_CERT_FIELDS] = {
    "证书编号", "数据产权权利人", "统一社会信用代码", "权利类别", "权利限制", "数据产权名称",
    "数据来源", "数据规模", "登记机构名称", "登记日期", "有效期限"};

const char *const HD_CERT_KEYS[HD_CERT_FIELDS] = {
    "cert.number", "cert.holder", "cert.uscc", "cert.rights", "cert.limits", "cert.name",
    "cert.source", "cert.scale", "cert.authority", "cert.date", "cert.validity"};

static int check_values(const hd_fontset *fs, const hd_cert_doc *c, int *bad, hd_err *err) {
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
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
  *bad = -1;
  return HD_OK;
}

static int render(const hd_template *t, const hd_fontset *fs, const hd_cert_doc *c,
                  unsigned char **pdf, size_t *len, int *bad, hd_err *err) {
  int rc = check_values(fs, c, bad, err);
  if (rc) return rc;
  /* The verification code and QR payload are computed from the fields, so a certificate
   * rendered again from its frozen fields is the same. */
  hd_certrecord rec;
  if ((rc = certrecord_make(HD_CERT_LABELS, c->values, HD_CERT_FIELDS, c->values[HD_CF_NUMBER],
                            &rec, err)))
    return rc;
  if (c->signer) {
    char text[sizeof rec.qr];
    memcpy(text, rec.qr, sizeof text);
    if (sign_qr(c->signer, text, rec.qr, sizeof rec.qr) != 0) memcpy(rec.qr, text, sizeof text);
  }
  hd_kv kv[HD_CERT_FIELDS + 2];
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
    kv[i].key = HD_CERT_KEYS[i];
    kv[i].value = c->values[i];
  }
  kv[HD_CERT_FIELDS] = (hd_kv){"cert.code", rec.code};
  kv[HD_CERT_FIELDS + 1] = (hd_kv){"cert.qr", rec.qr};
  hd_doc_opts o = {kv, HD_CERT_FIELDS + 2, NULL, NULL, c->registration_date, 1};
  const char *key = NULL;
  rc = doc_render(t, fs, &o, pdf, len, &key, err);
  for (int i = 0; rc && key && i < HD_CERT_FIELDS; i++)
    if (key == HD_CERT_KEYS[i]) *bad = i;
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
