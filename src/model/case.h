/* case.h: one registration case loaded from the store into plain C structures — the
 * applicant, the data resource, each right with its holder, materials, objections and
 * the prior certificate. Depends on store/. The Lua glue exposes it read-only. */
#ifndef HD_CASE_H
#define HD_CASE_H
#include <sqlite3.h>
#include "util/diag.h"

typedef struct hd_subject {
  long long id;
  char *name;
  char *uscc;
  char *kind;
} hd_subject;

typedef struct hd_right {
  char *kind;          /* holding | use | operation */
  hd_subject holder;
  char *restrictions;  /* NULL or "" = none */
} hd_right;

typedef struct hd_material {
  char *kind;
  int present;
  char *valid_until;   /* NULL = no expiry */
} hd_material;

typedef struct hd_resource {
  long long id;
  char *name;
  char *data_class;
  int grade;
  char *source;
  long long scale_records;
  long long scale_bytes;
} hd_resource;

typedef struct hd_case {
  long long id;
  char *number;
  char *reg_type;      /* first | license | transfer | change | cancel */
  char *procedure;     /* ordinary | simplified */
  char *status;
  char *applied_date;
  char *notice_end;
  hd_subject applicant;
  hd_resource resource;
  hd_right *rights;
  int n_rights;
  hd_material *materials;
  int n_materials;
  int open_objections;
  char *prior_certificate;  /* number of the prior certificate, NULL for first */
  int renewal;              /* a change that renews the certificate (cases.renewal, v13) */
} hd_case;

/* Load case `id`. Returns HD_OK and *out (free with case_free), HD_EDATA if there is no
 * such case, HD_EDB on database errors. */
int case_load(sqlite3 *db, long long id, hd_case **out, hd_err *err);
void case_free(hd_case *c);

/* The Chinese name of a right on documents (数据资源持有权 ...); NULL if unknown. */
const char *case_right_name(const char *kind);

#endif
