/* engine.c: the Lua 5.4 implementation of checks.h — a sandboxed state per pack
 * (allow-listed libraries, text chunks only, frozen shared tables, strict globals,
 * counting allocator, instruction budget and deadline that scripts cannot swallow),
 * check declarations, C helpers, parameters, waivers and decisions.
 * See shared/guides/LUA-SANDBOX.md and docs/checks.md. */
#include "util/format.h"
#include "util/clock.h"
#include "checks/checks.h"
#include "checks/pattern_guard.h"

#include <dirent.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks/uscc.h"
#include "model/caseview.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/fsutil.h"
#include "util/utf8.h"

#define DEFAULT_BUDGET 2000000L
#define DEFAULT_MEMORY (64L << 20)
#define DEFAULT_TIME_MS 1000L
#define HOOK_EVERY 1000
#define MAX_SOURCE (1L << 20)

typedef struct source {
  char *path;  /* as shown in messages: dir/name.lua */
  char *text;
  size_t len;
} source;

typedef struct check {
  char *id, *title, *clause, *severity;
  char *where;      /* file:line of the declaration */
  int fn_run;       /* registry refs */
  int fn_applies;   /* LUA_NOREF if none */
} check;

struct hd_pack {
  hd_pack_opts o;
  source *src;       /* params files first, then check files */
  int n_src;
  lua_State *L;
  size_t mem_used, mem_limit;
  long budget_left;
  double deadline_ms;
  int fatal;         /* set by the hook or allocator: the state must be rebuilt */
  const char *fatal_why;
  check *checks;
  int n_checks;
  check **retired;   /* check arrays of earlier states (see build_state) */
  int *retired_n;
  int n_retired;
  int params_ref;
  int case_ref;      /* the case table being checked */
  int pool_ref;      /* read-only proxies of case rows, reused from case to case */
  int pool_used;     /* how many of them the current case uses; -1: no reuse */
  struct mat { const char *kind; int index; int valid; } *mats; /* materials of the case */
  int n_mats, cap_mats;
  source *fx;        /* fixture files (tests/ of each directory), loaded after the checks */
  int n_fx;
  int fixtures_ref;  /* list of declared fixtures */
  int scopes[32];    /* template expressions: scope stack (registry refs), [0] = data */
  int n_scopes;
  int lists[16];     /* lists of open <each> */
  int n_lists;
  int expr_cache;    /* compiled expressions by file, line and text */
  int base_ref;      /* the base case fixtures are merged over */
  char revision[17];
  /* outcomes made by pass/fail/... during the current check run (see make_outcome) */
  struct made { uintptr_t token; int outcome; char *msg, *evidence; } *made;
  int n_made, cap_made;
  uintptr_t last_token;
  size_t made_bytes;
  hd_buf ev;         /* evidence JSON being written */
  /* while a case runs */
  const hd_calendar *cal;
  hd_date as_of;
  hd_buf log;
  /* while loading */
  const char *loading;
  hd_err *load_err;
};

/* ---- names --------------------------------------------------------------------------- */

static const char *const OUT_NAMES[] = {"pass", "fail", "rectify", "manual", "n/a", "error"};
static const char *const OUT_CN[] = {"符合", "不符合", "需补正", "需人工核查", "不适用", "检查出错"};
static const char *const DEC_NAMES[] = {"approve", "rectify", "hold", "reject"};
static const char *const DEC_CN[] = {"予以登记", "补正材料", "暂缓（人工核查）", "不予登记"};

const char *outcome_name(int o) { return o >= 0 && o <= HD_ERROR ? OUT_NAMES[o] : "?"; }
const char *outcome_cn(int o) { return o >= 0 && o <= HD_ERROR ? OUT_CN[o] : "?"; }
const char *decision_name(int d) { return d >= 0 && d <= HD_REJECT ? DEC_NAMES[d] : "?"; }
const char *decision_cn(int d) { return d >= 0 && d <= HD_REJECT ? DEC_CN[d] : "?"; }
int outcome_parse(const char *s) {
  for (int i = 0; i <= HD_ERROR; i++)
    if (s && strcmp(s, OUT_NAMES[i]) == 0) return i;
  return -1;
}

void findings_release(hd_findings *f) {
  if (!f) return;
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    free(x->message);
    free(x->evidence);
    free(x->waiver);
  }
  free(f->v);
  f->v = NULL;
  f->n = f->cap = 0;
}

int findings_decide(const hd_findings *f) {
  int fail = 0, rect = 0, hold = 0;
  for (int i = 0; i < f->n; i++) {
    if (f->v[i].waived) continue;
    switch (f->v[i].outcome) {
    case HD_FAIL: fail = 1; break;
    case HD_RECTIFY: rect = 1; break;
    case HD_MANUAL: case HD_ERROR: hold = 1; break;
    default: break;
    }
  }
  return fail ? HD_REJECT : rect ? HD_RETURN : hold ? HD_HOLD : HD_APPROVE;
}

/* ---- allocator, hook, panic ---------------------------------------------------------- */

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  hd_pack *p = ud;
  size_t old = ptr ? osize : 0; /* with ptr NULL, osize is a type tag */
  if (nsize == 0) {
    free(ptr);
    p->mem_used -= old;
    return NULL;
  }
  if (nsize > old && p->mem_used + (nsize - old) > p->mem_limit) {
    p->fatal = 1;
    p->fatal_why = "memory limit";
    return NULL;
  }
  void *np = realloc(ptr, nsize);
  if (np) p->mem_used = p->mem_used - old + nsize;
  return np;
}

static hd_pack *pack_of(lua_State *L) { return *(hd_pack **)lua_getextraspace(L); }

static void budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  hd_pack *p = pack_of(L);
  p->budget_left -= HOOK_EVERY;
  if (!p->fatal && p->budget_left > 0 && hd_now_ms() < p->deadline_ms) return;
  if (!p->fatal) {
    p->fatal = 1;
    p->fatal_why = p->budget_left <= 0 ? "instruction budget exhausted" : "time limit exceeded";
  }
  /* Fire on every instruction from now on, so no handler can run on. */
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
  luaL_error(L, "%s", p->fatal_why);
}

static int on_panic(lua_State *L) {
  /* Only reached for errors outside any protected call: a bug in hdreg's glue. */
  fprintf(stderr, "hdreg: lua panic: %s\n", lua_tostring(L, -1));
  abort();
}

static void on_warn(void *ud, const char *msg, int tocont) {
  (void)ud;
  (void)msg;
  (void)tocont; /* warnings (e.g. from collectgarbage) are not shown to anyone */
}

/* pcall/xpcall that scripts get: a fatal error (budget, deadline, memory) cannot be
 * caught; it goes on up to hdreg. */
static int safe_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  hd_pack *p = pack_of(L);
  if (p->fatal || status == LUA_ERRMEM) return lua_error(L);
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, 1);
  return lua_gettop(L);
}

static int safe_xpcall(lua_State *L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_remove(L, 2);              /* handler saved at the top */
  lua_insert(L, 1);              /* handler at 1, f at 2, args after */
  int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
  hd_pack *p = pack_of(L);
  if (p->fatal || status == LUA_ERRMEM) return lua_error(L);
  if (status == LUA_OK) {
    lua_pushboolean(L, 1);
    lua_replace(L, 1);
    return lua_gettop(L);
  }
  lua_pushvalue(L, 1);           /* handler */
  lua_insert(L, -2);             /* handler, err */
  lua_call(L, 1, 1);
  lua_pushboolean(L, 0);
  lua_insert(L, -2);
  return 2;
}

static int lua_print_log(lua_State *L) {
  hd_pack *p = pack_of(L);
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (p->log.len + len < (64u << 10)) {
      if (i > 1) hd_buf_add(&p->log, "\t", 1);
      hd_buf_add(&p->log, s, len);
    }
    lua_pop(L, 1);
  }
  if (p->log.len < (64u << 10)) hd_buf_add(&p->log, "\n", 1);
  return 0;
}

/* ---- read-only tables ---------------------------------------------------------------- */

static int ro_newindex(lua_State *L) {
  return luaL_error(L, "attempt to modify read-only table (field '%s')",
                    luaL_tolstring(L, 2, NULL));
}

static int ro_len(lua_State *L) {
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "__index");
  lua_pushinteger(L, (lua_Integer)luaL_len(L, -1));
  return 1;
}

static int ro_next(lua_State *L) {
  /* upvalue 1: the real table */
  lua_settop(L, 2);
  if (lua_next(L, lua_upvalueindex(1))) return 2;
  lua_pushnil(L);
  return 1;
}

static int ro_pairs(lua_State *L) {
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "__index");
  lua_pushcclosure(L, ro_next, 1);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* Replace the table at the top of the stack by a read-only proxy of it. */
static void make_readonly(lua_State *L) {
  lua_newtable(L);                  /* real proxy */
  lua_createtable(L, 0, 5);         /* real proxy mt */
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, ro_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, ro_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, ro_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);          /* real proxy */
  lua_remove(L, -2);                /* proxy */
}

