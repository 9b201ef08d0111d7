/* certnum.c: certificate number patterns (certnum.h). */
#include "procedure/certnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static const char ALPHA[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

char certnum_check_char(const char *s, size_t n) {
  long sum = 0, w = 1;
  for (size_t i = 0; i < n; i++) {
    const char *p = s[i] ? strchr(ALPHA, s[i]) : NULL;
    if (!p) continue; /* separators do not count */
    sum += (long)(p - ALPHA) * w;
    w = (w * 3) % 31;
  }
  return ALPHA[(31 - sum % 31) % 31];
}

int certnum_check_ok(const char *number) {
  size_t n = strlen(number);
  return n > 1 && certnum_check_char(number, n - 1) == number[n - 1];
}

int certnum_format(const char *pattern, hd_date date, const char *region, long long serial,
                   char *out, size_t size, hd_err *err) {
  hd_buf b;
  hd_buf_init(&b, 256);
  int have_serial = 0, rc = HD_OK;
  for (const char *p = pattern; *p && rc == HD_OK;) {
    if (*p != '{') {
      rc = hd_buf_add(&b, p++, 1);
      continue;
    }
    const char *close = strchr(p, '}');
    if (!close) {
      rc = hd_err_set(err, HD_EDATA, "cert_number_pattern: '{' without '}' in '%s'", pattern);
      break;
    }
    char tok[32];
    size_t tn = (size_t)(close - p - 1);
    if (tn >= sizeof tok) tn = sizeof tok - 1;
    memcpy(tok, p + 1, tn);
    tok[tn] = '\0';
    if (!strcmp(tok, "year")) rc = hd_buf_printf(&b, "%04d", date.y);
    else if (!strcmp(tok, "month")) rc = hd_buf_printf(&b, "%02d", date.m);
    else if (!strcmp(tok, "day")) rc = hd_buf_printf(&b, "%02d", date.d);
    else if (!strcmp(tok, "region")) rc = hd_buf_adds(&b, region);
    else if (!strncmp(tok, "serial:", 7)) {
      int width = atoi(tok + 7);
      if (width < 1 || width > 12) {
        rc = hd_err_set(err, HD_EDATA, "cert_number_pattern: serial width must be 1-12");
        break;
      }
      long long limit = 1;
      for (int i = 0; i < width; i++) limit *= 10;
      if (serial >= limit) {
        rc = hd_err_set(err, HD_EDATA, "certificate serial %lld does not fit in %d digits",
                        serial, width);
        break;
      }
      rc = hd_buf_printf(&b, "%0*lld", width, serial);
      have_serial = 1;
    } else if (!strcmp(tok, "check")) {
      char c = certnum_check_char(b.p ? b.p : "", b.len);
      rc = hd_buf_add(&b, &c, 1);
    } else {
      rc = hd_err_set(err, HD_EDATA, "cert_number_pattern: unknown token '{%s}'", tok);
      break;
    }
    p = close + 1;
  }
  if (rc == HD_OK && !have_serial)
    rc = hd_err_set(err, HD_EDATA, "cert_number_pattern '%s' has no {serial:N}", pattern);
  if (rc == HD_OK && (b.len == 0 || b.len >= size))
    rc = hd_err_set(err, HD_EDATA, "certificate number too long");
  if (rc == HD_OK) memcpy(out, b.p, b.len + 1);
  else if (err->code == HD_OK) hd_err_set(err, rc, "out of memory");
  hd_buf_release(&b);
  return rc == HD_OK ? HD_OK : err->code;
}

long long certnum_serial(const char *pattern, const char *region, const char *number) {
  size_t at = 0, nlen = strlen(number);
  long long serial = -1;
  for (const char *p = pattern; *p;) {
    if (*p != '{') {
      if (at >= nlen || number[at] != *p) return -1;
      at++, p++;
      continue;
    }
    const char *close = strchr(p, '}');
    if (!close) return -1;
    size_t tn = (size_t)(close - p - 1), width = 0;
    int digits = 1;
    if (tn == 4 && !strncmp(p + 1, "year", 4)) width = 4;
    else if (tn == 5 && !strncmp(p + 1, "month", 5)) width = 2;
    else if (tn == 3 && !strncmp(p + 1, "day", 3)) width = 2;
    else if (tn == 6 && !strncmp(p + 1, "region", 6)) width = strlen(region), digits = 0;
    else if (tn == 5 && !strncmp(p + 1, "check", 5)) width = 1, digits = 0;
    else if (tn > 7 && !strncmp(p + 1, "serial:", 7)) {
      width = (size_t)atoi(p + 8);
      if (width < 1 || width > 12 || at + width > nlen) return -1;
      serial = 0;
      for (size_t i = 0; i < width; i++) {
        if (number[at + i] < '0' || number[at + i] > '9') return -1;
        serial = serial * 10 + (number[at + i] - '0');
      }
    } else return -1;
    if (at + width > nlen) return -1;
    if (digits)
      for (size_t i = 0; i < width; i++)
        if (number[at + i] < '0' || number[at + i] > '9') return -1;
    if (tn == 6 && strncmp(number + at, region, width)) return -1;
    at += width;
    p = close + 1;
  }
  return at == nlen ? serial : -1;
}
