/* pattern_guard.c: worst-case cost of a Lua pattern match (pattern_guard.h).
 *
 * Lua's matcher backtracks: each repeated item (x*, x+, x-) may be tried at every length
 * it can take, and an unanchored pattern is tried at every start position. So the work is
 * bounded by the product, over the repeated items, of the longest run of subject bytes the
 * item's class matches (+1), times the number of start positions; x? doubles it, a
 * back-reference or %b costs a scan, and each single item is one more comparison on
 * every path (a long literal is tried at every start position); a test against a set
 * walks the set, so the longest set counts once per 16 bytes. This walks the pattern once, measures the longest
 * run per class in the subject, and multiplies. The estimate is an upper bound that is close
 * for ordinary patterns (a trim such as ^%s*(.-)%s*$ on a long text with few spaces is
 * cheap) and large exactly for the patterns that can run for minutes. */
#include "sandbox/pattern_guard.h"

#include <ctype.h>
#include <string.h>

/* Does byte c belong to the class %k (k a letter)? Non-letters stand for themselves. */
static int class_has(int k, unsigned char c) {
  int r;
  switch (tolower(k)) {
  case 'a': r = isalpha(c); break;
  case 'c': r = iscntrl(c); break;
  case 'd': r = isdigit(c); break;
  case 'g': r = isgraph(c); break;
  case 'l': r = islower(c); break;
  case 'p': r = ispunct(c); break;
  case 's': r = isspace(c); break;
  case 'u': r = isupper(c); break;
  case 'w': r = isalnum(c); break;
  case 'x': r = isxdigit(c); break;
  default: return k == c;
  }
  if (isupper(k)) r = !r;
  return r != 0;
}

/* A set [...] starting at p[i] == '['; sets *end to the index after ']'. Returns whether
 * byte c is in it. A malformed set (no ']') ends at the pattern's end; Lua reports it. */
static int set_has(const char *p, size_t len, size_t i, size_t *end, unsigned char c) {
  size_t k = i + 1;
  int neg = 0, in = 0;
  if (k < len && p[k] == '^') {
    neg = 1;
    k++;
  }
  int first = 1;
  while (k < len && (p[k] != ']' || first)) {
    first = 0;
    if (p[k] == '%' && k + 1 < len) {
      if (class_has((unsigned char)p[k + 1], c)) in = 1;
      k += 2;
    } else if (k + 2 < len && p[k + 1] == '-' && p[k + 2] != ']') {
      if ((unsigned char)p[k] <= c && c <= (unsigned char)p[k + 2]) in = 1;
      k += 3;
    } else {
      if ((unsigned char)p[k] == c) in = 1;
      k++;
    }
  }
  *end = k < len ? k + 1 : len;
  return neg ? !in : in;
}

/* The longest run of consecutive bytes of s that the single item at p[i] matches: how
 * far a repetition of it can expand from any position. *end: index after the item. */
static double item_run(const char *p, size_t len, size_t i, size_t *end, const char *s,
                       size_t n) {
  if (p[i] == '[') set_has(p, len, i, end, 0);
  else *end = p[i] == '%' && i + 1 < len ? i + 2 : i + 1;
  if (p[i] == '.') return (double)n;
  size_t run = 0, best = 0;
  for (size_t j = 0; j < n; j++) {
    unsigned char c = (unsigned char)s[j];
    size_t e;
    int in = p[i] == '[' ? set_has(p, len, i, &e, c)
             : p[i] == '%' && i + 1 < len ? class_has((unsigned char)p[i + 1], c)
                                         : c == (unsigned char)p[i];
    run = in ? run + 1 : 0;
    if (run > best) best = run;
  }
  return (double)best;
}

double pattern_cost(const char *p, size_t len, const char *s, size_t n) {
  return pattern_cost_as(p, len, s, n, 1);
}

double pattern_cost_as(const char *p, size_t len, const char *s, size_t n, int anchor) {
  double cost = 1, all = (double)n + 1, singles = 0, longest_set = 0;
  size_t i = 0;
  int anchored = anchor && len > 0 && p[0] == '^';
  if (anchored) i = 1;
  while (i < len) {
    char c = p[i];
    if (c == '(' || c == ')') {
      i++;
      continue;
    }
    if (c == '$' && i + 1 == len) break;
    if (c == '%' && i + 1 < len) {
      char k = p[i + 1];
      if (k == 'b') {            /* %bxy: a scan for the balance */
        cost *= all;
        i += 4;
        continue;
      }
      if (k == 'f') {            /* %f[set]: one test */
        size_t end = i + 2;
        if (end < len && p[end] == '[') set_has(p, len, end, &end, 0);
        i = end;
        continue;
      }
      if (k >= '0' && k <= '9') { /* back-reference: a comparison of up to n bytes */
        cost *= all;
        i += 2;
        continue;
      }
    }
    size_t end;
    double run = item_run(p, len, i, &end, s, n);
    if (p[i] == '[' && (double)(end - i) > longest_set) longest_set = (double)(end - i);
    i = end;
    if (i < len && (p[i] == '*' || p[i] == '+' || p[i] == '-')) {
      cost *= run + 1;
      i++;
    } else if (i < len && p[i] == '?') {
      cost *= 2;
      i++;
    } else {
      singles++;                 /* one comparison on every path through the pattern */
    }
    if (cost > 1e300) return cost;
  }
  cost *= 1 + singles;
  if (longest_set > 16) cost *= longest_set / 16; /* a test against a set walks it */
  return anchored ? cost : cost * all;
}

int pattern_is_plain(const char *p, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (strchr("^$*+?.([%-", p[i])) return 0;
  return 1;
}
