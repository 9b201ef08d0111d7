/* institution.h: an institution's description of its product (docs/examples/
 * institution.xml, docs/examples/README.md) for its Annex A privacy policy — read with
 * the safe XML loader (util/xmlsafe.h) in UTF-8, GBK or GB18030 (util/decode.h) and
 * checked here, every problem of the file reported at once in Chinese with its
 * file:line. Depends on util/xmlsafe.h, util/decode.h. */
#ifndef HD_INSTITUTION_H
#define HD_INSTITUTION_H
#include "util/diag.h"

#define HD_INST_FIELDS 13
enum { HD_INST_NAME, HD_INST_PRODUCT, HD_INST_EMAIL, HD_INST_PHONE, HD_INST_ADDRESS,
       HD_INST_WITHDRAWAL, HD_INST_DAYS, HD_INST_EFFECTIVE, HD_INST_UPDATED, HD_INST_KIND,
       HD_INST_SELF, HD_INST_MENU, HD_INST_ACCOUNT };
/* The elements of the file and the template's names (institution.*), in that order. */
extern const char *const HD_INST_ELEMENTS[HD_INST_FIELDS];
extern const char *const HD_INST_KEYS[HD_INST_FIELDS];

typedef struct hd_institution {
  char *v[HD_INST_FIELDS];  /* account "" : no third-party account (4.8) */
  char *(*parties)[4];      /* name, purpose, data items, contact */
  int n_parties;
} hd_institution;

/* The default of field (HD_INST_SELF, _MENU, _ACCOUNT) for a kind ("hospital",
 * "company", "platform", "unit"); NULL for an unknown kind. */
const char *institution_default(const char *kind, int field);

/* Load path, whose encoding is its XML declaration's (UTF-8 without one) or, if not
 * NULL, encoding's. On problems in the file: HD_EDATA, *problems (caller frees) the
 * lines "file:line: 中文" of every one, err a summary. */
int institution_load(const char *path, const char *encoding, hd_institution *out,
                     char **problems, hd_err *err);
/* The same for the file at file, named path in problems and errors (hdreg policy --from -
 * reads a temporary copy of standard input named "<stdin>"). */
int institution_load_named(const char *file, const char *path, const char *encoding,
                           hd_institution *out, char **problems, hd_err *err);
void institution_release(hd_institution *in);

#endif
