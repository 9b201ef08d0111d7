/* institution.h: an institution's description of its product (docs/examples/
 * institution.xml, schema templates/institution.rng) for its Annex A privacy policy —
 * read with the safe XML loader; every value required and not empty, a missing or empty
 * one named with its file:line. Depends on template/xmlsafe.h. */
#ifndef HD_INSTITUTION_H
#define HD_INSTITUTION_H
#include "util/diag.h"

#define HD_INST_FIELDS 9
/* The elements, in the order of the Annex A template's institution.* names. */
extern const char *const HD_INST_ELEMENTS[HD_INST_FIELDS];

typedef struct hd_institution {
  char *v[HD_INST_FIELDS];  /* name, product, email, phone, address, withdrawal, days,
                               effective, updated */
  char *(*parties)[4];      /* name, purpose, data items, contact */
  int n_parties;
} hd_institution;

int institution_load(const char *path, hd_institution *out, hd_err *err);
void institution_release(hd_institution *in);

#endif
