-- Acting on a certificate (5.1.3–5.1.6, 6.3–6.5): who may, with whose consent, for what.
local hospital = { name = "广东省示例人民医院", uscc = "91350100M000100Y43" }
local other = { name = "另一数据公司", uscc = "91440300MA5G4U6W47" }
local licensee = { name = "被许可方", uscc = "91440101MA5CJQ4N59" }
local mine = { number = "20250644000000001R", status = "issued", registration_date = "2025-06-20",
               valid_until = "2028-06-20", reg_type = "first",
               rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = hospital },
                          { kind = "operation", holder = hospital } } }
-- Another company's certificate.
local theirs = { number = "202508440000000027", status = "issued", registration_date = "2025-08-11",
                 valid_until = "2028-08-11", reg_type = "first",
                 rights = { { kind = "holding", holder = other }, { kind = "use", holder = other } } }
-- A certificate with two holders: the hospital holds, another company uses.
local shared = { number = "20250944000000003F", status = "issued", registration_date = "2025-09-30",
                 valid_until = "2028-09-30", reg_type = "first",
                 rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = other } } }
local trade = {
  { kind = "application", present = true }, { kind = "contract", present = true },
  { kind = "consideration_proof", present = true }, { kind = "anonymisation_assessment", present = true },
}
local change_materials = {
  { kind = "application", present = true }, { kind = "change_proof", present = true },
  { kind = "anonymisation_assessment", present = true },
}
local function cancel_materials(...)
  local m = { { kind = "application", present = true }, { kind = "cancellation_statement", present = true } }
  for _, k in ipairs({...}) do
    m[#m + 1] = { kind = k, present = true, issued_date = "2026-02-01", issuer = other }
  end
  return m
end

-- 5.1.5: a change by one company naming another company's certificate.
fixture {
  name = "5.1.5-change-of-another-holders-certificate-fails",
  case = { reg_type = "change", prior = theirs, change_description = "数据规模更新", materials = change_materials },
  expect = { ["5.1-prior-holder"] = "fail" },
  messages = { ["5.1-prior-holder"] =
    "申请人广东省示例人民医院不是证书202508440000000027记载的权利人（另一数据公司），不得办理变更登记" },
  decision = "reject",
}

fixture {
  name = "5.1.5-change-by-the-holder-passes",
  case = { reg_type = "change", prior = mine, change_description = "数据规模更新", materials = change_materials },
  expect = { ["5.1-prior-holder"] = "pass", ["6.4-change-description"] = "pass" },
  messages = { ["5.1-prior-holder"] = "申请人是证书20250644000000001R记载的权利人" },
  decision = "approve",
}

-- 5.1.5, 6.4: a change supersedes the whole certificate, so every holder it records
-- applies or consents in writing; without the others' consent, 补正 naming them.
fixture {
  name = "5.1.5-co-holder-changes-without-the-others-consent",
  case = { reg_type = "change", prior = shared, change_description = "数据规模更新", materials = change_materials },
  expect = { ["5.1-prior-holder"] = "rectify" },
  messages = { ["5.1-prior-holder"] =
    "证书20250944000000003F记载的权利人另一数据公司未申请变更，变更登记需提交其本人出具的同意变更的书面材料（授权书）" },
  decision = "rectify",
}

fixture {
  name = "5.1.5-co-holder-changes-with-the-others-consent",
  case = { reg_type = "change", prior = shared, change_description = "数据规模更新", materials = {
    { kind = "application", present = true }, { kind = "change_proof", present = true },
    { kind = "anonymisation_assessment", present = true },
    { kind = "authorization", present = true, issued_date = "2026-02-01", issuer = other } } },
  expect = { ["5.1-prior-holder"] = "pass" },
  messages = { ["5.1-prior-holder"] = "申请人是证书20250944000000003F记载的权利人，其他权利人另一数据公司已书面同意变更" },
  decision = "approve",
}

fixture {
  name = "5.1.5-co-holder-consent-expired-before-the-review",
  case = { reg_type = "change", prior = shared, change_description = "数据规模更新", materials = {
    { kind = "application", present = true }, { kind = "change_proof", present = true },
    { kind = "anonymisation_assessment", present = true },
    { kind = "authorization", present = true, valid_until = "2026-01-31", issuer = other } } },
  expect = { ["5.1-prior-holder"] = "rectify" },
  decision = "rectify",
}

fixture {
  name = "5.1.5-the-registrations-own-authorisation-is-no-consent-to-the-change",
  case = { reg_type = "change", prior = shared, change_description = "数据规模更新", materials = {
    { kind = "application", present = true }, { kind = "change_proof", present = true },
    { kind = "anonymisation_assessment", present = true },
    { kind = "authorization", present = true, issued_date = "2025-06-01", issuer = other } } },
  expect = { ["5.1-prior-holder"] = "rectify" },
  decision = "rectify",
}

-- 5.1.4: jointly or with the other party's authorisation — the licensee may apply with
-- the holder's.
fixture {
  name = "5.1.4-licensee-applies-with-the-holders-authorisation",
  case = { reg_type = "license", applicant = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           counterparty = hospital, prior = mine, consideration = "许可使用费人民币50万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = licensee } },
           materials = { { kind = "application", present = true },
                         { kind = "authorization", present = true, issuer = hospital },
                         { kind = "consideration_proof", present = true },
                         { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1-prior-holder"] = "pass", ["5.1.4-license-transfer"] = "pass" },
  messages = { ["5.1-prior-holder"] = "申请人经证书20250644000000001R记载的权利人广东省示例人民医院授权办理" },
  decision = "approve",
}

fixture {
  name = "5.1.4-licensee-applies-without-the-holders-authorisation",
  case = { reg_type = "license", applicant = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           counterparty = hospital, prior = mine, consideration = "许可使用费人民币50万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = licensee } },
           materials = trade },
  expect = { ["5.1-prior-holder"] = "rectify" },
  messages = { ["5.1-prior-holder"] =
    "申请人不是证书20250644000000001R记载的权利人，需提交权利人广东省示例人民医院的授权书" },
  decision = "rectify",
}

-- 5.1.4 取得相对方授权: the authorisation is the holder's own act; one issued by someone
-- else, or whose issuer is not known, authorises nothing (schema 12: materials.issuer_id).
fixture {
  name = "5.1.4-licensee-applies-with-an-authorisation-issued-by-another",
  case = { reg_type = "license", applicant = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           counterparty = hospital, prior = mine, consideration = "许可使用费人民币50万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = licensee } },
           materials = { { kind = "application", present = true },
                         { kind = "authorization", present = true, issuer = other },
                         { kind = "consideration_proof", present = true },
                         { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1-prior-holder"] = "rectify", ["5.1.4-license-transfer"] = "rectify" },
  messages = { ["5.1-prior-holder"] =
    "申请人不是证书20250644000000001R记载的权利人，所附授权书（另一数据公司出具）不是权利人广东省示例人民医院的授权，需提交广东省示例人民医院出具的授权书（5.1.4）",
    ["5.1.4-license-transfer"] = "许可登记需补正：相对方授权书或交易合同" },
  decision = "rectify",
}

fixture {
  name = "5.1.4-licensee-applies-with-an-authorisation-of-unknown-issuer",
  case = { reg_type = "license", applicant = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           counterparty = hospital, prior = mine, consideration = "许可使用费人民币50万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = licensee } },
           materials = { { kind = "application", present = true }, { kind = "authorization", present = true },
                         { kind = "contract", present = true },
                         { kind = "consideration_proof", present = true },
                         { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1-prior-holder"] = "rectify", ["5.1.4-license-transfer"] = "pass" },
  messages = { ["5.1-prior-holder"] =
    "申请人不是证书20250644000000001R记载的权利人，所附授权书（出具人不明）不是权利人广东省示例人民医院的授权，需提交广东省示例人民医院出具的授权书（5.1.4）" },
  decision = "rectify",
}

fixture {
  name = "5.1.4-neither-party-holds-the-certificate",
  case = { reg_type = "license", counterparty = licensee, prior = theirs, consideration = "许可使用费",
           rights = { { kind = "holding", holder = other }, { kind = "use", holder = licensee } }, materials = trade },
  expect = { ["5.1-prior-holder"] = "fail" },
  messages = { ["5.1-prior-holder"] =
    "申请人广东省示例人民医院不是证书202508440000000027记载的权利人（另一数据公司），不得办理许可登记" },
  decision = "reject",
}

-- 5.1.4 and 6.3 a: the counterparty, what it acquires, and the consideration.
fixture {
  name = "6.3a-license-without-counterparty-or-consideration",
  case = { reg_type = "license", prior = mine, materials = trade },
  expect = { ["5.1.4-license-transfer"] = "rectify" },
  messages = { ["5.1.4-license-transfer"] = "许可登记需补正：交易相对方、交易对价" },
  decision = "rectify",
}

fixture {
  name = "5.1.4-counterparty-is-the-applicant",
  case = { reg_type = "license", prior = mine, counterparty = hospital, consideration = "无偿", materials = trade },
  expect = { ["5.1.4-license-transfer"] = "fail" },
  messages = { ["5.1.4-license-transfer"] = "交易相对方与申请人为同一主体，不构成许可登记" },
  decision = "reject",
}

fixture {
  name = "5.1.4-transfer-where-the-transferor-keeps-the-right",
  case = { reg_type = "transfer", prior = mine, counterparty = licensee, consideration = "转让价款人民币300万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "operation", holder = hospital },
                      { kind = "operation", holder = licensee } }, materials = trade },
  expect = { ["5.1.4-license-transfer"] = "rectify" },
  messages = { ["5.1.4-license-transfer"] =
    "转让后转让方不再保留所转让的权利（5.1.4），但申请仍记载转让方享有经营权：请更正权利状况，或改为许可登记" },
  decision = "rectify",
}

fixture {
  name = "5.1.4-transfer-of-the-operation-right-passes",
  case = { reg_type = "transfer", prior = mine, counterparty = licensee, consideration = "转让价款人民币300万元",
           rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = hospital },
                      { kind = "operation", holder = licensee } }, materials = trade },
  expect = { ["5.1.4-license-transfer"] = "pass", ["5.1-prior-holder"] = "pass" },
  decision = "approve",
}

-- 5.1.3, 5.1.4: the grantor disposes of its own rights only, and a transfer keeps the
-- others' rights (5.1.2). shared: the hospital holds, another company uses.
fixture {
  name = "5.1.4-a-transfer-authorised-by-the-use-holder-cannot-take-the-holding-right",
  case = { reg_type = "transfer", applicant = { name = "受让方", uscc = "91440101MA5CJQ4N59" },
           counterparty = other, prior = shared, consideration = "转让价款人民币350万元",
           rights = { { kind = "holding", holder = { name = "受让方", uscc = "91440101MA5CJQ4N59" } },
                      { kind = "use", holder = other } },
           materials = { { kind = "application", present = true }, { kind = "contract", present = true },
             { kind = "consideration_proof", present = true }, { kind = "anonymisation_assessment", present = true },
             { kind = "authorization", present = true } } },
  expect = { ["5.1-prior-holder"] = "fail" },
  messages = { ["5.1-prior-holder"] = "另一数据公司不是证书20250944000000003F记载的持有权权利人，不得转让该权利（5.1.3、5.1.4）" },
  decision = "reject",
}

fixture {
  name = "5.1.2-a-transfer-must-keep-the-other-holders-rights",
  case = { reg_type = "transfer", counterparty = licensee, prior = shared, consideration = "转让价款人民币350万元",
           rights = { { kind = "holding", holder = licensee } },
           materials = { { kind = "application", present = true }, { kind = "contract", present = true },
             { kind = "consideration_proof", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1-prior-holder"] = "fail" },
  messages = { ["5.1-prior-holder"] = "证书20250944000000003F记载的另一数据公司的使用权未列入转让登记后的权利：转让不得变动其他权利人的权利（5.1.2、5.1.4）" },
  decision = "reject",
}

-- 5.1.6: the holder applies (a, b) and the other holders consent; the certificate's own
-- status is read as of the review date.
fixture {
  name = "5.1.6a-cancellation-by-a-non-holder-fails",
  case = { reg_type = "cancel", cancel_ground = "a", prior = theirs, materials = cancel_materials() },
  expect = { ["5.1.6-holder-consent"] = "fail" },
  messages = { ["5.1.6-holder-consent"] =
    "申请人广东省示例人民医院不是证书202508440000000027记载的权利人（另一数据公司），不得申请注销" },
  decision = "reject",
}

fixture {
  name = "5.1.6a-co-holder-cancels-without-the-others-consent",
  case = { reg_type = "cancel", cancel_ground = "a", prior = shared, materials = cancel_materials() },
  expect = { ["5.1.6-holder-consent"] = "rectify" },
  messages = { ["5.1.6-holder-consent"] =
    "证书20250944000000003F还记载了其他权利人另一数据公司，注销需提交其本人出具的同意注销的书面材料（授权书）" },
  decision = "rectify",
}

fixture {
  name = "5.1.6a-co-holder-cancels-with-the-others-consent",
  case = { reg_type = "cancel", cancel_ground = "a", prior = shared, materials = cancel_materials("authorization") },
  expect = { ["5.1.6-holder-consent"] = "pass" },
  messages = { ["5.1.6-holder-consent"] =
    "申请人是证书20250944000000003F记载的权利人，其他权利人另一数据公司已书面同意注销" },
  decision = "approve",
}

-- 5.1.2: each right its holders — the applicant cannot consent for the other holder.
fixture {
  name = "5.1.6a-a-consent-issued-by-the-applicant-is-not-the-others-consent",
  case = { reg_type = "cancel", cancel_ground = "a", prior = shared, materials = (function()
    local m = cancel_materials()
    m[#m + 1] = { kind = "authorization", present = true, issued_date = "2026-02-01", issuer = hospital }
    return m
  end)() },
  expect = { ["5.1.6-holder-consent"] = "rectify" },
  messages = { ["5.1.6-holder-consent"] =
    "证书20250944000000003F还记载了其他权利人另一数据公司，注销需提交其本人出具的同意注销的书面材料（授权书）" },
  decision = "rectify",
}

fixture {
  name = "5.1.6a-the-registrations-own-authorisation-is-no-consent-to-the-cancellation",
  case = { reg_type = "cancel", cancel_ground = "a", prior = shared, materials = (function()
    local m = cancel_materials()
    m[#m + 1] = { kind = "authorization", present = true, issued_date = "2025-06-01", issuer = other }
    return m
  end)() },
  expect = { ["5.1.6-holder-consent"] = "rectify" },
  messages = { ["5.1.6-holder-consent"] =
    "证书20250944000000003F还记载了其他权利人另一数据公司，注销需提交其本人出具的同意注销的书面材料（授权书）" },
  decision = "rectify",
}

fixture {
  name = "5.1.6a-a-consent-of-unknown-date-is-no-consent",
  case = { reg_type = "cancel", cancel_ground = "a", prior = shared, materials = (function()
    local m = cancel_materials()
    m[#m + 1] = { kind = "authorization", present = true, issuer = other }
    return m
  end)() },
  expect = { ["5.1.6-holder-consent"] = "rectify" },
  decision = "rectify",
}

fixture {
  name = "5.1.6c-the-authority-cancels-without-the-holders-application-materials",
  case = { reg_type = "cancel", cancel_ground = "c", prior = theirs, materials = {
    { kind = "court_judgment", present = true, issued_date = "2026-02-01" } } },
  expect = { ["6.x-required-materials"] = "pass", ["5.1.6-cancellation-ground"] = "pass" },
  messages = { ["6.x-required-materials"] = "依职权注销（5.1.6 c），无需登记主体提交6.5 a的申请材料" },
  decision = "approve",
}

fixture {
  name = "5.1.6c-court-judgment-needs-no-holder-application",
  case = { reg_type = "cancel", cancel_ground = "c", prior = theirs, materials = cancel_materials("court_judgment") },
  expect = { ["5.1.6-cancellation-ground"] = "pass", ["5.1.6-holder-consent"] = "n/a" },
  messages = { ["5.1.6-cancellation-ground"] =
    "注销事由：5.1.6 c)因人民法院、仲裁委员会的生效法律文书等导致原权利主体的数据相关权利丧失（生效法律文书）" },
  decision = "approve",
}

fixture {
  name = "5.1.6e-public-interest-needs-evidence",
  case = { reg_type = "cancel", cancel_ground = "e", prior = mine, materials = cancel_materials() },
  expect = { ["5.1.6-cancellation-ground"] = "rectify" },
  messages = { ["5.1.6-cancellation-ground"] =
    "以5.1.6 e)“为维护社会公共利益、国家利益”为注销事由的，需提交其他证明材料" },
  decision = "rectify",
}

fixture {
  name = "5.1.1-cancellation-of-a-cancelled-certificate-fails",
  case = { reg_type = "cancel", cancel_ground = "a", materials = cancel_materials(),
           prior = { number = "20250644000000001R", status = "cancelled", registration_date = "2025-06-20",
                     valid_until = "2028-06-20", rights = mine.rights } },
  expect = { ["5.1.1-first-registration"] = "fail" },
  messages = { ["5.1.1-first-registration"] = "关联证书20250644000000001R在审核日的状态为“已注销”，不是有效证书" },
  decision = "reject",
}

-- 5.1.1, 5.2.1: a renewal (续展, a change of the validity; docs/procedure.md "Expiry and
-- renewal") applied for while the certificate was in force goes on after its end; a change
-- that is no renewal, or a renewal applied for too late, does not.
local ended = { number = "20250644000000001R", status = "issued", registration_date = "2023-03-10",
                valid_until = "2026-03-10", reg_type = "first", rights = mine.rights }
fixture {
  name = "5.1.1-a-renewal-applied-for-in-time-goes-on-after-the-end",
  as_of = "2026-03-16",
  case = { reg_type = "change", renewal = true, applied_date = "2026-03-02", prior = ended,
           change_description = "证书有效期限续展（5.2.1）", materials = change_materials },
  expect = { ["5.1.1-first-registration"] = "pass" },
  messages = { ["5.1.1-first-registration"] =
    "续展申请于证书20250644000000001R有效期内（至2026年3月10日）提出，证书于审核日虽已到期，续展继续办理" },
  decision = "approve",
}

fixture {
  name = "5.1.1-a-change-of-an-ended-certificate-fails",
  as_of = "2026-03-16",
  case = { reg_type = "change", applied_date = "2026-03-02", prior = ended,
           change_description = "数据规模更新", materials = change_materials },
  expect = { ["5.1.1-first-registration"] = "fail" },
  messages = { ["5.1.1-first-registration"] = "关联证书20250644000000001R已于2026年3月10日到期" },
  decision = "reject",
}

fixture {
  name = "5.1.1-a-renewal-applied-for-after-the-end-fails",
  as_of = "2026-03-16",
  case = { reg_type = "change", renewal = true, applied_date = "2026-03-12", prior = ended,
           change_description = "证书有效期限续展（5.2.1）", materials = change_materials },
  expect = { ["5.1.1-first-registration"] = "fail" },
  messages = { ["5.1.1-first-registration"] = "关联证书20250644000000001R已于2026年3月10日到期" },
  decision = "reject",
}
