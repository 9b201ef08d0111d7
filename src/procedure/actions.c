/* actions.c: the between-night actions of the procedure (actions.h). */
#include "procedure/actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/caseview.h"
#include "procedure/intake.h"
#include "procedure/procedure.h"
#include "procedure/supervision.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/charclass.h"
#include "util/date.h"
#include "util/utf8.h"

static int store_text_exists(sqlite3 *db, const char *sql, long long id) {
  char *v = store_text(db, sql, id);
  free(v);
  return v != NULL;
}

static int committee(sqlite3 *db, long long id, const char *decision, const hd_actor *by,
                     hd_err *err) {
  int approve = strcmp(decision, "approve") == 0;
  if (!approve && strcmp(decision, "reject") != 0)
    return hd_err_set(err, HD_EUSAGE, "--decision must be approve or reject, not '%s'", decision);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  const char *v[] = {by->date, ids};
  int rc = proc_move(db, id, approve ? "approved" : "rejected", "person", by->date, by->actor,
                     by->reason, 0, err);
  if (!rc) rc = store_exec_texts(db, "UPDATE cases SET committee_date = ?1 WHERE id = ?2", v, 2, err);
  /* The committee's opinion (6.1.2 c) and, on a rejection, the decision not to register. */
  if (!rc) rc = proc_queue_letter(db, id, "committee_opinion", by->date, 1, 0, by->reason, err);
  if (!rc && !approve) rc = proc_queue_letter(db, id, "refusal", by->date, 1, 0, by->reason, err);
  return rc;
}

/* What a person writes that documents print (a reason, an actor, an objection's grounds,
 * an answer) holds no control, bidi or invisible format character: refused here, naming
 * the option, since once on the register it could never be printed (the letter it goes
 * into would stay owed, night after night). */
int act_printable(const char *opt, const char *s, hd_err *err) {
  if (!s) return HD_OK;
  size_t len = strlen(s), i = 0;
  uint32_t cp;
  long ch = 0;
  int r;
  while ((r = hd_utf8_next(s, len, &i, &cp)) > 0) {
    ch++;
    const char *name = NULL;
    int kind = hd_char_kind(cp, &name);
    if (kind != HD_CH_PRINTABLE)
      return hd_err_set(err, HD_EDATA, "%s: %s U+%04X%s%s%s at character %ld: it is never printed "
                        "on a document; write the text without it", opt, hd_char_kind_text(kind),
                        (unsigned)cp, name ? " (" : "", name ? name : "", name ? ")" : "", ch);
  }
  if (r < 0) return hd_err_set(err, HD_EDATA, "%s: not valid UTF-8 at byte %zu", opt, i);
  return HD_OK;
}

static int by_printable(const hd_actor *by, hd_err *err) {
  int rc = act_printable("--actor", by->actor, err);
  return rc ? rc : act_printable("--reason", by->reason, err);
}

int act_committee(sqlite3 *db, long long case_id, const char *decision, const hd_actor *by,
                  hd_err *err) {
  int rc = by_printable(by, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, committee(db, case_id, decision, by, err), err);
}

static int object(sqlite3 *db, long long id, const char *number, const char *date,
                  const char *objector, const char *grounds, const char *material,
                  long long *objection_id, hd_err *err) {
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  char *status = store_text(db, "SELECT status FROM cases WHERE id = ?1", id);
  char *start = store_text(db, "SELECT notice_start FROM cases WHERE id = ?1", id);
  char *end = store_text(db, "SELECT notice_end FROM cases WHERE id = ?1", id);
  int rc = HD_OK;
  if (!status || strcmp(status, "notice") != 0)
    rc = hd_err_set(err, HD_EDATA, "case %s is not in public notice (it is '%s'): objections are "
                    "filed during the notice period", number, status ? status : "?");
  else if (!start || !end || strcmp(date, start) < 0 || strcmp(date, end) > 0)
    rc = hd_err_set(err, HD_EDATA, "case %s: %s is outside its notice period %s to %s", number,
                    date, start ? start : "?", end ? end : "?");
  if (rc == HD_OK) {
    const char *v[] = {ids, date, objector, grounds, material};
    rc = store_exec_texts(db, "INSERT INTO objections(case_id, filed_date, objector, grounds, material, "
                       "status) VALUES (?1, ?2, ?3, ?4, ?5, 'open')", v, 5, err);
    if (!rc) *objection_id = (long long)sqlite3_last_insert_rowid(db);
    /* The applicant is asked to explain (6.1.2 d, 6.2.2 c). */
    if (!rc) rc = proc_queue_letter(db, id, "objection_explain", date, 0, *objection_id, NULL, err);
  }
  free(status);
  free(start);
  free(end);
  return rc;
}

