check { id = "hc.gsub_repl", title = "gsub with a replacement walked at every match", clause = "test",
  run = function(c)
    return pass(#string.gsub(string.rep("x", 100000), "x(y?)", string.rep("%1", 500000)))
  end }
