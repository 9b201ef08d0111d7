/* sandbox.c: the Lua sandbox core (sandbox.h): state and allocator, budget hook,
 * watchdog, protected calls and their messages, read-only views, strict environments,
 * the base library by allow-list. The cost guards of string and table are in guards.c. */
#include "sandbox/sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sandbox/guards.h"
#include "util/clock.h"
#include "util/utf8.h"

#define HOOK_EVERY 1000
#define LOG_MAX (64u << 10)
#define MSG_MAX 2000
/* How long past its deadline an evaluation may stay inside one C function before the
 * watchdog jumps out of it, leaving that Lua state behind (see on_tick). */
#define HARD_GRACE_MS 1000.0
/* How long past its deadline the allocator waits for the hook before it refuses to grow. */
#define ALARM_GRACE_MS 200.0

static const char VIEW_KEY = 0; /* marks the metatables of read-only views */

/* The sandbox's clock: the kernel's coarse monotonic clock (a few milliseconds fine, a
 * fifth of the cost of the precise one), read at every evaluation and hook call; plenty
 * for limits of 200 ms and 1 s. clock_gettime is async-signal-safe. */
static double sbx_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

hd_sbx *sbx_of(lua_State *L) { return *(hd_sbx **)lua_getextraspace(L); }
void *sbx_owner(lua_State *L) { return sbx_of(L)->owner; }

/* ---- allocator --------------------------------------------------------------------- */

static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  hd_sbx *s = ud;
  size_t old = ptr ? osize : 0; /* with ptr NULL, osize is a type tag */
  if (nsize == 0) {
    s->in_alloc = 1;
    free(ptr);
    s->in_alloc = 0;
    s->mem_used -= old;
    return NULL;
  }
  /* Refusing makes Lua collect garbage and ask again once before it raises a memory
   * error, so what earlier evaluations left behind never counts against this one. */
  if (nsize > old && s->mem_used + (nsize - old) > s->mem_cap) return NULL;
  /* The watchdog's alarm is up (past the deadline) and the hook has not run since: the
   * evaluation is inside C. Refuse to grow, so that C code that loops and allocates stops
   * with a memory error, reported as the time limit: a '__call' chain (t's __call is t)
   * loops in Lua 5.4.4's luaD_precall, where no hook fires, growing the stack as it goes.
   * The hook gets ALARM_GRACE_MS to stop it first (at the next call it makes), so that an
   * ordinary stop names the line where it was running. */
  if (nsize > old && s->alarm && sbx_now_ms() > s->deadline_ms + ALARM_GRACE_MS) {
    if (!s->stop) s->stop = HD_SBX_TIME;
    return NULL;
  }
  s->in_alloc = 1;
  void *np = realloc(ptr, nsize);
  s->in_alloc = 0;
  if (np) s->mem_used = s->mem_used - old + nsize;
  if (np && nsize >= (64u << 10)) s->recent[s->n_recent++ % 16] = np;
  return np;
}

void sbx_mark_base(hd_sbx *s) {
  lua_gc(s->L, LUA_GCCOLLECT);
  s->mem_base = s->mem_used;
  s->mem_cap = s->mem_base + (size_t)s->lim.memory;
}

/* ---- budget hook and watchdog -------------------------------------------------------- */

static int msgh(lua_State *L);

static const char *stop_text(const hd_sbx *s, char *out, size_t size) {
  switch (s->stop) {
  case HD_SBX_BUDGET: snprintf(out, size, "instruction budget (%ld)", s->lim.instructions); break;
  case HD_SBX_TIME: snprintf(out, size, "time limit (%ld ms)", s->lim.time_ms); break;
  case HD_SBX_MEMORY: snprintf(out, size, "memory limit (%ld MB)", s->lim.memory >> 20); break;
  default: snprintf(out, size, "stopped"); break;
  }
  return out;
}

