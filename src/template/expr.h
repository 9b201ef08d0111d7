/* expr.h: the expressions of templates ({...}, <each in>, <if test>), evaluated in the
 * Lua sandbox (sandbox/) with their own handle: allow-listed libraries, strict globals,
 * memory cap, instruction budget and deadline. Data is set from C (strings in named
 * tables: cert.number ...; the case; the findings; lists); helpers for Chinese
 * documents live in `fmt`. Expressions only read: an assignment is an error. */
#ifndef HD_EXPR_H
#define HD_EXPR_H
#include "sandbox/sandbox.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct hd_expr hd_expr;

/* Default limits per expression: 200,000 instructions, 200 ms, 16 MB. */
#define EXPR_INSTRUCTIONS 200000L
#define EXPR_TIME_MS 200L
#define EXPR_MEMORY (16L << 20)
/* Most <each> items one document may open, nested ones counted each time (a list's own
 * length is at most 100,000). */
#define EXPR_ITEMS_MAX 200000
/* Most bytes one {expression} may put into a document. */
#define EXPR_TEXT_MAX (256u << 10)

/* lim NULL: the defaults. */
int expr_new(const hd_sbx_limits *lim, hd_expr **out, hd_err *err);
void expr_free(hd_expr *x);
/* data[table][key] = value (table NULL: data[key] = value). Values are strings. */
int expr_set(hd_expr *x, const char *table, const char *key, const char *value);

/* Evaluate expr (file and line for messages) in the current scope and append its text
 * to out: strings as they are, integers in digits, nil is an error; text over
 * EXPR_TEXT_MAX is an error naming the line. All errors: HD_EDATA, "file:line: ...". */
int expr_text(hd_expr *x, const char *file, long line, const char *expr, hd_buf *out,
              hd_err *err);
/* Truth of expr (nil and false are false). */
int expr_truth(hd_expr *x, const char *file, long line, const char *expr, int *out,
               hd_err *err);
/* <each in="expr" as="name">: evaluate expr to a list (*count items); then for each item
 * expr_each_item(i, as) opens a scope where `as` is item i and `index` is i (1-based);
 * expr_scope_end closes it; expr_each_end drops the list. */
int expr_each_begin(hd_expr *x, const char *file, long line, const char *expr, int *count,
                    hd_err *err);
int expr_each_item(hd_expr *x, const char *file, long line, int i, const char *as,
                   hd_err *err);
void expr_scope_end(hd_expr *x);
void expr_each_end(hd_expr *x);

/* Rich data: `case` (the case as the checks see it, read-only and strict) and `findings`
 * (list of {id, clause, title, outcome, outcome_cn, message, severity, waiver (the note),
 * waived (true if an active waiver lifts it; then waiver_by, waiver_date,
 * waiver_justification, waiver_expires)}) with `decision` ({name, cn, pack_revision,
 * waived = how many findings a waiver lifts}). HD_ENOMEM if they do not fit. */
struct hd_caseview;
struct hd_findings;
int expr_set_case(hd_expr *x, const struct hd_caseview *v);
int expr_set_findings(hd_expr *x, const struct hd_findings *f);
/* Append {keys[i] = values[i]} to the list data[list] (created if absent; n < 0 only
 * creates it). NULL values are left out. */
int expr_list_add(hd_expr *x, const char *list, int n, const char *const *keys,
                  const char *const *values);

#endif
