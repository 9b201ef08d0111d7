/* sign.c: PDF signatures as an incremental update, and the authority's keys (sign.h). */
#include "pdf/sign.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"

struct hd_signer {
  EVP_PKEY *key;
  X509 *cert;
  EVP_PKEY *qr_key; /* Ed25519 for the QR code; NULL if the directory has none */
  int sig_len; /* DER length of a signature: fixed for a key without signed attributes */
};

static PKCS7 *sign_bio(const hd_signer *s, BIO *in) {
  return PKCS7_sign(s->cert, s->key, NULL, in,
                    PKCS7_DETACHED | PKCS7_BINARY | PKCS7_NOATTR | PKCS7_NOSMIMECAP);
}

/* ---- keys --------------------------------------------------------------------------- */

static int write_pem(const char *path, int private_key, EVP_PKEY *key, X509 *cert, hd_err *err) {
  FILE *f = fopen(path, "wx");
  if (!f) return hd_err_set(err, HD_EIO, "cannot create '%s' (it must not exist yet)", path);
  if (private_key) chmod(path, 0600);
  int ok = private_key ? PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL)
                       : PEM_write_X509(f, cert);
  if (fclose(f) != 0 || !ok) return hd_err_set(err, HD_EIO, "cannot write '%s'", path);
  return HD_OK;
}

int sign_keygen(const char *dir, const char *name, int years, int bits, hd_err *err) {
  char kpath[4200], cpath[4200];
  hd_snprintf(kpath, sizeof kpath, "%s/authority.key", dir);
  hd_snprintf(cpath, sizeof cpath, "%s/authority.crt", dir);
  struct stat st;
  if (stat(kpath, &st) == 0 || stat(cpath, &st) == 0)
    return hd_err_set(err, HD_EUSAGE, "'%s' already holds a key; keys are never overwritten", dir);
  EVP_PKEY *key = EVP_RSA_gen((unsigned)bits);
  X509 *cert = X509_new();
  int rc = HD_OK;
  if (!key || !cert) {
    rc = hd_err_set(err, HD_ENOMEM, "cannot make a key");
    goto done;
  }
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), (long)years * 365 * 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME *n = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC, (const unsigned char *)"CN", -1, -1, 0);
  X509_NAME_add_entry_by_txt(n, "O", MBSTRING_UTF8, (const unsigned char *)name, -1, -1, 0);
  X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8, (const unsigned char *)name, -1, -1, 0);
  X509_set_issuer_name(cert, n);
  if (!X509_sign(cert, key, EVP_sha256())) {
    rc = hd_err_set(err, HD_EINTERNAL, "cannot sign the certificate");
    goto done;
  }
  if ((rc = write_pem(kpath, 1, key, NULL, err)) || (rc = write_pem(cpath, 0, NULL, cert, err)))
    goto done;
  /* Ed25519 for the QR codes of paper certificates: short and deterministic. */
  EVP_PKEY *ed = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
  char qpath[4200], ppath[4200];
  hd_snprintf(qpath, sizeof qpath, "%s/authority-qr.key", dir);
  hd_snprintf(ppath, sizeof ppath, "%s/authority-qr.pub", dir);
  if (!ed) rc = hd_err_set(err, HD_EINTERNAL, "cannot make the QR key");
  else if (!(rc = write_pem(qpath, 1, ed, NULL, err))) {
    FILE *f = fopen(ppath, "wx");
    if (!f || !PEM_write_PUBKEY(f, ed)) rc = hd_err_set(err, HD_EIO, "cannot write '%s'", ppath);
    if (f) fclose(f);
  }
  EVP_PKEY_free(ed);
done:
  EVP_PKEY_free(key);
  X509_free(cert);
  return rc;
}

