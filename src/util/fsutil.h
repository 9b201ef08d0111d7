/* fsutil.h: files that appear complete or not at all (temporary file, fsync, rename,
 * directory fsync), and directory creation. */
#ifndef HD_FSUTIL_H
#define HD_FSUTIL_H
#include <stddef.h>
#include <stdio.h>
#include "util/diag.h"

/* mkdir -p; returns HD_OK or HD_EIO with a message naming the directory. */
int hd_mkdirs(const char *path, hd_err *err);
/* Write data to path atomically: a temporary file in the same directory, fsync, rename,
 * fsync of the directory. On failure nothing is left at path (nor the temporary). */
int hd_write_atomic(const char *path, const void *data, size_t len, hd_err *err);
/* Remove the temporary files hd_write_atomic leaves when the process is killed while
 * writing (NAME.tmp.XXXXXX) from dir; only while no other writer can be at work there
 * (the run lock). Returns how many were removed. */
int hd_remove_stale_temps(const char *dir);
/* The streaming form of hd_write_atomic: write to the FILE that hd_atomic_open gives
 * (NULL and err on failure; tmp receives the temporary's name), then hd_atomic_commit
 * closes it and, with keep set, syncs and renames it to path; without keep (the writer
 * failed) the temporary is removed and nothing appears at path. */
FILE *hd_atomic_open(const char *path, char tmp[4096], hd_err *err);
int hd_atomic_commit(FILE *f, const char *tmp, const char *path, int keep, hd_err *err);
/* Write, or read, exactly n bytes on fd (a pipe between processes), going on after
 * interrupted and short calls. 0, or -1 if the other end is gone or on an error. */
int hd_write_all(int fd, const void *p, size_t n);
int hd_read_all(int fd, void *p, size_t n);
/* Read a whole file (at most max bytes) into *out (caller frees). */
int hd_read_file(const char *path, size_t max, char **out, size_t *len, hd_err *err);

#endif
