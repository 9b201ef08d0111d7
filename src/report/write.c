/* write.c: the run report into the output folder (report.h, report_write): the history
 * of the earlier nights from their run-*.json, the JSON and the HTML under a name no
 * other report has, the run-latest links. */
#include "report/report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/fsutil.h"

#define HISTORY_NIGHTS 30

/* run-YYYY-MM-DD.json or run-YYYY-MM-DD.K.json: the date into date[11], K (1 for none). */
static int report_name(const char *name, char date[11], int *k) {
  size_t n = strlen(name);
  hd_date d;
  if (n < 19 || strncmp(name, "run-", 4) != 0 || strcmp(name + n - 5, ".json") != 0) return 0;
  memcpy(date, name + 4, 10);
  date[10] = '\0';
  if (!hd_date_parse(date, &d)) return 0;
  if (n == 19) {
    *k = 1;
    return 1;
  }
  if (name[14] != '.') return 0;
  char *end;
  long v = strtol(name + 15, &end, 10);
  if (end == name + 15 || strcmp(end, ".json") != 0 || v < 2 || v > 9999) return 0;
  *k = (int)v;
  return 1;
}

typedef struct night { char date[11]; int k, n[4], waiting, has_waiting; char status[16]; } night;

static void count_into(night *h, json_object *r, int k) {
  static const char *const D[4] = {"approve", "rectify", "hold", "reject"};
  json_object *dec = NULL, *v = NULL, *bl = NULL;
  if (json_object_object_get_ex(r, "decisions", &dec))
    for (int i = 0; i < 4; i++)
      if (json_object_object_get_ex(dec, D[i], &v)) h->n[i] += json_object_get_int(v);
  if (k >= h->k) { /* the last run of the date says how the date ended */
    h->k = k;
    hd_snprintf(h->status, sizeof h->status, "%s",
                json_object_object_get_ex(r, "status", &v) ? json_object_get_string(v) : "ok");
    h->has_waiting = 0;
    if (json_object_object_get_ex(r, "backlog", &bl) && bl &&
        json_object_object_get_ex(bl, "waiting_count", &v)) {
      h->waiting = json_object_get_int(v);
      h->has_waiting = 1;
    }
  }
}

static night *find(night **list, int *n, const char *date) {
  for (int i = 0; i < *n; i++)
    if (!strcmp((*list)[i].date, date)) return &(*list)[i];
  night *nl = realloc(*list, (size_t)(*n + 1) * sizeof *nl);
  if (!nl) return NULL;
  *list = nl;
  memset(&nl[*n], 0, sizeof *nl);
  hd_snprintf(nl[*n].date, sizeof nl->date, "%s", date);
  return &nl[(*n)++];
}

static int by_date(const void *a, const void *b) {
  return strcmp(((const night *)a)->date, ((const night *)b)->date);
}

/* The nights up to date from the reports in dir (symbolic links and other files skipped),
 * with rep as the newest run of date; the last HISTORY_NIGHTS, oldest first. */
static json_object *history(const char *dir, const char *date, json_object *rep, int k) {
  night *list = NULL;
  int n = 0;
  DIR *d = opendir(dir);
  struct dirent *de;
  while (d && (de = readdir(d))) {
    char day[11], path[4200];
    int kk;
    struct stat sb;
    if (!report_name(de->d_name, day, &kk) || strcmp(day, date) > 0) continue;
    if (!strcmp(day, date) && kk == k) continue; /* rep itself, just written */
    if (hd_snprintf(path, sizeof path, "%s/%s", dir, de->d_name) < 0 || lstat(path, &sb) ||
        !S_ISREG(sb.st_mode) || sb.st_size > (16 << 20))
      continue;
    json_object *r = json_object_from_file(path);
    night *h = r ? find(&list, &n, day) : NULL;
    if (h) count_into(h, r, kk);
    json_object_put(r);
  }
  if (d) closedir(d);
  night *h = find(&list, &n, date);
  if (h) count_into(h, rep, k);
  if (n) qsort(list, (size_t)n, sizeof *list, by_date);
  json_object *arr = json_object_new_array();
  for (int i = n > HISTORY_NIGHTS ? n - HISTORY_NIGHTS : 0; i < n; i++) {
    json_object *x = json_object_new_object();
    json_object_object_add(x, "date", json_object_new_string(list[i].date));
    json_object_object_add(x, "status", json_object_new_string(list[i].status));
    json_object_object_add(x, "approve", json_object_new_int(list[i].n[0]));
    json_object_object_add(x, "rectify", json_object_new_int(list[i].n[1]));
    json_object_object_add(x, "hold", json_object_new_int(list[i].n[2]));
    json_object_object_add(x, "reject", json_object_new_int(list[i].n[3]));
    if (list[i].has_waiting)
      json_object_object_add(x, "waiting", json_object_new_int(list[i].waiting));
    json_object_array_add(arr, x);
  }
  free(list);
  return arr;
}

