/* chain.c: verifying the register (chain.h): the chain of entries and every covered row
 * against it, all recomputed in C. */
#include "ledger/chain.h"

#include <json-c/json.h>
#include <openssl/evp.h>
#include <errno.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/merkle.h"
#include "pdf/sign.h"
#include "store/rowlog.h"
#include "store/store.h"
#include "util/sha256.h"
#include "util/bigmem.h"
#include "util/buf.h"
#include "util/fsutil.h"

static const char ZERO[] = "0000000000000000000000000000000000000000000000000000000000000000";

/* ---- The entries as read, and the rows the chain recorded ----
 * As little memory as will do: every page a run touches afresh costs a fault (and the
 * 100000-case register has 1.8 million entries: about 310 MB). */

/* Every entry's payload, in order, each after a head: its length, whether its recorded
 * hash is 64 lower-case hex digits and those as 32 bytes, and a 0 byte (RFC 6962's leaf
 * prefix, so that the leaf is hashed in one piece). */
#define ENTRY_HEAD 40
typedef struct entry_head {
  uint32_t plen;
  uint8_t hash_ok;
  uint8_t unused[2];
  uint8_t hash[32];
  uint8_t leaf_prefix; /* 0x00, just before the payload */
} entry_head;
_Static_assert(sizeof(entry_head) == ENTRY_HEAD, "entry_head is ENTRY_HEAD bytes");

/* The entry that last recorded a row: its number and where its payload is. */
typedef struct rec {
  uint64_t seq : 63;     /* 0: none */
  uint64_t deleted : 1;  /* the entry recorded the row's deletion */
  uint64_t poff;         /* the payload in rowmap.payloads (its head before it) */
} rec;

/* Rows of tables keyed by an integer id are kept in an array by id (entries and table
 * scans come in id order, so this is also cache-friendly); other keys, and ids too far
 * out to keep an array for, in a hash table. */
#define DENSE_MAX ((long long)1 << 26)
typedef struct dense {
  hd_big mem;         /* the records, by id */
  rec *a;
  long long cap;
  uint8_t *seen;      /* by id: the row is in the table (made by check_rows) */
  int overflowed;     /* an id went to the hash table: the array never grows again */
} dense;

typedef struct slot {
  rec r;              /* first: a record of the hash table is its slot */
  uint32_t koff, klen;
  uint64_t h;
  int16_t tbl;
} slot;

typedef struct rowmap {
  slot *s;
  size_t cap, used;
  uint8_t *seen;      /* by slot of s, as dense.seen */
  char *keys;
  size_t klen, kcap;
  dense d[64];
  long long dense_total, dense_limit; /* slots in all arrays, and at most (ids far apart
                                         would otherwise cost memory for the gaps) */
  const hd_table_shape *shape; /* the covered tables of this database */
  hd_big arena;       /* every entry, head and payload: a current row is compared byte for
                         byte with the payload that last recorded it */
  char *payloads;     /* arena.p */
  size_t pused;
} rowmap;

static entry_head head_at(const rowmap *m, uint64_t poff) {
  entry_head h;
  memcpy(&h, m->payloads + poff - ENTRY_HEAD, sizeof h);
  return h;
}

/* The id a key's text is, if it is a plain integer in [0, DENSE_MAX); else -1. */
static long long dense_id(const char *k, size_t n) {
  if (!n || n > 8) return -1;
  long long v = 0;
  for (size_t i = 0; i < n; i++) {
    if (k[i] < '0' || k[i] > '9' || (i == 0 && k[i] == '0' && n > 1)) return -1;
    v = v * 10 + (k[i] - '0');
  }
  return v < DENSE_MAX ? v : -1;
}

/* The record of id in the table's array; *hashed set when the id belongs in the hash table
 * instead (beyond the array, which may not grow). */
static rec *dense_find(rowmap *m, int tbl, long long id, int add, int *hashed) {
  dense *d = &m->d[tbl];
  *hashed = 0;
  if (id >= d->cap) {
    long long nc = d->cap ? d->cap : 1024;
    while (nc <= id) nc *= 2;
    if (d->overflowed || m->dense_total + (nc - d->cap) > m->dense_limit) {
      *hashed = 1;
      if (add) d->overflowed = 1;
      return NULL;
    }
    if (!add) return NULL;
    if (hd_big_reserve(&d->mem, (size_t)nc * sizeof *d->a)) return NULL;
    m->dense_total += nc - d->cap;
    d->a = d->mem.p;
    d->cap = nc;
  }
  rec *x = &d->a[id];
  return x->seq || add ? x : NULL;
}

static uint64_t key_hash(int tbl, const char *k, size_t n) {
  uint64_t h = 1469598103934665603ULL ^ (uint64_t)tbl;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 1099511628211ULL;
  return h ? h : 1;
}

/* The id of key k of table tbl if its rows are kept by id (dense_id), else -1. */
static long long key_id(const rowmap *m, int tbl, const char *k, size_t n) {
  return tbl < 64 && m->shape[tbl].rowid_pk ? dense_id(k, n) : -1;
}

/* The record of the row (tbl, key k, whose key_id is id), made if add; NULL if none (or
 * out of memory). */
static rec *map_find_id(rowmap *m, int tbl, long long id, const char *k, size_t n, int add) {
  if (id >= 0) {
    int hashed;
    rec *x = dense_find(m, tbl, id, add, &hashed);
    if (!hashed) return x;
  }
  if (add && (m->used + 1) * 4 > m->cap * 3) {
    size_t ncap = m->cap ? m->cap * 2 : 1 << 16;
    slot *ns = calloc(ncap, sizeof *ns);
    if (!ns) return NULL;
    for (size_t i = 0; i < m->cap; i++)
      if (m->s[i].r.seq) {
        size_t j = m->s[i].h & (ncap - 1);
        while (ns[j].r.seq) j = (j + 1) & (ncap - 1);
        ns[j] = m->s[i];
      }
    free(m->s);
    m->s = ns;
    m->cap = ncap;
  }
  if (!m->cap) return NULL;
  uint64_t h = key_hash(tbl, k, n);
  size_t j = h & (m->cap - 1);
  for (; m->s[j].r.seq; j = (j + 1) & (m->cap - 1)) {
    slot *x = &m->s[j];
    if (x->h == h && x->tbl == tbl && x->klen == n && !memcmp(m->keys + x->koff, k, n)) return &x->r;
  }
  if (!add) return NULL;
  if (m->klen + n > m->kcap) {
    size_t nc = m->kcap ? m->kcap * 2 : 1 << 20;
    while (nc < m->klen + n) nc *= 2;
    char *nk = realloc(m->keys, nc);
    if (!nk) return NULL;
    m->keys = nk;
    m->kcap = nc;
  }
  memcpy(m->keys + m->klen, k, n);
  slot *x = &m->s[j];
  memset(x, 0, sizeof *x);
  x->h = h;
  x->tbl = (int16_t)tbl;
  x->koff = (uint32_t)m->klen;
  x->klen = (uint32_t)n;
  m->klen += n;
  m->used++;
  return &x->r;
}