static void sbx_hook(lua_State *L, lua_Debug *ar) {
  hd_sbx *s = sbx_of(L);
  if (ar->event == LUA_HOOKCOUNT) {
    s->budget_left -= HOOK_EVERY;
    if (!s->stop && lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
      s->at_src = ar->source; /* the function's source name: alive while it runs */
      s->at_line = ar->currentline;
    }
  }
  if (!s->stop) {
    if (s->alarm || sbx_now_ms() >= s->deadline_ms) s->stop = HD_SBX_TIME;
    else if (s->budget_left <= 0) s->stop = HD_SBX_BUDGET;
    else return;
  }
  s->alarm = 0; /* back in Lua: the allocator may make the stop's message */
  /* Stopped: fire on every instruction and every call from now on, so that no handler,
   * __close method or comparator runs on; only the message handler may run. */
  if (ar->event == LUA_HOOKCALL && lua_getinfo(L, "f", ar)) {
    int is_msgh = lua_tocfunction(L, -1) == msgh;
    lua_pop(L, 1);
    if (is_msgh) return;
  }
  lua_sethook(L, sbx_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
  char why[64];
  lua_pushstring(L, stop_text(s, why, sizeof why));
  lua_error(L);
}

/* One evaluation runs at a time per process (hdreg's Lua runs on one thread; workers
 * are processes). The watchdog is an interval timer of the process (timer_create, every
 * WATCH_TICK_MS; no thread, so that libc stays single-threaded and malloc takes no
 * locks): its signal handler looks at the running evaluation and, once it is past its
 * deadline, arms the hook on every call and instruction (lua_sethook is safe in a signal
 * handler, as lua.c uses it for Ctrl-C). That stops any C function that calls back into
 * Lua or into another function. What loops inside C without calling anything is bounded
 * before it starts (guards.c); should something still run HARD_GRACE_MS past its
 * deadline, the handler says what and ends the process, which releases the register's
 * lock. After a second without evaluations the timer stops; the next evaluation starts
 * it again. Timers are not inherited by fork: a worker starts its own. */
#define WATCH_TICK_MS 5
#define WATCH_IDLE_TICKS 200

static hd_sbx *_Atomic w_active;
static _Atomic unsigned w_gen;
static _Atomic long long w_deadline; /* ms */
static volatile sig_atomic_t w_started, w_created;
static timer_t w_timer;

static void timer_set(long ms) {
  struct itimerspec it;
  memset(&it, 0, sizeof it);
  it.it_value.tv_nsec = it.it_interval.tv_nsec = ms * 1000000L;
  timer_settime(w_timer, 0, &it, NULL);
}

static void on_tick(int sig) {
  (void)sig;
  static unsigned signalled, idle;
  static double signalled_at;
  int saved = errno;
  hd_sbx *a = atomic_load_explicit(&w_active, memory_order_acquire);
  if (!a) {
    if (++idle > WATCH_IDLE_TICKS) { /* nothing to watch: stop until the next evaluation */
      timer_set(0);
      w_started = 0;
      idle = 0;
    }
    errno = saved;
    return;
  }
  idle = 0;
  unsigned g = atomic_load_explicit(&w_gen, memory_order_relaxed);
  double now = sbx_now_ms();
  double deadline = (double)atomic_load_explicit(&w_deadline, memory_order_relaxed);
  if (now >= deadline) {
    if (signalled != g) {
      signalled = g;
      signalled_at = now;
      a->alarm = 1;
      lua_sethook(a->L, sbx_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
    } else if (now - signalled_at > HARD_GRACE_MS && !a->in_alloc) {
      if (a->escape_set) {
        /* Inside C code that calls nothing and allocates nothing (Lua's own table code on
         * keys that all collide, say): jump back to sbx_call. The state is left half-way
         * and is never touched again: the caller builds a new one. */
        a->escape_set = 0;
        signalled = 0;
        errno = saved;
        siglongjmp(a->escape, 1);
      }
      char m[400];
      int n = snprintf(m, sizeof m, "hdreg: %s%s has run %.0f ms past its time limit inside a "
                       "C function that cannot be stopped; the process ends (a bug: please "
                       "report it)\n", a->label ? "the check declared at " : "a template expression",
                       a->label ? a->label : "", now - deadline);
      if (n > 0) (void)!write(2, m, (size_t)n < sizeof m ? (size_t)n : sizeof m - 1);
      _exit(HD_EXIT_INTERNAL);
    }
  }
  errno = saved;
}

static void watchdog_after_fork(void) { w_started = w_created = 0; }

static void watchdog_start(void) {
  if (!w_created) {
    static int handlers;
    if (!handlers) {
      struct sigaction sa;
      memset(&sa, 0, sizeof sa);
      sa.sa_handler = on_tick;
      sa.sa_flags = SA_RESTART;
      sigemptyset(&sa.sa_mask);
      sigaction(SIGURG, &sa, NULL);
      pthread_atfork(NULL, NULL, watchdog_after_fork);
      handlers = 1;
    }
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGURG;
    if (timer_create(CLOCK_MONOTONIC, &ev, &w_timer) != 0) return; /* the hook still counts */
    w_created = 1;
  }
  w_started = 1;
  timer_set(WATCH_TICK_MS);
}

static void arm(hd_sbx *s) {
  s->stop = HD_SBX_RUNNING;
  s->alarm = 0;
  s->at_src = NULL;
  s->at_line = 0;
  s->budget_left = s->lim.instructions;
  s->deadline_ms = sbx_now_ms() + (double)s->lim.time_ms;
  lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, HOOK_EVERY);
  /* The handler only reads these; it runs on this thread, so the order of the stores as
   * the compiler leaves them is what it sees: active last, then the timer looked at (a
   * tick that stops the timer sees no evaluation, and this one starts it again). */
  atomic_store_explicit(&w_deadline, (long long)s->deadline_ms + 1, memory_order_relaxed);
  atomic_store_explicit(&w_gen, atomic_load_explicit(&w_gen, memory_order_relaxed) + 1,
                        memory_order_relaxed);
  atomic_store_explicit(&w_active, s, memory_order_release);
  atomic_signal_fence(memory_order_seq_cst);
  if (!w_started) watchdog_start();
}

static void disarm(hd_sbx *s) {
  atomic_store_explicit(&w_active, NULL, memory_order_release);
  lua_sethook(s->L, NULL, 0, 0);
  s->alarm = 0; /* else the allocator would refuse what C does with the state next */
}

/* ---- errors ---------------------------------------------------------------------------- */

static int on_panic(lua_State *L) {
  /* Unreachable: every call into Lua is protected (sbx_call, sbx_cpcall). */
  const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
  fprintf(stderr, "hdreg: lua panic (a bug: please report it): %s\n", m);
  abort();
}

static void on_warn(void *ud, const char *msg, int tocont) {
  (void)ud;
  (void)msg;
  (void)tocont; /* warnings are not shown to anyone */
}

/* Does m start with "something:LINE: "? */
static int has_position(const char *m, size_t len) {
  for (size_t i = 0; i + 1 < len && m[i] != '\n'; i++) {
    if (m[i] != ':' || m[i + 1] < '0' || m[i + 1] > '9') continue;
    size_t k = i + 1;
    while (k < len && m[k] >= '0' && m[k] <= '9') k++;
    if (k + 1 < len && m[k] == ':' && m[k + 1] == ' ') return (int)(k + 2);
  }
  return 0;
}

/* Does m start with "SRC:LINE: ", SRC the chunk of a Lua function on the stack? Only
 * then is the position the message's own (error(msg, 2), a message caught and raised
 * again); text that merely looks like one ("at 12:30: closed", "other.lua:7: x" raised
 * at level 0) is not a position. */
static int own_position(lua_State *L, const char *m, size_t len) {
  lua_Debug ar;
  if (!has_position(m, len)) return 0;
  /* The nearest levels only: lua_getstack walks from the top, and a stop can come 100,000
   * calls deep. */
  for (int level = 1; level <= 20 && lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "S", &ar) || *ar.what == 'C') continue;
    size_t n = strlen(ar.short_src);
    if (n >= len || memcmp(m, ar.short_src, n) != 0 || m[n] != ':') continue;
    size_t k = n + 1;
    while (k < len && m[k] >= '0' && m[k] <= '9') k++;
    if (k > n + 1 && k + 1 < len && m[k] == ':' && m[k + 1] == ' ') return 1;
  }
  return 0;
}

