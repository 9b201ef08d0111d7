/* import.c: the import core — validation, normalisation, problems and inserts of the
 * records the readers hand over (import.h, import_int.h). */
#include "exchange/import.h"

#include <openssl/evp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "checks/uscc.h"
#include "exchange/import_int.h"
#include "procedure/certnum.h"
#include "procedure/intake.h"
#include "store/store.h"
#include "util/date.h"
#include "util/charclass.h"
#include "util/sha256.h"
#include "util/utf8.h"

enum { K_SUBJECT = 0, K_CASE = 1, K_CERT = 2 };

struct ximporter {
  sqlite3 *db;
  const char *file;
  const ximport_opts *o;
  ximport_result *r;
  hd_err *err;
  int failed;          /* a database error: the import ends */
  char *sql[XR_COUNT]; /* the INSERT of each record type */
  char *sql_resource;
  struct xprob *probs; /* kept to be printed in line order at the end */
  long bad_bytes;      /* invalid byte sequences the decoder reported so far */
  long skipped;        /* records not written because of another record's problem */
  size_t nprobs, capprobs;
};

/* At most this many problems are kept for printing (all are counted). */
#define XPROB_KEEP 200000

typedef struct xprob {
  long line, col, seq;
  char *text;
} xprob;

typedef struct bindv {
  int set;          /* 0 NULL, 1 text, 2 integer */
  const char *text;
  long long num;
} bindv;

const char *xim_file(const ximporter *im) { return im->file; }
int xim_failed(const ximporter *im) { return im->failed; }

static void vreport(FILE *f, const char *file, long line, long col, const char *field,
                    const char *fmt, va_list ap) {
  if (col > 0) fprintf(f, "%s:%ld:%ld: ", file, line, col);
  else fprintf(f, "%s:%ld: ", file, line);
  if (field) fprintf(f, "%s: ", field);
  vfprintf(f, fmt, ap);
  fputc('\n', f);
}

void xim_problem(ximporter *im, long line, long col, const char *field, const char *fmt, ...) {
  long seq = im->r->problems++;
  long keep = im->o->max_problems > 0 && im->o->max_problems < XPROB_KEEP ? im->o->max_problems
                                                                            : XPROB_KEEP;
  if (im->nprobs >= (size_t)keep) {
    /* Full: keep the earliest lines, which are the ones printed. */
    size_t last = 0;
    for (size_t i = 1; i < im->nprobs; i++)
      if (im->probs[i].line > im->probs[last].line) last = i;
    if (im->probs[last].line <= line) return;
    free(im->probs[last].text);
    im->probs[last] = im->probs[--im->nprobs];
  }
  if (im->nprobs == im->capprobs) {
    size_t cap = im->capprobs ? 2 * im->capprobs : 64;
    xprob *p = realloc(im->probs, cap * sizeof *p);
    if (!p) return;
    im->probs = p;
    im->capprobs = cap;
  }
  hd_buf b;
  hd_buf_init(&b, 4096);
  if (field) hd_buf_printf(&b, "%s: ", field);
  va_list ap;
  va_start(ap, fmt);
  hd_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  char *text = hd_buf_steal(&b);
  if (!text) return;
  im->probs[im->nprobs++] = (xprob){line, col, seq, text};
}

