check { id = "hc.len_twice", title = "t", clause = "t", run = function(c)
  local calls = 0
  local t = setmetatable({}, {__len = function() calls = calls + 1; if calls == 1 then return 1 end return 1 << 40 end})
  table.insert(t, 2, "x")
  local u = setmetatable({}, {__len = function() calls = calls + 1; if calls == 3 then return 1 end return 1 << 40 end})
  table.remove(u, 1)
  return pass("done " .. calls)
end }
