fixture { name = "strict reads", case = { number = "FX-STRICT" }, expect = { ["strict.ok"] = "pass" } }
