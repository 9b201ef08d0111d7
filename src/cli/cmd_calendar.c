/* cmd_calendar.c: `hdreg calendar import` — statutory holiday schedules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/holidays.h"
#include "store/store.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg calendar import --db FILE YEAR.json|-...\n"
    "\n"
    "Import statutory holidays and make-up working days (holiday-cn format) into the\n"
    "database, replacing each year's schedule. Every file is validated before anything is\n"
    "written; an empty schedule (not published yet) is refused, so that no notice period\n"
    "is ever computed into a year without data. - is standard input.\n"
    "\n"
    "Exit: 0 all imported, 2 usage, 3 a file is invalid (nothing of it imported), 4 database.\n";

int cmd_calendar(int argc, char **argv) {
  const char *db_path = NULL;
  int first = 0, n_files = 0;
  for (int i = 1; i < argc; i++)
    if (cli_is_help(argv[i])) {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
  if (argc < 2 || strcmp(argv[1], "import") != 0) {
    cli_error("calendar: expected 'hdreg calendar import --db FILE YEAR.json...' (see hdreg calendar --help)");
    return HD_EXIT_USAGE;
  }
  /* The files stay where they are in argv; options are moved out of their way. */
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5)) {
      if (!argv[i][4] && i + 1 == argc) {
        cli_error("calendar import: option '--db' needs a value (see hdreg calendar --help)");
        return HD_EXIT_USAGE;
      }
      db_path = argv[i][4] ? argv[i] + 5 : argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return cli_unknown_option("calendar import", argv[i]);
    } else {
      if (!first) first = i;
      argv[first + n_files++] = argv[i];
    }
  }
  if (!db_path) db_path = cli_conf(CONF_DATABASE);
  if (!db_path || !n_files) {
    cli_error("calendar: expected 'hdreg calendar import --db FILE YEAR.json...' (see hdreg calendar --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err), worst = HD_OK;
  if (rc) {
    cli_error("calendar: %s", err.msg);
    return hd_exit_for(rc);
  }
  for (int i = first; i < first + n_files; i++) {
    int year = 0, days = 0;
    hd_err_clear(&err);
    if (cli_is_stdio(argv[i])) {
      char *text = NULL;
      size_t len = 0;
      rc = cli_read_input(argv[i], 1 << 20, &text, &len, &err);
      if (rc == HD_OK) rc = holidays_import_text(db, "<stdin>", text, len, &year, &days, &err);
      free(text);
    } else {
      rc = holidays_import(db, argv[i], &year, &days, &err);
    }
    if (rc) {
      cli_error("calendar: %s", err.msg);
      if (!worst) worst = rc;
    } else if (!cli_quiet) {
      printf("imported %d: %d days (holidays and make-up working days) from %s\n", year, days,
             cli_is_stdio(argv[i]) ? "<stdin>" : argv[i]);
    }
  }
  store_close(db);
  return hd_exit_for(worst);
}
