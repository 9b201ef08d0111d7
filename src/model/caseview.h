/* caseview.h: everything the compliance checks may read about one case, as generic rows
 * (column name -> value) straight from the store: the case, its applicant with credit
 * records, counterparty, resource, rights with holders, materials, objections and prior
 * certificate. A loader keeps its prepared statements for a whole batch. Depends on
 * store/. checks/ turns a view into a read-only Lua table. */
#ifndef HD_CASEVIEW_H
#define HD_CASEVIEW_H
#include <sqlite3.h>
#include "util/diag.h"

enum hd_vtype { HD_V_NULL, HD_V_INT, HD_V_REAL, HD_V_TEXT };

typedef struct hd_value {
  int type;
  long long i;
  double r;
  char *s;
  int len;
} hd_value;

typedef struct hd_row {
  int n;
  const char **names;  /* owned by the loader's statement; valid while the loader lives */
  const unsigned char *is_flag; /* per column: 1 for a 0/1 flag column; owned by the loader */
  hd_value *v;
} hd_row;

typedef struct hd_rows {
  hd_row *v;
  int n;
} hd_rows;

typedef struct hd_caseview {
  hd_row kase;           /* cases row */
  hd_row applicant;      /* subjects row */
  hd_rows records;       /* applicant's subject_records */
  hd_row counterparty;   /* n == 0 if none */
  hd_row resource;
  hd_rows rights;        /* case_rights joined with the holder: right_kind, restrictions, holder_* */
  hd_rows materials;
  hd_rows objections;
  hd_row prior;          /* prior certificate row; n == 0 if none */
  hd_rows waivers;       /* waivers of this case (id, check_id, justification, approver,
                            approved_date, expires, revoked_date or NULL), by id */
} hd_caseview;

typedef struct hd_caseview_loader hd_caseview_loader;

int caseview_loader_new(sqlite3 *db, hd_caseview_loader **out, hd_err *err);
void caseview_loader_free(hd_caseview_loader *l);
/* Load case id into *v (release with caseview_release). HD_EDATA if no such case. */
int caseview_load(hd_caseview_loader *l, long long id, hd_caseview *v, hd_err *err);
void caseview_release(hd_caseview *v);
/* The parts of a case the loader reads, one query each (the subjects part is read for
 * the applicant and the counterparty; rights rows carry their holder as holder_*). */
enum hd_case_part { HD_PART_CASE, HD_PART_SUBJECT, HD_PART_RECORD, HD_PART_RESOURCE,
                    HD_PART_RIGHT, HD_PART_MATERIAL, HD_PART_OBJECTION, HD_PART_PRIOR,
                    HD_PART_WAIVER, HD_PART_COUNT };
/* Column i of a part as the loader reads it, for code that builds cases without the store
 * (fixture cases): its name, 1 if it is a 0/1 flag, its declared type in the schema
 * ("TEXT", "INTEGER", ...; NULL if none). Strings valid while the loader lives. */
typedef struct hd_column { const char *name; int flag; const char *decltype; } hd_column;
int caseview_column_count(const hd_caseview_loader *l, int part);
hd_column caseview_column(const hd_caseview_loader *l, int part, int i);

/* The kinds of material the register knows (the CHECK of materials.kind in
 * store/migrations/0001_initial.sql), NULL-terminated. */
extern const char *const hd_material_kinds[];
/* Value of column name in row, or NULL. */
const hd_value *row_get(const hd_row *r, const char *name);

#endif
