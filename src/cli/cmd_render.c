/* cmd_render.c: `hdreg render` — one document from a template. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/clock.h"
#include "checks/checks.h"
#include "template/expr.h"
#include "cli/cli.h"
#include "layout/certificate.h"
#include "model/certrecord.h"
#include "layout/document.h"
#include "model/calendar.h"
#include "model/caseview.h"
#include "pdf/fonts.h"
#include "store/store.h"
#include "template/template.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/fsutil.h"
#include "procedure/documents.h"

static const char HELP[] =
    "usage: hdreg render --db FILE --template NAME|FILE --case ID|NUMBER --out FILE\n"
    "                    [--as-of DATE] [--checks DIR]... [--fonts DIR] [--templates DIR]\n"
    "       hdreg render --db FILE --template privacy_policy --institution ID --out FILE\n"
    "       hdreg render --db FILE --template public_notice --notice ID|NUMBER --out FILE\n"
    "\n"
    "Render one document from a template (NAME.xml in the templates directory: --templates,\n"
    "else the data folder's templates/, hdreg config; or a template file) with a\n"
    "case's data, written atomically to FILE (--out -: to standard output). The template\n"
    "sees (docs/templates.md):\n"
    "  cert.*       the case's certificate (frozen 5.2.1 fields, code, qr), if it has one\n"
    "  prior_cert.* the certificate a license/transfer/change/cancellation refers to\n"
    "  case         the case as the checks see it\n"
    "  findings, decision   the compliance checks run as of the as-of date\n"
    "  authority, today     the authority's name and the as-of date\n"
    "The as-of date defaults to the certificate's registration date, else the case's\n"
    "latest review, else its application date.\n"
    "With --institution (a privacy_products id) the template sees institution.{name,\n"
    "product, email, phone, address, withdrawal, days, effective, updated} and the list\n"
    "third_parties of {name, purpose, data_items, contact} (Annex A).\n"
    "With --notice the template sees notice.{number, published_date, end_date,\n"
    "working_days}, the list cases of {number, applicant, uscc, resource, type,\n"
    "procedure, rights} and authority.\n"
    "\n"
    "--repeat N renders N times in one process and prints the median time (benchmarks).\n"
    "\n"
    "Exit: 0 written, 2 usage, 3 template or data error (file:line), 4 database,\n"
    "5 output, 6 fonts.\n";

/* A notice by number or id; a privacy product by id. 0 if there is none. */
static long long find_id(sqlite3 *db, const char *sql, const char *arg) {
  sqlite3_stmt *st;
  long long id = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return 0;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return id;
}

int cmd_render(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"template", required_argument, NULL, 't'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"as-of", required_argument, NULL, 'a'},
                                       {"checks", required_argument, NULL, 'k'},
                                       {"fonts", required_argument, NULL, 'f'},
                                       {"templates", required_argument, NULL, 'T'},
                                       {"institution", required_argument, NULL, 'i'},
                                       {"notice", required_argument, NULL, 'n'},
                                       {"repeat", required_argument, NULL, 'r'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = cli_conf(CONF_DATABASE), *tname = NULL, *case_arg = NULL, *out = NULL,
             *fonts_dir = cli_conf(CONF_FONTS);
  const char *as_of_arg = NULL, *inst_arg = NULL, *notice_arg = NULL;
  const char *dirs[16];
  int n_dirs = 1, c, repeat = 1;
  dirs[0] = cli_default_checks_dir();
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 't': tname = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'o': out = optarg; break;
    case 'a': as_of_arg = optarg; break;
    case 'k':
      if (n_dirs < 16) dirs[n_dirs++] = optarg;
      break;
    case 'f': fonts_dir = optarg; break;
    case 'T': cli_conf_option(CONF_TEMPLATES, optarg); break;
    case 'i': inst_arg = optarg; break;
    case 'n': notice_arg = optarg; break;
    case 'r': repeat = atoi(optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("render", OPTS, argv);
    }
  }
  if (n_dirs == 1) n_dirs = cli_conf_checks(dirs, 16);
  hd_date date;
  if (!db_path || !tname || !out || optind < argc ||
      (case_arg != NULL) + (inst_arg != NULL) + (notice_arg != NULL) != 1) {
    cli_error("render: --db, --template, --out and one of --case, --institution or --notice are "
              "required (see hdreg render --help)");
    return HD_EXIT_USAGE;
  }
  if (as_of_arg && !hd_date_parse(as_of_arg, &date)) {
    cli_error("render: --as-of '%s' is not a valid date YYYY-MM-DD", as_of_arg);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_template *t = NULL;
  hd_pack *pack = NULL;
  hd_calendar *cal = NULL;
  char *number = NULL;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char tbuf[4096], *manifest = NULL;
  int rc;
  if ((rc = cli_font_manifest(&manifest))) {
    tmpl_free(t);
    return rc;
  }
  if ((rc = tmpl_load(cli_template_path(tname, tbuf, sizeof tbuf), &t, &err)) ||
      (rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)) ||
      (rc = fontset_load(&fs, manifest, fonts_dir, &err)))
    goto done;
  hd_docenv env = {db, fs, NULL, NULL, repeat, 0, NULL, 0, 0};
  if (inst_arg) {
    long long id = find_id(db, "SELECT id FROM privacy_products WHERE id = CAST(?1 AS INTEGER) "
                               "AND ?1 GLOB '[0-9]*'", inst_arg);
    if (!id) rc = hd_err_set(&err, HD_EDATA, "institution product '%s' does not exist", inst_arg);
    else rc = docs_institution(&env, t, id, &pdf, &len, &err);
  } else if (notice_arg) {
    long long id = find_id(db, "SELECT id FROM notices WHERE number = ?1 OR (id = CAST(?1 AS "
                               "INTEGER) AND ?1 GLOB '[0-9]*')", notice_arg);
    if (!id) rc = hd_err_set(&err, HD_EDATA, "notice '%s' does not exist", notice_arg);
    else rc = docs_notice(&env, t, id, &pdf, &len, &err);
  } else {
    long long id = cli_find_case(db, case_arg, &number);
    hd_pack_opts po = {dirs, n_dirs, 0, 0, 0};
    if (!id) rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", case_arg);
    else if (!(rc = calendar_load(db, &cal, &err)) && !(rc = pack_load(&po, &pack, &err))) {
      env.pack = pack;
      env.cal = cal;
      rc = docs_case(&env, t, id, as_of_arg, NULL, &pdf, &len, &err);
    }
  }
  if (rc == HD_OK && repeat > 1 && !cli_quiet)
    fprintf(stderr, "hdreg: rendered %d times: median %.2f ms, %zu bytes\n", repeat,
            env.median_ms, len);
  if (rc == HD_OK) rc = cli_write_output(out, pdf, len, &err);
done:
  if (rc) cli_error("render: %s", err.msg);
  free(manifest);
  pack_free(pack);
  calendar_free(cal);
  free(number);
  free(pdf);
  tmpl_free(t);
  fontset_free(fs);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
