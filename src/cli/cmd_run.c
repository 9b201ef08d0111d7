/* cmd_run.c: `hdreg run` — the nightly job. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "pdf/fonts.h"
#include "procedure/run.h"
#include "store/store.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/fsutil.h"

static const char HELP[] =
    "usage: hdreg run --db FILE --date YYYY-MM-DD [--out DIR] [--fonts DIR]\n"
    "\n"
    "Issue every certificate due on DATE: cases whose public notice ended before DATE\n"
    "with no open objection, and approved cases decided on or before DATE. Each\n"
    "certificate gets a new number, is written to DIR/certificates/NUMBER.pdf (complete\n"
    "or not at all) and recorded with its SHA-256. Running the same date again verifies\n"
    "the certificates issued that day and restores missing files; nothing is issued twice.\n"
    "\n"
    "  --db FILE       the registration database\n"
    "  --date DATE     the run date; every decision uses it, never the clock\n"
    "  --out DIR       output directory (default: out)\n"
    "  --fonts DIR     extra fonts that win over system fonts (default: fonts)\n"
    "  --font-manifest FILE  font roles and fallback order (default: the built-in\n"
    "                  copy of fonts/manifest.txt)\n"
    "\n"
    "Exit: 0 all done, 1 some cases failed (listed on stderr), 2 usage, 4 database,\n"
    "5 output directory, 6 fonts, 70 internal error.\n";

int cmd_run(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"date", required_argument, NULL, 't'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"fonts", required_argument, NULL, 'f'},
                                       {"font-manifest", required_argument, NULL, 'm'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = NULL, *date = NULL, *out = "out", *fonts_dir = "fonts";
  const char *manifest_path = NULL;
  char *manifest = NULL;
  size_t manifest_len = 0;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 't': date = optarg; break;
    case 'o': out = optarg; break;
    case 'f': fonts_dir = optarg; break;
    case 'm': manifest_path = optarg; break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("run: unknown or incomplete option '%s' (see hdreg run --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    cli_error("run: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (!db_path || !date) {
    cli_error("run: --db and --date are required (see hdreg run --help)");
    return HD_EXIT_USAGE;
  }
  hd_date run_date;
  if (!hd_date_parse(date, &run_date)) {
    cli_error("run: --date '%s' is not a valid date YYYY-MM-DD", date);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_run_report rep;
  memset(&rep, 0, sizeof rep);
  int rc = HD_OK;
  hd_run_opts o = {date, out};
  if (manifest_path &&
      hd_read_file(manifest_path, 65536, &manifest, &manifest_len, &err) != HD_OK) {
    cli_error("run: --font-manifest: %s", err.msg);
    return HD_EXIT_USAGE;
  }
  if ((rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)) ||
      (rc = fontset_load(&fs, manifest, fonts_dir, &err)) ||
      (rc = run_certificates(db, fs, &o, &rep, &err))) {
    cli_error("%s", err.msg);
  }
  for (int i = 0; i < rep.n_problems; i++) {
    if (rep.problems[i].case_number)
      cli_error("case %s: %s", rep.problems[i].case_number, rep.problems[i].message);
    else
      cli_error("%s", rep.problems[i].message);
  }
  if (rc == HD_OK) {
    int done = rep.issued + rep.restored;
    printf("hdreg run %s: %d certificate%s issued, %d verified, %d restored, %d held by "
           "objection, %d failed\n", date, rep.issued, rep.issued == 1 ? "" : "s", rep.verified,
           rep.restored, rep.held, rep.failed);
    if (done)
      printf("certificates in %s/certificates (%.1f ms and %.1f KB per certificate)\n", out,
             rep.render_ms / done, rep.bytes / 1024.0 / (rep.issued ? rep.issued : 1));
  }
  run_report_release(&rep);
  fontset_free(fs);
  free(manifest);
  store_close(db);
  if (rc != HD_OK) return hd_exit_for(rc);
  return rep.failed ? HD_EXIT_PARTIAL : HD_EXIT_OK;
}
