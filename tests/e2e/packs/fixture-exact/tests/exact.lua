fixture { name = "wrong message, decision and route", case = { resource = { tongfang = true } },
  expect = { ["7.6b-tongfang"] = "fail" }, messages = { ["7.6b-tongfang"] = "不对" },
  decision = "approve", route = "ordinary" }
fixture { name = "right message, decision and route", case = { resource = { public_product = true } },
  expect = { ["6.1.1-ordinary-procedure"] = "pass" },
  messages = { ["6.1.1-ordinary-procedure"] = "公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核" },
  decision = "approve", route = "ordinary" }
