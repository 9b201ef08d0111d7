/* format.c: number formatting (format.h). */
#include "util/format.h"

#include <stdio.h>

void hd_thousands(long long v, char *out, size_t size) {
  char digits[32];
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  int n = snprintf(digits, sizeof digits, "%llu", u);
  size_t o = 0;
  if (v < 0 && o + 2 < size) out[o++] = '-';
  for (int i = 0; i < n && o + 2 < size; i++) {
    if (i > 0 && (n - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  out[o] = '\0';
}
