check { id = "print.applicant", title = "print", clause = "test",
  run = function(c) print("申请人", c.applicant.name) return pass("ok") end }
