/* format.h: number formatting shared by documents and templates. */
#ifndef HD_FORMAT_H
#define HD_FORMAT_H
#include <stddef.h>

/* v with thousands separators ("-1,234,567") into out (at least 32 bytes). */
void hd_thousands(long long v, char *out, size_t size);

/* A data resource's scale as documents print it: "12,345条记录，约415.00 GB". Sizes are
 * in the units they name, decimal SI prefixes as GB 3101 and IEC 80000-13 define them
 * (1 GB = 10^9 bytes, TB 10^12, MB 10^6; binary multiples would be GiB): a bank or a
 * court reads "GB" as 10^9. Below 1 MB the exact number of bytes. Into out (at least
 * 96 bytes). */
void hd_scale_text(long long records, long long bytes, char *out, size_t size);

#endif
