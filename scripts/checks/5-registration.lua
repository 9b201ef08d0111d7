-- Registration rules of clause 5: types, rights and holders, the prior certificate and who
-- may act on it, licences and transfers, cancellations, certificate fields.

-- Words for the codes, as opinions print them (a code is never shown to an applicant).
local REG_TYPE = {first = "首次登记", license = "许可登记", transfer = "转让登记", change = "变更登记",
                  cancel = "注销登记"}
local CERT_STATUS = {pending = "尚未发证", issued = "有效", superseded = "已被新证书替代",
                     cancelled = "已注销"}
local RIGHT = {holding = "持有权", use = "使用权", operation = "经营权"}
local MATERIAL = {cancellation_statement = "注销说明", court_judgment = "生效法律文书",
                  other = "其他证明材料", authorization = "授权书", contract = "交易合同",
                  consideration_proof = "交易对价支持文书或证明材料"}
local MATERIAL_STATUS = {missing = "未提交", expired = "已过有效期", future = "出具日期晚于审核日期"}

local function material_ok(kind)
  local m, status = hd.material(kind)
  return status == "valid", m, status
end

-- The first valid material among kinds; else nil and the status of the first kind.
local function any_material(kinds)
  local first
  for _, k in ipairs(kinds) do
    local _, s = hd.material(k)
    if s == "valid" then return k end
    first = first or s
  end
  return nil, first or "missing"
end

