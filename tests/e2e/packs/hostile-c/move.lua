check { id = "hc.move", title = "table.move of a quadrillion elements", clause = "test",
  run = function(c)
    table.move({}, 1, 1e15, 2)
    return pass("moved")
  end }
