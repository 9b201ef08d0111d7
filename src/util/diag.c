/* diag.c: error context and exit-code mapping (diag.h). No printing here. */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void hd_err_clear(hd_err *e) {
  if (!e) return;
  e->code = HD_OK;
  e->msg[0] = '\0';
}

int hd_err_set(hd_err *e, int code, const char *fmt, ...) {
  if (!e) return code;
  if (e->code != HD_OK) return e->code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  e->code = code;
  return code;
}

void hd_err_prefix(hd_err *e, const char *fmt, ...) {
  if (!e) return;
  char head[HD_ERR_MAX], old[HD_ERR_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(head, sizeof head, fmt, ap);
  va_end(ap);
  memcpy(old, e->msg, sizeof old);
  size_t n = strlen(head);
  if (n > sizeof e->msg - 3) n = sizeof e->msg - 3;
  memcpy(e->msg, head, n);
  memcpy(e->msg + n, ": ", 2);
  size_t room = sizeof e->msg - n - 3;
  size_t m = strlen(old);
  if (m > room) m = room;
  memcpy(e->msg + n + 2, old, m);
  e->msg[n + 2 + m] = '\0';
}

int hd_exit_for(int status) {
  switch (status) {
  case HD_OK: return HD_EXIT_OK;
  case HD_EUSAGE: return HD_EXIT_USAGE;
  case HD_EDATA: return HD_EXIT_DATA;
  case HD_EDB: return HD_EXIT_DB;
  case HD_EIO: return HD_EXIT_OUTPUT;
  case HD_EFONT: return HD_EXIT_FONT;
  case HD_ESTOPPED: return HD_EXIT_PARTIAL;
  default: return HD_EXIT_INTERNAL;
  }
}
