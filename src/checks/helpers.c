/* helpers.c: what checks call — the outcome constructors pass/fail/rectify/manual/na and
 * the `hd` helpers (dates in calendar days, months, years and working days, the 年月日
 * form, credit codes, materials). All read the as-of date, never the clock. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks/pack_int.h"
#include "checks/uscc.h"
#include "model/caseview.h"
#include "model/grounds.h"
#include "util/buf.h"

#define MAX_MADE 1000
#define MAX_MADE_BYTES (1u << 20)
#define MAX_EVIDENCE_ITEMS 50
#define MAX_EVIDENCE_TEXT 500  /* bytes of one evidence value */

static hd_pack *pack_of(lua_State *L) { return sbx_owner(L); }

/* ---- dates ------------------------------------------------------------------------------ */

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

static int h_today(lua_State *L) {
  push_date(L, pack_of(L)->cur.as_of);
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

/* Whole months from a to b, counted as Civil Code art. 202 counts a period: the largest n
 * with add_months(a, n) on or before b, so b's day of month is reached, or b is the last
 * day of a month that has no such day (2026-01-30 to 2026-02-28 is one month). If b is
 * before a, minus the months from b to a. */
static long months_between(hd_date a, hd_date b) {
  if (hd_date_cmp(b, a) < 0) return -months_between(b, a);
  long m = (long)(b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d && b.d != hd_date_days_in_month(b.y, b.m)) m--;
  return m;
}

/* Whole years from a to b, the same way (2024-02-29 to 2025-02-28 is one year). */
static int h_years_between(lua_State *L) {
  hd_date a = check_date(L, 1), b = check_date(L, 2);
  lua_pushinteger(L, months_between(a, b) / 12);
  return 1;
}

static int h_months_between(lua_State *L) {
  lua_pushinteger(L, months_between(check_date(L, 1), check_date(L, 2)));
  return 1;
}

/* hd.add_months(date, n): the same day n months later (or earlier); the month's last day
 * if it has no such day (Civil Code art. 202: 2026-01-31 + 1 month = 2026-02-28). */
static int h_add_months(lua_State *L) {
  hd_date d = check_date(L, 1);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_argcheck(L, n > -12000 && n < 12000, 2, "month count out of range");
  long m = (long)d.y * 12 + (d.m - 1) + (long)n;
  hd_date e = {(int)(m / 12), (int)(m % 12) + 1, d.d};
  if (e.y < 1900 || e.y > 9999) return luaL_error(L, "hd.add_months: year %d out of range", e.y);
  int dim = hd_date_days_in_month(e.y, e.m);
  if (e.d > dim) e.d = dim;
  push_date(L, e);
  return 1;
}

/* hd.within_years(date, n): date is after the day n years before the as-of date, and not
 * after the as-of date ("近 n 年"). */
static int h_within_years(lua_State *L) {
  hd_date d = check_date(L, 1);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_argcheck(L, n >= 0 && n < 1000, 2, "year count out of range");
  hd_date as_of = pack_of(L)->cur.as_of;
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
  if (!p->cur.cal) return luaL_error(L, "no holiday calendar loaded");
  if (n < 0 || n > 3660) return luaL_error(L, "working-day count out of range");
  if (calendar_add_working_days(p->cur.cal, d, (int)n, &out, &e)) return luaL_error(L, "%s", e.msg);
  push_date(L, out);
  return 1;
}

/* hd.date_cn(date) -> "2026年3月16日", the form opinions use. */
static int h_date_cn(lua_State *L) {
  char out[32];
  hd_date_cn(check_date(L, 1), out);
  lua_pushstring(L, out);
  return 1;
}

/* hd.cancel_ground(g) -> the wording of 5.1.6 g) that the cancellation notice prints too
 * (model/grounds.h), or nil if g is not a … f */
static int h_cancel_ground(lua_State *L) {
  const char *t = hd_cancel_ground_text(lua_tostring(L, 1));
  if (t) lua_pushstring(L, t);
  else lua_pushnil(L);
  return 1;
}

/* hd.uscc(code) -> ok, message (Chinese), normalised code, unknown_type, message (English) */
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

/* hd.material(kind) -> material (read-only) and "valid" | "expired" | "future" |
 * "missing", from the present materials of the case ("future": issued after the as-of
 * date, so it did not exist when the case was reviewed). Among several of a kind, a valid
 * one wins, then the first. A kind the register does not know is an error (a
 * misspelling would otherwise read as "missing"). */
static int h_material(lua_State *L) {
  hd_pack *p = pack_of(L);
  const char *kind = luaL_checkstring(L, 1);
  int best = -1;
  for (int i = 0; i < p->cur.n_mats; i++) {
    if (strcmp(p->cur.mats[i].kind, kind) != 0) continue;
    if (best < 0 || (p->cur.mats[i].status == MAT_VALID && p->cur.mats[best].status != MAT_VALID))
      best = i;
  }
  if (best < 0) {
    /* None of that kind: is it a kind at all? (A kind the case has is one: the register
     * takes no other.) */
    int known = 0;
    for (int i = 0; hd_material_kinds[i] && !known; i++) known = strcmp(hd_material_kinds[i], kind) == 0;
    if (!known) return luaL_error(L, "hd.material: '%s' is no kind of material (see docs/checks.md)", kind);
    lua_pushnil(L);
    lua_pushliteral(L, "missing");
    return 2;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->cur.ref);
  lua_getfield(L, -1, "materials");
  lua_geti(L, -1, p->cur.mats[best].index);
  static const char *const STATUS[] = {"valid", "expired", "future"};
  lua_pushstring(L, STATUS[p->cur.mats[best].status]);
  return 2;
}

/* ---- outcomes ----------------------------------------------------------------------------- */

void made_clear(hd_pack *p) {
  for (int i = 0; i < p->out.n; i++) {
    free(p->out.v[i].msg);
    evidence_free(p->out.v[i].ev);
  }
  p->out.n = 0;
  p->out.bytes = 0;
  p->out.last_token = 0; /* tokens count from 1 in every run: nothing of earlier runs shows */
}

/* One evidence value, by raw reads only (no metamethod of the script runs): NaN and
 * infinities become null, text is valid UTF-8 cut at MAX_EVIDENCE_TEXT bytes. Returns 0 if
 * out of memory. */
static int evidence_value(lua_State *L, int idx, hd_evalue *v) {
  memset(v, 0, sizeof *v);
  switch (lua_type(L, idx)) {
  case LUA_TNIL: return 1;
  case LUA_TBOOLEAN: v->type = EV_BOOL; v->i = lua_toboolean(L, idx); return 1;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) {
      v->type = EV_INT;
      v->i = (long long)lua_tointeger(L, idx);
    } else if (isfinite((double)lua_tonumber(L, idx))) {
      v->type = EV_REAL;
      v->r = (double)lua_tonumber(L, idx);
    }
    return 1;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    v->type = EV_TEXT;
    return (v->s = sbx_clip(s, len, MAX_EVIDENCE_TEXT)) != NULL;
  }
  default:
    v->type = EV_TEXT;
    return (v->s = hd_strdup(luaL_typename(L, idx))) != NULL;
  }
}

