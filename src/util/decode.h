/* decode.h: a file in a declared encoding (UTF-8, GBK or GB18030) read as a stream of
 * UTF-8, for the importers. glibc's iconv converts; every invalid byte sequence is
 * reported with its line and column (characters, 1-based) and replaced by U+FFFD so that
 * reading goes on and every problem of the file is found in one pass. Lines of the output
 * are the lines of the input. A UTF-8 byte-order mark is dropped. */
#ifndef HD_DECODE_H
#define HD_DECODE_H
#include <stddef.h>
#include <stdio.h>
#include "util/diag.h"

typedef struct hd_decoder hd_decoder;

/* Called for each invalid sequence: line, column, the bytes (at most 4 shown). */
typedef void (*hd_decode_bad)(void *ud, long line, long col, const unsigned char *bytes,
                              size_t n, const char *encoding);

/* Open path in encoding ("UTF-8", "GBK", "GB18030"; case-insensitive). HD_EUSAGE for
 * another encoding, HD_EIO if the file cannot be read. */
int dec_open(const char *path, const char *encoding, hd_decode_bad bad, void *ud,
             hd_decoder **out, hd_err *err);
/* The canonical name ("UTF-8", "GBK", "GB18030") of an encoding name as people write it
 * (utf8, cp936 ...), or NULL if hdreg does not read it. */
const char *dec_canonical(const char *name);
/* Up to cap bytes of UTF-8 into buf; 0 at the end; -1 on a read error (in err). */
long dec_read(hd_decoder *d, char *buf, size_t cap, hd_err *err);
/* The canonical name of the encoding ("UTF-8", "GBK", "GB18030"). */
const char *dec_encoding(const hd_decoder *d);
/* Bytes of input consumed so far; invalid sequences found. */
long long dec_offset(const hd_decoder *d);
long dec_invalid(const hd_decoder *d);
/* SHA-256 (hex) of all the bytes read, once the end was reached; -1 before. */
int dec_sha256(hd_decoder *d, char out[65]);
void dec_close(hd_decoder *d);
/* The encoding an XML declaration at the start of head (n bytes) names, as written
 * (<?xml ... encoding="GBK"?>), into out (cap bytes), or "" if none. */
void dec_declared(const char *head, size_t n, char *out, size_t cap);

#endif
