check { id = "hc.rep_big", title = "string.rep past the memory", clause = "test",
  run = function(c)
    return pass(#("x"):rep(1e12))
  end }
