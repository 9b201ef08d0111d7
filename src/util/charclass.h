/* charclass.h: which characters a printed value cannot hold — control characters,
 * bidi controls and invisible format characters (zero-width characters, word joiner,
 * byte-order mark...) — with their Unicode names for messages. The import refuses them
 * in names; the fonts never draw them. Depends on nothing. */
#ifndef HD_CHARCLASS_H
#define HD_CHARCLASS_H
#include <stdint.h>

enum hd_charkind {
  HD_CH_PRINTABLE = 0, /* anything else (whether a font has it is the fonts' business) */
  HD_CH_CONTROL,       /* C0 U+0000-001F, DELETE U+007F, C1 U+0080-009F */
  HD_CH_BIDI,          /* U+061C, U+200E-200F, U+202A-202E, U+2066-2069 */
  HD_CH_INVISIBLE      /* zero-width and other invisible format characters */
};

/* The kind of cp. *name (may be NULL) gets the Unicode name of a bidi control or an
 * invisible format character, NULL for controls and printable characters. */
int hd_char_kind(uint32_t cp, const char **name);

/* "control character", "bidi control", "invisible format character", or "" */
const char *hd_char_kind_text(int kind);

/* The longest name (of a subject, a data resource, a data source...) in characters: what
 * fits in its place on every document that prints it. The import refuses longer ones, and
 * the night holds a case whose name is longer. */
#define HD_NAME_MAX_CHARS 200

#endif
