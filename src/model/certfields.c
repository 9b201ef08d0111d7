/* certfields.c: the certificate field table (certfields.h). */
#include "model/certfields.h"

#include <string.h>

/* In the order of the enum (certfields.h): the guideline's order. */
const hd_certfield HD_CERT_FIELD[] = {
    {"证书编号", "cert.number", "prior_cert.number", 1},
    {"数据产权权利人", "cert.holder", "prior_cert.holder", 1},
    {"统一社会信用代码", "cert.uscc", "prior_cert.uscc", 1},
    {"权利类别", "cert.rights", "prior_cert.rights", 1},
    {"权利限制", "cert.limits", "prior_cert.limits", 1},
    {"数据产权名称", "cert.name", "prior_cert.name", 1},
    {"数据来源", "cert.source", "prior_cert.source", 1},
    {"数据规模", "cert.scale", "prior_cert.scale", 1},
    {"登记机构名称", "cert.authority", "prior_cert.authority", 1},
    {"登记日期", "cert.date", "prior_cert.date", 1},
    {"有效期限", "cert.validity", "prior_cert.validity", 1},
};

/* A field in the enum without its row here, or a row without its name in the enum, does
 * not compile. */
_Static_assert(sizeof HD_CERT_FIELD / sizeof *HD_CERT_FIELD == HD_CERT_FIELDS,
               "one row of HD_CERT_FIELD per HD_CF_ name");

/* A version's fields are the rows with since <= version; they come first in table order. */
int certfields_count(int version) {
  if (version < 1 || version > HD_CERT_RECORD_VERSION) return 0;
  int n = 0;
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
    if (!HD_CERT_FIELD[i].label || !HD_CERT_FIELD[i].key || !HD_CERT_FIELD[i].since) return 0;
    if (HD_CERT_FIELD[i].since <= version) n = i + 1;
  }
  return n;
}

int certfields_version_of(const char *const *labels, int n) {
  for (int v = HD_CERT_RECORD_VERSION; v >= 1; v--) {
    if (certfields_count(v) != n) continue;
    int same = 1;
    for (int i = 0; i < n && same; i++) same = labels[i] && !strcmp(labels[i], HD_CERT_FIELD[i].label);
    if (same) return v;
  }
  return 0;
}

int certfields_find(const char *label) {
  for (int i = 0; i < HD_CERT_FIELDS; i++)
    if (label && HD_CERT_FIELD[i].label && !strcmp(label, HD_CERT_FIELD[i].label)) return i;
  return -1;
}
