check { id = "hc.pack", title = "string.pack", clause = "test",
  run = function(c)
    return pass(string.pack("i4", 1))
  end }
