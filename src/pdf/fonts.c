/* fonts.c: fontconfig resolution, HarfBuzz faces, coverage and subsetting (fonts.h). */
#include "pdf/fonts.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <limits.h>
#include <stdint.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/cff.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/charclass.h"
#include "util/utf8.h"

#define SUBSET_CACHE 4

typedef struct cache_entry {
  uint64_t key;
  int n;
  uint32_t *cps;
  hd_subset s;
  unsigned char *z;
  uint16_t *gids;
  unsigned long tick;
} cache_entry;

struct hd_font {
  cache_entry cache[SUBSET_CACHE];
  unsigned long tick;
  char *family;     /* as written in the manifest */
  char *path;
  int index;
  hb_face_t *face;  /* for the cmap and the metrics */
  hb_face_t *pre;   /* preprocessed for subsetting, made by the first subset: a large
                       fallback font (HanaMin, 50 MB) costs time and memory only in a
                       document that uses it */
  hb_font_t *font;  /* scale = upem */
  int cff;          /* OpenType/CFF outlines (embedded as CIDFontType0), else TrueType */
  unsigned upem;
  int ascent, descent, cap, bbox[4];
};

const char *font_family(const hd_font *f) { return f->family; }
const char *font_path(const hd_font *f) { return f->path; }
int font_index(const hd_font *f) { return f->index; }
int font_is_cff(const hd_font *f) { return f->cff; }

void font_version(const hd_font *f, char *out, unsigned size) {
  unsigned n = size;
  if (!size) return;
  out[0] = '\0';
  if (!hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_VERSION_STRING, HB_LANGUAGE_INVALID, &n, out))
    out[0] = '\0';
  for (char *p = out; *p; p++) /* one line, whatever the font says */
    if ((unsigned char)*p < 0x20) *p = ' ';
  for (size_t k = strlen(out); k && out[k - 1] == ' '; k--) out[k - 1] = '\0';
}

static int to1000(const hd_font *f, long v) {
  double x = (double)v * 1000.0 / (double)f->upem;
  return (int)(x < 0 ? x - 0.5 : x + 0.5);
}

static void entry_release(cache_entry *e) {
  free(e->cps);
  free(e->z);
  free(e->gids);
  memset(e, 0, sizeof *e);
}

static void font_free(hd_font *f) {
  if (!f) return;
  for (int i = 0; i < SUBSET_CACHE; i++) entry_release(&f->cache[i]);
  hb_font_destroy(f->font);
  hb_face_destroy(f->pre);
  hb_face_destroy(f->face);
  free(f->family);
  free(f->path);
  free(f);
}

/* Which font of each role a character takes, and its advance there: layout asks for
 * every character several times (coverage, breaking, setting, drawing), and a cmap
 * lookup in a 65535-glyph CJK font is a binary search over thousands of groups. Direct
 * mapped; a miss asks HarfBuzz. */
#define PICK_SLOTS 4096
#define PICK_UNKNOWN (-2)
typedef struct pick_entry {
  uint32_t cp;
  int16_t font[HD_ROLES];
  int16_t adv[HD_ROLES];
} pick_entry;
struct hd_pick_cache {
  pick_entry e[PICK_SLOTS];
};

void fontset_free(hd_fontset *fs) {
  if (!fs) return;
  for (int i = 0; i < fs->n; i++) font_free(fs->fonts[i]);
  free(fs->cache);
  free(fs);
}

static int starts_with_dir(const char *path, const char *dir) {
  size_t n = dir ? strlen(dir) : 0;
  return n && strncmp(path, dir, n) == 0 && (path[n] == '/' || dir[n - 1] == '/');
}

/* Find the file for a fontconfig pattern: exact family (no substitution), a font in
 * fonts_dir first, then the weight nearest the requested one, then path and index so
 * the choice is the same on every run. */
