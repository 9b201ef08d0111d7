/* import_xml.c: the XML reader of hdreg import (import_int.h). libxml2's streaming
 * reader over the decoded text — network off, no entity substitution, a DOCTYPE refused,
 * line numbers past 65535 kept — with one <subject> or <case> expanded at a time, so memory
 * stays that of one record whatever the file's size. Structure is checked here (unknown
 * elements and attributes, text outside fields, nesting) with file:line messages. */
#include <libxml/xmlreader.h>
#include <string.h>

#include "exchange/import_int.h"

typedef struct xmlctx {
  ximporter *im;
  hd_decoder *d;
  hd_err *err;
  int fatal;        /* a well-formedness error: libxml2 stops there */
  int read_failed;
  long line;          /* lines read so far */
  long doctype_line;  /* where "<!DOCTYPE" was seen */
} xmlctx;

static int io_read(void *ud, char *buf, int len) {
  xmlctx *c = ud;
  long n = dec_read(c->d, buf, (size_t)len, c->err);
  if (n < 0) {
    c->read_failed = 1;
    return -1;
  }
  /* Where a DOCTYPE starts (the reader reads ahead, so its own line is later), and the
   * lines read so far. */
  if (!c->doctype_line)
    for (const char *p = buf; (p = memchr(p, '<', (size_t)(buf + n - p))) != NULL; p++)
      if (buf + n - p >= 9 && !memcmp(p, "<!DOCTYPE", 9)) {
        long l = c->line;
        for (const char *q = buf; (q = memchr(q, '\n', (size_t)(p - q))) != NULL; q++) l++;
        c->doctype_line = l;
        break;
      }
  for (const char *q = buf; (q = memchr(q, '\n', (size_t)(buf + n - q))) != NULL; q++) c->line++;
  return (int)n;
}

static int io_close(void *ud) {
  (void)ud;
  return 0;
}

static void on_error(void *ud, xmlErrorPtr e) {
  xmlctx *c = ud;
  if (!e || e->level < XML_ERR_ERROR || c->fatal) return;
  char text[400];
  snprintf(text, sizeof text, "%s", e->message ? e->message : "error");
  size_t n = strlen(text);
  while (n && (text[n - 1] == '\n' || text[n - 1] == ' ')) text[--n] = '\0';
  xim_problem(c->im, e->line > 0 ? e->line : 1, e->int2 > 0 ? e->int2 : 0, "xml", "%s", text);
  if (e->level == XML_ERR_FATAL) c->fatal = 1;
}

static long lineof(xmlNodePtr n) {
  long l = xmlGetLineNo(n);
  return l > 0 ? l : 1;
}

static int only_blank(const xmlChar *s) {
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return 0;
  return 1;
}

/* The text of a field element, which must hold nothing but text. */
static int field_text(xmlctx *c, xmlNodePtr el, xmlChar **out) {
  for (xmlNodePtr k = el->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE) {
      xim_problem(c->im, lineof(k), 0, (const char *)el->name, "holds an element <%s>; a field "
                  "holds only text", (const char *)k->name);
      return 0;
    }
  *out = xmlNodeGetContent(el);
  return 1;
}

static void set_field(xmlctx *c, xrec *r, xmlNodePtr el, int f) {
  xmlChar *t = NULL;
  if (!field_text(c, el, &t)) return;
  const char *s = t ? (const char *)t : "";
  xrec_set(c->im, r, f, s, strlen(s), lineof(el), 0);
  xmlFree(t);
}

static const char *allowed(int type, char *buf, size_t cap) {
  size_t o = 0;
  buf[0] = '\0';
  const xrecord_spec *sp = &XSPEC[type];
  for (int f = 0; f < sp->nfields; f++) {
    const xfield *fs = &sp->fields[f];
    if (fs->flags & (XF_KEY | XF_PARENT | XF_RESOURCE)) continue;
    o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, "%s%s", o ? ", " : "", fs->name);
  }
  if (type == XR_CASE) o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, ", resource");
  for (int t = 0; t < XR_COUNT; t++)
    if (XSPEC[t].parent && !strcmp(XSPEC[t].parent, sp->name))
      o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, ", %s", XSPEC[t].name);
  return buf;
}

