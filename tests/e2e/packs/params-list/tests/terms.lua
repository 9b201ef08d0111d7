fixture { name = "7.6b-team-term", case = { resource = { field_samples = "主治医师、耗材用量" } },
  expect = { ["7.6b-tongfang"] = "manual" },
  messages = { ["7.6b-tongfang"] = "数据字段示例中出现“主治医师”，数据字段示例中出现“耗材用量”，疑似按医生统计处方用药量或耗材用量的统方数据，需人工核查" },
  decision = "hold" }
