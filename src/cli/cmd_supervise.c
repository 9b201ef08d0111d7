/* cmd_supervise.c: `hdreg supervise` — registration supervision (登记监督, 5.3.1): record a
 * suspected violation and what is done about it, list them, issue the signed report of a
 * period. Parses and prints; the rules are the procedure's (procedure/supervision.h), the
 * report document procedure/extract.h's. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "pdf/sign.h"
#include "procedure/extract.h"
#include "procedure/supervision.h"
#include "store/store.h"
#include "template/template.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/json.h"

static const char HELP[] =
    "usage: hdreg supervise record --db FILE --number N --date D --actor NAME\n"
    "                        (--subject CODE [--certificate NUMBER] --category CATEGORY\n"
    "                         --facts TEXT --source TEXT\n"
    "                        | --measure TEXT\n"
    "                        | --reported-to REGULATOR --text TEXT [--reference REF]\n"
    "                        | --close OUTCOME)\n"
    "       hdreg supervise list --db FILE [--open] [--from D] [--to D] [--format text|json]\n"
    "       hdreg supervise report --db FILE --from D --to D --out FILE [--keys DIR]\n"
    "                        [--fonts DIR] [--templates DIR]\n"
    "\n"
    "Registration supervision (5.3.1): when a registration subject is suspected of breaking\n"
    "the rules of market supervision, network security or data security, of harming the\n"
    "national or the public interest, or of infringing personal privacy or trade secrets, the\n"
    "authority takes the necessary measures, keeps the records and reports to the regulator.\n"
    "\n"
    "  record --subject ...  a suspected violation N found on D: the subject by its unified\n"
    "        social credit code, the certificate concerned (one the subject holds a right\n"
    "        of), --category market_supervision | network_security | data_security |\n"
    "        public_interest | privacy | trade_secret, the facts and where they came from\n"
    "  record --measure      a measure taken about N on D (e.g. an order to rectify)\n"
    "  record --reported-to  the report of N to a regulator (监管部门) on D: what was reported,\n"
    "        its reference\n"
    "  record --close        N closed on D with its outcome; refused while the cancellation\n"
    "        it led to is undecided. A closed supervision takes no further step.\n"
    "        A cancellation on the authority's own motion that a supervision leads to (5.1.6\n"
    "        c-e) is opened with hdreg case cancel ... --supervision N, and recorded as its step.\n"
    "  list    the supervisions found from --from to --to (--open: those not closed), with\n"
    "        their steps and the state of the cancellations they led to\n"
    "  report  the supervision report (登记监督情况报告) of the supervisions found from --from\n"
    "        to --to, laid out with templates/supervision_report.xml and written to --out\n"
    "        (never over a file); with --keys (default: the configuration's) signed and\n"
    "        recorded in the register (documents, kind supervision_report), so that hdreg\n"
    "        verify --db names it. Dated today; --to may not be after today.\n"
    "\n"
    "Each step is a row added, on the register's chain, never changed; every step's date is\n"
    "on or after the one before. record and report first verify the register and refuse one\n"
    "changed past hdreg.\n"
    "\n"
    "Exit: 0 done, 2 usage, 3 not allowed (the message says why), 4 database (also: the\n"
    "register was changed past hdreg), 5 output, 6 fonts.\n";

typedef struct sargs {
  const char *db, *number, *date, *actor, *subject, *certificate, *category, *facts, *source,
      *measure, *regulator, *text, *reference, *close, *from, *to, *format, *out, *keys, *fonts;
  int open;
} sargs;

static int date_ok(const char *opt, const char *v) {
  hd_date d;
  if (!v || hd_date_parse(v, &d)) return 1;
  cli_error("supervise: --%s '%s' is not a valid date YYYY-MM-DD", opt, v);
  return 0;
}

static int parse(int argc, char **argv, sargs *a) {
  static const struct option OPTS[] = {
      {"db", required_argument, NULL, 'd'},        {"number", required_argument, NULL, 'n'},
      {"date", required_argument, NULL, 't'},      {"actor", required_argument, NULL, 'a'},
      {"subject", required_argument, NULL, 's'},   {"certificate", required_argument, NULL, 'C'},
      {"category", required_argument, NULL, 'c'},  {"facts", required_argument, NULL, 'F'},
      {"source", required_argument, NULL, 'S'},    {"measure", required_argument, NULL, 'm'},
      {"reported-to", required_argument, NULL, 'r'}, {"text", required_argument, NULL, 'x'},
      {"reference", required_argument, NULL, 'R'}, {"close", required_argument, NULL, 'z'},
      {"from", required_argument, NULL, 'f'},      {"to", required_argument, NULL, 'T'},
      {"format", required_argument, NULL, 'o'},    {"out", required_argument, NULL, 'O'},
      {"keys", required_argument, NULL, 'k'},      {"fonts", required_argument, NULL, 'N'},
      {"templates", required_argument, NULL, 'P'}, {"open", no_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0}};
  int c;
  optind = 2;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': a->db = optarg; break;
    case 'n': a->number = optarg; break;
    case 't': a->date = optarg; break;
    case 'a': a->actor = optarg; break;
    case 's': a->subject = optarg; break;
    case 'C': a->certificate = optarg; break;
    case 'c': a->category = optarg; break;
    case 'F': a->facts = optarg; break;
    case 'S': a->source = optarg; break;
    case 'm': a->measure = optarg; break;
    case 'r': a->regulator = optarg; break;
    case 'x': a->text = optarg; break;
    case 'R': a->reference = optarg; break;
    case 'z': a->close = optarg; break;
    case 'f': a->from = optarg; break;
    case 'T': a->to = optarg; break;
    case 'o': a->format = optarg; break;
    case 'O': a->out = optarg; break;
    case 'k': a->keys = optarg; break;
    case 'N': a->fonts = optarg; break;
    case 'P': cli_conf_option(CONF_TEMPLATES, optarg); break;
    case 'p': a->open = 1; break;
    case 'h': fputs(HELP, stdout); return -1;
    default: return cli_bad_option("supervise", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("supervise: unexpected argument '%s' (see hdreg supervise --help)", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (!date_ok("date", a->date) || !date_ok("from", a->from) || !date_ok("to", a->to))
    return HD_EXIT_USAGE;
  return HD_OK;
}

/* The register, opened and verified for a command that writes; NULL after saying why. */
static sqlite3 *open_audited(const char *db_path, const char *what, int *exit_code) {
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err), audited = 0;
  if (!rc) audited = rc = cli_audit(db, what, NULL, NULL, &err);
  if (rc) {
    if (audited) cli_error("%s", err.msg); /* it names the command itself */
    else cli_error("%s: %s", what, err.msg);
    store_close(db);
    *exit_code = hd_exit_for(rc);
    return NULL;
  }
  return db;
}

