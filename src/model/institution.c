/* institution.c: an institution file (institution.h). */
#include "model/institution.h"

#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xmlsafe.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/decode.h"
#include "util/fsutil.h"
#include "util/utf8.h"

const char *const HD_INST_ELEMENTS[HD_INST_FIELDS] = {
    "name", "product", "email", "phone", "address", "withdrawal", "response-days", "effective",
    "updated", "kind", "self", "menu", "account"};
const char *const HD_INST_KEYS[HD_INST_FIELDS] = {
    "institution.name", "institution.product", "institution.email", "institution.phone",
    "institution.address", "institution.withdrawal", "institution.days",
    "institution.effective", "institution.updated", "institution.kind", "institution.self",
    "institution.menu", "institution.account"};
static const char *const WHAT[HD_INST_FIELDS] = {
    "单位名称", "产品名称", "联系邮箱", "联系电话", "联系地址", "撤回授权的路径", "响应时限",
    "生效日期", "更新日期", "单位类型", "自称", "个人信息的菜单路径", "第三方账号"};
/* Required: the Annex A blanks (×××, 【 】) and the kind; self, menu, account default. */
#define REQUIRED 10
static const char *const PARTY[4] = {"name", "purpose", "data-items", "contact"};
static const char *const PARTY_WHAT[4] = {"第三方名称", "共享目的", "共享的个人信息", "第三方联系方式"};
#define MAX_CHARS 500  /* a value's characters: a line of the policy, not a document */

/* The kinds and what Annex A hard-codes for the hospital it was written for (本院, the
 * menu "患者管理-就诊人管理", the WeChat account of 4.8), per kind. */
static const struct {
  const char *kind, *what, *self, *menu, *account;
} KINDS[] = {
    {"hospital", "医院", "本院", "患者管理-就诊人管理", "微信账号"},
    {"company", "公司", "本公司", "我的-个人信息", ""},
    {"platform", "平台", "本平台", "我的-账号与安全", ""},
    {"unit", "其他单位", "本单位", "我的-个人信息", ""},
};
#define N_KINDS (int)(sizeof KINDS / sizeof KINDS[0])

const char *institution_default(const char *kind, int field) {
  for (int k = 0; kind && k < N_KINDS; k++)
    if (!strcmp(kind, KINDS[k].kind))
      return field == HD_INST_SELF ? KINDS[k].self : field == HD_INST_MENU ? KINDS[k].menu
             : field == HD_INST_ACCOUNT ? KINDS[k].account : NULL;
  return NULL;
}

typedef struct checker {
  const char *path;  /* the file's name in problems */
  const char *file;  /* where it is read from */
  hd_buf out;  /* the problems, one line each */
  int n;
} checker;

static void problem(checker *c, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(checker *c, long line, const char *fmt, ...) {
  char msg[800];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (line > 0) hd_buf_printf(&c->out, "%s:%ld: %s\n", c->path, line, msg);
  else hd_buf_printf(&c->out, "%s: %s\n", c->path, msg);
  c->n++;
}

static int is_elem(xmlNodePtr n) { return n->type == XML_ELEMENT_NODE; }

/* Text outside the elements that hold values (not blanks, not comments) is a mistake. */
static void stray_text(checker *c, xmlNodePtr parent) {
  for (xmlNodePtr n = parent->children; n; n = n->next) {
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) continue;
    const char *s = (const char *)n->content;
    if (s && s[strspn(s, " \t\r\n")])
      problem(c, xmlGetLineNo(n), "<%s> 中只能有元素，不能直接写文字", (const char *)parent->name);
  }
}

/* The element's text with surrounding blanks cut, checked: not empty (unless
 * may_empty), no child elements, at most MAX_CHARS characters. NULL if wrong. */
