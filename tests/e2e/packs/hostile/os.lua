check { id = "hostile.os", title = "os.execute", clause = "test",
  run = function(c) os.execute("touch /tmp/hdreg-pwned") return pass("no") end }
