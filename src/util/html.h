/* html.h: text from the register into an HTML page, safely: what the morning report
 * (src/report/) and the public site (src/publish/) both write. */
#ifndef HD_HTML_H
#define HD_HTML_H

#include "util/buf.h"

/* Appends s (NUL-terminated UTF-8, NULL for nothing) to b as HTML text: & < > " ' as
 * references; a control, bidi or invisible character shown by its code point ([U+202E])
 * instead of acting; invalid UTF-8 as U+FFFD. With HD_HTML_BR a newline becomes <br>
 * (otherwise it is a control like the others: [U+000A]). */
enum { HD_HTML_BR = 1 };
void hd_html_text(hd_buf *b, const char *s, int flags);

#endif
