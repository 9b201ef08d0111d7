/* decode.c: declared encoding to UTF-8, with positions of invalid bytes (decode.h). */
#include "util/decode.h"

#include <errno.h>
#include <iconv.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sha256.h"
#include "util/utf8.h"

#define IN_CAP 65536
#define OUT_CAP (4 * IN_CAP + 16)

struct hd_decoder {
  FILE *f;
  const char *encoding;
  iconv_t cd;                 /* (iconv_t)-1 for UTF-8 input */
  hd_decode_bad bad;
  void *ud;
  unsigned char in[IN_CAP];
  size_t in_len, in_pos;
  int eof, started;
  char out[OUT_CAP];
  size_t out_len, out_pos;
  long line, col;             /* position of the next character */
  long long consumed;         /* input bytes before in[0] */
  long invalid;
  long run_line, run_col;     /* the invalid run being collected */
  unsigned char run[4];
  size_t run_n;
  int in_run;
  EVP_MD_CTX *md;             /* SHA-256 of the bytes as received */
};

const char *dec_canonical(const char *e) {
  if (!strcasecmp(e, "UTF-8") || !strcasecmp(e, "UTF8")) return "UTF-8";
  if (!strcasecmp(e, "GBK") || !strcasecmp(e, "CP936")) return "GBK";
  if (!strcasecmp(e, "GB18030")) return "GB18030";
  return NULL;
}

int dec_open(const char *path, const char *encoding, hd_decode_bad bad, void *ud,
             hd_decoder **out, hd_err *err) {
  *out = NULL;
  const char *enc = dec_canonical(encoding);
  if (!enc)
    return hd_err_set(err, HD_EUSAGE, "unknown encoding '%s' (UTF-8, GBK or GB18030)", encoding);
  hd_decoder *d = calloc(1, sizeof *d);
  if (!d) return hd_err_set(err, HD_ENOMEM, "out of memory");
  d->cd = (iconv_t)-1;
  if (strcmp(enc, "UTF-8") != 0) {
    d->cd = iconv_open("UTF-8", enc);
    if (d->cd == (iconv_t)-1) {
      free(d);
      return hd_err_set(err, HD_EINTERNAL, "iconv cannot convert from %s", enc);
    }
  }
  d->f = fopen(path, "rb");
  if (!d->f) {
    int e = errno;
    if (d->cd != (iconv_t)-1) iconv_close(d->cd);
    free(d);
    return hd_err_set(err, HD_EIO, "%s: cannot be read: %s", path, strerror(e));
  }
  d->md = EVP_MD_CTX_new();
  if (!d->md || EVP_DigestInit_ex(d->md, EVP_sha256(), NULL) != 1) {
    dec_close(d);
    return hd_err_set(err, HD_EINTERNAL, "libcrypto: SHA-256 unavailable");
  }
  d->encoding = enc;
  d->bad = bad;
  d->ud = ud;
  d->line = 1;
  d->col = 1;
  *out = d;
  return HD_OK;
}

const char *dec_encoding(const hd_decoder *d) { return d->encoding; }
long long dec_offset(const hd_decoder *d) { return d->consumed + (long long)d->in_pos; }
long dec_invalid(const hd_decoder *d) { return d->invalid; }

void dec_close(hd_decoder *d) {
  if (!d) return;
  if (d->f) fclose(d->f);
  if (d->cd != (iconv_t)-1) iconv_close(d->cd);
  EVP_MD_CTX_free(d->md);
  free(d);
}

int dec_sha256(hd_decoder *d, char out[65]) {
  unsigned char md[32];
  unsigned int n = 0;
  if (!d->eof || EVP_DigestFinal_ex(d->md, md, &n) != 1 || n != 32) return -1;
  hd_sha256_digits(md, out);
  return 0;
}

/* Track line and column over UTF-8 just produced. */
static void advance(hd_decoder *d, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') {
      d->line++;
      d->col = 1;
    } else if ((c & 0xC0) != 0x80) {
      d->col++;
    }
  }
}

static void emit(hd_decoder *d, const char *s, size_t n) {
  memcpy(d->out + d->out_len, s, n);
  d->out_len += n;
  advance(d, s, n);
}

/* One more undecodable byte: starts or extends the current run. */
static void bad_byte(hd_decoder *d, unsigned char b) {
  if (!d->in_run) {
    d->in_run = 1;
    d->run_line = d->line;
    d->run_col = d->col;
    d->run_n = 0;
  }
  if (d->run_n < sizeof d->run) d->run[d->run_n++] = b;
}

/* The run ends: report it once and stand in one U+FFFD for it. */
static void end_run(hd_decoder *d) {
  if (!d->in_run) return;
  d->in_run = 0;
  d->invalid++;
  if (d->bad) d->bad(d->ud, d->run_line, d->run_col, d->run, d->run_n, d->encoding);
  emit(d, "\xEF\xBF\xBD", 3);
}

static int fill(hd_decoder *d, hd_err *err) {
  if (d->eof) return HD_OK;
  size_t keep = d->in_len - d->in_pos;
  memmove(d->in, d->in + d->in_pos, keep);
  d->consumed += (long long)d->in_pos;
  d->in_pos = 0;
  d->in_len = keep;
  size_t got = fread(d->in + keep, 1, IN_CAP - keep, d->f);
  d->in_len += got;
  if (got) EVP_DigestUpdate(d->md, d->in + keep, got);
  if (got < IN_CAP - keep) {
    if (ferror(d->f)) return hd_err_set(err, HD_EIO, "read error: %s", strerror(errno));
    d->eof = 1;
  }
  if (!d->started) {
    d->started = 1;
    if (d->in_len >= 3 && !memcmp(d->in, "\xEF\xBB\xBF", 3) && d->cd == (iconv_t)-1)
      d->in_pos = 3;
  }
  return HD_OK;
}

