-- 7.2 个人信息保护合规要点. Not for a cancellation: data that are not anonymised are no
-- reason to keep them registered.

local TYPES = {"first", "license", "transfer", "change"}

local function has(kind)
  local _, s = hd.material(kind)
  return s == "valid"
end

check {
  id = "7.2-1-anonymisation",
  title = "无需识别具体个人的场景，应做匿名化处理",
  clause = "7.2 (1)",
  types = TYPES,
  applies = function(c) return c.resource.personal_info and not c.resource.needs_identification end,
  run = function(c)
    if not c.resource.anonymised then
      return fail("无需识别个人但数据未匿名化", {field = "resource.anonymised", found = false, wanted = true})
    end
    if not has("anonymisation_assessment") then
      return rectify("已声明匿名化，但未提交匿名化评估材料",
        {field = "materials.anonymisation_assessment", found = "未提交", wanted = "匿名化评估材料"})
    end
    return pass("已匿名化处理并提交评估材料")
  end,
}

-- 7.2 (2) is advice (建议): de-identification where individuals must be identified is
-- recommended, not required; it never returns a case for supplement. What needs a person
-- is a declaration that contradicts itself.
check {
  id = "7.2-2-deidentification",
  title = "确需识别具体个人的场景，建议做去标识化处理",
  clause = "7.2 (2)",
  -- 7.2 (2): "建议对健康医疗数据做去标识化处理" — advice, not a requirement.
  waivable = true,
  types = TYPES,
  applies = function(c) return c.resource.personal_info and c.resource.needs_identification end,
  run = function(c)
    if c.resource.anonymised then
      return manual("声明确需识别具体个人，又声明数据已匿名化（匿名化后无法识别个人），两者矛盾，需人工核查",
        {field = "resource.needs_identification/anonymised", found = "是/是", wanted = "二者不同时成立"})
    end
    if not c.resource.deidentified then
      return pass("建议对健康医疗数据做去标识化处理（7.2 (2) 为建议性要求）",
        {field = "resource.deidentified", found = false, wanted = "建议去标识化"})
    end
    return pass("已去标识化处理")
  end,
}

check {
  id = "7.2-3-privacy-policy",
  title = "无法匿名化的，采集前由个人签署《个人信息保护政策》（附录A）",
  clause = "7.2 (3)",
  types = TYPES,
  applies = function(c) return c.resource.personal_info and not c.resource.anonymised end,
  run = function(c)
    local missing = {}
    if not has("privacy_policy") then
      missing[#missing + 1] = {field = "materials.privacy_policy", found = "未提交", wanted = "已签署的个人信息保护政策"}
    end
    if c.resource.sensitive and not has("separate_consent") then
      missing[#missing + 1] = {field = "materials.separate_consent", found = "未提交", wanted = "敏感个人信息单独同意"}
    end
    if #missing > 0 then return rectify("未提交个人信息保护政策或单独同意材料", missing) end
    return pass("已提交个人信息保护政策及单独同意")
  end,
}

check {
  id = "7.2-4-pia",
  title = "处理敏感个人信息等情形事前进行个人信息保护影响评估",
  clause = "7.2 (4)",
  types = TYPES,
  applies = function(c)
    local r = c.resource
    return r.personal_info and (r.sensitive or r.automated_decision or r.entrusted or
      r.provided_to_others or r.published or r.cross_border)
  end,
  run = function(c)
    if c.resource.anonymised then
      return pass("数据已匿名化，不再属于个人信息")
    end
    if not has("pia_report") then
      return rectify("未提交个人信息保护影响评估报告",
        {field = "materials.pia_report", found = "未提交", wanted = "个人信息保护影响评估报告"})
    end
    return pass("已进行个人信息保护影响评估")
  end,
}
