check { id = "hc.mem_a", title = "leaves 40 MB of garbage", clause = "test",
  run = function(c)
    local t = {}
    for i = 1, 40 do t[i] = ("a"):rep(1 << 20) .. i end
    return pass("made " .. #t)
  end }
