-- A team's stricter rule beside the shipped 7.6 b ban, under an id of its own: a ban too
-- (severity "ban"), so never waived (7.6: 不得开展登记; tests/e2e/waiver.sh).
check {
  id = "7.6b-tongfang-team",
  title = "涉及统方行为的数据不得登记（本团队规则）",
  clause = "7.6 b",
  severity = "ban",
  run = function(c)
    if c.resource.tongfang then return fail("数据涉及统方，不得开展数据产权合规登记") end
    return pass("不涉及统方数据")
  end,
}