static rec *map_find(rowmap *m, int tbl, const char *k, size_t n, int add) {
  return map_find_id(m, tbl, key_id(m, tbl, k, n), k, n, add);
}

static void map_free(rowmap *m) {
  free(m->s);
  free(m->keys);
  free(m->seen);
  for (int i = 0; i < 64; i++) {
    hd_big_release(&m->d[i].mem);
    free(m->d[i].seen);
  }
  hd_big_release(&m->arena);
}

static const signed char *hex_values(void) {
  static signed char v[256];
  static int made;
  if (!made) {
    memset(v, -1, sizeof v);
    for (int i = 0; i < 10; i++) v['0' + i] = (signed char)i;
    for (int i = 0; i < 6; i++) v['a' + i] = (signed char)(10 + i);
    made = 1;
  }
  return v;
}

/* Append an entry (payload p of n bytes, recorded hash text of hlen bytes) to the arena;
 * *poff is where its payload now is. -1 if out of memory. */
static int keep_entry(rowmap *m, const char *p, size_t n, const char *hash, size_t hlen,
                      uint64_t *poff) {
  if (n > UINT32_MAX - ENTRY_HEAD) return -1;
  if (m->pused + ENTRY_HEAD + n > m->arena.cap) {
    if (hd_big_reserve(&m->arena, m->pused + ENTRY_HEAD + n)) return -1;
    m->payloads = m->arena.p;
  }
  /* Memory the arena cannot have is an error here, not a signal when it is written. */
  if (hd_big_commit(&m->arena, m->pused + ENTRY_HEAD + n)) return -1;
  entry_head h = {(uint32_t)n, hash && hlen == 64, {0}, {0}, 0};
  const signed char *v = hex_values();
  for (int i = 0; h.hash_ok && i < 32; i++) {
    int hi = v[(unsigned char)hash[2 * i]], lo = v[(unsigned char)hash[2 * i + 1]];
    if ((hi | lo) < 0) h.hash_ok = 0;
    h.hash[i] = (uint8_t)(hi << 4 | (lo & 15));
  }
  memcpy(m->payloads + m->pused, &h, sizeof h);
  memcpy(m->payloads + m->pused + ENTRY_HEAD, p, n);
  *poff = m->pused + ENTRY_HEAD;
  m->pused += ENTRY_HEAD + n;
  return 0;
}

/* The end of the JSON value at p (within end), or NULL: enough JSON to find a row entry's
 * key (a number, a string or an array of them). */
static const char *skip_value(const char *p, const char *end) {
  int depth = 0;
  while (p < end) {
    char c = *p;
    if (c == '"') {
      for (p++; p < end && *p != '"'; p++)
        if (*p == '\\') p++;
      if (p >= end) return NULL;
      p++;
    } else if (c == '[' || c == '{') {
      depth++;
      p++;
    } else if (c == ']' || c == '}') {
      if (!depth) return p;
      depth--;
      p++;
    } else if (c == ',' && !depth) {
      return p;
    } else {
      p++;
    }
    if (!depth && (p >= end || *p == ',' || *p == ']')) return p;
  }
  return NULL;
}

/* ["row","TABLE",KEY,ROW]: the table's index, the key's span, whether ROW is null. */
static int parse_row_entry(const char *p, size_t n, int *tbl, const char **key, size_t *klen,
                           int *deleted) {
  const char *end = p + n;
  if (n < 16 || memcmp(p, "[\"row\",\"", 8) != 0) return -1;
  const char *t = p + 8, *q = memchr(t, '"', (size_t)(end - t));
  if (!q || q - t > 64 || q + 2 >= end || q[1] != ',') return -1;
  if ((*tbl = rowlog_table_index_n(t, (size_t)(q - t))) < 0) return -1;
  *key = q + 2;
  const char *k_end = skip_value(*key, end);
  if (!k_end || k_end == *key || *k_end != ',') return -1;
  *klen = (size_t)(k_end - *key);
  const char *r = k_end + 1;
  if (end - r == 5 && !memcmp(r, "null]", 5)) *deleted = 1;
  else if (end - r >= 3 && r[0] == '[' && end[-1] == ']' && end[-2] == ']') *deleted = 0;
  else return -1;
  return 0;
}

