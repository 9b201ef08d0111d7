/* main.c: the hdreg command — dispatches to the subcommands in cmd_*.c. */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/file.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ledger/register.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/fsutil.h"
#include <json-c/json.h>

static const char USAGE[] =
    "usage: hdreg <command> [options]\n"
    "\n"
    "Health-data property-right registration batch engine.\n"
    "\n"
    "commands:\n"
    "  run       the nightly job: review, public notice, certificates, cancellations\n"
    "  publish   the register's public site: notices, certificate lookup, verification\n"
    "  stats     the figures of a period: cases, decisions, processing time, certificates\n"
    "            in force (for the data department)\n"
    "  extract   a register extract (登记簿摘录) of a certificate: its entry and history on\n"
    "            a date, signed, for its holder to give a bank or an exchange\n"
    "  supervise registration supervision (5.3.1): suspected violations, measures, reports\n"
    "            to the regulator, and the signed supervision report of a period\n"
    "  case      between nights: committee decisions, objections, supplements, on-site\n"
    "            verification, applications for change or cancellation, history\n"
    "  waiver    add, list or revoke a waiver of a check for a case (never a ban)\n"
    "  demo-db   create the demo database, or a synthetic one for benchmarks\n"
    "  check     run the compliance checks on one case (or --all)\n"
    "  checks    checks test: run the fixture tests of the check pack\n"
    "  render    render one document from a template\n"
    "  import    cases from a legacy system's XML or CSV file (GBK, GB18030, UTF-8)\n"
    "  export    the register's cases as XML or CSV\n"
    "  policy    an institution's Annex A privacy policy from its own XML file\n"
    "  fonts     the font of each role and the file it resolved to\n"
    "  ledger    verify or show the register's hash chain (clause 5.3.2)\n"
    "  keygen    make the authority's signing key and certificate\n"
    "  verify    say whether a document is authentic, current, superseded, cancelled\n"
    "            or altered\n"
    "  calendar  calendar import: load a statutory holiday schedule (holiday-cn JSON)\n"
    "  uscc      validate unified social credit codes (GB 32100)\n"
    "  config    print the configuration in effect and where each value comes from\n"
    "  version   the version, the commit and the libraries and fonts that decide a\n"
    "            document's bytes (also: hdreg --version)\n"
    "  help      show this text, or a command's help: hdreg help run\n"
    "\n"
    "Each command takes -h or --help (its usage on stdout), --quiet (no informational\n"
    "lines: what was written, counts, timings, progress; results and errors still come)\n"
    "and --config FILE (the configuration file, else $HDREG_CONFIG, else the default;\n"
    "see hdreg config --help). Where a command reads or writes a file, - is standard\n"
    "input or output. An unknown option exits 2. Exit codes: 0 ok, 1 some\n"
    "cases failed, 2 usage, 3 invalid input or configuration, 4 database (do not retry),\n"
    "5 output directory, 6 fonts, 7 cases wait for a human, 70 internal error, 75 busy:\n"
    "another run or import holds the lock (try again later) (see hdreg(1)).\n";

static char last_error[HD_ERR_MAX];

