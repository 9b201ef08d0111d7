check { id = "hc.match_literal", title = "a long literal pattern on a long text", clause = "test",
  run = function(c)
    return pass(tostring(("a"):rep(1e6):match(("a"):rep(5000) .. "b")))
  end }
