/* pack.c: the check pack of checks.h — loading the check and parameter files of each
 * directory into one sandbox (sandbox/), the check and params declarations, isolation
 * (what a check keeps at file level is frozen or restored after every run), running the
 * checks over a case, waivers and the decision. Helpers are in helpers.c, fixtures in
 * fixtures.c. See docs/checks.md. */
#include <dirent.h>
#include <lauxlib.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/pack_int.h"
#include "model/caseview.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/fsutil.h"
#include "util/suggest.h"
#include "util/utf8.h"

#define DEFAULT_BUDGET 2000000L
#define DEFAULT_MEMORY (64L << 20)
#define DEFAULT_TIME_MS 1000L
#define MAX_SOURCE (1L << 20)

static hd_pack *pack_of(lua_State *L) { return sbx_owner(L); }

/* ---- declarations --------------------------------------------------------------------- */

static char *opt_field(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  char *s = lua_type(L, -1) == LUA_TSTRING ? hd_strdup(lua_tostring(L, -1)) : NULL;
  lua_pop(L, 1);
  return s;
}

static void check_release(check *c, lua_State *L) {
  free(c->id);
  free(c->title);
  free(c->clause);
  free(c->severity);
  free(c->where);
  free(c->ban_where);
  if (L) {
    luaL_unref(L, LUA_REGISTRYINDEX, c->fn_run);
    luaL_unref(L, LUA_REGISTRYINDEX, c->fn_applies);
  }
  memset(c, 0, sizeof *c);
}

void pack_caller_where(lua_State *L, char *out, size_t size) {
  lua_Debug ar;
  /* The whole path from the chunk's name ("@path"): Lua's short_src cuts long ones at a
   * byte, which can fall inside a character. */
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar))
    snprintf(out, size, "%s:%d", ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
             ar.currentline);
  else
    snprintf(out, size, "?");
}

static int valid_id(const char *s) {
  if (!s || !*s || strlen(s) > 64) return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '.' || *p == '-' || *p == '_'))
      return 0;
  return 1;
}

void pack_decl_allowed(lua_State *L, const char *what) {
  if (!pack_of(L)->load.running)
    luaL_error(L, "%s { ... } declares when the file is loaded: call it at the top level of "
               "the file, not in a function that runs on a case", what);
}

/* The registration types (cases.reg_type) in the order of docs/checks.md's table: bit i
 * of check.types is REG_TYPES[i]. */
static const char *const REG_TYPES[] = {"first", "license", "transfer", "change", "cancel", NULL};
static const char *const REG_TYPE_CN[] = {"首次登记", "许可登记", "转让登记", "变更登记", "注销登记"};
#define ALL_TYPES ((1u << 5) - 1)

unsigned pack_type_bit(const char *reg_type) {
  for (int i = 0; reg_type && REG_TYPES[i]; i++)
    if (strcmp(REG_TYPES[i], reg_type) == 0) return 1u << i;
  return 0;
}

/* The declaration's types = {"first", ...} at the top of the stack into *out (all types if
 * absent). Returns NULL or what is wrong. */
static const char *decl_types(lua_State *L, unsigned *out) {
  static char bad[200];
  *out = ALL_TYPES;
  if (lua_isnil(L, -1)) return NULL;
  const char *wrong = "'types' must be a list of registration types, e.g. {\"first\", "
                      "\"change\"}: first, license, transfer, change, cancel";
  if (lua_type(L, -1) != LUA_TTABLE) return wrong;
  lua_Integer n = (lua_Integer)lua_rawlen(L, -1), keys = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    keys++;
  }
  if (n == 0 || keys != n) return wrong;
  *out = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    unsigned b = lua_type(L, -1) == LUA_TSTRING ? pack_type_bit(lua_tostring(L, -1)) : 0;
    if (!b) {
      snprintf(bad, sizeof bad, "'types': %s%.40s%s is no registration type (first, license, "
               "transfer, change, cancel)", lua_type(L, -1) == LUA_TSTRING ? "'" : "a ",
               lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1),
               lua_type(L, -1) == LUA_TSTRING ? "'" : "");
      lua_pop(L, 1);
      return bad;
    }
    *out |= b;
    lua_pop(L, 1);
  }
  return NULL;
}

/* check { id=..., title=..., clause=..., severity=..., waivable=true|false,
 * types={...}, applies=function, run=function } */
