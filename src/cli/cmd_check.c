/* cmd_check.c: `hdreg check` — run the compliance pack on one case. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/clock.h"
#include "checks/checks.h"
#include "cli/cli.h"
#include "model/calendar.h"
#include "model/caseview.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"
#include <json-c/json.h>

static const char HELP[] =
    "usage: hdreg check --db FILE --case ID|NUMBER [--as-of DATE]\n"
    "                   [--format text|json] [--checks DIR]...\n"
    "       hdreg check --db FILE --all [--as-of DATE] [--format text|json]\n"
    "                   [--checks DIR]...\n"
    "\n"
    "Run every compliance check on one case and print the findings and the decision\n"
    "(approve, rectify, hold, reject). The as-of date is \"today\" for every check; it\n"
    "defaults to the case's application date. --checks adds a legal team's directory\n"
    "after the shipped pack: its checks replace shipped ones with the same id, its\n"
    "params.lua overrides parameters and declares its own (declare_params). Nothing\n"
    "is written to the database.\n"
    "With --all, every case is checked, one line NUMBER DECISION [CHECK:OUTCOME...]\n"
    "is printed per case (outcomes other than pass and n/a); then, after an empty\n"
    "line, a table with one line per check: how many cases got pass, fail, rectify,\n"
    "manual, n/a and error; then a timing line on stderr. --format json prints one\n"
    "JSON document instead, of the findings of the case, or with --all of every case\n"
    "and the counts (hdreg(1), CONVENTIONS).\n"
    "\n"
    "Exit: 0 done (whatever the decision), 2 usage, 3 no such case or a broken pack,\n"
    "4 database.\n";

long long cli_find_case(sqlite3 *db, const char *arg, char **number) {
  sqlite3_stmt *st;
  long long id = 0;
  *number = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id, number FROM cases WHERE number = ?1 OR "
                             "(id = CAST(?1 AS INTEGER) AND ?1 GLOB '[0-9]*')", -1, &st,
                         NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) {
    id = sqlite3_column_int64(st, 0);
    *number = store_col_text(st, 1);
  }
  sqlite3_finalize(st);
  return id;
}

/* cancel: the case is a cancellation, whose approval cancels (6.5 h 予以注销), as its
 * opinion says. */
static void print_text(const char *number, const char *as_of, const hd_findings *f, int cancel) {
  printf("案件 %s　核查日期 %s　规则包 %s\n", number, as_of, f->revision);
  printf("结论：%s\n\n", cancel && f->decision == HD_APPROVE ? "予以注销" : decision_cn(f->decision));
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    printf("[%s] %-12s %s（%s）\n    %s\n", outcome_cn(x->outcome), x->clause, x->title,
           x->check_id, finding_message(x));
    const char *ev = finding_evidence(x);
    if (ev && strcmp(ev, "[]") != 0) printf("    依据：%s\n", ev);
    if (x->waiver) printf("    豁免：%s\n", x->waiver);
  }
}

/* After the cases of --all: one line per check, in the pack's order, with how many cases
 * got each outcome, in aligned columns under a header. */
static void print_counts(const hd_pack *pack, long (*count)[6]) {
  static const int ORDER[6] = {HD_PASS, HD_FAIL, HD_RECTIFY, HD_MANUAL, HD_NA, HD_ERROR};
  int w = 5; /* "check" */
  for (int i = 0; i < pack_count(pack); i++) {
    const char *id, *clause, *title;
    pack_check_info(pack, i, &id, &clause, &title);
    if ((int)strlen(id) > w) w = (int)strlen(id);
  }
  printf("\n%-*s", w, "check");
  for (int k = 0; k < 6; k++) printf(" %8s", outcome_name(ORDER[k]));
  putchar('\n');
  for (int i = 0; i < pack_count(pack); i++) {
    const char *id, *clause, *title;
    pack_check_info(pack, i, &id, &clause, &title);
    printf("%-*s", w, id);
    for (int k = 0; k < 6; k++) printf(" %8ld", count[i][ORDER[k]]);
    putchar('\n');
  }
}

