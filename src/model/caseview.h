/* caseview.h: everything the compliance checks may read about one case, as generic rows
 * (column name -> value) from the store, column by column as docs/checks.md documents
 * them ("The case c"): the case as applied for, its applicant with credit records,
 * counterparty, resource, rights with holders, materials, objections, and the prior
 * certificate with the applicant, rights and resource of the case that registered it.
 * What a later night changes (the case's status and notice dates) is not part of the view;
 * what depends on the date of review (the prior certificate's status, the objections) is
 * kept as dated facts and settled as of a date when the view becomes Lua
 * (sandbox/luacase.h). A column whose name begins with '_' is read for that (ids, the
 * dates a certificate was superseded or cancelled) and never shown. A loader keeps its
 * prepared statements for a whole batch. Depends on store/. */
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
  long long id;          /* the case */
  hd_row kase;           /* cases row */
  hd_row applicant;      /* subjects row */
  hd_rows records;       /* applicant's subject_records */
  hd_row counterparty;   /* n == 0 if none */
  hd_row resource;
  hd_rows rights;        /* case_rights joined with the holder: right_kind, restrictions, holder_* */
  hd_rows materials;     /* materials joined with their issuer (issuer_*: NULL if the
                            register does not know who issued one; schema 12) */
  hd_rows objections;
  hd_row prior;          /* prior certificate row; n == 0 if none */
  hd_row prior_applicant; /* the applicant of the case that registered the prior certificate */
  hd_rows prior_rights;  /* the rights that case registered, with their holders */
  hd_row prior_resource; /* the resource that case registered */
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
 * the applicant, the counterparty and the prior certificate's applicant, the rights and
 * resource parts for the case and the prior certificate's case; rights rows carry their
 * holder as holder_*, materials rows their issuer as issuer_*). */
enum hd_case_part { HD_PART_CASE, HD_PART_SUBJECT, HD_PART_RECORD, HD_PART_RESOURCE,
                    HD_PART_RIGHT, HD_PART_MATERIAL, HD_PART_OBJECTION, HD_PART_PRIOR,
                    HD_PART_WAIVER, HD_PART_COUNT };
/* Column i of a part as the loader reads it, for code that builds cases without the store
 * (fixture cases): its name, 1 if it is a 0/1 flag, its declared type in the schema
 * ("TEXT", "INTEGER", ...; NULL if none). Strings valid while the loader lives. A name
 * that begins with '_' is the loader's own (caseview_hidden), no field of the case. */
typedef struct hd_column { const char *name; int flag; const char *decltype; } hd_column;
int caseview_column_count(const hd_caseview_loader *l, int part);
hd_column caseview_column(const hd_caseview_loader *l, int part, int i);

/* The kinds of material the register knows (the CHECK of materials.kind in
 * store/migrations/0001_initial.sql), NULL-terminated. */
extern const char *const hd_material_kinds[];
/* Value of column name in row, or NULL. */
const hd_value *row_get(const hd_row *r, const char *name);
/* 1 if a column of that name is the loader's own, not shown to checks or templates. */
static inline int caseview_hidden(const char *name) { return name[0] == '_'; }
/* Replace the value of column name in r by the text s (not copied: s must outlive the
 * row). For a document that shows the case as the review leaves it: the procedure the
 * checks route a case to (checks.h, hd_findings.route). No-op if r has no such column. */
void row_set_text(hd_row *r, const char *name, const char *s);

#endif