static int fsync_dir(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -1;
  int r = fsync(fd);
  close(fd);
  return r;
}

/* Write data to a new file at the first free name run-DATE[.K].json, K from *k up: a
 * temporary written and synced, then linked to the name (link never replaces a file, so
 * two runs finishing at once keep both reports). */
static int write_new(const char *dir, const char *date, const char *data, size_t len, int *k,
                     char *path, hd_err *err) {
  char tmp[4200];
  if (hd_snprintf(tmp, sizeof tmp, "%s/.run-%s.json.tmp.XXXXXX", dir, date) < 0)
    return hd_err_set(err, HD_EIO, "output directory name too long: '%s'", dir);
  int fd = mkstemp(tmp);
  if (fd < 0)
    return hd_err_set(err, HD_EIO, "cannot write the run report in '%s': %s", dir, strerror(errno));
  mode_t um = umask(0); /* the mode a file created by open would have */
  umask(um);
  size_t off = 0;
  int bad = fchmod(fd, 0666 & ~um) != 0;
  while (!bad && off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    off += (size_t)w;
  }
  bad = bad || off < len || fsync(fd) != 0;
  int e = errno;
  if (close(fd) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  int rc = HD_OK;
  if (bad) {
    rc = hd_err_set(err, HD_EIO, "cannot write the run report in '%s': %s", dir, strerror(e));
  } else {
    for (;; (*k)++) {
      if (*k == 1) hd_snprintf(path, 4200, "%s/run-%s.json", dir, date);
      else hd_snprintf(path, 4200, "%s/run-%s.%d.json", dir, date, *k);
      if (link(tmp, path) == 0) break;
      if (errno != EEXIST || *k >= 9999) {
        rc = hd_err_set(err, HD_EIO, "cannot write '%s': %s", path, strerror(errno));
        break;
      }
    }
  }
  unlink(tmp);
  if (rc == HD_OK && fsync_dir(dir) != 0)
    rc = hd_err_set(err, HD_EIO, "cannot sync '%s': %s", dir, strerror(errno));
  return rc;
}

/* dir/NAME as a symbolic link to target (a name in dir), replaced atomically. */
static int link_latest(const char *dir, const char *name, const char *target, hd_err *err) {
  char tmp[4200], path[4200];
  hd_snprintf(path, sizeof path, "%s/%s", dir, name);
  for (int i = 0; i < 100; i++) {
    hd_snprintf(tmp, sizeof tmp, "%s/.%s.tmp.%ld.%d", dir, name, (long)getpid(), i);
    if (symlink(target, tmp) == 0) {
      if (rename(tmp, path) == 0) return HD_OK;
      unlink(tmp);
      break;
    }
    if (errno != EEXIST) break;
  }
  return hd_err_set(err, HD_EIO, "cannot link '%s' to '%s': %s", path, target, strerror(errno));
}

int report_write(const char *out_dir, const char *date, json_object *rep, char *json_path,
                 hd_err *err) {
  int rc = hd_mkdirs(out_dir, err);
  if (rc) return rc;
  const char *text =
      json_object_to_json_string_ext(rep, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
  hd_buf b;
  hd_buf_init(&b, HD_REPORT_MAX);
  if (hd_buf_adds(&b, text) || hd_buf_adds(&b, "\n")) {
    hd_buf_release(&b);
    return hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  int k = 1;
  rc = write_new(out_dir, date, b.p, b.len, &k, json_path, err);
  hd_buf_release(&b);
  if (rc) return rc;
  json_object *hist = history(out_dir, date, rep, k);
  char *html = report_html(rep, hist, err);
  json_object_put(hist);
  if (!html) return err->code ? err->code : HD_ENOMEM;
  char html_path[4200], jname[64], hname[64];
  if (k == 1) {
    hd_snprintf(jname, sizeof jname, "run-%s.json", date);
    hd_snprintf(hname, sizeof hname, "run-%s.html", date);
  } else {
    hd_snprintf(jname, sizeof jname, "run-%s.%d.json", date, k);
    hd_snprintf(hname, sizeof hname, "run-%s.%d.html", date, k);
  }
  hd_snprintf(html_path, sizeof html_path, "%s/%s", out_dir, hname);
  rc = hd_write_atomic(html_path, html, strlen(html), err);
  free(html);
  if (rc == HD_OK) rc = link_latest(out_dir, "run-latest.json", jname, err);
  if (rc == HD_OK) rc = link_latest(out_dir, "run-latest.html", hname, err);
  if (rc == HD_OK && fsync_dir(out_dir) != 0)
    rc = hd_err_set(err, HD_EIO, "cannot sync '%s': %s", out_dir, strerror(errno));
  return rc;
}