/* Like make_readonly, for the rows of a case being checked: the proxy and its metatable
 * of the same position in the previous case are reused with __index pointed at the new
 * row, which saves two tables and five fields per row (a third of the time spent putting
 * a case into Lua). A check that kept a row of an earlier case in an upvalue would read the
 * current case's row there; checks are functions of the case they are given. */
static void row_readonly(lua_State *L) {
  hd_pack *p = pack_of(L);
  if (p->pool_used < 0) {
    make_readonly(L);
    return;
  }
  int k = ++p->pool_used;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->pool_ref);   /* real pool */
  if (lua_rawgeti(L, -1, 2 * k) == LUA_TTABLE) {    /* real pool mt */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);                                  /* real pool */
    lua_rawgeti(L, -1, 2 * k - 1);                  /* real pool proxy */
    lua_replace(L, -3);                             /* proxy pool */
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 2);                                    /* real */
  make_readonly(L);                                 /* proxy */
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->pool_ref);   /* proxy pool */
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, 2 * k - 1);
  lua_getmetatable(L, -2);
  lua_rawseti(L, -2, 2 * k);
  lua_pop(L, 1);                                    /* proxy */
}

/* ---- the case as a table ------------------------------------------------------------- */

static void push_row(lua_State *L, const hd_row *r) {
  lua_createtable(L, 0, r->n);
  for (int i = 0; i < r->n; i++) {
    const hd_value *v = &r->v[i];
    switch (v->type) {
    case HD_V_INT:
      if (r->is_flag && r->is_flag[i]) lua_pushboolean(L, v->i != 0);
      else lua_pushinteger(L, v->i);
      break;
    case HD_V_REAL: lua_pushnumber(L, v->r); break;
    case HD_V_TEXT: lua_pushlstring(L, v->s, (size_t)v->len); break;
    default: continue; /* NULL: the field is simply absent (nil) */
    }
    lua_setfield(L, -2, r->names[i]);
  }
}

static void push_rows(lua_State *L, const hd_rows *rs) {
  lua_createtable(L, rs->n, 0);
  for (int i = 0; i < rs->n; i++) {
    push_row(L, &rs->v[i]);
    row_readonly(L);
    lua_rawseti(L, -2, i + 1);
  }
}

/* c = { number=..., reg_type=..., ..., applicant = {..., records = {...}}, counterparty,
 *       resource, rights = {{kind, restrictions, holder = {...}}}, materials, objections,
 *       prior } */
static void push_case(lua_State *L, const hd_caseview *v) {
  push_row(L, &v->kase);
  push_row(L, &v->applicant);
  push_rows(L, &v->records);
  row_readonly(L);
  lua_setfield(L, -2, "records");
  row_readonly(L);
  lua_setfield(L, -2, "applicant");
  if (v->counterparty.n) {
    push_row(L, &v->counterparty);
    row_readonly(L);
    lua_setfield(L, -2, "counterparty");
  }
  push_row(L, &v->resource);
  row_readonly(L);
  lua_setfield(L, -2, "resource");
  lua_createtable(L, v->rights.n, 0);
  for (int i = 0; i < v->rights.n; i++) {
    const hd_row *r = &v->rights.v[i];
    lua_createtable(L, 0, 3);
    lua_createtable(L, 0, 4);
    for (int k = 0; k < r->n; k++) {
      const hd_value *x = &r->v[k];
      const char *name = r->names[k];
      int holder = strncmp(name, "holder_", 7) == 0;
      if (x->type == HD_V_NULL) continue;
      if (x->type == HD_V_INT) lua_pushinteger(L, x->i);
      else lua_pushlstring(L, x->s, (size_t)x->len);
      if (holder) lua_setfield(L, -2, name + 7);
      else lua_setfield(L, -3, strcmp(name, "right_kind") == 0 ? "kind" : name);
    }
    row_readonly(L);
    lua_setfield(L, -2, "holder");
    row_readonly(L);
    lua_rawseti(L, -2, i + 1);
  }
  row_readonly(L);
  lua_setfield(L, -2, "rights");
  push_rows(L, &v->materials);
  row_readonly(L);
  lua_setfield(L, -2, "materials");
  push_rows(L, &v->objections);
  row_readonly(L);
  lua_setfield(L, -2, "objections");
  if (v->prior.n) {
    push_row(L, &v->prior);
    row_readonly(L);
    lua_setfield(L, -2, "prior");
  }
  row_readonly(L);
}

/* ---- helpers for checks (the `hd` table) --------------------------------------------- */

static hd_date check_date(lua_State *L, int i) {
  hd_date d;
  const char *s = luaL_checkstring(L, i);
  if (!hd_date_parse(s, &d)) luaL_error(L, "'%s' is not a date YYYY-MM-DD", s);
  return d;
}

static void push_date(lua_State *L, hd_date d) {
  char iso[11];
  hd_date_iso(d, iso);
  lua_pushstring(L, iso);
}

/* hd.uscc(code) -> ok, message (Chinese, for opinions), normalised code, unknown_type,
 * message in English */
static int h_uscc(lua_State *L) {
  hd_uscc_report r;
  int ok = hd_uscc_validate(luaL_optstring(L, 1, ""), 0, &r) == HD_USCC_OK;
  lua_pushboolean(L, ok);
  lua_pushstring(L, r.message_cn);
  lua_pushstring(L, r.code);
  lua_pushboolean(L, r.unknown_type);
  lua_pushstring(L, r.message);
  return 5;
}

static int h_today(lua_State *L) {
  push_date(L, pack_of(L)->as_of);
  return 1;
}

static int h_is_date(lua_State *L) {
  hd_date d;
  lua_pushboolean(L, lua_type(L, 1) == LUA_TSTRING && hd_date_parse(lua_tostring(L, 1), &d));
  return 1;
}

static int h_add_days(lua_State *L) {
  hd_date d = check_date(L, 1);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_argcheck(L, n > -100000 && n < 100000, 2, "day count out of range");
  push_date(L, hd_date_from_days(hd_date_to_days(d) + (long)n));
  return 1;
}

static int h_days_between(lua_State *L) {
  hd_date a = check_date(L, 1), b = check_date(L, 2);
  lua_pushinteger(L, hd_date_to_days(b) - hd_date_to_days(a));
  return 1;
}

/* Whole years from a to b (a birthday-style count). */
static int years_between(hd_date a, hd_date b) {
  int y = b.y - a.y;
  if (b.m < a.m || (b.m == a.m && b.d < a.d)) y--;
  return y;
}

static int h_years_between(lua_State *L) {
  lua_pushinteger(L, years_between(check_date(L, 1), check_date(L, 2)));
  return 1;
}

/* hd.within_years(date, n): date is after the day n years before the as-of date, and not
 * after the as-of date ("近 n 年"). */
static int h_within_years(lua_State *L) {
  hd_date d = check_date(L, 1);
  lua_Integer n = luaL_checkinteger(L, 2);
  hd_date as_of = pack_of(L)->as_of;
  hd_date from = hd_date_period_end_years((hd_date){as_of.y - (int)n, as_of.m, as_of.d}, 0);
  lua_pushboolean(L, hd_date_cmp(d, from) > 0 && hd_date_cmp(d, as_of) <= 0);
  return 1;
}

static int h_add_working_days(lua_State *L) {
  hd_pack *p = pack_of(L);
  hd_date d = check_date(L, 1), out;
  lua_Integer n = luaL_checkinteger(L, 2);
  hd_err e;
  hd_err_clear(&e);
  if (!p->cal) return luaL_error(L, "no holiday calendar loaded");
  if (n < 0 || n > 3660) return luaL_error(L, "working-day count out of range");
  if (calendar_add_working_days(p->cal, d, (int)n, &out, &e)) return luaL_error(L, "%s", e.msg);
  push_date(L, out);
  return 1;
}

/* hd.material(kind) -> material table (read-only) and status "valid" | "expired" |
 * "missing", from the materials of the case being checked (present ones only). Among
 * several of a kind, a valid one wins, then the first. The materials are indexed once
 * per case by set_case. */
static int h_material(lua_State *L) {
  hd_pack *p = pack_of(L);
  const char *kind = luaL_checkstring(L, 1);
  int best = -1;
  for (int i = 0; i < p->n_mats; i++) {
    if (strcmp(p->mats[i].kind, kind) != 0) continue;
    if (best < 0 || (p->mats[i].valid && !p->mats[best].valid)) best = i;
  }
  if (best < 0) {
    lua_pushnil(L);
    lua_pushliteral(L, "missing");
    return 2;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->case_ref);
  lua_getfield(L, -1, "materials");
  lua_geti(L, -1, p->mats[best].index);
  lua_pushstring(L, p->mats[best].valid ? "valid" : "expired");
  return 2;
}

/* Outcome constructors: pass(message [, evidence]) etc. The outcome is kept on the C side
 * (message copied, evidence turned into JSON here, inside the guarded call where the
 * budget still runs) and the check gets back a token, a light userdata that run_one
 * looks up: no table per outcome, nothing a script can alter afterwards. */
