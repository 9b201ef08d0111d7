/* html.c: the morning page (report.h, report_html) — one self-contained HTML page in
 * Chinese made from the run report's JSON: what needs a person first, then the night's
 * decisions by clause, notices, certificates and cancellations with links to their PDFs,
 * the backlog by age and a chart of the last 30 nights. Inline CSS, no script, nothing
 * fetched; every value from the register is escaped (case data may be hostile). */
#include "report/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "procedure/dockinds.h"
#include "stats/stats.h"
#include "util/json.h"
#include "util/buf.h"
#include "util/html.h"

static size_t len(json_object *a) {
  return a && json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
}
static json_object *at(json_object *a, size_t i) { return json_object_array_get_idx(a, i); }

static void esc(hd_buf *b, const char *s) { hd_html_text(b, s, 0); }

/* A relative link to a file of the output folder: the path's segments percent-encoded
 * where a URL needs it, so that a hostile case number cannot leave the attribute. */
static void href(hd_buf *b, const char *rel) {
  static const char HEX[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)rel; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
        strchr("-._~/", *p))
      hd_buf_add(b, p, 1);
    else
      hd_buf_printf(b, "%%%c%c", HEX[*p >> 4], HEX[*p & 15]);
  }
}

static void link_or_dash(hd_buf *b, const char *rel, const char *text) {
  if (!rel) {
    hd_buf_adds(b, "—");
    return;
  }
  hd_buf_adds(b, "<a href=\"");
  href(b, rel);
  hd_buf_adds(b, "\">");
  esc(b, text);
  hd_buf_adds(b, "</a>");
}

static const char *status_cn(const char *s) {
  if (!s) return "";
  if (!strcmp(s, "held")) return "暂缓（人工核查）";
  if (!strcmp(s, "committee_review")) return "合规委员会审议";
  if (!strcmp(s, "objection")) return "异议待处理";
  if (!strcmp(s, "rectify")) return "补正材料（等待申请人）";
  if (!strcmp(s, "notice")) return "公示中";
  if (!strcmp(s, "approved")) return "审核通过";
  if (!strcmp(s, "rejected")) return "不予登记";
  if (!strcmp(s, "submitted")) return "待审核";
  return s;
}

static const char *dec_text(const char *d) {
  if (!strcmp(d, "approve")) return "审核通过";
  if (!strcmp(d, "rectify")) return "补正材料";
  if (!strcmp(d, "hold")) return "暂缓（人工核查）";
  return "不予登记";
}

static const char *outcome_text(const char *o) {
  if (!o) return "";
  if (!strcmp(o, "fail")) return "不符合";
  if (!strcmp(o, "rectify")) return "需补正";
  if (!strcmp(o, "manual")) return "需人工核查";
  if (!strcmp(o, "error")) return "检查出错";
  return o;
}

/* The findings of a case as short lines: "7.1 b 不符合：MESSAGE". */
static void findings(hd_buf *b, json_object *arr) {
  size_t n = len(arr);
  if (!n) return;
  hd_buf_adds(b, "<ul class=\"r\">");
  for (size_t i = 0; i < n; i++) {
    json_object *f = at(arr, i);
    hd_buf_adds(b, "<li>");
    esc(b, hd_json_str(f, "clause"));
    hd_buf_adds(b, " ");
    esc(b, outcome_text(hd_json_str(f, "outcome")));
    hd_buf_adds(b, "：");
    esc(b, hd_json_str(f, "message"));
    hd_buf_adds(b, "</li>");
  }
  hd_buf_adds(b, "</ul>");
}

/* A table with its caption (class h: read by screen readers only, where the heading above
 * says the same) and column headers. */
static void table_open(hd_buf *b, const char *caption, const char *const *heads, int n) {
  int same = b->len > 0 && b->p && strstr(b->p + (b->len > 400 ? b->len - 400 : 0), caption) != NULL;
  hd_buf_adds(b, same ? "<div class=\"t\"><table><caption class=\"h\">" : "<div class=\"t\"><table><caption>");
  esc(b, caption);
  hd_buf_adds(b, "</caption><thead><tr>");
  for (int i = 0; i < n; i++) {
    hd_buf_adds(b, "<th scope=\"col\">");
    esc(b, heads[i]);
    hd_buf_adds(b, "</th>");
  }
  hd_buf_adds(b, "</tr></thead><tbody>");
}
static void table_close(hd_buf *b) { hd_buf_adds(b, "</tbody></table></div>\n"); }
static void th_row(hd_buf *b, const char *text) {
  hd_buf_adds(b, "<tr><th scope=\"row\">");
  esc(b, text);
  hd_buf_adds(b, "</th>");
}
static void td(hd_buf *b, const char *text) {
  hd_buf_adds(b, "<td>");
  esc(b, text);
  hd_buf_adds(b, "</td>");
}
static void td_date(hd_buf *b, const char *text) {
  hd_buf_adds(b, "<td class=\"d\">");
  esc(b, text);
  hd_buf_adds(b, "</td>");
}
static void td_int(hd_buf *b, long long v) { hd_buf_printf(b, "<td class=\"n\">%lld</td>", v); }

