/* export.c: cases out in the exchange format (export.h), following the same record table
 * as the import (spec.h): one SELECT per record type built from it. */
#include "exchange/export.h"

#include <stdlib.h>
#include <string.h>

#include "exchange/spec.h"
#include "store/store.h"
#include "util/buf.h"

typedef struct xout {
  sqlite3 *db;
  FILE *f;
  int xml;
  hd_err *err;
  sqlite3_stmt *st[XR_COUNT];
} xout;

/* The expression that gives field fs back as the file writes it. Aliases: t the record's
 * table, r the case's resource. */
static void select_expr(hd_buf *b, const xfield *fs, int type) {
  const char *tab = fs->flags & XF_RESOURCE ? "r" : "t";
  switch (fs->kind) {
  case X_SUBJECT:
    hd_buf_printf(b, "'S' || %s.%s", tab, fs->column);
    break;
  case X_CASE:
    hd_buf_printf(b, "(SELECT number FROM cases WHERE id = %s.%s)", tab, fs->column);
    break;
  case X_CERT:
    hd_buf_printf(b, "(SELECT number FROM certificates WHERE id = %s.%s)", tab, fs->column);
    break;
  default:
    if (type == XR_SUBJECT && !strcmp(fs->name, "id")) hd_buf_adds(b, "'S' || t.id");
    else hd_buf_printf(b, "%s.%s", tab, fs->column);
  }
}

static int prepare(xout *o, int type) {
  const xrecord_spec *sp = &XSPEC[type];
  hd_buf b;
  hd_buf_init(&b, 16384);
  hd_buf_adds(&b, type == XR_CERT_FIELD ? "SELECT 0" : "SELECT t.id"); /* no id of its own */
  for (int f = 0; f < sp->nfields; f++) {
    hd_buf_adds(&b, ", ");
    select_expr(&b, &sp->fields[f], type);
  }
  hd_buf_printf(&b, " FROM %s t", sp->table);
  if (type == XR_CASE) hd_buf_adds(&b, " JOIN resources r ON r.id = t.resource_id");
  if (type == XR_SUBJECT || type == XR_CASE) hd_buf_adds(&b, " ORDER BY t.id");
  else if (type == XR_SUBJECT_RECORD) hd_buf_adds(&b, " WHERE t.subject_id = ?1 ORDER BY t.id");
  else if (type == XR_CERT_FIELD) hd_buf_adds(&b, " WHERE t.certificate_id = ?1 ORDER BY t.position");
  else hd_buf_adds(&b, " WHERE t.case_id = ?1 ORDER BY t.id");
  int rc = b.p ? store_prepare(o->db, b.p, &o->st[type], o->err)
               : hd_err_set(o->err, HD_ENOMEM, "out of memory");
  hd_buf_release(&b);
  return rc;
}

static void xml_text(FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\r': fputs("&#13;", f); break;
    case '\t': fputs("&#9;", f); break;
    default: fputc(*s, f);
    }
  }
}

