/* grounds.h: the one table of the registration types and of the grounds of cancellation
 * (5.1.6 a–f) as documents word them. The checks (hd.cancel_ground) and the cancellation
 * notice (documents.c) both word a ground from here, so that the review opinion and the
 * notice say the same. Pure data; depends on nothing. */
#ifndef HD_GROUNDS_H
#define HD_GROUNDS_H

/* The ground's wording (the guideline's 5.1.6 item without its closing 的), or NULL if
 * g is not one of "a" … "f". */
const char *hd_cancel_ground_text(const char *g);
/* 首次登记 … 注销登记 for reg_type "first", "license", "transfer", "change", "cancel";
 * NULL for anything else. */
const char *hd_reg_type_name(const char *reg_type);

#endif
