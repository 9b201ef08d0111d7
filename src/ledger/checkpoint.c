/* checkpoint.c: signed checkpoints (checkpoint.h). */
#include "ledger/checkpoint.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf/sign.h"
#include "util/date.h"
#include "util/fault.h"
#include "util/fsutil.h"
#include "util/utf8.h"

static const char DASH[] = "\xE2\x80\x94 "; /* U+2014 EM DASH, space: a signature line */

/* C2SP signed-note key ID: the first 4 bytes of SHA-256(name "\n" 0x01 public-key). */
static void key_id(const char *name, const unsigned char pub[32], unsigned char id[4]) {
  unsigned char md[32], alg = 0x01;
  unsigned n = 0;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  if (c && EVP_DigestInit_ex(c, EVP_sha256(), NULL) && EVP_DigestUpdate(c, name, strlen(name)) &&
      EVP_DigestUpdate(c, "\n", 1) && EVP_DigestUpdate(c, &alg, 1) && EVP_DigestUpdate(c, pub, 32) &&
      EVP_DigestFinal_ex(c, md, &n))
    memcpy(id, md, 4);
  else
    memset(id, 0, 4);
  EVP_MD_CTX_free(c);
}

static int b64(const unsigned char *in, int n, char *out) { return EVP_EncodeBlock((unsigned char *)out, in, n); }

/* Standard base64 with padding into out; the decoded length, or -1. */
static int unb64(const char *in, size_t len, unsigned char *out, size_t cap) {
  if (len == 0 || len % 4 || len / 4 * 3 > cap + 2) return -1;
  for (size_t i = 0; i < len; i++) {
    char ch = in[i];
    int ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
             ch == '+' || ch == '/' || (ch == '=' && i >= len - 2);
    if (!ok || (i == len - 2 && ch == '=' && in[len - 1] != '=')) return -1;
  }
  unsigned char tmp[256];
  if (len / 4 * 3 > sizeof tmp) return -1;
  int n = EVP_DecodeBlock(tmp, (const unsigned char *)in, (int)len);
  if (n < 0) return -1;
  n -= (in[len - 1] == '=') + (in[len - 2] == '=');
  if ((size_t)n > cap) return -1;
  memcpy(out, tmp, (size_t)n);
  return n;
}

int checkpoint_note(const struct hd_signer *s, const char *origin, long long size,
                    const unsigned char root[32], const char *date, hd_buf *out, hd_err *err) {
  char r64[48], body[512];
  b64(root, 32, r64);
  int blen = hd_snprintf(body, sizeof body, "%s\n%lld\n%s\ndate %s\n", origin, size, r64, date);
  if (blen < 0) return hd_err_set(err, HD_EDATA, "register origin '%s' is too long", origin);
  unsigned char pub[32], sig[68];
  if (signer_qr_public(s, pub) || sign_raw(s, body, (size_t)blen, sig + 4))
    return hd_err_set(err, HD_EUSAGE, "the keys directory has no QR key (authority-qr.key) to sign "
                      "the checkpoint with");
  key_id(origin, pub, sig);
  char s64[100];
  b64(sig, 68, s64);
  return hd_buf_printf(out, "%s\n%s%s %s\n", body, DASH, origin, s64) == HD_OK
             ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
}

void checkpoints_free(hd_checkpoint *c, int n) {
  for (int i = 0; c && i < n; i++) {
    free(c[i].body);
    free(c[i].sigs);
  }
  free(c);
}

/* A tree size: decimal, no leading zero, below 2^63 (docs/hdreg-verify.py reads the same). */
static int tree_size(const char *s, size_t n, long long *out) {
  if (!n || n > 19 || (s[0] == '0' && n > 1)) return 0;
  unsigned long long v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    v = v * 10 + (unsigned)(s[i] - '0');
  }
  if (v > (unsigned long long)LLONG_MAX) return 0;
  *out = (long long)v;
  return 1;
}

/* What a C2SP signed note is made of, before its lines are read: UTF-8 text, no control
 * characters but the line feed, ending with one: what docs/hdreg-verify.py accepts, so
 * that hdreg and a bank's verifier refuse the same files. */
static int note_text(const char *path, const char *text, size_t len, hd_err *err) {
  size_t bad;
  if (!hd_utf8_valid(text, len, &bad)) return hd_err_set(err, HD_EDATA, "%s is not UTF-8 text", path);
  int line = 1;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '\n') line++;
    else if (c < 0x20)
      return hd_err_set(err, HD_EDATA, "%s:%d: a control character%s", path, line,
                        c == '\r' && i + 1 < len && text[i + 1] == '\n' ? " (Windows line ends?)" : "");
  }
  if (len && text[len - 1] != '\n') return hd_err_set(err, HD_EDATA, "%s does not end with a newline", path);
  return HD_OK;
}

/* The file ends inside its last note, which starts at line: what a write torn by a crash
 * or a full disk leaves (hdreg has written the file whole since checkpoints_append
 * renames; an older hdreg, or a copy cut short, could leave one). Named, never read. */