static void csv_cell(FILE *f, const char *s) {
  if (!s) return;
  if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[0] != '@' && s[0] != '\t') {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

/* The value of field f (column f+1 of the row), NULL when the file leaves it out: SQL
 * NULL, an empty text (no value, as the import reads an empty field), or the value the
 * import would store anyway. */
static const char *field_value(sqlite3_stmt *st, const xfield *fs, int f) {
  if (sqlite3_column_type(st, f + 1) == SQLITE_NULL) return NULL;
  const char *v = (const char *)sqlite3_column_text(st, f + 1);
  if (v && !*v) return NULL;
  if (fs->dflt && v && !strcmp(v, fs->dflt) && !(fs->flags & XF_REQUIRED)) return NULL;
  return v;
}

static void indent(FILE *f, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", f);
}

static int write_record(xout *o, int type, sqlite3_stmt *st, int depth);

static int children(xout *o, int type, long long id, int depth) {
  for (int t = 0; t < XR_COUNT; t++) {
    if (!XSPEC[t].parent || strcmp(XSPEC[t].parent, XSPEC[type].name)) continue;
    sqlite3_stmt *cs = o->st[t];
    sqlite3_reset(cs);
    sqlite3_bind_int64(cs, 1, id);
    int rc;
    while ((rc = sqlite3_step(cs)) == SQLITE_ROW) {
      /* The child's own children use their own statements, so stepping stays valid. */
      int w = write_record(o, t, cs, depth);
      if (w) return w;
    }
    if (rc != SQLITE_DONE)
      return hd_err_set(o->err, HD_EDB, "database error: %s", sqlite3_errmsg(o->db));
  }
  return HD_OK;
}

static int write_record(xout *o, int type, sqlite3_stmt *st, int depth) {
  const xrecord_spec *sp = &XSPEC[type];
  FILE *f = o->f;
  long long id = sqlite3_column_int64(st, 0);
  if (o->xml) {
    indent(f, depth);
    fprintf(f, "<%s", sp->name);
    for (int i = 0; i < sp->nfields; i++)
      if (sp->fields[i].flags & XF_KEY) {
        fprintf(f, " %s=\"", sp->fields[i].name);
        const char *v = field_value(st, &sp->fields[i], i);
        xml_text(f, v ? v : "");
        fputc('"', f);
      }
    fputs(">\n", f);
    for (int pass = 0; pass < 2; pass++) {
      int opened = 0;
      for (int i = 0; i < sp->nfields; i++) {
        const xfield *fs = &sp->fields[i];
        if (fs->flags & (XF_KEY | XF_PARENT)) continue;
        if (!!(fs->flags & XF_RESOURCE) != pass) continue;
        const char *v = field_value(st, fs, i);
        if (!v) continue;
        if (pass && !opened++) {
          indent(f, depth + 1);
          fputs("<resource>\n", f);
        }
        indent(f, depth + 1 + pass);
        fprintf(f, "<%s>", fs->name);
        xml_text(f, v);
        fprintf(f, "</%s>\n", fs->name);
      }
      if (opened) {
        indent(f, depth + 1);
        fputs("</resource>\n", f);
      }
    }
  } else {
    fputs(sp->name, f);
    for (int i = 0; i < sp->nfields; i++) {
      fputc(',', f);
      csv_cell(f, field_value(st, &sp->fields[i], i));
    }
    fputc('\n', f);
  }
  int rc = children(o, type, id, depth + 1);
  if (o->xml) {
    indent(f, depth);
    fprintf(f, "</%s>\n", sp->name);
  }
  return rc;
}

int exchange_export(sqlite3 *db, const char *format, FILE *out, xexport_result *r, hd_err *err) {
  memset(r, 0, sizeof *r);
  int xml;
  if (!strcmp(format, "xml")) xml = 1;
  else if (!strcmp(format, "csv")) xml = 0;
  else return hd_err_set(err, HD_EUSAGE, "unknown format '%s' (xml or csv)", format);
  xout o = {db, out, xml, err, {NULL}};
  int rc = store_exec(db, "BEGIN", err); /* one snapshot */
  for (int t = 0; rc == HD_OK && t < XR_COUNT; t++) rc = prepare(&o, t);
  if (rc == HD_OK) {
    if (xml) fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hdreg-cases version=\"1\">\n", out);
    else
      for (int t = 0; t < XR_COUNT; t++) {
        fprintf(out, "@%s", XSPEC[t].name);
        for (int i = 0; i < XSPEC[t].nfields; i++) fprintf(out, ",%s", XSPEC[t].fields[i].name);
        fputc('\n', out);
      }
    static const int TOP[2] = {XR_SUBJECT, XR_CASE};
    for (int k = 0; rc == HD_OK && k < 2; k++) {
      sqlite3_stmt *st = o.st[TOP[k]];
      int s;
      while (rc == HD_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        rc = write_record(&o, TOP[k], st, 1);
        if (TOP[k] == XR_SUBJECT) r->subjects++;
        else r->cases++;
      }
      if (rc == HD_OK && s != SQLITE_DONE)
        rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    }
    if (rc == HD_OK && xml) fputs("</hdreg-cases>\n", out);
  }
  if (rc == HD_OK) {
    sqlite3_stmt *st;
    if (store_prepare(db, "SELECT count(*) FROM certificates", &st, err) == HD_OK) {
      if (sqlite3_step(st) == SQLITE_ROW) r->certificates = sqlite3_column_int(st, 0);
      sqlite3_finalize(st);
    }
  }
  for (int t = 0; t < XR_COUNT; t++) sqlite3_finalize(o.st[t]);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  if (rc == HD_OK && (fflush(out) || ferror(out)))
    rc = hd_err_set(err, HD_EIO, "the export cannot be written");
  return rc;
}