static int resolve(FcConfig *cfg, const char *pattern, const char *fonts_dir, char **path,
                   int *index, hd_err *err) {
  FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
  if (!pat) return hd_err_set(err, HD_EFONT, "font pattern '%s' cannot be parsed", pattern);
  int want_weight = FC_WEIGHT_REGULAR;
  int has_weight = FcPatternGetInteger(pat, FC_WEIGHT, 0, &want_weight) == FcResultMatch;
  FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_FONTFORMAT, NULL);
  FcFontSet *set = FcFontList(cfg, pat, os);
  FcObjectSetDestroy(os);
  FcPatternDestroy(pat);
  (void)has_weight;
  long best = LONG_MAX;
  char *best_path = NULL;
  int best_index = 0;
  for (int i = 0; set && i < set->nfont; i++) {
    FcChar8 *file = NULL, *format = NULL;
    int idx = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &idx);
    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
    /* TrueType (glyf) and OpenType/CFF outlines; Type 1, bitmaps and CFF2 (variable)
     * fonts cannot be embedded as a CIDFont here. */
    if (FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &format) == FcResultMatch &&
        strcmp((const char *)format, "TrueType") != 0 && strcmp((const char *)format, "CFF") != 0)
      continue;
    long score = (starts_with_dir((const char *)file, fonts_dir) ? 0 : 1000000L) +
                 labs((long)weight - want_weight) * 100 + (slant != FC_SLANT_ROMAN) * 50000;
    if (score < best || (score == best && (strcmp((const char *)file, best_path) < 0 ||
                                           (!strcmp((const char *)file, best_path) && idx < best_index)))) {
      free(best_path);
      best_path = hd_strdup((const char *)file);
      best_index = idx;
      best = score;
    }
  }
  if (set) FcFontSetDestroy(set);
  if (!best_path)
    return hd_err_set(err, HD_EFONT,
                      "font '%s' not found (install it, e.g. the Debian fonts-* package, or "
                      "put a TrueType or OpenType/CFF file in the fonts/ directory)", pattern);
  *path = best_path;
  *index = best_index;
  return HD_OK;
}

static int read_head_bbox(hb_face_t *face, int bb[4]);

static int font_open(const char *family, const char *path, int index, hd_font **out,
                     hd_err *err) {
  hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
  if (!blob) return hd_err_set(err, HD_EFONT, "font '%s': cannot read '%s'", family, path);
  hb_face_t *face = hb_face_create(blob, (unsigned)index);
  hb_blob_destroy(blob);
  hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
  unsigned glyf_len = hb_blob_get_length(glyf);
  hb_blob_destroy(glyf);
  hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned cff_len = hb_blob_get_length(cff);
  hb_blob_destroy(cff);
  if ((glyf_len == 0 && cff_len == 0) || hb_face_get_upem(face) == 0) {
    hb_face_destroy(face);
    return hd_err_set(err, HD_EFONT, "font '%s' ('%s') has neither TrueType (glyf) nor CFF "
                      "outlines; CFF2 (variable) fonts cannot be embedded", family, path);
  }
  hd_font *f = calloc(1, sizeof *f);
  if (!f) {
    hb_face_destroy(face);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  f->family = hd_strdup(family);
  f->path = hd_strdup(path);
  f->index = index;
  f->cff = glyf_len == 0;
  f->upem = hb_face_get_upem(face);
  f->face = face;
  f->font = hb_font_create(f->face);
  hb_position_t v;
  f->ascent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)
                  ? to1000(f, v) : 880;
  f->descent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)
                   ? to1000(f, v) : -120;
  f->cap = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0
               ? to1000(f, v) : f->ascent;
  int bb[4] = {0, f->descent, 1000, f->ascent};
  if (read_head_bbox(f->face, bb)) for (int i = 0; i < 4; i++) bb[i] = to1000(f, bb[i]);
  memcpy(f->bbox, bb, sizeof bb);
  if (!f->family || !f->path) {
    font_free(f);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  *out = f;
  return HD_OK;
}

/* 'head' table: xMin, yMin, xMax, yMax are int16 at offset 36. */
static int read_head_bbox(hb_face_t *face, int bb[4]) {
  hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned len = 0;
  const unsigned char *p = (const unsigned char *)hb_blob_get_data(head, &len);
  int ok = p && len >= 44;
  for (int i = 0; ok && i < 4; i++) bb[i] = (int16_t)((p[36 + 2 * i] << 8) | p[37 + 2 * i]);
  hb_blob_destroy(head);
  return ok;
}

static int role_of(const char *name) {
  if (!strcmp(name, "body")) return HD_ROLE_BODY;
  if (!strcmp(name, "heading")) return HD_ROLE_HEADING;
  return -1;
}

