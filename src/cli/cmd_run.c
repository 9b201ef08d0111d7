/* cmd_run.c: `hdreg run` — the nightly job. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sys/file.h>
#include <sys/ioctl.h>
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
#include "publish/publish.h"
#include "report/report.h"
#include "store/store.h"
#include "procedure/run.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/fsutil.h"
#include "util/clock.h"

static const char HELP[] =
    "usage: hdreg run --db FILE --date YYYY-MM-DD [--out DIR] [--keys DIR] [--jobs N] [--fonts DIR]\n"
    "                 [--font-manifest FILE] [--templates DIR] [--checks DIR]...\n"
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
    "Every option but --date may come from the configuration file instead (hdreg.conf;\n"
    "hdreg config prints what is in effect); the command line wins.\n"
    "  --db FILE       the registration database (database)\n"
    "  --date DATE     the run date; every decision uses it, never the clock\n"
    "  --out DIR       output directory (output; default: out)\n"
    "  --fonts DIR     extra fonts that win over system fonts (fonts; default: the data\n"
    "                  folder's fonts/)\n"
    "  --font-manifest FILE  font roles and fallback order (font_manifest; default: the\n"
    "                  data folder's fonts/manifest.txt)\n"
    "  --templates DIR the document templates (templates; default: the data folder's\n"
    "                  templates/)\n"
    "  --checks DIR    a legal team's check directory after the shipped pack (repeatable)\n"
    "  --keys DIR      sign every document with the authority's key in DIR (authority.key,\n"
    "                  authority.crt; hdreg keygen makes them): a PDF signature pdfsig checks\n"
    "  --checkpoints FILE  with --keys: the file the night's signed checkpoint of the\n"
    "                  register is appended to (default: DIR/checkpoints.txt); the night\n"
    "                  first checks that the register extends every checkpoint there\n"
    "  --publish DIR   after the night, the register's public site into DIR (site; hdreg\n"
    "                  publish --help), as of DATE, with the keys' public files and the\n"
    "                  checkpoints\n"
    "  --jobs N        lay out and write documents in N worker processes (1-64, default\n"
    "                  1); the database and every document are the same for any N\n"
    "\n"
    "On a terminal a progress line (step, cases, the rate so far and the time left at\n"
    "that rate) is shown on stderr, cut to the terminal's width; elsewhere (cron, logs,\n"
    "pipes) and with --quiet it is not. --quiet also leaves out the summary on stdout;\n"
    "errors and the run report are the same.\n"
    "\n"
    "A JSON report of the run (counts, documents, problems) is written to\n"
    "DIR/run-DATE.json (a rerun of the date: DIR/run-DATE.2.json, ...).\n"
    "\n"
    "FILE must be a register (a missing or empty file is refused, hdreg import --create\n"
    "or hdreg demo-db makes one); before anything is done SQLite checks the whole file,\n"
    "and a damaged one is refused with the first problems it names.\n"
    "\n"
    "Exit: 0 all done, 7 done but cases are held for a human (held for review, open\n"
    "objections), 1 some cases failed (listed on stderr), 2 usage, 3 a broken check pack,\n"
    "template or configuration file, 4 database (missing, empty, not a register, damaged,\n"
    "read-only: do not retry), 5 output directory, 6 fonts, 70 internal error, 75 busy:\n"
    "another run or import holds the register's lock (try again later).\n";

static void problems_print(const hd_problem *p, int n) {
  for (int i = 0; i < n; i++) {
    if (p[i].case_number) cli_error("case %s: %s", p[i].case_number, p[i].message);
    else cli_error("%s", p[i].message);
  }
}

/* On a terminal, one line of progress on stderr: step, a bar, cases done of all, the
 * rate so far and the time left at that rate, cut to the terminal's width (TIOCGWINSZ,
 * else $COLUMNS, else 80) and redrawn in place. In cron, a log or a pipe (stderr not a
 * terminal), and with --quiet, nothing: only the summary. */
typedef struct progress {
  double started, last;
  char step[32];
} progress;

/* The terminal's width in columns. */
static int term_width(void) {
  struct winsize ws;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  const char *c = getenv("COLUMNS");
  long n = c ? strtol(c, NULL, 10) : 0;
  return n > 0 && n < 10000 ? (int)n : 80;
}