int act_object(sqlite3 *db, long long case_id, const char *number, const char *date,
               const char *objector, const char *grounds, const char *material,
               long long *objection_id, hd_err *err) {
  int rc = act_printable("--objector", objector, err);
  if (!rc) rc = act_printable("--grounds", grounds, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, object(db, case_id, number, date, objector, grounds, material,
                                     objection_id, err), err);
}

static int resolve(sqlite3 *db, const char *objection, const char *outcome, const hd_actor *by,
                   hd_err *err) {
  int upheld = strcmp(outcome, "upheld") == 0;
  if (!upheld && strcmp(outcome, "dismissed") != 0)
    return hd_err_set(err, HD_EUSAGE, "--outcome must be upheld or dismissed, not '%s'", outcome);
  char *st = store_text(db, "SELECT status FROM objections WHERE id = ?1", atoll(objection));
  char *case_id = store_text(db, "SELECT case_id FROM objections WHERE id = ?1", atoll(objection));
  char *filed = store_text(db, "SELECT filed_date FROM objections WHERE id = ?1", atoll(objection));
  int rc = HD_OK;
  if (!st) rc = hd_err_set(err, HD_EDATA, "objection %s does not exist", objection);
  else if (strcmp(st, "open") != 0)
    rc = hd_err_set(err, HD_EDATA, "objection %s is already %s", objection, st);
  else if (filed && strcmp(by->date, filed) < 0)
    rc = hd_err_set(err, HD_EDATA, "objection %s was filed on %s: it cannot be resolved on %s, "
                    "before it", objection, filed, by->date);
  free(filed);
  if (rc == HD_OK) {
    const char *v[] = {outcome, by->date, objection};
    rc = store_exec_texts(db, "UPDATE objections SET status = ?1, resolved_date = ?2 WHERE id = "
                       "CAST(?3 AS INTEGER)", v, 3, err);
  }
  if (rc == HD_OK && upheld)
    rc = proc_move(db, atoll(case_id), "submitted", "person", by->date, by->actor, by->reason, 0,
                   err);
  if (rc == HD_OK)
    rc = proc_queue_letter(db, atoll(case_id), "objection_outcome", by->date, upheld,
                           atoll(objection), by->reason, err);
  free(st);
  free(case_id);
  return rc;
}

int act_resolve(sqlite3 *db, const char *objection, const char *outcome, const hd_actor *by,
                hd_err *err) {
  int rc = by_printable(by, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, resolve(db, objection, outcome, by, err), err);
}

/* One material as given (opt names the option, for messages):
 * KIND[@ISSUER][:REFERENCE[:VALID-UNTIL]], a kind of the register (model/caseview.h)
 * issued by the subject whose unified social credit code is ISSUER (one the register
 * knows; schema 12), dated date, onto case ids. The reference may
 * hold colons: what follows the last one is the valid-until when it is a date, and must be
 * one when it begins like one (YYYY-); an empty last part gives no valid-until. A
 * reference longer than 1000 bytes is refused, never cut (HD_EUSAGE); a valid-until
 * before date, HD_EDATA. */
