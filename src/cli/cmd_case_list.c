/* cmd_case_list.c: `hdreg case list --waiting` — every case waiting for a person or a
 * deadline, with its age in working days (report/waiting.h, the same list the morning
 * report shows). Parses nothing itself (cmd_case.c does) and prints. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/calendar.h"
#include "report/waiting.h"
#include "report/expiring.h"
#include "store/store.h"
#include "util/json.h"
#include "util/charclass.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/utf8.h"


/* Register text (case data may be hostile) onto the terminal: a control, bidi or
 * invisible character as its code point ([U+202E]), an invalid byte as U+FFFD, so that
 * nothing in a reason moves the cursor, ends the line or turns the text around. NULL: —. */
static void put(const char *s) {
  if (!s) {
    fputs("—", stdout);
    return;
  }
  size_t n = strlen(s), i = 0;
  while (i < n) {
    size_t start = i;
    uint32_t cp;
    int r = hd_utf8_next(s, n, &i, &cp);
    if (r == 0) break;
    if (r < 0) {
      fputs("\xEF\xBF\xBD", stdout);
      i = start + 1;
    } else if (hd_char_kind(cp, NULL) != HD_CH_PRINTABLE) {
      printf("[U+%04X]", (unsigned)cp);
    } else {
      fwrite(s + start, 1, i - start, stdout);
    }
  }
}

/* One entry as one line: CASE  KIND[ (STATUS)]  since DATE  N working days[ *]
 * [DEADLINE]  REASON[ [CLAUSE MESSAGE; ...]]. */
static void line(json_object *x) {
  const char *kind = hd_json_str(x, "waits_for"), *status = hd_json_str(x, "status");
  put(hd_json_str(x, "case"));
  printf("  %s", kind);
  if (status && strcmp(status, kind)) printf(" (%s)", status);
  printf("  since %s", hd_json_str(x, "since") ? hd_json_str(x, "since") : "?");
  if (hd_json_get(x, "age_working_days"))
    printf("  %d working days%s", json_object_get_int(hd_json_get(x, "age_working_days")),
           json_object_get_boolean(hd_json_get(x, "over")) ? " *" : "");
  else
    printf("  age unknown (a year without a holiday schedule)");
  const char *dk = hd_json_str(x, "deadline_kind"), *d = hd_json_str(x, "deadline");
  const char *passed = json_object_get_boolean(hd_json_get(x, "deadline_passed")) ? " (passed)" : "";
  if (dk && !d) printf("  no deadline: %s", hd_json_str(x, "deadline_error"));
  else if (dk && !strcmp(dk, "supplement")) printf("  supplement by %s%s", d, passed);
  else if (dk && !strcmp(dk, "objection_reply"))
    printf("  objection %d, explanation by %s%s", json_object_get_int(hd_json_get(x, "objection")), d, passed);
  else if (dk && !strcmp(dk, "notice_end"))
    printf("  notice %s ends %s%s", hd_json_str(x, "notice") ? hd_json_str(x, "notice") : "?", d,
           *passed ? " (ended)" : "");
  else if (!strcmp(kind, "objection"))
    printf("  objection %d, explanation letter not yet written", json_object_get_int(hd_json_get(x, "objection")));
  fputs("  ", stdout);
  put(hd_json_str(x, "reason"));
  json_object *f = hd_json_get(x, "findings");
  size_t n = f ? json_object_array_length(f) : 0;
  for (size_t i = 0; i < n; i++) {
    json_object *y = json_object_array_get_idx(f, i);
    fputs(i ? "; " : " [", stdout);
    put(hd_json_str(y, "clause"));
    putchar(' ');
    put(hd_json_str(y, "message"));
  }
  printf("%s\n", n ? "]" : "");
}

/* The register, read-only, and its holiday calendar, for either list; the exit code after
 * saying why, or 0. */
static int open_register(const char *db_path, sqlite3 **db, hd_calendar **cal) {
  hd_err err;
  hd_err_clear(&err);
  *db = NULL;
  *cal = NULL;
  if (!store_open_readonly(db_path, db, &err) && !calendar_load(*db, cal, &err)) return 0;
  store_close(*db);
  *db = NULL;
  cli_error("case list: %s", err.msg);
  return hd_exit_for(err.code);
}

/* Standard output written: 0, else the exit code after saying so. */
static int flushed(void) {
  if (!fflush(stdout) && !ferror(stdout)) return HD_EXIT_OK;
  cli_error("case list: cannot write to standard output");
  return HD_EXIT_OUTPUT;
}

