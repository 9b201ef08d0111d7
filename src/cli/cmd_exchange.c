/* cmd_exchange.c: `hdreg import` and `hdreg export` — cases from and to legacy systems in
 * the exchange format (src/exchange/, docs/import.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "exchange/export.h"
#include "exchange/import.h"
#include "store/store.h"
#include "util/diag.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/fsutil.h"
#include <errno.h>
#include <json-c/json.h>

static const char IMPORT_HELP[] =
    "usage: hdreg import --db FILE [--create] [--dry-run] [--restore] [--date DATE]\n"
    "                    [--encoding UTF-8|GBK|GB18030] [--format xml|csv]\n"
    "                    [--format json] [--max-problems N] INPUT|-\n"
    "\n"
    "Import registration cases sent by a hospital's or platform's system: subjects and\n"
    "cases with their data resource, rights and materials (with --restore also\n"
    "objections and certificates), in the XML format (schema templates/cases.rng) or the\n"
    "CSV format of docs/import.md. The format is told by the first character (< is XML)\n"
    "unless --format says it; the encoding is declared with --encoding (default: what an\n"
    "XML file's declaration says, else UTF-8) and converted with iconv.\n"
    "\n"
    "The whole file imports in one transaction or nothing does. Every problem is reported,\n"
    "all in one pass, as 'file:line[:column]: field: what is wrong' on stderr: bytes\n"
    "invalid in the declared encoding, unknown values, missing required fields, invalid\n"
    "credit codes, dates that do not exist, case numbers used twice or already in the\n"
    "register, certificates that are nowhere. Values normalised on the way in (full-width\n"
    "digits and letters in codes, lower-case letters in credit codes, surrounding spaces,\n"
    "the legacy status authority_review) are listed on stdout. The register keeps the\n"
    "file's name, SHA-256 and counts (table imports) and each case's import.\n"
    "\n"
    "  --create              make FILE as a new, empty register first (it must not exist;\n"
    "                        if the import fails, FILE is removed again); without it FILE\n"
    "                        must be a register: a missing or empty file is refused\n"
    "  --date DATE           the date recorded for the import (default: today)\n"
    "  --dry-run             check the file against the register exactly as an import\n"
    "                        would, report, and write nothing (for the systems that make\n"
    "                        the files, and before a large import)\n"
    "  --restore             the file is a register's own export (hdreg export), moved to\n"
    "                        another register: cases keep their status, certificates and\n"
    "                        objections, and an invalid credit code is kept as recorded\n"
    "                        and listed (the compliance review names it, check 7.1).\n"
    "                        Without it the file is a batch of new applications: every case\n"
    "                        'submitted', no certificates, no objections.\n"
    "  --max-problems N      print at most N problems (default 1000; 0: all); all are\n"
    "                        counted\n"
    "  --format json         the report as one JSON document on stdout: the counts, the\n"
    "                        problems and the normalised values (hdreg(1), CONVENTIONS);\n"
    "                        the input's format is then told by its first character or\n"
    "                        by a second --format xml|csv\n"
    "\n"
    "INPUT - is standard input (named <stdin> in problems and in the register).\n"
    "\n"
    "Into an existing register, the register is verified first (as hdreg ledger verify\n"
    "does): one changed past hdreg is refused, nothing imported.\n"
    "\n"
    "Exit: 0 imported, 2 usage, 3 the file has problems (nothing imported), 4 database,\n"
    "5 the file cannot be read.\n";

static const char EXPORT_HELP[] =
    "usage: hdreg export --db FILE --format xml|csv [--out FILE|-]\n"
    "\n"
    "Write the register's subjects and cases (resource, rights, materials, objections,\n"
    "certificate and its printed fields) in the exchange format hdreg import reads, UTF-8,\n"
    "to --out (written completely or not at all) or stdout (also --out -). Imported\n"
    "into an empty register (hdreg import --create --restore) it gives the same cases.\n"
    "Events, findings, documents and notices stay in the register that made them.\n"
    "\n"
    "Exit: 0 written, 2 usage, 4 database, 5 output.\n";

int cmd_import(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"encoding", required_argument, NULL, 'e'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"restore", no_argument, NULL, 'k'},
                                       {"create", no_argument, NULL, 'c'},
                                       {"date", required_argument, NULL, 't'},
                                       {"dry-run", no_argument, NULL, 'n'},
                                       {"max-problems", required_argument, NULL, 'm'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *dbpath = cli_conf(CONF_DATABASE);
  int create = 0;
  ximport_opts o = {NULL, NULL, 0, 1000, stderr, cli_quiet ? NULL : stdout, NULL, 0, NULL};
  char today[11];
  int c, json = 0;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': dbpath = optarg; break;
    case 'e': o.encoding = optarg; break;
    case 'f':
      if (!strcmp(optarg, "json")) json = 1;
      else if (!strcmp(optarg, "text")) json = 0;
      else o.format = optarg;
      break;
    case 'k': o.restore = 1; break;
    case 'c': create = 1; break;
    case 't': o.date = optarg; break;
    case 'n': o.dry_run = 1; break;
    case 'm': {
      char *end;
      o.max_problems = strtol(optarg, &end, 10);
      if (*end || o.max_problems < 0) {
        cli_error("import: --max-problems takes a number, not '%s'", optarg);
        return HD_EXIT_USAGE;
      }
      break;
    }
    case 'h': fputs(IMPORT_HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("import", OPTS, argv);
    }
  }
  if (!dbpath || optind != argc - 1) {
    cli_error("import: --db and one input file are required (see hdreg import --help)");
    return HD_EXIT_USAGE;
  }
  const char *input = argv[optind];
  hd_date dd;
  if (o.date && !hd_date_parse(o.date, &dd)) {
    cli_error("import: --date '%s' is not a date (YYYY-MM-DD)", o.date);
    return HD_EXIT_USAGE;
  }
  if (!o.date) {
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    dd = (hd_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    hd_date_iso(dd, today);
    o.date = today;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  if (create && access(dbpath, F_OK) == 0) {
    cli_error("import: --create: '%s' already exists", dbpath);
    return HD_EXIT_USAGE;
  }
  int lock_fd = cli_lock_db(dbpath, create ? HD_STORE_CREATE : HD_STORE_MUST_EXIST);
  if (lock_fd < 0) return -lock_fd;
  int rc = store_open(dbpath, create ? HD_STORE_CREATE : HD_STORE_MUST_EXIST, &db, &err);
  ximport_result r;
  memset(&r, 0, sizeof r);
  /* A register changed past hdreg: nothing is read (err says "import: ..." itself). */
  int audit_failed = rc == HD_OK && !create && (rc = cli_audit(db, "import", NULL, NULL, &err));
  /* JSON: the problems and notes are the document's, caught on their way out. */
  char *probs = NULL, *notes = NULL, spool[4200] = "";
  size_t probs_len = 0, notes_len = 0;
  if (json) {
    o.problems = open_memstream(&probs, &probs_len);
    o.notes = open_memstream(&notes, &notes_len);
    if (!o.problems || !o.notes) rc = hd_err_set(&err, HD_ENOMEM, "out of memory");
  }
  if (rc == HD_OK && cli_is_stdio(input)) {
    rc = cli_stdin_to_file(spool, sizeof spool, &err);
    o.name = "<stdin>";
  }
  if (rc == HD_OK) rc = exchange_import(db, spool[0] ? spool : input, &o, &r, &err);
  if (spool[0]) unlink(spool);
  if (json) {
    if (o.problems) fclose(o.problems);
    if (o.notes) fclose(o.notes);
  }
  if (rc == HD_OK && !json && !cli_quiet) {
    if (o.dry_run) printf("dry run, nothing written: ");
    else printf("import %lld: ", r.import_id);
    printf("%s %ld case%s, %ld subject%s (%ld already in the register), %ld certificate%s "
           "and %ld other record%s from %s (%s, %lld bytes)",
           o.dry_run ? "would import" : "imported", r.cases, r.cases == 1 ? "" : "s",
           r.subjects, r.subjects == 1 ? "" : "s", r.subjects_known, r.certificates,
           r.certificates == 1 ? "" : "s", r.records, r.records == 1 ? "" : "s",
           o.name ? o.name : input, r.encoding ? r.encoding : "UTF-8", r.bytes);
    if (r.normalised) printf("; %ld value%s normalised", r.normalised, r.normalised == 1 ? "" : "s");
    if (r.kept_invalid) printf("; %ld invalid credit code%s kept as recorded", r.kept_invalid,
                               r.kept_invalid == 1 ? "" : "s");
    printf("\n");
  } else if (audit_failed) {
    cli_error("%s", err.msg);
  } else if (rc != HD_OK) {
    if (o.max_problems && r.problems > o.max_problems)
      cli_error("import: %ld more problem%s not shown (--max-problems 0 shows all)",
                r.problems - o.max_problems, r.problems - o.max_problems == 1 ? "" : "s");
    cli_error("import: %s", err.msg);
  }
  if (json) {
    json_object *j = json_object_new_object();
    json_object_object_add(j, "dry_run", json_object_new_boolean(o.dry_run));
    json_object_object_add(j, "ok", json_object_new_boolean(rc == HD_OK));
    json_object_object_add(j, "import", rc == HD_OK && !o.dry_run ? json_object_new_int64(r.import_id) : NULL);
    json_object_object_add(j, "file", json_object_new_string(o.name ? o.name : input));
    json_object_object_add(j, "encoding", json_object_new_string(r.encoding ? r.encoding : "UTF-8"));
    json_object_object_add(j, "bytes", json_object_new_int64(r.bytes));
    json_object_object_add(j, "cases", json_object_new_int64(r.cases));
    json_object_object_add(j, "subjects", json_object_new_int64(r.subjects));
    json_object_object_add(j, "subjects_known", json_object_new_int64(r.subjects_known));
    json_object_object_add(j, "certificates", json_object_new_int64(r.certificates));
    json_object_object_add(j, "records", json_object_new_int64(r.records));
    json_object_object_add(j, "normalised", json_object_new_int64(r.normalised));
    json_object_object_add(j, "kept_invalid", json_object_new_int64(r.kept_invalid));
    json_object_object_add(j, "problems", cli_json_lines(probs));
    json_object_object_add(j, "problem_count", json_object_new_int64(r.problems));
    json_object_object_add(j, "notes", cli_json_lines(notes));
    json_object_object_add(j, "error", rc ? json_object_new_string(err.msg) : NULL);
    cli_json_print(j);
  }
  free(probs);
  free(notes);
  store_close(db);
  if (create && (rc || o.dry_run)) {
    /* Nothing imported: the new register goes again, with its side files and lock. */
    char side[4200];
    unlink(dbpath);
    static const char *const SUFFIX[] = {"-wal", "-shm", "-journal", ".lock"};
    for (int i = 0; i < 4; i++)
      if (hd_snprintf(side, sizeof side, "%s%s", dbpath, SUFFIX[i]) >= 0) unlink(side);
  }
  close(lock_fd);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}