/* The cases waiting for a person, of one kind, with reason and opinion. */
static int waiting(hd_buf *b, json_object *rep, const char *kind, const char *caption) {
  json_object *w = hd_json_get(hd_json_get(rep, "backlog"), "waiting");
  int count = 0;
  for (size_t i = 0; i < len(w); i++) count += !strcmp(hd_json_str(at(w, i), "waits_for"), kind);
  hd_buf_printf(b, "<h3>%s（%d）</h3>\n", caption, count);
  if (!count) {
    hd_buf_adds(b, "<p>无。</p>\n");
    return 0;
  }
  static const char *const H[] = {"案件", "申请主体", "自", "已等待（工作日）", "原因", "审核意见书"};
  table_open(b, caption, H, 6);
  for (size_t i = 0; i < len(w); i++) {
    json_object *x = at(w, i);
    if (strcmp(hd_json_str(x, "waits_for"), kind) != 0) continue;
    th_row(b, hd_json_str(x, "case"));
    td(b, hd_json_str(x, "applicant"));
    td_date(b, hd_json_str(x, "since"));
    if (hd_json_get(x, "age_working_days")) td_int(b, hd_json_int(x, "age_working_days"));
    else td(b, "—");
    hd_buf_adds(b, "<td>");
    /* longer than waiting_days (hdreg.conf): marked first */
    if (json_object_get_boolean(hd_json_get(x, "over")))
      hd_buf_printf(b, "<strong class=\"o\">已超过 %d 个工作日</strong> ",
                    hd_json_int(hd_json_get(rep, "backlog"), "waiting_days"));
    esc(b, hd_json_str(x, "reason"));
    if (!strcmp(kind, "objection")) {
      hd_buf_adds(b, "（公示期至 ");
      esc(b, hd_json_str(x, "notice_end"));
      hd_buf_adds(b, "）");
      if (hd_json_str(x, "deadline")) {
        hd_buf_adds(b, "（申请人说明期限 ");
        esc(b, hd_json_str(x, "deadline"));
        hd_buf_adds(b, json_object_get_boolean(hd_json_get(x, "deadline_passed")) ? "，已届满）" : "）");
      }
    }
    findings(b, hd_json_get(x, "findings"));
    hd_buf_adds(b, "</td><td>");
    link_or_dash(b, hd_json_str(x, "opinion"), "意见书");
    hd_buf_adds(b, "</td></tr>\n");
  }
  table_close(b);
  return count;
}

static void problems(hd_buf *b, json_object *rep) {
  json_object *p = hd_json_get(rep, "problems");
  hd_buf_printf(b, "<h3>失败的文书与出错的检查（%zu）</h3>\n", len(p));
  if (!len(p)) {
    hd_buf_adds(b, "<p>无。</p>\n");
    return;
  }
  static const char *const H[] = {"案件", "环节", "字段或检查", "文件:行", "说明"};
  table_open(b, "失败的文书与出错的检查", H, 5);
  for (size_t i = 0; i < len(p); i++) {
    json_object *x = at(p, i);
    th_row(b, hd_json_str(x, "case") ? hd_json_str(x, "case") : "—");
    td(b, hd_json_str(x, "step"));
    td(b, hd_json_str(x, "field") ? hd_json_str(x, "field") : hd_json_str(x, "check") ? hd_json_str(x, "check") : "—");
    if (hd_json_str(x, "file")) {
      hd_buf_adds(b, "<td>");
      esc(b, hd_json_str(x, "file"));
      hd_buf_printf(b, ":%d</td>", hd_json_int(x, "line"));
    } else {
      td(b, "—");
    }
    td(b, hd_json_str(x, "message"));
    hd_buf_adds(b, "</tr>\n");
  }
  table_close(b);
}

/* The certificates whose validity ends within the reminder window, with their holders'
 * contacts and any renewal already applied for (report/expiring.h). */
