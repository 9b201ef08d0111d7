/* Working days with the statutory holiday schedule (the demo database's 2025 and 2026
 * data from shared/data/holidays), and the refusal to guess a year without data. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "model/calendar.h"
#include "demo/demo.h"
#include "store/store.h"

static const char *add(const hd_calendar *c, const char *start, int n, hd_err *err) {
  static char out[11];
  hd_date d, r;
  hd_date_parse(start, &d);
  hd_err_clear(err);
  if (calendar_add_working_days(c, d, n, &r, err)) return err->msg;
  hd_date_iso(r, out);
  return out;
}

int main(void) {
  char path[] = "/tmp/hdreg-test-cal-XXXXXX";
  check_temp_db(path);
  hd_err err;
  hd_err_clear(&err);
  CHECK_INT(demo_create(path, 0, 1, &err), HD_OK);
  sqlite3 *db = NULL;
  hd_calendar *cal = NULL;
  CHECK_INT(store_open(path, HD_STORE_MUST_EXIST, &db, &err), HD_OK);
  CHECK_INT(calendar_load(db, &cal, &err), HD_OK);
  /* The worked examples of DOMAIN.md (Civil Code art. 201: the start day not counted). */
  CHECK_STR(add(cal, "2025-09-26", 10, &err), "2025-10-16"); /* National Day, 28 Sep make-up day */
  CHECK_STR(add(cal, "2026-02-10", 10, &err), "2026-03-02"); /* Spring Festival */
  CHECK_STR(add(cal, "2026-03-13", 1, &err), "2026-03-16");  /* Friday -> Monday */
  CHECK_STR(add(cal, "2026-03-16", 0, &err), "2026-03-16");
  /* 2027 has no published schedule: refused, not guessed. */
  CHECK_STR(add(cal, "2026-12-24", 10, &err), "no holiday schedule for 2027: the period cannot be computed");
  hd_date d = {2025, 9, 28};
  CHECK_INT(calendar_is_working(cal, d), 1);   /* Sunday, make-up working day */
  d = (hd_date){2025, 10, 1};
  CHECK_INT(calendar_is_working(cal, d), 0);   /* National Day */
  d = (hd_date){2027, 1, 4};
  CHECK_INT(calendar_is_working(cal, d), -1);
  calendar_free(cal);
  store_close(db);
  check_remove_db(path);
  /* An explicit calendar: a later entry for the same date replaces the earlier one. */
  hd_calendar *c2 = NULL;
  CHECK_INT(calendar_new(&c2), HD_OK);
  calendar_add_year(c2, 2030);
  d = (hd_date){2030, 1, 7};
  calendar_add_day(c2, d, 1);
  CHECK_INT(calendar_is_working(c2, d), 0);
  calendar_add_day(c2, d, 0);
  CHECK_INT(calendar_is_working(c2, d), 1);
  calendar_free(c2);
  return check_done();
}