void cli_error(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  vsnprintf(last_error, sizeof last_error, fmt, ap2);
  va_end(ap2);
  fputs("hdreg: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

const char *cli_last_error(void) { return last_error; }

int cli_lock_db(const char *db_path, int mode) {
  char lock_path[4200];
  hd_err err;
  hd_err_clear(&err);
  /* Checked before the lock is made, not undone after: a lock file may never be removed,
   * since another process may already hold it or have it open. */
  if (mode != HD_STORE_CREATE && store_check_file(db_path, &err)) {
    cli_error("%s", err.msg);
    return -HD_EXIT_DB;
  }
  /* The lock belongs to the file, not to the name it is given by: a symbolic link or
   * another path to the same register takes the same lock (realpath; a register that does
   * not exist yet is locked by its name, as it is made under it). */
  char real[PATH_MAX];
  const char *locked = realpath(db_path, real) ? real : db_path;
  snprintf(lock_path, sizeof lock_path, "%s.lock", locked);
  int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    cli_error("cannot open lock file '%s': %s", lock_path, strerror(errno));
    return -HD_EXIT_DB;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    cli_error("another hdreg run or import is working on '%s' (lock '%s'); try again when it "
              "has finished", db_path, lock_path);
    close(fd);
    return -HD_EXIT_BUSY;
  }
  return fd;
}

void cli_lines(FILE *f, const char *prefix, const char *text, int more) {
  for (const char *p = text, *nl; p && (nl = strchr(p, '\n')); p = nl + 1)
    fprintf(f, "%s%.*s\n", prefix, (int)(nl - p), p);
  if (more > 0) fprintf(f, "%sand %d more\n", prefix, more);
}

int cli_audit_failed(const char *cmd, const hd_audit *a, hd_err *err) {
  char prefix[64];
  hd_snprintf(prefix, sizeof prefix, "hdreg: %s: ", cmd);
  cli_lines(stderr, prefix, a->chain.list.p, a->chain.problems - HD_CHAIN_LIST_MAX);
  if (!a->chain.list.len) cli_error("%s: %s", cmd, err->msg);
  hd_err_clear(err);
  return hd_err_set(err, HD_EDB, "%s: the register is not as hdreg left it (above; hdreg ledger "
                    "verify says the same): nothing was done. Restore the database from a backup, "
                    "or have the change explained (hdreg ledger adopt)", cmd);
}

int cli_audit(sqlite3 *db, const char *cmd, const char *checkpoints, const char *keys_dir,
              hd_err *err) {
  hd_audit a;
  int rc = register_audit(db, checkpoints, 1, keys_dir, 1, NULL, &a, err);
  if (rc == HD_EDATA) rc = cli_audit_failed(cmd, &a, err);
  register_audit_free(&a);
  return rc;
}

int cli_quiet;

int cli_is_help(const char *arg) { return !strcmp(arg, "-h") || !strcmp(arg, "--help"); }

int cli_is_stdio(const char *path) { return path && !strcmp(path, "-"); }

int cli_read_input(const char *path, size_t max, char **out, size_t *len, hd_err *err) {
  if (!cli_is_stdio(path)) return hd_read_file(path, max, out, len, err);
  hd_buf b;
  hd_buf_init(&b, max);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
    if (hd_buf_add(&b, chunk, n) != HD_OK) {
      hd_buf_release(&b);
      return hd_err_set(err, HD_EDATA, "standard input is larger than %zu bytes", max);
    }
  if (ferror(stdin)) {
    hd_buf_release(&b);
    return hd_err_set(err, HD_EIO, "cannot read standard input: %s", strerror(errno));
  }
  *len = b.len;
  *out = b.p ? hd_buf_steal(&b) : calloc(1, 1);
  return *out ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
}

int cli_write_output(const char *path, const void *data, size_t len, hd_err *err) {
  if (!cli_is_stdio(path)) return hd_write_atomic(path, data, len, err);
  if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
    return hd_err_set(err, HD_EIO, "cannot write standard output: %s", strerror(errno));
  return HD_OK;
}

int cli_stdin_to_file(char *path, size_t size, hd_err *err) {
  const char *dir = getenv("TMPDIR");
  if (hd_snprintf(path, size, "%s/hdreg-stdin.XXXXXX", dir && *dir ? dir : "/tmp") < 0)
    return hd_err_set(err, HD_EIO, "temporary file name too long");
  int fd = mkstemp(path);
  if (fd < 0) return hd_err_set(err, HD_EIO, "cannot make a temporary file for standard input "
                                "in '%s': %s", dir && *dir ? dir : "/tmp", strerror(errno));
  char chunk[65536];
  ssize_t n;
  int rc = HD_OK;
  while (rc == HD_OK && (n = read(STDIN_FILENO, chunk, sizeof chunk)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) rc = hd_err_set(err, HD_EIO, "cannot read standard input: %s", strerror(errno));
    else if (write(fd, chunk, (size_t)n) != n)
      rc = hd_err_set(err, HD_EIO, "cannot write '%s': %s", path, strerror(errno));
  }
  if (close(fd) != 0 && rc == HD_OK)
    rc = hd_err_set(err, HD_EIO, "cannot write '%s': %s", path, strerror(errno));
  if (rc) unlink(path);
  return rc;
}

/* "CMD" of "CMD ACTION": the command whose --help to see. */
static void help_of(const char *cmd, char *out, size_t size) {
  hd_snprintf(out, size, "%.*s", (int)strcspn(cmd, " "), cmd);
}

int cli_unknown_option(const char *cmd, const char *arg) {
  char help[64];
  help_of(cmd, help, sizeof help);
  cli_error("%s: unknown option '%s' (see hdreg %s --help)", cmd, arg, help);
  return HD_EXIT_USAGE;
}

int cli_bad_option(const char *cmd, const struct option *opts, char **argv) {
  char help[64], name[128];
  help_of(cmd, help, sizeof help);
  const char *arg = optind > 0 ? argv[optind - 1] : "";
  if (strncmp(arg, "--", 2) != 0) {
    /* A short option: getopt names the letter (optind may still be on its cluster). */
    if (optopt > 0 && optopt < 128) hd_snprintf(name, sizeof name, "-%c", optopt);
    else hd_snprintf(name, sizeof name, "%s", arg);
    cli_error("%s: unknown option '%s' (see hdreg %s --help)", cmd, name, help);
    return HD_EXIT_USAGE;
  }
  size_t n = strcspn(arg + 2, "=");
  hd_snprintf(name, sizeof name, "--%.*s", (int)n, arg + 2);
  int matches = 0, has_arg = 0;
  for (const struct option *o = opts; o->name; o++)
    if (!strncmp(o->name, arg + 2, n)) {
      if (strlen(o->name) == n) { /* exact */
        matches = 1;
        has_arg = o->has_arg;
        break;
      }
      matches++;
      has_arg = o->has_arg;
    }
  if (matches == 1 && has_arg == required_argument && !arg[2 + n])
    cli_error("%s: option '%s' needs a value (see hdreg %s --help)", cmd, name, help);
  else if (matches == 1 && has_arg == no_argument && arg[2 + n])
    cli_error("%s: option '%s' takes no value (see hdreg %s --help)", cmd, name, help);
  else if (matches > 1)
    cli_error("%s: option '%s' is ambiguous (see hdreg %s --help)", cmd, name, help);
  else
    cli_error("%s: unknown option '%s' (see hdreg %s --help)", cmd, name, help);
  return HD_EXIT_USAGE;
}

int cli_format(const char *cmd, const char *value) {
  if (!strcmp(value, "text")) return 0;
  if (!strcmp(value, "json")) return 1;
  cli_error("%s: --format must be text or json, not '%s'", cmd, value);
  return -1;
}

void cli_json_print(json_object *o) {
  const char *t = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
                                                        JSON_C_TO_STRING_SPACED |
                                                        JSON_C_TO_STRING_NOSLASHESCAPE);
  printf("%s\n", t ? t : "null");
  json_object_put(o);
}

