/* grounds.c: registration types and cancellation grounds as documents word them
 * (grounds.h). */
#include "model/grounds.h"

#include <string.h>

/* 5.1.6 a) … f), word for word but the closing 的 (the notice and the opinion put the
 * wording inside a sentence of their own). */
static const char *const GROUND[6] = {
    "登记主体主动申请注销或登记主体丧失登记主体资格",
    "数据资产因客观原因无法继续存在或失去使用价值、无留存必要",
    "因人民法院、仲裁委员会的生效法律文书等导致原权利主体的数据相关权利丧失",
    "拒不按照登记机构管理规范和要求落实整改",
    "为维护社会公共利益、国家利益",
    "法律法规强制性规定或者登记机构制定的登记实施细则规定的其他情形",
};

const char *hd_cancel_ground_text(const char *g) {
  if (!g || g[0] < 'a' || g[0] > 'f' || g[1]) return NULL;
  return GROUND[g[0] - 'a'];
}

/* The names of 5.1's five types. */
static const struct { const char *type, *name; } TYPE[] = {
    {"first", "首次登记"}, {"license", "许可登记"}, {"transfer", "转让登记"},
    {"change", "变更登记"}, {"cancel", "注销登记"}};

const char *hd_reg_type_name(const char *reg_type) {
  for (size_t i = 0; reg_type && i < sizeof TYPE / sizeof *TYPE; i++)
    if (!strcmp(TYPE[i].type, reg_type)) return TYPE[i].name;
  return NULL;
}
