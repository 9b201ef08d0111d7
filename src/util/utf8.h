/* utf8.h: the one place that slices UTF-8. Byte-versus-character mistakes are the
 * classic CJK bug, so every other module decodes through here. */
#ifndef HD_UTF8_H
#define HD_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[*i] (len bytes total). On success stores it in *cp,
 * advances *i and returns 1; at the end returns 0; on an invalid, overlong, surrogate
 * or truncated sequence returns -1 and leaves *i at the bad byte. */
int hd_utf8_next(const char *s, size_t len, size_t *i, uint32_t *cp);
/* Returns 1 if s[0..len) is valid UTF-8 without NUL bytes, else 0 and the offset of the
 * first bad byte in *bad (may be NULL). */
int hd_utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points in a valid string. */
size_t hd_utf8_count(const char *s, size_t len);
/* Encode cp into out (4 bytes room); returns the byte count, 0 if cp is invalid. */
size_t hd_utf8_encode(uint32_t cp, char out[4]);

#endif