/* ---- Problems ---- */
static void problem(hd_chain_report *rep, hd_err *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void problem(hd_chain_report *rep, hd_err *err, const char *fmt, ...) {
  char msg[HD_ERR_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (!rep->problems) hd_err_set(err, HD_EDATA, "%s", msg);
  rep->problems++;
  if (rep->problems <= HD_CHAIN_LIST_MAX) hd_buf_printf(&rep->list, "%s\n", msg);
}

/* "cases 17 (SQ-2026-0017)", "findings 812 (case SQ-2026-0003)": a table, a key and what
 * a person knows the row by. ROW is a JSON array of the row's values in column order. */
static void describe(sqlite3 *db, const hd_table_shape *t, const char *key, size_t klen,
                     json_object *row, char *out, size_t size) {
  int num = -1, cas = -1, cert = -1;
  for (int c = 0; c < t->ncols; c++) {
    if (!strcmp(t->cols[c], "number")) num = c;
    if (!strcmp(t->cols[c], "case_id")) cas = c;
    if (!strcmp(t->cols[c], "certificate_id")) cert = c;
  }
  char extra[200] = "";
  if (row && num >= 0 && json_object_array_length(row) > (size_t)num)
    hd_snprintf(extra, sizeof extra, " (%s)", json_object_get_string(json_object_array_get_idx(row, (size_t)num)));
  else if (row && cas < 0 && cert >= 0 && json_object_array_length(row) > (size_t)cert) {
    char *n = store_text(db, "SELECT number FROM certificates WHERE id = ?1",
                         json_object_get_int64(json_object_array_get_idx(row, (size_t)cert)));
    if (n) hd_snprintf(extra, sizeof extra, " (certificate %s)", n);
    free(n);
  } else if (row && cas >= 0 && json_object_array_length(row) > (size_t)cas) {
    char *n = store_text(db, "SELECT number FROM cases WHERE id = ?1",
                         json_object_get_int64(json_object_array_get_idx(row, (size_t)cas)));
    if (n) hd_snprintf(extra, sizeof extra, " (case %s)", n);
    free(n);
  }
  hd_snprintf(out, size, "%s %.*s%s", t->name, (int)(klen > 200 ? 200 : klen), key, extra);
}

static json_object *row_of(const char *payload) {
  json_object *o = json_tokener_parse(payload);
  json_object *r = o && json_object_is_type(o, json_type_array) && json_object_array_length(o) == 4
                       ? json_object_array_get_idx(o, 3) : NULL;
  if (r) json_object_get(r);
  json_object_put(o);
  return r && json_object_is_type(r, json_type_array) ? r : (json_object_put(r), NULL);
}

/* What changed between the recorded and the current row: "status 'rejected' → 'approved'". */
static void diff(const hd_table_shape *t, json_object *was, json_object *now, char *out, size_t size) {
  hd_buf b;
  hd_buf_init(&b, 900);
  size_t nw = was ? json_object_array_length(was) : 0, nn = now ? json_object_array_length(now) : 0;
  for (size_t c = 0; c < (nw > nn ? nw : nn); c++) {
    json_object *a = c < nw ? json_object_array_get_idx(was, c) : NULL;
    json_object *z = c < nn ? json_object_array_get_idx(now, c) : NULL;
    const char *as = a ? json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE) : "null";
    char *asc = strdup(as);
    const char *zs = z ? json_object_to_json_string_ext(z, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE) : "null";
    if (asc && strcmp(asc, zs) != 0)
      hd_buf_printf(&b, "%s%s %.120s → %.120s", b.len ? ", " : "",
                    c < (size_t)t->ncols ? t->cols[c] : "?", asc, zs);
    free(asc);
  }
  hd_snprintf(out, size, "%s", b.len ? b.p : "its values are recorded differently");
  hd_buf_release(&b);
}

static char *entry_payload(sqlite3 *db, long long seq) {
  return store_text(db, "SELECT payload FROM ledger WHERE seq = ?1", seq);
}

/* fn(arg, fd) in a child process that writes what it found to fd and exits; *rfd is the
 * read end. -1 if no child could be made (nothing ran: the caller does the work itself).
 * The child never touches the parent's SQLite connection. */
static pid_t child_start(void (*fn)(void *, int), void *arg, int *rfd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    fn(arg, fds[1]);
    _exit(0);
  }
  close(fds[1]);
  if (pid < 0) close(fds[0]);
  else *rfd = fds[0];
  return pid;
}

static void child_end(pid_t pid, int rfd) {
  close(rfd);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
}

/* ---- The walk ---- */
/* How far the arena is written, in memory shared with the hash child that follows it. */
typedef struct progress {
  uint64_t written;     /* bytes of whole entries */
  uint64_t cap;         /* the arena's size when written was (the child maps that much) */
  int done;             /* every entry is read (written is final) */
} progress;
#define PUBLISH ((size_t)256 << 10)

typedef struct chain_read {
  long long n;          /* entries read (heads and payloads in m->arena) */
  rowmap *m;
  progress *pg;         /* shared with the hash child, or NULL (hashed after reading) */
  pid_t parent;         /* the process that reads (the hash child ends if it is gone) */
  const hd_chain_opts *o;
  unsigned char root[32];
  long long bad;        /* the first entry whose hash is wrong (1-based), 0 if none */
  long long unparsed;   /* the first kind 'row' entry that is not one hdreg writes, 0 if none */
  long long mislabelled; /* the first entry whose kind, tbl or ref_id is not its content's */
  char head[65];
} chain_read;

/* Tell the hash child how far the arena is written (and, done, that that is all). */
static void publish(progress *pg, const rowmap *m, int done) {
  __atomic_store_n(&pg->cap, (uint64_t)m->arena.cap, __ATOMIC_RELEASE);
  __atomic_store_n(&pg->written, (uint64_t)m->pused, __ATOMIC_RELEASE);
  if (done) __atomic_store_n(&pg->done, 1, __ATOMIC_RELEASE);
}

/* Read every entry into memory, in order: payloads, recorded hashes, and the rows they
 * record (the map). Gaps in the sequence and row entries hdreg could not have written
 * stop it (rep->bad_seq, err). */
static int read_chain(sqlite3 *db, hd_chain_report *rep, rowmap *m, chain_read *cr, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT seq, kind, payload, hash, tbl, ref_id FROM ledger ORDER BY seq", &st, err))
    return HD_EDB;
  long long last = 0;
  int rc = HD_OK, s;
  while (rc == HD_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
    long long seq = sqlite3_column_int64(st, 0);
    const char *kind = (const char *)sqlite3_column_text(st, 1);
    const char *payload = (const char *)sqlite3_column_text(st, 2);
    size_t plen = (size_t)sqlite3_column_bytes(st, 2);
    if (!payload) payload = "";
    rep->bad_seq = seq;
    if (seq != last + 1) {
      if (seq == last + 2) rc = hd_err_set(err, HD_EDATA, "ledger entry %lld is missing (deleted)", last + 1);
      else rc = hd_err_set(err, HD_EDATA, "ledger entries %lld to %lld are missing (deleted)", last + 1, seq - 1);
      break;
    }
    const char *hash = (const char *)sqlite3_column_text(st, 3);
    uint64_t poff;
    if (keep_entry(m, payload, plen, hash, hash ? (size_t)sqlite3_column_bytes(st, 3) : 0, &poff)) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    /* The hash covers the payload only: the kind, tbl and ref_id columns must say what it
     * says (otherwise an entry could be hidden by relabelling it). */
    size_t kl = kind ? strlen(kind) : 0;
    if (!cr->mislabelled && (!kl || plen < kl + 4 || payload[0] != '[' || payload[1] != '"' ||
                             memcmp(payload + 2, kind, kl) != 0 || payload[2 + kl] != '"'))
      cr->mislabelled = seq;
    if (plen >= 7 && !memcmp(payload, "[\"row\",", 7)) {
      int tbl, deleted;
      const char *key;
      size_t klen;
      long long id;
      rec *x;
      if (parse_row_entry(payload, plen, &tbl, &key, &klen, &deleted)) {
        /* Said after the hashes: an edited entry is news first as an edited entry. */
        if (!cr->unparsed) cr->unparsed = seq;
      } else if (!(x = map_find_id(m, tbl, id = key_id(m, tbl, key, klen), key, klen, 1))) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      } else {
        x->seq = (uint64_t)seq;
        x->deleted = deleted != 0;
        x->poff = poff;
        const char *tc = (const char *)sqlite3_column_text(st, 4);
        long long ref = sqlite3_column_int64(st, 5);
        if (!cr->mislabelled && (!tc || strcmp(tc, m->shape[tbl].name) != 0 ||
                                 (m->shape[tbl].rowid_pk && id >= 0 && ref != id)))
          cr->mislabelled = seq;
      }
    }
    cr->n++;
    last = seq;
    if (cr->pg && m->pused - cr->pg->written >= PUBLISH) publish(cr->pg, m, 0);
  }
  if (rc == HD_OK && s != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  if (rc == HD_OK) rep->bad_seq = 0;
  return rc;
}

