/* xmlsafe.c: the safe XML loader (xmlsafe.h). */
#include "util/xmlsafe.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

typedef struct collect {
  const char *file;
  char msg[HD_ERR_MAX];
  int have;
  int zh;  /* messages in Chinese (xml_read_zh), not libxml2's */
} collect;

/* A well-formedness error in Chinese, by libxml2's code (the mistakes people make
 * writing a file by hand first); others by their code, never libxml2's English. */
static const char *zh_of(int code) {
  switch (code) {
  case XML_ERR_DOCUMENT_EMPTY: return "文件是空的";
  case XML_ERR_DOCUMENT_START: return "文件应以 XML 元素开始（“<”）";
  case XML_ERR_DOCUMENT_END: return "根元素结束之后还有内容（只能有一个根元素）";
  case XML_ERR_INVALID_CHAR:
  case XML_ERR_INVALID_DEC_CHARREF:
  case XML_ERR_INVALID_HEX_CHARREF:
  case XML_ERR_INVALID_CHARREF: return "含有 XML 不允许的字符";
  case XML_ERR_UNDECLARED_ENTITY:
  case XML_WAR_UNDECLARED_ENTITY: return "未定义的实体引用（只能用 &lt; &gt; &amp; &quot; &apos; 和数字字符引用）";
  case XML_ERR_ENTITYREF_SEMICOL_MISSING:
  case XML_ERR_NAME_REQUIRED: return "“&”后不是实体引用（文字中的 & 应写作 &amp;）";
  case XML_ERR_LT_IN_ATTRIBUTE: return "属性值中不能有“<”";
  case XML_ERR_ATTRIBUTE_NOT_STARTED:
  case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "属性值缺少引号";
  case XML_ERR_ATTRIBUTE_REDEFINED: return "同一属性出现了两次";
  case XML_ERR_LT_REQUIRED: return "缺少“<”";
  case XML_ERR_GT_REQUIRED: return "标签缺少结尾的“>”";
  case XML_ERR_LTSLASH_REQUIRED: return "缺少结束标签“</”";
  case XML_ERR_EQUAL_REQUIRED: return "属性名后缺少“=”";
  case XML_ERR_TAG_NAME_MISMATCH: return "结束标签与开始标签不一致";
  case XML_ERR_TAG_NOT_FINISHED: return "元素没有结束标签";
  case XML_ERR_RESERVED_XML_NAME: return "XML 声明（<?xml ...?>）只能在文件开头";
  case XML_ERR_SPACE_REQUIRED: return "此处缺少空格";
  case XML_ERR_UNSUPPORTED_ENCODING: return "声明了不支持的编码";
  case XML_ERR_PI_NOT_STARTED:
  case XML_ERR_PI_NOT_FINISHED: return "处理指令（<?...?>）不完整";
  case XML_ERR_COMMENT_NOT_FINISHED: return "注释（<!-- -->）没有结束";
  case XML_ERR_CDATA_NOT_FINISHED: return "CDATA 段没有结束";
  case XML_ERR_EXTRA_CONTENT: return "根元素结束之后还有内容（只能有一个根元素）";
  default: return NULL;
  }
}

/* First error only, as "file:line:col: message" with libxml2's trailing newline cut
 * (zh: "file:line: 中文"). */
static void on_error(void *ud, xmlErrorPtr e) {
  collect *c = ud;
  if (c->have || !e || e->level < XML_ERR_ERROR) return;
  if (c->zh) {
    const char *w = zh_of(e->code);
    char other[80];
    if (!w) {
      snprintf(other, sizeof other, "不是格式正确的 XML（libxml2 错误码 %d）", e->code);
      w = other;
    }
    if (e->line > 0) snprintf(c->msg, sizeof c->msg, "%s:%d: XML 格式错误：%s", c->file, e->line, w);
    else snprintf(c->msg, sizeof c->msg, "%s: XML 格式错误：%s", c->file, w);
    c->have = 1;
    return;
  }
  char text[700];
  snprintf(text, sizeof text, "%s", e->message ? e->message : "error");
  size_t n = strlen(text);
  while (n && (text[n - 1] == '\n' || text[n - 1] == ' ')) text[--n] = '\0';
  int col = e->int2 > 0 ? e->int2 : 1;
  if (e->line > 0) snprintf(c->msg, sizeof c->msg, "%s:%d:%d: %s", c->file, e->line, col, text);
  else snprintf(c->msg, sizeof c->msg, "%s: %s", c->file, text);
  c->have = 1;
}

static int depth_ok(xmlNodePtr n, int depth, int max, xmlNodePtr *deep) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (depth > max) {
      *deep = n;
      return 0;
    }
    if (!depth_ok(n->children, depth + 1, max, deep)) return 0;
  }
  return 1;
}

