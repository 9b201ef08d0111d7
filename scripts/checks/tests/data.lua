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

fixture {
  name = "7.2 (2): identification needed but not de-identified needs supplement",
  case = { resource = { needs_identification = true, anonymised = false, deidentified = false } },
  expect = { ["7.2-2-deidentification"] = "rectify" },
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
  name = "7.5 a: important data without a security officer fails",
  case = { resource = { important = true }, materials = important_ok },
  expect = { ["7.5a-security-officer"] = "fail" },
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
