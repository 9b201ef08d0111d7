-- 7.6 特殊类型数据合规要点: bans. A ban rejects the case whatever else passes.

check {
  id = "7.6a-state-secrets",
  title = "涉及国家秘密、国家与公共安全的数据不得登记",
  clause = "7.6 a",
  severity = "ban",
  run = function(c)
    if c.resource.state_secret then
      return fail("数据涉及国家秘密或国家与公共安全，不得开展数据产权合规登记",
        {field = "resource.state_secret", found = true, wanted = false})
    end
    return pass("不涉及国家秘密、国家与公共安全")
  end,
}

check {
  id = "7.6b-tongfang",
  title = "涉及统方行为的数据不得登记",
  clause = "7.6 b",
  severity = "ban",
  run = function(c)
    if c.resource.tongfang then
      return fail("数据涉及统方（按医生统计处方用药量、耗材用量），不得开展数据产权合规登记",
        {field = "resource.tongfang", found = true, wanted = false})
    end
    return pass("不涉及统方数据")
  end,
}
