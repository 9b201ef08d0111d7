-- A number overridden by a text: an error naming the declaration.
params { lookback_years = "5" }
