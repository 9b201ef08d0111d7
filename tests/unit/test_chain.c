/* ledger verify's memory and processes: large arrays that grow in place (util/bigmem), a
 * shared arena a child maps again as it grows, and chain_verify with its hash child giving
 * exactly what it gives without one — on a register whose entries outgrow the room first
 * reserved for them (the child then follows the arena into its larger mapping). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "ledger/chain.h"
#include "store/store.h"
#include "util/bigmem.h"

static void bigmem_checks(void) {
  hd_big b = {0};
  CHECK_INT(hd_big_reserve(&b, 100), 0);
  CHECK(b.cap >= 100);
  unsigned char *p = b.p;
  CHECK_INT(p[99], 0); /* zero-filled */
  memset(p, 7, 100);
  CHECK_INT(hd_big_reserve(&b, (size_t)40 << 20), 0); /* grows, keeps what it held */
  p = b.p;
  CHECK_INT(p[0], 7);
  CHECK_INT(p[99], 7);
  CHECK_INT(p[100], 0);
  CHECK_INT(p[(40 << 20) - 1], 0);
  hd_big_release(&b);
  CHECK(b.p == NULL);
  hd_big_release(&b); /* an empty one too */

  /* Shared: a child made before the arena grew maps it again and sees what was written. */
  hd_big s = {0};
  s.shared = 1;
  CHECK_INT(hd_big_reserve(&s, 4096), 0);
  CHECK_INT(hd_big_commit(&s, 4096), 0);
  ((unsigned char *)s.p)[5] = 5; /* written before the child is made and before it grows */
  int fds[2];
  CHECK_INT(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    char go;
    close(fds[1]);
    if (read(fds[0], &go, 1) != 1) _exit(2);
    size_t len = (size_t)24 << 20;
    const unsigned char *v = hd_big_view(&s, len);
    _exit(v && v[0] == 1 && v[5] == 5 && v[len - 1] == 9 ? 0 : 1);
  }
  close(fds[0]);
  CHECK_INT(hd_big_reserve(&s, (size_t)24 << 20), 0);
  unsigned char *q = s.p;
  CHECK_INT(q[5], 5); /* kept across the growth */
  q[0] = 1;
  q[(24 << 20) - 1] = 9;
  CHECK_INT(write(fds[1], "g", 1), 1);
  close(fds[1]);
  int status = -1;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  CHECK(hd_big_commit(&s, s.cap + 1) == -1); /* beyond what is mapped */
  hd_big_release(&s);
  hd_big p2 = {0};
  CHECK_INT(hd_big_reserve(&p2, 10), 0);
  CHECK(hd_big_view(&p2, 10) == NULL); /* not shared: nothing to map again */
  CHECK_INT(hd_big_commit(&p2, 10), 0);
  hd_big_release(&p2);
}

