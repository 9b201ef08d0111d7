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

int intake_check(sqlite3 *db, long long case_id, int by_authority, hd_err *err) {
  sqlite3_stmt *st;
  int rc = HD_OK;
  char number[64] = "", type[16] = "", cert[64] = "", cstatus[16] = "", applicant[400] = "",
       applied[16] = "", registered[16] = "", until[16] = "";
  long long prior = 0, applicant_id = 0, holder = 0;
  if (store_prepare(db, "SELECT k.number, k.reg_type, k.prior_certificate_id, c.number, c.status, "
                        "k.applicant_id, s.name, EXISTS (SELECT 1 FROM case_rights r WHERE "
                        "r.case_id = c.case_id AND r.holder_id = k.applicant_id), k.applied_date, "
                        "c.registration_date, c.valid_until FROM cases k "
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
  }
  sqlite3_finalize(st);
  if (!*number) return hd_err_set(err, HD_EDATA, "case %lld does not exist", case_id);
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
                    "certificate (5.1.3-5.1.6; 6.3 a, 6.4 a, 6.5 a)", number, applicant,
                    applicant_id, cert, names.len ? names.p : "none", type_cn(type));
    hd_buf_release(&names);
  }
  /* A cancellation ends every right of the certificate: one holder of some of them
   * (5.1.2: the rights are independent, each with its holders) cannot end the others'. */
  if (rc == HD_OK && !by_authority && !strcmp(type, "cancel")) {
    hd_buf names;
    hd_buf_init(&names, 4096);
    if (store_prepare(db, "SELECT s.name FROM certificates c JOIN case_rights r ON r.case_id = "
                          "c.case_id JOIN subjects s ON s.id = r.holder_id WHERE c.id = ?1 AND "
                          "r.holder_id <> ?2 GROUP BY s.id ORDER BY min(r.id)", &st, err))
      rc = HD_EDB;
    else {
      sqlite3_bind_int64(st, 1, prior);
      sqlite3_bind_int64(st, 2, applicant_id);
      while (sqlite3_step(st) == SQLITE_ROW)
        hd_buf_printf(&names, "%s%s", names.len ? "、" : "", (const char *)sqlite3_column_text(st, 0));
      sqlite3_finalize(st);
    }
    if (rc == HD_OK && names.len)
      rc = hd_err_set(err, HD_EDATA, "case %s: the applicant '%s' (subject %lld) does not hold "
                      "every right of certificate %s (the others' holders: %s): a %s cancels the "
                      "rights of every holder and is applied for by the holder of them all "
                      "(5.1.2, 5.1.6 a)", number, applicant, applicant_id, cert, names.p,
                      type_cn(type));
    hd_buf_release(&names);
  }
  return rc;
}
