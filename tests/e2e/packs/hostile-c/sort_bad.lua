check { id = "hc.sort_bad", title = "table.sort with a comparator that is always true", clause = "test",
  run = function(c)
    local t = {}
    for i = 1, 200 do t[i] = i end
    table.sort(t, function(a, b) return true end)
    return pass("sorted")
  end }
