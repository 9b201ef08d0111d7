/* sandbox.h: expressions of templates ({...}, <each in>, <if test>), evaluated in the
 * same Lua sandbox as the checks (allow-listed libraries, strict globals, memory cap,
 * instruction budget). Data is set from C as strings in named tables (cert.number ...);
 * helpers for Chinese documents live in `fmt`. Implemented in checks/engine.c. */
#ifndef HD_SANDBOX_H
#define HD_SANDBOX_H
#include "util/buf.h"
#include "util/diag.h"

typedef struct hd_pack hd_sandbox;

int sandbox_new(hd_sandbox **out, hd_err *err);
void sandbox_free(hd_sandbox *s);
/* data[table][key] = value (table NULL: data[key] = value). Values are strings. */
int sandbox_set(hd_sandbox *s, const char *table, const char *key, const char *value);

/* Evaluate expr (where = "file:line", for messages) in the current scope and append its
 * text to out: strings as they are, integers in digits, nil is an error. */
int sandbox_text(hd_sandbox *s, const char *file, long line, const char *expr, hd_buf *out,
                 hd_err *err);
/* Truth of expr (nil and false are false). */
int sandbox_truth(hd_sandbox *s, const char *file, long line, const char *expr, int *out,
                  hd_err *err);
/* <each in="expr" as="name">: evaluate expr to a list (*count items); then for each item
 * sandbox_each_item(i, as) opens a scope where `as` is item i and `index` is i (1-based);
 * sandbox_scope_end closes it; sandbox_each_end drops the list. */
int sandbox_each_begin(hd_sandbox *s, const char *file, long line, const char *expr,
                       int *count, hd_err *err);
int sandbox_each_item(hd_sandbox *s, int i, const char *as, hd_err *err);
void sandbox_scope_end(hd_sandbox *s);
void sandbox_each_end(hd_sandbox *s);

/* Rich data: `case` (the case as the checks see it, read-only) and `findings` (list of
 * {id, clause, title, outcome, outcome_cn, message, severity, waiver}) with `decision`
 * ({name, cn, pack_revision}). */
struct hd_caseview;
struct hd_findings;
int sandbox_set_case(hd_sandbox *s, const struct hd_caseview *v);
int sandbox_set_findings(hd_sandbox *s, const struct hd_findings *f);
/* Append {keys[i] = values[i]} to the list data[list] (created if absent; n < 0 only
 * creates it). NULL values are left out. */
int sandbox_list_add(hd_sandbox *s, const char *list, int n, const char *const *keys,
                     const char *const *values);

#endif
