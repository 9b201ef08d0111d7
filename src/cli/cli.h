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
#include <stddef.h>
/* templates/NAME.xml (cwd, else the source tree), or name itself if it is a path. */
const char *cli_template_path(const char *name, char *buf, size_t size);
/* A case by number, or by id when arg is all digits; 0 if none. *number (caller frees)
 * is its number. */
#include <sqlite3.h>
#include "util/diag.h"
long long cli_find_case(sqlite3 *db, const char *arg, char **number);
/* The shipped check pack: ./scripts/checks if present, else the source tree's. */
const char *cli_default_checks_dir(void);

/* One night or import per database at a time: an advisory lock on DB.lock, released by
 * the kernel when the process ends, however it ends. Unless mode is HD_STORE_CREATE (a
 * command that makes the register), the database must be there first (store_check_file):
 * no lock file is made beside a path that is not a register. Returns the descriptor to
 * keep open, or -1 after saying why on stderr. */
int cli_lock_db(const char *db_path, int mode);

/* Before a command writes: the register must be as hdreg left it (ledger verify; with
 * checkpoints and keys_dir also against the checkpoints). Otherwise every problem goes to
 * stderr as "hdreg: CMD: ..." and the result is HD_EDB ("nothing was done"). */
int cli_audit(sqlite3 *db, const char *cmd, const char *checkpoints, const char *keys_dir,
              hd_err *err);

/* Each line of text (lines ending in '\n', as a verification report lists its problems)
 * to f after prefix, then "PREFIXand N more" if more > 0. */
#include <stdio.h>
void cli_lines(FILE *f, const char *prefix, const char *text, int more);

/* Print "hdreg: <msg>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
