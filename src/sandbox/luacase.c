/* luacase.c: the case as strict read-only Lua tables (luacase.h). */
#include "sandbox/luacase.h"

#include <lauxlib.h>
#include <string.h>

#include "model/caseview.h"
#include "sandbox/sandbox.h"
#include "util/suggest.h"

void luacase_init(hd_luacase *c) { c->pool_ref = c->mt_ref = LUA_NOREF; }

/* __index of a strict row's table, reached only for absent keys. upvalues: set of
 * known names, path. */
static int strict_miss(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 0; /* a NULL column: nil */
    const char *k = lua_tostring(L, 2);
    hd_suggest sg = {NULL, 3};
    lua_pushnil(L);
    while (lua_next(L, lua_upvalueindex(1))) {
      lua_pop(L, 1);
      if (lua_type(L, -1) != LUA_TSTRING) continue;
      hd_suggest_offer(&sg, k, lua_tostring(L, -1)); /* names stay alive in the set */
    }
    if (sg.best)
      return luaL_error(L, "case field '%s.%s' does not exist (did you mean '%s'?)",
                        lua_tostring(L, lua_upvalueindex(2)), k, sg.best);
    return luaL_error(L, "case field '%s.%s' does not exist", lua_tostring(L, lua_upvalueindex(2)),
                      k);
  }
  return luaL_error(L, "case field '%s' is a record, not a list: index it by name",
                    lua_tostring(L, lua_upvalueindex(2)));
}

/* __index of a list's table: numbers past the end are nil, names are a mistake. */
static int list_miss(lua_State *L) {
  if (lua_type(L, 2) == LUA_TNUMBER) return 0;
  return luaL_error(L, "case field '%s' is a list: index it by number or use ipairs "
                    "(it has no field '%s')", lua_tostring(L, lua_upvalueindex(1)),
                    lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

/* Push the metatable {__index = strict_miss} for rows with these column names (cached by
 * the names array and variant). variant: 0 the row as is, 1 the right part of a rights
 * row, 2 its holder part. extra: names of nested tables, NULL-terminated. */
static void push_row_mt(hd_luacase *c, lua_State *L, const hd_row *r, int variant,
                        const char *path, const char *const *extra) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->mt_ref);            /* cache */
  const void *key = (const char *)r->names + variant;
  if (lua_rawgetp(L, -1, key) == LUA_TTABLE) {
    lua_remove(L, -2);
    return;
  }
  lua_pop(L, 1);                                           /* cache */
  lua_createtable(L, 0, 1);                                /* cache mt */
  lua_createtable(L, 0, r->n + 4);                         /* cache mt known */
  for (int i = 0; i < r->n; i++) {
    const char *n = r->names[i];
    int holder = strncmp(n, "holder_", 7) == 0;
    if (variant == 1 && holder) continue;
    if (variant == 2 && !holder) continue;
    if (variant == 2) n += 7;
    if (variant == 1 && strcmp(n, "right_kind") == 0) n = "kind";
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, n);
  }
  for (int i = 0; extra && extra[i]; i++) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, extra[i]);
  }
  lua_pushstring(L, path);
  lua_pushcclosure(L, strict_miss, 2);                     /* cache mt f */
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, -3, key);                                 /* cache mt */
  lua_remove(L, -2);                                       /* mt */
}

static void push_list_mt(hd_luacase *c, lua_State *L, const char *path) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->mt_ref);
  if (lua_getfield(L, -1, path) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 1);
    lua_pushstring(L, path);
    lua_pushcclosure(L, list_miss, 1);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, path);
  }
  lua_remove(L, -2);
}

/* Replace the table at the top by a read-only view; with reuse, the view of the same
 * position in the previous case is pointed at the new table instead. */
typedef struct pusher { hd_luacase *c; int reuse; int k; } pusher;

static void view(pusher *p, lua_State *L) {
  if (!p->reuse) {
    sbx_readonly(L);
    return;
  }
  int k = ++p->k;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->c->pool_ref);      /* real pool */
  if (lua_rawgeti(L, -1, 2 * k) == LUA_TTABLE) {          /* real pool mt */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);                                        /* real pool */
    lua_rawgeti(L, -1, 2 * k - 1);                        /* real pool view */
    lua_replace(L, -3);                                   /* view pool */
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 2);                                          /* real */
  sbx_readonly(L);                                        /* view */
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->c->pool_ref);
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, 2 * k - 1);
  lua_getmetatable(L, -2);
  lua_rawseti(L, -2, 2 * k);
  lua_pop(L, 1);                                          /* view */
}

static void push_value(lua_State *L, const hd_row *r, int i) {
  const hd_value *v = &r->v[i];
  switch (v->type) {
  case HD_V_INT:
    if (r->is_flag && r->is_flag[i]) lua_pushboolean(L, v->i != 0);
    else lua_pushinteger(L, v->i);
    break;
  case HD_V_REAL: lua_pushnumber(L, v->r); break;
  default: lua_pushlstring(L, v->s, (size_t)v->len); break;
  }
}

