/* sha256.c: SHA-256 in hex (sha256.h). */
#include "util/sha256.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

void hd_sha256_digits(const unsigned char md[32], char out[65]) {
  static const char H[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    out[2 * i] = H[md[i] >> 4];
    out[2 * i + 1] = H[md[i] & 15];
  }
  out[64] = '\0';
}

int hd_sha256_hex(const void *data, size_t len, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  out[0] = '\0';
  if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32) return -1;
  hd_sha256_digits(md, out);
  return 0;
}

int hd_sha256_file(const char *path, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE], chunk[65536];
  unsigned n = 0;
  size_t got;
  int ok = 0;
  out[0] = '\0';
  FILE *f = fopen(path, "rb");
  EVP_MD_CTX *c = f ? EVP_MD_CTX_new() : NULL;
  if (c && EVP_DigestInit_ex2(c, EVP_sha256(), NULL)) {
    ok = 1;
    while (ok && (got = fread(chunk, 1, sizeof chunk, f)) > 0) ok = EVP_DigestUpdate(c, chunk, got);
    ok = ok && !ferror(f) && EVP_DigestFinal_ex(c, md, &n) && n == 32;
  }
  EVP_MD_CTX_free(c);
  if (f) fclose(f);
  if (!ok) return -1;
  hd_sha256_digits(md, out);
  return 0;
}

const struct evp_md_st *hd_sha256_md(void) {
  static EVP_MD *md;
  if (!md) md = EVP_MD_fetch(NULL, "SHA2-256", NULL);
  return md;
}

int hd_sha256_2(const void *a, size_t alen, const void *b, size_t blen, unsigned char out[32]) {
  static EVP_MD_CTX *c;
  unsigned n = 0;
  if (!c) c = EVP_MD_CTX_new();
  const EVP_MD *md = hd_sha256_md();
  if (c && md && EVP_DigestInit_ex2(c, md, NULL) && EVP_DigestUpdate(c, a, alen) &&
      (!blen || EVP_DigestUpdate(c, b, blen)) && EVP_DigestFinal_ex(c, out, &n) && n == 32)
    return 0;
  memset(out, 0, 32);
  return -1;
}
