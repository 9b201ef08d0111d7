/* luacase.c: the case as strict read-only Lua tables (luacase.h). */
#include "sandbox/luacase.h"

#include <lauxlib.h>
#include <string.h>

#include "model/caseview.h"
#include "sandbox/sandbox.h"
#include "util/suggest.h"

void luacase_init(hd_luacase *c) {
  c->pool_ref = c->mt_ref = LUA_NOREF;
  c->has_as_of = 0;
}

void luacase_as_of(hd_luacase *c, const hd_date *as_of) {
  c->has_as_of = as_of != NULL;
  if (as_of) c->as_of = *as_of;
}

static const char *text_of(const hd_row *r, const char *name) {
  const hd_value *v = row_get(r, name);
  return v && v->type == HD_V_TEXT ? v->s : NULL;
}

static long long int_of(const hd_row *r, const char *name) {
  const hd_value *v = row_get(r, name);
  return v && v->type == HD_V_INT ? v->i : 0;
}

/* 1 if the text date s is a date strictly before d; unknown (NULL, not a date): 1, so
 * that what the register says without a date counts. */
static int dated_before(const char *s, hd_date d) {
  hd_date x;
  if (!s || !hd_date_parse(s, &x)) return 1;
  return hd_date_cmp(x, d) < 0;
}

/* The status of the prior certificate of case v as of the date of c (as it stands if c
 * has none): "pending" before its registration date, "superseded" or "cancelled" only by
 * another case and before that date, else its status. NULL if v has no prior. */
static const char *prior_status(const hd_luacase *c, const hd_caseview *v) {
  if (!v->prior.n) return NULL;
  const char *st = text_of(&v->prior, "_status");
  if (!st) st = "issued";
  if (!c->has_as_of) return st;
  hd_date reg;
  const char *r = text_of(&v->prior, "registration_date");
  if (r && hd_date_parse(r, &reg) && hd_date_cmp(c->as_of, reg) < 0) return "pending";
  /* The review of a night runs before its certificates and cancellations: what another
   * case did on the date itself had not happened yet at the review. What this case did
   * is its own outcome, not a fact it is reviewed on. */
  if (!strcmp(st, "superseded")) {
    if (int_of(&v->prior, "_superseded_by") == v->id) return "issued";
    return dated_before(text_of(&v->prior, "_superseded_on"), c->as_of) ? st : "issued";
  }
  if (!strcmp(st, "cancelled")) {
    if (int_of(&v->prior, "_cancelled_by") == v->id) return "issued";
    return dated_before(text_of(&v->prior, "_cancelled_on"), c->as_of) ? st : "issued";
  }
  return st;
}

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

/* Push the metatable {__index = strict_miss} for rows with these column names at this
 * path (cached by path and names array). variant: 0 the row as is, 1 the row without its
 * nested record (the columns that begin with prefix: holder_ of a rights row, issuer_ of
 * a material), 2 that record alone, named without the prefix. extra: names of nested or
 * computed fields, NULL-terminated. The loader's own columns (_x) are no fields. */
static void push_row_mt(hd_luacase *c, lua_State *L, const hd_row *r, int variant,
                        const char *prefix, const char *path, const char *const *extra) {
  size_t pl = prefix ? strlen(prefix) : 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->mt_ref);            /* cache */
  if (lua_getfield(L, -1, path) != LUA_TTABLE) {           /* cache bypath */
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, path);
  }
  lua_remove(L, -2);                                       /* bypath */
  if (lua_rawgetp(L, -1, r->names) == LUA_TTABLE) {
    lua_remove(L, -2);
    return;
  }
  lua_pop(L, 1);                                           /* bypath */
  lua_createtable(L, 0, 1);                                /* bypath mt */
  lua_createtable(L, 0, r->n + 4);                         /* bypath mt known */
  for (int i = 0; i < r->n; i++) {
    const char *n = r->names[i];
    int nested = pl && strncmp(n, prefix, pl) == 0;
    if (caseview_hidden(n)) continue;
    if (variant == 1 && nested) continue;
    if (variant == 2 && !nested) continue;
    if (variant == 2) n += pl;
    if (variant == 1 && strcmp(n, "right_kind") == 0) n = "kind";
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, n);
  }
  for (int i = 0; extra && extra[i]; i++) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, extra[i]);
  }
  lua_pushstring(L, path);
  lua_pushcclosure(L, strict_miss, 2);                     /* bypath mt f */
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, -3, r->names);                            /* bypath mt */
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

