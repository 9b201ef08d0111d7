check { id = "hc.field_typo", title = "a misspelt case field", clause = "test",
  run = function(c)
    return pass(c.applicant.nmae)
  end }
