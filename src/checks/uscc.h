/* uscc.h: Unified Social Credit Code (统一社会信用代码, GB 32100-2015) validation,
 * including the inner organisation-code check (GB 11714). Pure C, no dependencies;
 * exposed to Lua checks as a helper. */
#ifndef HD_USCC_H
#define HD_USCC_H

enum hd_uscc_result {
  HD_USCC_OK = 0,
  HD_USCC_EMPTY,       /* no code given */
  HD_USCC_LENGTH,      /* not 18 characters */
  HD_USCC_CHAR,        /* a character outside 0-9 A-Z without I O S V Z */
  HD_USCC_FULLWIDTH,   /* full-width digits/letters and normalisation not allowed */
  HD_USCC_REGION,      /* positions 3-8 are not digits */
  HD_USCC_ORG_CHECK,   /* GB 11714 check character (position 17) wrong */
  HD_USCC_CHECK        /* GB 32100 check character (position 18) wrong */
};

typedef struct hd_uscc_report {
  int result;          /* enum hd_uscc_result */
  int position;        /* 1-based position of the problem, 0 if none */
  char expected;       /* for the two check characters */
  char found;
  int unknown_type;    /* positions 1-2 are not a known authority/category pair (warning) */
  int normalised;      /* full-width or lower-case input was normalised */
  char code[19];       /* the (normalised) code when it has 18 characters */
  char message[192];   /* Chinese-free, lower case description; "" when valid */
  char message_cn[256]; /* the same in Chinese, for documents; "" when valid */
} hd_uscc_report;

/* Validate s (UTF-8). With normalise set, full-width ASCII (U+FF10-U+FF5A) and lower-case
 * letters are folded first and r->normalised says so; without it they are errors.
 * Returns r->result. */
int hd_uscc_validate(const char *s, int normalise, hd_uscc_report *r);

/* The GB 32100 check character for the first 17 characters, or 0 if one is invalid. */
char hd_uscc_check_char(const char *first17);

#endif
