/* cmd_waiver.c: `hdreg waiver` — waivers of a check for a case added, listed and revoked
 * (procedure/waiver.h); this file parses and prints. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "cli/cli.h"
#include "procedure/waiver.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/date.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg waiver add --db FILE --case ID --check CHECK-ID --approver NAME\n"
    "                        --justification TEXT --date DATE --expires DATE [--checks DIR]...\n"
    "       hdreg waiver list --db FILE [--case ID] [--as-of DATE] [--checks DIR]...\n"
    "       hdreg waiver revoke --db FILE --waiver N --date DATE --by NAME --reason TEXT\n"
    "\n"
    "A waiver exempts one case from one check from DATE (its approval) to the --expires\n"
    "date: the check's outcome is printed on the review opinion with the waiver beside it\n"
    "and leaves the decision. Only a check that declares waivable = true can be waived;\n"
    "a ban (severity \"ban\", clause 7.6) never. One waiver of a check is in force for a\n"
    "case at a time. --checks adds a legal team's directory after the shipped pack, as\n"
    "for hdreg check.\n"
    "  add     prints the new waiver's number\n"
    "  list    every waiver (of the case with --case), with its state as of --as-of\n"
    "          (default today): active, expired, revoked, pending (approved later), or\n"
    "          ignored (the check pack does not allow it: why)\n"
    "  revoke  from DATE on the waiver no longer applies (a review as of an earlier date\n"
    "          still sees it)\n"
    "\n"
    "add and revoke first verify the register (as hdreg ledger verify does) and refuse one\n"
    "changed past hdreg; each waiver and revocation goes onto the register's chain.\n"
    "\n"
    "Exit: 0 done, 2 usage (also: a missing or empty --approver, --justification, --by or\n"
    "--reason), 3 refused (no such case, check or waiver; a ban or a check that allows no\n"
    "waivers; an expiry before the approval; a waiver of that check already in force; a\n"
    "case whose procedure has ended), 4 database (also: the register was changed past hdreg).\n";

typedef struct args {
  const char *db, *case_arg, *check, *approver, *justification, *date, *expires, *as_of,
      *waiver, *by, *reason;
  const char *dirs[16];
  int n_dirs;
} args;

static int parse(int argc, char **argv, args *a) {
  static const struct option OPTS[] = {
      {"db", required_argument, NULL, 'd'},       {"case", required_argument, NULL, 'c'},
      {"check", required_argument, NULL, 'k'},    {"approver", required_argument, NULL, 'a'},
      {"justification", required_argument, NULL, 'j'}, {"date", required_argument, NULL, 't'},
      {"expires", required_argument, NULL, 'e'},  {"as-of", required_argument, NULL, 'o'},
      {"waiver", required_argument, NULL, 'w'},   {"by", required_argument, NULL, 'b'},
      {"reason", required_argument, NULL, 'r'},   {"checks", required_argument, NULL, 'K'},
      {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': a->db = optarg; break;
    case 'c': a->case_arg = optarg; break;
    case 'k': a->check = optarg; break;
    case 'a': a->approver = optarg; break;
    case 'j': a->justification = optarg; break;
    case 't': a->date = optarg; break;
    case 'e': a->expires = optarg; break;
    case 'o': a->as_of = optarg; break;
    case 'w': a->waiver = optarg; break;
    case 'b': a->by = optarg; break;
    case 'r': a->reason = optarg; break;
    case 'K':
      if (a->n_dirs == 16) {
        cli_error("waiver: at most 15 --checks directories");
        return HD_EXIT_USAGE;
      }
      a->dirs[a->n_dirs++] = optarg;
      break;
    case 'h': fputs(HELP, stdout); return -1;
    default:
      return cli_bad_option("waiver", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("waiver: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  return 0;
}

/* The named options must be there (an empty value counts as missing). */
static int need(const char *action, const char *const *vals, const char *const *names, int n) {
  for (int i = 0; i < n; i++)
    if (!vals[i] || !*vals[i]) {
      cli_error("waiver %s: --%s is required (see hdreg waiver --help)", action, names[i]);
      return HD_EXIT_USAGE;
    }
  return 0;
}