static void expiring(hd_buf *b, json_object *bl) {
  json_object *ex = hd_json_get(bl, "expiring");
  hd_buf_printf(b, "<h3>有效期即将届满的证书（%d 个工作日内，提醒权利人申请续展）</h3>\n",
                hd_json_int(bl, "expiry_reminder_working_days"));
  if (!ex) {
    hd_buf_adds(b, "<p>无法列出：");
    esc(b, hd_json_str(bl, "expiring_error"));
    hd_buf_adds(b, "</p>\n");
    return;
  }
  if (!len(ex)) {
    hd_buf_adds(b, "<p>无。</p>\n");
    return;
  }
  static const char *const H[] = {"证书编号", "有效期至", "剩余工作日", "权利人及联系方式", "续展申请"};
  table_open(b, "有效期即将届满的证书", H, 5);
  for (size_t i = 0; i < len(ex); i++) {
    json_object *x = at(ex, i), *hs = hd_json_get(x, "holders");
    th_row(b, hd_json_str(x, "certificate"));
    td_date(b, hd_json_str(x, "valid_until"));
    if (hd_json_get(x, "working_days_left")) td_int(b, hd_json_int(x, "working_days_left"));
    else td(b, "—");
    hd_buf_adds(b, "<td>");
    for (size_t k = 0; k < len(hs); k++) {
      json_object *h = at(hs, k);
      if (k) hd_buf_adds(b, "<br>");
      esc(b, hd_json_str(h, "name"));
      static const char *const C[] = {"contact_name", "contact_phone", "contact_email"};
      for (int j = 0; j < 3; j++)
        if (hd_json_str(h, C[j])) {
          hd_buf_adds(b, j ? " " : "，");
          esc(b, hd_json_str(h, C[j]));
        }
    }
    hd_buf_adds(b, "</td>");
    td(b, hd_json_str(x, "renewal") ? hd_json_str(x, "renewal") : "未申请");
    hd_buf_adds(b, "</tr>\n");
  }
  table_close(b);
}

/* Decisions by clause: for each clause that decided a case, how many of each decision. */
static void by_clause(hd_buf *b, json_object *cases) {
  static const char *const D[4] = {"reject", "rectify", "hold", "approve"};
  struct row { const char *clause; int n[4]; } *rows = NULL;
  size_t nr = 0;
  for (int d = 0; d < 3; d++) {
    json_object *arr = hd_json_get(cases, D[d]);
    for (size_t i = 0; i < len(arr); i++) {
      json_object *rs = hd_json_get(at(arr, i), "reasons");
      for (size_t j = 0; j < len(rs); j++) {
        const char *cl = hd_json_str(at(rs, j), "clause");
        if (!cl) continue;
        size_t k = 0;
        while (k < nr && strcmp(rows[k].clause, cl) != 0) k++;
        if (k == nr) {
          struct row *nrp = realloc(rows, (nr + 1) * sizeof *rows);
          if (!nrp) continue;
          rows = nrp;
          memset(&rows[nr], 0, sizeof *rows);
          rows[nr++].clause = cl;
        }
        rows[k].n[d]++;
      }
    }
  }
  for (size_t i = 1; i < nr; i++) /* by clause, as the guideline numbers them */
    for (size_t j = i; j > 0 && strcmp(rows[j - 1].clause, rows[j].clause) > 0; j--) {
      struct row t = rows[j];
      rows[j] = rows[j - 1];
      rows[j - 1] = t;
    }
  if (!nr) {
    hd_buf_adds(b, "<p>本夜没有因检查结果而不予登记、补正或暂缓的案件。</p>\n");
  } else {
    static const char *const H[] = {"条款", "不予登记", "补正材料", "暂缓（人工核查）"};
    table_open(b, "决定所依据的条款（一个案件可涉及多个条款）", H, 4);
    for (size_t i = 0; i < nr; i++) {
      th_row(b, rows[i].clause);
      for (int d = 0; d < 3; d++) td_int(b, rows[i].n[d]);
      hd_buf_adds(b, "</tr>\n");
    }
    table_close(b);
  }
  free(rows);
  for (int d = 0; d < 4; d++) {
    json_object *arr = hd_json_get(cases, D[d]);
    hd_buf_printf(b, "<h3>%s（%zu）</h3>\n", dec_text(D[d]), len(arr));
    if (!len(arr)) continue;
    static const char *const H[] = {"案件", "申请主体", "去向", "依据", "审核意见书"};
    table_open(b, dec_text(D[d]), H, 5);
    for (size_t i = 0; i < len(arr); i++) {
      json_object *x = at(arr, i);
      th_row(b, hd_json_str(x, "case"));
      td(b, hd_json_str(x, "applicant"));
      td(b, status_cn(hd_json_str(x, "to")));
      hd_buf_adds(b, "<td>");
      if (len(hd_json_get(x, "reasons"))) findings(b, hd_json_get(x, "reasons"));
      else esc(b, hd_json_str(x, "event_reason"));
      hd_buf_adds(b, "</td><td>");
      link_or_dash(b, hd_json_str(x, "opinion"), "意见书");
      hd_buf_adds(b, "</td></tr>\n");
    }
    table_close(b);
  }
}

