/* luacase.h: a case view (model/caseview.h) as the read-only Lua table that checks and
 * templates read (docs/checks.md, "The case c"): rows are strict (a field that is no
 * column of the case, e.g. a misspelt one, is an error naming the path; a column that is
 * NULL reads as nil), lists refuse names, 0/1 flag columns are booleans, the loader's own
 * columns (_x) are not shown. As of a date (luacase_as_of) the view is the case as it
 * stood on that date: the prior certificate's status then (superseded or cancelled by
 * another case before that date; never by this case itself), the objections filed by
 * then with their status then. Depends on sandbox/, model/ and util/date.h. */
#ifndef HD_LUACASE_H
#define HD_LUACASE_H
#include <lua.h>

#include "util/date.h"

struct hd_caseview;

/* Registry references kept for a batch: the read-only views of the last case (reused
 * from case to case: two tables and five fields less per row) and the metatables of
 * each kind of row. LUA_NOREF until luacase_push first runs. has_as_of: the date the
 * view is settled as of (0: as the register stands now). */
typedef struct hd_luacase {
  int pool_ref;
  int mt_ref;
  int has_as_of;
  hd_date as_of;
} hd_luacase;

void luacase_init(hd_luacase *c);
/* The date later pushes settle the case as of (the date of review); NULL: as it stands. */
void luacase_as_of(hd_luacase *c, const hd_date *as_of);
/* Push the case. Allocates, so it must run in protected mode (sbx_cpcall). reuse: 1 to
 * reuse the views of the previous case (its tables must no longer be reachable by any
 * script: the checks run one case at a time and keep nothing), 0 for fresh ones. */
void luacase_push(hd_luacase *c, lua_State *L, const struct hd_caseview *v, int reuse);
/* Make the plain table at idx strict for reads in place: a string key that is not in
 * `known` (a NULL-terminated list) raises "case field 'path.key' does not exist". For
 * fixture cases, which are built in Lua. */
void luacase_strict(lua_State *L, int idx, const char *path, const char *const *known);
/* The same for a list (the plain table at idx): a name raises "case field 'path' is a
 * list: index it by number or use ipairs (...)"; numbers past the end are nil. */
void luacase_strict_list(lua_State *L, int idx, const char *path);

#endif
