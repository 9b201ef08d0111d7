/* dockinds.c: the document-kind registry (dockinds.h). */
#include "procedure/dockinds.h"

#include <string.h>

const hd_dockind HD_DOCKIND[] = {
    {"certificate", "certificate", "certificates", "certificates"},
    {"review_opinion", "review_opinion", "opinions", "review"},
    {"notice", "public_notice", "notices", "notice"},
    {"cancellation", "cancellation", "cancellations", "cancellations"},
    {"privacy_policy", "privacy_policy", NULL, NULL},
};
_Static_assert(sizeof HD_DOCKIND / sizeof *HD_DOCKIND == HD_DOC_KINDS,
               "one row of HD_DOCKIND per HD_DOC_ name");

const hd_dockind *dockind_find(const char *kind) {
  for (int i = 0; i < HD_DOC_KINDS; i++)
    if (kind && !strcmp(HD_DOCKIND[i].kind, kind)) return &HD_DOCKIND[i];
  return NULL;
}