/* The row's fields into the table at the top (absent values: nil; the loader's own
 * columns: not at all). */
static void set_fields(lua_State *L, const hd_row *r) {
  for (int i = 0; i < r->n; i++) {
    if (r->v[i].type == HD_V_NULL || caseview_hidden(r->names[i])) continue;
    push_value(L, r, i);
    lua_setfield(L, -2, r->names[i]);
  }
}

/* Push a strict row (not yet a view). */
static void push_row(pusher *p, lua_State *L, const hd_row *r, const char *path,
                     const char *const *extra) {
  lua_createtable(L, 0, r->n + 2);
  set_fields(L, r);
  push_row_mt(p->c, L, r, 0, NULL, path, extra);
  lua_setmetatable(L, -2);
}

/* Push a row as a read-only view, or nothing if it is absent (n == 0). Returns 1 if pushed. */
static int push_record(pusher *p, lua_State *L, const hd_row *r, const char *path) {
  if (!r->n) return 0;
  push_row(p, L, r, path, NULL);
  view(p, L);
  return 1;
}

static void end_list(pusher *p, lua_State *L, const char *path) {
  push_list_mt(p->c, L, path);
  lua_setmetatable(L, -2);
  view(p, L);
}

static void push_rows(pusher *p, lua_State *L, const hd_rows *rs, const char *path,
                      const char *item) {
  lua_createtable(L, rs->n, 0);
  for (int i = 0; i < rs->n; i++) {
    push_row(p, L, &rs->v[i], item, NULL);
    view(p, L);
    lua_rawseti(L, -2, i + 1);
  }
  end_list(p, L, path);
}

static const char *const RIGHT_NESTED[] = {"holder", NULL};
static const char *const MATERIAL_NESTED[] = {"issuer", NULL};

/* Rows with a nested record (the columns beginning with prefix, "holder_" or "issuer_")
 * as {..., nested = {...}}: rights rows (right_kind, restrictions, holder_*) as {kind,
 * restrictions, holder = {...}}, materials as {kind, ..., issuer = {...}}. A nested record
 * whose columns are all NULL (a material whose issuer is not known) is absent: nil. */
static void push_nested_rows(pusher *p, lua_State *L, const hd_rows *rs, const char *path,
                             const char *item, const char *nested_path, const char *prefix,
                             const char *const *nested) {
  size_t pl = strlen(prefix);
  lua_createtable(L, rs->n, 0);
  for (int i = 0; i < rs->n; i++) {
    const hd_row *r = &rs->v[i];
    lua_createtable(L, 0, 3);                               /* rows row */
    lua_createtable(L, 0, 4);                               /* rows row nested */
    int any = 0;
    for (int k = 0; k < r->n; k++) {
      const char *name = r->names[k];
      if (r->v[k].type == HD_V_NULL || caseview_hidden(name)) continue;
      push_value(L, r, k);
      if (strncmp(name, prefix, pl) == 0) {
        lua_setfield(L, -2, name + pl);
        any = 1;
      } else {
        lua_setfield(L, -3, strcmp(name, "right_kind") == 0 ? "kind" : name);
      }
    }
    if (any) {
      push_row_mt(p->c, L, r, 2, prefix, nested_path, NULL);
      lua_setmetatable(L, -2);
      view(p, L);
      lua_setfield(L, -2, nested[0]);
    } else {
      lua_pop(L, 1);
    }
    push_row_mt(p->c, L, r, 1, prefix, item, nested);
    lua_setmetatable(L, -2);
    view(p, L);
    lua_rawseti(L, -2, i + 1);
  }
  end_list(p, L, path);
}

/* The holders of rights rows, each once (by subject), in the order of their first right. */
static void push_holders(pusher *p, lua_State *L, const hd_rows *rs, const char *path,
                         const char *item) {
  lua_createtable(L, rs->n, 0);
  int n = 0;
  for (int i = 0; i < rs->n; i++) {
    const hd_row *r = &rs->v[i];
    long long id = int_of(r, "holder_id");
    int seen = 0;
    for (int j = 0; j < i && !seen; j++) seen = int_of(&rs->v[j], "holder_id") == id;
    if (seen) continue;
    lua_createtable(L, 0, 4);
    for (int k = 0; k < r->n; k++)
      if (r->v[k].type != HD_V_NULL && strncmp(r->names[k], "holder_", 7) == 0) {
        push_value(L, r, k);
        lua_setfield(L, -2, r->names[k] + 7);
      }
    push_row_mt(p->c, L, r, 2, "holder_", item, NULL);
    lua_setmetatable(L, -2);
    view(p, L);
    lua_rawseti(L, -2, ++n);
  }
  end_list(p, L, path);
}

