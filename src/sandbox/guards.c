/* guards.c: the cost guards of guards.h. Each guard checks its arguments, then calls the
 * library's own function (upvalue 1) with them. */
/* _GNU_SOURCE (memmem) is set for this file in CMakeLists.txt. */
#include "sandbox/guards.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sandbox/pattern_guard.h"
#include "sandbox/sandbox.h"

static int call_original(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* Lua's own rule for a start position (lstrlib.c posrelatI). */
static size_t start_at(lua_Integer pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0) return 1;
  if (pos < -(lua_Integer)len) return 1;
  return len + (size_t)pos + 1;
}

enum pattern_fn { P_FIND, P_MATCH, P_GMATCH, P_GSUB };

/* string.find/match/gmatch/gsub. upvalues: original, name, enum pattern_fn. A plain search runs as memmem (linear); a pattern is refused when
 * its worst case is over SBX_PATTERN_MAX steps. */
static int guarded_pattern(lua_State *L) {
  size_t n, plen;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *pat = luaL_checklstring(L, 2, &plen);
  int kind = (int)lua_tointeger(L, lua_upvalueindex(3)); /* enum pattern_fn */
  int is_find = kind == P_FIND, is_gmatch = kind == P_GMATCH;
  int plain = pattern_is_plain(pat, plen);
  if (is_find && (plain || lua_toboolean(L, 4))) {
    size_t init = start_at(luaL_optinteger(L, 3, 1), n);
    if (init > n + 1) {
      lua_pushnil(L);
      return 1;
    }
    const char *hit = memmem(s + init - 1, n - (init - 1), pat, plen);
    if (!hit) {
      lua_pushnil(L);
      return 1;
    }
    lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
    lua_pushinteger(L, (lua_Integer)(hit - s) + (lua_Integer)plen);
    return 2;
  }
  double scan = (double)plen * ((double)n + 1); /* what measuring the cost takes */
  double cost = scan > SBX_PATTERN_MAX ? scan : pattern_cost_as(pat, plen, s, n, !is_gmatch);
  if (cost <= SBX_PATTERN_MAX && kind == P_GSUB &&
      lua_type(L, 3) == LUA_TSTRING) /* the replacement is walked at every match */
    cost += ((double)n + 1) * (double)lua_rawlen(L, 3);
  if (cost > SBX_PATTERN_MAX) {
    char why[400];
    snprintf(why, sizeof why, "string.%s: pattern '%.60s' could take %.2g steps on a text of "
             "%zu bytes (at most %.0g): %s, repeat fewer items or match a shorter text",
             lua_tostring(L, lua_upvalueindex(2)), pat, cost, n, SBX_PATTERN_MAX,
             is_gmatch ? "in gmatch ^ anchors nothing" : "anchor it with ^");
    return luaL_error(L, "%s", why);
  }
  return call_original(L);
}

/* string.rep: the result must fit in the memory left; an empty result is made at once
 * (Lua would loop n times to make it). */
