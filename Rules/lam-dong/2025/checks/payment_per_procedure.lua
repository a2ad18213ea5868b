-- I.6.a: "100% TTHC đang triển khai thanh toán trực tuyến có giao dịch thanh toán trực tuyến
-- trong trường hợp có phát sinh giao dịch thanh toán."
-- A procedure "has payment transactions" when one of the unit's dossiers received in the period
-- carries a fee; it passes when at least `min_paid_online` of those were paid online.
return function(ctx)
  local first, last = ctx.period.start, ctx.period["end"]
  local need = ctx.params.min_paid_online or 1
  local paid, seen = {}, {}
  for d in dossiers{fee_required = true} do   -- most dossiers carry no fee: skipped before Lua sees them
    local r = d.received_at
    local p = d.procedure_id
    if p and r >= first and r <= last then
      seen[p] = true
      if d.paid_online then paid[p] = (paid[p] or 0) + 1 end
    end
  end
  local procedures = {}
  for p in pairs(seen) do procedures[#procedures + 1] = p end
  if #procedures == 0 then return nil end   -- no fee-bearing dossier: not applicable
  table.sort(procedures)                     -- pairs() has no order; findings must be deterministic
  local ok = 0
  for _, p in ipairs(procedures) do
    local n = paid[p] or 0
    if n >= need then
      ok = ok + 1
    else
      finding{
        message = "TTHC " .. p .. " có phát sinh nghĩa vụ tài chính nhưng chỉ có " .. n .. " giao dịch thanh toán trực tuyến",
        message_en = "procedure " .. p .. " has fee-bearing dossiers but only " .. n .. " online payments",
        subject = p, value = n, expected = ">= " .. need,
      }
    end
  end
  return {value = ok / #procedures, numerator = ok, denominator = #procedures}
end
