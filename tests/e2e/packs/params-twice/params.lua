-- Declares a name the shipped pack already declares: an error naming where.
declare_params { lookback_years = 5 }
