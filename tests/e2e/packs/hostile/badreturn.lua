check { id = "hostile.badreturn", title = "returns a string", clause = "test",
  run = function(c) return "pass" end }
