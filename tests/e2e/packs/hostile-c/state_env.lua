check { id = "hc.state_env", title = "replaces _ENV to keep a counter", clause = "test",
  run = function(c)
    if rawget(_ENV, "n") == nil then
      local old = _ENV
      _ENV = setmetatable({n = 0}, {__index = old})
    end
    n = n + 1
    return pass(n .. " cases")
  end }
