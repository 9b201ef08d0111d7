-- What the view of a case says on the review date: the prior certificate's status and
-- parts, the objections filed by then with their status then (tests/e2e/checks_asof.sh).
check {
  id = "asof.view",
  title = "the view on the review date",
  clause = "test",
  run = function(c)
    local p, o = "-", {}
    if c.prior then
      local h = {}
      for _, x in ipairs(c.prior.holders) do h[#h + 1] = x.name end
      p = c.prior.number .. " " .. c.prior.status .. " " .. c.prior.reg_type .. " [" ..
        table.concat(h, "、") .. "] " .. #c.prior.rights .. " " .. c.prior.resource.name
    end
    for _, x in ipairs(c.objections) do
      o[#o + 1] = x.filed_date .. ":" .. x.status .. ":" .. tostring(x.resolved_date)
    end
    return pass(p .. " | " .. table.concat(o, ","))
  end,
}
