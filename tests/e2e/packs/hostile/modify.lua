check { id = "hostile.modify", title = "modify the case", clause = "test",
  run = function(c) c.resource.state_secret = false return pass("no") end }
