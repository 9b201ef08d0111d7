-- A later directory changes the parameter the team declared, like a shipped one.
params { credit_lookback_years = 1 }
