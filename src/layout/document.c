/* document.c: template layout (document.h). Coordinates: points, origin bottom-left;
 * ctx.y is the top of the next line box. */
#include "layout/document.h"

#include <libxml/tree.h>
#include <math.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "template/expr.h"
#include "layout/linebreak.h"
#include "pdf/pdfdoc.h"
#include "template/template_dom.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/utf8.h"

#define MM 2.834645669
#define PAD_X 8.0
#define PAD_Y 6.0
#define MAX_LINES 400

#define KEEP_RING 4
typedef struct line_rec {
  int serial, idx, total;  /* line idx of total of its paragraph (rows: 0 of 1) */
} line_rec;

typedef struct ctx {
  const hd_template *t;
  const hd_fontset *fs;
  const hd_doc_opts *o;
  hd_pdf *pdf;              /* NULL: measure only */
  double W, H, mt, mr, mb, ml;
  double fsize, lh;
  double y, bottom;         /* cursor; lowest y content may reach on this page */
  int page;                 /* pages so far */
  int in_furniture;         /* header/footer: no page breaks */
  int outline;              /* <document outline="true">: headings become the PDF outline */
  xmlNodePtr frame;
  const char *bad_key;
  hd_expr *sb;           /* expressions */
  hd_err *err;
  /* Keeping the signature with the text: every flowing line (and table row) has a
   * serial; the last few are remembered. */
  int line_serial;
  line_rec ring[KEEP_RING];
  int force_break;          /* this pass: break the page before this serial (0: none) */
  int want_break;           /* for the next pass: the serial to break at (0: none) */
} ctx;

/* ---- attributes and values ------------------------------------------------------------ */

static char *attr(xmlNodePtr n, const char *name) {
  return (char *)xmlGetProp(n, BAD_CAST name);
}

