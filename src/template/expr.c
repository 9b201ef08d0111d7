/* expr.c: template expressions (expr.h) on the Lua sandbox. Every call into Lua, also
 * setting data and reading lists, runs protected under the budget. */
#include "template/expr.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "sandbox/luacase.h"
#include "util/date.h"
#include "util/format.h"

#define MAX_SCOPES 32
#define MAX_LISTS 16

struct hd_expr {
  hd_sbx sbx;
  int scopes[MAX_SCOPES]; /* registry refs; [0] = data */
  int n_scopes;
  int lists[MAX_LISTS];   /* lists of open <each> */
  int n_lists;
  int cache;              /* compiled expressions by file, line and text */
  long items;             /* <each> items opened in this document */
  hd_luacase lc;
};

/* Empty the stack, unless the state was left behind by the watchdog (then nothing of it
 * may be touched again; every later call fails, see ABANDONED). */
static void reset(hd_expr *x) {
  if (!x->sbx.abandoned) lua_settop(x->sbx.L, 0);
}
#define ABANDONED(x, err, file, line)                                                       \
  if ((x)->sbx.abandoned)                                                                   \
  return hd_err_set(err, HD_EDATA, "%s:%ld: the document's expressions were stopped earlier", \
                    file, line)

/* ---- fmt ---------------------------------------------------------------------------------- */

static hd_date check_date(lua_State *L, int i) {
  hd_date d;
  const char *s = luaL_checkstring(L, i);
  if (!hd_date_parse(s, &d)) luaL_error(L, "'%s' is not a date YYYY-MM-DD", s);
  return d;
}

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

static int push_buf(lua_State *L, hd_buf *b) {
  /* The buffer is C memory: copy it, free it, and only then may Lua raise an error. */
  char tmp[256];
  size_t n = b->len < sizeof tmp ? b->len : sizeof tmp - 1;
  memcpy(tmp, b->p ? b->p : "", n);
  hd_buf_release(b);
  lua_pushlstring(L, tmp, n);
  return 1;
}