int signer_load(const char *dir, hd_signer **out, hd_err *err) {
  char kpath[4200], cpath[4200];
  hd_snprintf(kpath, sizeof kpath, "%s/authority.key", dir);
  hd_snprintf(cpath, sizeof cpath, "%s/authority.crt", dir);
  *out = NULL;
  FILE *kf = fopen(kpath, "r"), *cf = fopen(cpath, "r");
  hd_signer *s = calloc(1, sizeof *s);
  if (s && kf) s->key = PEM_read_PrivateKey(kf, NULL, NULL, NULL);
  char qpath[4200];
  hd_snprintf(qpath, sizeof qpath, "%s/authority-qr.key", dir);
  FILE *qf = fopen(qpath, "r");
  if (s && qf) s->qr_key = PEM_read_PrivateKey(qf, NULL, NULL, NULL);
  if (qf) fclose(qf);
  if (s && cf) s->cert = PEM_read_X509(cf, NULL, NULL, NULL);
  if (kf) fclose(kf);
  if (cf) fclose(cf);
  if (!s || !s->key || !s->cert) {
    signer_free(s);
    return hd_err_set(err, HD_EUSAGE, "no usable key in '%s' (authority.key and authority.crt, "
                      "PEM; hdreg keygen makes them)", dir);
  }
  if (!X509_check_private_key(s->cert, s->key)) {
    signer_free(s);
    return hd_err_set(err, HD_EUSAGE, "'%s': authority.crt is not the certificate of authority.key", dir);
  }
  /* The /Contents placeholder is exactly as long as a signature: one trial gives it. */
  BIO *in = BIO_new_mem_buf("x", 1);
  PKCS7 *p7 = in ? sign_bio(s, in) : NULL;
  s->sig_len = p7 ? i2d_PKCS7(p7, NULL) : -1;
  PKCS7_free(p7);
  BIO_free(in);
  if (s->sig_len <= 0) {
    signer_free(s);
    return hd_err_set(err, HD_EUSAGE, "'%s': the key cannot sign", dir);
  }
  *out = s;
  return HD_OK;
}

int signer_load_public(const char *dir, hd_signer **out, hd_err *err) {
  char cpath[4200];
  hd_snprintf(cpath, sizeof cpath, "%s/authority.crt", dir);
  *out = NULL;
  FILE *cf = fopen(cpath, "r");
  hd_signer *s = calloc(1, sizeof *s);
  if (s && cf) s->cert = PEM_read_X509(cf, NULL, NULL, NULL);
  if (cf) fclose(cf);
  if (!s || !s->cert) {
    signer_free(s);
    return hd_err_set(err, HD_EUSAGE, "no certificate in '%s' (authority.crt, PEM)", dir);
  }
  *out = s;
  return HD_OK;
}

void signer_free(hd_signer *s) {
  if (!s) return;
  EVP_PKEY_free(s->key);
  EVP_PKEY_free(s->qr_key);
  X509_free(s->cert);
  free(s);
}

/* ---- the incremental update ---------------------------------------------------------- */

/* Last occurrence of needle in [p, p+len). */
static const char *find_last(const char *p, size_t len, const char *needle) {
  size_t n = strlen(needle);
  if (n > len) return NULL;
  for (size_t i = len - n + 1; i-- > 0;)
    if (memcmp(p + i, needle, n) == 0) return p + i;
  return NULL;
}

/* "KEY N 0 R" inside [p, end): N, or 0. */
static long ref_after(const char *p, const char *end, const char *key) {
  size_t n = strlen(key);
  for (; p + n < end; p++)
    if (memcmp(p, key, n) == 0) return strtol(p + n, NULL, 10);
  return 0;
}

/* The dictionary text of object `num` (between its first "<<" and the ">>" before its
 * "endobj", both excluded), from the offset in the classic xref table at `xref`. */