static int torn(hd_err *err, const char *path, int line) {
  return hd_err_set(err, HD_EDATA, "%s:%d: the last checkpoint is incomplete: the file ends "
                    "inside it (a write torn by a crash or a full disk); remove it from line %d "
                    "on, or restore the file from the published copy", path, line, line);
}

int checkpoints_read(const char *path, int missing_ok, hd_checkpoint **out, int *n, hd_err *err) {
  *out = NULL;
  *n = 0;
  char *text = NULL;
  size_t len = 0;
  if (missing_ok && access(path, F_OK) != 0 && errno == ENOENT) return HD_OK;
  if (hd_read_file(path, 1u << 28, &text, &len, err)) return err->code;
  /* Cut short in the middle of a line (even of a character: the signature's dash is three
   * bytes). The last note starts on line 1 or after the empty line that follows a
   * signature line (a note's own empty line follows its body). */
  if (len && text[len - 1] != '\n') {
    int line = 1, start = 1, after_sig = 0;
    for (size_t i = 0; i < len;) {
      const char *nl = memchr(text + i, '\n', len - i);
      size_t ll = nl ? (size_t)(nl - (text + i)) : len - i;
      if (ll == 0 && after_sig) start = line + 1;
      after_sig = ll >= strlen(DASH) && !strncmp(text + i, DASH, strlen(DASH));
      i += ll + 1;
      line++;
    }
    free(text);
    return torn(err, path, start);
  }
  hd_checkpoint *v = NULL;
  int cap = 0, rc = note_text(path, text, len, err), line = 1;
  size_t i = 0;
  while (i < len && rc == HD_OK) {
    /* Notes follow one another with one empty line between them, none before the first. */
    if (text[i] == '\n') {
      rc = hd_err_set(err, HD_EDATA, "%s:%d: an empty line where a checkpoint should start", path, line);
      break;
    }
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      hd_checkpoint *nv = realloc(v, (size_t)cap * sizeof *nv);
      if (!nv) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      v = nv;
    }
    hd_checkpoint *c = &v[*n];
    memset(c, 0, sizeof *c);
    c->line = line;
    (*n)++;
    /* Body: lines up to the empty line. */
    size_t start = i;
    int k = 0;
    while (i < len && text[i] != '\n' && rc == HD_OK) {
      const char *l = text + i;
      const char *nl = memchr(l, '\n', len - i);
      if (!nl) {
        rc = hd_err_set(err, HD_EDATA, "%s:%d: the checkpoint ends without its signature", path, line);
        break;
      }
      size_t ll = (size_t)(nl - l);
      if (k == 0) {
        if (!ll || ll >= sizeof c->origin || memchr(l, ' ', ll))
          rc = hd_err_set(err, HD_EDATA, "%s:%d: not a checkpoint origin line", path, line);
        else memcpy(c->origin, l, ll);
      } else if (k == 1) {
        if (!tree_size(l, ll, &c->size)) rc = hd_err_set(err, HD_EDATA, "%s:%d: the tree size is not a number", path, line);
      } else if (k == 2) {
        /* One spelling of a root: the canonical base64 of 32 bytes. */
        char again[48];
        if (unb64(l, ll, c->root, 32) != 32 || b64(c->root, 32, again) != (int)ll || memcmp(again, l, ll))
          rc = hd_err_set(err, HD_EDATA, "%s:%d: the root hash is not 32 bytes of base64", path, line);
      } else if (!*c->date && ll >= 5 && !strncmp(l, "date ", 5)) {
        /* The first date line: the date of the night, a real YYYY-MM-DD. */
        char d[16];
        hd_date when;
        int ok = ll == 15 && hd_snprintf(d, sizeof d, "%.10s", l + 5) == 10 && hd_date_parse(d, &when);
        if (!ok) rc = hd_err_set(err, HD_EDATA, "%s:%d: the date line is not date YYYY-MM-DD", path, line);
        else memcpy(c->date, l + 5, 10);
      }
      k++;
      i += ll + 1;
      line++;
    }
    if (rc) break;
    if (i >= len) { /* the file ends in the body, before the empty line and the signature */
      rc = torn(err, path, c->line);
      break;
    }
    if (k < 3) {
      rc = hd_err_set(err, HD_EDATA, "%s:%d: a checkpoint needs an origin, a tree size and a root hash", path, c->line);
      break;
    }
    c->body_len = i - start;
    c->body = malloc(c->body_len + 1);
    if (!c->body) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    memcpy(c->body, text + start, c->body_len);
    c->body[c->body_len] = '\0';
    i++; /* the empty line */
    line++;
    size_t sstart = i;
    while (i < len && !strncmp(text + i, DASH, strlen(DASH))) {
      const char *nl = memchr(text + i, '\n', len - i);
      i = nl ? (size_t)(nl - text) + 1 : len;
      line++;
    }
    if (i == sstart) {
      rc = i >= len ? torn(err, path, c->line)
                    : hd_err_set(err, HD_EDATA, "%s:%d: the checkpoint has no signature line", path, line);
      break;
    }
    c->sigs = malloc(i - sstart + 1);
    if (!c->sigs) {
      rc = hd_err_set(err, HD_ENOMEM, "out of memory");
      break;
    }
    memcpy(c->sigs, text + sstart, i - sstart);
    c->sigs[i - sstart] = '\0';
    if (i < len && text[i] != '\n') {
      rc = hd_err_set(err, HD_EDATA, "%s:%d: expected a signature line (— name signature) or an empty line", path, line);
      break;
    }
    if (i < len) { /* the empty line after the note */
      i++;
      line++;
    }
  }
  free(text);
  if (rc) {
    checkpoints_free(v, *n);
    *n = 0;
    return rc;
  }
  *out = v;
  return HD_OK;
}

