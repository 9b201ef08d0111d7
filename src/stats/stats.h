/* stats.h: the register's figures for a period, as the authority reports them to the data
 * department (docs/stats.md defines every one): cases received by registration type,
 * procedure, status, data class and access grade; review decisions by clause; cases
 * closed; processing time in working days (median, 90th percentile) on the holiday
 * calendar of model/calendar.h; certificates in force at each month's end. Also the one
 * SVG chart of them that the morning report and the public site both show. Computes and
 * draws, never prints. Depends on store, model (calendar), ledger (a certificate's
 * standing on a date); json-c. */
#ifndef HD_STATS_H
#define HD_STATS_H
#include <json-c/json.h>
#include <sqlite3.h>

#include "util/buf.h"
#include "util/diag.h"

/* The longest period stats_compute takes, in months touched (ten years). */
#define HD_STATS_MAX_MONTHS 120

/* The figures of the period from..to (YYYY-MM-DD, both days included, from <= to) as the
 * JSON object docs/stats.md describes (caller json_object_put). Every group lists all its
 * keys, in a fixed order, also those with 0. HD_EUSAGE for a bad or reversed period or
 * one of more than HD_STATS_MAX_MONTHS months; HD_EDATA naming the case and the year when
 * a processing time reaches a year without a holiday schedule; HD_EDB on a database
 * error; HD_ENOMEM. */
int stats_compute(sqlite3 *db, const char *from, const char *to, json_object **out, hd_err *err);

/* The period the morning report and the public site show for a date: from the first day
 * of the month eleven months before date's month up to date itself (twelve calendar
 * months, the last one up to the date). from gets 11 bytes. 0, or -1 if date is invalid. */
int stats_default_period(const char *date, char from[11]);

/* The Chinese label of a key of a group of the figures ("type", "procedure", "status",
 * "data_class", "decision", "closed"); the key itself if it has none. */
const char *stats_label(const char *group, const char *key);

/* Append to b the chart of the figures st (what stats_compute made): an accessible SVG
 * (role img with an aria-label, title and desc, every bar labelled with its number in text) of the
 * certificates in force at each month's end, the cases received by status and the
 * decisions of the period, with the processing time in words. No script, nothing
 * fetched; every text escaped. HD_OK or HD_ENOMEM. */
int stats_svg(hd_buf *b, json_object *st);

#endif
