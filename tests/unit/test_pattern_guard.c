/* The cost bound that the sandbox puts on Lua patterns (sandbox/pattern_guard.c): exact
 * values for small cases worked out by hand, and the catastrophic ones far over 1e8. */
#include <string.h>

#include "sandbox/pattern_guard.h"
#include "check.h"

static long cost(const char *p, const char *s) {
  return (long)pattern_cost(p, strlen(p), s, strlen(s));
}

int main(void) {
  /* anchored trim: %s* runs of 2 spaces -> 3 ways each, (.-) 7 ways, one start */
  CHECK_INT(cost("^%s*(.-)%s*$", "  ab  "), 3 * 7 * 3);
  /* unanchored: 5 start positions times (4 + 1) lengths of .- */
  CHECK_INT(cost(".-b", "aaaa"), 5 * 5 * 2); /* and b compared on each path */
  /* a set with a class and a literal '-': longest run "12-3" is 4 */
  CHECK_INT(cost("[%d-]+", "12-3x"), 5 * 6);
  /* negated set: longest run without 'a' is 2 */
  CHECK_INT(cost("[^a]*", "bbab"), 3 * 5);
  /* ']' first in a set is a member */
  CHECK_INT(cost("[]]*", "]]]"), 4 * 4);
  /* %b scans, ? doubles, %f tests once, a back-reference compares */
  CHECK_INT(cost("%bxy", "x"), 2 * 2);
  CHECK_INT(cost("a?b?", "ab"), 2 * 2 * 3);
  CHECK_INT(cost("^%f[%a]%a+", "ab1"), 3);
  CHECK_INT(cost("^(a)%1", "aa"), 3 * 2);
  /* an upper-case class is the complement */
  CHECK_INT(cost("^%S+", "ab cde"), 4);
  /* what hangs Lua for minutes is far over the 1e8 limit */
  char text[20001];
  memset(text, 'a', 20000);
  text[20000] = '\0';
  CHECK(pattern_cost(".-.-.-.-b", 9, text, 20000) > 1e21);
  CHECK(pattern_cost("^(.-)b", 6, text, 20000) < 1e5);
  /* a long literal on a text of its first letter: every start compares up to 9 bytes */
  CHECK(pattern_cost("aaaaaaaab", 9, text, 20000) > 9 * 20000.0);
  /* a set of 5002 bytes: each test walks it, 5002/16 times a step */
  char set[5010];
  set[0] = '[';
  memset(set + 1, 'a', 5000);
  memcpy(set + 5001, "z]*x", 5);
  CHECK(pattern_cost(set, strlen(set), "zzzz", 4) > 5 * 5 * 2 * 312.0);
  /* gmatch: a leading ^ anchors nothing, the pattern is tried at every position */
  CHECK_INT((long)pattern_cost_as("^.-b", 4, "aaaa", 4, 0), 5 * 5 * 3); /* ^ and b compared */
  CHECK_INT((long)pattern_cost_as("^.-b", 4, "aaaa", 4, 1), 5 * 2);
  CHECK_INT(pattern_is_plain("数据", strlen("数据")), 1);
  CHECK_INT(pattern_is_plain("a.c", 3), 0);
  CHECK_INT(pattern_is_plain("%d", 2), 0);
  CHECK_INT(pattern_is_plain("a-b", 3), 0);
  return check_done();
}
