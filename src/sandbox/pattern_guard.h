/* pattern_guard.h: an upper bound on the work of a Lua pattern match, so that the sandbox
 * can refuse a string.find/match/gmatch/gsub that could run for minutes inside C, where
 * the instruction budget cannot stop it. Pure functions; no Lua. */
#ifndef HD_PATTERN_GUARD_H
#define HD_PATTERN_GUARD_H
#include <stddef.h>

/* Most match steps that pattern p (len bytes) can take over subject s (n bytes). */
double pattern_cost(const char *p, size_t len, const char *s, size_t n);
/* The same; anchor 0 for string.gmatch, where a leading '^' anchors nothing and the
 * pattern is tried at every position. */
double pattern_cost_as(const char *p, size_t len, const char *s, size_t n, int anchor);
/* 1 if p has no magic character (Lua then searches for it as plain text). */
int pattern_is_plain(const char *p, size_t len);

#endif