static int prob_cmp(const void *a, const void *b) {
  const xprob *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Print the kept problems in the order of the file, and forget them. */
static void print_problems(ximporter *im) {
  if (im->nprobs) qsort(im->probs, im->nprobs, sizeof *im->probs, prob_cmp);
  FILE *f = im->o->problems ? im->o->problems : stderr;
  for (size_t i = 0; i < im->nprobs; i++) {
    if (im->probs[i].col > 0) fprintf(f, "%s:%ld:%ld: %s\n", im->file, im->probs[i].line,
                                      im->probs[i].col, im->probs[i].text);
    else fprintf(f, "%s:%ld: %s\n", im->file, im->probs[i].line, im->probs[i].text);
    free(im->probs[i].text);
  }
  free(im->probs);
  im->probs = NULL;
  im->nprobs = im->capprobs = 0;
}

static void note(ximporter *im, long line, long col, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void note(ximporter *im, long line, long col, const char *field, const char *fmt, ...) {
  if (!im->o->notes) return;
  va_list ap;
  va_start(ap, fmt);
  vreport(im->o->notes, im->file, line, col, field, fmt, ap);
  va_end(ap);
}

static void dbfail(ximporter *im, const char *what) {
  if (!im->failed)
    hd_err_set(im->err, HD_EDB, "%s: database error while %s: %s", im->file, what,
               sqlite3_errmsg(im->db));
  im->failed = 1;
}

/* ---- records ---------------------------------------------------------------------- */

void xrec_begin(ximporter *im, xrec *r, int type, long line) {
  r->problems_before = im->r->problems;
  r->type = type;
  r->line = line;
  r->parent_id = 0;
  r->skip = 0;
  r->res_line = 0;
  if (!r->arena.max) hd_buf_init(&r->arena, 2 * X_MAX_VALUE * 4);
  hd_buf_reset(&r->arena);
  for (int i = 0; i < XREC_MAXF; i++) {
    r->off[i] = (size_t)-1;
    r->vline[i] = r->vcol[i] = 0;
  }
}

void xrec_release(xrec *r) { hd_buf_release(&r->arena); }

void xrec_set(ximporter *im, xrec *r, int f, const char *s, size_t n, long line, long col) {
  const char *name = XSPEC[r->type].fields[f].name;
  if (r->off[f] != (size_t)-1) {
    xim_problem(im, line, col, name, "given twice (first at line %ld)", r->vline[f]);
    r->off[f] = (size_t)-2;
    return;
  }
  r->vline[f] = line;
  r->vcol[f] = col;
  if (n > X_MAX_VALUE) {
    xim_problem(im, line, col, name, "%zu bytes long, at most %d", n, X_MAX_VALUE);
    r->off[f] = (size_t)-2;
    return;
  }
  size_t at = r->arena.len;
  if (hd_buf_add(&r->arena, s, n) || hd_buf_add(&r->arena, "", 1)) {
    xim_problem(im, line, col, name, "the record's values are too long together");
    r->off[f] = (size_t)-2;
    return;
  }
  r->off[f] = at;
}

/* Surrounding ASCII white space and U+3000 IDEOGRAPHIC SPACE. */
static int is_space_at(const char *s, size_t len, size_t i, size_t *w) {
  unsigned char c = (unsigned char)s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return (*w = 1), 1;
  if (i + 3 <= len && !memcmp(s + i, "\xE3\x80\x80", 3)) return (*w = 3), 1;
  return 0;
}

static char *trim(char *s, int *changed) {
  size_t len = strlen(s), a = 0, w;
  while (a < len && is_space_at(s, len, a, &w)) a += w;
  size_t b = len;
  for (;;) {
    if (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) b--;
    else if (b >= a + 3 && !memcmp(s + b - 3, "\xE3\x80\x80", 3)) b -= 3;
    else break;
  }
  *changed = a > 0 || b < len;
  s[b] = '\0';
  return s + a;
}

/* Fold full-width ASCII (U+FF01-U+FF5E) into out; returns 1 if any was folded. */
static int fold_fullwidth(const char *s, char *out, size_t cap) {
  size_t i = 0, len = strlen(s), o = 0;
  int folded = 0;
  uint32_t cp;
  while (o + 5 < cap) {
    size_t at = i;
    int k = hd_utf8_next(s, len, &i, &cp);
    if (k <= 0) break;
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out[o++] = (char)(cp - 0xFEE0);
      folded = 1;
    } else {
      memcpy(out + o, s + at, i - at);
      o += i - at;
    }
  }
  out[o] = '\0';
  return folded;
}

/* The short form of a value for messages: at most 40 characters. */
static const char *shown(const char *v, char *buf, size_t cap) {
  size_t len = strlen(v), i = 0;
  uint32_t cp;
  int n = 0;
  while (n < 40 && hd_utf8_next(v, len, &i, &cp) > 0) n++;
  if (i >= len) return v;
  hd_snprintf(buf, cap, "%.*s...", (int)i, v);
  return buf;
}

static const char *enum_list(const char *const *v, char *buf, size_t cap) {
  size_t o = 0;
  buf[0] = '\0';
  for (int i = 0; v[i] && o < cap; i++)
    o += (size_t)snprintf(buf + o, cap - o, "%s%s", i ? ", " : "", v[i]);
  return buf;
}

/* The kind of key a record type has in x_keys, or -1. */
static int key_kind(int type) {
  return type == XR_SUBJECT ? K_SUBJECT : type == XR_CASE ? K_CASE
       : type == XR_CERTIFICATE ? K_CERT : -1;
}

/* x_keys: the file's ids and numbers, with the line and the row they became (NULL if the
 * record failed, so that its children are skipped without a second report). */
static int key_get(ximporter *im, int kind, const char *key, long *line, long long *id) {
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, "SELECT line, id FROM x_keys WHERE kind = ?1 AND key = ?2", &st, &e))
    return dbfail(im, "looking up a key"), 0;
  sqlite3_bind_int(st, 1, kind);
  sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
  int found = sqlite3_step(st) == SQLITE_ROW;
  if (found) {
    *line = sqlite3_column_int64(st, 0);
    *id = sqlite3_column_type(st, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 1);
  }
  store_done(st);
  return found;
}

static void key_put(ximporter *im, int kind, const char *key, long line, long long id) {
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, "INSERT OR IGNORE INTO x_keys(kind, key, line, id) VALUES (?1, ?2, ?3, ?4)",
                   &st, &e))
    return dbfail(im, "recording a key");
  sqlite3_bind_int(st, 1, kind);
  sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, line);
  if (id) sqlite3_bind_int64(st, 4, id);
  if (sqlite3_step(st) != SQLITE_DONE) dbfail(im, "recording a key");
  store_done(st);
}

static long long db_id(ximporter *im, const char *sql, const char *text, char **col1) {
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, sql, &st, &e)) return dbfail(im, "looking up the register"), 0;
  sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
  long long id = 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    id = sqlite3_column_int64(st, 0);
    if (col1) *col1 = store_col_text(st, 1);
  }
  store_done(st);
  return id;
}

/* Validate one value; fills *b. Returns 0 when a problem was reported, -1 when the
 * record is to be skipped silently (its parent or a subject it names failed), 1 ok. */
