check { id = "hostile.pattern", title = "backtracking pattern", clause = "test",
  run = function(c)
    local s = string.rep("a", 20000)
    return pass(tostring(s:find(".-.-.-.-b")))
  end }
check { id = "hostile.trim", title = "trim a long text", clause = "test",
  run = function(c)
    local s = "  " .. string.rep("健康医疗数据 ", 2000) .. "  "
    local t = s:match("^%s*(.-)%s*$")
    local n = select(2, s:gsub("%s+", " "))
    local g = 0
    for w in s:gmatch("%S+") do g = g + 1 end
    return pass(#t .. " " .. n .. " " .. g .. " " .. tostring(s:find("数据", 1, true)) .. " " .. tostring(("x.y"):find(".", 1, true)))
  end }
check { id = "hostile.longset", title = "a pattern as long as the text", clause = "test",
  run = function(c)
    local s = string.rep("b", 200000)
    return pass(tostring(s:find("[" .. string.rep("a", 100000) .. "]*x")))
  end }