static int decl_check(lua_State *L) {
  hd_pack *p = pack_of(L);
  pack_decl_allowed(L, "check");
  if (p->load.fixtures) return luaL_error(L, "check declarations belong in check files, not in tests/");
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512];
  pack_caller_where(L, where, sizeof where);
  check c;
  memset(&c, 0, sizeof c);
  c.fn_run = c.fn_applies = LUA_NOREF;
  c.dir = c.first_dir = p->load.dir;
  c.id = opt_field(L, 1, "id");
  c.title = opt_field(L, 1, "title");
  c.clause = opt_field(L, 1, "clause");
  c.severity = opt_field(L, 1, "severity");
  c.where = sbx_clip(where, strlen(where), sizeof where); /* valid UTF-8 in every message */
  const char *bad = NULL;
  if (!valid_id(c.id)) bad = "'id' must be a string of letters, digits, '.', '-' or '_'";
  else if (!c.title) bad = "'title' (a string) is required";
  else if (!c.clause) bad = "'clause' (the guideline clause, a string) is required";
  else if (!hd_utf8_valid(c.title, strlen(c.title), NULL) ||
           !hd_utf8_valid(c.clause, strlen(c.clause), NULL))
    bad = "'title' and 'clause' must be valid UTF-8 text";
  else if (c.severity && strcmp(c.severity, "normal") && strcmp(c.severity, "high") &&
           strcmp(c.severity, "ban"))
    bad = "'severity' must be \"normal\", \"high\" or \"ban\"";
  lua_getfield(L, 1, "waivable");
  if (!bad && !lua_isnil(L, -1) && lua_type(L, -1) != LUA_TBOOLEAN)
    bad = "'waivable' must be true or false";
  c.waivable = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (!bad && c.waivable && c.severity && strcmp(c.severity, "ban") == 0)
    bad = "a check of severity \"ban\" cannot be waivable: a ban is never waived";
  lua_getfield(L, 1, "types");
  const char *bad_types = decl_types(L, &c.types);
  if (!bad) bad = bad_types;
  lua_pop(L, 1);
  lua_getfield(L, 1, "run");
  if (!bad && lua_type(L, -1) != LUA_TFUNCTION) bad = "'run' (a function) is required";
  lua_getfield(L, 1, "applies");
  if (!bad && !lua_isnil(L, -1) && lua_type(L, -1) != LUA_TFUNCTION)
    bad = "'applies' must be a function";
  if (bad || !c.where) {
    check_release(&c, NULL);
    return luaL_error(L, "check declaration: %s", bad ? bad : "out of memory");
  }
  /* A ban of the shipped pack is never replaced (7.6: 不得开展登记 — no directory after it
   * can make the registration possible): a replacement's run, applies or types could let
   * through what the ban refuses, whatever severity it declares. A team that wants a
   * stricter rule adds a check of its own beside the ban, under another id. */
  const check *shipped_ban = NULL;
  for (int i = 0; i < p->n_checks; i++)
    if (strcmp(p->checks[i].id, c.id) == 0 && p->checks[i].dir != c.dir &&
        p->checks[i].ban_where)
      shipped_ban = &p->checks[i];
  if (shipped_ban) {
    char msg[1400];
    snprintf(msg, sizeof msg, "check declaration: check '%s' is a ban of %s (不得开展登记) in the "
             "shipped pack, declared at %s: a team's directory cannot replace it (its code could "
             "let through what the ban refuses); a ban stays as shipped and is never waived: add "
             "a stricter rule as a check of its own, under another id", c.id,
             shipped_ban->clause, shipped_ban->ban_where);
    check_release(&c, NULL);
    return luaL_error(L, "%s", msg);
  }
  if (!c.severity) c.severity = hd_strdup("normal");
  const char *ban_where = c.dir == 0 && c.severity && !strcmp(c.severity, "ban") ? c.where : NULL;
  if (ban_where) c.ban_where = hd_strdup(ban_where);
  if (!c.severity || (ban_where && !c.ban_where)) {
    check_release(&c, NULL);
    return luaL_error(L, "out of memory");
  }
  c.fn_applies = lua_isnil(L, -1) ? (lua_pop(L, 1), LUA_NOREF) : luaL_ref(L, LUA_REGISTRYINDEX);
  c.fn_run = luaL_ref(L, LUA_REGISTRYINDEX);
  /* Same id again: from a later directory it replaces; within one directory it is an
   * error (two checks would fight over one id). */
  for (int i = 0; i < p->n_checks; i++) {
    if (strcmp(p->checks[i].id, c.id) != 0) continue;
    if (p->checks[i].dir == c.dir) {
      char msg[700];
      snprintf(msg, sizeof msg, "check '%s' is already declared at %s", c.id, p->checks[i].where);
      check_release(&c, L);
      return luaL_error(L, "%s", msg);
    }
    c.first_dir = p->checks[i].first_dir;
    check_release(&p->checks[i], L);
    p->checks[i] = c;
    return 0;
  }
  check *nv = realloc(p->checks, (size_t)(p->n_checks + 1) * sizeof *nv);
  if (!nv) {
    check_release(&c, L);
    return luaL_error(L, "out of memory");
  }
  p->checks = nv;
  p->checks[p->n_checks++] = c;
  return 0;
}

/* A list of texts for P: NULL if the table at idx is one (keys 1..n, each value a text;
 * at most 1000 of at most 500 bytes), else what is wrong with it. */
static const char *text_list_problem(lua_State *L, int idx, char *buf, size_t size) {
  idx = lua_absindex(L, idx);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), keys = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    keys++;
  }
  if (keys != n) return "a list of texts {\"...\", \"...\"}, not a table with names";
  if (n > 1000) return "a list of at most 1000 texts";
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    size_t len = 0;
    int ok = lua_type(L, -1) == LUA_TSTRING;
    const char *t = ok ? lua_tolstring(L, -1, &len) : NULL;
    lua_pop(L, 1);
    if (!ok || len == 0 || len > 500 || !hd_utf8_valid(t, len, NULL)) {
      snprintf(buf, size, "a list of texts: item %lld is %s", (long long)i,
               !ok ? "not a text" : len == 0 ? "empty" : len > 500 ? "longer than 500 bytes"
                                                        : "not valid UTF-8");
      return buf;
    }
  }
  return NULL;
}

/* A read-only copy of the list of texts at the top, in its place. */
static void freeze_text_list(lua_State *L) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -2, i);
    lua_rawseti(L, -2, i);
  }
  lua_remove(L, -2);
  sbx_readonly(L);
}

static const char *param_kind(int t) {
  return t == LUA_TNUMBER ? "number" : t == LUA_TSTRING ? "text"
         : t == LUA_TTABLE ? "list of texts" : "true/false";
}

/* params { key = value } and declare_params { key = value }. A parameter is declared
 * once: by params { } in the first directory (the shipped params.lua) or by
 * declare_params { } anywhere (a team's own; declaring a name that exists is an error
 * naming where it was declared). Otherwise params { } only overrides, with a value of the
 * declared type: a misspelt name is an error with the nearest declared one, not a silent
 * new parameter. Values are numbers, texts, true/false or lists of texts (term lists);
 * a list is copied and read-only (a table in P that a check could change would be state
 * shared by every case), and a new list replaces the old one whole. Every key is checked
 * before any is set. */