static int value(ximporter *im, xrec *r, int f, char *v, bindv *b, char *scratch, size_t cap) {
  const xfield *fs = &XSPEC[r->type].fields[f];
  long line = r->vline[f], col = r->vcol[f];
  char s1[200], s2[512];
  switch (fs->kind) {
  case X_TEXT: {
    size_t len = strlen(v), i = 0;
    uint32_t cp;
    long ch = 0;
    int is_name = (fs->flags & XF_NAME) != 0;
    while (hd_utf8_next(v, len, &i, &cp) > 0) {
      ch++;
      const char *cname;
      int kind = hd_char_kind(cp, &cname);
      if (kind == HD_CH_BIDI || kind == HD_CH_INVISIBLE) {
        xim_problem(im, line, col, fs->name, "%s U+%04X (%s) at character %ld%s",
                    hd_char_kind_text(kind), cp, cname, ch, is_name ? ": not allowed in a name" : "");
        return 0;
      }
      if (is_name && cp == '\t') {
        xim_problem(im, line, col, fs->name, "control character U+0009 at character %ld: not "
                    "allowed in a name", ch);
        return 0;
      }
      if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFD) {
        /* Undecodable bytes become U+FFFD and were reported; one in a file without such
         * bytes was lost before the file was made. */
        if (cp == 0xFFFD && im->bad_bytes) return -1;
        if (cp == 0xFFFD) {
          xim_problem(im, line, col, fs->name, "U+FFFD at character %ld: a character lost in an "
                      "earlier conversion; send the value as it really is", ch);
          return 0;
        }
        xim_problem(im, line, col, fs->name, "control character U+%04X at character %ld", cp, ch);
        return 0;
      }
    }
    if (is_name && ch > HD_NAME_MAX_CHARS) {
      xim_problem(im, line, col, fs->name, "%ld characters, at most %d (a name must fit in its "
                  "place on the documents that print it)", ch, HD_NAME_MAX_CHARS);
      return 0;
    }
    b->set = 1, b->text = v;
    return 1;
  }
  case X_CODE: {
    if (fold_fullwidth(v, scratch, cap)) {
      note(im, line, col, fs->name, "normalised '%s' to '%s' (full-width characters)", v, scratch);
      im->r->normalised++;
      memmove(v, scratch, strlen(scratch) + 1);
    }
    size_t n = strlen(v);
    for (size_t i = 0; i < n; i++) {
      char c = v[i];
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            c == '-' || c == '_' || c == '/' || c == '.')) {
        xim_problem(im, line, col, fs->name, "'%s' has a character numbers do not use at "
                    "position %zu (digits, letters, - _ / .)", shown(v, s1, sizeof s1), i + 1);
        return 0;
      }
    }
    if (n > 64) {
      xim_problem(im, line, col, fs->name, "%zu characters, at most 64", n);
      return 0;
    }
    b->set = 1, b->text = v;
    return 1;
  }
  case X_DATE: {
    hd_date d;
    if (!hd_date_parse(v, &d)) {
      int shape = strlen(v) == 10 && v[4] == '-' && v[7] == '-';
      for (int i = 0; shape && i < 10; i++)
        if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9')) shape = 0;
      if (shape) xim_problem(im, line, col, fs->name, "'%s' is not a day of the calendar", v);
      else xim_problem(im, line, col, fs->name, "'%s' is not a date (YYYY-MM-DD)",
                       shown(v, s1, sizeof s1));
      return 0;
    }
    b->set = 1, b->text = v;
    return 1;
  }
  case X_INT: {
    long long x = 0;
    size_t n = strlen(v);
    int ok = n > 0 && n <= 18;
    for (size_t i = 0; ok && i < n; i++) {
      if (v[i] < '0' || v[i] > '9') ok = 0;
      else x = x * 10 + (v[i] - '0');
    }
    if (!ok) {
      xim_problem(im, line, col, fs->name, "'%s' is not a whole number", shown(v, s1, sizeof s1));
      return 0;
    }
    if (x < fs->lo || x > fs->hi) {
      xim_problem(im, line, col, fs->name, "%lld is out of range (%lld to %lld)", x, fs->lo, fs->hi);
      return 0;
    }
    b->set = 2, b->num = x;
    return 1;
  }
  case X_BOOL:
    if (!strcmp(v, "1") || !strcmp(v, "true")) return b->set = 2, b->num = 1, 1;
    if (!strcmp(v, "0") || !strcmp(v, "false")) return b->set = 2, b->num = 0, 1;
    xim_problem(im, line, col, fs->name, "'%s' is not 0 or 1 (or true/false)", shown(v, s1, sizeof s1));
    return 0;
  case X_ENUM:
    for (int i = 0; fs->values[i]; i++)
      if (!strcmp(v, fs->values[i])) return b->set = 1, b->text = fs->values[i], 1;
    if (r->type == XR_CASE && !strcmp(fs->name, "status") && !strcmp(v, "authority_review")) {
      note(im, line, col, fs->name, "normalised 'authority_review' to 'submitted' (the legacy "
           "name of the status)");
      im->r->normalised++;
      return b->set = 1, b->text = "submitted", 1;
    }
    xim_problem(im, line, col, fs->name, "'%s' is not one of: %s", shown(v, s1, sizeof s1),
                enum_list(fs->values, s2, sizeof s2));
    return 0;
  case X_USCC: {
    hd_uscc_report rep;
    hd_uscc_validate(v, 1, &rep);
    if (rep.result == HD_USCC_OK) {
      if (rep.normalised) {
        note(im, line, col, fs->name, "normalised '%s' to '%s' (full-width or lower-case "
             "characters)", v, rep.code);
        im->r->normalised++;
      }
      memcpy(v, rep.code, 19);
      return b->set = 1, b->text = v, 1;
    }
    if (!im->o->restore) {
      xim_problem(im, line, col, fs->name, "'%s' is not a valid unified social credit code: %s",
                  shown(v, s1, sizeof s1), rep.message);
      return 0;
    }
    /* Kept as recorded (a register's own export); folded if that is all it needs. */
    if (rep.normalised && strlen(rep.code) == 18) {
      note(im, line, col, fs->name, "normalised '%s' to '%s' (full-width or lower-case "
           "characters)", v, rep.code);
      im->r->normalised++;
      memcpy(v, rep.code, 19);
    }
    note(im, line, col, fs->name, "kept as recorded: '%s' is not a valid unified social credit "
         "code: %s", v, rep.message);
    im->r->kept_invalid++;
    return b->set = 1, b->text = v, 1;
  }
  case X_SUBJECT:
  case X_CASE:
  case X_CERT: {
    int kind = fs->kind == X_SUBJECT ? K_SUBJECT : fs->kind == X_CASE ? K_CASE : K_CERT;
    if (fs->kind != X_SUBJECT && fold_fullwidth(v, scratch, cap)) {
      note(im, line, col, fs->name, "normalised '%s' to '%s' (full-width characters)", v, scratch);
      im->r->normalised++;
      memmove(v, scratch, strlen(scratch) + 1);
    }
    if (fs->kind == X_CERT && !(fs->flags & XF_PARENT)) {
      b->set = 3, b->text = v; /* resolved after the whole file: it may come later */
      return 1;
    }
    long kline;
    long long id;
    if (!key_get(im, kind, v, &kline, &id)) {
      static const char *const WHAT[] = {"subject with id", "case numbered", "certificate numbered"};
      xim_problem(im, line, col, fs->name, "no %s '%s' earlier in the file", WHAT[kind],
                  shown(v, s1, sizeof s1));
      return 0;
    }
    if (!id) return -1;
    b->set = 2, b->num = id;
    return 1;
  }
  }
  return 0;
}

