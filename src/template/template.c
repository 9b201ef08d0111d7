/* template.c: load and validate templates (template.h). */
#include "template/template.h"
#include "template/template_dom.h"
#include "util/xmlsafe.h"

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

static hd_xml_schema SCHEMA = {"templates/schema.rng", NULL, 0, NULL, NULL};

int tmpl_load_memory(const char *name, const char *text, size_t len, hd_template **out,
                     hd_err *err) {
  *out = NULL;
  if (len > (size_t)HD_TMPL_MAX_BYTES)
    return hd_err_set(err, HD_EDATA, "%s: template is %zu bytes, at most %ld", name, len,
                      HD_TMPL_MAX_BYTES);
  SCHEMA.text = hd_embed_tmpl_schema;
  SCHEMA.len = hd_embed_tmpl_schema_len;
  xmlDocPtr doc = NULL;
  int rc = xml_load(name, "template", text, len, (size_t)HD_TMPL_MAX_BYTES, HD_TMPL_MAX_DEPTH,
                    &SCHEMA, &doc, err);
  if (rc) return rc;
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
