check { id = "hc.big_message", title = "a message of 300000 bytes", clause = "test",
  run = function(c)
    return pass(("长"):rep(100000))
  end }