static void print_row(const hd_waiver_row *w) {
  printf("waiver %lld  %s  %s  %s  approved %s by %s  expires %s  %s", w->id, w->case_number,
         w->check_id, w->state, w->approved_date, w->approver, w->expires, w->justification);
  if (w->revoked_date)
    printf("  revoked %s by %s: %s", w->revoked_date, w->revoked_by, w->revoke_reason);
  if (*w->why) printf("  (%s)", w->why);
  putchar('\n');
}

int cmd_waiver(int argc, char **argv) {
  args a;
  memset(&a, 0, sizeof a);
  a.dirs[a.n_dirs++] = cli_default_checks_dir();
  if (argc < 2 || argv[1][0] == '-') {
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
    cli_error("waiver: which action? add, list or revoke (see hdreg waiver --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1];
  int p = parse(argc, argv, &a);
  if (p < 0) return HD_EXIT_OK;
  if (p) return p;
  int add = !strcmp(action, "add"), list = !strcmp(action, "list"),
      revoke = !strcmp(action, "revoke");
  if (add) {
    const char *v[] = {a.db, a.case_arg, a.check, a.approver, a.justification, a.date, a.expires};
    static const char *const n[] = {"db", "case", "check", "approver", "justification", "date",
                                    "expires"};
    p = need(action, v, n, 7);
  } else if (list) {
    const char *v[] = {a.db};
    static const char *const n[] = {"db"};
    p = need(action, v, n, 1);
  } else if (revoke) {
    const char *v[] = {a.db, a.waiver, a.date, a.by, a.reason};
    static const char *const n[] = {"db", "waiver", "date", "by", "reason"};
    p = need(action, v, n, 5);
  } else {
    cli_error("waiver: unknown action '%s' (add, list or revoke; see hdreg waiver --help)", action);
    return HD_EXIT_USAGE;
  }
  if (p) return p;
  long long wid = 0;
  if (revoke) {
    char *end = NULL;
    wid = strtoll(a.waiver, &end, 10);
    if (*end || wid <= 0) {
      cli_error("waiver revoke: --waiver '%s' is not a waiver number (hdreg waiver list shows "
                "them)", a.waiver);
      return HD_EXIT_USAGE;
    }
  }
  char today[11];
  hd_date_iso(hd_today(), today);
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  hd_pack *pack = NULL;
  char *number = NULL;
  hd_waiver_row *rows = NULL;
  int n_rows = 0;
  long long case_id = 0, id = 0;
  hd_pack_opts o = {a.dirs, a.n_dirs, 0, 0, 0};
  int rc = store_open(a.db, HD_STORE_MUST_EXIST, &db, &err);
  if (rc == HD_OK && a.case_arg) {
    case_id = cli_find_case(db, a.case_arg, &number);
    if (!case_id) rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", a.case_arg);
  }
  if (rc == HD_OK && !revoke) rc = pack_load(&o, &pack, &err);
  if (rc == HD_OK && list) {
    rc = waiver_list(db, pack, case_id, a.as_of ? a.as_of : today, &rows, &n_rows, &err);
    for (int i = 0; rc == HD_OK && i < n_rows; i++) print_row(&rows[i]);
    goto done;
  }
  char what[32];
  hd_snprintf(what, sizeof what, "waiver %s", action);
  if (rc == HD_OK && (rc = cli_audit(db, what, NULL, NULL, &err))) {
    cli_error("%s", err.msg);
    goto quiet;
  }
  if (rc == HD_OK) rc = store_begin(db, &err);
  if (rc == HD_OK) {
    if (add) {
      hd_waiver_req r = {case_id, number, a.check, a.approver, a.justification, a.date, a.expires};
      rc = waiver_add(db, pack, &r, &id, &err);
    } else {
      rc = waiver_revoke(db, wid, a.date, a.by, a.reason, &number, &err);
    }
    if (rc == HD_OK) rc = store_commit(db, &err);
    else sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  }
  if (rc == HD_OK && add)
    printf("waiver %lld: case %s, check '%s', approved %s by %s, until %s\n", id, number, a.check,
           a.date, a.approver, a.expires);
  else if (rc == HD_OK && !cli_quiet)
    printf("waiver %lld of case %s revoked on %s by %s\n", wid, number, a.date, a.by);
done:
  if (rc) cli_error("waiver %s: %s", action, err.msg);
quiet:
  waiver_rows_free(rows, n_rows);
  pack_free(pack);
  free(number);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