static int bind_all(sqlite3_stmt *st, const xrecord_spec *sp, const bindv *bv, int res,
                    long long extra) {
  int k = 1;
  for (int f = 0; f < sp->nfields; f++) {
    const xfield *fs = &sp->fields[f];
    if (!fs->column || (fs->flags & XF_RESOURCE ? 1 : 0) != res) continue;
    if (bv[f].set == 1) sqlite3_bind_text(st, k, bv[f].text, -1, SQLITE_STATIC);
    else if (bv[f].set == 2) sqlite3_bind_int64(st, k, bv[f].num);
    else sqlite3_bind_null(st, k);
    k++;
  }
  if (extra) sqlite3_bind_int64(st, k, extra);
  return k;
}

/* INSERT INTO table(columns of the fields in res or not) [+ extra column]. */
static char *insert_sql(const xrecord_spec *sp, const char *table, int res, const char *extra) {
  hd_buf b;
  hd_buf_init(&b, 8192);
  hd_buf_printf(&b, "INSERT INTO %s(", table);
  int n = 0;
  for (int f = 0; f < sp->nfields; f++) {
    const xfield *fs = &sp->fields[f];
    if (!fs->column || (fs->flags & XF_RESOURCE ? 1 : 0) != res) continue;
    hd_buf_printf(&b, "%s%s", n++ ? ", " : "", fs->column);
  }
  if (extra) hd_buf_printf(&b, ", %s", extra), n++;
  hd_buf_adds(&b, ") VALUES (");
  for (int i = 1; i <= n; i++) hd_buf_printf(&b, "%s?%d", i > 1 ? ", " : "", i);
  hd_buf_adds(&b, ")");
  return hd_buf_steal(&b);
}

static long long run_insert(ximporter *im, xrec *r, const char *sql, const bindv *bv, int res,
                            long long extra) {
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, sql, &st, &e)) return dbfail(im, "preparing an insert"), 0;
  bind_all(st, &XSPEC[r->type], bv, res, extra);
  int rc = sqlite3_step(st);
  long long id = 0;
  if (rc == SQLITE_DONE) id = sqlite3_last_insert_rowid(im->db);
  else if ((rc & 0xFF) == SQLITE_CONSTRAINT)
    xim_problem(im, r->line, 0, XSPEC[r->type].name, "the register refuses this %s: %s",
                XSPEC[r->type].label, sqlite3_errmsg(im->db));
  else dbfail(im, "inserting");
  store_done(st);
  return id;
}

static void defer_ref(ximporter *im, const char *table, const char *column, long long row,
                      const xrec *r, int f, const char *number) {
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, "INSERT INTO x_refs(tbl, col, row_id, number, line, vcol, field) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, &e))
    return dbfail(im, "recording a reference");
  sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, row);
  sqlite3_bind_text(st, 4, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 5, r->vline[f]);
  sqlite3_bind_int64(st, 6, r->vcol[f]);
  sqlite3_bind_text(st, 7, XSPEC[r->type].fields[f].name, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE) dbfail(im, "recording a reference");
  store_done(st);
}

/* The applications of the file meet the intake rules (procedure/intake.h): the
 * certificate each concerns in force, no second open application on it, the applicant a
 * holder. Checked once every record is in, so that rights and certificates named later
 * in the file count. */
static void intake_rules(ximporter *im) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(im->db, "SELECT id, line FROM temp.x_keys WHERE kind = ?1 ORDER BY line",
                         -1, &st, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int(st, 1, K_CASE);
  while (sqlite3_step(st) == SQLITE_ROW) {
    hd_err e;
    hd_err_clear(&e);
    if (intake_check(im->db, sqlite3_column_int64(st, 0), 0, &e) != HD_OK)
      xim_problem(im, (long)sqlite3_column_int64(st, 1), 0, "certificate", "%s", e.msg);
  }
  sqlite3_finalize(st);
}

/* A case's status is one its flow has (the procedure's transitions table), and a case in
 * public notice has its notice dates: otherwise no night could move it on. */
