/* store.c: open, migrate and query helpers (store.h). */
#include "store/store.h"

#include <json-c/json.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/rowlog.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/sha256.h"
#include <stdio.h>

typedef struct migration {
  int version;
  const unsigned char *sql;
} migration;

/* Ordered: each entry brings the schema from version-1 to version. */
static const migration MIGRATIONS[] = {
    {1, hd_embed_schema_v1},
    {2, hd_embed_schema_v2},
    {3, hd_embed_schema_v3},
    {4, hd_embed_schema_v4},
    {5, hd_embed_schema_v5},
    {6, hd_embed_schema_v6},
    {7, hd_embed_schema_v7},
    {8, hd_embed_schema_v8},
    {9, hd_embed_schema_v9},
    {10, hd_embed_schema_v10},
    {11, hd_embed_schema_v11},
    {12, hd_embed_schema_v12},
    {13, hd_embed_schema_v13},
    {14, hd_embed_schema_v14},
};

/* hd_sha256(text): lower-case hex SHA-256, for the ledger's triggers (schema v4). */
static void sql_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *p = sqlite3_value_text(argv[0]);
  char hex[65];
  if (!p || hd_sha256_hex(p, (size_t)sqlite3_value_bytes(argv[0]), hex)) {
    sqlite3_result_error(ctx, "hd_sha256 failed", -1);
    return;
  }
  sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* Schema v4 chains the events and documents recorded before it, in that order. */