#define MAX_MADE 1000
#define MAX_MADE_BYTES (1u << 20)

static void made_clear(hd_pack *p) {
  for (int i = 0; i < p->n_made; i++) {
    free(p->made[i].msg);
    free(p->made[i].evidence);
  }
  p->n_made = 0;
  p->made_bytes = 0;
}

static void evidence_json(lua_State *L, int idx, hd_buf *b);

static int make_outcome(lua_State *L, int outcome) {
  hd_pack *p = pack_of(L);
  size_t len;
  const char *m = luaL_checklstring(L, 1, &len);
  int has_evidence = !lua_isnoneornil(L, 2);
  if (has_evidence) luaL_checktype(L, 2, LUA_TTABLE);
  if (p->n_made >= MAX_MADE)
    return luaL_error(L, "more than %d outcomes made in one check run", MAX_MADE);
  if (len > MAX_MADE_BYTES - p->made_bytes)
    return luaL_error(L, "outcome messages longer than %u bytes in one check run",
                      MAX_MADE_BYTES);
  if (p->n_made == p->cap_made) {
    int cap = p->cap_made ? p->cap_made * 2 : 8;
    struct made *nm = realloc(p->made, (size_t)cap * sizeof *nm);
    if (!nm) return luaL_error(L, "out of memory");
    p->made = nm;
    p->cap_made = cap;
  }
  char *copy = malloc(len + 1);
  if (!copy) return luaL_error(L, "out of memory");
  memcpy(copy, m, len);
  copy[len] = '\0';
  struct made *x = &p->made[p->n_made++];
  x->token = ++p->last_token;
  x->outcome = outcome;
  x->msg = copy;
  x->evidence = NULL;
  p->made_bytes += len;
  if (has_evidence) {
    hd_buf_reset(&p->ev);
    evidence_json(L, 2, &p->ev); /* raw reads only: no metamethod of the script runs */
    x->evidence = hd_strdup(p->ev.p ? p->ev.p : "[]");
    if (!x->evidence) return luaL_error(L, "out of memory");
  }
  lua_pushlightuserdata(L, (void *)x->token);
  return 1;
}
static int o_pass(lua_State *L) { return make_outcome(L, HD_PASS); }
static int o_fail(lua_State *L) { return make_outcome(L, HD_FAIL); }
static int o_rectify(lua_State *L) { return make_outcome(L, HD_RECTIFY); }
static int o_manual(lua_State *L) { return make_outcome(L, HD_MANUAL); }
static int o_na(lua_State *L) { return make_outcome(L, HD_NA); }

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
  if (L) {
    luaL_unref(L, LUA_REGISTRYINDEX, c->fn_run);
    luaL_unref(L, LUA_REGISTRYINDEX, c->fn_applies);
  }
  memset(c, 0, sizeof *c);
}

/* "file:line" of the Lua code that called the current C function (a declaration). */
static void caller_where(lua_State *L, char *out, size_t size) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar))
    snprintf(out, size, "%s:%d", ar.short_src, ar.currentline);
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

/* check { id=..., title=..., clause=..., severity=..., applies=function, run=function } */
static int decl_check(lua_State *L) {
  hd_pack *p = pack_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512];
  caller_where(L, where, sizeof where);
  check c;
  memset(&c, 0, sizeof c);
  c.fn_run = c.fn_applies = LUA_NOREF;
  c.id = opt_field(L, 1, "id");
  c.title = opt_field(L, 1, "title");
  c.clause = opt_field(L, 1, "clause");
  c.severity = opt_field(L, 1, "severity");
  c.where = hd_strdup(where);
  const char *bad = NULL;
  if (!valid_id(c.id)) bad = "'id' must be a string of letters, digits, '.', '-' or '_'";
  else if (!c.title) bad = "'title' (a string) is required";
  else if (!c.clause) bad = "'clause' (the guideline clause, a string) is required";
  else if (c.severity && strcmp(c.severity, "normal") && strcmp(c.severity, "high") &&
           strcmp(c.severity, "ban"))
    bad = "'severity' must be \"normal\", \"high\" or \"ban\"";
  lua_getfield(L, 1, "run");
  if (!bad && lua_type(L, -1) != LUA_TFUNCTION) bad = "'run' (a function) is required";
  lua_getfield(L, 1, "applies");
  if (!bad && !lua_isnil(L, -1) && lua_type(L, -1) != LUA_TFUNCTION)
    bad = "'applies' must be a function";
  if (bad) {
    check_release(&c, NULL);
    return luaL_error(L, "check declaration: %s", bad);
  }
  if (!c.severity) c.severity = hd_strdup("normal");
  c.fn_applies = lua_isnil(L, -1) ? (lua_pop(L, 1), LUA_NOREF) : luaL_ref(L, LUA_REGISTRYINDEX);
  c.fn_run = luaL_ref(L, LUA_REGISTRYINDEX);
  /* Same id again: from a later directory it replaces; within one directory it is an
   * error (two checks would fight over one id). */
  for (int i = 0; i < p->n_checks; i++) {
    if (strcmp(p->checks[i].id, c.id) != 0) continue;
    const char *old_dir_end = strrchr(p->checks[i].where, '/');
    const char *new_dir_end = strrchr(c.where, '/');
    size_t od = old_dir_end ? (size_t)(old_dir_end - p->checks[i].where) : 0;
    size_t nd = new_dir_end ? (size_t)(new_dir_end - c.where) : 0;
    if (od == nd && strncmp(p->checks[i].where, c.where, od) == 0) {
      char msg[700];
      snprintf(msg, sizeof msg, "check '%s' is already declared at %s", c.id, p->checks[i].where);
      check_release(&c, L);
      return luaL_error(L, "%s", msg);
    }
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

/* params { key = value, ... }: the first params file defines the keys, later ones may
 * only override them (a misspelt key is an error, not a silent new parameter). */
static int decl_params(lua_State *L) {
  hd_pack *p = pack_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params_ref); /* the real params table */
  int first = lua_rawlen(L, -1) == 0 && (lua_pushnil(L), lua_next(L, -2) == 0);
  if (!first) lua_pop(L, 2);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    if (lua_type(L, -2) != LUA_TSTRING) return luaL_error(L, "params: keys must be names");
    const char *k = lua_tostring(L, -2);
    if (!first) {
      lua_getfield(L, -3, k);
      int known = !lua_isnil(L, -1);
      lua_pop(L, 1);
      if (!known) return luaL_error(L, "params: unknown parameter '%s'", k);
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  return 0;
}

/* fixture { name=..., as_of=..., case={...}, expect={[id]="outcome"} } */
static int decl_fixture(lua_State *L) {
  hd_pack *p = pack_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  char where[512];
  caller_where(L, where, sizeof where);
  lua_getfield(L, 1, "name");
  if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "fixture: 'name' (a string) is required");
  lua_getfield(L, 1, "expect");
  if (lua_type(L, -1) != LUA_TTABLE) return luaL_error(L, "fixture: 'expect' (a table) is required");
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING ||
        outcome_parse(lua_tostring(L, -1)) < 0 || outcome_parse(lua_tostring(L, -1)) == HD_ERROR)
      return luaL_error(L, "fixture: 'expect' maps check ids to pass, fail, rectify, manual or n/a");
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  lua_getfield(L, 1, "case");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TTABLE)
    return luaL_error(L, "fixture: 'case' must be a table");
  lua_pop(L, 1);
  lua_pushstring(L, where);
  lua_setfield(L, 1, "where");
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->fixtures_ref);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

