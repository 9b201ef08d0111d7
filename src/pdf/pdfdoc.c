/* pdfdoc.c: libharu document plus hand-built Type0 fonts (pdfdoc.h). */
#include "pdf/pdfdoc.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

typedef struct text_op {
  int page, font, bold;
  double x, y, size, gray;
  uint32_t *cps;
  double *after;  /* points after each character (NULL: none), written as TJ offsets */
  int n;
} text_op;

typedef struct outline_item {
  int page, level;  /* level 1 under the root, 2 under the last level 1 */
  double y;         /* the heading's top on its page */
  char *title;      /* UTF-8 */
} outline_item;

typedef struct font_use {
  uint32_t *cps;  /* sorted, unique after pdf_save's first step */
  int n, cap;
  uint16_t *gids;
} font_use;

struct hd_pdf {
  HPDF_Doc doc;
  const hd_fontset *fs;
  HPDF_Page *pages;
  int n_pages, cap_pages;
  int cur;          /* page that drawing goes to */
  text_op *ops;
  int n_ops, cap_ops;
  font_use use[HD_FONTS_MAX];
  outline_item *outline;
  int n_outline, cap_outline;
  unsigned long hpdf_error;  /* first libharu error, 0 if none */
  unsigned long hpdf_detail;
  int saved;
};

#define HD_PDF_MAX_PAGES 5000

static void on_hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *ud) {
  hd_pdf *d = ud;
  if (!d->hpdf_error) {
    d->hpdf_error = e;
    d->hpdf_detail = detail;
  }
}

static int hpdf_failed(hd_pdf *d, hd_err *err, const char *what) {
  if (!d->hpdf_error) return HD_OK;
  if (d->hpdf_error == HPDF_FAILD_TO_ALLOC_MEM)
    return hd_err_set(err, HD_ENOMEM, "out of memory while %s", what);
  return hd_err_set(err, HD_EINTERNAL, "libharu error 0x%04lX (detail %lu) while %s",
                    d->hpdf_error, d->hpdf_detail, what);
}

int pdf_new(hd_pdf **out, const hd_fontset *fs, hd_err *err) {
  hd_pdf *d = calloc(1, sizeof *d);
  *out = NULL;
  if (!d) return hd_err_set(err, HD_ENOMEM, "out of memory");
  d->fs = fs;
  d->doc = HPDF_New(on_hpdf_error, d);
  if (!d->doc) {
    free(d);
    return hd_err_set(err, HD_ENOMEM, "out of memory creating a PDF document");
  }
  HPDF_SetCompressionMode(d->doc, HPDF_COMP_ALL);
  *out = d;
  return HD_OK;
}

void pdf_free(hd_pdf *d) {
  if (!d) return;
  for (int i = 0; i < d->n_ops; i++) {
    free(d->ops[i].cps);
    free(d->ops[i].after);
  }
  free(d->ops);
  for (int i = 0; i < d->n_outline; i++) free(d->outline[i].title);
  free(d->outline);
  for (int i = 0; i < HD_FONTS_MAX; i++) {
    free(d->use[i].cps);
    free(d->use[i].gids);
  }
  if (d->doc) HPDF_Free(d->doc);
  free(d->pages);
  free(d);
}

/* UTF-16BE with BOM as a PDF text string (for Info entries). */
static HPDF_Binary text_string(hd_pdf *d, const char *s) {
  unsigned char buf[1024];
  size_t n = 0, i = 0, len = strlen(s);
  uint32_t cp;
  buf[n++] = 0xFE;
  buf[n++] = 0xFF;
  while (n + 4 <= sizeof buf && hd_utf8_next(s, len, &i, &cp) == 1) {
    if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000, hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
      buf[n++] = (unsigned char)(hi >> 8);
      buf[n++] = (unsigned char)hi;
      buf[n++] = (unsigned char)(lo >> 8);
      buf[n++] = (unsigned char)lo;
    } else {
      buf[n++] = (unsigned char)(cp >> 8);
      buf[n++] = (unsigned char)cp;
    }
  }
  return HPDF_Binary_New(d->doc->mmgr, buf, (HPDF_UINT)n);
}

