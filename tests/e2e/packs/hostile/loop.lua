check { id = "hostile.loop", title = "endless loop", clause = "test",
  run = function(c) while true do end end }
