/* fault.c: fault injection (fault.h). Not thread-safe; only the tests set HDREG_FAULT. */
#include "util/fault.h"

#include <stdlib.h>
#include <string.h>

int hd_fault(const char *point) {
  static char last_spec[128];
  static long hits;
  const char *spec = getenv("HDREG_FAULT");
  if (!spec || !*spec) return 0;
  size_t n = strlen(point);
  if (strncmp(spec, point, n) != 0 || (spec[n] != '\0' && spec[n] != ':')) return 0;
  if (strncmp(last_spec, spec, sizeof last_spec - 1) != 0) {
    size_t l = strlen(spec);
    if (l >= sizeof last_spec) l = sizeof last_spec - 1;
    memcpy(last_spec, spec, l);
    last_spec[l] = '\0';
    hits = 0;
  }
  hits++;
  if (spec[n] == '\0') return 1;
  return atol(spec + n + 1) == hits;
}
