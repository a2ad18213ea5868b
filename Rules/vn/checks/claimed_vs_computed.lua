-- Tự đánh giá vs dữ liệu hệ thống (claimed vs computed): a rate a unit reports about itself against the same
-- rate computed from its dossiers. Shared by every plan: reference it as ../../vn/checks/claimed_vs_computed.lua
-- (or as deep as the plan sits) with params {indicator = <percent indicator>, metric = <standard metric>}.
-- Returns the absolute gap (a fraction); the plan's `expect` sets the tolerance, e.g. "<= 2%". With
-- params.tolerance (the same fraction) a gap beyond it also gets a finding that shows both figures.
return function(ctx)
  local p = ctx.params
  local claimed, computed = ctx.indicators[p.indicator], ctx.metrics[p.metric]
  if claimed == nil or computed == nil then return nil end   -- nothing claimed, or no dossiers: nothing to compare
  local gap = math.abs(claimed - computed)
  local function pct(x) return string.format("%.1f%%", x * 100) end
  if p.tolerance and gap > p.tolerance then finding{
    severity = "note",
    message = "đơn vị tự đánh giá " .. p.indicator .. " = " .. pct(claimed) .. ", dữ liệu hệ thống cho " .. pct(computed),
    message_en = "unit claims " .. p.indicator .. " = " .. pct(claimed) .. ", the dossiers give " .. pct(computed),
    subject = p.metric, value = claimed, expected = computed,
  } end
  return gap
end
