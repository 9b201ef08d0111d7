-- 7.1 subject eligibility.
fixture { name = "base case passes everything", expect = {}, decision = "approve" }

fixture {
  name = "7.1 a: invalid credit code fails",
  case = { applicant = { uscc = "91350203M0001QAY9B" } },
  expect = { ["7.1a-identity"] = "fail" },
}

fixture {
  name = "7.1 a: expired business licence fails",
  case = { applicant = { id_doc_valid_until = "2025-12-31" } },
  expect = { ["7.1a-identity"] = "fail" },
}

fixture {
  name = "7.1 b: serious dishonesty within 3 years fails",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2024-05-20", description = "严重失信" } } } },
  expect = { ["7.1b-credit"] = "fail" },
}

fixture {
  name = "7.1 b: a record older than 3 years passes",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2023-03-16", description = "严重失信" } } } },
  expect = { ["7.1b-credit"] = "pass" },
}

-- 7.1 b and c ask about the last three years: a record lifted since still lies in them.
fixture {
  name = "7.1b-lifted-within-3-years-still-counts",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2025-01-10", lifted_date = "2025-07-01", description = "已移出" } } } },
  expect = { ["7.1b-credit"] = "fail" },
  messages = { ["7.1b-credit"] = "近3年内有严重违法失信记录" },
  decision = "reject",
}

fixture {
  name = "7.1b-lifted-before-3-years-passes",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2022-01-10", lifted_date = "2022-07-01", description = "已移出" } } } },
  expect = { ["7.1b-credit"] = "pass" },
  messages = { ["7.1b-credit"] = "近3年内无严重违法失信记录" },
  decision = "approve",
}

fixture {
  name = "7.1c-penalty-lifted-within-3-years-still-counts",
  case = { applicant = { records = {
    { kind = "data_penalty", record_date = "2024-09-03", lifted_date = "2025-02-01", description = "罚款（已撤销）" } } } },
  expect = { ["7.1c-penalties"] = "fail" },
  messages = { ["7.1c-penalties"] = "近3年内有涉及数据的行政处罚或刑事责任记录" },
  decision = "reject",
}

fixture {
  name = "7.1 c: data penalty within 3 years fails",
  case = { applicant = { records = {
    { kind = "data_penalty", record_date = "2025-03-11", description = "罚款" } } } },
  expect = { ["7.1c-penalties"] = "fail" },
}

fixture {
  name = "7.1 c: criminal record within 3 years fails",
  case = { applicant = { records = {
    { kind = "criminal", record_date = "2024-01-02", description = "刑事责任" } } } },
  expect = { ["7.1c-penalties"] = "fail" },
}

fixture {
  name = "7.1 d: no capability evidence needs a human",
  case = { applicant = { capability_evidence = none } },
  expect = { ["7.1d-capability"] = "manual" },
}