int main(void) {
  bigmem_checks();

  char path[] = "/tmp/hdreg-test-chain-XXXXXX";
  check_temp_db(path);
  hd_err err;
  sqlite3 *db = NULL;
  hd_err_clear(&err);
  CHECK_INT(store_open(path, HD_STORE_CREATE, &db, &err), HD_OK);
  /* Entries of 3 and 5 MB: far more than the 168 bytes an entry is given room for. */
  for (int k = 0; k < 2; k++) {
    size_t n = (size_t)(3 + 2 * k) << 20;
    char *big = malloc(n + 1);
    CHECK(big != NULL);
    memset(big, 'a' + k, n);
    big[n] = '\0';
    sqlite3_stmt *st;
    hd_err_clear(&err);
    CHECK_INT(store_begin(db, &err), HD_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)",
                                 -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, k ? "test_large_b" : "test_large_a", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, big, (int)n, SQLITE_STATIC);
    CHECK_INT(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    CHECK_INT(store_commit(db, &err), HD_OK);
    free(big);
  }
  long long sizes[1] = {3};
  unsigned char roots[2][1][32];
  hd_chain_report rep[2];
  for (int par = 0; par < 2; par++) {
    hd_chain_opts o = {sizes, 1, roots[par], 0, par, par ? path : NULL};
    hd_err_clear(&err);
    CHECK_INT(chain_verify(db, &o, &rep[par], &err), HD_OK);
    CHECK_STR(err.msg, "");
  }
  CHECK(rep[0].entries > 2);
  CHECK_INT(rep[1].entries, rep[0].entries);
  CHECK_INT(rep[1].rows, rep[0].rows);
  CHECK_STR(rep[1].head, rep[0].head);
  CHECK(strlen(rep[0].head) == 64);
  CHECK(!memcmp(rep[1].root, rep[0].root, 32));
  CHECK(!memcmp(roots[1][0], roots[0][0], 32));
  /* The large row changed past hdreg: named the same way by both. */
  sqlite3_exec(db, "DROP TRIGGER IF EXISTS settings_no_update; UPDATE settings SET value = 'x' "
                   "WHERE key = 'test_large_b'", NULL, NULL, NULL);
  for (int par = 0; par < 2; par++) {
    chain_report_free(&rep[par]);
    hd_chain_opts o = {NULL, 0, NULL, 0, par, par ? path : NULL};
    hd_err_clear(&err);
    CHECK_INT(chain_verify(db, &o, &rep[par], &err), HD_EDATA);
    CHECK(strstr(err.msg, "settings \"test_large_b\" was changed outside hdreg after entry ") == err.msg);
  }
  CHECK_STR(rep[1].list.p, rep[0].list.p);
  /* An entry's recorded hash changed: the first bad entry, named the same way by both. */
  char copy[64];
  snprintf(copy, sizeof copy, "%s.c", path);
  sqlite3 *cdb = NULL;
  char vac[128];
  snprintf(vac, sizeof vac, "VACUUM INTO '%s'", copy);
  CHECK_INT(sqlite3_exec(db, vac, NULL, NULL, NULL), SQLITE_OK);
  hd_err_clear(&err);
  CHECK_INT(store_open(copy, HD_STORE_MUST_EXIST, &cdb, &err), HD_OK);
  CHECK_INT(sqlite3_exec(cdb, "DROP TRIGGER ledger_no_update; UPDATE ledger SET hash = CASE WHEN "
                              "substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END || substr(hash, 2) "
                              "WHERE seq = 3", NULL, NULL, NULL),
            SQLITE_OK);
  for (int par = 0; par < 2; par++) {
    chain_report_free(&rep[par]);
    hd_chain_opts o = {NULL, 0, NULL, 0, par, par ? copy : NULL};
    hd_err_clear(&err);
    CHECK_INT(chain_verify(cdb, &o, &rep[par], &err), HD_EDATA);
    CHECK_STR(err.msg, "ledger entry 3: its hash does not match its content and the entry before it "
                       "(an entry was changed, inserted or moved there)");
    CHECK_INT(rep[par].bad_seq, 3);
    CHECK_INT(rep[par].entries, 2);
  }
  /* The ledger unreadable as hdreg reads it (a column renamed): an error, not a hash child
   * waiting for entries that never come (the test fails by alarm if it hangs). */
  CHECK_INT(sqlite3_exec(cdb, "ALTER TABLE ledger RENAME COLUMN ref_id TO ref", NULL, NULL, NULL),
            SQLITE_OK);
  alarm(60);
  for (int par = 0; par < 2; par++) {
    chain_report_free(&rep[par]);
    hd_chain_opts o = {NULL, 0, NULL, 0, par, par ? copy : NULL};
    hd_err_clear(&err);
    CHECK_INT(chain_verify(cdb, &o, &rep[par], &err), HD_EDB);
    CHECK(strstr(err.msg, "ref_id") != NULL);
  }
  alarm(0);
  store_close(cdb);
  check_remove_db(copy);
  chain_report_free(&rep[0]);
  chain_report_free(&rep[1]);
  store_close(db);
  check_remove_db(path);
  return check_done();
}