static int record(const sargs *a) {
  int kinds = (a->subject != NULL) + (a->measure != NULL) + (a->regulator != NULL) +
              (a->close != NULL);
  if (!a->number || !a->date || !a->actor || kinds != 1) {
    cli_error("supervise record: --number, --date, --actor and one of --subject (a suspected "
              "violation), --measure, --reported-to or --close are required (see hdreg "
              "supervise --help)");
    return HD_EXIT_USAGE;
  }
  if (a->subject && (!a->category || !a->facts || !a->source)) {
    cli_error("supervise record: a suspected violation needs --category, --facts and --source");
    return HD_EXIT_USAGE;
  }
  if (!a->subject && (a->certificate || a->category || a->facts || a->source)) {
    cli_error("supervise record: --certificate, --category, --facts and --source go with "
              "--subject (a suspected violation)");
    return HD_EXIT_USAGE;
  }
  if (!a->regulator && (a->text || a->reference)) {
    cli_error("supervise record: --text and --reference go with --reported-to");
    return HD_EXIT_USAGE;
  }
  if (a->regulator && !a->text) {
    cli_error("supervise record: --reported-to needs --text (what was reported)");
    return HD_EXIT_USAGE;
  }
  int x = HD_EXIT_OK;
  sqlite3 *db = open_audited(a->db, "supervise record", &x);
  if (!db) return x;
  hd_err err;
  hd_err_clear(&err);
  const hd_actor by = {a->date, a->actor, NULL};
  int rc;
  const char *done;
  if (a->subject) {
    const hd_suspicion s = {a->number, a->subject, a->certificate, a->category, a->facts,
                            a->source, by};
    rc = sup_record(db, &s, &err);
    done = "suspected violation recorded";
  } else {
    const char *kind = a->measure ? "measure" : a->regulator ? "report" : "close";
    const hd_sup_action s = {a->number, kind, a->measure ? a->measure : a->regulator ? a->text
                                                                                    : a->close,
                             a->regulator, a->reference, by};
    rc = sup_act(db, &s, &err);
    done = a->measure ? "measure recorded" : a->regulator ? "report to the regulator recorded"
                                                          : "closed";
  }
  if (rc) cli_error("supervise record: %s", err.msg);
  else if (!cli_quiet) printf("supervision %s: %s\n", a->number, done);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}

