/* institution.c: an institution file (institution.h). */
#include "model/institution.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "template/xmlsafe.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/fsutil.h"

const char *const HD_INST_ELEMENTS[HD_INST_FIELDS] = {
    "name", "product", "email", "phone", "address", "withdrawal", "response-days", "effective",
    "updated"};
static const char *const WHAT[HD_INST_FIELDS] = {
    "单位名称", "产品名称", "联系邮箱", "联系电话", "联系地址", "撤回授权的路径", "响应时限",
    "生效日期", "更新日期"};
static const char *const PARTY[4] = {"name", "purpose", "data-items", "contact"};
static const char *const PARTY_WHAT[4] = {"第三方名称", "共享目的", "共享的个人信息", "第三方联系方式"};

/* Each <third-party> holds name, purpose, data-items and contact, in that order, once. */
static int explain(xmlDocPtr doc, char *msg, size_t cap) {
  for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "third-parties")) continue;
    for (xmlNodePtr p = n->children; p; p = p->next) {
      if (p->type != XML_ELEMENT_NODE) continue;
      if (strcmp((const char *)p->name, "third-party")) {
        snprintf(msg, cap, "%ld: <third-parties> holds <third-party> elements, not <%s>",
                 xmlGetLineNo(p), (const char *)p->name);
        return 1;
      }
      int k = 0;
      for (xmlNodePtr e = p->children; e; e = e->next) {
        if (e->type != XML_ELEMENT_NODE) continue;
        if (k < 4 && !strcmp((const char *)e->name, PARTY[k])) {
          k++;
          continue;
        }
        if (k < 4)
          snprintf(msg, cap, "%ld: <%s> where <third-party> needs <%s> (%s); its elements are "
                   "name, purpose, data-items, contact, in this order", xmlGetLineNo(e),
                   (const char *)e->name, PARTY[k], PARTY_WHAT[k]);
        else
          snprintf(msg, cap, "%ld: <%s> after <contact>: a <third-party> holds name, purpose, "
                   "data-items and contact only", xmlGetLineNo(e), (const char *)e->name);
        return 1;
      }
      if (k < 4) {
        snprintf(msg, cap, "%ld: <third-party> lacks <%s> (%s)", xmlGetLineNo(p), PARTY[k],
                 PARTY_WHAT[k]);
        return 1;
      }
    }
  }
  return 0;
}

static hd_xml_schema SCHEMA = {"templates/institution.rng", NULL, 0, NULL, explain};

/* The element's text with surrounding blanks cut; NULL (and err) if empty. */
static char *value(const char *path, xmlNodePtr n, const char *elem, const char *what, hd_err *err) {
  xmlChar *t = xmlNodeGetContent(n);
  const char *s = t ? (const char *)t : "";
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  size_t len = strlen(s);
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
    len--;
  char *v = NULL;
  if (!len)
    hd_err_set(err, HD_EDATA, "%s:%ld: <%s> (%s) is empty: the privacy policy needs it", path,
               xmlGetLineNo(n), elem, what);
  else if ((v = malloc(len + 1))) {
    memcpy(v, s, len);
    v[len] = '\0';
  } else {
    hd_err_set(err, HD_ENOMEM, "out of memory");
  }
  xmlFree(t);
  return v;
}

int institution_load(const char *path, hd_institution *out, hd_err *err) {
  memset(out, 0, sizeof *out);
  char *text = NULL;
  size_t len = 0;
  int rc = hd_read_file(path, 1 << 20, &text, &len, err);
  if (rc) return rc == HD_EIO ? hd_err_set(err, HD_EDATA, "%s", err->msg) : rc;
  SCHEMA.text = hd_embed_inst_schema;
  SCHEMA.len = hd_embed_inst_schema_len;
  xmlDocPtr doc = NULL;
  rc = xml_load(path, "institution file", text, len, 1 << 20, 8, &SCHEMA, &doc, err);
  free(text);
  if (rc) return rc;
  for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n && rc == HD_OK; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    for (int i = 0; i < HD_INST_FIELDS; i++)
      if (!strcmp((const char *)n->name, HD_INST_ELEMENTS[i]) &&
          !(out->v[i] = value(path, n, HD_INST_ELEMENTS[i], WHAT[i], err)))
        rc = err->code;
    if (rc || strcmp((const char *)n->name, "third-parties") != 0) continue;
    for (xmlNodePtr p = n->children; p && rc == HD_OK; p = p->next) {
      if (p->type != XML_ELEMENT_NODE) continue;
      char *(*np)[4] = realloc(out->parties, (size_t)(out->n_parties + 1) * sizeof *np);
      if (!np) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory");
        break;
      }
      out->parties = np;
      memset(np[out->n_parties], 0, sizeof np[0]);
      out->n_parties++;
      for (xmlNodePtr f = p->children; f && rc == HD_OK; f = f->next) {
        if (f->type != XML_ELEMENT_NODE) continue;
        for (int k = 0; k < 4; k++)
          if (!strcmp((const char *)f->name, PARTY[k]) &&
              !(np[out->n_parties - 1][k] = value(path, f, PARTY[k], PARTY_WHAT[k], err)))
            rc = err->code;
      }
    }
  }
  xmlFreeDoc(doc);
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
