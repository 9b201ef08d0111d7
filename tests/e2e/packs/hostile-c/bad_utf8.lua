check { id = "hc.bad_utf8", title = "bytes that are not UTF-8", clause = "test",
  run = function(c)
    return pass("\255\254 ok")
  end }
