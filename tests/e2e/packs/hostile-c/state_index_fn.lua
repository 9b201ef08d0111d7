local n = 0
local obj = setmetatable({}, {__index = function(t, k) n = n + 1; return n end})
check { id = "hc.state_index_fn", title = "t", clause = "t", run = function(c)
  return pass("read " .. obj.x)
end }
