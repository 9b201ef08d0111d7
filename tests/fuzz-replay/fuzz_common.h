/* fuzz_common.h: what the Lua harnesses (fuzz_expr.c, fuzz_checks.c) share — a scratch
 * directory and a demo register made once per process, case views loaded from it, and
 * the input split into parts at lines "%%". Header-only: each harness is one program. */
#ifndef HD_FUZZ_COMMON_H
#define HD_FUZZ_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/caseview.h"
#include "demo/demo.h"
#include "store/store.h"

#define FUZZ_MAX_PARTS 4

/* The input's parts: text up to a line "%%", and so on (at most FUZZ_MAX_PARTS; the last
 * part keeps any further "%%"). Each part is a NUL-terminated copy (caller frees with
 * fuzz_parts_free); a NUL byte inside a part ends it, as it would in a C string. */
typedef struct fuzz_parts {
  char *v[FUZZ_MAX_PARTS];
  int n;
} fuzz_parts;

static inline void fuzz_parts_free(fuzz_parts *p) {
  for (int i = 0; i < p->n; i++) free(p->v[i]);
  p->n = 0;
}

static inline int fuzz_split(const unsigned char *data, size_t size, fuzz_parts *out) {
  const char *s = (const char *)data, *end = s + size;
  out->n = 0;
  while (out->n < FUZZ_MAX_PARTS) {
    const char *cut = NULL;
    if (out->n < FUZZ_MAX_PARTS - 1) {
      for (const char *q = s; q + 3 <= end; q++) {
        if (q[0] == '\n' && q[1] == '%' && q[2] == '%' && (q + 3 == end || q[3] == '\n')) {
          cut = q;
          break;
        }
      }
    }
    const char *e = cut ? cut : end;
    char *part = malloc((size_t)(e - s) + 1);
    if (!part) abort();
    memcpy(part, s, (size_t)(e - s));
    part[e - s] = '\0';
    out->v[out->n++] = part;
    if (!cut) break;
    s = cut + 3 < end ? cut + 4 : end;
  }
  return out->n;
}

/* Line breaks in s, at most (Lua counts \n, \r, \r\n and \n\r as one each). */
static inline long fuzz_newlines(const char *s) {
  long n = 0;
  for (; *s; s++) n += *s == '\n' || *s == '\r';
  return n;
}

/* The scratch directory of this process (/tmp/hdreg-fuzz-XXXXXX), made on first use and
 * left for the operating system's cleaner if the process dies. */
static char fuzz_dir_path[64];

static inline void fuzz_cleanup(void) {
  char cmd[128];
  if (!fuzz_dir_path[0]) return;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
  if (system(cmd) != 0) fprintf(stderr, "fuzz: cannot remove %s\n", fuzz_dir_path);
}

static inline const char *fuzz_dir(void) {
  if (!fuzz_dir_path[0]) {
    snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "/tmp/hdreg-fuzz-XXXXXX");
    if (!mkdtemp(fuzz_dir_path)) abort();
    atexit(fuzz_cleanup);
  }
  return fuzz_dir_path;
}

/* The demo register of this process (made once), its loader and views of the cases ids[]
 * (kept for the whole process: the views' column names live in the loader). */
typedef struct fuzz_demo {
  sqlite3 *db;
  hd_caseview_loader *ld;
  hd_caseview v[2];
  int n;
} fuzz_demo;

static inline fuzz_demo *fuzz_demo_get(void) {
  static fuzz_demo d;
  static const long long IDS[2] = {19, 31}; /* credit records; genetic data, many findings */
  if (d.db) return &d;
  char path[128];
  hd_err err;
  hd_err_clear(&err);
  snprintf(path, sizeof path, "%s/demo.db", fuzz_dir());
  if (demo_create(path, 0, 1, &err) || store_open(path, HD_STORE_MUST_EXIST, &d.db, &err) ||
      caseview_loader_new(d.db, &d.ld, &err)) {
    fprintf(stderr, "fuzz: demo register: %s\n", err.msg);
    abort();
  }
  for (int i = 0; i < 2; i++) {
    if (caseview_load(d.ld, IDS[i], &d.v[i], &err)) {
      fprintf(stderr, "fuzz: demo case %lld: %s\n", IDS[i], err.msg);
      abort();
    }
    d.n++;
  }
  return &d;
}

/* Write len bytes of text to path (replacing it); abort if that fails. */
static inline void fuzz_write(const char *path, const char *text, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
    fprintf(stderr, "fuzz: cannot write %s\n", path);
    abort();
  }
}

#endif
