-- A legal team's stricter replacement of the shipped 7.1 b check (same id).
check { id = "7.1b-credit", title = "近1年内没有严重违法失信行为（本地规则）", clause = "7.1 b",
  run = function(c)
    for _, r in ipairs(c.applicant.records) do
      if r.kind == "serious_dishonesty" and hd.within_years(r.record_date, P.lookback_years) then
        return fail("近" .. P.lookback_years .. "年内有严重违法失信记录")
      end
    end
    return pass("近" .. P.lookback_years .. "年内无严重违法失信记录")
  end }
