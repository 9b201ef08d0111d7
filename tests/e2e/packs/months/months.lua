-- Pins hd.add_months, hd.months_between, hd.years_between and hd.date_cn at month ends
-- and in leap years (Civil Code art. 202: a period in months ends on the corresponding
-- day of the last month, or on that month's last day if it has none). Each check passes
-- with one line per call: "call = result".
local function lines(calls)
  local out = {}
  for _, k in ipairs(calls) do
    local f, a, b = k[1], k[2], k[3]
    local ok, r = pcall(hd[f], a, b)
    out[#out + 1] = string.format("%s(%s%s) = %s%s", f, a, b and ", " .. tostring(b) or "",
      ok and "" or "error: ", tostring(r))
  end
  return table.concat(out, "\n")
end

check { id = "months.add", title = "hd.add_months", clause = "test",
  run = function(c)
    return pass(lines {
      {"add_months", "2026-01-31", 1}, {"add_months", "2024-01-31", 1},
      {"add_months", "2026-01-31", 2}, {"add_months", "2026-03-31", -1},
      {"add_months", "2026-08-31", 1}, {"add_months", "2024-02-29", 12},
      {"add_months", "2024-02-29", 48}, {"add_months", "2000-01-31", 1},
      {"add_months", "2100-01-31", 1}, {"add_months", "2026-12-15", 1},
      {"add_months", "2026-01-15", -1}, {"add_months", "2026-03-16", -12},
      {"add_months", "2026-05-31", 0}, {"add_months", "2026-02-30", 1},
      {"add_months", "9999-12-31", 1},
    })
  end }

check { id = "months.between", title = "hd.months_between and hd.years_between", clause = "test",
  run = function(c)
    return pass(lines {
      {"months_between", "2026-01-31", "2026-02-28"}, {"months_between", "2026-01-31", "2026-02-27"},
      {"months_between", "2026-01-30", "2026-02-28"}, {"months_between", "2026-01-29", "2026-02-28"},
      {"months_between", "2024-01-30", "2024-02-28"}, {"months_between", "2024-01-30", "2024-02-29"},
      {"months_between", "2026-03-31", "2026-04-30"}, {"months_between", "2025-03-16", "2026-03-16"},
      {"months_between", "2025-03-17", "2026-03-16"}, {"months_between", "2026-02-28", "2026-01-30"},
      {"months_between", "2026-03-16", "2026-03-16"},
      {"years_between", "2024-02-29", "2025-02-28"}, {"years_between", "2024-02-29", "2025-02-27"},
      {"years_between", "2023-03-17", "2026-03-16"}, {"years_between", "2026-03-16", "2023-03-17"},
    })
  end }

check { id = "months.cn", title = "hd.date_cn", clause = "test",
  run = function(c)
    return pass(lines {
      {"date_cn", "2026-03-16"}, {"date_cn", "2026-12-01"}, {"date_cn", "2024-02-29"},
      {"date_cn", "2026-02-29"},
    })
  end }
