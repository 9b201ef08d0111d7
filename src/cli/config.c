/* config.c: hdreg.conf, the data folder and `hdreg config` (config.h). */
#include "cli/config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/waiting.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/fsutil.h"
#include "util/suggest.h"

#define CONF_MAX_BYTES 65536
#define CONF_MAX_CHECKS 15
#define HD_STR_(x) #x
#define HD_STR(x) HD_STR_(x)

static const char *const NAMES[CONF_N] = {"data_dir",  "database", "output",    "keys",
                                          "checkpoints", "jobs",   "templates", "fonts",
                                          "font_manifest", "checks", "site",
                                          "waiting_days"};

/* Authority-wide parameters that decide what documents say: they live in the register
 * (table settings, on the chain), so that a document can be recomputed from the register
 * alone; a line naming one is refused with that reason. */
static const char *const REGISTER_SETTINGS[] = {"authority_name",      "region_code",
                                                "cert_number_pattern", "cert_validity_years",
                                                "notice_working_days", "register_origin",
                                                "supervising_department", "objection_address",
                                                "objection_phone",     "objection_cutoff"};

typedef struct conf_value {
  char *text;     /* owned */
  char from[300]; /* "FILE:LINE" */
} conf_value;

static struct {
  char file[4096]; /* the file read, "" if none */
  const char *file_why; /* "default", "environment HDREG_CONFIG", "command line" */
  int file_found;
  conf_value v[CONF_N];
  conf_value checks[CONF_MAX_CHECKS];
  int n_checks;
  const char *opt[CONF_N]; /* from the command line */
  const char *opt_checks[CONF_MAX_CHECKS];
  int n_opt_checks;
  char derived[CONF_N][4200]; /* DATA/templates, ... */
} C;

static int is_register_setting(const char *key) {
  for (size_t i = 0; i < sizeof REGISTER_SETTINGS / sizeof *REGISTER_SETTINGS; i++)
    if (!strcmp(key, REGISTER_SETTINGS[i])) return 1;
  return 0;
}

static int key_index(const char *key) {
  for (int i = 0; i < CONF_N; i++)
    if (!strcmp(key, NAMES[i])) return i;
  return -1;
}

static void unknown_key(const char *where, const char *key) {
  hd_suggest s = {NULL, 3};
  for (int i = 0; i < CONF_N; i++) hd_suggest_offer(&s, key, NAMES[i]);
  for (size_t i = 0; i < sizeof REGISTER_SETTINGS / sizeof *REGISTER_SETTINGS; i++)
    hd_suggest_offer(&s, key, REGISTER_SETTINGS[i]);
  if (s.best) cli_error("%s: unknown key '%s' (did you mean '%s'?)", where, key, s.best);
  else cli_error("%s: unknown key '%s' (see hdreg config --help)", where, key);
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = '\0';
  return s;
}

