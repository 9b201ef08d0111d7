/* cmd_calendar.c: `hdreg calendar import` — statutory holiday schedules. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/holidays.h"
#include "store/store.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg calendar import --db FILE YEAR.json...\n"
    "\n"
    "Import statutory holidays and make-up working days (holiday-cn format) into the\n"
    "database, replacing each year's schedule. Every file is validated before anything is\n"
    "written; an empty schedule (not published yet) is refused, so that no notice period\n"
    "is ever computed into a year without data.\n"
    "\n"
    "Exit: 0 all imported, 2 usage, 3 a file is invalid (nothing of it imported), 4 database.\n";

int cmd_calendar(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "--help")) {
    fputs(HELP, stdout);
    return HD_EXIT_OK;
  }
  if (argc < 5 || strcmp(argv[1], "import") != 0 || strcmp(argv[2], "--db") != 0) {
    cli_error("calendar: expected 'hdreg calendar import --db FILE YEAR.json...' (see hdreg calendar --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open(argv[3], HD_STORE_MUST_EXIST, &db, &err), worst = HD_OK;
  if (rc) {
    cli_error("calendar: %s", err.msg);
    return hd_exit_for(rc);
  }
  for (int i = 4; i < argc; i++) {
    int year = 0, days = 0;
    hd_err_clear(&err);
    rc = holidays_import(db, argv[i], &year, &days, &err);
    if (rc) {
      cli_error("calendar: %s", err.msg);
      if (!worst) worst = rc;
    } else {
      printf("imported %d: %d days (holidays and make-up working days) from %s\n", year, days, argv[i]);
    }
  }
  store_close(db);
  return hd_exit_for(worst);
}
