fixture { name = "wrong expectation", case = { resource = { tongfang = true } }, expect = { ["7.6b-tongfang"] = "pass", ["no.such"] = "fail" } }
fixture { name = "missing expectation", case = { resource = { state_secret = true } }, expect = {} }
