/* merkle.c: RFC 6962 tree hashes and proofs (merkle.h). */
#include "ledger/merkle.h"

#include <openssl/evp.h>
#include <string.h>

#include "util/sha256.h"

/* One digest context for the process (hdreg is single-threaded; workers fork). */
static EVP_MD_CTX *ctx(void) {
  static EVP_MD_CTX *c;
  if (!c) c = EVP_MD_CTX_new();
  return c;
}

static void digest2(unsigned char tag, const void *a, size_t alen, const void *b, size_t blen,
                    unsigned char out[32]) {
  EVP_MD_CTX *c = ctx();
  unsigned n = 0;
  if (!c || !EVP_DigestInit_ex2(c, hd_sha256_md(), NULL) || !EVP_DigestUpdate(c, &tag, 1) ||
      (alen && !EVP_DigestUpdate(c, a, alen)) || (blen && !EVP_DigestUpdate(c, b, blen)) ||
      !EVP_DigestFinal_ex(c, out, &n))
    memset(out, 0, 32); /* never matches a real hash: verification then fails loudly */
}

void merkle_leaf(const void *entry, size_t len, unsigned char out[32]) {
  digest2(0x00, entry, len, NULL, 0, out);
}

void merkle_node(const unsigned char left[32], const unsigned char right[32], unsigned char out[32]) {
  digest2(0x01, left, 32, right, 32, out);
}

static void empty_root(unsigned char out[32]) {
  EVP_MD_CTX *c = ctx();
  unsigned n = 0;
  if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL) || !EVP_DigestFinal_ex(c, out, &n))
    memset(out, 0, 32);
}

void frontier_init(hd_frontier *f) { memset(f, 0, sizeof *f); }

void frontier_add(hd_frontier *f, const unsigned char leaf[32]) {
  memcpy(f->h[f->n], leaf, 32);
  f->level[f->n++] = 0;
  while (f->n >= 2 && f->level[f->n - 1] == f->level[f->n - 2]) {
    merkle_node(f->h[f->n - 2], f->h[f->n - 1], f->h[f->n - 2]);
    f->level[f->n - 2]++;
    f->n--;
  }
  f->size++;
}

void frontier_root(const hd_frontier *f, unsigned char out[32]) {
  if (!f->n) {
    empty_root(out);
    return;
  }
  /* The smaller subtrees on the right fold into the larger ones on the left. */
  unsigned char acc[32];
  memcpy(acc, f->h[f->n - 1], 32);
  for (int i = f->n - 2; i >= 0; i--) merkle_node(f->h[i], acc, acc);
  memcpy(out, acc, 32);
}

static long long split(long long n) { /* largest power of two < n (n > 1) */
  long long k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

void merkle_root(const unsigned char (*leaves)[32], long long n, unsigned char out[32]) {
  if (n == 0) {
    empty_root(out);
    return;
  }
  if (n == 1) {
    memcpy(out, leaves[0], 32);
    return;
  }
  long long k = split(n);
  unsigned char l[32], r[32];
  merkle_root(leaves, k, l);
  merkle_root(leaves + k, n - k, r);
  merkle_node(l, r, out);
}

static void path_of(const unsigned char (*d)[32], long long n, long long m,
                    unsigned char (*path)[32], int *count) {
  if (n <= 1) return;
  long long k = split(n);
  if (m < k) {
    path_of(d, k, m, path, count);
    merkle_root(d + k, n - k, path[(*count)++]);
  } else {
    path_of(d + k, n - k, m - k, path, count);
    merkle_root(d, k, path[(*count)++]);
  }
}

int merkle_path(const unsigned char (*leaves)[32], long long n, long long m,
                unsigned char (*path)[32], int *count) {
  *count = 0;
  if (m < 0 || m >= n) return -1;
  path_of(leaves, n, m, path, count);
  return 0;
}

static void subproof(const unsigned char (*d)[32], long long n, long long m, int whole,
                     unsigned char (*path)[32], int *count) {
  if (m == n) {
    if (!whole) merkle_root(d, n, path[(*count)++]);
    return;
  }
  long long k = split(n);
  if (m <= k) {
    subproof(d, k, m, whole, path, count);
    merkle_root(d + k, n - k, path[(*count)++]);
  } else {
    subproof(d + k, n - k, m - k, 0, path, count);
    merkle_root(d, k, path[(*count)++]);
  }
}

int merkle_consistency(const unsigned char (*leaves)[32], long long n, long long m,
                       unsigned char (*path)[32], int *count) {
  *count = 0;
  if (m < 0 || m > n) return -1;
  if (m == 0 || m == n) return 0;
  subproof(leaves, n, m, 1, path, count);
  return 0;
}
