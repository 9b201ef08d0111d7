/* caseview.c: generic rows of a case (caseview.h). */
#include "model/caseview.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"

enum { Q_CASE = HD_PART_CASE, Q_SUBJECT = HD_PART_SUBJECT, Q_RECORDS = HD_PART_RECORD,
       Q_RESOURCE = HD_PART_RESOURCE, Q_RIGHTS = HD_PART_RIGHT, Q_MATERIALS = HD_PART_MATERIAL,
       Q_OBJECTIONS = HD_PART_OBJECTION, Q_PRIOR = HD_PART_PRIOR, Q_WAIVERS = HD_PART_WAIVER,
       Q_COUNT = HD_PART_COUNT };

/* Every column by name: the view is what docs/checks.md documents, not whatever a table
 * holds. Columns named _x are the loader's own (caseview_hidden). */
static const char *const SQL[Q_COUNT] = {
    /* the case as applied for: no status, notice or decision dates (the procedure's, and
     * a later night changes them) */
    "SELECT number, reg_type, procedure, applied_date, accepted_date, cancel_ground, "
    "change_description, consideration, coalesce(renewal, 0) AS renewal, applicant_id AS "
    "_applicant_id, counterparty_id AS "
    "_counterparty_id, resource_id AS _resource_id, prior_certificate_id AS _prior_id "
    "FROM cases WHERE id = ?1",
    "SELECT id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, "
    "contact_email, id_doc_valid_until, capability_evidence FROM subjects WHERE id = ?1",
    "SELECT kind, record_date, authority, description, lifted_date FROM subject_records "
    "WHERE subject_id = ?1 ORDER BY record_date, id",
    "SELECT name, data_class, grade, source, purpose, scale_records, scale_bytes, "
    "field_samples, personal_info, sensitive, anonymised, deidentified, needs_identification, "
    "automated_decision, entrusted, provided_to_others, published, human_research, genetic, "
    "genetic_scope, cross_border, cb_persons, cb_sensitive_persons, cb_destination, "
    "cii_operator, important, security_officer, state_secret, tongfang, public_product "
    "FROM resources WHERE id = ?1",
    "SELECT r.right_kind, r.restrictions, s.id AS holder_id, s.name AS holder_name, "
    "s.uscc AS holder_uscc, s.kind AS holder_kind FROM case_rights r "
    "JOIN subjects s ON s.id = r.holder_id WHERE r.case_id = ?1 ORDER BY r.id",
    "SELECT m.kind, m.present, m.issued_date, m.valid_until, m.reference, m.note, "
    "s.id AS issuer_id, s.name AS issuer_name, s.uscc AS issuer_uscc, s.kind AS issuer_kind "
    "FROM materials m LEFT JOIN subjects s ON s.id = m.issuer_id WHERE m.case_id = ?1 "
    "ORDER BY m.id",
    "SELECT filed_date, objector, grounds, material, status, resolved_date FROM objections "
    "WHERE case_id = ?1 ORDER BY id",
    /* the prior certificate, its status as dated facts: when and by which case it was
     * superseded (the registration date of the certificate that replaced it) or cancelled
     * (the night that carried out the cancellation case); luacase settles them as of a
     * date */
    "SELECT c.number, c.status AS _status, c.registration_date, c.valid_until, "
    "k.number AS case_number, k.reg_type, s.registration_date AS _superseded_on, "
    "s.case_id AS _superseded_by, x.cancelled_on AS _cancelled_on, x.id AS _cancelled_by, "
    "c.case_id AS _case_id, k.applicant_id AS _applicant_id, k.resource_id AS _resource_id "
    "FROM certificates c LEFT JOIN cases k ON k.id = c.case_id "
    "LEFT JOIN certificates s ON s.id = c.superseded_by "
    "LEFT JOIN (SELECT x.id, x.prior_certificate_id, (SELECT max(e.at) FROM case_events e "
    "WHERE e.case_id = x.id AND e.to_status = 'cancelled') AS cancelled_on FROM cases x "
    "WHERE x.reg_type = 'cancel' AND x.status = 'cancelled') x ON x.prior_certificate_id = c.id "
    "AND c.status = 'cancelled' WHERE c.id = ?1 ORDER BY x.id DESC LIMIT 1",
    "SELECT w.id, w.check_id, w.justification, w.approver, w.approved_date, w.expires, "
    "r.revoked_date FROM waivers w LEFT JOIN waiver_revocations r ON r.waiver_id = w.id "
    "WHERE w.case_id = ?1 ORDER BY w.id",
};

struct hd_caseview_loader {
  sqlite3 *db;
  sqlite3_stmt *st[Q_COUNT];
  unsigned char *flags[Q_COUNT];  /* per column of each query: a 0/1 flag column? */
  const char **names[Q_COUNT];    /* column names of each query, shared by its rows */
};

