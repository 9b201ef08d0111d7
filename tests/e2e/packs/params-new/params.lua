-- A new name through params { }: an error that says how to declare one.
params { our_threshold = 5 }
