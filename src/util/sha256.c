/* sha256.c: SHA-256 in hex (sha256.h). */
#include "util/sha256.h"

#include <openssl/evp.h>

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
