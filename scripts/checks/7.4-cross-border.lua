-- 7.4 出境传输合规要点 (thresholds are parameters: see params.lua). Not for a cancellation.

check {
  id = "7.4-cross-border",
  title = "数据出境按类型和数量完成安全评估、标准合同备案或个人信息保护认证",
  clause = "7.4",
  severity = "high",
  types = {"first", "license", "transfer", "change"},
  applies = function(c) return c.resource.cross_border end,
  run = function(c)
    local r = c.resource
    local persons, sensitive = r.cb_persons or 0, r.cb_sensitive_persons or 0
    local needs
    if r.important or r.cii_operator or persons >= P.cb_assessment_persons or
       sensitive >= P.cb_assessment_sensitive_persons then
      needs = "security_assessment"
    elseif persons >= P.cb_contract_persons or sensitive > 0 then
      needs = "contract"
    end
    local ev = {field = "resource.cb_persons/cb_sensitive_persons", found = persons .. "/" .. sensitive}
    if needs == nil then
      return pass("出境个人信息" .. persons .. "人，低于申报门槛")
    end
    if needs == "security_assessment" then
      local _, s = hd.material("security_assessment")
      if s ~= "valid" then
        ev.wanted = "数据出境安全评估（有效期内）"
        return fail("应申报数据出境安全评估而未通过（" .. (s == "expired" and "评估结果已过有效期" or "未提交评估结果") .. "）", ev)
      end
      return pass("已通过数据出境安全评估")
    end
    local _, a = hd.material("standard_contract_filing")
    local _, b = hd.material("pi_certification")
    if a ~= "valid" and b ~= "valid" then
      ev.wanted = "个人信息出境标准合同备案或个人信息保护认证"
      return rectify("未完成标准合同备案或个人信息保护认证", ev)
    end
    return pass("已完成标准合同备案或个人信息保护认证")
  end,
}
