/* Fuzz harness: template expressions (template/expr.h) must never crash or hang, whatever
 * the text, and every error must have a message naming the template's file and line.
 *
 * Input: parts separated by lines "%%" (fuzz_common.h):
 *   1. the expression, evaluated as {text} and as <if test>;
 *   2. optional: an <each in> list expression; the expression is then evaluated again for
 *      each item (at most 4) in the item's scope;
 *   3. optional: data, one "table.key=value" or "key=value" per line (expr_set);
 *   4. optional: the <each as> name (first line; default "item").
 * The handle holds what a review opinion's template sees: cert.* strings, a list, a case
 * of the demo register and two findings. Limits are small so that hostile inputs stop
 * fast. Like a template, the handle is dropped after a stop (budget, deadline, memory);
 * after an ordinary error it is used on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"
#include "fuzz_common.h"
#include "template/expr.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LINE 12
static const hd_sbx_limits LIM = {50000, 4L << 20, 100};

/* An error of an evaluation at LINE of an expression that spans `lines` more lines must
 * read "fuzz.xml:N..." with LINE <= N <= LINE + lines. */
static void check_error(const hd_err *err, long lines) {
  if (err->msg[0] == '\0') {
    fprintf(stderr, "fuzz_expr: an error without a message (code %d)\n", err->code);
    abort();
  }
  static const char HEAD[] = "fuzz.xml:";
  char *end = NULL;
  long n = 0;
  if (strncmp(err->msg, HEAD, sizeof HEAD - 1) == 0)
    n = strtol(err->msg + sizeof HEAD - 1, &end, 10);
  if (!end || *end != ':' || n < LINE || n > LINE + lines) {
    fprintf(stderr, "fuzz_expr: error not at fuzz.xml:%d..%ld: %s\n", LINE, LINE + lines, err->msg);
    abort();
  }
}

/* Did the error stop the evaluation (the handle must go)? */
static int is_stop(const char *m) {
  return strstr(m, "instruction budget (") || strstr(m, "time limit (") ||
         strstr(m, "memory limit (") || strstr(m, "out of memory");
}

static void set_data(hd_expr *x, char *lines) {
  for (char *line = lines, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq = '\0';
    char *dot = strchr(line, '.');
    if (dot) *dot = '\0';
    if (expr_set(x, dot ? line : NULL, dot ? dot + 1 : line, eq + 1)) {
      fprintf(stderr, "fuzz_expr: expr_set failed\n");
      abort();
    }
  }
}

static hd_findings *fixed_findings(void) {
  static char m1[] = "近3年内有严重违法失信记录", m2[] = "x.lua:3: check 'b': boom";
  static hd_finding v[2];
  static hd_findings f;
  v[0] = (hd_finding){.check_id = "7.1b-credit", .title = "近3年内没有严重违法失信行为",
                      .clause = "7.1 b", .severity = "high", .outcome = HD_FAIL, .message = m1};
  v[1] = (hd_finding){.check_id = "b", .title = "B", .clause = "9", .severity = "normal",
                      .outcome = HD_ERROR, .message = m2};
  f.v = v;
  f.n = f.cap = 2;
  f.decision = HD_REJECT;
  memcpy(f.revision, "0123456789abcdef", 17);
  return &f;
}

/* A handle with the data, or NULL if a step failed: on a loaded machine a step can pass
 * its 100 ms deadline (wall clock), which is a stop, not a bug. */
static hd_expr *try_handle(void) {
  hd_err err;
  hd_err_clear(&err);
  hd_expr *x = NULL;
  if (expr_new(&LIM, &x, &err)) return NULL;
  static const char *const CERT[][2] = {
      {"number", "HZ-2026-0001"}, {"holder", "广州市堃喆医院\n𪚥龘数据科技有限公司"},
      {"date", "2026-03-16"}, {"scale", "12000"}, {"name", "门诊病历数据集（翀）"}};
  int rc = 0;
  for (size_t i = 0; i < sizeof CERT / sizeof *CERT; i++)
    rc |= expr_set(x, "cert", CERT[i][0], CERT[i][1]);
  rc |= expr_set(x, NULL, "page", "1") | expr_set(x, NULL, "pages", "2");
  static const char *const K[] = {"name", "uscc"};
  static const char *const V1[] = {"甲公司", "91440300MA5F7K2X5F"}, *const V2[] = {"乙", NULL};
  rc |= expr_list_add(x, "third_parties", -1, NULL, NULL) |
        expr_list_add(x, "third_parties", 2, K, V1) | expr_list_add(x, "third_parties", 2, K, V2);
  rc |= expr_set_case(x, &fuzz_demo_get()->v[1]) | expr_set_findings(x, fixed_findings());
  if (rc) {
    expr_free(x);
    return NULL;
  }
  return x;
}

/* Twice in a row a failure is not the machine's load: abort. */
static hd_expr *handle(void) {
  hd_expr *x = try_handle();
  if (!x && !(x = try_handle())) {
    fprintf(stderr, "fuzz_expr: cannot make a handle with its data, twice\n");
    abort();
  }
  return x;
}

/* One evaluation's result: 0 go on, 1 the handle is done. */
static int verdict(int rc, const hd_err *err, long lines) {
  if (rc == HD_OK) return 0;
  check_error(err, lines);
  return is_stop(err->msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_parts p;
  fuzz_split(data, size, &p);
  const char *ex = p.v[0], *list = p.n > 1 && p.v[1][0] ? p.v[1] : NULL;
  char *as = p.n > 3 ? p.v[3] : NULL;
  if (as) as[strcspn(as, "\n")] = '\0';
  if (!as || !*as) as = NULL;
  long lines = fuzz_newlines(ex);
  hd_expr *x = handle();
  if (p.n > 2) set_data(x, p.v[2]);
  hd_err err;
  hd_buf out;
  hd_buf_init(&out, 1u << 20);
  int done = 0, yes = 0;

  hd_err_clear(&err);
  done = verdict(expr_text(x, "fuzz.xml", LINE, ex, &out, &err), &err, lines);
  if (!done) {
    hd_err_clear(&err);
    done = verdict(expr_truth(x, "fuzz.xml", LINE, ex, &yes, &err), &err, lines);
  }
  if (!done && list) {
    int count = 0;
    long llines = fuzz_newlines(list);
    hd_err_clear(&err);
    int rc = expr_each_begin(x, "fuzz.xml", LINE, list, &count, &err);
    done = verdict(rc, &err, llines);
    if (rc == HD_OK && (count < 0 || count > 100000)) abort();
    for (int i = 1; rc == HD_OK && !done && i <= count && i <= 4; i++) {
      hd_err_clear(&err);
      rc = expr_each_item(x, "fuzz.xml", LINE, i, as ? as : "item", &err);
      if ((done = verdict(rc, &err, 0))) break;
      if (rc) continue;
      hd_err_clear(&err);
      done = verdict(expr_text(x, "fuzz.xml", LINE, ex, &out, &err), &err, lines);
      expr_scope_end(x);
    }
    if (rc == HD_OK || count) expr_each_end(x);
  }
  if (!done) {
    /* What a header does between pages: set data, evaluate again. */
    if (expr_set(x, NULL, "page", "2")) abort();
    hd_err_clear(&err);
    verdict(expr_text(x, "fuzz.xml", LINE, ex, &out, &err), &err, lines);
  }
  hd_buf_release(&out);
  expr_free(x);
  fuzz_parts_free(&p);
  return 0;
}
