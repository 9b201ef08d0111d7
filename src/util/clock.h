/* clock.h: a monotonic clock in milliseconds, for timings in summaries and benchmarks
 * only — never for a decision (those use the run or as-of date). */
#ifndef HD_CLOCK_H
#define HD_CLOCK_H
#include <time.h>

static inline double hd_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

#endif