/* The message handler: turns any error value into "file:line: message" without running
 * a metamethod of the value (no __tostring). The position is the innermost Lua line,
 * unless the message starts with a position of its own (own_position). */
static int msgh(lua_State *L) {
  char loc[512] = "";
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(loc, sizeof loc, "%s:%d", ar.short_src, ar.currentline);
      break;
    }
  }
  const char *m;
  size_t len;
  switch (lua_type(L, 1)) {
  case LUA_TSTRING: m = lua_tolstring(L, 1, &len); break;
  case LUA_TNUMBER:
    lua_pushvalue(L, 1);
    m = lua_tolstring(L, -1, &len);
    break;
  case LUA_TNIL: m = "error raised without a message (nil)"; len = strlen(m); break;
  default:
    m = lua_pushfstring(L, "error raised with a %s value instead of a message",
                        lua_typename(L, lua_type(L, 1)));
    len = strlen(m);
  }
  if (!*loc || own_position(L, m, len)) lua_pushlstring(L, m, len);
  else {
    lua_pushstring(L, loc);
    lua_pushliteral(L, ": ");
    lua_pushlstring(L, m, len);
    lua_concat(L, 3);
  }
  return 1;
}

int sbx_position_len(const char *m) { return m ? has_position(m, strlen(m)) : 0; }

