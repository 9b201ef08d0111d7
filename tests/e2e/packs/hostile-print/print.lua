check { id = "hp.print", title = "prints escapes, bad bytes and a table", clause = "test",
  run = function(c) print("\27[31mRED\255", {}, print) return pass("printed") end }
