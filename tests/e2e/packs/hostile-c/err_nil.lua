check { id = "hc.err_nil", title = "error with nothing", clause = "test",
  run = function(c)
    error()
  end }
