/* template.h: document templates (the XML files in templates/) — loaded with libxml2 with network
 * access, DTDs and entities refused, size and nesting bounded, and validated against
 * the RelaxNG schema templates/schema.rng (compiled in). Errors read
 * "file:LINE:COL: what is wrong". Depends on libxml2. The layout of a loaded template
 * is done by layout/document.h. */
#ifndef HD_TEMPLATE_H
#define HD_TEMPLATE_H
#include <stddef.h>
#include "util/diag.h"

#define HD_TMPL_MAX_BYTES (1L << 20)
#define HD_TMPL_MAX_DEPTH 32

typedef struct hd_template hd_template;

/* Load and validate the template at path. Returns HD_OK and *out (free with tmpl_free),
 * or HD_EDATA with "path:line:col: message" (HD_EIO if it cannot be read). */
int tmpl_load(const char *path, hd_template **out, hd_err *err);
/* The same from memory; name is used in messages. */
int tmpl_load_memory(const char *name, const char *text, size_t len, hd_template **out,
                     hd_err *err);
void tmpl_free(hd_template *t);
/* The document's name attribute (e.g. "certificate"). */
const char *tmpl_name(const hd_template *t);

#endif
