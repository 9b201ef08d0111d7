check { id = "hc.find_plain", title = "a plain search that is quadratic in Lua", clause = "test",
  run = function(c)
    local hay, needle = ("a"):rep(2e6), ("a"):rep(1e5) .. "b"
    return pass(tostring(hay:find(needle, 1, true)) .. " " .. tostring(hay:find("aab")))
  end }
