/* intake.h: what an application for a licence, transfer, change or cancellation must be
 * before it is taken in — by `hdreg case apply` and by `hdreg import` alike:
 *   - the certificate it concerns exists and is in force (5.1.1: no other registration
 *     without a first registration; 6.3 a, 6.4 a, 6.5 a name the certificate);
 *   - no other application on that certificate is open (one at a time: each of 6.3–6.5
 *     starts from what the certificate records, so two open at once would decide on the
 *     same rights twice);
 *   - the applicant is a holder of that certificate (5.1.3–5.1.6: the 权利人 licenses,
 *     transfers, changes or has cancelled; 6.3 a, 6.4 a, 6.5 a the 登记主体), or, for a
 *     licence or transfer, the licensee or transferee with the authorisation (a material
 *     of kind authorization in force on the application date) of its counterparty, a
 *     holder (5.1.4: 交易双方应共同或者取得相对方授权).
 * Depends on store/. */
#ifndef HD_INTAKE_H
#define HD_INTAKE_H
#include <sqlite3.h>
#include "util/diag.h"

/* The statuses of a case not yet decided (docs/procedure.md), as an SQL list. */
#define INTAKE_OPEN_STATUSES "('submitted','authority_review','committee_review','rectify'," \
                             "'notice','held','approved')"

/* SQL condition: the case aliased K is a cancellation on the authority's own motion (5.1.6
 * c-e, hdreg case cancel): a cancel case that no one applied for (no material of kind
 * application). */
#define INTAKE_BY_AUTHORITY(K)                                                                \
  "(" K ".reg_type = 'cancel' AND NOT EXISTS (SELECT 1 FROM materials am WHERE am.case_id = " \
  K ".id AND am.kind = 'application'))"

/* SQL condition: the case aliased C (its columns C.id, C.prior_certificate_id) concerns a
 * certificate that a cancellation on the authority's own motion (5.1.6 c-e: a cancel case
 * without an application) is open on. Such a case waits, whatever its status: the night
 * neither reviews it, nor publishes it, nor issues its certificate, since the right it
 * would register may be cancelled (6.5 h). Carried out, the cancellation refuses it
 * (night_cancellations); refused or withdrawn, it lets the case go on. A first
 * registration (no prior certificate) is out at once; the others are found through the
 * index cases_prior (schema 11), so the night stays linear in the cases. */
#define INTAKE_AWAITS_AUTHORITY_CANCEL(C)                                                    \
  "(" C ".prior_certificate_id IS NOT NULL AND EXISTS (SELECT 1 FROM cases ac WHERE "          \
  "ac.prior_certificate_id = " C ".prior_certificate_id AND ac.id <> " C ".id AND ac.status "    \
  "IN " INTAKE_OPEN_STATUSES " AND " INTAKE_BY_AUTHORITY("ac") "))"

/* Check case_id (already written, inside the caller's transaction). HD_OK, or HD_EDATA
 * with the first rule it breaks, naming the case, the certificate and, for a second
 * application, the open one; HD_EDB on a database error. A first registration passes.
 * by_authority: a cancellation on the authority's own motion (5.1.6 c-e), which no
 * holder applies for: neither the applicant rule nor the one-at-a-time rule applies (what
 * is open waits for it: INTAKE_AWAITS_AUTHORITY_CANCEL). */
int intake_check(sqlite3 *db, long long case_id, int by_authority, hd_err *err);

#endif