int pdf_set_info(hd_pdf *d, const char *title, hd_date date, hd_err *err) {
  HPDF_Date dt;
  memset(&dt, 0, sizeof dt);
  dt.year = date.y;
  dt.month = date.m;
  dt.day = date.d;
  dt.ind = 'Z';
  HPDF_SetInfoAttr(d->doc, HPDF_INFO_PRODUCER, "hdreg " HDREG_VERSION);
  HPDF_SetInfoDateAttr(d->doc, HPDF_INFO_CREATION_DATE, dt);
  if (title && d->doc->info) HPDF_Dict_Add(d->doc->info, "Title", text_string(d, title));
  return hpdf_failed(d, err, "setting document information");
}

int pdf_outline(hd_pdf *d, int level, const char *title, double y, hd_err *err) {
  if (!d->n_pages) return hd_err_set(err, HD_EINTERNAL, "an outline entry before the first page");
  if (d->n_outline == d->cap_outline) {
    int cap = d->cap_outline ? 2 * d->cap_outline : 16;
    outline_item *n = realloc(d->outline, (size_t)cap * sizeof *n);
    if (!n) return hd_err_set(err, HD_ENOMEM, "out of memory");
    d->outline = n;
    d->cap_outline = cap;
  }
  char *t = strdup(title);
  if (!t) return hd_err_set(err, HD_ENOMEM, "out of memory");
  d->outline[d->n_outline++] = (outline_item){d->cur, level < 2 ? 1 : 2, y, t};
  return HD_OK;
}

/* The queued headings as the document outline (bookmarks), open, each going to its
 * heading's top; titles UTF-16BE text strings like the Info entries. libharu keeps the
 * tree (First, Last, Prev, Next, Parent, Count); the title it writes is replaced. */
static int write_outline(hd_pdf *d, hd_err *err) {
  if (!d->n_outline) return HD_OK;
  HPDF_Outline top = NULL;
  for (int i = 0; i < d->n_outline; i++) {
    const outline_item *it = &d->outline[i];
    HPDF_Outline o = HPDF_CreateOutline(d->doc, it->level == 2 ? top : NULL, "-", NULL);
    if (!o) break;
    if (it->level == 1) top = o;
    HPDF_Dict_Add(o, "Title", text_string(d, it->title));
    HPDF_Outline_SetOpened(o, HPDF_TRUE);
    /* [page /XYZ left top null]: libharu's SetXYZ refuses a null zoom (keep the reader's). */
    HPDF_Array dst = HPDF_Array_New(d->doc->mmgr);
    if (!dst) break;
    HPDF_Dict_Add(o, "Dest", dst);
    HPDF_Array_Add(dst, d->pages[it->page]);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddReal(dst, 0);
    HPDF_Array_AddReal(dst, (HPDF_REAL)it->y);
    HPDF_Array_Add(dst, HPDF_Null_New(d->doc->mmgr));
  }
  HPDF_SetPageMode(d->doc, HPDF_PAGE_MODE_USE_OUTLINE);
  return hpdf_failed(d, err, "writing the outline");
}

static HPDF_Page cur_page(hd_pdf *d) { return d->n_pages ? d->pages[d->cur] : NULL; }

void pdf_select_page(hd_pdf *d, int i) {
  if (i >= 0 && i < d->n_pages) d->cur = i;
}

