/* night.c: the night's procedure steps besides certificates (night.h). */
#include "procedure/night.h"
#include "procedure/dockinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/certificate.h"
#include "layout/document.h"
#include "ledger/ledger.h"
#include "model/caseview.h"
#include "pdf/sign.h"
#include "procedure/findings_store.h"
#include "procedure/intake.h"
#include "procedure/pool.h"
#include "procedure/procedure.h"
#include "store/store.h"
#include "template/expr.h"
#include "util/buf.h"
#include "util/charclass.h"
#include "util/sha256.h"
#include "util/fsutil.h"
#include "util/utf8.h"
#include <unistd.h>

static void problem(hd_night_report *r, const char *case_number, const char *prefix,
                    const char *msg) {
  problems_add(&r->problems, &r->n_problems, case_number, prefix, msg);
}

void night_report_release(hd_night_report *r) {
  problems_release(r->problems, r->n_problems);
  for (int i = 0; i < r->n_notices; i++) free(r->notices[i].number);
  free(r->notices);
  for (int i = 0; i < r->expired; i++) free(r->expired_numbers[i]);
  free(r->expired_numbers);
  memset(r, 0, sizeof *r);
}

/* Write a document to out/dir/name.pdf durably; its path and SHA-256 into path/sha. Touches
 * no database (workers run it). */
static int write_file(const hd_night *n, const char *dir, const char *name,
                      const unsigned char *pdf, size_t len, char path[4400], char sha[65],
                      size_t *written, hd_err *err) {
  const char *out_dir = n->out_dir;
  unsigned char *signed_pdf = NULL;
  *written = len;
  if (n->signer) { /* the authority's signature, dated with the night */
    if (pdf_sign(n->signer, pdf, len, n->date, "hdreg", &signed_pdf, written, err)) return err->code;
    pdf = signed_pdf;
    len = *written;
  }
  int rc = HD_OK;
  if (hd_snprintf(path, 4400, "%s/%s", out_dir, dir) < 0)
    rc = hd_err_set(err, HD_EIO, "output path too long");
  else if (hd_mkdirs(path, err))
    rc = err->code;
  else if (hd_snprintf(path, 4400, "%s/%s/%s.pdf", out_dir, dir, name) < 0)
    rc = hd_err_set(err, HD_EIO, "output path too long");
  else if (hd_sha256_hex(pdf, len, sha))
    rc = hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
  else
    rc = hd_write_atomic(path, pdf, len, err);
  free(signed_pdf);
  return rc;
}

/* Record a written document; *doc_id its row. A rerun after a crash between writing and
 * committing wrote the same bytes again: the row is new (the transaction that would have
 * made it was rolled back). */