static int object_dict(const char *pdf, size_t len, long xref, long num, const char **body,
                       size_t *blen) {
  const char *x = pdf + xref;
  if (xref <= 0 || (size_t)xref >= len || strncmp(x, "xref", 4) != 0) return -1;
  x += 4;
  while (x < pdf + len) {
    long first, count;
    char *e;
    while (*x == '\r' || *x == '\n' || *x == ' ') x++;
    if (strncmp(x, "trailer", 7) == 0) return -1;
    first = strtol(x, &e, 10);
    count = strtol(e, &e, 10);
    x = e;
    while (*x == '\r' || *x == '\n' || *x == ' ') x++;
    if (num >= first && num < first + count) {
      long off = strtol(x + 20 * (num - first), NULL, 10);
      if (off <= 0 || (size_t)off >= len) return -1;
      const char *o = pdf + off, *endobj = strstr(o, "endobj");
      const char *open = strstr(o, "<<");
      if (!endobj || !open || open > endobj) return -1;
      const char *close = NULL;
      for (const char *c = open; c + 1 < endobj; c++)
        if (c[0] == '>' && c[1] == '>') close = c;
      if (!close) return -1;
      *body = open + 2;
      *blen = (size_t)(close - open - 2);
      return 0;
    }
    x += 20 * count;
  }
  return -1;
}

int pdf_sign(const hd_signer *s, const unsigned char *pdf, size_t len, const char *date_iso,
             const char *reason, unsigned char **out, size_t *out_len, hd_err *err) {
  const char *p = (const char *)pdf;
  *out = NULL;
  const char *sx = find_last(p, len, "startxref");
  const char *tr = find_last(p, len, "trailer");
  if (!sx || !tr) return hd_err_set(err, HD_EINTERNAL, "not a PDF hdreg can sign (no trailer)");
  long prev = strtol(sx + 9, NULL, 10);
  long root = ref_after(tr, p + len, "/Root "), info = ref_after(tr, p + len, "/Info ");
  const char *sz = strstr(tr, "/Size ");
  long size = sz ? strtol(sz + 6, NULL, 10) : 0;
  const char *cat, *pages, *page;
  size_t catn, pagesn, pagen;
  if (!root || !size || object_dict(p, len, prev, root, &cat, &catn))
    return hd_err_set(err, HD_EINTERNAL, "not a PDF hdreg can sign (no catalog)");
  long pages_id = ref_after(cat, cat + catn, "/Pages ");
  if (!pages_id || object_dict(p, len, prev, pages_id, &pages, &pagesn))
    return hd_err_set(err, HD_EINTERNAL, "not a PDF hdreg can sign (no page tree)");
  const char *kids = strstr(pages, "/Kids");
  long page_id = kids && kids < pages + pagesn ? strtol(strchr(kids, '[') + 1, NULL, 10) : 0;
  if (!page_id || object_dict(p, len, prev, page_id, &page, &pagen))
    return hd_err_set(err, HD_EINTERNAL, "not a PDF hdreg can sign (no first page)");

  long sig_id = size, widget_id = size + 1;
  hd_buf b;
  hd_buf_init(&b, len + 64 * 1024);
  hd_buf_add(&b, pdf, len);
  if (b.len && b.p[b.len - 1] != '\n') hd_buf_adds(&b, "\n");
  long off_sig = (long)b.len;
  char when[32];
  hd_snprintf(when, sizeof when, "D:%.4s%.2s%.2s000000Z", date_iso, date_iso + 5, date_iso + 8);
  hd_buf_printf(&b, "%ld 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter "
                "/adbe.pkcs7.detached /ByteRange [0 ", sig_id);
  size_t br_at = b.len; /* three numbers, 10 digits each, patched below */
  hd_buf_adds(&b, "0000000000 0000000000 0000000000] /Contents <");
  size_t contents_at = b.len - 1; /* the '<' */
  for (int i = 0; i < s->sig_len; i++) hd_buf_adds(&b, "00");
  hd_buf_adds(&b, ">");
  size_t contents_end = b.len; /* after the '>' */
  hd_buf_printf(&b, " /M (%s) /Reason (%s) >>\nendobj\n", when, reason);
  long off_widget = (long)b.len;
  hd_buf_printf(&b, "%ld 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V %ld "
                "0 R /F 132 /Rect [0 0 0 0] /P %ld 0 R >>\nendobj\n", widget_id, sig_id, page_id);
  long off_page = (long)b.len;
  hd_buf_printf(&b, "%ld 0 obj\n<<", page_id);
  hd_buf_add(&b, page, pagen);
  hd_buf_printf(&b, "/Annots [%ld 0 R]\n>>\nendobj\n", widget_id);
  long off_cat = (long)b.len;
  hd_buf_printf(&b, "%ld 0 obj\n<<", root);
  hd_buf_add(&b, cat, catn);
  hd_buf_printf(&b, "/AcroForm << /Fields [%ld 0 R] /SigFlags 3 >>\n>>\nendobj\n", widget_id);
  long off_xref = (long)b.len;
  /* Subsections in ascending object order: catalog, page, then the two new objects. */
  long ids[3] = {root, page_id, sig_id};
  long offs[3] = {off_cat, off_page, off_sig};
  if (page_id < root) {
    ids[0] = page_id, offs[0] = off_page;
    ids[1] = root, offs[1] = off_cat;
  }
  hd_buf_adds(&b, "xref\n0 1\n0000000000 65535 f \n");
  for (int i = 0; i < 2; i++) hd_buf_printf(&b, "%ld 1\n%010ld 00000 n \n", ids[i], offs[i]);
  hd_buf_printf(&b, "%ld 2\n%010ld 00000 n \n%010ld 00000 n \n", sig_id, off_sig, off_widget);
  hd_buf_printf(&b, "trailer\n<< /Size %ld /Root %ld 0 R", size + 2, root);
  if (info) hd_buf_printf(&b, " /Info %ld 0 R", info);
  hd_buf_printf(&b, " /Prev %ld >>\nstartxref\n%ld\n%%%%EOF\n", prev, off_xref);
  if (!b.p || b.len < contents_end) {
    hd_buf_release(&b);
    return hd_err_set(err, HD_ENOMEM, "out of memory signing");
  }
  /* ByteRange: everything but the hex string of /Contents (with its brackets). */
  char br[40];
  hd_snprintf(br, sizeof br, "%010zu %010zu %010zu", contents_at, contents_end,
              b.len - contents_end);
  memcpy(b.p + br_at, br, 32);
  /* Detached PKCS#7 over those bytes: RSA PKCS#1 v1.5 with SHA-256, no signed attributes
   * (no signing time inside: the time is /M, from the record), so the same document gets
   * the same signature. */
  BIO *in = BIO_new(BIO_s_mem());
  BIO_write(in, b.p, (int)contents_at);
  BIO_write(in, b.p + contents_end, (int)(b.len - contents_end));
  PKCS7 *p7 = sign_bio(s, in);
  BIO_free(in);
  unsigned char *der = NULL;
  int dlen = p7 ? i2d_PKCS7(p7, &der) : -1;
  PKCS7_free(p7);
  if (dlen <= 0 || dlen > s->sig_len) {
    OPENSSL_free(der);
    hd_buf_release(&b);
    return hd_err_set(err, HD_EINTERNAL, "cannot make the PDF signature");
  }
  static const char HEX[] = "0123456789abcdef";
  for (int i = 0; i < dlen; i++) {
    b.p[contents_at + 1 + 2 * i] = HEX[der[i] >> 4];
    b.p[contents_at + 2 + 2 * i] = HEX[der[i] & 15];
  }
  OPENSSL_free(der);
  *out_len = b.len;
  *out = (unsigned char *)hd_buf_steal(&b);
  return HD_OK;
}

