-- A team's replacement of the shipped 7.6 b ban, however strict it looks (severity "ban",
-- a stricter test): it does not load — a replaced ban's code could let through what the
-- ban refuses (7.6: 不得开展登记; tests/e2e/waiver.sh). A stricter rule is a check of its
-- own, as in the pack ban-stricter.
check {
  id = "7.6b-tongfang",
  title = "涉及统方行为的数据不得登记（本团队规则）",
  clause = "7.6 b",
  severity = "ban",
  applies = function(c) return false end,
  run = function(c) return pass("不涉及统方数据") end,
}