/* base { ...a case that passes every check..., as_of = "YYYY-MM-DD" } */
static int decl_base(lua_State *L) {
  hd_pack *p = pack_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_unref(L, LUA_REGISTRYINDEX, p->base_ref);
  lua_pushvalue(L, 1);
  p->base_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

/* ---- state construction --------------------------------------------------------------- */

static int strict_index(lua_State *L) {
  /* env, key: look in the shared globals, else it is an undeclared global */
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  if (!lua_isnil(L, -1)) return 1;
  return luaL_error(L, "undeclared global '%s'", luaL_tolstring(L, 2, NULL));
}

static int strict_newindex(lua_State *L) {
  return luaL_error(L, "assignment to undeclared global '%s' (declare it local)",
                    luaL_tolstring(L, 2, NULL));
}

static void open_lib(lua_State *L, const char *name, lua_CFunction f, int keep) {
  luaL_requiref(L, name, f, 0);
  if (!keep) lua_pop(L, 1);
}

/* string.find/match/gmatch/gsub run inside C, out of reach of the instruction budget;
 * a pattern that could backtrack for too long is refused before it starts. */
#define PATTERN_COST_MAX 1e8

static int guarded_pattern(lua_State *L) {
  size_t n, plen;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *pat = luaL_checklstring(L, 2, &plen);
  int plain = lua_toboolean(L, lua_upvalueindex(3)) && lua_toboolean(L, 4);
  if (!plain && !pattern_is_plain(pat, plen)) {
    double scan = (double)plen * ((double)n + 1); /* what measuring the cost takes */
    double cost = scan > PATTERN_COST_MAX ? scan : pattern_cost(pat, plen, s, n);
    if (cost > PATTERN_COST_MAX) {
      char why[300];
      snprintf(why, sizeof why, "string.%s: pattern '%.60s' could take %.2g steps on a text of "
               "%zu bytes (at most %.0g): anchor it with ^, repeat fewer items or match a "
               "shorter text", lua_tostring(L, lua_upvalueindex(2)), pat, cost, n,
               PATTERN_COST_MAX);
      return luaL_error(L, "%s", why);
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

static void guard_patterns(lua_State *L) {
  static const char *const NAMES[] = {"find", "match", "gmatch", "gsub"};
  for (int i = 0; i < 4; i++) {
    lua_getfield(L, -1, NAMES[i]);
    lua_pushstring(L, NAMES[i]);
    lua_pushboolean(L, i == 0); /* find has a `plain` argument */
    lua_pushcclosure(L, guarded_pattern, 3);
    lua_setfield(L, -2, NAMES[i]);
  }
}

/* Build the shared globals table (upvalue of every check file's strict environment). */
static void build_globals(lua_State *L) {
  hd_pack *p = pack_of(L);
  lua_newtable(L);                                   /* G */
  luaL_requiref(L, "_G", luaopen_base, 0);           /* G base */
  static const char *const BASE_OK[] = {"assert", "error", "ipairs", "next", "pairs",
                                        "select", "tonumber", "tostring", "type",
                                        "getmetatable", "setmetatable", "rawequal", "rawlen",
                                        "rawget", "_VERSION"};
  for (size_t i = 0; i < sizeof BASE_OK / sizeof *BASE_OK; i++) {
    lua_getfield(L, -1, BASE_OK[i]);
    lua_setfield(L, -3, BASE_OK[i]);
  }
  lua_pop(L, 1);                                     /* G */
  lua_pushcfunction(L, safe_pcall);
  lua_setfield(L, -2, "pcall");
  lua_pushcfunction(L, safe_xpcall);
  lua_setfield(L, -2, "xpcall");
  lua_pushcfunction(L, lua_print_log);
  lua_setfield(L, -2, "print");
  /* Libraries behind read-only proxies; string.dump removed. */
  static const struct { const char *name; lua_CFunction open; } LIBS[] = {
      {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
      {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (size_t i = 0; i < sizeof LIBS / sizeof *LIBS; i++) {
    open_lib(L, LIBS[i].name, LIBS[i].open, 1);      /* G lib */
    if (LIBS[i].open == luaopen_string) {
      lua_pushnil(L);
      lua_setfield(L, -2, "dump");
      guard_patterns(L);
    }
    if (LIBS[i].open == luaopen_math) {              /* no hidden state shared by checks */
      lua_pushnil(L);
      lua_setfield(L, -2, "random");
      lua_pushnil(L);
      lua_setfield(L, -2, "randomseed");
    }
    make_readonly(L);
    lua_setfield(L, -2, LIBS[i].name);
  }
  /* The string metatable (__index = string library) is shared: protect it. */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_getfield(L, -3, LUA_STRLIBNAME);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  /* Outcomes, declarations, helpers, parameters. */
  static const luaL_Reg OUT[] = {{"pass", o_pass}, {"fail", o_fail}, {"rectify", o_rectify},
                                 {"manual", o_manual}, {"na", o_na}, {"check", decl_check},
                                 {"params", decl_params}, {"fixture", decl_fixture},
                                 {"base", decl_base}, {NULL, NULL}};
  for (const luaL_Reg *r = OUT; r->name; r++) {
    lua_pushcfunction(L, r->func);
    lua_setfield(L, -2, r->name);
  }
  static const luaL_Reg HD[] = {{"uscc", h_uscc}, {"today", h_today}, {"is_date", h_is_date},
                                {"add_days", h_add_days}, {"days_between", h_days_between},
                                {"years_between", h_years_between},
                                {"within_years", h_within_years},
                                {"add_working_days", h_add_working_days},
                                {"material", h_material}, {NULL, NULL}};
  luaL_newlib(L, HD);
  make_readonly(L);
  lua_setfield(L, -2, "hd");
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params_ref);
  make_readonly(L);
  lua_setfield(L, -2, "P");
  /* `none` in a fixture removes a field of the base case. */
  lua_newtable(L);
  make_readonly(L);
  lua_setfield(L, -2, "none");
}

static void free_state(hd_pack *p) {
  if (!p->L) return;
  lua_close(p->L);
  p->L = NULL;
  p->mem_used = 0;
}

static int load_chunk(hd_pack *p, const source *s, hd_err *err) {
  lua_State *L = p->L;
  char chunk[600];
  snprintf(chunk, sizeof chunk, "@%s", s->path);
  if (luaL_loadbufferx(L, s->text, s->len, chunk, "t") != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    if (m && strncmp(m, s->path, strlen(s->path)) == 0) hd_err_set(err, HD_EDATA, "%s", m);
    else hd_err_set(err, HD_EDATA, "%s: %s", s->path, m ? m : "cannot be loaded");
    lua_pop(L, 1);
    return HD_EDATA;
  }
  /* Each file gets its own strict environment over the shared globals. */
  lua_newtable(L);                                   /* f env */
  lua_createtable(L, 0, 3);                          /* f env mt */
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushcclosure(L, strict_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, strict_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);                           /* f env */
  lua_setupvalue(L, -2, 1);                          /* f */
  p->budget_left = p->o.instruction_budget;
  p->deadline_ms = hd_now_ms() + (double)p->o.time_limit_ms;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int st = lua_pcall(L, 0, 0, 0);
  lua_sethook(L, NULL, 0, 0);
  if (st != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    hd_err_set(err, HD_EDATA, "%s", st == LUA_ERRMEM ? "memory limit exceeded" : m ? m : "error");
    return HD_EDATA;
  }
  return HD_OK;
}

/* (Re)build the state from the cached sources. */
static int build_state(hd_pack *p, hd_err *err) {
  /* Findings of the current case point at the checks' names: retire the old array
   * instead of freeing it (rebuilds are rare: only after a fatal error). */
  if (p->checks) {
    check **ng = realloc(p->retired, (size_t)(p->n_retired + 1) * sizeof *ng);
    if (!ng) return hd_err_set(err, HD_ENOMEM, "out of memory");
    p->retired = ng;
    p->retired_n = realloc(p->retired_n, (size_t)(p->n_retired + 1) * sizeof *p->retired_n);
    if (!p->retired_n) return hd_err_set(err, HD_ENOMEM, "out of memory");
    p->retired[p->n_retired] = p->checks;
    p->retired_n[p->n_retired++] = p->n_checks;
  }
  p->checks = NULL;
  p->n_checks = 0;
  free_state(p);
  p->fatal = 0;
  p->L = lua_newstate(limited_alloc, p);
  if (!p->L) return hd_err_set(err, HD_ENOMEM, "cannot create a Lua state");
  *(hd_pack **)lua_getextraspace(p->L) = p;
  lua_atpanic(p->L, on_panic);
  lua_setwarnf(p->L, on_warn, p);
  lua_gc(p->L, LUA_GCGEN, 0, 0);
  lua_newtable(p->L);
  p->params_ref = luaL_ref(p->L, LUA_REGISTRYINDEX);
  p->case_ref = LUA_NOREF;
  lua_newtable(p->L);
  p->pool_ref = luaL_ref(p->L, LUA_REGISTRYINDEX);
  p->pool_used = -1;
  lua_newtable(p->L);
  p->fixtures_ref = luaL_ref(p->L, LUA_REGISTRYINDEX);
  p->base_ref = LUA_NOREF;
  build_globals(p->L);                               /* G */
  lua_rawseti(p->L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  for (int i = 0; i < p->n_src; i++)
    if (load_chunk(p, &p->src[i], err)) return err->code;
  for (int i = 0; i < p->n_fx; i++)
    if (load_chunk(p, &p->fx[i], err)) return err->code;
  return HD_OK;
}

/* ---- loading the pack ------------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_source(source **list, int *count, const char *dir, const char *name,
                      hd_err *err) {
  char path[4096];
  if (hd_snprintf(path, sizeof path, "%s/%s", dir, name) < 0)
    return hd_err_set(err, HD_EDATA, "path too long: '%s/%s'", dir, name);
  source s = {hd_strdup(path), NULL, 0};
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

/* Files of one directory: `first` (params.lua, _base.lua) first, then the other *.lua in
 * name order. Subdirectories (tests/) are not read. A missing directory is an error
 * unless optional. */
static int scan_dir(source **list, int *count, const char *dir, const char *first,
                    int optional, hd_err *err) {
  DIR *d = opendir(dir);
  if (!d && optional) return HD_OK;
  if (!d) return hd_err_set(err, HD_EDATA, "cannot open check directory '%s'", dir);
  char *names[1024];
  int n = 0, rc = HD_OK, has_params = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 1024) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".lua") != 0 || e->d_name[0] == '.') continue;
    if (strcmp(e->d_name, first) == 0) {
      has_params = 1;
      continue;
    }
    names[n++] = hd_strdup(e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)n, sizeof *names, cmp_str);
  if (has_params) rc = add_source(list, count, dir, first, err);
  for (int i = 0; i < n; i++) {
    if (rc == HD_OK) rc = add_source(list, count, dir, names[i], err);
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
  p->mem_limit = (size_t)p->o.memory_limit;
  hd_buf_init(&p->log, 1 << 17);
  hd_buf_init(&p->ev, 1 << 16);
  int rc = HD_OK;
  for (int i = 0; i < o->n_dirs && rc == HD_OK; i++)
    rc = scan_dir(&p->src, &p->n_src, o->dirs[i], "params.lua", 0, err);
  if (rc == HD_OK && p->n_src == 0) rc = hd_err_set(err, HD_EDATA, "no check files found");
  if (rc == HD_OK) rc = build_state(p, err);
  if (rc == HD_OK && p->n_checks == 0) rc = hd_err_set(err, HD_EDATA, "no checks declared");
  if (rc) {
    pack_free(p);
    return rc;
  }
  compute_revision(p);
  *out = p;
  return HD_OK;
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
  free_state(p);
  for (int i = 0; i < p->n_src; i++) {
    free(p->src[i].path);
    free(p->src[i].text);
  }
  free(p->src);
  for (int i = 0; i < p->n_fx; i++) {
    free(p->fx[i].path);
    free(p->fx[i].text);
  }
  free(p->fx);
  hd_buf_release(&p->log);
  made_clear(p);
  free(p->made);
  hd_buf_release(&p->ev);
  free(p->mats);
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

/* ---- running ---------------------------------------------------------------------------- */

static void json_str(hd_buf *b, const char *s, size_t len) {
  hd_buf_add(b, "\"", 1);
  size_t run = 0; /* start of the bytes not yet copied */
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c != '"' && c != '\\' && c >= 0x20) continue;
    hd_buf_add(b, s + run, i - run);
    run = i + 1;
    if (c < 0x20) {
      hd_buf_printf(b, "\\u%04x", c);
    } else {
      char e[2] = {'\\', (char)c};
      hd_buf_add(b, e, 2);
    }
  }
  hd_buf_add(b, s + run, len - run);
  hd_buf_add(b, "\"", 1);
}

static void json_value(lua_State *L, int idx, hd_buf *b) {
  switch (lua_type(L, idx)) {
  case LUA_TNIL: hd_buf_adds(b, "null"); break;
  case LUA_TBOOLEAN: hd_buf_adds(b, lua_toboolean(L, idx) ? "true" : "false"); break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) hd_buf_printf(b, "%lld", (long long)lua_tointeger(L, idx));
    else hd_buf_printf(b, "%.17g", (double)lua_tonumber(L, idx));
    break;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    size_t bad;
    if (hd_utf8_valid(s, len, &bad)) json_str(b, s, len);
    else json_str(b, "(invalid UTF-8)", 15);
    break;
  }
  default: {
    const char *t = luaL_typename(L, idx);
    json_str(b, t, strlen(t));
  }
  }
}

/* Evidence: {field=, found=, wanted=} or a list of them -> JSON array. */
static void evidence_json(lua_State *L, int idx, hd_buf *b) {
  hd_buf_adds(b, "[");
  if (lua_type(L, idx) == LUA_TTABLE) {
    int list = lua_rawlen(L, idx) > 0;
    int n = list ? (int)lua_rawlen(L, idx) : 1;
    int written = 0;
    for (int i = 1; i <= n && i <= 50; i++) {
      if (list) lua_rawgeti(L, idx, i);
      else lua_pushvalue(L, idx);
      if (lua_type(L, -1) == LUA_TTABLE) {
        if (written++) hd_buf_adds(b, ",");
        static const char *const K[] = {"field", "found", "wanted"};
        static const char *const KEY[] = {"{\"field\":", ",\"found\":", ",\"wanted\":"};
        for (int k = 0; k < 3; k++) {
          lua_pushstring(L, K[k]);
          lua_rawget(L, -2);
          hd_buf_adds(b, KEY[k]);
          json_value(L, -1, b);
          lua_pop(L, 1);
        }
        hd_buf_adds(b, "}");
      }
      lua_pop(L, 1);
    }
  }
  hd_buf_adds(b, "]");
}

static int msgh(lua_State *L) {
  /* Keep the message ("file:line: ..."); the traceback is not for lawyers. */
  if (!lua_isstring(L, 1)) lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  return 1;
}

/* Appends a finding; takes ownership of msg and evidence (malloc'd; msg NULL means the
 * copy failed). */
static int add_finding(hd_findings *f, const check *c, int outcome, char *msg, char *evidence) {
  if (!msg || f->n == f->cap) {
    int cap = f->cap ? f->cap * 2 : 32;
    hd_finding *nv = msg ? realloc(f->v, (size_t)cap * sizeof *nv) : NULL;
    if (!nv) {
      free(msg);
      free(evidence);
      return HD_ENOMEM;
    }
    f->v = nv;
    f->cap = cap;
  }
  hd_finding *x = &f->v[f->n++];
  memset(x, 0, sizeof *x);
  x->check_id = c->id;
  x->title = c->title;
  x->clause = c->clause;
  x->severity = c->severity;
  x->outcome = outcome;
  x->message = msg;
  x->evidence = evidence;
  return HD_OK;
}

/* Call the function at the top with the case table (at case_idx) and P; leaves one
 * result. Returns the lua status. */
static int call_guarded(hd_pack *p, int case_idx) {
  lua_State *L = p->L;
  lua_pushcfunction(L, msgh);
  lua_insert(L, -2);
  lua_pushvalue(L, case_idx);
  p->budget_left = p->o.instruction_budget;
  p->deadline_ms = hd_now_ms() + (double)p->o.time_limit_ms;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int st = lua_pcall(L, 1, 1, -3);
  lua_sethook(L, NULL, 0, 0);
  lua_remove(L, -2); /* the handler */
  return st;
}

static int run_one(hd_pack *p, const check *c, int case_idx, hd_findings *f) {
  lua_State *L = p->L;
  char msg[1024];
  int top = lua_gettop(L), st;
  made_clear(p);
  if (c->fn_applies != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->fn_applies);
    st = call_guarded(p, case_idx);
    if (st != LUA_OK || p->fatal) goto error;
    int applies = lua_toboolean(L, -1);
    lua_settop(L, top);
    if (!applies) return add_finding(f, c, HD_NA, hd_strdup("不适用"), NULL);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->fn_run);
  st = call_guarded(p, case_idx);
  if (st != LUA_OK || p->fatal) goto error;
  /* The result must be an outcome that pass/fail/rectify/manual/na made in this run. */
  struct made *x = NULL;
  if (lua_type(L, -1) == LUA_TLIGHTUSERDATA) {
    uintptr_t token = (uintptr_t)lua_touserdata(L, -1);
    for (int i = 0; i < p->n_made && !x; i++)
      if (p->made[i].token == token) x = &p->made[i];
  }
  if (!x) {
    snprintf(msg, sizeof msg, "%s: check '%s' returned %s instead of pass(...), fail(...), "
             "rectify(...), manual(...) or na(...)", c->where, c->id,
             lua_type(L, -1) == LUA_TLIGHTUSERDATA ? "an outcome made in an earlier run"
                                                   : luaL_typename(L, -1));
    lua_settop(L, top);
    return add_finding(f, c, HD_ERROR, hd_strdup(msg), NULL);
  }
  lua_settop(L, top);
  char *m = x->msg, *ev = x->evidence;
  x->msg = x->evidence = NULL; /* the finding owns them now */
  return add_finding(f, c, x->outcome, m, ev);
error:
  if (p->fatal)
    snprintf(msg, sizeof msg, "%s: check '%s' stopped: %s", c->where, c->id, p->fatal_why);
  else if (st == LUA_ERRMEM)
    snprintf(msg, sizeof msg, "%s: check '%s' stopped: memory limit", c->where, c->id);
  else
    snprintf(msg, sizeof msg, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
  lua_settop(L, top);
  return add_finding(f, c, HD_ERROR, hd_strdup(msg), NULL);
}

static void apply_waivers(const hd_caseview *v, hd_date as_of, hd_findings *f) {
  for (int w = 0; w < v->waivers.n; w++) {
    const hd_row *r = &v->waivers.v[w];
    const hd_value *id = row_get(r, "check_id"), *ex = row_get(r, "expires"),
                   *ap = row_get(r, "approver"), *ju = row_get(r, "justification");
    if (!id || id->type != HD_V_TEXT) continue;
    for (int i = 0; i < f->n; i++) {
      hd_finding *x = &f->v[i];
      if (strcmp(x->check_id, id->s) != 0) continue;
      hd_date until;
      int valid = ex && ex->type == HD_V_TEXT && hd_date_parse(ex->s, &until) &&
                  hd_date_cmp(as_of, until) <= 0;
      char note[1024];
      snprintf(note, sizeof note, "%s %s（%s），有效期至%s", valid ? "已豁免" : "豁免已过期",
               ap && ap->s ? ap->s : "", ju && ju->s ? ju->s : "", ex && ex->s ? ex->s : "?");
      free(x->waiver);
      x->waiver = hd_strdup(note);
      x->waived = valid && x->outcome != HD_PASS && x->outcome != HD_NA;
    }
  }
}

/* Make the table at idx the case that helpers read, and index its present materials
 * (kind strings stay alive in the case table, which the registry holds). */
static void set_case(hd_pack *p, int idx) {
  lua_State *L = p->L;
  luaL_unref(L, LUA_REGISTRYINDEX, p->case_ref);
  lua_pushvalue(L, idx);
  p->case_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  p->n_mats = 0;
  lua_getfield(L, idx, "materials");
  lua_Integer n = lua_type(L, -1) == LUA_TTABLE ? luaL_len(L, -1) : 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, -1, i);
    lua_getfield(L, -1, "kind");
    lua_getfield(L, -2, "present");
    lua_getfield(L, -3, "valid_until");
    int present = lua_isnil(L, -2) || lua_toboolean(L, -2);
    hd_date until;
    int valid = lua_isnil(L, -1) ||
                (lua_type(L, -1) == LUA_TSTRING && hd_date_parse(lua_tostring(L, -1), &until) &&
                 hd_date_cmp(until, p->as_of) >= 0);
    if (lua_type(L, -3) == LUA_TSTRING && present) {
      if (p->n_mats == p->cap_mats) {
        int cap = p->cap_mats ? p->cap_mats * 2 : 16;
        struct mat *nm = realloc(p->mats, (size_t)cap * sizeof *nm);
        if (!nm) {
          lua_pop(L, 4);
          break; /* materials beyond this point read as missing; memory is exhausted anyway */
        }
        p->mats = nm;
        p->cap_mats = cap;
      }
      p->mats[p->n_mats].kind = lua_tostring(L, -3);
      p->mats[p->n_mats].index = (int)i;
      p->mats[p->n_mats].valid = valid;
      p->n_mats++;
    }
    lua_pop(L, 4);
  }
  lua_pop(L, 1);
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
  if (!hd_date_parse(as_of, &p->as_of))
    return hd_err_set(err, HD_EUSAGE, "as-of date '%s' is not a valid date YYYY-MM-DD", as_of);
  if (!p->L && build_state(p, err)) return err->code;
  p->cal = cal;
  hd_buf_reset(&p->log);
  memcpy(out->revision, p->revision, sizeof out->revision);
  lua_State *L = p->L;
  p->pool_used = 0;
  push_case(L, v);
  p->pool_used = -1;
  int case_idx = lua_gettop(L);
  set_case(p, case_idx);
  for (int i = 0; i < p->n_checks; i++) {
    int rc = run_one(p, &p->checks[i], case_idx, out);
    if (rc) {
      findings_release(out);
      return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
    if (p->fatal) {
      /* Budget, deadline or memory: this check's state is suspect. Rebuild from the
       * cached sources and carry on with the next check on a fresh case table. */
      if (build_state(p, err)) {
        findings_release(out);
        return err->code;
      }
      L = p->L;
      p->pool_used = 0;
      push_case(L, v);
      p->pool_used = -1;
      case_idx = lua_gettop(L);
      set_case(p, case_idx);
    }
  }
  lua_settop(L, 0);
  apply_waivers(v, p->as_of, out);
  out->decision = findings_decide(out);
  return HD_OK;
}

