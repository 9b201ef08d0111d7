/* test_certfields.c: the one certificate-field table (model/certfields.h) and the record
 * of a version built from it (model/certrecord.h): version 1 is the eleven 5.2.1 fields in
 * the guideline's order, its record the exact bytes an independent json.dumps gives, its
 * QR payload prefixed HDREG1; frozen rows are recognised by their labels, and rows that
 * are no version's are not. */
#include "check.h"
#include "model/certfields.h"
#include "model/certrecord.h"

int main(void) {
  /* 5.2.1: eleven fields, in the guideline's order. */
  CHECK_INT(HD_CERT_FIELDS, 11);
  CHECK_INT(certfields_count(1), 11);
  CHECK_INT(certfields_count(0), 0);
  CHECK_INT(certfields_count(HD_CERT_RECORD_VERSION + 1), 0);
  CHECK_STR(HD_CERT_FIELD[HD_CF_NUMBER].label, "证书编号");
  CHECK_STR(HD_CERT_FIELD[HD_CF_VALIDITY].label, "有效期限");
  CHECK_STR(HD_CERT_FIELD[HD_CF_HOLDER].key, "cert.holder");
  CHECK_STR(HD_CERT_FIELD[HD_CF_HOLDER].prior_key, "prior_cert.holder");
  CHECK_INT(certfields_find("数据规模"), HD_CF_SCALE);
  CHECK_INT(certfields_find("原证书编号"), -1);

  /* Frozen rows by their labels: the eleven of 5.2.1 are version 1; ten, or one label
   * other than the table's, are no version. */
  const char *labels[HD_CERT_FIELDS];
  for (int i = 0; i < HD_CERT_FIELDS; i++) labels[i] = HD_CERT_FIELD[i].label;
  CHECK_INT(certfields_version_of(labels, 11), 1);
  CHECK_INT(certfields_version_of(labels, 10), 0);
  labels[HD_CF_SCALE] = "数据量";
  CHECK_INT(certfields_version_of(labels, 11), 0);

  /* The record of version 1, byte for byte as python3 json.dumps(ensure_ascii=False,
   * separators=(",", ":")) writes it, and its QR payload. */
  const char *values[HD_CERT_FIELDS] = {"20260344000000006X", "𠮷祥健康管理（深圳）有限公司",
                                        "91440300MA5H2Q7T5B", "数据资源持有权", "无", "体检数据集",
                                        "体检中心信息系统", "1,000条记录", "登记中心",
                                        "2026年3月16日", "2026年3月16日至2029年3月16日"};
  hd_buf b;
  hd_buf_init(&b, 1 << 16);
  hd_err err;
  hd_err_clear(&err);
  CHECK_INT(certrecord_json(1, values, &b, &err), HD_OK);
  CHECK_STR(b.p, "{\"证书编号\":\"20260344000000006X\",\"数据产权权利人\":\"𠮷祥健康管理（深圳）有限公司\","
                 "\"统一社会信用代码\":\"91440300MA5H2Q7T5B\",\"权利类别\":\"数据资源持有权\",\"权利限制\":\"无\","
                 "\"数据产权名称\":\"体检数据集\",\"数据来源\":\"体检中心信息系统\",\"数据规模\":\"1,000条记录\","
                 "\"登记机构名称\":\"登记中心\",\"登记日期\":\"2026年3月16日\","
                 "\"有效期限\":\"2026年3月16日至2029年3月16日\"}");
  hd_buf_release(&b);
  hd_certrecord rec;
  CHECK_INT(certrecord_make(1, values, &rec, &err), HD_OK);
  CHECK_STR(rec.qr, "HDREG1:20260344000000006X:"
                    "CC0349155CC22BD6ACD1C88A96A386D92A2DEF349CABFB64A91B89229C298B6F");
  /* A version hdreg does not know is refused, by number. */
  CHECK_INT(certrecord_make(2, values, &rec, &err), HD_EDATA);
  CHECK_STR(err.msg, "certificate record version 2 is not one hdreg knows");
  return check_done();
}
