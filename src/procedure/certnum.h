/* certnum.h: certificate numbers from the authority's pattern (setting
 * cert_number_pattern). Tokens: {year} {month} {region} {serial:N} {check}; any other
 * text is copied. {check} is a GB 32100-style check character over the characters
 * before it (digits and capital letters, weights 3^i mod 31), catching a mistyped
 * digit or a swap of two neighbours. */
#ifndef HD_CERTNUM_H
#define HD_CERTNUM_H
#include <stddef.h>
#include "util/date.h"
#include "util/diag.h"

int certnum_format(const char *pattern, hd_date date, const char *region, long long serial,
                   char *out, size_t size, hd_err *err);
/* 1 if the number's check character (last character) is right for pattern-made numbers
 * that end in {check}. */
int certnum_check_ok(const char *number);
char certnum_check_char(const char *s, size_t n);
/* The serial of a number made by pattern for region, or -1 if the number does not follow
 * the pattern (imported certificates: the counter must go past their serials). */
long long certnum_serial(const char *pattern, const char *region, const char *number);

#endif
