/* Unified social credit code validation against the examples in shared/guides/DOMAIN.md. */
#include "checks/uscc.h"
#include "check.h"

static void valid(const char *code) {
  hd_uscc_report r;
  CHECK_INT(hd_uscc_validate(code, 0, &r), HD_USCC_OK);
  CHECK_STR(r.code, code);
  CHECK_STR(r.message, "");
}

static void invalid(const char *code, int normalise, int result, const char *msg) {
  hd_uscc_report r;
  CHECK_INT(hd_uscc_validate(code, normalise, &r), result);
  CHECK_STR(r.message, msg);
}

int main(void) {
  valid("91350100M000100Y43");
  valid("91110000600037341L");
  valid("91440101MA5CJQ4N59");
  valid("9135021359498494XQ");
  valid("123502001549897397");

  hd_uscc_report r;
  CHECK_INT(hd_uscc_validate("91350203M0001QAY9B", 0, &r), HD_USCC_CHECK);
  CHECK_INT(r.position, 18);
  CHECK_INT(r.expected, '9');
  CHECK_INT(r.found, 'B');
  CHECK_STR(r.message, "check character (position 18) is 'B', should be '9'");
  /* The Chinese message, as review opinions print it. */
  CHECK_STR(r.message_cn, "第18位校验码是“B”，应为“9”");
  static const struct { const char *code; const char *cn; } CN[] = {
      {"", "未填写统一社会信用代码"},
      {"91350100M000100Y4", "代码为17位，应为18位"},
      {"91350100M000100I43", "第16位字符“I”不能使用（代码不用 I、O、S、V、Z 和标点）"},
      {"91350100m000100Y43", "第9位是小写字母“m”，应使用大写字母"},
      {"９1350100M000100Y43", "第1位是全角字符，应使用半角数字和大写字母"},
      {"913501A0M000100Y43", "第3—8位行政区划码的第7位是“A”，应为数字"},
      {"91350100M000100Y53", "第17位组织机构代码校验码是“5”，应为“4”"},
      {"91350100M000100Y4中", "第18位字符（U+4E2D）不能使用"},
  };
  for (size_t i = 0; i < sizeof CN / sizeof CN[0]; i++) {
    hd_uscc_validate(CN[i].code, 0, &r);
    CHECK_STR(r.message_cn, CN[i].cn);
  }

  invalid("", 0, HD_USCC_EMPTY, "no unified social credit code given");
  invalid("91350100M000100Y4", 0, HD_USCC_LENGTH, "code has 17 characters, 18 expected");
  invalid("91350100M000100Y433", 0, HD_USCC_LENGTH, "code has 19 characters, 18 expected");
  invalid("91350100M000100I43", 0, HD_USCC_CHAR,
          "character 'I' at position 16 is not allowed (I, O, S, V, Z and punctuation are never used)");
  invalid("91350100m000100Y43", 0, HD_USCC_CHAR,
          "lower-case letter 'm' at position 9; codes use capital letters");
  invalid("９1350100M000100Y43", 0, HD_USCC_FULLWIDTH,
          "full-width character at position 1; use half-width digits and capital letters");
  invalid("913501A0M000100Y43", 0, HD_USCC_REGION,
          "region code (positions 3-8) has 'A' at position 7");
  invalid("91350100M000100Y53", 0, HD_USCC_ORG_CHECK,
          "organisation code check character (position 17) is '5', should be '4'");
  invalid("91350100M000100Y4\xe4", 0, HD_USCC_CHAR, "code is not valid UTF-8");
  invalid("91350100M000100Y4中", 0, HD_USCC_CHAR,
          "character U+4E2D at position 18 is not allowed");

  /* Normalisation is explicit and reported, never silent. */
  CHECK_INT(hd_uscc_validate("９１350100m000100y43", 1, &r), HD_USCC_OK);
  CHECK_INT(r.normalised, 1);
  CHECK_STR(r.code, "91350100M000100Y43");
  CHECK_INT(hd_uscc_validate("91350100M000100Y43", 1, &r), HD_USCC_OK);
  CHECK_INT(r.normalised, 0);

  /* Unknown authority/category pair: a warning, not an error. */
  char code[19] = "Z1440100MA5CJQ4N5";
  code[0] = 'Q';
  code[17] = hd_uscc_check_char(code);
  code[18] = '\0';
  CHECK_INT(hd_uscc_validate(code, 0, &r), HD_USCC_OK);
  CHECK_INT(r.unknown_type, 1);
  CHECK_INT(hd_uscc_validate("91440101MA5CJQ4N59", 0, &r), HD_USCC_OK);
  CHECK_INT(r.unknown_type, 0);
  CHECK_INT(hd_uscc_check_char("91350203M0001QAY9"), '9');
  CHECK_INT(hd_uscc_check_char("9135020IM0001QAY9"), 0);
  return check_done();
}
