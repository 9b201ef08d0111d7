/* cmd_case.c: `hdreg case` — what people do between nights: committee decisions,
 * objections, supplements, withdrawals, on-site verification, applications for change
 * and cancellation, and a case's history. Parses and prints; the actions and their rules
 * are the procedure's (procedure/actions.h). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "procedure/actions.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"

static const char HELP[] =
    "usage: hdreg case ACTION --db FILE [options]\n"
    "\n"
    "Actions between nights (each needs --date DATE and records an event with --actor\n"
    "and --reason where it moves a case; docs/procedure.md shows the moves):\n"
    "  committee --case ID --decision approve|reject --date D --actor NAME --reason TEXT\n"
    "        the compliance committee's decision on a case in committee review (6.1.2 c)\n"
    "  object --case ID --date D --objector NAME --grounds TEXT [--material TEXT]\n"
    "        file an objection to a case in public notice, within its notice period;\n"
    "        prints the objection's number\n"
    "  resolve --objection N --outcome upheld|dismissed --date D --actor NAME --reason TEXT\n"
    "        upheld: the case goes back to review; dismissed: it is certified once its\n"
    "        notice has ended and no objection is open\n"
    "  move --case ID --to STATUS --date D --actor NAME --reason TEXT [--question TEXT]...\n"
    "       [--material KIND[@ISSUER][:REFERENCE[:VALID-UNTIL]]]...\n"
    "        any other move a person makes: rectify -> submitted with the materials supplied\n"
    "        (--material, only with a move to submitted; each recorded, dated D; one valid\n"
    "        until a day before D is refused, 6.2.2 b; ISSUER: the credit code of the\n"
    "        subject who issued it, which an authorisation or consent needs, 5.1.4), submitted\n"
    "        -> held with --question (on-site verification, 6.6), held -> submitted /\n"
    "        approved / committee_review / rejected, ... -> withdrawn\n"
    "  answer --case ID --question N --answer TEXT --date D\n"
    "        the answer to on-site question N of the case (6.6 i); hdreg case history lists\n"
    "        the questions with their numbers\n"
    "  apply --certificate NUMBER --type change|cancel --number CASE-NUMBER --date D\n"
    "        [--ground a-f] [--description TEXT] [--renewal]\n"
    "        [--material KIND[@ISSUER][:REFERENCE]]...\n"
    "        a new application for a change (6.4) or cancellation (6.5) of a certificate,\n"
    "        by its holder, submitted for the next night's review; the registration's\n"
    "        materials on file are carried over, with the new ones given here. Refused while\n"
    "        another application on the certificate is open, and unless the applicant holds\n"
    "        the certificate, in force (hdreg import refuses the same); --renewal: a change\n"
    "        that renews the certificate's validity (续展; its new certificate is valid\n"
    "        cert_validity_years from its own registration)\n"
    "  cancel --certificate NUMBER --number CASE-NUMBER --ground c|d|e --date D --actor NAME\n"
    "         --reason TEXT --evidence KIND:REFERENCE... [--supervision N]\n"
    "        a cancellation on the authority's own motion (5.1.6 c: an effective ruling of a\n"
    "        court or arbitration body, given as --evidence court_judgment:REF; d: the holder\n"
    "        refused to rectify; e: public or national interest), submitted for review;\n"
    "        --supervision N: the measure that supervision N (hdreg supervise, 5.3.1) leads\n"
    "        to, recorded as its step (its subject holds the certificate; on ground d a\n"
    "        measure such as the order to rectify was recorded before)\n"
    "  history --case ID\n"
    "        the case's events, oldest first\n"
    "  list --waiting [--date D] [--older-than N] [--format text|json]\n"
    "        every case waiting for a person or a deadline on D, with its age in working days\n"
    "  list --expiring [--date D] [--within N] [--format text|json]\n"
    "        the certificates in force whose validity ends within N working days of D\n"
    "        (default: the setting expiry_reminder_working_days), with their holders'\n"
    "        contacts, for telling them to apply for a renewal (apply --renewal: a change\n"
    "        whose certificate is valid anew, 5.1.5, 6.4)\n"
    "\n"
    "Every action but history and list first verifies the register (as hdreg ledger verify does) and\n"
    "refuses one changed past hdreg: each problem is named, nothing is written.\n"
    "\n"
    "Exit: 0 done, 2 usage, 3 not allowed (the message says why), 4 database (also: the\n"
    "register was changed past hdreg).\n";

typedef struct args {
  const char *db, *case_arg, *decision, *date, *actor, *reason, *objector, *grounds, *material,
      *objection, *outcome, *to, *certificate, *type, *number, *ground, *description, *answer,
      *supervision;
  const char *questions[16], *materials[16], *evidence[16];
  int n_questions, n_materials, n_evidence;
  int waiting, expiring, renewal;      /* list --waiting | --expiring; apply --renewal */
  const char *older_than, *format, *within; /* list */
} args;

