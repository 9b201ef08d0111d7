check { id = "hc.err_level0", title = "error at level 0", clause = "test",
  run = function(c)
    error("plain message", 0)
  end }