/* One "key = value" line; 0 or HD_EXIT_DATA after saying why. */
static int conf_line(const char *where, char *line) {
  char *eq = strchr(line, '=');
  if (!eq) {
    cli_error("%s: expected 'key = value' (or a # comment)", where);
    return HD_EXIT_DATA;
  }
  *eq = '\0';
  char *key = trim(line), *val = trim(eq + 1);
  if (!*key) {
    cli_error("%s: a key is missing before '='", where);
    return HD_EXIT_DATA;
  }
  int k = key_index(key);
  if (k < 0 && is_register_setting(key)) {
    cli_error("%s: '%s' is a setting of the register (table settings, on the chain; "
              "docs/schema.md), not of this file", where, key);
    return HD_EXIT_DATA;
  }
  if (k < 0) {
    unknown_key(where, key);
    return HD_EXIT_DATA;
  }
  if (!*val) {
    cli_error("%s: %s has no value", where, key);
    return HD_EXIT_DATA;
  }
  for (const unsigned char *p = (const unsigned char *)val; *p; p++)
    if (*p < 0x20 || *p == 0x7f) {
      cli_error("%s: %s: control character 0x%02x in the value", where, key, *p);
      return HD_EXIT_DATA;
    }
  if (k == CONF_JOBS) {
    char *end;
    long n = strtol(val, &end, 10);
    if (*end || end == val || n < 1 || n > 64) {
      cli_error("%s: jobs '%s' must be a number from 1 to 64", where, val);
      return HD_EXIT_DATA;
    }
  } else if (k == CONF_WAITING_DAYS) {
    char *end;
    long n = strtol(val, &end, 10);
    if (*end || end == val || n < 1 || n > 250) {
      cli_error("%s: waiting_days '%s' must be a number of working days from 1 to 250", where, val);
      return HD_EXIT_DATA;
    }
  } else if (val[0] != '/') {
    cli_error("%s: %s '%s' must be an absolute path (what runs does not depend on the "
              "working directory)", where, key, val);
    return HD_EXIT_DATA;
  }
  conf_value *v;
  if (k == CONF_CHECKS) {
    if (C.n_checks == CONF_MAX_CHECKS) {
      cli_error("%s: at most %d checks lines", where, CONF_MAX_CHECKS);
      return HD_EXIT_DATA;
    }
    v = &C.checks[C.n_checks++];
  } else {
    v = &C.v[k];
    if (v->text) {
      cli_error("%s: %s is already set at %s", where, key, v->from);
      return HD_EXIT_DATA;
    }
  }
  v->text = strdup(val);
  if (!v->text) {
    cli_error("out of memory");
    return HD_EXIT_INTERNAL;
  }
  hd_snprintf(v->from, sizeof v->from, "%s", where);
  return 0;
}

static int conf_read(const char *path, int must_exist) {
  hd_err err;
  hd_err_clear(&err);
  char *text = NULL;
  size_t len = 0;
  FILE *probe = fopen(path, "r");
  if (!probe && errno == ENOENT && !must_exist) return 0;
  if (!probe) {
    cli_error("cannot read the configuration file '%s' (%s): %s", path, C.file_why, strerror(errno));
    return HD_EXIT_DATA;
  }
  fclose(probe);
  if (hd_read_file(path, CONF_MAX_BYTES, &text, &len, &err)) {
    cli_error("configuration file: %s", err.msg);
    return HD_EXIT_DATA;
  }
  C.file_found = 1;
  int rc = 0, line = 1;
  if (memchr(text, '\0', len)) {
    cli_error("%s: a NUL byte: not a text file", path);
    rc = HD_EXIT_DATA;
  }
  for (char *p = text; rc == 0 && p < text + len; line++) {
    char *nl = memchr(p, '\n', (size_t)(text + len - p));
    if (nl) *nl = '\0';
    char *s = trim(p);
    if (*s && *s != '#') {
      char where[300];
      hd_snprintf(where, sizeof where, "%s:%d", path, line);
      rc = conf_line(where, s);
    }
    if (!nl) break;
    p = nl + 1;
  }
  free(text);
  return rc;
}

int cli_config_init(int *argc, char **argv) {
  const char *given = NULL;
  int n = *argc, w = 0;
  for (int r = 0; r < n; r++) {
    if (!strcmp(argv[r], "--")) {
      while (r < n) argv[w++] = argv[r++];
      break;
    }
    if (!strcmp(argv[r], "--config")) {
      if (r + 1 == n) {
        cli_error("--config needs a file");
        return HD_EXIT_USAGE;
      }
      given = argv[++r];
      continue;
    }
    if (!strncmp(argv[r], "--config=", 9)) {
      given = argv[r] + 9;
      continue;
    }
    argv[w++] = argv[r];
  }
  argv[w] = NULL;
  *argc = w;
  const char *env = getenv("HDREG_CONFIG");
  if (given) {
    C.file_why = "command line";
  } else if (env && *env) {
    given = env;
    C.file_why = "environment HDREG_CONFIG";
  } else {
    given = cli_builtin_config;
    C.file_why = "default";
  }
  hd_snprintf(C.file, sizeof C.file, "%s", given);
  if (!*given) return 0;
  return conf_read(given, strcmp(C.file_why, "default") != 0);
}

