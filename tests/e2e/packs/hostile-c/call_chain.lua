check { id = "hc.call_chain", title = "t", clause = "t", run = function(c)
  local head = {}
  local cur = head
  for i = 1, 100000 do
    local nxt = {}
    setmetatable(cur, {__call = nxt})
    cur = nxt
  end
  return pass("built")
end }
