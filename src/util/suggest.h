/* suggest.h: "did you mean" for misspelt names (parameters, fields of a fixture case):
 * the nearest of a set of names by edit distance. libc only. */
#ifndef HD_SUGGEST_H
#define HD_SUGGEST_H

/* Edit distance (insertions, deletions, substitutions) of two names of at most 40 bytes;
 * 99 for longer ones. */
int hd_edit_distance(const char *a, const char *b);

/* Keeps the best candidate offered so far: closest within 2 edits, the alphabetically
 * first of equals. Start with {NULL, 3}; offer every name; best is NULL if none is near. */
typedef struct hd_suggest { const char *best; int dist; } hd_suggest;
void hd_suggest_offer(hd_suggest *s, const char *word, const char *candidate);

#endif