static char *value(checker *c, xmlNodePtr n, const char *what, int may_empty) {
  for (xmlNodePtr k = n->children; k; k = k->next)
    if (is_elem(k)) {
      problem(c, xmlGetLineNo(k), "<%s>（%s）中只能写文字，不能有元素 <%s>", (const char *)n->name,
              what, (const char *)k->name);
      return NULL;
    }
  xmlChar *t = xmlNodeGetContent(n);
  const char *s = t ? (const char *)t : "";
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  size_t len = strlen(s);
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
    len--;
  char *v = NULL;
  size_t chars = hd_utf8_count(s, len);
  if (!len && !may_empty)
    problem(c, xmlGetLineNo(n), "<%s>（%s）是空的：隐私政策需要它", (const char *)n->name, what);
  else if (chars > MAX_CHARS)
    problem(c, xmlGetLineNo(n), "<%s>（%s）有 %zu 个字，最多 %d 个", (const char *)n->name, what,
            chars, MAX_CHARS);
  else if ((v = malloc(len + 1))) {
    memcpy(v, s, len);
    v[len] = '\0';
  }
  xmlFree(t);
  return v;
}

static void parties(checker *c, xmlNodePtr list, hd_institution *out) {
  stray_text(c, list);
  for (xmlNodePtr p = list->children; p; p = p->next) {
    if (!is_elem(p)) continue;
    if (strcmp((const char *)p->name, "third-party")) {
      problem(c, xmlGetLineNo(p), "<third-parties> 中只能有 <third-party>，不能有 <%s>",
              (const char *)p->name);
      continue;
    }
    char *(*np)[4] = realloc(out->parties, (size_t)(out->n_parties + 1) * sizeof *np);
    if (!np) return;
    out->parties = np;
    char **row = np[out->n_parties++];
    memset(row, 0, 4 * sizeof *row);
    xmlNodePtr at[4] = {NULL};
    stray_text(c, p);
    for (xmlNodePtr f = p->children; f; f = f->next) {
      if (!is_elem(f)) continue;
      int k = 0;
      while (k < 4 && strcmp((const char *)f->name, PARTY[k])) k++;
      if (k == 4) {
        problem(c, xmlGetLineNo(f), "<third-party> 中没有 <%s> 这一项（可写 name、purpose、data-items、"
                "contact）", (const char *)f->name);
      } else if (at[k]) {
        problem(c, xmlGetLineNo(f), "<%s>（%s）重复：第 %ld 行已有", PARTY[k], PARTY_WHAT[k],
                xmlGetLineNo(at[k]));
      } else {
        at[k] = f;
        row[k] = value(c, f, PARTY_WHAT[k], 0);
      }
    }
    for (int k = 0; k < 4; k++)
      if (!at[k]) problem(c, xmlGetLineNo(p), "<third-party> 缺少 <%s>（%s）", PARTY[k], PARTY_WHAT[k]);
  }
}

