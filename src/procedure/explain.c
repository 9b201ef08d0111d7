/* explain.c: findings in plain Chinese from their evidence (explain.h). */
#include "procedure/explain.h"

#include <json-c/json.h>
#include <string.h>

#include "util/date.h"

static const char *const MATERIAL[][2] = {
    {"application", "健康医疗数据产权登记申请书"},
    {"resource_description", "数据资源基本情况说明"},
    {"third_party_assessment", "第三方服务机构出具的实质性评估材料"},
    {"business_license", "营业执照等主体证明材料"},
    {"authorization", "授权书"},
    {"contract", "交易合同"},
    {"consideration_proof", "交易对价支持文书或证明材料"},
    {"change_proof", "变更内容证明材料"},
    {"truth_commitment", "真实性承诺材料"},
    {"cancellation_statement", "注销说明"},
    {"court_judgment", "生效法律文书"},
    {"anonymisation_assessment", "匿名化处理评估报告"},
    {"deidentification_report", "去标识化处理报告"},
    {"privacy_policy", "个人信息保护政策"},
    {"separate_consent", "敏感个人信息单独同意材料"},
    {"pia_report", "个人信息保护影响评估报告"},
    {"ethics_approval", "伦理审查批件"},
    {"ethics_committee_filing", "伦理审查委员会备案材料"},
    {"hgr_approval", "人类遗传资源主管部门审批或备案材料"},
    {"security_assessment", "数据出境安全评估结果"},
    {"standard_contract_filing", "个人信息出境标准合同备案材料"},
    {"pi_certification", "个人信息保护认证证书"},
    {"risk_assessment", "重要数据风险评估报告"},
    {"security_officer_appointment", "数据安全负责人任命文件"},
    {"capability_evidence", "专业能力证明材料"},
    {"other", "其他材料"},
};

/* Fields of the case a check's evidence names, as the applicant knows them. A field
 * whose evidence says less than the check's message (a credit code's check character, a
 * yes/no fact, a count of persons against a threshold) is left out: its finding is told
 * in the check's own words. */
static const char *const FIELD[][2] = {
    {"applicant.records", "信用、行政处罚及刑事责任记录"},
    {"applicant.capability_evidence", "专业能力证明材料"},
    {"applicant.id_doc_valid_until", "主体资格证明（营业执照或法人登记证书）的有效期"},
    {"resource.genetic_scope", "人类遗传资源的范围及应用场景说明"},
    {"resource.security_officer", "数据安全负责人及管理机构"},
    {"resource.state_secret", "数据涉及国家秘密或国家与公共安全"},
    {"resource.tongfang", "数据涉及统方信息"},
    {"resource.data_class", "数据类别"},
    {"resource.grade", "数据分级"},
    {"resource.name", "数据产权名称"},
    {"resource.scale_records", "数据规模（记录数）"},
    {"resource.source", "数据来源"},
    {"procedure", "适用程序"},
    {"resource.purpose", "数据用途"},
    {"resource.field_samples", "数据字段示例"},
    {"prior_certificate", "关联的首次登记证书"},
    {"prior.status", "原登记证书的状态"},
    {"prior.valid_until", "原登记证书的有效期"},
    {"rights", "登记的权利"},
    {"rights.holder.uscc", "权利人的统一社会信用代码"},
    {"cancel_ground", "注销事由"},
    {"counterparty", "交易相对方"},
    {"consideration", "交易对价"},
    {"change_description", "变更内容说明"},
};

/* Values of the register's enumerations as a reader knows them. */
static const char *const VALUE[][2] = {
    {"simplified", "简易程序"}, {"ordinary", "普通程序"}, {"issued", "有效"},
    {"superseded", "已被替换"}, {"cancelled", "已注销"},   {"pending", "待发放"},
};

const char *explain_material(const char *kind) {
  for (size_t i = 0; kind && i < sizeof MATERIAL / sizeof *MATERIAL; i++)
    if (!strcmp(MATERIAL[i][0], kind)) return MATERIAL[i][1];
  return NULL;
}

static const char *field_label(const char *field) {
  for (size_t i = 0; i < sizeof FIELD / sizeof *FIELD; i++)
    if (!strcmp(FIELD[i][0], field)) return FIELD[i][1];
  if (!strncmp(field, "rights.", 7) && strstr(field, ".holder.")) return "权利人";
  return NULL;
}

static int is_iso_at(const char *s) {
  for (int i = 0; i < 10; i++) {
    char c = s[i];
    if (i == 4 || i == 7 ? c != '-' : (c < '0' || c > '9')) return 0;
  }
  return 1;
}

