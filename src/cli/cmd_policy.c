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
#include "util/fsutil.h"

static const char HELP[] =
    "usage: hdreg policy --from FILE.xml --out FILE.pdf [--fonts DIR]\n"
    "\n"
    "The guideline's Annex A privacy policy for an institution's product, filled in from\n"
    "the institution's own description (docs/examples/institution.xml; schema\n"
    "templates/institution.rng): unit name, product name, contact e-mail, phone and\n"
    "address, the path to withdraw consent, the response time in working days, effective\n"
    "and update dates, and the third-party sharing list. Every value is required: a\n"
    "missing or empty one is an error naming it with its file:line, never an empty\n"
    "placeholder in the output. (From the database: hdreg render --template\n"
    "privacy_policy --institution ID.)\n"
    "\n"
    "Exit: 0 written, 2 usage, 3 the file is incomplete or invalid (file:line), 5 output,\n"
    "6 fonts.\n";

int cmd_policy(int argc, char **argv) {
  static const struct option OPTS[] = {{"from", required_argument, NULL, 'f'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"fonts", required_argument, NULL, 'F'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *from = NULL, *out = NULL, *fonts_dir = "fonts";
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'f': from = optarg; break;
    case 'o': out = optarg; break;
    case 'F': fonts_dir = optarg; break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("policy: unknown or incomplete option '%s' (see hdreg policy --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (!from || !out || optind < argc) {
    cli_error("policy: --from and --out are required (see hdreg policy --help)");
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  hd_institution in;
  hd_template *t = NULL;
  hd_fontset *fs = NULL;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char tbuf[4096];
  int rc = institution_load(from, &in, &err);
  if (rc == HD_OK) {
    if (!(rc = tmpl_load(cli_template_path("privacy_policy", tbuf, sizeof tbuf), &t, &err)) &&
        !(rc = fontset_load(&fs, NULL, fonts_dir, &err))) {
      hd_docenv env = {NULL, fs, NULL, NULL, 1, 0};
      rc = docs_institution_file(&env, t, &in, &pdf, &len, &err);
      if (rc == HD_OK) rc = hd_write_atomic(out, pdf, len, &err);
    }
    institution_release(&in);
  }
  if (rc) cli_error("policy: %s", err.msg);
  free(pdf);
  tmpl_free(t);
  fontset_free(fs);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
