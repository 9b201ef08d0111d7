/* fonts.h: font roles resolved through fontconfig (fonts/manifest.txt; a font in the
 * project's fonts/ directory wins), per-character fallback along a role's chain, and
 * metrics in PDF text units. Depends on fontconfig and HarfBuzz. */
#ifndef HD_FONTS_H
#define HD_FONTS_H
#include <stdint.h>
#include "util/diag.h"

#define HD_FONTS_MAX 8
#define HD_ROLE_BODY 0
#define HD_ROLE_HEADING 1
#define HD_ROLES 2

typedef struct hd_font hd_font;  /* opaque: one face of one font file */

struct hd_pick_cache;
typedef struct hd_fontset {
  hd_font *fonts[HD_FONTS_MAX];
  int n;
  int chain[HD_ROLES][HD_FONTS_MAX];  /* indexes into fonts, per role, fallback order */
  int chain_len[HD_ROLES];
  struct hd_pick_cache *cache;        /* recent characters' fonts and advances (one
                                         process or worker per fontset, as the subsets) */
} hd_fontset;

/* Resolve the manifest (text; NULL = the built-in fonts/manifest.txt) with fontconfig.
 * fonts_dir (may be NULL) is searched first. Returns HD_OK or HD_EFONT naming the
 * family that cannot be found or has neither TrueType nor CFF outlines. Free with fontset_free. */
int fontset_load(hd_fontset **out, const char *manifest, const char *fonts_dir, hd_err *err);
void fontset_free(hd_fontset *fs);

/* The font of role `role` that covers cp, or -1 if none does. Control characters, bidi
 * controls and invisible format characters (util/charclass.h) are never covered: they are
 * not drawn, whatever a font has. */
int fontset_pick(const hd_fontset *fs, int role, uint32_t cp);
/* Advance of cp in font f, in 1/1000 em (as written in the PDF /W array). */
int fontset_advance(const hd_fontset *fs, int f, uint32_t cp);
/* Width in points of UTF-8 text (must be valid and covered) at size. */
double fontset_text_width(const hd_fontset *fs, int role, const char *s, size_t len, double size);
/* Check that every character of s can be printed in role (a line break can); on failure
 * sets err to "character U+XXXX (c) at character N cannot be printed by any configured
 * font", "character U+XXXX (NAME, a bidi control) at character N cannot be printed",
 * "control character U+XXXX at character N" or "invalid UTF-8 at byte N" and returns
 * HD_EDATA. */
int fontset_check_text(const hd_fontset *fs, int role, const char *s, size_t len, hd_err *err);

/* For the PDF writer. */
const char *font_family(const hd_font *f);
const char *font_path(const hd_font *f);
/* The face's index in its file (a .ttc holds several). */
int font_index(const hd_font *f);
/* The face's version string (OpenType name ID 5, e.g. "Version 2.001;hotconv 1.0.118")
 * into out, "" if it has none (hdreg --version). */
void font_version(const hd_font *f, char *out, unsigned size);
/* 1 for OpenType/CFF outlines (embedded as CIDFontType0, FontFile3 /CIDFontType0C), 0 for
 * TrueType (CIDFontType2, FontFile2). */
int font_is_cff(const hd_font *f);
/* A font program cut to a character set and deflated, as embedded: the subset TrueType
 * font (FontFile2) or the subset's bare CFF table (FontFile3). Owned by the font's cache:
 * valid until fontset_free. */
typedef struct hd_subset {
  const unsigned char *zdata;  /* zlib stream */
  unsigned long zlen;
  unsigned raw_len;            /* /Length1 */
  const uint16_t *gids;        /* code (CID) of each requested code point: the glyph id of
                                  a TrueType subset, the charset's CID of a CFF one */
  char tag[7];                 /* subset tag: six capital letters */
} hd_subset;

/* Subset for cps (sorted ascending, unique, n > 0), from a small per-font cache: the same
 * character set (a certificate's title, the seal label) is cut and compressed once per
 * process. Not thread-safe: one fontset per worker. */
int font_subset_cached(hd_font *f, const uint32_t *cps, int n, const hd_subset **out,
                       hd_err *err);

/* Descriptor metrics in 1/1000 em: ascent, descent (negative), cap height, bbox. */
void font_metrics(const hd_font *f, int *ascent, int *descent, int *cap, int bbox[4]);

#endif
