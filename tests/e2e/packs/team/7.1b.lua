-- Our stricter 7.1 b: serious dishonesty within the last 5 years (same id: it replaces
-- the shipped check, whose fixtures are retired; ours are in tests/).
check { id = "7.1b-credit", title = "近5年内没有严重违法失信行为（本地规则）", clause = "7.1 b",
  run = function(c)
    for _, r in ipairs(c.applicant.records) do
      if r.kind == "serious_dishonesty" and not r.lifted_date
          and hd.within_years(r.record_date, P.credit_lookback_years) then
        return fail("近" .. P.credit_lookback_years .. "年内有严重违法失信记录",
          {field = "applicant.records", found = r.record_date, wanted = "无此类记录"})
      end
    end
    return pass("近" .. P.credit_lookback_years .. "年内无严重违法失信记录")
  end }
