/* main.c: the hdreg command — dispatches to the subcommands in cmd_*.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/file.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "ledger/register.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/diag.h"

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
    "  version   print the version\n"
    "  help      show this text, or a command's help: hdreg help run\n"
    "\n"
    "Each command takes --help, and --config FILE (the configuration file, else\n"
    "$HDREG_CONFIG, else the default; see hdreg config --help). Exit codes: 0 ok, 1 some\n"
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
  snprintf(lock_path, sizeof lock_path, "%s.lock", db_path);
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

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(USAGE, stderr);
    return HD_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    if (argc > 2 && strcmp(cmd, "help") == 0) {
      static char help_opt[] = "--help";
      char *sub[] = {argv[2], help_opt, NULL};
      if (!strcmp(argv[2], "run")) return cmd_run(2, sub);
      if (!strcmp(argv[2], "demo-db")) return cmd_demo_db(2, sub);
      if (!strcmp(argv[2], "uscc")) return cmd_uscc(2, sub);
      if (!strcmp(argv[2], "check")) return cmd_check(2, sub);
      if (!strcmp(argv[2], "checks")) return cmd_checks(2, sub);
      if (!strcmp(argv[2], "render")) return cmd_render(2, sub);
      if (!strcmp(argv[2], "calendar")) return cmd_calendar(2, sub);
      if (!strcmp(argv[2], "case")) return cmd_case(2, sub);
      if (!strcmp(argv[2], "waiver")) return cmd_waiver(2, sub);
      if (!strcmp(argv[2], "ledger")) return cmd_ledger(2, sub);
      if (!strcmp(argv[2], "keygen")) return cmd_keygen(2, sub);
      if (!strcmp(argv[2], "verify")) return cmd_verify(2, sub);
      if (!strcmp(argv[2], "policy")) return cmd_policy(2, sub);
      if (!strcmp(argv[2], "import")) return cmd_import(2, sub);
      if (!strcmp(argv[2], "export")) return cmd_export(2, sub);
      if (!strcmp(argv[2], "fonts")) return cmd_fonts(2, sub);
      if (!strcmp(argv[2], "publish")) return cmd_publish(2, sub);
      if (!strcmp(argv[2], "stats")) return cmd_stats(2, sub);
      if (!strcmp(argv[2], "config")) return cmd_config(2, sub);
      cli_error("unknown command '%s'", argv[2]);
      return HD_EXIT_USAGE;
    }
    fputs(USAGE, stdout);
    return HD_EXIT_OK;
  }
  if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
    printf("hdreg %s\n", HDREG_VERSION);
    return HD_EXIT_OK;
  }
  int crc = cli_config_init(&argc, argv);
  if (crc) return crc;
  if (argc < 2) {
    fputs(USAGE, stderr);
    return HD_EXIT_USAGE;
  }
  cmd = argv[1];
  if (!strcmp(cmd, "config")) return cmd_config(argc - 1, argv + 1);
  if (!strcmp(cmd, "run")) return cmd_run(argc - 1, argv + 1);
  if (!strcmp(cmd, "demo-db")) return cmd_demo_db(argc - 1, argv + 1);
  if (!strcmp(cmd, "uscc")) return cmd_uscc(argc - 1, argv + 1);
  if (!strcmp(cmd, "check")) return cmd_check(argc - 1, argv + 1);
  if (!strcmp(cmd, "checks")) return cmd_checks(argc - 1, argv + 1);
  if (!strcmp(cmd, "render")) return cmd_render(argc - 1, argv + 1);
  if (!strcmp(cmd, "calendar")) return cmd_calendar(argc - 1, argv + 1);
  if (!strcmp(cmd, "case")) return cmd_case(argc - 1, argv + 1);
  if (!strcmp(cmd, "waiver")) return cmd_waiver(argc - 1, argv + 1);
  if (!strcmp(cmd, "ledger")) return cmd_ledger(argc - 1, argv + 1);
  if (!strcmp(cmd, "keygen")) return cmd_keygen(argc - 1, argv + 1);
  if (!strcmp(cmd, "verify")) return cmd_verify(argc - 1, argv + 1);
  if (!strcmp(cmd, "policy")) return cmd_policy(argc - 1, argv + 1);
  if (!strcmp(cmd, "import")) return cmd_import(argc - 1, argv + 1);
  if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
  if (!strcmp(cmd, "fonts")) return cmd_fonts(argc - 1, argv + 1);
  if (!strcmp(cmd, "publish")) return cmd_publish(argc - 1, argv + 1);
  if (!strcmp(cmd, "stats")) return cmd_stats(argc - 1, argv + 1);
  cli_error("unknown command '%s' (try 'hdreg help')", cmd);
  return HD_EXIT_USAGE;
}
