check { id = "hc.err_tostring", title = "error whose __tostring raises", clause = "test",
  run = function(c)
    error(setmetatable({}, {__tostring = function() error("boom") end}))
  end }
