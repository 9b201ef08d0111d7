params { lookback_years = 1 }
