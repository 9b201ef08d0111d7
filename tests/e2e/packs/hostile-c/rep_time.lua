check { id = "hc.rep_time", title = "C calls that take time, one after another", clause = "test",
  run = function(c)
    for _ = 1, 1e9 do local s = ("x"):rep(1e6) end
    return pass("done")
  end }
