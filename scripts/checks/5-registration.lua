-- Registration rules of clause 5: types, rights and holders, certificate fields.

-- Words for the codes, as opinions print them (a code is never shown to an applicant).
local REG_TYPE = {first = "首次", license = "许可", transfer = "转让", change = "变更", cancel = "注销"}
local CERT_STATUS = {pending = "待发证", issued = "有效", superseded = "已被新证书替代",
                     cancelled = "已注销"}

local function material_ok(kind)
  local m, status = hd.material(kind)
  return status == "valid", m, status
end

check {
  id = "5.1.1-first-registration",
  title = "未办理首次登记的，不得办理其他类型登记",
  clause = "5.1.1",
  severity = "high",
  -- 5.1.1: "原则上不得办理其他类型登记" — in principle: the authority may decide otherwise.
  waivable = true,
  applies = function(c) return c.reg_type ~= "first" end,
  run = function(c)
    local prior = c.prior
    if prior == nil then
      return fail("未关联有效的首次登记证书，不得办理" .. (REG_TYPE[c.reg_type] or c.reg_type) .. "登记",
        {field = "prior_certificate", found = nil, wanted = "有效的首次登记证书"})
    end
    if prior.status ~= "issued" then
      return fail("关联证书" .. prior.number .. "状态为“" .. (CERT_STATUS[prior.status] or prior.status) ..
        "”，不是有效证书",
        {field = "prior.status", found = prior.status, wanted = "issued"})
    end
    if prior.valid_until < hd.today() then
      return fail("关联证书" .. prior.number .. "已于" .. prior.valid_until .. "到期",
        {field = "prior.valid_until", found = prior.valid_until, wanted = ">= " .. hd.today()})
    end
    return pass("已关联有效证书" .. prior.number)
  end,
}

check {
  id = "5.1.2-rights-holders",
  title = "持有权、使用权、经营权均有明确的权利人",
  clause = "5.1.2",
  applies = function(c) return c.reg_type ~= "cancel" end,
  run = function(c)
    if #c.rights == 0 then
      return fail("未登记任何权利及其权利人", {field = "rights", found = 0, wanted = ">= 1"})
    end
    for _, r in ipairs(c.rights) do
      if r.holder == nil or r.holder.name == nil or r.holder.name == "" then
        return fail("权利" .. r.kind .. "没有权利人", {field = "rights." .. r.kind .. ".holder", found = nil, wanted = "权利人"})
      end
    end
    return pass("各项权利均有权利人")
  end,
}

check {
  id = "5.1.4-license-transfer",
  title = "许可、转让登记由交易双方共同办理或取得相对方授权，并提供交易对价材料",
  clause = "5.1.4, 6.3 a",
  applies = function(c) return c.reg_type == "license" or c.reg_type == "transfer" end,
  run = function(c)
    local missing = {}
    if c.counterparty == nil then
      missing[#missing + 1] = {field = "counterparty", found = nil, wanted = "交易相对方"}
    end
    if not (material_ok("authorization") or material_ok("contract")) then
      missing[#missing + 1] = {field = "materials.authorization|contract", found = "missing", wanted = "相对方授权书或交易合同"}
    end
    if not material_ok("consideration_proof") then
      missing[#missing + 1] = {field = "materials.consideration_proof", found = "missing", wanted = "交易对价支持文书或证明材料"}
    end
    if #missing > 0 then
      return rectify("许可/转让登记材料不全，需补正", missing)
    end
    return pass("交易双方及对价材料齐全")
  end,
}

local GROUNDS = {
  a = "登记主体主动申请注销或丧失登记主体资格",
  b = "数据资产无法继续存在或失去使用价值",
  c = "生效法律文书导致原权利主体数据相关权利丧失",
  d = "拒不按照登记机构管理规范和要求落实整改",
  e = "为维护社会公共利益、国家利益",
  f = "法律法规或登记实施细则规定的其他情形",
}

check {
  id = "5.1.6-cancellation-ground",
  title = "注销登记具有5.1.6规定的情形之一",
  clause = "5.1.6",
  applies = function(c) return c.reg_type == "cancel" end,
  run = function(c)
    local g = c.cancel_ground
    if g == nil or GROUNDS[g] == nil then
      return fail("注销事由不属于5.1.6 a)—f)", {field = "cancel_ground", found = g, wanted = "a-f"})
    end
    if g == "c" and not material_ok("court_judgment") then
      return rectify("以生效法律文书为注销事由的，需提交法律文书",
        {field = "materials.court_judgment", found = "missing", wanted = "生效法律文书"})
    end
    return pass("注销事由：" .. g .. ") " .. GROUNDS[g])
  end,
}

check {
  id = "5.2.1-certificate-fields",
  title = "证书记载事项齐全有效（权利人、统一社会信用代码、数据产权名称、来源、规模）",
  clause = "5.2.1",
  applies = function(c) return c.reg_type ~= "cancel" end,
  run = function(c)
    local problems = {}
    for _, r in ipairs(c.rights) do
      local ok, msg = hd.uscc(r.holder.uscc)
      if not ok then
        problems[#problems + 1] = {field = "rights.holder.uscc", found = r.holder.uscc, wanted = msg}
      end
    end
    local res = c.resource
    if res.name == nil or res.name == "" then
      problems[#problems + 1] = {field = "resource.name", found = res.name, wanted = "数据产权名称"}
    end
    if res.source == nil or res.source == "" then
      problems[#problems + 1] = {field = "resource.source", found = res.source, wanted = "数据来源"}
    end
    if (res.scale_records or 0) <= 0 then
      problems[#problems + 1] = {field = "resource.scale_records", found = res.scale_records, wanted = "> 0"}
    end
    if #problems > 0 then
      return rectify("证书记载事项不完整或无效", problems)
    end
    return pass("证书记载事项齐全")
  end,
}
