/* guards.h: cost guards on the string and table functions that loop inside C, where the
 * instruction count cannot see them: each is bounded before it starts (patterns by their
 * worst case, string.rep by the memory left, table functions by element count) or done
 * in linear time (plain string.find). Used by sandbox.c when it opens the libraries. */
#ifndef HD_GUARDS_H
#define HD_GUARDS_H
#include <lua.h>

/* Most elements a table function may walk in one call, and a sort may order. */
#define SBX_TABLE_MAX (1 << 20)
#define SBX_SORT_MAX (1 << 18)
/* Most steps a pattern match may take. */
#define SBX_PATTERN_MAX 1e8

/* Guard the library table at the top of the stack (string, resp. table) in place. */
void sbx_guard_string(lua_State *L);
void sbx_guard_table(lua_State *L);

#endif
