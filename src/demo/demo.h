/* demo.h: the demo database (data/demo.sql, compiled in) and deterministic synthetic
 * databases of any size for benchmarks. Depends on store.h and checks/uscc.h. */
#ifndef HD_DEMO_H
#define HD_DEMO_H
#include "util/diag.h"

/* Create a new database at path (which must not exist) holding the demo data, or with
 * synthetic > 0 that many generated cases from the seed. Same seed, same database. */
int demo_create(const char *path, long synthetic, unsigned long long seed, hd_err *err);

#endif
