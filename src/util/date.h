/* date.h: calendar dates as day numbers (no time zones, never the wall clock), strict
 * ISO parsing, Chinese formatting, and year periods per Civil Code art. 201-202. */
#ifndef HD_DATE_H
#define HD_DATE_H
#include <stddef.h>

typedef struct hd_date { int y, m, d; } hd_date;

/* Parse exactly "YYYY-MM-DD" (years 1900-9999) into *out; returns 1, or 0 if invalid. */
int hd_date_parse(const char *s, hd_date *out);
/* Days since 1970-01-01 and back. */
long hd_date_to_days(hd_date d);
hd_date hd_date_from_days(long days);
/* 0 = Monday ... 6 = Sunday. */
int hd_date_weekday(hd_date d);
int hd_date_days_in_month(int y, int m);
/* "YYYY-MM-DD" into out (11 bytes). */
void hd_date_iso(hd_date d, char out[11]);
/* "2026年3月5日" into out (32 bytes). */
void hd_date_cn(hd_date d, char out[32]);
/* Last day of a period of `years` years starting on `start` (the start day itself not
 * counted, art. 201): the corresponding day of the end month, or that month's last day
 * if it has none (art. 202). */
hd_date hd_date_period_end_years(hd_date start, int years);
int hd_date_cmp(hd_date a, hd_date b);

#endif