static int list(const sargs *a) {
  int json = a->format ? cli_format("supervise list", a->format) : 0;
  if (json < 0) return HD_EXIT_USAGE;
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  json_object *l = NULL;
  int rc = store_open_readonly(a->db, &db, &err);
  if (!rc) rc = sup_list(db, a->from, a->to, a->open, &l, &err);
  if (rc) {
    cli_error("supervise list: %s", err.msg);
    store_close(db);
    return hd_exit_for(rc);
  }
  if (json) {
    puts(json_object_to_json_string_ext(l, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
  } else {
    for (size_t i = 0; i < json_object_array_length(l); i++) {
      json_object *o = json_object_array_get_idx(l, i), *acts = json_object_object_get(o, "actions");
      printf("%s  %s  %s  %s (%s)%s%s  %s\n  facts: %s\n  source: %s (recorded by %s)\n",
             hd_json_str(o, "number"), hd_json_str(o, "found_date"), hd_json_str(o, "status"), hd_json_str(o, "subject"), hd_json_str(o, "uscc"),
             hd_json_str(o, "certificate") ? "  certificate " : "", hd_json_str(o, "certificate") ? hd_json_str(o, "certificate") : "",
             hd_json_str(o, "category"), hd_json_str(o, "facts"), hd_json_str(o, "source"), hd_json_str(o, "recorded_by"));
      for (size_t k = 0; k < json_object_array_length(acts); k++) {
        json_object *s = json_object_array_get_idx(acts, k);
        printf("  %s  %-12s %s", hd_json_str(s, "date"), hd_json_str(s, "kind"), hd_json_str(s, "text"));
        if (hd_json_str(s, "regulator"))
          printf(" (to %s%s%s)", hd_json_str(s, "regulator"), hd_json_str(s, "reference") ? ", " : "",
                 hd_json_str(s, "reference") ? hd_json_str(s, "reference") : "");
        if (hd_json_str(s, "case"))
          printf(" (case %s: %s%s%s)", hd_json_str(s, "case"), hd_json_str(s, "case_status"),
                 hd_json_str(s, "cancelled_date") ? " on " : "",
                 hd_json_str(s, "cancelled_date") ? hd_json_str(s, "cancelled_date") : "");
        printf(" — %s\n", hd_json_str(s, "actor"));
      }
    }
    if (!json_object_array_length(l)) printf("no supervision%s\n", a->open ? " open" : "");
  }
  json_object_put(l);
  store_close(db);
  return HD_EXIT_OK;
}

static int issue_report(hd_docenv *env, const hd_template *t, const hd_signer *signer,
                        const char *today, const void *ud, char sha[65], int *recorded, hd_err *err) {
  const sargs *a = ud;
  const hd_supervision_req req = {a->from, a->to, today, a->out, signer};
  return act_supervision_report(env, t, &req, sha, recorded, err);
}

static int report(const sargs *a) {
  if (!a->from || !a->to || !a->out) {
    cli_error("supervise report: --db, --from, --to and --out are required (see hdreg "
              "supervise --help)");
    return HD_EXIT_USAGE;
  }
  if (cli_is_stdio(a->out)) {
    cli_error("supervise report: --out must be a file: the register records where each report is");
    return HD_EXIT_USAGE;
  }
  const cli_issue_req r = {"supervise report", a->db, a->keys ? a->keys : cli_conf(CONF_KEYS),
                           a->fonts ? a->fonts : cli_conf(CONF_FONTS), "supervision_report",
                           issue_report, a};
  char sha[65] = "";
  int recorded = 0, rc = cli_issue(&r, sha, &recorded);
  if (!rc && !cli_quiet)
    printf("supervision report %s to %s: %s (SHA-256 %s)%s\n", a->from, a->to, a->out, sha,
           recorded ? ", signed and recorded in the register" : ", unsigned, not recorded");
  return rc;
}

int cmd_supervise(int argc, char **argv) {
  if (argc < 2 || argv[1][0] == '-') {
    if (argc >= 2 && cli_is_help(argv[1])) {
      fputs(HELP, stdout);
      return HD_EXIT_OK;
    }
    cli_error("supervise: which action? record, list or report (see hdreg supervise --help)");
    return HD_EXIT_USAGE;
  }
  const char *action = argv[1];
  if (strcmp(action, "record") && strcmp(action, "list") && strcmp(action, "report")) {
    cli_error("supervise: unknown action '%s' (see hdreg supervise --help)", action);
    return HD_EXIT_USAGE;
  }
  sargs a;
  memset(&a, 0, sizeof a);
  a.db = cli_conf(CONF_DATABASE);
  int p = parse(argc, argv, &a);
  if (p < 0) return HD_EXIT_OK;
  if (p) return p;
  if (!a.db) {
    cli_error("supervise %s: --db is required (see hdreg supervise --help)", action);
    return HD_EXIT_USAGE;
  }
  if (!strcmp(action, "record")) return record(&a);
  if (!strcmp(action, "list")) return list(&a);
  return report(&a);
}
