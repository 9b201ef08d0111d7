local it = string.rep("x", 1000):gmatch("()x")
check { id = "hc.iter", title = "t", clause = "t", run = function(c)
  local n = it()
  if n > 1 then return fail("this is evaluation number " .. n) end
  return pass("first evaluation")
end }
