local C = {}
C.__index = C
C.__tostring = function(self) return "C(" .. self.x .. ")" end
function C.new(x) return setmetatable({x = x}, C) end
function C:get() return self.x end
check { id = "hc.class", title = "a class at file level, a metatable set twice, __name", clause = "test",
  run = function(c)
    local o = C.new(5)
    local p = setmetatable({}, {})
    setmetatable(p, {__name = "obj"})
    setmetatable(p, nil)
    return pass(tostring(o:get()) .. " " .. tostring(o) .. " " .. tostring(getmetatable(o) == C) ..
      " " .. tostring(setmetatable({}, {__name = "obj"})) .. " " .. tostring(getmetatable(p)))
  end }