/* base: the function's slot; own: 1 if the handler was inserted there (else it is at
 * stack index 1, left for the next call). On error the stack is cut back to below the
 * function. */
static int finish(hd_sbx *s, int base, int own, int st, char **msg) {
  lua_State *L = s->L;
  *msg = NULL;
  if (st == LUA_ERRMEM && !s->stop) s->stop = HD_SBX_MEMORY;
  if (st == LUA_OK && !s->stop) {
    if (own) lua_remove(L, base); /* the handler */
    return LUA_OK;
  }
  char why[64];
  const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  size_t len = m ? lua_rawlen(L, -1) : 0;
  if (s->stop) {
    /* "file:line: time limit (1000 ms)": keep the position of the handler's message. */
    int pos = m ? has_position(m, len) : 0;
    char head[600];
    if (!pos && s->at_line > 0 && s->at_src && (*s->at_src == '@' || *s->at_src == '='))
      snprintf(head, sizeof head, "%s:%d: %s", s->at_src + 1, s->at_line,
               stop_text(s, why, sizeof why)); /* a memory refusal: no handler ran */
    else
      snprintf(head, sizeof head, "%.*s%s", pos ? pos : 0, m ? m : "", stop_text(s, why, sizeof why));
    *msg = sbx_clip(head, strlen(head), MSG_MAX);
    if (st == LUA_OK) st = LUA_ERRRUN;
  } else if (st == LUA_ERRERR) {
    *msg = sbx_clip("error in the error handler", 26, MSG_MAX);
  } else {
    *msg = m ? sbx_clip(m, len, MSG_MAX) : sbx_clip("error", 5, MSG_MAX);
  }
  lua_settop(L, base - 1);
  return st;
}

int sbx_call(hd_sbx *s, int nargs, int nres, char **msg) {
  lua_State *L = s->L;
  if (s->abandoned) {
    *msg = sbx_clip("the sandbox was left behind after a stop", 40, MSG_MAX);
    return LUA_ERRRUN;
  }
  int base = lua_gettop(L) - nargs; /* the function's slot */
  int own = !(base > 1 && lua_tocfunction(L, 1) == msgh);
  if (own) {                       /* the handler goes into the function's slot */
    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
  }
  arm(s);
  /* No signal mask saved (that would be a system call per evaluation): the way back
   * from the handler unblocks the watchdog's signal itself. */
  if (sigsetjmp(s->escape, 0)) {   /* back from the watchdog: L is not to be touched */
    sigset_t urg;
    sigemptyset(&urg);
    sigaddset(&urg, SIGURG);
    sigprocmask(SIG_UNBLOCK, &urg, NULL);
    atomic_store_explicit(&w_active, NULL, memory_order_release);
    s->escape_set = 0;
    s->abandoned = 1;
    s->stop = HD_SBX_TIME;
    char head[700], why[64];
    if (s->at_line > 0 && s->at_src && (*s->at_src == '@' || *s->at_src == '='))
      snprintf(head, sizeof head, "%s:%d: %s, inside a library function that had to be "
               "abandoned", s->at_src + 1, s->at_line, stop_text(s, why, sizeof why));
    else
      snprintf(head, sizeof head, "%s, inside a library function that had to be abandoned",
               stop_text(s, why, sizeof why));
    *msg = sbx_clip(head, strlen(head), MSG_MAX);
    return LUA_ERRRUN;
  }
  s->escape_set = 1;
  int st = lua_pcall(L, nargs, nres, own ? base : 1);
  s->escape_set = 0;
  disarm(s);
  return finish(s, base, own, st, msg);
}

void sbx_push_handler(hd_sbx *s) { lua_pushcfunction(s->L, msgh); }

int sbx_cpcall(hd_sbx *s, lua_CFunction f, void *ud, int nres, char **msg) {
  if (s->abandoned) return sbx_call(s, 0, nres, msg); /* refuses: the state is gone */
  if (!lua_checkstack(s->L, 4)) {
    *msg = sbx_clip("Lua stack overflow", 18, MSG_MAX);
    return LUA_ERRMEM;
  }
  lua_pushcfunction(s->L, f);
  lua_pushlightuserdata(s->L, ud);
  return sbx_call(s, 1, nres, msg);
}

/* ---- functions scripts get instead of the base library's -------------------------------- */

/* pcall/xpcall: a stop (budget, deadline, memory) cannot be caught; it goes on up. */
static int safe_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  int st = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  if (sbx_of(L)->stop || st == LUA_ERRMEM) return lua_error(L);
  lua_pushboolean(L, st == LUA_OK);
  lua_insert(L, 1);
  return lua_gettop(L);
}