static int ledger_backfill(sqlite3 *db, hd_err *err) {
  static const char *const SQL[2] = {
      "INSERT INTO ledger(kind, ref_id, payload, prev_hash, hash) SELECT 'event', e.id, p.payload, "
      "p.prev, hd_sha256(p.prev || char(10) || p.payload) FROM case_events e, (SELECT json_array("
      "'event', e2.id, e2.case_id, e2.at, e2.from_status, e2.to_status, e2.actor, e2.reason, "
      "e2.document_id) AS payload, coalesce((SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1), "
      "'0000000000000000000000000000000000000000000000000000000000000000') AS prev FROM "
      "case_events e2 WHERE e2.id = ?1) p WHERE e.id = ?1",
      "INSERT INTO ledger(kind, ref_id, payload, prev_hash, hash) SELECT 'document', d.id, "
      "p.payload, p.prev, hd_sha256(p.prev || char(10) || p.payload) FROM documents d, (SELECT "
      "json_array('document', d2.id, d2.kind, d2.case_id, d2.certificate_id, d2.notice_id, d2.path, "
      "d2.sha256, d2.bytes, d2.created_date) AS payload, coalesce((SELECT hash FROM ledger ORDER "
      "BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') "
      "AS prev FROM documents d2 WHERE d2.id = ?1) p WHERE d.id = ?1"};
  static const char *const IDS[2] = {"SELECT id FROM case_events ORDER BY id",
                                     "SELECT id FROM documents ORDER BY id"};
  for (int k = 0; k < 2; k++) {
    sqlite3_stmt *ids = NULL, *ins = NULL;
    if (store_prepare(db, IDS[k], &ids, err) || store_prepare(db, SQL[k], &ins, err)) {
      sqlite3_finalize(ids);
      return HD_EDB;
    }
    int rc = HD_OK;
    while (rc == HD_OK && sqlite3_step(ids) == SQLITE_ROW) {
      sqlite3_reset(ins);
      sqlite3_bind_int64(ins, 1, sqlite3_column_int64(ids, 0));
      if (sqlite3_step(ins) != SQLITE_DONE)
        rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(ids);
    sqlite3_finalize(ins);
    if (rc) return rc;
  }
  return HD_OK;
}

/* Before schema 7 chains every row as it stands, the register must be as schema 6 left
 * it — otherwise the migration would make a change past hdreg part of the register:
 * every entry's hash recomputed, every event, document and import against its entry and
 * none outside the chain (what hdreg ledger verify of schema 6 checked). */
static int legacy_intact(sqlite3 *db, const char *path, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT seq, payload, prev_hash, hash FROM ledger ORDER BY seq", &st, err))
    return HD_EDB;
  char prev[65], h[65];
  memset(prev, '0', 64);
  prev[64] = '\0';
  long long last = 0, bad = 0;
  hd_buf b;
  hd_buf_init(&b, (size_t)1 << 30);
  while (!bad && sqlite3_step(st) == SQLITE_ROW) {
    long long seq = sqlite3_column_int64(st, 0);
    const char *payload = (const char *)sqlite3_column_text(st, 1);
    const char *link = (const char *)sqlite3_column_text(st, 2);
    const char *hash = (const char *)sqlite3_column_text(st, 3);
    hd_buf_reset(&b);
    hd_buf_adds(&b, prev);
    hd_buf_adds(&b, "\n");
    hd_buf_adds(&b, payload ? payload : "");
    if (seq != last + 1 || !link || strcmp(link, prev) || !b.p || hd_sha256_hex(b.p, b.len, h) ||
        !hash || strcmp(h, hash))
      bad = seq;
    else
      memcpy(prev, h, 65);
    last = seq;
  }
  sqlite3_finalize(st);
  hd_buf_release(&b);
  static const char *const ROWS =
      "SELECT 'ledger entry ' || l.seq FROM ledger l LEFT JOIN case_events e ON e.id = l.ref_id "
      "WHERE l.kind = 'event' AND json_array('event', e.id, e.case_id, e.at, e.from_status, "
      "e.to_status, e.actor, e.reason, e.document_id) IS NOT l.payload "
      "UNION ALL SELECT 'ledger entry ' || l.seq FROM ledger l LEFT JOIN documents d ON d.id = l.ref_id "
      "WHERE l.kind = 'document' AND json_array('document', d.id, d.kind, d.case_id, d.certificate_id, "
      "d.notice_id, d.path, d.sha256, d.bytes, d.created_date) IS NOT l.payload "
      "UNION ALL SELECT 'ledger entry ' || l.seq FROM ledger l LEFT JOIN imports i ON i.id = l.ref_id "
      "WHERE l.kind = 'import' AND json_array('import', i.id, i.at, i.file, i.sha256, i.format, "
      "i.encoding, i.bytes, i.cases, i.subjects, i.certificates, i.normalised) IS NOT l.payload "
      "UNION ALL SELECT 'event ' || id FROM case_events WHERE id NOT IN (SELECT ref_id FROM ledger "
      "WHERE kind = 'event') UNION ALL SELECT 'document ' || id FROM documents WHERE id NOT IN "
      "(SELECT ref_id FROM ledger WHERE kind = 'document') UNION ALL SELECT 'import ' || id FROM "
      "imports WHERE id NOT IN (SELECT ref_id FROM ledger WHERE kind = 'import') LIMIT 1";
  char *what = NULL;
  if (!bad) {
    if (store_prepare(db, ROWS, &st, err)) return HD_EDB;
    if (sqlite3_step(st) == SQLITE_ROW) what = store_col_text(st, 0);
    sqlite3_finalize(st);
  }
  int rc = HD_OK;
  if (bad || what) {
    char w[96];
    hd_snprintf(w, sizeof w, "ledger entry %lld", bad);
    rc = hd_err_set(err, HD_EDB, "'%s': the register is not as hdreg left it (%s does not match the "
                    "chain), so it is not migrated to schema 7, which would make that change part "
                    "of the register; check it with the hdreg that wrote it (hdreg ledger verify)",
                    path, bad ? w : what);
  }
  free(what);
  return rc;
}

int store_exec(sqlite3 *db, const char *sql, hd_err *err) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    hd_err_set(err, HD_EDB, "database error: %s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return HD_EDB;
  }
  return HD_OK;
}

static int user_version(sqlite3 *db, int *v, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "PRAGMA user_version", &st, err)) return HD_EDB;
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    hd_err_set(err, HD_EDB, "cannot read schema version: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return HD_EDB;
  }
  *v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return HD_OK;
}

