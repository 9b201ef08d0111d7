local n = 0
check { id = "hc.state_counter", title = "counts cases in a file-level local", clause = "test",
  run = function(c)
    n = n + 1
    return pass(n .. " cases")
  end }
