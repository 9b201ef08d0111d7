check { id = "hc.call_self", title = "a __call that is the table itself", clause = "test",
  run = function(c)
    local t = {}
    setmetatable(t, {__call = t})
    return pass("set")
  end }
