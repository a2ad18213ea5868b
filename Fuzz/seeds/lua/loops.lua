return function(ctx)
  local co = pcall(function() return coroutine end)
  local ok = pcall(function() while true do end end)
  return ok
end
