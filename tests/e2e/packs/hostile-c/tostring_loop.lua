check { id = "hc.tostring_loop", title = "__tostring that loops", clause = "test",
  run = function(c)
    return pass(tostring(setmetatable({}, {__tostring = function() while true do end end})))
  end }