int fontset_load(hd_fontset **out, const char *manifest, const char *fonts_dir, hd_err *err) {
  int rc = HD_OK;
  *out = NULL;
  hd_fontset *fs = calloc(1, sizeof *fs);
  if (!fs) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if (!FcInit()) {
    free(fs);
    return hd_err_set(err, HD_EFONT, "fontconfig cannot be initialised");
  }
  FcConfig *cfg = FcConfigGetCurrent();
  if (fonts_dir && !FcConfigAppFontAddDir(cfg, (const FcChar8 *)fonts_dir)) {
    /* An absent directory is fine: it only holds optional overrides. */
  }
  char resolved_dir[PATH_MAX] = "";
  if (fonts_dir && !realpath(fonts_dir, resolved_dir)) resolved_dir[0] = '\0';
  const char *text = manifest ? manifest : (const char *)hd_embed_font_manifest;
  int lineno = 0;
  const char *line = text;
  while (*line && rc == HD_OK) {
    const char *eol = strchr(line, '\n');
    size_t n = eol ? (size_t)(eol - line) : strlen(line);
    char buf[512];
    lineno++;
    if (n >= sizeof buf) {
      rc = hd_err_set(err, HD_EFONT, "font manifest:%d: line too long", lineno);
      break;
    }
    memcpy(buf, line, n);
    buf[n] = '\0';
    line = eol ? eol + 1 : line + n;
    char *p = buf;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '#' || *p == '\0' || *p == '\r') continue;
    char *sp = p;
    while (*sp && *sp != ' ' && *sp != '\t') sp++;
    if (!*sp) {
      rc = hd_err_set(err, HD_EFONT, "font manifest:%d: expected 'ROLE FAMILY'", lineno);
      break;
    }
    *sp++ = '\0';
    while (*sp == ' ' || *sp == '\t') sp++;
    char *end = sp + strlen(sp);
    while (end > sp && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t')) *--end = '\0';
    int role = role_of(p);
    if (role < 0) {
      rc = hd_err_set(err, HD_EFONT, "font manifest:%d: unknown role '%s' (body, heading)",
                      lineno, p);
      break;
    }
    char *path = NULL;
    int index = 0;
    if ((rc = resolve(cfg, sp, resolved_dir[0] ? resolved_dir : NULL, &path, &index, err)))
      break;
    int fi = -1;
    for (int i = 0; i < fs->n; i++)
      if (!strcmp(fs->fonts[i]->path, path) && fs->fonts[i]->index == index) fi = i;
    if (fi < 0) {
      if (fs->n == HD_FONTS_MAX) {
        free(path);
        rc = hd_err_set(err, HD_EFONT, "font manifest:%d: more than %d fonts", lineno,
                        HD_FONTS_MAX);
        break;
      }
      rc = font_open(sp, path, index, &fs->fonts[fs->n], err);
      if (rc == HD_OK) fi = fs->n++;
    }
    free(path);
    if (rc == HD_OK && fs->chain_len[role] < HD_FONTS_MAX)
      fs->chain[role][fs->chain_len[role]++] = fi;
  }
  if (rc == HD_OK && fs->chain_len[HD_ROLE_BODY] == 0)
    rc = hd_err_set(err, HD_EFONT, "font manifest names no 'body' font");
  if (rc != HD_OK) {
    fontset_free(fs);
    return rc;
  }
  fs->cache = malloc(sizeof *fs->cache);
  if (fs->cache)
    for (int i = 0; i < PICK_SLOTS; i++) {
      /* A slot holds no character yet: i + 1 never maps to slot i. */
      fs->cache->e[i].cp = (uint32_t)i + 1;
      for (int r = 0; r < HD_ROLES; r++) fs->cache->e[i].font[r] = PICK_UNKNOWN;
    }
  /* Every role falls back to the body chain. */
  for (int r = 1; r < HD_ROLES; r++)
    for (int i = 0; i < fs->chain_len[HD_ROLE_BODY] && fs->chain_len[r] < HD_FONTS_MAX; i++)
      fs->chain[r][fs->chain_len[r]++] = fs->chain[HD_ROLE_BODY][i];
  *out = fs;
  return HD_OK;
}

static int advance_of(const hd_fontset *fs, int f, uint32_t cp) {
  hb_codepoint_t g = 0;
  hb_font_get_nominal_glyph(fs->fonts[f]->font, cp, &g);
  return to1000(fs->fonts[f], hb_font_get_glyph_h_advance(fs->fonts[f]->font, g));
}

