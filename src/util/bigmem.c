/* bigmem.c: large arrays in mappings of their own (bigmem.h). Pages are the kernel's
 * ordinary ones: asking for transparent huge pages (madvise) makes the first touch of each
 * 2 MB cheaper, but on a virtual machine whose host takes back the memory a guest frees
 * (virtio-balloon free page reporting) those are exactly the blocks the host took, and
 * touching them again cost the 100000-case register's verification 0.8 s more, not less. */
#include "util/bigmem.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <stdint.h>
#include <unistd.h>

#define FIRST ((size_t)2 << 20)

int hd_big_reserve(hd_big *b, size_t need) {
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : FIRST;
  while (cap < need) {
    if (cap > SIZE_MAX / 2) return -1;
    cap *= 2;
  }
  void *p;
  if (!b->shared) {
    p = b->p ? mremap(b->p, b->cap, cap, MREMAP_MAYMOVE)
             : mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  } else {
    int fd = b->p ? b->fd : memfd_create("hdreg", MFD_CLOEXEC);
    if (fd < 0) return -1;
    if (ftruncate(fd, (off_t)cap) != 0) {
      if (!b->p) close(fd);
      return -1;
    }
    p = b->p ? mremap(b->p, b->cap, cap, MREMAP_MAYMOVE)
             : mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED && !b->p) close(fd);
    if (p != MAP_FAILED) b->fd = fd;
  }
  if (p == MAP_FAILED) return -1;
  b->p = p;
  b->cap = cap;
  return 0;
}

#define COMMIT_STEP ((size_t)16 << 20)

int hd_big_commit(hd_big *b, size_t upto) {
  if (!b->shared || upto <= b->committed) return 0;
  size_t to = upto - b->committed < COMMIT_STEP ? b->committed + COMMIT_STEP : upto;
  if (to > b->cap) to = b->cap;
  if (upto > to) return -1;
  if (fallocate(b->fd, FALLOC_FL_KEEP_SIZE, (off_t)b->committed, (off_t)(to - b->committed)) != 0)
    return -1;
  b->committed = to;
  return 0;
}

void hd_big_release(hd_big *b) {
  if (b->p) munmap(b->p, b->cap);
  if (b->p && b->shared) close(b->fd);
  b->p = NULL;
  b->cap = b->committed = 0;
}

void *hd_big_view(const hd_big *b, size_t len) {
  if (!b->shared || !b->p || !len) return NULL;
  void *v = mmap(NULL, len, PROT_READ, MAP_SHARED, b->fd, 0);
  return v == MAP_FAILED ? NULL : v;
}