static void show_progress(void *ud, const char *step, int done, int total) {
  progress *p = ud;
  double now = hd_now_ms();
  if (strcmp(p->step, step) != 0) {
    snprintf(p->step, sizeof p->step, "%s", step);
    p->started = now;
    p->last = 0;
  }
  if (done < total && done > 0 && now - p->last < 200) return;
  p->last = now;
  double secs = (now - p->started) / 1000;
  char tail[96];
  if (done >= total) {
    snprintf(tail, sizeof tail, "%d/%d cases  done in %.1fs", done, total, secs);
  } else if (done == 0 || secs < 0.5) {
    /* Too early for a rate that means anything: no time left is made up. */
    snprintf(tail, sizeof tail, "%d/%d cases  ETA --", done, total);
  } else {
    double rate = done / secs;
    long left = (long)((total - done) / rate + 0.5);
    snprintf(tail, sizeof tail, "%d/%d cases  %.0f/s  ETA %ldm%02lds", done, total, rate,
             left / 60, left % 60);
  }
  /* "STEP [####....] TAIL", the bar taking what the width leaves (at most 30), the whole
   * cut to width - 1 so that the terminal never wraps it. */
  char widest[96]; /* the bar keeps its width through a step: room for the longest tail */
  int wn = snprintf(widest, sizeof widest, "%d/%d cases  99999/s  ETA 999m59s", total, total);
  int width = term_width() - 1, fixed = (int)strlen(step) + wn + 4;
  int bar = width - fixed;
  if (bar > 30) bar = 30;
  char line[512];
  int n;
  if (bar >= 5) {
    char b[31];
    int filled = total ? (int)((long long)bar * done / total) : bar;
    for (int i = 0; i < bar; i++) b[i] = i < filled ? '#' : '.';
    b[bar] = '\0';
    n = snprintf(line, sizeof line, "%s [%s] %s", step, b, tail);
  } else {
    n = snprintf(line, sizeof line, "%s %s", step, tail);
  }
  if (width < 1) width = 1;
  if (n > width) n = width;
  if (n > (int)sizeof line - 1) n = (int)sizeof line - 1;
  fprintf(stderr, "\r%.*s%*s", n, line, width - n, "");
  if (done >= total) fputs("\n", stderr);
  fflush(stderr);
}

/* The checkpoints file: --checkpoints, else OUT/checkpoints.txt. */
static const char *checkpoints_at(const char *given, const char *out, char *buf, size_t size) {
  if (given) return given;
  hd_snprintf(buf, size, "%s/checkpoints.txt", out);
  return buf;
}

/* The run report of this run, whatever became of it (report/report.h): into OUT, or, when
 * OUT cannot take it, on stderr, so that it is never lost. Returns the exit code: code,
 * or 5 (output) for a night that went through but whose report could not be written. */
typedef struct run_meta {
  const char *date, *db_path, *out;
  int jobs;
  char started[40];
  double t0;
} run_meta;

static int run_report(const run_meta *m, int code, const char *error, const char *stage,
                      int read_db, const hd_report_mark *mark, const hd_night_result *res) {
  hd_report_in in = {m->date, m->db_path, m->out, m->jobs, m->started, hd_now_ms() - m->t0, code,
                     error, stage, read_db, mark, res, cli_conf_waiting_days()};
  json_object *rep = NULL;
  hd_err err;
  hd_err_clear(&err);
  char path[4200];
  if (report_build(&in, &rep, &err) || report_write(m->out, m->date, rep, path, &err)) {
    cli_error("run: the run report cannot be written into '%s': %s; it follows on stderr", m->out,
              err.msg);
    if (rep)
      fprintf(stderr, "%s\n", json_object_to_json_string_ext(rep, JSON_C_TO_STRING_PLAIN |
                                                                      JSON_C_TO_STRING_NOSLASHESCAPE));
    if (code == HD_EXIT_OK || code == HD_EXIT_HELD || code == HD_EXIT_PARTIAL) code = HD_EXIT_OUTPUT;
  }
  json_object_put(rep);
  return code;
}