/* Every problem of the document, into c; the values into out. */
static void check(checker *c, xmlDocPtr doc, hd_institution *out) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (strcmp((const char *)root->name, "institution")) {
    problem(c, xmlGetLineNo(root), "根元素应为 <institution>，而不是 <%s>", (const char *)root->name);
    return;
  }
  stray_text(c, root);
  xmlNodePtr at[HD_INST_FIELDS] = {NULL}, list = NULL;
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (!is_elem(n)) continue;
    const char *name = (const char *)n->name;
    if (!strcmp(name, "third-parties")) {
      if (list) problem(c, xmlGetLineNo(n), "<third-parties>（第三方共享清单）重复：第 %ld 行已有",
                        xmlGetLineNo(list));
      else parties(c, list = n, out);
      continue;
    }
    int i = 0;
    while (i < HD_INST_FIELDS && strcmp(name, HD_INST_ELEMENTS[i])) i++;
    if (i == HD_INST_FIELDS) {
      problem(c, xmlGetLineNo(n), "<institution> 中没有 <%s> 这一项", name);
    } else if (at[i]) {
      problem(c, xmlGetLineNo(n), "<%s>（%s）重复：第 %ld 行已有", name, WHAT[i], xmlGetLineNo(at[i]));
    } else {
      at[i] = n;
      out->v[i] = value(c, n, WHAT[i], i == HD_INST_ACCOUNT);
    }
  }
  for (int i = 0; i < REQUIRED; i++)
    if (!at[i]) problem(c, xmlGetLineNo(root), "缺少 <%s>（%s）", HD_INST_ELEMENTS[i], WHAT[i]);
  const char *kind = out->v[HD_INST_KIND];
  if (kind && !institution_default(kind, HD_INST_SELF)) {
    problem(c, xmlGetLineNo(at[HD_INST_KIND]), "<kind>（单位类型）“%s”不是 hospital（医院）、"
            "company（公司）、platform（平台）或 unit（其他单位）", kind);
    kind = NULL;
  }
  /* 6.5, 第十条: the register holds response days 1-30 (privacy_products.response_days,
   * docs/schema.md), and so does the file. */
  const char *days = out->v[HD_INST_DAYS];
  if (days && (strspn(days, "0123456789") != strlen(days) || strlen(days) > 2 || atoi(days) < 1 ||
               atoi(days) > 30))
    problem(c, xmlGetLineNo(at[HD_INST_DAYS]), "<response-days>（响应时限）“%s”应为 1 至 30 的"
            "工作日数", days);
  hd_date d[2];
  int ok[2] = {0, 0};
  for (int k = 0; k < 2; k++) {
    int i = k ? HD_INST_UPDATED : HD_INST_EFFECTIVE;
    const char *s = out->v[i];
    if (s && !(ok[k] = strlen(s) == 10 && hd_date_parse(s, &d[k])))
      problem(c, xmlGetLineNo(at[i]), "<%s>（%s）“%s”不是日期（应写作 2026-03-01）",
              HD_INST_ELEMENTS[i], WHAT[i], s);
  }
  /* 第十一条: the policy is published (updated) and takes effect then or later. */
  if (ok[0] && ok[1] && hd_date_cmp(d[0], d[1]) < 0)
    problem(c, xmlGetLineNo(at[HD_INST_EFFECTIVE]), "<effective>（生效日期）%s 早于 <updated>"
            "（更新日期）%s：政策公布之后才能生效", out->v[HD_INST_EFFECTIVE], out->v[HD_INST_UPDATED]);
  for (int i = HD_INST_SELF; kind && i <= HD_INST_ACCOUNT; i++)
    if (!at[i]) out->v[i] = hd_strdup(institution_default(kind, i));
  /* <account>无</account>: no third-party account, as an empty element says. */
  if (out->v[HD_INST_ACCOUNT] && !strcmp(out->v[HD_INST_ACCOUNT], "无")) out->v[HD_INST_ACCOUNT][0] = '\0';
}

/* Invalid bytes of a GBK or GB18030 file, as problems. */
static void on_bad(void *ud, long line, long col, const unsigned char *bytes, size_t n,
                   const char *encoding) {
  char hex[16] = "";
  for (size_t i = 0; i < n && i < 4; i++) snprintf(hex + 3 * i, sizeof hex - 3 * i, "%s%02X", i ? " " : "", bytes[i]);
  problem(ud, line, "第 %ld 个字处的字节 %s 不是有效的 %s", col, hex, encoding);
}

/* The file as UTF-8: in its declared encoding (or the one given), through the decoder
 * that import uses. */
