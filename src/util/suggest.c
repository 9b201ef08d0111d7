/* suggest.c: nearest names for "did you mean" (suggest.h). */
#include "util/suggest.h"

#include <string.h>

int hd_edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n > 40 || m > 40) return 99;
  int row[41];
  for (size_t j = 0; j <= m; j++) row[j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    int prev = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= m; j++) {
      int cur = row[j];
      int best = prev + (a[i - 1] != b[j - 1]);
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      prev = cur;
    }
  }
  return row[m];
}

void hd_suggest_offer(hd_suggest *s, const char *word, const char *candidate) {
  int d = hd_edit_distance(word, candidate);
  if (d < s->dist || (d == s->dist && s->best && strcmp(candidate, s->best) < 0)) {
    s->dist = d;
    s->best = candidate;
  }
}