/* The same counts as JSON: [{"id", "clause", "pass", ..., "error"}] in the pack's order. */
static json_object *counts_json(const hd_pack *pack, long (*count)[6]) {
  static const int ORDER[6] = {HD_PASS, HD_FAIL, HD_RECTIFY, HD_MANUAL, HD_NA, HD_ERROR};
  json_object *a = json_object_new_array();
  for (int i = 0; i < pack_count(pack); i++) {
    const char *id, *clause, *title;
    pack_check_info(pack, i, &id, &clause, &title);
    json_object *c = json_object_new_object();
    json_object_object_add(c, "id", json_object_new_string(id));
    json_object_object_add(c, "clause", json_object_new_string(clause));
    for (int k = 0; k < 6; k++)
      json_object_object_add(c, outcome_name(ORDER[k]), json_object_new_int64(count[i][ORDER[k]]));
    json_object_array_add(a, c);
  }
  return a;
}

/* Every case, one loader, one pack: the batch path (and the benchmark). */
static int check_all(sqlite3 *db, hd_pack *pack, const hd_calendar *cal, const char *as_of,
                     int json, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  sqlite3_stmt *st = NULL;
  int rc = caseview_loader_new(db, &ld, err), n = 0, bad = 0, n_checks = pack_count(pack);
  double t_load = 0, t_check = 0;
  if (rc) return rc;
  long (*count)[6] = calloc((size_t)n_checks + 1, sizeof *count); /* per check, per outcome */
  if (!count) {
    caseview_loader_free(ld);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  json_object *cases = json ? json_object_new_array() : NULL;
  if ((rc = store_prepare(db, "SELECT id, number, applied_date FROM cases ORDER BY id", &st, err)))
    goto done;
  while (sqlite3_step(st) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(st, 0);
    const char *num = (const char *)sqlite3_column_text(st, 1);
    const char *day = as_of ? as_of : (const char *)sqlite3_column_text(st, 2);
    hd_caseview v;
    hd_findings f;
    double t0 = hd_now_ms();
    hd_err ce;
    hd_err_clear(&ce);
    if ((rc = caseview_load(ld, id, &v, &ce)) == HD_OK) {
      double t1 = hd_now_ms();
      rc = pack_run_view(pack, &v, cal, day, &f, &ce);
      t_check += hd_now_ms() - t1;
      t_load += t1 - t0;
      caseview_release(&v);
    }
    if (rc == HD_EDATA) { /* this case only: the others are checked as without it */
      fprintf(stderr, "hdreg: check: case %s: %s\n", num, ce.msg);
      if (json) {
        json_object *c = json_object_new_object();
        json_object_object_add(c, "number", json_object_new_string(num));
        json_object_object_add(c, "decision", json_object_new_string("not-checked"));
        json_object_object_add(c, "outcomes", json_object_new_object());
        json_object_object_add(c, "error", json_object_new_string(ce.msg));
        json_object_array_add(cases, c);
      } else {
        printf("%s not-checked\n", num);
      }
      bad++;
      rc = HD_OK;
      continue;
    }
    if (rc) {
      hd_err_set(err, rc, "case %s: %s", num, ce.msg);
      goto done;
    }
    char prefix[128];
    hd_snprintf(prefix, sizeof prefix, "hdreg: check: case %s: ", num);
    cli_lines(stderr, prefix, f.waiver_problems, 0);
    json_object *outcomes = json ? json_object_new_object() : NULL;
    if (!json) printf("%s %s", num, decision_name(f.decision));
    for (int i = 0; i < f.n; i++) {
      if (f.v[i].outcome != HD_PASS && f.v[i].outcome != HD_NA) {
        if (json)
          json_object_object_add(outcomes, f.v[i].check_id,
                                 json_object_new_string(outcome_name(f.v[i].outcome)));
        else
          printf(" %s:%s", f.v[i].check_id, outcome_name(f.v[i].outcome));
      }
      if (i < n_checks && f.v[i].outcome >= HD_PASS && f.v[i].outcome <= HD_ERROR)
        count[i][f.v[i].outcome]++; /* findings come in the pack's order of checks */
    }
    if (json) {
      json_object *c = json_object_new_object();
      json_object_object_add(c, "number", json_object_new_string(num));
      json_object_object_add(c, "decision", json_object_new_string(decision_name(f.decision)));
      json_object_object_add(c, "outcomes", outcomes);
      json_object_array_add(cases, c);
    } else {
      putchar('\n');
    }
    findings_release(&f);
    n++;
  }
  if (json) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "as_of", as_of ? json_object_new_string(as_of) : NULL);
    json_object_object_add(o, "revision", json_object_new_string(pack_revision(pack)));
    json_object_object_add(o, "cases", cases);
    cases = NULL;
    json_object_object_add(o, "checks", counts_json(pack, count));
    json_object_object_add(o, "not_checked", json_object_new_int(bad));
    cli_json_print(o);
  } else {
    print_counts(pack, count);
  }
  if (!cli_quiet)
    fprintf(stderr, "hdreg: checked %d cases with %d checks: load %.1f ms, checks %.1f ms "
          "(%.0f cases/s for the checks, %.0f cases/s with loading)\n", n, pack_count(pack),
          t_load, t_check, n / (t_check / 1000.0), n / ((t_load + t_check) / 1000.0));
  if (bad)
    rc = hd_err_set(err, HD_EDATA, "%d of %d cases could not be checked (listed above)", bad,
                    n + bad);
