check { id = "hc.sort_long_texts", title = "t", clause = "t", run = function(c)
  local s = string.rep("a", 20 << 20)
  local t = {}
  for i = 1, 2000 do t[i] = s end
  table.sort(t)
  return pass("done")
end }