static int guarded_rep(lua_State *L) {
  size_t l, lsep;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  if (n <= 0 || l + lsep == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  hd_sbx *s = sbx_of(L);
  /* Lua builds the result in a buffer and then copies it into the string: twice. */
  double total = (double)n * (double)(l + lsep), need = 2 * total;
  double room = s->mem_cap > s->mem_used ? (double)(s->mem_cap - s->mem_used) : 0;
  if (need > room && need <= (double)s->mem_cap) {
    lua_gc(L, LUA_GCCOLLECT); /* what earlier evaluations left behind does not count */
    room = s->mem_cap > s->mem_used ? (double)(s->mem_cap - s->mem_used) : 0;
  }
  if (need > room) {
    char why[240];
    snprintf(why, sizeof why, "string.rep: the result would be %.0f bytes, and making it takes "
             "twice that: more than the memory left of the %ld MB an evaluation may use", total,
             s->lim.memory >> 20);
    return luaL_error(L, "%s", why);
  }
  return call_original(L);
}

/* string.format: no %p (an address), and tables, functions and the like given for %s are
 * written as tostring writes them (no address). */
static int guarded_format(lua_State *L) {
  size_t flen;
  const char *f = luaL_checklstring(L, 1, &flen);
  for (size_t i = 0; i + 1 < flen; i++) {
    if (f[i] != '%') continue;
    size_t k = i + 1;
    while (k < flen && strchr("-+ #0123456789.", f[k])) k++;
    if (k < flen && f[k] == 'p') return luaL_error(L, "string.format: '%%p' (an address) is not allowed");
    i = k;
  }
  int n = lua_gettop(L);
  for (int i = 2; i <= n; i++) {
    int t = lua_type(L, i);
    if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA ||
        t == LUA_TTHREAD) {
      sbx_push_tostring(L);
      lua_pushvalue(L, i);
      lua_call(L, 1, 1);
      lua_replace(L, i);
    }
  }
  return call_original(L);
}

static void wrap(lua_State *L, const char *name, lua_CFunction guard, int extra) {
  lua_getfield(L, -1, name);
  if (extra >= 0) {
    lua_pushstring(L, name);
    lua_pushinteger(L, extra);
    lua_pushcclosure(L, guard, 3);
  } else {
    lua_pushcclosure(L, guard, 1);
  }
  lua_setfield(L, -2, name);
}

void sbx_guard_string(lua_State *L) {
  static const char *const PATTERN[] = {"find", "match", "gmatch", "gsub"};
  for (int i = 0; i < 4; i++) wrap(L, PATTERN[i], guarded_pattern, i); /* enum pattern_fn */
  wrap(L, "rep", guarded_rep, -1);
  wrap(L, "format", guarded_format, -1);
  /* Not for rules: bytecode, and binary packing whose formats repeat inside C. */
  static const char *const DROP[] = {"dump", "pack", "packsize", "unpack"};
  for (int i = 0; i < 4; i++) {
    lua_pushnil(L);
    lua_setfield(L, -2, DROP[i]);
  }
}

/* Is [i, j] more than max elements? */
static int too_many(lua_Integer i, lua_Integer j, lua_Integer max) {
  return j >= i && (lua_Unsigned)j - (lua_Unsigned)i >= (lua_Unsigned)max;
}

static int refuse(lua_State *L, const char *fn, lua_Integer from, lua_Integer to, int max) {
  return luaL_error(L, "table.%s: %I elements (%I to %I) are more than the %d one call may "
                    "walk", fn, (lua_Integer)((lua_Unsigned)to - (lua_Unsigned)from + 1u), from,
                    to, max);
}

/* table.concat(t, sep, i, j), table.unpack(t, i, j): the range is bounded, and given to
 * the library explicitly (a __len asked twice could answer differently). */
static int guarded_range(lua_State *L) {
  int concat = lua_tointeger(L, lua_upvalueindex(3)) != 0;
  int ai = concat ? 3 : 2;
  luaL_checkany(L, 1);
  if (concat && lua_isnoneornil(L, 2)) {
    lua_settop(L, lua_gettop(L) < 2 ? 2 : lua_gettop(L));
    lua_pushliteral(L, "");
    lua_replace(L, 2);
  }
  lua_Integer i = luaL_optinteger(L, ai, 1);
  lua_Integer j = lua_isnoneornil(L, ai + 1) ? luaL_len(L, 1) : luaL_checkinteger(L, ai + 1);
  if (too_many(i, j, SBX_TABLE_MAX))
    return refuse(L, lua_tostring(L, lua_upvalueindex(2)), i, j, SBX_TABLE_MAX);
  lua_settop(L, ai - 1);
  lua_pushinteger(L, i);
  lua_pushinteger(L, j);
  return call_original(L);
}

/* table.insert(t, [pos,] v), done here with the length asked once (Lua's own asks
 * again, and a lying __len would make it shift for ever). The rules are Lua's. */
