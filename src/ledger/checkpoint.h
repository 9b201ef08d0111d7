/* checkpoint.h: the register's signed checkpoints — C2SP tlog-checkpoint bodies (origin,
 * tree size, base64 root hash, and the extension line "date YYYY-MM-DD") in C2SP signed
 * notes with the authority's Ed25519 key (the QR key), appended each night to a file kept
 * outside the database (docs/verification.md, "Checkpoints"). Depends on pdf/sign.h for
 * the key, util/. */
#ifndef HD_CHECKPOINT_H
#define HD_CHECKPOINT_H
#include <stddef.h>
#include "util/buf.h"
#include "util/diag.h"

struct hd_signer;

typedef struct hd_checkpoint {
  char origin[256];
  long long size;
  unsigned char root[32];
  char date[11];       /* "" if the note has no date line */
  int line;            /* where the note starts in its file */
  int signed_ok;       /* checkpoint_verify: a valid signature of the expected key */
  char *body;          /* the signed text */
  size_t body_len;
  char *sigs;          /* the signature lines */
} hd_checkpoint;

/* The note for (origin, size, root, date) signed with s's QR key, appended to out. */
int checkpoint_note(const struct hd_signer *s, const char *origin, long long size,
                    const unsigned char root[32], const char *date, hd_buf *out, hd_err *err);
/* Every note of a checkpoints file, in file order (*n 0 for a missing or empty file if
 * missing_ok). A malformed note is HD_EDATA naming file:line; a file that ends inside its
 * last note (a torn write) is named so, with the line that note starts on. Free with
 * checkpoints_free. */
int checkpoints_read(const char *path, int missing_ok, hd_checkpoint **out, int *n, hd_err *err);
void checkpoints_free(hd_checkpoint *c, int n);
/* Check each note's signature against the public key pub (32 bytes, the QR key) under
 * key name origin; sets signed_ok. HD_EDATA for the first note without a valid one, or
 * whose origin is not origin, or whose size is smaller than the note before. */
int checkpoints_verify(hd_checkpoint *c, int n, const char *path, const char *origin,
                       const unsigned char pub[32], hd_err *err);
/* Append note to path (created 0644 if missing), followed by the empty line that
 * separates notes, crash-proof: the whole new file is written to a temporary in the same
 * directory, synced and renamed over path, and the directory synced (a symbolic link at
 * path is followed), so path holds the old file or the new one, never a torn note. The
 * directory must be writable. HD_EIO naming path (a full disk: nothing changed). */
int checkpoints_append(const char *path, const char *note, size_t len, hd_err *err);

#endif
