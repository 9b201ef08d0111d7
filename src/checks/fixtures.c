/* fixtures.c: the fixture runner of checks.h (pack_test) — base { } and fixture { }
 * declarations in the tests/ of each check directory, the fixture's case checked against
 * the fields of a real case (from the case view loader's columns) and merged over the
 * base into a strict read-only case, every check run on it and compared both ways,
 * retirement of fixtures of replaced checks, coverage, and the order (in file order or
 * shuffled, or one fixture alone). Every read of a fixture's tables happens in protected
 * mode with raw reads: a fixture cannot make the runner run a metamethod unprotected. */
#include <json-c/json.h>
#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/pack_int.h"
#include "model/caseview.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/suggest.h"

static hd_pack *pack_of(lua_State *L) { return sbx_owner(L); }

static int rawfield(lua_State *L, int t, const char *k) {
  lua_pushstring(L, k);
  return lua_rawget(L, t);
}

/* fixture { name=..., as_of=..., case={...}, expect={[id]="outcome"} } */
static int decl_fixture(lua_State *L) {
  hd_pack *p = pack_of(L);
  pack_decl_allowed(L, "fixture");
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512];
  pack_caller_where(L, where, sizeof where);
  if (rawfield(L, 1, "name") != LUA_TSTRING)
    return luaL_error(L, "fixture: 'name' (a string) is required");
  if (rawfield(L, 1, "expect") != LUA_TTABLE)
    return luaL_error(L, "fixture: 'expect' (a table) is required");
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING ||
        outcome_parse(lua_tostring(L, -1)) < 0 || outcome_parse(lua_tostring(L, -1)) == HD_ERROR)
      return luaL_error(L, "fixture: 'expect' maps check ids to pass, fail, rectify, manual or n/a");
    lua_pop(L, 1);
  }
  /* 1 the fixture, 2 its name, 3 expect */
  int d = rawfield(L, 1, "decision");
  if (d != LUA_TNIL) {
    const char *v = d == LUA_TSTRING ? lua_tostring(L, -1) : "";
    if (strcmp(v, "approve") && strcmp(v, "rectify") && strcmp(v, "hold") && strcmp(v, "reject"))
      return luaL_error(L, "fixture: 'decision' is one of approve, rectify, hold, reject");
  }
  lua_pop(L, 1);
  int r = rawfield(L, 1, "route");
  if (r != LUA_TNIL && (r != LUA_TSTRING || (strcmp(lua_tostring(L, -1), "ordinary") &&
                                             strcmp(lua_tostring(L, -1), "simplified"))))
    return luaL_error(L, "fixture: 'route' is ordinary or simplified");
  lua_pop(L, 1);
  if (rawfield(L, 1, "messages") != LUA_TNIL) {     /* expect messages */
    if (lua_type(L, -1) != LUA_TTABLE)
      return luaL_error(L, "fixture: 'messages' maps check ids to the exact message expected");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, "fixture: 'messages' maps check ids to the exact message expected");
      lua_pushvalue(L, -2);
      if (lua_rawget(L, 3) == LUA_TNIL)
        return luaL_error(L, "fixture: 'messages' names '%s', which 'expect' does not (say "
                          "which outcome the message comes with)", lua_tostring(L, -3));
      lua_pop(L, 2);
    }
  }
  lua_pop(L, 3);                                     /* messages expect name */
  int t = rawfield(L, 1, "case");
  if (t != LUA_TNIL && t != LUA_TTABLE) return luaL_error(L, "fixture: 'case' must be a table");
  lua_pop(L, 1);
  lua_createtable(L, 0, 3);                          /* {t = fixture, where = "...", dir = i} */
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "t");
  lua_pushstring(L, where);
  lua_setfield(L, -2, "where");
  lua_pushinteger(L, p->load.dir);
  lua_setfield(L, -2, "dir");
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fix.list_ref);
  lua_insert(L, -2);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

static const char BASE_WHERE = 'w';                 /* registry key: "file:line" of base */

/* base { ...a case that passes every check..., as_of = "YYYY-MM-DD" } */
static int decl_base(lua_State *L) {
  hd_pack *p = pack_of(L);
  pack_decl_allowed(L, "base");
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512];
  pack_caller_where(L, where, sizeof where);
  luaL_unref(L, LUA_REGISTRYINDEX, p->fix.base_ref);
  lua_pushvalue(L, 1);
  p->fix.base_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushstring(L, where);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &BASE_WHERE);
  return 0;
}

void fixtures_install(hd_pack *p) {
  lua_State *L = p->sbx.L;
  lua_pushcfunction(L, decl_fixture);
  sbx_global(&p->sbx, "fixture");
  lua_pushcfunction(L, decl_base);
  sbx_global(&p->sbx, "base");
  /* `none` in a fixture removes a field of the base case. */
  lua_newtable(L);
  sbx_readonly(L);
  sbx_global(&p->sbx, "none");
}

static int is_none(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_getfield(L, -1, "none");
  int r = lua_rawequal(L, idx, -1);
  lua_pop(L, 2);
  return r;
}

/* ---- the fields of a case --------------------------------------------------------------- */

/* What a fixture may write at each place of a case, learnt from the columns the case view
 * loader reads (model/caseview.c) in the schema of a register, so that it follows the
 * schema; nested tables, the renaming of rights rows (right_kind -> kind, holder_* ->
 * holder) and the fields luacase computes (the prior certificate's status and holders)
 * as sandbox/luacase.c builds the real case. The loader's own columns (_x) are none. A
 * derived field (FK_DERIVED: c.prior.holders) is made from others and not written. */
