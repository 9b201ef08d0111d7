/* pool.h: render documents in worker processes (`hdreg run --jobs N`). The parent decides
 * everything that goes into the database, in case order; the workers only lay out, write
 * and hash the documents the parent has decided on, each with its own read-only database
 * connection; the parent then records the results in the same order as with one job.
 * So the database and every byte of every document are the same for any N. With
 * jobs == 1 the work runs in this process, on the caller's connection. A worker that
 * dies leaves its remaining items not done (done == 0): pool_run returns HD_ESTOPPED,
 * the caller records what was done and stops the run; the next run does the rest. */
#ifndef HD_POOL_H
#define HD_POOL_H
#include <sqlite3.h>
#include "util/diag.h"

typedef struct hd_job_result {
  int done;            /* 1 when the item was processed (ok or not) */
  int code;            /* HD_OK or the error code */
  int unprintable;     /* the document's data cannot be printed (its layout said HD_EDATA) */
  long long len;       /* bytes written */
  double ms;           /* time spent laying it out */
  char sha256[65];
  char path[4400];     /* where it was written */
  char msg[400];       /* the error message when code != HD_OK */
} hd_job_result;

/* Process item `index` using db (the worker's own connection, or the caller's with one
 * job); fill out. Must not write to the database. */
typedef void (*hd_job_fn)(void *ctx, sqlite3 *db, int index, hd_job_result *out);

/* Run fn for items 0..count-1 over `jobs` processes; results[i] for item i. Returns HD_OK;
 * HD_ESTOPPED if a worker died (results of finished items valid); another error if the
 * workers could not be started (then nothing ran). */
int pool_run(int jobs, sqlite3 *db, const char *db_path, int count, hd_job_fn fn, void *ctx,
             hd_job_result *results, hd_err *err);

#endif
