/* cff.c: CFF Top DICT and charset (cff.h). */
#include "pdf/cff.h"

typedef struct rd {
  const unsigned char *p;
  size_t len;
} rd;

static long u(const rd *r, size_t at, int n) { /* big-endian, n bytes; -1 past the end */
  if (n < 1 || n > 4 || at > r->len || r->len - at < (size_t)n) return -1;
  long v = 0;
  for (int i = 0; i < n; i++) v = v << 8 | r->p[at + i];
  return v;
}

/* The INDEX at *at: *count entries; the first entry's data is [*d0, *d1); *at moves past
 * the INDEX. */
static int index_read(const rd *r, size_t *at, long *count, size_t *d0, size_t *d1) {
  *count = u(r, *at, 2);
  if (*count < 0) return -1;
  if (*count == 0) {
    *at += 2;
    *d0 = *d1 = *at;
    return 0;
  }
  long osz = u(r, *at + 2, 1);
  if (osz < 1 || osz > 4) return -1;
  size_t offs = *at + 3, base = offs + (size_t)(*count + 1) * (size_t)osz - 1;
  long o0 = u(r, offs, (int)osz), o1 = u(r, offs + (size_t)osz, (int)osz),
       ol = u(r, offs + (size_t)*count * (size_t)osz, (int)osz);
  if (o0 < 1 || o1 < o0 || ol < o1 || base + (size_t)ol > r->len) return -1;
  *d0 = base + (size_t)o0;
  *d1 = base + (size_t)o1;
  *at = base + (size_t)ol;
  return 0;
}

int cff_glyph_cids(const unsigned char *p, size_t len, unsigned *n_glyphs, int *cid_keyed,
                   uint16_t *cids, unsigned max) {
  rd r = {p, len};
  long hdr = u(&r, 2, 1), count;
  size_t at, d0, d1, t0, t1;
  if (u(&r, 0, 1) != 1 || hdr < 4) return -1;
  at = (size_t)hdr;
  if (index_read(&r, &at, &count, &d0, &d1)) return -1;                 /* Name INDEX */
  if (index_read(&r, &at, &count, &t0, &t1) || count < 1) return -1;    /* Top DICT INDEX */
  /* Top DICT: operands then an operator; only integers matter here. */
  long ops[48], charset = 0, charstrings = -1;
  int nops = 0, ros = 0;
  for (size_t i = t0; i < t1;) {
    unsigned b = p[i];
    if (b == 28 || b == 29) {
      int n = b == 28 ? 2 : 4;
      long v = u(&r, i + 1, n);
      if (v < 0 || i + 1 + (size_t)n > t1) return -1;
      if (n == 2 && v > 32767) v -= 65536;
      if (n == 4 && v > 2147483647L) v -= 4294967296L;
      if (nops < 48) ops[nops++] = v;
      i += 1 + (size_t)n;
    } else if (b == 30) { /* real: nibbles up to 0xf */
      i++;
      while (i < t1 && (p[i] & 0x0F) != 0x0F && (p[i] >> 4) != 0x0F) i++;
      if (i >= t1) return -1;
      i++;
      if (nops < 48) ops[nops++] = 0;
    } else if (b >= 32 && b <= 246) {
      if (nops < 48) ops[nops++] = (long)b - 139;
      i++;
    } else if (b >= 247 && b <= 254) {
      if (i + 1 >= t1) return -1;
      long v = b <= 250 ? ((long)b - 247) * 256 + p[i + 1] + 108 : -((long)b - 251) * 256 - p[i + 1] - 108;
      if (nops < 48) ops[nops++] = v;
      i += 2;
    } else if (b == 12) {
      if (i + 1 >= t1) return -1;
      if (p[i + 1] == 30) ros = 1;
      nops = 0;
      i += 2;
    } else if (b <= 21) {
      if (b == 15 && nops >= 1) charset = ops[nops - 1];
      if (b == 17 && nops >= 1) charstrings = ops[nops - 1];
      nops = 0;
      i++;
    } else {
      return -1;
    }
  }
  if (charstrings < 0 || (size_t)charstrings >= len) return -1;
  at = (size_t)charstrings;
  if (index_read(&r, &at, &count, &d0, &d1) || count < 1 || count > 65536) return -1;
  *n_glyphs = (unsigned)count;
  *cid_keyed = ros;
  if (!cids) return 0;
  unsigned n = (unsigned)count < max ? (unsigned)count : max;
  for (unsigned g = 0; g < n; g++) cids[g] = (uint16_t)g;
  if (!ros) return 0;
  if (charset <= 2 || (size_t)charset >= len) return -1; /* predefined: not for CIDs */
  size_t c = (size_t)charset;
  long fmt = u(&r, c++, 1);
  unsigned g = 1; /* glyph 0 is .notdef, CID 0 */
  if (n) cids[0] = 0;
  while (g < (unsigned)count) {
    long first, left;
    if (fmt == 0) {
      first = u(&r, c, 2), left = 0, c += 2;
    } else if (fmt == 1) {
      first = u(&r, c, 2), left = u(&r, c + 2, 1), c += 3;
    } else if (fmt == 2) {
      first = u(&r, c, 2), left = u(&r, c + 2, 2), c += 4;
    } else {
      return -1;
    }
    if (first < 0 || left < 0 || first + left > 65535) return -1;
    for (long k = 0; k <= left && g < (unsigned)count; k++, g++)
      if (g < n) cids[g] = (uint16_t)(first + k);
  }
  return 0;
}
