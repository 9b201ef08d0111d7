/* hd_buf_fixed must print exactly what "%.*f" prints (content streams were printf before;
 * a difference would move text by a rounding step), and hd_buf_hex4 upper-case hex. */
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "check.h"

static void same_as_printf(double v, int decimals) {
  char want[64];
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_fixed(&b, v, decimals);
  snprintf(want, sizeof want, "%.*f", decimals, v);
  CHECK_STR(b.p, want);
  hd_buf_release(&b);
}

int main(void) {
  hd_buf b;
  hd_buf_init(&b, 0);
  hd_buf_fixed(&b, 595.27559, 3);
  hd_buf_adds(&b, " ");
  hd_buf_fixed(&b, -0.001, 2);
  hd_buf_adds(&b, " ");
  hd_buf_fixed(&b, 0.125, 2);   /* a tie: printf rounds to even */
  hd_buf_adds(&b, " ");
  hd_buf_fixed(&b, 12, 0);
  hd_buf_adds(&b, " ");
  hd_buf_hex4(&b, 0x20BB);
  hd_buf_hex4(&b, 7);
  CHECK_STR(b.p, "595.276 -0.00 0.12 12 20BB0007");
  hd_buf_release(&b);
  /* near-ties and ordinary values across the page's range, both precisions */
  for (long k = -200000; k <= 200000; k += 7)
    for (int d = 2; d <= 3; d++) {
      same_as_printf(k * 0.001, d);
      same_as_printf(k * 0.0005, d);
      same_as_printf(k / 7.0 * 0.37, d);
    }
  return check_done();
}
