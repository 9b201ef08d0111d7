check { id = "hc.gmatch_anchor", title = "t", clause = "t", run = function(c)
  local s = string.rep("^", 7000)
  for x in s:gmatch("^.-.-b") do end
  return pass("done")
end }
