/* layering_probe.c: compiled by tests/unit/layering.sh as a source of the store stage
 * (target layering_probe, linked to hdreg_store only). With LAYERING_PROBE_AGAINST it
 * includes a header of a stage downstream of store, which must fail to compile; without
 * it, a header store may use, which must compile. */
#ifdef LAYERING_PROBE_AGAINST
#include "procedure/procedure.h"
#else
#include "store/store.h"
#include "util/buf.h"
#endif
int layering_probe(void);
int layering_probe(void) { return 0; }