json_object *cli_json_lines(const char *text) {
  json_object *a = json_object_new_array();
  for (const char *p = text, *nl; p && (nl = strchr(p, '\n')); p = nl + 1)
    json_object_array_add(a, json_object_new_string_len(p, (int)(nl - p)));
  return a;
}

typedef struct command {
  const char *name;
  int (*fn)(int argc, char **argv);
} command;

static const command COMMANDS[] = {
    {"run", cmd_run},         {"publish", cmd_publish}, {"case", cmd_case},
    {"waiver", cmd_waiver},   {"demo-db", cmd_demo_db}, {"check", cmd_check},
    {"checks", cmd_checks},   {"render", cmd_render},   {"import", cmd_import},
    {"export", cmd_export},   {"policy", cmd_policy},   {"fonts", cmd_fonts},
    {"ledger", cmd_ledger},   {"keygen", cmd_keygen},   {"verify", cmd_verify},
    {"calendar", cmd_calendar}, {"uscc", cmd_uscc},     {"config", cmd_config},
    {"version", cmd_version}, {"stats", cmd_stats},   {"extract", cmd_extract},
    {"supervise", cmd_supervise}, {NULL, NULL}};

static const command *find_command(const char *name) {
  for (const command *c = COMMANDS; c->name; c++)
    if (!strcmp(c->name, name)) return c;
  return NULL;
}

/* Takes --quiet out of argv (before a "--"), as cli_config_init does --config. */
static void take_quiet(int *argc, char **argv) {
  int w = 0, n = *argc;
  for (int r = 0; r < n; r++) {
    if (!strcmp(argv[r], "--")) {
      while (r < n) argv[w++] = argv[r++];
      break;
    }
    if (!strcmp(argv[r], "--quiet")) {
      cli_quiet = 1;
      continue;
    }
    argv[w++] = argv[r];
  }
  argv[w] = NULL;
  *argc = w;
}

int main(int argc, char **argv) {
  take_quiet(&argc, argv);
  if (argc < 2) {
    fputs(USAGE, stderr);
    return HD_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "help") || cli_is_help(cmd)) {
    if (argc > 2 && !strcmp(cmd, "help")) {
      static char help_opt[] = "--help";
      char *sub[] = {argv[2], help_opt, NULL};
      if (cli_is_help(argv[2]) || !strcmp(argv[2], "help")) {
        fputs(USAGE, stdout);
        return HD_EXIT_OK;
      }
      const command *c = find_command(argv[2]);
      if (c) return c->fn(2, sub);
      if (argv[2][0] == '-') return cli_unknown_option("help", argv[2]);
      cli_error("unknown command '%s' (try 'hdreg help')", argv[2]);
      return HD_EXIT_USAGE;
    }
    if (argc > 2 && !cli_is_help(argv[2])) return cli_unknown_option("help", argv[2]);
    fputs(USAGE, stdout);
    return HD_EXIT_OK;
  }
  if (cmd[0] == '-' && strcmp(cmd, "--version") && strcmp(cmd, "--config") && strncmp(cmd, "--config=", 9)) {
    cli_error("unknown option '%s' (see hdreg --help)", cmd);
    return HD_EXIT_USAGE;
  }
  int crc = cli_config_init(&argc, argv);
  if (crc) return crc;
  if (argc < 2) {
    fputs(USAGE, stderr);
    return HD_EXIT_USAGE;
  }
  cmd = argv[1];
  if (!strcmp(cmd, "--version")) return cmd_version(argc - 1, argv + 1);
  const command *c = find_command(cmd);
  if (c) return c->fn(argc - 1, argv + 1);
  cli_error("unknown command '%s' (try 'hdreg help')", cmd);
  return HD_EXIT_USAGE;
}