void pdf_qr(hd_pdf *d, double x, double top, double module, int width,
            const unsigned char *dark) {
  /* Written straight into the page's content stream as one complete q ... Q group (so
   * libharu's graphics state is what it was): in module units, each square is a few
   * integers, without libharu's float formatting per number. */
  hd_buf b;
  hd_buf_init(&b, 1 << 20);
  hd_buf_adds(&b, "q\n");
  hd_buf_fixed(&b, module, 4);
  hd_buf_adds(&b, " 0 0 ");
  hd_buf_fixed(&b, module, 4);
  hd_buf_adds(&b, " ");
  hd_buf_fixed(&b, x, 3);
  hd_buf_adds(&b, " ");
  hd_buf_fixed(&b, top, 3);
  hd_buf_adds(&b, " cm\n");
  int any = 0;
  for (int row = 0; row < width; row++)
    for (int col = 0; col < width;) {
      if (!(dark[row * width + col] & 1)) {
        col++;
        continue;
      }
      int start = col;
      while (col < width && (dark[row * width + col] & 1)) col++;
      hd_buf_fixed(&b, start, 0);
      hd_buf_adds(&b, " ");
      hd_buf_fixed(&b, -row - 1, 0);
      hd_buf_adds(&b, " ");
      hd_buf_fixed(&b, col - start, 0);
      hd_buf_adds(&b, " 1 re\n");
      any = 1;
    }
  hd_buf_adds(&b, any ? "f\nQ\n" : "Q\n");
  HPDF_Page p = cur_page(d);
  if (b.p && HPDF_Stream_Write(((HPDF_PageAttr)p->attr)->stream, (const HPDF_BYTE *)b.p,
                               (HPDF_UINT)b.len) != HPDF_OK && !d->hpdf_error)
    d->hpdf_error = HPDF_FAILD_TO_ALLOC_MEM;
  hd_buf_release(&b);
}

/* libharu 2.3.0 reads PNG through libpng without an error handler of its own: a corrupt
 * file makes libpng abort the process. So every image is decoded here first, with
 * libpng's errors caught, and only a file that decodes whole goes on to libharu. */
typedef struct png_src {
  const unsigned char *p;
  size_t len, at;
  char why[200];
} png_src;

static void png_read_mem(png_structp png, png_bytep out, png_size_t n) {
  png_src *s = png_get_io_ptr(png);
  if (n > s->len - s->at) png_error(png, "file ends early");
  memcpy(out, s->p + s->at, n);
  s->at += n;
}

