/* issue.c: what hdreg extract and hdreg supervise report share (cli.h, cli_issue): a
 * document issued on request, signed with the authority's key, from a verified register. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "pdf/fonts.h"
#include "pdf/sign.h"
#include "procedure/documents.h"
#include "store/store.h"
#include "template/template.h"
#include "util/clock.h"
#include "util/date.h"

int cli_issue(const cli_issue_req *r, char sha[65], int *recorded) {
  hd_err err;
  hd_err_clear(&err);
  *recorded = 0;
  hd_signer *signer = NULL;
  if (r->keys && signer_load(r->keys, &signer, &err)) {
    cli_error("%s: --keys: %s", r->cmd, err.msg);
    return HD_EXIT_USAGE;
  }
  int lock = cli_lock_db(r->db_path, HD_STORE_MUST_EXIST);
  if (lock < 0) {
    signer_free(signer);
    return -lock;
  }
  char *manifest = NULL, tbuf[4096];
  int rc = cli_font_manifest(&manifest);
  if (rc) {
    signer_free(signer);
    close(lock);
    return rc;
  }
  sqlite3 *db = NULL;
  hd_fontset *fs = NULL;
  hd_template *t = NULL;
  int audited = 0; /* cli_audit's message names the command itself */
  if (!(rc = store_open(r->db_path, HD_STORE_MUST_EXIST, &db, &err)) &&
      !(audited = rc = cli_audit(db, r->cmd, NULL, NULL, &err)) &&
      !(rc = tmpl_load(cli_template_path(r->tmpl, tbuf, sizeof tbuf), &t, &err)) &&
      !(rc = fontset_load(&fs, manifest, r->fonts_dir, &err))) {
    hd_docenv env = {db, fs, NULL, NULL, 1, 0, NULL, 0, 0};
    char today[11];
    hd_date_iso(hd_today(), today);
    rc = r->issue(&env, t, signer, today, r->ud, sha, recorded, &err);
  }
  if (rc && audited) cli_error("%s", err.msg);
  else if (rc) cli_error("%s: %s", r->cmd, err.msg);
  free(manifest);
  tmpl_free(t);
  fontset_free(fs);
  store_close(db);
  signer_free(signer);
  close(lock);
  return rc ? hd_exit_for(rc) : HD_EXIT_OK;
}
