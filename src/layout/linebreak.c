/* linebreak.c: UAX #14 + clreq prohibitions + clreq spacing + greedy fill (linebreak.h). */
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

/* Full-width punctuation whose glyph fills half of its em box (clreq 3.1.6, GB/T 15834):
 * opening marks sit in the right half, closing marks and stops in the left half. Only
 * these are set half-width; middle dots, dashes and ellipses never are. */
static const uint32_t OPENING[] = {0xFF08, 0x3014, 0xFF3B, 0xFF5B, 0x3008, 0x300A, 0x300C,
                                   0x300E, 0x3010, 0x3016, 0x201C, 0x2018};
static const uint32_t CLOSING[] = {0xFF09, 0x3015, 0xFF3D, 0xFF5D, 0x3009, 0x300B, 0x300D,
                                   0x300F, 0x3011, 0x3017, 0x201D, 0x2019, 0xFF0C, 0x3002,
                                   0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F};

static int in(const uint32_t *set, size_t n, uint32_t cp) {
  for (size_t i = 0; i < n; i++)
    if (set[i] == cp) return 1;
  return 0;
}
#define IN(set, cp) in(set, sizeof set / sizeof *set, cp)

int layout_extra_nobreak(uint32_t a, uint32_t b) {
  return IN(NO_BREAK_BEFORE, b) || IN(NO_BREAK_AFTER, a);
}

/* Han ideographs, kana and the ideographic marks that behave like them. */
static int is_han(uint32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3005 && cp <= 0x3007) ||
         (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x31C0 && cp <= 0x31EF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* A character of a Latin run (a word, a number, a URL, an e-mail address): below the CJK
 * blocks, not a space, not general punctuation (dashes, curly quotes, ellipsis) nor the
 * middle dot. A run is never broken inside nor letter-spaced. */
int layout_is_latin(uint32_t cp) {
  return cp > ' ' && cp < 0x2E80 && cp != 0x00A0 && cp != 0x00B7 &&
         !(cp >= 0x2000 && cp <= 0x206F) && cp != 0x3000;
}

/* A letter or digit of a Latin run: the side of a Han/Latin boundary that gets the
 * quarter em (not a bracket, quote or stop). */
static int is_alnum(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
         (cp >= 0x0370 && cp <= 0x04FF);
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_lb(void) { init_linebreak(); }

typedef struct ch {
  size_t start, end;
  uint32_t cp;
  double adv;       /* the glyph's advance, points */
  double adj;       /* space after it when the next character follows on the line */
  double trim_end;  /* added to its advance when it ends a line (<= 0) */
  double trim_start;/* shift when it starts a line (<= 0) */
  char brk;         /* verdict for a break after this character */
  char latin;
} ch;

static int is_space(uint32_t cp) { return cp == ' ' || cp == 0x3000; }

/* Decode s into cs (room for len entries): advances, the break verdicts (libunibreak
 * "zh", the extra 避头尾 rules, no break inside a Latin run) and the clreq spacing:
 * consecutive punctuation compressed, full-width marks at a line's ends set half-width,
 * a quarter em between Han and Latin letters or digits that touch. Returns the count. */
static int chars(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                 char *brks, ch *cs) {
  set_linebreaks_utf8((const utf8_t *)s, len, "zh", brks);
  int n = 0;
  size_t i = 0;
  uint32_t cp;
  while (1) {
    size_t at = i;
    if (hd_utf8_next(s, len, &i, &cp) != 1) break;
    ch *c = &cs[n];
    memset(c, 0, sizeof *c);
    c->start = at;
    c->end = i;
    c->cp = cp;
    int f = cp == '\n' ? -1 : fontset_pick(fs, role, cp);
    int units = f < 0 ? 0 : fontset_advance(fs, f, cp);
    c->adv = units * size / 1000.0;
    c->brk = brks[i - 1];
    c->latin = (char)layout_is_latin(cp);
    /* Half-width setting needs a full-width glyph (a proportional curly quote has no
     * blank to take away). */
    if (units >= 900 && IN(CLOSING, cp)) c->trim_end = -c->adv / 2;
    if (units >= 900 && IN(OPENING, cp)) c->trim_start = -c->adv / 2;
    n++;
  }
  for (int k = 0; k + 1 < n; k++) {
    ch *a = &cs[k], *b = &cs[k + 1];
    if (a->brk == LINEBREAK_ALLOWBREAK &&
        (layout_extra_nobreak(a->cp, b->cp) || (a->latin && b->latin)))
      a->brk = LINEBREAK_NOBREAK;
    if (a->trim_end < 0 && (b->trim_end < 0 || b->trim_start < 0))
      a->adj = a->trim_end; /* 。」 ，「 ）（: the first gives up its blank */
    else if (a->trim_start < 0 && b->trim_start < 0)
      a->adj = b->trim_start; /* （「: the second moves into the first's blank */
    else if ((is_han(a->cp) && is_alnum(b->cp)) || (is_alnum(a->cp) && is_han(b->cp)))
      a->adj = size / 4; /* 共10个: a quarter em */
  }
  return n;
}

/* Width of cs[ls..last] set as a line. */
static double set_width(const ch *cs, int ls, int last) {
  if (last < ls) return 0;
  double w = cs[ls].trim_start + cs[last].trim_end;
  for (int q = ls; q <= last; q++) w += cs[q].adv + (q < last ? cs[q].adj : 0);
  return w;
}

static int alloc(size_t len, char **brks, ch **cs, hd_err *err) {
  *brks = malloc(len);
  *cs = malloc(len * sizeof **cs);
  if (*brks && *cs) return HD_OK;
  free(*brks);
  free(*cs);
  return hd_err_set(err, HD_ENOMEM, "out of memory");
}

int layout_break(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                 double max_width, hd_line *lines, int max_lines, int *n_lines, hd_err *err) {
  pthread_once(&init_once, init_lb);
  *n_lines = 0;
  if (len == 0) return HD_OK;
  char *brks;
  ch *cs;
  if (alloc(len, &brks, &cs, err)) return err->code;
  int n = chars(fs, role, size, s, len, brks, cs);

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
      /* Set so far with k: its advance, the space after the previous one; k fits if it
       * fits as the line's last character (a closing mark there is half-width: clreq
       * squeezes before it pushes a character down). */
      double wk = w + cs[k].adv + (k > ls ? cs[k - 1].adj : cs[k].trim_start);
      if (wk + cs[k].trim_end > max_width + 1e-6 && !is_space(cs[k].cp) && k > ls) {
        end = last_ok >= ls ? last_ok : k - 1;
        /* A Latin run wider than the line must break: after a '.', '@', '-', '/' or
         * '_' of it if one fits, else where the line is full. */
        for (int q = k - 1; last_ok < ls && q > ls; q--)
          if (cs[q].latin && strchr("./-@_", (int)cs[q].cp) && cs[q].cp < 128) {
            end = q;
            break;
          }
        break;
      }
      w = wk;
      if (cs[k].brk == LINEBREAK_ALLOWBREAK || cs[k].brk == LINEBREAK_MUSTBREAK) last_ok = k;
    }
    if (k == n) end = n - 1;
    /* Trim trailing spaces from the line. */
    int last = end;
    while (last >= ls && is_space(cs[last].cp)) last--;
    if (count < max_lines) {
      lines[count].start = cs[ls].start;
      lines[count].end = last >= ls ? cs[last].end : cs[ls].start;
      lines[count].width = set_width(cs, ls, last);
    }
    count++;
    ls = end + 1 + forced;
    /* Spaces that the break swallowed do not start the next line. */
    while (!forced && ls < n && is_space(cs[ls].cp) && ls > 0) ls++;
  }
  *n_lines = count;
  free(brks);
  free(cs);
  return HD_OK;
}