static int add_material(sqlite3 *db, const char *ids, const char *date, const char *opt,
                        const char *given, const char *note, hd_err *err) {
  char kind[64], ref[1001] = "", until[16] = "", issuer[64] = "";
  const char *colon = strchr(given, ':');
  hd_snprintf(kind, sizeof kind, "%.*s", colon ? (int)(colon - given) : 63, given);
  char *at = strchr(kind, '@');
  if (at) {
    hd_snprintf(issuer, sizeof issuer, "%s", at + 1);
    *at = '\0';
  }
  if (colon) {
    if (hd_snprintf(ref, sizeof ref, "%s", colon + 1) < 0)
      return hd_err_set(err, HD_EUSAGE, "%s of kind '%s': its reference is longer than %d bytes",
                        opt, kind, (int)sizeof ref - 1);
    char *last = strrchr(ref, ':');
    hd_date d;
    if (last && hd_date_parse(last + 1, &d)) {
      hd_snprintf(until, sizeof until, "%s", last + 1);
      *last = '\0';
    } else if (last && !last[1]) {
      *last = '\0';
    } else if (last && strspn(last + 1, "0123456789") == 4 && last[5] == '-') {
      return hd_err_set(err, HD_EUSAGE, "%s '%s': its valid-until '%s' is not a valid date "
                        "YYYY-MM-DD (to keep it in the reference, end the material with ':')",
                        opt, given, last + 1);
    }
  }
  int known = 0;
  for (int i = 0; hd_material_kinds[i] && !known; i++) known = !strcmp(kind, hd_material_kinds[i]);
  if (!known)
    return hd_err_set(err, HD_EUSAGE, "%s '%s': '%s' is not a kind of material the "
                      "register keeps (docs/import.md lists them)", opt, given, kind);
  /* A material whose validity ended before the day it is supplied supplements nothing:
   * the review counts a material only while it is valid (valid until the as-of date or
   * later: checks' hd.material), and it is reviewed on that day or after (6.2.2 b: the
   * review of 全部材料; 6.6 a: 材料的合法性、真实性和完整性). Valid on its last day. */
  if (*until && strcmp(until, date) < 0) {
    char *number = store_text_of(db, "SELECT number FROM cases WHERE id = CAST(?1 AS INTEGER)", ids);
    int rc = hd_err_set(err, HD_EDATA, "case %s: %s '%s': its validity ended on %s, before %s, "
                        "the day it is supplied: an expired material supplements nothing, "
                        "supply one in force (6.2.2 b, 6.6 a)", number ? number : ids, opt,
                        given, until, date);
    free(number);
    return rc;
  }
  char *issuer_id = NULL;
  if (at && !(issuer_id = store_text_of(db, "SELECT id FROM subjects WHERE uscc = ?1 ORDER BY id LIMIT 1",
                              issuer)))
    return hd_err_set(err, HD_EDATA, "%s '%s': its issuer '%s' is not the unified social credit "
                      "code of a subject of the register: name who issued the material by the "
                      "code of a party of the case (KIND@CODE:REFERENCE)", opt, given, issuer);
  const char *w[] = {ids, kind, date, *ref ? ref : NULL, *until ? until : NULL, note, issuer_id};
  int rc = store_exec_texts(db, "INSERT INTO materials(case_id, kind, issued_date, reference, "
                         "valid_until, note, issuer_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                         "CAST(?7 AS INTEGER))", w, 7, err);
  free(issuer_id);
  if (rc) hd_err_prefix(err, "%s '%s'", opt, given);
  return rc;
}

static int add_materials(sqlite3 *db, const char *ids, const char *date,
                         const char *const *materials, int n, hd_err *err) {
  int rc = HD_OK;
  for (int i = 0; rc == HD_OK && i < n; i++) rc = add_material(db, ids, date, "--material", materials[i], NULL, err);
  return rc;
}