static int record_document(hd_night *n, const char *kind, long long case_id, long long notice_id,
                           const char *path, const char *sha, long long len, long long *doc_id,
                           hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(n->db, "INSERT INTO documents(kind, case_id, notice_id, path, sha256, bytes, "
                          "created_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
  if (case_id) sqlite3_bind_int64(st, 2, case_id);
  else sqlite3_bind_null(st, 2);
  if (notice_id) sqlite3_bind_int64(st, 3, notice_id);
  else sqlite3_bind_null(st, 3);
  sqlite3_bind_text(st, 4, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 5, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 6, (sqlite3_int64)len);
  sqlite3_bind_text(st, 7, n->date, -1, SQLITE_STATIC);
  int s = sqlite3_step(st);
  store_done(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
  *doc_id = sqlite3_last_insert_rowid(n->db);
  n->rep->documents++;
  return HD_OK;
}

static int write_document(hd_night *n, const char *dir, const char *name, const char *kind,
                          long long case_id, long long notice_id, const unsigned char *pdf,
                          size_t len, long long *doc_id, hd_err *err) {
  char path[4400], sha[65];
  size_t written;
  if (write_file(n, dir, name, pdf, len, path, sha, &written, err)) return err->code;
  int rc = record_document(n, kind, case_id, notice_id, path, sha, (long long)written, doc_id, err);
  if (rc) unlink(path);
  return rc;
}

/* ---- reviews ------------------------------------------------------------------------ */

static const char *const DECISION_REASON[4] = {
    "审核通过", "需补正材料", "需人工核查", "不予登记"};

static const char *target_status(const char *flow, int decision) {
  switch (decision) {
  case HD_APPROVE: return strcmp(flow, "ordinary") == 0 ? "committee_review" : "approved";
  case HD_RETURN: return "rectify";
  case HD_HOLD: return "held";
  default: return "rejected";
  }
}

/* Reviews go in chunks: (A) this process runs the checks of each case of the chunk, (B)
 * the review opinions are laid out and written, in worker processes with --jobs, (C) this
 * process records findings, opinion and move of each case in one transaction, in case
 * order. A chunk bounds the memory and the work a crash can cost. */
#define REVIEW_CHUNK 128

typedef struct review_item {
  long long id;
  char number[64];
  int loaded;          /* findings are valid */
  hd_findings f;
  const char *to;
  int unprintable;     /* a value the documents print cannot be printed: held, why says why */
  int errored;         /* a check failed to run: held without an opinion, why says which */
  int skip;            /* not recorded this night (the deadline cannot be computed) */
  int acceptance;      /* the acceptance letter is owed (none written for the case yet) */
  int job0, njobs;     /* its documents' jobs: the opinion first, then its letters */
  char why[400];
} review_item;

/* One document of the review to lay out and write: item `item`'s document of kind. */
typedef struct review_job {
  int item, kind;      /* HD_DOC_OPINION or a letter of the review */
} review_job;

/* The values of a case that its documents print — the review opinion, the public notice
 * and the certificate — by the label the document gives them, and the most characters
 * each may have in its place. */
typedef struct printed_value {
  const char *label;
  const hd_row *row;
  const char *column;
  int max_chars;
} printed_value;

static int check_printed(const hd_fontset *fs, const printed_value *p, hd_err *err) {
  const hd_value *v = row_get(p->row, p->column);
  if (!v || v->type != HD_V_TEXT || !v->s) return HD_OK; /* an empty value prints as empty */
  size_t len = (size_t)v->len, chars;
  if (fontset_check_text(fs, HD_ROLE_BODY, v->s, len, err)) {
    hd_err_prefix(err, "field '%s'", p->label);
    return HD_EDATA;
  }
  if ((chars = hd_utf8_count(v->s, len)) > (size_t)p->max_chars)
    return hd_err_set(err, HD_EDATA, "field '%s': %zu characters, at most %d fit in its place",
                      p->label, chars, p->max_chars);
  return HD_OK;
}

/* HD_EDATA with the field named in err when a value of case v that its documents print
 * cannot be printed: a character no configured font has, a control or bidi control, an
 * invisible format character, or a value too long for its place. */
static int case_printable(const hd_fontset *fs, const hd_caseview *v, hd_err *err) {
  const printed_value P[] = {
      {"申请主体", &v->applicant, "name", HD_NAME_MAX_CHARS},
      {"统一社会信用代码", &v->applicant, "uscc", 64},
      {"数据产权名称", &v->resource, "name", HD_NAME_MAX_CHARS},
      {"数据来源", &v->resource, "source", HD_NAME_MAX_CHARS},
  };
  for (size_t i = 0; i < sizeof P / sizeof *P; i++)
    if (check_printed(fs, &P[i], err)) return HD_EDATA;
  for (int i = 0; i < v->rights.n; i++) {
    const printed_value h = {"数据产权权利人", &v->rights.v[i], "holder_name", HD_NAME_MAX_CHARS};
    const printed_value r = {"权利限制", &v->rights.v[i], "restrictions", HD_CERT_MAX_CHARS};
    if (check_printed(fs, &h, err) || check_printed(fs, &r, err)) return HD_EDATA;
  }
  return HD_OK;
}

/* The case goes on in the procedure its checks route it to (hd_findings.route). */
static int route_case(sqlite3 *db, long long id, const char *procedure, hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(db, "UPDATE cases SET procedure = ?2 WHERE id = ?1 AND procedure <> ?2", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_text(st, 2, procedure, -1, SQLITE_STATIC);
  int s = sqlite3_step(st);
  store_done(st);
  return s == SQLITE_DONE ? HD_OK : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
}

typedef struct review_chunk {
  hd_night *n;
  review_item *items;
  review_job *jobs;
} review_chunk;

/* The file name of a review document: the opinion NUMBER-DATE, a letter NUMBER-KIND-DATE. */
static void review_doc_name(const hd_night *n, const review_item *it, int kind, char *name,
                            size_t size) {
  if (kind == HD_DOC_OPINION) hd_snprintf(name, size, "%s-%s", it->number, n->date);
  else hd_snprintf(name, size, "%s-%s-%s", it->number, HD_DOCKIND[kind].kind, n->date);
}

static void render_opinion(void *ud, sqlite3 *db, int job, hd_job_result *out) {
  review_chunk *ch = ud;
  int kind = ch->jobs[job].kind;
  review_item *it = &ch->items[ch->jobs[job].item];
  hd_docenv env = *ch->n->env;
  env.db = db;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char name[128], path[4400];
  hd_err e;
  hd_err_clear(&e);
  if (!it->loaded || it->unprintable || it->errored) { /* not scheduled (phase B) */
    out->code = HD_EDATA;
    out->unprintable = it->unprintable;
    hd_snprintf(out->msg, sizeof out->msg, "%s", it->why);
    return;
  }
  review_doc_name(ch->n, it, kind, name, sizeof name);
  out->code = docs_case(&env, ch->n->tmpl[kind], it->id, ch->n->date, &it->f, &pdf, &len, &e);
  size_t written = 0;
  out->unprintable = out->code == HD_EDATA;
  if (out->code == HD_OK)
    out->code = write_file(ch->n, HD_DOCKIND[kind].folder, name, pdf, len, path, out->sha256, &written, &e);
  out->len = (long long)written;
  if (out->code) hd_snprintf(out->msg, sizeof out->msg, "%s", e.msg);
  free(pdf);
}

/* What the review of it writes besides the opinion, decided in phase A: a check that
 * errored holds it (the decision is hold: a review with a broken check decides nothing);
 * a return for supplement needs its deadline (a year the calendar lacks: the case is not
 * recorded this night and is reviewed again); the acceptance letter once per case, at
 * the first review that does not return it for supplement. */
static void review_plan(hd_night *n, review_item *it) {
  for (int i = 0; i < it->f.n && !it->errored; i++)
    if (it->f.v[i].outcome == HD_ERROR) {
      const char *m = finding_message(&it->f.v[i]);
      it->errored = 1;
      hd_snprintf(it->why, sizeof it->why, "check '%s' (%s): %s", it->f.v[i].check_id,
                  it->f.v[i].clause ? it->f.v[i].clause : "", m ? m : "out of memory");
    }
  if (it->errored) {
    it->f.decision = HD_HOLD;
    it->to = "held";
    return;
  }
  if (it->unprintable) return;
  if (it->f.decision == HD_RETURN) {
    char dl[11];
    long days;
    hd_err e;
    hd_err_clear(&e);
    if (docs_deadline(n->db, n->env->cal, n->date, "supplement_working_days", dl, &days, &e)) {
      it->skip = 1;
      n->rep->failed++;
      problem(n->rep, it->number, "review not recorded, the deadline to supplement cannot be "
              "computed: ", e.msg);
    }
    return;
  }
  sqlite3_stmt *st;
  hd_err e;
  if (store_cached(n->db, "SELECT count(*) FROM documents WHERE case_id = ?1 AND kind = "
                          "'acceptance'", &st, &e) == HD_OK) {
    sqlite3_bind_int64(st, 1, it->id);
    it->acceptance = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
    store_done(st);
  }
}

int night_reviews(hd_night *n, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  long long *ids = NULL;
  int count = 0, rc;
  /* A case is reviewed from the date of its last move (its application date if it has
   * none): a run for an earlier date leaves it alone. */
  if ((rc = store_ids(n->db, "SELECT c.id FROM cases c WHERE c.status = 'submitted' AND "
                             "coalesce((SELECT max(at) FROM case_events e WHERE e.case_id = "
                             "c.id), c.applied_date) <= ?1 AND NOT "
                             INTAKE_AWAITS_AUTHORITY_CANCEL("c") " ORDER BY c.id", n->date, &ids, &count,
                      err)))
    return rc;
  if ((rc = caseview_loader_new(n->db, &ld, err))) {
    free(ids);
    return rc;
  }
  review_item items[REVIEW_CHUNK];
  review_job jobs[3 * REVIEW_CHUNK];
  hd_job_result *results = calloc(3 * REVIEW_CHUNK, sizeof *results);
  if (!results) {
    caseview_loader_free(ld);
    free(ids);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  if (n->progress && count) n->progress(n->progress_ud, "review", 0, count);
  for (int start = 0; start < count && rc == HD_OK; start += REVIEW_CHUNK) {
    int m = count - start < REVIEW_CHUNK ? count - start : REVIEW_CHUNK;
    memset(items, 0, sizeof items);
    /* A: the checks, here (the check pack's state is this process's). */
    for (int j = 0; j < m; j++) {
      review_item *it = &items[j];
      it->id = ids[start + j];
      hd_caseview v;
      hd_err e;
      hd_err_clear(&e);
      int r = caseview_load(ld, it->id, &v, &e);
      if (r == HD_OK) { /* the number from the view the checks read anyway */
        const hd_value *num = row_get(&v.kase, "number");
        hd_snprintf(it->number, sizeof it->number, "%s", num && num->s ? num->s : "?");
      } else {
        char *number = store_text(n->db, "SELECT number FROM cases WHERE id = ?1", it->id);
        hd_snprintf(it->number, sizeof it->number, "%s", number ? number : "?");
        free(number);
      }
      if (r == HD_OK) {
        r = pack_run_view(n->env->pack, &v, n->env->cal, n->date, &it->f, &e);
        const hd_value *rt = row_get(&v.kase, "reg_type"), *pr = row_get(&v.kase, "procedure");
        if (r == HD_OK) {
          for (const char *w = it->f.waiver_problems, *nl; w && (nl = strchr(w, '\n')); w = nl + 1) {
            char line[800];
            hd_snprintf(line, sizeof line, "%.*s", (int)(nl - w), w);
            problem(n->rep, it->number, "", line);
          }
          it->loaded = 1;
          /* A check may route the case to the procedure the text prescribes (6.1.1): it
           * moves in that procedure's flow, changed in phase C with the move. */
          it->to = target_status(proc_flow(rt ? rt->s : NULL,
                                           it->f.route ? it->f.route : pr ? pr->s : NULL),
                                 it->f.decision);
          hd_err pe;
          hd_err_clear(&pe);
          if (case_printable(n->env->fs, &v, &pe)) {
            it->unprintable = 1;
            hd_snprintf(it->why, sizeof it->why, "%s", pe.msg);
          }
          review_plan(n, it);
        }
        caseview_release(&v);
      }
      if (r == HD_ENOMEM || r == HD_EDB) {
        rc = hd_err_set(err, r, "case %s: %s", it->number, e.msg);
        break;
      }
      if (r) {
        n->rep->failed++;
        problem(n->rep, it->number, "review: ", e.msg);
      }
    }
    /* B: the opinions and their letters, laid out and written (worker processes with
     * --jobs). */
    int njobs = 0;
    for (int j = 0; j < m; j++) {
      review_item *it = &items[j];
      it->job0 = njobs;
      if (!it->loaded || it->skip) continue;
      int kinds[3], k = 0;
      if (!it->unprintable && !it->errored) { /* else nothing to write: phase C holds it */
        kinds[k++] = HD_DOC_OPINION;
        if (it->acceptance) kinds[k++] = HD_DOC_ACCEPTANCE;
        if (it->f.decision == HD_RETURN) kinds[k++] = HD_DOC_SUPPLEMENT;
        if (it->f.decision == HD_REJECT) kinds[k++] = HD_DOC_REFUSAL;
      }
      for (int i = 0; i < k; i++) jobs[njobs++] = (review_job){j, kinds[i]};
      it->njobs = k;
    }
    review_chunk ch = {n, items, jobs};
    int stopped = HD_OK;
    if (rc == HD_OK) {
      rc = pool_run(n->jobs, n->db, n->db_path, njobs, render_opinion, &ch, results, err);
      if (rc == HD_ESTOPPED) {
        stopped = rc;
        rc = HD_OK;
      }
    }
    /* C: recorded in case order (after a worker died, what it finished). */
    for (int j = 0; rc == HD_OK && j < m; j++) {
      review_item *it = &items[j];
      if (!it->loaded || it->skip) continue;
      int done = 1, r = HD_OK, hold = 0;
      hd_job_result *res = &results[it->job0];
      for (int k = 0; k < it->njobs; k++) done &= res[k].done;
      if (!done) continue;
      hd_err e;
      hd_err_clear(&e);
      /* A check that failed to run: the findings are recorded (the error with them, for
       * the person), the case is held, and no opinion is written: an error of a rule is
       * never printed on a document. */
      const char *held_msg = it->why;
      if (it->errored) hold = 2;
      else if (it->unprintable) hold = 1;
      /* An opinion or letter that cannot be printed: the findings and the decision are
       * recorded, and the case is held for a person instead of moving on (no opinion, no
       * move the opinion would announce); it is not reviewed again until a person sends
       * it back, so no night stops on it. */
      for (int k = 0; !hold && k < it->njobs && !r; k++) {
        if (res[k].code == HD_EDATA && res[k].unprintable) {
          hold = 1;
          held_msg = res[k].msg;
        } else if (res[k].code) {
          r = hd_err_set(&e, res[k].code, "%s", res[k].msg);
        }
      }
      long long doc = 0, letter = 0;
      char path[4400], name[128];
      if (r == HD_OK && (r = store_begin(n->db, &e)) == HD_OK) {
        r = findings_store(n->db, it->id, n->date, &it->f, &e);
        if (r == HD_OK && it->f.route) r = route_case(n->db, it->id, it->f.route, &e);
        for (int k = 0; !hold && k < it->njobs && r == HD_OK; k++) {
          int kind = jobs[it->job0 + k].kind;
          review_doc_name(n, it, kind, name, sizeof name);
          hd_snprintf(path, sizeof path, "%s/%s/%s.pdf", n->out_dir, HD_DOCKIND[kind].folder, name);
          r = record_document(n, HD_DOCKIND[kind].kind, it->id, 0, path, res[k].sha256,
                              res[k].len, k ? &letter : &doc, &e);
        }
        if (r == HD_OK &&
            !(r = proc_move(n->db, it->id, hold ? "held" : it->to, "night", n->date, "hdreg run",
                            hold == 2 ? "审核规则运行出错，需人工处理"
                            : hold ? "审核意见书无法打印，需人工处理" : DECISION_REASON[it->f.decision],
                            doc, &e)))
          r = store_commit(n->db, &e);
        if (r) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
      }
      if (r == HD_ENOMEM || r == HD_EDB) {
        rc = hd_err_set(err, r, "case %s: %s", it->number, e.msg);
        break;
      }
      if (r) {
        n->rep->failed++;
        problem(n->rep, it->number, "review: ", e.msg);
        continue;
      }
      n->rep->reviewed++;
      n->rep->by_decision[it->f.decision]++;
      if (hold == 1) {
        n->rep->held_unprintable++;
        problem(n->rep, it->number, "held, its review opinion cannot be printed: ", held_msg);
      } else if (hold == 2) {
        n->rep->held_check_error++;
        problem(n->rep, it->number, "held, no review opinion: a check failed to run: ", it->why);
      }
      for (int i = 0; i < it->f.n; i++) n->rep->check_errors += it->f.v[i].outcome == HD_ERROR;
    }
    for (int j = 0; j < m; j++)
      if (items[j].loaded) findings_release(&items[j].f);
    if (rc == HD_OK && stopped) rc = stopped;
    if (n->progress) n->progress(n->progress_ud, "review", start + m, count);
  }
  free(results);
  caseview_loader_free(ld);
  free(ids);
  return rc;
}

/* ---- notices ------------------------------------------------------------------------ */

/* What the notice prints of a case must be printable: present, valid UTF-8, without
 * control characters, every character in a font. A case that is not stays approved and
 * is reported, and the notice goes out with the others. */
static int notice_case_ok(hd_night *n, long long id, hd_err *err) {
  static const char *const WHAT[] = {"申请编号", "登记主体", "统一社会信用代码", "数据产权名称", "权利类别"};
  sqlite3_stmt *st;
  if (store_cached(n->db,
                   "SELECT k.number, a.name, a.uscc, r.name, (SELECT count(*) FROM case_rights "
                   "cr WHERE cr.case_id = k.id) FROM cases k JOIN subjects a ON a.id = "
                   "k.applicant_id JOIN resources r ON r.id = k.resource_id WHERE k.id = ?1",
                   &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, id);
  int rc = HD_OK;
  if (sqlite3_step(st) != SQLITE_ROW) rc = hd_err_set(err, HD_EDATA, "case %lld is incomplete", id);
  for (int i = 0; rc == HD_OK && i < 4; i++) {
    const char *v = (const char *)sqlite3_column_text(st, i);
    size_t len = v ? (size_t)sqlite3_column_bytes(st, i) : 0, bad;
    if (!v || !len) rc = hd_err_set(err, HD_EDATA, "field '%s' is empty", WHAT[i]);
    else if (!hd_utf8_valid(v, len, &bad))
      rc = hd_err_set(err, HD_EDATA, "field '%s': invalid UTF-8 at byte %zu", WHAT[i], bad);
    else if (len > 4000)
      rc = hd_err_set(err, HD_EDATA, "field '%s' is %zu bytes long, too long for a notice", WHAT[i], len);
    else {
      for (size_t k = 0; k < len && rc == HD_OK; k++)
        if ((unsigned char)v[k] < 0x20)
          rc = hd_err_set(err, HD_EDATA, "field '%s': control character U+%04X", WHAT[i], v[k]);
      if (rc == HD_OK && fontset_check_text(n->env->fs, HD_ROLE_BODY, v, len, err)) {
        hd_err_prefix(err, "field '%s'", WHAT[i]);
        rc = HD_EDATA;
      }
    }
  }
  if (rc == HD_OK && sqlite3_column_int(st, 4) == 0)
    rc = hd_err_set(err, HD_EDATA, "field '%s': no right is registered (clause 5.1.2)", WHAT[4]);
  store_done(st);
  return rc;
}

int night_notices(hd_night *n, hd_err *err) {
  sqlite3_stmt *st;
  long long *ids = NULL;
  int count = 0, rc;
  /* Approved on or before the run date (by this night's review, or by a person). */
  if ((rc = store_ids(n->db, "SELECT c.id FROM cases c WHERE c.status = 'approved' AND "
                             "coalesce((SELECT max(at) FROM case_events e WHERE e.case_id = c.id), "
                             "c.decided_date, c.applied_date) <= ?1 AND NOT "
                             INTAKE_AWAITS_AUTHORITY_CANCEL("c") " ORDER BY c.number", n->date,
                      &ids, &count, err)))
    return rc;
  int kept = 0;
  for (int i = 0; i < count; i++) {
    hd_err ce;
    hd_err_clear(&ce);
    int r = notice_case_ok(n, ids[i], &ce);
    if (r == HD_EDB) {
      free(ids);
      return hd_err_set(err, r, "%s", ce.msg);
    }
    if (r) {
      char *number = store_text(n->db, "SELECT number FROM cases WHERE id = ?1", ids[i]);
      problem(n->rep, number, "not put into the public notice: ", ce.msg);
      free(number);
      n->rep->failed++;
    } else {
      ids[kept++] = ids[i];
    }
  }
  count = kept;
  if (!count) {
    free(ids);
    return HD_OK;
  }

  /* The notice period: N working days, the publication day not counted. */
  long days = 10;
  hd_err e;
  hd_err_clear(&e);
  hd_date start, end;
  char end_iso[11], number[40];
  hd_date_parse(n->date, &start);
  if (store_setting_int(n->db, "notice_working_days", 1, 100, &days, &e) ||
      calendar_add_working_days(n->env->cal, start, (int)days, &end, &e)) {
    char msg[700];
    hd_snprintf(msg, sizeof msg, "public notice of %d approved case%s not published: %s", count,
                count == 1 ? "" : "s", e.msg);
    problem(n->rep, NULL, "", msg);
    n->rep->failed += count;
    free(ids);
    return HD_OK;
  }
  hd_date_iso(end, end_iso);
  /* GS-YYYYMMDD; a second notice on the same date (cases approved by a person after the
   * first run of the night) gets -2, -3 ... */
  char base[20];
  hd_snprintf(base, sizeof base, "GS-%.4s%.2s%.2s", n->date, n->date + 5, n->date + 8);
  hd_snprintf(number, sizeof number, "%s", base);
  for (int k = 2;; k++) {
    char *exists = NULL;
    if (store_cached(n->db, "SELECT number FROM notices WHERE number = ?1", &st, err)) break;
    sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) exists = store_col_text(st, 0);
    store_done(st);
    if (!exists) break;
    free(exists);
    hd_snprintf(number, sizeof number, "%s-%d", base, k);
  }
  unsigned char *pdf = NULL;
  size_t len = 0;
  long long notice_id = 0, doc = 0;
  if ((rc = store_begin(n->db, err))) {
    free(ids);
    return rc;
  }
  if (!(rc = store_cached(n->db, "INSERT INTO notices(number, published_date, end_date, "
                                 "working_days) VALUES (?1, ?2, ?3, ?4)", &st, err))) {
    sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, n->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, end_iso, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, days);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
    notice_id = sqlite3_last_insert_rowid(n->db);
  }
  for (int i = 0; rc == HD_OK && i < count; i++) {
    if ((rc = store_cached(n->db, "INSERT INTO notice_cases(notice_id, case_id) VALUES (?1, ?2)",
                           &st, err)))
      break;
    sqlite3_bind_int64(st, 1, notice_id);
    sqlite3_bind_int64(st, 2, ids[i]);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
    if (rc || (rc = store_cached(n->db, "UPDATE cases SET notice_start = ?2, notice_end = ?3 "
                                        "WHERE id = ?1", &st, err)))
      break;
    sqlite3_bind_int64(st, 1, ids[i]);
    sqlite3_bind_text(st, 2, n->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, end_iso, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
      rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
    store_done(st);
  }
  hd_err derr;
  hd_err_clear(&derr);
  int drc = HD_OK;
  if (rc == HD_OK) {
    drc = docs_notice(n->env, n->notice, notice_id, &pdf, &len, &derr);
    if (drc == HD_OK) drc = write_document(n, HD_DOCKIND[HD_DOC_NOTICE].folder, number, HD_DOCKIND[HD_DOC_NOTICE].kind, 0, notice_id, pdf, len, &doc, &derr);
  }
  for (int i = 0; rc == HD_OK && drc == HD_OK && i < count; i++)
    rc = proc_move(n->db, ids[i], "notice", "night", n->date, "hdreg run", "公示", doc, err);
  if (rc == HD_OK && drc == HD_OK) rc = store_commit(n->db, err);
  if (rc || drc) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
  if (drc && !rc) {
    problem(n->rep, NULL, "public notice not published: ", derr.msg);
    n->rep->failed += count;
  }
  if (rc == HD_OK && drc == HD_OK) {
    struct hd_night_notice *nn = realloc(n->rep->notices, (size_t)(n->rep->n_notices + 1) * sizeof *nn);
    if (nn) {
      n->rep->notices = nn;
      nn[n->rep->n_notices].number = hd_strdup(number);
      nn[n->rep->n_notices].cases = count;
      hd_snprintf(nn[n->rep->n_notices].end_date, sizeof nn->end_date, "%s", end_iso);
      n->rep->n_notices++;
    }
    n->rep->noticed += count;
  }
  free(pdf);
  free(ids);
  return rc;
}

/* ---- cancellations ------------------------------------------------------------------ */

/* After the cancellation of case cancel_id is carried out: every application still open on
 * the certificate it cancelled (those that waited for a cancellation on the authority's
 * own motion, intake.h; on an older register, any other) is refused by the night, with a
 * 不予登记决定书 owed the same night: the right it would register no longer exists (5.1.6,
 * 6.5 h). Inside the caller's transaction; *refused: how many. */
static int refuse_waiting(hd_night *n, long long cancel_id, int *refused, hd_err *err) {
  char idtext[24], reason[600];
  snprintf(idtext, sizeof idtext, "%lld", cancel_id);
  long long *ids = NULL;
  int count = 0, rc;
  if ((rc = store_ids(n->db, "SELECT k.id FROM cases k, cases x WHERE x.id = CAST(?1 AS INTEGER) "
                             "AND k.prior_certificate_id = x.prior_certificate_id AND k.id <> x.id "
                             "AND k.status IN " INTAKE_OPEN_STATUSES " ORDER BY k.id", idtext, &ids,
                      &count, err)))
    return rc;
  *refused = 0;
  if (count) {
    sqlite3_stmt *st;
    if ((rc = store_cached(n->db, "SELECT c.number, x.number, x.cancel_ground, "
                                  INTAKE_BY_AUTHORITY("x") " FROM cases x JOIN certificates c ON "
                                  "c.id = x.prior_certificate_id WHERE x.id = ?1", &st, err))
        == HD_OK) {
      sqlite3_bind_int64(st, 1, cancel_id);
      if (sqlite3_step(st) == SQLITE_ROW)
        hd_snprintf(reason, sizeof reason, "证书%s已%s注销（5.1.6 %s，案件%s），申请登记所涉的权利"
                    "已不存在", (const char *)sqlite3_column_text(st, 0),
                    sqlite3_column_int(st, 3) ? "由登记机构依职权" : "",
                    sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "?",
                    (const char *)sqlite3_column_text(st, 1));
      else
        rc = hd_err_set(err, HD_EDATA, "the cancellation's certificate is missing");
      store_done(st);
    }
  }
  for (int i = 0; rc == HD_OK && i < count; i++) {
    rc = proc_move(n->db, ids[i], "rejected", "night", n->date, "hdreg run", reason, 0, err);
    if (rc == HD_OK) rc = proc_queue_letter(n->db, ids[i], "refusal", n->date, 1, 0, reason, err);
    if (rc == HD_OK) ++*refused;
  }
  free(ids);
  return rc;
}

int night_cancellations(hd_night *n, hd_err *err) {
  sqlite3_stmt *st;
  long long *ids = NULL;
  int count = 0, rc;
  if ((rc = store_ids(n->db,
                      "SELECT c.id FROM cases c WHERE c.reg_type = 'cancel' AND c.status = 'notice' "
                      "AND c.notice_end < ?1 AND NOT EXISTS (SELECT 1 FROM objections o WHERE "
                      "o.case_id = c.id AND o.status = 'open') ORDER BY c.id", n->date, &ids,
                      &count, err)))
    return rc;
  for (int i = 0; i < count; i++) {
    char *number = store_text(n->db, "SELECT number FROM cases WHERE id = ?1", ids[i]);
    unsigned char *pdf = NULL;
    size_t len = 0;
    long long doc = 0;
    int refused = 0;
    hd_err e;
    hd_err_clear(&e);
    int r = store_begin(n->db, &e);
    if (r == HD_OK) {
      if (!(r = store_cached(n->db, "UPDATE certificates SET status = 'cancelled' WHERE id = "
                                    "(SELECT prior_certificate_id FROM cases WHERE id = ?1) AND "
                                    "status = 'issued'", &st, &e))) {
        sqlite3_bind_int64(st, 1, ids[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
          r = hd_err_set(&e, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
        else if (sqlite3_changes(n->db) != 1)
          /* superseded (a transfer or change went through meanwhile) or gone */
          r = hd_err_set(&e, HD_EDATA, "the certificate to cancel is no longer in force; a "
                         "person must decide (hdreg case move)");
        store_done(st);
      }
      if (!r && !(r = docs_case(n->env, n->cancellation, ids[i], n->date, NULL, &pdf, &len, &e)) &&
          !(r = write_document(n, HD_DOCKIND[HD_DOC_CANCELLATION].folder, number ? number : "case",
                               HD_DOCKIND[HD_DOC_CANCELLATION].kind, ids[i],
                               0, pdf, len, &doc, &e)) &&
          !(r = proc_move(n->db, ids[i], "cancelled", "night", n->date, "hdreg run",
                          "公示期满无异议，注销", doc, &e)) &&
          !(r = refuse_waiting(n, ids[i], &refused, &e)))
        r = store_commit(n->db, &e);
      if (r) sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (r == HD_ENOMEM || r == HD_EDB) {
      rc = hd_err_set(err, r, "case %s: %s", number ? number : "?", e.msg);
      free(number);
      free(pdf);
      break;
    }
    if (r) {
      n->rep->failed++;
      problem(n->rep, number, "cancellation: ", e.msg);
    } else {
      n->rep->cancelled++;
      n->rep->refused_on_cancel += refused; /* counted once committed */
    }
    free(number);
    free(pdf);
  }
  free(ids);
  return rc;
}

/* ---- letters queued between nights ---------------------------------------------------- */

typedef struct letter_ud {
  hd_night *n;
  long long case_id;
} letter_ud;

/* The on-site questions of a case, for its record (6.6 i). */
static int letters_prepare(hd_expr *x, void *ud) {
  const letter_ud *u = ud;
  hd_night *n = u->n;
  static const char *const K[4] = {"question", "asked", "answered", "answer"};
  sqlite3_stmt *st;
  hd_err e;
  int rc = expr_list_add(x, "questions", -1, NULL, NULL);
  if (rc) return rc;
  if (store_cached(n->db, "SELECT question, asked, answered, answer FROM onsite_questions WHERE "
                          "case_id = ?1 ORDER BY id", &st, &e))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, u->case_id);
  while (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
    const char *v[4];
    for (int i = 0; i < 4; i++) v[i] = (const char *)sqlite3_column_text(st, i);
    rc = expr_list_add(x, "questions", 4, K, v);
  }
  store_done(st);
  return rc;
}

/* Columns of a row as letter data under keys (NULL columns left out; the values are the
 * caller's to free). */
static int letter_row(sqlite3 *db, const char *sql, long long id, const char *const *keys, int n,
                      hd_kv *kv, int *nkv, char **owned, int *nowned, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW)
    for (int i = 0; i < n; i++) {
      char *v = store_col_text(st, i);
      if (!v) continue;
      owned[(*nowned)++] = v;
      kv[(*nkv)++] = (hd_kv){keys[i], v};
    }
  sqlite3_finalize(st);
  return HD_OK;
}

int night_letters(hd_night *n, hd_err *err) {
  long long *ids = NULL;
  int count = 0, rc;
  if ((rc = store_ids(n->db, "SELECT id FROM letters WHERE document_id IS NULL AND owed_date <= "
                             "?1 ORDER BY id", n->date, &ids, &count, err)))
    return rc;
  static const char *const EVENT[5] = {"letter.event_date", "letter.from", "letter.to",
                                       "letter.actor", "letter.reason"};
  static const char *const OBJ[7] = {"objection.number", "objection.filed", "objection.objector",
                                     "objection.grounds", "objection.material",
                                     "objection.status", "objection.resolved"};
  static const char *const NOTICE[2] = {"letter.notice_start", "letter.notice_end"};
  static const char *const UNANSWERED[1] = {"letter.unanswered"};
  for (int i = 0; i < count && rc == HD_OK; i++) {
    sqlite3_stmt *st;
    long long case_id = 0, event = 0, objection = 0;
    char kind[32] = "", *note = NULL;
    if ((rc = store_cached(n->db, "SELECT l.case_id, l.kind, l.event_id, l.objection_id, l.note "
                                  "FROM letters l WHERE l.id = ?1", &st, err)))
      break;
    sqlite3_bind_int64(st, 1, ids[i]);
    if (sqlite3_step(st) == SQLITE_ROW) {
      case_id = sqlite3_column_int64(st, 0);
      hd_snprintf(kind, sizeof kind, "%s", (const char *)sqlite3_column_text(st, 1));
      event = sqlite3_column_int64(st, 2);
      objection = sqlite3_column_int64(st, 3);
      note = store_col_text(st, 4);
    }
    store_done(st);
    const hd_dockind *dk = dockind_find(kind);
    char *number = store_text(n->db, "SELECT number FROM cases WHERE id = ?1", case_id);
    hd_kv kv[20]; /* letter 2, event 5, objection 7, notice 2, deadline 2; onsite 1 */
    char *owned[16];
    int nkv = 0, nowned = 0;
    char dl[11], days_s[16], lid[24];
    hd_err e;
    hd_err_clear(&e);
    int r = dk ? HD_OK : hd_err_set(&e, HD_EINTERNAL, "letter %lld: unknown kind '%s'", ids[i], kind);
    snprintf(lid, sizeof lid, "%lld", ids[i]);
    kv[nkv++] = (hd_kv){"letter.number", lid};
    if (note) kv[nkv++] = (hd_kv){"letter.note", note};
    if (r == HD_OK && event)
      r = letter_row(n->db, "SELECT at, from_status, to_status, actor, reason FROM case_events "
                            "WHERE id = ?1", event, EVENT, 5, kv, &nkv, owned, &nowned, &e);
    if (r == HD_OK && objection)
      r = letter_row(n->db, "SELECT id, filed_date, objector, grounds, material, status, "
                            "resolved_date FROM objections WHERE id = ?1", objection, OBJ, 7, kv,
                     &nkv, owned, &nowned, &e);
    /* the notice period the objection came in (6.1.2 d, 6.2.2 c): the procedure's dates,
     * not the case view's (docs/checks.md) */
    if (r == HD_OK && objection)
      r = letter_row(n->db, "SELECT notice_start, notice_end FROM cases WHERE id = ?1", case_id,
                     NOTICE, 2, kv, &nkv, owned, &nowned, &e);
    /* the on-site questions left unanswered (6.6 i): the record says so, not 核验完毕 */
    if (r == HD_OK && !strcmp(kind, "onsite_record"))
      r = letter_row(n->db, "SELECT count(*) FROM onsite_questions WHERE case_id = ?1 AND "
                            "answered IS NULL", case_id, UNANSWERED, 1, kv, &nkv, owned, &nowned, &e);
    if (r == HD_OK && !strcmp(kind, "objection_explain")) {
      long days;
      if ((r = docs_deadline(n->db, n->env->cal, n->date, "objection_reply_working_days", dl, &days, &e)) == HD_OK) {
        snprintf(days_s, sizeof days_s, "%ld", days);
        kv[nkv++] = (hd_kv){"letter.deadline", dl};
        kv[nkv++] = (hd_kv){"letter.days", days_s};
      } else {
        hd_err_prefix(&e, "the deadline to explain cannot be computed");
      }
    }
    unsigned char *pdf = NULL;
    size_t len = 0;
    long long doc = 0;
    char name[200], path[4400], sha[65];
    hd_findings none;
    memset(&none, 0, sizeof none);
    letter_ud lu = {n, case_id};
    hd_docextra x = {kv, nkv, letters_prepare, &lu};
    if (r == HD_OK) {
      hd_snprintf(name, sizeof name, "%s-%s-%s-%lld", number ? number : "case", kind, n->date, ids[i]);
      r = docs_case_ex(n->env, n->tmpl[dk - HD_DOCKIND], case_id, n->date, &none, &x, &pdf, &len, &e);
    }
    size_t written = 0;
    if (r == HD_OK) r = write_file(n, dk->folder, name, pdf, len, path, sha, &written, &e);
    if (r == HD_OK && (r = store_begin(n->db, &e)) == HD_OK) {
      if (!(r = record_document(n, kind, case_id, 0, path, sha, (long long)written, &doc, &e)) &&
          !(r = store_cached(n->db, "UPDATE letters SET document_id = ?2 WHERE id = ?1", &st, &e))) {
        sqlite3_bind_int64(st, 1, ids[i]);
        sqlite3_bind_int64(st, 2, doc);
        if (sqlite3_step(st) != SQLITE_DONE)
          r = hd_err_set(&e, HD_EDB, "database error: %s", sqlite3_errmsg(n->db));
        store_done(st);
      }
      if (r == HD_OK) r = store_commit(n->db, &e);
      if (r) {
        sqlite3_exec(n->db, "ROLLBACK", NULL, NULL, NULL);
        unlink(path);
      }
    }
    if (r == HD_ENOMEM || r == HD_EDB) {
      rc = hd_err_set(err, r, "case %s: %s", number ? number : "?", e.msg);
    } else if (r) {
      n->rep->failed++;
      problem(n->rep, number, "letter not written (it stays owed): ", e.msg);
    }
    for (int k = 0; k < nowned; k++) free(owned[k]);
    free(note);
    free(number);
    free(pdf);
  }
  free(ids);
  return rc;
}