/* HD_OK if PRAGMA foreign_key_check finds nothing, else HD_EDB naming the first row. */
static int foreign_keys_hold(sqlite3 *db, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "PRAGMA foreign_key_check", &st, err)) return HD_EDB;
  int rc = HD_OK;
  if (sqlite3_step(st) == SQLITE_ROW)
    rc = hd_err_set(err, HD_EDB, "row %lld of '%s' refers to a row of '%s' that does not exist",
                    (long long)sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 0),
                    (const char *)sqlite3_column_text(st, 2));
  sqlite3_finalize(st);
  return rc;
}

static int migrate(sqlite3 *db, const char *path, hd_err *err) {
  int v;
  if (user_version(db, &v, err)) return HD_EDB;
  if (v > HD_SCHEMA_VERSION)
    return hd_err_set(err, HD_EDB,
                      "'%s': schema version %d is newer than this hdreg supports (%d)", path,
                      v, HD_SCHEMA_VERSION);
  for (size_t i = 0; i < sizeof MIGRATIONS / sizeof MIGRATIONS[0]; i++) {
    const migration *m = &MIGRATIONS[i];
    if (m->version <= v) continue;
    char pragma[64];
    hd_snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", m->version);
    /* v9 rebuilds documents, which case_events refers to: with foreign keys off (they
     * cannot change inside a transaction), checked before the commit (SQLite's
     * procedure for schema changes, "Making Other Kinds Of Table Schema Changes"). */
    int fk_off = m->version == 9 || m->version == 13;
    if (fk_off && store_exec(db, "PRAGMA foreign_keys = OFF;", err)) return HD_EDB;
    if (store_exec(db, "BEGIN IMMEDIATE;", err)) return HD_EDB;
    if ((m->version == 7 && v >= 4 && legacy_intact(db, path, err))) {
      sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
      return HD_EDB;
    }
    if (store_exec(db, (const char *)m->sql, err) ||
        (m->version == 4 && ledger_backfill(db, err)) ||
        (m->version == 7 && rowlog_snapshot(db, err)) ||
        (m->version == 9 && rowlog_chain_where(db, "settings", "key IN ('supplement_working_days', "
                                               "'objection_reply_working_days', 'remedies_text')", err)) ||
        (m->version == 10 && rowlog_chain_where(db, "settings", "key IN ('supervising_department', "
                                                "'objection_address', 'objection_phone', "
                                                "'objection_cutoff')", err)) ||
        (m->version == 11 && rowlog_chain_where(db, "transitions", "by = 'night' AND clause IN "
                                                "('5.1.6', '5.1.3')", err)) ||
        (fk_off && foreign_keys_hold(db, err)) || store_exec(db, pragma, err)) {
      sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
      if (fk_off) sqlite3_exec(db, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
      hd_err_prefix(err, "'%s': migration to schema version %d failed", path, m->version);
      return HD_EDB;
    }
    if (store_exec(db, "COMMIT;", err)) return HD_EDB;
    if (fk_off && store_exec(db, "PRAGMA foreign_keys = ON;", err)) return HD_EDB;
  }
  return HD_OK;
}

int store_open(const char *path, int mode, sqlite3 **out, hd_err *err) {
  sqlite3 *db = NULL;
  *out = NULL;
  if (mode != HD_STORE_CREATE && store_check_file(path, err)) return HD_EDB;
  /* NOMUTEX: a connection is only ever used by the thread that opened it, so SQLite's
   * per-call locking (a mutex round trip on every sqlite3_column_*) buys nothing. */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
              (mode == HD_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
    hd_err_set(err, HD_EDB, "cannot open database '%s': %s", path,
               db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return HD_EDB;
  }
  /* SQLite silently opens a write-protected file read-only; every run writes. */
  if (sqlite3_db_readonly(db, "main") == 1) {
    hd_err_set(err, HD_EDB, "database '%s' is read-only (hdreg ledger verify, ledger show and "
               "verify --db read a read-only register)", path);
    sqlite3_close(db);
    return HD_EDB;
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_create_function_v2(db, "hd_sha256", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                             sql_sha256, NULL, NULL, NULL);
  /* Reading the schema catches "file is not a database" early and clearly; an existing
   * SQLite file that hdreg never made (schema version 0) is refused before the pragmas
   * below write to it, as a zero-byte file is. */
  int v = 1;
  if (store_exec(db, "SELECT count(*) FROM sqlite_schema;", err) ||
      (mode != HD_STORE_CREATE && user_version(db, &v, err)) ||
      (v == 0 && hd_err_set(err, HD_EDB, "cannot open database '%s': an SQLite database, but not "
                            "a register (schema version 0); hdreg import --create or hdreg "
                            "demo-db makes a new register", path)) ||
      store_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                     "PRAGMA synchronous = NORMAL; PRAGMA recursive_triggers = ON; "
                     /* the register's entries double what a night writes: checkpoint the
                      * WAL every 64 MB rather than every 4 MB, fewer syncs */
                     "PRAGMA wal_autocheckpoint = 16384;", err) ||
      migrate(db, path, err) || rowlog_attach(db, err)) {
    if (strncmp(err->msg, "database error", 14) == 0) hd_err_prefix(err, "'%s'", path);
    sqlite3_close(db);
    return HD_EDB;
  }
  *out = db;
  return HD_OK;
}

int store_check_file(const char *path, hd_err *err) {
  struct stat st;
  if (stat(path, &st) != 0) {
    if (errno == ENOENT)
      return hd_err_set(err, HD_EDB, "cannot open database '%s': no such file (hdreg import "
                        "--create or hdreg demo-db makes a new register)", path);
    return hd_err_set(err, HD_EDB, "cannot open database '%s': %s", path, strerror(errno));
  }
  if (S_ISDIR(st.st_mode))
    return hd_err_set(err, HD_EDB, "cannot open database '%s': it is a directory", path);
  if (S_ISREG(st.st_mode) && st.st_size == 0)
    return hd_err_set(err, HD_EDB, "cannot open database '%s': the file is empty (0 bytes), not "
                      "a register; restore it from a backup, or remove it and make a new "
                      "register with hdreg import --create or hdreg demo-db", path);
  return HD_OK;
}

/* Open name read-only and read its schema: SQLITE_OK, or SQLite's (extended) code with
 * *db left open for its message (or NULL without memory). */
static int open_read(const char *name, int flags, sqlite3 **db) {
  int rc = sqlite3_open_v2(name, db, flags, NULL);
  if (*db) {
    sqlite3_extended_result_codes(*db, 1);
    sqlite3_busy_timeout(*db, 10000);
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  return rc;
}

/* "file:PATH?immutable=1", with the characters a URI's path cannot hold as they are
 * escaped; an absolute path gets an empty authority (file:///...). 0, or -1 if too long. */
static int immutable_uri(const char *path, char *uri, size_t size) {
  size_t n = 0;
  const char *head = path[0] == '/' ? "file://" : "file:";
  for (const char *h = head; *h && n < size; h++) uri[n++] = *h;
  for (const char *p = path; *p; p++) {
    if (n + 4 >= size) return -1;
    if (*p == '%' || *p == '?' || *p == '#') {
      static const char HEX[] = "0123456789ABCDEF";
      uri[n++] = '%';
      uri[n++] = HEX[(unsigned char)*p >> 4];
      uri[n++] = HEX[(unsigned char)*p & 15];
    } else {
      uri[n++] = *p;
    }
  }
  return hd_snprintf(uri + n, size - n, "?immutable=1") < 0 ? -1 : 0;
}

int store_open_readonly(const char *path, sqlite3 **out, hd_err *err) {
  sqlite3 *db = NULL;
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
  char side[4200], uri[3 * 4096 + 32];
  struct stat st;
  *out = NULL;
  if (store_check_file(path, err)) return HD_EDB;
  int rc = open_read(path, flags, &db);
  /* A reader of a WAL-mode database needs its -shm file (SQLite's WAL read-only rules):
   * where it is missing and cannot be made — a write-protected directory or mount — open
   * the file as immutable, which reads the database file alone, without locks. That is
   * the whole register only if no -wal file holds changes not yet copied into it. */
  if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) {
    hd_snprintf(side, sizeof side, "%s-wal", path);
    if (stat(side, &st) == 0 && st.st_size > 0) {
      sqlite3_close(db);
      return hd_err_set(err, HD_EDB, "cannot read database '%s': its write-ahead log '%s' holds "
                        "changes that cannot be read without write access to the directory; "
                        "copy both files to a directory that can be written", path, side);
    }
    if (immutable_uri(path, uri, sizeof uri) == 0) {
      sqlite3_close(db);
      db = NULL;
      rc = open_read(uri, flags | SQLITE_OPEN_URI, &db);
    }
  }
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_CANTOPEN)
      hd_err_set(err, HD_EDB, "cannot open database '%s': %s", path,
                 db ? sqlite3_errmsg(db) : "out of memory");
    else
      hd_err_set(err, HD_EDB, "'%s': database error: %s", path,
                 db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return HD_EDB;
  }
  int v;
  if (user_version(db, &v, err)) {
    hd_err_prefix(err, "'%s'", path);
    sqlite3_close(db);
    return HD_EDB;
  }
  if (v == 0)
    hd_err_set(err, HD_EDB, "cannot open database '%s': an SQLite database, but not a register "
               "(schema version 0)", path);
  else if (v > HD_SCHEMA_VERSION)
    hd_err_set(err, HD_EDB, "'%s': schema version %d is newer than this hdreg supports (%d)", path,
               v, HD_SCHEMA_VERSION);
  else if (v < HD_SCHEMA_VERSION)
    /* Migrating is writing, and verification reads the register as it is. */
    hd_err_set(err, HD_EDB, "'%s': schema version %d is older than this hdreg's (%d), and "
               "verification does not migrate; migrate it first with a command that writes, "
               "e.g. hdreg export --db '%s' --format csv >/dev/null", path, v,
               HD_SCHEMA_VERSION, path);
  if (v != HD_SCHEMA_VERSION) {
    sqlite3_close(db);
    return HD_EDB;
  }
  *out = db;
  return HD_OK;
}

int store_integrity(sqlite3 *db, hd_err *err) {
  /* quick_check, not integrity_check: it reads every page and checks every b-tree, cell,
   * free list, NOT NULL and CHECK constraint, and leaves out only whether each index
   * holds exactly its table's rows, which costs more than half the time. On the
   * 100000-case benchmark register (demo-db --synthetic 100000 --seed 1, 87 MB),
   * integrity_check takes 0.40-0.56 s, quick_check 0.17-0.23 s; after that register's
   * first night (215 MB, 84622 ledger entries), 0.86-1.09 s against 0.36-0.48 s, while
   * the whole of ledger verify must stay within 2 s. At most 4 problems are looked for:
   * three are shown, a fourth says there are more. */
  sqlite3_stmt *st;
  if (store_prepare(db, "PRAGMA quick_check(4)", &st, err)) return HD_EDB;
  char msg[HD_ERR_MAX] = "";
  size_t len = 0;
  int lines = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *text = (const char *)sqlite3_column_text(st, 0);
    if (!text || !strcmp(text, "ok")) continue;
    /* One row may hold several lines; "*** in database main ***" only heads them. */
    for (const char *p = text; *p;) {
      size_t n = strcspn(p, "\n");
      if (n && strncmp(p, "*** in database", 15) != 0) {
        lines++;
        int w = lines <= 3 ? hd_snprintf(msg + len, sizeof msg - len, "%s%.*s",
                                         len ? "; " : "", (int)n, p) : -1;
        if (w > 0) len += (size_t)w;
      }
      p += n + (p[n] == '\n');
    }
  }
  /* After its report, the check itself may stop on the damage it reported. */
  int code = sqlite3_extended_errcode(db) & 0xff;
  if (lines)
    rc = hd_err_set(err, HD_EDATA, "database file is corrupt: %s%s", msg,
                    lines > 3 ? "; and more" : "");
  else if (rc != SQLITE_DONE && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB))
    rc = hd_err_set(err, HD_EDATA, "database file is corrupt: %s", sqlite3_errmsg(db));
  else if (rc != SQLITE_DONE)
    rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  else
    rc = HD_OK;
  sqlite3_finalize(st);
  return rc;
}

