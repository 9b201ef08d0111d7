/* cmd_ledger.c: `hdreg ledger verify|show` — the register's hash chain (clause 5.3.2). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ledger/chain.h"
#include "store/store.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg ledger verify --db FILE\n"
    "       hdreg ledger show --db FILE [--case ID|NUMBER]\n"
    "\n"
    "Every event of a case and every document hdreg issues is an entry of the ledger,\n"
    "chained by SHA-256: each entry's hash covers the previous entry's hash and the event's\n"
    "or document's row (with the SHA-256 of the document's bytes).\n"
    "  verify  walks the chain: every link, every hash, every entry against the row it\n"
    "          records, and every event and document against the chain; prints the entry\n"
    "          count and the head hash, or names the first entry that was edited, deleted,\n"
    "          inserted or reordered\n"
    "  show    lists the entries (of one case), oldest first\n"
    "\n"
    "Exit: 0 intact, 3 the chain is broken (the message says where), 2 usage, 4 database.\n";

int cmd_ledger(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    fputs(HELP, stdout);
    return HD_EXIT_OK;
  }
  if (argc < 2 || (strcmp(argv[1], "verify") != 0 && strcmp(argv[1], "show") != 0)) {
    cli_error("ledger: verify or show? (see hdreg ledger --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1], *db_path = NULL, *case_arg = NULL;
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("ledger: unknown or incomplete option '%s' (see hdreg ledger --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (!db_path || optind < argc) {
    cli_error("ledger %s: --db is required (see hdreg ledger --help)", action);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err);
  if (rc == HD_OK && !strcmp(action, "verify")) {
    hd_chain_report rep;
    rc = chain_verify(db, &rep, &err);
    if (rc == HD_OK) printf("ledger intact: %lld entries, head %s\n", rep.entries, rep.head[0] ? rep.head : "(empty)");
  } else if (rc == HD_OK) {
    long long id = 0;
    char *number = NULL;
    if (case_arg && !(id = cli_find_case(db, case_arg, &number)))
      rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", case_arg);
    if (rc == HD_OK) rc = chain_show(db, id, stdout, &err);
    free(number);
  }
  if (rc) cli_error("ledger %s: %s", action, err.msg);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
