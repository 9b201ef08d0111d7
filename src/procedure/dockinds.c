/* dockinds.c: the document-kind registry (dockinds.h). */
#include "procedure/dockinds.h"

#include <string.h>

const hd_dockind HD_DOCKIND[] = {
    {"certificate", "certificate", "certificates", "certificates", "登记证书"},
    {"review_opinion", "review_opinion", "opinions", "review", "合规性审核意见书"},
    {"notice", "public_notice", "notices", "notice", "公示"},
    {"cancellation", "cancellation", "cancellations", "cancellations", "注销公告"},
    {"privacy_policy", "privacy_policy", NULL, NULL, "个人信息保护政策"},
    /* written by the review with the opinion */
    {"acceptance", "acceptance", "letters", "review", "受理通知书"},
    {"supplement_request", "supplement_request", "letters", "review", "补正通知书"},
    {"refusal", "refusal", "letters", "review", "不予登记决定书"}, /* and queued: letters */
    /* queued by a person's action between nights, written by the next night's letters */
    {"committee_opinion", "committee_opinion", "letters", "letters", "合规委员会审核意见书"},
    {"onsite_record", "onsite_record", "letters", "letters", "现场核验记录"},
    {"objection_explain", "objection_explain", "letters", "letters", "异议说明通知书"},
    {"objection_outcome", "objection_outcome", "letters", "letters", "异议处理结果通知书"},
    /* written on request (hdreg extract), where the user says: not the night's */
    {"register_extract", "register_extract", NULL, NULL, "登记簿摘录"},
    {"supervision_report", "supervision_report", NULL, NULL, "登记监督情况报告"},
};
_Static_assert(sizeof HD_DOCKIND / sizeof *HD_DOCKIND == HD_DOC_KINDS,
               "one row of HD_DOCKIND per HD_DOC_ name");

const hd_dockind *dockind_find(const char *kind) {
  for (int i = 0; i < HD_DOC_KINDS; i++)
    if (kind && !strcmp(HD_DOCKIND[i].kind, kind)) return &HD_DOCKIND[i];
  return NULL;
}
