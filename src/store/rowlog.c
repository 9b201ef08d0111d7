/* rowlog.c: rows onto the register's chain as hdreg writes them (rowlog.h). */
#include "store/rowlog.h"

#include <math.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "util/sha256.h"

/* Everything that decides a case or is printed on a document (docs/schema.md says why
 * each is here). Not covered: ledger itself (its own hashes cover it), ledger_heads (each
 * carries a signature), and the import's scratch tables. */
const char *const HD_ROWLOG_TABLES[] = {
    "settings",     "counters",     "holidays",         "holiday_years",    "transitions",
    "revisions",    "subjects",     "subject_records",  "resources",        "cases",
    "case_rights",  "materials",    "objections",       "waivers",          "findings",
    "decisions",    "certificates", "certificate_fields", "notices",        "notice_cases",
    "case_events",  "onsite_questions", "documents",    "imports",          "privacy_products",
    "privacy_third_parties", "waiver_revocations", "letters",
    "certificate_print", "certificate_expiries", "supervisions", "supervision_actions"};
const int HD_ROWLOG_NTABLES = (int)(sizeof HD_ROWLOG_TABLES / sizeof HD_ROWLOG_TABLES[0]);

int rowlog_table_index(const char *name) {
  return name ? rowlog_table_index_n(name, strlen(name)) : -1;
}

int rowlog_table_index_n(const char *name, size_t n) {
  /* The first letter first: ledger verify asks once per entry. */
  for (int i = 0; i < HD_ROWLOG_NTABLES; i++) {
    const char *t = HD_ROWLOG_TABLES[i];
    if (n && t[0] == name[0] && strlen(t) == n && !memcmp(t, name, n)) return i;
  }
  return -1;
}

/* Columns added to a covered table after it was first chained (ALTER TABLE ... ADD COLUMN
 * appends them), by the schema that added them. A row's payload leaves out those that are
 * NULL at its end, so that every row written before the column existed still matches its
 * entry: the migration chains nothing and launders nothing (docs/schema.md, "The register"). */
static const struct {
  const char *table, *column;
} LATE_COLUMNS[] = {
    {"materials", "issuer_id"}, /* schema 12 */
    {"cases", "renewal"},       /* schema 13 */
    {"certificate_print", "lookup_base"}, /* schema 13 */
};

/* Shapes per connection; hdreg has few connections at a time. */
#define SHAPE_CONNS 8
static struct {
  sqlite3 *db;
  hd_table_shape *t;
} shapes[SHAPE_CONNS];

static void shapes_free(hd_table_shape *t) {
  if (!t) return;
  for (int i = 0; i < HD_ROWLOG_NTABLES; i++) {
    for (int c = 0; c < t[i].ncols; c++) free(t[i].cols[c]);
    free(t[i].cols);
    free(t[i].select_all);
    free(t[i].select_one);
  }
  free(t);
}

void rowlog_detach(sqlite3 *db) {
  for (int i = 0; i < SHAPE_CONNS; i++)
    if (shapes[i].db == db) {
      shapes_free(shapes[i].t);
      shapes[i].db = NULL;
      shapes[i].t = NULL;
    }
}

/* The shape of table name; missing_ok: a table that does not exist (yet) is ncols 0. */
static int read_shape(sqlite3 *db, hd_table_shape *t, const char *name, int missing_ok,
                      hd_err *err) {
  sqlite3_stmt *st;
  char sql[160];
  memset(t, 0, sizeof *t);
  t->name = name;
  hd_snprintf(sql, sizeof sql, "SELECT name, pk, type FROM pragma_table_info('%s') ORDER BY cid", name);
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  int cap = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (t->ncols == cap) {
      cap = cap ? cap * 2 : 16;
      char **nc = realloc(t->cols, (size_t)cap * sizeof *nc);
      if (!nc) break;
      t->cols = nc;
    }
    t->cols[t->ncols] = store_col_text(st, 0);
    int pk = sqlite3_column_int(st, 1);
    if (pk >= 1 && pk <= HD_ROWLOG_MAXPK) {
      t->pk[pk - 1] = t->ncols;
      if (pk > t->npk) t->npk = pk;
    }
    if (pk == 1 && !strcasecmp((const char *)sqlite3_column_text(st, 2), "INTEGER")) t->rowid_pk = 1;
    t->ncols++;
  }
  sqlite3_finalize(st);
  if (!t->ncols && missing_ok) return HD_OK;
  if (!t->ncols || !t->npk)
    return hd_err_set(err, HD_EDB, "the register has no table '%s' with a primary key "
                      "(schema damaged?)", name);
  if (t->npk > 1) t->rowid_pk = 0;
  t->late_from = t->ncols;
  for (size_t l = 0; l < sizeof LATE_COLUMNS / sizeof LATE_COLUMNS[0]; l++)
    for (int c = 0; c < t->ncols; c++)
      if (!strcmp(LATE_COLUMNS[l].table, name) && !strcmp(LATE_COLUMNS[l].column, t->cols[c]) &&
          c < t->late_from)
        t->late_from = c;
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_adds(&b, "SELECT ");
  for (int c = 0; c < t->ncols; c++) hd_buf_printf(&b, "%s\"%s\"", c ? ", " : "", t->cols[c]);
  hd_buf_printf(&b, " FROM main.\"%s\"", name);
  size_t base = b.len;
  hd_buf_adds(&b, " ORDER BY ");
  for (int k = 0; k < t->npk; k++) hd_buf_printf(&b, "%s\"%s\"", k ? ", " : "", t->cols[t->pk[k]]);
  t->select_all = hd_strdup(b.p);
  b.len = base;
  b.p[base] = '\0';
  hd_buf_adds(&b, " WHERE ");
  for (int k = 0; k < t->npk; k++)
    hd_buf_printf(&b, "%s\"%s\" IS ?%d", k ? " AND " : "", t->cols[t->pk[k]], k + 1);
  t->select_one = hd_strdup(b.p);
  hd_buf_release(&b);
  return t->select_all && t->select_one ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
}