static void push_row(pusher *p, lua_State *L, const hd_row *r, const char *path,
                     const char *const *extra) {
  lua_createtable(L, 0, r->n + 2);
  for (int i = 0; i < r->n; i++) {
    if (r->v[i].type == HD_V_NULL) continue; /* absent: nil */
    push_value(L, r, i);
    lua_setfield(L, -2, r->names[i]);
  }
  push_row_mt(p->c, L, r, 0, path, extra);
  lua_setmetatable(L, -2);
}

static void push_rows(pusher *p, lua_State *L, const hd_rows *rs, const char *path,
                      const char *item) {
  lua_createtable(L, rs->n, 0);
  for (int i = 0; i < rs->n; i++) {
    push_row(p, L, &rs->v[i], item, NULL);
    view(p, L);
    lua_rawseti(L, -2, i + 1);
  }
  push_list_mt(p->c, L, path);
  lua_setmetatable(L, -2);
  view(p, L);
}

static const char *const CASE_NESTED[] = {"applicant", "counterparty", "resource", "rights",
                                          "materials", "objections", "prior", NULL};
static const char *const APPLICANT_NESTED[] = {"records", NULL};
static const char *const RIGHT_NESTED[] = {"holder", NULL};

void luacase_push(hd_luacase *c, lua_State *L, const hd_caseview *v, int reuse) {
  if (c->pool_ref == LUA_NOREF) {
    lua_newtable(L);
    c->pool_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    c->mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  pusher p = {c, reuse, 0};
  luaL_checkstack(L, 8, NULL);
  push_row(&p, L, &v->kase, "c", CASE_NESTED);
  push_row(&p, L, &v->applicant, "c.applicant", APPLICANT_NESTED);
  push_rows(&p, L, &v->records, "c.applicant.records", "c.applicant.records[i]");
  lua_setfield(L, -2, "records");
  view(&p, L);
  lua_setfield(L, -2, "applicant");
  if (v->counterparty.n) {
    push_row(&p, L, &v->counterparty, "c.counterparty", NULL);
    view(&p, L);
    lua_setfield(L, -2, "counterparty");
  }
  push_row(&p, L, &v->resource, "c.resource", NULL);
  view(&p, L);
  lua_setfield(L, -2, "resource");
  lua_createtable(L, v->rights.n, 0);
  for (int i = 0; i < v->rights.n; i++) {
    const hd_row *r = &v->rights.v[i];
    lua_createtable(L, 0, 3);                               /* rights right */
    lua_createtable(L, 0, 4);                               /* rights right holder */
    for (int k = 0; k < r->n; k++) {
      const char *name = r->names[k];
      if (r->v[k].type == HD_V_NULL) continue;
      push_value(L, r, k);
      if (strncmp(name, "holder_", 7) == 0) lua_setfield(L, -2, name + 7);
      else lua_setfield(L, -3, strcmp(name, "right_kind") == 0 ? "kind" : name);
    }
    push_row_mt(c, L, r, 2, "c.rights[i].holder", NULL);
    lua_setmetatable(L, -2);
    view(&p, L);
    lua_setfield(L, -2, "holder");
    push_row_mt(c, L, r, 1, "c.rights[i]", RIGHT_NESTED);
    lua_setmetatable(L, -2);
    view(&p, L);
    lua_rawseti(L, -2, i + 1);
  }
  push_list_mt(c, L, "c.rights");
  lua_setmetatable(L, -2);
  view(&p, L);
  lua_setfield(L, -2, "rights");
  push_rows(&p, L, &v->materials, "c.materials", "c.materials[i]");
  lua_setfield(L, -2, "materials");
  push_rows(&p, L, &v->objections, "c.objections", "c.objections[i]");
  lua_setfield(L, -2, "objections");
  if (v->prior.n) {
    push_row(&p, L, &v->prior, "c.prior", NULL);
    view(&p, L);
    lua_setfield(L, -2, "prior");
  }
  view(&p, L);
}

void luacase_strict(lua_State *L, int idx, const char *path, const char *const *known) {
  idx = lua_absindex(L, idx);
  lua_createtable(L, 0, 1);                                /* mt */
  lua_newtable(L);                                         /* mt known */
  for (int i = 0; known[i]; i++) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, known[i]);
  }
  lua_pushstring(L, path);
  lua_pushcclosure(L, strict_miss, 2);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, idx);
}

void luacase_strict_list(lua_State *L, int idx, const char *path) {
  idx = lua_absindex(L, idx);
  lua_createtable(L, 0, 1);                                /* mt */
  lua_pushstring(L, path);
  lua_pushcclosure(L, list_miss, 1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, idx);
}
