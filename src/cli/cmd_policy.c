/* cmd_policy.c: `hdreg policy` — an institution's Annex A privacy policy from its own file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/institution.h"
#include "pdf/fonts.h"
#include "procedure/documents.h"
#include "template/template.h"
#include "util/diag.h"
#include "util/buf.h"
#include "util/decode.h"
#include "util/fsutil.h"
#include "store/store.h"
#include <unistd.h>

static const char HELP[] =
    "usage: hdreg policy --from FILE.xml|- --out FILE.pdf|- [--format html] [--fonts DIR]\n"
    "                    [--templates DIR] [--encoding UTF-8|GBK|GB18030]\n"
    "       hdreg policy --db FILE --institution ID --out FILE.pdf [--format html]\n"
    "\n"
    "The guideline's Annex A privacy policy for an institution's product, filled in from\n"
    "the institution's own description (docs/examples/institution.xml; schema\n"
    "templates/institution.rng): unit name, product name, contact e-mail, phone and\n"
    "address, the path to withdraw consent, the response time in working days, effective\n"
    "and update dates, the institution's kind (hospital, company, platform, unit: its\n"
    "self-reference, menu path and login account, which the file may give itself) and the\n"
    "third-party sharing list. The file is UTF-8, or GBK or GB18030 as its declaration\n"
    "(or --encoding) says. Every problem of the file is printed in Chinese with its\n"
    "file:line and nothing is written; never an empty placeholder in the output. With\n"
    "--db and --institution, the product is the register's (table privacy_products, its\n"
    "third parties; the kind is the subject's).\n"
    "\n"
    "  --format html  also write the same text as an accessible HTML page for the\n"
    "                 institution's website, beside the PDF: FILE.pdf -> FILE.html\n"
    "                 (UTF-8, lang zh-CN, headings h1-h3, the sharing list as a table\n"
    "                 with header cells; no page furniture)\n"
    "  --from -       the institution's file from standard input (named <stdin>)\n"
    "  --out -        the PDF to standard output (not with --format html)\n"
    "\n"
    "Exit: 0 written, 2 usage, 3 the file is incomplete or invalid (file:line), 4 database,\n"
    "5 output, 6 fonts.\n";

/* FILE.pdf -> FILE.html (or FILE + .html). */
static void html_path(const char *out, char *buf, size_t size) {
  size_t n = strlen(out);
  if (n > 4 && !strcmp(out + n - 4, ".pdf")) n -= 4;
  hd_snprintf(buf, size, "%.*s.html", (int)n, out);
}

int cmd_policy(int argc, char **argv) {
  static const struct option OPTS[] = {{"from", required_argument, NULL, 'f'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"db", required_argument, NULL, 'd'},
                                       {"institution", required_argument, NULL, 'i'},
                                       {"format", required_argument, NULL, 'm'},
                                       {"fonts", required_argument, NULL, 'F'},
                                       {"templates", required_argument, NULL, 'T'},
                                       {"encoding", required_argument, NULL, 'e'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *from = NULL, *out = NULL, *fonts_dir = cli_conf(CONF_FONTS), *dbpath = NULL, *inst = NULL,
             *encoding = NULL;
  int c, html = 0;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'f': from = optarg; break;
    case 'o': out = optarg; break;
    case 'd': dbpath = optarg; break;
    case 'i': inst = optarg; break;
    case 'm':
      if (!strcmp(optarg, "html")) html = 1;
      else if (strcmp(optarg, "pdf")) {
        cli_error("policy: --format is pdf or html, not '%s'", optarg);
        return HD_EXIT_USAGE;
      }
      break;
    case 'F': fonts_dir = optarg; break;
    case 'e':
      if (!(encoding = dec_canonical(optarg))) {
        cli_error("policy: --encoding is UTF-8, GBK or GB18030, not '%s'", optarg);
        return HD_EXIT_USAGE;
      }
      break;
    case 'T': cli_conf_option(CONF_TEMPLATES, optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("policy", OPTS, argv);
    }
  }
  if (inst && !dbpath) dbpath = cli_conf(CONF_DATABASE);
  if (!out || optind < argc || (from ? (dbpath || inst) : !(dbpath && inst))) {
    cli_error("policy: --out and either --from or --db with --institution are required (see "
              "hdreg policy --help)");
    return HD_EXIT_USAGE;
  }
  if (html && cli_is_stdio(out)) {
    cli_error("policy: --format html writes FILE.html beside FILE.pdf: give --out a file, not -");
    return HD_EXIT_USAGE;
  }
  if (inst && (!*inst || strspn(inst, "0123456789") != strlen(inst) || strlen(inst) > 15)) {
    cli_error("policy: --institution takes the number of a product (table privacy_products), "
              "not '%s'", inst);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  hd_institution in;
  int have_in = 0;
  hd_template *t = NULL;
  hd_fontset *fs = NULL;
  sqlite3 *db = NULL;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char tbuf[4096], hpath[4200], *manifest = NULL, *problems = NULL;
  if ((c = cli_font_manifest(&manifest))) return c;
  hd_docenv env = {NULL, NULL, NULL, NULL, 1, 0, NULL, 0, html};
  char spool[4200] = "";
  int rc = HD_OK;
  if (cli_is_stdio(from)) rc = cli_stdin_to_file(spool, sizeof spool, &err);
  if (rc == HD_OK)
    rc = from ? institution_load_named(spool[0] ? spool : from, spool[0] ? "<stdin>" : from,
                                       encoding, &in, &problems, &err)
              : store_open(dbpath, HD_STORE_MUST_EXIST, &db, &err);
  if (spool[0]) unlink(spool);
  /* Every problem of the file, one line each, then the summary. */
  for (char *p = problems, *nl; p && *p; p = nl + 1) {
    if (!(nl = strchr(p, '\n'))) break;
    cli_error("policy: %.*s", (int)(nl - p), p);
  }
  free(problems);
  have_in = from && rc == HD_OK;
  if (rc == HD_OK &&
      !(rc = tmpl_load(cli_template_path("privacy_policy", tbuf, sizeof tbuf), &t, &err)) &&
      !(rc = fontset_load(&fs, manifest, fonts_dir, &err))) {
    env.db = db;
    env.fs = fs;
    rc = from ? docs_institution_file(&env, t, &in, &pdf, &len, &err)
              : docs_institution(&env, t, atoll(inst), &pdf, &len, &err);
    html_path(out, hpath, sizeof hpath);
    if (rc == HD_OK && html) rc = hd_write_atomic(hpath, env.html, env.html_len, &err);
    if (rc == HD_OK) {
      rc = cli_write_output(out, pdf, len, &err);
      if (rc && html) unlink(hpath); /* both or neither */
    }
  }
  if (have_in) institution_release(&in);
  if (rc) cli_error("policy: %s", err.msg);
  free(manifest);
  free(pdf);
  free(env.html);
  tmpl_free(t);
  fontset_free(fs);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
