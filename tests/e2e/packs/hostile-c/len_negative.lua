check { id = "hc.len_negative", title = "table.insert when __len is negative", clause = "test",
  run = function(c)
    local t = setmetatable({}, {__len = function() return -(1 << 62) end})
    table.insert(t, math.mininteger, 1)
    return pass("done")
  end }
