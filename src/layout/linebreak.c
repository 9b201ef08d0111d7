/* linebreak.c: UAX #14 + clreq prohibitions + greedy fill (linebreak.h). */
#include "layout/linebreak.h"

#include <linebreak.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

/* clreq "basic" level, on top of what libunibreak already does for "zh": */
static const uint32_t NO_BREAK_BEFORE[] = {
    0x00B7, /* · middle dot (names of foreigners) */
    0xFF5E, /* ～ full-width tilde (ranges) */
    0xFF0D, /* － full-width hyphen-minus */
    0x2014, /* — em dash, single */
    0xFF0F, /* ／ full-width solidus */
    0x002F, /* / solidus */
};
static const uint32_t NO_BREAK_AFTER[] = {0x002F, 0xFF0F};

static int in(const uint32_t *set, size_t n, uint32_t cp) {
  for (size_t i = 0; i < n; i++)
    if (set[i] == cp) return 1;
  return 0;
}

int layout_extra_nobreak(uint32_t a, uint32_t b) {
  return in(NO_BREAK_BEFORE, sizeof NO_BREAK_BEFORE / sizeof *NO_BREAK_BEFORE, b) ||
         in(NO_BREAK_AFTER, sizeof NO_BREAK_AFTER / sizeof *NO_BREAK_AFTER, a);
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_lb(void) { init_linebreak(); }

typedef struct ch {
  size_t start, end;
  uint32_t cp;
  double adv;
  char brk; /* verdict for a break after this character */
} ch;

static int is_space(uint32_t cp) { return cp == ' ' || cp == 0x3000; }

int layout_break(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                 double max_width, hd_line *lines, int max_lines, int *n_lines, hd_err *err) {
  pthread_once(&init_once, init_lb);
  *n_lines = 0;
  if (len == 0) return HD_OK;
  char *brks = malloc(len);
  ch *cs = malloc(len * sizeof *cs);
  if (!brks || !cs) {
    free(brks);
    free(cs);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  set_linebreaks_utf8((const utf8_t *)s, len, "zh", brks);
  int n = 0;
  size_t i = 0;
  uint32_t cp;
  while (1) {
    size_t at = i;
    if (hd_utf8_next(s, len, &i, &cp) != 1) break;
    cs[n].start = at;
    cs[n].end = i;
    cs[n].cp = cp;
    int f = cp == '\n' ? -1 : fontset_pick(fs, role, cp);
    cs[n].adv = f < 0 ? 0 : fontset_advance(fs, f, cp) * size / 1000.0;
    cs[n].brk = brks[i - 1];
    n++;
  }
  for (int k = 0; k + 1 < n; k++)
    if (cs[k].brk == LINEBREAK_ALLOWBREAK && layout_extra_nobreak(cs[k].cp, cs[k + 1].cp))
      cs[k].brk = LINEBREAK_NOBREAK;

  int count = 0;
  int ls = 0; /* first character of the current line */
  while (ls < n) {
    double w = 0;
    int last_ok = -1, k = ls, end = n - 1, forced = 0;
    for (; k < n; k++) {
      if (cs[k].cp == '\n') {
        end = k - 1;
        forced = 1;
        break;
      }
      if (w + cs[k].adv > max_width + 1e-6 && !is_space(cs[k].cp) && k > ls) {
        end = last_ok >= ls ? last_ok : k - 1;
        break;
      }
      w += cs[k].adv;
      if (cs[k].brk == LINEBREAK_ALLOWBREAK || cs[k].brk == LINEBREAK_MUSTBREAK) last_ok = k;
    }
    if (k == n) end = n - 1;
    /* Trim trailing spaces from the line. */
    int last = end;
    while (last >= ls && is_space(cs[last].cp)) last--;
    double lw = 0;
    for (int q = ls; q <= last; q++) lw += cs[q].adv;
    if (count < max_lines) {
      lines[count].start = cs[ls].start;
      lines[count].end = last >= ls ? cs[last].end : cs[ls].start;
      lines[count].width = lw;
    }
    count++;
    ls = end + 1 + forced;
    /* Spaces that the break swallowed do not start the next line. */
    while (!forced && ls < n && is_space(cs[ls].cp) && ls > 0) ls++;
    if (forced && ls == n) { /* text ending in a newline: no empty last line */ }
  }
  *n_lines = count;
  free(brks);
  free(cs);
  return HD_OK;
}