static void documents_of(hd_buf *b, json_object *rep) {
  json_object *docs = hd_json_get(rep, "documents");
  int notices = 0;
  for (size_t i = 0; i < len(docs); i++) notices += !strcmp(hd_json_str(at(docs, i), "kind"), "notice");
  hd_buf_printf(b, "<h3>公示（%d）</h3>\n", notices);
  if (notices) {
    static const char *const H[] = {"公示编号", "案件数", "公示期至", "文书"};
    table_open(b, "本夜发布的公示", H, 4);
    json_object *ns = hd_json_get(rep, "notices");
    for (size_t i = 0; i < len(docs); i++) {
      json_object *d = at(docs, i);
      if (strcmp(hd_json_str(d, "kind"), "notice") != 0) continue;
      const char *number = hd_json_str(d, "notice");
      int cases = 0;
      const char *end = NULL;
      for (size_t j = 0; j < len(ns); j++)
        if (number && hd_json_str(at(ns, j), "number") && !strcmp(hd_json_str(at(ns, j), "number"), number)) {
          cases = hd_json_int(at(ns, j), "cases");
          end = hd_json_str(at(ns, j), "end_date");
        }
      th_row(b, number);
      td_int(b, cases);
      td_date(b, end ? end : "—");
      hd_buf_adds(b, "<td>");
      link_or_dash(b, hd_json_str(d, "file"), "公示 PDF");
      hd_buf_adds(b, "</td></tr>\n");
    }
    table_close(b);
  }
  json_object *cs = hd_json_get(hd_json_get(rep, "cases"), "certified");
  hd_buf_printf(b, "<h3>颁发的证书（%zu）</h3>\n", len(cs));
  if (len(cs)) {
    static const char *const H[] = {"案件", "权利人", "证书编号", "有效期至"};
    table_open(b, "本夜颁发的登记证书", H, 4);
    for (size_t i = 0; i < len(cs); i++) {
      json_object *x = at(cs, i);
      th_row(b, hd_json_str(x, "case"));
      td(b, hd_json_str(x, "applicant"));
      hd_buf_adds(b, "<td>");
      link_or_dash(b, hd_json_str(x, "file"), hd_json_str(x, "certificate") ? hd_json_str(x, "certificate") : "证书");
      hd_buf_adds(b, "</td>");
      td_date(b, hd_json_str(x, "valid_until"));
      hd_buf_adds(b, "</tr>\n");
    }
    table_close(b);
  }
  json_object *cc = hd_json_get(hd_json_get(rep, "cases"), "cancelled");
  hd_buf_printf(b, "<h3>注销（%zu）</h3>\n", len(cc));
  if (len(cc)) {
    static const char *const H[] = {"案件", "申请主体", "注销的证书", "注销情形（5.1.6）", "注销公告"};
    table_open(b, "本夜注销的证书", H, 5);
    for (size_t i = 0; i < len(cc); i++) {
      json_object *x = at(cc, i);
      th_row(b, hd_json_str(x, "case"));
      td(b, hd_json_str(x, "applicant"));
      td(b, hd_json_str(x, "certificate"));
      td(b, hd_json_str(x, "ground"));
      hd_buf_adds(b, "<td>");
      link_or_dash(b, hd_json_str(x, "file"), "注销公告 PDF");
      hd_buf_adds(b, "</td></tr>\n");
    }
    table_close(b);
  }
}

