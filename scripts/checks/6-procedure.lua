-- Procedures and required materials of clause 6.

local function missing_materials(kinds)
  local missing = {}
  for _, k in ipairs(kinds) do
    local _, status = hd.material(k)
    if status ~= "valid" then
      missing[#missing + 1] = {field = "materials." .. k, found = status, wanted = "valid"}
    end
  end
  return missing
end

check {
  id = "6.1.1-ordinary-procedure",
  title = "涉及公共数据产品的登记实行普通程序",
  clause = "6.1.1",
  applies = function(c) return c.reg_type == "first" end,
  run = function(c)
    if c.resource.public_product and c.procedure ~= "ordinary" then
      return fail("公共数据产品应适用普通程序，申请适用了简易程序",
        {field = "procedure", found = c.procedure, wanted = "ordinary"})
    end
    if not c.resource.public_product and c.procedure == "ordinary" then
      return manual("非公共数据产品适用了普通程序，请确认程序选择",
        {field = "procedure", found = c.procedure, wanted = "simplified"})
    end
    return pass("程序适用正确（" .. (c.procedure == "ordinary" and "普通程序" or "简易程序") .. "）")
  end,
}

local REQUIRED = {
  first = {clause = "6.1.2 a / 6.2.2 a", kinds = {"application", "resource_description", "third_party_assessment", "business_license"}},
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
    local missing = missing_materials(req.kinds)
    if c.reg_type == "change" then
      local _, s = hd.material("truth_commitment")
      if #missing == 1 and missing[1].field == "materials.change_proof" and s == "valid" then
        missing = {} -- 6.4 a: proof or a commitment of truthfulness
      end
    end
    if #missing > 0 then
      return rectify("申请材料不全（" .. req.clause .. "），需补正", missing)
    end
    return pass("申请材料齐全（" .. req.clause .. "）")
  end,
}