static int params_set(lua_State *L, int declare) {
  hd_pack *p = pack_of(L);
  const char *fn = declare ? "declare_params" : "params";
  pack_decl_allowed(L, fn);
  if (p->load.fixtures) return luaL_error(L, "%s belongs in params.lua, not in tests/", fn);
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512], lbuf[120];
  pack_caller_where(L, where, sizeof where);
  lua_settop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params_ref);        /* 2: the real params table */
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params_where_ref);  /* 3: name -> "file:line" */
  for (int set = 0; set < 2; set++) {
    lua_pushnil(L);
    while (lua_next(L, 1)) {                               /* key value */
      if (lua_type(L, -2) != LUA_TSTRING)
        return luaL_error(L, "%s: keys must be names, not %s", fn, luaL_typename(L, -2));
      const char *k = lua_tostring(L, -2);
      int t = lua_type(L, -1);
      lua_pushvalue(L, -2);
      int had = lua_rawget(L, 2);                          /* key value old */
      lua_pop(L, 1);
      int declaring = declare || (p->load.dir == 0 && had == LUA_TNIL);
      if (set) {
        lua_pushvalue(L, -2);
        lua_pushvalue(L, -2);
        if (t == LUA_TTABLE) freeze_text_list(L);
        lua_rawset(L, 2);
        if (declaring) {
          lua_pushvalue(L, -2);
          lua_pushstring(L, where);
          lua_rawset(L, 3);
        }
      } else if (t != LUA_TNUMBER && t != LUA_TSTRING && t != LUA_TBOOLEAN && t != LUA_TTABLE) {
        return luaL_error(L, "%s: '%s' must be a number, a text, true/false or a list of "
                          "texts, not a %s", fn, k, luaL_typename(L, -1));
      } else if (t == LUA_TTABLE && text_list_problem(L, -1, lbuf, sizeof lbuf)) {
        return luaL_error(L, "%s: '%s' must be %s", fn, k,
                          text_list_problem(L, -1, lbuf, sizeof lbuf));
      } else if (declaring && had != LUA_TNIL) {
        lua_getfield(L, 3, k);
        return luaL_error(L, "declare_params: parameter '%s' is already declared at %s "
                          "(to change its value write params { %s = ... })", k,
                          lua_tostring(L, -1), k);
      } else if (!declaring && had == LUA_TNIL) {
        hd_suggest s = {NULL, 3};
        lua_pushnil(L);
        while (lua_next(L, 2)) {
          lua_pop(L, 1);
          if (lua_type(L, -1) == LUA_TSTRING) hd_suggest_offer(&s, k, lua_tostring(L, -1));
        }
        if (s.best)
          return luaL_error(L, "params: unknown parameter '%s' (did you mean '%s'?)", k, s.best);
        return luaL_error(L, "params: unknown parameter '%s' (a parameter of your own is "
                          "declared with declare_params { %s = ... })", k, k);
      } else if (!declaring && had != t) {
        lua_getfield(L, 3, k);
        return luaL_error(L, "params: '%s' is a %s (declared at %s), not a %s", k,
                          param_kind(had), lua_tostring(L, -1), param_kind(t));
      }
      lua_pop(L, 1);
    }
  }
  return 0;
}
static int decl_params(lua_State *L) { return params_set(L, 0); }
static int decl_declare_params(lua_State *L) { return params_set(L, 1); }

/* ---- isolation -------------------------------------------------------------------------- */

/* Walk what a check's function can reach at file level: every upvalue of it and of the
 * Lua functions it reaches is recorded (value restored after each run), every table is
 * frozen in place. Runs protected. stack: 1 = visited set, 2 = frozen set. */
static int walk(hd_pack *p, lua_State *L, int idx, const char *name, int from);

static int add_upv(hd_pack *p, lua_State *L, int fn, int index, const char *name) {
  upv *nv = realloc(p->uv, (size_t)(p->n_uv + 1) * sizeof *nv);
  if (!nv) return luaL_error(L, "out of memory");
  p->uv = nv;
  upv *u = &p->uv[p->n_uv];
  u->index = index;
  u->name = hd_strdup(name);
  lua_pushvalue(L, fn);
  u->fn_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushvalue(L, -1);                              /* the value, at the top */
  u->value_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  p->n_uv++;
  return 0;
}

/* Walk the keys and values of the table at idx, and the values of its metatable (a
 * metatable is a private copy that scripts cannot change, see sandbox.c
 * safe_setmetatable, but what it points at — an __index table, a closure — can be). */
static void walk_contents(hd_pack *p, lua_State *L, int idx, const char *name, int from) {
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    walk(p, L, -1, name, from);
    walk(p, L, -2, name, from);
    lua_pop(L, 1);
  }
  if (lua_getmetatable(L, idx)) {
    int mt = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, mt)) {
      walk(p, L, -1, name, from);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

static int walk(hd_pack *p, lua_State *L, int idx, const char *name, int from) {
  idx = lua_absindex(L, idx);
  int t = lua_type(L, idx);
  if (t != LUA_TFUNCTION && t != LUA_TTABLE) return 0;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, 1) != LUA_TNIL) {                /* seen for this check */
    lua_pop(L, 1);
    return 0;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, 1);
  luaL_checkstack(L, 8, "file-level values nested too deeply");
  if (t == LUA_TFUNCTION) {
    int c = lua_iscfunction(L, idx);
    for (int i = 1;; i++) {
      const char *n = lua_getupvalue(L, idx, i);     /* value */
      if (!n) break;
      if (c && (lua_type(L, -1) == LUA_TUSERDATA || lua_type(L, -1) == LUA_TTABLE))
        return luaL_error(L, "%s: check '%s': '%s' is kept at file level and holds the state "
                          "of a library function (an iterator such as gmatch's or pairs'): create it "
                          "inside the function", p->checks[from].where, p->checks[from].id, name);
      /* A library function's other upvalues are constants no script can assign (those
       * that hold state, tables or userdata, are refused above): nothing to record. _ENV
       * (the file's strict environment) is put back if a run replaces it, but not walked.
       * An upvalue shared by several functions (_ENV of a whole file) is recorded once. */
      if (!c) {
        lua_pushlightuserdata(L, lua_upvalueid(L, idx, i));
        int seen = lua_rawget(L, 3) != LUA_TNIL;
        lua_pop(L, 1);
        if (!seen) {
          lua_pushlightuserdata(L, lua_upvalueid(L, idx, i));
          lua_pushboolean(L, 1);
          lua_rawset(L, 3);
          add_upv(p, L, idx, i, *n ? n : "?");
          if (strcmp(n, "_ENV") != 0) walk(p, L, -1, *n ? n : "?", from);
        }
      }
      lua_pop(L, 1);
    }
    return 0;
  }
  if (sbx_view_target(L, idx)) {                      /* read-only already */
    lua_pushvalue(L, idx);
    int frozen = lua_rawget(L, 2) != LUA_TNIL;        /* by an earlier check: look inside */
    lua_pop(L, 1);
    if (frozen) walk_contents(p, L, lua_gettop(L), name, from);
    lua_pop(L, 1);
    return 0;
  }
  walk_contents(p, L, idx, name, from);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, 2) == LUA_TNIL) {
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, 2);
    sbx_freeze(L, idx, name);
  }
  lua_pop(L, 1);
  return 0;
}

