-- A base case with a field no case has: the fixture tests do not start.
base { as_of = "2026-03-16", number = "FX-0002", reg_type = "first", procedure = "simplified",
  status = "authority_review", applied_date = "2026-03-01",
  applicant = { name = "示例医院", uscc = "91350100M000100Y43", kind = "public_hospital",
                adress = "广州", records = {} } }
