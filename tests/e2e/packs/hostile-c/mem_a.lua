check { id = "hc.mem_a", title = "leaves 30 MB of garbage", clause = "test",
  run = function(c)
    local t = {}
    for i = 1, 30 do t[i] = ("a"):rep((1 << 20) + i) end
    return pass("made " .. #t)
  end }
