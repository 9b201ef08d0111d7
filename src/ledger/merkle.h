/* merkle.h: the register as a Merkle tree in the way of RFC 6962 / RFC 9162 (Certificate
 * Transparency), SHA-256: leaf = H(0x00 || entry), node = H(0x01 || left || right), the
 * tree over entries 1..n splitting at the largest power of two below n. Inclusion and
 * consistency proofs are RFC 9162 §2.1.3.1 and §2.1.4.1. Depends on libcrypto only. */
#ifndef HD_MERKLE_H
#define HD_MERKLE_H
#include <stddef.h>

#define HD_MERKLE_MAXPATH 64

void merkle_leaf(const void *entry, size_t len, unsigned char out[32]);
void merkle_node(const unsigned char left[32], const unsigned char right[32], unsigned char out[32]);

/* The root of a growing tree, leaf by leaf, in O(log n) memory: the perfect subtrees
 * that make up the first n leaves (a "compact range"). */
typedef struct hd_frontier {
  unsigned char h[HD_MERKLE_MAXPATH][32];
  int level[HD_MERKLE_MAXPATH];
  int n;               /* subtrees on the stack */
  long long size;      /* leaves added */
} hd_frontier;
void frontier_init(hd_frontier *f);
void frontier_add(hd_frontier *f, const unsigned char leaf[32]);
/* The tree head of the leaves added so far (SHA-256 of nothing for none). */
void frontier_root(const hd_frontier *f, unsigned char out[32]);

/* Over leaf hashes leaves[0..n-1]: the root; the audit path of leaf m (RFC 9162
 * §2.1.3.1, leaf's sibling first); the consistency proof from size m to n (§2.1.4.1).
 * path must hold HD_MERKLE_MAXPATH hashes; *count is set. 0, or -1 if m is out of range. */
void merkle_root(const unsigned char (*leaves)[32], long long n, unsigned char out[32]);
int merkle_path(const unsigned char (*leaves)[32], long long n, long long m,
                unsigned char (*path)[32], int *count);
int merkle_consistency(const unsigned char (*leaves)[32], long long n, long long m,
                       unsigned char (*path)[32], int *count);

#endif