/* c's signature lines against key (name, pub), as a C2SP signed note is opened: 1 when a
 * line of that key verifies and no line of it fails; 0 when none is of that key (lines of
 * other keys are ignored); -1 when a line of the key does not verify or a line is not
 * "— NAME BASE64" at all. */
static int signed_by(const hd_checkpoint *c, const char *name, const unsigned char pub[32]) {
  unsigned char id[4];
  key_id(name, pub, id);
  size_t dl = strlen(DASH), nl = strlen(name);
  int good = 0;
  for (const char *l = c->sigs; l && *l;) {
    const char *end = strchr(l, '\n');
    size_t ll = end ? (size_t)(end - l) : strlen(l);
    const char *sp = memchr(l + dl, ' ', ll - dl);
    unsigned char sig[250]; /* other keys may sign with longer signatures */
    int blen = sp ? unb64(sp + 1, ll - (size_t)(sp + 1 - l), sig, sizeof sig) : -1;
    if (!sp || sp == l + dl || blen < 5) return -1;
    if ((size_t)(sp - l - dl) == nl && !strncmp(l + dl, name, nl) && !memcmp(sig, id, 4)) {
      if (blen != 68 || verify_raw(pub, c->body, c->body_len, sig + 4) != 1) return -1;
      good = 1;
    }
    l = end ? end + 1 : l + ll;
  }
  return good;
}

int checkpoints_verify(hd_checkpoint *c, int n, const char *path, const char *origin,
                       const unsigned char pub[32], hd_err *err) {
  for (int i = 0; i < n; i++) {
    if (strcmp(c[i].origin, origin) != 0)
      return hd_err_set(err, HD_EDATA, "%s:%d: the checkpoint is for '%s', not for this register ('%s')",
                        path, c[i].line, c[i].origin, origin);
    if ((c[i].signed_ok = signed_by(&c[i], origin, pub)) != 1)
      return hd_err_set(err, HD_EDATA, "%s:%d: the checkpoint%s%s does not carry the register's "
                        "signature (authority-qr.pub)", path, c[i].line, *c[i].date ? " of " : "",
                        c[i].date);
    if (i && c[i].size < c[i - 1].size)
      return hd_err_set(err, HD_EDATA, "%s:%d: the checkpoint has %lld entries, fewer than the one "
                        "before it (%lld): a register never shrinks", path, c[i].line, c[i].size,
                        c[i - 1].size);
  }
  return HD_OK;
}

int checkpoints_append(const char *path, const char *note, size_t len, hd_err *err) {
  /* Never appended in place: a process killed or a disk full in the middle of a write
   * would leave a torn note that every later reader refuses. The new file — the file as
   * it stands with the note after it — is written beside it and renamed over it
   * (temporary in the same directory, fsync, rename, fsync of the directory), so the
   * path holds the old file or the new one, whole. A symbolic link is followed: the file
   * it names is the one replaced. The run lock keeps other writers out meanwhile. */
  char real[PATH_MAX], tmp[4096];
  const char *target = path;
  struct stat sb;
  if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
    if (!realpath(path, real)) return hd_err_set(err, HD_EIO, "cannot resolve '%s': %s", path, strerror(errno));
    target = real;
  }
  char *old = NULL;
  size_t n = 0;
  if (stat(target, &sb) == 0 || errno != ENOENT) {
    if (hd_read_file(target, 1u << 28, &old, &n, err)) return err->code;
  }
  /* A file read as whole may end with its last note's line, without the empty line after
   * it: give it that line first, or the new note would run on into the last. */
  int glue = n >= 2 && old[n - 1] == '\n' && old[n - 2] != '\n';
  FILE *f = hd_atomic_open(target, tmp, err);
  if (!f) {
    free(old);
    return err->code;
  }
  int keep = 1;
  if (n) fwrite(old, 1, n, f);
  if (glue) fputc('\n', f);
  /* tests/fault/checkpoints.sh: killed with half the note written, or the disk full. */
  if (hd_fault("crash-mid-checkpoint")) {
    fwrite(note, 1, len / 2, f);
    fflush(f);
    raise(SIGKILL);
  }
  if (hd_fault("checkpoint-disk-full")) {
    fwrite(note, 1, len / 2, f);
    keep = 0;
  } else {
    fwrite(note, 1, len, f);
    fputc('\n', f);
  }
  free(old);
  int rc = hd_atomic_commit(f, tmp, target, keep, err);
  if (rc == HD_OK && !keep)
    rc = hd_err_set(err, HD_EIO, "cannot write '%s': %s (injected fault)", path, strerror(ENOSPC));
  return rc;
}
