/* calendar.c: working-day arithmetic (calendar.h). */
#include "model/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"

typedef struct day {
  long days;
  int off;
} day;

struct hd_calendar {
  int years[256];
  int n_years;
  day *days; /* sorted by days once loaded */
  int n_days, cap;
};

int calendar_new(hd_calendar **out) {
  *out = calloc(1, sizeof **out);
  return *out ? HD_OK : HD_ENOMEM;
}

void calendar_free(hd_calendar *c) {
  if (!c) return;
  free(c->days);
  free(c);
}

int calendar_add_year(hd_calendar *c, int year) {
  for (int i = 0; i < c->n_years; i++)
    if (c->years[i] == year) return HD_OK;
  if (c->n_years == (int)(sizeof c->years / sizeof c->years[0])) return HD_EDATA;
  c->years[c->n_years++] = year;
  return HD_OK;
}

int calendar_add_day(hd_calendar *c, hd_date d, int off) {
  if (c->n_days == c->cap) {
    int cap = c->cap ? c->cap * 2 : 64;
    day *n = realloc(c->days, (size_t)cap * sizeof *n);
    if (!n) return HD_ENOMEM;
    c->days = n;
    c->cap = cap;
  }
  long t = hd_date_to_days(d);
  int i = c->n_days; /* kept sorted: insert in place (schedules hold ~40 days a year) */
  while (i > 0 && c->days[i - 1].days > t) {
    c->days[i] = c->days[i - 1];
    i--;
  }
  if (i > 0 && c->days[i - 1].days == t) { /* a second entry for a date replaces the first */
    memmove(&c->days[i], &c->days[i + 1], (size_t)(c->n_days - i) * sizeof *c->days);
    c->days[i - 1].off = off;
    return HD_OK;
  }
  c->days[i].days = t;
  c->days[i].off = off;
  c->n_days++;
  return HD_OK;
}

static const day *find(const hd_calendar *c, long days) {
  int lo = 0, hi = c->n_days - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (c->days[mid].days == days) return &c->days[mid];
    if (c->days[mid].days < days) lo = mid + 1; else hi = mid - 1;
  }
  return NULL;
}

int calendar_is_working(const hd_calendar *c, hd_date d) {
  int known = 0;
  for (int i = 0; i < c->n_years; i++) known |= c->years[i] == d.y;
  if (!known) return -1;
  const day *x = find(c, hd_date_to_days(d));
  if (x) return !x->off;
  return hd_date_weekday(d) < 5;
}

int calendar_add_working_days(const hd_calendar *c, hd_date start, int n, hd_date *out,
                              hd_err *err) {
  long t = hd_date_to_days(start);
  if (n < 0 || n > 3660) return hd_err_set(err, HD_EDATA, "working-day count %d out of range", n);
  while (n > 0) {
    t++;
    hd_date d = hd_date_from_days(t);
    int w = calendar_is_working(c, d);
    if (w < 0)
      return hd_err_set(err, HD_EDATA, "no holiday schedule for %d: the period cannot be computed",
                        d.y);
    if (w) n--;
  }
  *out = hd_date_from_days(t);
  return HD_OK;
}

int calendar_load(sqlite3 *db, hd_calendar **out, hd_err *err) {
  hd_calendar *c = NULL;
  sqlite3_stmt *st = NULL;
  int rc = HD_OK, s;
  if (calendar_new(&c)) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if ((rc = store_prepare(db, "SELECT year FROM holiday_years", &st, err))) goto cleanup;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) calendar_add_year(c, sqlite3_column_int(st, 0));
  sqlite3_finalize(st);
  st = NULL;
  if ((rc = store_prepare(db, "SELECT date, off FROM holidays", &st, err))) goto cleanup;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    hd_date d;
    const char *t = (const char *)sqlite3_column_text(st, 0);
    if (!hd_date_parse(t, &d)) {
      rc = hd_err_set(err, HD_EDATA, "holidays: '%s' is not a date", t ? t : "");
      goto cleanup;
    }
    if (calendar_add_day(c, d, sqlite3_column_int(st, 1))) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      goto cleanup;
    }
  }
  if (s != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
cleanup:
  sqlite3_finalize(st);
  if (rc) {
    calendar_free(c);
    return rc;
  }
  *out = c;
  return HD_OK;
}
