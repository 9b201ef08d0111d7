/* checks.h: the engine-neutral check API — outcomes, findings, decisions, and a pack of
 * checks run over one case. Callers (run, CLI, fixture tests) see only this
 * header. Implemented in checks/pack.c (loading and
 * running), helpers.c (what checks call), fixtures.c (pack_test) and findings.c, on the
 * Lua sandbox of sandbox/. The procedure records findings (procedure/findings_store.h). */
#ifndef HD_CHECKS_H
#define HD_CHECKS_H
#include <sqlite3.h>
#include "model/calendar.h"
#include "util/date.h"
#include "util/diag.h"

enum hd_outcome { HD_PASS, HD_FAIL, HD_RECTIFY, HD_MANUAL, HD_NA, HD_ERROR };
enum hd_decision { HD_APPROVE, HD_RETURN, HD_HOLD, HD_REJECT };

const char *outcome_name(int outcome);   /* "pass", "fail", "rectify", "manual", "n/a", "error" */
int outcome_parse(const char *s);        /* -1 if unknown */
const char *outcome_cn(int outcome);     /* 符合, 不符合, 需补正, 需人工核查, 不适用, 检查出错 */
const char *decision_name(int decision); /* "approve", "rectify", "hold", "reject" */
const char *decision_cn(int decision);   /* 予以登记, 补正, 暂缓（人工核查）, 不予登记 */

typedef struct hd_finding {
  /* check_id, title, clause, severity belong to the pack: valid until pack_free. */
  const char *check_id;
  const char *title;
  const char *clause;
  const char *severity;   /* "normal", "high", "ban" */
  int outcome;      /* enum hd_outcome */
  char *message;    /* Chinese for the reader; "file:line: ..." for errors. Read it through
                       finding_message: what a check gave is kept as it came until then */
  size_t message_len, message_total; /* while raw: bytes kept, bytes the check gave */
  int message_raw;  /* 1: message is the check's bytes, not yet checked as UTF-8 */
  char *evidence;   /* JSON text, made on demand: read it through finding_evidence */
  struct hd_evidence *ev; /* what the check gave, until turned into JSON */
  char *waiver;     /* NULL, or a note: "已豁免 ..." / "豁免已过期 ..." / "豁免已撤销 ..." /
                       "豁免无效 ..." (the waiver of this check for this case, as of the date) */
  int waived;       /* 1 if an active waiver takes this outcome (fail, rectify, manual) out
                       of the decision */
  struct hd_waiver_use *wv; /* NULL, or the waiver the note is about */
  const char *route; /* NULL, or the procedure this check routes the case to ("ordinary",
                        "simplified": route(...) in a check; a static string) */
} hd_finding;

/* A waiver of the check of a finding (the waivers table, docs/procedure.md "Waivers"), as
 * of the review's date: active (approved on or before it, expiring on or after it, not
 * revoked by then), expired, revoked, or refused (the check is a ban or does not allow
 * waivers: ignored, and said in hd_findings.waiver_problems). */
enum hd_waiver_state { HD_WAIVER_ACTIVE, HD_WAIVER_EXPIRED, HD_WAIVER_REVOKED, HD_WAIVER_REFUSED };
const char *waiver_state_name(int state); /* "active", "expired", "revoked", "refused" */
/* The state of a waiver as of as_of from its dates alone (texts YYYY-MM-DD; revoked NULL
 * if it is not revoked): -1 if it was approved after as_of (it does not exist yet), else
 * HD_WAIVER_REVOKED (revoked on or before as_of), HD_WAIVER_EXPIRED (expires before
 * as_of, or expires is not a date) or HD_WAIVER_ACTIVE. Whether its check allows it is
 * pack_check_waivable's. */
int waiver_state(const char *approved, const char *expires, const char *revoked, hd_date as_of);
typedef struct hd_waiver_use {
  long long id;     /* waivers.id */
  int state;        /* enum hd_waiver_state */
  char *approver, *approved_date, *justification, *expires, *revoked_date;
} hd_waiver_use;

typedef struct hd_findings {
  hd_finding *v;
  int n, cap;
  int decision;     /* enum hd_decision */
  char revision[17]; /* pack revision: first 16 hex digits of a SHA-256 */
  char *waiver_problems; /* NULL, or lines ending in '\n', one per waiver of the case that
                            was ignored although its dates make it active: "waiver N of
                            check 'ID' ignored: why" (a ban, a check that allows no
                            waivers, a check the pack does not have) */
  const char *route; /* NULL, or the procedure the case goes on in: that of the first
                        finding with a route (6.1.1: a public-data product applied for
                        under the simplified procedure is reviewed in the ordinary one).
                        The night changes the case's procedure before its move. */
} hd_findings;

void findings_release(hd_findings *f);
/* The evidence of x as a JSON array of {field, found, wanted} (json-c; NaN and
 * infinities are null, text valid UTF-8), made the first time it is asked for and kept.
 * "[]" if none. NULL only if out of memory. */
const char *finding_evidence(hd_finding *x);
/* The message of x as valid UTF-8, at most HD_MESSAGE_MAX bytes with a visible cut
 * ("…（截断，共 N 字节）"), made the first time it is asked for (a batch that prints
 * no messages never pays for it). NULL only if out of memory. */
