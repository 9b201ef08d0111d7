-- 7.1 subject eligibility.
fixture { name = "base case passes everything", expect = {} }

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

fixture {
  name = "7.1 b: a lifted record passes",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2025-01-10", lifted_date = "2025-07-01", description = "已移出" } } } },
  expect = { ["7.1b-credit"] = "pass" },
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
