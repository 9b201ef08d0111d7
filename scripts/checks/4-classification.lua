-- Clause 4: classification and grading, ethics review. For what a first registration
-- or a change describes (6.1.2 a, 6.2.2 a: 数据类型; 6.4 a: 变更内容); a licence or transfer
-- disposes of data a certificate already describes (6.3 a), a cancellation of none.

local TYPES = {"first", "change"}

local CLASSES = {
  personal_attribute = "个人属性", health_status = "健康状况", medical_application = "医疗应用",
  medical_payment = "医疗支付", health_resource = "卫生资源", public_health = "公共卫生",
}

check {
  id = "4.1-class-grade",
  title = "已声明数据类别（4.1.1.3）和访问级别（4.1.2）",
  clause = "4.1",
  types = TYPES,
  run = function(c)
    local r = c.resource
    if CLASSES[r.data_class] == nil then
      return rectify("数据类别未按4.1.1.3声明", {field = "resource.data_class", found = r.data_class, wanted = "六大类之一"})
    end
    if type(r.grade) ~= "number" or r.grade < 1 or r.grade > 5 then
      return rectify("访问级别未按4.1.2声明", {field = "resource.grade", found = r.grade, wanted = "1-5"})
    end
    return pass(CLASSES[r.data_class] .. "数据，第" .. r.grade .. "级")
  end,
}

check {
  id = "4.2-ethics-review",
  title = "涉及人的生命科学和医学研究须经伦理审查",
  clause = "4.2",
  types = TYPES,
  applies = function(c) return c.resource.human_research end,
  run = function(c)
    local _, s = hd.material("ethics_approval")
    if s ~= "valid" then
      return rectify("涉及人的研究数据未提交伦理审查批件",
        {field = "materials.ethics_approval", found = s == "missing" and "未提交" or
          s == "expired" and "已过有效期" or "出具日期晚于审核日期", wanted = "伦理审查批件"})
    end
    return pass("已提交伦理审查批件")
  end,
}
