/* supervision.h: registration supervision (登记监督, 5.3.1) — what the authority records when
 * it finds a registration subject suspected of breaking the rules of market supervision,
 * network security or data security, of harming the national or the public interest, or
 * of infringing personal privacy or trade secrets: the suspicion (its subject, the
 * certificate concerned, the facts and their source), every measure taken, every report
 * to a regulator, the cancellation on the authority's own motion it led to (5.1.6 c-e,
 * actions.h act_authority_cancel with a supervision number) and its closing. Tables
 * supervisions and supervision_actions (schema v14), on the chain, never changed: each
 * step is a row added. Each call runs in its own transaction; refusals come back as
 * HD_EDATA (a rule) or HD_EUSAGE (an argument), naming the supervision. Prints nothing.
 * Depends on procedure/actions.h (hd_actor), store/. */
#ifndef HD_SUPERVISION_H
#define HD_SUPERVISION_H
#include <json-c/json.h>
#include <sqlite3.h>

#include "procedure/actions.h"
#include "util/diag.h"

/* The categories of 5.3.1, by code: "market_supervision" 市场监督管理, "network_security"
 * 网络安全, "data_security" 数据安全, "public_interest" 损害国家利益和社会公共利益, "privacy"
 * 侵犯个人隐私, "trade_secret" 侵犯商业秘密. NULL for an unknown code. */
const char *sup_category_name(const char *code);

/* A suspected violation, as the authority first records it. */
typedef struct hd_suspicion {
  const char *number;      /* the authority's own number for it, e.g. JD-2026-0001 */
  const char *subject;     /* the unified social credit code of a subject of the register */
  const char *certificate; /* NULL, or the number of a certificate the subject holds a right of */
  const char *category;    /* a code of sup_category_name */
  const char *facts;       /* what the subject is suspected of */
  const char *source;      /* where it came from: a complaint, an inspection, a regulator */
  hd_actor by;             /* the day it was found and who records it (reason unused) */
} hd_suspicion;

int sup_record(sqlite3 *db, const hd_suspicion *s, hd_err *err);

/* Something done about an open supervision: kind "measure" (a measure taken, e.g. an order
 * to rectify), "report" (a report to the regulator `regulator`, with its reference if any)
 * or "close" (its outcome; refused while the cancellation it led to is undecided). Dated
 * no earlier than the supervision's last step; a closed supervision takes none. */
typedef struct hd_sup_action {
  const char *number;      /* the supervision */
  const char *kind;
  const char *text;        /* the measure, what was reported, or the outcome */
  const char *regulator;   /* report: the regulator (监管部门) reported to */
  const char *reference;   /* report: its reference (文号), or NULL */
  hd_actor by;             /* its date and who (reason unused) */
} hd_sup_action;

int sup_act(sqlite3 *db, const hd_sup_action *a, hd_err *err);

/* Inside act_authority_cancel's transaction: the cancellation case case_id of certificate
 * cert_id (on ground c, d or e of 5.1.6) is the measure supervision `number` leads to.
 * Refused unless the supervision is open, its subject holds a right of the certificate
 * (and its certificate, if it names one, is this one), the date is not before its last
 * step and, on ground d (rectification refused), a measure was recorded before. */
int sup_link_cancellation(sqlite3 *db, const char *number, long long case_id, const char *cert_id,
                          const char *ground, const hd_actor *by, hd_err *err);

/* The supervisions found from `from` to `to` (either NULL: unbounded; open_only: those not
 * closed), oldest first, each an object: number, found_date, status (open|closed),
 * subject, uscc, certificate (or null), category, category_cn, facts, source, recorded_by,
 * reported (a report to a regulator was made), and actions: [{date, kind, text, regulator,
 * reference, actor, case, case_status, cancelled_date}] (the last three for a
 * cancellation: its case's number and status, the day it was carried out or null).
 * *out is a new json array (caller puts it). */
int sup_list(sqlite3 *db, const char *from, const char *to, int open_only, json_object **out,
             hd_err *err);

#endif
