local seen = {}
check { id = "hc.state_table", title = "keeps cases in a file-level table", clause = "test",
  run = function(c)
    seen[#seen + 1] = c.number
    return pass(#seen .. " seen")
  end }