static int snapshot(lua_State *L) {
  hd_pack *p = lua_touserdata(L, 1);
  lua_settop(L, 0);
  lua_newtable(L);                                   /* 1: visited (per check) */
  lua_newtable(L);                                   /* 2: frozen (all) */
  lua_newtable(L);                                   /* 3: upvalues recorded (per check) */
  for (int i = 0; i < p->n_checks; i++) {
    check *c = &p->checks[i];
    lua_newtable(L);
    lua_replace(L, 1);
    lua_newtable(L);
    lua_replace(L, 3);
    c->uv_from = p->n_uv;
    int fns[2] = {c->fn_run, c->fn_applies};
    for (int k = 0; k < 2; k++) {
      if (fns[k] == LUA_NOREF) continue;
      lua_rawgeti(L, LUA_REGISTRYINDEX, fns[k]);
      walk(p, L, -1, "?", i);
      lua_pop(L, 1);
    }
    c->uv_n = p->n_uv - c->uv_from;
  }
  return 0;
}

static void upv_release(hd_pack *p, lua_State *L) {
  for (int i = 0; i < p->n_uv; i++) {
    if (L) {
      luaL_unref(L, LUA_REGISTRYINDEX, p->uv[i].fn_ref);
      luaL_unref(L, LUA_REGISTRYINDEX, p->uv[i].value_ref);
    }
    free(p->uv[i].name);
  }
  free(p->uv);
  p->uv = NULL;
  p->n_uv = 0;
}

/* After a run of c: put back every file-level value it changed. Returns the name of the
 * first one changed (NULL if none). No allocation, no error. */
static const char *restore(hd_pack *p, const check *c) {
  lua_State *L = p->sbx.L;
  const char *changed = NULL;
  for (int i = c->uv_from; i < c->uv_from + c->uv_n; i++) {
    upv *u = &p->uv[i];
    lua_rawgeti(L, LUA_REGISTRYINDEX, u->fn_ref);    /* fn */
    lua_getupvalue(L, -1, u->index);                 /* fn now */
    lua_rawgeti(L, LUA_REGISTRYINDEX, u->value_ref); /* fn now then */
    if (!lua_rawequal(L, -1, -2)) {
      if (!changed) changed = u->name;
      lua_setupvalue(L, -3, u->index);               /* fn now */
      lua_pop(L, 2);
    } else {
      lua_pop(L, 3);
    }
  }
  return changed;
}

/* ---- state ------------------------------------------------------------------------------- */

static void retire_checks(hd_pack *p) {
  /* Findings of the current case point at the checks' names: keep the old array. */
  if (!p->checks) return;
  check **ng = realloc(p->retired, (size_t)(p->n_retired + 1) * sizeof *ng);
  int *nn = ng ? realloc(p->retired_n, (size_t)(p->n_retired + 1) * sizeof *nn) : NULL;
  if (ng) p->retired = ng;
  if (!ng || !nn) {                                  /* cannot keep them: free (rare) */
    for (int i = 0; i < p->n_checks; i++) check_release(&p->checks[i], NULL);
    free(p->checks);
  } else {
    p->retired_n = nn;
    p->retired[p->n_retired] = p->checks;
    p->retired_n[p->n_retired++] = p->n_checks;
  }
  p->checks = NULL;
  p->n_checks = 0;
}

static int run_chunk(hd_pack *p, const source *s, hd_err *err) {
  if (sbx_load(&p->sbx, s->path, s->text, s->len, err)) return err->code;
  p->load.dir = s->dir;
  char *msg = NULL;
  int st = sbx_call(&p->sbx, 0, 0, &msg);
  if (st != LUA_OK) {
    if (sbx_stopped(&p->sbx)) {
      int pos = sbx_position_len(msg);
      hd_err_set(err, HD_EDATA, "%.*s%s%s stopped while loading: %s", pos ? pos - 2 : 0,
                 msg ? msg : "", pos ? ": " : "", s->path, msg ? msg + pos : "?");
    } else {
      hd_err_set(err, HD_EDATA, "%s", msg ? msg : "out of memory");
    }
    free(msg);
    return HD_EDATA;
  }
  return HD_OK;
}

static int install(lua_State *L) {
  hd_pack *p = lua_touserdata(L, 1);
  lua_newtable(L);
  p->params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_newtable(L);
  p->fix.list_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushcfunction(L, decl_check);
  sbx_global(&p->sbx, "check");
  lua_newtable(L);
  p->params_where_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushcfunction(L, decl_params);
  sbx_global(&p->sbx, "params");
  lua_pushcfunction(L, decl_declare_params);
  sbx_global(&p->sbx, "declare_params");
  pack_install_helpers(p);
  fixtures_install(p);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params_ref);
  sbx_readonly(L);
  sbx_global(&p->sbx, "P");
  return 0;
}

