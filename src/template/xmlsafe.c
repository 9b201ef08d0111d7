/* xmlsafe.c: the safe XML loader (xmlsafe.h). */
#include "template/xmlsafe.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

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

static int depth_ok(xmlNodePtr n, int depth, int max, xmlNodePtr *deep) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (depth > max) {
      *deep = n;
      return 0;
    }
    if (!depth_ok(n->children, depth + 1, max, deep)) return 0;
  }
  return 1;
}

static xmlRelaxNGPtr compile(hd_xml_schema *s, hd_err *err) {
  if (s->compiled) return s->compiled;
  collect c = {s->name, "", 0};
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)s->text, (int)s->len);
  if (!pc) {
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  xmlRelaxNGSetParserStructuredErrors(pc, on_error, &c);
  s->compiled = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!s->compiled) hd_err_set(err, HD_EINTERNAL, "%s: %s", s->name, c.have ? c.msg : "invalid");
  return s->compiled;
}

int xml_load(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
             int max_depth, hd_xml_schema *schema, xmlDocPtr *out, hd_err *err) {
  *out = NULL;
  if (len > max_bytes)
    return hd_err_set(err, HD_EDATA, "%s: %s is %zu bytes, at most %zu", name, what, len, max_bytes);
  size_t bad;
  if (!hd_utf8_valid(text, len, &bad))
    return hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", name, bad);
  xmlRelaxNGPtr rng = compile(schema, err);
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
    rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : "cannot be parsed");
    goto done;
  }
  if (doc->intSubset || doc->extSubset) {
    xmlNodePtr dtd = (xmlNodePtr)(doc->intSubset ? doc->intSubset : doc->extSubset);
    rc = hd_err_set(err, HD_EDATA, "%s:%ld:1: a DOCTYPE (and with it entities) is not allowed in "
                    "%ss", name, xmlGetLineNo(dtd) > 0 ? xmlGetLineNo(dtd) : 1L, what);
    goto done;
  }
  xmlNodePtr deep = NULL;
  if (!depth_ok(xmlDocGetRootElement(doc), 1, max_depth, &deep)) {
    rc = hd_err_set(err, HD_EDATA, "%s:%ld:1: elements nested deeper than %d", name,
                    xmlGetLineNo(deep), max_depth);
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
    char why[600];
    if (schema->explain && schema->explain(doc, why, sizeof why))
      rc = hd_err_set(err, HD_EDATA, "%s:%s", name, why);
    else
      rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : "does not match the schema");
    goto done;
  }
  *out = doc;
  doc = NULL;
done:
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (doc) xmlFreeDoc(doc);
  return rc;
}
