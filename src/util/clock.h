/* clock.h: a monotonic clock in milliseconds, for timings in summaries and benchmarks
 * only — never for a decision (those use the run or as-of date); and today's local
 * date, only as the default of an as-of date where a person asks about now (hdreg
 * verify). */
#ifndef HD_CLOCK_H
#define HD_CLOCK_H
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

#endif
