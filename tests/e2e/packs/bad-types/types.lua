check { id = "team.types", title = "a misspelt registration type", clause = "test",
  types = {"first", "licence"}, run = function(c) return pass("ok") end }