const char *pack_log(const hd_pack *p) { return p->log.p ? p->log.p : ""; }

/* ---- storing and printing --------------------------------------------------------------- */

int findings_store(sqlite3 *db, long long case_id, const char *as_of, const hd_findings *f,
                   hd_err *err) {
  sqlite3_stmt *del = NULL, *ins = NULL, *dec = NULL;
  int rc = HD_OK;
  if (sqlite3_exec(db, "SAVEPOINT findings", NULL, NULL, NULL) != SQLITE_OK)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  if (sqlite3_prepare_v2(db, "DELETE FROM findings WHERE case_id = ?1 AND as_of = ?2 AND "
                             "pack_revision = ?3", -1, &del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO findings(case_id, check_id, clause, outcome, message, "
                             "evidence, pack_revision, as_of) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                         -1, &ins, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO decisions(case_id, as_of, decision, "
                             "pack_revision) VALUES (?1,?2,?3,?4)", -1, &dec, NULL) != SQLITE_OK) {
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    goto done;
  }
  sqlite3_bind_int64(del, 1, case_id);
  sqlite3_bind_text(del, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text(del, 3, f->revision, -1, SQLITE_STATIC);
  if (sqlite3_step(del) != SQLITE_DONE) rc = HD_EDB;
  for (int i = 0; rc == HD_OK && i < f->n; i++) {
    const hd_finding *x = &f->v[i];
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, case_id);
    sqlite3_bind_text(ins, 2, x->check_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, x->clause, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, outcome_name(x->outcome), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, x->message, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 6, x->evidence ? x->evidence : "[]", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 7, f->revision, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 8, as_of, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = HD_EDB;
  }
  if (rc == HD_OK) {
    sqlite3_bind_int64(dec, 1, case_id);
    sqlite3_bind_text(dec, 2, as_of, -1, SQLITE_STATIC);
    sqlite3_bind_text(dec, 3, decision_name(f->decision), -1, SQLITE_STATIC);
    sqlite3_bind_text(dec, 4, f->revision, -1, SQLITE_STATIC);
    if (sqlite3_step(dec) != SQLITE_DONE) rc = HD_EDB;
  }
  if (rc) hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
done:
  sqlite3_finalize(del);
  sqlite3_finalize(ins);
  sqlite3_finalize(dec);
  sqlite3_exec(db, rc ? "ROLLBACK TO findings; RELEASE findings" : "RELEASE findings", NULL,
               NULL, NULL);
  return rc;
}

char *findings_json(long long case_id, const char *case_number, const char *as_of,
                    const hd_findings *f) {
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_printf(&b, "{\"case_id\":%lld,\"case_number\":", case_id);
  json_str(&b, case_number ? case_number : "", case_number ? strlen(case_number) : 0);
  hd_buf_printf(&b, ",\"as_of\":\"%s\",\"decision\":\"%s\",\"pack_revision\":\"%s\",\"checks\":[",
                as_of, decision_name(f->decision), f->revision);
  for (int i = 0; i < f->n; i++) {
    const hd_finding *x = &f->v[i];
    hd_buf_adds(&b, i ? ",\n  {" : "\n  {");
    hd_buf_adds(&b, "\"id\":");
    json_str(&b, x->check_id, strlen(x->check_id));
    hd_buf_adds(&b, ",\"clause\":");
    json_str(&b, x->clause, strlen(x->clause));
    hd_buf_printf(&b, ",\"outcome\":\"%s\",\"message\":", outcome_name(x->outcome));
    json_str(&b, x->message, strlen(x->message));
    hd_buf_printf(&b, ",\"evidence\":%s", x->evidence ? x->evidence : "[]");
    if (x->waiver) {
      hd_buf_printf(&b, ",\"waived\":%s,\"waiver\":", x->waived ? "true" : "false");
      json_str(&b, x->waiver, strlen(x->waiver));
    }
    hd_buf_adds(&b, "}");
  }
  hd_buf_adds(&b, "\n]}\n");
  return hd_buf_steal(&b);
}

/* ---- fixture tests ------------------------------------------------------------------- */

static int is_none(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_getfield(L, -1, "none");
  int r = lua_rawequal(L, idx, -1);
  lua_pop(L, 2);
  return r;
}

/* Push a deep copy of base (0 = none) with over (0 = none) merged in: maps merge key by
 * key, lists (and empty tables) replace, `none` removes a field. */
static void merge_push(lua_State *L, int base, int over) {
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
        merge_push(L, map ? old : 0, v);             /* key merged */
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

/* Turn the table at the top, and every table in it, into read-only proxies. */
static void readonly_deep(lua_State *L) {
  int t = lua_gettop(L);
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
  make_readonly(L);
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
    rc = scan_dir(&p->fx, &p->n_fx, tdir, "_base.lua", 1, err);
  }
  if (rc || (rc = build_state(p, err))) {
    hd_buf_release(&out);
    return rc;
  }
  if (p->base_ref == LUA_NOREF) {
    hd_buf_release(&out);
    return hd_err_set(err, HD_EDATA, "no base case: a tests/_base.lua must call base { ... }");
  }
  int *seen_pass = calloc((size_t)p->n_checks + 1, sizeof *seen_pass);
  int *seen_other = calloc((size_t)p->n_checks + 1, sizeof *seen_other);
  int n_fixtures = (int)(lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->fixtures_ref), lua_rawlen(p->L, -1));
  lua_settop(p->L, 0);
  int bad_fixtures = 0;
  p->cal = cal;
  for (int fi = 1; fi <= n_fixtures && rc == HD_OK; fi++) {
    lua_State *L = p->L;
    lua_settop(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, p->fixtures_ref);
    lua_rawgeti(L, 1, fi);                           /* list F */
    lua_getfield(L, 2, "name");
    lua_getfield(L, 2, "where");
    char name[256], where[512], as_of[16];
    hd_snprintf(name, sizeof name, "%s", lua_tostring(L, 3));
    hd_snprintf(where, sizeof where, "%s", lua_tostring(L, 4));
    lua_settop(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, p->base_ref);  /* list F base */
    lua_getfield(L, 2, "as_of");
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      lua_getfield(L, 3, "as_of");
    }
    const char *a = lua_tostring(L, -1);
    if (!a || !hd_date_parse(a, &p->as_of)) {
      hd_buf_printf(&out, "%s: fixture '%s': no valid as_of date\n", where, name);
      bad_fixtures++;
      continue;
    }
    hd_snprintf(as_of, sizeof as_of, "%s", a);
    lua_pop(L, 1);
    lua_getfield(L, 2, "case");                      /* list F base over */
    merge_push(L, 3, lua_istable(L, 4) ? 4 : 0);     /* ... merged */
    readonly_deep(L);
    int case_idx = lua_gettop(L);
    set_case(p, case_idx);
    hd_findings f;
    memset(&f, 0, sizeof f);
    int broken = 0;
    for (int i = 0; i < p->n_checks; i++) {
      if (run_one(p, &p->checks[i], case_idx, &f)) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      if (p->fatal) {
        findings_release(&f);
        if ((rc = build_state(p, err))) break;
        hd_buf_printf(&out, "%s: fixture '%s': check '%s' stopped (state rebuilt)\n", where,
                      name, p->checks[i].id);
        broken = 1;
        break;
      }
    }
    if (rc || broken) {
      bad_fixtures++;
      findings_release(&f);
      continue;
    }
    /* Compare both ways: every outcome must be expected (unnamed checks: pass or n/a),
     * and every expectation must name a check. */
    lua_getfield(L, 2, "expect");
    int expect = lua_gettop(L), bad = 0;
    for (int i = 0; i < f.n; i++) {
      hd_finding *x = &f.v[i];
      lua_getfield(L, expect, x->check_id);
      int want = lua_isnil(L, -1) ? -1 : outcome_parse(lua_tostring(L, -1));
      lua_pop(L, 1);
      int ok = want < 0 ? (x->outcome == HD_PASS || x->outcome == HD_NA) : x->outcome == want;
      if (!ok) {
        hd_buf_printf(&out, "%s: fixture '%s': check '%s' gave %s (%s), expected %s\n", where,
                      name, x->check_id, outcome_name(x->outcome), x->message,
                      want < 0 ? "pass or n/a" : outcome_name(want));
        bad = 1;
      }
      if (x->outcome == HD_PASS) seen_pass[i] = 1;
      if (x->outcome == HD_FAIL || x->outcome == HD_RECTIFY || x->outcome == HD_MANUAL)
        seen_other[i] = 1;
    }
    lua_pushnil(L);
    while (lua_next(L, expect)) {
      const char *id = lua_tostring(L, -2);
      int known = 0;
      for (int i = 0; i < p->n_checks; i++) known |= strcmp(p->checks[i].id, id) == 0;
      if (!known) {
        hd_buf_printf(&out, "%s: fixture '%s': expects an outcome of '%s', but there is no such "
                      "check\n", where, name, id);
        bad = 1;
      }
      lua_pop(L, 1);
    }
    bad_fixtures += bad;
    findings_release(&f);
    (void)as_of;
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
  lua_settop(p->L, 0);
  if (rc) {
    hd_buf_release(&out);
    return rc;
  }
  *report = hd_buf_steal(&out);
  return HD_OK;
}

/* ---- template expressions (sandbox.h) ------------------------------------------------- */

#include "checks/sandbox.h"

static const char *const CN_DIGITS[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* fmt.date(iso) -> "2026年3月16日" */
static int f_date(lua_State *L) {
  char out[32];
  hd_date_cn(check_date(L, 1), out);
  lua_pushstring(L, out);
  return 1;
}

/* Chinese numerals 0..9999 (一百零五, 十二). */
static void cn_number(long n, hd_buf *b) {
  static const char *const D[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char *const U[] = {"千", "百", "十", ""};
  static const long DIV[] = {1000, 100, 10, 1};
  if (n == 0) {
    hd_buf_adds(b, "零");
    return;
  }
  if (n >= 10 && n < 20) {
    hd_buf_adds(b, "十");
    if (n % 10) hd_buf_adds(b, D[n % 10]);
    return;
  }
  int zero = 0, started = 0;
  for (int i = 0; i < 4; i++) {
    long d = (n / DIV[i]) % 10;
    if (n < DIV[i]) continue;
    if (d == 0) {
      zero = started;
      continue;
    }
    if (zero) hd_buf_adds(b, "零");
    zero = 0;
    started = 1;
    hd_buf_adds(b, D[d]);
    hd_buf_adds(b, U[i]);
  }
}

/* fmt.date_upper(iso) -> "二〇二六年三月十六日" (the form of official documents) */
static int f_date_upper(lua_State *L) {
  hd_date d = check_date(L, 1);
  hd_buf b;
  hd_buf_init(&b, 256);
  char y[8];
  snprintf(y, sizeof y, "%04d", d.y % 10000);
  for (int i = 0; i < 4; i++) hd_buf_adds(&b, CN_DIGITS[y[i] - '0']);
  hd_buf_adds(&b, "年");
  cn_number(d.m, &b);
  hd_buf_adds(&b, "月");
  cn_number(d.d, &b);
  hd_buf_adds(&b, "日");
  lua_pushlstring(L, b.p, b.len);
  hd_buf_release(&b);
  return 1;
}

/* fmt.number_cn(n), 0..9999 -> "一百零五" */
static int f_number_cn(lua_State *L) {
  lua_Integer n = luaL_checkinteger(L, 1);
  luaL_argcheck(L, n >= 0 && n <= 9999, 1, "0 to 9999");
  hd_buf b;
  hd_buf_init(&b, 256);
  cn_number((long)n, &b);
  lua_pushlstring(L, b.p, b.len);
  hd_buf_release(&b);
  return 1;
}

/* fmt.thousands(n) -> "1,234,567" */
static int f_thousands(lua_State *L) {
  char out[48];
  hd_thousands((long long)luaL_checkinteger(L, 1), out, sizeof out);
  lua_pushstring(L, out);
  return 1;
}

/* fmt.lines(s) -> list of the lines of s */
static int f_lines(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len), *p = s, *end = s + len;
  lua_newtable(L);
  lua_Integer i = 0;
  while (p <= end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    lua_pushlstring(L, p, (size_t)(e - p));
    lua_rawseti(L, -2, ++i);
    if (!nl) break;
    p = nl + 1;
  }
  return 1;
}

int sandbox_new(hd_sandbox **out, hd_err *err) {
  hd_pack *p = calloc(1, sizeof *p);
  *out = NULL;
  if (!p) return hd_err_set(err, HD_ENOMEM, "out of memory");
  p->o.instruction_budget = 200000;
  p->o.memory_limit = 16L << 20;
  p->o.time_limit_ms = 200;
  p->mem_limit = (size_t)p->o.memory_limit;
  hd_buf_init(&p->log, 1 << 16);
  hd_buf_init(&p->ev, 1 << 16);
  if (build_state(p, err)) {
    pack_free(p);
    return err->code;
  }
  lua_State *L = p->L;
  /* data: the root scope; names not found there come from the shared globals. */
  lua_newtable(L);                                   /* data */
  static const luaL_Reg FMT[] = {{"date", f_date}, {"date_upper", f_date_upper},
                                 {"number_cn", f_number_cn}, {"thousands", f_thousands},
                                 {"lines", f_lines}, {NULL, NULL}};
  luaL_newlib(L, FMT);
  make_readonly(L);
  lua_setfield(L, -2, "fmt");
  lua_createtable(L, 0, 2);                          /* data mt */
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushcclosure(L, strict_index, 1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);                           /* data */
  p->scopes[0] = luaL_ref(L, LUA_REGISTRYINDEX);
  p->n_scopes = 1;
  lua_newtable(L);
  p->expr_cache = luaL_ref(L, LUA_REGISTRYINDEX);
  *out = p;
  return HD_OK;
}

void sandbox_free(hd_sandbox *s) { pack_free(s); }

int sandbox_set(hd_sandbox *s, const char *table, const char *key, const char *value) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->scopes[0]);   /* data */
  if (table) {
    lua_pushstring(L, table);
    lua_rawget(L, -2); /* raw: data's __index reports undeclared names */
    if (lua_type(L, -1) != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushstring(L, table);
      lua_pushvalue(L, -2);
      lua_rawset(L, -4);
    }
  }
  lua_pushstring(L, key);
  lua_pushstring(L, value);
  lua_rawset(L, -3);
  lua_settop(L, 0);
  return HD_OK;
}

