/* Fuzz harness: template loading must never crash or hang, whatever the bytes; a
 * template that loads has a name. */
#include <stdint.h>
#include <stdlib.h>

#include "template/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  hd_err err;
  hd_template *t = NULL;
  hd_err_clear(&err);
  if (tmpl_load_memory("fuzz.xml", (const char *)data, size, &t, &err) == HD_OK) {
    if (!tmpl_name(t)) abort();
    tmpl_free(t);
  } else if (err.msg[0] == '\0') {
    abort();
  }
  return 0;
}