static hd_table_shape *shapes_load(sqlite3 *db, int missing_ok, hd_err *err) {
  hd_table_shape *t = calloc((size_t)HD_ROWLOG_NTABLES, sizeof *t);
  if (!t) {
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  for (int i = 0; i < HD_ROWLOG_NTABLES; i++)
    if (read_shape(db, &t[i], HD_ROWLOG_TABLES[i], missing_ok, err)) {
      shapes_free(t);
      return NULL;
    }
  return t;
}

const hd_table_shape *rowlog_shapes(sqlite3 *db, hd_err *err) {
  int free_slot = -1;
  for (int i = 0; i < SHAPE_CONNS; i++) {
    if (shapes[i].db == db) return shapes[i].t;
    if (!shapes[i].db && free_slot < 0) free_slot = i;
  }
  if (free_slot < 0) {
    hd_err_set(err, HD_EINTERNAL, "too many open registers");
    return NULL;
  }
  hd_table_shape *t = shapes_load(db, 0, err);
  if (!t) return NULL;
  shapes[free_slot].db = db;
  shapes[free_slot].t = t;
  return t;
}

/* Whether byte c stands for itself in a JSON string as rowlog writes it. */
static const unsigned char *plain_bytes(void) {
  static unsigned char t[256];
  static int made;
  if (!made) {
    for (int c = 0; c < 256; c++) t[c] = c >= 0x20 && c != '"' && c != '\\';
    made = 1;
  }
  return t;
}

static int json_string(hd_buf *b, const unsigned char *s, size_t n) {
  static const char HEX[] = "0123456789abcdef";
  /* Most text needs no escape: copied in one piece (ledger verify writes 1.7 million rows). */
  const unsigned char *plain = plain_bytes();
  size_t i = 0;
  while (i < n && plain[s[i]]) i++;
  if (i == n) {
    char *w = hd_buf_extend(b, n + 2);
    if (!w) return HD_ENOMEM;
    w[0] = '"';
    if (n) memcpy(w + 1, s, n);
    w[n + 1] = '"';
    return HD_OK;
  }
  int rc = hd_buf_add(b, "\"", 1);
  size_t run = 0;
  for (; i < n && rc == HD_OK; i++) {
    unsigned char c = s[i];
    if (plain[c]) continue;
    rc = hd_buf_add(b, s + run, i - run);
    run = i + 1;
    char esc[7] = {'\\', (char)c, 0};
    if (c == '\n') esc[1] = 'n';
    else if (c == '\t') esc[1] = 't';
    else if (c == '\r') esc[1] = 'r';
    else if (c < 0x20) {
      memcpy(esc, "\\u00", 4);
      esc[4] = HEX[c >> 4];
      esc[5] = HEX[c & 15];
      esc[6] = 0;
    }
    if (rc == HD_OK) rc = hd_buf_adds(b, esc);
  }
  if (rc == HD_OK) rc = hd_buf_add(b, s + run, n - run);
  return rc == HD_OK ? hd_buf_add(b, "\"", 1) : rc;
}

static int json_int(hd_buf *b, sqlite3_int64 v) {
  char s[24], *p = s + sizeof s;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do *--p = (char)('0' + u % 10); while (u /= 10);
  if (v < 0) *--p = '-';
  return hd_buf_add(b, p, (size_t)(s + sizeof s - p));
}

static int json_real(hd_buf *b, double d) {
  if (!isfinite(d))
    return hd_buf_adds(b, isnan(d) ? "{\"real\":\"nan\"}" : d > 0 ? "{\"real\":\"inf\"}" : "{\"real\":\"-inf\"}");
  char s[40];
  hd_snprintf(s, sizeof s, "%.17g", d);
  int rc = hd_buf_adds(b, s);
  return rc == HD_OK && !strpbrk(s, ".e") ? hd_buf_adds(b, ".0") : rc;
}

static int json_blob(hd_buf *b, const unsigned char *p, size_t n) {
  static const char HEX[] = "0123456789abcdef";
  int rc = hd_buf_adds(b, "{\"blob\":\"");
  for (size_t i = 0; i < n && rc == HD_OK; i++) {
    char h[2] = {HEX[p[i] >> 4], HEX[p[i] & 15]};
    rc = hd_buf_add(b, h, 2);
  }
  return rc == HD_OK ? hd_buf_adds(b, "\"}") : rc;
}

static int value_json(hd_buf *b, sqlite3_value *v);

int rowlog_value(hd_buf *b, sqlite3_stmt *st, int i) {
  /* One call into the statement, not three (each takes the connection's mutex and checks
   * for a failed allocation); the value is read at once, on this thread. */
  return value_json(b, sqlite3_column_value(st, i));
}

static int value_json(hd_buf *b, sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
  case SQLITE_INTEGER: return json_int(b, sqlite3_value_int64(v));
  case SQLITE_FLOAT: return json_real(b, sqlite3_value_double(v));
  case SQLITE_TEXT: {
    const unsigned char *s = sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    return s || !n ? json_string(b, s, n) : HD_ENOMEM;
  }
  case SQLITE_BLOB: {
    const unsigned char *p = sqlite3_value_blob(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    return p || !n ? json_blob(b, p, n) : HD_ENOMEM;
  }
  default: return hd_buf_add(b, "null", 4);
  }
}

int rowlog_key(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st, sqlite3_value *const *key) {
  int rc = t->npk > 1 ? hd_buf_add(b, "[", 1) : HD_OK;
  for (int k = 0; k < t->npk && rc == HD_OK; k++) {
    if (k) rc = hd_buf_add(b, ",", 1);
    if (rc == HD_OK) rc = st ? rowlog_value(b, st, t->pk[k]) : value_json(b, key[k]);
  }
  return rc == HD_OK && t->npk > 1 ? hd_buf_add(b, "]", 1) : rc;
}

int rowlog_payload(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st,
                   sqlite3_value *const *key) {
  size_t off, len;
  return rowlog_payload_at(b, t, st, key, &off, &len);
}

int rowlog_payload_at(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st,
                      sqlite3_value *const *key, size_t *key_off, size_t *key_len) {
  int rc = hd_buf_add(b, "[\"row\",\"", 8);
  if (rc == HD_OK) rc = hd_buf_adds(b, t->name);
  if (rc == HD_OK) rc = hd_buf_add(b, "\",", 2);
  *key_off = b->len;
  if (rc == HD_OK) rc = rowlog_key(b, t, st, key);
  *key_len = b->len - *key_off;
  if (rc == HD_OK) rc = hd_buf_add(b, st ? ",[" : ",null]", st ? 2 : 6);
  int n = t->ncols;
  while (st && n > t->late_from && sqlite3_column_type(st, n - 1) == SQLITE_NULL) n--;
  for (int c = 0; st && c < n && rc == HD_OK; c++) {
    if (c) rc = hd_buf_add(b, ",", 1);
    if (rc == HD_OK) rc = rowlog_value(b, st, c);
  }
  return rc == HD_OK && st ? hd_buf_add(b, "]]", 2) : rc;
}

int rowlog_attach(sqlite3 *db, hd_err *err) {
  const hd_table_shape *t = rowlog_shapes(db, err);
  if (!t) return err->code;
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_adds(&b, "PRAGMA temp_store = MEMORY; CREATE TEMP TABLE IF NOT EXISTS rowlog_pending("
                  "n INTEGER PRIMARY KEY, tbl INTEGER NOT NULL, k1, k2, k3, k4);\n");
  for (int i = 0; i < HD_ROWLOG_NTABLES; i++) {
    static const char *const WHEN[3] = {"INSERT", "UPDATE", "DELETE"};
    for (int w = 0; w < 3; w++) {
      /* An update notes the new key, and the old one too when the key changed. */
      for (int side = 0; side < (w == 1 ? 2 : 1); side++) {
        const char *row = w == 2 || side ? "OLD" : "NEW";
        hd_buf_printf(&b, "CREATE TEMP TRIGGER IF NOT EXISTS rowlog_%s_%c%d AFTER %s ON main.\"%s\"",
                      t[i].name, WHEN[w][0] + 32, side, WHEN[w], t[i].name);
        if (side) {
          hd_buf_adds(&b, " WHEN ");
          for (int k = 0; k < t[i].npk; k++)
            hd_buf_printf(&b, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", k ? " OR " : "",
                          t[i].cols[t[i].pk[k]], t[i].cols[t[i].pk[k]]);
        }
        hd_buf_printf(&b, " BEGIN INSERT INTO rowlog_pending(tbl");
        for (int k = 0; k < t[i].npk; k++) hd_buf_printf(&b, ", k%d", k + 1);
        hd_buf_printf(&b, ") VALUES (%d", i);
        for (int k = 0; k < t[i].npk; k++) hd_buf_printf(&b, ", %s.\"%s\"", row, t[i].cols[t[i].pk[k]]);
        hd_buf_adds(&b, "); END;\n");
      }
    }
  }
  int rc = b.p ? store_exec(db, b.p, err) : hd_err_set(err, HD_ENOMEM, "out of memory");
  hd_buf_release(&b);
  return rc;
}

/* The chain's last entry, for appending: seq and hash (64 zeros before the first). */
typedef struct tail {
  long long seq;
  char hash[65];
  EVP_MD_CTX *md;
} tail;

static int tail_read(sqlite3 *db, tail *t, hd_err *err) {
  sqlite3_stmt *st;
  t->seq = 0;
  memset(t->hash, '0', 64);
  t->hash[64] = '\0';
  t->md = EVP_MD_CTX_new();
  if (!t->md) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if (store_cached(db, "SELECT seq, hash FROM main.ledger ORDER BY seq DESC LIMIT 1", &st, err))
    return HD_EDB;
  if (sqlite3_step(st) == SQLITE_ROW) {
    t->seq = sqlite3_column_int64(st, 0);
    hd_snprintf(t->hash, sizeof t->hash, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  store_done(st);
  return HD_OK;
}

static int tail_append(sqlite3 *db, tail *t, const char *kind, const char *tbl, long long ref,
                       const char *payload, size_t len, hd_err *err) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned mdn = 0;
  char hash[65];
  if (!(EVP_DigestInit_ex2(t->md, hd_sha256_md(), NULL) && EVP_DigestUpdate(t->md, t->hash, 64) &&
        EVP_DigestUpdate(t->md, "\n", 1) && EVP_DigestUpdate(t->md, payload, len) &&
        EVP_DigestFinal_ex(t->md, md, &mdn) && mdn == 32))
    return hd_err_set(err, HD_EINTERNAL, "SHA-256 failed");
  hd_sha256_digits(md, hash);
  sqlite3_stmt *st;
  if (store_cached(db, "INSERT INTO main.ledger(seq, kind, tbl, ref_id, payload, hash) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, t->seq + 1);
  sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
  if (tbl) sqlite3_bind_text(st, 3, tbl, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 4, ref);
  sqlite3_bind_text(st, 5, payload, (int)len, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, hash, 64, SQLITE_STATIC);
  int s = sqlite3_step(st);
  store_done(st);
  if (s != SQLITE_DONE) return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  t->seq++;
  memcpy(t->hash, hash, 65);
  return HD_OK;
}

int rowlog_append(sqlite3 *db, const char *kind, const char *tbl, long long ref,
                  const char *payload, size_t len, hd_err *err) {
  tail t;
  int rc = tail_read(db, &t, err);
  if (rc == HD_OK) rc = tail_append(db, &t, kind, tbl, ref, payload, len, err);
  EVP_MD_CTX_free(t.md);
  return rc;
}

int rowlog_seal(sqlite3 *db, hd_err *err) {
  const hd_table_shape *shape = rowlog_shapes(db, err);
  if (!shape) return err->code;
  sqlite3_stmt *pend;
  if (store_cached(db, "SELECT tbl, k1, k2, k3, k4, min(n) AS first FROM temp.rowlog_pending "
                       "GROUP BY tbl, k1, k2, k3, k4 ORDER BY first", &pend, err))
    return HD_EDB;
  tail t = {0};
  hd_buf b;
  hd_buf_init(&b, 0);
  int rc = HD_OK, any = 0;
  while (rc == HD_OK && sqlite3_step(pend) == SQLITE_ROW) {
    if (!any && (rc = tail_read(db, &t, err))) break;
    any = 1;
    int ti = sqlite3_column_int(pend, 0);
    if (ti < 0 || ti >= HD_ROWLOG_NTABLES) {
      rc = hd_err_set(err, HD_EINTERNAL, "rowlog: table %d", ti);
      break;
    }
    const hd_table_shape *s = &shape[ti];
    sqlite3_value *key[HD_ROWLOG_MAXPK];
    for (int k = 0; k < s->npk; k++) key[k] = sqlite3_column_value(pend, 1 + k);
    sqlite3_stmt *row;
    if ((rc = store_cached(db, s->select_one, &row, err))) break;
    for (int k = 0; k < s->npk; k++) sqlite3_bind_value(row, k + 1, key[k]);
    int r = sqlite3_step(row);
    hd_buf_reset(&b);
    if (r == SQLITE_ROW) rc = rowlog_payload(&b, s, row, NULL);
    else if (r == SQLITE_DONE) rc = rowlog_payload(&b, s, NULL, key);
    else rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    long long ref = s->rowid_pk ? sqlite3_column_int64(pend, 1) : 0;
    if (rc == HD_OK && !b.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    if (rc == HD_OK) rc = tail_append(db, &t, "row", s->name, ref, b.p, b.len, err);
    store_done(row);
  }
  store_done(pend);
  hd_buf_release(&b);
  EVP_MD_CTX_free(t.md);
  if (rc == HD_OK && any) rc = store_exec(db, "DELETE FROM temp.rowlog_pending", err);
  return rc;
}

int rowlog_snapshot(sqlite3 *db, hd_err *err) {
  /* Its own shapes, not the connection's: a table a later schema adds is not there yet
   * (and has no rows), and the shapes are read again once every migration has run. */
  hd_table_shape *shape = shapes_load(db, 1, err);
  if (!shape) return err->code;
  tail t = {0};
  int rc = tail_read(db, &t, err);
  static const char MARK[] =
      "[\"migration\",7,\"every row of every covered table as it stood when the register was "
      "migrated to schema 7 follows; before, the chain recorded events, documents and imports\"]";
  if (rc == HD_OK) rc = tail_append(db, &t, "migration", NULL, 7, MARK, strlen(MARK), err);
  hd_buf b;
  hd_buf_init(&b, 0);
  for (int i = 0; i < HD_ROWLOG_NTABLES && rc == HD_OK; i++) {
    const hd_table_shape *s = &shape[i];
    sqlite3_stmt *st;
    if (!s->ncols) continue;
    if ((rc = store_prepare(db, s->select_all, &st, err))) break;
    int r;
    while (rc == HD_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
      hd_buf_reset(&b);
      rc = rowlog_payload(&b, s, st, NULL);
      if (rc == HD_OK && !b.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      if (rc == HD_OK)
        rc = tail_append(db, &t, "row", s->name, s->rowid_pk ? sqlite3_column_int64(st, s->pk[0]) : 0,
                         b.p, b.len, err);
    }
    sqlite3_finalize(st);
  }
  hd_buf_release(&b);
  EVP_MD_CTX_free(t.md);
  shapes_free(shape);
  return rc;
}

int rowlog_chain_where(sqlite3 *db, const char *table, const char *where, hd_err *err) {
  hd_table_shape *shape = shapes_load(db, 1, err);
  if (!shape) return err->code;
  int i = rowlog_table_index(table), rc = HD_OK;
  const hd_table_shape *s = i >= 0 ? &shape[i] : NULL;
  hd_buf q, b;
  hd_buf_init(&q, 0);
  hd_buf_init(&b, 0);
  if (!s || !s->ncols) rc = hd_err_set(err, HD_EINTERNAL, "table '%s' is not on the chain", table);
  else hd_buf_printf(&q, "SELECT * FROM (%s) WHERE %s", s->select_all, where);
  if (rc == HD_OK && !q.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  sqlite3_stmt *st = NULL;
  if (rc == HD_OK) rc = store_prepare(db, q.p, &st, err);
  int r;
  while (rc == HD_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
    hd_buf_reset(&b);
    rc = rowlog_payload(&b, s, st, NULL);
    if (rc == HD_OK && !b.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    if (rc == HD_OK)
      rc = rowlog_append(db, "row", s->name, s->rowid_pk ? sqlite3_column_int64(st, s->pk[0]) : 0,
                         b.p, b.len, err);
  }
  sqlite3_finalize(st);
  hd_buf_release(&q);
  hd_buf_release(&b);
  shapes_free(shape);
  return rc;
}
