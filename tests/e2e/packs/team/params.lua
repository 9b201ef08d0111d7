-- A parameter of our own (the shipped ones stay as they are).
declare_params { credit_lookback_years = 5 }
