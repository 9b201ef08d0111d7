/* cmd_run.c: `hdreg run` — the nightly job. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <limits.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include <json-c/json.h>
#include "util/buf.h"
#include "checks/checks.h"
#include "pdf/sign.h"
#include "ledger/register.h"
#include <openssl/evp.h>
#include "procedure/night.h"
#include "store/store.h"
#include "procedure/run.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/fsutil.h"
#include "util/clock.h"

static const char HELP[] =
    "usage: hdreg run --db FILE --date YYYY-MM-DD [--out DIR] [--keys DIR] [--jobs N] [--fonts DIR]\n"
    "                 [--font-manifest FILE] [--checks DIR]...\n"
    "\n"
    "The nightly job for DATE, in this order (docs/procedure.md):\n"
    "  review        every submitted case: compliance checks as of DATE, findings and\n"
    "                decision recorded, review opinion written (DIR/opinions/), the case\n"
    "                moved on (committee review, approved, returned for materials, held\n"
    "                for a human, rejected);\n"
    "  notice        the approved cases gathered into one public notice GS-YYYYMMDD\n"
    "                (DIR/notices/), open for notice_working_days working days;\n"
    "  certificates  cases whose notice ended before DATE with no open objection: a new\n"
    "                number, DIR/certificates/NUMBER.pdf, SHA-256 in the ledger;\n"
    "  cancellations cancellations whose notice ended: the certificate cancelled, the\n"
    "                cancellation notice written (DIR/cancellations/).\n"
    "Before anything, the register is verified (hdreg ledger verify): a row changed past\n"
    "hdreg, a broken chain or a checkpoint the register no longer extends stops the night\n"
    "with exit 4 and nothing written, so a night never signs over a change it did not make.\n"
    "Every move is an event in case_events. Documents are complete or absent. Running the\n"
    "same date again changes nothing and writes nothing new (certificates of the day are\n"
    "verified, missing files restored); a killed run finishes on the next.\n"
    "\n"
    "  --db FILE       the registration database\n"
    "  --date DATE     the run date; every decision uses it, never the clock\n"
    "  --out DIR       output directory (default: out)\n"
    "  --fonts DIR     extra fonts that win over system fonts (default: fonts)\n"
    "  --font-manifest FILE  font roles and fallback order (default: the built-in\n"
    "                  copy of fonts/manifest.txt)\n"
    "  --checks DIR    a legal team's check directory after the shipped pack (repeatable)\n"
    "  --keys DIR      sign every document with the authority's key in DIR (authority.key,\n"
    "                  authority.crt; hdreg keygen makes them): a PDF signature pdfsig checks\n"
    "  --checkpoints FILE  with --keys: the file the night's signed checkpoint of the\n"
    "                  register is appended to (default: DIR/checkpoints.txt); the night\n"
    "                  first checks that the register extends every checkpoint there\n"
    "  --jobs N        lay out and write documents in N worker processes (1-64, default\n"
    "                  1); the database and every document are the same for any N\n"
    "\n"
    "On a terminal a progress line (step, cases, rate, time left) is shown on stderr;\n"
    "elsewhere (cron) only the summary is printed.\n"
    "\n"
    "A JSON report of the run (counts, documents, problems) is written to\n"
    "DIR/run-DATE.json (a rerun of the date: DIR/run-DATE.2.json, ...).\n"
    "\n"
    "FILE must be a register (a missing or empty file is refused, hdreg import --create\n"
    "or hdreg demo-db makes one); before anything is done SQLite checks the whole file,\n"
    "and a damaged one is refused with the first problems it names.\n"
    "\n"
    "Exit: 0 all done, 7 done but cases are held for a human (held for review, open\n"
    "objections), 1 some cases failed (listed on stderr), 2 usage, 3 a broken check pack\n"
    "or template, 4 database (missing, empty, not a register, damaged, locked, read-only),\n"
    "5 output directory, 6 fonts, 70 internal error.\n";

static void problems_json(const hd_problem *p, int n, json_object *into) {
  for (int i = 0; i < n; i++) {
    json_object *x = json_object_new_object();
    json_object_object_add(x, "case", p[i].case_number ? json_object_new_string(p[i].case_number) : NULL);
    json_object_object_add(x, "message", json_object_new_string(p[i].message ? p[i].message : ""));
    json_object_array_add(into, x);
  }
}

static void problems_print(const hd_problem *p, int n) {
  for (int i = 0; i < n; i++) {
    if (p[i].case_number) cli_error("case %s: %s", p[i].case_number, p[i].message);
    else cli_error("%s", p[i].message);
  }
}

/* The run report: DIR/run-DATE.json, written atomically (for staff and their tools). */
static int write_report(const char *out, const char *date, const char *db_path,
                        const char *revision, const hd_night_report *rr,
                        const hd_run_report *rep, hd_err *err) {
  json_object *o = json_object_new_object(), *dec = json_object_new_object(),
              *cert = json_object_new_object(), *issued = json_object_new_array(),
              *probs = json_object_new_array();
  json_object_object_add(o, "date", json_object_new_string(date));
  json_object_object_add(o, "database", json_object_new_string(db_path));
  json_object_object_add(o, "check_pack_revision", json_object_new_string(revision));
  json_object_object_add(o, "reviewed", json_object_new_int(rr->reviewed));
  static const char *const D[4] = {"approve", "rectify", "hold", "reject"};
  for (int i = 0; i < 4; i++) json_object_object_add(dec, D[i], json_object_new_int(rr->by_decision[i]));
  json_object_object_add(o, "decisions", dec);
  json_object *notices = json_object_new_array();
  for (int i = 0; i < rr->n_notices; i++) {
    json_object *x = json_object_new_object();
    json_object_object_add(x, "number", json_object_new_string(rr->notices[i].number));
    json_object_object_add(x, "cases", json_object_new_int(rr->notices[i].cases));
    json_object_object_add(x, "end_date", json_object_new_string(rr->notices[i].end_date));
    json_object_array_add(notices, x);
  }
  json_object_object_add(o, "notices", notices);
  json_object_object_add(o, "cancelled", json_object_new_int(rr->cancelled));
  json_object_object_add(o, "held_for_review", json_object_new_int(rr->by_decision[HD_HOLD]));
  json_object_object_add(o, "held_unprintable", json_object_new_int(rr->held_unprintable));
  json_object_object_add(o, "held_check_error", json_object_new_int(rr->held_check_error));
  json_object *letters = json_object_new_array();
  for (int i = 0; i < rr->n_letters; i++) {
    json_object *x = json_object_new_object();
    json_object_object_add(x, "kind", json_object_new_string(rr->letters[i].kind));
    json_object_object_add(x, "case", json_object_new_string(rr->letters[i].case_number ? rr->letters[i].case_number : ""));
    json_object_object_add(x, "path", json_object_new_string(rr->letters[i].path ? rr->letters[i].path : ""));
    json_object_object_add(x, "sha256", json_object_new_string(rr->letters[i].sha256));
    json_object_array_add(letters, x);
  }
  json_object_object_add(o, "letters", letters);
  json_object_object_add(cert, "issued", json_object_new_int(rep->issued));
  json_object_object_add(cert, "verified", json_object_new_int(rep->verified));
  json_object_object_add(cert, "restored", json_object_new_int(rep->restored));
  json_object_object_add(cert, "held_by_objection", json_object_new_int(rep->held));
  json_object_object_add(cert, "failed", json_object_new_int(rep->failed));
  json_object_object_add(o, "certificates", cert);
  for (int i = 0; i < rep->n_issued_list; i++) {
    const struct hd_issued *e = &rep->issued_list[i];
    json_object *x = json_object_new_object();
    json_object_object_add(x, "case", json_object_new_string(e->case_number ? e->case_number : ""));
    json_object_object_add(x, "number", json_object_new_string(e->number ? e->number : ""));
    json_object_object_add(x, "path", json_object_new_string(e->path ? e->path : ""));
    json_object_object_add(x, "sha256", json_object_new_string(e->sha256));
    if (e->replaces) json_object_object_add(x, "replaces", json_object_new_string(e->replaces));
    json_object_array_add(issued, x);
  }
  json_object_object_add(o, "issued", issued);
  problems_json(rr->problems, rr->n_problems, probs);
  problems_json(rep->problems, rep->n_problems, probs);
  json_object_object_add(o, "problems", probs);
  const char *text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
                                                       JSON_C_TO_STRING_NOSLASHESCAPE);
  /* A rerun of the date keeps the first report and writes its own beside it. */
  char path[4200];
  struct stat sb;
  snprintf(path, sizeof path, "%s/run-%s.json", out, date);
  for (int k = 2; stat(path, &sb) == 0 && k < 10000; k++)
    snprintf(path, sizeof path, "%s/run-%s.%d.json", out, date, k);
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_adds(&b, text);
  hd_buf_adds(&b, "\n");
  int rc = hd_write_atomic(path, b.p, b.len, err);
  hd_buf_release(&b);
  json_object_put(o);
  return rc;
}

