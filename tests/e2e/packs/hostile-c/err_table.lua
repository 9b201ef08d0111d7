check { id = "hc.err_table", title = "error with a table", clause = "test",
  run = function(c)
    error({code = 1})
  end }
