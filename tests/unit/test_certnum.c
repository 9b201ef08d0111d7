/* Certificate number patterns and their check character. */
#include "check.h"
#include "procedure/certnum.h"

int main(void) {
  char out[64];
  hd_err err;
  hd_date d = {2026, 3, 16};
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{year}{month}{region}{serial:7}{check}", d, "4400", 6, out,
                           sizeof out, &err), HD_OK);
  CHECK_STR(out, "20260344000000006X");
  CHECK_INT(certnum_check_ok(out), 1);
  /* Every single-character change and every swap of two different neighbours is caught. */
  const char ALPHA[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int missed = 0;
  for (int i = 0; i < 17; i++) {
    char t[64];
    memcpy(t, out, sizeof t);
    for (int k = 0; ALPHA[k]; k++) {
      if (ALPHA[k] == out[i]) continue;
      t[i] = ALPHA[k];
      missed += certnum_check_ok(t);
    }
    if (i + 1 < 17 && out[i] != out[i + 1]) {
      memcpy(t, out, sizeof t);
      t[i] = out[i + 1];
      t[i + 1] = out[i];
      missed += certnum_check_ok(t);
    }
  }
  CHECK_INT(missed, 0);

  hd_err_clear(&err);
  CHECK_INT(certnum_format("GD-{year}-{serial:4}", d, "4400", 12, out, sizeof out, &err), HD_OK);
  CHECK_STR(out, "GD-2026-0012");
  /* The serial read back from numbers (imports move the counter past them). */
  CHECK_INT(certnum_serial("GD-{year}-{serial:4}", "4400", "GD-2026-0012"), 12);
  CHECK_INT(certnum_serial("{year}{month}{region}{serial:7}{check}", "4400", "20260344000000006X"), 6);
  CHECK_INT(certnum_serial("{year}{month}{region}{serial:7}{check}", "4400", "20260344000000006"), -1);
  CHECK_INT(certnum_serial("{year}{month}{region}{serial:7}{check}", "4401", "20260344000000006X"), -1);
  CHECK_INT(certnum_serial("GD-{year}-{serial:4}", "4400", "GX-2026-0012"), -1);
  CHECK_INT(certnum_serial("GD-{year}-{serial:4}", "4400", "GD-2026-00A2"), -1);
  CHECK_INT(certnum_serial("GD-{year}-{serial:4}", "4400", "GD-2026-00123"), -1);
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{year}{serial:2}", d, "4400", 100, out, sizeof out, &err), HD_EDATA);
  CHECK_STR(err.msg, "certificate serial 100 does not fit in 2 digits");
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{year}{month}", d, "4400", 1, out, sizeof out, &err), HD_EDATA);
  CHECK_STR(err.msg, "cert_number_pattern '{year}{month}' has no {serial:N}");
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{yr}{serial:3}", d, "4400", 1, out, sizeof out, &err), HD_EDATA);
  CHECK_STR(err.msg, "cert_number_pattern: unknown token '{yr}'");
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{year{serial:3}", d, "4400", 1, out, sizeof out, &err), HD_EDATA);
  CHECK_STR(err.msg, "cert_number_pattern: unknown token '{year{serial:3}'");
  hd_err_clear(&err);
  CHECK_INT(certnum_format("{serial:3", d, "4400", 1, out, sizeof out, &err), HD_EDATA);
  CHECK_STR(err.msg, "cert_number_pattern: '{' without '}' in '{serial:3'");
  return check_done();
}
