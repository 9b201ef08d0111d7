check { id = "hc.insert_len", title = "table.insert on a table whose __len lies", clause = "test",
  run = function(c)
    local t = setmetatable({}, {__len = function() return 1e15 end})
    table.insert(t, 1, "x")
    return pass("inserted")
  end }
