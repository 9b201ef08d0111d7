check { id = "hc.sort_big", title = "table.sort of 300000 elements", clause = "test",
  run = function(c)
    local t = {string.byte(("x"):rep(300000), 1, -1)}
    table.sort(t)
    return pass("sorted " .. #t)
  end }
