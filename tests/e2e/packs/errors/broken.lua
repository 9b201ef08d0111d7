-- A check that fails to run on one case (tests/e2e/letters.sh): the case is held for a
-- person, the error goes to the run's problems, and no opinion is written.
check { id = "test.broken", title = "a rule with a bug", clause = "7.1 a",
  applies = function(c) return c.number == "SQ-2026-0027" end,
  run = function(c) return c.applicant.nothing.here end }