static int safe_xpcall(lua_State *L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_remove(L, 2);  /* f args... handler */
  lua_insert(L, 1);  /* handler f args... */
  int st = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
  if (sbx_of(L)->stop || st == LUA_ERRMEM) return lua_error(L);
  if (st == LUA_OK) {
    lua_pushboolean(L, 1);
    lua_replace(L, 1);
    return lua_gettop(L);
  }
  lua_pushvalue(L, 1); /* handler err handler */
  lua_insert(L, -2);   /* handler handler err */
  lua_call(L, 1, 1);
  lua_pushboolean(L, 0);
  lua_insert(L, -2);
  return 2;
}

static int sbx_tostring(lua_State *L);

static int sbx_print(lua_State *L) {
  hd_sbx *s = sbx_of(L);
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    lua_pushcfunction(L, sbx_tostring);
    lua_pushvalue(L, i);
    lua_call(L, 1, 1);
    const char *v = lua_tolstring(L, -1, &len);
    if (s->log.len + len + 1 < LOG_MAX) {
      /* The log reaches a terminal: valid UTF-8, and no control character but tab and
       * new line (an escape sequence could rewrite what the reader sees). */
      char *c = sbx_clip(v, len, LOG_MAX);
      if (c) {
        for (char *q = c; *q; q++)
          if (((unsigned char)*q < 0x20 && *q != '\t' && *q != '\n') || *q == 0x7F) *q = '?';
        if (i > 1) hd_buf_add(&s->log, "\t", 1);
        hd_buf_add(&s->log, c, strlen(c));
        free(c);
      }
    }
    lua_pop(L, 1);
  }
  if (s->log.len + 1 < LOG_MAX) hd_buf_add(&s->log, "\n", 1);
  return 0;
}

/* setmetatable as scripts get it. Refused: __gc (a finalizer would run with hooks off,
 * where no budget can stop it, and again when the state is closed); __mode (what a weak
 * table still holds depends on when memory was collected, so on what ran before); a
 * __call that is not a function (Lua 5.4.4 follows a chain of callable tables inside
 * luaD_precall, moving the arguments at every link, where no hook fires). And a
 * metatable is fixed when it is set: the table gets a private copy of it (getmetatable
 * still answers the one the script gave), so none of this can be changed afterwards. */
static int safe_setmetatable(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int t = lua_type(L, 2);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  static const char COPY_KEY = 0; /* marks the copies made here whose __metatable we set */
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) {
    lua_getmetatable(L, 1);
    int ours = lua_rawgetp(L, -1, &COPY_KEY) != LUA_TNIL;
    if (!ours) return luaL_error(L, "cannot change a protected metatable");
  }
  lua_settop(L, 2);
  if (t == LUA_TNIL) {
    lua_setmetatable(L, 1);
    return 1;
  }
  static const char *const REFUSED[] = {"__gc", "__mode"};
  static const char *const WHY[] = {"a finalizer", "a weak table"};
  for (int i = 0; i < 2; i++) {
    lua_pushstring(L, REFUSED[i]);
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "setmetatable: a metatable with %s (%s) is not allowed", REFUSED[i],
                        WHY[i]);
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "__call");
  int ct = lua_rawget(L, 2);
  lua_pop(L, 1);
  if (ct != LUA_TNIL && ct != LUA_TFUNCTION)
    return luaL_error(L, "setmetatable: __call must be a function, not a %s", lua_typename(L, ct));
  lua_newtable(L);                                   /* 3: the copy */
  int src = 2;
  if (sbx_view_target(L, 2)) src = lua_gettop(L);    /* a frozen table: its contents */
  lua_pushnil(L);
  while (lua_next(L, src)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, 3);
  }
  if (src != 2) lua_settop(L, 3);
  lua_pushliteral(L, "__metatable");
  if (lua_rawget(L, 3) == LUA_TNIL) {                /* getmetatable answers the original */
    lua_pushliteral(L, "__metatable");
    lua_pushvalue(L, 2);
    lua_rawset(L, 3);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, 3, &COPY_KEY);
  }
  lua_settop(L, 3);
  lua_setmetatable(L, 1);
  lua_settop(L, 1);
  return 1;
}

/* tostring without addresses: "table", "function" for values without __tostring or
 * __name (an address differs from run to run, and a message must not). */
