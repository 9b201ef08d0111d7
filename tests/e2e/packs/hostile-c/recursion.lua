check { id = "hc.recursion", title = "endless recursion", clause = "test",
  run = function(c)
    local function f(n) return f(n + 1) + 1 end
    return pass(tostring(f(1)))
  end }
