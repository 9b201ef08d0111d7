/* uscc.c: GB 32100 / GB 11714 check characters (uscc.h). */
#include "checks/uscc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static const char ALPHA[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int W32100[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
static const int W11714[8] = {3, 7, 9, 10, 5, 8, 4, 2};

static int value_of(char c) {
  const char *p = c ? strchr(ALPHA, c) : NULL;
  return p ? (int)(p - ALPHA) : -1;
}

char hd_uscc_check_char(const char *first17) {
  int sum = 0;
  for (int i = 0; i < 17; i++) {
    int v = value_of(first17[i]);
    if (v < 0) return 0;
    sum += v * W32100[i];
  }
  return ALPHA[(31 - sum % 31) % 31];
}

/* Known registration-authority / category pairs of GB 32100 table 1 and 2. */
static int known_type(char a, char b) {
  static const char *const PAIRS[] = {"11", "12", "13", "19", "21", "29", "31", "32", "33",
                                      "34", "35", "39", "41", "49", "51", "52", "53", "59",
                                      "61", "62", "71", "72", "81", "89", "91", "92", "93",
                                      "A1", "A9", "N1", "N2", "N3", "N9", "Y1"};
  for (size_t i = 0; i < sizeof PAIRS / sizeof PAIRS[0]; i++)
    if (PAIRS[i][0] == a && PAIRS[i][1] == b) return 1;
  return 0;
}

/* The English message (CLI, logs) and the Chinese one (documents), each from a format. */
static int fail2(hd_uscc_report *r, int result, int pos, const char *msg, const char *cn) {
  r->result = result;
  r->position = pos;
  snprintf(r->message, sizeof r->message, "%s", msg);
  snprintf(r->message_cn, sizeof r->message_cn, "%s", cn);
  return result;
}

int hd_uscc_validate(const char *s, int normalise, hd_uscc_report *r) {
  memset(r, 0, sizeof *r);
  if (!s || !*s)
    return fail2(r, HD_USCC_EMPTY, 0, "no unified social credit code given", "未填写统一社会信用代码");
  size_t len = strlen(s), i = 0;
  int n = 0;
  uint32_t cp;
  char code[19];
  for (;;) {
    int k = hd_utf8_next(s, len, &i, &cp);
    if (k == 0) break;
    if (k < 0) return fail2(r, HD_USCC_CHAR, n + 1, "code is not valid UTF-8", "代码不是有效的文本");
    if (n >= 18) {
      n++;
      continue; /* keep counting for the length message */
    }
    if (cp >= 0xFF10 && cp <= 0xFF5A) { /* full-width 0-9, A-Z, a-z */
      if (!normalise) {
        char m[128], cn[160];
        snprintf(m, sizeof m, "full-width character at position %d; use half-width digits "
                 "and capital letters", n + 1);
        snprintf(cn, sizeof cn, "第%d位是全角字符，应使用半角数字和大写字母", n + 1);
        return fail2(r, HD_USCC_FULLWIDTH, n + 1, m, cn);
      }
      cp -= 0xFEE0;
      r->normalised = 1;
    }
    if (cp >= 'a' && cp <= 'z') {
      if (!normalise) {
        char m[128], cn[160];
        snprintf(m, sizeof m, "lower-case letter '%c' at position %d; codes use capital letters",
                 (char)cp, n + 1);
        snprintf(cn, sizeof cn, "第%d位是小写字母“%c”，应使用大写字母", n + 1, (char)cp);
        return fail2(r, HD_USCC_CHAR, n + 1, m, cn);
      }
      cp -= 32;
      r->normalised = 1;
    }
    if (cp > 0x7F || value_of((char)cp) < 0) {
      char m[160], cn[192];
      if (cp >= 0x21 && cp < 0x7F) {
        snprintf(m, sizeof m, "character '%c' at position %d is not allowed (I, O, S, V, Z "
                 "and punctuation are never used)", (char)cp, n + 1);
        snprintf(cn, sizeof cn, "第%d位字符“%c”不能使用（代码不用 I、O、S、V、Z 和标点）", n + 1,
                 (char)cp);
      } else {
        snprintf(m, sizeof m, "character U+%04X at position %d is not allowed", (unsigned)cp,
                 n + 1);
        snprintf(cn, sizeof cn, "第%d位字符（U+%04X）不能使用", n + 1, (unsigned)cp);
      }
      return fail2(r, HD_USCC_CHAR, n + 1, m, cn);
    }
    code[n++] = (char)cp;
  }
  if (n != 18) {
    char m[96], cn[96];
    snprintf(m, sizeof m, "code has %d characters, 18 expected", n);
    snprintf(cn, sizeof cn, "代码为%d位，应为18位", n);
    return fail2(r, HD_USCC_LENGTH, 0, m, cn);
  }
  code[18] = '\0';
  memcpy(r->code, code, sizeof code);
  for (int p = 2; p < 8; p++)
    if (code[p] < '0' || code[p] > '9') {
      char m[96], cn[160];
      snprintf(m, sizeof m, "region code (positions 3-8) has '%c' at position %d", code[p], p + 1);
      snprintf(cn, sizeof cn, "第3—8位行政区划码的第%d位是“%c”，应为数字", p + 1, code[p]);
      return fail2(r, HD_USCC_REGION, p + 1, m, cn);
    }
  /* GB 11714 organisation code: positions 9-16, check at 17. */
  int sum = 0;
  for (int p = 0; p < 8; p++) {
    char c = code[8 + p];
    int v = (c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10;
    sum += v * W11714[p];
  }
  int c = 11 - sum % 11;
  char want = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
  if (code[16] != want) {
    char m[128];
    r->expected = want;
    r->found = code[16];
    snprintf(m, sizeof m, "organisation code check character (position 17) is '%c', "
             "should be '%c'", code[16], want);
    char cn[160];
    snprintf(cn, sizeof cn, "第17位组织机构代码校验码是“%c”，应为“%c”", code[16], want);
    return fail2(r, HD_USCC_ORG_CHECK, 17, m, cn);
  }
  char want18 = hd_uscc_check_char(code);
  if (code[17] != want18) {
    char m[128];
    r->expected = want18;
    r->found = code[17];
    snprintf(m, sizeof m, "check character (position 18) is '%c', should be '%c'", code[17],
             want18);
    char cn[160];
    snprintf(cn, sizeof cn, "第18位校验码是“%c”，应为“%c”", code[17], want18);
    return fail2(r, HD_USCC_CHECK, 18, m, cn);
  }
  r->unknown_type = !known_type(code[0], code[1]);
  return HD_USCC_OK;
}
