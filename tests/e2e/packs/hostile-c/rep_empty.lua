check { id = "hc.rep_empty", title = "string.rep of an empty string a trillion times", clause = "test",
  run = function(c)
    local a, b = string.rep("", 1e15), ("x"):rep(0, ",")
    return pass("empty " .. #a .. " " .. #b)
  end }
