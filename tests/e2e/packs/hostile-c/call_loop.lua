check { id = "hc.call_loop", title = "a __call chain that loops inside Lua's C (no hook fires there)", clause = "test",
  run = function(c)
    local t = setmetatable({}, {})
    getmetatable(t).__call = t
    return t()
  end }
