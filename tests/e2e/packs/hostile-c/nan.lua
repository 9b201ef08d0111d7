check { id = "hc.nan", title = "NaN and infinity in evidence", clause = "test",
  run = function(c)
    return pass("nan", {field = "x", found = 0/0, wanted = math.huge})
  end }
