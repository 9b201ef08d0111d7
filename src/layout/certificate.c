/* certificate.c: layout of the one-page certificate (certificate.h). */
#include "layout/certificate.h"

#include <stdlib.h>
#include <string.h>

#include "layout/linebreak.h"
#include "util/buf.h"
#include "util/utf8.h"

const char *const HD_CERT_LABELS[HD_CERT_FIELDS] = {
    "证书编号", "数据产权权利人", "统一社会信用代码", "权利类别", "权利限制", "数据产权名称",
    "数据来源", "数据规模", "登记机构名称", "登记日期", "有效期限"};

static const char TITLE[] = "健康医疗数据产权登记证书";
static const char STATEMENT[] =
    "经审核，下列健康医疗数据产权符合《健康医疗数据产权合规登记规则指南》规定的登记条件，"
    "准予登记，特发此证。";
static const char *const FOOTER[2] = {
    "本证书记载事项以登记机构登记簿为准，可凭证书编号向登记机构查询核验。",
    "任何单位和个人不得伪造、出卖或者出借本证书（指南5.2.2）。"};
static const char SEAL[] = "（印章）";

/* Geometry in points (A4 portrait). */
#define TABLE_X0 70.0
#define TABLE_X1 525.0
#define LABEL_W 118.0
#define PAD_X 8.0
#define PAD_Y 6.0
#define BODY_SIZE 11.0
#define LINE_H 16.0
#define TABLE_TOP 660.0
#define TABLE_MIN_BOTTOM 218.0
#define MAX_LINES 24

typedef struct cell {
  hd_line lines[MAX_LINES];
  int n;
} cell;

typedef struct plan {
  cell label[HD_CERT_FIELDS], value[HD_CERT_FIELDS];
  double row_h[HD_CERT_FIELDS];
  double table_h;
  hd_line st_lines[4];
  int st_n;
} plan;

static int make_plan(const hd_fontset *fs, const hd_cert_doc *c, plan *p, int *bad, hd_err *err) {
  const double value_w = TABLE_X1 - TABLE_X0 - LABEL_W - 2 * PAD_X;
  const double label_w = LABEL_W - 2 * PAD_X;
  memset(p, 0, sizeof *p);
  *bad = -1;
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
    const char *v = c->values[i];
    size_t len = v ? strlen(v) : 0;
    size_t badbyte;
    *bad = i;
    if (!v || len == 0) return hd_err_set(err, HD_EDATA, "value is empty");
    if (!hd_utf8_valid(v, len, &badbyte))
      return hd_err_set(err, HD_EDATA, "invalid UTF-8 at byte %zu", badbyte);
    size_t chars = hd_utf8_count(v, len);
    if (chars > HD_CERT_MAX_CHARS)
      return hd_err_set(err, HD_EDATA, "value has %zu characters, at most %d fit on a certificate",
                        chars, HD_CERT_MAX_CHARS);
    if (fontset_check_text(fs, HD_ROLE_BODY, v, len, err)) return err->code;
    if (layout_break(fs, HD_ROLE_BODY, BODY_SIZE, v, len, value_w, p->value[i].lines, MAX_LINES,
                     &p->value[i].n, err))
      return err->code;
    if (p->value[i].n > MAX_LINES)
      return hd_err_set(err, HD_EDATA, "value needs %d lines, at most %d fit on a certificate",
                        p->value[i].n, MAX_LINES);
    const char *l = HD_CERT_LABELS[i];
    if (layout_break(fs, HD_ROLE_BODY, BODY_SIZE, l, strlen(l), label_w, p->label[i].lines,
                     MAX_LINES, &p->label[i].n, err))
      return err->code;
    int rows = p->value[i].n > p->label[i].n ? p->value[i].n : p->label[i].n;
    p->row_h[i] = rows * LINE_H + 2 * PAD_Y;
    p->table_h += p->row_h[i];
  }
  if (TABLE_TOP - p->table_h < TABLE_MIN_BOTTOM) {
    int longest = 0;
    for (int i = 1; i < HD_CERT_FIELDS; i++)
      if (p->value[i].n > p->value[longest].n) longest = i;
    *bad = longest;
    return hd_err_set(err, HD_EDATA,
                      "certificate does not fit on one page (table %.0f pt high, at most %.0f pt); "
                      "this field has %d lines", p->table_h, TABLE_TOP - TABLE_MIN_BOTTOM,
                      p->value[longest].n);
  }
  *bad = -1;
  return layout_break(fs, HD_ROLE_BODY, BODY_SIZE, STATEMENT, strlen(STATEMENT),
                      TABLE_X1 - TABLE_X0 - 2 * BODY_SIZE, p->st_lines, 4, &p->st_n, err);
}

int cert_validate(const hd_fontset *fs, const hd_cert_doc *c, int *bad_field, hd_err *err) {
  plan *p = malloc(sizeof *p);
  if (!p) return hd_err_set(err, HD_ENOMEM, "out of memory");
  int rc = make_plan(fs, c, p, bad_field, err);
  free(p);
  return rc;
}

static int text_centered(hd_pdf *d, const hd_fontset *fs, int role, double cx, double y,
                         double size, int bold, double gray, const char *s, hd_err *err) {
  double w = fontset_text_width(fs, role, s, strlen(s), size);
  return pdf_text(d, role, cx - w / 2, y, size, bold, gray, s, strlen(s), err);
}

