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

void hd_scale_text(long long records, long long bytes, char *out, size_t size) {
  char rec[40];
  hd_thousands(records, rec, sizeof rec);
  const double TB = 1e12, GB = 1e9, MB = 1e6;
  if (bytes >= TB) snprintf(out, size, "%s条记录，约%.2f TB", rec, (double)bytes / TB);
  else if (bytes >= GB) snprintf(out, size, "%s条记录，约%.2f GB", rec, (double)bytes / GB);
  else if (bytes >= MB) snprintf(out, size, "%s条记录，约%.2f MB", rec, (double)bytes / MB);
  else snprintf(out, size, "%s条记录，%lld字节", rec, bytes);
}
