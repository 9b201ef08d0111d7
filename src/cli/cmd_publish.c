/* cmd_publish.c: `hdreg publish` — the register's public site (src/publish/). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "publish/publish.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg publish --out DIR [--db FILE] [--date YYYY-MM-DD] [--keys DIR]\n"
    "                     [--checkpoints FILE]\n"
    "\n"
    "Write the register's public site into DIR: static pages in Chinese that any web\n"
    "server or a file:// URL serves, with no server code (docs/operations.md, \"The public\n"
    "site\"):\n"
    "  index.html        the public notices, open ones first, with their periods and how to\n"
    "                    object (6.1.2 d, 6.2.2 c);\n"
    "  lookup.html       certificate lookup by number (lookup.html?n=NUMBER): its standing\n"
    "                    on DATE (current, superseded, cancelled, expired), the 5.2.1 fields\n"
    "                    the register publishes, its history and the SHA-256 of its PDF;\n"
    "  verify.html       a PDF checked in the browser: its SHA-256 (WebCrypto) against the\n"
    "                    register's certificates, notices and cancellation notices;\n"
    "  cancelled.html, superseded.html  the lists;\n"
    "  stats.html        the figures of the twelve months up to DATE as a chart (hdreg\n"
    "                    stats, docs/stats.md);\n"
    "  checkpoints.html  the signed checkpoints and the authority's public keys.\n"
    "Nothing of natural persons is published, nor a field the register's setting\n"
    "publish_withhold names. Files are written atomically and only when they change: the\n"
    "same register on the same date gives the same site, byte for byte.\n"
    "\n"
    "  --out DIR          the site folder (made if missing)\n"
    "  --db FILE          the register (database), opened read-only\n"
    "  --date DATE        the publication date (default today): every standing is as of it\n"
    "  --keys DIR         publish DIR/authority.crt and DIR/authority-qr.pub (keys); never\n"
    "                     a private key\n"
    "  --checkpoints FILE the signed checkpoints to publish (checkpoints; default:\n"
    "                     OUTPUT/checkpoints.txt)\n"
    "\n"
    "Exit: 0 written; 2 usage; 3 a bad publish_withhold; 4 database; 5 DIR not writable.\n";

int cmd_publish(int argc, char **argv) {
  static const struct option OPTS[] = {{"out", required_argument, NULL, 'o'},
                                       {"db", required_argument, NULL, 'd'},
                                       {"date", required_argument, NULL, 't'},
                                       {"keys", required_argument, NULL, 'k'},
                                       {"checkpoints", required_argument, NULL, 'c'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *out = NULL, *date = NULL;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'o': out = optarg; break;
    case 'd': cli_conf_option(CONF_DATABASE, optarg); break;
    case 't': date = optarg; break;
    case 'k': cli_conf_option(CONF_KEYS, optarg); break;
    case 'c': cli_conf_option(CONF_CHECKPOINTS, optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("publish", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("publish: unexpected argument '%s' (see hdreg publish --help)", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (!out) {
    cli_error("publish: where? give --out DIR (see hdreg publish --help)");
    return HD_EXIT_USAGE;
  }
  const char *db_path = cli_conf(CONF_DATABASE);
  if (!db_path) {
    cli_error("publish: which register? give --db FILE or set database in hdreg.conf");
    return HD_EXIT_USAGE;
  }
  char today[11];
  hd_date day;
  if (date && !hd_date_parse(date, &day)) {
    cli_error("publish: --date '%s' is not a valid date YYYY-MM-DD", date);
    return HD_EXIT_USAGE;
  }
  if (!date) {
    hd_date_iso(hd_today(), today);
    date = today;
  }
  char cp[4200];
  const char *checkpoints = cli_conf(CONF_CHECKPOINTS);
  if (!checkpoints && cli_conf(CONF_OUTPUT)) {
    hd_snprintf(cp, sizeof cp, "%s/checkpoints.txt", cli_conf(CONF_OUTPUT));
    checkpoints = cp;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  if (store_open_readonly(db_path, &db, &err)) {
    cli_error("publish: %s", err.msg);
    return hd_exit_for(err.code);
  }
  double t0 = hd_now_ms();
  hd_publish_opts o = {date, out, cli_conf(CONF_KEYS), checkpoints};
  hd_publish_report rep;
  int rc = publish_site(db, &o, &rep, &err);
  store_close(db);
  if (rc) {
    cli_error("publish: %s", err.msg);
    return hd_exit_for(rc);
  }
  if (cli_quiet) return HD_EXIT_OK;
  printf("hdreg publish %s: %d certificates (%d current, %d superseded, %d cancelled, %d expired), "
         "%d notices (%d open), %d documents to verify, %d checkpoints\n",
         date, rep.certificates, rep.current, rep.superseded, rep.cancelled, rep.expired, rep.notices,
         rep.notices_open, rep.documents, rep.checkpoints);
  printf("site in %s: %d files, %.1f KB; %d written, %d unchanged, %d removed; %llu ms\n", out, rep.files,
         (double)rep.bytes / 1024.0, rep.written, rep.files - rep.written, rep.removed,
         (unsigned long long)(hd_now_ms() - t0));
  return HD_EXIT_OK;
}
