check { id = "hc.rawset", title = "rawset on the case", clause = "test",
  run = function(c)
    rawset(c, "number", "x")
    return pass("set")
  end }