int store_copy(sqlite3 *from, sqlite3 **out, hd_err *err) {
  sqlite3 *db = NULL;
  *out = NULL;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  sqlite3_backup *b = sqlite3_backup_init(db, "main", from, "main");
  int ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
  sqlite3_backup_finish(b);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_create_function_v2(db, "hd_sha256", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                             sql_sha256, NULL, NULL, NULL);
  if (!ok || store_exec(db, "PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON", err) ||
      rowlog_attach(db, err)) {
    sqlite3_close(db);
    return err->code ? err->code : hd_err_set(err, HD_EDB, "the database cannot be copied");
  }
  *out = db;
  return HD_OK;
}

/* Statements kept by store_cached. hdreg is single-threaded within a process. */
#define STMT_CACHE 128
static struct cached {
  sqlite3 *db;
  char *sql;         /* a copy of the text it was prepared from */
  uint64_t hash;     /* of that text: most lookups are decided without a strcmp */
  sqlite3_stmt *st;
  int busy;
} stmts[STMT_CACHE];

static uint64_t sql_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

int store_cached(sqlite3 *db, const char *sql, sqlite3_stmt **st, hd_err *err) {
  int free_slot = -1;
  uint64_t h = sql_hash(sql);
  for (int i = 0; i < STMT_CACHE; i++) {
    struct cached *c = &stmts[i];
    if (!c->st) {
      if (free_slot < 0) free_slot = i;
      continue;
    }
    if (c->hash == h && c->db == db && !c->busy && strcmp(c->sql, sql) == 0) {
      c->busy = 1;
      *st = c->st;
      return HD_OK;
    }
  }
  if (store_prepare(db, sql, st, err)) return HD_EDB;
  char *copy = free_slot >= 0 ? strdup(sql) : NULL;
  if (copy) stmts[free_slot] = (struct cached){db, copy, h, *st, 1};
  return HD_OK;
}