enum { FK_ANY, FK_FLAG, FK_INT, FK_REAL, FK_TEXT, FK_RECORD, FK_LIST, FK_DERIVED };
typedef struct shape shape;
typedef struct field { char *name; int kind; const shape *sub; } field;
struct shape {
  const char *path;    /* as the real case names it in errors: "c.applicant" */
  field *f;
  int n;
  const char **known;  /* the names, NULL-terminated, for luacase_strict */
};
enum { SH_CASE, SH_APPLICANT, SH_COUNTERPARTY, SH_RECORD, SH_RESOURCE, SH_RIGHT, SH_HOLDER,
       SH_MATERIAL, SH_OBJECTION, SH_PRIOR, SH_PRIOR_APPLICANT, SH_PRIOR_RIGHT,
       SH_PRIOR_HOLDER, SH_PRIOR_HOLDERS, SH_PRIOR_RESOURCE, SH_ISSUER, SH_COUNT };
typedef struct shapes { shape s[SH_COUNT]; } shapes;

static const char *const SHAPE_PATH[SH_COUNT] = {
    "c", "c.applicant", "c.counterparty", "c.applicant.records[i]", "c.resource",
    "c.rights[i]", "c.rights[i].holder", "c.materials[i]", "c.objections[i]", "c.prior",
    "c.prior.applicant", "c.prior.rights[i]", "c.prior.rights[i].holder", "c.prior.holders[i]",
    "c.prior.resource", "c.materials[i].issuer"};

static int shape_add(shape *s, const char *name, int kind, const shape *sub) {
  field *nf = realloc(s->f, (size_t)(s->n + 1) * sizeof *nf);
  if (!nf) return HD_ENOMEM;
  s->f = nf;
  if (!(nf[s->n].name = hd_strdup(name))) return HD_ENOMEM;
  nf[s->n].kind = kind;
  nf[s->n].sub = sub;
  s->n++;
  return HD_OK;
}

/* SQLite's affinity rules on the declared type; 0/1 flag columns are booleans. */
static int kind_of(hd_column c) {
  if (c.flag) return FK_FLAG;
  if (!c.decltype) return FK_ANY;
  char up[64];
  size_t i = 0;
  for (; c.decltype[i] && i < sizeof up - 1; i++)
    up[i] = (char)(c.decltype[i] >= 'a' && c.decltype[i] <= 'z' ? c.decltype[i] - 32 : c.decltype[i]);
  up[i] = '\0';
  if (strstr(up, "INT")) return FK_INT;
  if (strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT")) return FK_TEXT;
  if (strstr(up, "REAL") || strstr(up, "FLOA") || strstr(up, "DOUB")) return FK_REAL;
  return FK_ANY;
}

static void shapes_free(shapes *sh) {
  for (int k = 0; k < SH_COUNT; k++) {
    for (int i = 0; i < sh->s[k].n; i++) free(sh->s[k].f[i].name);
    free(sh->s[k].f);
    free(sh->s[k].known);
  }
  memset(sh, 0, sizeof *sh);
}

/* The fields of a case in db's schema, or in that of a new in-memory register if db is
 * NULL. */
static int shapes_build(sqlite3 *db, shapes *sh, hd_err *err) {
  /* shape: where a part's columns go; nested: the shape of the columns that begin with
   * prefix (the holder part of a right, the issuer of a material; -1: none) */
  static const struct { int part, shape, nested; const char *prefix; } FROM[] = {
      {HD_PART_CASE, SH_CASE, -1, NULL},         {HD_PART_SUBJECT, SH_APPLICANT, -1, NULL},
      {HD_PART_SUBJECT, SH_COUNTERPARTY, -1, NULL}, {HD_PART_RECORD, SH_RECORD, -1, NULL},
      {HD_PART_RESOURCE, SH_RESOURCE, -1, NULL}, {HD_PART_RIGHT, SH_RIGHT, SH_HOLDER, "holder_"},
      {HD_PART_MATERIAL, SH_MATERIAL, SH_ISSUER, "issuer_"},
      {HD_PART_OBJECTION, SH_OBJECTION, -1, NULL},
      {HD_PART_PRIOR, SH_PRIOR, -1, NULL},       {HD_PART_SUBJECT, SH_PRIOR_APPLICANT, -1, NULL},
      {HD_PART_RIGHT, SH_PRIOR_RIGHT, SH_PRIOR_HOLDER, "holder_"},
      {HD_PART_RIGHT, -1, SH_PRIOR_HOLDERS, "holder_"},
      {HD_PART_RESOURCE, SH_PRIOR_RESOURCE, -1, NULL}};
  static const struct { int shape; const char *name; int kind, sub; } NESTED[] = {
      {SH_CASE, "applicant", FK_RECORD, SH_APPLICANT},
      {SH_CASE, "counterparty", FK_RECORD, SH_COUNTERPARTY},
      {SH_CASE, "resource", FK_RECORD, SH_RESOURCE},
      {SH_CASE, "rights", FK_LIST, SH_RIGHT},
      {SH_CASE, "materials", FK_LIST, SH_MATERIAL},
      {SH_MATERIAL, "issuer", FK_RECORD, SH_ISSUER},
      {SH_CASE, "objections", FK_LIST, SH_OBJECTION},
      {SH_CASE, "prior", FK_RECORD, SH_PRIOR},
      {SH_APPLICANT, "records", FK_LIST, SH_RECORD},
      {SH_RIGHT, "holder", FK_RECORD, SH_HOLDER},
      {SH_PRIOR, "status", FK_TEXT, -1},
      {SH_PRIOR, "applicant", FK_RECORD, SH_PRIOR_APPLICANT},
      {SH_PRIOR, "rights", FK_LIST, SH_PRIOR_RIGHT},
      {SH_PRIOR, "holders", FK_DERIVED, SH_PRIOR_HOLDERS},
      {SH_PRIOR, "resource", FK_RECORD, SH_PRIOR_RESOURCE},
      {SH_PRIOR_RIGHT, "holder", FK_RECORD, SH_PRIOR_HOLDER}};
  sqlite3 *own = NULL;
  hd_caseview_loader *ld = NULL;
  int rc = HD_OK;
  memset(sh, 0, sizeof *sh);
  for (int k = 0; k < SH_COUNT; k++) sh->s[k].path = SHAPE_PATH[k];
  if (!db && (rc = store_open(":memory:", HD_STORE_CREATE, &own, err))) goto cleanup;
  if ((rc = caseview_loader_new(db ? db : own, &ld, err))) goto cleanup;
  for (size_t f = 0; f < sizeof FROM / sizeof *FROM && rc == HD_OK; f++) {
    int n = caseview_column_count(ld, FROM[f].part);
    for (int i = 0; i < n && rc == HD_OK; i++) {
      hd_column c = caseview_column(ld, FROM[f].part, i);
      int to = FROM[f].shape;
      const char *name = c.name;
      if (caseview_hidden(name)) continue;
      size_t pl = FROM[f].prefix ? strlen(FROM[f].prefix) : 0;
      if (pl && strncmp(name, FROM[f].prefix, pl) == 0) {
        to = FROM[f].nested;
        name += pl;
      } else if (FROM[f].part == HD_PART_RIGHT && strcmp(name, "right_kind") == 0) {
        name = "kind";
      }
      if (to >= 0) rc = shape_add(&sh->s[to], name, kind_of(c), NULL);
    }
  }
  for (size_t i = 0; i < sizeof NESTED / sizeof *NESTED && rc == HD_OK; i++)
    rc = shape_add(&sh->s[NESTED[i].shape], NESTED[i].name, NESTED[i].kind,
                   NESTED[i].sub >= 0 ? &sh->s[NESTED[i].sub] : NULL);
  for (int k = 0; k < SH_COUNT && rc == HD_OK; k++) {
    shape *x = &sh->s[k];
    if (!(x->known = calloc((size_t)x->n + 1, sizeof *x->known))) rc = HD_ENOMEM;
    for (int i = 0; x->known && i < x->n; i++) x->known[i] = x->f[i].name;
  }
  if (rc == HD_ENOMEM) hd_err_set(err, HD_ENOMEM, "out of memory");
cleanup:
  caseview_loader_free(ld);
  store_close(own);
  if (rc) shapes_free(sh);
  return rc;
}

static const field *shape_field(const shape *s, const char *name) {
  for (int i = 0; i < s->n; i++)
    if (strcmp(s->f[i].name, name) == 0) return &s->f[i];
  return NULL;
}

/* The value at idx as a message shows it: "a table", "1", "2.5", "\"3\"", "true". */
static void describe(lua_State *L, int idx, char *out, size_t size) {
  switch (lua_type(L, idx)) {
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) snprintf(out, size, "%lld", (long long)lua_tointeger(L, idx));
    else snprintf(out, size, "%.14g", (double)lua_tonumber(L, idx));
    break;
  case LUA_TBOOLEAN: snprintf(out, size, "%s", lua_toboolean(L, idx) ? "true" : "false"); break;
  case LUA_TSTRING: {
    size_t len;
    const char *t = lua_tolstring(L, idx, &len);
    char *c = sbx_clip(t, len, 60);
    snprintf(out, size, "\"%s\"", c ? c : "");
    free(c);
    break;
  }
  case LUA_TTABLE: snprintf(out, size, "a table"); break;
  default: snprintf(out, size, "a %s", luaL_typename(L, idx));
  }
}