/* ---- verification ------------------------------------------------------------------- */

int pdf_verify(const unsigned char *pdf, size_t len, const hd_signer *s, int *verdict,
               char *signer_name, size_t name_size, hd_err *err) {
  const char *p = (const char *)pdf;
  *verdict = HD_SIG_NONE;
  if (signer_name && name_size) signer_name[0] = '\0';
  const char *br = find_last(p, len, "/ByteRange [");
  if (!br) return HD_OK;
  char *e;
  long a = strtol(br + 12, &e, 10), b = strtol(e, &e, 10), c = strtol(e, &e, 10),
       d = strtol(e, &e, 10);
  if (a != 0 || b <= 0 || c <= b || d < 0 || (size_t)c > len || p[b] != '<' || p[c - 1] != '>') {
    *verdict = HD_SIG_ALTERED;
    return HD_OK;
  }
  if ((size_t)(c + d) != len) { /* something was appended after the signature */
    *verdict = HD_SIG_ALTERED;
    return HD_OK;
  }
  size_t hexlen = (size_t)(c - b - 2);
  unsigned char *der = malloc(hexlen / 2 + 1);
  if (!der) return hd_err_set(err, HD_ENOMEM, "out of memory");
  size_t n = 0;
  for (size_t i = 0; i + 1 < hexlen; i += 2) {
    unsigned v;
    if (sscanf(p + b + 1 + i, "%2x", &v) != 1) break;
    der[n++] = (unsigned char)v;
  }
  const unsigned char *q = der;
  PKCS7 *p7 = d2i_PKCS7(NULL, &q, (long)n);
  free(der);
  (void)err;
  if (!p7) {
    *verdict = HD_SIG_ALTERED;
    return HD_OK;
  }
  /* The signer's name, from the certificate inside the signature. */
  STACK_OF(X509) *signers = PKCS7_get0_signers(p7, NULL, 0);
  if (signers && sk_X509_num(signers) > 0 && signer_name)
    X509_NAME_get_text_by_NID(X509_get_subject_name(sk_X509_value(signers, 0)), NID_commonName,
                              signer_name, (int)name_size);
  sk_X509_free(signers);
  BIO *in = BIO_new(BIO_s_mem());
  BIO_write(in, p, (int)b);
  BIO_write(in, p + c, (int)d);
  /* 1. Is the signature sound at all (with the certificate it carries)? */
  int sound = PKCS7_verify(p7, NULL, NULL, in, NULL, PKCS7_BINARY | PKCS7_NOVERIFY) == 1;
  int ours = 0;
  if (sound && s) {
    /* 2. Made by this register's key? */
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, s->cert);
    STACK_OF(X509) *own = sk_X509_new_null();
    sk_X509_push(own, s->cert);
    BIO *in2 = BIO_new(BIO_s_mem());
    BIO_write(in2, p, (int)b);
    BIO_write(in2, p + c, (int)d);
    ours = PKCS7_verify(p7, own, store, in2, NULL,
                        PKCS7_BINARY | PKCS7_NOINTERN | PKCS7_NOCHAIN | PKCS7_NOVERIFY) == 1;
    BIO_free(in2);
    sk_X509_free(own);
    X509_STORE_free(store);
  }
  PKCS7_free(p7);
  BIO_free(in);
  ERR_clear_error();
  *verdict = !sound ? HD_SIG_ALTERED : !s ? HD_SIG_SOUND : ours ? HD_SIG_OURS : HD_SIG_FOREIGN;
  return HD_OK;
}

