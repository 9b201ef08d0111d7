/* fixtures.c: the fixture runner of checks.h (pack_test) — base { } and fixture { }
 * declarations in the tests/ of each check directory, the fixture's case merged over the
 * base, every check run on it and compared both ways, and coverage. Every read of a
 * fixture's tables happens in protected mode with raw reads: a fixture cannot make the
 * runner run a metamethod unprotected. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/pack_int.h"
#include "util/buf.h"

static hd_pack *pack_of(lua_State *L) { return sbx_owner(L); }

static void caller_where(lua_State *L, char *out, size_t size) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar))
    snprintf(out, size, "%s:%d", ar.short_src, ar.currentline);
  else
    snprintf(out, size, "?");
}

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
  caller_where(L, where, sizeof where);
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
  lua_pop(L, 2);
  int t = rawfield(L, 1, "case");
  if (t != LUA_TNIL && t != LUA_TTABLE) return luaL_error(L, "fixture: 'case' must be a table");
  lua_pop(L, 1);
  lua_createtable(L, 0, 2);                          /* {t = fixture, where = "..."} */
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "t");
  lua_pushstring(L, where);
  lua_setfield(L, -2, "where");
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fixtures_ref);
  lua_insert(L, -2);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

/* base { ...a case that passes every check..., as_of = "YYYY-MM-DD" } */
static int decl_base(lua_State *L) {
  hd_pack *p = pack_of(L);
  pack_decl_allowed(L, "base");
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_unref(L, LUA_REGISTRYINDEX, p->base_ref);
  lua_pushvalue(L, 1);
  p->base_ref = luaL_ref(L, LUA_REGISTRYINDEX);
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

typedef struct expect { char *id; int outcome; } expect;

typedef struct prep {
  hd_pack *p;
  int index;          /* 1-based fixture number */
  char name[256], where[512];
  int bad_date;
  expect *ex;
  int n_ex;
} prep;

static int prepare(lua_State *L) {
  prep *a = lua_touserdata(L, 1);
  hd_pack *p = a->p;
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fixtures_ref);
  lua_rawgeti(L, 1, a->index);                       /* list entry */
  rawfield(L, 2, "where");
  hd_snprintf(a->where, sizeof a->where, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  rawfield(L, 2, "t");
  lua_replace(L, 2);                                 /* list F */
  rawfield(L, 2, "name");
  hd_snprintf(a->name, sizeof a->name, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->base_ref);    /* list F base */
  if (rawfield(L, 2, "as_of") == LUA_TNIL) {
    lua_pop(L, 1);
    rawfield(L, 3, "as_of");
  }
  const char *d = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  if (!d || !hd_date_parse(d, &p->as_of)) {
    a->bad_date = 1;
    return 0;
  }
  lua_pop(L, 1);
  rawfield(L, 2, "expect");                          /* list F base expect */
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, 4)) {
    lua_pop(L, 1);
    n++;
  }
  a->ex = calloc((size_t)n + 1, sizeof *a->ex);
  if (!a->ex) return luaL_error(L, "out of memory");
  lua_pushnil(L);
  while (lua_next(L, 4)) {
    expect *e = &a->ex[a->n_ex++];
    e->id = hd_strdup(lua_tostring(L, -2));
    e->outcome = outcome_parse(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!e->id) return luaL_error(L, "out of memory");
  }
  lua_settop(L, 3);
  int over = rawfield(L, 2, "case") == LUA_TTABLE ? 4 : 0; /* list F base over */
  merge_push(L, 3, over, 0);                         /* ... merged */
  readonly_deep(L);
  pack_set_case(p, -1, NULL);
  return 1;
}

static void prep_release(prep *a) {
  for (int i = 0; i < a->n_ex; i++) free(a->ex[i].id);
  free(a->ex);
  a->ex = NULL;
  a->n_ex = 0;
}

