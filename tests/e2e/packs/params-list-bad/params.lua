params { tongfang_terms = {"统方", 2} }
