/* import_csv.c: the CSV reader of hdreg import (import_int.h). RFC 4180 (commas, double
 * quotes, "" inside quotes, line breaks inside quotes, CRLF or LF). Every row starts with
 * its record type; a row "@type,column,..." is the header naming the columns of the rows
 * of that type that follow (docs/import.md). Each cell's problems name its line and the
 * column (character) where the cell starts. */
#include <stdlib.h>
#include <string.h>

#include "exchange/import_int.h"

#define MAX_CELLS 96

typedef struct cell {
  size_t off, len;   /* in the row buffer (len: the real length, even if not all kept) */
  long line, col;
  int quoted;
} cell;

typedef struct header {
  int seen, broken;
  long line;
  int ncols;
  int field[MAX_CELLS];  /* cell k+1 -> field index, -1 unknown */
} header;

typedef struct csvrd {
  ximporter *im;
  hd_decoder *d;
  hd_err *err;
  char buf[65536];
  long len, pos;
  int eof;
  long line, col;        /* of the next character */
  hd_buf row;
  cell cells[MAX_CELLS];
  int ncells, overflow;
  long row_line;
} csvrd;

/* Make sure a byte is buffered: 1, or -1 at the end, -2 on a read error. */
static int refill(csvrd *c) {
  if (c->pos < c->len) return 1;
  if (c->eof) return -1;
  c->len = dec_read(c->d, c->buf, sizeof c->buf, c->err);
  c->pos = 0;
  if (c->len < 0) return -2;
  if (c->len == 0) {
    c->eof = 1;
    return -1;
  }
  return 1;
}

/* The next byte without taking it, or -1 / -2 as refill. */
static int peek(csvrd *c) {
  int r = refill(c);
  return r < 0 ? r : (unsigned char)c->buf[c->pos];
}

/* Take the next byte (tracking line and column), or -1 / -2 as refill. */
static int next(csvrd *c) {
  int b = peek(c);
  if (b < 0) return b;
  c->pos++;
  if (b == '\n') c->line++, c->col = 1;
  else if ((b & 0xC0) != 0x80) c->col++;
  return b;
}

static void put(csvrd *c, int b) {
  cell *k = &c->cells[c->ncells - 1];
  if (k->len++ <= X_MAX_VALUE) {
    char ch = (char)b;
    hd_buf_add(&c->row, &ch, 1);
  }
}

static void new_cell(csvrd *c) {
  if (c->ncells == MAX_CELLS) {
    c->overflow = 1;
    c->ncells--; /* keep filling the last one; the row is refused */
  }
  cell *k = &c->cells[c->ncells++];
  hd_buf_add(&c->row, "", 1); /* each cell NUL-terminated */
  k->off = c->row.len;
  k->len = 0;
  k->line = c->line;
  k->col = c->col;
  k->quoted = 0;
}

/* One row into cells. Returns 1 with a row, 0 at the end, -1 on a read error. */
static int read_row(csvrd *c) {
  hd_buf_reset(&c->row);
  c->ncells = 0;
  c->overflow = 0;
  int b = peek(c);
  if (b == -1) return 0;
  if (b == -2) return -1;
  c->row_line = c->line;
  new_cell(c);
  for (;;) {
    cell *k = &c->cells[c->ncells - 1];
    b = next(c);
    if (b == -2) return -1;
    if (b == -1) break;
    if (b == '"' && k->len == 0 && !k->quoted) {
      k->quoted = 1;
      long ql = c->line, qc = c->col - 1;
      for (;;) {
        b = next(c);
        if (b == -2) return -1;
        if (b == -1) {
          xim_problem(c->im, ql, qc, "csv", "a quoted cell is not closed before the end of the file");
          break;
        }
        if (b == '\r' && peek(c) == '\n') continue; /* CRLF inside a cell: a line break */
        if (b == '"') {
          if (peek(c) == '"') {
            next(c);
            put(c, '"');
            continue;
          }
          break;
        }
        put(c, b);
      }
      int a = peek(c);
      if (a != ',' && a != '\n' && a != '\r' && a >= 0) {
        xim_problem(c->im, c->line, c->col, "csv", "text after a closing quote (quote the whole "
                    "cell, and double the quotes inside it)");
        while ((a = peek(c)) >= 0 && a != ',' && a != '\n') next(c);
      }
      continue;
    }
    if (b == ',') {
      new_cell(c);
      continue;
    }
    if (b == '\r' && peek(c) == '\n') continue;
    if (b == '\n') break;
    put(c, b);
  }
  /* Terminate the last cell. */
  hd_buf_add(&c->row, "", 1);
  return 1;
}

