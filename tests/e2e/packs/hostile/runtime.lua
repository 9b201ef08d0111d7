check { id = "hostile.runtime", title = "runtime error", clause = "test",
  run = function(c)
    local x = nil
    return pass(x.field)
  end }