static int pick_uncached(const hd_fontset *fs, int role, uint32_t cp) {
  hb_codepoint_t g;
  if (hd_char_kind(cp, NULL) != HD_CH_PRINTABLE) return -1; /* never drawn */
  for (int i = 0; i < fs->chain_len[role]; i++) {
    int f = fs->chain[role][i];
    if (hb_font_get_nominal_glyph(fs->fonts[f]->font, cp, &g) && g != 0) return f;
  }
  return -1;
}

int fontset_pick(const hd_fontset *fs, int role, uint32_t cp) {
  pick_entry *e = fs->cache ? &fs->cache->e[cp % PICK_SLOTS] : NULL;
  if (e && e->cp == cp && e->font[role] != PICK_UNKNOWN) return e->font[role];
  int f = pick_uncached(fs, role, cp);
  if (e) {
    if (e->cp != cp) {
      e->cp = cp;
      for (int r = 0; r < HD_ROLES; r++) e->font[r] = PICK_UNKNOWN;
    }
    e->font[role] = (int16_t)f;
    e->adv[role] = (int16_t)(f >= 0 ? advance_of(fs, f, cp) : 0);
  }
  return f;
}

int fontset_advance(const hd_fontset *fs, int f, uint32_t cp) {
  const pick_entry *e = fs->cache ? &fs->cache->e[cp % PICK_SLOTS] : NULL;
  if (e && e->cp == cp)
    for (int r = 0; r < HD_ROLES; r++)
      if (e->font[r] == f) return e->adv[r];
  return advance_of(fs, f, cp);
}

double fontset_text_width(const hd_fontset *fs, int role, const char *s, size_t len,
                          double size) {
  size_t i = 0;
  uint32_t cp;
  long w = 0;
  while (hd_utf8_next(s, len, &i, &cp) == 1) {
    int f = fontset_pick(fs, role, cp);
    if (f >= 0) w += fontset_advance(fs, f, cp);
  }
  return (double)w * size / 1000.0;
}

int fontset_check_text(const hd_fontset *fs, int role, const char *s, size_t len, hd_err *err) {
  size_t i = 0, bad = 0;
  uint32_t cp;
  if (!hd_utf8_valid(s, len, &bad))
    return hd_err_set(err, HD_EDATA, "invalid UTF-8 at byte %zu", bad);
  while (hd_utf8_next(s, len, &i, &cp) == 1) {
    if (cp == '\n') continue;
    const char *name;
    int kind = hd_char_kind(cp, &name);
    if (kind == HD_CH_CONTROL)
      return hd_err_set(err, HD_EDATA, "control character U+%04X at character %zu",
                        (unsigned)cp, hd_utf8_count(s, i));
    if (kind != HD_CH_PRINTABLE)
      return hd_err_set(err, HD_EDATA, "character U+%04X (%s, %s %s) at character %zu cannot be "
                        "printed", (unsigned)cp, name, kind == HD_CH_INVISIBLE ? "an" : "a",
                        hd_char_kind_text(kind),
                        hd_utf8_count(s, i));
    if (fontset_pick(fs, role, cp) < 0) {
      char enc[5] = {0};
      hd_utf8_encode(cp, enc);
      return hd_err_set(err, HD_EDATA, "character U+%04X (%s) at character %zu cannot be "
                        "printed by any configured font", (unsigned)cp, enc, hd_utf8_count(s, i));
    }
  }
  return HD_OK;
}

void font_metrics(const hd_font *f, int *ascent, int *descent, int *cap, int bbox[4]) {
  *ascent = f->ascent;
  *descent = f->descent;
  *cap = f->cap;
  memcpy(bbox, f->bbox, sizeof f->bbox);
}

/* gids[i] (glyph ids of the CFF subset p[0..len)) become the CIDs its charset gives
 * them: the codes a CIDFontType0 is addressed by. */