static int is(xmlNodePtr n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static double length(const char *s, double em) {
  if (!s) return 0;
  char *end = NULL;
  double v = strtod(s, &end);
  if (end && strncmp(end, "mm", 2) == 0) return v * MM;
  if (end && strncmp(end, "em", 2) == 0) return v * em;
  return v; /* pt */
}

static double length_attr(xmlNodePtr n, const char *name, double dflt, double em) {
  char *a = attr(n, name);
  double v = a ? length(a, em) : dflt;
  xmlFree(a);
  return v;
}

static int bool_attr(xmlNodePtr n, const char *name, int dflt) {
  char *a = attr(n, name);
  int v = a ? strcmp(a, "true") == 0 : dflt;
  xmlFree(a);
  return v;
}

static int fail(ctx *c, xmlNodePtr n, const char *fmt, const char *arg)
    __attribute__((format(printf, 3, 0)));
static int fail(ctx *c, xmlNodePtr n, const char *fmt, const char *arg) {
  char msg[600];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  snprintf(msg, sizeof msg, fmt, arg);
#pragma GCC diagnostic pop
  return hd_err_set(c->err, HD_EDATA, "%s:%ld: %s", tmpl_file(c->t), n ? xmlGetLineNo(n) : 0L, msg);
}

/* Text of src with every {expression} replaced by its value (Lua, in the template
 * sandbox). If an expression is one of the data names, it becomes c->bad_key, so that a
 * layout problem (too long for its box) can name the field. "{{" is a literal "{". */
static int bind(ctx *c, xmlNodePtr n, const char *src, hd_buf *out) {
  const char *p = src;
  int first = 1;
  while (*p) {
    const char *open = strchr(p, '{');
    if (!open) {
      hd_buf_adds(out, p);
      break;
    }
    hd_buf_add(out, p, (size_t)(open - p));
    if (open[1] == '{') {
      hd_buf_add(out, "{", 1);
      p = open + 2;
      continue;
    }
    /* The matching '}': expressions may hold table constructors and strings. */
    const char *close = NULL;
    int depth = 1;
    char quote = 0;
    for (const char *q = open + 1; *q && !close; q++) {
      if (quote) {
        if (*q == '\\' && q[1]) q++;
        else if (*q == quote) quote = 0;
      } else if (*q == '"' || *q == '\'') {
        quote = *q;
      } else if (*q == '{') {
        depth++;
      } else if (*q == '}' && --depth == 0) {
        close = q;
      }
    }
    if (!close) return fail(c, n, "%s", "'{' without its '}'");
    size_t elen = (size_t)(close - open - 1);
    char expr[2048];
    if (elen == 0 || elen >= sizeof expr) return fail(c, n, "%s", "empty or overlong {expression}");
    memcpy(expr, open + 1, elen);
    expr[elen] = '\0';
    if (first) {
      for (int i = 0; i < c->o->n_data; i++)
        if (strcmp(c->o->data[i].key, expr) == 0) c->bad_key = c->o->data[i].key;
      first = 0;
    }
    int rc = expr_text(c->sb, tmpl_file(c->t), xmlGetLineNo(n), expr, out, c->err);
    if (rc) {
      c->bad_key = NULL; /* a template mistake, not a data problem */
      return rc;
    }
    p = close + 1;
  }
  return HD_OK;
}

/* Pad the bold mask to the text's length with flag. */
static int mask_pad(hd_buf *mask, size_t len, char flag) {
  while (mask && mask->len < len)
    if (hd_buf_add(mask, &flag, 1)) return HD_ENOMEM;
  return HD_OK;
}

/* Inline content of n (text, <b>, <strong>, <br/>) bound into out; mask (may be NULL)
 * gets one byte per byte of out: 1 inside <b>, MASK_STRONG inside <strong>. */
#define MASK_STRONG 2
static int inline_rec(ctx *c, xmlNodePtr n, hd_buf *out, hd_buf *mask, char bold) {
  for (xmlNodePtr k = n->children; k; k = k->next) {
    int rc = HD_OK;
    if (k->type == XML_TEXT_NODE) rc = bind(c, n, (const char *)k->content, out);
    else if (is(k, "br")) rc = hd_buf_adds(out, "\n");
    else if (is(k, "b")) rc = inline_rec(c, k, out, mask, 1);
    else if (is(k, "strong")) rc = inline_rec(c, k, out, mask, MASK_STRONG);
    if (rc) return rc;
    if (mask_pad(mask, out->len, bold)) return hd_err_set(c->err, HD_ENOMEM, "out of memory");
  }
  return HD_OK;
}

static int inline_text_mask(ctx *c, xmlNodePtr n, hd_buf *out, hd_buf *mask) {
  int rc = inline_rec(c, n, out, mask, 0);
  if (rc) return rc;
  /* Template indentation (newlines with spaces around text) is not content. */
  size_t s = 0, e = out->len;
  while (s < e && (out->p[s] == ' ' || out->p[s] == '\n' || out->p[s] == '\t')) s++;
  while (e > s && (out->p[e - 1] == ' ' || out->p[e - 1] == '\n' || out->p[e - 1] == '\t')) e--;
  if (s > 0 || e < out->len) {
    memmove(out->p, out->p + s, e - s);
    out->len = e - s;
    if (out->p) out->p[out->len] = '\0';
    if (mask && mask->p) {
      memmove(mask->p, mask->p + s, e - s);
      mask->len = e - s;
    }
  }
  return HD_OK;
}

static int inline_text(ctx *c, xmlNodePtr n, hd_buf *out) { return inline_text_mask(c, n, out, NULL); }

/* ---- pages ------------------------------------------------------------------------------ */

static void draw_frame(ctx *c) {
  if (!c->frame || !c->pdf) return;
  double inset = length_attr(c->frame, "inset", 10 * MM, c->fsize);
  double w = length_attr(c->frame, "width", 1, c->fsize);
  char *col = attr(c->frame, "color");
  if (col && strlen(col) == 7) {
    unsigned v = (unsigned)strtoul(col + 1, NULL, 16);
    pdf_stroke_rgb(c->pdf, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
  }
  xmlFree(col);
  pdf_stroke_rect(c->pdf, inset, inset, c->W - 2 * inset, c->H - 2 * inset, w);
  if (bool_attr(c->frame, "double", 0))
    pdf_stroke_rect(c->pdf, inset + 7, inset + 7, c->W - 2 * inset - 14, c->H - 2 * inset - 14,
                    w * 0.32);
  pdf_stroke_rgb(c->pdf, 0, 0, 0);
}

static int new_page(ctx *c, xmlNodePtr n) {
  if (c->in_furniture) return fail(c, n, "%s", "header or footer does not fit in its margin");
  if (c->o->max_pages && c->page + 1 > c->o->max_pages) {
    char m[80];
    snprintf(m, sizeof m, "the document does not fit on %d page%s", c->o->max_pages,
             c->o->max_pages == 1 ? "" : "s");
    return fail(c, n, "%s", m);
  }
  if (c->page >= 5000) return fail(c, n, "%s", "more than 5000 pages");
  c->page++;
  if (c->pdf) {
    int rc = pdf_add_page(c->pdf, c->W, c->H, c->err);
    if (rc) return rc;
    draw_frame(c);
  }
  c->y = c->H - c->mt;
  c->bottom = c->mb;
  return HD_OK;
}

static int room(ctx *c, xmlNodePtr n, double h) {
  if (c->y - h >= c->bottom - 0.01) return HD_OK;
  return new_page(c, n);
}

/* ---- text ------------------------------------------------------------------------------- */

typedef struct style {
  int role, bold;
  double size, lh;
  char align; /* l c r j */
} style;

static style style_of(ctx *c, xmlNodePtr n, int role, double size, char align) {
  style s = {role, 0, size, c->lh, align};
  char *f = attr(n, "font");
  if (f) s.role = strcmp(f, "heading") == 0 ? HD_ROLE_HEADING : HD_ROLE_BODY;
  xmlFree(f);
  s.size = length_attr(n, "size", size, c->fsize);
  s.bold = bool_attr(n, "bold", 0);
  char *a = attr(n, "align");
  if (a) s.align = a[0] == 'j' ? 'j' : a[0] == 'c' ? 'c' : a[0] == 'r' ? 'r' : 'l';
  xmlFree(a);
  return s;
}

static double baseline(const style *s, double top) {
  return top - s->lh * s->size / 2 - 0.36 * s->size;
}

/* Lay out text in a box [x, x+width] from the cursor down, breaking pages if allowed.
 * indent: first-line indent in points. Returns HD_OK or an error. With measure set,
 * nothing is drawn and only *lines is counted (no page breaks). */
static int text_block(ctx *c, xmlNodePtr n, const style *s, const char *text, double x,
                      double width, double indent, int measure, double top, int *count,
                      const char *mask) {
  size_t len = strlen(text);
  if (len == 0) {
    *count = 0;
    return HD_OK;
  }
  int rc = fontset_check_text(c->fs, s->role, text, len, c->err);
  if (rc) return rc;
  static hd_line lines[MAX_LINES];
  int n1 = 0, nrest = 0;
  /* First line with the indent, the rest at full width. */
  if ((rc = layout_break(c->fs, s->role, s->size, text, len, width - indent, lines, 1, &n1, c->err)))
    return rc;
  size_t next = n1 ? lines[0].end : len;
  while (next < len && (text[next] == ' ' || text[next] == '\n')) {
    next++;
    if (text[next - 1] == '\n') break;
  }
  if (next < len) {
    if ((rc = layout_break(c->fs, s->role, s->size, text + next, len - next, width, lines + 1,
                           MAX_LINES - 1, &nrest, c->err)))
      return rc;
    if (nrest > MAX_LINES - 1) return fail(c, n, "%s", "text needs more than 400 lines");
    for (int i = 1; i <= nrest; i++) {
      lines[i].start += next;
      lines[i].end += next;
    }
  }
  int total = (n1 ? 1 : 0) + nrest;
  *count = total;
  if (measure) return HD_OK;
  double lh = s->size * s->lh;
  for (int i = 0; i < total; i++) {
    double y = top - i * lh;
    if (top < 0) { /* flowing: page breaks allowed */
      /* No orphan (a first line alone at a page bottom) and no widow (a last line alone
       * at a page top): move down together. */
      int fits2 = c->y - 2 * lh >= c->bottom - 0.01, fits1 = c->y - lh >= c->bottom - 0.01;
      if (!c->in_furniture && fits1 && !fits2 && total >= 2 &&
          (i == 0 || (i == total - 2 && i >= 2)))
        if ((rc = new_page(c, n))) return rc;
      if (!c->in_furniture) {
        int serial = ++c->line_serial;
        c->ring[serial % KEEP_RING] = (line_rec){serial, i, total};
        if (serial == c->force_break && (rc = new_page(c, n))) return rc;
      }
      if ((rc = room(c, n, lh))) return rc;
      y = c->y;
      c->y -= lh;
    }
    if (!c->pdf) continue;
    const hd_line *l = &lines[i];
    double ind = i == 0 ? indent : 0, avail = width - ind;
    double lx = x + ind;
    int last = i + 1 == total || (l->end < len && text[l->end] == '\n');
    hd_setline sl;
    if ((rc = layout_line(c->fs, s->role, s->size, text + l->start, l->end - l->start, &sl, c->err)))
      return rc;
    if (s->align == 'c') lx += (avail - sl.width) / 2;
    else if (s->align == 'r') lx += avail - sl.width;
    else if (s->align == 'j' && !last && sl.n_stretch > 0 && avail > sl.width) {
      /* Justified: the slack goes evenly to the boundaries that may widen (between
       * Han characters, around Latin runs and spaces), never inside a Latin run. */
      double g = (avail - sl.width) / sl.n_stretch;
      for (int k = 0; k < sl.n; k++)
        if (sl.stretch[k]) sl.after[k] += g;
    }
    lx += sl.lead;
    /* Runs of the same weight (<b>, <strong> inside the text). */
    size_t r0 = l->start;
    int ci = 0;
    while (r0 < l->end && rc == HD_OK) {
      size_t r1 = r0;
      char b = mask ? mask[r0] : 0;
      while (r1 < l->end && (mask ? mask[r1] : 0) == b) r1++;
      int nc = (int)hd_utf8_count(text + r0, r1 - r0);
      double x0 = lx;
      if (b == MASK_STRONG) {
        /* An important passage: the heading role's face (the Bold weight), each glyph
         * where the line was set with the body face — the difference of the advances
         * goes into the spacing after it, so the line keeps its measure — underlined. */
        double *after = malloc((size_t)(nc ? nc : 1) * sizeof *after);
        if (!after) {
          rc = hd_err_set(c->err, HD_ENOMEM, "out of memory");
          break;
        }
        size_t bi = r0;
        uint32_t cp;
        for (int k = 0; k < nc; k++) {
          double a = ci + k < sl.n ? sl.adv[ci + k] : 0, sp = ci + k < sl.n ? sl.after[ci + k] : 0;
          int f = hd_utf8_next(text, r1, &bi, &cp) == 1 ? fontset_pick(c->fs, HD_ROLE_HEADING, cp) : -1;
          double bold = f >= 0 ? fontset_advance(c->fs, f, cp) * s->size / 1000.0 : a;
          after[k] = sp + a - bold;
        }
        rc = pdf_text_set(c->pdf, HD_ROLE_HEADING, lx, baseline(s, y), s->size, 0, 0, text + r0,
                          r1 - r0, after, c->err);
        free(after);
      } else {
        rc = pdf_text_set(c->pdf, s->role, lx, baseline(s, y), s->size, s->bold || b, 0,
                          text + r0, r1 - r0, sl.after + ci, c->err);
      }
      for (int k = ci; k < ci + nc && k < sl.n; k++) lx += sl.adv[k] + sl.after[k];
      if (b == MASK_STRONG) {
        double uy = baseline(s, y) - 0.14 * s->size;
        pdf_line(c->pdf, x0, uy, lx, uy, 0.04 * s->size);
      }
      ci += nc;
      r0 = r1;
    }
    layout_line_release(&sl);
    if (rc) return rc;
  }
  return HD_OK;
}

static int para(ctx *c, xmlNodePtr n, style s, double indent_chars) {
  hd_buf b, mask;
  hd_buf_init(&b, 1 << 20);
  hd_buf_init(&mask, 1 << 20);
  int rc = inline_text_mask(c, n, &b, &mask), count;
  if (!rc) rc = text_block(c, n, &s, b.p ? b.p : "", c->ml, c->W - c->ml - c->mr,
                           indent_chars * s.size, 0, -1, &count, mask.p);
  hd_buf_release(&b);
  hd_buf_release(&mask);
  return rc;
}

/* ---- tables ----------------------------------------------------------------------------- */

#define MAX_COLS 16

static int columns(ctx *c, xmlNodePtr n, double width, double *w, int *ncol) {
  char *spec = attr(n, "columns");
  double fixed = 0;
  int stars = 0, k = 0;
  for (char *p = spec; p && *p && k < MAX_COLS;) {
    while (*p == ' ') p++;
    if (!*p) break;
    if (*p == '*') {
      w[k++] = -1;
      stars++;
      p++;
      continue;
    }
    char *end;
    double v = strtod(p, &end);
    if (*end == '%') v = width * v / 100, end++;
    else if (!strncmp(end, "mm", 2)) v *= MM, end += 2;
    else if (!strncmp(end, "pt", 2)) end += 2;
    w[k++] = v;
    fixed += v;
    p = end;
  }
  xmlFree(spec);
  if (fixed > width + 0.5 || (stars == 0 && k == 0))
    return fail(c, n, "%s", "the columns are wider than the page");
  for (int i = 0; i < k; i++)
    if (w[i] < 0) w[i] = (width - fixed) / stars;
  *ncol = k;
  return HD_OK;
}

typedef struct cellout {
  hd_buf text;
  style s;
  double x, w;
  int lines;
} cellout;

typedef struct rowout {
  cellout cells[MAX_COLS];
  int n;
  double height;
} rowout;

static void row_release(rowout *ro) {
  for (int i = 0; i < ro->n; i++) hd_buf_release(&ro->cells[i].text);
  ro->n = 0;
}

/* Measure a cell's text. With max-lines, the text must fit in that many lines: with
 * min-size it is set smaller in half-point steps until it does (the rule the template
 * states); if it still does not, an error says how many lines it needs. */
static int cell_fit(ctx *c, xmlNodePtr k, cellout *o, double x, double w) {
  const char *text = o->text.p ? o->text.p : "";
  char *ml = attr(k, "max-lines");
  int max_lines = ml ? atoi(ml) : 0;
  xmlFree(ml);
  double min_size = length_attr(k, "min-size", o->s.size, c->fsize);
  if (min_size > o->s.size) min_size = o->s.size;
  for (;;) {
    int rc = text_block(c, k, &o->s, text, x + PAD_X, w - 2 * PAD_X, 0, 1, 0, &o->lines, NULL);
    if (rc || !max_lines || o->lines <= max_lines) return rc;
    if (o->s.size - 0.5 < min_size - 1e-9) break;
    o->s.size -= 0.5;
  }
  char why[160];
  hd_snprintf(why, sizeof why, "needs %d lines at %.1fpt, at most %d fit", o->lines, o->s.size,
              max_lines);
  return fail(c, k, "the text does not fit its box: %s", why);
}

/* Bind and measure a row: its cells' text, styles, positions and the row height. */
static int row_measure(ctx *c, xmlNodePtr r, const double *cw, int ncol, style base, rowout *ro) {
  int rc = HD_OK, col = 0;
  double x = c->ml, lh = base.size * base.lh, height = 0;
  ro->n = 0;
  for (xmlNodePtr k = r->children; k && ro->n < MAX_COLS; k = k->next) {
    if (!is(k, "cell")) continue;
    char *sp = attr(k, "span");
    int span = sp ? atoi(sp) : 1;
    xmlFree(sp);
    if (col + span > ncol) return fail(c, k, "%s", "more cells than columns");
    double w = 0;
    for (int i = 0; i < span; i++) w += cw[col + i];
    cellout *o = &ro->cells[ro->n++];
    hd_buf_init(&o->text, 1 << 20);
    o->s = style_of(c, k, base.role, base.size, 'l');
    o->x = x;
    o->w = w;
    if ((rc = inline_text(c, k, &o->text))) return rc;
    if ((rc = cell_fit(c, k, o, x, w))) return rc;
    double h = o->lines * o->s.size * o->s.lh;
    if (h > height) height = h;
    x += w;
    col += span;
  }
  if (height < lh) height = lh;
  ro->height = height + 2 * PAD_Y;
  if (ro->height > c->H - c->mt - c->mb) return fail(c, r, "%s", "a table row is taller than a page");
  return HD_OK;
}

/* Draw a measured row at the cursor (the caller made room). */
static int row_draw(ctx *c, xmlNodePtr r, const rowout *ro, double border) {
  int rc = HD_OK;
  double top = c->y;
  for (int i = 0; i < ro->n && rc == HD_OK; i++) {
    const cellout *o = &ro->cells[i];
    int cnt;
    rc = text_block(c, r, &o->s, o->text.p ? o->text.p : "", o->x + PAD_X, o->w - 2 * PAD_X, 0, 0,
                    top - PAD_Y, &cnt, NULL);
    if (c->pdf && border > 0) pdf_stroke_rect(c->pdf, o->x, top - ro->height, o->w, ro->height, border);
  }
  c->y -= ro->height;
  return rc;
}

static int head_rows(ctx *c, xmlNodePtr head, const double *cw, int ncol, double border,
                     style base) {
  int rc = HD_OK;
  for (xmlNodePtr h = head ? head->children : NULL; h && rc == HD_OK; h = h->next) {
    if (!is(h, "row")) continue;
    rowout ro;
    rc = row_measure(c, h, cw, ncol, base, &ro);
    if (rc == HD_OK) rc = row_draw(c, h, &ro, border);
    row_release(&ro);
  }
  return rc;
}

typedef int (*each_fn)(ctx *c, xmlNodePtr children, void *ud);
static int each(ctx *c, xmlNodePtr n, each_fn fn, void *ud);

/* <if test="expr">: is the test true? */
static int test_of(ctx *c, xmlNodePtr n, int *yes) {
  char *test = attr(n, "test");
  int rc = expr_truth(c->sb, tmpl_file(c->t), xmlGetLineNo(n), test ? test : "false", yes, c->err);
  xmlFree(test);
  return rc;
}

typedef struct tstate {
  double cw[MAX_COLS];
  int ncol;
  double border, head_h;
  style base;
  xmlNodePtr head, table;
  int first;
} tstate;

/* Body rows (and <each>/<if> around them). Rows never split; a row that does not fit
 * goes to the next page, below a repeat of the table's head rows. */
static int table_rows(ctx *c, xmlNodePtr first_child, void *ud) {
  tstate *ts = ud;
  int rc = HD_OK;
  for (xmlNodePtr k = first_child; k && rc == HD_OK; k = k->next) {
    if (is(k, "each")) {
      rc = each(c, k, table_rows, ts);
      continue;
    }
    if (is(k, "if")) {
      int yes = 0;
      rc = test_of(c, k, &yes);
      if (rc == HD_OK && yes) rc = table_rows(c, k->children, ts);
      continue;
    }
    if (!is(k, "row")) continue;
    rowout ro;
    rc = row_measure(c, k, ts->cw, ts->ncol, ts->base, &ro);
    if (rc == HD_OK && ts->head_h + ro.height > c->H - c->mt - c->mb)
      rc = fail(c, k, "%s", "a table row and the head rows are taller than a page");
    int serial = ++c->line_serial;
    c->ring[serial % KEEP_RING] = (line_rec){serial, 0, 1};
    if (rc == HD_OK && (serial == c->force_break ||
        (ts->first ? c->y - ts->head_h - ro.height : c->y - ro.height) < c->bottom - 0.01)) {
      rc = new_page(c, ts->table);
      if (rc == HD_OK && !ts->first) rc = head_rows(c, ts->head, ts->cw, ts->ncol, ts->border, ts->base);
    }
    if (rc == HD_OK && ts->first) {
      rc = head_rows(c, ts->head, ts->cw, ts->ncol, ts->border, ts->base);
      ts->first = 0;
    }
    if (rc == HD_OK) rc = row_draw(c, k, &ro, ts->border);
    row_release(&ro);
  }
  return rc;
}

static int table(ctx *c, xmlNodePtr n) {
  tstate ts;
  memset(&ts, 0, sizeof ts);
  int rc = columns(c, n, c->W - c->ml - c->mr, ts.cw, &ts.ncol);
  if (rc) return rc;
  ts.border = length_attr(n, "border", 0.5, c->fsize);
  ts.base = style_of(c, n, HD_ROLE_BODY, c->fsize, 'l');
  ts.table = n;
  ts.first = 1;
  for (xmlNodePtr k = n->children; k; k = k->next)
    if (is(k, "head")) ts.head = k;
  for (xmlNodePtr h = ts.head ? ts.head->children : NULL; h && rc == HD_OK; h = h->next) {
    if (!is(h, "row")) continue;
    rowout ro;
    rc = row_measure(c, h, ts.cw, ts.ncol, ts.base, &ro);
    ts.head_h += ro.height;
    row_release(&ro);
  }
  if (rc == HD_OK) rc = table_rows(c, n->children, &ts);
  return rc;
}

/* ---- images ------------------------------------------------------------------------------ */

#define MAX_IMAGE_BYTES (4u << 20)

/* Read the PNG at path (label names it in errors): at most 4 MB, with a PNG signature;
 * *aspect = height / width from its header. */
static int image_read(ctx *c, xmlNodePtr n, const char *path, const char *label, char **data,
                      size_t *len, double *aspect) {
  hd_err e = {0};
  int rc = HD_OK;
  *data = NULL;
  if (hd_read_file(path, MAX_IMAGE_BYTES, data, len, &e)) {
    rc = hd_err_set(c->err, e.code == HD_ENOMEM ? HD_ENOMEM : HD_EDATA, "%s:%ld: image: %s",
                    tmpl_file(c->t), xmlGetLineNo(n), e.msg);
  } else {
    const unsigned char *p = (const unsigned char *)*data;
    static const unsigned char SIG[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    unsigned long w = *len >= 24 ? (unsigned long)p[16] << 24 | p[17] << 16 | p[18] << 8 | p[19] : 0;
    unsigned long h = *len >= 24 ? (unsigned long)p[20] << 24 | p[21] << 16 | p[22] << 8 | p[23] : 0;
    if (*len < 24 || memcmp(p, SIG, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0 || !w || !h)
      rc = fail(c, n, "image '%s' is not a PNG file", label);
    else
      *aspect = (double)h / (double)w;
  }
  if (rc) {
    free(*data);
    *data = NULL;
    c->bad_key = NULL; /* the file's fault, not a data value */
  }
  return rc;
}

/* Read the PNG of <image src> n: a file beside the template (no absolute path, no ".."). */
static int image_load(ctx *c, xmlNodePtr n, char **data, size_t *len, double *aspect) {
  char *src = attr(n, "src");
  const char *file = tmpl_file(c->t);
  const char *slash = strrchr(file, '/');
  char path[4096];
  int rc = HD_OK;
  *data = NULL;
  if (!src || !*src || src[0] == '/' || strstr(src, "..")) {
    rc = fail(c, n, "image '%s': give a file name beside the template (no '/' at the start, no '..')",
              src ? src : "");
  } else if (hd_snprintf(path, sizeof path, "%.*s%s", slash ? (int)(slash - file + 1) : 0, file,
                         src) < 0) {
    rc = fail(c, n, "image '%s': path too long", src);
  } else {
    rc = image_read(c, n, path, src, data, len, aspect);
  }
  if (rc) c->bad_key = NULL;
  xmlFree(src);
  return rc;
}

/* Draw the loaded image; an image libharu refuses is an error at the template's line. */
static int image_draw(ctx *c, xmlNodePtr n, const char *data, size_t len, double x, double y,
                      double w, double h) {
  if (!c->pdf) return HD_OK;
  hd_err e = {0};
  if (pdf_image_png(c->pdf, (const unsigned char *)data, len, x, y, w, h, &e) == HD_OK) return HD_OK;
  char *src = attr(n, "src");
  int rc = hd_err_set(c->err, e.code, "%s:%ld: image '%s': %s", tmpl_file(c->t), xmlGetLineNo(n),
                      src ? src : "", e.msg);
  xmlFree(src);
  c->bad_key = NULL;
  return rc;
}

/* ---- signature, QR ------------------------------------------------------------------------ */

static int signature_qr(ctx *c, xmlNodePtr n, double base, double band);

/* The lines that keep the signature company (GB/T 9704: no page with the seal and no
 * text): the serial of the flowing line at which the page must break so that the last
 * two lines of text go over with the signature (three if the second-last line would be
 * alone: the end of a paragraph of several lines). 0 if there is no text before it. */
static int keep_serial(const ctx *c) {
  int last = c->line_serial, f = last - 1;
  for (int i = 0; i < KEEP_RING; i++) {
    const line_rec *r = &c->ring[i];
    if (r->serial == f && r->total >= 2 && r->idx == r->total - 1) f--;
  }
  return f >= 2 ? f : 0;
}

/* <signature>: the authority's name and the date (its <line>s), centred on each other at
 * the right; place="bottom" anchors the block at the bottom of the page (certificates),
 * otherwise it follows the text a line below. The seal is an image, if there is one: the
 * document's (data value seal_image: the setting) or the template's <image>; it is centred
 * on the name and date, as a stamped seal is. Without one, no placeholder: the name and
 * the date are the signature. A <qr> sits at the bottom left, level with them. The block
 * never stands alone on a page: if it does not fit below the text, the last lines of the
 * text go to the next page with it (doc_render lays out again). */
static int signature(ctx *c, xmlNodePtr n) {
  hd_buf texts[8];
  style st[8];
  int k = 0, rc = HD_OK;
  double maxw = 0, h = 0;
  for (xmlNodePtr l = n->children; l && k < 8; l = l->next) {
    if (!is(l, "line")) continue;
    hd_buf_init(&texts[k], 1 << 16);
    st[k] = style_of(c, l, HD_ROLE_BODY, c->fsize, 'c');
    if ((rc = inline_text(c, l, &texts[k]))) {
      k++;
      break;
    }
    const char *t = texts[k].p ? texts[k].p : "";
    if ((rc = fontset_check_text(c->fs, st[k].role, t, strlen(t), c->err))) {
      k++;
      break;
    }
    double w = fontset_text_width(c->fs, st[k].role, t, strlen(t), st[k].size);
    if (w > maxw) maxw = w;
    h += st[k].size * 1.7;
    k++;
  }
  /* The band: the lines with some air, at least as tall as a QR code with its caption
   * and, with a seal image, as the seal. */
  double need = h + 20, seal_h = 0, seal_w = 0, aspect = 1;
  char *seal_data = NULL;
  size_t seal_len = 0;
  xmlNodePtr seal_node = NULL;
  for (xmlNodePtr q = n->children; q && rc == HD_OK; q = q->next) {
    if (is(q, "qr")) {
      double qs = length_attr(q, "size", 20 * MM, c->fsize) + 18;
      if (qs > need) need = qs;
    }
    if (is(q, "image")) seal_node = q;
  }
  const char *seal_path = NULL;
  for (int i = 0; i < c->o->n_data; i++)
    if (!strcmp(c->o->data[i].key, "seal_image") && c->o->data[i].value && *c->o->data[i].value)
      seal_path = c->o->data[i].value;
  if (rc == HD_OK && seal_path) {
    rc = image_read(c, n, seal_path, seal_path, &seal_data, &seal_len, &aspect);
    if (rc) hd_err_prefix(c->err, "the seal (setting seal_image)");
    seal_w = 42 * MM;
  } else if (rc == HD_OK && seal_node) {
    rc = image_load(c, seal_node, &seal_data, &seal_len, &aspect);
    seal_w = length_attr(seal_node, "width", 40 * MM, c->fsize);
  }
  if (seal_data) {
    seal_h = seal_w * aspect;
    if (seal_h + 12 > need) need = seal_h + 12;
  }
  char *place = attr(n, "place");
  int bottom = place && strcmp(place, "bottom") == 0;
  xmlFree(place);
  double gap = bottom ? 0 : c->fsize * c->lh; /* a line below the text */
  if (rc == HD_OK && c->y - gap - need < c->bottom - 0.01) {
    if (!c->force_break && !c->in_furniture) c->want_break = keep_serial(c);
    rc = new_page(c, n);
    gap = 0;
  }
  double base = bottom ? c->bottom : c->y - gap - need;
  if (rc == HD_OK && c->pdf) {
    double right = c->W - c->mr - 10, cx = right - maxw / 2;
    double cy = base + need / 2 + 6;
    double y = cy + h / 2;
    for (int i = 0; i < k && rc == HD_OK; i++) {
      const char *t = texts[i].p ? texts[i].p : "";
      double w = fontset_text_width(c->fs, st[i].role, t, strlen(t), st[i].size);
      y -= st[i].size * 1.7;
      rc = pdf_text(c->pdf, st[i].role, cx - w / 2, y + st[i].size * 0.45, st[i].size, st[i].bold,
                    0, t, strlen(t), c->err);
    }
    if (rc == HD_OK && seal_data)
      rc = image_draw(c, seal_node ? seal_node : n, seal_data, seal_len, cx - seal_w / 2,
                      cy - seal_h / 2, seal_w, seal_h);
  }
  free(seal_data);
  for (xmlNodePtr q = n->children; q && rc == HD_OK; q = q->next)
    if (is(q, "qr")) rc = signature_qr(c, q, base, need);
  c->y = bottom ? c->bottom : base; /* nothing follows the signature */
  for (int i = 0; i < k; i++) hd_buf_release(&texts[i]);
  return rc;
}

/* Encode the bound value of <qr> n; draw it (when rendering) at x, top. */
static int qr_draw(ctx *c, xmlNodePtr n, double x, double top, double size) {
  hd_buf v;
  hd_buf_init(&v, 4096);
  char *raw = attr(n, "value");
  int rc = bind(c, n, raw ? raw : "", &v);
  xmlFree(raw);
  if (rc == HD_OK) {
    QRcode *q = QRcode_encodeString(v.p ? v.p : "", 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) rc = fail(c, n, "%s", "the QR code value cannot be encoded");
    else {
      if (c->pdf) pdf_qr(c->pdf, x, top, size / q->width, q->width, q->data);
      QRcode_free(q);
    }
  }
  hd_buf_release(&v);
  return rc;
}

static int qr(ctx *c, xmlNodePtr n) {
  double size = length_attr(n, "size", 20 * MM, c->fsize);
  int rc = room(c, n, size);
  if (rc == HD_OK) {
    style s = style_of(c, n, HD_ROLE_BODY, c->fsize, 'l');
    double x = s.align == 'c' ? (c->W - size) / 2 : s.align == 'r' ? c->W - c->mr - size : c->ml;
    rc = qr_draw(c, n, x, c->y, size);
    c->y -= size;
  }
  return rc;
}

/* A <qr> inside <signature>: bottom left of the content area, level with the seal, its
 * caption (8pt, bound) under it. */
static int signature_qr(ctx *c, xmlNodePtr n, double base, double band) {
  double size = length_attr(n, "size", 20 * MM, c->fsize);
  if (size + 14 > band) {
    char what[32];
    hd_snprintf(what, sizeof what, "%.0f pt", size);
    return fail(c, n, "the QR code (%s) is taller than the signature", what);
  }
  hd_buf cap;
  hd_buf_init(&cap, 4096);
  char *raw = attr(n, "caption");
  int rc = raw ? bind(c, n, raw, &cap) : HD_OK;
  xmlFree(raw);
  const char *t = cap.p ? cap.p : "";
  if (rc == HD_OK) rc = fontset_check_text(c->fs, HD_ROLE_BODY, t, strlen(t), c->err);
  if (rc == HD_OK) rc = qr_draw(c, n, c->ml, base + 14 + size, size);
  if (rc == HD_OK && c->pdf && *t)
    rc = pdf_text(c->pdf, HD_ROLE_BODY, c->ml, base + 4, 8, 0, 0, t, strlen(t), c->err);
  hd_buf_release(&cap);
  return rc;
}

/* <image src width [height] [align]>: a block; height from the image's proportions. */
static int image(ctx *c, xmlNodePtr n) {
  char *data;
  size_t len;
  double aspect;
  int rc = image_load(c, n, &data, &len, &aspect);
  if (rc) return rc;
  double w = length_attr(n, "width", 30 * MM, c->fsize);
  double h = length_attr(n, "height", w * aspect, c->fsize);
  if (w > c->W - c->ml - c->mr) rc = fail(c, n, "%s", "the image is wider than the page's text");
  if (rc == HD_OK) rc = room(c, n, h);
  if (rc == HD_OK) {
    style s = style_of(c, n, HD_ROLE_BODY, c->fsize, 'c');
    double x = s.align == 'c' ? (c->W - w) / 2 : s.align == 'r' ? c->W - c->mr - w : c->ml;
    rc = image_draw(c, n, data, len, x, c->y - h, w, h);
    c->y -= h;
  }
  free(data);
  return rc;
}

/* ---- blocks ------------------------------------------------------------------------------ */

/* <each in="expr" as="name">: run fn on the children once per item, name bound. */
static int each(ctx *c, xmlNodePtr n, each_fn fn, void *ud) {
  char *in = attr(n, "in"), *as = attr(n, "as");
  int count = 0;
  int rc = expr_each_begin(c->sb, tmpl_file(c->t), xmlGetLineNo(n), in ? in : "nil", &count, c->err);
  for (int i = 1; rc == HD_OK && i <= count; i++) {
    rc = expr_each_item(c->sb, tmpl_file(c->t), xmlGetLineNo(n), i, as ? as : "item", c->err);
    if (rc == HD_OK) {
      rc = fn(c, n->children, ud);
      expr_scope_end(c->sb);
    }
  }
  if (rc == HD_OK || count) expr_each_end(c->sb);
  xmlFree(in);
  xmlFree(as);
  return rc;
}

/* <heading level="2">: 2; otherwise 1. */
static int heading_level(xmlNodePtr n) {
  char *a = attr(n, "level");
  int level = a && !strcmp(a, "2") ? 2 : 1;
  xmlFree(a);
  return level;
}

static int blocks(ctx *c, xmlNodePtr first);
static int blocks_cb(ctx *c, xmlNodePtr children, void *ud) {
  (void)ud;
  return blocks(c, children);
}

static int blocks(ctx *c, xmlNodePtr first) {
  int rc = HD_OK;
  for (xmlNodePtr n = first; n && rc == HD_OK; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (is(n, "title")) {
      style s = style_of(c, n, HD_ROLE_HEADING, 22, 'c');
      s.lh = 1.3;
      rc = para(c, n, s, 0);
    } else if (is(n, "heading")) {
      /* level 1: a section (一、…), level 2: a sub-section (2.1 …) at the text's size. */
      int level = heading_level(n);
      style s = style_of(c, n, HD_ROLE_BODY, level == 2 ? c->fsize : c->fsize * 1.2, 'l');
      s.bold = 1;
      /* Keep with next: a heading and at least two lines of what follows. */
      if (!c->in_furniture) rc = room(c, n, s.size * s.lh + 2 * c->fsize * c->lh);
      if (rc == HD_OK && c->outline && c->pdf && !c->in_furniture) {
        hd_buf h;
        hd_buf_init(&h, 4096);
        rc = inline_text(c, n, &h);
        if (rc == HD_OK) rc = pdf_outline(c->pdf, level, h.p ? h.p : "", c->y, c->err);
        hd_buf_release(&h);
      }
      if (rc == HD_OK) rc = para(c, n, s, 0);
    } else if (is(n, "p")) {
      char *ind = attr(n, "indent");
      double chars = ind ? atof(ind) : 0;
      xmlFree(ind);
      rc = para(c, n, style_of(c, n, HD_ROLE_BODY, c->fsize, 'l'), chars);
    } else if (is(n, "spacer")) {
      double h = length_attr(n, "height", 0, c->fsize);
      if (c->y - h < c->bottom && !c->in_furniture) rc = new_page(c, n);
      else c->y -= h;
    } else if (is(n, "pagebreak")) {
      rc = new_page(c, n);
    } else if (is(n, "table")) {
      rc = table(c, n);
    } else if (is(n, "signature")) {
      rc = signature(c, n);
    } else if (is(n, "qr")) {
      rc = qr(c, n);
    } else if (is(n, "image")) {
      rc = image(c, n);
    } else if (is(n, "frame")) {
      c->frame = n; /* page furniture: drawn on this and every following page */
      draw_frame(c);
    } else if (is(n, "if")) {
      int yes = 0;
      rc = test_of(c, n, &yes);
      if (rc == HD_OK && yes) rc = blocks(c, n->children);
    } else if (is(n, "each")) {
      rc = each(c, n, blocks_cb, NULL);
    }
  }
  return rc;
}

static int furniture(ctx *c, xmlNodePtr root) {
  xmlNodePtr header = NULL, footer = NULL;
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (is(n, "header")) header = n;
    if (is(n, "footer")) footer = n;
  }
  if (!header && !footer) return HD_OK;
  c->in_furniture = 1;
  int rc = HD_OK;
  char num[16];
  snprintf(num, sizeof num, "%d", c->page);
  expr_set(c->sb, NULL, "pages", num);
  for (int p = 1; p <= c->page && rc == HD_OK; p++) {
    snprintf(num, sizeof num, "%d", p);
    expr_set(c->sb, NULL, "page", num);
    if (c->pdf) pdf_select_page(c->pdf, p - 1);
    if (header) {
      c->y = c->H - 10 * MM;
      c->bottom = c->H - c->mt;
      rc = blocks(c, header->children);
    }
    if (footer && rc == HD_OK) {
      c->y = c->mb - 6;
      c->bottom = 8 * MM;
      rc = blocks(c, footer->children);
    }
  }
  c->in_furniture = 0;
  return rc;
}

/* The template sandbox with the document's data bound: flat keys "table.key" become
 * table fields, then the caller's prepare adds lists. */
static int bind_data(ctx *c) {
  const hd_doc_opts *o = c->o;
  int rc = expr_new(NULL, &c->sb, c->err);
  if (rc) return rc;
  for (int i = 0; i < o->n_data; i++) {
    char table[64];
    const char *key = o->data[i].key, *dot = strchr(key, '.');
    if (dot && (size_t)(dot - key) < sizeof table) {
      memcpy(table, key, (size_t)(dot - key));
      table[dot - key] = '\0';
      expr_set(c->sb, table, dot + 1, o->data[i].value);
    } else {
      expr_set(c->sb, NULL, key, o->data[i].value);
    }
  }
  if (o->prepare && (rc = o->prepare(c->sb, o->prepare_ud))) {
    expr_free(c->sb);
    c->sb = NULL;
    return hd_err_set(c->err, rc, "template data cannot be prepared");
  }
  return HD_OK;
}

/* One layout of the document; force: break the page before that line serial (keeping
 * the signature with the text); *want: the serial the signature asks to break at. */
static int render_pass(const hd_template *t, const hd_fontset *fs, const hd_doc_opts *o,
                       unsigned char **pdf, size_t *len, const char **bad_key, hd_err *err,
                       int force, int *want) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.force_break = force;
  c.t = t;
  c.fs = fs;
  c.o = o;
  c.err = err;
  if (pdf) {
    *pdf = NULL;
    *len = 0;
  }
  *bad_key = NULL;
  xmlNodePtr root = tmpl_root(t);
  char *size = attr(root, "size");
  /* The page the template asks for (A4 unless size="A3"), turned by
   * orientation="landscape": the layout and the PDF's MediaBox alike. */
  int a3 = size && strcmp(size, "A3") == 0;
  c.W = a3 ? HD_A3_W : HD_A4_W;
  c.H = a3 ? HD_A3_H : HD_A4_H;
  xmlFree(size);
  char *orient = attr(root, "orientation");
  if (orient && strcmp(orient, "landscape") == 0) {
    double w = c.W;
    c.W = c.H;
    c.H = w;
  }
  xmlFree(orient);
  c.fsize = length_attr(root, "font-size", 11, 11);
  c.outline = bool_attr(root, "outline", 0);
  char *lh = attr(root, "line-height");
  c.lh = lh ? atof(lh) : 1.45;
  xmlFree(lh);
  double m[4] = {25 * MM, 25 * MM, 25 * MM, 25 * MM};
  char *mg = attr(root, "margin");
  if (mg) {
    int k = 0;
    for (char *p = mg; *p && k < 4;) {
      while (*p == ' ') p++;
      char *end;
      double v = strtod(p, &end);
      if (end == p) break;
      m[k++] = !strncmp(end, "mm", 2) ? v * MM : v;
      p = end + 2;
    }
    if (k == 1) m[1] = m[2] = m[3] = m[0];
    else if (k == 2) m[2] = m[0], m[3] = m[1];
    else if (k == 3) m[3] = m[1];
  }
  xmlFree(mg);
  c.mt = m[0];
  c.mr = m[1];
  c.mb = m[2];
  c.ml = m[3];
  hd_pdf *d = NULL;
  int rc = bind_data(&c);
  if (rc) return rc;
  if (pdf && (rc = pdf_new(&d, fs, err))) {
    expr_free(c.sb);
    return rc;
  }
  c.pdf = d;
  if (d) {
    hd_buf title;
    hd_buf_init(&title, 4096);
    char *ta = attr(root, "title");
    rc = bind(&c, root, ta ? ta : tmpl_name(t), &title);
    xmlFree(ta);
    if (!rc) rc = pdf_set_info(d, title.p ? title.p : "", o->date, err);
    hd_buf_release(&title);
  }
  if (!rc) rc = new_page(&c, root);
  xmlNodePtr body = root->children;
  if (!rc) rc = blocks(&c, body);
  if (!rc) {
    c.bad_key = NULL;
    rc = furniture(&c, root);
  }
  if (!rc && d) rc = pdf_save(d, pdf, len, err);
  if (rc) *bad_key = c.bad_key;
  pdf_free(d);
  expr_free(c.sb);
  *want = c.want_break;
  return rc;
}

int doc_render(const hd_template *t, const hd_fontset *fs, const hd_doc_opts *o,
               unsigned char **pdf, size_t *len, const char **bad_key, hd_err *err) {
  int want = 0;
  int rc = render_pass(t, fs, o, pdf, len, bad_key, err, 0, &want);
  if (rc == HD_OK && want) { /* the signature stood alone: again, with its lines */
    int again = 0;
    if (pdf) {
      free(*pdf);
      *pdf = NULL;
    }
    rc = render_pass(t, fs, o, pdf, len, bad_key, err, want, &again);
  }
  return rc;
}



/* ---- HTML: the same text for a web page ---------------------------------------------------- */

static void html_escape(hd_buf *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '&': hd_buf_adds(out, "&amp;"); break;
    case '<': hd_buf_adds(out, "&lt;"); break;
    case '>': hd_buf_adds(out, "&gt;"); break;
    case '"': hd_buf_adds(out, "&quot;"); break;
    case '\'': hd_buf_adds(out, "&#39;"); break;
    case '\n': hd_buf_adds(out, "<br>"); break;
    default: hd_buf_add(out, s + i, 1);
    }
  }
}