static int move(sqlite3 *db, long long id, const char *to, const hd_actor *by,
                const char *const *questions, int n_questions, const char *const *materials,
                int n_materials, hd_err *err) {
  if (n_materials && strcmp(to, "submitted") != 0)
    return hd_err_set(err, HD_EUSAGE, "--material is for the materials supplied with a move to "
                      "'submitted' (补正: rectify -> submitted), not with a move to '%s'", to);
  char *from = store_text(db, "SELECT status FROM cases WHERE id = ?1", id);
  /* More questions for a case held already: asked, and it stays held (no move). */
  int held = from && !strcmp(from, "held"), stay = held && !strcmp(to, "held");
  char *number = store_text(db, "SELECT number FROM cases WHERE id = ?1", id);
  int rc = !stay ? proc_move(db, id, to, "person", by->date, by->actor, by->reason, 0, err)
           : n_questions ? HD_OK
           : hd_err_set(err, HD_EDATA, "case %s is held already: ask on-site questions with "
                        "--question, or move it elsewhere", number ? number : "?");
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", id);
  for (int i = 0; rc == HD_OK && i < n_questions; i++) {
    const char *v[] = {ids, by->date, questions[i]};
    rc = store_exec_texts(db, "INSERT INTO onsite_questions(case_id, asked, question) VALUES (?1, ?2, ?3)",
                   v, 3, err);
  }
  /* 6.6 i: the verification inquires (做出必要的询问); the case leaves it for review or a
   * decision in its favour only with every question answered, those asked with this move
   * too. It may still be refused or withdrawn: its record then says how many went
   * unanswered. */
  if (rc == HD_OK && held && strcmp(to, "held") && strcmp(to, "rejected") && strcmp(to, "withdrawn")) {
    char *open_q = store_text(db, "SELECT group_concat(n, ', ') FROM (SELECT id AS n FROM "
                                  "onsite_questions WHERE case_id = ?1 AND answered IS NULL "
                                  "ORDER BY id)", id);
    if (open_q)
      rc = hd_err_set(err, HD_EDATA, "case %s: on-site question %s %s not answered: record the "
                      "answer first (hdreg case answer), or refuse or withdraw the case (6.6 i)",
                      number ? number : "?", open_q, strchr(open_q, ',') ? "are" : "is");
    free(open_q);
  }
  free(number);
  if (rc == HD_OK) rc = add_materials(db, ids, by->date, materials, n_materials, err);
  /* A verification concluded (the case leaves 'held' with on-site questions asked): its
   * record (6.6); a rejection by a person: the decision not to register. */
  if (rc == HD_OK && held && !stay &&
      store_text_exists(db, "SELECT 1 FROM onsite_questions WHERE case_id = ?1", id))
    rc = proc_queue_letter(db, id, "onsite_record", by->date, 1, 0, NULL, err);
  if (rc == HD_OK && !strcmp(to, "rejected"))
    rc = proc_queue_letter(db, id, "refusal", by->date, 1, 0, by->reason, err);
  free(from);
  return rc;
}

int act_move(sqlite3 *db, long long case_id, const char *to, const hd_actor *by,
             const char *const *questions, int n_questions, const char *const *materials,
             int n_materials, hd_err *err) {
  int rc = by_printable(by, err);
  for (int i = 0; !rc && i < n_questions; i++) rc = act_printable("--question", questions[i], err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, move(db, case_id, to, by, questions, n_questions, materials,
                                   n_materials, err), err);
}

