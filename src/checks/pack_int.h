/* pack_int.h: the check pack's internals, shared by pack.c (loading, running, isolation),
 * helpers.c (the `hd` table and outcomes) and fixtures.c (the fixture runner). Not for
 * other stages: they use checks.h. */
#ifndef HD_PACK_INT_H
#define HD_PACK_INT_H
#include <stdint.h>

#include "checks/checks.h"
#include "sandbox/luacase.h"
#include "sandbox/sandbox.h"
#include "util/date.h"

typedef struct source {
  char *path;   /* as shown in messages: dir/name.lua */
  char *text;
  size_t len;
  int dir;      /* index into the pack's directories */
} source;

/* A file-level value a check's functions can reach (an upvalue): the value it had when
 * the pack was loaded, restored and reported if a run changes it. */
typedef struct upv {
  int fn_ref;       /* the function (registry) */
  int index;        /* its upvalue number */
  int value_ref;    /* the value at load (registry; LUA_REFNIL for nil) */
  char *name;
} upv;

typedef struct check {
  char *id, *title, *clause, *severity;
  int waivable;     /* waivable = true: a waiver may lift its findings (never for a ban) */
  char *where;      /* file:line of the declaration */
  char *ban_where;  /* file:line where the shipped pack (directory 0) declared it a ban
                     * (7.6: 不得开展登记), kept through overrides; NULL if it is none */
  int dir;          /* directory that declared it (later ones override) */
  int first_dir;    /* directory that declared it first (dir if not overridden) */
  int fn_run;       /* registry refs */
  int fn_applies;   /* LUA_NOREF if none */
  unsigned types;   /* registration types it applies to: bit i = the i-th type of pack.c REG_TYPES */
  int uv_from, uv_n; /* its entries in hd_pack.uv */
} check;

/* Evidence as the check gave it: up to 50 items of {field, found, wanted}, values typed
 * (JSON is made from it only when someone reads it: finding_evidence). */
enum { EV_NULL, EV_BOOL, EV_INT, EV_REAL, EV_TEXT };
typedef struct hd_evalue { int type; long long i; double r; char *s; } hd_evalue;
typedef struct hd_evidence {
  int n;
  int truncated;       /* more items were given than kept */
  hd_evalue v[][3];
} hd_evidence;
void evidence_free(hd_evidence *e);

/* An outcome made by pass/fail/... in the current run: the script gets back a token. */
typedef struct made {
  uintptr_t token;
  int outcome;
  const char *route; /* route(...): the procedure (static), else NULL */
  char *msg;         /* the check's bytes as they came (at most HD_MESSAGE_MAX + 8 kept) */
  size_t msg_len, msg_total;
  hd_evidence *ev;
} made;

/* The case being checked, as the helpers see it. */
typedef struct pack_case {
  int ref;           /* its table (registry) */
  /* its present materials; status: MAT_VALID, MAT_EXPIRED (valid_until before the as-of
   * date), MAT_FUTURE (issued after the as-of date: it did not exist at the review) */
  struct mat { const char *kind; int index; int status; } *mats;
  int n_mats, cap_mats;
  unsigned type_bit;  /* its registration type (its bit in check.types; 0 if none known) */
  const hd_calendar *cal;
  hd_date as_of;
} pack_case;

/* The outcomes made by pass/fail/... in the current run of one check. */
typedef struct pack_outcomes {
  made *v;
  int n, cap;
  uintptr_t last_token;
  size_t bytes;      /* of their messages */
} pack_outcomes;

/* While the files run (pack_build_state). */
typedef struct pack_loading {
  int running;       /* only then may files declare */
  int dir;           /* directory of the file running */
  int fixtures;      /* it is a fixture file: check/params declarations are errors */
} pack_loading;

struct hd_pack {
  hd_pack_opts o;
  hd_sbx sbx;        /* sbx.L == NULL: no state (rebuilt on demand) */
  source *src;       /* params files first, then check files, per directory */
  int n_src;
  source *fx;        /* fixture files (tests/ of each directory) */
  int n_fx;
  check *checks;
  int n_checks;
  check **retired;   /* check arrays of earlier states: findings point at their names */
  int *retired_n;
  int n_retired;
  upv *uv;           /* file-level values of every check (see check.uv_from) */
  int n_uv;
  int params_ref;
  int params_where_ref; /* parameter name -> "file:line" where it was declared */
  struct { int list_ref, base_ref; } fix; /* declared fixtures; the base case */
  hd_luacase lc;
  pack_case cur;
  pack_outcomes out;
  pack_loading load;
  /* Checks the watchdog had to abandon inside C: not run again in this process (each
   * abandoned state's memory stays behind); they get the same error on every later case. */
  struct { char *id, *msg; } *quarantine;
  int n_quarantine;
  char revision[17];
};

enum { MAT_VALID, MAT_EXPIRED, MAT_FUTURE };
/* The bit of a registration type in check.types, 0 if it is none. */
unsigned pack_type_bit(const char *reg_type);

/* helpers.c: install `hd`, the outcome constructors and the formatters in the globals. */
void pack_install_helpers(hd_pack *p);
void made_clear(hd_pack *p);
/* "file:line" of the Lua code that called the current C function (a declaration), with
 * the whole path (Lua's short form cuts long ones inside a character). */
void pack_caller_where(lua_State *L, char *out, size_t size);
/* fixtures.c: install fixture, base and none. */
void fixtures_install(hd_pack *p);
/* pack.c, for fixtures.c */
/* Raise an error unless the files are being loaded: a declaration made while a case is
 * checked would change the pack under the running check (what = "check", ...). */
void pack_decl_allowed(lua_State *L, const char *what);
int pack_build_state(hd_pack *p, hd_err *err);
int pack_scan_dir(source **list, int *count, const char *dir, int dir_index,
                  const char *first, int optional, hd_err *err);
/* Run check c on the case at case_idx; appends one finding. HD_ENOMEM only. */
int pack_run_one(hd_pack *p, const check *c, int case_idx, hd_findings *f);
/* Make the table at idx the case helpers read, indexing its present materials. */
int pack_set_case(hd_pack *p, int idx, hd_err *err);
void waiver_use_free(hd_waiver_use *w);
/* Append a finding; takes ownership of msg and ev (msg NULL: out of memory). */
int findings_add(hd_findings *f, const check *c, int outcome, char *msg, hd_evidence *ev);

#endif