int explain_dates(const char *s, hd_buf *out) {
  int rc = HD_OK;
  while (rc == HD_OK && s && *s) {
    hd_date d;
    char iso[11], cn[32];
    if (strlen(s) >= 10 && is_iso_at(s) && (s[10] < '0' || s[10] > '9')) {
      memcpy(iso, s, 10);
      iso[10] = '\0';
      if (hd_date_parse(iso, &d)) {
        hd_date_cn(d, cn);
        rc = hd_buf_adds(out, cn);
        s += 10;
        continue;
      }
    }
    rc = hd_buf_add(out, s, 1);
    s++;
  }
  return rc;
}

/* A value of the evidence as text a reader understands (dates in Chinese). */
static int add_value(hd_buf *b, json_object *v) {
  if (json_object_is_type(v, json_type_boolean)) return hd_buf_adds(b, json_object_get_boolean(v) ? "是" : "否");
  const char *s = json_object_get_string(v);
  for (size_t i = 0; s && i < sizeof VALUE / sizeof *VALUE; i++)
    if (!strcmp(VALUE[i][0], s)) return hd_buf_adds(b, VALUE[i][1]);
  return explain_dates(s ? s : "", b);
}

/* 《A》或《B》 for "materials.a|b". */
static int material_names(hd_buf *b, const char *kinds, size_t n) {
  int rc = HD_OK;
  for (size_t i = 0; rc == HD_OK && i < n;) {
    size_t j = i;
    while (j < n && kinds[j] != '|') j++;
    char kind[64];
    hd_snprintf(kind, sizeof kind, "%.*s", (int)(j - i), kinds + i);
    const char *name = explain_material(kind);
    if (i) rc = hd_buf_adds(b, "或");
    if (rc == HD_OK) rc = hd_buf_printf(b, "《%s》", name ? name : kind);
    i = j + (j < n);
  }
  return rc;
}

/* ">= 2026-03-16" -> the date, or NULL. */
static const char *not_before(const char *wanted) {
  return wanted && !strncmp(wanted, ">= ", 3) && strlen(wanted) == 13 && is_iso_at(wanted + 3)
             ? wanted + 3 : NULL;
}

/* item()'s answer for evidence of a field FIELD does not name (never an hd_status) */
enum { UNKNOWN_FIELD = -1 };