int cli_conf_option(int key, const char *value) {
  if (key == CONF_JOBS) {
    char *end;
    long n = strtol(value, &end, 10);
    if (*end || end == value || n < 1 || n > 64) {
      cli_error("--jobs '%s' must be a number from 1 to 64", value);
      return HD_EXIT_USAGE;
    }
  }
  if (key == CONF_CHECKS) {
    if (C.n_opt_checks == CONF_MAX_CHECKS) {
      cli_error("at most %d --checks directories", CONF_MAX_CHECKS);
      return HD_EXIT_USAGE;
    }
    C.opt_checks[C.n_opt_checks++] = value;
    return 0;
  }
  C.opt[key] = value;
  return 0;
}

/* The data folder from the environment, else the file, else none ("": the built-in
 * paths); *from says which. */
static const char *data_dir(const char **from) {
  const char *env = getenv("HDREG_DATA_DIR");
  if (env && *env) {
    *from = "environment HDREG_DATA_DIR";
    return env;
  }
  if (C.v[CONF_DATA_DIR].text) {
    *from = C.v[CONF_DATA_DIR].from;
    return C.v[CONF_DATA_DIR].text;
  }
  *from = "default";
  return cli_builtin_data_dir;
}

/* The effective value of key and its source; NULL if none. */
static const char *effective(int key, const char **from) {
  static const char *const SUB[CONF_N] = {[CONF_TEMPLATES] = "templates", [CONF_FONTS] = "fonts",
                                          [CONF_FONT_MANIFEST] = "fonts/manifest.txt"};
  if (key == CONF_CHECKS) {
    if (C.n_opt_checks) {
      *from = "command line";
      return C.opt_checks[0];
    }
    *from = C.n_checks ? C.checks[0].from : "default";
    return C.n_checks ? C.checks[0].text : NULL;
  }
  if (C.opt[key]) {
    *from = "command line";
    return C.opt[key];
  }
  if (key == CONF_DATA_DIR) return *data_dir(from) ? data_dir(from) : NULL;
  const char *env = getenv("HDREG_DATA_DIR");
  if (SUB[key] && env && *env) {
    hd_snprintf(C.derived[key], sizeof C.derived[key], "%s/%s", env, SUB[key]);
    *from = "environment HDREG_DATA_DIR";
    return C.derived[key];
  }
  if (C.v[key].text) {
    *from = C.v[key].from;
    return C.v[key].text;
  }
  if (SUB[key] && C.v[CONF_DATA_DIR].text) {
    hd_snprintf(C.derived[key], sizeof C.derived[key], "%s/%s", C.v[CONF_DATA_DIR].text, SUB[key]);
    *from = C.v[CONF_DATA_DIR].from;
    return C.derived[key];
  }
  *from = "default";
  switch (key) {
  case CONF_OUTPUT: return "out";
  case CONF_JOBS: return "1";
  case CONF_WAITING_DAYS: return HD_STR(HD_WAITING_DAYS_DEFAULT);
  case CONF_TEMPLATES: return cli_builtin_templates;
  case CONF_FONTS: return cli_builtin_fonts;
  case CONF_FONT_MANIFEST:
    hd_snprintf(C.derived[key], sizeof C.derived[key], "%s/manifest.txt", cli_builtin_fonts);
    return C.derived[key];
  default: return NULL;
  }
}

const char *cli_conf(int key) {
  const char *from;
  return effective(key, &from);
}

int cli_conf_jobs(void) { return atoi(cli_conf(CONF_JOBS)); }

