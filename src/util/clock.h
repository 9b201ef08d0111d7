/* clock.h: a monotonic clock in milliseconds, for timings in summaries and benchmarks
 * only — never for a decision (those use the run or as-of date); and today's local
 * date, only as the default of an as-of date where a person asks about now (hdreg
 * verify). */
#ifndef HD_CLOCK_H
#define HD_CLOCK_H
#include <string.h>
#include <time.h>

#include "util/date.h"

static inline double hd_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Today in the local time zone (the wall clock). */
static inline hd_date hd_today(void) {
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return (hd_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* The wall clock now as ISO 8601 local time with its offset, 2026-03-16T01:30:05+08:00:
 * when a run started, for its report only. */
static inline void hd_wall_iso(char out[40]) {
  time_t now = time(NULL);
  struct tm tm;
  char z[8];
  localtime_r(&now, &tm);
  strftime(out, 40, "%Y-%m-%dT%H:%M:%S", &tm);
  strftime(z, sizeof z, "%z", &tm);
  size_t n = strlen(out);
  if (strlen(z) == 5) {
    out[n] = z[0], out[n + 1] = z[1], out[n + 2] = z[2], out[n + 3] = ':', out[n + 4] = z[3],
    out[n + 5] = z[4], out[n + 6] = '\0';
  }
}

#endif
