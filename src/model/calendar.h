/* calendar.h: working days under the statutory holiday schedule (holidays and
 * holiday_years tables). Periods follow Civil Code arts. 201 and 203: the start day is
 * not counted; a period never reaches into a year whose schedule is not loaded. */
#ifndef HD_CALENDAR_H
#define HD_CALENDAR_H
#include <sqlite3.h>
#include "util/date.h"
#include "util/diag.h"

typedef struct hd_calendar hd_calendar;

/* Load every holiday and loaded year. Free with calendar_free. */
int calendar_load(sqlite3 *db, hd_calendar **out, hd_err *err);
void calendar_free(hd_calendar *c);
/* A calendar from explicit data (tests, fixtures): years[], and dates with off flags. */
int calendar_new(hd_calendar **out);
int calendar_add_year(hd_calendar *c, int year);
int calendar_add_day(hd_calendar *c, hd_date d, int off);

/* 1 working day, 0 rest day, -1 if d's year has no schedule. */
int calendar_is_working(const hd_calendar *c, hd_date d);
/* The date n working days after start (start not counted). HD_EDATA naming the year if
 * the period reaches a year without a schedule. */
int calendar_add_working_days(const hd_calendar *c, hd_date start, int n, hd_date *out,
                              hd_err *err);

#endif
