/* rowlog.h: every row hdreg writes to a table that decides a case or is printed on a
 * document goes onto the register's chain (table ledger, clause 5.3.2) in the same
 * transaction, as an entry ["row", TABLE, KEY, ROW] (docs/schema.md, "The register").
 *
 * How: on each connection hdreg opens, TEMP triggers (private to the connection; no other
 * program sees or fires them) note the key of every row inserted, updated or deleted in a
 * covered table in a TEMP table; store_commit serializes those rows as they are at commit
 * (in C, rowlog_payload) and appends one entry per row, hashed in C, before COMMIT. A row
 * written by any other program leaves no entry: `hdreg ledger verify` recomputes every
 * row's payload from the table and names it. Nothing here depends on an SQL function.
 * Depends on sqlite3, util/. */
#ifndef HD_ROWLOG_H
#define HD_ROWLOG_H
#include <sqlite3.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/diag.h"

/* The covered tables, in the order the migration chains them. */
extern const char *const HD_ROWLOG_TABLES[];
extern const int HD_ROWLOG_NTABLES;
#define HD_ROWLOG_MAXPK 4

/* A covered table's shape, read from the schema (PRAGMA table_info). */
typedef struct hd_table_shape {
  const char *name;
  int ncols;
  char **cols;                 /* column names, declared order */
  int npk, pk[HD_ROWLOG_MAXPK]; /* primary-key columns, key order */
  int rowid_pk;                /* the key is the rowid (INTEGER PRIMARY KEY) */
  int late_from;               /* columns from here on were added after the table was first
                                  chained: trailing NULLs among them are left out of a
                                  row's payload, so rows that predate them keep their entries */
  char *select_all;            /* SELECT every column FROM name (ORDER BY key) */
  char *select_one;            /* ... WHERE key = ?1[, ?2 ...] */
} hd_table_shape;

/* The shapes of every covered table on this connection (read once, kept until
 * store_close); NULL and err if the schema lacks one. */
const hd_table_shape *rowlog_shapes(sqlite3 *db, hd_err *err);
/* Index of a covered table by name, or -1. */
int rowlog_table_index(const char *name);
/* The same for the n bytes at name (no NUL needed). */
int rowlog_table_index_n(const char *name, size_t n);

/* Append to b the JSON text of column i of st's current row: an integer, a real (always
 * with a point or exponent), a string (JSON escapes for '"', '\\' and C0 controls, other
 * bytes as stored), {"blob":"HEX"} or null. */
int rowlog_value(hd_buf *b, sqlite3_stmt *st, int i);
/* The payload of the row st stands on (st selects t's columns in declared order):
 * ["row","TABLE",KEY,[v1,...]]; with st NULL, the deletion of the row whose key values
 * are key[] (sqlite3_value): ["row","TABLE",KEY,null]. */
int rowlog_payload(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st,
                   sqlite3_value *const *key);
/* The same, saying where in b the key's text is (offset from b's start, length). */
int rowlog_payload_at(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st,
                      sqlite3_value *const *key, size_t *key_off, size_t *key_len);
/* Append the JSON text of the row's key (from st's columns, or key values) to b. */
int rowlog_key(hd_buf *b, const hd_table_shape *t, sqlite3_stmt *st, sqlite3_value *const *key);

/* Install the connection's TEMP triggers and TEMP pending table (store_open does this). */
int rowlog_attach(sqlite3 *db, hd_err *err);
/* Forget the connection's shapes (store_close). */
void rowlog_detach(sqlite3 *db);
/* Append an entry of kind with payload to the chain (hash computed in C). */
int rowlog_append(sqlite3 *db, const char *kind, const char *tbl, long long ref,
                  const char *payload, size_t len, hd_err *err);
/* Chain every row noted since the last seal; clears the notes. Inside the caller's
 * transaction. */
int rowlog_seal(sqlite3 *db, hd_err *err);
/* Chain every row of every covered table as it stands (migration to schema v7). */
int rowlog_snapshot(sqlite3 *db, hd_err *err);
/* Chain the rows of one covered table that match the SQL condition `where` (over its
 * columns) as they stand: rows a migration adds (schema v9, v10: their settings). */
int rowlog_chain_where(sqlite3 *db, const char *table, const char *where, hd_err *err);

#endif