/* Inline content with <b> as <strong>, escaped. */
static int html_inline(ctx *c, xmlNodePtr n, hd_buf *out) {
  hd_buf text, mask;
  hd_buf_init(&text, HD_BUF_DEFAULT_MAX);
  hd_buf_init(&mask, HD_BUF_DEFAULT_MAX);
  int rc = inline_text_mask(c, n, &text, &mask);
  for (size_t i = 0; rc == HD_OK && i < text.len;) {
    size_t j = i;
    char b = mask.p ? mask.p[i] : 0;
    while (j < text.len && (mask.p ? mask.p[j] : 0) == b) j++;
    if (b) hd_buf_adds(out, b == MASK_STRONG ? "<strong class=\"important\">" : "<strong>");
    html_escape(out, text.p + i, j - i);
    if (b) hd_buf_adds(out, "</strong>");
    i = j;
  }
  hd_buf_release(&text);
  hd_buf_release(&mask);
  return rc;
}

static int html_blocks(ctx *c, xmlNodePtr first, void *ud);

static void html_align(xmlNodePtr n, hd_buf *out) {
  char *a = attr(n, "align");
  if (a && (a[0] == 'c' || a[0] == 'r'))
    hd_buf_printf(out, " class=\"%s\"", a[0] == 'c' ? "center" : "right");
  xmlFree(a);
}

