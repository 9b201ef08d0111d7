/* certrecord.c: canonical certificate record, hash, verification code (certrecord.h). */
#include "model/certrecord.h"

#include <ctype.h>
#include <json-c/json.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "util/sha256.h"

int certrecord_json(int version, const char *const *values, hd_buf *out, hd_err *err) {
  int n = certfields_count(version);
  if (!n) return hd_err_set(err, HD_EDATA, "certificate record version %d is not one hdreg knows", version);
  json_object *o = json_object_new_object();
  if (!o) return hd_err_set(err, HD_ENOMEM, "out of memory");
  int rc = HD_OK;
  for (int i = 0; i < n && rc == HD_OK; i++) {
    json_object *v = json_object_new_string(values[i] ? values[i] : "");
    if (!v || json_object_object_add(o, HD_CERT_FIELD[i].label, v) != 0) {
      json_object_put(v);
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    }
  }
  if (rc == HD_OK) {
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    hd_buf_reset(out);
    if (!s || hd_buf_adds(out, s) != HD_OK) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  json_object_put(o);
  return rc;
}

static void crockford(const unsigned char *d, char code[20]) {
  static const char A[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int k = 0;
  for (int i = 0; i < 16; i++) { /* 16 groups of 5 bits from the first 10 bytes */
    int bit = i * 5, byte = bit / 8, shift = bit % 8;
    unsigned v = ((unsigned)d[byte] << 8 | (byte + 1 < 10 ? d[byte + 1] : 0)) >> (11 - shift);
    if (i && i % 4 == 0) code[k++] = '-';
    code[k++] = A[v & 31];
  }
  code[k] = '\0';
}

int certrecord_make(int version, const char *const *values, hd_certrecord *out, hd_err *err) {
  hd_buf rec;
  hd_buf_init(&rec, 1 << 20);
  int rc = certrecord_json(version, values, &rec, err);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned mdlen = 0;
  if (rc == HD_OK && !EVP_Digest(rec.p, rec.len, md, &mdlen, EVP_sha256(), NULL))
    rc = hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
  hd_buf_release(&rec);
  if (rc) return rc;
  char upper[65];
  hd_sha256_digits(md, out->sha256);
  for (int i = 0; i < 65; i++) upper[i] = (char)toupper((unsigned char)out->sha256[i]);
  crockford(md, out->code);
  const char *number = values[HD_CF_NUMBER];
  if (hd_snprintf(out->qr, sizeof out->qr, "%s%d:%s:%s", HD_QR_PREFIX, version,
                  number ? number : "", upper) < 0)
    return hd_err_set(err, HD_EDATA, "certificate number too long for the QR code");
  return HD_OK;
}
