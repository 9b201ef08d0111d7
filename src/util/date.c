/* date.c: proleptic Gregorian date arithmetic (date.h). */
#include "util/date.h"

#include <stdio.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int hd_date_days_in_month(int y, int m) {
  static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap(y)) return 29;
  return dm[m - 1];
}

int hd_date_parse(const char *s, hd_date *out) {
  if (!s) return 0;
  for (int i = 0; i < 10; i++) {
    char c = s[i];
    if (i == 4 || i == 7) {
      if (c != '-') return 0;
    } else if (c < '0' || c > '9') {
      return 0;
    }
  }
  if (s[10] != '\0') return 0;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > hd_date_days_in_month(y, m)) return 0;
  out->y = y;
  out->m = m;
  out->d = d;
  return 1;
}

/* Howard Hinnant's days_from_civil. */
long hd_date_to_days(hd_date dt) {
  int y = dt.y - (dt.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153u * (unsigned)(dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)dt.d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

hd_date hd_date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = (long)yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  hd_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
  return r;
}

int hd_date_weekday(hd_date d) {
  long z = hd_date_to_days(d); /* 1970-01-01 was a Thursday (3) */
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return (int)w;
}

void hd_date_iso(hd_date d, char out[11]) {
  snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
           (unsigned)d.d % 100u);
}

void hd_date_cn(hd_date d, char out[32]) {
  snprintf(out, 32, "%d年%d月%d日", d.y, d.m, d.d);
}

hd_date hd_date_period_end_years(hd_date start, int years) {
  hd_date e = {start.y + years, start.m, start.d};
  int dim = hd_date_days_in_month(e.y, e.m);
  if (e.d > dim) e.d = dim;
  return e;
}

int hd_date_cmp(hd_date a, hd_date b) {
  long x = hd_date_to_days(a), y = hd_date_to_days(b);
  return x < y ? -1 : x > y;
}
