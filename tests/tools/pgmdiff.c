/* pgmdiff: compare two binary PGM images (P5, 8 bit) of the same size. Prints
 * "N of M pixels differ by more than T" and exits 0 if that share is at most MAX
 * (per mille), 1 if more, 2 on unreadable input or a size mismatch.
 * usage: pgmdiff A.pgm B.pgm [T=64] [MAX_PERMILLE=5] */
#include <stdio.h>
#include <stdlib.h>

static unsigned char *load(const char *path, int *w, int *h) {
  FILE *f = fopen(path, "rb");
  int maxv;
  if (!f) return NULL;
  if (fscanf(f, "P5 %d %d %d", w, h, &maxv) != 3 || maxv != 255 || *w <= 0 || *h <= 0 ||
      *w > 20000 || *h > 20000) {
    fclose(f);
    return NULL;
  }
  fgetc(f);
  size_t n = (size_t)*w * (size_t)*h;
  unsigned char *p = malloc(n);
  if (p && fread(p, 1, n, f) != n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  return p;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: pgmdiff A.pgm B.pgm [threshold] [max-per-mille]\n");
    return 2;
  }
  int t = argc > 3 ? atoi(argv[3]) : 64, maxpm = argc > 4 ? atoi(argv[4]) : 5;
  int wa, ha, wb, hb;
  unsigned char *a = load(argv[1], &wa, &ha), *b = load(argv[2], &wb, &hb);
  if (!a || !b || wa != wb || ha != hb) {
    fprintf(stderr, "pgmdiff: cannot compare '%s' and '%s'\n", argv[1], argv[2]);
    free(a);
    free(b);
    return 2;
  }
  long n = (long)wa * ha, diff = 0;
  for (long i = 0; i < n; i++) diff += abs(a[i] - b[i]) > t;
  printf("%ld of %ld pixels differ by more than %d\n", diff, n, t);
  free(a);
  free(b);
  return diff * 1000 > (long)maxpm * n ? 1 : 0;
}
