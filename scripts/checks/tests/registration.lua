-- Clauses 4, 5 and 6: classification, registration rules, procedures, materials.
local hospital = { name = "广东省示例人民医院", uscc = "91350100M000100Y43" }
local licensee = { name = "被许可方", uscc = "91440101MA5CJQ4N59" }
-- The certificate the base's applicant holds (first registration of 2025).
local prior = { number = "20250644000000001R", status = "issued", registration_date = "2025-06-20",
                valid_until = "2028-06-20", reg_type = "first",
                rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = hospital } } }
local trade = {
  { kind = "application", present = true },
  { kind = "contract", present = true },
  { kind = "consideration_proof", present = true },
  { kind = "anonymisation_assessment", present = true },
}
-- A licence of the use right: the holder keeps holding, the licensee gets use.
local licensed = { { kind = "holding", holder = hospital }, { kind = "use", holder = licensee } }
local license = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
                  consideration = "许可使用费每年人民币80万元", materials = trade }

fixture {
  name = "4.1: an undeclared class needs supplement",
  case = { resource = { data_class = "other" } },
  expect = { ["4.1-class-grade"] = "rectify" },
}

fixture {
  name = "4.2: human research with ethics approval passes",
  case = { resource = { human_research = true }, materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true }, { kind = "business_license", present = true },
    { kind = "anonymisation_assessment", present = true }, { kind = "ethics_approval", present = true } } },
  expect = { ["4.2-ethics-review"] = "pass" },
}

fixture {
  name = "4.2: human research without ethics review needs supplement",
  case = { resource = { human_research = true } },
  expect = { ["4.2-ethics-review"] = "rectify" },
}

fixture {
  name = "5.1.1 and 5.1.4: license with a valid certificate and both parties passes",
  case = license,
  expect = { ["5.1.1-first-registration"] = "pass", ["5.1-prior-holder"] = "pass",
             ["5.1.4-license-transfer"] = "pass" },
  messages = { ["5.1-prior-holder"] = "申请人是证书20250644000000001R记载的权利人",
               ["5.1.4-license-transfer"] = "交易双方、所涉权利及交易对价材料齐全" },
  decision = "approve",
}

fixture {
  name = "5.1.1: license without a first registration fails",
  case = { reg_type = "license", counterparty = licensee, rights = licensed,
           consideration = "许可使用费人民币20万元", materials = trade },
  expect = { ["5.1.1-first-registration"] = "fail" },
  messages = { ["5.1.1-first-registration"] = "未关联有效的登记证书，不得办理许可登记" },
  decision = "reject",
}

fixture {
  name = "5.1.1: transfer on a superseded certificate fails",
  case = { reg_type = "transfer", counterparty = licensee, materials = trade,
           consideration = "转让价款人民币350万元",
           rights = { { kind = "holding", holder = licensee }, { kind = "use", holder = licensee } },
           prior = { number = "X", status = "superseded", valid_until = "2028-01-01",
                     rights = { { kind = "holding", holder = hospital }, { kind = "use", holder = hospital } } } },
  expect = { ["5.1.1-first-registration"] = "fail" },
  messages = { ["5.1.1-first-registration"] = "关联证书X在审核日的状态为“已被新证书替代”，不是有效证书" },
  decision = "reject",
}

