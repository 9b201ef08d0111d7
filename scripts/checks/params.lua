-- Parameters that law or the authority sets. A legal team overrides any of them with a
-- params.lua of its own in a directory given with --checks (unknown keys are errors).
params {
  -- 7.1 b, c: "近 3 年" counted back from the as-of date.
  lookback_years = 3,
  -- 7.4, from the 2024 provisions on promoting and regulating cross-border data flows
  -- (people counted since 1 January of the year).
  cb_assessment_persons = 1000000,          -- personal information: security assessment at or above
  cb_assessment_sensitive_persons = 10000,  -- sensitive personal information: assessment at or above
  cb_contract_persons = 100000,             -- personal information: standard contract / certification at or above
  -- 7.5 b: a risk assessment report must be at most this many months old.
  risk_assessment_months = 12,
}