static int answer(sqlite3 *db, long long case_id, const char *number, long long question,
                  const char *text, const hd_actor *by, hd_err *err) {
  sqlite3_stmt *st;
  long long of = 0;
  char *answered = NULL, *asked = NULL;
  if (store_prepare(db, "SELECT case_id, answered, asked FROM onsite_questions WHERE id = ?1", &st,
                    err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, question);
  if (sqlite3_step(st) == SQLITE_ROW) {
    of = sqlite3_column_int64(st, 0);
    answered = store_col_text(st, 1);
    asked = store_col_text(st, 2);
  }
  sqlite3_finalize(st);
  int rc = HD_OK;
  if (of != case_id)
    rc = hd_err_set(err, HD_EDATA, "case %s has no on-site question %lld (hdreg case history "
                    "lists its questions)", number, question);
  else if (answered)
    rc = hd_err_set(err, HD_EDATA, "case %s: on-site question %lld was answered on %s already",
                    number, question, answered);
  else if (asked && strcmp(by->date, asked) < 0)
    rc = hd_err_set(err, HD_EDATA, "case %s: on-site question %lld was asked on %s: its answer "
                    "cannot be dated %s, before it", number, question, asked, by->date);
  else {
    char qs[32];
    snprintf(qs, sizeof qs, "%lld", question);
    const char *v[] = {by->date, text, qs};
    rc = store_exec_texts(db, "UPDATE onsite_questions SET answered = ?1, answer = ?2 WHERE id = "
                       "CAST(?3 AS INTEGER)", v, 3, err);
  }
  free(answered);
  free(asked);
  return rc;
}

int act_answer(sqlite3 *db, long long case_id, const char *number, long long question,
               const char *text, const hd_actor *by, hd_err *err) {
  int rc = by_printable(by, err);
  if (!rc) rc = act_printable("--answer", text, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, answer(db, case_id, number, question, text, by, err), err);
}

/* A new case `number` of `type` on certificate cert_id (its number: certificate), on the
 * same resource with the same rights and the holder of record as applicant, submitted on
 * date; *id its id. */
static int new_case(sqlite3 *db, const char *number, const char *type, const char *date,
                    const char *cert_id, const char *certificate, const char *ground,
                    const char *description, long long *id, hd_err *err) {
  /* A number as hdreg import takes one (digits, letters, - _ / ., at most 64), its own. */
  size_t n = strlen(number);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)number[i];
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
        c == '_' || c == '/' || c == '.')
      continue;
    hd_buf shown;
    hd_buf_init(&shown, 4 * 64 + 1);
    for (size_t j = 0; j < n && j < 64; j++) {
      unsigned char d = (unsigned char)number[j];
      if (d >= 0x20 && d < 0x7f) hd_buf_add(&shown, &number[j], 1);
      else hd_buf_printf(&shown, "\\x%02x", d);
    }
    int rc = hd_err_set(err, HD_EUSAGE, "--number '%s%s': character %zu is not one a case number "
                        "uses (digits, letters, - _ / .)", shown.p ? shown.p : "",
                        n > 64 ? "..." : "", i + 1);
    hd_buf_release(&shown);
    return rc;
  }
  if (n > 64) return hd_err_set(err, HD_EUSAGE, "--number: %zu characters, at most 64", n);
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT reg_type, status FROM cases WHERE number = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
  int rc = HD_OK;
  if (sqlite3_step(st) == SQLITE_ROW)
    rc = hd_err_set(err, HD_EDATA, "case number '%s' is taken (%s, %s): give the new case a "
                    "number of its own", number, (const char *)sqlite3_column_text(st, 0),
                    (const char *)sqlite3_column_text(st, 1));
  sqlite3_finalize(st);
  if (rc) return rc;
  const char *v[] = {number, type, date, cert_id, ground, description};
  rc = store_exec_texts(db,
                     "INSERT INTO cases(number, reg_type, procedure, status, applicant_id, "
                     "resource_id, applied_date, accepted_date, prior_certificate_id, cancel_ground, "
                     "change_description) SELECT ?1, ?2, k.procedure, 'submitted', k.applicant_id, "
                     "k.resource_id, ?3, ?3, c.id, ?5, ?6 FROM certificates c JOIN cases k ON "
                     "k.id = c.case_id WHERE c.id = CAST(?4 AS INTEGER)", v, 6, err);
  if (rc == HD_OK && sqlite3_changes(db) != 1)
    rc = hd_err_set(err, HD_EDATA, "certificate %s has no case to apply from", certificate);
  if (rc) return rc;
  *id = sqlite3_last_insert_rowid(db);
  char ids[32];
  snprintf(ids, sizeof ids, "%lld", *id);
  const char *w[] = {ids, cert_id};
  return store_exec_texts(db, "INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) "
                       "SELECT ?1, right_kind, holder_id, restrictions FROM case_rights WHERE "
                       "case_id = (SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))",
                   w, 2, err);
}

/* A change or cancellation of a certificate, applied for by its holder: a new case on
 * the same resource, with the same rights, referring to the certificate. */