done:
  json_object_put(cases);
  free(count);
  sqlite3_finalize(st);
  caseview_loader_free(ld);
  return rc;
}

int cmd_check(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"case", required_argument, NULL, 'c'},
                                       {"as-of", required_argument, NULL, 'a'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"checks", required_argument, NULL, 'k'},
                                       {"all", no_argument, NULL, 'A'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = cli_conf(CONF_DATABASE), *case_arg = NULL, *as_of = NULL, *format = "text";
  const char *dirs[16];
  int n_dirs = 1, c, all = 0;
  dirs[0] = cli_default_checks_dir();
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 'c': case_arg = optarg; break;
    case 'A': all = 1; break;
    case 'a': as_of = optarg; break;
    case 'f': format = optarg; break;
    case 'k':
      if (n_dirs == 16) {
        cli_error("check: at most 15 --checks directories");
        return HD_EXIT_USAGE;
      }
      dirs[n_dirs++] = optarg;
      break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("check", OPTS, argv);
    }
  }
  if (n_dirs == 1) n_dirs = cli_conf_checks(dirs, 16);
  hd_date d;
  if (all && !case_arg) case_arg = "";
  if (!db_path || !case_arg || optind < argc || (all && *case_arg)) {
    cli_error("check: --db and --case are required (see hdreg check --help)");
    return HD_EXIT_USAGE;
  }
  if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
    cli_error("check: --format must be text or json, not '%s'", format);
    return HD_EXIT_USAGE;
  }
  if (as_of && !hd_date_parse(as_of, &d)) {
    cli_error("check: --as-of '%s' is not a valid date YYYY-MM-DD", as_of);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  hd_pack *pack = NULL;
  hd_calendar *cal = NULL;
  hd_findings f;
  memset(&f, 0, sizeof f);
  char *number = NULL, *applied = NULL;
  int rc;
  hd_pack_opts o = {dirs, n_dirs, 0, 0, 0};
  if ((rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err))) goto done;
  if (all) {
    if ((rc = calendar_load(db, &cal, &err)) || (rc = pack_load(&o, &pack, &err))) goto done;
    rc = check_all(db, pack, cal, as_of, !strcmp(format, "json"), &err);
    goto done;
  }
  long long id = cli_find_case(db, case_arg, &number);
  if (!id) {
    rc = hd_err_set(&err, HD_EDATA, "case '%s' does not exist", case_arg);
    goto done;
  }
  if (!as_of) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT applied_date FROM cases WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
      sqlite3_bind_int64(st, 1, id);
      if (sqlite3_step(st) == SQLITE_ROW) applied = store_col_text(st, 0);
      sqlite3_finalize(st);
    }
    as_of = applied;
  }
  if ((rc = calendar_load(db, &cal, &err)) || (rc = pack_load(&o, &pack, &err)) ||
      (rc = pack_run_case(pack, db, cal, id, as_of, &f, &err)))
    goto done;
  char prefix[128];
  hd_snprintf(prefix, sizeof prefix, "hdreg: check: case %s: ", number);
  cli_lines(stderr, prefix, f.waiver_problems, 0);
  if (strcmp(format, "json") == 0) {
    char *j = findings_json(id, number, as_of, &f);
    fputs(j, stdout);
    free(j);
  } else {
    char *type = store_text(db, "SELECT reg_type FROM cases WHERE id = ?1", id);
    print_text(number, as_of, &f, type && !strcmp(type, "cancel"));
    free(type);
    if (*pack_log(pack)) printf("\n检查日志（print）：\n%s", pack_log(pack));
  }
