check { id = "hostile.evidence", title = "evidence whose fields run an endless loop", clause = "test",
  run = function(c)
    return manual("证据字段由元方法提供", setmetatable({}, {__index = function() while true do end end}))
  end }