static int cff_codes(const hd_font *f, const unsigned char *p, unsigned len, uint16_t *gids,
                     int n, hd_err *err) {
  unsigned ng = 0;
  int keyed = 0;
  if (len == 0 || cff_glyph_cids(p, len, &ng, &keyed, NULL, 0))
    return hd_err_set(err, HD_EFONT, "font '%s': its CFF subset cannot be read", f->family);
  uint16_t *cids = malloc((size_t)ng * sizeof *cids);
  if (!cids) return hd_err_set(err, HD_ENOMEM, "out of memory");
  int rc = HD_OK;
  if (cff_glyph_cids(p, len, &ng, &keyed, cids, ng))
    rc = hd_err_set(err, HD_EFONT, "font '%s': its CFF subset cannot be read", f->family);
  for (int i = 0; rc == HD_OK && i < n; i++) {
    if (gids[i] >= ng || cids[gids[i]] == 0) {
      rc = hd_err_set(err, HD_EFONT, "font '%s': glyph %u missing from its CFF subset",
                      f->family, (unsigned)gids[i]);
      break;
    }
    gids[i] = cids[gids[i]];
  }
  free(cids);
  return rc;
}

/* Cut the font down to the given code points (sorted ascending, unique). On success
 * *data and *len hold the font program to embed (caller frees *data) and gids[i] the
 * code of cps[i] in the content stream: for TrueType the whole subset font (FontFile2)
 * and the glyph id of cps[i] in it (/CIDToGIDMap /Identity); for OpenType/CFF the bare
 * CFF table of the subset (FontFile3 /CIDFontType0C) and the CID that its charset gives
 * the glyph (hb-subset keeps a CID-keyed font CID-keyed, with the source's CIDs). */