static int apply(sqlite3 *db, const hd_application *a, long long *case_id, hd_err *err) {
  int cancel = strcmp(a->type, "cancel") == 0;
  if (!cancel && strcmp(a->type, "change") != 0)
    return hd_err_set(err, HD_EUSAGE, "--type must be change or cancel, not '%s'", a->type);
  if (cancel && (!a->ground || strlen(a->ground) != 1 || a->ground[0] < 'a' || a->ground[0] > 'f'))
    return hd_err_set(err, HD_EUSAGE, "a cancellation needs --ground, one of a-f (clause 5.1.6)");
  if (cancel && a->renewal)
    return hd_err_set(err, HD_EUSAGE, "--renewal is for a change (6.4: a renewal changes the "
                      "validity the certificate records), not a cancellation");
  const char *description = a->description;
  if (!cancel && !description && a->renewal) description = "证书有效期限续展（5.2.1）";
  if (!cancel && !description)
    return hd_err_set(err, HD_EUSAGE, "a change needs --description (what changes, 6.4 a)");
  char *cert = store_text_of(db, "SELECT id FROM certificates WHERE number = ?1 AND status = 'issued'",
                   a->certificate);
  if (!cert) {
    char *status = store_text_of(db, "SELECT status FROM certificates WHERE number = ?1", a->certificate);
    int rc = hd_err_set(err, HD_EDATA, status ? "certificate %s is %s: only an issued certificate "
                        "can be changed or cancelled" : "certificate %s does not exist%s",
                        a->certificate, status ? status : "");
    free(status);
    return rc;
  }
  long long id = 0;
  char ids[32];
  int rc = new_case(db, a->number, a->type, a->date, cert, a->certificate,
                    cancel ? a->ground : NULL, cancel ? NULL : description, &id, err);
  snprintf(ids, sizeof ids, "%lld", id);
  if (rc == HD_OK && a->renewal) {
    const char *w[] = {ids};
    rc = store_exec_texts(db, "UPDATE cases SET renewal = 1 WHERE id = CAST(?1 AS INTEGER)", w, 1, err);
  }
  if (rc == HD_OK) { /* the registration's evidence on file stays the evidence */
    const char *w[] = {ids, cert};
    rc = store_exec_texts(db, "INSERT INTO materials(case_id, kind, present, issued_date, valid_until, "
                       "reference, note, issuer_id) SELECT ?1, kind, present, issued_date, "
                       "valid_until, reference, note, issuer_id FROM materials WHERE kind <> "
                       "'application' AND case_id = "
                       "(SELECT case_id FROM certificates WHERE id = CAST(?2 AS INTEGER))", w, 2, err);
  }
  if (rc == HD_OK) {
    const char *w[] = {ids, a->date};
    rc = store_exec_texts(db, "INSERT INTO materials(case_id, kind, issued_date) VALUES (?1, "
                       "'application', ?2)", w, 2, err);
  }
  if (rc == HD_OK) rc = add_materials(db, ids, a->date, a->materials, a->n_materials, err);
  if (rc == HD_OK) rc = intake_check(db, id, 0, err);
  if (rc == HD_OK) *case_id = id;
  free(cert);
  return rc;
}

int act_apply(sqlite3 *db, const hd_application *a, long long *case_id, hd_err *err) {
  int rc = act_printable("--description", a->description, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, apply(db, a, case_id, err), err);
}

/* The applications open on certificate cert_id (but case_id, the authority's own cancel
 * case): they wait for it (intake.h, INTAKE_AWAITS_AUTHORITY_CANCEL). 5.1.6 c-e cancel the
 * right itself, but only once the cancellation is carried out (6.5 h: 审核通过的，应对外公示
 * 及注销); until then the authority may still find against it, and an applicant's
 * application is the applicant's to withdraw (6), not the authority's. Their numbers go
 * onto *waiting ("SQ-1 (change), ..."). An open cancellation on the authority's own motion
 * refuses a second one, naming it. */