int pack_build_state(hd_pack *p, hd_err *err) {
  retire_checks(p);
  upv_release(p, p->sbx.abandoned ? NULL : p->sbx.L);
  sbx_close(&p->sbx);
  hd_sbx_limits lim = {p->o.instruction_budget, p->o.memory_limit, p->o.time_limit_ms};
  if (sbx_open(&p->sbx, &lim, p, err)) return err->code;
  p->cur.ref = p->fix.base_ref = LUA_NOREF;
  luacase_init(&p->lc);
  char *msg = NULL;
  if (sbx_cpcall(&p->sbx, install, p, 0, &msg) != LUA_OK) {
    free(msg);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  int rc = HD_OK;
  p->load.fixtures = 0;
  p->load.running = 1;
  for (int i = 0; i < p->n_src && rc == HD_OK; i++) rc = run_chunk(p, &p->src[i], err);
  p->load.fixtures = 1;
  for (int i = 0; i < p->n_fx && rc == HD_OK; i++) rc = run_chunk(p, &p->fx[i], err);
  p->load.fixtures = 0;
  p->load.running = 0;
  if (rc) return rc;
  if (sbx_cpcall(&p->sbx, snapshot, p, 0, &msg) != LUA_OK) {
    hd_err_set(err, HD_EDATA, "%s", msg ? msg : "out of memory while freezing what the "
               "checks keep at file level");
    free(msg);
    return HD_EDATA;
  }
  sbx_mark_base(&p->sbx);
  return HD_OK;
}

/* ---- loading ------------------------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_source(source **list, int *count, const char *dir, const char *name,
                      int dir_index, hd_err *err) {
  char path[4096];
  if (hd_snprintf(path, sizeof path, "%s/%s", dir, name) < 0)
    return hd_err_set(err, HD_EDATA, "path too long: '%s/%s'", dir, name);
  source s = {hd_strdup(path), NULL, 0, dir_index};
  if (hd_read_file(path, MAX_SOURCE, &s.text, &s.len, err)) {
    free(s.path);
    return err->code;
  }
  size_t bad;
  if (!hd_utf8_valid(s.text, s.len, &bad)) {
    free(s.path);
    free(s.text);
    return hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", path, bad);
  }
  source *nv = realloc(*list, (size_t)(*count + 1) * sizeof *nv);
  if (!nv) {
    free(s.path);
    free(s.text);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  *list = nv;
  nv[(*count)++] = s;
  return HD_OK;
}

int pack_scan_dir(source **list, int *count, const char *dir, int dir_index,
                  const char *first, int optional, hd_err *err) {
  DIR *d = opendir(dir);
  if (!d && optional) return HD_OK;
  if (!d) return hd_err_set(err, HD_EDATA, "cannot open check directory '%s'", dir);
  char *names[1024];
  int n = 0, rc = HD_OK, has_first = 0, more = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".lua") != 0 || e->d_name[0] == '.') continue;
    if (strcmp(e->d_name, first) == 0) {
      has_first = 1;
      continue;
    }
    if (n == 1024) {
      more = 1;
      break;
    }
    if (!(names[n] = hd_strdup(e->d_name))) break;
    n++;
  }
  closedir(d);
  if (more) rc = hd_err_set(err, HD_EDATA, "%s: more than 1024 .lua files", dir);
  qsort(names, (size_t)n, sizeof *names, cmp_str);
  if (rc == HD_OK && has_first) rc = add_source(list, count, dir, first, dir_index, err);
  for (int i = 0; i < n; i++) {
    if (rc == HD_OK) rc = add_source(list, count, dir, names[i], dir_index, err);
    free(names[i]);
  }
  return rc;
}

static void compute_revision(hd_pack *p) {
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
  for (int i = 0; i < p->n_src; i++) {
    const char *base = strrchr(p->src[i].path, '/');
    base = base ? base + 1 : p->src[i].path;
    /* The file name and contents count, not where the directory happens to be. */
    EVP_DigestUpdate(ctx, base, strlen(base) + 1);
    EVP_DigestUpdate(ctx, p->src[i].text, p->src[i].len);
    EVP_DigestUpdate(ctx, "\0", 1);
  }
  EVP_DigestFinal_ex(ctx, md, &n);
  EVP_MD_CTX_free(ctx);
  static const char H[] = "0123456789abcdef";
  for (int i = 0; i < 8; i++) {
    p->revision[2 * i] = H[md[i] >> 4];
    p->revision[2 * i + 1] = H[md[i] & 15];
  }
  p->revision[16] = '\0';
}

int pack_load(const hd_pack_opts *o, hd_pack **out, hd_err *err) {
  hd_pack *p = calloc(1, sizeof *p);
  *out = NULL;
  if (!p) return hd_err_set(err, HD_ENOMEM, "out of memory");
  p->o = *o;
  if (p->o.instruction_budget <= 0) p->o.instruction_budget = DEFAULT_BUDGET;
  if (p->o.memory_limit <= 0) p->o.memory_limit = DEFAULT_MEMORY;
  if (p->o.time_limit_ms <= 0) p->o.time_limit_ms = DEFAULT_TIME_MS;
  int rc = HD_OK;
  for (int i = 0; i < o->n_dirs && rc == HD_OK; i++)
    rc = pack_scan_dir(&p->src, &p->n_src, o->dirs[i], i, "params.lua", 0, err);
  if (rc == HD_OK && p->n_src == 0) rc = hd_err_set(err, HD_EDATA, "no check files found");
  if (rc == HD_OK) rc = pack_build_state(p, err);
  if (rc == HD_OK && p->n_checks == 0) rc = hd_err_set(err, HD_EDATA, "no checks declared");
  if (rc) {
    pack_free(p);
    return rc;
  }
  compute_revision(p);
  *out = p;
  return HD_OK;
}

static void sources_free(source *s, int n) {
  for (int i = 0; i < n; i++) {
    free(s[i].path);
    free(s[i].text);
  }
  free(s);
}

void pack_free(hd_pack *p) {
  if (!p) return;
  for (int i = 0; i < p->n_checks; i++) check_release(&p->checks[i], NULL);
  free(p->checks);
  for (int r = 0; r < p->n_retired; r++) {
    for (int i = 0; i < p->retired_n[r]; i++) check_release(&p->retired[r][i], NULL);
    free(p->retired[r]);
  }
  free(p->retired);
  free(p->retired_n);
  upv_release(p, NULL);
  sbx_close(&p->sbx);
  sources_free(p->src, p->n_src);
  sources_free(p->fx, p->n_fx);
  made_clear(p);
  free(p->out.v);
  for (int i = 0; i < p->n_quarantine; i++) {
    free(p->quarantine[i].id);
    free(p->quarantine[i].msg);
  }
  free(p->quarantine);
  free(p->cur.mats);
  free(p);
}

