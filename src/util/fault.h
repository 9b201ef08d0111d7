/* fault.h: named fault-injection points for the fault tests (tests/fault). The variable
 * HDREG_FAULT="point" fires at every hit of that point, "point:N" only at the Nth hit.
 * Points: write (full disk while writing a document), commit (database failure before
 * a document's commit), crash-after-allocate (the process dies after a certificate
 * number is committed), internal (an internal error at the start of a run),
 * crash-after-checkpoint (the process dies between a checkpoint's note and its count),
 * crash-mid-checkpoint (the process dies with half the checkpoint's note written),
 * checkpoint-disk-full (the checkpoint's note written short: the disk full). */
#ifndef HD_FAULT_H
#define HD_FAULT_H

int hd_fault(const char *point);

#endif