static xmlRelaxNGPtr compile(hd_xml_schema *s, hd_err *err) {
  if (s->compiled) return s->compiled;
  collect c = {s->name, "", 0, 0};
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)s->text, (int)s->len);
  if (!pc) {
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  xmlRelaxNGSetParserStructuredErrors(pc, on_error, &c);
  s->compiled = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!s->compiled) hd_err_set(err, HD_EINTERNAL, "%s: %s", s->name, c.have ? c.msg : "invalid");
  return s->compiled;
}

/* xml_load (schema given, messages libxml2's) and xml_read_zh (schema NULL, Chinese). */
static int load(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
                int max_depth, hd_xml_schema *schema, xmlDocPtr *out, hd_err *err) {
  *out = NULL;
  int zh = schema == NULL;
  if (len > max_bytes)
    return zh ? hd_err_set(err, HD_EDATA, "%s: %s有 %zu 字节，最多 %zu 字节", name, what, len, max_bytes)
              : hd_err_set(err, HD_EDATA, "%s: %s is %zu bytes, at most %zu", name, what, len, max_bytes);
  size_t bad;
  if (!hd_utf8_valid(text, len, &bad))
    return zh ? hd_err_set(err, HD_EDATA, "%s: 第 %zu 字节起不是有效的 UTF-8", name, bad)
              : hd_err_set(err, HD_EDATA, "%s: invalid UTF-8 at byte %zu", name, bad);
  xmlRelaxNGPtr rng = zh ? NULL : compile(schema, err);
  if (!zh && !rng) return err->code;
  collect c = {name, "", 0, zh};
  xmlParserCtxtPtr pc = xmlNewParserCtxt();
  if (!pc) return hd_err_set(err, HD_ENOMEM, "out of memory");
  xmlSetStructuredErrorFunc(&c, on_error);
  /* No network, no entity substitution, no DTD loading; CDATA merged; blanks dropped. */
  xmlDocPtr doc = xmlCtxtReadMemory(pc, text, (int)len, name, "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS |
                                        XML_PARSE_NOWARNING);
  xmlFreeParserCtxt(pc);
  int rc = HD_OK;
  if (!doc) {
    rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : zh ? "无法解析" : "cannot be parsed");
    goto done;
  }
  if (doc->intSubset || doc->extSubset) {
    xmlNodePtr dtd = (xmlNodePtr)(doc->intSubset ? doc->intSubset : doc->extSubset);
    long line = xmlGetLineNo(dtd) > 0 ? xmlGetLineNo(dtd) : 1L;
    rc = zh ? hd_err_set(err, HD_EDATA, "%s:%ld: %s中不允许 DOCTYPE（也就不允许实体）", name, line, what)
            : hd_err_set(err, HD_EDATA, "%s:%ld:1: a DOCTYPE (and with it entities) is not allowed "
                         "in %ss", name, line, what);
    goto done;
  }
  xmlNodePtr deep = NULL;
  if (!depth_ok(xmlDocGetRootElement(doc), 1, max_depth, &deep)) {
    rc = zh ? hd_err_set(err, HD_EDATA, "%s:%ld: 元素嵌套超过 %d 层", name, xmlGetLineNo(deep), max_depth)
            : hd_err_set(err, HD_EDATA, "%s:%ld:1: elements nested deeper than %d", name,
                         xmlGetLineNo(deep), max_depth);
    goto done;
  }
  if (zh) {
    *out = doc;
    doc = NULL;
    goto done;
  }
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
  if (!vc) {
    rc = hd_err_set(err, HD_ENOMEM, "out of memory");
    goto done;
  }
  xmlRelaxNGSetValidStructuredErrors(vc, on_error, &c);
  int v = xmlRelaxNGValidateDoc(vc, doc);
  xmlRelaxNGFreeValidCtxt(vc);
  if (v != 0) {
    char why[600];
    if (schema->explain && schema->explain(doc, why, sizeof why))
      rc = hd_err_set(err, HD_EDATA, "%s:%s", name, why);
    else
      rc = hd_err_set(err, HD_EDATA, "%s", c.have ? c.msg : "does not match the schema");
    goto done;
  }
  *out = doc;
  doc = NULL;
done:
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (doc) xmlFreeDoc(doc);
  return rc;
}

int xml_load(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
             int max_depth, hd_xml_schema *schema, xmlDocPtr *doc, hd_err *err) {
  return load(name, what, text, len, max_bytes, max_depth, schema, doc, err);
}

int xml_read_zh(const char *name, const char *what, const char *text, size_t len, size_t max_bytes,
                int max_depth, xmlDocPtr *doc, hd_err *err) {
  return load(name, what, text, len, max_bytes, max_depth, NULL, doc, err);
}
