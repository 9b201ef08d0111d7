-- Procedures and required materials of clause 6.

local MATERIAL = {
  application = "登记申请书", resource_description = "数据资源基本情况说明",
  third_party_assessment = "第三方服务机构出具的实质性评估材料", business_license = "营业执照等主体证明材料",
  consideration_proof = "交易对价支持文书或证明材料", change_proof = "变更证明材料",
  truth_commitment = "真实性承诺材料", cancellation_statement = "注销说明",
}
local MATERIAL_STATUS = {missing = "未提交", expired = "已过有效期", future = "出具日期晚于审核日期"}

local function missing_materials(kinds)
  local missing, what = {}, {}
  for _, k in ipairs(kinds) do
    local _, status = hd.material(k)
    if status ~= "valid" then
      missing[#missing + 1] = {field = "materials." .. k, found = MATERIAL_STATUS[status], wanted = MATERIAL[k]}
      what[#what + 1] = MATERIAL[k] .. (status == "missing" and "" or "（" .. MATERIAL_STATUS[status] .. "）")
    end
  end
  return missing, what
end

-- The texts that describe the resource, and the terms of a list found in them.
local FIELDS = {{"name", "数据产权名称"}, {"source", "数据来源"}, {"purpose", "数据用途"},
                {"field_samples", "数据字段示例"}}

local function find_terms(res, terms)
  local hits = {}
  for _, f in ipairs(FIELDS) do
    local text = res[f[1]]
    if text ~= nil then
      for _, t in ipairs(terms) do
        if text:find(t, 1, true) then
          hits[#hits + 1] = {field = "resource." .. f[1], label = f[2], term = t}
        end
      end
    end
  end
  return hits
end

check {
  id = "6.1.1-ordinary-procedure",
  title = "涉及公共数据产品的登记实行普通程序",
  clause = "6.1.1",
  types = {"first"},
  run = function(c)
    local res = c.resource
    if res.public_product and c.procedure ~= "ordinary" then
      -- The wrong procedure is not a ground to refuse: the authority reviews the case in
      -- the one the text prescribes (the night changes the case's procedure).
      return route("ordinary", "公共数据产品应适用普通程序，申请适用了简易程序，转入普通程序审核",
        {field = "procedure", found = "简易程序", wanted = "普通程序"})
    end
    if res.public_product then
      return pass("程序适用正确（普通程序）")
    end
    if c.procedure == "ordinary" then
      return manual("非公共数据产品适用了普通程序，请确认程序选择",
        {field = "procedure", found = "普通程序", wanted = "简易程序"})
    end
    local hits = find_terms(res, P.public_data_terms)
    if #hits > 0 then
      local ev = {}
      for _, h in ipairs(hits) do
        ev[#ev + 1] = {field = h.field, found = h.term, wanted = "非公共数据产品（未声明为公共数据产品）"}
      end
      return manual(hits[1].label .. "中出现“" .. hits[1].term .. "”，疑似公共数据产品，请核实是否应适用普通程序",
        ev)
    end
    return pass("程序适用正确（简易程序）")
  end,
}

local REQUIRED = {
  first = {kinds = {"application", "resource_description", "third_party_assessment", "business_license"}},
  license = {clause = "6.3 a", kinds = {"application", "consideration_proof"}},
  transfer = {clause = "6.3 a", kinds = {"application", "consideration_proof"}},
  change = {clause = "6.4 a", kinds = {"application", "change_proof"}},
  cancel = {clause = "6.5 a", kinds = {"application", "cancellation_statement"}},
}

check {
  id = "6.x-required-materials",
  title = "按登记类型提交规定的申请材料",
  clause = "6.1.2 a, 6.2.2 a, 6.3 a, 6.4 a, 6.5 a",
  run = function(c)
    local req = REQUIRED[c.reg_type]
    if c.reg_type == "cancel" then
      -- 6.5 a lists what a 登记主体 applying to cancel submits (grounds P.cancel_holder_grounds);
      -- on the other grounds of 5.1.6 the authority cancels on its own motion and the
      -- evidence of the ground is all (check 5.1.6-cancellation-ground).
      local by_holder = false
      for _, g in ipairs(P.cancel_holder_grounds) do
        if g == c.cancel_ground then by_holder = true end
      end
      if c.cancel_ground ~= nil and not by_holder then
        return pass("依职权注销（5.1.6 " .. c.cancel_ground .. "），无需登记主体提交6.5 a的申请材料")
      end
    end
    local ordinary = c.procedure == "ordinary" or c.resource.public_product -- 6.1.1
    local clause = req.clause or (ordinary and "6.1.2 a" or "6.2.2 a")
    local missing, what = missing_materials(req.kinds)
    if c.reg_type == "change" then
      local _, s = hd.material("truth_commitment")
      if #missing == 1 and missing[1].field == "materials.change_proof" and s == "valid" then
        missing = {} -- 6.4 a: proof or a commitment of truthfulness
      elseif #missing > 0 and missing[#missing].field == "materials.change_proof" then
        what[#what] = what[#what] .. "或真实性承诺材料"
      end
    end
    if #missing > 0 then
      return rectify("申请材料不全（" .. clause .. "），需补正：" .. table.concat(what, "、"), missing)
    end
    return pass("申请材料齐全（" .. clause .. "）")
  end,
}

check {
  id = "6.4-change-description",
  title = "变更登记申请写明变更内容",
  clause = "6.4 a",
  types = {"change"},
  run = function(c)
    local d = c.change_description
    if d == nil or d == "" then
      return rectify("变更登记申请未写明变更内容，需补正变更登记内容说明",
        {field = "change_description", found = nil, wanted = "变更内容说明"})
    end
    return pass("变更内容：" .. d)
  end,
}
