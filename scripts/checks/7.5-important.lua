-- 7.5 重要数据合规要点.

check {
  id = "7.5a-security-officer",
  title = "重要数据处理者明确数据安全负责人和管理机构",
  clause = "7.5 a",
  severity = "high",
  applies = function(c) return c.resource.important end,
  run = function(c)
    local o = c.resource.security_officer
    if o == nil or o == "" then
      return fail("未明确数据安全负责人和管理机构", {field = "resource.security_officer", found = nil, wanted = "负责人及管理机构"})
    end
    return pass("数据安全负责人：" .. o)
  end,
}

check {
  id = "7.5b-risk-assessment",
  title = "定期开展风险评估并报送风险评估报告",
  clause = "7.5 b",
  applies = function(c) return c.resource.important end,
  run = function(c)
    local m, s = hd.material("risk_assessment")
    if s ~= "valid" then
      return rectify("未提交风险评估报告", {field = "materials.risk_assessment", found = s, wanted = "valid"})
    end
    if m.issued_date == nil then
      return rectify("风险评估报告未注明出具日期", {field = "materials.risk_assessment.issued_date", found = nil, wanted = "日期"})
    end
    local limit = hd.add_days(hd.today(), -math.floor(P.risk_assessment_months * 365 / 12))
    if m.issued_date < limit then
      return rectify("风险评估报告出具于" .. m.issued_date .. "，已超过" .. P.risk_assessment_months .. "个月",
        {field = "materials.risk_assessment.issued_date", found = m.issued_date, wanted = ">= " .. limit})
    end
    return pass("风险评估报告在有效期内（" .. m.issued_date .. "）")
  end,
}
