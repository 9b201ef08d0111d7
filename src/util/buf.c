/* buf.c: bounded growable buffer (buf.h). */
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

void hd_buf_init(hd_buf *b, size_t max) {
  b->p = NULL;
  b->len = b->cap = 0;
  b->max = max ? max : HD_BUF_DEFAULT_MAX;
}

void hd_buf_release(hd_buf *b) {
  if (!b) return;
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

void hd_buf_reset(hd_buf *b) {
  b->len = 0;
  if (b->p) b->p[0] = '\0';
}

static int grow(hd_buf *b, size_t need) {
  if (need > b->max) return HD_ENOMEM;
  if (need + 1 <= b->cap) return HD_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need + 1) cap *= 2;
  if (cap > b->max + 1) cap = b->max + 1;
  char *np = realloc(b->p, cap);
  if (!np) return HD_ENOMEM;
  b->p = np;
  b->cap = cap;
  return HD_OK;
}

int hd_buf_add_grow(hd_buf *b, const void *data, size_t n) {
  if (n > b->max || b->len > b->max - n) return HD_ENOMEM;
  if (grow(b, b->len + n) != HD_OK) return HD_ENOMEM;
  if (n) memcpy(b->p + b->len, data, n);
  b->len += n;
  b->p[b->len] = '\0';
  return HD_OK;
}

int hd_buf_adds(hd_buf *b, const char *s) { return hd_buf_add(b, s, strlen(s)); }

char *hd_buf_extend_grow(hd_buf *b, size_t n) {
  if (n > b->max || b->len > b->max - n) return NULL;
  if (grow(b, b->len + n) != HD_OK) return NULL;
  char *w = b->p + b->len;
  b->len += n;
  b->p[b->len] = '\0';
  return w;
}

int hd_buf_vprintf(hd_buf *b, const char *fmt, va_list ap) {
  va_list cp;
  va_copy(cp, ap);
  int n = vsnprintf(NULL, 0, fmt, cp);
  va_end(cp);
  if (n < 0) return HD_EINTERNAL;
  if (grow(b, b->len + (size_t)n) != HD_OK) return HD_ENOMEM;
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
  return HD_OK;
}

int hd_buf_printf(hd_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = hd_buf_vprintf(b, fmt, ap);
  va_end(ap);
  return rc;
}

char *hd_buf_steal(hd_buf *b) {
  char *p = b->p;
  if (!p) p = calloc(1, 1);
  b->p = NULL;
  b->len = b->cap = 0;
  return p;
}

char *hd_strdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

int hd_snprintf(char *dst, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(dst, size, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= size) return -1;
  return n;
}

int hd_buf_fixed(hd_buf *b, double v, int decimals) {
  static const double SCALE[] = {1, 10, 100, 1000, 1e4, 1e5, 1e6};
  if (decimals < 0 || decimals > 6 || !(fabs(v) < 1e12)) return hd_buf_printf(b, "%.*f", decimals, v);
  double x = v * SCALE[decimals];
  /* The product is rounded; only a result exactly halfway can hide on which side the
   * exact decimal value lies (rounding is monotonic), and then printf decides. */
  if (x - floor(x) == 0.5) return hd_buf_printf(b, "%.*f", decimals, v);
  double s = rint(x);
  char digits[32], out[40];
  int k = 0, n = 0;
  if (v < 0) {
    out[n++] = '-';
    s = -s;
  }
  unsigned long long u = (unsigned long long)s;
  do {
    digits[k++] = (char)('0' + u % 10);
    u /= 10;
  } while (u || k <= decimals);
  while (k > decimals) out[n++] = digits[--k];
  if (decimals) {
    out[n++] = '.';
    while (k > 0) out[n++] = digits[--k];
  }
  return hd_buf_add(b, out, (size_t)n);
}

int hd_buf_hex4(hd_buf *b, unsigned v) {
  static const char HEX[] = "0123456789ABCDEF";
  char out[4] = {HEX[(v >> 12) & 15], HEX[(v >> 8) & 15], HEX[(v >> 4) & 15], HEX[v & 15]};
  return hd_buf_add(b, out, 4);
}
