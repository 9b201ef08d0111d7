check { id = "hc.gsub_fn", title = "gsub whose replacement function loops", clause = "test",
  run = function(c)
    return pass((("abc"):gsub(".", function() while true do end end)))
  end }
