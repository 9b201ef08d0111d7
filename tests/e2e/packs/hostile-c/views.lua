check { id = "hc.views", title = "views iterate like tables, in a fixed order", clause = "test",
  run = function(c)
    local keys = {}
    for k in pairs(c.resource) do keys[#keys + 1] = k end
    return pass(string.format("%s %d %d %s", tostring(next(c.materials) ~= nil), rawlen(c.materials),
      #c.materials, table.concat(keys, ",", 1, 4)))
  end }