/* Wait until the arena holds more than `have` bytes of whole entries (*have is then how
 * many); 0 when it never will (read_chain is done with it, or this process's parent is
 * gone). Without progress to follow, everything is there. */
static int more(chain_read *cr, pid_t parent, uint64_t *have) {
  if (!cr->pg) {
    if (*have >= cr->m->pused) return 0;
    *have = cr->m->pused;
    return 1;
  }
  for (unsigned naps = 0;; naps++) {
    int done = __atomic_load_n(&cr->pg->done, __ATOMIC_ACQUIRE);
    uint64_t w = __atomic_load_n(&cr->pg->written, __ATOMIC_ACQUIRE);
    if (w > *have) {
      *have = w;
      return 1;
    }
    if (done || (naps % 64 == 63 && getppid() != parent)) return 0;
    struct timespec ts = {0, 100000}; /* the reading is ahead again within 0.1 ms */
    nanosleep(&ts, NULL);
  }
}

/* Recompute every entry's hash (each covering the one before) and the Merkle tree: pure
 * computation over what read_chain keeps, so it can run beside the reading (following
 * cr->pg) and the row check. */
static void hash_chain(chain_read *cr, pid_t parent) {
  const hd_chain_opts *o = cr->o;
  const rowmap *m = cr->m;
  EVP_MD_CTX *md = EVP_MD_CTX_new();
  hd_frontier *f = malloc(sizeof *f);
  if (!md || !f) {
    cr->bad = -1;
    EVP_MD_CTX_free(md);
    free(f);
    return;
  }
  frontier_init(f);
  char prev[65];
  memcpy(prev, ZERO, sizeof prev);
  int next_size = 0;
  /* The arena as the parent grows it: mapped again when it grew past this view. */
  char *view = cr->pg ? NULL : m->payloads;
  size_t view_len = cr->pg ? 0 : m->pused;
  uint64_t have = 0, poff = 0;
  long long i = 0;
  while (!cr->bad && (poff < have || more(cr, parent, &have))) {
    if (cr->pg && have > view_len) {
      size_t len = (size_t)__atomic_load_n(&cr->pg->cap, __ATOMIC_ACQUIRE);
      if (view) munmap(view, view_len);
      if (!(view = hd_big_view(&m->arena, len))) {
        view_len = 0;
        cr->bad = -1;
        break;
      }
      view_len = len;
    }
    entry_head h;
    memcpy(&h, view + poff, sizeof h);
    const char *payload = view + poff + ENTRY_HEAD;
    unsigned char d[32], leaf[32];
    unsigned dn = 0;
    if (!(EVP_DigestInit_ex2(md, hd_sha256_md(), NULL) && EVP_DigestUpdate(md, prev, 64) &&
          EVP_DigestUpdate(md, "\n", 1) && EVP_DigestUpdate(md, payload, h.plen) &&
          EVP_DigestFinal_ex(md, d, &dn)) ||
        !h.hash_ok || memcmp(d, h.hash, 32) != 0) {
      cr->bad = i + 1;
      break;
    }
    hd_sha256_digits(d, prev);
    /* The leaf is SHA-256(0x00 || entry): the 0 byte is the head's last. */
    if (!(EVP_DigestInit_ex2(md, hd_sha256_md(), NULL) &&
          EVP_DigestUpdate(md, payload - 1, (size_t)h.plen + 1) && EVP_DigestFinal_ex(md, leaf, &dn))) {
      cr->bad = -1;
      break;
    }
    frontier_add(f, leaf);
    long long seq = ++i;
    while (o && next_size < o->n_sizes && o->sizes[next_size] == seq) frontier_root(f, o->roots[next_size++]);
    while (o && next_size < o->n_sizes && o->sizes[next_size] < seq) next_size++; /* 0 and repeats */
    poff += (uint64_t)h.plen + ENTRY_HEAD;
  }
  if (cr->pg && view) munmap(view, view_len);
  if (!cr->bad) {
    cr->n = i;
    frontier_root(f, cr->root);
    hd_snprintf(cr->head, sizeof cr->head, "%s", i ? prev : "");
    for (int k = 0; o && k < o->n_sizes; k++)
      if (o->sizes[k] == 0) frontier_root(&(hd_frontier){0}, o->roots[k]);
  }
  EVP_MD_CTX_free(md);
  free(f);
}

/* The child's findings through a pipe: entries hashed, bad, root, head, then the roots
 * asked for. */
static void send_result(int fd, const chain_read *cr) {
  int n = cr->o ? cr->o->n_sizes : 0;
  if (hd_write_all(fd, &cr->n, sizeof cr->n) || hd_write_all(fd, &cr->bad, sizeof cr->bad) || hd_write_all(fd, cr->root, 32) ||
      hd_write_all(fd, cr->head, sizeof cr->head) || (n && hd_write_all(fd, cr->o->roots, (size_t)n * 32)))
    _exit(1);
  close(fd);
}

static int recv_result(int fd, chain_read *cr, long long *hashed) {
  int n = cr->o ? cr->o->n_sizes : 0;
  return hd_read_all(fd, hashed, sizeof *hashed) || hd_read_all(fd, &cr->bad, sizeof cr->bad) || hd_read_all(fd, cr->root, 32) ||
         hd_read_all(fd, cr->head, sizeof cr->head) || (n && hd_read_all(fd, cr->o->roots, (size_t)n * 32));
}

static void hash_child(void *arg, int fd) {
  /* Behind the reading and SQLite's check of the file, which are the longer ways: it takes
   * the time they leave while they run, then a core to itself while the rows are checked. */
  (void)setpriority(PRIO_PROCESS, 0, 10);
  chain_read *cr = arg;
  hash_chain(cr, cr->parent);
  send_result(fd, cr);
}

/* The mark that the row of record x (table tbl) is in its table, made on first use. NULL
 * if out of memory. */
