/* svg.c: the chart of a period's figures (stats.h, stats_svg) — the one the morning report
 * (src/report/html.c) and the public site (src/publish/publish.c) both show. Made from the
 * JSON of stats_compute alone; plain SVG with text labels, no script. */
#include "stats/stats.h"

#include <string.h>

#include "util/json.h"
#include "util/html.h"


static const char *text_of(json_object *o, const char *k) {
  const char *s = hd_json_str(o, k);
  return s ? s : "";
}

enum { W = 520, LABEL_X = 112, BAR_X = 118, ROW = 20, FONT = 13, SMALL = 11 };

/* Horizontal bars, one for each key of keys whose value in o is not 0, labelled with the
 * key's label of group and the number, from y down; returns the y below them. */
static int hbars(hd_buf *b, json_object *o, const char *group, const char *const *keys,
                 const char *const *colors, int y) {
  int max = 1, any = 0;
  for (int i = 0; keys[i]; i++)
    if (hd_json_int(o, keys[i]) > max) max = hd_json_int(o, keys[i]);
  for (int i = 0; keys[i]; i++) {
    int v = hd_json_int(o, keys[i]);
    if (!v) continue;
    any = 1;
    int w = (int)((long long)v * (W - BAR_X - 44) / max);
    if (w < 1) w = 1;
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\">%s</text>"
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/>"
                  "<text x=\"%d\" y=\"%d\" font-size=\"%d\">%d</text>",
                  LABEL_X, y + 13, FONT, stats_label(group, keys[i]), BAR_X, y + 2, w,
                  colors[colors[1] ? i : 0], BAR_X + w + 4, y + 13, FONT, v);
    y += ROW;
  }
  if (!any) {
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\">（无）</text>", BAR_X, y + 13, FONT);
    y += ROW;
  }
  return y;
}

static int rows(json_object *o, const char *const *keys) {
  int n = 0;
  for (int i = 0; keys[i]; i++) n += hd_json_int(o, keys[i]) != 0;
  return n ? n : 1;
}

int stats_svg(hd_buf *b, json_object *st) {
  static const char *const STATUSES[] = {"submitted", "rectify",  "held",     "committee_review",
                                         "approved",  "notice",   "certified", "rejected",
                                         "cancelled", "withdrawn", NULL};
  static const char *const DECISIONS[] = {"approve", "rectify", "hold", "reject", NULL};
  static const char *const CSTATUS[] = {"#6a1b9a", NULL};
  static const char *const CDEC[] = {"#2e7d32", "#f9a825", "#1565c0", "#c62828", NULL};
  json_object *inf = hd_json_get(st, "in_force"), *rec = hd_json_get(st, "received"), *dec = hd_json_get(st, "decisions"),
              *pt = hd_json_get(st, "processing_days");
  size_t nm = inf && json_object_is_type(inf, json_type_array) ? json_object_array_length(inf) : 0;
  /* the panels from the top: certificates by month, received by status, decisions, the
   * processing time */
  const int top = 40, base = 170, p2 = base + 56, p3 = p2 + 12 + rows(hd_json_get(rec, "status"), STATUSES) * ROW + 20,
            p4 = p3 + 12 + rows(dec, DECISIONS) * ROW + 24, H = p4 + 8;
  size_t start = b->len;
  hd_buf title;
  hd_buf_init(&title, 4096);
  hd_html_text(&title, text_of(st, "from"), 0);
  hd_buf_adds(&title, " 至 ");
  hd_html_text(&title, text_of(st, "to"), 0);
  hd_buf_adds(&title, " 的登记统计");
  const char *t = title.p ? title.p : "登记统计";
  hd_buf_printf(b, "<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"100%%\">"
                "<title>%s</title><desc>上图：各月末有效的证书数，每月一根柱，柱上为数字。中图：期间"
                "收到的案件按期末状态的件数。下图：期间的审核决定。最后一行：办理时间（工作日）的中位数"
                "和第 90 百分位数。</desc>", t, W, H, t);
  hd_buf_release(&title);
  /* certificates in force at each month's end */
  hd_buf_printf(b, "<text x=\"0\" y=\"16\" font-size=\"15\" font-weight=\"bold\">各月末有效证书</text>");
  int max = 1;
  for (size_t i = 0; i < nm; i++) {
    int v = hd_json_int(json_object_array_get_idx(inf, i), "certificates");
    if (v > max) max = v;
  }
  const int left = 4;
  int step = nm ? (W - left - 4) / (int)(nm < 12 ? 12 : nm) : 42, bw = step * 7 / 10;
  int every = step >= 30 ? 1 : step >= 15 ? 2 : step >= 8 ? 4 : 12; /* labels that fit */
  hd_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", left, base,
                W - 2, base);
  for (size_t i = 0; i < nm; i++) {
    json_object *m = json_object_array_get_idx(inf, i);
    const char *month = text_of(m, "month");
    int v = hd_json_int(m, "certificates"), h = (int)((long long)v * (base - top) / max);
    if (v && h < 1) h = 1;
    int x = left + 2 + (int)i * step, cx = x + bw / 2;
    hd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1565c0\"><title>",
                  x, base - h, bw, h);
    hd_html_text(b, text_of(m, "date"), 0);
    hd_buf_printf(b, "：有效证书 %d</title></rect>", v);
    if (strlen(month) != 7) continue;
    int mo = (month[5] - '0') * 10 + (month[6] - '0');
    if (i % (size_t)every == 0 || i + 1 == nm) {
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">%d</text>"
                    "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">%d月</text>",
                    cx, base - h - 4, SMALL, v, cx, base + 16, FONT, mo);
    }
    if (i == 0 || mo == 1) { /* the year under its first month */
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">", cx, base + 32, SMALL);
      hd_buf_add(b, month, 4);
      hd_buf_adds(b, "年</text>");
    }
  }
  /* cases received, by status at the end of the period */
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">期间收到的案件 %d "
                "件（按期末状态）</text>", p2, hd_json_int(rec, "total"));
  hbars(b, hd_json_get(rec, "status"), "status", STATUSES, CSTATUS, p2 + 8);
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">期间的审核决定 %d "
                "次</text>", p3, hd_json_int(dec, "total"));
  hbars(b, dec, "decision", DECISIONS, CDEC, p3 + 8);
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"%d\">", p4, FONT);
  if (hd_json_int(pt, "cases"))
    hd_buf_printf(b, "办理时间（%d 件办结，工作日）：中位数 %s，第 90 百分位数 %d", hd_json_int(pt, "cases"),
                  json_object_get_string(hd_json_get(pt, "median")), hd_json_int(pt, "p90"));
  else
    hd_buf_adds(b, "办理时间：期间无办结的案件");
  if (hd_buf_adds(b, "</text></svg>")) {
    b->len = start;
    if (b->p) b->p[start] = '\0';
    return HD_ENOMEM;
  }
  return HD_OK;
}
