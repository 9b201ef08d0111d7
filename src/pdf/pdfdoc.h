/* pdfdoc.h: PDF documents written with libharu, with hdreg's own CID fonts: every font a
 * document uses is cut with hb-subset and embedded as a Type0/CIDFontType2 font with
 * Identity-H encoding (CID = glyph id), an exact /W array and a ToUnicode CMap that
 * also covers characters outside the BMP. Text is queued and written at save time, once
 * the subsets are known. Coordinates are points, origin bottom-left. Depends on fonts.h,
 * libharu's object layer (hpdf_objects.h). */
#ifndef HD_PDFDOC_H
#define HD_PDFDOC_H
#include <stddef.h>
#include "pdf/fonts.h"
#include "util/date.h"
#include "util/diag.h"

#define HD_A4_W 595.276  /* 210 x 297 mm */
#define HD_A4_H 841.89
#define HD_A3_W 841.89   /* 297 x 420 mm */
#define HD_A3_H 1190.551

typedef struct hd_pdf hd_pdf;

/* New document using fonts from fs (not owned; must outlive the document). */
int pdf_new(hd_pdf **out, const hd_fontset *fs, hd_err *err);
void pdf_free(hd_pdf *doc);
/* Producer, title (UTF-8) and creation date (from the data, never the clock). */
int pdf_set_info(hd_pdf *doc, const char *title, hd_date date, hd_err *err);
/* A new page of w x h points (its MediaBox), made the current page. */
int pdf_add_page(hd_pdf *doc, double w, double h, hd_err *err);

/* Graphics on the current page. gray: 0 black .. 1 white. dash: 0 solid. */
void pdf_stroke_rect(hd_pdf *doc, double x, double y, double w, double h, double width);
void pdf_line(hd_pdf *doc, double x1, double y1, double x2, double y2, double width);
void pdf_circle(hd_pdf *doc, double cx, double cy, double r, double width, double dash);
void pdf_stroke_rgb(hd_pdf *doc, double r, double g, double b);
/* Draw the PNG image in data (len bytes) into the box x, y (bottom left), w, h. HD_EDATA
 * if libharu cannot read it. */
int pdf_image_png(hd_pdf *doc, const unsigned char *data, size_t len, double x, double y,
                  double w, double h, hd_err *err);

/* Queue text on the current page at baseline (x, y). The text must already have passed
 * fontset_check_text for the role; characters are drawn from the first font of the
 * role's chain that has them. bold draws fill+stroke. Returns HD_OK or an error. */
int pdf_text(hd_pdf *doc, int role, double x, double y, double size, int bold, double gray,
             const char *s, size_t len, hd_err *err);

/* The same with after[i] points of space after character i (NULL: none; negative moves
 * the next character left): clreq punctuation compression, Han/Latin spacing and
 * justification, written as one TJ array per run. */
int pdf_text_set(hd_pdf *doc, int role, double x, double y, double size, int bold,
                 double gray, const char *s, size_t len, const double *after, hd_err *err);
/* A QR code as one filled path of vector squares (runs of dark modules merged per row):
 * width x width modules, dark[i] & 1 set for dark, top-left corner at (x, top). */
void pdf_qr(hd_pdf *d, double x, double top, double module, int width, const unsigned char *dark);
/* Make page i (0-based) the page that drawing and text go to (pdf_add_page selects the
 * new page). */
void pdf_select_page(hd_pdf *doc, int i);

/* A heading (title UTF-8) whose top is at y on the current page, as an entry of the
 * document outline: level 1 under the root, level 2 under the last level-1 entry. */
int pdf_outline(hd_pdf *doc, int level, const char *title, double y, hd_err *err);

/* Subset and embed the fonts, write the queued text and produce the file bytes
 * (caller frees *data). The document cannot be changed afterwards. */
int pdf_save(hd_pdf *doc, unsigned char **data, size_t *len, hd_err *err);

#endif