/* Push the compiled function of expr (cached), its _ENV set to the current scope. */
static int expr_push(hd_pack *p, const char *file, long line, const char *expr, hd_err *err) {
  lua_State *L = p->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->expr_cache);  /* cache */
  lua_pushfstring(L, "%s\n%d\n%s", file, (int)line, expr);
  lua_pushvalue(L, -1);
  if (lua_rawget(L, -3) != LUA_TFUNCTION) {          /* cache key nil */
    lua_pop(L, 1);
    hd_buf src;
    hd_buf_init(&src, 1 << 16);
    for (long i = 1; i < line && i < 100000; i++) hd_buf_add(&src, "\n", 1);
    hd_buf_printf(&src, "return (%s)", expr);
    char chunk[600];
    snprintf(chunk, sizeof chunk, "=%s", file);
    int st = src.p ? luaL_loadbufferx(L, src.p, src.len, chunk, "t") : LUA_ERRMEM;
    hd_buf_release(&src);
    if (st != LUA_OK) {
      hd_err_set(err, HD_EDATA, "%s (in {%s})", lua_tostring(L, -1), expr);
      lua_settop(L, 0);
      return HD_EDATA;
    }
    lua_pushvalue(L, -2);                            /* cache key f key */
    lua_pushvalue(L, -2);
    lua_rawset(L, -5);                               /* cache key f */
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->scopes[p->n_scopes - 1]);
  lua_setupvalue(L, -2, 1);
  lua_replace(L, 1);
  lua_settop(L, 1);                                  /* f */
  return HD_OK;
}

