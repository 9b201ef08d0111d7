check { id = "hc.gc", title = "a finalizer that never returns", clause = "test",
  run = function(c)
    setmetatable({}, {__gc = function() while true do end end})
    return pass("finalizer set")
  end }
