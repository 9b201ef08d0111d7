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

int certrecord_lookup_base_ok(const char *base, hd_err *err) {
  size_t n = strlen(base);
  if (strncmp(base, "https://", 8) && strncmp(base, "http://", 7))
    return hd_err_set(err, HD_EDATA, "'%.200s' is not an http:// or https:// address", base);
  if (n > 200) return hd_err_set(err, HD_EDATA, "%zu bytes, at most 200", n);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)base[i];
    if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' ||
        c == '>' || c == '\\')
      return hd_err_set(err, HD_EDATA, "character %zu of '%.200s' cannot be in the address (no "
                        "spaces, controls, non-ASCII, ? # quotes < > \\: the page and the number "
                        "are added to it)", i + 1, base);
  }
  return HD_OK;
}

/* A certificate number as it may stand in an address unencoded: letters, digits, - . _ */
static int url_safe(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
          c == '.' || c == '_'))
      return 0;
  }
  return n > 0;
}

int certrecord_qr_text(const char *base, const char *number, const char *payload, char *out,
                       size_t size, hd_err *err) {
  if (base && (!number || !url_safe(number, strlen(number))))
    return hd_err_set(err, HD_EDATA, "certificate number '%.64s' cannot stand in the lookup "
                      "address unencoded (letters, digits, - . _ only): change the number "
                      "pattern or unset lookup_base_url", number ? number : "");
  int r = base ? hd_snprintf(out, size, "%s?n=%s#%s", base, number, payload)
               : hd_snprintf(out, size, "%s", payload);
  return r < 0 ? hd_err_set(err, HD_EDATA, "the QR text is longer than %zu bytes", size - 1) : HD_OK;
}

int certrecord_qr_payload(const char *scanned, const char **payload, hd_err *err) {
  if (!strncmp(scanned, HD_QR_PREFIX, strlen(HD_QR_PREFIX))) {
    *payload = scanned;
    return HD_OK;
  }
  const char *hash = strchr(scanned, '#');
  if ((strncmp(scanned, "https://", 8) && strncmp(scanned, "http://", 7)) || !hash ||
      strncmp(hash + 1, HD_QR_PREFIX, strlen(HD_QR_PREFIX)))
    return hd_err_set(err, HD_EDATA, "not an hdreg certificate code");
  /* the number the address looks up: the one n= of its query, before the '#' */
  const char *q = memchr(scanned, '?', (size_t)(hash - scanned)), *n = NULL;
  int count = 0;
  for (const char *p = q; p && p < hash; p = memchr(p + 1, '&', (size_t)(hash - p - 1)))
    if (!strncmp(p + 1, "n=", 2)) {
      n = p + 3;
      count++;
    }
  if (count != 1)
    return hd_err_set(err, HD_EDATA, count ? "the address names more than one certificate (n= "
                      "%d times): not what the register issued" : "the address names no "
                      "certificate (no n=): not what the register issued", count);
  size_t nl = 0;
  while (n + nl < hash && n[nl] != '&') nl++;
  const char *pn = strchr(hash + 1, ':'), *pe = pn ? strchr(pn + 1, ':') : NULL;
  if (!pe) return hd_err_set(err, HD_EDATA, "the code after '#' names no certificate");
  if (!url_safe(pn + 1, (size_t)(pe - pn - 1)))
    return hd_err_set(err, HD_EDATA, "the code after '#' names no certificate number");
  if (!url_safe(n, nl))
    return hd_err_set(err, HD_EDATA, "the address looks up no certificate number (n= holds "
                      "characters a number has not)");
  if ((size_t)(pe - pn - 1) != nl || strncmp(n, pn + 1, nl))
    return hd_err_set(err, HD_EDATA, "the address looks up %.*s, but its code is of certificate "
                      "%.*s: not what the register issued", (int)(nl > 64 ? 64 : nl), n,
                      (int)(pe - pn - 1 > 64 ? 64 : pe - pn - 1), pn + 1);
  *payload = hash + 1;
  return HD_OK;
}