int pack_count(const hd_pack *p) { return p->n_checks; }
const char *pack_revision(const hd_pack *p) { return p->revision; }
void pack_check_info(const hd_pack *p, int i, const char **id, const char **clause,
                     const char **title) {
  *id = p->checks[i].id;
  *clause = p->checks[i].clause;
  *title = p->checks[i].title;
}
int pack_find_check(const hd_pack *p, const char *id, const char **near) {
  hd_suggest s = {NULL, 3};
  for (int i = 0; i < p->n_checks; i++) {
    if (strcmp(p->checks[i].id, id) == 0) return i;
    hd_suggest_offer(&s, id, p->checks[i].id);
  }
  if (near) *near = s.best;
  return -1;
}

int pack_check_waivable(const hd_pack *p, int i, char *why, size_t size) {
  const check *c = &p->checks[i];
  if (strcmp(c->severity, "ban") == 0)
    hd_snprintf(why, size, "%s is a ban (severity \"ban\"), and a ban is never waived",
                c->clause);
  else if (!c->waivable)
    hd_snprintf(why, size, "the check does not allow waivers (its declaration at %s has no "
                "waivable = true)", c->where);
  else
    return HD_OK;
  return HD_EDATA;
}

const char *pack_log(const hd_pack *p) { return p->sbx.log.p ? p->sbx.log.p : ""; }

/* ---- running ------------------------------------------------------------------------------ */

/* "file:line: check 'id': what", or "...: check 'id' stopped: why". Caller frees. */
static char *check_message(const hd_pack *p, const check *c, const char *msg) {
  hd_buf b;
  hd_buf_init(&b, 0);
  int pos = sbx_position_len(msg);
  if (pos) hd_buf_printf(&b, "%.*s: check '%s'", pos - 2, msg, c->id);
  else hd_buf_printf(&b, "%s: check '%s'", c->where, c->id);
  if (sbx_stopped(&p->sbx)) hd_buf_printf(&b, " stopped: %s", msg ? msg + pos : "?");
  else hd_buf_printf(&b, ": %s", msg ? msg + pos : "out of memory");
  if (!b.p) return NULL;
  return hd_buf_steal(&b);
}

int pack_run_one(hd_pack *p, const check *c, int case_idx, hd_findings *f) {
  lua_State *L = p->sbx.L;
  int top = lua_gettop(L), st, applies = 1;
  char *msg = NULL;
  for (int i = 0; i < p->n_quarantine; i++)
    if (strcmp(p->quarantine[i].id, c->id) == 0)
      return findings_add(f, c, HD_ERROR, hd_strdup(p->quarantine[i].msg), NULL);
  if (!(c->types & p->cur.type_bit)) { /* not a check of this registration type */
    char text[120];
    int t = 0;
    while (p->cur.type_bit && !(p->cur.type_bit & (1u << t))) t++;
    snprintf(text, sizeof text, "不适用于%s", p->cur.type_bit ? REG_TYPE_CN[t] : "该登记类型");
    return findings_add(f, c, HD_NA, hd_strdup(text), NULL);
  }
  made_clear(p);
  p->sbx.label = c->where;
  if (c->fn_applies != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->fn_applies);
    lua_pushvalue(L, case_idx);
    st = sbx_call(&p->sbx, 1, 1, &msg);
    if (st != LUA_OK) goto error;
    applies = lua_toboolean(L, -1);
    lua_settop(L, top);
  }
  if (applies) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->fn_run);
    lua_pushvalue(L, case_idx);
    st = sbx_call(&p->sbx, 1, 1, &msg);
    if (st != LUA_OK) goto error;
  }
  const char *kept = restore(p, c);
  if (kept) {
    lua_settop(L, top);
    char text[700];
    snprintf(text, sizeof text, "%s: check '%s' keeps state between cases: it changed the "
             "file-level '%s' (put back); make it local to the function", c->where, c->id, kept);
    return findings_add(f, c, HD_ERROR, hd_strdup(text), NULL);
  }
  if (!applies) return findings_add(f, c, HD_NA, hd_strdup("不适用"), NULL);
  /* The result must be an outcome that pass/fail/rectify/manual/na made in this run. */
  made *x = NULL;
  if (lua_type(L, -1) == LUA_TLIGHTUSERDATA) {
    uintptr_t token = (uintptr_t)lua_touserdata(L, -1);
    for (int i = 0; i < p->out.n && !x; i++)
      if (p->out.v[i].token == token) x = &p->out.v[i];
  }
  if (!x) {
    char text[1024];
    snprintf(text, sizeof text, "%s: check '%s' returned %s instead of pass(...), fail(...), "
             "rectify(...), manual(...) or na(...)", c->where, c->id,
             lua_type(L, -1) == LUA_TLIGHTUSERDATA ? "an outcome made in an earlier run"
                                                   : luaL_typename(L, -1));
    lua_settop(L, top);
    return findings_add(f, c, HD_ERROR, hd_strdup(text), NULL);
  }
  lua_settop(L, top);
  char *m = x->msg;
  hd_evidence *ev = x->ev;
  x->msg = NULL; /* the finding owns them now */
  x->ev = NULL;
  if (findings_add(f, c, x->outcome, m, ev)) return HD_ENOMEM;
  hd_finding *y = &f->v[f->n - 1];
  y->message_raw = 1;
  y->message_len = x->msg_len;
  y->message_total = x->msg_total;
  y->route = x->route;
  if (y->route && !f->route) f->route = y->route;
  return HD_OK;
error:
  if (!sbx_stopped(&p->sbx)) restore(p, c);
  if (!p->sbx.abandoned) lua_settop(L, top);
  char *text = check_message(p, c, msg);
  free(msg);
  if (p->sbx.abandoned && text) { /* not again: see hd_pack.quarantine */
    void *nq = realloc(p->quarantine, (size_t)(p->n_quarantine + 1) * sizeof *p->quarantine);
    char *qid = hd_strdup(c->id), *qm = hd_strdup(text);
    if (nq && qid && qm) {
      p->quarantine = nq;
      p->quarantine[p->n_quarantine].id = qid;
      p->quarantine[p->n_quarantine++].msg = qm;
    } else {
      if (nq) p->quarantine = nq;
      free(qid);
      free(qm);
    }
  }
  return findings_add(f, c, HD_ERROR, text, NULL);
}

