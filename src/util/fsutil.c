/* fsutil.c: atomic file writing (fsutil.h). */
#include "util/fsutil.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/fault.h"

int hd_mkdirs(const char *path, hd_err *err) {
  char tmp[4096];
  if (hd_snprintf(tmp, sizeof tmp, "%s", path) < 0)
    return hd_err_set(err, HD_EIO, "directory name too long: '%s'", path);
  for (char *p = tmp + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
      return hd_err_set(err, HD_EIO, "cannot create directory '%s': %s", tmp, strerror(errno));
    *p = '/';
  }
  if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
    return hd_err_set(err, HD_EIO, "cannot create directory '%s': %s", tmp, strerror(errno));
  struct stat st;
  if (stat(tmp, &st) != 0 || !S_ISDIR(st.st_mode))
    return hd_err_set(err, HD_EIO, "'%s' is not a directory", tmp);
  return HD_OK;
}

int hd_write_atomic(const char *path, const void *data, size_t len, hd_err *err) {
  char tmp[4096], dir[4096];
  if (hd_snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) < 0 ||
      hd_snprintf(dir, sizeof dir, "%s", path) < 0)
    return hd_err_set(err, HD_EIO, "path too long: '%s'", path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0'; else hd_snprintf(dir, sizeof dir, ".");
  int fd = mkstemp(tmp);
  if (fd < 0) return hd_err_set(err, HD_EIO, "cannot create '%s': %s", tmp, strerror(errno));
  if (hd_fault("write")) {
    close(fd);
    unlink(tmp);
    return hd_err_set(err, HD_EIO, "cannot write '%s': %s (injected fault)", path,
                      strerror(ENOSPC));
  }
  const char *p = data;
  size_t left = len;
  while (left > 0) {
    ssize_t w = write(fd, p, left);
    if (w < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      close(fd);
      unlink(tmp);
      return hd_err_set(err, HD_EIO, "cannot write '%s': %s", path, strerror(e));
    }
    p += w;
    left -= (size_t)w;
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
    int e = errno;
    close(fd);
    unlink(tmp);
    return hd_err_set(err, HD_EIO, "cannot sync '%s': %s", path, strerror(e));
  }
  if (close(fd) != 0) {
    int e = errno;
    unlink(tmp);
    return hd_err_set(err, HD_EIO, "cannot close '%s': %s", path, strerror(e));
  }
  if (hd_fault("crash-before-rename")) raise(SIGKILL); /* tests: kill -9 mid-write */
  if (rename(tmp, path) != 0) {
    int e = errno;
    unlink(tmp);
    return hd_err_set(err, HD_EIO, "cannot rename into '%s': %s", path, strerror(e));
  }
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  if (hd_fault("crash-after-write")) raise(SIGKILL); /* tests: kill -9 once durable */
  return HD_OK;
}

int hd_read_file(const char *path, size_t max, char **out, size_t *len, hd_err *err) {
  FILE *f = fopen(path, "rb");
  if (!f) return hd_err_set(err, HD_EIO, "cannot open '%s': %s", path, strerror(errno));
  hd_buf b;
  hd_buf_init(&b, max);
  char chunk[65536];
  size_t n;
  int rc = HD_OK;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (hd_buf_add(&b, chunk, n) != HD_OK) {
      rc = hd_err_set(err, HD_EDATA, "'%s' is larger than %zu bytes", path, max);
      break;
    }
  }
  if (rc == HD_OK && ferror(f)) rc = hd_err_set(err, HD_EIO, "cannot read '%s'", path);
  fclose(f);
  if (rc != HD_OK) {
    hd_buf_release(&b);
    return rc;
  }
  *len = b.len;
  *out = hd_buf_steal(&b);
  return HD_OK;
}

int hd_remove_stale_temps(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int removed = 0;
  struct dirent *e;
  char path[4400];
  while ((e = readdir(d))) {
    const char *t = strstr(e->d_name, ".tmp.");
    if (!t || strlen(t + 5) != 6) continue; /* the XXXXXX of hd_write_atomic's mkstemp */
    if (hd_snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= 0 && unlink(path) == 0)
      removed++;
  }
  closedir(d);
  return removed;
}

FILE *hd_atomic_open(const char *path, char tmp[4096], hd_err *err) {
  if (hd_snprintf(tmp, 4096, "%s.tmp.XXXXXX", path) < 0) {
    hd_err_set(err, HD_EIO, "path too long: '%s'", path);
    return NULL;
  }
  int fd = mkstemp(tmp);
  if (fd < 0) {
    hd_err_set(err, HD_EIO, "cannot create '%s': %s", tmp, strerror(errno));
    return NULL;
  }
  FILE *f = fdopen(fd, "w");
  if (!f) {
    hd_err_set(err, HD_EIO, "cannot write '%s': %s", tmp, strerror(errno));
    close(fd);
    unlink(tmp);
  }
  return f;
}

int hd_atomic_commit(FILE *f, const char *tmp, const char *path, int keep, hd_err *err) {
  int bad = fflush(f) != 0 || ferror(f);
  int e = errno;
  if (!bad && keep && (fchmod(fileno(f), 0644) != 0 || fsync(fileno(f)) != 0)) bad = 1, e = errno;
  if (fclose(f) != 0 && !bad) bad = 1, e = errno;
  if (bad || !keep) {
    unlink(tmp);
    return bad ? hd_err_set(err, HD_EIO, "cannot write '%s': %s", path, strerror(e)) : HD_OK;
  }
  if (rename(tmp, path) != 0) {
    e = errno;
    unlink(tmp);
    return hd_err_set(err, HD_EIO, "cannot rename into '%s': %s", path, strerror(e));
  }
  char dir[4096];
  hd_snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0'; else hd_snprintf(dir, sizeof dir, ".");
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return HD_OK;
}

int hd_write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

int hd_read_all(int fd, void *p, size_t n) {
  char *c = p;
  while (n) {
    ssize_t r = read(fd, c, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    c += r;
    n -= (size_t)r;
  }
  return 0;
}