/* On a terminal, one line of progress on stderr: step, cases done of all, rate, time
 * left. In cron (no terminal) nothing: only the summary. */
typedef struct progress {
  double started, last;
  char step[32];
} progress;

static void show_progress(void *ud, const char *step, int done, int total) {
  progress *p = ud;
  double now = hd_now_ms();
  if (strcmp(p->step, step) != 0) {
    snprintf(p->step, sizeof p->step, "%s", step);
    p->started = now;
  }
  if (done < total && now - p->last < 200) return;
  p->last = now;
  double secs = (now - p->started) / 1000, rate = secs > 0 ? done / secs : 0;
  double left = rate > 0 ? (total - done) / rate : 0;
  int width = 30, filled = total ? (int)((long long)width * done / total) : width;
  char bar[64];
  for (int i = 0; i < width; i++) bar[i] = i < filled ? '#' : '.';
  bar[width] = '\0';
  fprintf(stderr, "\r%-13s [%s] %d/%d cases  %.0f/s  ETA %dm%02ds ", step, bar, done, total, rate,
          (int)left / 60, (int)left % 60);
  if (done >= total) fputs("\n", stderr);
  fflush(stderr);
}

/* The checkpoints file: --checkpoints, else OUT/checkpoints.txt. */
static const char *checkpoints_at(const char *given, const char *out, char *buf, size_t size) {
  if (given) return given;
  hd_snprintf(buf, size, "%s/checkpoints.txt", out);
  return buf;
}

