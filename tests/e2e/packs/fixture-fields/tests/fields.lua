-- Fixture cases that set what no case has, or a value of the wrong type: each is an error
-- naming the fixture's file:line and the value's path.
fixture { name = "misspelt field", case = { applicant = { nmae = "x" } }, expect = {} }
fixture { name = "flag given as 1", case = { resource = { sensitive = 1 } }, expect = {} }
fixture { name = "table for a text", case = { applicant = { name = { "x" } } }, expect = {} }
fixture { name = "text for a whole number", case = { resource = { grade = "3" } }, expect = {} }
fixture { name = "list written as a record",
  case = { materials = { kind = "application", present = true } }, expect = {} }
fixture { name = "misspelt field in a list",
  case = { applicant = { records = {
    { kind = "criminal", record_dat = "2025-01-01", description = "x" } } } }, expect = {} }
fixture { name = "text in a list of records", case = { objections = { "withdrawn" } }, expect = {} }
fixture { name = "holder of a right",
  case = { rights = { { kind = "holding", holder = { nam = "x" } } } }, expect = {} }
fixture { name = "case field", case = { numbr = "FX-1" }, expect = {} }
fixture { name = "far from every field", case = { resource = { colour = "blue" } }, expect = {} }
fixture { name = "record given as a text", case = { prior = "ZS-1" }, expect = {} }
fixture { name = "removed with none is fine", case = { applicant = { address = none } }, expect = {} }
