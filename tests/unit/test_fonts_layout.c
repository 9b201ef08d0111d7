/* Font resolution and fallback, coverage errors, line breaking with 避头尾, and a
 * certificate rendered twice to identical bytes. Needs the Debian fonts of scripts/deps. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "layout/certificate.h"
#include "template/template.h"
#include "layout/linebreak.h"
#include "pdf/cff.h"
#include "pdf/fonts.h"
#include <hb.h>

static char *line_text(const char *s, const hd_line *l) {
  static char buf[512];
  size_t n = l->end - l->start;
  memcpy(buf, s + l->start, n);
  buf[n] = '\0';
  return buf;
}

int main(void) {
  hd_err err;
  hd_fontset *fs = NULL;
  hd_err_clear(&err);
  CHECK_INT(fontset_load(&fs, NULL, NULL, &err), HD_OK);
  if (!fs) return check_done();

  /* Body chain: Noto Serif CJK SC (Song, OpenType/CFF) first; it has 𠮷 (U+20BB7) too. */
  int f = fontset_pick(fs, HD_ROLE_BODY, 0x4E2D);
  CHECK_STR(font_family(fs->fonts[f]), "Noto Serif CJK SC");
  CHECK_INT(font_is_cff(fs->fonts[f]), 1);
  CHECK_INT(font_index(fs->fonts[f]), 2); /* the SC face of NotoSerifCJK-Regular.ttc */
  CHECK_INT(font_is_cff(fs->fonts[fs->chain[HD_ROLE_BODY][1]]), 0); /* AR PL UMing */
  f = fontset_pick(fs, HD_ROLE_BODY, 0x20BB7);
  CHECK(f >= 0);
  if (f >= 0) CHECK_STR(font_family(fs->fonts[f]), "Noto Serif CJK SC");
  f = fontset_pick(fs, HD_ROLE_HEADING, 0x4E2D);
  CHECK_STR(font_family(fs->fonts[f]), "Noto Serif CJK SC:style=Bold");
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0x31350), -1);   /* CJK Ext-H: no font has it */
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0x07), -1);      /* controls are never drawn */
  CHECK_INT(fontset_advance(fs, fontset_pick(fs, HD_ROLE_BODY, 0x4E2D), 0x4E2D), 1000);

  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "甲\xF0\xB1\x8D\x90乙", 10, &err), HD_EDATA);
  CHECK_STR(err.msg, "character U+31350 (\xF0\xB1\x8D\x90) at character 2 cannot be printed by "
                    "any configured font");
  /* Bidi controls and invisible format characters are never drawn, whatever a font has. */
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0x202E), -1);
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0x200D), -1);
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0xFEFF), -1);
  CHECK_INT(fontset_pick(fs, HD_ROLE_BODY, 0x85), -1);
  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "甲\xE2\x80\xAE乙", 9, &err), HD_EDATA);
  CHECK_STR(err.msg, "character U+202E (RIGHT-TO-LEFT OVERRIDE, a bidi control) at character 2 "
                    "cannot be printed");
  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "甲\xE2\x80\x8D", 6, &err), HD_EDATA);
  CHECK_STR(err.msg, "character U+200D (ZERO WIDTH JOINER, an invisible format character) at "
                    "character 2 cannot be printed");
  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "\xC2\x85", 2, &err), HD_EDATA);
  CHECK_STR(err.msg, "control character U+0085 at character 1");
  /* CJK Ext-B beyond LXGW WenKai: HanaMinA (2858 of them), then HanaMinB (all but 9). */
  f = fontset_pick(fs, HD_ROLE_BODY, 0x2A6A5);
  CHECK(f >= 0);
  if (f >= 0) CHECK_STR(font_family(fs->fonts[f]), "HanaMinA");
  f = fontset_pick(fs, HD_ROLE_BODY, 0x20001);
  CHECK(f >= 0);
  if (f >= 0) CHECK_STR(font_family(fs->fonts[f]), "HanaMinB");
  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "甲\t乙", 7, &err), HD_EDATA);
  CHECK_STR(err.msg, "control character U+0009 at character 2");
  hd_err_clear(&err);
  CHECK_INT(fontset_check_text(fs, HD_ROLE_BODY, "\xC4\xE3\xBA\xC3", 4, &err), HD_EDATA);
  CHECK_STR(err.msg, "invalid UTF-8 at byte 0");

  /* A TrueType file placed in the fonts directory wins over the system font of the same
   * family. */
  {
    char dir[] = "/tmp/hdreg-test-fonts-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char cmd[512], want[600];
    snprintf(cmd, sizeof cmd, "cp %s %s/", font_path(fs->fonts[fs->chain[HD_ROLE_BODY][2]]), dir);
    CHECK(system(cmd) == 0);
    hd_fontset *local = NULL;
    hd_err_clear(&err);
    CHECK_INT(fontset_load(&local, "body WenQuanYi Micro Hei\n", dir, &err), HD_OK);
    snprintf(want, sizeof want, "%s/wqy-microhei.ttc", dir);
    if (local) CHECK_STR(font_path(local->fonts[0]), want);
    fontset_free(local);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
  }

  /* A family that does not exist is an error naming it, not a silent substitute. */
  hd_fontset *bad = NULL;
  hd_err_clear(&err);
  CHECK_INT(fontset_load(&bad, "body No Such Family\n", NULL, &err), HD_EFONT);
  CHECK_STR(err.msg, "font 'No Such Family' not found (install it, e.g. the Debian fonts-* "
                     "package, or put a TrueType or OpenType/CFF file in the fonts/ directory)");
  hd_err_clear(&err);
  CHECK_INT(fontset_load(&bad, "# c\nfooter WenQuanYi Micro Hei\n", NULL, &err), HD_EFONT);
  CHECK_STR(err.msg, "font manifest:2: unknown role 'footer' (body, heading)");

  /* Line breaking: 10 pt, 1000-unit CJK glyphs -> 10 pt each. */
  hd_line lines[8];
  int n = 0;
  const char *s = "一二三四五六七八九，十";
  hd_err_clear(&err);
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 90, lines, 8, &n, &err), HD_OK);
  CHECK_INT(n, 2);
  /* "，" may not start a line: "九，" moves down together. */
  CHECK_STR(line_text(s, &lines[0]), "一二三四五六七八");
  CHECK_STR(line_text(s, &lines[1]), "九，十");
  s = "甲乙\n丙";
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 500, lines, 8, &n, &err), HD_OK);
  CHECK_INT(n, 2);
  CHECK_STR(line_text(s, &lines[0]), "甲乙");
  CHECK_STR(line_text(s, &lines[1]), "丙");
  CHECK_INT(layout_extra_nobreak(0x4E00, 0x00B7), 1);
  CHECK_INT(layout_extra_nobreak('/', 0x4E00), 1);
  CHECK_INT(layout_extra_nobreak(0x4E00, 0x4E8C), 0);
  /* A name with a middle dot is not broken before the dot. */
  s = "阿卜杜拉·买买提";
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 42, lines, 8, &n, &err), HD_OK);
  CHECK_INT(n, 3); /* without the rule the first line would be "阿卜杜拉" */
  CHECK_STR(line_text(s, &lines[0]), "阿卜杜");
  CHECK_STR(line_text(s, &lines[1]), "拉·买买");
  CHECK_STR(line_text(s, &lines[2]), "提");

  /* The CFF charset reader: Noto Serif CJK is CID-keyed, 65535 glyphs; its CIDs are the
   * glyph ids (Adobe-Identity-0). Malformed tables are refused, never read past. */
  {
    int fn = fontset_pick(fs, HD_ROLE_BODY, 0x4E2D);
    hb_blob_t *file = hb_blob_create_from_file(font_path(fs->fonts[fn]));
    hb_face_t *face = hb_face_create(file, (unsigned)font_index(fs->fonts[fn]));
    hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
    unsigned clen = 0, ng = 0;
    const unsigned char *cp = (const unsigned char *)hb_blob_get_data(cff, &clen);
    static uint16_t cids[65536];
    int keyed = 0;
    CHECK_INT(cff_glyph_cids(cp, clen, &ng, &keyed, cids, 65536), 0);
    CHECK_INT((int)ng, 65535);
    CHECK_INT(keyed, 1);
    CHECK_INT(cids[0], 0);
    CHECK_INT(cids[1234], 1234);
    CHECK_INT(cids[65534], 65534);
    CHECK_INT(cff_glyph_cids(cp, 200, &ng, &keyed, NULL, 0), -1); /* cut short */
    const unsigned char junk[8] = {1, 0, 4, 2, 0xFF, 0xFF, 2, 0};
    CHECK_INT(cff_glyph_cids(junk, sizeof junk, &ng, &keyed, NULL, 0), -1);
    CHECK_INT(cff_glyph_cids(junk, 3, &ng, &keyed, NULL, 0), -1);
    hb_blob_destroy(cff);
    hb_face_destroy(face);
    hb_blob_destroy(file);
  }

  /* clreq: a Latin run (here an e-mail address with a hyphen) is never broken inside:
   * the line breaks before it, not at its hyphen. */
  s = "电子邮件privacy@lnkn-hospital.example.cn联系";
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 180, lines, 8, &n, &err), HD_OK);
  CHECK_INT(n, 3);
  CHECK_STR(line_text(s, &lines[0]), "电子邮件");
  CHECK_STR(line_text(s, &lines[1]), "privacy@lnkn-hospital.example.cn");
  CHECK_STR(line_text(s, &lines[2]), "联系");
  /* Wider than the line, it breaks after a '.', '@', '-' or '/' of its own. */
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 150, lines, 8, &n, &err), HD_OK);
  CHECK_STR(line_text(s, &lines[1]), "privacy@lnkn-hospital.");
  /* ... nor widened by justification: the slack goes to the boundaries outside it. */
  {
    hd_setline sl;
    s = "邮件privacy@x.cn、电话";
    CHECK_INT(layout_line(fs, HD_ROLE_BODY, 10, s, strlen(s), &sl, &err), HD_OK);
    CHECK_INT(sl.n, 17);
    for (int k = 2; k < 13; k++) CHECK_INT(sl.stretch[k], 0); /* inside "privacy@x.cn" */
    CHECK_INT(sl.stretch[0], 1);
    CHECK_INT(sl.stretch[1], 1);   /* 件|p */
    CHECK_INT(sl.stretch[13], 1);  /* n|、 */
    CHECK_INT(sl.stretch[16], 0);  /* the last character */
    CHECK_INT(sl.n_stretch, 5);
    /* A quarter em where Han meets a Latin letter; none before the enumeration comma. */
    CHECK(fabs(sl.after[1] - 2.5) < 1e-9);
    CHECK(fabs(sl.after[13]) < 1e-9);
    layout_line_release(&sl);
    /* Punctuation compression: "。”" — the full stop gives up its blank before the
     * closing quote; "（（" — the second opening bracket moves into the first's blank;
     * an opening bracket starting the line and a closing mark ending it are half-width. */
    s = "（（甲）。）";
    CHECK_INT(layout_line(fs, HD_ROLE_BODY, 10, s, strlen(s), &sl, &err), HD_OK);
    CHECK_INT(sl.n, 6);
    CHECK(fabs(sl.lead + 5) < 1e-9);      /* line-start （ */
    CHECK(fabs(sl.after[0] + 5) < 1e-9);  /* （（ */
    CHECK(fabs(sl.after[2]) < 1e-9);      /* 甲） */
    CHECK(fabs(sl.after[3] + 5) < 1e-9);  /* ）。 */
    CHECK(fabs(sl.after[4] + 5) < 1e-9);  /* 。） */
    CHECK(fabs(sl.after[5] + 5) < 1e-9);  /* line-end ） */
    CHECK(fabs(sl.width - 35) < 1e-9);    /* 60 less five halves */
    layout_line_release(&sl);
  }
  /* Squeeze before pushing down: "，" fits at the line's end set half-width. */
  s = "一二三四五六七八九，十";
  CHECK_INT(layout_break(fs, HD_ROLE_BODY, 10, s, strlen(s), 95, lines, 8, &n, &err), HD_OK);
  CHECK_INT(n, 2);
  CHECK_STR(line_text(s, &lines[0]), "一二三四五六七八九，");
  CHECK(fabs(lines[0].width - 95) < 1e-9);

  /* Certificate through its template: same input, same bytes; a field at fault is
   * named by index; a field too long for one page is named too. */
  hd_template *tmpl = NULL;
  hd_err_clear(&err);
  CHECK_INT(tmpl_load("templates/certificate.xml", &tmpl, &err), HD_OK);
  if (!tmpl) return check_done();
  hd_cert_doc c;
  memset(&c, 0, sizeof c);
  const char *vals[HD_CERT_FIELDS] = {"20260344000000006X", "𠮷祥健康管理（深圳）有限公司",
                                      "91440300MA5H2Q7T5B", "数据资源持有权", "无", "体检数据集",
                                      "体检中心信息系统", "1,000条记录", "登记中心", "2026年3月16日",
                                      "2026年3月16日至2029年3月16日"};
  for (int i = 0; i < HD_CERT_FIELDS; i++) c.values[i] = vals[i];
  c.registration_date = (hd_date){2026, 3, 16};
  c.signer = NULL;
  unsigned char *a = NULL, *b = NULL;
  size_t alen = 0, blen = 0;
  int badf = -2;
  hd_err_clear(&err);
  CHECK_INT(cert_render(tmpl, fs, &c, &a, &alen, &badf, &err), HD_OK);
  hd_err_clear(&err);
  CHECK_INT(cert_render(tmpl, fs, &c, &b, &blen, &badf, &err), HD_OK);
  CHECK(alen > 10000 && alen < 40960);
  CHECK(alen == blen && a && b && memcmp(a, b, alen) == 0);
  free(a);
  free(b);
  c.values[HD_CF_SOURCE] = "";
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_EDATA);
  CHECK_INT(badf, HD_CF_SOURCE);
  CHECK_STR(err.msg, "value is empty");
  /* 900 characters of source: fine for the field limit, too much for its box even at the
   * template's smallest size. */
  char longsrc[4000] = "";
  for (int i = 0; i < 300; i++) strcat(longsrc, "数据源");
  c.values[HD_CF_SOURCE] = longsrc;
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_EDATA);
  CHECK_INT(badf, HD_CF_SOURCE);
  CHECK_STR(err.msg, "templates/certificate.xml:33: the text does not fit its box: needs 24 lines "
                     "at 8.0pt, at most 3 fit");
  /* 105 characters: three lines only at a smaller size, which the template allows. */
  longsrc[0] = '\0';
  for (int i = 0; i < 35; i++) strcat(longsrc, "数据源");
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_OK);
  /* The fullest certificate still is one page: a change (its type under the title, the
   * certificate it replaces, the 监制 line of 5.2.2 a) with every value of three lines at
   * the smallest size its cell allows. */
  char full[4000] = "";
  for (int i = 0; i < 39; i++) strcat(full, "数据源"); /* 117: the most three lines at 8 pt hold */
  static const int THREE[] = {HD_CF_HOLDER, HD_CF_USCC, HD_CF_RIGHTS, HD_CF_LIMITS, HD_CF_NAME,
                              HD_CF_SOURCE};
  const char *kept[HD_CERT_FIELDS];
  memcpy(kept, c.values, sizeof kept);
  for (size_t i = 0; i < sizeof THREE / sizeof *THREE; i++) c.values[THREE[i]] = full;
  c.reg_type = "变更登记";
  c.replaces = "20250944000000003F";
  c.supervisor = "广东省政务服务和数据管理局";
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_OK);
  strcat(full, "数据源"); /* 120: four lines, refused (never a second page) */
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_EDATA);
  CHECK_INT(badf, HD_CF_HOLDER);
  memcpy(c.values, kept, sizeof kept);
  c.reg_type = c.replaces = c.supervisor = NULL;
  /* A certificate number is one line and may not shrink. */
  c.values[HD_CF_SOURCE] = "体检中心信息系统";
  c.values[HD_CF_NUMBER] = "20260344000000006X20260344000000006X20260344000000006X20260344000000006X";
  hd_err_clear(&err);
  CHECK_INT(cert_validate(tmpl, fs, &c, &badf, &err), HD_EDATA);
  CHECK_INT(badf, HD_CF_NUMBER);
  CHECK_STR(err.msg, "templates/certificate.xml:26: the text does not fit its box: needs 2 lines "
                     "at 11.0pt, at most 1 fit");
  tmpl_free(tmpl);
  fontset_free(fs);
  return check_done();
}