done:
  if (rc) cli_error("check: %s", err.msg);
  findings_release(&f);
  pack_free(pack);
  calendar_free(cal);
  store_close(db);
  free(number);
  free(applied);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}

static const char TEST_HELP[] =
    "usage: hdreg checks test [DIR]... [--db FILE] [--shuffle SEED]\n"
    "                         [--only NAME|FILE:LINE] [--findings]\n"
    "                         [--format text|json]\n"
    "\n"
    "Run the fixture tests of the shipped check pack and of each DIR (a legal team's\n"
    "directory): DIR/tests/_base.lua declares a base case that passes every check,\n"
    "each other DIR/tests/*.lua declares fixtures, cases with the outcomes they must\n"
    "produce. Outcomes are matched both ways; every check must be seen passing and\n"
    "not passing (coverage). Failures are printed as file:line. A fixture case may\n"
    "set only fields of a case, with values of their type. A fixture that expects an\n"
    "outcome of a check a later DIR replaces is retired: not run, and counted.\n"
    "\n"
    "  --db FILE       the holiday calendar for working-day helpers, and the schema\n"
    "                  whose fields a fixture case may set\n"
    "  --shuffle SEED  run the fixtures in an order drawn from SEED (a whole number)\n"
    "  --only NAME|FILE:LINE\n"
    "                  run only the fixtures of that name or declared there\n"
    "                  (coverage is then not checked)\n"
    "  --findings      print one JSON line per fixture and check on stdout (fixture,\n"
    "                  where, check, outcome, message); the report goes to stderr\n"
    "  --format json   the report as one JSON document on stdout: counts, failures\n"
    "                  and coverage as fields (hdreg(1), CONVENTIONS)\n"
    "\n"
    "Exit: 0 all fixtures pass and coverage is complete, 1 otherwise, 2 usage (or no\n"
    "fixture matches --only), 3 a broken pack, fixture file or base case.\n";

/* "A\tB\tC\n" lines as [{k0: A, k1: B, k2: C}]. */
static json_object *tab_lines(const char *text, const char *const k[3]) {
  json_object *a = json_object_new_array();
  for (const char *p = text, *nl; p && (nl = strchr(p, '\n')); p = nl + 1) {
    json_object *o = json_object_new_object();
    const char *f = p;
    for (int i = 0; i < 3; i++) {
      const char *end = i < 2 ? memchr(f, '\t', (size_t)(nl - f)) : NULL;
      if (!end) end = nl;
      json_object_object_add(o, k[i], json_object_new_string_len(f, (int)(end - f)));
      f = end < nl ? end + 1 : nl;
    }
    json_object_array_add(a, o);
  }
  return a;
}

/* checks test --format json (hdreg(1), CONVENTIONS). */
static void print_test_json(const hd_test_opts *t, const hd_test_summary *su, int failed) {
  static const char *const FAIL[3] = {"where", "fixture", "message"};
  static const char *const MISS[3] = {"check", "where", "why"};
  json_object *o = json_object_new_object(), *cov = json_object_new_object();
  json_object_object_add(o, "ok", json_object_new_boolean(!failed));
  json_object_object_add(o, "fixtures", json_object_new_int(su->fixtures));
  json_object_object_add(o, "passed", json_object_new_int(su->passed));
  json_object_object_add(o, "failed", json_object_new_int(su->failed));
  json_object_object_add(o, "retired", json_object_new_int(su->retired));
  json_object_object_add(o, "failures", tab_lines(su->failures, FAIL));
  json_object_object_add(cov, "checked", json_object_new_boolean(su->coverage_checked));
  json_object_object_add(cov, "covered", json_object_new_int(su->covered));
  json_object_object_add(cov, "checks", json_object_new_int(su->checks));
  json_object_object_add(cov, "missing", tab_lines(su->missing, MISS));
  json_object_object_add(o, "coverage", cov);
  json_object_object_add(o, "seed", t->shuffle ? json_object_new_uint64(t->seed) : NULL);
  cli_json_print(o);
}

