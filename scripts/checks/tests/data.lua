-- 7.2 to 7.6: personal information, genetic resources, cross-border, important data, bans.

fixture {
  name = "7.2 (1): personal data not needing identification but not anonymised fails",
  case = { resource = { anonymised = false } },
  expect = { ["7.2-1-anonymisation"] = "fail" },
}

fixture {
  name = "7.2 (1): anonymised without an assessment needs supplement",
  case = { materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true } } },
  expect = { ["7.2-1-anonymisation"] = "rectify" },
}

fixture {
  name = "7.2 (2)(3)(4): identification needed, de-identified, policy, consent and PIA pass",
  case = { resource = { needs_identification = true, anonymised = false, deidentified = true } },
  expect = { ["7.2-2-deidentification"] = "pass", ["7.2-3-privacy-policy"] = "pass", ["7.2-4-pia"] = "pass" },
}

-- 7.2 (2) says 建议: advice, never a return for supplement.
fixture {
  name = "7.2(2)-advice-not-deidentified-passes-with-advice",
  case = { resource = { needs_identification = true, anonymised = false, deidentified = false } },
  expect = { ["7.2-2-deidentification"] = "pass" },
  messages = { ["7.2-2-deidentification"] = "建议对健康医疗数据做去标识化处理（7.2 (2) 为建议性要求）" },
  decision = "approve",
}

fixture {
  name = "7.2(2)-identification-needed-and-anonymised-contradict",
  case = { resource = { needs_identification = true, anonymised = true } },
  expect = { ["7.2-2-deidentification"] = "manual" },
  messages = { ["7.2-2-deidentification"] =
    "声明确需识别具体个人，又声明数据已匿名化（匿名化后无法识别个人），两者矛盾，需人工核查" },
  decision = "hold",
}

fixture {
  name = "7.2 (3) and (4): no privacy policy, consent or PIA need supplement",
  case = { resource = { needs_identification = true, anonymised = false, deidentified = true },
           materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
    { kind = "deidentification_report", present = true } } },
  expect = { ["7.2-3-privacy-policy"] = "rectify", ["7.2-4-pia"] = "rectify" },
}