#define HD_MESSAGE_MAX 2000
const char *finding_message(hd_finding *x);
/* Decision from outcomes: any fail -> reject; else any rectify -> return for supplement;
 * else any manual or error -> hold; else approve. Waived outcomes do not count. */
int findings_decide(const hd_findings *f);

typedef struct hd_pack hd_pack;

typedef struct hd_pack_opts {
  const char *const *dirs;  /* check directories in order; later ones override by id */
  int n_dirs;
  long instruction_budget;  /* per check per case; 0 = default (2,000,000) */
  long memory_limit;        /* bytes per Lua state; 0 = default (64 MiB) */
  long time_limit_ms;       /* per check per case; 0 = default (1000 ms) */
} hd_pack_opts;

/* Load and compile every check (and params.lua) of the directories. Syntax errors,
 * duplicate ids within a directory and malformed declarations are reported as
 * "file:line: ..." with HD_EDATA. */
int pack_load(const hd_pack_opts *o, hd_pack **out, hd_err *err);
void pack_free(hd_pack *p);
int pack_count(const hd_pack *p);
const char *pack_revision(const hd_pack *p);
/* id, clause and title of check i (for coverage reports). */
void pack_check_info(const hd_pack *p, int i, const char **id, const char **clause,
                     const char **title);

/* The index of the check with that id, or -1; then *near (if not NULL) is the nearest id
 * within 2 edits ("did you mean"), or NULL. */
int pack_find_check(const hd_pack *p, const char *id, const char **near);
/* Whether a waiver may lift the findings of check i: HD_OK if its declaration says
 * waivable = true; otherwise HD_EDATA with why (a ban under 7.6 is never waived; other
 * checks only where they allow it) written into why. */
int pack_check_waivable(const hd_pack *p, int i, char *why, size_t size);

/* Run every check on case `case_id` of db as of `as_of` (YYYY-MM-DD). The calendar gives
 * working days. Check errors become findings with outcome error; only a database or
 * memory failure of hdreg itself returns an error. */
int pack_run_case(hd_pack *p, sqlite3 *db, const hd_calendar *cal, long long case_id,
                  const char *as_of, hd_findings *out, hd_err *err);

/* The same on a case view already loaded (batches keep one loader). */
struct hd_caseview;
int pack_run_view(hd_pack *p, const struct hd_caseview *v, const hd_calendar *cal,
                  const char *as_of, hd_findings *out, hd_err *err);
/* What checks printed during the last case (print() goes here, never to the terminal). */
const char *pack_log(const hd_pack *p);

/* Fixture tests: load DIR/tests/_base.lua (base { ... }) and every other .lua file in DIR/tests
 * (fixture { name, as_of, case, expect }) of each directory, run every check on each
 * fixture's case (the base with the fixture's case merged in), and compare both ways:
 * an outcome not expected (unnamed checks must pass or be n/a) and an expectation
 * naming no check both fail. Fixture cases are strict like real ones: a field the fixture
 * sets must be a field of a case (the columns the case view loader reads from the schema
 * of t->db, or of a new in-memory register) with a value of its type, and a check reading
 * a field that is none is an error. A fixture of directory i that expects an outcome of a
 * check a later directory replaces is retired (not run). Coverage: each check must be seen
 * passing and not passing (fail, rectify or manual) in the fixtures that ran. *report
 * (caller frees) lists failures as "file:line: ...", retirements and the coverage;
 * *failed counts failed fixtures, plus one if coverage is incomplete. */
typedef struct hd_test_opts {
  sqlite3 *db;              /* NULL: the fields of a case come from a new in-memory register */
  int shuffle;              /* run the fixtures in an order drawn from seed */
  unsigned long long seed;
  const char *only;         /* NULL, or run only the fixtures of this name or "file:line"
                               (coverage is then not checked); none matching: HD_EUSAGE */
  int findings;             /* 1: *findings (caller frees) gets one JSON line per fixture
                               run and check: {"fixture","where","check","outcome","message"} */
  struct hd_test_summary *summary; /* NULL, or filled on HD_OK (hdreg checks test --format
                               json); the caller frees its failures and missing */
} hd_test_opts;
/* What the report says, as fields. */
typedef struct hd_test_summary {
  int fixtures, passed, failed, retired; /* the fixtures chosen (--only) and their results */
  int coverage_checked;     /* 0 with --only */
  int covered, checks;      /* checks seen passing and not passing, of all checks */
  char *failures;           /* a line per failure: "WHERE\tFIXTURE\tMESSAGE\n" */
  char *missing;            /* a line per check not covered: "ID\tWHERE\tWHY\n" */
} hd_test_summary;
int pack_test(hd_pack *p, const char *const *dirs, int n_dirs, const hd_calendar *cal,
              const hd_test_opts *t, char **report, char **findings, int *failed,
              hd_err *err);

/* The findings as JSON (the stable format of `hdreg check --format json`). Caller frees. */
char *findings_json(long long case_id, const char *case_number, const char *as_of,
                    const hd_findings *f);

#endif
