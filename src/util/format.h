/* format.h: number formatting shared by documents and templates. */
#ifndef HD_FORMAT_H
#define HD_FORMAT_H
#include <stddef.h>

/* v with thousands separators ("-1,234,567") into out (at least 32 bytes). */
void hd_thousands(long long v, char *out, size_t size);

#endif