/* Columns that hold 0/1 flags in the schema (CHECK (x IN (0,1))). */
static const char *const FLAG_COLUMNS[] = {
    "personal_info", "sensitive", "anonymised", "deidentified", "needs_identification",
    "automated_decision", "entrusted", "provided_to_others", "published", "human_research",
    "genetic", "cross_border", "cii_operator", "important", "state_secret", "tongfang",
    "public_product", "present", "renewal"};

static unsigned char *flag_map(sqlite3_stmt *st) {
  int n = sqlite3_column_count(st);
  unsigned char *m = calloc((size_t)n + 1, 1);
  if (!m) return NULL;
  for (int i = 0; i < n; i++)
    for (size_t k = 0; k < sizeof FLAG_COLUMNS / sizeof *FLAG_COLUMNS; k++)
      if (strcmp(sqlite3_column_name(st, i), FLAG_COLUMNS[k]) == 0) m[i] = 1;
  return m;
}

int caseview_loader_new(sqlite3 *db, hd_caseview_loader **out, hd_err *err) {
  hd_caseview_loader *l = calloc(1, sizeof *l);
  *out = NULL;
  if (!l) return hd_err_set(err, HD_ENOMEM, "out of memory");
  l->db = db;
  for (int i = 0; i < Q_COUNT; i++) {
    if (store_prepare(db, SQL[i], &l->st[i], err)) {
      caseview_loader_free(l);
      return HD_EDB;
    }
    int n = sqlite3_column_count(l->st[i]);
    l->names[i] = calloc((size_t)n + 1, sizeof *l->names[i]);
    for (int c = 0; l->names[i] && c < n; c++) l->names[i][c] = sqlite3_column_name(l->st[i], c);
    if (!l->names[i] || !(l->flags[i] = flag_map(l->st[i]))) {
      caseview_loader_free(l);
      return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
  }
  *out = l;
  return HD_OK;
}

int caseview_column_count(const hd_caseview_loader *l, int part) {
  return sqlite3_column_count(l->st[part]);
}

hd_column caseview_column(const hd_caseview_loader *l, int part, int i) {
  hd_column c = {l->names[part][i], l->flags[part][i],
                 sqlite3_column_decltype(l->st[part], i)};
  return c;
}

void caseview_loader_free(hd_caseview_loader *l) {
  if (!l) return;
  for (int i = 0; i < Q_COUNT; i++) {
    sqlite3_finalize(l->st[i]);
    free(l->flags[i]);
    free(l->names[i]);
  }
  free(l);
}

static void row_release(hd_row *r) {
  free(r->v); /* values and their text in one block (read_row) */
  memset(r, 0, sizeof *r);
}

static void rows_release(hd_rows *r) {
  for (int i = 0; i < r->n; i++) row_release(&r->v[i]);
  free(r->v);
  memset(r, 0, sizeof *r);
}

void caseview_release(hd_caseview *v) {
  row_release(&v->kase);
  row_release(&v->applicant);
  rows_release(&v->records);
  row_release(&v->counterparty);
  row_release(&v->resource);
  rows_release(&v->rights);
  rows_release(&v->materials);
  rows_release(&v->objections);
  row_release(&v->prior);
  row_release(&v->prior_applicant);
  rows_release(&v->prior_rights);
  row_release(&v->prior_resource);
  rows_release(&v->waivers);
}

const hd_value *row_get(const hd_row *r, const char *name) {
  for (int i = 0; i < r->n; i++)
    if (strcmp(r->names[i], name) == 0) return &r->v[i];
  return NULL;
}

void row_set_text(hd_row *r, const char *name, const char *s) {
  for (int i = 0; i < r->n; i++)
    if (strcmp(r->names[i], name) == 0) {
      r->v[i].type = HD_V_TEXT;
      r->v[i].s = (char *)(uintptr_t)s; /* the row's block is freed as one: nothing frees s */
      r->v[i].len = (int)strlen(s);
    }
}

/* One row of st: the values and the text they point to in one allocation. */
static int read_row(sqlite3_stmt *st, const unsigned char *flags, const char **names,
                    hd_row *r) {
  int n = sqlite3_column_count(st);
  size_t text = 0;
  for (int i = 0; i < n; i++) {
    int t = sqlite3_column_type(st, i);
    if (t == SQLITE_TEXT || t == SQLITE_BLOB) text += (size_t)sqlite3_column_bytes(st, i) + 1;
  }
  hd_value *v = malloc((size_t)n * sizeof *v + text);
  if (!v) return HD_ENOMEM;
  char *out = (char *)(v + n);
  r->is_flag = flags;
  r->names = names;
  r->v = v;
  r->n = n;
  for (int i = 0; i < n; i++, v++) {
    memset(v, 0, sizeof *v);
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: v->type = HD_V_INT; v->i = sqlite3_column_int64(st, i); break;
    case SQLITE_FLOAT: v->type = HD_V_REAL; v->r = sqlite3_column_double(st, i); break;
    case SQLITE_NULL: v->type = HD_V_NULL; break;
    default:
      v->type = HD_V_TEXT;
      v->len = sqlite3_column_bytes(st, i);
      v->s = out;
      if (v->len) memcpy(out, sqlite3_column_blob(st, i), (size_t)v->len);
      out[v->len] = '\0';
      out += v->len + 1;
    }
  }
  return HD_OK;
}

