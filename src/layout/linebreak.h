/* linebreak.h: line breaking for Chinese text — libunibreak (UAX #14, language "zh")
 * plus the clreq "basic" 避头尾 rules kept as data — and greedy filling to a width
 * measured with the font chain. Depends on pdf/fonts.h for advances. */
#ifndef HD_LINEBREAK_H
#define HD_LINEBREAK_H
#include <stddef.h>
#include "pdf/fonts.h"

typedef struct hd_line {
  size_t start, end;  /* byte range of the line's text, trailing spaces and newline excluded */
  double width;       /* points */
} hd_line;

/* Break s (valid UTF-8) into lines of at most max_width points at `size` with role's
 * fonts. A newline forces a break. Lines go into lines[0..max_lines); *n_lines receives
 * the number of lines the text needs (it may exceed max_lines: only the first max_lines
 * are stored). Returns HD_OK or HD_ENOMEM. */
int layout_break(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                 double max_width, hd_line *lines, int max_lines, int *n_lines, hd_err *err);

/* 1 if a break between code points a and b is forbidden by the extra rules on top of
 * UAX #14 (exposed for tests). */
int layout_extra_nobreak(uint32_t a, uint32_t b);

#endif