static const char *cell_text(csvrd *c, int i) { return c->row.p + c->cells[i].off; }

static int blank_row(csvrd *c) {
  for (int i = 0; i < c->ncells; i++)
    if (c->cells[i].len) return 0;
  return 1;
}

static void read_header(csvrd *c, header *hs, int t) {
  header *h = &hs[t];
  if (h->seen) {
    xim_problem(c->im, c->row_line, 1, "csv", "a second header for '%s' (the first is at line %ld)",
                XSPEC[t].name, h->line);
    return;
  }
  h->seen = 1;
  h->line = c->row_line;
  h->ncols = c->ncells - 1;
  char have[XREC_MAXF] = {0};
  for (int k = 1; k < c->ncells; k++) {
    const char *name = cell_text(c, k);
    int f = xspec_field(t, name);
    h->field[k - 1] = f;
    if (f < 0) {
      xim_problem(c->im, c->cells[k].line, c->cells[k].col, "csv", "'%s' is not a column of '%s'",
                  name, XSPEC[t].name);
      h->broken = 1;
    } else if (have[f]++) {
      xim_problem(c->im, c->cells[k].line, c->cells[k].col, "csv", "column '%s' twice", name);
      h->broken = 1;
    }
  }
  for (int f = 0; f < XSPEC[t].nfields; f++)
    if ((XSPEC[t].fields[f].flags & XF_REQUIRED) && !have[f]) {
      xim_problem(c->im, c->row_line, 1, "csv", "the header of '%s' has no column '%s', which "
                  "every %s needs", XSPEC[t].name, XSPEC[t].fields[f].name, XSPEC[t].label);
      h->broken = 1;
    }
}

int xim_read_csv(ximporter *im, hd_decoder *d, hd_err *err) {
  csvrd *c = calloc(1, sizeof *c);
  if (!c) return hd_err_set(err, HD_ENOMEM, "out of memory");
  c->im = im;
  c->d = d;
  c->err = err;
  c->line = c->col = 1;
  hd_buf_init(&c->row, (size_t)MAX_CELLS * (X_MAX_VALUE + 2) + 64);
  header hs[XR_COUNT];
  memset(hs, 0, sizeof hs);
  int warned_type[XR_COUNT] = {0};
  xrec r;
  memset(&r, 0, sizeof r);
  int rc = HD_OK, got;
  while (!xim_failed(im) && (got = read_row(c)) != 0) {
    if (got < 0) {
      rc = err->code ? err->code : hd_err_set(err, HD_EIO, "read error");
      break;
    }
    if (blank_row(c)) continue;
    if (c->overflow) {
      xim_problem(im, c->row_line, 1, "csv", "more than %d cells in a row", MAX_CELLS - 1);
      continue;
    }
    const char *first = cell_text(c, 0);
    int header_row = first[0] == '@';
    int t = xspec_find(header_row ? first + 1 : first);
    if (t < 0) {
      xim_problem(im, c->row_line, c->cells[0].col, "csv", "'%s' is not a record type (subject, "
                  "record, case, right, material, objection, certificate, field%s)", first,
                  header_row ? "" : "; a header row starts with @");
      continue;
    }
    if (header_row) {
      read_header(c, hs, t);
      continue;
    }
    header *h = &hs[t];
    xrec_begin(im, &r, t, c->row_line);
    if (!h->seen || h->broken) {
      if (!h->seen && !warned_type[t]++)
        xim_problem(im, c->row_line, 1, "csv", "no header row '@%s,...' before the first '%s' row",
                    XSPEC[t].name, XSPEC[t].name);
      r.skip = 1;
    }
    for (int k = 1; k < c->ncells; k++) {
      cell *ce = &c->cells[k];
      if (!ce->len && !ce->quoted) continue;
      if (k - 1 >= h->ncols) {
        if (h->seen && !h->broken)
          xim_problem(im, ce->line, ce->col, "csv", "cell %d has no column in the header of "
                      "line %ld", k + 1, h->line);
        continue;
      }
      int f = h->field[k - 1];
      if (f >= 0) xrec_set(im, &r, f, cell_text(c, k), ce->len, ce->line, ce->col);
    }
    xrec_submit(im, &r);
  }
  xrec_release(&r);
  hd_buf_release(&c->row);
  free(c);
  return rc;
}