static void case_status_rules(ximporter *im, xrec *r, const bindv *bv) {
  int ft = xspec_field(XR_CASE, "type"), fp = xspec_field(XR_CASE, "procedure"),
      fs = xspec_field(XR_CASE, "status");
  if (bv[ft].set != 1 || bv[fp].set != 1 || bv[fs].set != 1) return;
  const char *flow = !strcmp(bv[ft].text, "cancel") ? "cancel" : bv[fp].text;
  const char *status = bv[fs].text;
  if (!im->o->restore && strcmp(status, "submitted")) {
    xim_problem(im, r->vline[fs] ? r->vline[fs] : r->line, r->vcol[fs], "status",
                "an application comes in as 'submitted', not '%s'; only a register's own "
                "export keeps its cases' statuses (hdreg import --restore)", status);
    return;
  }
  sqlite3_stmt *st;
  hd_err e;
  hd_err_clear(&e);
  if (store_cached(im->db, "SELECT EXISTS (SELECT 1 FROM transitions WHERE flow = ?1 AND "
                   "(to_status = ?2 OR from_status = ?2))", &st, &e))
    return dbfail(im, "reading the procedure");
  sqlite3_bind_text(st, 1, flow, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
  int known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
  store_done(st);
  if (!known) {
    char *list = NULL;
    db_id(im, "SELECT 1, group_concat(s, ', ') FROM (SELECT to_status AS s FROM transitions "
          "WHERE flow = ?1 UNION SELECT from_status FROM transitions WHERE flow = ?1 ORDER BY 1)",
          flow, &list);
    xim_problem(im, r->vline[fs] ? r->vline[fs] : r->line, r->vcol[fs], "status",
                "a case of the %s flow is never '%s' (its statuses: %s)", flow, status,
                list ? list : "");
    free(list);
  }
  if (!strcmp(status, "notice")) {
    static const char *const NOTICE[2] = {"notice-start", "notice-end"};
    for (int i = 0; i < 2; i++) {
      int f = xspec_field(XR_CASE, NOTICE[i]);
      if (!bv[f].set)
        xim_problem(im, r->line, 0, NOTICE[i], "missing: a case in public notice needs the "
                    "notice's start and end dates");
    }
  }
}

long long xrec_submit(ximporter *im, xrec *r) {
  if (im->failed) return 0;
  const xrecord_spec *sp = &XSPEC[r->type];
  /* A batch of applications brings neither certificates nor objections: those are made by
   * the register's procedure, and only a register's own export carries them. */
  if (!im->o->restore && !r->skip &&
      (r->type == XR_CERTIFICATE || r->type == XR_OBJECTION)) {
    xim_problem(im, r->line, 0, sp->name, "a batch of applications brings no %ss; only a "
                "register's own export does (hdreg import --restore)", sp->label);
    r->skip = 1; /* noted, not checked further: its fields are skipped with it */
  }
  long before = r->problems_before;
  int skip = 0;
  if (r->skip) {
    for (int f = 0; f < sp->nfields; f++)
      if ((sp->fields[f].flags & XF_KEY) && r->off[f] < (size_t)-2) {
        int kind = key_kind(r->type);
        long kl;
        long long kid;
        char *k = r->arena.p + r->off[f];
        int ch;
        k = trim(k, &ch);
        if (kind >= 0 && !key_get(im, kind, k, &kl, &kid)) key_put(im, kind, k, r->line, 0);
      }
    return 0;
  }
  bindv bv[XREC_MAXF];
  memset(bv, 0, sizeof bv);
  char scratch[4 * X_MAX_VALUE / 64 + 1024];
  const char *key = NULL;
  int keyf = -1;
  for (int f = 0; f < sp->nfields; f++) {
    const xfield *fs = &sp->fields[f];
    if (fs->flags & XF_KEY) keyf = f;
    if (r->off[f] == (size_t)-2) continue; /* reported when it was set */
    char *v = r->off[f] == (size_t)-1 ? NULL : r->arena.p + r->off[f];
    if (v) {
      int changed;
      char *t = trim(v, &changed);
      if (changed && *t) {
        note(im, r->vline[f], r->vcol[f], fs->name, "surrounding spaces removed");
        im->r->normalised++;
      }
      v = *t ? t : NULL;
    }
    if ((fs->flags & XF_PARENT) && r->parent_id) {
      if (r->parent_id < 0) skip = 1;
      bv[f].set = 2, bv[f].num = r->parent_id;
      continue;
    }
    if (!v) {
      if (fs->flags & XF_REQUIRED) {
        long at = r->vline[f] ? r->vline[f]
                  : (fs->flags & XF_RESOURCE) && r->res_line ? r->res_line : r->line;
        xim_problem(im, at, r->vcol[f], fs->name, "missing: every %s needs it", sp->label);
      }
      else if (fs->dflt) {
        if (fs->kind == X_INT || fs->kind == X_BOOL) bv[f].set = 2, bv[f].num = atoll(fs->dflt);
        else bv[f].set = 1, bv[f].text = fs->dflt;
      }
      continue;
    }
    int ok = value(im, r, f, v, &bv[f], scratch, sizeof scratch);
    if (ok < 0) skip = 1;
    if (f == keyf && ok > 0) key = v;
  }
  if (keyf >= 0 && !key && r->off[keyf] != (size_t)-1 && r->off[keyf] != (size_t)-2)
    key = r->arena.p + r->off[keyf];

  /* Record rules beyond single values. */
  long long id = 0, known = 0;
  char s1[200];
  int kkind = key_kind(r->type);
  if (kkind >= 0 && key) {
    long kline;
    long long kid;
    if (key_get(im, kkind, key, &kline, &kid)) {
      xim_problem(im, r->vline[keyf] ? r->vline[keyf] : r->line, r->vcol[keyf], sp->fields[keyf].name,
                  "'%s' is already used by the %s at line %ld", shown(key, s1, sizeof s1),
                  sp->label, kline);
      key = NULL; /* keep the first one's entry */
    } else if (r->type == XR_CASE &&
               db_id(im, "SELECT id FROM cases WHERE number = ?1", key, NULL)) {
      xim_problem(im, r->vline[keyf], r->vcol[keyf], "number", "case '%s' is already in the "
                  "register", shown(key, s1, sizeof s1));
    } else if (r->type == XR_CERTIFICATE &&
               db_id(im, "SELECT id FROM certificates WHERE number = ?1", key, NULL)) {
      xim_problem(im, r->vline[keyf], r->vcol[keyf], "number", "certificate '%s' is already in "
                  "the register", shown(key, s1, sizeof s1));
    }
  }
  if (r->type == XR_CASE) {
    int ft = xspec_field(XR_CASE, "type"), fg = xspec_field(XR_CASE, "cancel-ground");
    if (bv[ft].set == 1 && !strcmp(bv[ft].text, "cancel") && !bv[fg].set)
      xim_problem(im, r->line, 0, "cancel-ground", "missing: a cancellation (type cancel) needs "
                  "its ground, a to f (clause 6.5)");
    case_status_rules(im, r, bv);
  }
  if (r->type == XR_SUBJECT && im->r->problems == before && !skip) {
    int fu = xspec_field(XR_SUBJECT, "uscc"), fn = xspec_field(XR_SUBJECT, "name");
    char *held = NULL;
    known = db_id(im, "SELECT id, name FROM subjects WHERE uscc = ?1", bv[fu].text, &held);
    if (known && held && strcmp(held, bv[fn].text)) {
      xim_problem(im, r->vline[fu], r->vcol[fu], "uscc", "the register holds '%s' for this code "
                  "(subject %lld), the file names '%s'", held, known, bv[fn].text);
      known = 0;
    }
    free(held);
  }
  if (r->type == XR_CERTIFICATE && !skip) {
    int fc = xspec_field(XR_CERTIFICATE, "case");
    char *status = NULL;
    snprintf(s1, sizeof s1, "%lld", bv[fc].num);
    if (bv[fc].set == 2 &&
        db_id(im, "SELECT id, status FROM cases WHERE id = CAST(?1 AS INTEGER)", s1, &status) &&
        status && strcmp(status, "certified"))
      xim_problem(im, r->line, 0, "certificate", "only a certified case has a certificate; this "
                  "case is '%s'", status);
    else if (bv[fc].set == 2 && im->r->problems == before &&
             db_id(im, "SELECT id FROM certificates WHERE case_id = CAST(?1 AS INTEGER)", s1, NULL))
      xim_problem(im, r->line, 0, "certificate", "the case already has a certificate");
    free(status);
  }

  if (skip && im->r->problems == before) im->skipped++;
  if (im->r->problems == before && !skip && !im->failed) {
    if (known) {
      id = known;
      im->r->subjects_known++;
    } else if (r->type == XR_CASE) {
      long long res = run_insert(im, r, im->sql_resource, bv, 1, 0);
      if (res) id = run_insert(im, r, im->sql[XR_CASE], bv, 0, res);
    } else {
      id = run_insert(im, r, im->sql[r->type], bv, 0, 0);
    }
    if (id) {
      if (r->type == XR_SUBJECT && !known) im->r->subjects++;
      else if (r->type == XR_CASE) im->r->cases++;
      else if (r->type == XR_CERTIFICATE) im->r->certificates++;
      else if (r->type != XR_SUBJECT) im->r->records++;
    }
  }
  /* Certificates named are looked up at the end, written or not: every unknown one is
   * reported. */
  for (int f = 0; f < sp->nfields; f++)
    if (bv[f].set == 3) defer_ref(im, sp->table, sp->fields[f].column, id, r, f, bv[f].text);
  if (kkind >= 0 && key) key_put(im, kkind, key, r->vline[keyf] ? r->vline[keyf] : r->line, id);
  return id;
}

/* ---- the whole file ---------------------------------------------------------------- */

static void on_bad_bytes(void *ud, long line, long col, const unsigned char *bytes, size_t n,
                         const char *encoding) {
  ximporter *im = ud;
  im->bad_bytes++;
  char hex[32] = "";
  size_t o = 0;
  for (size_t i = 0; i < n && o + 6 < sizeof hex; i++)
    o += (size_t)snprintf(hex + o, sizeof hex - o, "%s0x%02X", i ? " " : "", bytes[i]);
  xim_problem(im, line, col, "encoding", "bytes %s%s are not valid %s", hex, n >= 4 ? " ..." : "",
              encoding);
}

/* Certificates named by cases (prior) and certificates (superseded-by), now that the whole
 * file is in. */
static void resolve_refs(ximporter *im) {
  sqlite3_stmt *st = NULL;
  hd_err e;
  hd_err_clear(&e);
  if (store_prepare(im->db, "SELECT r.tbl, r.col, r.row_id, r.number, r.line, r.vcol, r.field, "
                    "(SELECT id FROM certificates c WHERE c.number = r.number) FROM x_refs r "
                    "ORDER BY r.line, r.rowid", &st, &e))
    return dbfail(im, "resolving references");
  char s1[200];
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *tbl = (const char *)sqlite3_column_text(st, 0);
    const char *col = (const char *)sqlite3_column_text(st, 1);
    const char *num = (const char *)sqlite3_column_text(st, 3);
    if (sqlite3_column_type(st, 7) == SQLITE_NULL) {
      xim_problem(im, sqlite3_column_int(st, 4), sqlite3_column_int(st, 5),
                  (const char *)sqlite3_column_text(st, 6),
                  "no certificate '%s' in the file or the register", shown(num, s1, sizeof s1));
      continue;
    }
    if (!sqlite3_column_int64(st, 2)) continue; /* its record was not written */
    char sql[128];
    hd_snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?1 WHERE id = ?2", tbl, col);
    sqlite3_stmt *up;
    if (store_cached(im->db, sql, &up, &e)) {
      dbfail(im, "resolving references");
      break;
    }
    sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 7));
    sqlite3_bind_int64(up, 2, sqlite3_column_int64(st, 2));
    int rc = sqlite3_step(up);
    store_done(up);
    if (rc != SQLITE_DONE) {
      dbfail(im, "resolving references");
      break;
    }
  }
  sqlite3_finalize(st);
}

