/* intake.c: the rules an application meets before it is taken in (intake.h). */
#include "procedure/intake.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/buf.h"

#define NOT_IN_FORCE "only a certificate in force can be licensed, transferred, changed or " \
                     "cancelled (5.1.1, 5.2.1)"

static const char *type_cn(const char *t) {
  return !strcmp(t, "license") ? "许可登记" : !strcmp(t, "transfer") ? "转让登记"
       : !strcmp(t, "change") ? "变更登记" : !strcmp(t, "cancel") ? "注销登记" : t;
}

/* A licence or transfer applied for by one who is not a holder of certificate prior
 * (5.1.4): taken in when its counterparty holds a right of the certificate and the case
 * has its authorisation (a present material of kind authorization issued by the
 * counterparty, or a subject with its credit code — materials.issuer_id, schema 12 — in
 * force on the day of the
 * application). OUT: *cp_holder, whether the counterparty holds one. HD_OK when it does
 * and the authorisation is there (or when it holds none: the caller's rule then names the
 * holders); HD_EDATA naming both when the authorisation is missing, ended, or issued by
 * someone else or by no one the register knows; HD_EDB. */
static int authorised(sqlite3 *db, long long case_id, long long prior, const char *number,
                      const char *applicant, long long applicant_id, const char *cert,
                      const char *applied, const char *type_cn_, int *cp_holder, hd_err *err) {
  sqlite3_stmt *st;
  char cp[400] = "";
  long long cp_id = 0;
  if (store_prepare(db, "SELECT s.id, s.name FROM cases k JOIN subjects s ON s.id = "
                        "k.counterparty_id WHERE k.id = ?1 AND EXISTS (SELECT 1 FROM "
                        "certificates c JOIN case_rights r ON r.case_id = c.case_id WHERE c.id = "
                        "?2 AND r.holder_id = k.counterparty_id)", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_int64(st, 2, prior);
  if (sqlite3_step(st) == SQLITE_ROW) {
    cp_id = sqlite3_column_int64(st, 0);
    hd_snprintf(cp, sizeof cp, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  if (!(*cp_holder = cp_id != 0)) return HD_OK;
  /* The counterparty's authorisation in force on the day of the application, else the
   * latest of its own that ended, else one that someone else (or no one known) issued. */
  if (store_prepare(db, "SELECT m.issuer_id IS ?3 OR s.uscc = (SELECT uscc FROM subjects WHERE id = ?3), m.valid_until IS NULL OR m.valid_until >= ?2, "
                        "coalesce(m.reference, ''), m.valid_until, s.name, s.id FROM materials m "
                        "LEFT JOIN subjects s ON s.id = m.issuer_id WHERE m.case_id = ?1 AND "
                        "m.kind = 'authorization' AND m.present = 1 ORDER BY 1 DESC, 2 DESC, "
                        "m.valid_until DESC, m.id LIMIT 1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_text(st, 2, applied, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, cp_id);
  int found = sqlite3_step(st) == SQLITE_ROW, own = found && sqlite3_column_int(st, 0),
      in_force = found && sqlite3_column_int(st, 1);
  const char *ref = found ? (const char *)sqlite3_column_text(st, 2) : "";
  int rc = HD_OK;
  if (found && !own && sqlite3_column_type(st, 5) == SQLITE_NULL)
    rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) is not a holder of "
                    "certificate %s, and the authorisation it applies with (授权书%s%s) does not "
                    "say who issued it: a %s by the licensee or transferee is taken in with the "
                    "authorisation of its holder '%s' (subject %lld), issued by that holder (the "
                    "material's issuer; 5.1.4: 取得相对方授权; 6.3 a)", number, applicant,
                    applicant_id, cert, *ref ? " " : "", ref, type_cn_, cp, cp_id);
  else if (found && !own)
    rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) is not a holder of "
                    "certificate %s, and the authorisation it applies with (授权书%s%s) was issued "
                    "by '%s' (subject %lld), not by its holder '%s' (subject %lld), its "
                    "counterparty: a %s by the licensee or transferee is taken in with the "
                    "holder's own authorisation (5.1.4: 取得相对方授权; 6.3 a)", number, applicant,
                    applicant_id, cert, *ref ? " " : "", ref,
                    (const char *)sqlite3_column_text(st, 4), sqlite3_column_int64(st, 5), cp,
                    cp_id, type_cn_);
  else if (found && !in_force)
    rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) is not a holder of "
                    "certificate %s, and the authorisation of its holder '%s' (subject %lld) it "
                    "applies with (授权书%s%s) ended on %s, before the application of %s: a %s by "
                    "the licensee or transferee is taken in with the holder's authorisation "
                    "(5.1.3, 5.1.4; 6.3 a)", number, applicant, applicant_id, cert, cp, cp_id,
                    *ref ? " " : "", ref, (const char *)sqlite3_column_text(st, 3), applied,
                    type_cn_);
  else if (!found)
    rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) is not a holder of "
                    "certificate %s, and has no authorisation of its holder '%s' (subject %lld), "
                    "its counterparty: a %s by the licensee or transferee is taken in with the "
                    "holder's authorisation, a material of kind authorization (5.1.3, 5.1.4: "
                    "交易双方应共同或者取得相对方授权; 6.3 a)", number, applicant, applicant_id,
                    cert, cp, cp_id, type_cn_);
  sqlite3_finalize(st);
  return rc;
}

