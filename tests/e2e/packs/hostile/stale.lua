local kept
check { id = "hostile.stale1", title = "keeps its outcome", clause = "test",
  run = function(c) kept = pass("kept") return kept end }
check { id = "hostile.stale2", title = "returns an outcome another run made", clause = "test",
  run = function(c) return kept end }
