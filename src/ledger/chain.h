/* chain.h: the register's hash chain (schema v4, table ledger, appended by triggers):
 * verifying it and listing it. Depends on store/. */
#ifndef HD_CHAIN_H
#define HD_CHAIN_H
#include <sqlite3.h>
#include <stdio.h>
#include "util/diag.h"

typedef struct hd_chain_report {
  long long entries;
  char head[65];        /* hash of the last entry ("" if none) */
  long long bad_seq;    /* first entry at fault, 0 if none (or a row outside the chain) */
} hd_chain_report;

/* Walk the chain: every link, every hash, every payload against the row it records, and
 * every event and document against the chain. HD_OK if intact; HD_EDATA with the first
 * problem named in err (entry, row, case) otherwise. */
int chain_verify(sqlite3 *db, hd_chain_report *rep, hd_err *err);
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