int pack_test(hd_pack *p, const char *const *dirs, int n_dirs, const hd_calendar *cal,
              char **report, int *failed, hd_err *err) {
  hd_buf out;
  hd_buf_init(&out, 0);
  *report = NULL;
  *failed = 0;
  int rc = HD_OK;
  for (int i = 0; i < n_dirs && rc == HD_OK; i++) {
    char tdir[4096];
    if (hd_snprintf(tdir, sizeof tdir, "%s/tests", dirs[i]) < 0)
      return hd_err_set(err, HD_EDATA, "path too long");
    rc = pack_scan_dir(&p->fx, &p->n_fx, tdir, i, "_base.lua", 1, err);
  }
  if (rc || (rc = pack_build_state(p, err))) {
    hd_buf_release(&out);
    return rc;
  }
  if (p->base_ref == LUA_NOREF) {
    hd_buf_release(&out);
    return hd_err_set(err, HD_EDATA, "no base case: a tests/_base.lua must call base { ... }");
  }
  int *seen_pass = calloc((size_t)p->n_checks + 1, sizeof *seen_pass);
  int *seen_other = calloc((size_t)p->n_checks + 1, sizeof *seen_other);
  if (!seen_pass || !seen_other) {
    free(seen_pass);
    free(seen_other);
    hd_buf_release(&out);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  lua_rawgeti(p->sbx.L, LUA_REGISTRYINDEX, p->fixtures_ref);
  int n_fixtures = (int)lua_rawlen(p->sbx.L, -1);
  lua_settop(p->sbx.L, 0);
  int bad_fixtures = 0;
  p->cal = cal;
  for (int fi = 1; fi <= n_fixtures && rc == HD_OK; fi++) {
    prep a;
    memset(&a, 0, sizeof a);
    a.p = p;
    a.index = fi;
    char *msg = NULL;
    lua_settop(p->sbx.L, 0);
    if (sbx_cpcall(&p->sbx, prepare, &a, 1, &msg) != LUA_OK) {
      hd_buf_printf(&out, "%s: fixture '%s': %s\n", a.where, a.name, msg ? msg : "out of memory");
      free(msg);
      prep_release(&a);
      bad_fixtures++;
      if (sbx_stopped(&p->sbx)) rc = pack_build_state(p, err);
      continue;
    }
    if (a.bad_date) {
      hd_buf_printf(&out, "%s: fixture '%s': no valid as_of date\n", a.where, a.name);
      prep_release(&a);
      bad_fixtures++;
      continue;
    }
    hd_findings f;
    memset(&f, 0, sizeof f);
    int broken = 0;
    for (int i = 0; i < p->n_checks; i++) {
      if (pack_run_one(p, &p->checks[i], 1, &f)) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      if (sbx_stopped(&p->sbx)) {
        hd_buf_printf(&out, "%s: fixture '%s': %s\n", a.where, a.name, f.v[f.n - 1].message);
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
        hd_buf_printf(&out, "%s: fixture '%s': check '%s' gave %s (%s), expected %s\n", a.where,
                      a.name, x->check_id, outcome_name(x->outcome), x->message,
                      want < 0 ? "pass or n/a" : outcome_name(want));
        bad = 1;
      }
      if (x->outcome == HD_PASS) seen_pass[i] = 1;
      if (x->outcome == HD_FAIL || x->outcome == HD_RECTIFY || x->outcome == HD_MANUAL)
        seen_other[i] = 1;
    }
    for (int k = 0; k < a.n_ex; k++) {
      int known = 0;
      for (int i = 0; i < p->n_checks; i++) known |= strcmp(p->checks[i].id, a.ex[k].id) == 0;
      if (!known) {
        hd_buf_printf(&out, "%s: fixture '%s': expects an outcome of '%s', but there is no such "
                      "check\n", a.where, a.name, a.ex[k].id);
        bad = 1;
      }
    }
    bad_fixtures += bad;
    findings_release(&f);
    prep_release(&a);
  }
  if (rc == HD_OK) {
    int covered = 0;
    hd_buf cov;
    hd_buf_init(&cov, 0);
    for (int i = 0; i < p->n_checks; i++) {
      if (seen_pass[i] && seen_other[i]) {
        covered++;
        continue;
      }
      hd_buf_printf(&cov, "  %s (%s): %s\n", p->checks[i].id, p->checks[i].where,
                    !seen_pass[i] && !seen_other[i] ? "never passed, never failed"
                    : !seen_pass[i] ? "never passed" : "never failed, rectified or held");
    }
    hd_buf_printf(&out, "coverage: %d of %d checks seen passing and not passing\n", covered,
                  p->n_checks);
    if (cov.len) hd_buf_add(&out, cov.p, cov.len);
    hd_buf_release(&cov);
    *failed = bad_fixtures + (covered < p->n_checks ? 1 : 0);
    hd_buf_printf(&out, "%d fixtures: %d passed, %d failed\n", n_fixtures,
                  n_fixtures - bad_fixtures, bad_fixtures);
  }
  free(seen_pass);
  free(seen_other);
  if (p->sbx.L) lua_settop(p->sbx.L, 0);
  if (rc) {
    hd_buf_release(&out);
    return rc;
  }
  *report = hd_buf_steal(&out);
  return HD_OK;
}
