/* cmd_demo.c: `hdreg demo-db` — demo and synthetic databases. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "demo/demo.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg demo-db --db FILE [--synthetic N [--seed S]]\n"
    "\n"
    "Create FILE (which must not exist) with the demo data: more than 40 fictitious cases\n"
    "covering every registration type and procedure, passing and failing each compliance\n"
    "point of clause 7. With --synthetic, generate N cases instead, deterministically from\n"
    "the seed (default 1), spread over every type, procedure and state, for benchmarks.\n";

static int parse_num(const char *s, long long lo, long long hi, long long *out) {
  char *end = NULL;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || !end || end == s || *end || v < lo || v > hi) return 0;
  *out = v;
  return 1;
}

int cmd_demo_db(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"synthetic", required_argument, NULL, 'n'},
                                       {"seed", required_argument, NULL, 's'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db = NULL;
  long long n = 0, seed = 1;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db = optarg; break;
    case 'n':
      if (!parse_num(optarg, 1, 10000000, &n)) {
        cli_error("demo-db: --synthetic '%s' must be a whole number from 1 to 10000000", optarg);
        return HD_EXIT_USAGE;
      }
      break;
    case 's':
      if (!parse_num(optarg, 0, 0x7FFFFFFFFFFFFFFFLL, &seed)) {
        cli_error("demo-db: --seed '%s' must be a non-negative whole number", optarg);
        return HD_EXIT_USAGE;
      }
      break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("demo-db", OPTS, argv);
    }
  }
  if (!db || optind < argc) {
    cli_error("demo-db: --db FILE is required (see hdreg demo-db --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  int rc = demo_create(db, (long)n, (unsigned long long)seed, &err);
  if (rc) {
    cli_error("demo-db: %s", err.msg);
    return hd_exit_for(rc);
  }
  if (cli_quiet) return HD_EXIT_OK;
  if (n) printf("created %s with %lld synthetic cases (seed %lld)\n", db, n, seed);
  else printf("created %s with the demo data\n", db);
  return HD_EXIT_OK;
}
