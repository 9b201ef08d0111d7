/* hd_html_text (util/html.h): what the morning report and the public site put of the
 * register's text into their pages. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/html.h"

static char *html(const char *s, int flags) {
  static char out[256];
  hd_buf b;
  hd_buf_init(&b, 1 << 16);
  hd_html_text(&b, s, flags);
  snprintf(out, sizeof out, "%.*s", (int)b.len, b.p ? b.p : "");
  hd_buf_release(&b);
  return out;
}

int main(void) {
  CHECK_STR(html("<a href=\"x\">&'</a>", 0), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  CHECK_STR(html("南粤医院", 0), "南粤医院");
  CHECK_STR(html("abc\xE2\x80\xAE" "def", 0), "abc[U+202E]def");   /* bidi override */
  CHECK_STR(html("a\xC4\xE3" "b", 0), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b"); /* GBK bytes */
  CHECK_STR(html("x\xEF\xBF\xBEy", 0), "x[U+FFFE]y");
  CHECK_STR(html("一\n二", 0), "一[U+000A]二");
  CHECK_STR(html("一\n二", HD_HTML_BR), "一<br>二");
  CHECK_STR(html("t\tu", HD_HTML_BR), "t[U+0009]u");
  CHECK_STR(html(NULL, 0), "");
  return check_done();
}
