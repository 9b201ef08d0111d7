/* cli.h: subcommands of the hdreg executable. Each returns a process exit code (enum
 * hd_exit) and prints: results to stdout, "hdreg: ..." diagnostics to stderr. */
#ifndef HD_CLI_H
#define HD_CLI_H

int cmd_run(int argc, char **argv);
int cmd_demo_db(int argc, char **argv);
int cmd_uscc(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_checks(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_supervise(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_case(int argc, char **argv);
int cmd_waiver(int argc, char **argv);
int cmd_ledger(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_fonts(int argc, char **argv);
int cmd_publish(int argc, char **argv);
/* `hdreg version` and `hdreg --version` (version.c). */
int cmd_version(int argc, char **argv);
int cmd_stats(int argc, char **argv);
/* A document issued on request (issue.c; hdreg extract, hdreg supervise report): the
 * authority's key loaded from keys (NULL: unsigned), the register locked, opened and
 * verified (a changed one refused), the template tmpl and the fonts loaded, then
 * issue(env, t, signer, today, ud, sha, recorded, err) — the procedure's act_* — run.
 * Errors go to stderr as "hdreg: CMD: ..."; returns the exit code, with sha (65 bytes) and
 * *recorded set by issue. */
#include "util/diag.h"
struct hd_docenv;
struct hd_template;
struct hd_signer;
typedef struct cli_issue_req {
  const char *cmd, *db_path, *keys, *fonts_dir, *tmpl;
  int (*issue)(struct hd_docenv *env, const struct hd_template *t, const struct hd_signer *signer,
               const char *today, const void *ud, char sha[65], int *recorded, hd_err *err);
  const void *ud;
} cli_issue_req;
int cli_issue(const cli_issue_req *r, char sha[65], int *recorded);
/* `hdreg case list --waiting` (cmd_case_list.c): the waiting cases of the register at
 * db_path on date (NULL: today); older_than >= 0: only those waiting longer, else all with
 * those longer than waiting_days marked; json: --format json. Returns the exit code. */
int cli_case_list(const char *db_path, const char *date, int older_than, int json);
/* hdreg case list --expiring (cmd_case_list.c); within < 0: the setting. */
int cli_case_expiring(const char *db_path, const char *date, int within, int json);
#include <stddef.h>
/* The configuration, the data folder: cli_template_path, cli_default_checks_dir, ... */
#include "cli/config.h"
/* A case by number, or by id when arg is all digits; 0 if none. *number (caller frees)
 * is its number. */
#include <sqlite3.h>
#include "util/diag.h"
long long cli_find_case(sqlite3 *db, const char *arg, char **number);

/* One night or import per database at a time: an advisory lock on DB.lock, released by
 * the kernel when the process ends, however it ends. Unless mode is HD_STORE_CREATE (a
 * command that makes the register), the database must be there first (store_check_file):
 * no lock file is made beside a path that is not a register. Returns the descriptor to
 * keep open, or minus the exit code after saying why on stderr: -HD_EXIT_BUSY when
 * another process holds the lock (try again later), -HD_EXIT_DB otherwise. */
int cli_lock_db(const char *db_path, int mode);

/* Before a command writes: the register must be as hdreg left it (ledger verify; with
 * checkpoints and keys_dir also against the checkpoints). Otherwise every problem goes to
 * stderr as "hdreg: CMD: ..." and the result is HD_EDB ("nothing was done"). */
int cli_audit(sqlite3 *db, const char *cmd, const char *checkpoints, const char *keys_dir,
              hd_err *err);
/* The same for an audit already made that found problems (register_audit said HD_EDATA):
 * prints them and returns HD_EDB with "CMD: the register is not as hdreg left it ...". */
struct hd_audit;
int cli_audit_failed(const char *cmd, const struct hd_audit *a, hd_err *err);

/* Each line of text (lines ending in '\n', as a verification report lists its problems)
 * to f after prefix, then "PREFIXand N more" if more > 0. */
#include <stdio.h>
void cli_lines(FILE *f, const char *prefix, const char *text, int more);

/* The conventions every command keeps (hdreg(1), "OPTIONS"). */
#include <getopt.h>
/* arg is -h or --help: the command prints its help to stdout and exits 0. */
int cli_is_help(const char *arg);
/* getopt_long (optstring "h", opterr 0) returned '?': says on stderr which option, and
 * whether it is unknown, needs a value or takes none — "hdreg: CMD: unknown option '--x'
 * (see hdreg CMD --help)", the help named by CMD's first word — and returns
 * HD_EXIT_USAGE. */
int cli_bad_option(const char *cmd, const struct option *opts, char **argv);
/* The same for an option a command parses by hand (checks test, calendar import). */
int cli_unknown_option(const char *cmd, const char *arg);
/* --quiet (any command; main takes it out of argv): informational lines (what was
 * written, counts, timings, progress) are not printed; results, warnings and errors are. */
extern int cli_quiet;
/* "-": standard input or output instead of a file. */
int cli_is_stdio(const char *path);
/* The whole file at path, or standard input for "-", at most max bytes, into *out
 * (caller frees). HD_OK or an error in err. */
int cli_read_input(const char *path, size_t max, char **out, size_t *len, hd_err *err);
/* data written to path atomically (hd_write_atomic), or to standard output for "-". */
int cli_write_output(const char *path, const void *data, size_t len, hd_err *err);
/* For a stage that opens its input by name (and more than once): standard input copied
 * into a new temporary file (mode 0600, $TMPDIR or /tmp), its name into path. The caller
 * removes it. HD_OK or an error in err. */
int cli_stdin_to_file(char *path, size_t size, hd_err *err);
/* --format text|json: 0 text, 1 json; -1 after saying "CMD: --format must be text or json,
 * not 'X'" (usage). */
int cli_format(const char *cmd, const char *value);
/* o as pretty-printed JSON and a newline on stdout; takes ownership of o. */
struct json_object;
void cli_json_print(struct json_object *o);
/* The lines of text (each ending in '\n') as a JSON array of strings (new reference). */
struct json_object *cli_json_lines(const char *text);

/* Print "hdreg: <msg>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The message cli_error printed last (without "hdreg: "), "" if none: for the run report
 * of a night that stopped before it began (the lock, the options). */
const char *cli_last_error(void);

#endif
