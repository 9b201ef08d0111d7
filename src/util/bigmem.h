/* bigmem.h: large growable zero-filled arrays in memory mapped for them (Linux mmap and
 * mremap: grown without copying), optionally shared with child processes made after
 * they were (a memfd the children can map again as it grows). Depends on nothing. */
#ifndef HD_BIGMEM_H
#define HD_BIGMEM_H
#include <stddef.h>

typedef struct hd_big {
  void *p;      /* NULL until the first reserve; every byte not yet written is zero */
  size_t cap;   /* bytes mapped */
  int shared;   /* set before the first reserve: MAP_SHARED, in the file fd */
  int fd;       /* shared: the memory's file (a memfd), for hd_big_view */
  size_t committed; /* shared: bytes the file has memory for (hd_big_commit) */
} hd_big;

/* Make b hold at least need bytes, keeping what it holds (b->p may move). 0, or -1 if the
 * memory could not be had (b unchanged). */
int hd_big_reserve(hd_big *b, size_t need);
/* Shared b: have the memory for its first upto bytes now (in steps), so that memory the
 * system cannot give is -1 here rather than a signal when the bytes are written (shared
 * memory is not counted when it is mapped). 0 at once for a b that is not shared. */
int hd_big_commit(hd_big *b, size_t upto);
/* Unmap (and close); b is left empty. Accepts an empty b. */
void hd_big_release(hd_big *b);
/* In a child process: a read-only view of the first len bytes of a shared b as its parent
 * has grown it since (len no more than the parent's cap). NULL if it cannot be mapped;
 * unmap with munmap(view, len). */
void *hd_big_view(const hd_big *b, size_t len);

#endif
