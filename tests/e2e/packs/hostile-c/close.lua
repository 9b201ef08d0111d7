check { id = "hc.close", title = "a to-be-closed variable whose __close loops", clause = "test",
  run = function(c)
    local x <close> = setmetatable({}, {__close = function() while true do end end})
    return pass("closed")
  end }