static int font_subset(const hd_font *f, const uint32_t *cps, int n, unsigned char **data,
                       unsigned *len, uint16_t *gids, hd_err *err) {
  static const hb_tag_t DROP[] = {
      HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
      HB_TAG('B', 'A', 'S', 'E'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
      HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C'),
      HB_TAG('C', 'B', 'D', 'T'), HB_TAG('C', 'B', 'L', 'C'), HB_TAG('s', 'b', 'i', 'x'),
      HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('h', 'd', 'm', 'x'),
      HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('g', 'a', 's', 'p'),
      HB_TAG('n', 'a', 'm', 'e'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('f', 'e', 'a', 't'),
      /* A CIDFontType2 font with /CIDToGIDMap /Identity is addressed by glyph id: PDF
       * readers do not use its cmap (ISO 32000-1, 9.7.4.2), and text extraction has the
       * ToUnicode map. The glyph ids come from the subset plan instead. */
      HB_TAG('c', 'm', 'a', 'p')};
  hb_subset_input_t *in = hb_subset_input_create_or_fail();
  if (!in) return hd_err_set(err, HD_ENOMEM, "out of memory");
  hb_set_t *u = hb_subset_input_unicode_set(in);
  for (int i = 0; i < n; i++) hb_set_add(u, cps[i]);
  hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  /* A CFF font is embedded as its CFF table alone: metrics come from /W, so the subset
   * needs no other table (each costs time to cut). */
  static const hb_tag_t DROP_CFF[] = {
      HB_TAG('h', 'm', 't', 'x'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('O', 'S', '/', '2'),
      HB_TAG('p', 'o', 's', 't'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('c', 'v', 't', ' '),
      HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p')};
  hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (size_t i = 0; i < sizeof DROP / sizeof DROP[0]; i++) hb_set_add(drop, DROP[i]);
  for (size_t i = 0; f->cff && i < sizeof DROP_CFF / sizeof DROP_CFF[0]; i++)
    hb_set_add(drop, DROP_CFF[i]);
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | (f->cff ? HB_SUBSET_FLAGS_DESUBROUTINIZE : 0));
  hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->pre, in);
  hb_subset_input_destroy(in);
  if (!plan) return hd_err_set(err, HD_EFONT, "font '%s': subsetting failed", f->family);
  const hb_map_t *u2o = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
  const hb_map_t *o2n = hb_subset_plan_old_to_new_glyph_mapping(plan);
  int rc = HD_OK;
  for (int i = 0; i < n; i++) {
    hb_codepoint_t old = hb_map_get(u2o, cps[i]);
    hb_codepoint_t g = old == HB_MAP_VALUE_INVALID ? old : hb_map_get(o2n, old);
    if (g == HB_MAP_VALUE_INVALID || g == 0 || g > 0xFFFF) {
      rc = hd_err_set(err, HD_EFONT, "font '%s': U+%04X missing from its subset", f->family,
                      (unsigned)cps[i]);
      break;
    }
    gids[i] = (uint16_t)g;
  }
  hb_face_t *sub = rc == HD_OK ? hb_subset_plan_execute_or_fail(plan) : NULL;
  hb_subset_plan_destroy(plan);
  if (rc) return rc;
  if (!sub) return hd_err_set(err, HD_EFONT, "font '%s': subsetting failed", f->family);
  if (rc == HD_OK) {
    hb_blob_t *blob = f->cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '))
                             : hb_face_reference_blob(sub);
    unsigned l = 0;
    const char *d = hb_blob_get_data(blob, &l);
    if (f->cff) rc = cff_codes(f, (const unsigned char *)d, l, gids, n, err);
    *data = rc ? NULL : malloc(l ? l : 1);
    if (rc) {
    } else if (!*data) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    } else {
      memcpy(*data, d, l);
      *len = l;
    }
    hb_blob_destroy(blob);
  }
  hb_face_destroy(sub);
  return rc;
}

/* Six capital letters from a hash of the font and its characters: the same subset gets
 * the same tag on every run. */
static uint64_t subset_key(const hd_font *f, const uint32_t *cps, int n) {
  uint64_t h = 1469598103934665603ULL;
  for (const char *p = f->family; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  for (int i = 0; i < n; i++) h = (h ^ cps[i]) * 1099511628211ULL;
  return h;
}

int font_subset_cached(hd_font *f, const uint32_t *cps, int n, const hd_subset **out,
                       hd_err *err) {
  uint64_t key = subset_key(f, cps, n);
  f->tick++;
  int victim = 0;
  for (int i = 0; i < SUBSET_CACHE; i++) {
    cache_entry *e = &f->cache[i];
    if (e->cps && e->key == key && e->n == n && memcmp(e->cps, cps, (size_t)n * sizeof *cps) == 0) {
      e->tick = f->tick;
      *out = &e->s;
      return HD_OK;
    }
    if (e->tick < f->cache[victim].tick) victim = i;
  }
  cache_entry fresh;
  memset(&fresh, 0, sizeof fresh);
  unsigned char *raw = NULL;
  unsigned raw_len = 0;
  fresh.gids = malloc((size_t)n * sizeof *fresh.gids);
  fresh.cps = malloc((size_t)n * sizeof *fresh.cps);
  if (!fresh.gids || !fresh.cps) {
    entry_release(&fresh);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  memcpy(fresh.cps, cps, (size_t)n * sizeof *cps);
  /* hb_subset_preprocess pays off for TrueType (0.1 ms a subset instead of 0.3). For a
   * CFF font it builds the subset accelerator of every one of 65535 glyphs: 2.5 s for
   * Noto Serif CJK, while a plan on the face itself (whose CFF accelerator HarfBuzz keeps
   * with the face) costs ~1 ms. So a CFF face is its own. */
  if (!f->pre && f->cff) f->pre = hb_face_reference(f->face);
  if (!f->pre && !(f->pre = hb_subset_preprocess(f->face))) {
    entry_release(&fresh);
    return hd_err_set(err, HD_ENOMEM, "out of memory preparing font '%s'", f->family);
  }
  int rc = font_subset(f, cps, n, &raw, &raw_len, fresh.gids, err);
  if (rc) {
    entry_release(&fresh);
    return rc;
  }
  uLongf zlen = compressBound(raw_len);
  fresh.z = malloc(zlen);
  /* Level 1: measured 0.6 ms less per certificate than level 6 for 1 KB (3.5%) more;
   * the cache makes repeated character sets (the title) free. */
  if (!fresh.z || compress2(fresh.z, &zlen, raw, raw_len, 1) != Z_OK) {
    free(raw);
    entry_release(&fresh);
    return hd_err_set(err, HD_ENOMEM, "out of memory compressing font '%s'", f->family);
  }
  free(raw);
  fresh.key = key;
  fresh.n = n;
  fresh.tick = f->tick;
  fresh.s.zdata = fresh.z;
  fresh.s.zlen = zlen;
  fresh.s.raw_len = raw_len;
  fresh.s.gids = fresh.gids;
  for (int i = 0; i < 6; i++) {
    fresh.s.tag[i] = (char)('A' + key % 26);
    key /= 26;
  }
  fresh.s.tag[6] = '\0';
  entry_release(&f->cache[victim]);
  f->cache[victim] = fresh;
  f->cache[victim].s.zdata = f->cache[victim].z;
  f->cache[victim].s.gids = f->cache[victim].gids;
  *out = &f->cache[victim].s;
  return HD_OK;
}
