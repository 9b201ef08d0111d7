/* pool.c: worker processes for rendering (pool.h). */
#include "procedure/pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/fsutil.h"

typedef struct msg {
  int index;
  hd_job_result r;
} msg;

static void worker(int k, int jobs, const char *db_path, int count, hd_job_fn fn, void *ctx,
                   int fd) {
  sqlite3 *db = NULL;
  /* The parent's connection is not used here (SQLite connections do not survive fork);
   * the worker reads through its own. */
  if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    _exit(3);
  sqlite3_busy_timeout(db, 60000);
  for (int i = k; i < count; i += jobs) {
    msg m;
    memset(&m, 0, sizeof m);
    m.index = i;
    fn(ctx, db, i, &m.r);
    m.r.done = 1;
    if (hd_write_all(fd, &m, sizeof m)) _exit(4);
  }
  sqlite3_close(db);
  _exit(0);
}

int pool_run(int jobs, sqlite3 *db, const char *db_path, int count, hd_job_fn fn, void *ctx,
             hd_job_result *results, hd_err *err) {
  memset(results, 0, (size_t)count * sizeof *results);
  if (jobs > count) jobs = count;
  if (jobs <= 1) {
    for (int i = 0; i < count; i++) {
      fn(ctx, db, i, &results[i]);
      results[i].done = 1;
    }
    return HD_OK;
  }
  pid_t pids[64];
  struct pollfd fds[64];
  if (jobs > 64) jobs = 64;
  fflush(NULL);
  int started = 0;
  for (int k = 0; k < jobs; k++) {
    int p[2];
    if (pipe(p) != 0) break;
    pid_t pid = fork();
    if (pid < 0) {
      close(p[0]);
      close(p[1]);
      break;
    }
    if (pid == 0) {
      close(p[0]);
      for (int j = 0; j < started; j++) close(fds[j].fd);
      worker(k, jobs, db_path, count, fn, ctx, p[1]);
    }
    close(p[1]);
    pids[started] = pid;
    fds[started].fd = p[0];
    fds[started].events = POLLIN;
    started++;
  }
  if (started < jobs) {
    for (int k = 0; k < started; k++) {
      kill(pids[k], SIGKILL);
      waitpid(pids[k], NULL, 0);
      close(fds[k].fd);
    }
    return hd_err_set(err, HD_EINTERNAL, "cannot start %d worker processes: %s", jobs,
                      strerror(errno));
  }
  /* Read results as they come (a pipe holds only a few of them); a message may arrive
   * in pieces (it is larger than PIPE_BUF), so each worker's bytes are gathered. */
  msg *part = calloc((size_t)started, sizeof *part);
  size_t *have = calloc((size_t)started, sizeof *have);
  if (!part || !have) {
    free(part);
    free(have);
    for (int k = 0; k < started; k++) {
      kill(pids[k], SIGKILL);
      waitpid(pids[k], NULL, 0);
      close(fds[k].fd);
    }
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  int open = started;
  while (open > 0) {
    if (poll(fds, (nfds_t)started, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < started; k++) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(fds[k].fd, (char *)&part[k] + have[k], sizeof(msg) - have[k]);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        close(fds[k].fd);
        fds[k].fd = -1;
        open--;
        continue;
      }
      have[k] += (size_t)got;
      if (have[k] == sizeof(msg)) {
        if (part[k].index >= 0 && part[k].index < count) results[part[k].index] = part[k].r;
        have[k] = 0;
      }
    }
  }
  free(part);
  free(have);
  int died = 0, died_sig = 0, died_code = 0;
  for (int k = 0; k < started; k++) {
    int status = 0;
    waitpid(pids[k], &status, 0);
    if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)) {
      if (!died) {
        died = k + 1;
        died_sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        died_code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
      }
    }
  }
  /* Like a kill of the whole run: what finished is kept (the caller records it), the
   * rest is done by the next run. Going on with later steps would make the night's
   * outcome depend on the failure. */
  if (died) {
    if (died_sig)
      return hd_err_set(err, HD_ESTOPPED, "worker process %d died (signal %d); the run stopped "
                        "here: run the same date again to finish", died, died_sig);
    return hd_err_set(err, HD_ESTOPPED, "worker process %d failed (exit %d); the run stopped "
                      "here: run the same date again to finish", died, died_code);
  }
  return HD_OK;
}