static int html_rows(ctx *c, xmlNodePtr first, void *ud) {
  hd_buf *out = ud;
  int rc = HD_OK;
  for (xmlNodePtr k = first; k && rc == HD_OK; k = k->next) {
    if (is(k, "each")) {
      rc = each(c, k, html_rows, out);
    } else if (is(k, "if")) {
      int yes = 0;
      rc = test_of(c, k, &yes);
      if (rc == HD_OK && yes) rc = html_rows(c, k->children, out);
    } else if (is(k, "row")) {
      hd_buf_adds(out, "<tr>");
      for (xmlNodePtr cell = k->children; cell && rc == HD_OK; cell = cell->next) {
        if (!is(cell, "cell")) continue;
        char *span = attr(cell, "span");
        hd_buf_printf(out, "<td%s%s%s>", span ? " colspan=\"" : "", span ? span : "", span ? "\"" : "");
        xmlFree(span);
        rc = html_inline(c, cell, out);
        hd_buf_adds(out, "</td>");
      }
      hd_buf_adds(out, "</tr>\n");
    }
  }
  return rc;
}

static int html_table(ctx *c, xmlNodePtr n, hd_buf *out) {
  int rc = HD_OK;
  hd_buf_adds(out, "<table>\n");
  for (xmlNodePtr k = n->children; k && rc == HD_OK; k = k->next) {
    if (!is(k, "head")) continue;
    hd_buf_adds(out, "<thead>\n");
    for (xmlNodePtr r = k->children; r && rc == HD_OK; r = r->next) {
      if (!is(r, "row")) continue;
      hd_buf_adds(out, "<tr>");
      for (xmlNodePtr cell = r->children; cell && rc == HD_OK; cell = cell->next) {
        if (!is(cell, "cell")) continue;
        hd_buf_adds(out, "<th scope=\"col\">");
        rc = html_inline(c, cell, out);
        hd_buf_adds(out, "</th>");
      }
      hd_buf_adds(out, "</tr>\n");
    }
    hd_buf_adds(out, "</thead>\n");
  }
  hd_buf_adds(out, "<tbody>\n");
  if (rc == HD_OK) rc = html_rows(c, n->children, out);
  hd_buf_adds(out, "</tbody>\n</table>\n");
  return rc;
}

