-- 7.5 重要数据合规要点. Not for a cancellation.

local TYPES = {"first", "license", "transfer", "change"}

-- 7.5 a asks the processor to name an officer and a body: one not named is asked for
-- (补正), it is no ground to refuse.
check {
  id = "7.5a-security-officer",
  title = "重要数据处理者明确数据安全负责人和管理机构",
  clause = "7.5 a",
  severity = "high",
  types = TYPES,
  applies = function(c) return c.resource.important end,
  run = function(c)
    local o = c.resource.security_officer
    if o == nil or o == "" then
      return rectify("未明确数据安全负责人和管理机构，需补正",
        {field = "resource.security_officer", found = nil, wanted = "负责人及管理机构"})
    end
    return pass("数据安全负责人：" .. o)
  end,
}

-- 7.5 b: "定期" with the period a parameter in calendar months, counted back from the
-- as-of date as Civil Code art. 202 counts a period (2025-03-16 is 12 months before
-- 2026-03-16; 2023-03-01 is 12 months before 2024-03-01, 366 days).
check {
  id = "7.5b-risk-assessment",
  title = "定期开展风险评估并报送风险评估报告",
  clause = "7.5 b",
  types = TYPES,
  applies = function(c) return c.resource.important end,
  run = function(c)
    local m, s = hd.material("risk_assessment")
    if s == "future" then
      return rectify("风险评估报告出具日期" .. hd.date_cn(m.issued_date) .. "晚于审核日期，不能作为有效材料",
        {field = "materials.risk_assessment.issued_date", found = m.issued_date, wanted = "<= " .. hd.today()})
    end
    if s ~= "valid" then
      return rectify("未提交风险评估报告", {field = "materials.risk_assessment",
        found = s == "expired" and "已过有效期" or "未提交", wanted = "风险评估报告"})
    end
    if m.issued_date == nil then
      return rectify("风险评估报告未注明出具日期", {field = "materials.risk_assessment.issued_date", found = nil, wanted = "日期"})
    end
    local limit = hd.add_months(hd.today(), -P.risk_assessment_months)
    if m.issued_date < limit then
      return rectify("风险评估报告出具于" .. hd.date_cn(m.issued_date) .. "，已超过" .. P.risk_assessment_months .. "个月",
        {field = "materials.risk_assessment.issued_date", found = m.issued_date, wanted = ">= " .. limit})
    end
    return pass("风险评估报告在有效期内（" .. hd.date_cn(m.issued_date) .. "出具）")
  end,
}
