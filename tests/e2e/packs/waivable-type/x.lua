-- waivable must be true or false (tests/e2e/waiver.sh).
check {
  id = "5.1.1-first-registration",
  title = "未办理首次登记的，不得办理其他类型登记",
  clause = "5.1.1",
  waivable = "yes",
  run = function(c) return pass("") end,
}