static int sbx_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  int t = lua_type(L, 1);
  if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD ||
       t == LUA_TLIGHTUSERDATA) &&
      luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
    if (luaL_getmetafield(L, 1, "__name") != LUA_TSTRING) lua_pushstring(L, lua_typename(L, t));
    return 1; /* the name, or the type: never an address */
  }
  lua_settop(L, 1);
  luaL_tolstring(L, 1, NULL);
  return 1;
}

void sbx_push_tostring(lua_State *L) { lua_pushcfunction(L, sbx_tostring); }

/* ---- read-only views ------------------------------------------------------------------ */

int sbx_view_target(lua_State *L, int idx) {
  if (!lua_getmetatable(L, idx)) return 0;
  if (lua_rawgetp(L, -1, &VIEW_KEY) == LUA_TNIL) {
    lua_pop(L, 2);
    return 0;
  }
  lua_pop(L, 1);
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);
  return lua_type(L, -1) == LUA_TTABLE ? 1 : (lua_pop(L, 1), 0);
}

static int ro_newindex(lua_State *L) {
  int t = lua_type(L, 2);
  if (t == LUA_TSTRING || t == LUA_TNUMBER)
    return luaL_error(L, "attempt to modify read-only table (field '%s')", lua_tostring(L, 2));
  return luaL_error(L, "attempt to modify read-only table (a %s key)", lua_typename(L, t));
}

static int frozen_newindex(lua_State *L) {
  int t = lua_type(L, 2);
  return luaL_error(L, "'%s' is kept at file level and shared by every case: it cannot be "
                    "changed while a case is checked (field '%s'); make it local to the "
                    "function", lua_tostring(L, lua_upvalueindex(1)),
                    t == LUA_TSTRING || t == LUA_TNUMBER ? lua_tostring(L, 2)
                                                          : lua_typename(L, t));
}

static int ro_len(lua_State *L) {
  if (!sbx_view_target(L, 1)) return luaL_error(L, "not a read-only table");
  lua_pushinteger(L, luaL_len(L, -1));
  return 1;
}

/* pairs in a fixed order, whatever the string hash seed of the process: integer and
 * float keys by value, then strings by bytes, then booleans, then other keys in table
 * order. So the same case gives the same messages in every process. */
typedef struct okey { int rank; lua_Number n; const char *s; size_t len; int slot; } okey;

static int okey_cmp(const void *a, const void *b) {
  const okey *x = a, *y = b;
  if (x->rank != y->rank) return x->rank - y->rank;
  if (x->rank == 0) return x->n < y->n ? -1 : x->n > y->n;
  if (x->rank == 1) {
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
  }
  return x->slot - y->slot;
}

static int ordered_next(lua_State *L) {
  /* upvalues: keys (list), target, position */
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(3)) + 1;
  if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL) return 1;
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(3));
  lua_pushvalue(L, -1);
  lua_rawget(L, lua_upvalueindex(2));
  return 2;
}

/* Push an iterator over the table at idx in the fixed order. */
static void push_ordered(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_Integer n = 0;
  lua_newtable(L);                                   /* keys */
  int keys = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, keys, ++n);
  }
  if (n > 1) {
    okey *k = lua_newuserdatauv(L, (size_t)n * sizeof *k, 0); /* freed by the collector */
    for (lua_Integer i = 1; i <= n; i++) {
      okey *x = &k[i - 1];
      memset(x, 0, sizeof *x);
      x->slot = (int)i;
      switch (lua_rawgeti(L, keys, i)) {
      case LUA_TNUMBER: x->rank = 0; x->n = lua_tonumber(L, -1); break;
      case LUA_TSTRING: x->rank = 1; x->s = lua_tolstring(L, -1, &x->len); break;
      case LUA_TBOOLEAN: x->rank = 2; x->n = lua_toboolean(L, -1); break;
      default: x->rank = 3;
      }
      lua_pop(L, 1); /* strings stay alive in keys */
    }
    qsort(k, (size_t)n, sizeof *k, okey_cmp);
    lua_createtable(L, (int)n, 0);                   /* keys k sorted */
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, keys, k[i - 1].slot);
      lua_rawseti(L, -2, i);
    }
    lua_replace(L, keys);
    lua_pop(L, 1);                                   /* keys */
  }
  lua_pushvalue(L, idx);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, ordered_next, 3);
}

static int ro_pairs(lua_State *L) {
  if (!sbx_view_target(L, 1)) return luaL_error(L, "not a read-only table");
  push_ordered(L, -1);
  lua_pushnil(L);
  lua_pushnil(L);
  return 3;
}

