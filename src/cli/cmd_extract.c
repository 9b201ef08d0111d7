/* cmd_extract.c: `hdreg extract` — a register extract (登记簿摘录) of one certificate, for
 * its holder to give a bank or an exchange (5.2.2 f). Parses and prints; the extract is
 * the procedure's (procedure/extract.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "pdf/fonts.h"
#include "pdf/sign.h"
#include "procedure/extract.h"
#include "store/store.h"
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
  hd_err err;
  hd_err_clear(&err);
  hd_signer *signer = NULL;
  if (keys && signer_load(keys, &signer, &err)) {
    cli_error("extract: --keys: %s", err.msg);
    return HD_EXIT_USAGE;
  }
  int lock = cli_lock_db(db_path, HD_STORE_MUST_EXIST);
  if (lock < 0) {
    signer_free(signer);
    return -lock;
  }
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_template *t = NULL;
  char tbuf[4096], *manifest = NULL, sha[65] = "";
  int recorded = 0, mrc = cli_font_manifest(&manifest), rc = HD_OK;
  if (mrc) {
    signer_free(signer);
    close(lock);
    return mrc;
  }
  if (!(rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)) &&
      !(rc = cli_audit(db, "extract", NULL, NULL, &err)) &&
      !(rc = tmpl_load(cli_template_path("register_extract", tbuf, sizeof tbuf), &t, &err)) &&
      !(rc = fontset_load(&fs, manifest, fonts_dir, &err))) {
    hd_docenv env = {db, fs, NULL, NULL, 1, 0, NULL, 0, 0};
    char now[11];
    hd_date_iso(hd_today(), now);
    hd_extract_req req = {number, date, now, out, signer};
    rc = act_extract(&env, t, &req, sha, &recorded, &err);
  }
  if (rc) cli_error("extract: %s", err.msg);
  else if (!cli_quiet)
    printf("register extract of certificate %s as of %s: %s (SHA-256 %s)%s\n", number, date, out,
           sha, recorded ? ", signed and recorded in the register" : ", unsigned, not recorded");
  free(manifest);
  tmpl_free(t);
  fontset_free(fs);
  store_close(db);
  signer_free(signer);
  close(lock);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