static void record(xmlctx *c, xrec *r, xmlNodePtr el, int type, long long parent_id) {
  const xrecord_spec *sp = &XSPEC[type];
  xrec_begin(c->im, r, type, lineof(el));
  r->parent_id = parent_id;
  char buf[1200];
  for (xmlAttrPtr a = el->properties; a; a = a->next) {
    int f = xspec_field(type, (const char *)a->name);
    if (f < 0 || !(sp->fields[f].flags & XF_KEY)) {
      xim_problem(c->im, lineof(el), 0, (const char *)a->name, "<%s> has no attribute '%s'",
                  sp->name, (const char *)a->name);
      continue;
    }
    xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
    const char *s = v ? (const char *)v : "";
    xrec_set(c->im, r, f, s, strlen(s), lineof(el), 0);
    xmlFree(v);
  }
  int have_resource = 0;
  for (xmlNodePtr k = el->children; k; k = k->next) {
    if (k->type == XML_TEXT_NODE && !only_blank(k->content)) {
      xim_problem(c->im, lineof(k), 0, sp->name, "text outside a field");
      continue;
    }
    if (k->type != XML_ELEMENT_NODE) continue;
    const char *name = (const char *)k->name;
    if (type == XR_CASE && !strcmp(name, "resource")) {
      if (have_resource++) xim_problem(c->im, lineof(k), 0, "resource", "given twice");
      else r->res_line = lineof(k);
      for (xmlAttrPtr a = k->properties; a; a = a->next)
        xim_problem(c->im, lineof(k), 0, (const char *)a->name, "<resource> has no attributes");
      for (xmlNodePtr g = k->children; g; g = g->next) {
        if (g->type == XML_TEXT_NODE && !only_blank(g->content))
          xim_problem(c->im, lineof(g), 0, "resource", "text outside a field");
        if (g->type != XML_ELEMENT_NODE) continue;
        int f = xspec_field(type, (const char *)g->name);
        if (f < 0 || !(sp->fields[f].flags & XF_RESOURCE))
          xim_problem(c->im, lineof(g), 0, (const char *)g->name, "<resource> has no element "
                      "<%s>", (const char *)g->name);
        else set_field(c, r, g, f);
      }
      continue;
    }
    int f = xspec_field(type, name);
    if (f >= 0 && !(sp->fields[f].flags & (XF_KEY | XF_PARENT | XF_RESOURCE))) {
      set_field(c, r, k, f);
      continue;
    }
    int t = xspec_find(name);
    if (t >= 0 && XSPEC[t].parent && !strcmp(XSPEC[t].parent, sp->name)) continue; /* below */
    if (f >= 0 && (sp->fields[f].flags & XF_RESOURCE))
      xim_problem(c->im, lineof(k), 0, name, "belongs inside <resource>");
    else
      xim_problem(c->im, lineof(k), 0, name, "<%s> has no element <%s> (it has: %s)", sp->name,
                  name, allowed(type, buf, sizeof buf));
  }
  if (type == XR_CASE && !have_resource)
    xim_problem(c->im, lineof(el), 0, "resource", "missing: every case needs its data resource");
  long long id = xrec_submit(c->im, r); /* under a failed parent: checked, not written */
  /* Child records, with this record's row as their parent (-1: it failed). */
  for (xmlNodePtr k = el->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    int t = xspec_find((const char *)k->name);
    if (t < 0 || !XSPEC[t].parent || strcmp(XSPEC[t].parent, sp->name)) continue;
    record(c, r, k, t, id ? id : -1);
  }
}

int xim_read_xml(ximporter *im, hd_decoder *d, hd_err *err) {
  xmlctx c = {im, d, err, 0, 0, 1, 0};
  xmlTextReaderPtr rd = xmlReaderForIO(io_read, io_close, &c, xim_file(im), "UTF-8",
                                       XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                           XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING);
  if (!rd) return hd_err_set(err, HD_ENOMEM, "out of memory");
  xmlTextReaderSetStructuredErrorHandler(rd, on_error, &c);
  xrec r;
  memset(&r, 0, sizeof r);
  int root_seen = 0;
  int ret = xmlTextReaderRead(rd);
  while (ret == 1 && !xim_failed(im)) {
    int type = xmlTextReaderNodeType(rd), depth = xmlTextReaderDepth(rd);
    long line = xmlTextReaderGetParserLineNumber(rd);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      if (c.doctype_line) line = c.doctype_line;
      root_seen = 1; /* said enough */
      xim_problem(im, line, 0, "xml", "a DOCTYPE (and with it entities) is not allowed in case "
                  "files");
      break;
    }
    const char *name = (const char *)xmlTextReaderConstLocalName(rd);
    if (type == XML_READER_TYPE_ELEMENT && depth == 0) {
      root_seen = 1;
      if (strcmp(name, "hdreg-cases")) {
        xim_problem(im, line, 0, "xml", "the root element is <%s>, not <hdreg-cases>", name);
        break;
      }
      xmlChar *v = xmlTextReaderGetAttribute(rd, BAD_CAST "version");
      if (!v || strcmp((const char *)v, "1"))
        xim_problem(im, line, 0, "version", "<hdreg-cases> needs version=\"1\" (this hdreg reads "
                    "version 1)");
      xmlFree(v);
    } else if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
      int t = xspec_find(name);
      if (t != XR_SUBJECT && t != XR_CASE) {
        xim_problem(im, line, 0, "xml", "<hdreg-cases> holds <subject> and <case>, not <%s>", name);
      } else {
        xmlNodePtr node = xmlTextReaderExpand(rd);
        if (!node) break; /* a well-formedness error inside: reported */
        record(&c, &r, node, t, 0);
      }
      ret = xmlTextReaderNext(rd); /* past the record; the reader frees it */
      continue;
    } else if (type == XML_READER_TYPE_TEXT && depth == 1) {
      xim_problem(im, line, 0, "xml", "text between records");
    }
    ret = xmlTextReaderRead(rd);
  }
  if (!root_seen && !c.fatal && !c.read_failed)
    xim_problem(im, 1, 0, "xml", "no <hdreg-cases> element: the file is empty or not XML");
  xrec_release(&r);
  xmlFreeTextReader(rd);
  if (c.read_failed) return err->code ? err->code : hd_err_set(err, HD_EIO, "read error");
  return HD_OK;
}
