-- Plain Lua peer (runs under Lua 5.4 and LuaJIT): the contract's nine metrics and three violation lists
-- per unit and in total, for 2025 with as_of = 2025-12-31 (rules in common.py).
--   lua5.4 metrics.lua DATA_DIR OUT.json      luajit metrics.lua DATA_DIR OUT.json
-- A CSV reader (RFC 4180, BOM, CRLF) and date parsing by hand; exact spellings hit lookup tables, anything
-- else (padding, case) takes the slow path that trims and lowercases as the contract says.
local data, out_path = arg[1], arg[2]
-- The row loop branches a lot: LuaJIT's default machine-code area fills and flushes every trace over and over.
if jit then require("jit.opt").start("maxmcode=16384", "maxtrace=4000", "maxside=400", "maxsnap=2000") end
local START, END_, AS_OF = 20089, 20453, 20453             -- days since 1970-01-01
local floor, byte, sub, find, match, lower = math.floor, string.byte, string.sub, string.find, string.match, string.lower
local METRICS = { "on_time_rate", "online_rate", "fully_online_rate", "digitization_rate", "e_result_rate",
  "reuse_rate", "online_payment_rate", "portal_sync_rate", "satisfaction_rate" }
local VIOLATIONS = { "late_without_apology", "closed_before_result", "not_synced" }

local function trim(s)
  local a, b = byte(s, 1), byte(s, -1)
  if a == 32 or a == 9 or b == 32 or b == 9 then return (match(s, "^[ \t]*(.-)[ \t]*$")) end
  return s
end

local TRUE = { ["true"] = true, ["1"] = true, ["yes"] = true, ["có"] = true }
local FLAG = { ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false, [""] = false, ["có"] = true, ["không"] = false }
local function flag(v)
  local b = FLAG[v]
  if b == nil then b = TRUE[lower(trim(v))] or false end
  return b
end

local function days_from_civil(y, m, d)                     -- proleptic Gregorian, H. Hinnant's algorithm
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local doy = floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy - 719468
end