static void backlog(hd_buf *b, json_object *bl) {
  static const char *const K[] = {"held", "committee_review", "objection", "rectify"};
  static const char *const A[] = {"0-5", "6-10", "11-20", "21+", "unknown"};
  static const char *const H[] = {"状态", "合计", "0–5", "6–10", "11–20", "20 以上", "无法计算"};
  table_open(b, "按状态与等待时间（工作日）统计的积压案件", H, 7);
  json_object *by = hd_json_get(bl, "by_status");
  for (int i = 0; i < 4; i++) {
    json_object *k = hd_json_get(by, K[i]);
    th_row(b, status_cn(K[i]));
    td_int(b, hd_json_int(k, "count"));
    for (int j = 0; j < 5; j++) td_int(b, hd_json_int(hd_json_get(k, "ages"), A[j]));
    hd_buf_adds(b, "</tr>\n");
  }
  table_close(b);
  /* the cases returned for materials, with the last day the 补正通知书 gave (6.1.2 a,
   * 6.2.2 a) and whether it has passed */
  json_object *rf = hd_json_get(bl, "rectify");
  hd_buf_printf(b, "<h3>等待申请人补正的案件（%zu）</h3>\n", len(rf));
  if (!len(rf)) {
    hd_buf_adds(b, "<p>无。</p>\n");
  } else {
    static const char *const RH[] = {"案件", "申请主体", "退回日期", "已等待（工作日）", "补正期限", "需补正"};
    table_open(b, "等待申请人补正的案件", RH, 6);
    for (size_t i = 0; i < len(rf); i++) {
      json_object *x = at(rf, i);
      th_row(b, hd_json_str(x, "case"));
      td(b, hd_json_str(x, "applicant"));
      td_date(b, hd_json_str(x, "since"));
      if (hd_json_get(x, "age_working_days")) td_int(b, hd_json_int(x, "age_working_days"));
      else td(b, "—");
      hd_buf_adds(b, "<td class=\"d\">");
      if (hd_json_str(x, "deadline")) {
        esc(b, hd_json_str(x, "deadline"));
        if (json_object_get_boolean(hd_json_get(x, "deadline_passed")))
          hd_buf_adds(b, " <strong class=\"o\">已逾期</strong>");
      } else {
        hd_buf_adds(b, "无法计算：");
        esc(b, hd_json_str(x, "deadline_error"));
      }
      hd_buf_adds(b, "</td><td>");
      esc(b, hd_json_str(x, "reason") ? hd_json_str(x, "reason") : "—");
      findings(b, hd_json_get(x, "findings"));
      hd_buf_adds(b, "</td></tr>\n");
    }
    table_close(b);
  }
  json_object *dl = hd_json_get(bl, "deadlines");
  hd_buf_adds(b, "<h3>未来五个工作日内的期限");
  if (hd_json_str(bl, "deadlines_until")) {
    hd_buf_adds(b, "（至 ");
    esc(b, hd_json_str(bl, "deadlines_until"));
    hd_buf_adds(b, "）");
  }
  hd_buf_adds(b, "</h3>\n");
  if (!hd_json_str(bl, "deadlines_until")) {
    hd_buf_adds(b, "<p>无法计算：");
    esc(b, hd_json_str(bl, "deadlines_error"));
    hd_buf_adds(b, "</p>\n");
  } else if (!len(dl)) {
    hd_buf_adds(b, "<p>无。</p>\n");
  } else {
    static const char *const DH[] = {"公示编号", "公示期满", "公示中的案件", "其中有未结异议"};
    int other = 0;
    table_open(b, "即将期满的公示（期满后的下一晚颁发证书或注销，有未结异议的除外）", DH, 4);
    for (size_t i = 0; i < len(dl); i++) {
      json_object *x = at(dl, i);
      if (strcmp(hd_json_str(x, "kind"), "notice_ends") != 0) {
        other++;
        continue;
      }
      th_row(b, hd_json_str(x, "notice"));
      td_date(b, hd_json_str(x, "date"));
      td_int(b, hd_json_int(x, "cases"));
      td_int(b, hd_json_int(x, "open_objections"));
      hd_buf_adds(b, "</tr>\n");
    }
    table_close(b);
    if (other) {
      static const char *const OH[] = {"案件", "期限", "事项"};
      table_open(b, "即将届满的补正与异议说明期限", OH, 3);
      for (size_t i = 0; i < len(dl); i++) {
        json_object *x = at(dl, i);
        int sup = !strcmp(hd_json_str(x, "kind"), "supplement_ends");
        if (!sup && strcmp(hd_json_str(x, "kind"), "objection_reply_ends") != 0) continue;
        th_row(b, hd_json_str(x, "case"));
        td_date(b, hd_json_str(x, "date"));
        if (sup) td(b, "补正材料（6.1.2 a、6.2.2 a）");
        else hd_buf_printf(b, "<td>异议 %d 的申请人说明（6.1.2 d、6.2.2 c）</td>", hd_json_int(x, "objection"));
        hd_buf_adds(b, "</tr>\n");
      }
      table_close(b);
    }
  }
  expiring(b, bl);
}

/* The chart: one stacked bar per night (approve, rectify, hold, reject), a failed night
 * as a red mark; the same numbers in a table below for those who cannot see it. */
