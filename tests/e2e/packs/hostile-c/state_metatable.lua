local obj = setmetatable({}, {__index = {store = {}}})
check { id = "hc.state_metatable", title = "t", clause = "t", run = function(c)
  local s = obj.store
  s.n = (s.n or 0) + 1
  if s.n > 1 then return fail("case number " .. s.n .. " in this process") end
  return pass("first")
end }
