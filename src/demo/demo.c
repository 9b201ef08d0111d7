/* demo.c: demo and synthetic databases (demo.h). */
#include "demo/demo.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checks/uscc.h"
#include "model/certfields.h"
#include "procedure/certnum.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/embed.h"

/* splitmix64: small, fast, and the same sequence on every platform. */
typedef struct rng { uint64_t s; } rng;
static uint64_t next(rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
static long pick(rng *r, long n) { return (long)(next(r) % (uint64_t)n); }

/* A valid code: authority/category, region, organisation code with its check, check. */
static void make_uscc(rng *r, const char *prefix, const char *region, char out[19]) {
  static const char ORG[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int W[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  memcpy(out, prefix, 2);
  memcpy(out + 2, region, 6);
  int sum = 0;
  for (int i = 0; i < 8; i++) {
    char c = ORG[pick(r, 31)];
    out[8 + i] = c;
    sum += ((c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10) * W[i];
  }
  int c = 11 - sum % 11;
  out[16] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
  out[17] = hd_uscc_check_char(out);
  out[18] = '\0';
}

static const char *const CITIES[] = {"广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江",
                                     "肇庆", "江门", "茂名", "惠州", "梅州", "汕尾", "河源",
                                     "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮"};
static const char *const REGIONS[] = {"440100", "440300", "440400", "440500", "440600",
                                      "440200", "440800", "441200", "440700", "440900",
                                      "441300", "441400", "441500", "441600", "441700",
                                      "441800", "441900", "442000", "445100", "445200",
                                      "445300"};
static const char *const TOPICS[] = {"糖尿病", "高血压", "冠心病", "慢性肾病", "肺癌",
                                     "脑卒中", "乳腺癌", "妊娠期保健", "儿童哮喘", "慢阻肺",
                                     "肝癌", "结直肠癌", "骨质疏松", "抑郁症", "新生儿筛查"};
static const char *const SOURCES[] = {"电子病历系统", "实验室信息系统", "影像归档与通信系统",
                                      "随访管理平台", "体检管理系统", "医保结算系统"};
static const char *const CLASSES[] = {"personal_attribute", "health_status",
                                      "medical_application", "medical_payment",
                                      "health_resource", "public_health"};
static const char *const TYPES[] = {"first", "first", "first", "license", "transfer",
                                    "change", "cancel"};
static const char *const STATUSES[] = {"submitted", "submitted", "committee_review",
                                       "rectify", "notice", "notice", "notice", "held",
                                       "approved", "certified", "rejected", "cancelled",
                                       "withdrawn"};
static const char *const RIGHTS[] = {"holding", "use", "operation"};
static const char *const LIMITS[] = {"", "仅限科研用途，不得对外提供", "须经伦理委员会审批后方可使用",
                                     "不得用于商业营销", "仅限院内及医联体共享"};

#define CHECK_SQL(x)                                                   \
  do {                                                                 \
    int s_ = (x);                                                      \
    if (s_ != SQLITE_OK && s_ != SQLITE_DONE && s_ != SQLITE_ROW) goto dberr; \
  } while (0)

static int synthetic(sqlite3 *db, long n, unsigned long long seed, hd_err *err) {
  rng r = {seed ^ 0x68647265674E4554ULL};
  sqlite3_stmt *sub = NULL, *res = NULL, *cas = NULL, *rig = NULL, *mat = NULL, *cert = NULL,
               *cf = NULL, *obj = NULL;
  int rc = HD_OK;
  long n_subjects = n / 4 + 3;
  if (store_exec(db, "BEGIN; PRAGMA defer_foreign_keys = ON;", err)) return HD_EDB;
  /* The holiday calendar of the demo data (2025, 2026), for notice periods. */
  const char *holidays = strstr((const char *)hd_embed_demo_sql, "-- Statutory holidays");
  if (holidays && store_exec(db, holidays, err)) {
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return HD_EDB;
  }
  if (store_prepare(db, "INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, "
                        "contact_name, contact_phone, contact_email, id_doc_valid_until, "
                        "capability_evidence) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)", &sub, err) ||
      store_prepare(db, "INSERT INTO resources(id, owner_id, name, data_class, grade, source, "
                        "purpose, scale_records, scale_bytes, field_samples, personal_info, "
                        "sensitive, anonymised, deidentified, public_product) VALUES "
                        "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)", &res, err) ||
      store_prepare(db, "INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, "
                        "resource_id, applied_date, accepted_date, notice_start, notice_end, "
                        "decided_date, prior_certificate_id, cancel_ground) VALUES "
                        "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)", &cas, err) ||
      store_prepare(db, "INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) "
                        "VALUES (?1,?2,?3,?4)", &rig, err) ||
      store_prepare(db, "INSERT INTO materials(case_id, kind, present, valid_until) VALUES "
                        "(?1,?2,1,?3)", &mat, err) ||
      store_prepare(db, "INSERT INTO certificates(id, number, case_id, status, registration_date, "
                        "valid_until) VALUES (?1,?2,?3,'issued',?4,?5)", &cert, err) ||
      store_prepare(db, "INSERT INTO certificate_fields(certificate_id, position, label, value) "
                        "VALUES (?1,?2,?3,?4)", &cf, err) ||
      store_prepare(db, "INSERT INTO objections(case_id, filed_date, objector, grounds, status) "
                        "VALUES (?1,?2,?3,?4,'open')", &obj, err)) {
    rc = HD_EDB;
    goto cleanup;
  }
  char buf[512], code[19], date[11], d2[11], d3[11];
  for (long i = 1; i <= n_subjects; i++) {
    long city = pick(&r, 21);
    int hospital = pick(&r, 3) == 0;
    if (hospital)
      hd_snprintf(buf, sizeof buf, "%s市第%ld人民医院", CITIES[city], i);
    else
      hd_snprintf(buf, sizeof buf, "%s健康数据科技%ld号有限公司", CITIES[city], i);
    make_uscc(&r, hospital ? "12" : "91", REGIONS[city], code);
    sqlite3_reset(sub);
    sqlite3_bind_int64(sub, 1, i);
    sqlite3_bind_text(sub, 2, buf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(sub, 3, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(sub, 4, hospital ? "public_hospital" : "company", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 5, "张三", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 6, CITIES[city], -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 7, "李四", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 8, "020-80000000", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 9, "data@example.cn", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 10, "2030-12-31", -1, SQLITE_STATIC);
    sqlite3_bind_text(sub, 11, "数据管理团队12人，通过DCMM三级评估", -1, SQLITE_STATIC);
    CHECK_SQL(sqlite3_step(sub));
  }
  hd_date base = {2025, 1, 6};
  long long cert_serial = 0, next_prior = 1;
  for (long i = 1; i <= n; i++) {
    long owner = 1 + pick(&r, n_subjects);
    long topic = pick(&r, 15);
    const char *type = TYPES[i % 7];
    /* Each license, transfer, change or cancellation refers to a certificate of its own
     * (two changes of one certificate, or a cancellation of a superseded one, would be
     * cases a person has to sort out); with none left, a first registration. */
    long long prior = 0;
    if (strcmp(type, "first") != 0) {
      if (next_prior <= cert_serial) prior = next_prior++;
      else type = "first";
    }
    const char *status = STATUSES[(i / 7) % 13];
    int ordinary = (i % 5) == 0;
    /* Only statuses the case's flow has (table transitions): the committee reviews in the
     * ordinary procedure only; a cancellation ends 'cancelled', anything else never does. */
    int cancel = !strcmp(type, "cancel");
    if (cancel && !strcmp(status, "certified")) status = "cancelled";
    else if (!cancel && !strcmp(status, "cancelled")) status = "withdrawn";
    if (!strcmp(status, "committee_review")) {
      if (cancel) status = "submitted";
      else ordinary = 1;
    }
    sqlite3_reset(res);
    sqlite3_bind_int64(res, 1, i);
    sqlite3_bind_int64(res, 2, owner);
    hd_snprintf(buf, sizeof buf, "%s诊疗数据集（2020—2025年）第%ld号", TOPICS[topic], i);
    sqlite3_bind_text(res, 3, buf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(res, 4, CLASSES[pick(&r, 6)], -1, SQLITE_STATIC);
    sqlite3_bind_int(res, 5, 1 + (int)pick(&r, 5));
    hd_snprintf(buf, sizeof buf, "%s、%s", SOURCES[pick(&r, 6)], SOURCES[pick(&r, 6)]);
    sqlite3_bind_text(res, 6, buf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(res, 7, "临床科研", -1, SQLITE_STATIC);
    sqlite3_bind_int64(res, 8, 1000 + pick(&r, 50000000));
    sqlite3_bind_int64(res, 9, (long long)(1 + pick(&r, 900)) * 1024 * 1024 * 1024 / 10);
    sqlite3_bind_text(res, 10, "患者ID（假名化）、性别、年龄段、诊断编码", -1, SQLITE_STATIC);
    sqlite3_bind_int(res, 11, 1);
    sqlite3_bind_int(res, 12, 1);
    sqlite3_bind_int(res, 13, (int)pick(&r, 2));
    sqlite3_bind_int(res, 14, 1);
    sqlite3_bind_int(res, 15, ordinary);
    CHECK_SQL(sqlite3_step(res));

    hd_date applied = hd_date_from_days(hd_date_to_days(base) + pick(&r, 420));
    hd_date notice_start = hd_date_from_days(hd_date_to_days(applied) + 20);
    hd_date notice_end = hd_date_from_days(hd_date_to_days(notice_start) + 14);
    hd_date_iso(applied, date);
    hd_date_iso(notice_start, d2);
    hd_date_iso(notice_end, d3);
    int has_notice = !strcmp(status, "notice") || !strcmp(status, "held") ||
                     !strcmp(status, "approved") || !strcmp(status, "certified") ||
                     !strcmp(status, "cancelled");
    sqlite3_reset(cas);
    sqlite3_bind_int64(cas, 1, i);
    hd_snprintf(buf, sizeof buf, "SQ%04d%07ld", applied.y, i);
    sqlite3_bind_text(cas, 2, buf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(cas, 3, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(cas, 4, ordinary ? "ordinary" : "simplified", -1, SQLITE_STATIC);
    sqlite3_bind_text(cas, 5, status, -1, SQLITE_STATIC);
    sqlite3_bind_int64(cas, 6, owner);
    sqlite3_bind_int64(cas, 7, i);
    sqlite3_bind_text(cas, 8, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(cas, 9, date, -1, SQLITE_TRANSIENT);
    if (has_notice) {
      sqlite3_bind_text(cas, 10, d2, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(cas, 11, d3, -1, SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(cas, 10);
      sqlite3_bind_null(cas, 11);
    }
    if (!strcmp(status, "approved")) sqlite3_bind_text(cas, 12, d3, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(cas, 12);
    if (prior) sqlite3_bind_int64(cas, 13, prior);
    else sqlite3_bind_null(cas, 13);
    if (!strcmp(type, "cancel")) {
      char g[2] = {(char)('a' + pick(&r, 6)), 0};
      sqlite3_bind_text(cas, 14, g, -1, SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(cas, 14);
    }
    CHECK_SQL(sqlite3_step(cas));

    int nr = 1 + (int)pick(&r, 3);
    long second = 1 + pick(&r, n_subjects);
    for (int k = 0; k < nr; k++) {
      sqlite3_reset(rig);
      sqlite3_bind_int64(rig, 1, i);
      sqlite3_bind_text(rig, 2, RIGHTS[k], -1, SQLITE_STATIC);
      sqlite3_bind_int64(rig, 3, (k == 2 && pick(&r, 4) == 0) ? second : owner);
      sqlite3_bind_text(rig, 4, LIMITS[pick(&r, 5)], -1, SQLITE_STATIC);
      CHECK_SQL(sqlite3_step(rig));
    }
    static const char *const MATS[] = {"application", "resource_description",
                                       "third_party_assessment", "business_license"};
    for (int k = 0; k < 4; k++) {
      if (pick(&r, 20) == 0) continue; /* some cases lack a material */
      sqlite3_reset(mat);
      sqlite3_bind_int64(mat, 1, i);
      sqlite3_bind_text(mat, 2, MATS[k], -1, SQLITE_STATIC);
      if (k == 3) sqlite3_bind_text(mat, 3, "2030-12-31", -1, SQLITE_STATIC);
      else sqlite3_bind_null(mat, 3);
      CHECK_SQL(sqlite3_step(mat));
    }
    if (!strcmp(status, "held")) {
      sqlite3_reset(obj);
      sqlite3_bind_int64(obj, 1, i);
      sqlite3_bind_text(obj, 2, d2, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(obj, 3, "某患者权益组织", -1, SQLITE_STATIC);
      sqlite3_bind_text(obj, 4, "数据来源授权不完整", -1, SQLITE_STATIC);
      CHECK_SQL(sqlite3_step(obj));
    }
    if (!strcmp(status, "certified")) {
      /* An earlier certificate with its frozen fields, for later license/transfer/change
       * and cancellation cases to refer to. */
      hd_date reg = hd_date_from_days(hd_date_to_days(notice_end) + 1);
      char num[64], iso[11], until[11];
      cert_serial++;
      if (certnum_format("{year}{month}{region}{serial:7}{check}", reg, "4400", cert_serial,
                         num, sizeof num, err))
        goto cleanup_err;
      hd_date_iso(reg, iso);
      hd_date_iso(hd_date_period_end_years(reg, 3), until);
      sqlite3_reset(cert);
      sqlite3_bind_int64(cert, 1, cert_serial);
      sqlite3_bind_text(cert, 2, num, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(cert, 3, i);
      sqlite3_bind_text(cert, 4, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(cert, 5, until, -1, SQLITE_TRANSIENT);
      CHECK_SQL(sqlite3_step(cert));
      for (int k = 0; k < HD_CERT_FIELDS; k++) {
        sqlite3_reset(cf);
        sqlite3_bind_int64(cf, 1, cert_serial);
        sqlite3_bind_int(cf, 2, k + 1);
        sqlite3_bind_text(cf, 3, HD_CERT_FIELD[k].label, -1, SQLITE_STATIC);
        sqlite3_bind_text(cf, 4, k == 0 ? num : "（合成数据）", -1, SQLITE_TRANSIENT);
        CHECK_SQL(sqlite3_step(cf));
      }

    }
  }
  hd_snprintf(buf, sizeof buf, "UPDATE counters SET value = %lld WHERE name = 'certificate_serial'",
              cert_serial);
  if (store_exec(db, buf, err)) goto cleanup_err;
  if (store_commit(db, err)) goto cleanup_err;
  goto cleanup;
dberr:
  hd_err_set(err, HD_EDB, "database error: %s", sqlite3_errmsg(db));
cleanup_err:
  rc = err->code ? err->code : HD_EDB;
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
cleanup:
  sqlite3_finalize(sub);
  sqlite3_finalize(res);
  sqlite3_finalize(cas);
  sqlite3_finalize(rig);
  sqlite3_finalize(mat);
  sqlite3_finalize(cert);
  sqlite3_finalize(cf);
  sqlite3_finalize(obj);
  return rc;
}

int demo_create(const char *path, long n, unsigned long long seed, hd_err *err) {
  struct stat st;
  sqlite3 *db = NULL;
  if (stat(path, &st) == 0)
    return hd_err_set(err, HD_EUSAGE, "'%s' already exists; remove it first", path);
  if (n < 0 || n > 10000000)
    return hd_err_set(err, HD_EUSAGE, "--synthetic must be between 1 and 10000000");
  int rc = store_open(path, HD_STORE_CREATE, &db, err);
  if (rc) return rc;
  if (n == 0) {
    /* Cases and certificates refer to each other: check foreign keys at COMMIT. */
    rc = store_exec(db, "BEGIN; PRAGMA defer_foreign_keys = ON;", err);
    if (!rc) rc = store_exec(db, (const char *)hd_embed_demo_sql, err);
    if (!rc) rc = store_commit(db, err);
    if (rc) hd_err_prefix(err, "demo data");
  } else {
    rc = synthetic(db, n, seed, err);
  }
  store_close(db);
  if (rc) {
    unlink(path); /* no half-made database behind */
    char side[4200];
    hd_snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    hd_snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
  }
  return rc;
}