/* A place in a fixture's case, for messages: "applicant.records[2].kind". */
typedef struct vpath { char s[400]; size_t len; } vpath;
static size_t vpath_name(vpath *p, const char *name) {
  size_t at = p->len;
  int n = snprintf(p->s + at, sizeof p->s - at, "%s%s", at ? "." : "", name);
  p->len = n < 0 || (size_t)n >= sizeof p->s - at ? sizeof p->s - 1 : at + (size_t)n;
  return at;
}
static size_t vpath_index(vpath *p, lua_Integer i) {
  size_t at = p->len;
  int n = snprintf(p->s + at, sizeof p->s - at, "[%lld]", (long long)i);
  p->len = n < 0 || (size_t)n >= sizeof p->s - at ? sizeof p->s - 1 : at + (size_t)n;
  return at;
}
static void vpath_back(vpath *p, size_t at) { p->len = at; p->s[at] = '\0'; }

/* Keep in least the smaller of least and the key at idx as describe shows it: of several
 * wrong keys, the same one is reported whatever the order of the table's hash part. */
static void least_key(lua_State *L, int idx, char *least, size_t size) {
  char d[80];
  describe(L, idx, d, sizeof d);
  if (!*least || strcmp(d, least) < 0) snprintf(least, size, "%s", d);
}

static int is_none(lua_State *L, int idx);
static int check_value(lua_State *L, int v, const field *f, vpath *path, char *msg, size_t size);

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every field the record table at t sets must be a field of shape s with a value of its
 * kind (`none` removes, whatever the field). In the order of the names, so the same
 * fixture always reports the same mistake first. Fills msg and returns 0 at the first
 * mistake. skip: a name that is not part of the case (the base's as_of), or NULL. */
static int check_record(lua_State *L, int t, const shape *s, vpath *path, const char *skip,
                        char *msg, size_t size) {
  luaL_checkstack(L, 8, NULL);
  t = lua_absindex(L, t);
  size_t n = 0;
  char first[80] = "";                               /* the least key that is no name */
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) least_key(L, -1, first, sizeof first);
    n++;
  }
  if (*first) {
    snprintf(msg, size, "'%s' is a record: its fields have names, not [%s]",
             path->len ? path->s : "case", first);
    return 0;
  }
  const char **names = lua_newuserdatauv(L, (n ? n : 1) * sizeof *names, 0); /* collected */
  size_t k = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    names[k++] = lua_tostring(L, -1);                /* alive: a key of t */
  }
  qsort(names, n, sizeof *names, cmp_cstr);
  int ok = 1;
  for (size_t i = 0; i < n && ok; i++) {
    if (skip && strcmp(names[i], skip) == 0) continue;
    size_t at = vpath_name(path, names[i]);
    const field *f = shape_field(s, names[i]);
    if (!f) {
      hd_suggest g = {NULL, 3};
      for (int j = 0; j < s->n; j++) hd_suggest_offer(&g, names[i], s->f[j].name);
      if (g.best)
        snprintf(msg, size, "'%s' is no field of a case (did you mean '%s'?)", path->s, g.best);
      else
        snprintf(msg, size, "'%s' is no field of a case", path->s);
      ok = 0;
    } else {
      lua_pushstring(L, names[i]);
      lua_rawget(L, t);
      ok = is_none(L, -1) || check_value(L, lua_gettop(L), f, path, msg, size);
      lua_pop(L, 1);
    }
    vpath_back(path, at);
  }
  lua_pop(L, 1);                                     /* names */
  return ok;
}