fixture {
  name = "5.1.4: license without consideration proof needs supplement",
  case = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
           consideration = "许可使用费每年人民币80万元", materials = {
    { kind = "application", present = true }, { kind = "contract", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.4-license-transfer"] = "rectify", ["6.x-required-materials"] = "rectify" },
}

fixture {
  name = "5.1.2: no rights fails",
  case = { rights = {} },
  expect = { ["5.1.2-rights-holders"] = "fail" },
}

fixture {
  name = "5.1.6: cancellation on the applicant's request passes",
  case = { reg_type = "cancel", cancel_ground = "a", prior = prior, materials = {
    { kind = "application", present = true }, { kind = "cancellation_statement", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.6-cancellation-ground"] = "pass", ["5.1.6-holder-consent"] = "pass" },
  messages = { ["5.1.6-cancellation-ground"] = "注销事由：5.1.6 a)登记主体主动申请注销或登记主体丧失登记主体资格（注销说明）",
               ["5.1.6-holder-consent"] = "申请人是证书20250644000000001R记载的唯一权利人" },
  decision = "approve",
}

fixture {
  name = "5.1.6: cancellation without a ground fails",
  case = { reg_type = "cancel", prior = prior, materials = {
    { kind = "application", present = true }, { kind = "cancellation_statement", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.6-cancellation-ground"] = "fail" },
}

fixture {
  name = "5.1.6: court judgment ground without the judgment needs supplement",
  case = { reg_type = "cancel", cancel_ground = "c", prior = prior, materials = {
    { kind = "application", present = true }, { kind = "cancellation_statement", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.6-cancellation-ground"] = "rectify" },
  messages = { ["5.1.6-cancellation-ground"] =
    "以5.1.6 c)“因人民法院、仲裁委员会的生效法律文书等导致原权利主体的数据相关权利丧失”为注销事由的，需提交生效法律文书" },
  decision = "rectify",
}

fixture {
  name = "5.2.1: a holder with an invalid code cannot be printed",
  case = { rights = { { kind = "holding", holder = { name = "某公司", uscc = "９1350100M000100Y43" } } } },
  expect = { ["5.2.1-certificate-fields"] = "rectify" },
}

-- 6.1.1: the wrong procedure is no ground to refuse; the case goes on in the ordinary one.
fixture {
  name = "6.1.1-public-product-under-simplified-is-routed-to-ordinary",
  case = { resource = { public_product = true } },
  expect = { ["6.1.1-ordinary-procedure"] = "pass" },
  messages = { ["6.1.1-ordinary-procedure"] = "公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核" },
  decision = "approve",
  route = "ordinary",
}

fixture {
  name = "6.1.1: a public-data product under the ordinary procedure passes",
  case = { procedure = "ordinary", resource = { public_product = true } },
  expect = { ["6.1.1-ordinary-procedure"] = "pass" },
  messages = { ["6.1.1-ordinary-procedure"] = "程序适用正确（普通程序）" },
}

fixture {
  name = "6.1.1: a product not declared public under the ordinary procedure needs a human",
  case = { procedure = "ordinary" },
  expect = { ["6.1.1-ordinary-procedure"] = "manual" },
}

-- Detection beyond the flag: public data platforms and government sources.
fixture {
  name = "6.1.1-public-data-source-not-declared-needs-a-human",
  case = { resource = { source = "广东省政务数据共享平台（经授权运营）" } },
  expect = { ["6.1.1-ordinary-procedure"] = "manual" },
  messages = { ["6.1.1-ordinary-procedure"] = "数据来源中出现“政务数据”，疑似公共数据产品，请核实是否应适用普通程序" },
  decision = "hold",
}

fixture {
  name = "6.2.2 a: missing third-party assessment needs supplement",
  case = { materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "business_license", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "rectify" },
  messages = { ["6.x-required-materials"] = "申请材料不全（6.2.2 a），需补正：第三方服务机构出具的实质性评估材料" },
  decision = "rectify",
}

-- A material dated after the review date did not exist when the case was reviewed.
fixture {
  name = "6.2.2a-material-dated-after-review-is-not-valid",
  case = { materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true, issued_date = "2026-03-17" },
    { kind = "business_license", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "rectify" },
  messages = { ["6.x-required-materials"] =
    "申请材料不全（6.2.2 a），需补正：第三方服务机构出具的实质性评估材料（出具日期晚于审核日期）" },
  decision = "rectify",
}

fixture {
  name = "6.2.2a-material-dated-on-review-day-is-valid",
  case = { materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "third_party_assessment", present = true, issued_date = "2026-03-16" },
    { kind = "business_license", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "pass" },
  decision = "approve",
}

local change = { reg_type = "change", prior = prior, change_description = "数据规模由10万条扩充至12万条",
                 materials = { { kind = "application", present = true }, { kind = "truth_commitment", present = true },
                               { kind = "anonymisation_assessment", present = true } } }

fixture {
  name = "6.4 a: change with a truthfulness commitment passes",
  case = change,
  expect = { ["6.x-required-materials"] = "pass", ["6.4-change-description"] = "pass" },
  messages = { ["6.4-change-description"] = "变更内容：数据规模由10万条扩充至12万条" },
  decision = "approve",
}

fixture {
  name = "6.4a-change-without-description-is-asked-for",
  case = { reg_type = "change", prior = prior, change_description = none, materials = change.materials },
  expect = { ["6.4-change-description"] = "rectify" },
  messages = { ["6.4-change-description"] = "变更登记申请未写明变更内容，需补正变更登记内容说明" },
  decision = "rectify",
}

fixture {
  name = "6.4a-change-without-proof-or-commitment",
  case = { reg_type = "change", prior = prior, change_description = "更正数据来源",
           materials = { { kind = "application", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "rectify" },
  messages = { ["6.x-required-materials"] = "申请材料不全（6.4 a），需补正：变更证明材料或真实性承诺材料" },
  decision = "rectify",
}

-- 5.1.3: a licence whose term has ended by the review date (2026-03-16) licenses nothing:
-- returned for a licence in force, never approved into a certificate the night cannot issue.
fixture {
  name = "5.1.3: a licence whose contract ended before the review is returned for supplement",
  case = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
           consideration = "许可使用费每年人民币80万元", materials = {
    { kind = "application", present = true },
    { kind = "contract", present = true, valid_until = "2026-03-10" },
    { kind = "authorization", present = true },
    { kind = "consideration_proof", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.4-license-transfer"] = "rectify" },
  messages = { ["5.1.4-license-transfer"] = "许可期限已届满：交易合同有效期至2026年3月10日，早于审核日期2026年3月16日，被许可方不能取得已届满的许可（5.1.3）：请补正有效期内的交易合同" },
  decision = "rectify",
}

fixture {
  name = "5.1.3: a renewed contract supplied beside the ended one: the licence runs",
  case = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
           consideration = "许可使用费每年人民币80万元", materials = {
    { kind = "application", present = true },
    { kind = "contract", present = true, valid_until = "2026-03-10" },
    { kind = "contract", present = true, valid_until = "2027-03-10" },
    { kind = "consideration_proof", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.4-license-transfer"] = "pass" },
  messages = { ["5.1.4-license-transfer"] = "交易双方、所涉权利及交易对价材料齐全" },
}

fixture {
  name = "5.1.3: a contract without an end date supplied beside the ended one: the licence runs",
  case = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
           consideration = "许可使用费每年人民币80万元", materials = {
    { kind = "application", present = true },
    { kind = "contract", present = true, valid_until = "2026-03-10" },
    { kind = "contract", present = true, issued_date = "2026-03-11" },
    { kind = "consideration_proof", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.4-license-transfer"] = "pass" },
  messages = { ["5.1.4-license-transfer"] = "交易双方、所涉权利及交易对价材料齐全" },
}

fixture {
  name = "5.1.3: a licence ending on the review date is still in force",
  case = { reg_type = "license", prior = prior, counterparty = licensee, rights = licensed,
           consideration = "许可使用费每年人民币80万元", materials = {
    { kind = "application", present = true },
    { kind = "contract", present = true, valid_until = "2026-03-16" },
    { kind = "consideration_proof", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["5.1.4-license-transfer"] = "pass" },
}
