/* svg.c: the chart of a period's figures (stats.h, stats_svg) — the one the morning report
 * (src/report/html.c) and the public site (src/publish/publish.c) both show. Made from the
 * JSON of stats_compute alone; plain SVG with text labels, no script. */
#include "stats/stats.h"

#include <string.h>

#include "util/html.h"

static json_object *get(json_object *o, const char *k) {
  json_object *v = NULL;
  return o && json_object_object_get_ex(o, k, &v) ? v : NULL;
}
static int num(json_object *o, const char *k) {
  json_object *v = get(o, k);
  return v ? json_object_get_int(v) : 0;
}
static const char *str(json_object *o, const char *k) {
  json_object *v = get(o, k);
  return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : "";
}

enum { W = 640, LABEL_X = 124, BAR_X = 130, ROW = 18 };

/* Horizontal bars for the keys of group whose value is not 0, from y; returns the y after. */
static int hbars(hd_buf *b, json_object *o, const char *group, const char *const *keys,
                 const char *color, int y) {
  int max = 1, any = 0;
  for (int i = 0; keys[i]; i++)
    if (num(o, keys[i]) > max) max = num(o, keys[i]);
  for (int i = 0; keys[i]; i++) {
    int v = num(o, keys[i]);
    if (!v) continue;
    any = 1;
    int w = (int)((long long)v * (W - BAR_X - 60) / max);
    if (w < 1) w = 1;
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                  LABEL_X, y + 11, stats_label(group, keys[i]));
    hd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\" fill=\"%s\"/>", BAR_X,
                  y + 1, w, color);
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d</text>", BAR_X + w + 4, y + 11, v);
    y += ROW;
  }
  if (!any) {
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">（无）</text>", BAR_X, y + 11);
    y += ROW;
  }
  return y;
}

int stats_svg(hd_buf *b, json_object *st) {
  static const char *const STATUSES[] = {"submitted", "rectify",  "held",     "committee_review",
                                         "approved",  "notice",   "certified", "rejected",
                                         "cancelled", "withdrawn", NULL};
  static const char *const DECISIONS[] = {"approve", "rectify", "hold", "reject", NULL};
  json_object *inf = get(st, "in_force"), *rec = get(st, "received"), *dec = get(st, "decisions"),
              *pt = get(st, "processing_days");
  size_t nm = inf && json_object_is_type(inf, json_type_array) ? json_object_array_length(inf) : 0;
  int rows_status = 0, rows_dec = 0;
  for (int i = 0; STATUSES[i]; i++) rows_status += num(get(rec, "status"), STATUSES[i]) != 0;
  for (int i = 0; DECISIONS[i]; i++) rows_dec += num(dec, DECISIONS[i]) != 0;
  if (!rows_status) rows_status = 1;
  if (!rows_dec) rows_dec = 1;
  const int top = 24, base = 150, p2 = 196, p3 = p2 + 22 + rows_status * ROW + 12,
            p4 = p3 + 22 + rows_dec * ROW + 10, H = p4 + 12;
  size_t start = b->len;
  hd_buf_printf(b, "<svg role=\"img\" aria-labelledby=\"stats-title stats-desc\" viewBox=\"0 0 %d %d\" "
                "width=\"100%%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"stats-title\">"
                "%s 至 %s 的登记统计</title><desc id=\"stats-desc\">上图：各月末有效的证书数，每月一根柱，"
                "柱上为数字。中图：期间收到的案件按期末状态的件数。下图：期间的审核决定。最后一行："
                "办理时间（工作日）的中位数和第 90 百分位数。</desc>",
                W, H, str(st, "from"), str(st, "to"));
  /* certificates in force at each month's end */
  hd_buf_printf(b, "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">各月末有效证书</text>");
  int max = 1;
  for (size_t i = 0; i < nm; i++) {
    int v = num(json_object_array_get_idx(inf, i), "certificates");
    if (v > max) max = v;
  }
  const int left = 8;
  int step = nm ? (W - left - 8) / (int)(nm < 12 ? 12 : nm) : 48, bw = step * 7 / 10;
  int every = step >= 40 ? 1 : step >= 20 ? 2 : step >= 10 ? 4 : 12; /* labels that fit */
  hd_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", left, base,
                W - 4, base);
  for (size_t i = 0; i < nm; i++) {
    json_object *m = json_object_array_get_idx(inf, i);
    int v = num(m, "certificates"), h = (int)((long long)v * (base - top - 14) / max);
    if (v && h < 1) h = 1;
    int x = left + 4 + (int)i * step;
    hd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1565c0\"><title>",
                  x, base - h, bw, h);
    hd_html_text(b, str(m, "date"), 0);
    hd_buf_printf(b, "：有效证书 %d</title></rect>", v);
    if (i % (size_t)every == 0 || i + 1 == nm) {
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                    x + bw / 2, base - h - 3, v);
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">", x + bw / 2,
                    base + 13);
      hd_html_text(b, str(m, "month"), 0);
      hd_buf_adds(b, "</text>");
    }
  }
  /* cases received, by status at the end of the period */
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">期间收到的案件 %d "
                "件（按期末状态）</text>", p2 - 8 + 8, num(rec, "total"));
  hbars(b, get(rec, "status"), "status", STATUSES, "#6a1b9a", p2 + 6);
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">期间的审核决定 %d "
                "次</text>", p3 + 8, num(dec, "total"));
  static const char *const CDEC[] = {"#2e7d32", "#f9a825", "#1565c0", "#c62828"};
  int y = p3 + 14;
  int dmax = 1;
  for (int i = 0; DECISIONS[i]; i++)
    if (num(dec, DECISIONS[i]) > dmax) dmax = num(dec, DECISIONS[i]);
  int anyd = 0;
  for (int i = 0; DECISIONS[i]; i++) {
    int v = num(dec, DECISIONS[i]);
    if (!v) continue;
    anyd = 1;
    int w = (int)((long long)v * (W - BAR_X - 60) / dmax);
    if (w < 1) w = 1;
    hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\" fill=\"%s\"/>"
                  "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d</text>",
                  LABEL_X, y + 11, stats_label("decision", DECISIONS[i]), BAR_X, y + 1, w, CDEC[i],
                  BAR_X + w + 4, y + 11, v);
    y += ROW;
  }
  if (!anyd) hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">（无）</text>", BAR_X, y + 11);
  hd_buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"12\">", p4 + 6);
  if (num(pt, "cases"))
    hd_buf_printf(b, "办理时间（%d 件办结，工作日）：中位数 %s，第 90 百分位数 %d", num(pt, "cases"),
                  json_object_get_string(get(pt, "median")), num(pt, "p90"));
  else
    hd_buf_adds(b, "办理时间：期间无办结的案件");
  if (hd_buf_adds(b, "</text></svg>")) {
    b->len = start;
    if (b->p) b->p[start] = '\0';
    return HD_ENOMEM;
  }
  return HD_OK;
}