static int check_value(lua_State *L, int v, const field *f, vpath *path, char *msg, size_t size) {
  int t = lua_type(L, v);
  char d[80];
  describe(L, v, d, sizeof d);
  switch (f->kind) {
  case FK_FLAG:
    if (t == LUA_TBOOLEAN) return 1;
    snprintf(msg, size, "'%s' is a flag: true or false, not %s", path->s, d);
    return 0;
  case FK_INT:
    if (t == LUA_TNUMBER && lua_isinteger(L, v)) return 1;
    snprintf(msg, size, "'%s' is a whole number, not %s", path->s, d);
    return 0;
  case FK_REAL:
    if (t == LUA_TNUMBER) return 1;
    snprintf(msg, size, "'%s' is a number, not %s", path->s, d);
    return 0;
  case FK_TEXT:
    if (t == LUA_TSTRING) return 1;
    snprintf(msg, size, "'%s' is a text, not %s", path->s, d);
    return 0;
  case FK_ANY:
    if (t == LUA_TSTRING || t == LUA_TNUMBER || t == LUA_TBOOLEAN) return 1;
    snprintf(msg, size, "'%s' is a text, a number or true/false, not %s", path->s, d);
    return 0;
  case FK_RECORD:
    if (t != LUA_TTABLE) {
      snprintf(msg, size, "'%s' is a record (a table of fields), not %s", path->s, d);
      return 0;
    }
    return check_record(L, v, f->sub, path, NULL, msg, size);
  case FK_DERIVED:
    snprintf(msg, size, "'%s' is made from the rights (each holder of a right once): write "
             "the rights instead", path->s);
    return 0;
  default: break;
  }
  if (t != LUA_TTABLE) {                             /* FK_LIST */
    snprintf(msg, size, "'%s' is a list of records, not %s", path->s, d);
    return 0;
  }
  lua_Integer n = (lua_Integer)lua_rawlen(L, v);
  char first[80] = "";                               /* the least key that is no index */
  lua_pushnil(L);
  while (lua_next(L, v)) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > n)
      least_key(L, -1, first, sizeof first);
  }
  if (*first) {
    snprintf(msg, size, "'%s' is a list of records { {...}, {...} }, not a table with the "
             "key %s", path->s, first);
    return 0;
  }
  for (lua_Integer i = 1; i <= n; i++) {
    size_t at = vpath_index(path, i);
    lua_rawgeti(L, v, i);
    int ok = 1;
    if (lua_type(L, -1) != LUA_TTABLE || is_none(L, -1)) {
      describe(L, -1, d, sizeof d);
      snprintf(msg, size, "'%s' is a record (a table of fields), not %s", path->s, d);
      ok = 0;
    } else {
      ok = check_record(L, -1, f->sub, path, NULL, msg, size);
    }
    lua_pop(L, 1);
    vpath_back(path, at);
    if (!ok) return 0;
  }
  return 1;
}

/* Push a deep copy of base (0 = none) with over (0 = none) merged in: maps merge key by
 * key, lists (and empty tables) replace, `none` removes a field. Raw reads only. */
static void merge_push(lua_State *L, int base, int over, int depth) {
  if (depth > 20) luaL_error(L, "fixture case nested deeper than 20 tables");
  luaL_checkstack(L, 8, NULL);
  lua_newtable(L);
  int out = lua_gettop(L);
  for (int pass = 0; pass < 2; pass++) {
    int src = pass == 0 ? base : over;
    if (!src) continue;
    lua_pushnil(L);
    while (lua_next(L, src)) {                       /* ... key value */
      int v = lua_gettop(L);
      if (pass == 1 && is_none(L, v)) {
        lua_pushvalue(L, -2);
        lua_pushnil(L);
        lua_rawset(L, out);
      } else if (lua_type(L, v) == LUA_TTABLE) {
        lua_pushvalue(L, -2);
        lua_rawget(L, out);                          /* ... key value old */
        int old = lua_gettop(L);
        int map = pass == 1 && lua_type(L, old) == LUA_TTABLE && lua_rawlen(L, v) == 0 &&
                  (lua_pushnil(L), lua_next(L, v) ? (lua_pop(L, 2), 1) : 0);
        lua_pushvalue(L, -3);                        /* key */
        merge_push(L, map ? old : 0, v, depth + 1);  /* key merged */
        lua_rawset(L, out);
        lua_pop(L, 1);                               /* old */
      } else {
        lua_pushvalue(L, -2);
        lua_pushvalue(L, v);
        lua_rawset(L, out);
      }
      lua_pop(L, 1);                                 /* value */
    }
  }
}

/* Turn the table at the top, and every table in it, into read-only views. */
static void readonly_deep(lua_State *L) {
  int t = lua_gettop(L);
  luaL_checkstack(L, 6, NULL);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_type(L, -1) == LUA_TTABLE) {
      readonly_deep(L);
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, t);                              /* replace the value: allowed in next */
    } else {
      lua_pop(L, 1);
    }
  }
  sbx_readonly(L);
}