static int open_on_certificate(sqlite3 *db, long long case_id, const hd_authority_cancel *a,
                               const char *cert_id, hd_buf *waiting, hd_err *err) {
  sqlite3_stmt *st;
  if (store_prepare(db, "SELECT k.number, k.reg_type, k.status, " INTAKE_BY_AUTHORITY("k")
                        " FROM cases k WHERE k.prior_certificate_id = CAST(?1 AS INTEGER) AND "
                        "k.id <> ?2 AND k.status IN " INTAKE_OPEN_STATUSES " ORDER BY k.id", &st, err))
    return HD_EDB;
  sqlite3_bind_text(st, 1, cert_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, case_id);
  int rc = HD_OK, s;
  while (rc == HD_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
    const char *number = (const char *)sqlite3_column_text(st, 0);
    if (sqlite3_column_int(st, 3))
      rc = hd_err_set(err, HD_EDATA, "case %s: certificate %s is being cancelled on the "
                      "authority's own motion already, case %s (%s): that one is decided or "
                      "withdrawn first (5.1.6, 6.5)", a->number, a->certificate, number,
                      (const char *)sqlite3_column_text(st, 2));
    else
      hd_buf_printf(waiting, "%s%s (%s, %s)", waiting->len ? ", " : "", number,
                    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2));
  }
  if (rc == HD_OK && s != SQLITE_DONE) rc = hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return rc;
}

/* A cancellation on the authority's own motion (5.1.6 c-e): a cancel case on the
 * certificate's resource and rights, with the ground and its evidence, no application. */
static int authority_cancel(sqlite3 *db, const hd_authority_cancel *a, long long *case_id,
                            hd_buf *waiting, hd_err *err) {
  if (!a->ground || strlen(a->ground) != 1 || a->ground[0] < 'c' || a->ground[0] > 'e')
    return hd_err_set(err, HD_EUSAGE, "--ground '%s': the authority cancels on its own motion on "
                      "ground c (a court's or arbitration body's effective ruling), d (rectification "
                      "refused) or e (public or national interest) of 5.1.6; grounds a, b and f "
                      "are applied for (hdreg case apply --type cancel)", a->ground ? a->ground : "");
  if (!a->n_evidence)
    return hd_err_set(err, HD_EUSAGE, "a cancellation on the authority's own motion needs its "
                      "evidence: --evidence KIND:REFERENCE (5.1.6 %s)", a->ground);
  int judgment = 0;
  for (int i = 0; i < a->n_evidence; i++) /* the ruling with its reference */
    judgment |= !strncmp(a->evidence[i], "court_judgment:", 15) && a->evidence[i][15] &&
                a->evidence[i][15] != ':';
  if (a->ground[0] == 'c' && !judgment)
    return hd_err_set(err, HD_EUSAGE, "ground c of 5.1.6 is a court's or arbitration body's "
                      "effective ruling: give it as --evidence court_judgment:REFERENCE");
  char *cert = store_text_of(db, "SELECT id FROM certificates WHERE number = ?1", a->certificate);
  if (!cert) return hd_err_set(err, HD_EDATA, "certificate %s does not exist", a->certificate);
  long long id = 0;
  char ids[32];
  int rc = new_case(db, a->number, "cancel", a->by.date, cert, a->certificate, a->ground, NULL,
                    &id, err);
  snprintf(ids, sizeof ids, "%lld", id);
  if (rc == HD_OK) rc = open_on_certificate(db, id, a, cert, waiting, err);
  /* Who moved and why: the authority's decision to open the case, on the chain. */
  char note[1200];
  hd_snprintf(note, sizeof note, "登记机构依职权注销（5.1.6 %s）：%s（%s）", a->ground, a->by.reason,
              a->by.actor);
  for (int i = 0; rc == HD_OK && i < a->n_evidence; i++)
    rc = add_material(db, ids, a->by.date, "--evidence", a->evidence[i], note, err);
  if (rc == HD_OK) rc = intake_check(db, id, 1, err);
  if (rc == HD_OK && a->supervision)
    rc = sup_link_cancellation(db, a->supervision, id, cert, a->ground, &a->by, err);
  if (rc == HD_OK) *case_id = id;
  free(cert);
  return rc;
}

int act_authority_cancel(sqlite3 *db, const hd_authority_cancel *a, long long *case_id,
                         hd_buf *waiting, hd_err *err) {
  int rc = by_printable(&a->by, err);
  if (!rc) rc = store_begin(db, err);
  return rc ? rc : store_end(db, authority_cancel(db, a, case_id, waiting, err), err);
}
