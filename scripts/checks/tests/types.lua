-- Which checks apply to which registration type (docs/checks.md, the table): a
-- cancellation is not refused in exactly the cases where the guideline says to cancel.
local hospital = { name = "广东省示例人民医院", uscc = "91350100M000100Y43" }
local mine = { number = "20250644000000001R", status = "issued", registration_date = "2025-06-20",
               valid_until = "2028-06-20", reg_type = "first",
               rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = hospital } } }
local cancel_materials = {
  { kind = "application", present = true }, { kind = "cancellation_statement", present = true },
  { kind = "other", present = true, reference = "有关部门认定函" },
}

-- 5.1.6 a: a subject that lost its qualification is a ground to cancel, not to refuse.
fixture {
  name = "5.1.6a-cancellation-although-the-licence-expired",
  case = { reg_type = "cancel", cancel_ground = "a", prior = mine, materials = cancel_materials,
           applicant = { id_doc_valid_until = "2025-12-31", records = {
             { kind = "serious_dishonesty", record_date = "2025-05-20", description = "严重失信" } } } },
  expect = { ["7.1a-identity"] = "n/a", ["7.1b-credit"] = "n/a", ["5.1.6-cancellation-ground"] = "pass" },
  messages = { ["7.1a-identity"] = "不适用于注销登记", ["7.1b-credit"] = "不适用于注销登记" },
  decision = "approve",
}

-- 5.1.6 e: data touching state secrets are cancelled; the ban is on registering them.
fixture {
  name = "5.1.6e-cancellation-of-state-secret-data",
  case = { reg_type = "cancel", cancel_ground = "e", prior = mine, materials = cancel_materials,
           resource = { state_secret = true, tongfang = true } },
  expect = { ["7.6a-state-secrets"] = "n/a", ["7.6b-tongfang"] = "n/a", ["5.1.6-cancellation-ground"] = "pass" },
  messages = { ["7.6a-state-secrets"] = "不适用于注销登记",
               ["5.1.6-cancellation-ground"] = "注销事由：5.1.6 e)为维护社会公共利益、国家利益（其他证明材料）" },
  decision = "approve",
}

-- Data that are not anonymised are no reason to keep them registered.
fixture {
  name = "5.1.6-cancellation-of-data-not-anonymised",
  case = { reg_type = "cancel", cancel_ground = "b", prior = mine, materials = cancel_materials,
           resource = { anonymised = false, important = true, genetic = true, cross_border = true,
                        cb_persons = 2000000 } },
  expect = { ["7.2-1-anonymisation"] = "n/a", ["7.2-3-privacy-policy"] = "n/a", ["7.2-4-pia"] = "n/a",
             ["7.3a-genetic-scope"] = "n/a", ["7.4-cross-border"] = "n/a", ["7.5a-security-officer"] = "n/a",
             ["5.1.6-cancellation-ground"] = "pass" },
  messages = { ["7.2-1-anonymisation"] = "不适用于注销登记" },
  decision = "approve",
}

-- 6.3 a: a licence disposes of data a certificate already describes.
fixture {
  name = "6.3a-licence-is-not-classified-again",
  case = { reg_type = "license", prior = mine, resource = { data_class = "other", human_research = true },
           counterparty = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           rights = { { kind = "holding", holder = hospital },
                      { kind = "use", holder = { name = "被许可方", uscc = "91440101MA5CJQ4N59" } } },
           consideration = "许可使用费", materials = {
             { kind = "application", present = true }, { kind = "contract", present = true },
             { kind = "consideration_proof", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["4.1-class-grade"] = "n/a", ["4.2-ethics-review"] = "n/a" },
  messages = { ["4.1-class-grade"] = "不适用于许可登记" },
  decision = "approve",
}

-- A first registration names no certificate: the checks on one do not apply.
fixture {
  name = "5.1.1-first-registration-names-no-certificate",
  expect = { ["5.1.1-first-registration"] = "n/a", ["5.1.4-license-transfer"] = "n/a",
             ["5.1.6-cancellation-ground"] = "n/a", ["6.4-change-description"] = "n/a" },
  messages = { ["5.1.1-first-registration"] = "不适用于首次登记" },
  decision = "approve",
}