static void chart(hd_buf *b, json_object *hist) {
  size_t n = len(hist);
  int max = 1;
  for (size_t i = 0; i < n; i++) {
    json_object *h = at(hist, i);
    int t = hd_json_int(h, "approve") + hd_json_int(h, "rectify") + hd_json_int(h, "hold") + hd_json_int(h, "reject");
    if (t > max) max = t;
  }
  static const char *const D[4] = {"approve", "rectify", "hold", "reject"};
  static const char *const COLOR[4] = {"#2e7d32", "#f9a825", "#1565c0", "#c62828"};
  const int W = 640, H = 200, top = 16, base = 170, left = 40;
  int step = n ? (W - left - 10) / (int)(n < 30 ? 30 : n) : 20, bw = step * 7 / 10;
  hd_buf_printf(b, "<figure><svg role=\"img\" aria-label=\"近 %zu 晚的审核决定\" viewBox=\"0 0 %d %d\" "
                "width=\"100%%\" xmlns=\"http://www.w3.org/2000/svg\"><title>近 %zu 晚的审核决定"
                "</title><desc>每晚一根柱，自下而上为审核通过、补正材料、暂缓、不予登记的案件数；"
                "红色叉号为运行失败的一晚。数字见下表。</desc>", n, W, H, n);
  hd_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", left, base,
                W - 5, base);
  hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d</text>",
                left - 4, top + 4, max);
  hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0</text>",
                left - 4, base);
  for (size_t i = 0; i < n; i++) {
    json_object *h = at(hist, i);
    int x = left + 4 + (int)i * step, y = base;
    hd_buf tip; /* the night's numbers, shown on hover */
    hd_buf_init(&tip, 4096);
    esc(&tip, hd_json_str(h, "date"));
    hd_buf_printf(&tip, "：通过 %d，补正 %d，暂缓 %d，不予登记 %d%s", hd_json_int(h, "approve"),
                  hd_json_int(h, "rectify"), hd_json_int(h, "hold"), hd_json_int(h, "reject"),
                  hd_json_str(h, "status") && !strcmp(hd_json_str(h, "status"), "failed") ? "，运行失败" : "");
    for (int d = 0; d < 4; d++) {
      int v = hd_json_int(h, D[d]), hh = (int)((long long)v * (base - top) / max);
      if (!v) continue;
      if (hh < 1) hh = 1;
      y -= hh;
      hd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s"
                    "</title></rect>", x, y, bw, hh, COLOR[d], tip.p ? tip.p : "");
    }
    if (hd_json_str(h, "status") && !strcmp(hd_json_str(h, "status"), "failed"))
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#c62828\" "
                    "text-anchor=\"middle\">✕<title>%s</title></text>", x + bw / 2, base - 4,
                    tip.p ? tip.p : "");
    hd_buf_release(&tip);
    /* dates under the first and the last night, where they do not run into each other */
    if (i + 1 == n || (i == 0 && (int)(n - 1) * step >= 48)) {
      const char *dt = hd_json_str(h, "date");
      hd_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">", x + bw / 2,
                    base + 14);
      esc(b, dt && strlen(dt) == 10 ? dt + 5 : dt);
      hd_buf_adds(b, "</text>");
    }
  }
  int lx = left;
  static const char *const L[4] = {"通过", "补正", "暂缓", "不予登记"};
  for (int d = 0; d < 4; d++, lx += 90)
    hd_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" "
                  "y=\"%d\" font-size=\"11\">%s</text>", lx, H - 12, COLOR[d], lx + 14, H - 3, L[d]);
  hd_buf_adds(b, "</svg><figcaption>近 30 晚的审核决定（每晚的运行报告 run-DATE.json）</figcaption></figure>\n");
  static const char *const TH[] = {"日期", "运行结果", "通过", "补正", "暂缓", "不予登记", "待人工处理"};
  hd_buf_adds(b, "<details><summary>各晚数字</summary>");
  table_open(b, "近 30 晚", TH, 7);
  for (size_t i = n; i-- > 0;) {
    json_object *h = at(hist, i);
    th_row(b, hd_json_str(h, "date"));
    td(b, hd_json_str(h, "status"));
    for (int d = 0; d < 4; d++) td_int(b, hd_json_int(h, D[d]));
    if (hd_json_get(h, "waiting")) td_int(b, hd_json_int(h, "waiting"));
    else td(b, "—");
    hd_buf_adds(b, "</tr>");
  }
  table_close(b);
  hd_buf_adds(b, "</details>\n");
}

