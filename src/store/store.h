/* store.h: the SQLite database — open with foreign keys on, schema migrations in order
 * (PRAGMA user_version), settings and counters. Depends on sqlite3 only. */
#ifndef HD_STORE_H
#define HD_STORE_H
#include <sqlite3.h>
#include "util/diag.h"

#define HD_SCHEMA_VERSION 14

enum { HD_STORE_MUST_EXIST = 0, HD_STORE_CREATE = 1 };

/* Open (and with HD_STORE_CREATE create) the database at path and migrate it to
 * HD_SCHEMA_VERSION. Without HD_STORE_CREATE, refuses what store_check_file refuses and
 * an SQLite database that is not a register (schema version 0) instead of making a new
 * register of it. Refuses a database whose user_version is newer, and a write-protected
 * one. Returns HD_OK and *out (close with store_close), or HD_EDB with a message naming
 * the file. */
int store_open(const char *path, int mode, sqlite3 **out, hd_err *err);
/* Open an existing register only to read it (verification): SQLITE_OPEN_READONLY, so
 * it works on a write-protected file, directory or mount and never writes the database.
 * In a directory it cannot write, a WAL-mode database without its -shm file is opened as
 * immutable (nothing else can be writing it there); one whose -wal file holds changes
 * not yet in the database is refused, since they cannot be read. Never migrates:
 * refuses a schema older or newer than HD_SCHEMA_VERSION, and what store_check_file
 * refuses. Returns HD_OK and *out (close with store_close), or HD_EDB naming the file. */
int store_open_readonly(const char *path, sqlite3 **out, hd_err *err);
/* What must hold before path is opened as an existing register (and before a lock file
 * is made beside it): it exists and is a file of at least one byte. SQLite would take a
 * missing or zero-byte file for a new, empty database. HD_OK, or HD_EDB with a message
 * naming the file and saying what makes a register. Creates nothing. */
int store_check_file(const char *path, hd_err *err);
/* SQLite's own check of the whole file (PRAGMA quick_check): every page, b-tree, cell
 * and free list, NOT NULL and CHECK constraints; not whether each index holds exactly
 * its table's rows (integrity_check, twice the time). HD_OK; HD_EDATA "database file is
 * corrupt: " with the first three problems SQLite names; HD_EDB if it cannot run. */
int store_integrity(sqlite3 *db, hd_err *err);
void store_close(sqlite3 *db);
/* A new in-memory database holding a copy of from, connected as store_open connects (the
 * ledger's hd_sha256, foreign keys): a fresh register for each input of a fuzzer or test
 * without migrating every time. Close with store_close. */
int store_copy(sqlite3 *from, sqlite3 **out, hd_err *err);

/* A write transaction: BEGIN IMMEDIATE ... store_commit. store_commit first puts every row
 * the transaction wrote on the register's chain (store/rowlog.h), then commits; on any
 * failure the transaction is rolled back and the error returned. store_rollback ends a
 * transaction without writing anything. Every write hdreg makes goes through these. */
int store_begin(sqlite3 *db, hd_err *err);
int store_commit(sqlite3 *db, hd_err *err);
void store_rollback(sqlite3 *db);
/* The end of a transaction whose work returned rc: committed when rc is HD_OK, else rolled
 * back; returns rc, or the commit's error. */
int store_end(sqlite3 *db, int rc, hd_err *err);

/* Run SQL text (several statements). */
int store_exec(sqlite3 *db, const char *sql, hd_err *err);
/* Run one statement with n text parameters (NULL binds NULL). */
int store_exec_texts(sqlite3 *db, const char *sql, const char *const *texts, int n, hd_err *err);
/* Read a setting; *out is a malloc'd copy (caller frees). Missing key is HD_EDATA. */
int store_setting(sqlite3 *db, const char *key, char **out, hd_err *err);
int store_setting_int(sqlite3 *db, const char *key, long lo, long hi, long *out, hd_err *err);
/* Take the next value of a counter (value+1) inside the caller's transaction. */
int store_counter_next(sqlite3 *db, const char *name, long long *out, hd_err *err);
/* Prepare or report "database error: <sqlite message>" with the statement's purpose. */
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, hd_err *err);
/* Like store_prepare, for statements run once per case or document: the statement is
 * kept (per connection, keyed by the SQL text) and handed out again reset, saving the
 * parse. Give it back with store_done, never sqlite3_finalize; store_close finalizes. */
int store_cached(sqlite3 *db, const char *sql, sqlite3_stmt **st, hd_err *err);
/* Give back a statement from store_cached (reset, bindings cleared); NULL is ignored. */
void store_done(sqlite3_stmt *st);
/* The ids a one-column query gives with ?1 bound to text (a date); *out malloc'd
 * (caller frees), *n their count. */
int store_ids(sqlite3 *db, const char *sql, const char *text, long long **out, int *n,
              hd_err *err);
/* The text of the first column of the first row of sql with ?1 bound to id (a cached
 * statement); NULL if no row, NULL value or error. Caller frees. */
char *store_text(sqlite3 *db, const char *sql, long long id);
/* The same with one text parameter (an uncached statement: for a connection that is
 * closed with sqlite3_close as well). */
char *store_text_of(sqlite3 *db, const char *sql, const char *arg);
/* Copy column text (NULL for SQL NULL); caller frees. */
char *store_col_text(sqlite3_stmt *st, int col);
/* Column col as a new JSON value: NULL for SQL NULL, an integer for an INTEGER, else its
 * text (the run report and the waiting list read rows this way). */
struct json_object *store_col_json(sqlite3_stmt *st, int col);

#endif
