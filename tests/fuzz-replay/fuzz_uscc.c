/* Fuzz harness: the USCC validator must never crash, and its verdict must be stable
 * under normalisation (a code valid as given stays valid and unchanged). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/uscc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = '\0';
  hd_uscc_report a, b;
  int ra = hd_uscc_validate(s, 0, &a);
  int rb = hd_uscc_validate(s, 1, &b);
  if (ra == HD_USCC_OK && (rb != HD_USCC_OK || strcmp(a.code, b.code) != 0 || b.normalised))
    abort();
  if (ra == HD_USCC_OK && strlen(a.code) != 18) abort();
  free(s);
  return 0;
}