int cli_case_list(const char *db_path, const char *date, int older_than, int json) {
  char today[11];
  if (!date) {
    hd_date_iso(hd_today(), today);
    date = today;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db;
  hd_calendar *cal;
  int opened = open_register(db_path, &db, &cal);
  if (opened) return opened;
  /* --older-than N: only those; else every one, those over waiting_days marked */
  int threshold = older_than >= 0 ? older_than : cli_conf_waiting_days();
  hd_waiting_opts o = {date, threshold, older_than >= 0};
  json_object *list = NULL;
  int rc = report_waiting(db, cal, &o, &list, &err);
  calendar_free(cal);
  store_close(db);
  if (rc) {
    cli_error("case list: %s", err.msg);
    return hd_exit_for(rc);
  }
  size_t n = json_object_array_length(list);
  int over = 0, unknown = 0;
  for (size_t i = 0; i < n; i++) {
    json_object *x = json_object_array_get_idx(list, i);
    over += json_object_get_boolean(hd_json_get(x, "over"));
    unknown += hd_json_get(x, "age_working_days") == NULL;
  }
  if (json) {
    json_object *r = json_object_new_object();
    json_object_object_add(r, "date", json_object_new_string(date));
    json_object_object_add(r, "waiting_days", json_object_new_int(threshold));
    json_object_object_add(r, "only_older", json_object_new_boolean(older_than >= 0));
    json_object_object_add(r, "count", json_object_new_int((int)n));
    json_object_object_add(r, "over_count", json_object_new_int(over));
    json_object_object_add(r, "waiting", list);
    cli_json_print(r);
  } else {
    for (size_t i = 0; i < n; i++) line(json_object_array_get_idx(list, i));
    if (!cli_quiet) {
      if (older_than >= 0)
        printf("%zu waiting on %s longer than %d working days", n, date, threshold);
      else
        printf("%zu waiting on %s, %d of them longer than %d working days (*)", n, date, over,
               threshold);
      if (unknown) printf(", %d of unknown age (a year without a holiday schedule)", unknown);
      putchar('\n');
    }
    json_object_put(list);
  }
  return flushed();
}

/* `hdreg case list --expiring`: the certificates whose validity ends within `within`
 * working days of date (-1: the setting expiry_reminder_working_days), one line each:
 * NUMBER  valid until DATE  N working days left  HOLDER (USCC; CONTACT)[, ...]
 * [renewal CASE | no renewal applied for]. */
int cli_case_expiring(const char *db_path, const char *date, int within, int json) {
  char today[11];
  if (!date) {
    hd_date_iso(hd_today(), today);
    date = today;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db;
  hd_calendar *cal;
  json_object *list = NULL;
  int opened = open_register(db_path, &db, &cal);
  if (opened) return opened;
  int rc = HD_OK;
  if (within < 0) rc = report_reminder_days(db, &within, &err);
  if (!rc) rc = report_expiring(db, cal, date, within, &list, &err);
  calendar_free(cal);
  store_close(db);
  if (rc) {
    cli_error("case list: %s", err.msg);
    return hd_exit_for(rc);
  }
  size_t n = json_object_array_length(list);
  if (json) {
    json_object *r = json_object_new_object();
    json_object_object_add(r, "date", json_object_new_string(date));
    json_object_object_add(r, "within_working_days", json_object_new_int(within));
    json_object_object_add(r, "count", json_object_new_int((int)n));
    json_object_object_add(r, "expiring", list);
    cli_json_print(r);
  } else {
    for (size_t i = 0; i < n; i++) {
      json_object *x = json_object_array_get_idx(list, i), *hs = hd_json_get(x, "holders");
      put(hd_json_str(x, "certificate"));
      printf("  valid until %s  ", hd_json_str(x, "valid_until"));
      if (hd_json_get(x, "working_days_left"))
        printf("%d working days left  ", json_object_get_int(hd_json_get(x, "working_days_left")));
      for (size_t k = 0; k < json_object_array_length(hs); k++) {
        json_object *h = json_object_array_get_idx(hs, k);
        fputs(k ? ", " : "", stdout);
        put(hd_json_str(h, "name"));
        fputs(" (", stdout);
        put(hd_json_str(h, "uscc"));
        static const char *const C[] = {"contact_name", "contact_phone", "contact_email"};
        for (int j = 0; j < 3; j++)
          if (hd_json_str(h, C[j])) {
            fputs("; ", stdout);
            put(hd_json_str(h, C[j]));
          }
        putchar(')');
      }
      if (hd_json_str(x, "renewal")) {
        fputs("  renewal ", stdout);
        put(hd_json_str(x, "renewal"));
      } else {
        fputs("  no renewal applied for", stdout);
      }
      putchar('\n');
    }
    if (!cli_quiet) printf("%zu certificate%s in force on %s end%s within %d working days\n", n,
                           n == 1 ? "" : "s", date, n == 1 ? "s" : "", within);
    json_object_put(list);
  }
  return flushed();
}