/* Blocks as HTML: title h1, heading h2 (level 2: h3), a paragraph set bold h3, p, table; page furniture, spacers, page breaks, frames,
 * QR codes and images belong to the printed page and are left out. */
static int html_blocks(ctx *c, xmlNodePtr first, void *ud) {
  hd_buf *out = ud;
  int rc = HD_OK;
  for (xmlNodePtr n = first; n && rc == HD_OK; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *tag = NULL;
    if (is(n, "title")) tag = "h1";
    else if (is(n, "heading")) tag = heading_level(n) == 2 ? "h3" : "h2";
    else if (is(n, "p")) tag = bool_attr(n, "bold", 0) ? "h3" : "p";
    if (tag) {
      hd_buf_printf(out, "<%s", tag);
      html_align(n, out);
      hd_buf_adds(out, ">");
      rc = html_inline(c, n, out);
      hd_buf_printf(out, "</%s>\n", tag);
    } else if (is(n, "table")) {
      rc = html_table(c, n, out);
    } else if (is(n, "signature")) {
      for (xmlNodePtr l = n->children; l && rc == HD_OK; l = l->next) {
        if (!is(l, "line")) continue;
        hd_buf_adds(out, "<p class=\"right\">");
        rc = html_inline(c, l, out);
        hd_buf_adds(out, "</p>\n");
      }
    } else if (is(n, "if")) {
      int yes = 0;
      rc = test_of(c, n, &yes);
      if (rc == HD_OK && yes) rc = html_blocks(c, n->children, out);
    } else if (is(n, "each")) {
      rc = each(c, n, html_blocks, out);
    }
  }
  return rc;
}