int cmd_run(int argc, char **argv) {
  static const struct option OPTS[] = {{"db", required_argument, NULL, 'd'},
                                       {"date", required_argument, NULL, 't'},
                                       {"out", required_argument, NULL, 'o'},
                                       {"fonts", required_argument, NULL, 'f'},
                                       {"font-manifest", required_argument, NULL, 'm'},
                                       {"checks", required_argument, NULL, 'k'},
                                       {"jobs", required_argument, NULL, 'j'},
                                       {"keys", required_argument, NULL, 'K'},
                                       {"checkpoints", required_argument, NULL, 'P'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = NULL, *date = NULL, *out = "out", *fonts_dir = "fonts";
  const char *manifest_path = NULL;
  int jobs = 1;
  const char *keys_dir = NULL, *checkpoints = NULL;
  const char *dirs[16];
  int n_dirs = 1;
  dirs[0] = cli_default_checks_dir();
  char *manifest = NULL;
  size_t manifest_len = 0;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 't': date = optarg; break;
    case 'o': out = optarg; break;
    case 'f': fonts_dir = optarg; break;
    case 'm': manifest_path = optarg; break;
    case 'K': keys_dir = optarg; break;
    case 'P': checkpoints = optarg; break;
    case 'j': {
      char *end;
      long v = strtol(optarg, &end, 10);
      if (*end || v < 1 || v > 64) {
        cli_error("run: --jobs '%s' must be a number from 1 to 64", optarg);
        return HD_EXIT_USAGE;
      }
      jobs = (int)v;
      break;
    }
    case 'k':
      if (n_dirs == 16) {
        cli_error("run: at most 15 --checks directories");
        return HD_EXIT_USAGE;
      }
      dirs[n_dirs++] = optarg;
      break;
    case 'h': fputs(HELP, stdout); return HD_EXIT_OK;
    default:
      cli_error("run: unknown or incomplete option '%s' (see hdreg run --help)", argv[optind - 1]);
      return HD_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    cli_error("run: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (!db_path || !date) {
    cli_error("run: --db and --date are required (see hdreg run --help)");
    return HD_EXIT_USAGE;
  }
  hd_date run_date;
  if (!hd_date_parse(date, &run_date)) {
    cli_error("run: --date '%s' is not a valid date YYYY-MM-DD", date);
    return HD_EXIT_USAGE;
  }
  int lock_fd = cli_lock_db(db_path, HD_STORE_MUST_EXIST);
  if (lock_fd < 0) return HD_EXIT_DB;
  hd_err err;
  hd_err_clear(&err);
  char cp_buf[4200];
  if (manifest_path &&
      hd_read_file(manifest_path, 65536, &manifest, &manifest_len, &err) != HD_OK) {
    cli_error("run: --font-manifest: %s", err.msg);
    return HD_EXIT_USAGE;
  }
  hd_night_opts no = {db_path, date, out, fonts_dir, manifest, dirs, n_dirs, jobs, NULL, NULL,
                      NULL, cli_template_path, NULL, NULL};
  hd_signer *signer = NULL;
  if (keys_dir) {
    if (signer_load(keys_dir, &signer, &err)) {
      cli_error("run: --keys: %s", err.msg);
      return HD_EXIT_USAGE;
    }
    no.signer = signer;
    no.keys_dir = keys_dir;
    no.checkpoints = checkpoints_at(checkpoints, out, cp_buf, sizeof cp_buf);
  }
  progress prog;
  memset(&prog, 0, sizeof prog);
  if (isatty(STDERR_FILENO)) {
    no.progress = show_progress;
    no.progress_ud = &prog;
  }
  hd_night_result res;
  int rc = night_run(&no, &res, &err);
  const hd_night_report rr = res.night;
  const hd_run_report rep = res.certs;
  if (rc && res.stage == HD_NIGHT_AUDIT) rc = cli_audit_failed("run", &res.audit, &err);
  if (rc && res.stage == HD_NIGHT_SIGN) cli_error("run: %s", err.msg);
  else if (rc && res.stage == HD_NIGHT_PUBLISH) cli_error("run: the night's checkpoint: %s", err.msg);
  else if (rc) cli_error("%s", err.msg);
  if (rc == HD_OK) {
    hd_err rerr;
    hd_err_clear(&rerr);
    if (write_report(out, date, db_path, res.pack_revision, &rr, &rep, &rerr)) {
      cli_error("%s", rerr.msg);
      rc = rerr.code;
    }
  }
  problems_print(rr.problems, rr.n_problems);
  problems_print(rep.problems, rep.n_problems);
  if (rc == HD_OK) {
    int done = rep.issued + rep.restored;
    printf("hdreg run %s: %d certificate%s issued, %d verified, %d restored, %d held by "
           "objection, %d failed\n", date, rep.issued, rep.issued == 1 ? "" : "s", rep.verified,
           rep.restored, rep.held, rep.failed + rr.failed);
    if (done)
      printf("certificates in %s/certificates (%.1f ms and %.1f KB per certificate)\n", out,
             rep.render_ms / done, rep.bytes / 1024.0 / (rep.issued ? rep.issued : 1));
    printf("reviewed %d case%s with check pack %s: %d approve, %d rectify, %d hold, %d reject%s\n",
           rr.reviewed, rr.reviewed == 1 ? "" : "s", res.pack_revision,
           rr.by_decision[HD_APPROVE], rr.by_decision[HD_RETURN], rr.by_decision[HD_HOLD],
           rr.by_decision[HD_REJECT], rr.check_errors ? " (some checks failed with errors: see hdreg check)" : "");
    if (rr.held_unprintable)
      printf("held %d case%s for a person: the review opinion cannot be printed (see stderr)\n",
             rr.held_unprintable, rr.held_unprintable == 1 ? "" : "s");
    for (int i = 0; i < rr.n_notices; i++)
      printf("public notice %s: %d case%s, open until %s\n", rr.notices[i].number,
             rr.notices[i].cases, rr.notices[i].cases == 1 ? "" : "s", rr.notices[i].end_date);
    if (rr.cancelled) printf("cancelled %d certificate%s\n", rr.cancelled, rr.cancelled == 1 ? "" : "s");
    if (res.head_signed) printf("ledger head signed\n");
    if (no.signer && !res.published)
      printf("checkpoint: nothing new since the last one (%lld entries, %s), in %s\n",
             res.after.last_size, res.after.last_date, no.checkpoints);
    if (res.published) {
      char root[48];
      EVP_EncodeBlock((unsigned char *)root, res.after.chain.root, 32);
      printf("checkpoint published: %lld entries, tree head %s, in %s\n", res.after.chain.entries,
             root, no.checkpoints);
    }
  }
  int held = rep.held + rr.by_decision[HD_HOLD] + rr.held_unprintable, failed = rep.failed + rr.failed;
  night_result_release(&res);
  signer_free(signer);
  free(manifest);
  close(lock_fd);
  if (rc != HD_OK) return hd_exit_for(rc);
  return failed ? HD_EXIT_PARTIAL : held ? HD_EXIT_HELD : HD_EXIT_OK;
}
