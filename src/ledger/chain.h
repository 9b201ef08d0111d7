/* chain.h: the register's chain of entries (table ledger; written by store/rowlog.c):
 * verifying it against the rows and listing it. Depends on store/, ledger/merkle.h. */
#ifndef HD_CHAIN_H
#define HD_CHAIN_H
#include <sqlite3.h>
#include <stdio.h>
#include "util/diag.h"

#include "util/buf.h"

#define HD_CHAIN_LIST_MAX 50

typedef struct hd_chain_report {
  long long entries;
  long long rows;       /* rows of the covered tables checked */
  char head[65];        /* hash of the last entry ("" if none) */
  unsigned char root[32]; /* Merkle tree head over all entries (merkle.h) */
  long long bad_seq;    /* the entry where the chain broke, 0 if it did not */
  int problems;         /* rows changed, inserted or deleted past hdreg; schema changes */
  int schema_problems;  /* of which tables, indexes, triggers or views not as hdreg made them */
  hd_buf list;          /* the first HD_CHAIN_LIST_MAX problems, a line each */
} hd_chain_report;

/* Tree heads wanted at these sizes (ascending) while walking: roots[i] is set for every
 * sizes[i] <= the number of entries. */
typedef struct hd_chain_opts {
  const long long *sizes;
  int n_sizes;
  unsigned char (*roots)[32];
  /* Append every row found changed past hdreg to the chain as it now stands (inside the
   * caller's transaction; hdreg ledger adopt): the problems are still listed, and the
   * result is HD_OK if the chain itself holds. */
  int adopt;
  /* Recompute the hashes in a child process beside the row check (two cores: about half
   * the time). */
  int parallel;
  /* With a path: SQLite's check of that file (store_integrity) too, in a child of its own
   * beside the rest when parallel; a damaged file is then the verdict (HD_EDATA). */
  const char *integrity_path;
} hd_chain_opts;

/* Verify the register, recomputing everything in C from the rows: every entry's link and
 * hash (stopping at the first bad one), the Merkle tree head, and every row of every
 * covered table (store/rowlog.h) against the entry that last recorded it — a row changed,
 * inserted or deleted past hdreg is a problem (all are listed in rep->list, the first in
 * err). HD_OK if intact, HD_EDATA otherwise. Free rep with chain_report_free. o may be
 * NULL. */
int chain_verify(sqlite3 *db, const hd_chain_opts *o, hd_chain_report *rep, hd_err *err);
void chain_report_free(hd_chain_report *rep);
/* The leaf hashes of the first n entries (caller frees *out). */
int chain_leaves(sqlite3 *db, long long n, unsigned char (**out)[32], hd_err *err);
struct hd_signer;
/* Sign the chain's head for date with the signer's QR key (Ed25519), unless that head is
 * signed already. *signed_now = 1 if a row was added. */
int chain_sign_head(sqlite3 *db, const struct hd_signer *s, const char *date, int *signed_now,
                    hd_err *err);
/* Check every signed head against keys_dir and against the chain; *n_heads their count. */
int chain_verify_heads(sqlite3 *db, const char *keys_dir, long long *n_heads, hd_err *err);
/* The entries (of one case if case_id > 0), readable, to out. */
int chain_show(sqlite3 *db, long long case_id, FILE *out, hd_err *err);

#endif
