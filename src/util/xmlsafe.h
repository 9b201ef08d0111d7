/* xmlsafe.h: XML from outside read the one safe way — libxml2 with network access off, no
 * entity substitution, a DOCTYPE refused (so no entities at all), size and nesting
 * bounded, valid UTF-8, then validated against a RelaxNG schema compiled in. Errors read
 * "name:LINE:COL: what is wrong". Used for templates and institution files. */
#ifndef HD_XMLSAFE_H
#define HD_XMLSAFE_H
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <stddef.h>
#include "util/diag.h"

typedef struct hd_xml_schema {
  const char *name;            /* for messages: "templates/schema.rng" */
  const unsigned char *text;   /* the schema (embedded) */
  size_t len;
  xmlRelaxNGPtr compiled;      /* compiled on first use */
  /* Optional: when a document does not match, a clearer message than libxml2's for the
   * mistakes it reports badly (a list inside an interleave): writes "LINE: what" into
   * msg and returns 1, or 0 to keep libxml2's message. */
  int (*explain)(xmlDocPtr doc, char *msg, size_t cap);
} hd_xml_schema;

/* Parse text (len bytes, at most max_bytes, elements nested at most max_depth) named
 * name, and validate it against schema. *doc (free with xmlFreeDoc) or HD_EDATA. `what`
 * names the kind of file in messages ("template", "institution file"). */
int xml_load(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
             int max_depth, hd_xml_schema *schema, xmlDocPtr *doc, hd_err *err);

/* The same safe parse without a schema, for a file whose caller checks its structure
 * itself and reports every problem in Chinese: the messages here are Chinese too,
 * "name:LINE: XML 格式错误：…" (libxml2's code translated, never its English text). `what`
 * is Chinese ("机构文件"). A file that is not well-formed XML stops at its first such
 * error: past it libxml2 no longer knows the structure. */
int xml_read_zh(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
                int max_depth, xmlDocPtr *doc, hd_err *err);

#endif