local function names(kinds, words)
  local out = {}
  for _, k in ipairs(kinds) do out[#out + 1] = words[k] or k end
  return table.concat(out, "或")
end

-- The same subject: the same record, or the same credit code.
local function same(a, b)
  if a == nil or b == nil then return false end
  if a.id ~= nil and a.id == b.id then return true end
  return a.uscc ~= nil and a.uscc ~= "" and a.uscc == b.uscc
end

local function is_holder(holders, s)
  for _, h in ipairs(holders) do
    if same(h, s) then return true end
  end
  return false
end

local function holder_names(holders)
  local out = {}
  for _, h in ipairs(holders) do out[#out + 1] = h.name end
  return table.concat(out, "、")
end

-- The licence's term (5.1.3): per kind (the contract, the authorization), the latest end
-- of its materials on file (a renewal supplied with 补正 outlasts the first; one without an
-- end date has none; an authorization the applicant issued itself is none),
-- and of the kinds the earlier — as the night bounds the licence certificate
-- (src/procedure/run.c, valid_until). Returns the end and the kind, or nil.
local OPEN_END = "9999-12-31" -- a material without an end date: the licence has none by it
local function licence_end(c)
  local last = {}
  for _, m in ipairs(c.materials) do
    local until_ = m.valid_until or OPEN_END
    local own = m.kind == "authorization" and m.issuer ~= nil and same(m.issuer, c.applicant)
    if (m.kind == "contract" or m.kind == "authorization") and m.present and not own
       and (last[m.kind] == nil or until_ > last[m.kind]) then
      last[m.kind] = until_
    end
  end
  local e, k = last.contract, "contract"
  if last.authorization ~= nil and (e == nil or last.authorization < e) then
    e, k = last.authorization, "authorization"
  end
  if e == OPEN_END then return nil, k end
  return e, k
end

-- The kinds of right subject s holds in a list of rights.
local function rights_of(rights, s)
  local out = {}
  for _, r in ipairs(rights) do
    if same(r.holder, s) then out[r.kind] = true end
  end
  return out
end

check {
  id = "5.1.1-first-registration",
  title = "未办理首次登记的，不得办理其他类型登记",
  clause = "5.1.1",
  severity = "high",
  -- 5.1.1: "原则上不得办理其他类型登记" — in principle: the authority may decide otherwise.
  waivable = true,
  types = {"license", "transfer", "change", "cancel"},
  run = function(c)
    local prior = c.prior
    if prior == nil then
      return fail("未关联有效的登记证书，不得办理" .. REG_TYPE[c.reg_type],
        {field = "prior", found = nil, wanted = "有效的登记证书"})
    end
    if prior.status ~= "issued" then
      local st = CERT_STATUS[prior.status] or tostring(prior.status)
      return fail("关联证书" .. prior.number .. "在审核日的状态为“" .. st .. "”，不是有效证书",
        {field = "prior.status", found = st, wanted = "有效"})
    end
    if prior.valid_until < hd.today() then
      -- A renewal (续展) applied for while the certificate was in force goes on after its
      -- end: the holder asked in time (docs/procedure.md, "Expiry and renewal").
      if c.renewal and c.applied_date ~= nil and c.applied_date <= prior.valid_until then
        return pass("续展申请于证书" .. prior.number .. "有效期内（至" .. hd.date_cn(prior.valid_until) ..
          "）提出，证书于审核日虽已到期，续展继续办理")
      end
      return fail("关联证书" .. prior.number .. "已于" .. hd.date_cn(prior.valid_until) .. "到期",
        {field = "prior.valid_until", found = prior.valid_until, wanted = ">= " .. hd.today()})
    end
    return pass("已关联有效证书" .. prior.number)
  end,
}

check {
  id = "5.1.2-rights-holders",
  title = "持有权、使用权、经营权均有明确的权利人",
  clause = "5.1.2",
  types = {"first", "license", "transfer", "change"},
  run = function(c)
    if #c.rights == 0 then
      return fail("未登记任何权利及其权利人", {field = "rights", found = 0, wanted = ">= 1"})
    end
    for _, r in ipairs(c.rights) do
      if r.holder == nil or r.holder.name == nil or r.holder.name == "" then
        return fail((RIGHT[r.kind] or "权利") .. "没有权利人",
          {field = "rights.holder", found = RIGHT[r.kind], wanted = "权利人"})
      end
    end
    return pass("各项权利均有权利人")
  end,
}

-- Whether material m is in force on the review date, as hd.material counts "valid":
-- present, not expired, not issued after the review date.
local function in_force(m)
  return m.present and (m.valid_until == nil or m.valid_until >= hd.today()) and
    (m.issued_date == nil or m.issued_date <= hd.today())
end

-- ... and issued by subject s. One's authorisation or consent is its own act (5.1.2: each
-- right its holders; 5.1.4: 取得相对方授权): a material whose issuer the register does not
-- know is no one's (schema 12, materials.issuer_id; docs/import.md, "issuer").
local function in_force_by(m, s)
  return in_force(m) and m.issuer ~= nil and same(m.issuer, s)
end

-- Who issued the authorisations in force that are not s's: their names, "出具人不明" for
-- one whose issuer is not known; nil if there is none.
local function others_authorisations(c, s)
  local out = {}
  for _, m in ipairs(c.materials) do
    if m.kind == "authorization" and in_force(m) and not in_force_by(m, s) then
      out[#out + 1] = m.issuer ~= nil and (m.issuer.name .. "出具") or "出具人不明"
    end
  end
  return #out > 0 and table.concat(out, "、") or nil
end

-- The others' written consent to a change (5.1.5) or a cancellation (5.1.6 a): for each
-- other holder, a material of the kinds issued by that holder, in force on the review date
-- and made for this application — issued (a date on file) on or after the certificate's
-- registration, so not one of the registration's own materials that `case apply` carries
-- over (it consents to nothing done later), nor one whose date is unknown. Returns the
-- holders among hs without one (empty: every one consented).
local function without_consent(c, kinds, hs)
  local since, missing = c.prior.registration_date, {}
  for _, h in ipairs(hs) do
    local ok = false
    for _, m in ipairs(c.materials) do
      for _, k in ipairs(kinds) do
        if m.kind == k and in_force_by(m, h) and m.issued_date ~= nil and
           (since == nil or m.issued_date >= since) then
          ok = true
        end
      end
    end
    if not ok then missing[#missing + 1] = h end
  end
  return missing
end

-- 5.1.3, 5.1.4: the grantor disposes of its own rights only — each right the acquirer takes
-- must be one the prior certificate records the grantor holding; and a transfer's new
-- certificate replaces the old one, so every right of another holder stays as it was
-- (5.1.2: the rights are independent, each with its holders). A fail outcome, or nil.
local function grant_problem(c, grantor, acquirer)
  local prior, kind = c.prior, REG_TYPE[c.reg_type]
  local own = rights_of(prior.rights, grantor)
  for _, r in ipairs(c.rights) do
    if same(r.holder, acquirer) and not own[r.kind] then
      return fail(grantor.name .. "不是证书" .. prior.number .. "记载的" .. RIGHT[r.kind] ..
        "权利人，不得" .. (c.reg_type == "license" and "许可" or "转让") .. "该权利（5.1.3、5.1.4）",
        {field = "rights", found = RIGHT[r.kind], wanted = grantor.name .. "在证书" .. prior.number .. "记载的权利"})
    end
  end
  if c.reg_type == "transfer" then
    for _, p in ipairs(prior.rights) do
      if not same(p.holder, grantor) then
        local kept = false
        for _, r in ipairs(c.rights) do
          if r.kind == p.kind and same(r.holder, p.holder) then kept = true end
        end
        if not kept then
          return fail("证书" .. prior.number .. "记载的" .. p.holder.name .. "的" .. RIGHT[p.kind] ..
            "未列入" .. kind .. "后的权利：转让不得变动其他权利人的权利（5.1.2、5.1.4）",
            {field = "rights", found = nil, wanted = p.holder.name .. "的" .. RIGHT[p.kind]})
        end
      end
    end
  end
  return nil
end

-- 5.1.4: a licence or transfer is registered by the parties jointly or with the other
-- party's authorisation; 5.1.5: a change by the registration subject — every holder of
-- the certificate, the applicant and the others' written consent. Either way the
-- certificate acted on must record the one who disposes of the right.
check {
  id = "5.1-prior-holder",
  title = "许可、转让、变更登记由所涉证书记载的权利人申请或经其授权",
  clause = "5.1.4, 5.1.5",
  severity = "high",
  types = {"license", "transfer", "change"},
  applies = function(c) return c.prior ~= nil end,
  run = function(c)
    local prior, a = c.prior, c.applicant
    local holders = prior.holders
    local ev = {field = "prior.holders", found = a.name, wanted = holder_names(holders)}
    if is_holder(holders, a) and c.reg_type == "change" then
      -- 5.1.5 / 6.4: the change ends in a new certificate that supersedes the whole old one
      -- (6.4 g 发新证), every holder's rights with it (5.1.2: the rights are independent,
      -- each with its holders): every holder the certificate records applies or consents
      -- in writing, as for a cancellation (5.1.6-holder-consent); a missing consent is a
      -- material to supplement (6.4 a 证明材料).
      local others = {}
      for _, h in ipairs(holders) do
        if not same(h, a) then others[#others + 1] = h end
      end
      if #others > 0 then
        local kinds = P.co_holder_consent_kinds
        local missing = without_consent(c, kinds, others)
        if #missing > 0 then
          return rectify("证书" .. prior.number .. "记载的权利人" .. holder_names(missing) ..
            "未申请变更，变更登记需提交其本人出具的同意变更的书面材料（" .. names(kinds, MATERIAL) .. "）",
            {field = "materials." .. table.concat(kinds, "|") .. ".issuer", found = "未提交",
             wanted = holder_names(missing)})
        end
        return pass("申请人是证书" .. prior.number .. "记载的权利人，其他权利人" ..
          holder_names(others) .. "已书面同意变更")
      end
    end
    if is_holder(holders, a) then
      if c.reg_type ~= "change" and c.counterparty ~= nil then
        local bad = grant_problem(c, a, c.counterparty)
        if bad then return bad end
      end
      return pass("申请人是证书" .. prior.number .. "记载的权利人")
    end
    if c.reg_type ~= "change" and is_holder(holders, c.counterparty) then
      local bad = grant_problem(c, c.counterparty, a)
      if bad then return bad end
      local cp = c.counterparty
      for _, m in ipairs(c.materials) do
        if m.kind == "authorization" and in_force_by(m, cp) then
          return pass("申请人经证书" .. prior.number .. "记载的权利人" .. cp.name .. "授权办理")
        end
      end
      local theirs = others_authorisations(c, cp)
      if theirs ~= nil then
        return rectify("申请人不是证书" .. prior.number .. "记载的权利人，所附授权书（" .. theirs ..
          "）不是权利人" .. cp.name .. "的授权，需提交" .. cp.name .. "出具的授权书（5.1.4）",
          {field = "materials.authorization.issuer", found = theirs, wanted = cp.name})
      end
      return rectify("申请人不是证书" .. prior.number .. "记载的权利人，需提交权利人" ..
        cp.name .. "的授权书",
        {field = "materials.authorization", found = "未提交", wanted = "权利人的授权书"})
    end
    return fail("申请人" .. a.name .. "不是证书" .. prior.number .. "记载的权利人（" ..
      holder_names(holders) .. "），不得办理" .. REG_TYPE[c.reg_type], ev)
  end,
}

check {
  id = "5.1.4-license-transfer",
  title = "许可、转让登记写明交易相对方、所许可或转让的权利和交易对价，并提供相对方授权及对价材料",
  clause = "5.1.3, 5.1.4, 6.3 a",
  types = {"license", "transfer"},
  run = function(c)
    local cp, kind = c.counterparty, REG_TYPE[c.reg_type]
    if cp ~= nil and same(cp, c.applicant) then
      return fail("交易相对方与申请人为同一主体，不构成" .. kind,
        {field = "counterparty", found = cp.name, wanted = "申请人以外的被许可方或受让方"})
    end
    -- 5.1.3: a licence whose term has ended by the review date licenses nothing; the night
    -- could issue no certificate for it (its validity ends with the licence).
    if c.reg_type == "license" then
      local e, k = licence_end(c)
      if e ~= nil and e < hd.today() then
        return rectify("许可期限已届满：" .. MATERIAL[k] .. "有效期至" .. hd.date_cn(e) .. "，早于审核日期" ..
          hd.date_cn(hd.today()) .. "，被许可方不能取得已届满的许可（5.1.3）：请补正有效期内的" .. MATERIAL[k],
          {field = "materials." .. k .. ".valid_until", found = e, wanted = ">= " .. hd.today()})
      end
    end
    local missing, what = {}, {}
    local function need(item, ev)
      what[#what + 1] = item
      missing[#missing + 1] = ev
    end
    if cp == nil then
      need("交易相对方", {field = "counterparty", found = nil, wanted = "被许可方或受让方"})
    else
      -- Who acquires: the party the prior certificate does not record (the counterparty,
      -- unless the licensee or transferee applies with the holder as its counterparty).
      local acquirer = cp
      if c.prior ~= nil and is_holder(c.prior.holders, cp) and not is_holder(c.prior.holders, c.applicant) then
        acquirer = c.applicant
      end
      local granted = rights_of(c.rights, acquirer)
      if next(granted) == nil then
        need("被许可方或受让方取得的权利",
          {field = "rights", found = nil, wanted = acquirer.name .. "取得的权利"})
      elseif c.reg_type == "transfer" and c.prior ~= nil then
        -- 5.1.4: the transferor no longer keeps what it transferred.
        local kept = {}
        for _, k in ipairs({"holding", "use", "operation"}) do
          if granted[k] then
            for _, r in ipairs(c.rights) do
              if r.kind == k and not same(r.holder, acquirer) and is_holder(c.prior.holders, r.holder) then
                kept[#kept + 1] = RIGHT[k]
                break
              end
            end
          end
        end
        if #kept > 0 then
          return rectify("转让后转让方不再保留所转让的权利（5.1.4），但申请仍记载转让方享有" ..
            table.concat(kept, "、") .. "：请更正权利状况，或改为许可登记",
            {field = "rights", found = table.concat(kept, "、"), wanted = "仅由受让方享有"})
        end
      end
    end
    -- 5.1.4 取得相对方授权: an authorisation counts when the counterparty issued it; a
    -- contract is both parties' act.
    local authorised = false
    for _, m in ipairs(c.materials) do
      authorised = authorised or (cp ~= nil and m.kind == "authorization" and in_force_by(m, cp))
    end
    if not (authorised or material_ok("contract")) then
      need("相对方授权书或交易合同",
        {field = "materials.authorization|contract", found = "未提交", wanted = "相对方授权书或交易合同"})
    end
    if c.consideration == nil or c.consideration == "" then
      need("交易对价", {field = "consideration", found = nil, wanted = "交易对价（6.3 a）"})
    end
    if not material_ok("consideration_proof") then
      need("交易对价支持文书或证明材料",
        {field = "materials.consideration_proof", found = "未提交", wanted = "交易对价支持文书或证明材料"})
    end
    if #missing > 0 then
      return rectify(kind .. "需补正：" .. table.concat(what, "、"), missing)
    end
    return pass("交易双方、所涉权利及交易对价材料齐全")
  end,
}

-- 5.1.6 a) … f) worded as the cancellation notice words them (hd.cancel_ground: one table
-- in C, model/grounds.c).
local GROUNDS = {}
for _, g in ipairs({"a", "b", "c", "d", "e", "f"}) do GROUNDS[g] = hd.cancel_ground(g) end

check {
  id = "5.1.6-cancellation-ground",
  title = "注销登记具有5.1.6规定的情形之一，并提交该情形的证明材料",
  clause = "5.1.6",
  types = {"cancel"},
  run = function(c)
    local g = c.cancel_ground
    if g == nil or GROUNDS[g] == nil then
      return fail("注销事由不属于5.1.6 a)至f)规定的情形", {field = "cancel_ground", found = g, wanted = "a-f"})
    end
    local kinds = P["cancel_evidence_" .. g]
    local kind, status = any_material(kinds)
    if kind == nil then
      return rectify("以5.1.6 " .. g .. ")“" .. GROUNDS[g] .. "”为注销事由的，需提交" .. names(kinds, MATERIAL),
        {field = "materials." .. table.concat(kinds, "|"), found = MATERIAL_STATUS[status], wanted = names(kinds, MATERIAL)})
    end
    return pass("注销事由：5.1.6 " .. g .. ")" .. GROUNDS[g] .. "（" .. MATERIAL[kind] .. "）")
  end,
}

local function holder_ground(g)
  for _, x in ipairs(P.cancel_holder_grounds) do
    if x == g then return true end
  end
  return false
end

-- A cancellation ends the whole certificate (6.5): on the holder's own grounds the
-- applicant must hold a right it records, and the others who hold one must consent.
check {
  id = "5.1.6-holder-consent",
  title = "注销由证书记载的权利人申请，其他权利人书面同意",
  clause = "5.1.6 a, 5.1.2",
  severity = "high",
  types = {"cancel"},
  applies = function(c) return c.prior ~= nil and holder_ground(c.cancel_ground) end,
  run = function(c)
    local prior, a = c.prior, c.applicant
    if not is_holder(prior.holders, a) then
      return fail("申请人" .. a.name .. "不是证书" .. prior.number .. "记载的权利人（" ..
        holder_names(prior.holders) .. "），不得申请注销",
        {field = "prior.holders", found = a.name, wanted = holder_names(prior.holders)})
    end
    local others = {}
    for _, h in ipairs(prior.holders) do
      if not same(h, a) then others[#others + 1] = h end
    end
    if #others == 0 then
      return pass("申请人是证书" .. prior.number .. "记载的唯一权利人")
    end
    local kinds = P.co_holder_consent_kinds
    local missing = without_consent(c, kinds, others)
    if #missing > 0 then
      return rectify("证书" .. prior.number .. "还记载了其他权利人" .. holder_names(missing) ..
        "，注销需提交其本人出具的同意注销的书面材料（" .. names(kinds, MATERIAL) .. "）",
        {field = "materials." .. table.concat(kinds, "|") .. ".issuer", found = "未提交",
         wanted = holder_names(missing)})
    end
    return pass("申请人是证书" .. prior.number .. "记载的权利人，其他权利人" ..
      holder_names(others) .. "已书面同意注销")
  end,
}

check {
  id = "5.2.1-certificate-fields",
  title = "证书记载事项齐全有效（权利人、统一社会信用代码、数据产权名称、来源、规模）",
  clause = "5.2.1",
  types = {"first", "license", "transfer", "change"},
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