/* The same for the merged case at the top, a record of shape s (list: the path of a list
 * of such records, or NULL): every record and list becomes strict like the real case's (a field that is none of
 * the case is an error naming its path, luacase_strict) before it is made read-only. */
static void strict_deep(lua_State *L, const shape *s, const char *list) {
  int t = lua_gettop(L);
  luaL_checkstack(L, 6, NULL);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_type(L, -1) != LUA_TTABLE) {
      lua_pop(L, 1);
      continue;
    }
    const field *f = list ? NULL : lua_type(L, -2) == LUA_TSTRING ? shape_field(s, lua_tostring(L, -2)) : NULL;
    if (list) {
      strict_deep(L, s, NULL);
    } else if (f && f->kind == FK_RECORD) {
      strict_deep(L, f->sub, NULL);
    } else if (f && (f->kind == FK_LIST || f->kind == FK_DERIVED)) {
      char lp[128];                                  /* "c.applicant.records" */
      snprintf(lp, sizeof lp, "%s.%s", s->path, f->name);
      strict_deep(L, f->sub, lp);
    } else {
      readonly_deep(L);                              /* not reached: the case was checked */
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, t);
  }
  if (list) luacase_strict_list(L, t, list);
  else luacase_strict(L, t, s->path, s->known);
  sbx_readonly(L);
}

typedef struct expect { char *id; int outcome; } expect;
static int cmp_expect(const void *a, const void *b) {
  return strcmp(((const expect *)a)->id, ((const expect *)b)->id);
}

typedef struct prep {
  hd_pack *p;
  const shapes *sh;
  int index;          /* 1-based fixture number */
  char name[256], where[512];
  int dir;            /* directory of the fixture's file */
  int bad_date;
  char bad[700];      /* a mistake in the fixture's case ("" if none) */
  expect *ex;
  int n_ex;
  char decision[16];  /* the decision expected ("" if the fixture names none) */
  char route[16];     /* the route expected ("" if none named) */
  int msg_ref;        /* its messages table (registry; LUA_NOREF if none) */
} prep;

/* c.prior.holders of the merged case at t, as luacase makes it for a real case: the
 * holder of each of c.prior.rights, each once (the same id, else the same code, else
 * the same name), in the order of their first right. */
static void derive_holders(lua_State *L, int t) {
  luaL_checkstack(L, 10, NULL);
  if (rawfield(L, t, "prior") != LUA_TTABLE) {
    lua_pop(L, 1);
    return;
  }
  int pr = lua_gettop(L);
  lua_newtable(L);                                   /* prior holders */
  lua_newtable(L);                                   /* prior holders seen */
  int n = 0;
  if (rawfield(L, pr, "rights") == LUA_TTABLE) {     /* prior holders seen rights */
    lua_Integer k = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= k; i++) {
      if (lua_rawgeti(L, pr + 3, i) != LUA_TTABLE ||
          rawfield(L, lua_gettop(L), "holder") != LUA_TTABLE) {
        lua_settop(L, pr + 3);
        continue;
      }
      int h = lua_gettop(L);                         /* ... right holder */
      static const char *const BY[] = {"id", "uscc", "name"};
      lua_pushnil(L);                                /* the key: by id, code or name */
      for (int b = 0; b < 3 && lua_isnil(L, -1); b++) {
        lua_pop(L, 1);
        if (rawfield(L, h, BY[b]) != LUA_TNIL) {
          lua_pushfstring(L, "%s:", BY[b]);
          lua_insert(L, -2);
          if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER) {
            lua_pop(L, 1);
            lua_pushliteral(L, "?");
          }
          lua_concat(L, 2);
        }
      }
      int fresh = 1;
      if (!lua_isnil(L, -1)) {
        lua_pushvalue(L, -1);
        fresh = lua_rawget(L, pr + 2) == LUA_TNIL;
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
        lua_rawset(L, pr + 2);
      } else {
        lua_pop(L, 1);
      }
      if (fresh) {
        lua_newtable(L);                             /* a copy: each table is made strict once */
        lua_pushnil(L);
        while (lua_next(L, h)) {
          lua_pushvalue(L, -2);
          lua_insert(L, -2);
          lua_rawset(L, -4);
        }
        lua_rawseti(L, pr + 1, ++n);
      }
      lua_settop(L, pr + 3);
    }
  }
  lua_settop(L, pr + 1);
  lua_pushliteral(L, "holders");
  lua_insert(L, -2);
  lua_rawset(L, pr);
  lua_pop(L, 1);                                     /* prior */
}

static int prepare(lua_State *L) {
  prep *a = lua_touserdata(L, 1);
  hd_pack *p = a->p;
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fix.list_ref);
  lua_rawgeti(L, 1, a->index);                       /* list entry */
  rawfield(L, 2, "where");
  hd_snprintf(a->where, sizeof a->where, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  rawfield(L, 2, "dir");
  a->dir = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  rawfield(L, 2, "t");
  lua_replace(L, 2);                                 /* list F */
  rawfield(L, 2, "name");
  hd_snprintf(a->name, sizeof a->name, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  rawfield(L, 2, "expect");                          /* list F expect */
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, 3)) {
    lua_pop(L, 1);
    n++;
  }
  a->ex = calloc((size_t)n + 1, sizeof *a->ex);
  if (!a->ex) return luaL_error(L, "out of memory");
  lua_pushnil(L);
  while (lua_next(L, 3)) {
    expect *e = &a->ex[a->n_ex++];
    e->id = hd_strdup(lua_tostring(L, -2));
    e->outcome = outcome_parse(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!e->id) return luaL_error(L, "out of memory");
  }
  qsort(a->ex, (size_t)a->n_ex, sizeof *a->ex, cmp_expect); /* not the hash order */
  lua_settop(L, 2);
  if (rawfield(L, 2, "decision") == LUA_TSTRING)
    hd_snprintf(a->decision, sizeof a->decision, "%s", lua_tostring(L, -1));
  if (rawfield(L, 2, "route") == LUA_TSTRING)
    hd_snprintf(a->route, sizeof a->route, "%s", lua_tostring(L, -1));
  if (rawfield(L, 2, "messages") == LUA_TTABLE) {
    lua_pushvalue(L, -1);
    a->msg_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  lua_settop(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fix.base_ref);    /* list F base */
  if (rawfield(L, 2, "as_of") == LUA_TNIL) {
    lua_pop(L, 1);
    rawfield(L, 3, "as_of");
  }
  const char *d = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  if (!d || !hd_date_parse(d, &p->cur.as_of)) {
    a->bad_date = 1;
    return 0;
  }
  lua_settop(L, 3);
  int over = rawfield(L, 2, "case") == LUA_TTABLE ? 4 : 0; /* list F base over */
  vpath path = {"", 0};
  if (over && !check_record(L, over, &a->sh->s[SH_CASE], &path, NULL, a->bad, sizeof a->bad))
    return 0;
  merge_push(L, 3, over, 0);                         /* ... merged */
  lua_pushliteral(L, "as_of");                       /* the base's date is no field */
  lua_pushnil(L);
  lua_rawset(L, -3);
  derive_holders(L, lua_gettop(L));
  strict_deep(L, &a->sh->s[SH_CASE], NULL);
  pack_set_case(p, -1, NULL);
  return 1;
}