static const char *row_str(const hd_row *r, const char *k) {
  const hd_value *v = row_get(r, k);
  return v && v->type == HD_V_TEXT ? v->s : NULL;
}

static char *row_text(const hd_row *r, const char *k) {
  const char *s = row_str(r, k);
  return s ? hd_strdup(s) : NULL;
}

/* The waivers of the case (v->waivers: the waivers table with its revocation, in id
 * order) on its findings, as of as_of. A waiver approved after as_of does not exist yet;
 * one revoked on or before as_of, or expired before it, is noted and not applied. An
 * active waiver of a ban or of a check that allows none is refused: noted on the finding,
 * not applied, and said in f->waiver_problems, as is an active waiver of a check the pack
 * does not have. Of several waivers of one check the active one counts, else the last.
 * Out of memory loses notes, never applies a waiver it could not note. */
static void apply_waivers(const hd_pack *p, const hd_caseview *v, hd_date as_of,
                          hd_findings *f) {
  hd_buf probs;
  hd_buf_init(&probs, 0);
  for (int w = 0; w < v->waivers.n; w++) {
    const hd_row *r = &v->waivers.v[w];
    const hd_value *id = row_get(r, "check_id"), *wid = row_get(r, "id");
    if (!id || id->type != HD_V_TEXT) continue;
    long long num = wid && wid->type == HD_V_INT ? wid->i : 0;
    int state = waiver_state(row_str(r, "approved_date"), row_str(r, "expires"),
                             row_str(r, "revoked_date"), as_of);
    if (state < 0) continue;
    int k = pack_find_check(p, id->s, NULL);
    char why[700];
    if (k < 0) {
      if (state == HD_WAIVER_ACTIVE)
        hd_buf_printf(&probs, "waiver %lld of check '%s' ignored: the check pack has no check "
                      "'%s'\n", num, id->s, id->s);
      continue;
    }
    if (state == HD_WAIVER_ACTIVE && pack_check_waivable(p, k, why, sizeof why)) {
      state = HD_WAIVER_REFUSED;
      hd_buf_printf(&probs, "waiver %lld of check '%s' ignored: %s\n", num, id->s, why);
    }
    for (int i = 0; i < f->n; i++) {
      hd_finding *x = &f->v[i];
      if (strcmp(x->check_id, id->s) != 0) continue;
      if (x->wv && x->wv->state == HD_WAIVER_ACTIVE) break; /* the active one counts */
      hd_waiver_use *u = calloc(1, sizeof *u);
      if (!u) break;
      u->id = num;
      u->state = state;
      u->approver = row_text(r, "approver");
      u->approved_date = row_text(r, "approved_date");
      u->justification = row_text(r, "justification");
      u->expires = row_text(r, "expires");
      u->revoked_date = row_text(r, "revoked_date");
      char note[1400], ex[32] = "?", revoked[32] = "?";
      const char *ap = u->approver ? u->approver : "", *ju = u->justification ? u->justification : "";
      hd_date d; /* dates in the note as the opinion's sentences write them: 2026年3月16日 */
      if (u->expires && hd_date_parse(u->expires, &d)) hd_date_cn(d, ex);
      if (u->revoked_date && hd_date_parse(u->revoked_date, &d)) hd_date_cn(d, revoked);
      if (state == HD_WAIVER_REVOKED)
        hd_snprintf(note, sizeof note, "豁免已于%s撤销 %s（%s）", revoked, ap, ju);
      else if (state == HD_WAIVER_REFUSED)
        hd_snprintf(note, sizeof note, "豁免无效（%s） %s（%s）",
                    strcmp(x->severity, "ban") == 0 ? "禁止性规定不得豁免" : "该项检查不允许豁免",
                    ap, ju);
      else
        hd_snprintf(note, sizeof note, "%s %s（%s），有效期至%s",
                    state == HD_WAIVER_ACTIVE ? "已豁免" : "豁免已过期", ap, ju, ex);
      waiver_use_free(x->wv);
      free(x->waiver);
      x->wv = u;
      x->waiver = hd_strdup(note);
      x->waived = state == HD_WAIVER_ACTIVE && x->waiver &&
                  (x->outcome == HD_FAIL || x->outcome == HD_RECTIFY || x->outcome == HD_MANUAL);
      break;
    }
  }
  f->waiver_problems = probs.len ? hd_buf_steal(&probs) : NULL;
  hd_buf_release(&probs);
}

/* Note a present material for hd.material: expired if it has a valid_until (has_until)
 * that is not a date on or after the as-of date; dated after the review if its issued
 * date is after the as-of date (it did not exist when the case was reviewed); else
 * valid. The one rule for case views and fixture cases. kind must outlive the case.
 * Returns 1 if out of memory. */
static int note_material(hd_pack *p, const char *kind, int index, int has_until,
                         const char *until, const char *issued) {
  hd_date d;
  int status = MAT_VALID;
  if (has_until && !(until && hd_date_parse(until, &d) && hd_date_cmp(d, p->cur.as_of) >= 0))
    status = MAT_EXPIRED;
  else if (issued && hd_date_parse(issued, &d) && hd_date_cmp(d, p->cur.as_of) > 0)
    status = MAT_FUTURE;
  if (p->cur.n_mats == p->cur.cap_mats) {
    int cap = p->cur.cap_mats ? p->cur.cap_mats * 2 : 16;
    struct mat *nm = realloc(p->cur.mats, (size_t)cap * sizeof *nm);
    if (!nm) return 1;
    p->cur.mats = nm;
    p->cur.cap_mats = cap;
  }
  p->cur.mats[p->cur.n_mats].kind = kind;
  p->cur.mats[p->cur.n_mats].index = index;
  p->cur.mats[p->cur.n_mats].status = status;
  p->cur.n_mats++;
  return 0;
}

