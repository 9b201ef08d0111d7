check { id = "hc.list_name", title = "a list indexed by name", clause = "test",
  run = function(c)
    return pass(c.materials.kind)
  end }