void store_done(sqlite3_stmt *st) {
  if (!st) return;
  for (int i = 0; i < STMT_CACHE; i++)
    if (stmts[i].st == st) {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
      stmts[i].busy = 0;
      return;
    }
  sqlite3_finalize(st); /* the cache was full when it was prepared */
}

int store_begin(sqlite3 *db, hd_err *err) { return store_exec(db, "BEGIN IMMEDIATE", err); }

int store_commit(sqlite3 *db, hd_err *err) {
  int rc = rowlog_seal(db, err);
  if (rc == HD_OK) rc = store_exec(db, "COMMIT", err);
  if (rc) store_rollback(db);
  return rc;
}

int store_end(sqlite3 *db, int rc, hd_err *err) {
  if (rc == HD_OK) return store_commit(db, err);
  store_rollback(db);
  return rc;
}

int store_exec_texts(sqlite3 *db, const char *sql, const char *const *texts, int n, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  for (int i = 0; i < n; i++) {
    if (texts[i]) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i + 1);
  }
  int s = sqlite3_step(st);
  sqlite3_finalize(st);
  if (s != SQLITE_DONE && s != SQLITE_ROW)
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  return HD_OK;
}

void store_rollback(sqlite3 *db) {
  /* The notes of the transaction's rows go with it: temp tables are transactional. */
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

void store_close(sqlite3 *db) {
  if (!db) return;
  /* Rows written outside a store_begin/store_commit (none should be) are chained now. */
  sqlite3_stmt *st = NULL;
  int pending = sqlite3_get_autocommit(db) &&
                sqlite3_prepare_v2(db, "SELECT 1 FROM temp.rowlog_pending LIMIT 1", -1, &st, NULL) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (pending) {
    hd_err ignored;
    hd_err_clear(&ignored);
    if (store_begin(db, &ignored) == HD_OK) store_commit(db, &ignored);
  }
  rowlog_detach(db);
  for (int i = 0; i < STMT_CACHE; i++)
    if (stmts[i].db == db) {
      sqlite3_finalize(stmts[i].st);
      free(stmts[i].sql);
      memset(&stmts[i], 0, sizeof stmts[i]);
    }
  sqlite3_close(db);
}

int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, hd_err *err) {
  if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
    *st = NULL;
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  }
  return HD_OK;
}

