/* template_dom.h: the libxml2 tree of a loaded template, for the layout (layout/). */
#ifndef HD_TEMPLATE_DOM_H
#define HD_TEMPLATE_DOM_H
#include <libxml/tree.h>
#include "template/template.h"

xmlNodePtr tmpl_root(const hd_template *t);
const char *tmpl_file(const hd_template *t);

#endif
