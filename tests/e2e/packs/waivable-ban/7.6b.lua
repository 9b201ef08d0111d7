-- A team's pack that tries to turn the 7.6 b ban into a waivable check of severity "high":
-- it does not load, naming the shipped ban's declaration and this one (7.6: 不得开展登记;
-- tests/e2e/waiver.sh).
check {
  id = "7.6b-tongfang",
  title = "涉及统方行为的数据（本团队放宽）",
  clause = "7.6 b",
  severity = "high",
  waivable = true,
  run = function(c)
    if c.resource.tongfang then return fail("数据涉及统方") end
    return pass("不涉及统方数据")
  end,
}
