check { id = "hc.material_typo", title = "a misspelt material kind", clause = "test",
  run = function(c)
    local m, s = hd.material("secruity_assessment")
    return pass(s)
  end }
