/* html.c: text into HTML (html.h). */
#include "util/html.h"

#include <stdint.h>
#include <string.h>

#include "util/charclass.h"
#include "util/utf8.h"

void hd_html_text(hd_buf *b, const char *s, int flags) {
  if (!s) return;
  size_t n = strlen(s), i = 0;
  while (i < n) {
    size_t start = i;
    uint32_t cp;
    int r = hd_utf8_next(s, n, &i, &cp);
    if (r < 0) {
      hd_buf_adds(b, "\xEF\xBF\xBD");
      i = start + 1;
      continue;
    }
    if (r == 0) break;
    switch (cp) {
    case '&': hd_buf_adds(b, "&amp;"); continue;
    case '<': hd_buf_adds(b, "&lt;"); continue;
    case '>': hd_buf_adds(b, "&gt;"); continue;
    case '"': hd_buf_adds(b, "&quot;"); continue;
    case '\'': hd_buf_adds(b, "&#39;"); continue;
    case '\n':
      if (flags & HD_HTML_BR) {
        hd_buf_adds(b, "<br>");
        continue;
      }
      break;
    default: break;
    }
    if (hd_char_kind(cp, NULL) != HD_CH_PRINTABLE || cp == 0xFFFE || cp == 0xFFFF) {
      hd_buf_printf(b, "[U+%04X]", (unsigned)cp);
      continue;
    }
    hd_buf_add(b, s + start, i - start);
  }
}
