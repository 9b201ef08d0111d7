-- Our fixtures for our 7.1 b (the base case is the shipped one).
fixture {
  name = "team 7.1 b: serious dishonesty 4 years ago fails",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2022-05-20", description = "严重失信" } } } },
  expect = { ["7.1b-credit"] = "fail" },
}
fixture {
  name = "team 7.1 b: a record older than 5 years passes",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2021-03-16", description = "严重失信" } } } },
  expect = { ["7.1b-credit"] = "pass" },
}
fixture {
  name = "team 7.1 b: a lifted record passes",
  case = { applicant = { records = {
    { kind = "serious_dishonesty", record_date = "2024-01-10", lifted_date = "2024-07-01",
      description = "已移出" } } } },
  expect = { ["7.1b-credit"] = "pass" },
}