static const char CSS[] =
    "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",sans-serif;"
    "margin:0 auto;max-width:72rem;padding:0 1rem 2rem;color:#1a1a1a;line-height:1.5}"
    "h1{font-size:1.5rem;margin:1rem 0 .25rem}h2{font-size:1.25rem;border-bottom:2px solid #1565c0;"
    "padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}"
    ".s{padding:.6rem .8rem;border-radius:4px;margin:.5rem 0}.ok{background:#e8f5e9}"
    ".held{background:#fff8e1}.partial{background:#fff3e0}.failed{background:#ffebee;"
    "border:2px solid #c62828}.t{overflow-x:auto}table{border-collapse:collapse;width:100%;"
    "margin:.3rem 0 1rem;font-size:.9rem}caption{text-align:left;font-weight:bold;padding:.2rem 0}caption.h{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}thead th{background:#eef3fb}tbody th{font-weight:normal;"
    "white-space:nowrap}td.d{white-space:nowrap}strong.o{color:#b71c1c}td.n{text-align:right;font-variant-numeric:tabular-nums}ul.r{margin:0;"
    "padding-left:1.1rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}"
    "dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}figure{margin:0}svg{max-width:40rem;"
    "height:auto}@media (max-width:40rem){body{padding:0 .5rem}table{font-size:.8rem}"
    "th,td{padding:.2rem .3rem}dl{grid-template-columns:1fr}}";