static int sbx_pairs(lua_State *L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) { /* views and scripts' own */
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  push_ordered(L, 1);
  lua_pushnil(L);
  lua_pushnil(L);
  return 3;
}

static int sbx_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (sbx_view_target(L, 1)) lua_replace(L, 1);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

static int sbx_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  if (sbx_view_target(L, 1)) lua_replace(L, 1);
  lua_rawget(L, 1);
  return 1;
}

static int sbx_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  if (t == LUA_TTABLE && sbx_view_target(L, 1)) lua_replace(L, 1);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static void push_view_mt(lua_State *L, int target) {
  lua_createtable(L, 0, 6);
  lua_pushvalue(L, target);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, ro_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, ro_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, ro_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pushboolean(L, 1);
  lua_rawsetp(L, -2, &VIEW_KEY);
}

void sbx_readonly(lua_State *L) {
  int target = lua_gettop(L);
  lua_newtable(L);                                   /* target view */
  push_view_mt(L, target);
  lua_setmetatable(L, -2);
  lua_remove(L, target);                             /* view */
}

void sbx_freeze(lua_State *L, int idx, const char *name) {
  idx = lua_absindex(L, idx);
  lua_newtable(L);                                   /* hidden */
  int hidden = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, hidden);
  }
  lua_pushnil(L);
  while (lua_next(L, hidden)) {                      /* empty the original */
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, idx);
  }
  if (lua_getmetatable(L, idx)) lua_setmetatable(L, hidden); /* its own behaviour stays */
  push_view_mt(L, hidden);
  lua_pushstring(L, name);
  lua_pushcclosure(L, frozen_newindex, 1);
  lua_setfield(L, -2, "__newindex");
  lua_setmetatable(L, idx);
  lua_pop(L, 1);                                     /* hidden */
}

/* ---- strict environments and the state ----------------------------------------------- */

static int strict_index(lua_State *L) {
  lua_pushvalue(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  if (!lua_isnil(L, -1)) return 1;
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "undeclared global '%s'", lua_tostring(L, 2));
  return luaL_error(L, "undeclared global (a %s key)", luaL_typename(L, 2));
}

void sbx_push_strict_index(lua_State *L) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushcclosure(L, strict_index, 1);
}

static int strict_newindex(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "assignment to undeclared global '%s' (declare it local)",
                      lua_tostring(L, 2));
  return luaL_error(L, "assignment to a global (declare it local)");
}

void sbx_global(hd_sbx *s, const char *name) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_insert(L, -2);
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
}

typedef struct loadarg { const char *path, *text; size_t len; } loadarg;

/* Compile the chunk and give it its own strict environment; runs protected, so that even
 * a memory error while setting up is an error and not a panic. */
static int load_chunk(lua_State *L) {
  loadarg *a = lua_touserdata(L, 1);
  char chunk[600];
  snprintf(chunk, sizeof chunk, "@%s", a->path);
  if (luaL_loadbufferx(L, a->text, a->len, chunk, "t") != LUA_OK) return lua_error(L);
  lua_newtable(L);                                   /* f env */
  lua_createtable(L, 0, 3);                          /* f env mt */
  sbx_push_strict_index(L);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, strict_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);                           /* f env */
  lua_setupvalue(L, -2, 1);                          /* f */
  return 1;
}

int sbx_load(hd_sbx *s, const char *path, const char *text, size_t len, hd_err *err) {
  loadarg a = {path, text, len};
  char *msg = NULL;
  if (sbx_cpcall(s, load_chunk, &a, 1, &msg) == LUA_OK) return HD_OK;
  if (!msg || s->stop == HD_SBX_MEMORY) hd_err_set(err, HD_EDATA, "%s: too large to load", path);
  else if (strncmp(msg, path, strlen(path)) == 0) hd_err_set(err, HD_EDATA, "%s", msg);
  else hd_err_set(err, HD_EDATA, "%s: %s", path, msg);
  free(msg);
  return HD_EDATA;
}

