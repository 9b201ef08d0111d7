/* Fuzz harness: line breaking of arbitrary bytes (valid UTF-8 only reaches the breaker,
 * as in the certificate layout) must never crash, and the lines must cover the text in
 * order without overlapping, and each line set on its own has the width the breaker gave
 * it. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/linebreak.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static hd_fontset *fs;
  hd_err err;
  hd_err_clear(&err);
  if (!fs && fontset_load(&fs, NULL, NULL, &err) != HD_OK) abort();
  if (size < 1 || !hd_utf8_valid((const char *)data + 1, size - 1, NULL)) return 0;
  double width = 10 + data[0] * 2; /* first byte picks the width */
  hd_line lines[64];
  int n = 0;
  if (layout_break(fs, HD_ROLE_BODY, 10, (const char *)data + 1, size - 1, width, lines, 64, &n,
                   &err) != HD_OK)
    abort();
  size_t prev = 0;
  const char *text = (const char *)data + 1;
  for (int i = 0; i < n && i < 64; i++) {
    if (lines[i].start < prev || lines[i].end < lines[i].start || lines[i].end > size - 1) abort();
    prev = lines[i].end;
    /* Setting each line (clreq spacing) agrees with the breaker on its width. */
    hd_setline sl;
    if (layout_line(fs, HD_ROLE_BODY, 10, text + lines[i].start, lines[i].end - lines[i].start,
                    &sl, &err) != HD_OK)
      abort();
    if (sl.n != (int)hd_utf8_count(text + lines[i].start, lines[i].end - lines[i].start) ||
        fabs(sl.width - lines[i].width) > 1e-6)
      abort();
    layout_line_release(&sl);
  }
  return 0;
}
