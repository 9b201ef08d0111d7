-- A team's stricter 7.6 b that gives no severity: it stays a ban, as the shipped pack
-- declares it (7.6: 不得开展登记), and a waiver of it is refused (tests/e2e/waiver.sh).
check {
  id = "7.6b-tongfang",
  title = "涉及统方行为的数据不得登记（本团队规则）",
  clause = "7.6 b",
  run = function(c)
    if c.resource.tongfang then return fail("数据涉及统方，不得开展数据产权合规登记") end
    return pass("不涉及统方数据")
  end,
}
