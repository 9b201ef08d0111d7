/* cmd_extract.c: `hdreg extract` — a register extract (登记簿摘录) of one certificate, for
 * its holder to give a bank or an exchange (5.2.2 f). Parses and prints; the extract is
 * the procedure's (procedure/extract.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "pdf/sign.h"
#include "procedure/extract.h"
#include "template/template.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg extract --db FILE --certificate NUMBER --out FILE [--date D] [--keys DIR]\n"
    "                     [--fonts DIR] [--templates DIR]\n"
    "\n"
    "A register extract (登记簿摘录) of one certificate as the register holds it on D\n"
    "(default today): its 5.2.1 fields, its standing on D (in force until ..., superseded\n"
    "by ..., cancelled on ..., expired on ...), the SHA-256 of the certificate document,\n"
    "its history (the registration and the certificates it replaced or that replaced it,\n"
    "licences granted under it, cancellation, expiry) and the register's size and head,\n"
    "laid out with templates/register_extract.xml and written atomically to FILE. With\n"
    "--keys (default: the configuration's keys) it is signed with the authority's key and\n"
    "recorded in the register (documents, kind register_extract, on the chain), so that\n"
    "hdreg verify --db names it; without, it is written unsigned and not recorded. The\n"
    "register is verified first; a changed one is refused.\n"
    "\n"
    "Exit: 0 written, 2 usage, 3 no such certificate, not issued, registered after D, or\n"
    "FILE recorded already, 4 database (also: the register was changed past hdreg),\n"
    "5 output, 6 fonts.\n";

typedef struct extract_args {
  const char *number, *date, *out;
} extract_args;

static int issue(hd_docenv *env, const hd_template *t, const hd_signer *signer,
                 const char *today, const void *ud, char sha[65], int *recorded, hd_err *err) {
  const extract_args *x = ud;
  hd_extract_req req = {x->number, x->date, today, x->out, signer};
  return act_extract(env, t, &req, sha, recorded, err);
}

int cmd_extract(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"certificate", required_argument, NULL, 'C'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"date", required_argument, NULL, 't'},
                                       {"keys", required_argument, NULL, 'k'},
                                       {"fonts", required_argument, NULL, 'f'},
                                       {"templates", required_argument, NULL, 'T'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = cli_conf(CONF_DATABASE), *number = NULL, *out = NULL, *date = NULL,
             *keys = cli_conf(CONF_KEYS), *fonts_dir = cli_conf(CONF_FONTS);
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 'C': number = optarg; break;
    case 'o': out = optarg; break;
    case 't': date = optarg; break;
    case 'k': keys = optarg; break;
    case 'f': fonts_dir = optarg; break;
    case 'T': cli_conf_option(CONF_TEMPLATES, optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default: return cli_bad_option("extract", OPTS, argv);
    }
  }
  if (!db_path || !number || !out || optind < argc) {
    cli_error("extract: --db, --certificate and --out are required (see hdreg extract --help)");
    return HD_EXIT_USAGE;
  }
  char today[11];
  hd_date d;
  if (!date) {
    hd_date_iso(hd_today(), today);
    date = today;
  } else if (!hd_date_parse(date, &d)) {
    cli_error("extract: --date '%s' is not a valid date YYYY-MM-DD", date);
    return HD_EXIT_USAGE;
  }
  if (cli_is_stdio(out)) {
    cli_error("extract: --out must be a file: the register records where each extract is");
    return HD_EXIT_USAGE;
  }
  extract_args x = {number, date, out};
  const cli_issue_req r = {"extract", db_path, keys, fonts_dir, "register_extract", issue, &x};
  char sha[65] = "";
  int recorded = 0, rc = cli_issue(&r, sha, &recorded);
  if (!rc && !cli_quiet)
    printf("register extract of certificate %s as of %s: %s (SHA-256 %s)%s\n", number, date, out,
           sha, recorded ? ", signed and recorded in the register" : ", unsigned, not recorded");
  return rc;
}