static void png_on_error(png_structp png, png_const_charp msg) {
  png_src *s = png_get_error_ptr(png);
  snprintf(s->why, sizeof s->why, "%s", msg);
  png_longjmp(png, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg) {
  (void)png;
  (void)msg; /* harmless oddities (an unusual chunk) are not the reader's business */
}

#define PNG_MAX_SIDE 4096

static int png_check(const unsigned char *data, size_t len, hd_err *err) {
  png_src src = {data, len, 0, ""};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_on_error, png_on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  png_bytep row = NULL;
  if (!png || !info) {
    png_destroy_read_struct(&png, &info, NULL);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  int rc = HD_OK;
  if (setjmp(png_jmpbuf(png))) {
    rc = hd_err_set(err, HD_EDATA, "not a PNG image that can be read (%s)", src.why);
  } else {
    png_set_read_fn(png, &src, png_read_mem);
    png_set_user_limits(png, PNG_MAX_SIDE, PNG_MAX_SIDE);
    png_read_info(png, info);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    row = malloc(png_get_rowbytes(png, info));
    if (!row) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    for (int p = 0; rc == HD_OK && p < passes; p++)
      for (png_uint_32 y = 0; y < png_get_image_height(png, info); y++) png_read_row(png, row, NULL);
    if (rc == HD_OK) png_read_end(png, NULL);
  }
  free(row);
  png_destroy_read_struct(&png, &info, NULL);
  return rc;
}

int pdf_image_png(hd_pdf *d, const unsigned char *data, size_t len, double x, double y,
                  double w, double h, hd_err *err) {
  if (png_check(data, len, err)) return err->code;
  unsigned long before = d->hpdf_error;
  HPDF_Image img = HPDF_LoadPngImageFromMem(d->doc, data, (HPDF_UINT)len);
  if (!img) {
    unsigned long e = d->hpdf_error;
    if (!before) d->hpdf_error = 0; /* a bad image is the data's fault, not a broken doc */
    if (e == HPDF_FAILD_TO_ALLOC_MEM) return hd_err_set(err, HD_ENOMEM, "out of memory");
    return hd_err_set(err, HD_EDATA, "not a PNG image libharu can read (error 0x%04lX)", e);
  }
  /* libharu 2.3.0 writes the alpha channel (SMask) of a PNG unfiltered even with
   * HPDF_COMP_ALL: 57 KB for a 240x240 seal. Deflate it like the image itself. */
  HPDF_Dict smask = HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT);
  if (smask) smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Page_DrawImage(cur_page(d), img, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
  return HD_OK;
}

int pdf_add_page(hd_pdf *d, double w, double h, hd_err *err) {
  if (d->n_pages == HD_PDF_MAX_PAGES)
    return hd_err_set(err, HD_EDATA, "document has more than %d pages", HD_PDF_MAX_PAGES);
  if (d->n_pages == d->cap_pages) {
    int cap = d->cap_pages ? d->cap_pages * 2 : 4;
    HPDF_Page *np = realloc(d->pages, (size_t)cap * sizeof *np);
    if (!np) return hd_err_set(err, HD_ENOMEM, "out of memory");
    d->pages = np;
    d->cap_pages = cap;
  }
  HPDF_Page p = HPDF_AddPage(d->doc);
  if (!p) return hpdf_failed(d, err, "adding a page") ? err->code : HD_EINTERNAL;
  HPDF_Page_SetWidth(p, (HPDF_REAL)w);
  HPDF_Page_SetHeight(p, (HPDF_REAL)h);
  d->pages[d->n_pages++] = p;
  d->cur = d->n_pages - 1;
  return hpdf_failed(d, err, "adding a page");
}

void pdf_stroke_rect(hd_pdf *d, double x, double y, double w, double h, double width) {
  HPDF_Page p = cur_page(d);
  HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
  HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
  HPDF_Page_Stroke(p);
}

void pdf_line(hd_pdf *d, double x1, double y1, double x2, double y2, double width) {
  HPDF_Page p = cur_page(d);
  HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
  HPDF_Page_MoveTo(p, (HPDF_REAL)x1, (HPDF_REAL)y1);
  HPDF_Page_LineTo(p, (HPDF_REAL)x2, (HPDF_REAL)y2);
  HPDF_Page_Stroke(p);
}

void pdf_circle(hd_pdf *d, double cx, double cy, double r, double width, double dash) {
  HPDF_Page p = cur_page(d);
  HPDF_UINT16 pat[1] = {(HPDF_UINT16)dash};
  HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
  if (dash > 0) HPDF_Page_SetDash(p, pat, 1, 0);
  HPDF_Page_Circle(p, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
  HPDF_Page_Stroke(p);
  if (dash > 0) HPDF_Page_SetDash(p, NULL, 0, 0);
}

void pdf_stroke_rgb(hd_pdf *d, double r, double g, double b) {
  HPDF_Page_SetRGBStroke(cur_page(d), (HPDF_REAL)r, (HPDF_REAL)g, (HPDF_REAL)b);
}

static int use_add(font_use *u, uint32_t cp) {
  if (u->n == u->cap) {
    int cap = u->cap ? u->cap * 2 : 256;
    uint32_t *n = realloc(u->cps, (size_t)cap * sizeof *n);
    if (!n) return HD_ENOMEM;
    u->cps = n;
    u->cap = cap;
  }
  u->cps[u->n++] = cp;
  return HD_OK;
}

static int push_op(hd_pdf *d, text_op *op) {
  if (d->n_ops == d->cap_ops) {
    int cap = d->cap_ops ? d->cap_ops * 2 : 64;
    text_op *n = realloc(d->ops, (size_t)cap * sizeof *n);
    if (!n) return HD_ENOMEM;
    d->ops = n;
    d->cap_ops = cap;
  }
  d->ops[d->n_ops++] = *op;
  return HD_OK;
}

int pdf_text(hd_pdf *d, int role, double x, double y, double size, int bold, double gray,
             const char *s, size_t len, hd_err *err) {
  return pdf_text_set(d, role, x, y, size, bold, gray, s, len, NULL, err);
}

int pdf_text_set(hd_pdf *d, int role, double x, double y, double size, int bold, double gray,
                 const char *s, size_t len, const double *after, hd_err *err) {
  if (!d->n_pages || d->saved) return hd_err_set(err, HD_EINTERNAL, "text outside a page");
  size_t i = 0;
  uint32_t cp;
  text_op op = {d->cur, -1, bold, x, y, size, gray, NULL, NULL, 0};
  int cap = 0, ci = 0; /* ci: character index in s */
  for (;;) {
    int r = hd_utf8_next(s, len, &i, &cp);
    if (r < 0) {
      free(op.cps);
      free(op.after);
      return hd_err_set(err, HD_EDATA, "invalid UTF-8 in text");
    }
    int f = r == 1 ? fontset_pick(d->fs, role, cp) : -1;
    if (r == 1 && f < 0) {
      free(op.cps);
      free(op.after);
      return hd_err_set(err, HD_EDATA, "character U+%04X cannot be printed by any configured font",
                        (unsigned)cp);
    }
    if (op.n && (r == 0 || f != op.font)) { /* close the run */
      int any = 0;
      for (int k = 0; op.after && k + 1 < op.n; k++) any |= op.after[k] != 0;
      double next = op.x;
      for (int k = 0; k < op.n; k++)
        next += fontset_advance(d->fs, op.font, op.cps[k]) * size / 1000.0 +
                (op.after ? op.after[k] : 0);
      if (!any) {
        free(op.after);
        op.after = NULL;
      }
      if (push_op(d, &op)) goto nomem;
      op.x = next;
      op.cps = NULL;
      op.after = NULL;
      op.n = cap = 0;
    }
    if (r == 0) break;
    op.font = f;
    if (op.n == cap) {
      cap = cap ? cap * 2 : 32;
      uint32_t *nc = realloc(op.cps, (size_t)cap * sizeof *nc);
      if (!nc) goto nomem;
      op.cps = nc;
      if (after) {
        double *na = realloc(op.after, (size_t)cap * sizeof *na);
        if (!na) goto nomem;
        op.after = na;
      }
    }
    if (after) op.after[op.n] = after[ci];
    op.cps[op.n++] = cp;
    ci++;
    if (use_add(&d->use[f], cp)) goto nomem;
  }
  return HD_OK;
nomem:
  free(op.cps);
  free(op.after);
  return hd_err_set(err, HD_ENOMEM, "out of memory");
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static int gid_of(const font_use *u, uint32_t cp) {
  int lo = 0, hi = u->n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (u->cps[mid] == cp) return u->gids[mid];
    if (u->cps[mid] < cp) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

static void ps_name(const hd_font *f, char *out, size_t size) {
  const char *fam = font_family(f);
  size_t n = 0;
  const char *style = strstr(fam, "style=");
  for (const char *p = fam; *p && *p != ':' && n + 1 < size; p++)
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
      out[n++] = *p;
  if (style && n + 2 < size) {
    out[n++] = '-';
    for (const char *p = style + 6; *p && *p != ':' && n + 1 < size; p++)
      if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) out[n++] = *p;
  }
  out[n] = '\0';
}

static int write_tounicode(HPDF_Stream s, const font_use *u) {
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                  "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  /* One entry per glyph; if two characters share a glyph the first one wins. */
  int done = 0;
  while (done < u->n) {
    int chunk = u->n - done > 100 ? 100 : u->n - done;
    hd_buf_printf(&b, "%d beginbfchar\n", chunk);
    for (int i = done; i < done + chunk; i++) {
      uint32_t cp = u->cps[i];
      hd_buf_adds(&b, "<");
      hd_buf_hex4(&b, u->gids[i]);
      hd_buf_adds(&b, "> <");
      if (cp >= 0x10000) {
        uint32_t v = cp - 0x10000;
        hd_buf_hex4(&b, 0xD800 + (v >> 10));
        hd_buf_hex4(&b, 0xDC00 + (v & 0x3FF));
      } else {
        hd_buf_hex4(&b, cp);
      }
      hd_buf_adds(&b, ">\n");
    }
    hd_buf_adds(&b, "endbfchar\n");
    done += chunk;
  }
  int rc = hd_buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  if (rc == HD_OK && HPDF_Stream_Write(s, (const HPDF_BYTE *)b.p, (HPDF_UINT)b.len) != HPDF_OK)
    rc = HD_EINTERNAL;
  hd_buf_release(&b);
  return rc;
}

static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream) {
  (void)dict;
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Build Type0 -> CIDFontType2 -> FontDescriptor -> FontFile2 for a TrueType font fi, or
 * Type0 -> CIDFontType0 -> FontDescriptor -> FontFile3 for an OpenType/CFF one. u->gids
 * are the codes (CIDs) the content stream uses; /W and ToUnicode are keyed by them. */
static HPDF_Dict embed_font(hd_pdf *d, int fi, hd_err *err) {
  hd_font *f = d->fs->fonts[fi];
  font_use *u = &d->use[fi];
  HPDF_MMgr mm = d->doc->mmgr;
  HPDF_Xref xref = d->doc->xref;
  const hd_subset *sub = NULL;
  u->gids = malloc((size_t)u->n * sizeof *u->gids);
  if (!u->gids) {
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  if (font_subset_cached(f, u->cps, u->n, &sub, err)) return NULL;
  memcpy(u->gids, sub->gids, (size_t)u->n * sizeof *u->gids);

  char ps[96], base[128];
  ps_name(f, ps, sizeof ps);
  hd_snprintf(base, sizeof base, "%s+%s", sub->tag, ps);
  int asc, desc, cap, bb[4];
  font_metrics(f, &asc, &desc, &cap, bb);

  int cff = font_is_cff(f);
  HPDF_Dict file = HPDF_DictStream_New(mm, xref);
  if (!file) goto fail;
  /* Already deflated (and cached) by font_subset_cached: written as is, with the /Filter
   * entry added by a write hook (libharu drops a /Filter key from streams it does not
   * filter itself). A CFF program is the bare CFF table, /Subtype /CIDFontType0C (PDF
   * 1.3; poppler, pdf.js, MuPDF and Acrobat read it), not the whole OpenType file
   * (/OpenType needs PDF 1.6 and carries tables no reader uses). */
  file->write_fn = write_flate_filter;
  if (cff) HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
  else HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)sub->raw_len);
  HPDF_Stream_Write(file->stream, sub->zdata, (HPDF_UINT)sub->zlen);

  HPDF_Dict fd = HPDF_Dict_New(mm);
  if (!fd || HPDF_Xref_Add(xref, fd) != HPDF_OK) goto fail;
  HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
  HPDF_Dict_AddName(fd, "FontName", base);
  HPDF_Dict_AddNumber(fd, "Flags", 4);
  HPDF_Array bbox = HPDF_Array_New(mm);
  HPDF_Dict_Add(fd, "FontBBox", bbox);
  for (int i = 0; i < 4; i++) HPDF_Array_AddNumber(bbox, bb[i]);
  HPDF_Dict_AddNumber(fd, "ItalicAngle", 0);
  HPDF_Dict_AddNumber(fd, "Ascent", asc);
  HPDF_Dict_AddNumber(fd, "Descent", desc);
  HPDF_Dict_AddNumber(fd, "CapHeight", cap);
  HPDF_Dict_AddNumber(fd, "StemV", 80);
  HPDF_Dict_Add(fd, cff ? "FontFile3" : "FontFile2", file);

  HPDF_Dict cid = HPDF_Dict_New(mm);
  if (!cid || HPDF_Xref_Add(xref, cid) != HPDF_OK) goto fail;
  HPDF_Dict_AddName(cid, "Type", "Font");
  HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
  HPDF_Dict_AddName(cid, "BaseFont", base);
  HPDF_Dict si = HPDF_Dict_New(mm);
  HPDF_Dict_Add(cid, "CIDSystemInfo", si);
  HPDF_Dict_Add(si, "Registry", HPDF_String_New(mm, "Adobe", NULL));
  HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mm, "Identity", NULL));
  HPDF_Dict_AddNumber(si, "Supplement", 0);
  HPDF_Dict_Add(cid, "FontDescriptor", fd);
  HPDF_Dict_AddNumber(cid, "DW", 1000);
  /* CIDFontType2: CID = glyph id of the subset. CIDFontType0: the CFF's charset maps
   * CIDs to glyphs itself (a CIDToGIDMap is not allowed there). */
  if (!cff) HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
  /* /W [gid [w] ...] in glyph order. */
  HPDF_Array w = HPDF_Array_New(mm);
  HPDF_Dict_Add(cid, "W", w);
  int *order = malloc((size_t)u->n * sizeof *order);
  if (!order) goto fail;
  for (int i = 0; i < u->n; i++) order[i] = i;
  for (int i = 1; i < u->n; i++) { /* insertion sort by gid; n is small */
    int k = order[i], j = i - 1;
    while (j >= 0 && u->gids[order[j]] > u->gids[k]) { order[j + 1] = order[j]; j--; }
    order[j + 1] = k;
  }
  for (int i = 0; i < u->n;) {
    int start = i;
    HPDF_Array_AddNumber(w, u->gids[order[i]]);
    HPDF_Array ws = HPDF_Array_New(mm);
    HPDF_Array_Add(w, ws);
    do {
      HPDF_Array_AddNumber(ws, fontset_advance(d->fs, fi, u->cps[order[i]]));
      i++;
    } while (i < u->n && u->gids[order[i]] == u->gids[order[i - 1]] + 1);
    (void)start;
    while (i < u->n && u->gids[order[i]] == u->gids[order[i - 1]]) i++; /* shared glyph */
  }
  free(order);

  HPDF_Dict tu = HPDF_DictStream_New(mm, xref);
  if (!tu) goto fail;
  tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  if (write_tounicode(tu->stream, u)) goto fail;

  HPDF_Dict t0 = HPDF_Dict_New(mm);
  if (!t0 || HPDF_Xref_Add(xref, t0) != HPDF_OK) goto fail;
  HPDF_Dict_AddName(t0, "Type", "Font");
  HPDF_Dict_AddName(t0, "Subtype", "Type0");
  HPDF_Dict_AddName(t0, "BaseFont", base);
  HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
  HPDF_Array desc_arr = HPDF_Array_New(mm);
  HPDF_Dict_Add(t0, "DescendantFonts", desc_arr);
  HPDF_Array_Add(desc_arr, cid);
  HPDF_Dict_Add(t0, "ToUnicode", tu);
  if (d->hpdf_error) goto fail;
  return t0;
fail:
  if (err->code == HD_OK) {
    if (!hpdf_failed(d, err, "embedding a font"))
      hd_err_set(err, HD_ENOMEM, "out of memory embedding font '%s'", font_family(f));
  }
  return NULL;
}

static int write_text(hd_pdf *d, hd_err *err) {
  /* Bucket the queued runs by page (in queue order) so that each page is one pass. */
  int *start = calloc((size_t)d->n_pages + 1, sizeof *start);
  int *order = malloc((size_t)(d->n_ops ? d->n_ops : 1) * sizeof *order);
  if (!start || !order) {
    free(start);
    free(order);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  for (int i = 0; i < d->n_ops; i++) start[d->ops[i].page + 1]++;
  for (int p = 0; p < d->n_pages; p++) start[p + 1] += start[p];
  int *fill = calloc((size_t)d->n_pages + 1, sizeof *fill);
  if (!fill) {
    free(start);
    free(order);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  for (int i = 0; i < d->n_ops; i++) {
    int p = d->ops[i].page;
    order[start[p] + fill[p]++] = i;
  }
  free(fill);
  int rc = HD_OK;
  for (int p = 0; p < d->n_pages && rc == HD_OK; p++) {
    HPDF_Stream s = ((HPDF_PageAttr)d->pages[p]->attr)->stream;
    hd_buf b;
    hd_buf_init(&b, 0);
    int last_bold = 0;
    for (int j = start[p]; j < start[p + 1]; j++) {
      const text_op *op = &d->ops[order[j]];
      /* Numbers by hd_buf_fixed (as %.2f/%.3f): printf was a tenth of a certificate. */
      hd_buf_printf(&b, "BT\n/F%d ", op->font);
      hd_buf_fixed(&b, op->size, 2);
      hd_buf_adds(&b, " Tf\n");
      hd_buf_fixed(&b, op->gray, 3);
      hd_buf_adds(&b, " g\n");
      /* The render mode is text state too: set it for every run, bold or not. */
      if (op->bold) {
        hd_buf_adds(&b, "2 Tr ");
        hd_buf_fixed(&b, op->size * 0.03, 3);
        hd_buf_adds(&b, " w ");
        hd_buf_fixed(&b, op->gray, 3);
        hd_buf_adds(&b, " G\n");
      } else if (last_bold) {
        hd_buf_adds(&b, "0 Tr\n");
      }
      last_bold = op->bold;
      hd_buf_fixed(&b, op->x, 3);
      hd_buf_adds(&b, " ");
      hd_buf_fixed(&b, op->y, 3);
      hd_buf_adds(&b, op->after ? " Td\n[<" : " Td\n<");
      for (int k = 0; k < op->n; k++) {
        hd_buf_hex4(&b, gid_of(&d->use[op->font], op->cps[k]));
        /* TJ: a number moves the next glyph left by number/1000 of the font size. */
        if (op->after && k + 1 < op->n && op->after[k] != 0) {
          hd_buf_adds(&b, "> ");
          hd_buf_fixed(&b, -op->after[k] * 1000.0 / op->size, 1);
          hd_buf_adds(&b, " <");
        }
      }
      if (hd_buf_adds(&b, op->after ? ">] TJ\nET\n" : "> Tj\nET\n") != HD_OK) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
    }
    if (rc == HD_OK && b.len &&
        HPDF_Stream_Write(s, (const HPDF_BYTE *)b.p, (HPDF_UINT)b.len) != HPDF_OK)
      rc = hpdf_failed(d, err, "writing text") ? err->code : HD_EINTERNAL;
    hd_buf_release(&b);
  }
  free(start);
  free(order);
  return rc;
}

int pdf_save(hd_pdf *d, unsigned char **data, size_t *len, hd_err *err) {
  *data = NULL;
  *len = 0;
  if (d->saved) return hd_err_set(err, HD_EINTERNAL, "document saved twice");
  d->saved = 1;
  HPDF_Dict fonts[HD_FONTS_MAX] = {0};
  for (int f = 0; f < d->fs->n; f++) {
    font_use *u = &d->use[f];
    if (!u->n) continue;
    qsort(u->cps, (size_t)u->n, sizeof *u->cps, cmp_u32);
    int k = 0;
    for (int i = 0; i < u->n; i++)
      if (i == 0 || u->cps[i] != u->cps[k - 1]) u->cps[k++] = u->cps[i];
    u->n = k;
    if (!(fonts[f] = embed_font(d, f, err))) return err->code;
  }
  for (int p = 0; p < d->n_pages; p++) {
    HPDF_Dict res = HPDF_Dict_GetItem(d->pages[p], "Resources", HPDF_OCLASS_DICT);
    HPDF_Dict fdict = HPDF_Dict_New(d->doc->mmgr);
    if (!res || !fdict) return hpdf_failed(d, err, "adding fonts") ? err->code : HD_EINTERNAL;
    HPDF_Dict_Add(res, "Font", fdict);
    for (int f = 0; f < d->fs->n; f++) {
      char name[16];
      if (!fonts[f]) continue;
      hd_snprintf(name, sizeof name, "F%d", f);
      HPDF_Dict_Add(fdict, name, fonts[f]);
    }
  }
  if (write_text(d, err) || write_outline(d, err)) return err->code;
  if (HPDF_SaveToStream(d->doc) != HPDF_OK || d->hpdf_error)
    return hpdf_failed(d, err, "saving") ? err->code : HD_EINTERNAL;
  HPDF_UINT32 size = HPDF_GetStreamSize(d->doc);
  unsigned char *buf = malloc(size ? size : 1);
  if (!buf) return hd_err_set(err, HD_ENOMEM, "out of memory");
  HPDF_UINT32 got = 0;
  while (got < size) {
    HPDF_UINT32 n = size - got;
    HPDF_STATUS st = HPDF_ReadFromStream(d->doc, buf + got, &n);
    got += n; /* the last read returns HPDF_STREAM_EOF together with valid bytes */
    if (st == HPDF_STREAM_EOF || n == 0) break;
    if (st != HPDF_OK) {
      free(buf);
      return hd_err_set(err, HD_EINTERNAL, "libharu error 0x%04lX reading the document",
                        (unsigned long)st);
    }
  }
  if (got != size) {
    free(buf);
    return hd_err_set(err, HD_EINTERNAL, "document truncated (%u of %u bytes)", got, size);
  }
  *data = buf;
  *len = size;
  return HD_OK;
}
