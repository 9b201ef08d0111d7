-- Exercises the C helpers; each check passes with a message listing what it computed.
check { id = "helpers.dates", title = "date helpers", clause = "test",
  run = function(c)
    return pass(table.concat({
      hd.today(),
      hd.add_working_days("2025-09-26", 10),
      hd.add_working_days("2026-02-10", 10),
      hd.add_days("2026-02-27", 2),
      tostring(hd.days_between("2026-01-01", "2026-03-01")),
      tostring(hd.years_between("2023-03-17", "2026-03-16")),
      tostring(hd.within_years("2023-03-17", 3)),
      tostring(hd.within_years("2023-03-16", 3)),
      tostring(hd.is_date("2026-02-30")),
    }, " "))
  end }
check { id = "helpers.uscc", title = "uscc helper", clause = "test",
  run = function(c)
    local ok1 = hd.uscc("91350100M000100Y43")
    local ok2, msg, _, _, msg_en = hd.uscc("91350203M0001QAY9B")
    return pass(tostring(ok1) .. " " .. tostring(ok2) .. " " .. msg .. " / " .. msg_en)
  end }
check { id = "helpers.material", title = "material helper", clause = "test",
  run = function(c)
    local m, s = hd.material("business_license")
    local _, s2 = hd.material("hgr_approval")
    return pass(m.kind .. " " .. s .. " " .. s2)
  end }
check { id = "helpers.calendar2027", title = "2027 refused", clause = "test",
  run = function(c) return pass(hd.add_working_days("2026-12-24", 10)) end }
