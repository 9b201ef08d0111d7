check { id = "hostile.io", title = "io.open", clause = "test",
  run = function(c) local f = io.open("/etc/passwd") return pass("no") end }
