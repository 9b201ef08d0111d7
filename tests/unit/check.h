/* check.h: the smallest test harness — exact comparisons, a count, a non-zero exit on
 * any failure. Each unit test file is one executable registered with ctest. */
#ifndef HD_CHECK_H
#define HD_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failed, check_passed;

#define CHECK(cond)                                                                     \
  do {                                                                                  \
    if (cond) check_passed++;                                                           \
    else {                                                                              \
      check_failed++;                                                                   \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);         \
    }                                                                                   \
  } while (0)

#define CHECK_INT(got, want)                                                            \
  do {                                                                                  \
    long long g_ = (long long)(got), w_ = (long long)(want);                            \
    if (g_ == w_) check_passed++;                                                       \
    else {                                                                              \
      check_failed++;                                                                   \
      fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
    }                                                                                   \
  } while (0)

#define CHECK_STR(got, want)                                                            \
  do {                                                                                  \
    const char *g_ = (got), *w_ = (want);                                               \
    if (g_ && w_ && strcmp(g_, w_) == 0) check_passed++;                                \
    else {                                                                              \
      check_failed++;                                                                   \
      fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got,   \
              g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                  \
    }                                                                                   \
  } while (0)

/* A free name for the test's own database under /tmp (tmpl ends in XXXXXX): nothing is
 * left there, so that the test can create the register itself. */
static inline void check_temp_db(char *tmpl) {
  int fd = mkstemp(tmpl);
  if (fd >= 0) close(fd);
  unlink(tmpl);
}

/* Remove a database and the -wal and -shm files SQLite leaves beside it. */
static inline void check_remove_db(const char *path) {
  char side[4200];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
}

static int check_done(void) {
  printf("%d passed, %d failed\n", check_passed, check_failed);
  return check_failed ? 1 : 0;
}

#endif