-- day in UTC+07:00 and instant in µs (nil for a date-only value); date-only strings are cached.
local day_cache = {}
local function parse_date(s)
  if s == "" then return nil, nil end
  local day = day_cache[s]
  if day then return day, nil end
  local t = trim(s)
  if t == "" then return nil, nil end
  local y, m, d = match(t, "^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then d, m, y = match(t, "^(%d%d?)/(%d%d?)/(%d%d%d%d)$") end
  if y then
    day = days_from_civil(tonumber(y), tonumber(m), tonumber(d))
    day_cache[s] = day
    return day, nil
  end
  local hh, mi, rest
  y, m, d, hh, mi, rest = match(t, "^(%d%d%d%d)%-(%d%d)%-(%d%d)[T ](%d%d):(%d%d)(.*)$")
  local ss, frac, tz = match(rest, "^:(%d%d)%.?(%d*)(.*)$")
  if not ss then ss, frac, tz = "0", "", rest end
  local off = 420
  if tz == "Z" then off = 0
  elseif tz ~= "" then
    local sign, oh, om = match(tz, "^([+-])(%d%d):(%d%d)$")
    off = (tonumber(oh) * 60 + tonumber(om)) * (sign == "-" and -1 or 1)
  end
  local secs = days_from_civil(tonumber(y), tonumber(m), tonumber(d)) * 86400
    + tonumber(hh) * 3600 + tonumber(mi) * 60 + tonumber(ss) - off * 60
  local us = secs * 1000000 + (frac ~= "" and tonumber(sub(frac .. "000000", 1, 6)) or 0)
  return floor((us + 25200000000) / 86400000000), us
end

local function after(ad, au, bd, bu)                        -- a later than b; both days present
  if au and bu then return au > bu end
  return ad > bd
end

-- RFC 4180 record from a line that holds a quote; pulls more lines while a quoted field is open.
local function split_quoted(line, next_line, f)
  local n, pos, len = 0, 1, #line
  while true do
    n = n + 1
    if byte(line, pos) == 34 then
      local buf, i = {}, pos + 1
      while true do
        local q = find(line, '"', i, true)
        while not q do
          buf[#buf + 1] = sub(line, i) .. "\n"
          line, i = next_line(), 1
          q = find(line, '"', 1, true)
        end
        buf[#buf + 1] = sub(line, i, q - 1)
        if byte(line, q + 1) == 34 then buf[#buf + 1] = '"'; i = q + 2 else pos = q + 1; break end
      end
      f[n] = table.concat(buf)
      len = #line
      if pos > len then return n end
      pos = pos + 1                                         -- the comma after the closing quote
    else
      local c = find(line, ",", pos, true)
      if not c then f[n] = sub(line, pos); return n end
      f[n] = sub(line, pos, c - 1)
      pos = c + 1
    end
  end
end

local units, unit_index = {}, {}
for l in io.lines(data .. "/units.yaml") do
  local id = match(l, "^  %- id: (%S+)%s*$")
  if id then units[#units + 1] = id end
end
local function new_acc()
  local a = { received = 0, resolved = 0, n = {}, d = {}, v = { {}, {}, {} } }
  for i = 1, 9 do a.n[i], a.d[i] = 0, 0 end
  return a
end
for i, id in ipairs(units) do unit_index[id] = new_acc() end

local file = assert(io.open(data .. "/dossiers.csv", "rb"))
local lines = file:lines()
local header = lines()
if sub(header, 1, 3) == "\239\187\191" then header = sub(header, 4) end
if byte(header, -1) == 13 then header = sub(header, 1, -2) end
local col, f = {}, {}
local nh = split_quoted(header, lines, f)
for i = 1, nh do col[trim(f[i])] = i end
local C_ID, C_UNIT, C_RECV, C_DUE, C_RES, C_CLOSED = col.id, col.unit_id, col.received_at, col.due_at, col.resolved_at, col.closed_at
local C_CHAN, C_FULLY, C_DIGIT, C_ERES, C_REUSE = col.channel, col.fully_online, col.digitized, col.e_result, col.data_reused
local C_FEE, C_PAID, C_SYNC, C_APOL, C_SAT = col.fee_required, col.paid_online, col.synced_to_portal, col.apology_issued, col.satisfaction
-- One string.match with a capture per column is the fastest split plain Lua has (rows without quotes);
-- the function that stores the captures is generated for the header's column count.
local function make_split(n)
  if n > 32 then return function() return 0 end end       -- more columns than Lua captures: the general reader
  local caps, stores = {}, {}
  for i = 1, n do caps[i], stores[i] = "c" .. i, "f[" .. i .. "] = c" .. i end
  local src = "local match, pattern = ... return function(line, f) local " .. table.concat(caps, ", ")
    .. " = match(line, pattern) if c1 == nil then return 0 end " .. table.concat(stores, " ") .. " return " .. n .. " end"
  return assert((loadstring or load)(src))(match, "^" .. string.rep("([^,]*),", n - 1) .. "([^,]*)$")
end
-- LuaJIT compiles plain string.find and string.sub but not captures: it gets a loop instead.
local function split_find(line, f)
  local pos, n = 1, 0
  while true do
    local c = find(line, ",", pos, true)
    n = n + 1
    if not c then f[n] = sub(line, pos); return n end
    f[n] = sub(line, pos, c - 1)
    pos = c + 1
  end
end
local split_plain = jit and split_find or make_split(nh)
local SAT = { [""] = 0, ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4, ["5"] = 5 }

for line in lines do
  if byte(line, -1) == 13 then line = sub(line, 1, -2) end
  local b1 = byte(line, 1)
  if b1 and (b1 ~= 32 and b1 ~= 9 or not find(line, "^[ \t]*$")) then   -- blank lines are not records
    if find(line, '"', 1, true) or split_plain(line, f) ~= nh then split_quoted(line, lines, f) end
    local a = unit_index[f[C_UNIT]] or unit_index[trim(f[C_UNIT])]
    local x, ru, du, su = f[C_RECV], nil, nil, nil               -- cached date-only values skip parse_date
    local rd = day_cache[x]
    if not rd then rd, ru = parse_date(x) end
    x = f[C_DUE]
    local dd = day_cache[x]
    if not dd then dd, du = parse_date(x) end
    x = f[C_RES]
    local sd = day_cache[x]
    if not sd then sd, su = parse_date(x) end
    local n, d = a.n, a.d
    local recv_in = rd and rd >= START and rd <= END_
    local res_in = sd and sd >= START and sd <= END_
    if recv_in then
      a.received = a.received + 1
      local ch = f[C_CHAN]
      local online = ch == "online" or (ch ~= "direct" and ch ~= "postal" and lower(trim(ch)) == "online")
      d[2] = d[2] + 1
      if online then
        n[2] = n[2] + 1
        d[3] = d[3] + 1
        if flag(f[C_FULLY]) then n[3] = n[3] + 1 end
      end
      d[4] = d[4] + 1
      if flag(f[C_DIGIT]) then n[4] = n[4] + 1 end
      d[6] = d[6] + 1
      if flag(f[C_REUSE]) then n[6] = n[6] + 1 end
      if flag(f[C_FEE]) then
        d[7] = d[7] + 1
        if flag(f[C_PAID]) then n[7] = n[7] + 1 end
      end
      d[8] = d[8] + 1
      if flag(f[C_SYNC]) then n[8] = n[8] + 1 end
      local s = SAT[f[C_SAT]] or SAT[trim(f[C_SAT])]
      if s > 0 then
        d[9] = d[9] + 1
        if s >= 4 then n[9] = n[9] + 1 end
      end
    end
    local late = false
    if res_in then
      a.resolved = a.resolved + 1
      late = dd ~= nil and after(sd, su, dd, du)
      d[1] = d[1] + 1
      if not late then n[1] = n[1] + 1 end
      d[5] = d[5] + 1
      if flag(f[C_ERES]) then n[5] = n[5] + 1 end
      if not flag(f[C_SYNC]) then local v = a.v[3]; v[#v + 1] = trim(f[C_ID]) end
    end
    if not flag(f[C_APOL]) and (late or (rd and rd <= AS_OF and dd and dd < AS_OF and (not sd or sd > AS_OF))) then
      local v = a.v[1]; v[#v + 1] = trim(f[C_ID])
    end
    x = f[C_CLOSED]
    local cd, cu = day_cache[x], nil
    if not cd then cd, cu = parse_date(x) end
    if cd and cd >= START and cd <= END_ and (not sd or after(sd, su, cd, cu)) then
      local v = a.v[2]; v[#v + 1] = trim(f[C_ID])
    end
  end
end
file:close()

local total = new_acc()
local function q(s) return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", byte(c)) end) .. '"' end
local function block(a)
  local parts = { '"received":' .. a.received, '"resolved":' .. a.resolved }
  local counts, rates = {}, {}
  for i, m in ipairs(METRICS) do
    counts[i] = q(m) .. ":[" .. a.n[i] .. "," .. a.d[i] .. "]"
    rates[i] = q(m) .. ":" .. (a.d[i] > 0 and string.format("%.17g", a.n[i] / a.d[i]) or "null")
  end
  parts[#parts + 1] = '"counts":{' .. table.concat(counts, ",") .. "}"
  parts[#parts + 1] = '"metrics":{' .. table.concat(rates, ",") .. "}"
  local vs = {}
  for k, name in ipairs(VIOLATIONS) do
    table.sort(a.v[k])
    local ids = {}
    for i, id in ipairs(a.v[k]) do ids[i] = q(id) end
    vs[k] = q(name) .. ":[" .. table.concat(ids, ",") .. "]"
  end
  parts[#parts + 1] = '"violations":{' .. table.concat(vs, ",") .. "}"
  return "{" .. table.concat(parts, ",") .. "}"
end
local o = assert(io.open(out_path, "wb"))
o:write('{"units":{')
for i, id in ipairs(units) do
  local a = unit_index[id]
  total.received, total.resolved = total.received + a.received, total.resolved + a.resolved
  for k = 1, 9 do total.n[k], total.d[k] = total.n[k] + a.n[k], total.d[k] + a.d[k] end
  for k = 1, 3 do for _, v in ipairs(a.v[k]) do total.v[k][#total.v[k] + 1] = v end end
  o:write((i > 1 and "," or "") .. q(id) .. ":" .. block(a))
end
o:write('},"total":' .. block(total) .. "}")
o:close()