/* A certified case carries its certificate. */
static void certified_have_certificates(ximporter *im) {
  sqlite3_stmt *st = NULL;
  hd_err e;
  hd_err_clear(&e);
  if (store_prepare(im->db, "SELECT k.line, c.number FROM x_keys k JOIN cases c ON c.id = k.id "
                    "WHERE k.kind = 1 AND c.status = 'certified' AND NOT EXISTS (SELECT 1 FROM "
                    "certificates x WHERE x.case_id = c.id) ORDER BY k.line", &st, &e))
    return dbfail(im, "checking certified cases");
  while (sqlite3_step(st) == SQLITE_ROW)
    xim_problem(im, sqlite3_column_int(st, 0), 0, "status", "case '%s' is certified but the file "
                "gives no certificate for it", (const char *)sqlite3_column_text(st, 1));
  sqlite3_finalize(st);
}

/* The certificate counter goes past every imported serial. */
static void advance_counter(ximporter *im) {
  char *pattern = NULL, *region = NULL;
  hd_err e;
  hd_err_clear(&e);
  if (store_setting(im->db, "cert_number_pattern", &pattern, &e) ||
      store_setting(im->db, "region_code", &region, &e)) {
    free(pattern);
    return;
  }
  sqlite3_stmt *st = NULL;
  long long top = 0;
  if (store_prepare(im->db, "SELECT number FROM certificates", &st, &e) == HD_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      long long s = certnum_serial(pattern, region, (const char *)sqlite3_column_text(st, 0));
      if (s > top) top = s;
    }
    sqlite3_finalize(st);
  }
  char sql[160];
  hd_snprintf(sql, sizeof sql, "UPDATE counters SET value = max(value, %lld) WHERE name = "
              "'certificate_serial'", top);
  if (store_exec(im->db, sql, &e)) dbfail(im, "moving the certificate counter");
  free(pattern);
  free(region);
}

