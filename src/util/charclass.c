/* charclass.c: characters a printed value cannot hold (charclass.h). */
#include "util/charclass.h"

#include <stddef.h>

typedef struct named {
  uint32_t lo, hi;
  int kind;
  const char *name;
} named;

/* Sorted by code point. Ranges share one name. */
static const named NAMED[] = {
    {0x00AD, 0x00AD, HD_CH_INVISIBLE, "SOFT HYPHEN"},
    {0x034F, 0x034F, HD_CH_INVISIBLE, "COMBINING GRAPHEME JOINER"},
    {0x061C, 0x061C, HD_CH_BIDI, "ARABIC LETTER MARK"},
    {0x180E, 0x180E, HD_CH_INVISIBLE, "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, 0x200B, HD_CH_INVISIBLE, "ZERO WIDTH SPACE"},
    {0x200C, 0x200C, HD_CH_INVISIBLE, "ZERO WIDTH NON-JOINER"},
    {0x200D, 0x200D, HD_CH_INVISIBLE, "ZERO WIDTH JOINER"},
    {0x200E, 0x200E, HD_CH_BIDI, "LEFT-TO-RIGHT MARK"},
    {0x200F, 0x200F, HD_CH_BIDI, "RIGHT-TO-LEFT MARK"},
    {0x2028, 0x2028, HD_CH_INVISIBLE, "LINE SEPARATOR"},
    {0x2029, 0x2029, HD_CH_INVISIBLE, "PARAGRAPH SEPARATOR"},
    {0x202A, 0x202A, HD_CH_BIDI, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, 0x202B, HD_CH_BIDI, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, 0x202C, HD_CH_BIDI, "POP DIRECTIONAL FORMATTING"},
    {0x202D, 0x202D, HD_CH_BIDI, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, 0x202E, HD_CH_BIDI, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2060, 0x2060, HD_CH_INVISIBLE, "WORD JOINER"},
    {0x2061, 0x2061, HD_CH_INVISIBLE, "FUNCTION APPLICATION"},
    {0x2062, 0x2062, HD_CH_INVISIBLE, "INVISIBLE TIMES"},
    {0x2063, 0x2063, HD_CH_INVISIBLE, "INVISIBLE SEPARATOR"},
    {0x2064, 0x2064, HD_CH_INVISIBLE, "INVISIBLE PLUS"},
    {0x2066, 0x2066, HD_CH_BIDI, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, 0x2067, HD_CH_BIDI, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, 0x2068, HD_CH_BIDI, "FIRST STRONG ISOLATE"},
    {0x2069, 0x2069, HD_CH_BIDI, "POP DIRECTIONAL ISOLATE"},
    {0x206A, 0x206F, HD_CH_INVISIBLE, "DEPRECATED FORMAT CHARACTER"},
    {0xFEFF, 0xFEFF, HD_CH_INVISIBLE, "ZERO WIDTH NO-BREAK SPACE"},
    {0xFFF9, 0xFFFB, HD_CH_INVISIBLE, "INTERLINEAR ANNOTATION CHARACTER"},
    {0xE0001, 0xE0001, HD_CH_INVISIBLE, "LANGUAGE TAG"},
    {0xE0020, 0xE007F, HD_CH_INVISIBLE, "TAG CHARACTER"},
};

int hd_char_kind(uint32_t cp, const char **name) {
  if (name) *name = NULL;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return HD_CH_CONTROL;
  if (cp < 0xAD) return HD_CH_PRINTABLE;
  size_t lo = 0, hi = sizeof NAMED / sizeof *NAMED;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < NAMED[mid].lo) hi = mid;
    else if (cp > NAMED[mid].hi) lo = mid + 1;
    else {
      if (name) *name = NAMED[mid].name;
      return NAMED[mid].kind;
    }
  }
  return HD_CH_PRINTABLE;
}

const char *hd_char_kind_text(int kind) {
  switch (kind) {
  case HD_CH_CONTROL: return "control character";
  case HD_CH_BIDI: return "bidi control";
  case HD_CH_INVISIBLE: return "invisible format character";
  default: return "";
  }
}