/* Evaluate: leaves the value on the stack. */
static int expr_eval(hd_pack *p, const char *file, long line, const char *expr, hd_err *err) {
  if (!p->L && build_state(p, err)) return err->code;
  lua_settop(p->L, 0);
  if (expr_push(p, file, line, expr, err)) return err->code;
  lua_State *L = p->L;
  lua_pushcfunction(L, msgh);
  lua_insert(L, 1);
  p->budget_left = p->o.instruction_budget;
  p->deadline_ms = hd_now_ms() + (double)p->o.time_limit_ms;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int st = lua_pcall(L, 0, 1, 1);
  lua_sethook(L, NULL, 0, 0);
  if (st != LUA_OK || p->fatal) {
    if (p->fatal) hd_err_set(err, HD_EDATA, "%s:%ld: {%s} stopped: %s", file, line, expr, p->fatal_why);
    else hd_err_set(err, HD_EDATA, "%s (in {%s})", lua_tostring(L, -1), expr);
    lua_settop(L, 0);
    return HD_EDATA;
  }
  lua_remove(L, 1);
  return HD_OK;
}

int sandbox_text(hd_sandbox *s, const char *file, long line, const char *expr, hd_buf *out,
                 hd_err *err) {
  if (expr_eval(s, file, line, expr, err)) return err->code;
  lua_State *L = s->L;
  int rc = HD_OK;
  switch (lua_type(L, -1)) {
  case LUA_TSTRING: {
    size_t len;
    const char *v = lua_tolstring(L, -1, &len);
    if (hd_buf_add(out, v, len)) rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    break;
  }
  case LUA_TNUMBER:
    if (lua_isinteger(L, -1)) hd_buf_printf(out, "%lld", (long long)lua_tointeger(L, -1));
    else hd_buf_printf(out, "%.14g", (double)lua_tonumber(L, -1));
    break;
  case LUA_TNIL:
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s} has no value", file, line, expr);
    break;
  default:
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s} is a %s, not text", file, line, expr,
                    luaL_typename(L, -1));
  }
  lua_settop(L, 0);
  return rc;
}

