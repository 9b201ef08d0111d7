/* cmd_case.c: `hdreg case` — what people do between nights: committee decisions,
 * objections, supplements, withdrawals, on-site verification, applications for change
 * and cancellation, and a case's history. Every status change goes through
 * proc_move (procedure/procedure.h), so the procedure's rules and its event log hold. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "procedure/procedure.h"
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
    "        any other move a person makes: rectify -> submitted (materials supplemented),\n"
    "        submitted -> held with --question (on-site verification, 6.6), held ->\n"
    "        submitted / approved / committee_review / rejected, ... -> withdrawn\n"
    "  apply --certificate NUMBER --type change|cancel --number CASE-NUMBER --date D\n"
    "        [--ground a-f] [--description TEXT] [--material KIND[:REFERENCE]]...\n"
    "        a new application for a change (6.4) or cancellation (6.5) of a certificate,\n"
    "        by its holder, submitted for the next night's review; the registration's\n"
    "        materials on file are carried over, with the new ones given here\n"
    "  history --case ID\n"
    "        the case's events, oldest first\n"
    "\n"
    "Every action but history first verifies the register (as hdreg ledger verify does) and\n"
    "refuses one changed past hdreg: each problem is named, nothing is written.\n"
    "\n"
    "Exit: 0 done, 2 usage, 3 not allowed (the message says why), 4 database (also: the\n"
    "register was changed past hdreg).\n";

typedef struct args {
  const char *db, *case_arg, *decision, *date, *actor, *reason, *objector, *grounds, *material,
      *objection, *outcome, *to, *certificate, *type, *number, *ground, *description;
  const char *questions[16], *materials[16];
  int n_questions, n_materials;
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
      {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0}};
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
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
    case 'h': fputs(HELP, stdout); return -1;
    default:
      cli_error("case: unknown or incomplete option '%s' (see hdreg case --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
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

static int exec_bind(sqlite3 *db, const char *sql, const char *const *texts, int n, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  for (int i = 0; i < n; i++) {
    if (texts[i]) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i + 1);
  }
  int s = sqlite3_step(st);
  sqlite3_finalize(st);
  if (s != SQLITE_DONE && s != SQLITE_ROW)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

/* store_text for a text argument (a certificate number). */
static char *one(sqlite3 *db, const char *sql, const char *arg) {
  sqlite3_stmt *st;
  char *v = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) v = store_col_text(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int act_committee(sqlite3 *db, const args *a, long long id, hd_err *err) {
  int approve = strcmp(a->decision, "approve") == 0;
  if (!approve && strcmp(a->decision, "reject") != 0)
    return hd_err_set(err, HD_EUSAGE, "--decision must be approve or reject, not '%s'", a->decision);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  const char *v[] = {a->date, ids};
  int rc = proc_move(db, id, approve ? "approved" : "rejected", "person", a->date, a->actor,
                     a->reason, 0, err);
  if (!rc) rc = exec_bind(db, "UPDATE cases SET committee_date = ?1 WHERE id = ?2", v, 2, err);
  return rc;
}

static int act_object(sqlite3 *db, const args *a, long long id, const char *number, hd_err *err) {
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  char *status = store_text(db, "SELECT status FROM cases WHERE id = ?1", id);
  char *start = store_text(db, "SELECT notice_start FROM cases WHERE id = ?1", id);
  char *end = store_text(db, "SELECT notice_end FROM cases WHERE id = ?1", id);
  int rc = HD_OK;
  if (!status || strcmp(status, "notice") != 0)
    rc = hd_err_set(err, HD_EDATA, "case %s is not in public notice (it is '%s'): objections are "
                    "filed during the notice period", number, status ? status : "?");
  else if (!start || !end || strcmp(a->date, start) < 0 || strcmp(a->date, end) > 0)
    rc = hd_err_set(err, HD_EDATA, "case %s: %s is outside its notice period %s to %s", number,
                    a->date, start ? start : "?", end ? end : "?");
  if (rc == HD_OK) {
    const char *v[] = {ids, a->date, a->objector, a->grounds, a->material};
    rc = exec_bind(db, "INSERT INTO objections(case_id, filed_date, objector, grounds, material, "
                       "status) VALUES (?1, ?2, ?3, ?4, ?5, 'open')", v, 5, err);
    if (!rc) printf("objection %lld filed against case %s\n", (long long)sqlite3_last_insert_rowid(db), number);
  }
  free(status);
  free(start);
  free(end);
  return rc;
}

static int act_resolve(sqlite3 *db, const args *a, hd_err *err) {
  int upheld = strcmp(a->outcome, "upheld") == 0;
  if (!upheld && strcmp(a->outcome, "dismissed") != 0)
    return hd_err_set(err, HD_EUSAGE, "--outcome must be upheld or dismissed, not '%s'", a->outcome);
  char *st = store_text(db, "SELECT status FROM objections WHERE id = ?1", atoll(a->objection));
  char *case_id = store_text(db, "SELECT case_id FROM objections WHERE id = ?1", atoll(a->objection));
  int rc = HD_OK;
  if (!st) rc = hd_err_set(err, HD_EDATA, "objection %s does not exist", a->objection);
  else if (strcmp(st, "open") != 0)
    rc = hd_err_set(err, HD_EDATA, "objection %s is already %s", a->objection, st);
  if (rc == HD_OK) {
    const char *v[] = {a->outcome, a->date, a->objection};
    rc = exec_bind(db, "UPDATE objections SET status = ?1, resolved_date = ?2 WHERE id = "
                       "CAST(?3 AS INTEGER)", v, 3, err);
  }
  if (rc == HD_OK && upheld)
    rc = proc_move(db, atoll(case_id), "submitted", "person", a->date, a->actor, a->reason, 0, err);
  free(st);
  free(case_id);
  return rc;
}

static int act_move(sqlite3 *db, const args *a, long long id, hd_err *err) {
  int rc = proc_move(db, id, a->to, "person", a->date, a->actor, a->reason, 0, err);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  for (int i = 0; rc == HD_OK && i < a->n_questions; i++) {
    const char *v[] = {ids, a->date, a->questions[i]};
    rc = exec_bind(db, "INSERT INTO onsite_questions(case_id, asked, question) VALUES (?1, ?2, ?3)",
                   v, 3, err);
  }
  return rc;
}

/* A change or cancellation of a certificate, applied for by its holder: a new case on
 * the same resource, with the same rights, referring to the certificate. */
static int act_apply(sqlite3 *db, const args *a, hd_err *err) {
  int cancel = strcmp(a->type, "cancel") == 0;
  if (!cancel && strcmp(a->type, "change") != 0)
    return hd_err_set(err, HD_EUSAGE, "--type must be change or cancel, not '%s'", a->type);
  if (cancel && (!a->ground || strlen(a->ground) != 1 || a->ground[0] < 'a' || a->ground[0] > 'f'))
    return hd_err_set(err, HD_EUSAGE, "a cancellation needs --ground, one of a-f (clause 5.1.6)");
  if (!cancel && !a->description)
    return hd_err_set(err, HD_EUSAGE, "a change needs --description (what changes, 6.4 a)");
  char *cert = one(db, "SELECT id FROM certificates WHERE number = ?1 AND status = 'issued'",
                   a->certificate);
  if (!cert) {
    char *status = one(db, "SELECT status FROM certificates WHERE number = ?1", a->certificate);
    int rc = hd_err_set(err, HD_EDATA, status ? "certificate %s is %s: only an issued certificate "
                        "can be changed or cancelled" : "certificate %s does not exist%s",
                        a->certificate, status ? status : "");
    free(status);
    return rc;
  }
  const char *v[] = {a->number, a->type, a->date, cert, cancel ? a->ground : NULL,
                     cancel ? NULL : a->description};
  int rc = exec_bind(db,
                     "INSERT INTO cases(number, reg_type, procedure, status, applicant_id, "
                     "resource_id, applied_date, accepted_date, prior_certificate_id, cancel_ground, "
                     "change_description) SELECT ?1, ?2, k.procedure, 'submitted', k.applicant_id, "
                     "k.resource_id, ?3, ?3, c.id, ?5, ?6 FROM certificates c JOIN cases k ON "
                     "k.id = c.case_id WHERE c.id = CAST(?4 AS INTEGER)", v, 6, err);
  if (rc == HD_OK && sqlite3_changes(db) != 1)
    rc = hd_err_set(err, HD_EDATA, "certificate %s has no case to apply from", a->certificate);
  long long id = sqlite3_last_insert_rowid(db);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  if (rc == HD_OK) {
    const char *w[] = {ids, cert};
    rc = exec_bind(db, "INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) "
                       "SELECT ?1, right_kind, holder_id, restrictions FROM case_rights WHERE "
                       "case_id = (SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))",
                   w, 2, err);
  }
  if (rc == HD_OK) { /* the registration's evidence on file stays the evidence */
    const char *w[] = {ids, cert};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, present, issued_date, valid_until, "
                       "reference, note) SELECT ?1, kind, present, issued_date, valid_until, "
                       "reference, note FROM materials WHERE kind <> 'application' AND case_id = "
                       "(SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))", w, 2, err);
  }
  if (rc == HD_OK) {
    const char *w[] = {ids, a->date};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, issued_date) VALUES (?1, "
                       "'application', ?2)", w, 2, err);
  }
  for (int i = 0; rc == HD_OK && i < a->n_materials; i++) {
    char kind[64];
    const char *colon = strchr(a->materials[i], ':');
    hd_snprintf(kind, sizeof kind, "%.*s", colon ? (int)(colon - a->materials[i]) : 63,
                a->materials[i]);
    const char *w[] = {ids, kind, a->date, colon ? colon + 1 : NULL};
    rc = exec_bind(db, "INSERT INTO materials(case_id, kind, issued_date, reference) VALUES "
                       "(?1, ?2, ?3, ?4)", w, 4, err);
    if (rc) hd_err_prefix(err, "--material '%s'", a->materials[i]);
  }
  if (rc == HD_OK) printf("case %s: %s of certificate %s submitted\n", a->number, a->type, a->certificate);
  free(cert);
  return rc;
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
    cli_error("case: which action? committee, object, resolve, move, apply or history (see hdreg case --help)");
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
  if (rc == HD_OK) rc = store_begin(db, &err);
  if (rc == HD_OK) {
    if (!strcmp(action, "committee")) rc = act_committee(db, &a, id, &err);
    else if (!strcmp(action, "object")) rc = act_object(db, &a, id, number, &err);
    else if (!strcmp(action, "resolve")) rc = act_resolve(db, &a, &err);
    else if (!strcmp(action, "move")) rc = act_move(db, &a, id, &err);
    else rc = act_apply(db, &a, &err);
    if (rc == HD_OK) rc = store_commit(db, &err);
    else sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  }
  if (rc) cli_error("case %s: %s", action, err.msg);
  else if (strcmp(action, "object") && strcmp(action, "apply"))
    printf("%s %s: %s recorded\n", number ? "case" : "objection", number ? number : a.objection, action);
  free(number);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
