check { id = "hostile.load", title = "load bytecode", clause = "test",
  run = function(c) local f = load("\27Lua") return pass("no") end }