static uint8_t *seen_of(rowmap *m, int tbl, const rec *x) {
  dense *d = &m->d[tbl];
  if (d->a && x >= d->a && x < d->a + d->cap) {
    if (!d->seen && !(d->seen = calloc((size_t)d->cap, 1))) return NULL;
    return &d->seen[x - d->a];
  }
  const slot *sl = (const slot *)x; /* the record is a slot's first member */
  if (!m->seen && !(m->seen = calloc(m->cap, 1))) return NULL;
  return &m->seen[sl - m->s];
}



/* SQLite's own check of the file, with a connection of the child's own. */
static void integrity_child(void *arg, int fd) {
  const char *path = ((chain_read *)arg)->o->integrity_path;
  sqlite3 *c = NULL;
  hd_err e;
  hd_err_clear(&e);
  int r = store_open_readonly(path, &c, &e);
  /* Pages read in place from the page cache, not copied by read(2): a third less time. */
  if (r == HD_OK) sqlite3_exec(c, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
  if (r == HD_OK) r = store_integrity(c, &e);
  if (r == HD_EDATA) hd_err_prefix(&e, "'%s'", path);
  if (hd_write_all(fd, &r, sizeof r) || hd_write_all(fd, e.msg, sizeof e.msg)) _exit(1);
}

/* Every row of every covered table against the entry that last recorded it. */
static int adopt_row(sqlite3 *db, const hd_table_shape *t, const char *payload, size_t len,
                     long long ref, hd_err *err) {
  return rowlog_append(db, "row", t->name, ref, payload, len, err);
}

static int check_rows(sqlite3 *db, const hd_chain_opts *o, hd_chain_report *rep, rowmap *m,
                      hd_err *err) {
  int adopt = o && o->adopt;
  const hd_table_shape *shape = rowlog_shapes(db, err);
  if (!shape) return err->code;
  hd_buf b;
  hd_buf_init(&b, (size_t)1 << 30);
  int rc = HD_OK;
  char what[400], changed[1000];
  for (int i = 0; i < HD_ROWLOG_NTABLES && rc == HD_OK; i++) {
    const hd_table_shape *t = &shape[i];
    sqlite3_stmt *st;
    if ((rc = store_prepare(db, t->select_all, &st, err))) break;
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
      size_t koff, klen;
      hd_buf_reset(&b);
      if (rowlog_payload_at(&b, t, st, NULL, &koff, &klen) || !b.p) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      rep->rows++;
      rec *x = map_find(m, i, b.p + koff, klen, 0);
      uint8_t *seen = x ? seen_of(m, i, x) : NULL;
      if (x && !seen) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      if (x) *seen = 1;
      if (x && !x->deleted && head_at(m, x->poff).plen == b.len &&
          !memcmp(m->payloads + x->poff, b.p, b.len))
        continue;
      json_object *now = row_of(b.p);
      describe(db, t, b.p + koff, klen, now, what, sizeof what);
      if (!x) {
        problem(rep, err, "%s is not on the chain: it was inserted outside hdreg", what);
      } else if (x->deleted) {
        problem(rep, err, "%s is in the table again after entry %lld recorded its deletion: it was "
                "inserted outside hdreg", what, (long long)x->seq);
      } else {
        char *p = entry_payload(db, (long long)x->seq);
        json_object *was = p ? row_of(p) : NULL;
        diff(t, was, now, changed, sizeof changed);
        const char *hint = "";
        if (!strcmp(t->name, "counters") && was && now &&
            json_object_get_int64(json_object_array_get_idx(now, 1)) <
                json_object_get_int64(json_object_array_get_idx(was, 1)))
          hint = " (a counter set back: hdreg would give out numbers already given)";
        problem(rep, err, "%s was changed outside hdreg after entry %lld recorded it: %s%s", what,
                (long long)x->seq, changed, hint);
        json_object_put(was);
        free(p);
      }
      json_object_put(now);
      if (adopt) rc = adopt_row(db, t, b.p, b.len, t->rowid_pk ? sqlite3_column_int64(st, t->pk[0]) : 0, err);
      if (rc) break;
    }
    if (rc == HD_OK && s != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
  }
  hd_buf_release(&b);
  /* Rows the chain holds that the tables do not: in the arrays by id, then the others. */
  long long ti = 0, di = 0;
  for (size_t j = 0; rc == HD_OK;) {
    const rec *x;
    int tbl;
    char idtext[24];
    const char *key;
    size_t klen;
    if (ti < HD_ROWLOG_NTABLES) {
      if (di >= m->d[ti].cap) {
        ti++;
        di = 0;
        continue;
      }
      const dense *d = &m->d[ti];
      x = &d->a[di++];
      if (!x->seq || x->deleted || (d->seen && d->seen[di - 1])) continue;
      klen = (size_t)hd_snprintf(idtext, sizeof idtext, "%lld", di - 1);
      key = idtext;
      tbl = (int)ti;
    } else if (j < m->cap) {
      const slot *sl = &m->s[j++];
      x = &sl->r;
      if (!x->seq || x->deleted || (m->seen && m->seen[j - 1])) continue;
      key = m->keys + sl->koff;
      klen = sl->klen;
      tbl = sl->tbl;
    } else {
      break;
    }
    char *p = entry_payload(db, (long long)x->seq);
    json_object *was = p ? row_of(p) : NULL;
    describe(db, &shape[tbl], key, klen, was, what, sizeof what);
    problem(rep, err, "%s was deleted outside hdreg: entry %lld recorded it", what, (long long)x->seq);
    json_object_put(was);
    free(p);
    if (adopt) {
      const hd_table_shape *t = &shape[tbl];
      hd_buf d;
      hd_buf_init(&d, 0);
      hd_buf_printf(&d, "[\"row\",\"%s\",%.*s,null]", t->name, (int)klen, key);
      rc = d.p ? adopt_row(db, t, d.p, d.len, t->rowid_pk ? strtoll(key, NULL, 10) : 0, err)
               : hd_err_set(err, HD_ENOMEM, "out of memory");
      hd_buf_release(&d);
    }
  }
  if (rc == HD_OK && adopt) hd_err_clear(err);
  return rc ? rc : rep->problems && !adopt ? HD_EDATA : HD_OK;
}

/* The database's schema must be the one hdreg's migrations make: a trigger, table or view
 * someone added could change, inside hdreg's own transactions, rows hdreg then puts on
 * the chain as its own. Compared with a register made afresh in memory. */
static int check_schema(sqlite3 *db, hd_chain_report *rep, hd_err *err) {
  sqlite3 *ref = NULL;
  hd_err e;
  hd_err_clear(&e);
  if (store_open(":memory:", HD_STORE_CREATE, &ref, &e))
    return hd_err_set(err, e.code, "the reference schema: %s", e.msg);
  static const char Q[] = "SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema "
                          "WHERE substr(name, 1, 11) <> 'sqlite_stat' ORDER BY type, name";
  sqlite3_stmt *a = NULL, *b = NULL;
  int rc = HD_OK;
  if (store_prepare(db, Q, &a, err) || store_prepare(ref, Q, &b, err)) rc = HD_EDB;
  int sa = rc ? SQLITE_DONE : sqlite3_step(a), sb = rc ? SQLITE_DONE : sqlite3_step(b);
  while (rc == HD_OK && (sa == SQLITE_ROW || sb == SQLITE_ROW)) {
    int c = sa != SQLITE_ROW ? 1 : sb != SQLITE_ROW ? -1 : 0;
    for (int k = 0; k < 2 && c == 0; k++)
      c = strcmp((const char *)sqlite3_column_text(a, k), (const char *)sqlite3_column_text(b, k));
    const char *type = (const char *)sqlite3_column_text(c > 0 ? b : a, 0);
    const char *name = (const char *)sqlite3_column_text(c > 0 ? b : a, 1);
    const char *on = (const char *)sqlite3_column_text(c > 0 ? b : a, 2);
    if (c < 0) {
      problem(rep, err, "the database has a %s '%s'%s%s that hdreg did not make: %.300s", type, name,
              strcmp(type, "trigger") && strcmp(type, "index") ? "" : " on ",
              strcmp(type, "trigger") && strcmp(type, "index") ? "" : on,
              (const char *)sqlite3_column_text(a, 3));
      sa = sqlite3_step(a);
    } else if (c > 0) {
      problem(rep, err, "the database lacks hdreg's %s '%s' (it was dropped)", type, name);
      sb = sqlite3_step(b);
    } else {
      if (strcmp((const char *)sqlite3_column_text(a, 3), (const char *)sqlite3_column_text(b, 3)) != 0)
        problem(rep, err, "the %s '%s' is not hdreg's: it was changed to %.300s", type, name,
                (const char *)sqlite3_column_text(a, 3));
      sa = sqlite3_step(a);
      sb = sqlite3_step(b);
    }
  }
  sqlite3_finalize(a);
  sqlite3_finalize(b);
  store_close(ref);
  return rc;
}


int chain_verify(sqlite3 *db, const hd_chain_opts *o, hd_chain_report *rep, hd_err *err) {
  memset(rep, 0, sizeof *rep);
  hd_buf_init(&rep->list, 1 << 20);
  rowmap m = {0};
  chain_read cr = {0};
  cr.m = &m;
  cr.o = o;
  if (!(m.shape = rowlog_shapes(db, err))) return err->code;
  /* SQLite's own check of the file, beside everything else: in a child process with a
   * connection of its own (it never touches this one), from the start. */
  int ifd = -1;
  pid_t ichild = o && o->integrity_path ? child_start(integrity_child, &cr, &ifd) : -1;
  int irc = HD_OK;
  char imsg[HD_ERR_MAX] = "";
  if (o && o->integrity_path && ichild < 0) {
    hd_err e;
    hd_err_clear(&e);
    irc = store_integrity(db, &e);
    if (irc == HD_EDATA) hd_err_prefix(&e, "'%s'", o->integrity_path);
    memcpy(imsg, e.msg, sizeof imsg);
  }
  /* Read the file through the page cache without copying each page (SQLite's mmap), and
   * all of it in one read transaction: what a night commits meanwhile is not seen at all
   * (rather than rows seen without the entries that record them). */
  sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
  int rc = store_exec(db, "SAVEPOINT hd_chain_verify", err), in_txn = rc == HD_OK;
  char *maxseq = rc ? NULL : store_text(db, "SELECT max(seq) FROM ledger WHERE ?1 = ?1", 0);
  long long expect = maxseq ? strtoll(maxseq, NULL, 10) : 0;
  free(maxseq);
  m.dense_limit = 4 * expect + (1 << 20);
  /* Room for what is there, not grown piece by piece: each entry's head and about 128
   * bytes of payload. With a hash child, the arena is shared with it: it hashes the
   * entries as they are read (beside the reading and then the row check, in a process
   * that only computes: a second thread would make every later malloc of the process
   * take a lock, and the night goes on to run the checks). */
  int hfd = -1;
  pid_t child = -1;
  m.arena.shared = o && o->parallel;
  /* No more than the file could hold: max(seq) is only what the file says. */
  long long file = 0;
  char *pages = rc ? NULL : store_text(db, "SELECT page_count * page_size FROM pragma_page_count(), "
                                       "pragma_page_size() WHERE ?1 = ?1", 0);
  if (pages) file = strtoll(pages, NULL, 10);
  free(pages);
  if (rc == HD_OK && expect > 0 && expect < ((long long)1 << 32) && file > 0) {
    size_t want = (size_t)expect * (ENTRY_HEAD + 128), most = (size_t)file + (size_t)expect * ENTRY_HEAD;
    if (!hd_big_reserve(&m.arena, want < most ? want : most)) m.payloads = m.arena.p;
  }
  /* No shared memory to be had (no memfd here): the arena is this process's, hashed after. */
  if (!m.payloads) m.arena.shared = 0;
  cr.parent = getpid();
  if (rc == HD_OK && m.arena.shared && m.payloads) {
    cr.pg = mmap(NULL, sizeof *cr.pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (cr.pg == MAP_FAILED) cr.pg = NULL;
    if (cr.pg && (child = child_start(hash_child, &cr, &hfd)) < 0) {
      munmap(cr.pg, sizeof *cr.pg);
      cr.pg = NULL;
    }
  }
  if (rc == HD_OK) rc = read_chain(db, rep, &m, &cr, err);
  /* However the reading ended, the child has all it will get. */
  if (cr.pg) publish(cr.pg, &m, 1);
  if (rc == HD_OK) {
    if (child < 0) hash_chain(&cr, getpid());
    hd_err rerr;
    hd_err_clear(&rerr);
    int row_rc = check_rows(db, o, rep, &m, &rerr);
    long long hashed = cr.n;
    if (child > 0 && (recv_result(hfd, &cr, &hashed) || (!cr.bad && hashed != cr.n))) {
      /* The child could not finish (it died, or could not map the arena): everything it
       * would have said is computed here, from the same arena. */
      kill(child, SIGKILL);
      child_end(child, hfd);
      child = -1;
      munmap(cr.pg, sizeof *cr.pg);
      cr.pg = NULL;
      cr.bad = 0;
      hash_chain(&cr, getpid());
    }
    rep->entries = cr.n;
    if (cr.bad < 0) {
      rc = hd_err_set(err, HD_EINTERNAL, "the hashes of the register could not be computed");
    } else if (cr.bad) {
      /* A broken chain is the news; the rows are judged against a chain that holds. */
      rep->bad_seq = cr.bad;
      rep->entries = cr.bad - 1;
      rep->problems = 0;
      hd_buf_reset(&rep->list);
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld: its hash does not match its content and the "
                      "entry before it (an entry was changed, inserted or moved there)", cr.bad);
    } else if (cr.mislabelled) {
      rep->bad_seq = cr.mislabelled;
      rep->problems = 0;
      hd_buf_reset(&rep->list);
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld: its kind, tbl or ref_id column is not what its "
                      "content says (the entry was relabelled)", cr.mislabelled);
    } else if (cr.unparsed) {
      rep->bad_seq = cr.unparsed;
      rep->problems = 0;
      hd_buf_reset(&rep->list);
      rc = hd_err_set(err, HD_EDATA, "ledger entry %lld is not a row entry hdreg writes", cr.unparsed);
    } else {
      memcpy(rep->root, cr.root, 32);
      memcpy(rep->head, cr.head, sizeof rep->head);
      rc = row_rc;
      if (rc) *err = rerr;
      if (rc == HD_OK || rc == HD_EDATA) {
        int had = rep->problems;
        int src = check_schema(db, rep, had ? &rerr : err);
        rep->schema_problems = rep->problems - had;
        if (src) rc = src;
        else if (rep->schema_problems) rc = HD_EDATA;
      }
    }
  } else {
    rep->entries = cr.n;
    /* The reading failed: what the child would still hash is not wanted. */
    if (child > 0) kill(child, SIGKILL);
  }
  if (child > 0) child_end(child, hfd);
  if (cr.pg) munmap(cr.pg, sizeof *cr.pg);
  map_free(&m);
  if (in_txn && store_exec(db, "RELEASE hd_chain_verify", NULL)) {
    /* Not left inside the read transaction. */
    store_exec(db, "ROLLBACK TO hd_chain_verify", NULL);
    store_exec(db, "RELEASE hd_chain_verify", NULL);
    if (rc == HD_OK) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  }
  sqlite3_exec(db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
  if (ichild > 0) {
    if (hd_read_all(ifd, &irc, sizeof irc) || hd_read_all(ifd, imsg, sizeof imsg)) {
      irc = HD_EINTERNAL;
      hd_snprintf(imsg, sizeof imsg, "SQLite's check of the file could not be run");
    }
    imsg[sizeof imsg - 1] = '\0';
    child_end(ichild, ifd);
  }
  /* A damaged file explains whatever else was found: it is the verdict. */
  if (irc != HD_OK) {
    hd_buf_reset(&rep->list);
    rep->problems = 0;
    hd_err_clear(err);
    hd_err_set(err, irc, "%s", imsg);
    return irc;
  }
  return rc;
}

void chain_report_free(hd_chain_report *rep) { hd_buf_release(&rep->list); }

int chain_leaves(sqlite3 *db, long long n, unsigned char (**out)[32], hd_err *err) {
  *out = NULL;
  unsigned char (*v)[32] = malloc((size_t)(n ? n : 1) * 32);
  if (!v) return hd_err_set(err, HD_ENOMEM, "out of memory");
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT seq, payload FROM ledger WHERE seq <= ?1 ORDER BY seq", &st, err)) {
    free(v);
    return HD_EDB;
  }
  sqlite3_bind_int64(st, 1, n);
  long long i = 0;
  while (i < n && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == i + 1) {
    merkle_leaf(sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1), v[i]);
    i++;
  }
  sqlite3_finalize(st);
  if (i != n) {
    free(v);
    return hd_err_set(err, HD_EDATA, "the register has %lld entries in order, not %lld", i, n);
  }
  *out = v;
  return HD_OK;
}

