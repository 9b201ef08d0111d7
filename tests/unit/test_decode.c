/* The decoder of hdreg import: UTF-8, GBK and GB18030 to UTF-8, characters cut by the
 * 64 KB read buffer at every offset, and the line and column of invalid bytes. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/decode.h"

typedef struct bad {
  long line[8], col[8];
  size_t n[8];
  int count;
} bad;

static void on_bad(void *ud, long line, long col, const unsigned char *bytes, size_t n,
                   const char *enc) {
  (void)bytes;
  (void)enc;
  bad *b = ud;
  if (b->count < 8) {
    b->line[b->count] = line;
    b->col[b->count] = col;
    b->n[b->count] = n;
  }
  b->count++;
}

/* Decode the bytes in encoding into a malloc'd string (*len); invalid runs into *b. */
static char *decode(const char *bytes, size_t n, const char *enc, bad *b, size_t *len) {
  char path[] = "/tmp/hdreg-test-decode.XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, bytes, n) != (ssize_t)n) abort();
  close(fd);
  hd_decoder *d = NULL;
  hd_err err;
  hd_err_clear(&err);
  memset(b, 0, sizeof *b);
  if (dec_open(path, enc, on_bad, b, &d, &err)) abort();
  size_t cap = 4 * n + 16, got = 0;
  char *out = malloc(cap);
  long r;
  /* Odd read sizes, so that the caller's buffer boundaries move around too. */
  while ((r = dec_read(d, out + got, got % 7 + 1 < cap - got ? got % 7 + 1 : cap - got, &err)) > 0)
    got += (size_t)r;
  if (r < 0) abort();
  char sha[65];
  if (dec_sha256(d, sha)) abort();
  dec_close(d);
  unlink(path);
  out[got] = '\0';
  *len = got;
  return out;
}

int main(void) {
  bad b;
  size_t len;
  /* A 3-byte character (中 E4 B8 AD) and a 4-byte one (𠮷 F0 A0 AE B7) cut by the 64 KB
   * buffer at every position: never reported, always whole. */
  for (size_t pad = 65530; pad <= 65537; pad++) {
    size_t n = pad + 7 + 1;
    char *in = malloc(n);
    memset(in, 'a', pad);
    memcpy(in + pad, "\xE4\xB8\xAD\xF0\xA0\xAE\xB7\n", 8);
    char *out = decode(in, n, "UTF-8", &b, &len);
    CHECK_INT(b.count, 0);
    CHECK_INT(len, n);
    CHECK(memcmp(out, in, n) == 0);
    free(out);
    /* The same in GB18030: 中 D6 D0, 𠮷 95 34 B2 35. */
    memcpy(in + pad, "\xD6\xD0\x95\x34\xB2\x35\n", 7);
    out = decode(in, pad + 7, "GB18030", &b, &len);
    CHECK_INT(b.count, 0);
    CHECK_INT(len, pad + 8);
    CHECK(memcmp(out + pad, "\xE4\xB8\xAD\xF0\xA0\xAE\xB7\n", 8) == 0);
    free(out);
    /* GBK: 中 across the boundary. */
    out = decode(in, pad + 2, "GBK", &b, &len);
    CHECK_INT(b.count, 0);
    CHECK(len == pad + 3 && memcmp(out + pad, "\xE4\xB8\xAD", 3) == 0);
    free(out);
    free(in);
  }
  /* Positions: line 2, column 3 (characters, 1-based) for the first bad run; a run of
   * bad bytes is one report and one U+FFFD. */
  const char *t = "ab\n中文\xC3\x28x\n\x80\x80\x80y\xE4\xB8";
  char *out = decode(t, strlen(t), "UTF-8", &b, &len);
  CHECK_INT(b.count, 3);
  CHECK_INT(b.line[0], 2);
  CHECK_INT(b.col[0], 3);
  CHECK_INT(b.n[0], 1);
  CHECK_INT(b.line[1], 3);
  CHECK_INT(b.col[1], 1);
  CHECK_INT(b.n[1], 3);
  CHECK_INT(b.line[2], 3);
  CHECK_INT(b.col[2], 3);   /* the character cut by the end of the file */
  CHECK_INT(b.n[2], 2);
  CHECK_STR(out, "ab\n中文\xEF\xBF\xBD(x\n\xEF\xBF\xBDy\xEF\xBF\xBD");
  free(out);
  /* GBK: 0xFF is never valid; 0x81 before a comma is a lead byte without its trail. */
  out = decode("\xD6\xD0\xFF,\x81,\n", 7, "GBK", &b, &len);
  CHECK_INT(b.count, 2);
  CHECK_INT(b.col[0], 2);
  CHECK_INT(b.col[1], 4);
  CHECK_STR(out, "中\xEF\xBF\xBD,\xEF\xBF\xBD,\n");
  free(out);
  /* A NUL byte is not text; a UTF-8 byte-order mark is dropped. */
  out = decode("\xEF\xBB\xBF" "a\0b", 6, "UTF-8", &b, &len);
  CHECK_INT(b.count, 1);
  CHECK_INT(b.col[0], 2);
  CHECK_STR(out, "a\xEF\xBF\xBD" "b");
  free(out);
  /* Unknown encodings are refused by name. */
  hd_decoder *d = NULL;
  hd_err err;
  hd_err_clear(&err);
  CHECK_INT(dec_open("/dev/null", "BIG5", NULL, NULL, &d, &err), HD_EUSAGE);
  CHECK_STR(err.msg, "unknown encoding 'BIG5' (UTF-8, GBK or GB18030)");
  return check_done();
}
