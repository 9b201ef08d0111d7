check { id = "hc.no_addresses", title = "t", clause = "t", run = function(c)
  return pass("token " .. tostring(pass("")) .. " " .. string.format("%s", {}) .. " " .. tostring(print))
end }
