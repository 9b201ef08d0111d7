/* version.c: `hdreg version` / `hdreg --version` — what decides the bytes of a document:
 * hdreg's version and commit (compiled in by cmake/Commit.cmake), the versions of the
 * libraries linked, as the running process has them (the headers' only where a library
 * has no run-time call: Lua), and the font files the manifest resolves to, with their
 * version strings and SHA-256. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hpdf.h>
#include <json-c/json.h>
#include <libxml/parser.h>
#include <linebreak.h>
#include <lua.h>
#include <openssl/crypto.h>
#include <png.h>
#include <qrencode.h>
#include <sqlite3.h>
#include <zlib.h>

#include "cli/cli.h"
#include "commit.h"
#include "pdf/fonts.h"
#include "util/diag.h"
#include "util/sha256.h"

static const char HELP[] =
    "usage: hdreg version\n"
    "       hdreg --version\n"
    "\n"
    "Print what decides the bytes of a document, one item a line:\n"
    "  hdreg VERSION\n"
    "  commit HASH          the git commit built from (HASH-dirty: with changes not\n"
    "                       committed; unknown: not built from a git checkout)\n"
    "  library NAME VERSION sqlite, lua, libharu, harfbuzz, fontconfig, libunibreak,\n"
    "                       openssl, json-c, libxml2, qrencode, zlib, libpng: as the\n"
    "                       running process has them (lua: its headers; libunibreak:\n"
    "                       its linebreak_version, 2.2 for Debian 12's libunibreak 1.1)\n"
    "  font ROLE N FILE face I sha256 HEX version TEXT\n"
    "                       each font of the manifest (fonts, font_manifest of hdreg\n"
    "                       config) in fallback order, the file's SHA-256 and the face's\n"
    "                       version string (name ID 5)\n"
    "Two hosts whose lines are the same make the same documents from the same register.\n"
    "\n"
    "Exit: 0, 2 usage, 6 the font manifest cannot be read or a font cannot be found (the\n"
    "lines before it are printed).\n";

/* "20914" -> "2.9.14" */
static void dotted(const char *v, char *out, size_t size) {
  long n = strtol(v, NULL, 10);
  snprintf(out, size, "%ld.%ld.%ld", n / 10000, n / 100 % 100, n % 100);
}

int cmd_version(int argc, char **argv) {
  if (argc > 1 && cli_is_help(argv[1])) {
    fputs(HELP, stdout);
    return HD_EXIT_OK;
  }
  if (argc > 1) return cli_unknown_option("version", argv[1]);
  char xml[32];
  dotted(xmlParserVersion, xml, sizeof xml);
  int fc = FcGetVersion();
  printf("hdreg %s\n", HDREG_VERSION);
  printf("commit %s\n", HDREG_COMMIT);
  printf("library sqlite %s\n", sqlite3_libversion());
  printf("library lua %s.%s.%s\n", LUA_VERSION_MAJOR, LUA_VERSION_MINOR, LUA_VERSION_RELEASE);
  printf("library libharu %s\n", HPDF_GetVersion());
  printf("library harfbuzz %s\n", hb_version_string());
  printf("library fontconfig %d.%d.%d\n", fc / 10000, fc / 100 % 100, fc % 100);
  printf("library libunibreak %d.%d\n", linebreak_version >> 8, linebreak_version & 0xff);
  printf("library openssl %s\n", OpenSSL_version(OPENSSL_VERSION_STRING));
  printf("library json-c %s\n", json_c_version());
  printf("library libxml2 %s\n", xml);
  char *qr = QRcode_APIVersionString();
  printf("library qrencode %s\n", qr ? qr : "?");
  printf("library zlib %s\n", zlibVersion());
  printf("library libpng %s\n", png_get_libpng_ver(NULL));
  fflush(stdout);
  char *manifest = NULL;
  int rc = cli_font_manifest(&manifest);
  if (rc) return rc;
  hd_err err;
  hd_err_clear(&err);
  hd_fontset *fs = NULL;
  rc = fontset_load(&fs, manifest, cli_conf(CONF_FONTS), &err);
  free(manifest);
  if (rc) {
    cli_error("version: %s", err.msg);
    return hd_exit_for(rc);
  }
  static const char *const ROLE[HD_ROLES] = {"body", "heading"};
  char sha[HD_FONTS_MAX][65];
  for (int i = 0; i < fs->n; i++)
    if (hd_sha256_file(font_path(fs->fonts[i]), sha[i]))
      snprintf(sha[i], sizeof sha[i], "unreadable");
  for (int r = 0; r < HD_ROLES; r++)
    for (int i = 0; i < fs->chain_len[r]; i++) {
      int k = fs->chain[r][i];
      /* A role's own fonts; the body chain it falls back to is listed under body. */
      if (r != HD_ROLE_BODY && i > 0 && k == fs->chain[HD_ROLE_BODY][0]) break;
      char version[256];
      font_version(fs->fonts[k], version, sizeof version);
      printf("font %s %d %s face %d sha256 %s version %s\n", ROLE[r], i + 1,
             font_path(fs->fonts[k]), font_index(fs->fonts[k]), sha[k],
             *version ? version : "(none)");
    }
  fontset_free(fs);
  return HD_EXIT_OK;
}
