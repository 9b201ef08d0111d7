-- On a fixture case, as on a real one, reading a field that no case has is an error naming
-- it; fields that are absent (NULL) read as nil. Both checks apply to FX-STRICT only.
local function ours(c) return c.number == "FX-STRICT" end
check { id = "strict.read", title = "reads c.applicant.nmae", clause = "test", applies = ours,
  run = function(c)
    if c.applicant.nmae then return fail("never") end
    return pass("read")
  end }
check { id = "strict.list", title = "reads c.materials.kind", clause = "test", applies = ours,
  run = function(c) return pass(tostring(c.materials.kind)) end }
check { id = "strict.ok", title = "reads fields that are absent", clause = "test", applies = ours,
  run = function(c)
    return pass(tostring(c.applicant.legal_rep) .. " " .. tostring(c.resource.purpose) .. " "
      .. tostring(c.rights[1].restrictions) .. " " .. tostring(c.rights[1].holder.kind) .. " "
      .. tostring(c.materials[1].note) .. " " .. tostring(c.materials[99]) .. " "
      .. tostring(c.counterparty) .. " " .. tostring(c.applicant.records[1]))
  end }
check { id = "strict.as_of", title = "the base's as_of is no field of the case", clause = "test",
  applies = ours, run = function(c) return pass(tostring(c.as_of)) end }
