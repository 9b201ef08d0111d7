check { id = "hc.err_number", title = "error with a number", clause = "test",
  run = function(c)
    error(42)
  end }
