/* explain.h: what a finding found and what the applicant must do, in plain Chinese for
 * the review opinion and the letters, built from the finding's evidence (field / found /
 * wanted: material names, dates, values), never from its message text; and the clause
 * of a finding that applies to a case's registration type. Dates print as 2026年3月16日.
 * Depends on checks/ (findings), util/. */
#ifndef HD_EXPLAIN_H
#define HD_EXPLAIN_H
#include "checks/checks.h"
#include "util/buf.h"

/* The Chinese name of a kind of material (materials.kind), e.g. 第三方服务机构出具的实质性
 * 评估材料; NULL for a kind the register does not keep. */
const char *explain_material(const char *kind);

/* The parts of `clause` (separated by "," or " / ") that concern a case of reg_type and
 * procedure: of the procedure clauses 6.1-6.5 only the one of its flow (6.1 ordinary and
 * 6.2 simplified first registrations, 6.3 licence and transfer, 6.4 change, 6.5
 * cancellation), every other clause kept; the whole clause if nothing would be left.
 * Appended to out. */
int explain_clause(const char *clause, const char *reg_type, const char *procedure, hd_buf *out);

/* For a finding that is not a pass: *found what was found ("未提交《第三方服务机构出具的实质性评估
 * 材料》"), *todo what the applicant must do ("补充提交《…》"; empty for a finding that
 * refuses), each a sentence without final punctuation, from the evidence; without
 * evidence, found is the check's message. HD_ENOMEM only. */
int explain_finding(hd_finding *x, hd_buf *found, hd_buf *todo);

/* s with every ISO date YYYY-MM-DD in it written 2026年3月16日, appended to out. */
int explain_dates(const char *s, hd_buf *out);

#endif