local genetic_ok = {
  { kind = "application", present = true }, { kind = "resource_description", present = true },
  { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
  { kind = "anonymisation_assessment", present = true }, { kind = "ethics_approval", present = true },
  { kind = "ethics_committee_filing", present = true }, { kind = "hgr_approval", present = true },
}

local ethics_only = {
  { kind = "application", present = true }, { kind = "resource_description", present = true },
  { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
  { kind = "anonymisation_assessment", present = true }, { kind = "ethics_approval", present = true },
  { kind = "ethics_committee_filing", present = true },
}

fixture {
  name = "7.3: genetic data with scope, filed ethics review and approval pass",
  case = { resource = { genetic = true, genetic_scope = "人类遗传资源信息：测序数据" }, materials = genetic_ok },
  expect = { ["7.3a-genetic-scope"] = "pass", ["7.3b-genetic-review"] = "pass" },
}

fixture {
  name = "7.3 a and b: genetic data without scope or review fail",
  case = { resource = { genetic = true } },
  expect = { ["7.3a-genetic-scope"] = "fail", ["7.3b-genetic-review"] = "fail" },
}

-- 7.3 b: 申报 "根据相关规定" — nothing more than the ethics review for use in the country.
fixture {
  name = "7.3b-domestic-use-needs-no-approval",
  case = { resource = { genetic = true, genetic_scope = "人类遗传资源信息：肿瘤体细胞突变数据" },
           materials = ethics_only },
  expect = { ["7.3a-genetic-scope"] = "pass", ["7.3b-genetic-review"] = "pass" },
  messages = { ["7.3b-genetic-review"] = "已经备案伦理审查委员会审查；在境内利用人类遗传资源信息，无需另行申报" },
  decision = "approve",
}

fixture {
  name = "7.3b-preservation-needs-approval",
  case = { resource = { genetic = true, genetic_scope = "人类遗传资源材料保藏及其测序信息" },
           materials = ethics_only },
  expect = { ["7.3a-genetic-scope"] = "pass", ["7.3b-genetic-review"] = "fail" },
  messages = { ["7.3b-genetic-review"] = "人类遗传资源范围涉及“保藏”，应依规向有关部门申报（行政许可），未提交行政许可材料" },
  decision = "reject",
}

fixture {
  name = "7.3b-provided-abroad-needs-filing",
  case = { resource = { genetic = true, genetic_scope = "人类遗传资源信息：测序数据，向境外合作方提供" },
           materials = ethics_only },
  expect = { ["7.3a-genetic-scope"] = "pass", ["7.3b-genetic-review"] = "fail" },
  messages = { ["7.3b-genetic-review"] = "人类遗传资源范围涉及“境外”，应依规向有关部门申报（备案），未提交备案材料" },
  decision = "reject",
}

fixture {
  name = "7.4: sensitive data of 5,000 people abroad needs a standard contract filing",
  case = { resource = { cross_border = true, cb_persons = 50000, cb_sensitive_persons = 5000 } },
  expect = { ["7.4-cross-border"] = "rectify" },
}

fixture {
  name = "7.4: 80,000 people of non-sensitive data abroad need no filing",
  case = { resource = { cross_border = true, sensitive = false, cb_persons = 80000 } },
  expect = { ["7.4-cross-border"] = "pass" },
}

fixture {
  name = "7.4: 1,200,000 people abroad without a security assessment fails",
  case = { resource = { cross_border = true, cb_persons = 1200000, cb_sensitive_persons = 1200000 } },
  expect = { ["7.4-cross-border"] = "fail" },
}

fixture {
  name = "7.4: an expired security assessment fails",
  case = { resource = { cross_border = true, cb_persons = 20000, cb_sensitive_persons = 20000 },
           materials = { { kind = "application", present = true }, { kind = "resource_description", present = true },
             { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
             { kind = "anonymisation_assessment", present = true },
             { kind = "security_assessment", present = true, valid_until = "2026-01-31" } } },
  expect = { ["7.4-cross-border"] = "fail" },
}

local important_ok = {
  { kind = "application", present = true }, { kind = "resource_description", present = true },
  { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
  { kind = "anonymisation_assessment", present = true },
  { kind = "risk_assessment", present = true, issued_date = "2025-12-20" },
}

fixture {
  name = "7.5: important data with an officer and a recent risk assessment pass",
  case = { resource = { important = true, security_officer = "张三（数据安全负责人）" }, materials = important_ok },
  expect = { ["7.5a-security-officer"] = "pass", ["7.5b-risk-assessment"] = "pass" },
}

fixture {
  name = "7.5a-missing-officer-is-asked-for",
  case = { resource = { important = true }, materials = important_ok },
  expect = { ["7.5a-security-officer"] = "rectify" },
  messages = { ["7.5a-security-officer"] = "未明确数据安全负责人和管理机构，需补正" },
  decision = "rectify",
}

-- 7.5 b counts calendar months (Civil Code art. 202), not 365 days: across a leap day
-- 12 months are 366 days.
local function risk_report(issued)
  return {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
    { kind = "anonymisation_assessment", present = true },
    { kind = "risk_assessment", present = true, issued_date = issued },
  }
end

fixture {
  name = "7.5b-12-months-leap-year-366-days-passes",
  as_of = "2024-03-01",
  case = { resource = { important = true, security_officer = "张三" }, materials = risk_report("2023-03-01") },
  expect = { ["7.5b-risk-assessment"] = "pass" },
  messages = { ["7.5b-risk-assessment"] = "风险评估报告在有效期内（2023年3月1日出具）" },
  decision = "approve",
}

fixture {
  name = "7.5b-12-months-and-a-day-needs-supplement",
  as_of = "2024-03-01",
  case = { resource = { important = true, security_officer = "张三" }, materials = risk_report("2023-02-28") },
  expect = { ["7.5b-risk-assessment"] = "rectify" },
  messages = { ["7.5b-risk-assessment"] = "风险评估报告出具于2023年2月28日，已超过12个月" },
  decision = "rectify",
}

fixture {
  name = "7.5b-12-months-month-end",
  as_of = "2026-02-28",
  case = { resource = { important = true, security_officer = "张三" }, materials = risk_report("2025-02-28") },
  expect = { ["7.5b-risk-assessment"] = "pass" },
  messages = { ["7.5b-risk-assessment"] = "风险评估报告在有效期内（2025年2月28日出具）" },
  decision = "approve",
}

fixture {
  name = "7.5b-report-dated-after-review-is-not-valid",
  case = { resource = { important = true, security_officer = "张三" }, materials = risk_report("2026-03-20") },
  expect = { ["7.5b-risk-assessment"] = "rectify" },
  messages = { ["7.5b-risk-assessment"] = "风险评估报告出具日期2026年3月20日晚于审核日期，不能作为有效材料" },
  decision = "rectify",
}

fixture {
  name = "7.5 b: a risk assessment older than 12 months needs supplement",
  case = { resource = { important = true, security_officer = "张三" }, materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
    { kind = "anonymisation_assessment", present = true },
    { kind = "risk_assessment", present = true, issued_date = "2024-10-15" } } },
  expect = { ["7.5b-risk-assessment"] = "rectify" },
}

fixture {
  name = "7.6 a: state-secret data is banned",
  case = { resource = { state_secret = true } },
  expect = { ["7.6a-state-secrets"] = "fail" },
}

fixture {
  name = "7.6 b: 统方 data is banned",
  case = { resource = { tongfang = true } },
  expect = { ["7.6b-tongfang"] = "fail" },
}

-- 7.6: the flags decide; where the texts name a banned kind of data although the flag
-- says no, a person looks (manual), with the term and the field.
fixture {
  name = "7.6b-tongfang-in-field-samples-needs-a-human",
  case = { resource = { field_samples = "医生工号、药品名称、处方量（按月）" } },
  expect = { ["7.6b-tongfang"] = "manual" },
  messages = { ["7.6b-tongfang"] =
    "数据字段示例中出现“医生工号”，数据字段示例中出现“处方量”，疑似按医生统计处方用药量或耗材用量的统方数据，需人工核查" },
  decision = "hold",
}

fixture {
  name = "7.6b-tongfang-named-in-purpose-needs-a-human",
  case = { resource = { purpose = "医院统方分析" } },
  expect = { ["7.6b-tongfang"] = "manual" },
  messages = { ["7.6b-tongfang"] = "数据用途中出现“统方”，疑似统方数据，需人工核查" },
  decision = "hold",
}

fixture {
  name = "7.6b-prescription-volume-without-doctors-passes",
  case = { resource = { field_samples = "科室、药品类别、处方量（按科室汇总）" } },
  expect = { ["7.6b-tongfang"] = "pass" },
  messages = { ["7.6b-tongfang"] = "不涉及统方数据" },
  decision = "approve",
}

fixture {
  name = "7.6a-military-source-needs-a-human",
  case = { resource = { source = "某部队医院采购系统" } },
  expect = { ["7.6a-state-secrets"] = "manual" },
  messages = { ["7.6a-state-secrets"] = "数据来源中出现“部队”，疑似涉及国家秘密或国家与公共安全，需人工核查" },
  decision = "hold",
}