/* The objections filed by the date of c, with their status on that date (all, as they
 * stand, without a date). */
static void push_objections(pusher *p, lua_State *L, const hd_rows *rs) {
  lua_createtable(L, rs->n, 0);
  int n = 0;
  for (int i = 0; i < rs->n; i++) {
    const hd_row *r = &rs->v[i];
    hd_date d;
    const char *filed = text_of(r, "filed_date"), *resolved = text_of(r, "resolved_date");
    if (p->c->has_as_of && filed && hd_date_parse(filed, &d) && hd_date_cmp(d, p->c->as_of) > 0)
      continue;
    push_row(p, L, r, "c.objections[i]", NULL);
    if (p->c->has_as_of && resolved && hd_date_parse(resolved, &d) &&
        hd_date_cmp(d, p->c->as_of) > 0) {              /* still open then */
      lua_pushliteral(L, "open");
      lua_setfield(L, -2, "status");
      lua_pushnil(L);
      lua_setfield(L, -2, "resolved_date");
    }
    view(p, L);
    lua_rawseti(L, -2, ++n);
  }
  end_list(p, L, "c.objections");
}

static const char *const CASE_NESTED[] = {"applicant", "counterparty", "resource", "rights",
                                          "materials", "objections", "prior", NULL};
static const char *const APPLICANT_NESTED[] = {"records", NULL};
static const char *const PRIOR_NESTED[] = {"status", "applicant", "rights", "holders",
                                           "resource", NULL};

void luacase_push(hd_luacase *c, lua_State *L, const hd_caseview *v, int reuse) {
  if (c->pool_ref == LUA_NOREF) {
    lua_newtable(L);
    c->pool_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    c->mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  pusher p = {c, reuse, 0};
  luaL_checkstack(L, 24, NULL);
  push_row(&p, L, &v->kase, "c", CASE_NESTED);
  push_row(&p, L, &v->applicant, "c.applicant", APPLICANT_NESTED);
  push_rows(&p, L, &v->records, "c.applicant.records", "c.applicant.records[i]");
  lua_setfield(L, -2, "records");
  view(&p, L);
  lua_setfield(L, -2, "applicant");
  if (push_record(&p, L, &v->counterparty, "c.counterparty")) lua_setfield(L, -2, "counterparty");
  push_row(&p, L, &v->resource, "c.resource", NULL);
  view(&p, L);
  lua_setfield(L, -2, "resource");
  push_nested_rows(&p, L, &v->rights, "c.rights", "c.rights[i]", "c.rights[i].holder", "holder_",
                   RIGHT_NESTED);
  lua_setfield(L, -2, "rights");
  push_nested_rows(&p, L, &v->materials, "c.materials", "c.materials[i]",
                   "c.materials[i].issuer", "issuer_", MATERIAL_NESTED);
  lua_setfield(L, -2, "materials");
  push_objections(&p, L, &v->objections);
  lua_setfield(L, -2, "objections");
  if (v->prior.n) {
    push_row(&p, L, &v->prior, "c.prior", PRIOR_NESTED);
    lua_pushstring(L, prior_status(c, v));
    lua_setfield(L, -2, "status");
    if (push_record(&p, L, &v->prior_applicant, "c.prior.applicant"))
      lua_setfield(L, -2, "applicant");
    push_nested_rows(&p, L, &v->prior_rights, "c.prior.rights", "c.prior.rights[i]",
                     "c.prior.rights[i].holder", "holder_", RIGHT_NESTED);
    lua_setfield(L, -2, "rights");
    push_holders(&p, L, &v->prior_rights, "c.prior.holders", "c.prior.holders[i]");
    lua_setfield(L, -2, "holders");
    if (push_record(&p, L, &v->prior_resource, "c.prior.resource"))
      lua_setfield(L, -2, "resource");
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
