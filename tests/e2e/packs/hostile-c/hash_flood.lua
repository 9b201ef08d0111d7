check { id = "hc.hash_flood", title = "t", clause = "t", run = function(c)
  local m = (1 << 18) - 1
  local t = {}
  for i = 1, (1 << 17) + 1 do t[i * m] = true end
  return pass("built")
end }
check { id = "hc.hash_flood_after", title = "t", clause = "t", run = function(c)
  return pass("after " .. c.number)
end }