char *report_html(json_object *rep, json_object *history, hd_err *err) {
  hd_buf b;
  hd_buf_init(&b, HD_REPORT_MAX);
  const char *date = hd_json_str(rep, "date"), *status = hd_json_str(rep, "status");
  hd_buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  hd_buf_adds(&b, "运行报告 ");
  esc(&b, date);
  hd_buf_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>健康医疗数据产权登记 夜间运行报告 ", CSS);
  esc(&b, date);
  hd_buf_adds(&b, "</h1>\n");
  static const struct { const char *s, *cn; } ST[] = {
      {"ok", "运行完成，无待人工处理事项"},
      {"held", "运行完成，有案件等待人工处理"},
      {"partial", "运行完成，但部分案件或文书失败"},
      {"failed", "运行失败"}};
  const char *cn = "";
  for (size_t i = 0; i < 4; i++)
    if (status && !strcmp(status, ST[i].s)) cn = ST[i].cn;
  hd_buf_printf(&b, "<div class=\"s %s\" role=\"status\"><strong>", status ? status : "failed");
  esc(&b, cn);
  hd_buf_printf(&b, "</strong>（退出码 %d）", hd_json_int(rep, "exit_code"));
  json_object *er = hd_json_get(rep, "error");
  if (er) {
    hd_buf_adds(&b, "<br>原因：");
    esc(&b, hd_json_str(er, "message"));
  }
  hd_buf_adds(&b, "</div>\n<dl><dt>开始</dt><dd>");
  esc(&b, hd_json_str(rep, "started"));
  hd_buf_printf(&b, "</dd><dt>用时</dt><dd>%.1f 秒</dd><dt>hdreg</dt><dd>",
                json_object_get_int64(hd_json_get(rep, "duration_ms")) / 1000.0);
  esc(&b, hd_json_str(rep, "hdreg"));
  hd_buf_adds(&b, "</dd><dt>登记簿</dt><dd>");
  esc(&b, hd_json_str(rep, "database"));
  hd_buf_adds(&b, "</dd><dt>输出目录</dt><dd>");
  esc(&b, hd_json_str(rep, "output"));
  hd_buf_adds(&b, "</dd><dt>检查规则版本</dt><dd>");
  esc(&b, hd_json_str(rep, "check_pack_revision") ? hd_json_str(rep, "check_pack_revision") : "—");
  hd_buf_adds(&b, "</dd></dl>\n");

  json_object *bl = hd_json_get(rep, "backlog");
  hd_buf_adds(&b, "<h2>需要人工处理</h2>\n");
  if (!bl) {
    hd_buf_adds(&b, "<p>未读取登记簿：");
    esc(&b, hd_json_str(rep, "register_error"));
    hd_buf_adds(&b, "。待处理事项以上一份报告为准。</p>\n");
  } else {
    hd_buf_printf(&b, "<p>共 <strong>%d</strong> 项等待人工处理。</p>\n", hd_json_int(bl, "waiting_count"));
    waiting(&b, rep, "held", "暂缓（人工核查）的案件");
    waiting(&b, rep, "committee_review", "待合规委员会审议的案件");
    waiting(&b, rep, "objection", "未结的异议");
  }
  problems(&b, rep);

  hd_buf_adds(&b, "<h2>本夜审核决定（按条款）</h2>\n");
  json_object *dec = hd_json_get(rep, "decisions");
  hd_buf_printf(&b, "<p>审核 %d 件：通过 %d，补正材料 %d，暂缓 %d，不予登记 %d。</p>\n",
                hd_json_int(rep, "reviewed"), hd_json_int(dec, "approve"), hd_json_int(dec, "rectify"), hd_json_int(dec, "hold"),
                hd_json_int(dec, "reject"));
  if (hd_json_get(rep, "cases")) by_clause(&b, hd_json_get(rep, "cases"));

  hd_buf_adds(&b, "<h2>公示、证书与注销</h2>\n");
  json_object *certs = hd_json_get(rep, "certificates");
  hd_buf_printf(&b, "<p>证书：新颁发 %d，核验 %d，恢复 %d，因异议暂缓 %d，失败 %d；注销 %d；有效期届满 %d。</p>\n",
                hd_json_int(certs, "issued"), hd_json_int(certs, "verified"), hd_json_int(certs, "restored"),
                hd_json_int(certs, "held_by_objection"), hd_json_int(certs, "failed"), hd_json_int(rep, "cancelled"),
                (int)len(hd_json_get(rep, "expired")));
  if (len(hd_json_get(rep, "expired"))) {
    hd_buf_adds(&b, "<p>本夜记录有效期届满的证书（5.2.1）：");
    for (size_t i = 0; i < len(hd_json_get(rep, "expired")); i++) {
      if (i) hd_buf_adds(&b, "、");
      esc(&b, json_object_get_string(at(hd_json_get(rep, "expired"), i)));
    }
    hd_buf_adds(&b, "。</p>\n");
  }
  documents_of(&b, rep);

  hd_buf_adds(&b, "<h2>积压案件（按等待的工作日）</h2>\n");
  if (bl) backlog(&b, bl);
  else hd_buf_adds(&b, "<p>未读取登记簿。</p>\n");

  hd_buf_adds(&b, "<h2>近 30 晚</h2>\n");
  chart(&b, history);

  json_object *st = hd_json_get(rep, "statistics");
  if (st) {
    hd_buf_adds(&b, "<h2>登记统计（");
    esc(&b, hd_json_str(st, "from"));
    hd_buf_adds(&b, " 至 ");
    esc(&b, hd_json_str(st, "to"));
    hd_buf_adds(&b, "）</h2>\n<figure>");
    stats_svg(&b, st);
    hd_buf_adds(&b, "<figcaption>近 12 个月的登记统计，定义见 docs/stats.md；全部数字：hdreg stats --from ");
    esc(&b, hd_json_str(st, "from"));
    hd_buf_adds(&b, " --to ");
    esc(&b, hd_json_str(st, "to"));
    hd_buf_adds(&b, "</figcaption></figure>\n");
  } else if (hd_json_str(rep, "statistics_error")) {
    hd_buf_adds(&b, "<h2>登记统计</h2>\n<p>未能计算：");
    esc(&b, hd_json_str(rep, "statistics_error"));
    hd_buf_adds(&b, "</p>\n");
  }

  json_object *docs = hd_json_get(rep, "documents");
  hd_buf_printf(&b, "<h2>本次写入的文件（%zu）</h2>\n", len(docs));
  if (len(docs)) {
    static const char *const H[] = {"文件", "类别", "案件", "SHA-256"};
    hd_buf_adds(&b, "<details><summary>全部文件</summary>");
    table_open(&b, "本次写入的文件", H, 4);
    for (size_t i = 0; i < len(docs); i++) {
      json_object *d = at(docs, i);
      hd_buf_adds(&b, "<tr><th scope=\"row\">");
      link_or_dash(&b, hd_json_str(d, "file"), hd_json_str(d, "file") ? hd_json_str(d, "file") : hd_json_str(d, "path"));
      hd_buf_adds(&b, "</th>");
      /* the document's Chinese name (受理通知书, 补正通知书 ...), else its kind */
      const hd_dockind *dk = dockind_find(hd_json_str(d, "kind"));
      td(&b, dk && dk->title ? dk->title : hd_json_str(d, "kind"));
      td(&b, hd_json_str(d, "case") ? hd_json_str(d, "case") : "—");
      td(&b, hd_json_str(d, "sha256"));
      hd_buf_adds(&b, "</tr>");
    }
    table_close(&b);
    hd_buf_adds(&b, "</details>\n");
  }
  hd_buf_adds(&b, "</main>\n</body>\n</html>\n");
  if (!b.p || b.len == 0) {
    hd_buf_release(&b);
    hd_err_set(err, HD_ENOMEM, "out of memory");
    return NULL;
  }
  return hd_buf_steal(&b);
}
