check { id = "hostile.swallow", title = "loop that tries to catch the budget error", clause = "test",
  run = function(c)
    for _ = 1, 1000 do pcall(function() while true do end end) end
    return pass("escaped")
  end }