/* The file itself, in imports, and each of its cases pointing to it. */
static void record_import(ximporter *im, hd_decoder *d, int xml, const char *before) {
  char buf[65536], sha[65];
  hd_err e;
  hd_err_clear(&e);
  while (dec_read(d, buf, sizeof buf, &e) > 0) {
  } /* a reader may stop at the closing tag: the digest covers every byte */
  if (dec_sha256(d, sha)) return dbfail(im, "hashing the file");
  if (before[0] && strcmp(sha, before)) {
    xim_problem(im, 1, 0, "file", "the file changed while it was read; import it again");
    return;
  }
  sqlite3_stmt *st;
  if (store_prepare(im->db, "INSERT INTO imports(at, file, sha256, format, encoding, bytes, cases, "
                    "subjects, certificates, normalised) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    &st, &e))
    return dbfail(im, "recording the import");
  sqlite3_bind_text(st, 1, im->o->date, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, im->file, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, xml ? "xml" : "csv", -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, dec_encoding(d), -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 6, dec_offset(d));
  sqlite3_bind_int64(st, 7, im->r->cases);
  sqlite3_bind_int64(st, 8, im->r->subjects);
  sqlite3_bind_int64(st, 9, im->r->certificates);
  sqlite3_bind_int64(st, 10, im->r->normalised);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dbfail(im, "recording the import");
  im->r->import_id = sqlite3_last_insert_rowid(im->db);
  char sql[200];
  hd_snprintf(sql, sizeof sql, "UPDATE cases SET import_id = %lld WHERE id IN (SELECT id FROM "
              "x_keys WHERE kind = %d AND id IS NOT NULL)", im->r->import_id, K_CASE);
  if (store_exec(im->db, sql, &e)) dbfail(im, "recording the import");
}

/* SHA-256 of the file's bytes; 0, or -1 if it cannot be read. */
static int file_sha256(const char *path, char out[65]) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  EVP_MD_CTX *md = EVP_MD_CTX_new();
  int ok = md && EVP_DigestInit_ex(md, EVP_sha256(), NULL) == 1;
  unsigned char buf[65536], dig[32];
  size_t n;
  while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(md, buf, n) == 1;
  unsigned int dn = 0;
  ok = ok && !ferror(f) && EVP_DigestFinal_ex(md, dig, &dn) == 1 && dn == 32;
  EVP_MD_CTX_free(md);
  fclose(f);
  if (!ok) return -1;
  hd_sha256_digits(dig, out);
  return 0;
}

/* The same bytes imported before: said once, instead of every case being a duplicate. */
static int imported_before(ximporter *im, const char *sha) {
  sqlite3_stmt *st = NULL;
  hd_err e;
  hd_err_clear(&e);
  if (store_prepare(im->db, "SELECT id, at, file FROM imports WHERE sha256 = ?1 ORDER BY id LIMIT 1",
                    &st, &e))
    return 0;
  sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
  int found = sqlite3_step(st) == SQLITE_ROW;
  if (found)
    xim_problem(im, 1, 0, "file", "these very bytes were imported already: import %lld on %s "
                "from '%s' (same SHA-256)", (long long)sqlite3_column_int64(st, 0),
                (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2));
  sqlite3_finalize(st);
  return found;
}

int exchange_import(sqlite3 *db, const char *path, const ximport_opts *o, ximport_result *r,
                    hd_err *err) {
  memset(r, 0, sizeof *r);
  if (o->format && strcmp(o->format, "xml") && strcmp(o->format, "csv"))
    return hd_err_set(err, HD_EUSAGE, "unknown format '%s' (xml or csv)", o->format);
  ximporter im = {db, o->name ? o->name : path, o, r, err, 0, {NULL}, NULL, NULL, 0, 0, 0, 0};
  hd_decoder *d = NULL;
  /* The file's first bytes: its format (XML starts with '<' after a byte-order mark and
   * blanks), a UTF-16 byte-order mark, an XML declaration's encoding. */
  char sha[65] = "", head[512], decl[40];
  size_t hn = 0;
  FILE *hf = fopen(path, "rb");
  if (hf) {
    hn = fread(head, 1, sizeof head, hf);
    fclose(hf);
  }
  int xml;
  if (o->format) xml = !strcmp(o->format, "xml");
  else {
    size_t i = hn >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < hn && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    xml = i < hn && head[i] == '<';
  }
  if (hn >= 2 && ((unsigned char)head[0] == 0xFF || (unsigned char)head[0] == 0xFE) &&
      ((unsigned char)head[1] ^ (unsigned char)head[0]) == 0x01) {
    r->problems = 1;
    return hd_err_set(err, HD_EDATA, "%s:1: encoding: the file is UTF-16 (it starts with a "
                      "byte-order mark); save it as UTF-8, GBK or GB18030", im.file);
  }
  /* An XML file's own declaration is its encoding unless --encoding says otherwise. */
  const char *enc = o->encoding;
  dec_declared(head, hn, decl, sizeof decl);
  if (xml && decl[0]) {
    /* GB2312 is read as GBK, which contains it. */
    const char *named = !strcasecmp(decl, "GB2312") ? "GBK" : dec_canonical(decl);
    if (!enc && !named) {
      r->problems = 1;
      return hd_err_set(err, HD_EDATA, "%s:1: encoding: the file declares '%s', which hdreg does "
                        "not read (UTF-8, GBK or GB18030)", im.file, decl);
    }
    if (!enc) {
      enc = named;
      if (strcasecmp(decl, named))
        note(&im, 1, 0, "encoding", "the file declares %s: read as %s, which contains it", decl, named);
    } else if (named && strcasecmp(enc, named) &&
               !(!strcasecmp(enc, "GB18030") && !strcmp(named, "GBK"))) {
      note(&im, 1, 0, "encoding", "the file declares %s; read as %s, as --encoding says", decl, enc);
    }
  }
  int rc = dec_open(path, enc ? enc : "UTF-8", on_bad_bytes, &im, &d, err);
  if (rc) return rc;
  r->encoding = dec_encoding(d);
  for (int t = 0; t < XR_COUNT; t++)
    im.sql[t] = insert_sql(&XSPEC[t], XSPEC[t].table, 0, t == XR_CASE ? "resource_id" : NULL);
  im.sql_resource = insert_sql(&XSPEC[XR_CASE], "resources", 1, NULL);
  rc = store_exec(db, "BEGIN IMMEDIATE;"
                  "CREATE TEMP TABLE x_keys(kind INTEGER NOT NULL, key TEXT NOT NULL, "
                  "  line INTEGER NOT NULL, id INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID;"
                  "CREATE TEMP TABLE x_refs(tbl TEXT, col TEXT, row_id INTEGER, number TEXT, "
                  "  line INTEGER, vcol INTEGER, field TEXT);", err);
  if (rc == HD_OK) {
    struct stat sb;
    if (stat(path, &sb) == 0 && sb.st_size == 0)
      xim_problem(&im, 1, 0, "file", "the file is empty: no cases to import");
    else if (file_sha256(path, sha) == 0 && imported_before(&im, sha)) {
      /* said */
    } else rc = xml ? xim_read_xml(&im, d, err) : xim_read_csv(&im, d, err);
    if (rc == HD_OK && im.failed) rc = err->code;
    if (rc == HD_OK) resolve_refs(&im);
    if (rc == HD_OK) certified_have_certificates(&im);
    if (rc == HD_OK && !o->restore && !r->problems) intake_rules(&im);
    /* A record is only ever left out because of a problem reported elsewhere. */
    if (rc == HD_OK && im.skipped && !r->problems)
      rc = hd_err_set(err, HD_EINTERNAL, "%s: %ld records left out without a problem to say "
                      "why (a bug; nothing imported)", im.file, im.skipped);
    if (rc == HD_OK && !r->problems) advance_counter(&im);
    if (rc == HD_OK && !r->problems && !im.failed) record_import(&im, d, xml, sha);
    if (rc == HD_OK && im.failed) rc = err->code;
    r->bytes = dec_offset(d);
    r->invalid_bytes = dec_invalid(d);
    hd_err e2;
    hd_err_clear(&e2);
    if (rc == HD_OK && !r->problems && !o->dry_run) {
      store_exec(db, "DROP TABLE temp.x_keys; DROP TABLE temp.x_refs;", &e2);
      rc = store_commit(db, err);
    } else if (rc == HD_OK && !r->problems) {
      sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL); /* a dry run: all checked, nothing kept */
    } else {
      sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
      if (rc == HD_OK)
        rc = hd_err_set(err, HD_EDATA, "%s: %ld problem%s, nothing imported%s", im.file, r->problems,
                        r->problems == 1 ? "" : "s",
                        r->invalid_bytes && !strcmp(dec_encoding(d), "UTF-8")
                            ? " (if the file is in GBK or GB18030, say so with --encoding)" : "");
    }
  }
  print_problems(&im);
  for (int t = 0; t < XR_COUNT; t++) free(im.sql[t]);
  free(im.sql_resource);
  dec_close(d);
  return rc;
}
