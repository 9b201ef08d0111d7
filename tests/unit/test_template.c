/* Template loading: schema validation, refused DOCTYPEs and entities, bounded depth,
 * invalid UTF-8, and every shipped template loads. Messages are exact. */
#include <stdlib.h>

#include "check.h"
#include "template/template.h"

static const char *load(const char *name, const char *x) {
  static hd_err e;
  hd_template *t = NULL;
  hd_err_clear(&e);
  int rc = tmpl_load_memory(name, x, strlen(x), &t, &e);
  if (rc == HD_OK) {
    static char nm[64];
    snprintf(nm, sizeof nm, "ok %s", tmpl_name(t));
    tmpl_free(t);
    return nm;
  }
  return e.msg;
}

int main(void) {
  CHECK_STR(load("ok.xml", "<document name=\"x\"><p>hi {a.b}</p></document>"), "ok x");
  CHECK_STR(load("broken.xml", "<document name=\"x\">\n  <p>hi</document>"),
            "broken.xml:2:19: Opening and ending tag mismatch: p line 2 and document");
  CHECK_STR(load("schema.xml", "<document name=\"x\">\n  <tabel/>\n</document>"),
            "schema.xml:2:1: Did not expect element tabel there");
  CHECK_STR(load("noname.xml", "<document>\n</document>"),
            "noname.xml:1:1: Element document failed to validate attributes");
  CHECK_STR(load("xxe.xml", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                            "<document name=\"x\"><p>&x;</p></document>"),
            "xxe.xml:1:1: a DOCTYPE (and with it entities) is not allowed in templates");
  CHECK_STR(load("bomb.xml", "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                             "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                             "<document name=\"x\"><p>&b;</p></document>"),
            "bomb.xml:1:1: a DOCTYPE (and with it entities) is not allowed in templates");
  char deep[4000] = "<document name=\"x\">";
  for (int i = 0; i < 40; i++) strcat(deep, "<if test=\"1\">");
  for (int i = 0; i < 40; i++) strcat(deep, "</if>");
  strcat(deep, "</document>");
  CHECK_STR(load("deep.xml", deep), "deep.xml:1:1: elements nested deeper than 32");
  CHECK_STR(load("gbk.xml", "<document name=\"x\"><p>\xc4\xe3</p></document>"),
            "gbk.xml: invalid UTF-8 at byte 22");
  char *big = malloc((1 << 20) + 16);
  memset(big, ' ', (1 << 20) + 15);
  big[(1 << 20) + 15] = '\0';
  CHECK_STR(load("big.xml", big), "big.xml: template is 1048591 bytes, at most 1048576");
  free(big);

  /* Every shipped template. */
  static const char *const SHIPPED[] = {"certificate", "review_opinion", "cancellation",
                                         "privacy_policy", "public_notice"};
  for (size_t i = 0; i < sizeof SHIPPED / sizeof *SHIPPED; i++) {
    char path[256];
    snprintf(path, sizeof path, "templates/%s.xml", SHIPPED[i]);
    hd_template *t = NULL;
    hd_err e;
    hd_err_clear(&e);
    CHECK_INT(tmpl_load(path, &t, &e), HD_OK);
    if (t) CHECK_STR(tmpl_name(t), SHIPPED[i]);
    tmpl_free(t);
  }
  hd_err e;
  hd_template *t = NULL;
  hd_err_clear(&e);
  CHECK_INT(tmpl_load("templates/none.xml", &t, &e), HD_EDATA);
  CHECK_STR(e.msg, "cannot open 'templates/none.xml': No such file or directory");
  return check_done();
}
