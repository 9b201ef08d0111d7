/* cff.h: the little of a CFF font program (Adobe TN #5176) that embedding needs: whether
 * it is CID-keyed and which CID each glyph has (its charset). Bounds-checked: the input
 * is a table that hb-subset wrote, but a font file is input all the same. libc only. */
#ifndef HD_CFF_H
#define HD_CFF_H
#include <stddef.h>
#include <stdint.h>

/* Read the CFF table p[0..len): *n_glyphs (from the CharStrings INDEX), *cid_keyed (the
 * Top DICT has ROS). With cids non-NULL (room for max entries) cids[g] receives the CID
 * of glyph g for g < min(n_glyphs, max): from the charset if CID-keyed, else g (a PDF
 * reader addresses a name-keyed CFF in a CIDFontType0 by glyph id, ISO 32000-1 9.7.4.2).
 * Returns 0, or -1 if the table is malformed or uses a predefined charset. */
int cff_glyph_cids(const unsigned char *p, size_t len, unsigned *n_glyphs, int *cid_keyed,
                   uint16_t *cids, unsigned max);

#endif
