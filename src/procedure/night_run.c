/* night_run.c: the night as one entry point (night.h, night_run): what it needs loaded,
 * its steps in the order docs/procedure.md gives, and the register signed after them. */
#include "procedure/night.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/chain.h"
#include "ledger/ledger.h"
#include "procedure/dockinds.h"
#include "procedure/procedure.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sha256.h"

/* Nothing is written into a register whose file SQLite finds damaged: that is a
 * database that cannot be used (HD_EDB, exit 4), named by its path. */
static int check_file(sqlite3 *db, const char *path, hd_err *err) {
  int rc = store_integrity(db, err);
  if (rc == HD_EDATA) {
    hd_err_prefix(err, "'%s'", path);
    err->code = rc = HD_EDB;
  }
  return rc;
}

static int absolute(const char *dir, char out[PATH_MAX], hd_err *err) {
  if (!realpath(dir, out))
    return hd_err_set(err, HD_EIO, "cannot resolve output directory '%s': %s", dir, strerror(errno));
  return HD_OK;
}

/* A run killed while writing leaves NAME.tmp.XXXXXX beside the documents: never a
 * document, removed before this run writes (the lock keeps other runs out). */
static void remove_temps(const char *out) {
  char dir[4200];
  hd_remove_stale_temps(out);
  for (int i = 0; i < HD_DOC_KINDS; i++) {
    if (!HD_DOCKIND[i].step) continue;
    snprintf(dir, sizeof dir, "%s/%s", out, HD_DOCKIND[i].folder);
    hd_remove_stale_temps(dir);
  }
}

/* The revisions of the check pack and of the templates of the night's document kinds. */
static int record_revisions(sqlite3 *db, const hd_night_opts *o, const char *pack_rev, hd_err *err) {
  char tbuf[4096], sha[65];
  hd_buf all;
  hd_buf_init(&all, 4096);
  int rc = HD_OK;
  for (int i = 0; i < HD_DOC_KINDS && rc == HD_OK; i++) {
    if (!HD_DOCKIND[i].step) continue;
    rc = ledger_sha256_file(o->template_path(HD_DOCKIND[i].tmpl, tbuf, sizeof tbuf), sha, err);
    if (rc == HD_OK) hd_buf_printf(&all, "%s %s.xml\n", sha, HD_DOCKIND[i].tmpl);
  }
  if (rc == HD_OK && !all.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  if (rc == HD_OK) hd_sha256_hex(all.p, all.len, sha);
  hd_buf_release(&all);
  if (rc == HD_OK) rc = proc_record_revisions(db, o->date, pack_rev, sha, err);
  return rc;
}

void night_result_release(hd_night_result *r) {
  if (!r) return;
  night_report_release(&r->night);
  run_report_release(&r->certs);
  register_audit_free(&r->audit);
  register_audit_free(&r->after);
  free(r->pack_revision);
  memset(r, 0, sizeof *r);
}

int night_run(const hd_night_opts *o, hd_night_result *r, hd_err *err) {
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_pack *pack = NULL;
  hd_calendar *cal = NULL;
  hd_template *t[HD_DOC_KINDS] = {0};
  hd_docenv env;
  hd_night night;
  hd_run_opts ro;
  char tbuf[4096], out_abs[PATH_MAX];
  int rc = HD_OK;
  memset(r, 0, sizeof *r);
  memset(&env, 0, sizeof env);
  memset(&night, 0, sizeof night);
  memset(&ro, 0, sizeof ro);
  r->stage = HD_NIGHT_PREPARE;
  hd_pack_opts po = {o->check_dirs, o->n_check_dirs, 0, 0, 0};
  for (int i = 0; i < HD_DOC_KINDS && rc == HD_OK; i++)
    if (HD_DOCKIND[i].step)
      rc = tmpl_load(o->template_path(HD_DOCKIND[i].tmpl, tbuf, sizeof tbuf), &t[i], err);
  char *lookup = NULL; /* a bad lookup address stops the night before it does anything */
  if (rc == HD_OK && !(rc = store_open(o->db_path, HD_STORE_MUST_EXIST, &db, err)) &&
      !(rc = check_file(db, o->db_path, err)) && !(rc = run_lookup_base(db, &lookup, err))) {
    rc = register_audit(db, o->signer ? o->checkpoints : NULL, 1, o->signer ? o->keys_dir : NULL,
                        1, NULL, &r->audit, err);
    if (rc == HD_EDATA) r->stage = HD_NIGHT_AUDIT;
  }
  if (rc == HD_OK && !(rc = fontset_load(&fs, o->manifest, o->fonts_dir, err)) &&
      !(rc = calendar_load(db, &cal, err)) && !(rc = pack_load(&po, &pack, err)) &&
      !(rc = hd_mkdirs(o->out_dir, err))) {
    remove_temps(o->out_dir);
    r->pack_revision = hd_strdup(pack_revision(pack));
    if (!r->pack_revision) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  if (rc == HD_OK && !(rc = record_revisions(db, o, pack_revision(pack), err)))
    rc = absolute(o->out_dir, out_abs, err);
  if (rc == HD_OK) {
    env = (hd_docenv){db, fs, pack, cal, 1, 0, NULL, 0, 0};
    night = (hd_night){db, &env, o->date, out_abs, o->db_path, o->jobs, o->signer,
                       t[HD_DOC_OPINION], t[HD_DOC_NOTICE], t[HD_DOC_CANCELLATION],
                       (const hd_template *const *)t, &r->night, o->progress, o->progress_ud};
    ro = (hd_run_opts){o->date, o->out_dir, t[HD_DOC_CERTIFICATE], o->jobs, o->signer,
                       o->db_path, lookup, o->progress, o->progress_ud};
    /* The steps, in the order of the procedure (docs/procedure.md "One night"). */
    if (!(rc = night_reviews(&night, err)) && !(rc = night_letters(&night, err)) &&
        !(rc = night_notices(&night, err)) &&
        !(rc = run_certificates(db, fs, &ro, &r->certs, err)) &&
        !(rc = night_cancellations(&night, err)) &&
        !(rc = night_expiries(&night, err)) && r->night.refused_on_cancel)
      rc = night_letters(&night, err); /* the refusals the cancellations owe, the same night */
  }
  if (rc == HD_OK && o->signer) {
    r->stage = HD_NIGHT_PUBLISH;
    if (!(rc = register_audit(db, o->checkpoints, 1, o->keys_dir, 1, NULL, &r->after, err)))
      rc = register_publish(db, o->signer, o->date, o->checkpoints, &r->after, &r->published, err);
  }
  /* The head after the checkpoint's count, so that a night run again signs nothing new. */
  if (rc == HD_OK && o->signer) {
    r->stage = HD_NIGHT_SIGN;
    rc = chain_sign_head(db, o->signer, o->date, &r->head_signed, err);
  }
  if (rc == HD_OK) r->stage = HD_NIGHT_DONE;
  free(lookup);
  for (int i = 0; i < HD_DOC_KINDS; i++) tmpl_free(t[i]);
  fontset_free(fs);
  pack_free(pack);
  calendar_free(cal);
  store_close(db);
  return rc;
}