/* The base's fields, as a fixture's (its as_of aside). */
typedef struct base_arg { hd_pack *p; const shapes *sh; char where[512]; char bad[700]; } base_arg;
static int check_base(lua_State *L) {
  base_arg *a = lua_touserdata(L, 1);
  lua_settop(L, 0);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &BASE_WHERE);
  hd_snprintf(a->where, sizeof a->where, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
  lua_rawgeti(L, LUA_REGISTRYINDEX, a->p->fix.base_ref);
  vpath path = {"", 0};
  check_record(L, 2, &a->sh->s[SH_CASE], &path, "as_of", a->bad, sizeof a->bad);
  return 0;
}

static void prep_release(prep *a) {
  if (a->msg_ref != LUA_NOREF && a->p->sbx.L && !a->p->sbx.abandoned)
    luaL_unref(a->p->sbx.L, LUA_REGISTRYINDEX, a->msg_ref);
  a->msg_ref = LUA_NOREF;
  for (int i = 0; i < a->n_ex; i++) free(a->ex[i].id);
  free(a->ex);
  a->ex = NULL;
  a->n_ex = 0;
}

/* The order fixtures run in: 1..n, or shuffled (Fisher-Yates on splitmix64 from seed). */
static unsigned long long splitmix64(unsigned long long *x) {
  unsigned long long z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static int *fixture_order(int n, const hd_test_opts *t) {
  int *o = malloc((size_t)(n ? n : 1) * sizeof *o);
  if (!o) return NULL;
  for (int i = 0; i < n; i++) o[i] = i + 1;
  unsigned long long x = t->seed;
  for (int i = n - 1; t->shuffle && i > 0; i--) {
    int j = (int)(splitmix64(&x) % (unsigned long long)(i + 1));
    int k = o[i];
    o[i] = o[j];
    o[j] = k;
  }
  return o;
}

/* One JSON line per finding of the fixture. */
static void findings_lines(hd_buf *b, const prep *a, const hd_findings *f) {
  for (int i = 0; i < f->n; i++) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "fixture", json_object_new_string(a->name));
    json_object_object_add(o, "where", json_object_new_string(a->where));
    json_object_object_add(o, "check", json_object_new_string(f->v[i].check_id));
    json_object_object_add(o, "outcome", json_object_new_string(outcome_name(f->v[i].outcome)));
    json_object_object_add(o, "message", json_object_new_string(finding_message(&f->v[i]) ? finding_message(&f->v[i]) : ""));
    const char *t = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE);
    hd_buf_printf(b, "%s\n", t ? t : "{}");
    json_object_put(o);
  }
}

/* A fixture's failure: "WHERE: fixture 'NAME': MSG" into out (fmt ends in a newline),
 * and "WHERE\tNAME\tMSG\n" into fails (tabs and newlines of MSG as spaces) for
 * hd_test_summary. */
static void fail_line(hd_buf *out, hd_buf *fails, const char *fmt, const char *where,
                      const char *name, ...) __attribute__((format(printf, 3, 6)));
static void fail_line(hd_buf *out, hd_buf *fails, const char *fmt, const char *where,
                      const char *name, ...) {
  hd_buf m;
  hd_buf_init(&m, 0);
  va_list ap;
  va_start(ap, name);
  hd_buf_vprintf(&m, fmt, ap);
  va_end(ap);
  const char *msg = m.p ? m.p : "out of memory\n";
  hd_buf_printf(out, "%s: fixture '%s': %s", where, name, msg);
  size_t n = strlen(msg);
  if (n && msg[n - 1] == '\n') n--;
  hd_buf_printf(fails, "%s\t%s\t", where, name);
  for (size_t i = 0; i < n; i++) {
    char c = msg[i] == '\t' || msg[i] == '\n' ? ' ' : msg[i];
    hd_buf_add(fails, &c, 1);
  }
  hd_buf_add(fails, "\n", 1);
  hd_buf_release(&m);
}