/* fmt.date_upper(iso) -> "二〇二六年三月十六日" (the form of official documents) */
static int f_date_upper(lua_State *L) {
  static const char *const CN_DIGITS[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  hd_date d = check_date(L, 1);
  hd_buf b;
  hd_buf_init(&b, 200);
  char y[8];
  snprintf(y, sizeof y, "%04d", d.y % 10000);
  for (int i = 0; i < 4; i++) hd_buf_adds(&b, CN_DIGITS[y[i] - '0']);
  hd_buf_adds(&b, "年");
  cn_number(d.m, &b);
  hd_buf_adds(&b, "月");
  cn_number(d.d, &b);
  hd_buf_adds(&b, "日");
  return push_buf(L, &b);
}

/* fmt.number_cn(n), 0..9999 -> "一百零五" */
static int f_number_cn(lua_State *L) {
  lua_Integer n = luaL_checkinteger(L, 1);
  luaL_argcheck(L, n >= 0 && n <= 9999, 1, "0 to 9999");
  hd_buf b;
  hd_buf_init(&b, 200);
  cn_number((long)n, &b);
  return push_buf(L, &b);
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

/* ---- scopes ------------------------------------------------------------------------------ */

static int scope_newindex(lua_State *L) {
  return luaL_error(L, "assignment to '%s' in a template expression (expressions only read)",
                    lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

/* Push a metatable for a scope: reads fall back to `parent` (a function or table at
 * that index), writes are errors. */
static void push_scope_mt(lua_State *L, int parent) {
  parent = lua_absindex(L, parent);
  lua_createtable(L, 0, 3);
  lua_pushvalue(L, parent);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, scope_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
}

static int setup(lua_State *L) {
  hd_expr *x = lua_touserdata(L, 1);
  static const luaL_Reg FMT[] = {{"date", f_date}, {"date_upper", f_date_upper},
                                 {"number_cn", f_number_cn}, {"thousands", f_thousands},
                                 {"lines", f_lines}, {NULL, NULL}};
  lua_newtable(L);                                   /* data: the root scope */
  luaL_newlib(L, FMT);
  sbx_readonly(L);
  lua_setfield(L, -2, "fmt");
  sbx_push_strict_index(L);                          /* data f */
  push_scope_mt(L, -1);                              /* data f mt */
  lua_remove(L, -2);
  lua_setmetatable(L, -2);                           /* data */
  x->scopes[0] = luaL_ref(L, LUA_REGISTRYINDEX);
  x->n_scopes = 1;
  lua_newtable(L);
  x->cache = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

int expr_new(const hd_sbx_limits *lim, hd_expr **out, hd_err *err) {
  static const hd_sbx_limits DEF = {EXPR_INSTRUCTIONS, EXPR_MEMORY, EXPR_TIME_MS};
  hd_expr *x = calloc(1, sizeof *x);
  *out = NULL;
  if (!x) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if (sbx_open(&x->sbx, lim ? lim : &DEF, x, err)) {
    free(x);
    return err->code;
  }
  luacase_init(&x->lc);
  char *msg = NULL;
  if (sbx_cpcall(&x->sbx, setup, x, 0, &msg) != LUA_OK) {
    free(msg);
    expr_free(x);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  sbx_mark_base(&x->sbx);
  *out = x;
  return HD_OK;
}

void expr_free(hd_expr *x) {
  if (!x) return;
  sbx_close(&x->sbx);
  free(x);
}

/* ---- setting data (protected) ---------------------------------------------------------- */

typedef struct setarg {
  hd_expr *x;
  const char *table, *key, *value, *list;
  int n;
  const char *const *keys, *const *values;
  const struct hd_caseview *view;
  const hd_findings *f;
} setarg;

/* The table data[name] (made if absent), pushed. */
static void data_table(lua_State *L, hd_expr *x, const char *name) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->scopes[0]);
  lua_pushstring(L, name);
  if (lua_rawget(L, -2) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushstring(L, name);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4);
  }
  lua_remove(L, -2);
}

static int do_set(lua_State *L) {
  setarg *a = lua_touserdata(L, 1);
  if (a->table) data_table(L, a->x, a->table);
  else lua_rawgeti(L, LUA_REGISTRYINDEX, a->x->scopes[0]);
  lua_pushstring(L, a->key);
  lua_pushstring(L, a->value);
  lua_rawset(L, -3);
  return 0;
}

static int do_list_add(lua_State *L) {
  setarg *a = lua_touserdata(L, 1);
  data_table(L, a->x, a->list);
  if (a->n < 0) return 0;                            /* only make sure the list exists */
  lua_createtable(L, 0, a->n);
  for (int i = 0; i < a->n; i++) {
    if (!a->values[i]) continue;
    lua_pushstring(L, a->values[i]);
    lua_setfield(L, -2, a->keys[i]);
  }
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

static int do_set_case(lua_State *L) {
  setarg *a = lua_touserdata(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, a->x->scopes[0]);
  lua_pushliteral(L, "case");
  luacase_push(&a->x->lc, L, a->view, 0);
  lua_rawset(L, -3);
  return 0;
}

static void field(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static int do_set_findings(lua_State *L) {
  setarg *a = lua_touserdata(L, 1);
  const hd_findings *f = a->f;
  int waived = 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, a->x->scopes[0]);
  lua_pushliteral(L, "findings");
  lua_createtable(L, f->n, 0);
  for (int i = 0; i < f->n; i++) {
    hd_finding *x = &f->v[i];
    lua_createtable(L, 0, 13);
    field(L, "id", x->check_id);
    field(L, "clause", x->clause);
    field(L, "title", x->title);
    field(L, "outcome", outcome_name(x->outcome));
    field(L, "outcome_cn", outcome_cn(x->outcome));
    field(L, "message", finding_message(x));
    field(L, "severity", x->severity);
    field(L, "waiver", x->waiver);
    lua_pushboolean(L, x->waived);
    lua_setfield(L, -2, "waived");
    if (x->waived) { /* the waiver that lifts it, as the opinion prints it beside */
      field(L, "waiver_by", x->wv->approver);
      field(L, "waiver_date", x->wv->approved_date);
      field(L, "waiver_justification", x->wv->justification);
      field(L, "waiver_expires", x->wv->expires);
      waived++;
    }
    sbx_readonly(L);
    lua_rawseti(L, -2, i + 1);
  }
  sbx_readonly(L);
  lua_rawset(L, -3);
  lua_pushliteral(L, "decision");
  lua_createtable(L, 0, 4);
  field(L, "name", decision_name(f->decision));
  field(L, "cn", decision_cn(f->decision));
  field(L, "pack_revision", f->revision);
  lua_pushinteger(L, waived);
  lua_setfield(L, -2, "waived");
  sbx_readonly(L);
  lua_rawset(L, -3);
  return 0;
}

static int run_set(hd_expr *x, lua_CFunction fn, setarg *a) {
  if (x->sbx.abandoned) return HD_EDATA;
  a->x = x;
  char *msg = NULL;
  int st = sbx_cpcall(&x->sbx, fn, a, 0, &msg);
  free(msg);
  reset(x);
  return st == LUA_OK ? HD_OK : HD_ENOMEM;
}

int expr_set(hd_expr *x, const char *table, const char *key, const char *value) {
  setarg a = {.table = table, .key = key, .value = value};
  return run_set(x, do_set, &a);
}

int expr_list_add(hd_expr *x, const char *list, int n, const char *const *keys,
                  const char *const *values) {
  setarg a = {.list = list, .n = n, .keys = keys, .values = values};
  return run_set(x, do_list_add, &a);
}

int expr_set_case(hd_expr *x, const struct hd_caseview *v) {
  setarg a = {.view = v};
  return run_set(x, do_set_case, &a);
}

int expr_set_findings(hd_expr *x, const hd_findings *f) {
  setarg a = {.f = f};
  return run_set(x, do_set_findings, &a);
}

/* ---- evaluating -------------------------------------------------------------------------- */

typedef struct comparg { hd_expr *x; const char *file; long line; const char *expr; } comparg;

/* Compile (or take from the cache) and push the function of the expression, its _ENV
 * the current scope. A syntax error is raised as "file:line: ...". */
static int compile(lua_State *L) {
  comparg *a = lua_touserdata(L, 1);
  hd_expr *x = a->x;
  reset(x);
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->cache);       /* cache */
  lua_pushfstring(L, "%s\n%d\n%s", a->file, (int)a->line, a->expr);
  lua_pushvalue(L, -1);
  if (lua_rawget(L, 1) != LUA_TFUNCTION) {           /* cache key nil */
    lua_pop(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (long i = 1; i < a->line && i < 100000; i++) luaL_addchar(&b, '\n');
    luaL_addstring(&b, "return (");
    luaL_addstring(&b, a->expr);
    luaL_addchar(&b, ')');
    luaL_pushresult(&b);                             /* cache key src */
    size_t len;
    const char *src = lua_tolstring(L, -1, &len);
    char chunk[600];
    snprintf(chunk, sizeof chunk, "=%s", a->file);
    if (luaL_loadbufferx(L, src, len, chunk, "t") != LUA_OK) return lua_error(L);
    lua_remove(L, -2);                               /* cache key f */
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->scopes[x->n_scopes - 1]);
  lua_setupvalue(L, -2, 1);
  return 1;
}

/* Evaluate: leaves the value at the top of an empty stack. */
static int eval(hd_expr *x, const char *file, long line, const char *expr, hd_err *err) {
  ABANDONED(x, err, file, line);
  reset(x);
  comparg a = {x, file, line, expr};
  char *msg = NULL;
  int st = sbx_cpcall(&x->sbx, compile, &a, 1, &msg);
  if (st == LUA_OK) st = sbx_call(&x->sbx, 0, 1, &msg);
  if (st == LUA_OK) return HD_OK;
  int pos = sbx_position_len(msg);
  if (sbx_stopped(&x->sbx))
    hd_err_set(err, HD_EDATA, "%s:%ld: {%s} stopped: %s", file, line, expr, msg ? msg + pos : "?");
  else
    hd_err_set(err, HD_EDATA, "%s (in {%s})", msg ? msg : "out of memory", expr);
  free(msg);
  reset(x);
  return HD_EDATA;
}

int expr_text(hd_expr *x, const char *file, long line, const char *expr, hd_buf *out,
              hd_err *err) {
  if (eval(x, file, line, expr, err)) return err->code;
  lua_State *L = x->sbx.L;
  int rc = HD_OK;
  char num[64];
  const char *v = NULL;
  size_t len = 0;
  switch (lua_type(L, -1)) {
  case LUA_TSTRING: v = lua_tolstring(L, -1, &len); break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, -1)) snprintf(num, sizeof num, "%lld", (long long)lua_tointeger(L, -1));
    else snprintf(num, sizeof num, "%.14g", (double)lua_tonumber(L, -1));
    v = num;
    len = strlen(num);
    break;
  case LUA_TNIL:
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s} has no value", file, line, expr);
    break;
  default:
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s} is a %s, not text", file, line, expr,
                    luaL_typename(L, -1));
  }
  if (v && len > EXPR_TEXT_MAX)
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s} is %zu bytes of text, more than the %u one "
                    "value may put into a document", file, line, expr, len, EXPR_TEXT_MAX);
  else if (v && hd_buf_add(out, v, len))
    rc = hd_err_set(err, HD_EDATA, "%s:%ld: {%s}: the document's text would be over its "
                    "limit of %zu bytes", file, line, expr, out->max);
  reset(x);
  return rc;
}

