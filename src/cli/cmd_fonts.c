/* cmd_fonts.c: `hdreg fonts` — what each font role of the manifest resolved to. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "pdf/fonts.h"
#include "util/buf.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg fonts [--fonts DIR] [--font-manifest FILE]\n"
    "\n"
    "Resolve the font manifest (font_manifest of hdreg config, or --font-manifest) with\n"
    "fontconfig, a font in DIR (fonts of hdreg config, or --fonts) first, and print one line per font of each\n"
    "role in fallback order: role, position, the manifest's pattern, the file, the face\n"
    "index in it (a .ttc holds several faces) and its outlines (TrueType: embedded as\n"
    "CIDFontType2; OpenType/CFF: CIDFontType0). A role's own fonts come first, then the\n"
    "body chain it falls back to, marked \"(body)\".\n"
    "\n"
    "Exit: 0, 2 usage, 6 the manifest cannot be read or a font cannot be found or loaded.\n";

int cmd_fonts(int argc, char **argv) {
  static const struct option OPTS[] = {{"fonts", required_argument, NULL, 'f'},
                                       {"font-manifest", required_argument, NULL, 'm'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *fonts_dir = cli_conf(CONF_FONTS);
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'f': fonts_dir = optarg; break;
    case 'm': cli_conf_option(CONF_FONT_MANIFEST, optarg); break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("fonts", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("fonts: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  char *text = NULL;
  int ec = cli_font_manifest(&text);
  if (ec) return ec;
  hd_fontset *fs = NULL;
  int rc = fontset_load(&fs, text, fonts_dir, &err);
  free(text);
  if (rc) {
    cli_error("fonts: %s", err.msg);
    return hd_exit_for(rc);
  }
  static const char *ROLE[HD_ROLES] = {"body", "heading"};
  for (int r = 0; r < HD_ROLES; r++) {
    int own = 1;
    for (int i = 0; i < fs->chain_len[r]; i++) {
      const hd_font *f = fs->fonts[fs->chain[r][i]];
      if (r != HD_ROLE_BODY && i > 0 && fs->chain[r][i] == fs->chain[HD_ROLE_BODY][0]) own = 0;
      printf("%-8s %d  %s%s  %s  face %d  %s\n", ROLE[r], i + 1, font_family(f),
             own ? "" : " (body)", font_path(f), font_index(f),
             font_is_cff(f) ? "OpenType/CFF" : "TrueType");
    }
  }
  fontset_free(fs);
  return HD_EXIT_OK;
}
