/* template.c: load and validate templates (template.h). */
#include "template/template.h"
#include "template/template_dom.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/embed.h"
#include "util/fsutil.h"
#include "util/utf8.h"

struct hd_template {
  xmlDocPtr doc;
  char *name;
  char *file;
};

typedef struct collect {
  const char *file;
  char msg[HD_ERR_MAX];
  int have;
} collect;

/* First error only, as "file:line:col: message" with libxml2's trailing newline cut. */
static void on_error(void *ud, xmlErrorPtr e) {
  collect *c = ud;
  if (c->have || !e || e->level < XML_ERR_ERROR) return;
  char text[700];
  snprintf(text, sizeof text, "%s", e->message ? e->message : "error");
  size_t n = strlen(text);
  while (n && (text[n - 1] == '\n' || text[n - 1] == ' ')) text[--n] = '\0';
  int col = e->int2 > 0 ? e->int2 : 1;
  if (e->line > 0) snprintf(c->msg, sizeof c->msg, "%s:%d:%d: %s", c->file, e->line, col, text);
  else snprintf(c->msg, sizeof c->msg, "%s: %s", c->file, text);
  c->have = 1;
}

static int depth_ok(xmlNodePtr n, int depth, xmlNodePtr *deep) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (depth > HD_TMPL_MAX_DEPTH) {
      *deep = n;
      return 0;
    }
    if (!depth_ok(n->children, depth + 1, deep)) return 0;
  }
  return 1;
}

static xmlRelaxNGPtr schema(hd_err *err) {
  static xmlRelaxNGPtr compiled;
  if (compiled) return compiled;
  collect c = {"templates/schema.rng", "", 0};
  xmlRelaxNGParserCtxtPtr pc =
      xmlRelaxNGNewMemParserCtxt((const char *)hd_embed_tmpl_schema, (int)hd_embed_tmpl_schema_len);
  if (!pc) {
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  xmlRelaxNGSetParserStructuredErrors(pc, on_error, &c);
  compiled = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!compiled) hd_err_set(err, HD_EINTERNAL, "template schema: %s", c.have ? c.msg : "invalid");
  return compiled;
}

int tmpl_load_memory(const char *name, const char *text, size_t len, hd_template **out,
                     hd_err *err) {
  *out = NULL;
  if (len > (size_t)HD_TMPL_MAX_BYTES)
    return hd_err_set(err, HD_EDATA, "%s: template is %zu bytes, at most %ld", name, len,
                      HD_TMPL_MAX_BYTES);
  size_t bad;
  if (!hd_utf8_valid(text, len, &bad))
    return hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", name, bad);
  xmlRelaxNGPtr rng = schema(err);
  if (!rng) return err->code;
  collect c = {name, "", 0};
  xmlParserCtxtPtr pc = xmlNewParserCtxt();
  if (!pc) return hd_err_set(err, HD_ENOMEM, "out of memory");
  xmlSetStructuredErrorFunc(&c, on_error);
  /* No network, no entity substitution, no DTD loading; CDATA merged; blanks dropped. */
  xmlDocPtr doc = xmlCtxtReadMemory(pc, text, (int)len, name, "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS |
                                        XML_PARSE_NOWARNING);
  xmlFreeParserCtxt(pc);
  int rc = HD_OK;
  if (!doc) {
    rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : "template cannot be parsed");
    goto done;
  }
  if (doc->intSubset || doc->extSubset) {
    xmlNodePtr dtd = (xmlNodePtr)(doc->intSubset ? doc->intSubset : doc->extSubset);
    rc = hd_err_set(err, HD_EDATA, "%s:%ld:1: a DOCTYPE (and with it entities) is not allowed in "
                    "templates", name, xmlGetLineNo(dtd) > 0 ? xmlGetLineNo(dtd) : 1L);
    goto done;
  }
  xmlNodePtr deep = NULL;
  if (!depth_ok(xmlDocGetRootElement(doc), 1, &deep)) {
    rc = hd_err_set(err, HD_EDATA, "%s:%ld:1: elements nested deeper than %d", name,
                    xmlGetLineNo(deep), HD_TMPL_MAX_DEPTH);
    goto done;
  }
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
  if (!vc) {
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto done;
  }
  xmlRelaxNGSetValidStructuredErrors(vc, on_error, &c);
  int v = xmlRelaxNGValidateDoc(vc, doc);
  xmlRelaxNGFreeValidCtxt(vc);
  if (v != 0) {
    rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : "template does not match the schema");
    goto done;
  }
  hd_template *t = calloc(1, sizeof *t);
  xmlChar *nm = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "name");
  if (!t || !nm) {
    free(t);
    xmlFree(nm);
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto done;
  }
  t->doc = doc;
  t->name = hd_strdup((const char *)nm);
  t->file = hd_strdup(name);
  xmlFree(nm);
  doc = NULL;
  *out = t;
done:
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (doc) xmlFreeDoc(doc);
  return rc;
}

int tmpl_load(const char *path, hd_template **out, hd_err *err) {
  char *text = NULL;
  size_t len = 0;
  *out = NULL;
  if (hd_read_file(path, (size_t)HD_TMPL_MAX_BYTES + 1, &text, &len, err)) {
    /* A template that cannot be read is a configuration problem (exit 3), not output. */
    char msg[HD_ERR_MAX];
    snprintf(msg, sizeof msg, "%s", err->msg);
    int too_big = err->code == HD_EDATA;
    hd_err_clear(err);
    if (too_big)
      return hd_err_set(err, HD_EDATA, "%s: template is larger than %ld bytes", path,
                        HD_TMPL_MAX_BYTES);
    return hd_err_set(err, HD_EDATA, "%s", msg);
  }
  int rc = tmpl_load_memory(path, text, len, out, err);
  free(text);
  return rc;
}

void tmpl_free(hd_template *t) {
  if (!t) return;
  xmlFreeDoc(t->doc);
  free(t->name);
  free(t->file);
  free(t);
}

xmlNodePtr tmpl_root(const hd_template *t) { return xmlDocGetRootElement(t->doc); }
const char *tmpl_file(const hd_template *t) { return t->file; }

const char *tmpl_name(const hd_template *t) { return t->name; }
