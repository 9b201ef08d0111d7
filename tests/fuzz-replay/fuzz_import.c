/* Fuzz harness: hdreg import must never crash, hang or half-write, whatever the bytes:
 * each input is imported as XML and as CSV, in UTF-8 (as applications) and in GB18030
 * (with --restore), into a new in-memory register. Either it imports (and the register then exports) or it reports at
 * least one problem and the register holds no case at all. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "exchange/export.h"
#include "exchange/import.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long long count(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  long long n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* A new, empty register: an in-memory copy of one migrated once (migrating for every
 * input made the fuzzer ten times slower). */
static int fresh_register(sqlite3 **out, hd_err *err) {
  static sqlite3 *tmpl;
  if (!tmpl && store_open(":memory:", HD_STORE_CREATE, &tmpl, err)) return err->code;
  return store_copy(tmpl, out, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/hdreg-fuzz-import.XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) abort();
  close(fd);
  FILE *sink = fopen("/dev/null", "w");
  static const char *const FORMATS[2] = {"xml", "csv"};
  static const char *const ENCODINGS[2] = {"UTF-8", "GB18030"};
  for (int k = 0; k < 4; k++) {
    hd_err err;
    hd_err_clear(&err);
    sqlite3 *db = NULL;
    if (fresh_register(&db, &err)) abort();
    ximport_opts o = {ENCODINGS[k / 2], FORMATS[k % 2], k / 2, 0, sink, sink, "2026-03-16", 0, NULL};
    ximport_result r;
    int rc = exchange_import(db, path, &o, &r, &err);
    if (rc == HD_OK) {
      if (r.problems) abort();
      xexport_result x;
      if (exchange_export(db, FORMATS[k % 2], sink, &x, &err) != HD_OK) abort();
      if (x.cases != r.cases) abort();
    } else {
      if (rc != HD_EDATA || r.problems < 1 || err.msg[0] == '\0') abort();
      if (count(db, "SELECT count(*) FROM cases") != 0) abort();
      if (count(db, "SELECT count(*) FROM subjects") != 0) abort();
    }
    store_close(db);
  }
  fclose(sink);
  unlink(path);
  return 0;
}