int cmd_export(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"format", required_argument, NULL, 'f'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *dbpath = cli_conf(CONF_DATABASE), *format = NULL, *out = NULL;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': dbpath = optarg; break;
    case 'f': format = optarg; break;
    case 'o': out = optarg; break;
    case 'h': fputs(EXPORT_HELP, stdout); return HD_EXIT_OK;
    default:
      return cli_bad_option("export", OPTS, argv);
    }
  }
  if (!dbpath || !format || optind != argc) {
    cli_error("export: --db and --format are required (see hdreg export --help)");
    return HD_EXIT_USAGE;
  }
  if (strcmp(format, "xml") && strcmp(format, "csv")) {
    cli_error("export: unknown format '%s' (xml or csv)", format);
    return HD_EXIT_USAGE;
  }
  hd_err err;
  hd_err_clear(&err);
  sqlite3 *db = NULL;
  int rc = store_open(dbpath, HD_STORE_MUST_EXIST, &db, &err);
  xexport_result r;
  if (rc == HD_OK) {
    char tmp[4096];
    if (cli_is_stdio(out)) out = NULL;
    FILE *f = out ? hd_atomic_open(out, tmp, &err) : stdout;
    if (!f) rc = err.code;
    else {
      rc = exchange_export(db, format, f, &r, &err);
      if (out) {
        int c2 = hd_atomic_commit(f, tmp, out, rc == HD_OK, &err);
        if (rc == HD_OK) rc = c2;
      }
    }
    if (rc == HD_OK && !out && fflush(stdout) != 0)
      rc = hd_err_set(&err, HD_EIO, "cannot write standard output: %s", strerror(errno));
    if (rc == HD_OK && out && !cli_quiet)
      fprintf(stderr, "exported %ld subjects, %ld cases and %ld certificates to %s\n", r.subjects,
              r.cases, r.certificates, out);
  }
  if (rc) cli_error("export: %s", err.msg);
  store_close(db);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