int pack_test(hd_pack *p, const char *const *dirs, int n_dirs, const hd_calendar *cal,
              const hd_test_opts *t, char **report, char **findings_out, int *failed,
              hd_err *err) {
  static const hd_test_opts DEFAULTS = {NULL, 0, 0, NULL, 0, NULL};
  hd_buf out, fl, fails, missing;
  hd_buf_init(&out, 0);
  hd_buf_init(&fl, 0);
  hd_buf_init(&fails, 0);
  hd_buf_init(&missing, 0);
  shapes sh;
  memset(&sh, 0, sizeof sh);
  int *seen_pass = NULL, *seen_other = NULL, *retired_by = NULL, *order = NULL;
  if (!t) t = &DEFAULTS;
  *report = NULL;
  if (findings_out) *findings_out = NULL;
  *failed = 0;
  int rc = shapes_build(t->db, &sh, err);
  for (int i = 0; i < n_dirs && rc == HD_OK; i++) {
    char tdir[4096];
    if (hd_snprintf(tdir, sizeof tdir, "%s/tests", dirs[i]) < 0)
      rc = hd_err_set(err, HD_EDATA, "path too long");
    else
      rc = pack_scan_dir(&p->fx, &p->n_fx, tdir, i, "_base.lua", 1, err);
  }
  if (rc || (rc = pack_build_state(p, err))) goto cleanup;
  if (p->fix.base_ref == LUA_NOREF) {
    rc = hd_err_set(err, HD_EDATA, "no base case: a tests/_base.lua must call base { ... }");
    goto cleanup;
  }
  base_arg ba;
  memset(&ba, 0, sizeof ba);
  ba.p = p;
  ba.sh = &sh;
  char *msg = NULL;
  if (sbx_cpcall(&p->sbx, check_base, &ba, 0, &msg) != LUA_OK) {
    rc = hd_err_set(err, HD_EDATA, "%s: base: %s", ba.where, msg ? msg : "out of memory");
    free(msg);
    goto cleanup;
  }
  if (ba.bad[0]) {
    rc = hd_err_set(err, HD_EDATA, "%s: base: %s", ba.where, ba.bad);
    goto cleanup;
  }
  lua_rawgeti(p->sbx.L, LUA_REGISTRYINDEX, p->fix.list_ref);
  int n_fixtures = (int)lua_rawlen(p->sbx.L, -1);
  lua_settop(p->sbx.L, 0);
  seen_pass = calloc((size_t)p->n_checks + 1, sizeof *seen_pass);
  seen_other = calloc((size_t)p->n_checks + 1, sizeof *seen_other);
  retired_by = calloc((size_t)p->n_checks + 1, sizeof *retired_by);
  order = fixture_order(n_fixtures, t);
  if (!seen_pass || !seen_other || !retired_by || !order) {
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto cleanup;
  }
  int bad_fixtures = 0, n_run = 0, n_retired = 0, n_chosen = 0;
  p->cur.cal = cal;
  if (t->shuffle) hd_buf_printf(&out, "fixtures in an order shuffled with seed %llu\n", t->seed);
  for (int oi = 0; oi < n_fixtures && rc == HD_OK; oi++) {
    prep a;
    memset(&a, 0, sizeof a);
    a.p = p;
    a.sh = &sh;
    a.index = order[oi];
    a.msg_ref = LUA_NOREF;
    msg = NULL;
    lua_settop(p->sbx.L, 0);
    int st = sbx_cpcall(&p->sbx, prepare, &a, 1, &msg);
    if (t->only && strcmp(t->only, a.name) != 0 && strcmp(t->only, a.where) != 0) {
      free(msg);
      prep_release(&a);
      if (st != LUA_OK && sbx_stopped(&p->sbx)) rc = pack_build_state(p, err);
      continue;
    }
    n_chosen++;
    /* Retired: it expects an outcome of a check that a later directory replaces. */
    int retired = 0;
    for (int k = 0; k < a.n_ex; k++)
      for (int i = 0; i < p->n_checks; i++)
        if (strcmp(p->checks[i].id, a.ex[k].id) == 0 && p->checks[i].dir > a.dir &&
            p->checks[i].first_dir <= a.dir) {
          retired_by[i]++;
          retired = 1;
        }
    if (retired) {
      n_retired++;
      free(msg);
      prep_release(&a);
      if (st != LUA_OK && sbx_stopped(&p->sbx)) rc = pack_build_state(p, err);
      continue;
    }
    if (st != LUA_OK) {
      fail_line(&out, &fails, "%s\n", a.where, a.name, msg ? msg : "out of memory");
      free(msg);
      prep_release(&a);
      bad_fixtures++;
      if (sbx_stopped(&p->sbx)) rc = pack_build_state(p, err);
      continue;
    }
    if (a.bad_date || a.bad[0]) {
      fail_line(&out, &fails, "%s\n", a.where, a.name,
                    a.bad_date ? "no valid as_of date" : a.bad);
      prep_release(&a);
      bad_fixtures++;
      continue;
    }
    n_run++;
    hd_findings f;
    memset(&f, 0, sizeof f);
    int broken = 0;
    for (int i = 0; i < p->n_checks; i++) {
      if (pack_run_one(p, &p->checks[i], 1, &f)) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      if (sbx_stopped(&p->sbx)) {
        fail_line(&out, &fails, "%s\n", a.where, a.name, finding_message(&f.v[f.n - 1]));
        if (t->findings) findings_lines(&fl, &a, &f);
        findings_release(&f);
        rc = pack_build_state(p, err);
        broken = 1;
        break;
      }
    }
    if (rc || broken) {
      bad_fixtures++;
      findings_release(&f);
      prep_release(&a);
      continue;
    }
    if (t->findings) findings_lines(&fl, &a, &f);
    /* Compare both ways: every outcome must be expected (unnamed checks: pass or n/a),
     * and every expectation must name a check. */
    int bad = 0;
    for (int i = 0; i < f.n; i++) {
      hd_finding *x = &f.v[i];
      int want = -1;
      for (int k = 0; k < a.n_ex; k++)
        if (strcmp(a.ex[k].id, x->check_id) == 0) want = a.ex[k].outcome;
      int ok = want < 0 ? (x->outcome == HD_PASS || x->outcome == HD_NA) : x->outcome == want;
      if (!ok) {
        fail_line(&out, &fails, "check '%s' gave %s (%s), expected %s\n", a.where,
                      a.name, x->check_id, outcome_name(x->outcome), finding_message(x),
                      want < 0 ? "pass or n/a" : outcome_name(want));
        bad = 1;
      }
      if (x->outcome == HD_PASS) seen_pass[i] = 1;
      if (x->outcome == HD_FAIL || x->outcome == HD_RECTIFY || x->outcome == HD_MANUAL)
        seen_other[i] = 1;
    }
    /* The exact messages, decision and route a fixture names. */
    for (int i = 0; a.msg_ref != LUA_NOREF && i < f.n; i++) {
      hd_finding *x = &f.v[i];
      lua_State *L = p->sbx.L;
      lua_rawgeti(L, LUA_REGISTRYINDEX, a.msg_ref);
      lua_pushstring(L, x->check_id);
      if (lua_rawget(L, -2) == LUA_TSTRING) {
        const char *want = lua_tostring(L, -1), *got = finding_message(x);
        if (!got || strcmp(got, want) != 0) {
          fail_line(&out, &fails, "check '%s' said \"%s\", expected \"%s\"\n",
                        a.where, a.name, x->check_id, got ? got : "", want);
          bad = 1;
        }
      }
      lua_pop(L, 2);
    }
    int decision = findings_decide(&f);
    if (a.decision[0] && strcmp(a.decision, decision_name(decision)) != 0) {
      fail_line(&out, &fails, "decision %s, expected %s\n", a.where, a.name,
                    decision_name(decision), a.decision);
      bad = 1;
    }
    if (a.route[0] && (!f.route || strcmp(a.route, f.route) != 0)) {
      fail_line(&out, &fails, "routed to %s, expected %s\n", a.where, a.name,
                    f.route ? f.route : "no other procedure", a.route);
      bad = 1;
    }
    for (int k = 0; k < a.n_ex; k++) {
      int known = 0;
      for (int i = 0; i < p->n_checks; i++) known |= strcmp(p->checks[i].id, a.ex[k].id) == 0;
      if (!known) {
        fail_line(&out, &fails, "expects an outcome of '%s', but there is no such "
                      "check\n", a.where, a.name, a.ex[k].id);
        bad = 1;
      }
    }
    bad_fixtures += bad;
    findings_release(&f);
    prep_release(&a);
  }
  if (rc) goto cleanup;
  if (t->only && n_chosen == 0) {
    rc = hd_err_set(err, HD_EUSAGE, "--only '%s': no fixture has this name or file:line",
                    t->only);
    goto cleanup;
  }
  for (int i = 0; i < p->n_checks; i++)
    if (retired_by[i])
      hd_buf_printf(&out, "retired: %d fixture%s expecting an outcome of '%s', which %s "
                    "replaces\n", retired_by[i], retired_by[i] == 1 ? "" : "s", p->checks[i].id,
                    p->checks[i].where);
  int covered = 0;
  if (t->only) {
    hd_buf_printf(&out, "coverage: not checked (--only)\n");
  } else {
    hd_buf cov;
    hd_buf_init(&cov, 0);
    for (int i = 0; i < p->n_checks; i++) {
      if (seen_pass[i] && seen_other[i]) {
        covered++;
        continue;
      }
      const char *why = !seen_pass[i] && !seen_other[i] ? "never passed, never failed"
                        : !seen_pass[i] ? "never passed" : "never failed, rectified or held";
      hd_buf_printf(&cov, "  %s (%s): %s", p->checks[i].id, p->checks[i].where, why);
      hd_buf_printf(&missing, "%s\t%s\t%s\n", p->checks[i].id, p->checks[i].where, why);
      if (retired_by[i])
        hd_buf_printf(&cov, " (its %d retired fixture%s do%s not count: add fixtures for "
                      "the new rule in %s/tests/)", retired_by[i], retired_by[i] == 1 ? "" : "s",
                      retired_by[i] == 1 ? "es" : "", dirs[p->checks[i].dir]);
      hd_buf_add(&cov, "\n", 1);
    }
    hd_buf_printf(&out, "coverage: %d of %d checks seen passing and not passing", covered,
                  p->n_checks);
    if (n_retired) hd_buf_printf(&out, " in the %d fixtures that ran", n_run);
    hd_buf_add(&out, "\n", 1);
    if (cov.len) hd_buf_add(&out, cov.p, cov.len);
    hd_buf_release(&cov);
  }
  *failed = bad_fixtures + (!t->only && covered < p->n_checks ? 1 : 0);
  hd_buf_printf(&out, "%d fixture%s: %d passed, %d failed", n_chosen, n_chosen == 1 ? "" : "s",
                n_chosen - bad_fixtures - n_retired, bad_fixtures);
  if (n_retired) hd_buf_printf(&out, ", %d retired", n_retired);
  hd_buf_add(&out, "\n", 1);
  if (t->summary) {
    hd_test_summary *su = t->summary;
    su->fixtures = n_chosen;
    su->passed = n_chosen - bad_fixtures - n_retired;
    su->failed = bad_fixtures;
    su->retired = n_retired;
    su->coverage_checked = !t->only;
    su->covered = covered;
    su->checks = p->n_checks;
    su->failures = fails.p ? hd_buf_steal(&fails) : hd_strdup("");
    su->missing = missing.p ? hd_buf_steal(&missing) : hd_strdup("");
  }
cleanup:
  free(seen_pass);
  free(seen_other);
  free(retired_by);
  free(order);
  hd_buf_release(&fails);
  hd_buf_release(&missing);
  shapes_free(&sh);
  if (p->sbx.L) lua_settop(p->sbx.L, 0);
  if (rc == HD_OK && !out.p) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
  if (rc) {
    hd_buf_release(&out);
    hd_buf_release(&fl);
    return rc;
  }
  *report = hd_buf_steal(&out);
  if (findings_out && t->findings) *findings_out = fl.p ? hd_buf_steal(&fl) : hd_strdup("");
  else hd_buf_release(&fl);
  return HD_OK;
}
