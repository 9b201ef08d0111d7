/* document.h: lays out a loaded template (template/) with its data into a PDF (pdf/):
 * pages with margins, a frame on every page, header and footer with 第 X 页 共 Y 页,
 * titles, paragraphs (first-line indent, left/centre/right/justified), tables with
 * wrapped cells and borders that run over pages, spacers, page breaks, a signature
 * block with a seal space, and QR codes as vector squares.
 * Data binding in this version: {name} is replaced by the value of `name` in a flat
 * key/value list (the Lua expressions, each and if of the schema come next). */
#ifndef HD_DOCUMENT_H
#define HD_DOCUMENT_H
#include <stddef.h>
#include "pdf/fonts.h"
#include "template/template.h"
#include "util/date.h"

/* A data value "seal_image" (the setting of that name) is the path of a PNG file with
 * the authority's seal: drawn over the signature's name and date, it wins over the
 * template's <signature><image>. Absent or empty: no seal, a plain signature. */
typedef struct hd_kv {
  const char *key;
  const char *value;
} hd_kv;

struct hd_expr;
typedef struct hd_doc_opts {
  const hd_kv *data;
  int n_data;
  /* Optional: sets richer data (lists, the case) in the template sandbox before layout. */
  int (*prepare)(struct hd_expr *x, void *ud);
  void *prepare_ud;
  hd_date date;      /* the document's date (PDF metadata), from the data, never the clock */
  int max_pages;     /* 0 = unlimited; more pages needed is an error */
} hd_doc_opts;

/* Render t. With pdf NULL, only lay out (to validate that the data fits and every
 * character has a font). On a data problem *bad_key names the bound value at fault
 * (or is NULL) and err says what is wrong with the template's file:line. */
int doc_render(const hd_template *t, const hd_fontset *fs, const hd_doc_opts *o,
               unsigned char **pdf, size_t *len, const char **bad_key, hd_err *err);

/* The same document as an accessible HTML page (UTF-8, lang zh-CN, h1/h2/h3 headings,
 * tables with header cells), for publishing on a website: the same text and data as
 * doc_render, without the printed page's furniture (page numbers, frames, images, QR).
 * *html (caller frees), *len. */
int doc_html(const hd_template *t, const hd_doc_opts *o, char **html, size_t *len, hd_err *err);

#endif
