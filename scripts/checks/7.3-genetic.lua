-- 7.3 人类遗传资源合规要点. Not for a cancellation.

local TYPES = {"first", "license", "transfer", "change"}
local MATERIAL_STATUS = {missing = "未提交", expired = "已过有效期", future = "出具日期晚于审核日期"}

check {
  id = "7.3a-genetic-scope",
  title = "明确人类遗传资源信息及材料的范围和应用场景",
  clause = "7.3 a",
  types = TYPES,
  applies = function(c) return c.resource.genetic end,
  run = function(c)
    local s = c.resource.genetic_scope
    if s == nil or s == "" then
      return fail("未明确人类遗传资源的范围及应用场景",
        {field = "resource.genetic_scope", found = nil, wanted = "范围与应用场景说明"})
    end
    return pass("已明确人类遗传资源范围：" .. s)
  end,
}

-- The first term of a list in the scope or purpose of the resource, and where.
local function scenario(c, terms)
  local r = c.resource
  for _, f in ipairs({{"genetic_scope", "人类遗传资源范围"}, {"purpose", "数据用途"}}) do
    local text = r[f[1]]
    if text ~= nil then
      for _, t in ipairs(terms) do
        if text:find(t, 1, true) then return t, f end
      end
    end
  end
  return nil
end

-- 7.3 b: an ethics review by a committee on file, always (采集、保藏、利用、对外提供); and a
-- declaration to the competent department "根据相关规定": an approval where the rules
-- require one (collection of the listed kinds, preservation, international scientific
-- cooperation), a filing where they require that (providing information abroad, opening
-- it to use), neither for use inside the country.
check {
  id = "7.3b-genetic-review",
  title = "经备案的伦理审查委员会审查，并依规向有关部门申报",
  clause = "7.3 b",
  types = TYPES,
  applies = function(c) return c.resource.genetic end,
  run = function(c)
    local missing = {}
    for _, k in ipairs({"ethics_approval", "ethics_committee_filing"}) do
      local _, s = hd.material(k)
      if s ~= "valid" then
        missing[#missing + 1] = {field = "materials." .. k, found = MATERIAL_STATUS[s],
                                 wanted = k == "ethics_approval" and "伦理审查批件" or "伦理审查委员会备案材料"}
      end
    end
    if #missing > 0 then
      return fail("人类遗传资源未经已备案的伦理审查委员会审查", missing)
    end
    local term, field = scenario(c, P.hgr_approval_terms)
    local need = term and "行政许可" or nil
    if not term then
      term, field = scenario(c, P.hgr_filing_terms)
      need = term and "备案" or nil
      if not term and c.resource.cross_border then
        term, field, need = "数据出境", {"cross_border", "数据出境"}, "备案"
      end
    end
    if need == nil then
      return pass("已经备案伦理审查委员会审查；在境内利用人类遗传资源信息，无需另行申报")
    end
    local _, s = hd.material("hgr_approval")
    if s ~= "valid" then
      return fail(field[2] .. "涉及“" .. term .. "”，应依规向有关部门申报（" .. need .. "），未提交" ..
        need .. "材料",
        {field = "materials.hgr_approval", found = MATERIAL_STATUS[s], wanted = "人类遗传资源" .. need .. "材料"})
    end
    return pass("已经备案伦理审查委员会审查，并已依规申报（" .. need .. "）")
  end,
}