int layout_line(const hd_fontset *fs, int role, double size, const char *s, size_t len,
                hd_setline *out, hd_err *err) {
  pthread_once(&init_once, init_lb);
  memset(out, 0, sizeof *out);
  if (len == 0) return HD_OK;
  char *brks;
  ch *cs;
  if (alloc(len, &brks, &cs, err)) return err->code;
  int n = chars(fs, role, size, s, len, brks, cs);
  out->adv = malloc((size_t)n * sizeof *out->adv);
  out->after = malloc((size_t)n * sizeof *out->after);
  out->stretch = malloc((size_t)n);
  if (!out->adv || !out->after || !out->stretch) {
    free(brks);
    free(cs);
    layout_line_release(out);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  out->n = n;
  out->lead = n ? cs[0].trim_start : 0;
  for (int k = 0; k < n; k++) {
    out->adv[k] = cs[k].adv;
    out->after[k] = k + 1 < n ? cs[k].adj : cs[k].trim_end;
    /* Justification may widen a boundary, never one inside a Latin run. */
    out->stretch[k] = (char)(k + 1 < n && !(cs[k].latin && cs[k + 1].latin));
    if (out->stretch[k]) out->n_stretch++;
  }
  out->width = set_width(cs, 0, n - 1);
  free(brks);
  free(cs);
  return HD_OK;
}

void layout_line_release(hd_setline *l) {
  free(l->adv);
  free(l->after);
  free(l->stretch);
  memset(l, 0, sizeof *l);
}
