check { id = "hc.mem_b", title = "needs 40 MB after mem_a", clause = "test",
  run = function(c)
    local t = {}
    for i = 1, 40 do t[i] = ("b"):rep((1 << 20) + i) end
    return pass("made " .. #t)
  end }
