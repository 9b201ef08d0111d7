/* problems.c: problem lists (problems.h). */
#include "procedure/problems.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void problems_add(hd_problem **list, int *n, const char *case_number, const char *prefix,
                  const char *msg) {
  hd_problem *np = realloc(*list, (size_t)(*n + 1) * sizeof *np);
  if (!np) return;
  *list = np;
  size_t a = strlen(prefix), b = strlen(msg);
  char *m = malloc(a + b + 1);
  if (!m) return;
  memcpy(m, prefix, a);
  memcpy(m + a, msg, b + 1);
  np[*n].case_number = case_number ? hd_strdup(case_number) : NULL;
  np[*n].message = m;
  (*n)++;
}

void problems_release(hd_problem *list, int n) {
  for (int i = 0; i < n; i++) {
    free(list[i].case_number);
    free(list[i].message);
  }
  free(list);
}