int sandbox_truth(hd_sandbox *s, const char *file, long line, const char *expr, int *out,
                  hd_err *err) {
  if (expr_eval(s, file, line, expr, err)) return err->code;
  *out = lua_toboolean(s->L, -1);
  lua_settop(s->L, 0);
  return HD_OK;
}

int sandbox_each_begin(hd_sandbox *s, const char *file, long line, const char *expr,
                       int *count, hd_err *err) {
  if (expr_eval(s, file, line, expr, err)) return err->code;
  lua_State *L = s->L;
  if (lua_type(L, -1) != LUA_TTABLE) {
    hd_err_set(err, HD_EDATA, "%s:%ld: <each in=\"%s\"> is a %s, not a list", file, line, expr,
               luaL_typename(L, -1));
    lua_settop(L, 0);
    return HD_EDATA;
  }
  if (s->n_lists == 16) {
    lua_settop(L, 0);
    return hd_err_set(err, HD_EDATA, "%s:%ld: <each> nested deeper than 16", file, line);
  }
  *count = (int)luaL_len(L, -1);
  s->lists[s->n_lists++] = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_settop(L, 0);
  return HD_OK;
}

int sandbox_each_item(hd_sandbox *s, int i, const char *as, hd_err *err) {
  lua_State *L = s->L;
  if (s->n_scopes == 32) return hd_err_set(err, HD_EDATA, "scopes nested deeper than 32");
  lua_createtable(L, 0, 1);                          /* scope */
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->lists[s->n_lists - 1]);
  lua_geti(L, -1, i);
  lua_setfield(L, -3, as);
  lua_pop(L, 1);
  lua_pushinteger(L, i);
  lua_setfield(L, -2, "index");                      /* 1-based position in the list */
  lua_createtable(L, 0, 1);                          /* scope mt: fall back to the parent */
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->scopes[s->n_scopes - 1]);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  s->scopes[s->n_scopes++] = luaL_ref(L, LUA_REGISTRYINDEX);
  return HD_OK;
}

void sandbox_scope_end(hd_sandbox *s) {
  if (s->n_scopes > 1) luaL_unref(s->L, LUA_REGISTRYINDEX, s->scopes[--s->n_scopes]);
}

void sandbox_each_end(hd_sandbox *s) {
  if (s->n_lists > 0) luaL_unref(s->L, LUA_REGISTRYINDEX, s->lists[--s->n_lists]);
}

int sandbox_set_case(hd_sandbox *s, const hd_caseview *v) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->scopes[0]);   /* data */
  lua_pushliteral(L, "case");
  push_case(L, v);
  lua_rawset(L, -3);
  lua_settop(L, 0);
  return HD_OK;
}

int sandbox_set_findings(hd_sandbox *s, const hd_findings *f) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->scopes[0]);   /* data */
  lua_pushliteral(L, "findings");
  lua_createtable(L, f->n, 0);
  for (int i = 0; i < f->n; i++) {
    const hd_finding *x = &f->v[i];
    lua_createtable(L, 0, 8);
    lua_pushstring(L, x->check_id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, x->clause);
    lua_setfield(L, -2, "clause");
    lua_pushstring(L, x->title);
    lua_setfield(L, -2, "title");
    lua_pushstring(L, outcome_name(x->outcome));
    lua_setfield(L, -2, "outcome");
    lua_pushstring(L, outcome_cn(x->outcome));
    lua_setfield(L, -2, "outcome_cn");
    lua_pushstring(L, x->message);
    lua_setfield(L, -2, "message");
    lua_pushstring(L, x->severity);
    lua_setfield(L, -2, "severity");
    if (x->waiver) {
      lua_pushstring(L, x->waiver);
      lua_setfield(L, -2, "waiver");
    }
    make_readonly(L);
    lua_rawseti(L, -2, i + 1);
  }
  make_readonly(L);
  lua_rawset(L, -3);
  lua_pushliteral(L, "decision");
  lua_createtable(L, 0, 2);
  lua_pushstring(L, decision_name(f->decision));
  lua_setfield(L, -2, "name");
  lua_pushstring(L, decision_cn(f->decision));
  lua_setfield(L, -2, "cn");
  lua_pushstring(L, f->revision);
  lua_setfield(L, -2, "pack_revision");
  make_readonly(L);
  lua_rawset(L, -3);
  lua_settop(L, 0);
  return HD_OK;
}

int sandbox_list_add(hd_sandbox *s, const char *list, int n, const char *const *keys,
                     const char *const *values) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->scopes[0]);   /* data */
  lua_pushstring(L, list);
  lua_rawget(L, -2);
  if (lua_type(L, -1) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushstring(L, list);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4);
  }
  if (n < 0) {                                       /* only make sure the list exists */
    lua_settop(L, 0);
    return HD_OK;
  }
  lua_createtable(L, 0, n);
  for (int i = 0; i < n; i++) {
    if (!values[i]) continue;
    lua_pushstring(L, values[i]);
    lua_setfield(L, -2, keys[i]);
  }
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  lua_settop(L, 0);
  return HD_OK;
}