/* Convert what the input buffer holds into out (UTF-8 input). */
static void convert_utf8(hd_decoder *d) {
  while (d->in_pos < d->in_len && d->out_len + 8 < OUT_CAP) {
    /* A run of ASCII (but NUL) in one copy. */
    size_t a = d->in_pos, lim = d->in_len;
    if (lim - a > OUT_CAP - 8 - d->out_len) lim = a + (OUT_CAP - 8 - d->out_len);
    while (a < lim && d->in[a] - 1u < 0x7Fu) a++;
    if (a > d->in_pos) {
      end_run(d);
      size_t n = a - d->in_pos;
      const char *src = (const char *)d->in + d->in_pos;
      memcpy(d->out + d->out_len, src, n);
      d->out_len += n;
      /* Lines and columns of ASCII: every byte a character. */
      const char *last = NULL;
      for (const char *q = src; (q = memchr(q, '\n', (size_t)(src + n - q))) != NULL; q++) {
        d->line++;
        last = q;
      }
      d->col = last ? 1 + (long)(src + n - last - 1) : d->col + (long)n;
      d->in_pos = a;
      continue;
    }
    size_t i = d->in_pos;
    uint32_t cp;
    int r = hd_utf8_next((const char *)d->in, d->in_len, &i, &cp);
    if (r == -1 && !d->eof && d->in_len - d->in_pos < 4) break; /* maybe cut by the buffer */
    if (r == 1 && cp != 0) {
      end_run(d);
      emit(d, (const char *)d->in + d->in_pos, i - d->in_pos);
      d->in_pos = i;
    } else {
      bad_byte(d, d->in[d->in_pos]);
      d->in_pos++;
    }
  }
}

static void convert_iconv(hd_decoder *d) {
  while (d->in_pos < d->in_len && d->out_len + 8 < OUT_CAP) {
    char *ip = (char *)d->in + d->in_pos, *op = d->out + d->out_len;
    size_t il = d->in_len - d->in_pos, room = OUT_CAP - 8 - d->out_len, ol = room;
    size_t r = iconv(d->cd, &ip, &il, &op, &ol);
    int e = errno;
    size_t made = room - ol;
    if (made) {
      /* Output was produced, so the run (if any) ended before it. */
      if (d->in_run) {
        /* The run ended before this output: its U+FFFD goes first (8 bytes were kept free). */
        memmove(d->out + d->out_len + 3, d->out + d->out_len, made);
        end_run(d);
      }
      advance(d, d->out + d->out_len, made);
      d->out_len += made;
    }
    d->in_pos = (size_t)(ip - (char *)d->in);
    if (r != (size_t)-1) {
      /* Flush the state at the very end of input. */
      break;
    }
    if (e == E2BIG) break;
    if (e == EINVAL) {
      if (!d->eof) break; /* the rest of the character is in the next read */
      while (d->in_pos < d->in_len) bad_byte(d, d->in[d->in_pos++]);
      break;
    }
    /* EILSEQ: this byte cannot start a character here. */
    bad_byte(d, d->in[d->in_pos]);
    d->in_pos++;
  }
}

long dec_read(hd_decoder *d, char *buf, size_t cap, hd_err *err) {
  for (;;) {
    if (d->out_pos < d->out_len) {
      size_t n = d->out_len - d->out_pos;
      if (n > cap) n = cap;
      memcpy(buf, d->out + d->out_pos, n);
      d->out_pos += n;
      return (long)n;
    }
    d->out_pos = d->out_len = 0;
    if (d->in_pos >= d->in_len || d->in_len - d->in_pos < 8) {
      if (fill(d, err)) return -1;
    }
    if (d->in_pos >= d->in_len) {
      end_run(d);
      if (d->out_len) continue;
      return 0;
    }
    if (d->cd == (iconv_t)-1) convert_utf8(d);
    else convert_iconv(d);
    if (d->eof && d->in_pos >= d->in_len) end_run(d);
    if (!d->out_len && !d->eof && d->in_pos < d->in_len) {
      /* Only a partial character is left: read more. */
      if (fill(d, err)) return -1;
    }
  }
}

/* The first match of what in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *what) {
  size_t w = strlen(what);
  for (size_t i = 0; i + w <= n; i++)
    if (!memcmp(s + i, what, w)) return s + i;
  return NULL;
}

/* The encoding an XML declaration names (<?xml ... encoding="GBK"?>) into out, or "". */
void dec_declared(const char *head, size_t n, char *out, size_t cap) {
  out[0] = '\0';
  size_t i = 0;
  if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
  if (n - i < 5 || memcmp(head + i, "<?xml", 5)) return;
  const char *end = find(head + i, n - i, "?>");
  const char *e = find(head + i, (size_t)((end ? end : head + n) - (head + i)), "encoding");
  if (!e) return;
  e += 8;
  while (e < head + n && (*e == ' ' || *e == '=')) e++;
  if (e >= head + n || (*e != '"' && *e != '\'')) return;
  char q = *e++;
  size_t k = 0;
  while (e < head + n && *e != q && k + 1 < cap) out[k++] = *e++;
  out[k] = '\0';
}

