/* case.c: load a case and its parts (case.h). */
#include "model/case.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"

const char *case_right_name(const char *kind) {
  if (!kind) return NULL;
  if (!strcmp(kind, "holding")) return "数据资源持有权";
  if (!strcmp(kind, "use")) return "数据加工使用权";
  if (!strcmp(kind, "operation")) return "数据产品经营权";
  return NULL;
}

static void subject_release(hd_subject *s) {
  free(s->name);
  free(s->uscc);
  free(s->kind);
}

void case_free(hd_case *c) {
  if (!c) return;
  free(c->number);
  free(c->reg_type);
  free(c->procedure);
  free(c->status);
  free(c->applied_date);
  free(c->notice_end);
  subject_release(&c->applicant);
  free(c->resource.name);
  free(c->resource.data_class);
  free(c->resource.source);
  for (int i = 0; i < c->n_rights; i++) {
    free(c->rights[i].kind);
    subject_release(&c->rights[i].holder);
    free(c->rights[i].restrictions);
  }
  free(c->rights);
  for (int i = 0; i < c->n_materials; i++) {
    free(c->materials[i].kind);
    free(c->materials[i].valid_until);
  }
  free(c->materials);
  free(c->prior_certificate);
  free(c);
}

static const char CASE_SQL[] =
    "SELECT c.number, c.reg_type, c.procedure, c.status, c.applied_date, c.notice_end,"
    "       a.id, a.name, a.uscc, a.kind,"
    "       r.id, r.name, r.data_class, r.grade, r.source, r.scale_records, r.scale_bytes,"
    "       (SELECT count(*) FROM objections o WHERE o.case_id = c.id AND o.status = 'open'),"
    "       (SELECT number FROM certificates p WHERE p.id = c.prior_certificate_id),"
    "       coalesce(c.renewal, 0)"
    "  FROM cases c JOIN subjects a ON a.id = c.applicant_id"
    "  JOIN resources r ON r.id = c.resource_id WHERE c.id = ?1";

static const char RIGHTS_SQL[] =
    "SELECT cr.right_kind, s.id, s.name, s.uscc, s.kind, cr.restrictions"
    "  FROM case_rights cr JOIN subjects s ON s.id = cr.holder_id WHERE cr.case_id = ?1"
    "  ORDER BY CASE cr.right_kind WHEN 'holding' THEN 1 WHEN 'use' THEN 2 ELSE 3 END, cr.id";

static const char MATERIALS_SQL[] =
    "SELECT kind, present, valid_until FROM materials WHERE case_id = ?1 ORDER BY id";

int case_load(sqlite3 *db, long long id, hd_case **out, hd_err *err) {
  sqlite3_stmt *st = NULL;
  int rc = HD_OK;
  hd_case *c = calloc(1, sizeof *c);
  *out = NULL;
  if (!c) return hd_err_set(err, HD_ENOMEM, "out of memory");
  c->id = id;
  if ((rc = store_cached(db, CASE_SQL, &st, err))) goto cleanup;
  sqlite3_bind_int64(st, 1, id);
  int s = sqlite3_step(st);
  if (s == SQLITE_DONE) {
    rc = hd_err_set(err, HD_EDATA, "case %lld does not exist", id);
    goto cleanup;
  }
  if (s != SQLITE_ROW) {
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    goto cleanup;
  }
  c->number = store_col_text(st, 0);
  c->reg_type = store_col_text(st, 1);
  c->procedure = store_col_text(st, 2);
  c->status = store_col_text(st, 3);
  c->applied_date = store_col_text(st, 4);
  c->notice_end = store_col_text(st, 5);
  c->applicant.id = sqlite3_column_int64(st, 6);
  c->applicant.name = store_col_text(st, 7);
  c->applicant.uscc = store_col_text(st, 8);
  c->applicant.kind = store_col_text(st, 9);
  c->resource.id = sqlite3_column_int64(st, 10);
  c->resource.name = store_col_text(st, 11);
  c->resource.data_class = store_col_text(st, 12);
  c->resource.grade = sqlite3_column_int(st, 13);
  c->resource.source = store_col_text(st, 14);
  c->resource.scale_records = sqlite3_column_int64(st, 15);
  c->resource.scale_bytes = sqlite3_column_int64(st, 16);
  c->open_objections = sqlite3_column_int(st, 17);
  c->prior_certificate = store_col_text(st, 18);
  c->renewal = sqlite3_column_int(st, 19) == 1;
  store_done(st);
  st = NULL;

  if ((rc = store_cached(db, RIGHTS_SQL, &st, err))) goto cleanup;
  sqlite3_bind_int64(st, 1, id);
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    hd_right *nr = realloc(c->rights, (size_t)(c->n_rights + 1) * sizeof *nr);
    if (!nr) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      goto cleanup;
    }
    c->rights = nr;
    hd_right *r = &c->rights[c->n_rights++];
    memset(r, 0, sizeof *r);
    r->kind = store_col_text(st, 0);
    r->holder.id = sqlite3_column_int64(st, 1);
    r->holder.name = store_col_text(st, 2);
    r->holder.uscc = store_col_text(st, 3);
    r->holder.kind = store_col_text(st, 4);
    r->restrictions = store_col_text(st, 5);
  }
  if (s != SQLITE_DONE) {
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    goto cleanup;
  }
  store_done(st);
  st = NULL;

  if ((rc = store_cached(db, MATERIALS_SQL, &st, err))) goto cleanup;
  sqlite3_bind_int64(st, 1, id);
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    hd_material *nm = realloc(c->materials, (size_t)(c->n_materials + 1) * sizeof *nm);
    if (!nm) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      goto cleanup;
    }
    c->materials = nm;
    hd_material *m = &c->materials[c->n_materials++];
    m->kind = store_col_text(st, 0);
    m->present = sqlite3_column_int(st, 1);
    m->valid_until = store_col_text(st, 2);
  }
  if (s != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));

cleanup:
  store_done(st);
  if (rc != HD_OK) {
    case_free(c);
    return rc;
  }
  *out = c;
  return HD_OK;
}
