/* utf8.c: strict UTF-8 decoding (utf8.h). */
#include "util/utf8.h"

int hd_utf8_next(const char *str, size_t len, size_t *i, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  size_t k = *i;
  if (k >= len) return 0;
  unsigned c = s[k];
  uint32_t v;
  size_t n;
  if (c < 0x80) { *cp = c; *i = k + 1; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { n = 1; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 2; v = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 3; v = c & 0x07; }
  else return -1;
  if (k + n >= len) return -1; /* truncated */
  for (size_t j = 1; j <= n; j++) {
    unsigned d = s[k + j];
    if ((d & 0xC0) != 0x80) return -1;
    v = (v << 6) | (d & 0x3F);
  }
  if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10FFFF))) return -1;
  if (v >= 0xD800 && v <= 0xDFFF) return -1;
  *cp = v;
  *i = k + n + 1;
  return 1;
}

int hd_utf8_valid(const char *str, size_t len, size_t *bad) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  uint32_t cp;
  for (;;) {
    while (i < len && s[i] - 1u < 0x7Fu) i++; /* ASCII other than NUL */
    /* The common CJK case inline: a well-formed three-byte sequence outside the
     * surrogates (E1-EC, EE-EF lead bytes; E0 and ED need the full check). */
    while (i + 2 < len && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && (s[i + 1] & 0xC0) == 0x80 &&
           (s[i + 2] & 0xC0) == 0x80)
      i += 3;
    if (i < len && s[i] - 1u < 0x7Fu) continue;
    size_t at = i;
    int r = hd_utf8_next(str, len, &i, &cp);
    if (r == 0) return 1;
    if (r < 0 || cp == 0) {
      if (bad) *bad = at;
      return 0;
    }
  }
}

size_t hd_utf8_count(const char *s, size_t len) {
  size_t i = 0, n = 0;
  uint32_t cp;
  while (hd_utf8_next(s, len, &i, &cp) == 1) n++;
  return n;
}

size_t hd_utf8_encode(uint32_t cp, char out[4]) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp > 0x10FFFF) return 0;
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}