int expr_truth(hd_expr *x, const char *file, long line, const char *expr, int *out,
               hd_err *err) {
  if (eval(x, file, line, expr, err)) return err->code;
  *out = lua_toboolean(x->sbx.L, -1);
  reset(x);
  return HD_OK;
}

typedef struct eacharg { hd_expr *x; lua_Integer n; int i; const char *as; int ref; } eacharg;

/* stack: list (from eval). Its length through __len if it has one, under the budget;
 * the list is kept in the registry. */
static int each_len(lua_State *L) {
  eacharg *a = lua_touserdata(L, 2);
  a->n = luaL_len(L, 1);
  lua_pushvalue(L, 1);
  a->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

int expr_each_begin(hd_expr *x, const char *file, long line, const char *expr, int *count,
                    hd_err *err) {
  *count = 0;
  if (eval(x, file, line, expr, err)) return err->code;
  lua_State *L = x->sbx.L;
  if (lua_type(L, -1) != LUA_TTABLE) {
    hd_err_set(err, HD_EDATA, "%s:%ld: <each in=\"%s\"> is a %s, not a list", file, line, expr,
               luaL_typename(L, -1));
    reset(x);
    return HD_EDATA;
  }
  if (x->n_lists == MAX_LISTS) {
    reset(x);
    return hd_err_set(err, HD_EDATA, "%s:%ld: <each> nested deeper than %d", file, line, MAX_LISTS);
  }
  eacharg a = {x, 0, 0, NULL, LUA_NOREF};
  char *msg = NULL;
  lua_pushcfunction(L, each_len);
  lua_pushvalue(L, 1);
  lua_pushlightuserdata(L, &a);
  if (sbx_call(&x->sbx, 2, 0, &msg) != LUA_OK) {
    hd_err_set(err, HD_EDATA, "%s:%ld: <each in=\"%s\">: %s", file, line, expr,
               msg ? msg + sbx_position_len(msg) : "out of memory");
    free(msg);
    reset(x);
    return HD_EDATA;
  }
  if (a.n < 0 || a.n > 100000) {
    luaL_unref(L, LUA_REGISTRYINDEX, a.ref);
    reset(x);
    return hd_err_set(err, HD_EDATA, "%s:%ld: <each in=\"%s\"> has %lld items (at most 100000)",
                      file, line, expr, (long long)a.n);
  }
  *count = (int)a.n;
  x->lists[x->n_lists++] = a.ref;
  reset(x);
  return HD_OK;
}

static int each_item(lua_State *L) {
  eacharg *a = lua_touserdata(L, 1);
  hd_expr *x = a->x;
  lua_createtable(L, 0, 2);                          /* scope */
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->lists[x->n_lists - 1]);
  lua_geti(L, -1, a->i);                             /* scope list item */
  lua_setfield(L, -3, a->as);
  lua_pop(L, 1);
  lua_pushinteger(L, a->i);
  lua_setfield(L, -2, "index");                      /* 1-based position in the list */
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->scopes[x->n_scopes - 1]);
  push_scope_mt(L, -1);                              /* scope parent mt */
  lua_remove(L, -2);
  lua_setmetatable(L, -2);
  a->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