/* The value at i of a JSON array as text for a listing ("" for null or none). */
static const char *at(json_object *a, size_t i) {
  json_object *v = a && i < json_object_array_length(a) ? json_object_array_get_idx(a, i) : NULL;
  return v ? json_object_get_string(v) : "";
}

static long long at_int(json_object *a, size_t i) {
  json_object *v = a && i < json_object_array_length(a) ? json_object_array_get_idx(a, i) : NULL;
  return v ? json_object_get_int64(v) : 0;
}

/* The case an entry is about (0 if none): legacy event/document entries and rows of
 * tables with a case_id column (or cases itself). */
static long long entry_case(const hd_table_shape *shape, const char *kind, json_object *e) {
  if (!strcmp(kind, "event")) return at_int(e, 2);
  if (!strcmp(kind, "document")) return at_int(e, 3);
  if (strcmp(kind, "row") != 0) return 0;
  int t = rowlog_table_index(at(e, 1));
  json_object *row = json_object_array_get_idx(e, 3);
  if (t < 0) return 0;
  if (!strcmp(shape[t].name, "cases")) return at_int(e, 2);
  for (int c = 0; row && c < shape[t].ncols; c++)
    if (!strcmp(shape[t].cols[c], "case_id")) return at_int(row, (size_t)c);
  return 0;
}