int doc_html(const hd_template *t, const hd_doc_opts *o, char **html, size_t *len, hd_err *err) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.t = t;
  c.o = o;
  c.err = err;
  c.fsize = 10.5;
  c.lh = 1.6;
  *html = NULL;
  *len = 0;
  int rc = bind_data(&c);
  if (rc) return rc;
  xmlNodePtr root = tmpl_root(t);
  hd_buf title, body, out;
  hd_buf_init(&title, 4096);
  hd_buf_init(&body, HD_BUF_DEFAULT_MAX);
  hd_buf_init(&out, HD_BUF_DEFAULT_MAX);
  char *ta = attr(root, "title");
  rc = bind(&c, root, ta ? ta : tmpl_name(t), &title);
  xmlFree(ta);
  if (!rc) rc = html_blocks(&c, root->children, &body);
  if (!rc) {
    char iso[11];
    hd_date_iso(o->date, iso);
    hd_buf_adds(&out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>");
    html_escape(&out, title.p ? title.p : "", title.len);
    hd_buf_printf(&out, "</title>\n<meta name=\"date\" content=\"%s\">\n<style>\n"
                  "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;"
                  "line-height:1.8;max-width:46em;margin:2em auto;padding:0 1em;color:#111}\n"
                  "h1{font-size:1.6em;text-align:center}h2{font-size:1.25em;margin-top:1.6em}"
                  "h3{font-size:1em}\nstrong.important{text-decoration:underline}\np{text-indent:2em;text-align:justify}"
                  "p.center{text-align:center;text-indent:0}p.right{text-align:right;text-indent:0}\n"
                  "table{border-collapse:collapse;width:100%%}th,td{border:1px solid #555;"
                  "padding:.3em .5em;text-align:left;vertical-align:top}\n"
                  "</style>\n</head>\n<body>\n<main>\n", iso);
    hd_buf_add(&out, body.p ? body.p : "", body.len);
    hd_buf_adds(&out, "</main>\n</body>\n</html>\n");
    if (!out.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    else {
      *len = out.len;
      *html = hd_buf_steal(&out);
    }
  }
  hd_buf_release(&title);
  hd_buf_release(&body);
  hd_buf_release(&out);
  expr_free(c.sb);
  return rc;
}
