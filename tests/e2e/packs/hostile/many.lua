check { id = "hostile.many", title = "makes outcomes without end", clause = "test",
  run = function(c)
    for i = 1, 100000 do pass("第" .. i .. "次") end
    return pass("no")
  end }
