-- 7.1 登记主体审核的合规要点. Not for a cancellation: a subject that has lost its
-- qualification is itself a ground to cancel (5.1.6 a).

local TYPES = {"first", "license", "transfer", "change"}

check {
  id = "7.1a-identity",
  title = "登记主体身份合法、真实、有效",
  clause = "7.1 a",
  severity = "high",
  types = TYPES,
  run = function(c)
    local a = c.applicant
    local ok, msg = hd.uscc(a.uscc)
    if not ok then
      return fail("统一社会信用代码无效：" .. msg, {field = "applicant.uscc", found = a.uscc, wanted = "GB 32100 有效代码"})
    end
    if a.id_doc_valid_until == nil then
      return rectify("未提供主体资格证明的有效期", {field = "applicant.id_doc_valid_until", found = nil, wanted = "营业执照或法人登记证书"})
    end
    if a.id_doc_valid_until < hd.today() then
      return fail("主体资格证明已于" .. hd.date_cn(a.id_doc_valid_until) .. "过期",
        {field = "applicant.id_doc_valid_until", found = a.id_doc_valid_until, wanted = ">= " .. hd.today()})
    end
    return pass("主体身份证明有效，统一社会信用代码校验通过")
  end,
}

-- Records of a kind within the look-back period. A record lifted since (移出名单, 处罚
-- 撤销) still lies within the period: 7.1 b and c ask whether the subject was listed or
-- penalised in the last three years, not whether it still is.
local function recent(c, kind)
  local found = {}
  for _, r in ipairs(c.applicant.records) do
    if r.kind == kind and hd.within_years(r.record_date, P.lookback_years) then
      local lifted = r.lifted_date ~= nil and r.lifted_date <= hd.today()
      found[#found + 1] = {field = "applicant.records",
                           found = r.record_date .. " " .. r.description ..
                             (lifted and "（" .. r.lifted_date .. "已解除）" or ""),
                           wanted = "近" .. P.lookback_years .. "年内无此类记录"}
    end
  end
  return found
end

check {
  id = "7.1b-credit",
  title = "近3年内没有严重违法失信行为",
  clause = "7.1 b",
  severity = "high",
  types = TYPES,
  run = function(c)
    local r = recent(c, "serious_dishonesty")
    if #r > 0 then return fail("近" .. P.lookback_years .. "年内有严重违法失信记录", r) end
    return pass("近" .. P.lookback_years .. "年内无严重违法失信记录")
  end,
}

check {
  id = "7.1c-penalties",
  title = "近3年内没有受到涉及数据的行政处罚或被追究刑事责任",
  clause = "7.1 c",
  severity = "high",
  types = TYPES,
  run = function(c)
    local r = recent(c, "data_penalty")
    for _, x in ipairs(recent(c, "criminal")) do r[#r + 1] = x end
    if #r > 0 then return fail("近" .. P.lookback_years .. "年内有涉及数据的行政处罚或刑事责任记录", r) end
    return pass("近" .. P.lookback_years .. "年内无涉及数据的行政处罚或刑事责任记录")
  end,
}

check {
  id = "7.1d-capability",
  title = "具有从事相关数据要素活动的专业能力",
  clause = "7.1 d",
  types = TYPES,
  run = function(c)
    local e = c.applicant.capability_evidence
    if e == nil or e == "" then
      local _, s = hd.material("capability_evidence")
      if s ~= "valid" then
        return manual("未提供专业能力证明（人员、认证、评估），需人工核查",
          {field = "applicant.capability_evidence", found = nil, wanted = "专业能力证明"})
      end
    end
    return pass("已提供专业能力证明")
  end,
}
