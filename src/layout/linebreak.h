/* linebreak.h: line breaking and setting for Chinese text after W3C clreq — libunibreak
 * (UAX #14, language "zh") plus the clreq "basic" 避头尾 rules kept as data, Latin runs
 * kept whole, punctuation compression and Han/Latin spacing — and greedy filling to a
 * width measured with the font chain. Depends on pdf/fonts.h for advances. */
#ifndef HD_LINEBREAK_H
#define HD_LINEBREAK_H
#include <stddef.h>
#include "pdf/fonts.h"

typedef struct hd_line {
  size_t start, end;  /* byte range of the line's text, trailing spaces and newline excluded */
  double width;       /* points, as set (layout_line) */
} hd_line;

/* Break s (valid UTF-8) into lines of at most max_width points at `size` with role's
 * fonts. A newline forces a break. Lines go into lines[0..max_lines); *n_lines receives
 * the number of lines the text needs (it may exceed max_lines: only the first max_lines
 * are stored). Returns HD_OK or HD_ENOMEM. */
int layout_break(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                 double max_width, hd_line *lines, int max_lines, int *n_lines, hd_err *err);

/* One line as set (clreq): per character its advance and the space after it (negative
 * where a full-width mark gives up half its blank: consecutive punctuation, a closing
 * mark ending the line; a quarter em where Han meets a Latin letter or digit), the shift
 * of the first character (an opening mark starting the line is set half-width), which
 * boundaries justification may widen (never one inside a Latin run: words, numbers,
 * URLs and e-mail addresses are not letter-spaced), and the width. */
typedef struct hd_setline {
  int n;           /* characters */
  double *adv;     /* points */
  double *after;   /* points after character i; the last: its line-end trim */
  char *stretch;   /* 1: justification may add space after character i */
  int n_stretch;
  double lead;     /* points (<= 0) */
  double width;    /* the line's width as set, as hd_line.width */
} hd_setline;

/* Set the line s[0..len) (one line of layout_break's, valid UTF-8) into *out (release
 * with layout_line_release). Returns HD_OK or HD_ENOMEM. */
int layout_line(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                hd_setline *out, hd_err *err);
void layout_line_release(hd_setline *l);

/* 1 for a character of a Latin run (never broken inside nor letter-spaced). */
int layout_is_latin(uint32_t cp);

/* 1 if a break between code points a and b is forbidden by the extra rules on top of
 * UAX #14 (exposed for tests). */
int layout_extra_nobreak(uint32_t a, uint32_t b);

#endif
