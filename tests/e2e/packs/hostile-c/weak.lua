check { id = "hc.weak", title = "t", clause = "t", run = function(c)
  local w = setmetatable({}, {__mode = "v"})
  return pass("alive")
end }