int expr_each_item(hd_expr *x, const char *file, long line, int i, const char *as,
                   hd_err *err) {
  if (x->n_scopes == MAX_SCOPES)
    return hd_err_set(err, HD_EDATA, "%s:%ld: scopes nested deeper than %d", file, line, MAX_SCOPES);
  if (x->n_lists == 0) return hd_err_set(err, HD_EINTERNAL, "<each> item without a list");
  if (++x->items > EXPR_ITEMS_MAX)
    return hd_err_set(err, HD_EDATA, "%s:%ld: <each> items of this document are more than %d",
                      file, line, EXPR_ITEMS_MAX);
  ABANDONED(x, err, file, line);
  eacharg a = {x, 0, i, as, LUA_NOREF};
  char *msg = NULL;
  reset(x);
  if (sbx_cpcall(&x->sbx, each_item, &a, 0, &msg) != LUA_OK) {
    hd_err_set(err, HD_EDATA, "%s:%ld: <each> item %d: %s", file, line, i,
               msg ? msg + sbx_position_len(msg) : "out of memory");
    free(msg);
    return HD_EDATA;
  }
  x->scopes[x->n_scopes++] = a.ref;
  return HD_OK;
}

void expr_scope_end(hd_expr *x) {
  if (x->n_scopes <= 1) return;
  x->n_scopes--;
  if (!x->sbx.abandoned) luaL_unref(x->sbx.L, LUA_REGISTRYINDEX, x->scopes[x->n_scopes]);
}

void expr_each_end(hd_expr *x) {
  if (x->n_lists <= 0) return;
  x->n_lists--;
  if (!x->sbx.abandoned) luaL_unref(x->sbx.L, LUA_REGISTRYINDEX, x->lists[x->n_lists]);
}
