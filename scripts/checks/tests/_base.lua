-- The base case every fixture starts from: a first registration under the simplified
-- procedure that passes every check. A fixture's `case` is merged over it (maps key by
-- key; lists such as materials replace the whole list; `none` removes a field). Fixtures
-- of other registration types take a prior certificate from tests/prior.lua's helpers
-- written out in each file (fixture files share nothing).
base {
  as_of = "2026-03-16",
  number = "FX-0001",
  reg_type = "first",
  procedure = "simplified",
  applied_date = "2026-03-01",
  applicant = {
    name = "广东省示例人民医院",
    uscc = "91350100M000100Y43",
    kind = "public_hospital",
    id_doc_valid_until = "2030-12-31",
    capability_evidence = "数据管理团队12人；DCMM三级",
    records = {},
  },
  resource = {
    name = "示例住院病历数据集",
    data_class = "medical_application",
    grade = 3,
    source = "示例医院电子病历系统",
    scale_records = 100000,
    scale_bytes = 1073741824,
    personal_info = true, sensitive = true, anonymised = true, deidentified = false,
    needs_identification = false, automated_decision = false, entrusted = false,
    provided_to_others = false, published = false, human_research = false, genetic = false,
    cross_border = false, cb_persons = 0, cb_sensitive_persons = 0, cii_operator = false,
    important = false, state_secret = false, tongfang = false, public_product = false,
  },
  rights = {
    {kind = "holding", holder = {name = "广东省示例人民医院", uscc = "91350100M000100Y43"}},
    {kind = "use", holder = {name = "广东省示例人民医院", uscc = "91350100M000100Y43"}},
  },
  materials = {
    {kind = "application", present = true},
    {kind = "resource_description", present = true},
    {kind = "third_party_assessment", present = true},
    {kind = "business_license", present = true, valid_until = "2030-12-31"},
    {kind = "anonymisation_assessment", present = true},
    {kind = "deidentification_report", present = true},
    {kind = "privacy_policy", present = true},
    {kind = "separate_consent", present = true},
    {kind = "pia_report", present = true},
  },
  objections = {},
}