/* One evidence item into f (found) and t (todo); UNKNOWN_FIELD: nothing written. */
static int item(json_object *e, hd_buf *f, hd_buf *t) {
  json_object *jf = NULL, *jfound = NULL, *jwanted = NULL;
  json_object_object_get_ex(e, "field", &jf);
  json_object_object_get_ex(e, "found", &jfound);
  json_object_object_get_ex(e, "wanted", &jwanted);
  const char *field = json_object_get_string(jf);
  const char *found = jfound && !json_object_is_type(jfound, json_type_boolean)
                          ? json_object_get_string(jfound) : NULL;
  const char *wanted = jwanted && json_object_is_type(jwanted, json_type_string)
                           ? json_object_get_string(jwanted) : NULL;
  const char *nb = not_before(wanted);
  int rc = HD_OK;
  if (!field) return HD_OK;
  if (!strncmp(field, "materials.", 10)) {
    const char *kinds = field + 10, *dot = strchr(kinds, '.');
    size_t n = dot ? (size_t)(dot - kinds) : strlen(kinds);
    hd_buf name;
    hd_buf_init(&name, 0);
    rc = material_names(&name, kinds, n);
    const char *nm = name.p ? name.p : "";
    if (rc == HD_OK && dot && !strcmp(dot, ".issued_date")) {
      if (found) {
        rc = hd_buf_printf(f, "%s的出具日期为", nm);
        if (rc == HD_OK) rc = explain_dates(found, f);
        if (rc == HD_OK && nb) rc = hd_buf_adds(f, "，早于");
        if (rc == HD_OK && nb) rc = explain_dates(nb, f);
        if (rc == HD_OK && nb) rc = hd_buf_adds(t, "提交出具日期不在");
        if (rc == HD_OK && nb) rc = explain_dates(nb, t);
        if (rc == HD_OK && nb) rc = hd_buf_printf(t, "之前的%s", nm);
        if (rc == HD_OK && !nb) rc = hd_buf_printf(t, "提交符合要求的%s", nm);
      } else if (rc == HD_OK) {
        rc = hd_buf_printf(f, "%s未载明出具日期", nm);
        if (rc == HD_OK) rc = hd_buf_printf(t, "提交载明出具日期的%s", nm);
      }
    } else if (rc == HD_OK && dot && !strcmp(dot, ".issuer") && wanted) {
      /* an authorisation or consent that is not the act of the one it must come from
       * (5.1.2, 5.1.4): wanted names who must issue it, found who did (or 未提交) */
      if (found && *found && strcmp(found, "未提交"))
        rc = hd_buf_printf(f, "所附%s（%s）不是%s出具的", nm, found, wanted);
      else
        rc = hd_buf_printf(f, "未提交%s出具的%s", wanted, nm);
      if (rc == HD_OK) rc = hd_buf_printf(t, "补充提交%s出具的%s", wanted, nm);
    } else if (rc == HD_OK && found && (!strcmp(found, "expired") || !strcmp(found, "已过有效期"))) {
      rc = hd_buf_printf(f, "%s已超过有效期", nm);
      if (rc == HD_OK) rc = hd_buf_printf(t, "提交在有效期内的%s", nm);
    } else if (rc == HD_OK && found && (!strcmp(found, "future") || !strcmp(found, "出具日期晚于审核日期"))) {
      rc = hd_buf_printf(f, "%s的出具日期晚于审核日期", nm);
      if (rc == HD_OK) rc = hd_buf_printf(t, "提交出具日期不晚于审核日期的%s", nm);
    } else if (rc == HD_OK) {
      rc = hd_buf_printf(f, "未提交%s", nm);
      /* the check's description of what it wants, unless the name says it already */
      const char *plain = explain_material(kinds);
      int says = !wanted || !strcmp(wanted, "valid") || (plain && !dot && strstr(plain, wanted)) ||
                 memchr(kinds, '|', n); /* 《A》或《B》 says what it wants */
      if (rc == HD_OK) rc = says ? hd_buf_printf(t, "补充提交%s", nm)
                                 : hd_buf_printf(t, "补充提交%s（%s）", nm, wanted);
    }
    hd_buf_release(&name);
    return rc;
  }
  const char *label = field_label(field);
  if (!label) return UNKNOWN_FIELD; /* a field this table does not know: the check's message */
  if (!strcmp(field, "applicant.id_doc_valid_until") && found && nb) {
    rc = hd_buf_adds(f, "主体资格证明（营业执照或法人登记证书）有效期至");
    if (rc == HD_OK) rc = explain_dates(found, f);
    if (rc == HD_OK) rc = hd_buf_adds(f, "，已过期");
    if (rc == HD_OK) rc = hd_buf_adds(t, "提交在有效期内的营业执照或法人登记证书");
    return rc;
  }
  if (!jfound || json_object_is_type(jfound, json_type_null)) {
    rc = hd_buf_printf(f, "未提供%s", label);
  } else if (!strcmp(field, "applicant.records")) {
    rc = hd_buf_printf(f, "有%s：", label);
    if (rc == HD_OK) rc = add_value(f, jfound);
  } else if (json_object_is_type(jfound, json_type_boolean) && jwanted &&
             json_object_is_type(jwanted, json_type_boolean)) {
    /* a yes/no fact: say it as a statement */
    int yes = json_object_get_boolean(jfound);
    rc = hd_buf_printf(f, yes ? "%s" : "并非%s", label);
  } else {
    rc = hd_buf_printf(f, "%s为“", label);
    if (rc == HD_OK) rc = add_value(f, jfound);
    if (rc == HD_OK) rc = hd_buf_adds(f, "”");
  }
  int absent = !jfound || json_object_is_type(jfound, json_type_null);
  if (rc == HD_OK && wanted && !absent && !json_object_is_type(jfound, json_type_boolean)) {
    if (nb) {
      rc = hd_buf_adds(f, "，应不早于");
      if (rc == HD_OK) rc = explain_dates(nb, f);
    } else if (!strcmp(wanted, "> 0")) {
      rc = hd_buf_adds(f, "，应大于零");
    } else if (!strcmp(wanted, ">= 1")) {
      rc = hd_buf_adds(f, "，应至少为一项");
    } else {
      rc = hd_buf_adds(f, "（要求：");
      if (rc == HD_OK) rc = add_value(f, jwanted);
      if (rc == HD_OK) rc = hd_buf_adds(f, "）");
    }
  }
  if (rc == HD_OK && absent) {
    /* nothing given: provide it, as the check describes what it wants where that says
     * more than the field's name */
    int more = wanted && !nb && strncmp(wanted, ">", 1) && !strstr(label, wanted);
    if (more && strstr(wanted, label)) return hd_buf_printf(t, "提供%s", wanted);
    return more ? hd_buf_printf(t, "提供%s（%s）", label, wanted) : hd_buf_printf(t, "提供%s", label);
  }
  if (rc == HD_OK) rc = hd_buf_printf(t, "补正%s", label);
  if (rc == HD_OK && wanted && !nb && strncmp(wanted, ">", 1)) {
    rc = hd_buf_adds(t, "，使其符合要求（");
    if (rc == HD_OK) rc = add_value(t, jwanted);
    if (rc == HD_OK) rc = hd_buf_adds(t, "）");
  }
  return rc;
}