int chain_show(sqlite3 *db, long long case_id, FILE *out, hd_err *err) {
  const hd_table_shape *shape = rowlog_shapes(db, err);
  if (!shape) return err->code;
  sqlite3_stmt *st;
  long long import_id = 0;
  if (case_id) {
    char *v = store_text(db, "SELECT import_id FROM cases WHERE id = ?1", case_id);
    import_id = v ? strtoll(v, NULL, 10) : 0;
    free(v);
  }
  if (store_prepare(db, "SELECT seq, kind, hash, payload FROM ledger ORDER BY seq", &st, err)) return HD_EDB;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *kind = (const char *)sqlite3_column_text(st, 1);
    json_object *e = json_tokener_parse((const char *)sqlite3_column_text(st, 3));
    if (!kind || !e || !json_object_is_type(e, json_type_array)) {
      json_object_put(e);
      continue;
    }
    if (case_id && entry_case(shape, kind, e) != case_id &&
        !(import_id && !strcmp(kind, "import") && at_int(e, 1) == import_id) &&
        !(import_id && !strcmp(kind, "row") && !strcmp(at(e, 1), "imports") && at_int(e, 2) == import_id)) {
      json_object_put(e);
      continue;
    }
    fprintf(out, "%6lld  %.12s  ", (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 2));
    json_object *row = json_object_array_get_idx(e, 3);
    const char *tbl = at(e, 1);
    if (!strcmp(kind, "event")) {
      char *n = store_text(db, "SELECT number FROM cases WHERE id = ?1", at_int(e, 2));
      fprintf(out, "%s  %s  %s -> %s  %s：%s\n", at(e, 3), n ? n : "?", at(e, 4), at(e, 5), at(e, 6), at(e, 7));
      free(n);
    } else if (!strcmp(kind, "import")) {
      fprintf(out, "%s  import  %s  %s, %lld cases  sha256 %.16s…\n", at(e, 2), at(e, 3), at(e, 6),
              at_int(e, 8), at(e, 4));
    } else if (!strcmp(kind, "document")) {
      char *n = store_text(db, "SELECT number FROM cases WHERE id = ?1", at_int(e, 3));
      fprintf(out, "%s  %s  %s  %s  sha256 %.16s…\n", at(e, 9), n ? n : "", at(e, 2), at(e, 6), at(e, 7));
      free(n);
    } else if (!strcmp(kind, "row") && !json_object_is_type(row, json_type_array)) {
      fprintf(out, "%s %s deleted\n", tbl, json_object_to_json_string_ext(json_object_array_get_idx(e, 2), JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
    } else if (!strcmp(kind, "row") && !strcmp(tbl, "case_events")) {
      char *n = store_text(db, "SELECT number FROM cases WHERE id = ?1", at_int(row, 1));
      fprintf(out, "%s  %s  %s -> %s  %s：%s\n", at(row, 2), n ? n : "?", at(row, 3), at(row, 4), at(row, 5), at(row, 6));
      free(n);
    } else if (!strcmp(kind, "row") && !strcmp(tbl, "documents")) {
      char *n = store_text(db, "SELECT number FROM cases WHERE id = ?1", at_int(row, 2));
      fprintf(out, "%s  %s  %s  %s  sha256 %.16s…\n", at(row, 8), n ? n : "", at(row, 1), at(row, 5), at(row, 6));
      free(n);
    } else if (!strcmp(kind, "row") && !strcmp(tbl, "imports")) {
      fprintf(out, "%s  import  %s  %s, %lld cases  sha256 %.16s…\n", at(row, 1), at(row, 2), at(row, 5),
              at_int(row, 7), at(row, 3));
    } else if (!strcmp(kind, "row")) {
      const char *r = json_object_to_json_string_ext(row, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
      size_t n = strlen(r);
      int cut = n > 160;
      if (cut)
        for (n = 160; n > 0 && ((unsigned char)r[n] & 0xC0) == 0x80; n--) {} /* a whole character */
      fprintf(out, "%s %s  %.*s%s\n", tbl, json_object_to_json_string_ext(json_object_array_get_idx(e, 2), JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE),
              (int)n, r, cut ? "…" : "");
    } else if (!strcmp(kind, "adopt")) {
      fprintf(out, "%s  adopted by %s: %s (%lld row%s changed past hdreg follow%s)\n", at(e, 1), at(e, 2),
              at(e, 3), at_int(e, 4), at_int(e, 4) == 1 ? "" : "s", at_int(e, 4) == 1 ? "s" : "");
    } else {
      fprintf(out, "%s\n", at(e, 2));
    }
    json_object_put(e);
  }
  sqlite3_finalize(st);
  return HD_OK;
}

int chain_sign_head(sqlite3 *db, const struct hd_signer *s, const char *date, int *signed_now,
                    hd_err *err) {
  sqlite3_stmt *st;
  *signed_now = 0;
  if (store_prepare(db, "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1", &st, err))
    return HD_EDB;
  long long seq = 0;
  char head[65] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    seq = sqlite3_column_int64(st, 0);
    hd_snprintf(head, sizeof head, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  if (!seq) return HD_OK;
  if (store_prepare(db, "SELECT count(*) FROM ledger_heads WHERE seq = ?1 AND head = ?2", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_text(st, 2, head, -1, SQLITE_STATIC);
  int have = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
  sqlite3_finalize(st);
  if (have) return HD_OK;
  char text[128], sig[128];
  hd_snprintf(text, sizeof text, "HDREG-LEDGER:%lld:%s", seq, head);
  if (sign_text(s, text, sig, sizeof sig))
    return hd_err_set(err, HD_EUSAGE, "the keys directory has no QR key (authority-qr.key) to sign the ledger head with");
  if (store_prepare(db, "INSERT INTO ledger_heads(at, seq, head, signature) VALUES (?1, ?2, ?3, ?4)",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, seq);
  sqlite3_bind_text(st, 3, head, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, sig, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st) == SQLITE_DONE ? HD_OK
                                           : hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  if (rc == HD_OK) *signed_now = 1;
  return rc;
}

int chain_verify_heads(sqlite3 *db, const char *keys_dir, long long *n_heads, hd_err *err) {
  sqlite3_stmt *st;
  *n_heads = 0;
  if (store_prepare(db, "SELECT h.at, h.seq, h.head, h.signature, l.hash FROM ledger_heads h "
                        "LEFT JOIN ledger l ON l.seq = h.seq ORDER BY h.id", &st, err))
    return HD_EDB;
  int rc = HD_OK;
  while (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
    const char *at = (const char *)sqlite3_column_text(st, 0);
    long long seq = sqlite3_column_int64(st, 1);
    const char *head = (const char *)sqlite3_column_text(st, 2);
    const char *sig = (const char *)sqlite3_column_text(st, 3);
    const char *now = (const char *)sqlite3_column_text(st, 4);
    char text[128];
    hd_snprintf(text, sizeof text, "HDREG-LEDGER:%lld:%s", seq, head);
    int v = verify_text(keys_dir, text, strlen(text), sig);
    if (v < 0) rc = hd_err_set(err, HD_EUSAGE, "no QR key in '%s' (authority-qr.pub)", keys_dir);
    else if (!v)
      rc = hd_err_set(err, HD_EDATA, "the head signed on %s (entry %lld) does not carry the "
                      "register's signature", at, seq);
    else if (!now || strcmp(now, head) != 0)
      rc = hd_err_set(err, HD_EDATA, "the head signed on %s (entry %lld) is %s in the chain: the "
                      "chain was rewritten", at, seq, now ? "not what it was" : "no longer");
    else (*n_heads)++;
  }
  sqlite3_finalize(st);
  return rc;
}