static int parse(int argc, char **argv, args *a) {
  static const struct option OPTS[] = {
      {"db", required_argument, NULL, 'd'},        {"case", required_argument, NULL, 'c'},
      {"decision", required_argument, NULL, 'D'},  {"date", required_argument, NULL, 't'},
      {"actor", required_argument, NULL, 'a'},     {"reason", required_argument, NULL, 'r'},
      {"objector", required_argument, NULL, 'o'},  {"grounds", required_argument, NULL, 'g'},
      {"material", required_argument, NULL, 'm'},  {"objection", required_argument, NULL, 'j'},
      {"outcome", required_argument, NULL, 'O'},   {"to", required_argument, NULL, 'T'},
      {"question", required_argument, NULL, 'q'},  {"certificate", required_argument, NULL, 'C'},
      {"type", required_argument, NULL, 'y'},      {"number", required_argument, NULL, 'n'},
      {"ground", required_argument, NULL, 'G'},    {"description", required_argument, NULL, 'e'},
      {"answer", required_argument, NULL, 'A'},    {"evidence", required_argument, NULL, 'E'},
      {"waiting", no_argument, NULL, 'W'},         {"older-than", required_argument, NULL, 'N'},
      {"format", required_argument, NULL, 'F'},    {"help", no_argument, NULL, 'h'},
      {"expiring", no_argument, NULL, 'X'},        {"within", required_argument, NULL, 'w'},
      {"renewal", no_argument, NULL, 'R'},         {"supervision", required_argument, NULL, 'S'},
      {NULL, 0, NULL, 0}};
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': a->db = optarg; break;
    case 'c': a->case_arg = optarg; break;
    case 'D': a->decision = optarg; break;
    case 't': a->date = optarg; break;
    case 'a': a->actor = optarg; break;
    case 'r': a->reason = optarg; break;
    case 'o': a->objector = optarg; break;
    case 'g': a->grounds = optarg; break;
    case 'm':
      a->material = optarg;
      if (a->n_materials < 16) a->materials[a->n_materials++] = optarg;
      break;
    case 'j': a->objection = optarg; break;
    case 'O': a->outcome = optarg; break;
    case 'T': a->to = optarg; break;
    case 'q':
      if (a->n_questions < 16) a->questions[a->n_questions++] = optarg;
      break;
    case 'C': a->certificate = optarg; break;
    case 'y': a->type = optarg; break;
    case 'n': a->number = optarg; break;
    case 'G': a->ground = optarg; break;
    case 'e': a->description = optarg; break;
    case 'A': a->answer = optarg; break;
    case 'E':
      if (a->n_evidence < 16) a->evidence[a->n_evidence++] = optarg;
      break;
    case 'W': a->waiting = 1; break;
    case 'X': a->expiring = 1; break;
    case 'w': a->within = optarg; break;
    case 'R': a->renewal = 1; break;
    case 'S': a->supervision = optarg; break;
    case 'N': a->older_than = optarg; break;
    case 'F': a->format = optarg; break;
    case 'h': fputs(HELP, stdout); return -1;
    default:
      return cli_bad_option("case", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("case: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  return 0;
}

/* Usage errors: the named options must be there and the date must be a date. */
static int need(const char *action, const char *const *vals, const char *const *names, int n,
                const char *date) {
  for (int i = 0; i < n; i++)
    if (!vals[i] || !*vals[i]) {
      cli_error("case %s: --%s is required (see hdreg case --help)", action, names[i]);
      return HD_EXIT_USAGE;
    }
  hd_date d;
  if (date && !hd_date_parse(date, &d)) {
    cli_error("case %s: --date '%s' is not a valid date YYYY-MM-DD", action, date);
    return HD_EXIT_USAGE;
  }
  return 0;
}

static int history(sqlite3 *db, long long id) {
  sqlite3_stmt *st;
  /* A case that came in by hdreg import says from which file first. */
  if (sqlite3_prepare_v2(db, "SELECT i.at, c.status, i.id, i.file, i.encoding, i.sha256 FROM cases c "
                             "JOIN imports i ON i.id = c.import_id WHERE c.id = ?1", -1, &st,
                         NULL) != SQLITE_OK)
    return HD_EXIT_DB;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW)
    printf("%s  imported as %s  import %lld：%s (%s, SHA-256 %s)\n", sqlite3_column_text(st, 0),
           sqlite3_column_text(st, 1), (long long)sqlite3_column_int64(st, 2),
           sqlite3_column_text(st, 3), sqlite3_column_text(st, 4), sqlite3_column_text(st, 5));
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db, "SELECT e.at, e.from_status, e.to_status, e.actor, e.reason, d.path "
                             "FROM case_events e LEFT JOIN documents d ON d.id = e.document_id "
                             "WHERE e.case_id = ?1 ORDER BY e.id", -1, &st, NULL) != SQLITE_OK)
    return HD_EXIT_DB;
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW) {
    printf("%s  %s -> %s  %s：%s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
           sqlite3_column_text(st, 2), sqlite3_column_text(st, 3), sqlite3_column_text(st, 4));
    if (sqlite3_column_type(st, 5) != SQLITE_NULL) printf("  [%s]", sqlite3_column_text(st, 5));
    putchar('\n');
  }
  sqlite3_finalize(st);
  /* The questions of an on-site verification (6.6), by number, with their answers. */
  if (sqlite3_prepare_v2(db, "SELECT asked, id, question, answered, answer FROM onsite_questions "
                             "WHERE case_id = ?1 ORDER BY id", -1, &st, NULL) != SQLITE_OK)
    return HD_EXIT_DB;
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW) {
    printf("%s  on-site question %lld：%s", sqlite3_column_text(st, 0),
           (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2));
    if (sqlite3_column_type(st, 3) != SQLITE_NULL)
      printf("  answered %s：%s", sqlite3_column_text(st, 3), sqlite3_column_text(st, 4));
    putchar('\n');
  }
  sqlite3_finalize(st);
  return HD_EXIT_OK;
}