static const char *stage_name(enum hd_night_stage s) {
  switch (s) {
  case HD_NIGHT_AUDIT: return "audit";
  case HD_NIGHT_SIGN: return "sign";
  case HD_NIGHT_PUBLISH: return "publish";
  default: return "prepare";
  }
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
                                       {"templates", required_argument, NULL, 'T'},
                                       {"publish", required_argument, NULL, 'S'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  const char *db_path = cli_conf(CONF_DATABASE), *date = NULL, *out = cli_conf(CONF_OUTPUT),
             *fonts_dir = cli_conf(CONF_FONTS);
  int jobs = cli_conf_jobs();
  const char *keys_dir = cli_conf(CONF_KEYS), *checkpoints = cli_conf(CONF_CHECKPOINTS);
  const char *site = cli_conf(CONF_SITE);
  const char *dirs[16];
  int n_dirs = 1;
  dirs[0] = cli_default_checks_dir();
  char *manifest = NULL;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
    switch (c) {
    case 'd': db_path = optarg; break;
    case 't': date = optarg; break;
    case 'o': out = optarg; break;
    case 'f': fonts_dir = optarg; break;
    case 'm': cli_conf_option(CONF_FONT_MANIFEST, optarg); break;
    case 'K': keys_dir = optarg; break;
    case 'P': checkpoints = optarg; break;
    case 'T': cli_conf_option(CONF_TEMPLATES, optarg); break;
    case 'S': site = optarg; break;
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
      return cli_bad_option("run", OPTS, argv);
    }
  }
  if (optind < argc) {
    cli_error("run: unexpected argument '%s'", argv[optind]);
    return HD_EXIT_USAGE;
  }
  if (n_dirs == 1) n_dirs = cli_conf_checks(dirs, 16);
  if (!db_path || !date) {
    cli_error("run: --db and --date are required (see hdreg run --help)");
    return HD_EXIT_USAGE;
  }
  hd_date run_date;
  if (!hd_date_parse(date, &run_date)) {
    cli_error("run: --date '%s' is not a valid date YYYY-MM-DD", date);
    return HD_EXIT_USAGE;
  }
  /* From here on every run has its report (report/report.h), also one that fails. */
  run_meta meta = {date, db_path, out, jobs, "", hd_now_ms()};
  hd_wall_iso(meta.started);
  int lock_fd = cli_lock_db(db_path, HD_STORE_MUST_EXIST);
  if (lock_fd < 0) return run_report(&meta, -lock_fd, cli_last_error(), "lock", 0, NULL, NULL);
  hd_report_mark mark;
  report_mark(db_path, &mark);
  hd_err err;
  hd_err_clear(&err);
  char cp_buf[4200];
  int mrc = cli_font_manifest(&manifest);
  if (mrc) {
    close(lock_fd);
    return run_report(&meta, mrc, cli_last_error(), "options", 1, &mark, NULL);
  }
  hd_night_opts no = {db_path, date, out, fonts_dir, manifest, dirs, n_dirs, jobs, NULL, NULL,
                      NULL, cli_template_path, NULL, NULL};
  hd_signer *signer = NULL;
  if (keys_dir) {
    if (signer_load(keys_dir, &signer, &err)) {
      cli_error("run: --keys: %s", err.msg);
      free(manifest);
      close(lock_fd);
      return run_report(&meta, HD_EXIT_USAGE, cli_last_error(), "options", 1, &mark, NULL);
    }
    no.signer = signer;
    no.keys_dir = keys_dir;
    no.checkpoints = checkpoints_at(checkpoints, out, cp_buf, sizeof cp_buf);
  }
  progress prog;
  memset(&prog, 0, sizeof prog);
  if (isatty(STDERR_FILENO) && !cli_quiet) {
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
  problems_print(rr.problems, rr.n_problems);
  problems_print(rep.problems, rep.n_problems);
  if (rc == HD_OK && !cli_quiet) {
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
    if (rep.returned)
      printf("returned %d case%s on notice to review: the validity would end before the "
             "certificate is issued (see stderr)\n", rep.returned, rep.returned == 1 ? "" : "s");
    if (rr.held_unprintable)
      printf("held %d case%s for a person: the review opinion cannot be printed (see stderr)\n",
             rr.held_unprintable, rr.held_unprintable == 1 ? "" : "s");
    for (int i = 0; i < rr.n_notices; i++)
      printf("public notice %s: %d case%s, open until %s\n", rr.notices[i].number,
             rr.notices[i].cases, rr.notices[i].cases == 1 ? "" : "s", rr.notices[i].end_date);
    if (rr.cancelled) printf("cancelled %d certificate%s\n", rr.cancelled, rr.cancelled == 1 ? "" : "s");
    if (rr.refused_on_cancel)
      printf("refused %d application%s open on a cancelled certificate (5.1.6, 6.5 h)\n",
             rr.refused_on_cancel, rr.refused_on_cancel == 1 ? "" : "s");
    if (rr.expired) {
      printf("expired %d certificate%s (validity ended, 5.2.1):", rr.expired, rr.expired == 1 ? "" : "s");
      for (int i = 0; i < rr.expired && i < 10; i++) printf(" %s", rr.expired_numbers[i]);
      printf("%s\n", rr.expired > 10 ? " ..." : "");
    }
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
  int code = rc != HD_OK ? hd_exit_for(rc)
             : failed    ? HD_EXIT_PARTIAL
             : held      ? HD_EXIT_HELD
                         : HD_EXIT_OK;
  /* The public site as this night left the register (src/publish/), while the lock is held. */
  if (site && rc == HD_OK) {
    sqlite3 *pdb = NULL;
    hd_publish_opts po = {date, site, keys_dir, no.checkpoints ? no.checkpoints
                                                  : checkpoints_at(checkpoints, out, cp_buf, sizeof cp_buf)};
    hd_publish_report pr;
    int prc = store_open_readonly(db_path, &pdb, &err);
    if (prc == HD_OK) prc = publish_site(pdb, &po, &pr, &err);
    store_close(pdb);
    if (prc) {
      cli_error("run: publish: %s", err.msg);
      rc = prc;
      res.stage = HD_NIGHT_PUBLISH;
      code = hd_exit_for(prc);
    } else if (!cli_quiet) {
      printf("site published in %s: %d certificates, %d notices, %d files (%d written)\n", site,
             pr.certificates, pr.notices, pr.files, pr.written);
    }
  }
  /* The report while the lock is held: the register as this night left it. */
  /* A register the night found unusable (missing, damaged, too new) is not read again. */
  int usable = !(rc == HD_EDB && res.stage == HD_NIGHT_PREPARE);
  code = run_report(&meta, code, rc ? err.msg : NULL, rc ? stage_name(res.stage) : NULL, usable,
                    &mark, &res);
  night_result_release(&res);
  signer_free(signer);
  free(manifest);
  close(lock_fd);
  return code;
}