int pack_set_case(hd_pack *p, int idx, hd_err *err) {
  lua_State *L = p->sbx.L;
  (void)err;
  idx = lua_absindex(L, idx);
  luaL_unref(L, LUA_REGISTRYINDEX, p->cur.ref);
  lua_pushvalue(L, idx);
  p->cur.ref = luaL_ref(L, LUA_REGISTRYINDEX);
  p->cur.n_mats = 0;
  lua_getfield(L, idx, "reg_type"); /* a read-only view: through its __index */
  p->cur.type_bit = pack_type_bit(lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL);
  lua_pop(L, 1);
  lua_getfield(L, idx, "materials");
  lua_Integer n = lua_type(L, -1) == LUA_TTABLE ? luaL_len(L, -1) : 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, -1, i);
    if (lua_type(L, -1) != LUA_TTABLE) {
      lua_pop(L, 1);
      continue;
    }
    lua_getfield(L, -1, "kind");
    lua_getfield(L, -2, "present");
    lua_getfield(L, -3, "valid_until");
    lua_getfield(L, -4, "issued_date");
    int present = lua_isnil(L, -3) || lua_toboolean(L, -3);
    if (lua_type(L, -4) == LUA_TSTRING && present &&
        note_material(p, lua_tostring(L, -4), (int)i, !lua_isnil(L, -2),
                      lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL,
                      lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL))
      luaL_error(L, "out of memory"); /* the kind stays alive in the case table */
    lua_pop(L, 5);
  }
  lua_pop(L, 1);
  return HD_OK;
}

typedef struct push_arg { hd_pack *p; const hd_caseview *v; } push_arg;

/* Index the present materials of a case view for hd.material (kinds point into the view,
 * which lives while the case is checked), and note its registration type. The same rule
 * as pack_set_case. */
static void index_view_materials(hd_pack *p, const hd_caseview *v) {
  const hd_value *rt = row_get(&v->kase, "reg_type");
  p->cur.type_bit = pack_type_bit(rt && rt->type == HD_V_TEXT ? rt->s : NULL);
  p->cur.n_mats = 0;
  for (int i = 0; i < v->materials.n; i++) {
    const hd_row *r = &v->materials.v[i];
    const hd_value *kind = row_get(r, "kind"), *present = row_get(r, "present"),
                   *until = row_get(r, "valid_until"), *issued = row_get(r, "issued_date");
    if (!kind || kind->type != HD_V_TEXT) continue;
    if (present && present->type == HD_V_INT && present->i == 0) continue;
    int has_until = until && until->type != HD_V_NULL;
    if (note_material(p, kind->s, i + 1, has_until,
                      has_until && until->type == HD_V_TEXT ? until->s : NULL,
                      issued && issued->type == HD_V_TEXT ? issued->s : NULL))
      return; /* materials past this read as missing; memory is gone anyway */
  }
}

static int push_case(lua_State *L) {
  push_arg *a = lua_touserdata(L, 1);
  lua_settop(L, 0);
  luacase_as_of(&a->p->lc, &a->p->cur.as_of); /* the case as it stood on the review date */
  luacase_push(&a->p->lc, L, a->v, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, a->p->cur.ref);
  lua_pushvalue(L, 1);
  a->p->cur.ref = luaL_ref(L, LUA_REGISTRYINDEX);
  index_view_materials(a->p, a->v);
  return 1;
}

int pack_run_case(hd_pack *p, sqlite3 *db, const hd_calendar *cal, long long case_id,
                  const char *as_of, hd_findings *out, hd_err *err) {
  hd_caseview_loader *ld = NULL;
  hd_caseview v;
  int rc = caseview_loader_new(db, &ld, err);
  if (rc) return rc;
  rc = caseview_load(ld, case_id, &v, err);
  if (rc == HD_OK) {
    rc = pack_run_view(p, &v, cal, as_of, out, err);
    caseview_release(&v);
  }
  caseview_loader_free(ld);
  return rc;
}

int pack_run_view(hd_pack *p, const hd_caseview *v, const hd_calendar *cal, const char *as_of,
                  hd_findings *out, hd_err *err) {
  memset(out, 0, sizeof *out);
  if (!hd_date_parse(as_of, &p->cur.as_of))
    return hd_err_set(err, HD_EUSAGE, "as-of date '%s' is not a valid date YYYY-MM-DD", as_of);
  if (!p->sbx.L && pack_build_state(p, err)) return err->code;
  p->cur.cal = cal;
  hd_buf_reset(&p->sbx.log);
  memcpy(out->revision, p->revision, sizeof out->revision);
  push_arg a = {p, v};
  char *msg = NULL;
  int rebuilt = 0;
  for (int i = 0; i < p->n_checks; i++) {
    if (i == 0 || rebuilt) {
      lua_settop(p->sbx.L, 0);
      sbx_push_handler(&p->sbx);                     /* 1: the handler of every call */
      if (sbx_cpcall(&p->sbx, push_case, &a, 1, &msg) != LUA_OK) {
        /* The case does not fit in the memory left: the state is rebuilt once. */
        free(msg);
        msg = NULL;
        if (rebuilt || pack_build_state(p, err) ||
            (sbx_push_handler(&p->sbx), sbx_cpcall(&p->sbx, push_case, &a, 1, &msg)) != LUA_OK) {
          free(msg);
          findings_release(out);
          return hd_err_set(err, HD_EDATA, "the case does not fit in the checks' memory "
                            "(%ld MB): one of its values is too large", p->o.memory_limit >> 20);
        }
      }
      rebuilt = 0;
    }
    if (pack_run_one(p, &p->checks[i], 2, out)) {
      findings_release(out);
      return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
    if (sbx_stopped(&p->sbx)) {
      /* Budget, deadline or memory: this check's state is suspect. Rebuild from the
       * cached sources and carry on with the next check on a fresh case table. */
      if (pack_build_state(p, err)) {
        findings_release(out);
        return err->code;
      }
      rebuilt = 1;
    }
  }
  lua_settop(p->sbx.L, 0);
  apply_waivers(p, v, p->cur.as_of, out);
  out->decision = findings_decide(out);
  return HD_OK;
}
