/* cmd_ledger.c: `hdreg ledger verify|show` — the register's hash chain (clause 5.3.2). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ledger/chain.h"
#include "pdf/sign.h"
#include "util/fsutil.h"
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

static const char KEYGEN_HELP[] =
    "usage: hdreg keygen --keys DIR --name AUTHORITY [--years N]\n"
    "\n"
    "Make the authority's signing key DIR/authority.key (RSA-3072, PEM, mode 0600) and a\n"
    "self-signed certificate DIR/authority.crt for AUTHORITY, valid N years (default 10).\n"
    "An existing key is never overwritten. To use a key and certificate from elsewhere, put\n"
    "them there as PEM under these names. Keys belong in a directory of their own, never\n"
    "in the database: hdreg run --keys DIR signs every document with them.\n"
    "\n"
    "Exit: 0 made, 2 usage or a key already there, 5 the directory cannot be written.\n";

int cmd_keygen(int argc, char **argv) {
  static const struct option OPTS[] = {{"keys", required_argument, NULL, 'k'},
                                       {"name", required_argument, NULL, 'n'},
                                       {"years", required_argument, NULL, 'y'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *dir = NULL, *name = NULL;
  int years = 10, c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'k': dir = optarg; break;
    case 'n': name = optarg; break;
    case 'y': years = atoi(optarg); break;
    case 'h': fputs(KEYGEN_HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("keygen: unknown or incomplete option '%s' (see hdreg keygen --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (!dir || !name || !*name || years < 1 || years > 50 || optind < argc) {
    cli_error("keygen: --keys and --name are required, --years from 1 to 50 (see hdreg keygen --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  int rc = hd_mkdirs(dir, &err);
  if (rc == HD_OK) rc = sign_keygen(dir, name, years, &err);
  if (rc) {
    cli_error("keygen: %s", err.msg);
    return hd_exit_for(rc);
  }
  printf("key and certificate for %s in %s/authority.key and %s/authority.crt\n", name, dir, dir);
  return HD_EXIT_OK;
}
