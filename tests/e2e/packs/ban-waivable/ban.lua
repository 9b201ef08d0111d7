-- A ban declared waivable: the pack refuses to load (tests/e2e/waiver.sh).
check {
  id = "7.6a-state-secrets",
  title = "涉及国家秘密的数据不得登记",
  clause = "7.6 a",
  severity = "ban",
  waivable = true,
  run = function(c) return pass("不涉及") end,
}