int cmd_checks(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "test") != 0) {
    if (argc >= 2 && cli_is_help(argv[1])) {
      fputs(TEST_HELP, stdout);
      return HD_EXIT_OK;
    }
    cli_error("checks: expected 'hdreg checks test [DIR]...' (see hdreg checks --help)");
    return HD_EXIT_USAGE;
  }
  const char *dirs[16];
  int n_dirs = 1;
  const char *db_path = NULL;
  hd_test_opts t = {NULL, 0, 0, NULL, 0, NULL};
  hd_test_summary su;
  memset(&su, 0, sizeof su);
  int json = 0;
  dirs[0] = cli_default_checks_dir();
  for (int i = 2; i < argc; i++) {
    if (cli_is_help(argv[i])) {
      fputs(TEST_HELP, stdout);
      return HD_EXIT_OK;
    }
    if (!strcmp(argv[i], "--findings")) {
      t.findings = 1;
      continue;
    }
    if ((!strcmp(argv[i], "--db") || !strcmp(argv[i], "--shuffle") || !strcmp(argv[i], "--only") ||
         !strcmp(argv[i], "--format")) &&
        i + 1 == argc) {
      cli_error("checks test: %s needs a value (see hdreg checks --help)", argv[i]);
      return HD_EXIT_USAGE;
    }
    if (!strcmp(argv[i], "--db")) {
      db_path = argv[++i];
      continue;
    }
    if (!strcmp(argv[i], "--only")) {
      t.only = argv[++i];
      continue;
    }
    if (!strcmp(argv[i], "--format")) {
      if ((json = cli_format("checks test", argv[++i])) < 0) return HD_EXIT_USAGE;
      continue;
    }
    if (!strcmp(argv[i], "--shuffle")) {
      const char *v = argv[++i];
      char *end = NULL;
      errno = 0;
      unsigned long long seed = strtoull(v, &end, 10);
      if (!*v || *end || *v == '-' || errno) {
        cli_error("checks test: --shuffle '%s' is not a seed (a whole number such as 42)", v);
        return HD_EXIT_USAGE;
      }
      t.shuffle = 1;
      t.seed = seed;
      continue;
    }
    if (argv[i][0] == '-') return cli_unknown_option("checks test", argv[i]);
    if (n_dirs == 16) {
      cli_error("checks test: at most 15 directories");
      return HD_EXIT_USAGE;
    }
    dirs[n_dirs++] = argv[i];
  }
  if (json && t.findings) {
    cli_error("checks test: --findings or --format json, not both (see hdreg checks --help)");
    return HD_EXIT_USAGE;
  }
  if (json) t.summary = &su;
  hd_err err;
  hd_err_clear(&err);
  hd_pack *pack = NULL;
  hd_calendar *cal = NULL;
  sqlite3 *db = NULL;
  char *report = NULL, *findings = NULL;
  int failed = 0, rc;
  hd_pack_opts o = {dirs, n_dirs, 0, 0, 0};
  if (db_path) {
    if ((rc = store_open(db_path, HD_STORE_MUST_EXIST, &db, &err)) ||
        (rc = calendar_load(db, &cal, &err)))
      goto done;
  } else if (calendar_new(&cal)) {
    rc = hd_err_set(&err, HD_ENOMEM, "out of memory");
    goto done;
  }
  t.db = db;
  if ((rc = pack_load(&o, &pack, &err)) ||
      (rc = pack_test(pack, dirs, n_dirs, cal, &t, &report, &findings, &failed, &err)))
    goto done;
  if (json) {
    print_test_json(&t, &su, failed);
  } else if (t.findings) {
    fputs(findings, stdout);
    fputs(report, stderr);
  } else {
    fputs(report, stdout);
  }
done:
  if (rc) cli_error("checks test: %s", err.msg);
  free(report);
  free(findings);
  free(su.failures);
  free(su.missing);
  pack_free(pack);
  calendar_free(cal);
  store_close(db);
  if (rc) return hd_exit_for(rc);
  return failed ? HD_EXIT_PARTIAL : HD_EXIT_OK;
}