/* ---- QR codes ------------------------------------------------------------------------ */

static const char B32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static void base32(const unsigned char *d, size_t n, char *out) {
  size_t bits = n * 8, k = 0;
  for (size_t bit = 0; bit < bits; bit += 5) {
    unsigned v = 0;
    for (int j = 0; j < 5; j++) {
      size_t b = bit + (size_t)j;
      v = v << 1 | (b < bits ? (d[b / 8] >> (7 - b % 8)) & 1u : 0u);
    }
    out[k++] = B32[v];
  }
  out[k] = '\0';
}

static int unbase32(const char *s, unsigned char *out, size_t n) {
  memset(out, 0, n);
  size_t bit = 0;
  for (; *s; s++) {
    const char *c = strchr(B32, *s);
    if (!c || !*s) return -1;
    unsigned v = (unsigned)(c - B32);
    for (int j = 4; j >= 0; j--, bit++)
      if (bit < n * 8 && ((v >> j) & 1)) out[bit / 8] |= (unsigned char)(0x80 >> (bit % 8));
  }
  return bit >= n * 8 && bit < n * 8 + 5 ? 0 : -1;
}

int sign_text(const hd_signer *s, const char *text, char *out, size_t size) {
  if (!s || !s->qr_key || size < 104) return -1;
  unsigned char sig[64];
  size_t sl = sizeof sig;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = c && EVP_DigestSignInit(c, NULL, NULL, NULL, s->qr_key) == 1 &&
           EVP_DigestSign(c, sig, &sl, (const unsigned char *)text, strlen(text)) == 1 && sl == 64;
  EVP_MD_CTX_free(c);
  if (!ok) return -1;
  base32(sig, 64, out);
  return 0;
}