static int guarded_insert(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer e = luaL_len(L, 1);
  if (e < 0) return luaL_error(L, "table.insert: the table's length is negative (%I)", e);
  if (too_many(1, e, SBX_TABLE_MAX)) return refuse(L, "insert", 1, e, SBX_TABLE_MAX);
  e++;                                               /* the first empty slot */
  lua_Integer pos;
  switch (lua_gettop(L)) {
  case 2: pos = e; break;
  case 3:
    pos = luaL_checkinteger(L, 2);
    luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
    for (lua_Integer i = e; i > pos; i--) {
      lua_geti(L, 1, i - 1);
      lua_seti(L, 1, i);
    }
    break;
  default: return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_seti(L, 1, pos);
  return 0;
}

/* table.remove(t [, pos]), the same way. */
static int guarded_remove(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer size = luaL_len(L, 1);
  if (size < 0) return luaL_error(L, "table.remove: the table's length is negative (%I)", size);
  if (too_many(1, size, SBX_TABLE_MAX)) return refuse(L, "remove", 1, size, SBX_TABLE_MAX);
  lua_Integer pos = luaL_optinteger(L, 2, size);
  if (pos != size)
    luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
  lua_geti(L, 1, pos);
  for (; pos < size; pos++) {
    lua_geti(L, 1, pos + 1);
    lua_seti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_seti(L, 1, pos);
  return 1;
}

/* Most bytes a sort may compare: n log2 n comparisons of strings as long as the longest. */
#define SBX_SORT_BYTES 4e8

/* table.sort(t [, comp]): the elements are copied into a plain table (the length asked
 * once), sorted there by Lua's sort, and written back. Without a comparator, strings are
 * compared inside C where nothing can stop it: n log2 n comparisons of the longest
 * string must stay under SBX_SORT_BYTES. */
static int guarded_sort(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  lua_Integer n = luaL_len(L, 1);
  if (too_many(1, n, SBX_SORT_MAX)) return refuse(L, "sort", 1, n, SBX_SORT_MAX);
  lua_createtable(L, n > 0 ? (int)n : 0, 0);         /* 3: the copy */
  size_t longest = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_geti(L, 1, i) == LUA_TSTRING && lua_rawlen(L, -1) > longest)
      longest = lua_rawlen(L, -1);
    lua_rawseti(L, 3, i);
  }
  double cost = (double)n * (n > 1 ? log2((double)n) : 1) * (double)longest;
  if (lua_isnil(L, 2) && cost > SBX_SORT_BYTES) {
    char why[200];
    snprintf(why, sizeof why, "table.sort: %lld texts of up to %zu bytes could take %.2g byte "
             "comparisons (at most %.0g): sort shorter texts or give a comparator",
             (long long)n, longest, cost, SBX_SORT_BYTES);
    return luaL_error(L, "%s", why);
  }
  lua_pushvalue(L, lua_upvalueindex(1));             /* the library's sort */
  lua_pushvalue(L, 3);
  if (lua_isnil(L, 2)) lua_call(L, 1, 0);
  else {
    lua_pushvalue(L, 2);
    lua_call(L, 2, 0);
  }
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 3, i);
    lua_seti(L, 1, i);
  }
  return 0;
}

/* table.move(a1, f, e, t [, a2]) */
static int guarded_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
  if (too_many(f, e, SBX_TABLE_MAX)) return refuse(L, "move", f, e, SBX_TABLE_MAX);
  return call_original(L);
}

void sbx_guard_table(lua_State *L) {
  wrap(L, "concat", guarded_range, 1);
  wrap(L, "unpack", guarded_range, 0);
  lua_pushcfunction(L, guarded_insert);
  lua_setfield(L, -2, "insert");
  lua_pushcfunction(L, guarded_remove);
  lua_setfield(L, -2, "remove");
  wrap(L, "sort", guarded_sort, -1);
  wrap(L, "move", guarded_move, -1);
}