int cmd_case(int argc, char **argv) {
  args a;
  memset(&a, 0, sizeof a);
  if (argc < 2 || argv[1][0] == '-') {
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
    cli_error("case: which action? committee, object, resolve, move, answer, apply, cancel, history or list (see hdreg case --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1];
  a.db = cli_conf(CONF_DATABASE);
  int p = parse(argc, argv, &a);
  if (p < 0) return HD_EXIT_OK;
  if (p) return p;
  const char *const DB[] = {a.db};
  static const char *const DBN[] = {"db"};
  if ((p = need(action, DB, DBN, 1, NULL))) return p;
  if (!strcmp(action, "committee")) {
    const char *v[] = {a.case_arg, a.decision, a.date, a.actor, a.reason};
    static const char *const n[] = {"case", "decision", "date", "actor", "reason"};
    p = need(action, v, n, 5, a.date);
  } else if (!strcmp(action, "object")) {
    const char *v[] = {a.case_arg, a.date, a.objector, a.grounds};
    static const char *const n[] = {"case", "date", "objector", "grounds"};
    p = need(action, v, n, 4, a.date);
  } else if (!strcmp(action, "resolve")) {
    const char *v[] = {a.objection, a.outcome, a.date, a.actor, a.reason};
    static const char *const n[] = {"objection", "outcome", "date", "actor", "reason"};
    p = need(action, v, n, 5, a.date);
  } else if (!strcmp(action, "move")) {
    const char *v[] = {a.case_arg, a.to, a.date, a.actor, a.reason};
    static const char *const n[] = {"case", "to", "date", "actor", "reason"};
    p = need(action, v, n, 5, a.date);
  } else if (!strcmp(action, "apply")) {
    const char *v[] = {a.certificate, a.type, a.number, a.date};
    static const char *const n[] = {"certificate", "type", "number", "date"};
    p = need(action, v, n, 4, a.date);
  } else if (!strcmp(action, "answer")) {
    const char *v[] = {a.case_arg, a.n_questions ? a.questions[0] : NULL, a.answer, a.date};
    static const char *const n[] = {"case", "question", "answer", "date"};
    p = need(action, v, n, 4, a.date);
    char *end = NULL;
    errno = 0;
    if (!p && (strtoll(a.questions[0], &end, 10) <= 0 || *end || errno == ERANGE)) {
      cli_error("case answer: --question '%s' must be the question's number", a.questions[0]);
      p = HD_EXIT_USAGE;
    }
  } else if (!strcmp(action, "cancel")) {
    const char *v[] = {a.certificate, a.number, a.ground, a.date, a.actor, a.reason};
    static const char *const n[] = {"certificate", "number", "ground", "date", "actor", "reason"};
    p = need(action, v, n, 6, a.date);
  } else if (!strcmp(action, "list")) {
    if (a.waiting == a.expiring) {
      cli_error("case list: one of --waiting (the cases waiting for a person or a deadline) "
                "and --expiring (the certificates whose validity ends soon) is required (see "
                "hdreg case --help)");
      return HD_EXIT_USAGE;
    }
    if ((p = need(action, NULL, NULL, 0, a.date))) return p;
    if (a.expiring) {
      long w = -1;
      if (a.within) {
        char *end = NULL;
        errno = 0;
        w = strtol(a.within, &end, 10);
        if (end == a.within || *end || errno == ERANGE || w < 1 || w > 250) {
          cli_error("case list: --within '%s' must be a number of working days from 1 to 250",
                    a.within);
          return HD_EXIT_USAGE;
        }
      }
      int json = a.format ? cli_format("case list", a.format) : 0;
      if (json < 0) return HD_EXIT_USAGE;
      return cli_case_expiring(a.db, a.date, (int)w, json);
    }
    long n = -1;
    if (a.older_than) {
      char *end = NULL;
      errno = 0;
      n = strtol(a.older_than, &end, 10);
      if (end == a.older_than || *end || errno == ERANGE || n < 0 || n > 250) {
        cli_error("case list: --older-than '%s' must be a number of working days from 0 to 250",
                  a.older_than);
        return HD_EXIT_USAGE;
      }
    }
    int json = a.format ? cli_format("case list", a.format) : 0;
    if (json < 0) return HD_EXIT_USAGE;
    return cli_case_list(a.db, a.date, (int)n, json);
  } else if (!strcmp(action, "history")) {
    const char *v[] = {a.case_arg};
    static const char *const n[] = {"case"};
    p = need(action, v, n, 1, NULL);
  } else {
    cli_error("case: unknown action '%s' (see hdreg case --help)", action);
    return HD_EXIT_USAGE;
  }
  if (p) return p;
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  char *number = NULL;
  int rc = store_open(a.db, HD_STORE_MUST_EXIST, &db, &err);
  long long id = 0;
  if (rc == HD_OK && a.case_arg) {
    id = cli_find_case(db, a.case_arg, &number);
    if (!id) rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", a.case_arg);
  }
  if (rc == HD_OK && !strcmp(action, "history")) {
    int x = history(db, id);
    free(number);
    store_close(db);
    return x;
  }
  char what[32];
  hd_snprintf(what, sizeof what, "case %s", action);
  int audited = rc == HD_OK ? cli_audit(db, what, NULL, NULL, &err) : HD_OK;
  if (audited) {
    cli_error("%s", err.msg);
    free(number);
    store_close(db);
    return hd_exit_for(audited);
  }
  const hd_actor by = {a.date, a.actor, a.reason};
  long long made = 0;
  if (rc == HD_OK) {
    if (!strcmp(action, "committee")) rc = act_committee(db, id, a.decision, &by, &err);
    else if (!strcmp(action, "object")) {
      rc = act_object(db, id, number, a.date, a.objector, a.grounds, a.material, &made, &err);
      if (!rc) printf("objection %lld filed against case %s\n", made, number);
    } else if (!strcmp(action, "resolve")) rc = act_resolve(db, a.objection, a.outcome, &by, &err);
    else if (!strcmp(action, "move")) {
      rc = act_move(db, id, a.to, &by, a.questions, a.n_questions, a.materials, a.n_materials, &err);
      if (!rc && a.n_materials && !cli_quiet)
        printf("case %s: move recorded, %d material%s supplied\n", number, a.n_materials,
               a.n_materials == 1 ? "" : "s");
    } else if (!strcmp(action, "answer")) {
      rc = act_answer(db, id, number, atoll(a.questions[0]), a.answer, &by, &err);
      if (!rc && !cli_quiet) printf("case %s: answer to on-site question %s recorded\n", number, a.questions[0]);
    } else if (!strcmp(action, "cancel")) {
      const hd_authority_cancel ac = {a.certificate, a.number, a.ground, a.evidence, a.n_evidence,
                                      by, a.supervision};
      hd_buf waiting;
      hd_buf_init(&waiting, 64 * 96);
      rc = act_authority_cancel(db, &ac, &made, &waiting, &err);
      if (!rc && !cli_quiet)
        printf("case %s: cancellation of certificate %s on the authority's own motion (5.1.6 %s) "
               "submitted\n", a.number, a.certificate, a.ground);
      if (!rc && waiting.len)
        printf("waiting for this cancellation (refused if it is carried out, 6.5 h): case %s\n",
               waiting.p);
      hd_buf_release(&waiting);
    } else {
      const hd_application app = {a.certificate, a.type, a.number, a.date, a.ground,
                                  a.description, a.materials, a.n_materials, a.renewal};
      rc = act_apply(db, &app, &made, &err);
      if (!rc && !cli_quiet) printf("case %s: %s of certificate %s submitted\n", a.number, a.type, a.certificate);
    }
  }
  if (rc) cli_error("case %s: %s", action, err.msg);
  else if (!cli_quiet && strcmp(action, "object") && strcmp(action, "apply") && strcmp(action, "answer") &&
           strcmp(action, "cancel") && !(!strcmp(action, "move") && a.n_materials))
    printf("%s %s: %s recorded\n", number ? "case" : "objection", number ? number : a.objection, action);
  free(number);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