static int read_text(checker *c, const char *encoding, char **text, size_t *len, hd_err *err) {
  char head[512], decl[40];
  size_t hn = 0;
  FILE *f = fopen(c->file, "rb");
  if (!f) return hd_err_set(err, HD_EDATA, "%s: 无法读取文件", c->path);
  hn = fread(head, 1, sizeof head, f);
  fclose(f);
  dec_declared(head, hn, decl, sizeof decl);
  const char *enc = encoding;
  if (!enc && decl[0]) {
    enc = !strcasecmp(decl, "GB2312") ? "GBK" : dec_canonical(decl);
    if (!enc)
      return hd_err_set(err, HD_EDATA, "%s:1: 文件声明的编码“%s”无法读取（可用 UTF-8、GBK 或 GB18030）",
                        c->path, decl);
  }
  if (!enc || !strcmp(enc, "UTF-8")) {
    int rc = hd_read_file(c->file, 1 << 20, text, len, err);
    if (rc) return rc == HD_EIO ? hd_err_set(err, HD_EDATA, "%s: 无法读取文件", c->path) : rc;
    size_t bad;
    if (!hd_utf8_valid(*text, *len, &bad)) {
      long line = 1;
      for (size_t i = 0; i < bad; i++) line += (*text)[i] == '\n';
      problem(c, line, "第 %zu 字节起不是有效的 UTF-8（GBK 或 GB18030 的文件请在 XML 声明中写明，"
              "如 <?xml version=\"1.0\" encoding=\"GBK\"?>，或用 --encoding GBK）", bad);
    }
    return HD_OK;
  }
  hd_decoder *d = NULL;
  int rc = dec_open(c->file, enc, on_bad, c, &d, err);
  if (rc) return rc == HD_EIO ? hd_err_set(err, HD_EDATA, "%s: 无法读取文件", c->path) : rc;
  hd_buf b;
  hd_buf_init(&b, 4u << 20);
  char buf[8192];
  long got;
  while ((got = dec_read(d, buf, sizeof buf, err)) > 0)
    if (hd_buf_add(&b, buf, (size_t)got)) {
      got = -1;
      hd_err_set(err, HD_EDATA, "%s: 机构文件转换为 UTF-8 后超过 4 MB", c->path);
      break;
    }
  dec_close(d);
  if (got < 0) {
    hd_buf_release(&b);
    return err->code ? err->code : HD_EDATA;
  }
  *len = b.len;
  *text = b.p ? hd_buf_steal(&b) : hd_strdup("");
  hd_buf_release(&b);
  return *text ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory");
}

static long line_of(const char *path, const char *s) {
  size_t n = strlen(path);
  return !strncmp(s, path, n) && s[n] == ':' ? atol(s + n + 1) : 0;
}

typedef struct pline {
  const char *s;
  long line;
  int order;
} pline;

static int cmp_pline(const void *a, const void *b) {
  const pline *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return x->order - y->order;
}

/* The problems in the order of their lines (caller frees). */
static char *by_line(checker *c) {
  pline *v = calloc((size_t)c->n, sizeof *v);
  char *all = c->out.p;
  if (!v || !all) {
    free(v);
    return hd_buf_steal(&c->out);
  }
  int k = 0;
  for (char *p = all, *nl; k < c->n && (nl = strchr(p, '\n')); p = nl + 1, k++) {
    *nl = '\0';
    v[k] = (pline){p, line_of(c->path, p), k};
  }
  qsort(v, (size_t)k, sizeof *v, cmp_pline);
  hd_buf o;
  hd_buf_init(&o, 1 << 20);
  for (int i = 0; i < k; i++) hd_buf_printf(&o, "%s\n", v[i].s);
  free(v);
  return hd_buf_steal(&o);
}

int institution_load(const char *path, const char *encoding, hd_institution *out,
                     char **problems, hd_err *err) {
  return institution_load_named(path, path, encoding, out, problems, err);
}

int institution_load_named(const char *file, const char *path, const char *encoding,
                           hd_institution *out, char **problems, hd_err *err) {
  memset(out, 0, sizeof *out);
  *problems = NULL;
  checker c = {path, file, {0}, 0};
  hd_buf_init(&c.out, 1 << 20);
  char *text = NULL;
  size_t len = 0;
  int rc = read_text(&c, encoding, &text, &len, err);
  xmlDocPtr doc = NULL;
  if (rc == HD_OK && !c.n) {
    rc = xml_read_zh(path, "机构文件", text, len, 4u << 20, 8, &doc, err);
    if (rc == HD_OK) check(&c, doc, out);
  }
  free(text);
  xmlFreeDoc(doc);
  if (rc == HD_OK && c.n) {
    *problems = by_line(&c);
    rc = hd_err_set(err, HD_EDATA, "%s: 共 %d 个问题，未写出隐私政策", path, c.n);
  }
  hd_buf_release(&c.out);
  if (rc) institution_release(out);
  return rc;
}

void institution_release(hd_institution *in) {
  for (int i = 0; i < HD_INST_FIELDS; i++) free(in->v[i]);
  for (int p = 0; p < in->n_parties; p++)
    for (int k = 0; k < 4; k++) free(in->parties[p][k]);
  free(in->parties);
  memset(in, 0, sizeof *in);
}
