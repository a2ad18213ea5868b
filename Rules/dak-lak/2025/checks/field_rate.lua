-- checks/field_rate.lua (Rules/dak-lak/2025): a standard dossier rate restricted to some fields (lĩnh vực).
-- Used for II.5 "Tăng tỷ lệ giải quyết hồ sơ TTHC đúng hạn …, đặc biệt là lĩnh vực đất đai" and
-- II.10 "mức độ hài lòng về giải quyết các TTHC lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 85%".
-- params: fields = list of `field` codes (e.g. {"dat_dai"}); rate = "on_time" or "satisfaction".
--   on_time:      resolved in period with resolved_at <= due_at ÷ resolved in period   (as on_time_rate)
--   satisfaction: received in period rated >= 4 ÷ received in period with a rating    (as satisfaction_rate)
-- Returns nil (not applicable) when the unit has no such dossier in the period.
return function(ctx)
  local p = ctx.params
  local wanted = {}
  for _, f in ipairs(p.fields or {}) do wanted[f] = true end
  local s, e = ctx.period.start, ctx.period["end"]
  local num, den = 0, 0
  for d in dossiers() do
    if d.field and wanted[d.field] then
      if p.rate == "on_time" then
        if d.resolved_at and d.resolved_at >= s and d.resolved_at <= e then
          den = den + 1
          if d.due_at and d.resolved_at <= d.due_at then num = num + 1 end
        end
      elseif p.rate == "satisfaction" then
        if d.received_at and d.received_at >= s and d.received_at <= e and d.satisfaction then
          den = den + 1
          if d.satisfaction >= 4 then num = num + 1 end
        end
      else
        error("params.rate must be 'on_time' or 'satisfaction'")
      end
    end
  end
  if den == 0 then return nil end
  return {value = num / den, numerator = num, denominator = den}
end