int verify_text(const char *keys_dir, const char *text, size_t text_len, const char *signature) {
  char ppath[4200];
  hd_snprintf(ppath, sizeof ppath, "%s/authority-qr.pub", keys_dir);
  FILE *f = fopen(ppath, "r");
  EVP_PKEY *pub = f ? PEM_read_PUBKEY(f, NULL, NULL, NULL) : NULL;
  if (f) fclose(f);
  if (!pub) return -1;
  unsigned char sig[64];
  int ok = 0;
  if (unbase32(signature, sig, sizeof sig) == 0) {
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    ok = c && EVP_DigestVerifyInit(c, NULL, NULL, NULL, pub) == 1 &&
         EVP_DigestVerify(c, sig, sizeof sig, (const unsigned char *)text, text_len) == 1;
    EVP_MD_CTX_free(c);
  }
  EVP_PKEY_free(pub);
  ERR_clear_error();
  return ok;
}

int sign_raw(const hd_signer *s, const void *msg, size_t len, unsigned char sig[64]) {
  if (!s || !s->qr_key) return -1;
  size_t sl = 64;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = c && EVP_DigestSignInit(c, NULL, NULL, NULL, s->qr_key) == 1 &&
           EVP_DigestSign(c, sig, &sl, msg, len) == 1 && sl == 64;
  EVP_MD_CTX_free(c);
  return ok ? 0 : -1;
}

int signer_qr_public(const hd_signer *s, unsigned char pub[32]) {
  size_t n = 32;
  return s && s->qr_key && EVP_PKEY_get_raw_public_key(s->qr_key, pub, &n) == 1 && n == 32 ? 0 : -1;
}

int qr_public_load(const char *keys_dir, unsigned char pub[32]) {
  char ppath[4200];
  hd_snprintf(ppath, sizeof ppath, "%s/authority-qr.pub", keys_dir);
  FILE *f = fopen(ppath, "r");
  EVP_PKEY *k = f ? PEM_read_PUBKEY(f, NULL, NULL, NULL) : NULL;
  if (f) fclose(f);
  size_t n = 32;
  int ok = k && EVP_PKEY_get_raw_public_key(k, pub, &n) == 1 && n == 32;
  EVP_PKEY_free(k);
  ERR_clear_error();
  return ok ? 0 : -1;
}

int verify_raw(const unsigned char pub[32], const void *msg, size_t len, const unsigned char sig[64]) {
  EVP_PKEY *k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = k && c && EVP_DigestVerifyInit(c, NULL, NULL, NULL, k) == 1 &&
           EVP_DigestVerify(c, sig, 64, msg, len) == 1;
  EVP_MD_CTX_free(c);
  EVP_PKEY_free(k);
  ERR_clear_error();
  return ok;
}

int sign_qr(const hd_signer *s, const char *text, char *out, size_t size) {
  char sig[110];
  if (sign_text(s, text, sig, sizeof sig)) return -1;
  return hd_snprintf(out, size, "%s:%s", text, sig) < 0 ? -1 : 0;
}

int verify_qr(const char *keys_dir, const char *payload, hd_err *err) {
  const char *colon = strrchr(payload, ':');
  if (!colon || strncmp(payload, "HDREG1:", 7) != 0)
    return hd_err_set(err, HD_EDATA, "not an hdreg certificate code");
  unsigned char sig[64];
  if (unbase32(colon + 1, sig, sizeof sig))
    return hd_err_set(err, HD_EDATA, "the signature part is damaged");
  int v = verify_text(keys_dir, payload, (size_t)(colon - payload), colon + 1);
  if (v < 0) return hd_err_set(err, HD_EUSAGE, "no QR key in '%s' (authority-qr.pub)", keys_dir);
  if (!v)
    return hd_err_set(err, HD_EDATA, "the signature does not match: not issued by this register, or changed");
  return HD_OK;
}
