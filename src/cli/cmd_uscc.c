/* cmd_uscc.c: `hdreg uscc` — check unified social credit codes. */
#include <stdio.h>
#include <string.h>

#include "checks/uscc.h"
#include "cli/cli.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg uscc CODE...\n"
    "\n"
    "Validate unified social credit codes (GB 32100-2015, with the inner GB 11714\n"
    "organisation-code check). Prints one line per code: 'CODE: valid' or 'CODE: invalid:\n"
    "reason'. Full-width characters and lower-case letters are reported, not accepted.\n"
    "Exit: 0 all valid, 3 some invalid, 2 usage.\n";

int cmd_uscc(int argc, char **argv) {
  if (argc < 2) {
    cli_error("uscc: give at least one code (see hdreg uscc --help)");
    return HD_EXIT_USAGE;
  }
  for (int i = 1; i < argc; i++) {
    if (cli_is_help(argv[i])) {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
    /* A code never starts with '-': an option this command does not have. */
    if (argv[i][0] == '-') return cli_unknown_option("uscc", argv[i]);
  }
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    hd_uscc_report r;
    if (hd_uscc_validate(argv[i], 0, &r) == HD_USCC_OK) {
      printf("%s: valid%s\n", argv[i],
             r.unknown_type ? " (warning: unknown registration authority/category in positions 1-2)" : "");
    } else {
      printf("%s: invalid: %s\n", argv[i], r.message);
      bad = 1;
    }
  }
  return bad ? HD_EXIT_DATA : HD_EXIT_OK;
}
