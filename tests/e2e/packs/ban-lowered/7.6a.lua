-- A team's 7.6 a declared waivable, its severity not given: it does not load (7.6: 不得开展
-- 登记; tests/e2e/waiver.sh).
check {
  id = "7.6a-state-secrets",
  title = "涉及国家秘密的数据（本团队放宽）",
  clause = "7.6 a",
  waivable = true,
  run = function(c) return pass("不涉及") end,
}