/* Evidence: {field=, found=, wanted=} or a list of them (at most 50 kept). NULL with
 * *oom set if out of memory. */
static hd_evidence *evidence_take(lua_State *L, int idx, int *oom) {
  static const char *const K[] = {"field", "found", "wanted"};
  int list = lua_rawlen(L, idx) > 0;
  lua_Integer n = list ? (lua_Integer)lua_rawlen(L, idx) : 1;
  int more = n > 20 * MAX_EVIDENCE_ITEMS; /* a border far out with holes before it */
  if (more) n = 20 * MAX_EVIDENCE_ITEMS;
  int keep = n < MAX_EVIDENCE_ITEMS ? (int)n : MAX_EVIDENCE_ITEMS;
  hd_evidence *e = calloc(1, sizeof *e + (size_t)keep * sizeof e->v[0]);
  *oom = e == NULL;
  if (!e) return NULL;
  for (lua_Integer i = 1; i <= n; i++) {
    if (list) lua_rawgeti(L, idx, i);
    else lua_pushvalue(L, idx);
    if (lua_type(L, -1) == LUA_TTABLE) {
      if (e->n == keep) {
        e->truncated = 1;
        lua_pop(L, 1);
        break;
      }
      hd_evalue *v = e->v[e->n++];
      for (int k = 0; k < 3; k++) {
        lua_pushstring(L, K[k]);
        lua_rawget(L, -2);
        if (!evidence_value(L, -1, &v[k])) *oom = 1;
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
    if (*oom) break;
  }
  if (*oom) {
    evidence_free(e);
    return NULL;
  }
  if (more) e->truncated = 1;
  return e;
}

/* pass(message [, evidence]) etc. The outcome is kept on the C side and the check gets a
 * token (a light userdata) that pack_run_one looks up: nothing a script can alter later.
 * The message is argument at (1; 2 for route), the evidence the one after it. */
static int make_outcome_at(lua_State *L, int outcome, int at, const char *route) {
  hd_pack *p = pack_of(L);
  size_t len;
  const char *m = luaL_checklstring(L, at, &len);
  int has_evidence = !lua_isnoneornil(L, at + 1);
  if (has_evidence) luaL_checktype(L, at + 1, LUA_TTABLE);
  if (p->out.n >= MAX_MADE)
    return luaL_error(L, "more than %d outcomes made in one check run", MAX_MADE);
  if (len > MAX_MADE_BYTES - p->out.bytes)
    return luaL_error(L, "outcome messages longer than %d bytes in one check run",
                      (int)MAX_MADE_BYTES);
  if (p->out.n == p->out.cap) {
    int cap = p->out.cap ? p->out.cap * 2 : 8;
    made *nm = realloc(p->out.v, (size_t)cap * sizeof *nm);
    if (!nm) return luaL_error(L, "out of memory");
    p->out.v = nm;
    p->out.cap = cap;
  }
  /* Kept as it came: made valid UTF-8 and cut only when read (finding_message). */
  size_t keep = len < HD_MESSAGE_MAX + 8 ? len : HD_MESSAGE_MAX + 8;
  char *msg = malloc(keep + 1);
  if (msg) {
    memcpy(msg, m, keep);
    msg[keep] = '\0';
  }
  int oom = !msg;
  hd_evidence *ev = msg && has_evidence ? evidence_take(L, at + 1, &oom) : NULL;
  if (oom) {
    free(msg);
    evidence_free(ev);
    return luaL_error(L, "out of memory");
  }
  made *x = &p->out.v[p->out.n++];
  x->token = ++p->out.last_token;
  x->outcome = outcome;
  x->route = route;
  x->msg = msg;
  x->msg_len = keep;
  x->msg_total = len;
  x->ev = ev;
  p->out.bytes += len;
  lua_pushlightuserdata(L, (void *)x->token);
  return 1;
}
static int make_outcome(lua_State *L, int outcome) {
  return make_outcome_at(L, outcome, 1, NULL);
}
/* route(procedure, message [, evidence]): the case goes on in that procedure (the night
 * changes it before the case moves); for the decision the outcome is a pass. */
static int o_route(lua_State *L) {
  static const char *const PROCEDURES[] = {"ordinary", "simplified", NULL};
  int i = luaL_checkoption(L, 1, NULL, PROCEDURES);
  return make_outcome_at(L, HD_PASS, 2, PROCEDURES[i]);
}
static int o_pass(lua_State *L) { return make_outcome(L, HD_PASS); }
static int o_fail(lua_State *L) { return make_outcome(L, HD_FAIL); }
static int o_rectify(lua_State *L) { return make_outcome(L, HD_RECTIFY); }
static int o_manual(lua_State *L) { return make_outcome(L, HD_MANUAL); }
static int o_na(lua_State *L) { return make_outcome(L, HD_NA); }

void pack_install_helpers(hd_pack *p) {
  lua_State *L = p->sbx.L;
  static const luaL_Reg OUT[] = {{"pass", o_pass}, {"fail", o_fail}, {"rectify", o_rectify},
                                 {"manual", o_manual}, {"na", o_na}, {"route", o_route},
                                 {NULL, NULL}};
  for (const luaL_Reg *r = OUT; r->name; r++) {
    lua_pushcfunction(L, r->func);
    sbx_global(&p->sbx, r->name);
  }
  static const luaL_Reg HD[] = {{"uscc", h_uscc}, {"today", h_today}, {"is_date", h_is_date},
                                {"add_days", h_add_days}, {"days_between", h_days_between},
                                {"years_between", h_years_between},
                                {"months_between", h_months_between},
                                {"add_months", h_add_months},
                                {"within_years", h_within_years},
                                {"add_working_days", h_add_working_days},
                                {"date_cn", h_date_cn},
                                {"material", h_material},
                                {"cancel_ground", h_cancel_ground}, {NULL, NULL}};
  luaL_newlib(L, HD);
  sbx_readonly(L);
  sbx_global(&p->sbx, "hd");
}