static int draw(hd_pdf *d, const hd_fontset *fs, const hd_cert_doc *c, const plan *p,
                hd_err *err) {
  const double W = HD_A4_W, cx = W / 2;
  int rc;
  /* Double frame in seal red. */
  pdf_stroke_rgb(d, 0.62, 0.12, 0.10);
  pdf_stroke_rect(d, 28, 28, W - 56, HD_A4_H - 56, 2.2);
  pdf_stroke_rect(d, 35, 35, W - 70, HD_A4_H - 70, 0.7);
  pdf_stroke_rgb(d, 0, 0, 0);

  if ((rc = text_centered(d, fs, HD_ROLE_HEADING, cx, 742, 26, 0, 0, TITLE, err))) return rc;
  pdf_line(d, cx - 150, 728, cx + 150, 728, 0.8);
  pdf_line(d, cx - 150, 725, cx + 150, 725, 0.3);

  /* Field table. */
  double y = TABLE_TOP;
  const double xv = TABLE_X0 + LABEL_W;
  pdf_stroke_rect(d, TABLE_X0, TABLE_TOP - p->table_h, TABLE_X1 - TABLE_X0, p->table_h, 1.0);
  pdf_line(d, xv, TABLE_TOP, xv, TABLE_TOP - p->table_h, 0.5);
  for (int i = 0; i < HD_CERT_FIELDS; i++) {
    const double first = y - PAD_Y - LINE_H + (LINE_H - BODY_SIZE) / 2 + 2.2;
    for (int k = 0; k < p->label[i].n; k++) {
      const hd_line *ln = &p->label[i].lines[k];
      const char *l = HD_CERT_LABELS[i];
      if ((rc = pdf_text(d, HD_ROLE_BODY, TABLE_X0 + PAD_X, first - k * LINE_H, BODY_SIZE, 1, 0,
                         l + ln->start, ln->end - ln->start, err)))
        return rc;
    }
    for (int k = 0; k < p->value[i].n; k++) {
      const hd_line *ln = &p->value[i].lines[k];
      if (ln->end == ln->start) continue;
      if ((rc = pdf_text(d, HD_ROLE_BODY, xv + PAD_X, first - k * LINE_H, BODY_SIZE, 0, 0,
                         c->values[i] + ln->start, ln->end - ln->start, err)))
        return rc;
    }
    y -= p->row_h[i];
    if (i + 1 < HD_CERT_FIELDS) pdf_line(d, TABLE_X0, y, TABLE_X1, y, 0.5);
  }

  /* Statement above the table, first line indented by two characters. */
  double sy = 700;
  for (int k = 0; k < p->st_n; k++) {
    const hd_line *ln = &p->st_lines[k];
    double x = TABLE_X0 + (k == 0 ? 2 * BODY_SIZE : 0);
    if ((rc = pdf_text(d, HD_ROLE_BODY, x, sy - k * LINE_H, BODY_SIZE, 0, 0,
                       STATEMENT + ln->start, ln->end - ln->start, err)))
      return rc;
  }

  /* Authority, date, and the space for the seal around them. */
  const char *auth = c->values[HD_CF_AUTHORITY];
  char date_cn[32];
  hd_date_cn(c->registration_date, date_cn);
  double aw = fontset_text_width(fs, HD_ROLE_BODY, auth, strlen(auth), 13);
  double dw = fontset_text_width(fs, HD_ROLE_BODY, date_cn, strlen(date_cn), 13);
  double right = TABLE_X1 - 10;
  double acx = right - (aw > dw ? aw : dw) / 2;
  pdf_stroke_rgb(d, 0.62, 0.12, 0.10);
  pdf_circle(d, acx, 150, 52, 0.8, 3);
  pdf_stroke_rgb(d, 0, 0, 0);
  if ((rc = text_centered(d, fs, HD_ROLE_BODY, acx, 182, 9, 0, 0.55, SEAL, err))) return rc;
  if ((rc = text_centered(d, fs, HD_ROLE_BODY, acx, 148, 13, 0, 0, auth, err))) return rc;
  if ((rc = text_centered(d, fs, HD_ROLE_BODY, acx, 126, 13, 0, 0, date_cn, err))) return rc;

  /* Footer. */
  for (int k = 0; k < 2; k++)
    if ((rc = text_centered(d, fs, HD_ROLE_BODY, cx, 66 - k * 13, 8.5, 0, 0.3, FOOTER[k], err)))
      return rc;
  return HD_OK;
}

int cert_render(const hd_fontset *fs, const hd_cert_doc *c, unsigned char **pdf, size_t *len,
                int *bad_field, hd_err *err) {
  hd_pdf *d = NULL;
  plan *p = malloc(sizeof *p);
  int rc;
  *pdf = NULL;
  *len = 0;
  if (!p) return hd_err_set(err, HD_ENOMEM, "out of memory");
  if ((rc = make_plan(fs, c, p, bad_field, err))) goto cleanup;
  if ((rc = pdf_new(&d, fs, err))) goto cleanup;
  char title[256];
  hd_snprintf(title, sizeof title, "%s %s", TITLE, c->values[HD_CF_NUMBER]);
  if ((rc = pdf_set_info(d, title, c->registration_date, err))) goto cleanup;
  if ((rc = pdf_add_page(d, err))) goto cleanup;
  if ((rc = draw(d, fs, c, p, err))) goto cleanup;
  rc = pdf_save(d, pdf, len, err);
cleanup:
  pdf_free(d);
  free(p);
  return rc;
}