int intake_check(sqlite3 *db, long long case_id, int by_authority, hd_err *err) {
  sqlite3_stmt *st;
  int rc = HD_OK;
  char number[64] = "", type[16] = "", cert[64] = "", cstatus[16] = "", applicant[400] = "",
       applied[16] = "", registered[16] = "", until[16] = "";
  long long prior = 0, applicant_id = 0, holder = 0;
  int renewal = 0;
  if (store_prepare(db, "SELECT k.number, k.reg_type, k.prior_certificate_id, c.number, c.status, "
                        "k.applicant_id, s.name, EXISTS (SELECT 1 FROM case_rights r WHERE "
                        "r.case_id = c.case_id AND r.holder_id = k.applicant_id), k.applied_date, "
                        "c.registration_date, c.valid_until, coalesce(k.renewal, 0) FROM cases k "
                        "JOIN subjects s ON s.id = k.applicant_id LEFT JOIN certificates c ON "
                        "c.id = k.prior_certificate_id WHERE k.id = ?1", &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, case_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    hd_snprintf(number, sizeof number, "%s", (const char *)sqlite3_column_text(st, 0));
    hd_snprintf(type, sizeof type, "%s", (const char *)sqlite3_column_text(st, 1));
    prior = sqlite3_column_int64(st, 2);
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
      hd_snprintf(cert, sizeof cert, "%s", (const char *)sqlite3_column_text(st, 3));
      hd_snprintf(cstatus, sizeof cstatus, "%s", (const char *)sqlite3_column_text(st, 4));
    }
    applicant_id = sqlite3_column_int64(st, 5);
    hd_snprintf(applicant, sizeof applicant, "%s", (const char *)sqlite3_column_text(st, 6));
    holder = sqlite3_column_int64(st, 7);
    const char *const t[] = {(const char *)sqlite3_column_text(st, 8),
                             (const char *)sqlite3_column_text(st, 9),
                             (const char *)sqlite3_column_text(st, 10)};
    char *const o[] = {applied, registered, until};
    for (int i = 0; i < 3; i++) hd_snprintf(o[i], sizeof applied, "%s", t[i] ? t[i] : "");
    renewal = sqlite3_column_int(st, 11) == 1;
  }
  sqlite3_finalize(st);
  if (!*number) return hd_err_set(err, HD_EDATA, "case %lld does not exist", case_id);
  if (renewal && strcmp(type, "change"))
    return hd_err_set(err, HD_EDATA, "case %s: a renewal (续展) is a change registration of the "
                      "certificate's validity (5.1.5, 6.4), not a %s (%s)", number, type_cn(type),
                      type);
  if (!strcmp(type, "first")) return HD_OK;
  if (!prior || !*cert)
    return hd_err_set(err, HD_EDATA, "case %s: a %s (%s) needs the certificate it concerns, and "
                      "there is none: no other registration without a first registration "
                      "(5.1.1)", number, type_cn(type), type);
  if (strcmp(cstatus, "issued"))
    return hd_err_set(err, HD_EDATA, "case %s: certificate %s is %s: only a certificate in force "
                      "can be licensed, transferred, changed or cancelled (5.1.1)", number, cert,
                      cstatus);
  /* In force on the day of the application: registered by then, not yet expired
   * (5.2.1 有效期限; dates are YYYY-MM-DD, so they compare as text). */
  if (*applied && *until && strcmp(applied, until) > 0)
    return hd_err_set(err, HD_EDATA, "case %s: certificate %s was valid until %s, before the "
                      "application of %s: " NOT_IN_FORCE, number, cert, until, applied);
  if (*applied && *registered && strcmp(applied, registered) < 0)
    return hd_err_set(err, HD_EDATA, "case %s: certificate %s was registered on %s, after the "
                      "application of %s: " NOT_IN_FORCE, number, cert, registered, applied);
  /* The authority's own cancellation is not blocked: what is open waits for it (intake.h);
   * its caller refuses a second one. */
  if (by_authority) return HD_OK;
  if (store_prepare(db, "SELECT number, reg_type, status FROM cases WHERE prior_certificate_id = "
                        "?1 AND id <> ?2 AND status IN " INTAKE_OPEN_STATUSES " ORDER BY id LIMIT 1",
                    &st, err))
    return HD_EDB;
  sqlite3_bind_int64(st, 1, prior);
  sqlite3_bind_int64(st, 2, case_id);
  if (sqlite3_step(st) == SQLITE_ROW)
    rc = hd_err_set(err, HD_EDATA, "case %s: certificate %s already has an open application, "
                    "case %s (%s, %s): one application per certificate at a time; the next is "
                    "taken once that one is decided or withdrawn (6.3 a, 6.4 a, 6.5 a)", number,
                    cert, (const char *)sqlite3_column_text(st, 0),
                    (const char *)sqlite3_column_text(st, 1),
                    (const char *)sqlite3_column_text(st, 2));
  sqlite3_finalize(st);
  if (rc) return rc;
  /* 5.1.4: a licence or transfer is registered by both parties jointly or by one with the
   * other's authorisation (交易双方应共同或者取得相对方授权的情况下办理): the licensee or
   * transferee applies with the authorisation of its counterparty, the holder. */
  int licence = !strcmp(type, "license") || !strcmp(type, "transfer");
  if (!holder && !by_authority && licence) {
    int cp_holder = 0;
    rc = authorised(db, case_id, prior, number, applicant, applicant_id, cert, applied,
                    type_cn(type), &cp_holder, err);
    if (rc || cp_holder) return rc;
  }
  if (!holder && !by_authority) {
    hd_buf names;
    hd_buf_init(&names, 4096);
    if (store_prepare(db, "SELECT s.name FROM certificates c JOIN case_rights r ON r.case_id = "
                          "c.case_id JOIN subjects s ON s.id = r.holder_id WHERE c.id = ?1 "
                          "GROUP BY s.id ORDER BY min(r.id)", &st, err) == HD_OK) {
      sqlite3_bind_int64(st, 1, prior);
      while (sqlite3_step(st) == SQLITE_ROW)
        hd_buf_printf(&names, "%s%s", names.len ? "、" : "", (const char *)sqlite3_column_text(st, 0));
      sqlite3_finalize(st);
    }
    rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) is not a holder of "
                    "certificate %s (its holders: %s): a %s is applied for by a holder of the "
                    "certificate%s (5.1.3-5.1.6; 6.3 a, 6.4 a, 6.5 a)", number, applicant,
                    applicant_id, cert, names.len ? names.p : "none", type_cn(type),
                    licence ? ", or by the licensee or transferee with the authorisation of the "
                    "holder named as its counterparty" : "");
    hd_buf_release(&names);
  }
  /* A cancellation by one holder of some of the certificate's rights is taken in: it
   * ends the others' rights too (5.1.2: each right has its holders), so the check
   * 5.1.6-holder-consent asks for their written consent (补正) before it can be approved. */
  return rc;
}