int cli_conf_waiting_days(void) { return atoi(cli_conf(CONF_WAITING_DAYS)); }

const char *cli_default_checks_dir(void) {
  static char buf[4200];
  const char *from, *d = data_dir(&from);
  if (!*d) return cli_builtin_checks;
  hd_snprintf(buf, sizeof buf, "%s/checks", d);
  return buf;
}

int cli_conf_checks(const char **dirs, int max) {
  int n = 0;
  if (n < max) dirs[n++] = cli_default_checks_dir();
  if (C.n_opt_checks)
    for (int i = 0; i < C.n_opt_checks && n < max; i++) dirs[n++] = C.opt_checks[i];
  else
    for (int i = 0; i < C.n_checks && n < max; i++) dirs[n++] = C.checks[i].text;
  return n;
}

const char *cli_template_path(const char *name, char *buf, size_t size) {
  if (strchr(name, '/') || strstr(name, ".xml")) return name;
  hd_snprintf(buf, size, "%s/%s.xml", cli_conf(CONF_TEMPLATES), name);
  return buf;
}

int cli_font_manifest(char **text) {
  hd_err err;
  hd_err_clear(&err);
  size_t len;
  *text = NULL;
  const char *path = cli_conf(CONF_FONT_MANIFEST);
  if (hd_read_file(path, 65536, text, &len, &err)) {
    cli_error("font manifest: %s", err.msg);
    return HD_EXIT_FONT;
  }
  return 0;
}

static const char HELP[] =
    "usage: hdreg config [KEY] [--db FILE] [--out DIR] [--keys DIR] [--checkpoints FILE]\n"
    "                    [--jobs N] [--templates DIR] [--fonts DIR] [--font-manifest FILE]\n"
    "                    [--checks DIR]...\n"
    "\n"
    "Print every effective value of the configuration, one 'key = value' line each, with\n"
    "where it came from: default, FILE:LINE, environment or command line (the options\n"
    "are those of hdreg run, shown as a command given them would see them). With KEY,\n"
    "print only its value. Then, if the database can be read, the register's settings\n"
    "(table settings: they decide what documents say, and are not read from the file).\n"
    "\n"
    "The configuration file (every command reads it):\n"
    "  --config FILE (any command), else $HDREG_CONFIG, else the default file\n"
    "  (sysconfdir/hdreg/hdreg.conf of the install; the build tree's binary has none).\n"
    "  A missing default file is fine; a file named by --config or HDREG_CONFIG must exist.\n"
    "  Lines 'key = value' and '# comment' lines; paths are absolute. Keys:\n"
    "    database, output, keys, checkpoints, jobs     as --db, --out, --keys, ...\n"
    "    data_dir       the data folder: templates/, checks/ (the shipped pack), fonts/\n"
    "    templates, fonts, font_manifest               one part of it elsewhere\n"
    "    checks         a legal team's check directory after the shipped pack (one a line)\n"
    "    site           the public site the night publishes (hdreg publish)\n"
    "    waiting_days   a case held, in committee review or with an objection waiting\n"
    "                   longer (working days, 1-250; default 10) is marked in the morning\n"
    "                   report and by hdreg case list --waiting\n"
    "The command line wins, then $HDREG_DATA_DIR (the data folder and what is in it),\n"
    "then the file, then the defaults. The working directory is never searched.\n"
    "\n"
    "Exit: 0 printed, 2 usage or unknown KEY, 3 a bad configuration file (FILE:LINE).\n";

