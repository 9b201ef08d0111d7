/* sandbox.h: the Lua 5.4 sandbox that checks and template expressions share — one state
 * with a counting allocator, allow-listed libraries behind read-only views, strict
 * environments, an instruction budget and a deadline that scripts cannot swallow, a
 * watchdog (an interval timer) that stops C functions past the deadline, cost guards on
 * the library functions that loop inside C, and protected calls whose errors always come
 * back as "file:line: message". Depends on Lua and util/. See shared/guides/LUA-SANDBOX.md
 * and docs/checks.md ("What a rule can and cannot do"). */
#ifndef HD_SANDBOX_H
#define HD_SANDBOX_H
#include <lua.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/diag.h"

typedef struct hd_sbx_limits {
  long instructions;   /* per evaluation */
  long memory;         /* bytes of the state beyond what it holds when loaded */
  long time_ms;        /* per evaluation */
} hd_sbx_limits;

/* Why an evaluation was stopped (sbx->stop). */
enum hd_sbx_stop { HD_SBX_RUNNING = 0, HD_SBX_BUDGET, HD_SBX_TIME, HD_SBX_MEMORY };

typedef struct hd_sbx {
  lua_State *L;
  hd_sbx_limits lim;
  size_t mem_used;     /* bytes the state holds */
  size_t mem_base;     /* what it held after loading: the memory limit counts from here */
  size_t mem_cap;      /* refuse growth past this */
  long budget_left;
  double deadline_ms;
  int stop;            /* enum hd_sbx_stop: the state must be rebuilt */
  volatile int alarm;  /* set by the watchdog: the deadline passed inside a C function;
                        * until the hook runs, the allocator refuses to grow */
  void *owner;         /* the check pack or the expression handle (sbx_owner) */
  const char *label;   /* the check running ("file:line" of its declaration), for the
                          watchdog's last word; NULL for a template expression */
  sigjmp_buf escape;   /* the watchdog's way out of C code that nothing else can stop */
  volatile sig_atomic_t escape_set; /* an evaluation runs under escape */
  volatile sig_atomic_t in_alloc;   /* inside malloc: the watchdog waits */
  int abandoned;       /* the state was left in the middle of C code: never touched again */
  void *recent[16];    /* the latest large blocks: what C code left half-way may hold only
                          on its stack is kept with an abandoned state (sbx_close) */
  unsigned n_recent;
  const char *at_src;  /* where the count hook last saw Lua running (source, line): the */
  int at_line;         /* position of a stop that no message handler could give */
  hd_buf log;          /* print() output of the current case, at most 64 KB */
  unsigned gen;        /* evaluation number, for the watchdog */
} hd_sbx;

/* Open the state: base functions by allow-list, string/table/math/utf8 behind read-only
 * views with their C loops guarded, the string metatable frozen. The shared globals
 * table is LUA_RIDX_GLOBALS: callers add their own names to it with sbx_global before
 * loading chunks. Returns HD_ENOMEM if the state cannot be made. */
int sbx_open(hd_sbx *s, const hd_sbx_limits *lim, void *owner, hd_err *err);
/* Close the state (no finalizer can exist: setmetatable refuses __gc). NULL-safe. */
void sbx_close(hd_sbx *s);
hd_sbx *sbx_of(lua_State *L);
void *sbx_owner(lua_State *L);

/* globals[name] = the value at the top (popped). */
void sbx_global(hd_sbx *s, const char *name);
/* Push the __index of a strict environment: a name the shared globals have, else the
 * error "undeclared global 'x'". */
void sbx_push_strict_index(lua_State *L);
/* Load a text chunk (never bytecode) named "@path" and give it its own strict
 * environment over the globals; leaves the function on the stack. HD_EDATA with
 * "path:line: ..." on a syntax error. */
int sbx_load(hd_sbx *s, const char *path, const char *text, size_t len, hd_err *err);

/* Call the function below nargs arguments on the stack, under the budget, deadline and
 * memory limit, with a message handler. Returns LUA_OK with nres results on the stack,
 * or an error status with nothing pushed and *msg (caller frees) set to
 * "file:line: message" — whatever the error value was (a table, nil, a number, a
 * string thrown at level 0, an error inside __tostring). For a stop (s->stop set) the
 * message says why: "time limit (1000 ms)", "instruction budget (2000000)", "memory
 * limit (64 MB)". *msg is NULL only if even that could not be allocated. If the
 * watchdog had to jump out of C code (s->abandoned), the state is left as it was and must
 * not be touched: every further call fails at once; sbx_close keeps its memory aside and
 * the caller opens a new state. */
int sbx_call(hd_sbx *s, int nargs, int nres, char **msg);
/* Push the message handler: at stack index 1, it serves every sbx_call above it (a batch
 * saves two stack moves per call). */
void sbx_push_handler(hd_sbx *s);
/* Run f(L) with light userdata ud as its only argument in protected mode (for C code
 * that builds or reads Lua values: no call into Lua from C is unprotected). Same
 * contract as sbx_call. */
int sbx_cpcall(hd_sbx *s, lua_CFunction f, void *ud, int nres, char **msg);
/* After a call: should the state be thrown away (budget, deadline, memory)? */
static inline int sbx_stopped(const hd_sbx *s) { return s->stop != HD_SBX_RUNNING; }
/* Length of the "file:line: " that message m starts with, or 0. */
int sbx_position_len(const char *m);
/* Take the current memory as the base the limit counts from (after loading). */
void sbx_mark_base(hd_sbx *s);

/* Replace the table at the top by a read-only view of it (reads, #, pairs, ipairs, next,
 * rawget and rawlen see its contents; writes raise "attempt to modify read-only
 * table"). */
void sbx_readonly(lua_State *L);
/* The table a read-only view at idx shows, pushed; or nothing and 0 if idx is no view. */
int sbx_view_target(lua_State *L, int idx);
/* Freeze the table at idx in place (it keeps its identity): its contents move behind a
 * read-only view. `name` is said in the error of a write. Used for what check files keep
 * at file level. */
void sbx_freeze(lua_State *L, int idx, const char *name);

/* Push tostring as scripts get it: no addresses ("table", "function"), so that the same
 * case gives the same text in every run. */
void sbx_push_tostring(lua_State *L);

/* A bounded copy of s[0..len) as valid UTF-8 (invalid bytes become U+FFFD), cut at a
 * character boundary after at most max bytes with "…（截断，共 N 字节）" appended.
 * Caller frees; NULL if out of memory. */
char *sbx_clip(const char *s, size_t len, size_t max);
/* The same for the first len bytes of a text of total bytes (the rest was not kept). */
char *sbx_clip_total(const char *s, size_t len, size_t max, size_t total);

#endif
