/* report.h: the run report of a night — OUT/run-DATE.json for machines and
 * OUT/run-DATE.html, the morning page for the staff — written for every run, also a
 * failed one (docs/operations.md, "The run report" gives every field). The report is made
 * from what the night returned (procedure/night.h) and from the register read afterwards
 * (store, model/calendar): what this run did is what lies past the marks taken before it.
 * Depends on procedure (night.h: the night's result), store, model (calendar), stats (the
 * figures of the last twelve months and their chart), json-c. */
#ifndef HD_REPORT_H
#define HD_REPORT_H
#include <json-c/json.h>

#include "procedure/night.h"
#include "util/diag.h"

/* The version of the JSON format (field "format"); raised when a field changes meaning. */
#define HD_REPORT_FORMAT 2

/* The register's high-water marks before the night: rows past them are this run's. */
typedef struct hd_report_mark {
  long long events, documents, findings;
  int known;                  /* 0: the register could not be read before the run */
} hd_report_mark;

/* Read the marks of the register at db_path (nothing written). Never fails: an unreadable
 * register leaves m->known 0, and the report then takes every row of the run date. */
void report_mark(const char *db_path, hd_report_mark *m);

typedef struct hd_report_in {
  const char *date;           /* the run date, valid YYYY-MM-DD */
  const char *db_path;        /* the register as given */
  const char *out_dir;        /* the output folder as given */
  int jobs;
  const char *started;        /* wall clock at the start, ISO 8601 with offset */
  double duration_ms;         /* wall time of the run */
  int exit_code;              /* what hdreg run exits with */
  const char *error;          /* the message that stopped the run; NULL if it went through */
  const char *stage;          /* where it stopped: "lock", "options", "prepare", "audit",
                                 "publish", "sign", "report"; NULL if it went through */
  int read_db;                /* 0: leave the register alone (missing, damaged, or locked by
                                 another run): no case lists, no backlog */
  const hd_report_mark *mark; /* taken before the night; NULL: as if unknown */
  const hd_night_result *res; /* what the night returned; NULL if it never started */
  int waiting_days;           /* a case waiting longer (working days) is marked "over" in
                                 the backlog (configuration waiting_days); 0: the default,
                                 HD_WAITING_DAYS_DEFAULT (report/waiting.h) */
} hd_report_in;

/* The report as a JSON object (caller json_object_put). HD_ENOMEM only: a register that
 * cannot be read gives a report that says so (field "register_error"). */
int report_build(const hd_report_in *in, json_object **out, hd_err *err);

/* The most a run report (its JSON or its HTML page) may take: it lists every certificate
 * issued and every case waiting, and the night of the 100000-case benchmark register writes
 * 80 MB of JSON (64 MB, the default bound of a buffer, lost it to stderr). */
#define HD_REPORT_MAX ((size_t)1 << 30)

/* The morning page for rep, with the chart of the nights in history (an array of earlier
 * reports, oldest first; NULL: none). Caller frees the text. */
char *report_html(json_object *rep, json_object *history, hd_err *err);

/* Write rep into out_dir: run-DATE.json and run-DATE.html (a rerun of the date:
 * run-DATE.2.json and .html, ...; an existing report is never replaced, also when two
 * runs finish at once), each complete or absent (util/fsutil.h), then the symbolic links
 * run-latest.json and run-latest.html pointing at them, each replaced atomically. The
 * history for the chart is read from the run-*.json already there. json_path (4200
 * bytes) gets the path of the JSON written. HD_EIO when out_dir cannot be written. */
int report_write(const char *out_dir, const char *date, json_object *rep, char *json_path,
                 hd_err *err);

#endif
