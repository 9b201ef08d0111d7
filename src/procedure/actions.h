/* actions.h: what people do between nights (clauses 6.1.2 c, 6.2, 6.4, 6.5, 6.6) as the
 * procedure's functions, each with its rules: a committee's decision, an objection and
 * its outcome, a person's move (materials supplemented, on-site verification, withdrawal),
 * an application for a change or cancellation of a certificate. Each runs in its own
 * transaction and moves a case only through proc_move (procedure.h), so the procedure's
 * transitions and the event log hold; what it refuses comes back as HD_EDATA (a rule) or
 * HD_EUSAGE (an argument), naming the case, certificate or objection. Prints nothing.
 * Depends on procedure/procedure.h, store/. */
#ifndef HD_ACTIONS_H
#define HD_ACTIONS_H
#include <sqlite3.h>
#include "util/buf.h"
#include "util/diag.h"

/* Who acts, when and why: every action that moves a case records these on its event. */
typedef struct hd_actor {
  const char *date;    /* YYYY-MM-DD */
  const char *actor;   /* a person or a body: 合规委员会, 审核员, ... */
  const char *reason;
} hd_actor;

/* HD_OK when s (NULL or text a person gives, which documents print) is valid UTF-8 with no
 * control, bidi or invisible format character; else HD_EDATA naming opt and the character. */
int act_printable(const char *opt, const char *s, hd_err *err);

/* The compliance committee's decision on a case in committee review (6.1.2 c):
 * decision "approve" or "reject"; the case moves and committee_date is recorded. */
int act_committee(sqlite3 *db, long long case_id, const char *decision, const hd_actor *by,
                  hd_err *err);

/* An objection to case_id (number: for messages) filed on date during its public notice
 * (6.1.2 d, 6.2.2 c); *objection_id is its number. */
int act_object(sqlite3 *db, long long case_id, const char *number, const char *date,
               const char *objector, const char *grounds, const char *material,
               long long *objection_id, hd_err *err);

/* The outcome of an open objection ("upheld": its case goes back to review; "dismissed":
 * it is certified once its notice has ended and no objection is open). objection is the
 * number as given. */
int act_resolve(sqlite3 *db, const char *objection, const char *outcome, const hd_actor *by,
                hd_err *err);

/* Any other move a person makes (procedure.h: the transitions by 'person'); questions
 * asked for an on-site verification (6.6) are recorded with it, and with a move to
 * 'submitted' the materials supplied (补正, 6.1.2 b / 6.2.2 b: KIND[:REFERENCE[:VALID-
 * UNTIL]], dated by->date). Materials with a move elsewhere: HD_EUSAGE. */
int act_move(sqlite3 *db, long long case_id, const char *to, const hd_actor *by,
             const char *const *questions, int n_questions, const char *const *materials,
             int n_materials, hd_err *err);

/* The answer to on-site question `question` of case_id (6.6 i: the enquiries the
 * authority makes), recorded with its date. HD_EDATA for a question of another case or
 * one answered already. */
int act_answer(sqlite3 *db, long long case_id, const char *number, long long question,
               const char *text, const hd_actor *by, hd_err *err);

/* An application for a change (6.4) or cancellation (6.5) of an issued certificate. */
typedef struct hd_application {
  const char *certificate;   /* the certificate's number */
  const char *type;          /* "change" or "cancel" */
  const char *number;        /* the new case's number */
  const char *date;          /* applied and accepted */
  const char *ground;        /* cancel: a-f of 5.1.6 */
  const char *description;   /* change: what changes (6.4 a); a renewal without one says so */
  const char *const *materials; /* KIND[@ISSUER][:REFERENCE] given with it */
  int n_materials;
  int renewal;               /* change: it renews the certificate's validity (续展, v13) */
} hd_application;

/* A new case on the certificate's resource, with the same rights and the registration's
 * materials on file (an application material of the date added, and the given ones),
 * submitted for the next night's review; *case_id is its id. */
int act_apply(sqlite3 *db, const hd_application *a, long long *case_id, hd_err *err);

/* A cancellation on the authority's own motion (5.1.6 c-e). */
typedef struct hd_authority_cancel {
  const char *certificate;   /* the certificate's number */
  const char *number;        /* the new case's number */
  const char *ground;        /* c, d or e of 5.1.6 */
  const char *const *evidence; /* KIND:REFERENCE[:VALID-UNTIL]; ground c: a court_judgment */
  int n_evidence;
  hd_actor by;               /* the authority's officer, the date and the decision's reason */
  const char *supervision;   /* NULL, or the supervision (5.3.1, supervision.h) it comes of */
} hd_authority_cancel;

/* A cancel case on the certificate (its resource and rights; the holder of record as
 * applicant), its ground, its evidence with a note of who decided and why, submitted for
 * the next night's review; the intake rules but the applicant's (intake.h). An application
 * open on the certificate does not block it: it waits for this cancellation (intake.h,
 * INTAKE_AWAITS_AUTHORITY_CANCEL) and is refused by the night that carries it out (6.5 h);
 * OUT: waiting gets "NUMBER (TYPE, STATUS)" of each, comma separated (caller releases). An
 * open cancellation on the authority's own motion is refused (HD_EDATA). */
int act_authority_cancel(sqlite3 *db, const hd_authority_cancel *a, long long *case_id,
                         hd_buf *waiting, hd_err *err);

#endif