static void print_register(const char *db_path) {
  sqlite3 *db = NULL;
  hd_err err;
  hd_err_clear(&err);
  if (!db_path || store_open_readonly(db_path, &db, &err)) {
    if (db_path) printf("# the register's settings: %s\n", err.msg);
    return;
  }
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT key, value FROM settings ORDER BY key", -1, &st, NULL) ==
      SQLITE_OK) {
    printf("# the register's settings (table settings of %s):\n", db_path);
    while (sqlite3_step(st) == SQLITE_ROW)
      printf("#   %s = %s\n", (const char *)sqlite3_column_text(st, 0),
             (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
  }
  store_close(db);
}

int cmd_config(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, CONF_DATABASE},
                                       {"out", required_argument, NULL, CONF_OUTPUT},
                                       {"keys", required_argument, NULL, CONF_KEYS},
                                       {"checkpoints", required_argument, NULL, CONF_CHECKPOINTS},
                                       {"jobs", required_argument, NULL, CONF_JOBS},
                                       {"templates", required_argument, NULL, CONF_TEMPLATES},
                                       {"fonts", required_argument, NULL, CONF_FONTS},
                                       {"font-manifest", required_argument, NULL, CONF_FONT_MANIFEST},
                                       {"checks", required_argument, NULL, CONF_CHECKS},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    if (c == 'h') {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
    if (c < 0 || c >= CONF_N) return cli_bad_option("config", OPTS, argv);
    int rc = cli_conf_option(c, optarg);
    if (rc) return rc;
  }
  if (optind + 1 < argc) {
    cli_error("config: unexpected argument '%s'", argv[optind + 1]);
    return HD_EXIT_USAGE;
  }
  const char *from, *v;
  if (optind < argc) {
    const char *key = argv[optind];
    int k = key_index(key);
    if (k < 0 && strcmp(key, "config")) {
      hd_suggest s = {NULL, 3};
      hd_suggest_offer(&s, key, "config");
      for (int i = 0; i < CONF_N; i++) hd_suggest_offer(&s, key, NAMES[i]);
      if (s.best) cli_error("config: unknown key '%s' (did you mean '%s'?)", key, s.best);
      else cli_error("config: unknown key '%s' (see hdreg config --help)", key);
      return HD_EXIT_USAGE;
    }
    if (k < 0) printf("%s\n", C.file_found ? C.file : "");
    else if (k == CONF_CHECKS) {
      const char *dirs[16];
      int n = cli_conf_checks(dirs, 16);
      for (int i = 1; i < n; i++) printf("%s\n", dirs[i]);
    } else {
      v = effective(k, &from);
      printf("%s\n", v ? v : "");
    }
    return HD_EXIT_OK;
  }
  if (!C.file[0]) printf("# config: no file (the build tree's binary reads one only if told: "
                         "--config FILE or HDREG_CONFIG)\n");
  else if (C.file_found) printf("# config: %s (%s)\n", C.file, C.file_why);
  else printf("# config: %s does not exist (%s): the defaults\n", C.file, C.file_why);
  for (int k = 0; k < CONF_N; k++) {
    if (k == CONF_CHECKS) {
      printf("# the shipped check pack: %s\n", cli_default_checks_dir());
      const char *dirs[16];
      int n = cli_conf_checks(dirs, 16);
      for (int i = 1; i < n; i++)
        printf("%-13s = %s  # %s\n", NAMES[k], dirs[i],
               C.n_opt_checks ? "command line" : C.checks[i - 1].from);
      if (n == 1) printf("# %-11s   not set: the shipped pack only\n", NAMES[k]);
      continue;
    }
    v = effective(k, &from);
    if (v) printf("%-13s = %s  # %s\n", NAMES[k], v, from);
    else if (k == CONF_DATA_DIR)
      printf("# %-11s   not set: the source tree's templates, checks and fonts\n", NAMES[k]);
    else if (k == CONF_CHECKPOINTS)
      printf("# %-11s   not set: OUTPUT/checkpoints.txt with keys\n", NAMES[k]);
    else if (k == CONF_SITE)
      printf("# %-11s   not set: the night publishes no site (hdreg publish)\n", NAMES[k]);
    else printf("# %-11s   not set\n", NAMES[k]);
  }
  print_register(cli_conf(CONF_DATABASE));
  return HD_EXIT_OK;
}
