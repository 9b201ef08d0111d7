/* cmd_render.c: `hdreg render` — one document from a template. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "layout/certificate.h"
#include "layout/document.h"
#include "pdf/fonts.h"
#include "store/store.h"
#include "template/template.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/fsutil.h"

static const char HELP[] =
    "usage: hdreg render --db FILE --template NAME|FILE --case ID|NUMBER --out FILE\n"
    "                    [--fonts DIR]\n"
    "\n"
    "Render one document from a template (templates/NAME.xml, or a template file) with a\n"
    "case's data, written atomically to FILE. In this version the data bound is the\n"
    "case's certificate (the frozen 5.2.1 fields as {cert.number}, {cert.holder},\n"
    "{cert.uscc}, {cert.rights}, {cert.limits}, {cert.name}, {cert.source}, {cert.scale},\n"
    "{cert.authority}, {cert.date}, {cert.validity}).\n"
    "\n"
    "Exit: 0 written, 2 usage, 3 template or data error (file:line), 4 database,\n"
    "5 output, 6 fonts.\n";

static const char *const KEYS[HD_CERT_FIELDS] = {
    "cert.number", "cert.holder", "cert.uscc", "cert.rights", "cert.limits", "cert.name",
    "cert.source", "cert.scale", "cert.authority", "cert.date", "cert.validity"};

const char *cli_template_path(const char *name, char *buf, size_t size) {
  struct stat st;
  if (strchr(name, '/') || strstr(name, ".xml")) return name;
  snprintf(buf, size, "templates/%s.xml", name);
  if (stat(buf, &st) == 0) return buf;
  snprintf(buf, size, "%s/templates/%s.xml", HDREG_SOURCE_DIR, name);
  return buf;
}

int cmd_render(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"template", required_argument, NULL, 't'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"fonts", required_argument, NULL, 'f'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = NULL, *tname = NULL, *case_arg = NULL, *out = NULL, *fonts_dir = "fonts";
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 't': tname = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'o': out = optarg; break;
    case 'f': fonts_dir = optarg; break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("render: unknown or incomplete option '%s' (see hdreg render --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (!db_path || !tname || !case_arg || !out || optind < argc) {
    cli_error("render: --db, --template, --case and --out are required (see hdreg render --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_template *t = NULL;
  sqlite3_stmt *st = NULL;
  char *vals[HD_CERT_FIELDS] = {0};
  char *regdate = NULL;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char tbuf[4096];
  int rc;
  if ((rc = tmpl_load(cli_template_path(tname, tbuf, sizeof tbuf), &t, &err)) ||
      (rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)) ||
      (rc = fontset_load(&fs, NULL, fonts_dir, &err)))
    goto done;
  if ((rc = store_prepare(db, "SELECT f.position, f.value, c.registration_date FROM certificates c "
                              "JOIN cases k ON k.id = c.case_id JOIN certificate_fields f ON "
                              "f.certificate_id = c.id WHERE k.number = ?1 OR (k.id = "
                              "CAST(?1 AS INTEGER) AND ?1 GLOB '[0-9]*')", &st, &err)))
    goto done;
  sqlite3_bind_text(st, 1, case_arg, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    int pos = sqlite3_column_int(st, 0);
    if (pos >= 1 && pos <= HD_CERT_FIELDS && !vals[pos - 1]) vals[pos - 1] = store_col_text(st, 1);
    if (!regdate) regdate = store_col_text(st, 2);
  }
  hd_date date;
  if (!regdate || !hd_date_parse(regdate, &date)) {
    rc = hd_err_set(&err, HD_EDATA, "case '%s' has no certificate", case_arg);
    goto done;
  }
  hd_kv kv[HD_CERT_FIELDS];
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
    kv[i].key = KEYS[i];
    kv[i].value = vals[i] ? vals[i] : "";
  }
  hd_doc_opts o = {kv, HD_CERT_FIELDS, date, 0};
  const char *bad = NULL;
  if ((rc = doc_render(t, fs, &o, &pdf, &len, &bad, &err))) {
    if (bad) hd_err_prefix(&err, "case %s: {%s}", case_arg, bad);
    goto done;
  }
  rc = hd_write_atomic(out, pdf, len, &err);
done:
  if (rc) cli_error("render: %s", err.msg);
  sqlite3_finalize(st);
  for (int i = 0; i < HD_CERT_FIELDS; i++) free(vals[i]);
  free(regdate);
  free(pdf);
  tmpl_free(t);
  fontset_free(fs);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