/* Append piece to out unless out has it already as one of its "；"-separated parts. */
static int add_part(hd_buf *out, const hd_buf *piece) {
  if (!piece->p || !piece->len) return HD_OK;
  for (const char *s = out->p; s && *s;) {
    const char *e = strstr(s, "；");
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n == piece->len && !memcmp(s, piece->p, n)) return HD_OK;
    s = e ? e + strlen("；") : s + n;
  }
  int rc = out->len ? hd_buf_adds(out, "；") : HD_OK;
  return rc ? rc : hd_buf_add(out, piece->p, piece->len);
}

int explain_finding(hd_finding *x, hd_buf *found, hd_buf *todo) {
  const char *ev = finding_evidence(x);
  if (!ev) return HD_ENOMEM;
  json_object *arr = json_tokener_parse(ev);
  int rc = HD_OK;
  size_t n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
  hd_buf f, t;
  hd_buf_init(&f, 0);
  hd_buf_init(&t, 0);
  int unknown = 0;
  for (size_t i = 0; rc == HD_OK && i < n && !unknown; i++) {
    hd_buf_reset(&f);
    hd_buf_reset(&t);
    json_object *e = json_object_array_get_idx(arr, i);
    if (json_object_is_type(e, json_type_object)) rc = item(e, &f, &t);
    if (rc == UNKNOWN_FIELD) {
      unknown = 1;
      rc = HD_OK;
    }
    if (rc == HD_OK) rc = add_part(found, &f);
    if (rc == HD_OK && x->outcome != HD_FAIL) rc = add_part(todo, &t);
  }
  /* evidence of a field not known here is not printed by its name: the finding is told
   * in the check's own words, and what to do asked in general terms */
  if (rc == HD_OK && unknown) {
    hd_buf_reset(found);
    hd_buf_reset(todo);
    if (x->outcome != HD_FAIL) rc = hd_buf_adds(todo, "就此项补正相关材料或说明");
  }
  hd_buf_release(&f);
  hd_buf_release(&t);
  json_object_put(arr);
  if (rc == HD_OK && !found->len) {
    const char *m = finding_message(x);
    if (!m) return HD_ENOMEM;
    rc = explain_dates(m, found);
  }
  /* both made, possibly empty */
  if (rc == HD_OK && !found->p) rc = hd_buf_adds(found, "");
  if (rc == HD_OK && !todo->p) rc = hd_buf_adds(todo, "");
  return rc;
}

int explain_clause(const char *clause, const char *reg_type, const char *procedure, hd_buf *out) {
  const char *flow = !reg_type ? NULL
                     : !strcmp(reg_type, "first") ? (procedure && !strcmp(procedure, "ordinary") ? "6.1" : "6.2")
                     : !strcmp(reg_type, "license") || !strcmp(reg_type, "transfer") ? "6.3"
                     : !strcmp(reg_type, "change") ? "6.4"
                     : !strcmp(reg_type, "cancel") ? "6.5" : NULL;
  size_t start = out->len;
  int rc = HD_OK, kept = 0;
  for (const char *s = clause ? clause : ""; rc == HD_OK && *s;) {
    while (*s == ' ' || *s == ',' || *s == '/') s++;
    const char *e = s;
    while (*e && *e != ',' && !(e[0] == ' ' && e[1] == '/')) e++;
    size_t n = (size_t)(e - s);
    while (n && s[n - 1] == ' ') n--;
    int procedural = n >= 3 && s[0] == '6' && s[1] == '.' && s[2] >= '1' && s[2] <= '5' &&
                     (n == 3 || s[3] == '.' || s[3] == ' ');
    if (n && (!procedural || !flow || !strncmp(s, flow, 3))) {
      if (kept++) rc = hd_buf_adds(out, ", ");
      if (rc == HD_OK) rc = hd_buf_add(out, s, n);
    }
    s = e;
  }
  if (rc == HD_OK && !kept && clause) {
    out->len = start;
    if (out->p) out->p[start] = '\0';
    rc = hd_buf_adds(out, clause);
  }
  return rc;
}
