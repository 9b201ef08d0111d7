-- 7.3 人类遗传资源合规要点.

check {
  id = "7.3a-genetic-scope",
  title = "明确人类遗传资源信息及材料的范围和应用场景",
  clause = "7.3 a",
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

check {
  id = "7.3b-genetic-review",
  title = "经备案的伦理审查委员会审查，并依规向有关部门申报",
  clause = "7.3 b",
  applies = function(c) return c.resource.genetic end,
  run = function(c)
    local missing = {}
    for _, k in ipairs({"ethics_approval", "ethics_committee_filing", "hgr_approval"}) do
      local _, s = hd.material(k)
      if s ~= "valid" then
        missing[#missing + 1] = {field = "materials." .. k, found = s, wanted = "valid"}
      end
    end
    if #missing > 0 then
      return fail("人类遗传资源未经备案伦理委员会审查或未依规申报", missing)
    end
    return pass("伦理审查及人类遗传资源申报材料齐全")
  end,
}
