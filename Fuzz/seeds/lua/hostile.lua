local t = setmetatable({}, {__index = function(t, k) return k .. k end, __tostring = function() return "x" end})
return function(ctx)
  local s = string.rep("a", 30)
  pcall(string.find, s, ("a*"):rep(9) .. "b")
  for w in ("a,b,,c"):gmatch("([^,]*)") do finding{message = w} end
  local n = select(2, ("hello world"):gsub("%w+", {hello = "xin chào"}))
  return {n, tostring(t), t.x, #s}
end
