check { id = "hostile.memory", title = "memory bomb", clause = "test",
  run = function(c) local t = {} local s = "x" for i = 1, 100 do s = s .. s; t[i] = s end return pass("no") end }
