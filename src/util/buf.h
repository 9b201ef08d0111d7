/* buf.h: a growable byte buffer with an upper bound (after curl's dynbuf), and
 * bounded string helpers. Every buffer that input controls has a maximum. */
#ifndef HD_BUF_H
#define HD_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct hd_buf {
  char *p;      /* always NUL-terminated when non-NULL */
  size_t len;
  size_t cap;
  size_t max;   /* growth past this fails with HD_ENOMEM */
} hd_buf;

#define HD_BUF_DEFAULT_MAX ((size_t)64 << 20)

void hd_buf_init(hd_buf *b, size_t max);
void hd_buf_release(hd_buf *b);
void hd_buf_reset(hd_buf *b);
/* Append; return HD_OK or HD_ENOMEM (buffer unchanged). */
int hd_buf_add_grow(hd_buf *b, const void *data, size_t n);
static inline int hd_buf_add(hd_buf *b, const void *data, size_t n) {
  /* Inline when it fits (cap never exceeds max + 1): rows are serialised by the million. */
  if (n < b->cap - b->len) {
    if (n) memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0; /* HD_OK */
  }
  return hd_buf_add_grow(b, data, n);
}
int hd_buf_adds(hd_buf *b, const char *s);
/* Append n bytes for the caller to write (NUL-terminated after them): where they are, or
 * NULL (HD_ENOMEM, buffer unchanged). */
char *hd_buf_extend_grow(hd_buf *b, size_t n);
static inline char *hd_buf_extend(hd_buf *b, size_t n) {
  if (n < b->cap - b->len) {
    char *w = b->p + b->len;
    b->len += n;
    b->p[b->len] = '\0';
    return w;
  }
  return hd_buf_extend_grow(b, n);
}
int hd_buf_printf(hd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int hd_buf_vprintf(hd_buf *b, const char *fmt, va_list ap);
/* v with `decimals` (0..6) digits after the point, as "%.*f" would print it (ties to even);
 * without printf, for PDF content streams. */
int hd_buf_fixed(hd_buf *b, double v, int decimals);
/* v as four upper-case hex digits. */
int hd_buf_hex4(hd_buf *b, unsigned v);
/* Take the string out; the caller frees it; the buffer is left empty. */
char *hd_buf_steal(hd_buf *b);

/* strdup that returns NULL on NULL input. Caller frees. */
char *hd_strdup(const char *s);
/* snprintf into dst that reports truncation as -1. */
int hd_snprintf(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#include "util/banned.h"
#endif
