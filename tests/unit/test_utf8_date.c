/* UTF-8 decoding and date arithmetic. */
#include <stdint.h>

#include "check.h"
#include "util/date.h"
#include "util/utf8.h"

static int decode_one(const char *s, size_t len, uint32_t *cp) {
  size_t i = 0;
  return hd_utf8_next(s, len, &i, cp);
}

int main(void) {
  uint32_t cp = 0;
  CHECK_INT(decode_one("A", 1, &cp), 1);
  CHECK_INT(cp, 'A');
  CHECK_INT(decode_one("中", 3, &cp), 1);
  CHECK_INT(cp, 0x4E2D);
  CHECK_INT(decode_one("\xF0\xA0\xAE\xB7", 4, &cp), 1); /* 𠮷 */
  CHECK_INT(cp, 0x20BB7);
  CHECK_INT(decode_one("\xC4\xE3", 2, &cp), -1);        /* GBK 你 */
  CHECK_INT(decode_one("\xC0\x80", 2, &cp), -1);        /* overlong NUL */
  CHECK_INT(decode_one("\xED\xA0\x80", 3, &cp), -1);    /* surrogate */
  CHECK_INT(decode_one("\xE4\xB8", 2, &cp), -1);        /* truncated */
  CHECK_INT(decode_one("\xF4\x90\x80\x80", 4, &cp), -1); /* above U+10FFFF */
  CHECK_INT(decode_one("", 0, &cp), 0);
  size_t bad = 99;
  CHECK_INT(hd_utf8_valid("ab\xC4\xE3", 4, &bad), 0);
  CHECK_INT(bad, 2);
  CHECK_INT(hd_utf8_valid("a\0b", 3, &bad), 0);
  CHECK_INT(bad, 1);
  CHECK_INT(hd_utf8_count("𠮷祥a", strlen("𠮷祥a")), 3);
  char enc[4];
  CHECK_INT(hd_utf8_encode(0x20BB7, enc), 4);
  CHECK(memcmp(enc, "\xF0\xA0\xAE\xB7", 4) == 0);
  CHECK_INT(hd_utf8_encode(0xD800, enc), 0);

  hd_date d;
  CHECK_INT(hd_date_parse("2026-03-16", &d), 1);
  CHECK_INT(hd_date_weekday(d), 0); /* Monday */
  CHECK_INT(hd_date_parse("2026-02-29", &d), 0);
  CHECK_INT(hd_date_parse("2028-02-29", &d), 1);
  CHECK_INT(hd_date_parse("2026-3-16", &d), 0);
  CHECK_INT(hd_date_parse("2026-03-16x", &d), 0);
  CHECK_INT(hd_date_parse("２026-03-16", &d), 0);
  CHECK_INT(hd_date_parse(NULL, &d), 0);
  char iso[11], cn[32];
  hd_date leap = {2028, 2, 29};
  hd_date_iso(hd_date_period_end_years(leap, 3), iso);
  CHECK_STR(iso, "2031-02-28"); /* no corresponding day: the month's last day */
  hd_date reg = {2026, 3, 16};
  hd_date_iso(hd_date_period_end_years(reg, 3), iso);
  CHECK_STR(iso, "2029-03-16");
  hd_date_cn(reg, cn);
  CHECK_STR(cn, "2026年3月16日");
  hd_date back = hd_date_from_days(hd_date_to_days(reg) + 365);
  hd_date_iso(back, iso);
  CHECK_STR(iso, "2027-03-16");
  hd_date epoch = {1970, 1, 1};
  CHECK_INT(hd_date_to_days(epoch), 0);
  return check_done();
}
