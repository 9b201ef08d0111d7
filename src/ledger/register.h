/* register.h: the register checked against its published checkpoints, the nightly
 * checkpoint, and the proofs a third party checks (docs/verification.md; formats in
 * docs/schema.md, "Proof files"). Depends on ledger/chain.h, merkle.h, checkpoint.h. */
#ifndef HD_REGISTER_H
#define HD_REGISTER_H
#include <sqlite3.h>
#include "ledger/chain.h"
#include "util/diag.h"

struct hd_signer;

typedef struct hd_audit {
  hd_chain_report chain;
  int checkpoints;          /* notes in the checkpoints file, all extended (a note repeated
                               byte for byte counts once: it is one checkpoint published) */
  long long last_size;      /* the last note's tree size */
  char last_date[11];
} hd_audit;

/* Verify the register (chain_verify) and, with checkpoints (a file; a missing one is
 * only allowed if missing_ok), that it extends every note there: signed with the QR key
 * of keys_dir (required then), for this register's origin, not truncated, not rewritten.
 * HD_OK, or HD_EDATA with the first problem in err (all in a->chain.list). parallel:
 * hd_chain_opts.parallel; integrity_path: hd_chain_opts.integrity_path. Free with register_audit_free. */
int register_audit(sqlite3 *db, const char *checkpoints, int missing_ok, const char *keys_dir,
                   int parallel, const char *integrity_path, hd_audit *a, hd_err *err);
void register_audit_free(hd_audit *a);
/* The register's origin (setting register_origin) into out. */
int register_origin(sqlite3 *db, char *out, size_t size, hd_err *err);
/* Sign a checkpoint of the register as a (just audited), append it to checkpoints, then
 * count it (counter checkpoints_published, one entry on the chain); *published 1. When
 * the register holds nothing since the file's last checkpoint but its count (a night run
 * again), publishes nothing: *published 0. */
int register_publish(sqlite3 *db, const struct hd_signer *s, const char *date,
                     const char *checkpoints, const hd_audit *a, int *published, hd_err *err);

/* Put every row changed past hdreg on the chain as it now stands, after an entry
 * ["adopt", DATE, BY, REASON, COUNT] saying who accepted the changes and why; a change is
 * then part of the register's history, visible in hdreg ledger show, and published with
 * the next checkpoint. A broken chain cannot be adopted. *count: rows adopted (the list
 * is in a->chain.list). */
int register_adopt(sqlite3 *db, const char *date, const char *by, const char *reason,
                   hd_audit *a, hd_err *err);

typedef struct hd_proof_info {
  long long seq, size;      /* the entry proved, the checkpoint's tree size */
  char date[11];            /* the checkpoint's date */
  int hashes;               /* the path's length */
  long bytes;               /* the proof file's size */
} hd_proof_info;
/* The inclusion proof of the certificate's document entry (the entry recording the PDF's
 * SHA-256) — or, with number NULL, of entry seq — against the newest checkpoint of the
 * file that covers it, written to out. Every note of the file must carry the signature of
 * keys_dir's QR key for this register's origin: a proof is never made against a note the
 * authority did not sign. */
int register_prove(sqlite3 *db, const char *number, long long seq, const char *checkpoints,
                   const char *keys_dir, const char *out, hd_proof_info *info, hd_err *err);
/* The consistency proof from tree size old_size to new_size, written to out. */
int register_consistency(sqlite3 *db, long long old_size, long long new_size, const char *out,
                         hd_proof_info *info, hd_err *err);

#endif
