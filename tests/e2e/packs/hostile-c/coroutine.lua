check { id = "hc.coroutine", title = "coroutines", clause = "test",
  run = function(c)
    local co = coroutine.create(function() end)
    return pass("made")
  end }