struct json_object *store_col_json(sqlite3_stmt *st, int col) {
  if (sqlite3_column_type(st, col) == SQLITE_NULL) return NULL;
  if (sqlite3_column_type(st, col) == SQLITE_INTEGER)
    return json_object_new_int64(sqlite3_column_int64(st, col));
  return json_object_new_string((const char *)sqlite3_column_text(st, col));
}

char *store_col_text(sqlite3_stmt *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  if (!t) return NULL;
  size_t n = (size_t)sqlite3_column_bytes(st, col);
  char *s = malloc(n + 1);
  if (!s) return NULL;
  memcpy(s, t, n);
  s[n] = '\0';
  return s;
}

int store_setting(sqlite3 *db, const char *key, char **out, hd_err *err) {
  sqlite3_stmt *st;
  *out = NULL;
  if (store_prepare(db, "SELECT value FROM settings WHERE key = ?1", &st, err)) return HD_EDB;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *out = store_col_text(st, 0);
    sqlite3_finalize(st);
    return *out ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_DONE) return hd_err_set(err, HD_EDATA, "setting '%s' is missing", key);
  return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
}

int store_setting_int(sqlite3 *db, const char *key, long lo, long hi, long *out, hd_err *err) {
  char *v = NULL;
  if (store_setting(db, key, &v, err)) return err->code;
  char *end = NULL;
  long n = strtol(v, &end, 10);
  int ok = end && end != v && *end == '\0' && n >= lo && n <= hi;
  if (!ok) hd_err_set(err, HD_EDATA, "setting '%s': '%s' is not a whole number from %ld to %ld",
                      key, v, lo, hi);
  free(v);
  if (!ok) return HD_EDATA;
  *out = n;
  return HD_OK;
}

