-- 7.6 特殊类型数据合规要点: bans. A ban rejects the case whatever else passes. Bans are
-- on registering and trading (登记和流通交易), so not for a cancellation: data that
-- touch state secrets are a ground to cancel (5.1.6 e), never a reason to keep them
-- registered. The declared flag decides; where the texts that describe the data name it
-- although the flag says no, a person looks (manual), with the term and the field.

local TYPES = {"first", "license", "transfer", "change"}
local FIELDS = {{"name", "数据产权名称"}, {"source", "数据来源"}, {"purpose", "数据用途"},
                {"field_samples", "数据字段示例"}}

-- Every term of the list found in the texts of the resource: {field, label, term}.
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

local function evidence(hits, wanted)
  local ev = {}
  for _, h in ipairs(hits) do ev[#ev + 1] = {field = h.field, found = h.term, wanted = wanted} end
  return ev
end

local function said(h)
  return h.label .. "中出现“" .. h.term .. "”"
end

check {
  id = "7.6a-state-secrets",
  title = "涉及国家秘密、国家与公共安全的数据不得登记",
  clause = "7.6 a",
  severity = "ban",
  types = TYPES,
  run = function(c)
    if c.resource.state_secret then
      return fail("数据涉及国家秘密或国家与公共安全，不得开展数据产权合规登记",
        {field = "resource.state_secret", found = true, wanted = false})
    end
    local hits = find_terms(c.resource, P.state_secret_terms)
    if #hits > 0 then
      return manual(said(hits[1]) .. "，疑似涉及国家秘密或国家与公共安全，需人工核查",
        evidence(hits, "不涉及国家秘密、国家与公共安全"))
    end
    return pass("不涉及国家秘密、国家与公共安全")
  end,
}

check {
  id = "7.6b-tongfang",
  title = "涉及统方行为的数据不得登记",
  clause = "7.6 b",
  severity = "ban",
  types = TYPES,
  run = function(c)
    local r = c.resource
    if r.tongfang then
      return fail("数据涉及统方（按医生统计处方用药量、耗材用量），不得开展数据产权合规登记",
        {field = "resource.tongfang", found = true, wanted = false})
    end
    local wanted = "不涉及统方（医疗机构对医生处方用药量、耗材用量的统计）"
    local hits = find_terms(r, P.tongfang_terms)
    if #hits > 0 then
      return manual(said(hits[1]) .. "，疑似统方数据，需人工核查", evidence(hits, wanted))
    end
    local doctor, volume = find_terms(r, P.tongfang_doctor_terms), find_terms(r, P.tongfang_volume_terms)
    if #doctor > 0 and #volume > 0 then
      local both = {doctor[1], volume[1]}
      return manual(said(doctor[1]) .. "，" .. said(volume[1]) ..
        "，疑似按医生统计处方用药量或耗材用量的统方数据，需人工核查", evidence(both, wanted))
    end
    return pass("不涉及统方数据")
  end,
}