/* Everything a state starts with; runs protected (memory errors are errors here too). */
static int open_globals(lua_State *L) {
  lua_newtable(L);                                   /* G */
  luaL_requiref(L, "_G", luaopen_base, 0);           /* G base */
  static const char *const BASE_OK[] = {"assert", "error", "ipairs", "select", "tonumber",
                                        "type", "getmetatable", "rawequal", "_VERSION"};
  for (size_t i = 0; i < sizeof BASE_OK / sizeof *BASE_OK; i++) {
    lua_getfield(L, -1, BASE_OK[i]);
    lua_setfield(L, -3, BASE_OK[i]);
  }
  lua_pop(L, 1);                                     /* G */
  lua_pushcfunction(L, safe_setmetatable);
  lua_setfield(L, -2, "setmetatable");
  static const luaL_Reg OWN[] = {{"pcall", safe_pcall}, {"xpcall", safe_xpcall},
                                 {"print", sbx_print}, {"pairs", sbx_pairs},
                                 {"tostring", sbx_tostring},
                                 {"next", sbx_next}, {"rawget", sbx_rawget},
                                 {"rawlen", sbx_rawlen}, {NULL, NULL}};
  luaL_setfuncs(L, OWN, 0);
  static const struct { const char *name; lua_CFunction open; } LIBS[] = {
      {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
      {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (size_t i = 0; i < sizeof LIBS / sizeof *LIBS; i++) {
    luaL_requiref(L, LIBS[i].name, LIBS[i].open, 0); /* G lib */
    if (LIBS[i].open == luaopen_string) sbx_guard_string(L);
    if (LIBS[i].open == luaopen_table) sbx_guard_table(L);
    if (LIBS[i].open == luaopen_math) {              /* no hidden state shared by checks */
      lua_pushnil(L);
      lua_setfield(L, -2, "random");
      lua_pushnil(L);
      lua_setfield(L, -2, "randomseed");
    }
    sbx_readonly(L);
    lua_setfield(L, -2, LIBS[i].name);
  }
  /* The string metatable (__index = the string library) is shared: protect it. */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_getfield(L, -3, LUA_STRLIBNAME);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  return 0;
}

int sbx_open(hd_sbx *s, const hd_sbx_limits *lim, void *owner, hd_err *err) {
  memset(s, 0, sizeof *s);
  s->lim = *lim;
  s->owner = owner;
  s->mem_cap = (size_t)lim->memory;
  hd_buf_init(&s->log, LOG_MAX);
  s->L = lua_newstate(sbx_alloc, s);
  if (!s->L) return hd_err_set(err, HD_ENOMEM, "cannot create a Lua state");
  *(hd_sbx **)lua_getextraspace(s->L) = s;
  lua_atpanic(s->L, on_panic);
  lua_setwarnf(s->L, on_warn, s);
  lua_gc(s->L, LUA_GCGEN, 0, 0);
  char *msg = NULL;
  if (sbx_cpcall(s, open_globals, NULL, 0, &msg) != LUA_OK) {
    hd_err_set(err, HD_ENOMEM, "cannot set up a Lua state: %s", msg ? msg : "out of memory");
    free(msg);
    sbx_close(s);
    return HD_ENOMEM;
  }
  return HD_OK;
}

/* States the watchdog left behind: their memory may be in any shape, so it is kept (and
 * still reachable, for leak checkers) for the rest of the process. */
static lua_State *abandoned_states[256];
static void *abandoned_blocks[256][16];
static int n_abandoned_states;

void sbx_close(hd_sbx *s) {
  if (!s) return;
  if (s->L && !s->abandoned) lua_close(s->L);
  else if (s->L && n_abandoned_states < 256) {
    memcpy(abandoned_blocks[n_abandoned_states], s->recent, sizeof s->recent);
    abandoned_states[n_abandoned_states++] = s->L;
  }
  s->L = NULL;
  s->abandoned = 0;
  s->mem_used = s->mem_base = 0;
  hd_buf_release(&s->log);
}

/* ---- text ------------------------------------------------------------------------------ */

char *sbx_clip(const char *s, size_t len, size_t max) { return sbx_clip_total(s, len, max, len); }

char *sbx_clip_total(const char *s, size_t len, size_t max, size_t total) {
  if (len == total && len <= max && hd_utf8_valid(s, len, NULL)) { /* the usual case */
    char *c = malloc(len + 1);
    if (c) {
      memcpy(c, s, len);
      c[len] = '\0';
    }
    return c;
  }
  hd_buf b;
  hd_buf_init(&b, 0);
  size_t i = 0;
  uint32_t cp;
  while (i < len) {
    size_t at = i;
    int r = hd_utf8_next(s, len, &i, &cp);
    if (r <= 0) i = at + 1;
    if (b.len + 4 > max) {
      hd_buf_printf(&b, "…（截断，共 %zu 字节）", total);
      break;
    }
    if (r <= 0 || cp == 0) hd_buf_adds(&b, "\xEF\xBF\xBD");
    else hd_buf_add(&b, s + at, i - at);
  }
  if (!b.p && hd_buf_add(&b, "", 0)) return NULL;
  return hd_buf_steal(&b);
}
