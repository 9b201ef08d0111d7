-- Clauses 4, 5 and 6: classification, registration rules, procedures, materials.
local prior = { number = "20250644000000001R", status = "issued", valid_until = "2028-06-20" }
local trade = {
  { kind = "application", present = true },
  { kind = "contract", present = true },
  { kind = "consideration_proof", present = true },
  { kind = "anonymisation_assessment", present = true },
}

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
  case = { reg_type = "license", prior = prior, counterparty = { name = "被许可方", uscc = "91440101MA5CJQ4N59" },
           materials = trade },
  expect = { ["5.1.1-first-registration"] = "pass", ["5.1.4-license-transfer"] = "pass" },
}

fixture {
  name = "5.1.1: license without a first registration fails",
  case = { reg_type = "license", counterparty = { name = "被许可方" }, materials = trade },
  expect = { ["5.1.1-first-registration"] = "fail" },
}

fixture {
  name = "5.1.1: transfer on a superseded certificate fails",
  case = { reg_type = "transfer", counterparty = { name = "受让方" }, materials = trade,
           prior = { number = "X", status = "superseded", valid_until = "2028-01-01" } },
  expect = { ["5.1.1-first-registration"] = "fail" },
}

fixture {
  name = "5.1.4: license without consideration proof needs supplement",
  case = { reg_type = "license", prior = prior, counterparty = { name = "被许可方" }, materials = {
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
  expect = { ["5.1.6-cancellation-ground"] = "pass" },
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
}

fixture {
  name = "5.2.1: a holder with an invalid code cannot be printed",
  case = { rights = { { kind = "holding", holder = { name = "某公司", uscc = "９1350100M000100Y43" } } } },
  expect = { ["5.2.1-certificate-fields"] = "rectify" },
}

fixture {
  name = "6.1.1: a public-data product under the simplified procedure fails",
  case = { resource = { public_product = true } },
  expect = { ["6.1.1-ordinary-procedure"] = "fail" },
}

fixture {
  name = "6.1.1: a public-data product under the ordinary procedure passes",
  case = { procedure = "ordinary", resource = { public_product = true } },
  expect = { ["6.1.1-ordinary-procedure"] = "pass" },
}

fixture {
  name = "6.2.2 a: missing third-party assessment needs supplement",
  case = { materials = {
    { kind = "application", present = true }, { kind = "resource_description", present = true },
    { kind = "business_license", present = true }, { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "rectify" },
}

fixture {
  name = "6.4 a: change with a truthfulness commitment passes",
  case = { reg_type = "change", prior = prior, materials = {
    { kind = "application", present = true }, { kind = "truth_commitment", present = true },
    { kind = "anonymisation_assessment", present = true } } },
  expect = { ["6.x-required-materials"] = "pass" },
}
