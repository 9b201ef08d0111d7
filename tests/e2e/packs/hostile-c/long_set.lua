check { id = "hc.long_set", title = "t", clause = "t", run = function(c)
  local s = string.rep("z", 7000)
  local p = "[" .. string.rep("a", 5000) .. "z]*x"
  return pass(tostring(s:find(p)))
end }
