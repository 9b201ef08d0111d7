params { lookback_yaers = 1 }