/* Run query q bound to id; one row into *one (if one) or all rows into *many. */
static int query(hd_caseview_loader *l, int q, long long id, hd_row *one, hd_rows *many,
                 hd_err *err) {
  sqlite3_stmt *st = l->st[q];
  int s, rc = HD_OK;
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, id);
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    if (one) {
      rc = read_row(st, l->flags[q], l->names[q], one);
      break;
    }
    if ((many->n & (many->n - 1)) == 0) { /* 0, 1, 2, 4, ...: grow to the next power of 2 */
      hd_row *nv = realloc(many->v, (size_t)(many->n ? many->n * 2 : 1) * sizeof *nv);
      if (!nv) return hd_err_set(err, HD_ENOMEM, "out of memory");
      many->v = nv;
    }
    memset(&many->v[many->n], 0, sizeof many->v[many->n]);
    rc = read_row(st, l->flags[q], l->names[q], &many->v[many->n++]);
    if (rc) break;
  }
  if (rc) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if (s != SQLITE_ROW && s != SQLITE_DONE)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(l->db));
  sqlite3_reset(st);
  return HD_OK;
}

static long long id_of(const hd_row *r, const char *col) {
  const hd_value *v = row_get(r, col);
  return v && v->type == HD_V_INT ? v->i : 0;
}

int caseview_load(hd_caseview_loader *l, long long id, hd_caseview *v, hd_err *err) {
  int rc;
  memset(v, 0, sizeof *v);
  v->id = id;
  if ((rc = query(l, Q_CASE, id, &v->kase, NULL, err))) goto fail;
  if (v->kase.n == 0) {
    rc = hd_err_set(err, HD_EDATA, "case %lld does not exist", id);
    goto fail;
  }
  long long applicant = id_of(&v->kase, "_applicant_id");
  if ((rc = query(l, Q_SUBJECT, applicant, &v->applicant, NULL, err)) ||
      (rc = query(l, Q_RECORDS, applicant, NULL, &v->records, err)) ||
      (rc = query(l, Q_RESOURCE, id_of(&v->kase, "_resource_id"), &v->resource, NULL, err)) ||
      (rc = query(l, Q_RIGHTS, id, NULL, &v->rights, err)) ||
      (rc = query(l, Q_MATERIALS, id, NULL, &v->materials, err)) ||
      (rc = query(l, Q_OBJECTIONS, id, NULL, &v->objections, err)) ||
      (rc = query(l, Q_WAIVERS, id, NULL, &v->waivers, err)))
    goto fail;
  long long cp = id_of(&v->kase, "_counterparty_id");
  if (cp && (rc = query(l, Q_SUBJECT, cp, &v->counterparty, NULL, err))) goto fail;
  long long prior = id_of(&v->kase, "_prior_id");
  if (prior && (rc = query(l, Q_PRIOR, prior, &v->prior, NULL, err))) goto fail;
  if (v->prior.n) { /* what the prior certificate registered */
    long long pa = id_of(&v->prior, "_applicant_id"), pc = id_of(&v->prior, "_case_id"),
              pr = id_of(&v->prior, "_resource_id");
    if ((pa && (rc = query(l, Q_SUBJECT, pa, &v->prior_applicant, NULL, err))) ||
        (pc && (rc = query(l, Q_RIGHTS, pc, NULL, &v->prior_rights, err))) ||
        (pr && (rc = query(l, Q_RESOURCE, pr, &v->prior_resource, NULL, err))))
      goto fail;
  }
  return HD_OK;
fail:
  caseview_release(v);
  return rc;
}

const char *const hd_material_kinds[] = {
    "application", "resource_description", "third_party_assessment", "business_license",
    "authorization", "contract", "consideration_proof", "change_proof", "truth_commitment",
    "cancellation_statement", "court_judgment", "anonymisation_assessment",
    "deidentification_report", "privacy_policy", "separate_consent", "pia_report",
    "ethics_approval", "ethics_committee_filing", "hgr_approval", "security_assessment",
    "standard_contract_filing", "pi_certification", "risk_assessment",
    "security_officer_appointment", "capability_evidence", "other", NULL};