int store_counter_next(sqlite3 *db, const char *name, long long *out, hd_err *err) {
  sqlite3_stmt *st;
  if (store_cached(db, "UPDATE counters SET value = value + 1 WHERE name = ?1 RETURNING value",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
  store_done(st);
  if (rc == SQLITE_ROW) return HD_OK;
  if (rc == SQLITE_DONE) return hd_err_set(err, HD_EDATA, "counter '%s' is missing", name);
  return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
}

int store_ids(sqlite3 *db, const char *sql, const char *text, long long **out, int *n,
              hd_err *err) {
  sqlite3_stmt *st;
  *out = NULL;
  *n = 0;
  if (store_prepare(db, sql, &st, err)) return HD_EDB;
  sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
  int s, cap = 0;
  while ((s = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 64;
      long long *nv = realloc(*out, (size_t)cap * sizeof *nv);
      if (!nv) {
        sqlite3_finalize(st);
        free(*out);
        *out = NULL;
        *n = 0;
        return hd_err_set(err, HD_ENOMEM, "out of memory");
      }
      *out = nv;
    }
    (*out)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  if (s != SQLITE_DONE) {
    free(*out);
    *out = NULL;
    *n = 0;
    return hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  }
  return HD_OK;
}

char *store_text_of(sqlite3 *db, const char *sql, const char *arg) {
  sqlite3_stmt *st;
  char *v = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW) v = store_col_text(st, 0);
  sqlite3_finalize(st);
  return v;
}

char *store_text(sqlite3 *db, const char *sql, long long id) {
  sqlite3_stmt *st;
  hd_err ignored = {0};
  char *v = NULL;
  if (store_cached(db, sql, &st, &ignored)) return NULL;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW) v = store_col_text(st, 0);
  store_done(st);
  return v;
}
