-- Per-dossier benchmark check: of the dossiers received online in the period, the share resolved by their
-- due day. Reads four fields of every dossier: received_at, channel, resolved_at, due_at (days "YYYY-MM-DD").
return function(ctx)
  local first, last = ctx.period.start, ctx.period["end"]
  local online, on_time = 0, 0
  for d in dossiers() do
    local r = d.received_at
    if r and r >= first and r <= last and d.channel == "online" then
      online = online + 1
      local done = d.resolved_at
      if done and done <= d.due_at then on_time = on_time + 1 end
    end
  end
  if online == 0 then return nil end
  return {value = on_time / online, numerator = on_time, denominator = online}
end
