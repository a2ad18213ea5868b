import CLua
import LuaRuntime

/// Runs one pattern call in the sandbox (shim matcher) and in a plain Lua state (stock lstrlib) and compares.
/// Input: byte 0 picks the call, byte 1 the start position, byte 2 the pattern length (≤ 12, so stock Lua's
/// backtracking stays short); then the pattern, then the subject (≤ 32 bytes). Strings cross as hex, so any
/// byte can appear.
enum PatternOracle {
    nonisolated(unsafe) static var reference: OpaquePointer?
    nonisolated(unsafe) static var referenceFn: Int32 = 0
    nonisolated(unsafe) static var sandbox: LuaSandbox?
    nonisolated(unsafe) static var chunk: LuaChunk?

    static let source = """
        local function unhex(h) return (h:gsub('%x%x', function(x) return string.char(tonumber(x, 16)) end)) end
        local function show(...)
          local out = {}
          for i = 1, select('#', ...) do local v = select(i, ...) out[#out + 1] = type(v) .. ':' .. tostring(v) end
          return table.concat(out, ',')
        end
        local repl = {a = 'A', [''] = 'E', b = false, c = 12}
        return function(ctx)
          local op, s, p, init = ctx.op, unhex(ctx.s), unhex(ctx.p), ctx.init
          local ok, r = pcall(function()
            if op == 0 then return show(string.find(s, p, init))
            elseif op == 1 then return show(string.match(s, p, init))
            elseif op == 2 then
              local acc = {}
              for a, b in string.gmatch(s, p, init) do acc[#acc + 1] = show(a, b) if #acc > 64 then break end end
              return table.concat(acc, ';')
            elseif op == 3 then return show(string.gsub(s, p, '<%0|%1>'))
            elseif op == 4 then return show(string.gsub(s, p, function(a, b) return tostring(a) .. '|' .. tostring(b) end))
            elseif op == 5 then return show(string.gsub(s, p, repl, init))
            else return show(string.find(s, p, init, true)) end
          end)
          return (ok and 'ok ' or 'error ') .. tostring(r)
        end
        """

    static func setUp() {
        let sandbox = LuaSandbox(budget: LuaBudget(instructions: 5_000_000, memoryBytes: 16 << 20, seconds: 5))
        guard case .success(let c) = sandbox.compile(source: source, chunkName: "oracle.lua") else { Harness.fail("oracle") }
        self.sandbox = sandbox
        chunk = c
        guard let L = luaL_newstate() else { Harness.fail("luaL_newstate") }
        luaL_openlibs(L)
        guard luaL_loadbufferx(L, source, source.utf8.count, "=oracle.lua", "t") == LUA_OK,
              lua_pcallk(L, 0, 1, 0, 0, nil) == LUA_OK else { Harness.fail("reference oracle") }
        referenceFn = luaL_ref(L, CLUA_REGISTRYINDEX)
        reference = L
    }

    static func compare(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 3, let sandbox, let chunk, let R = reference else { return }
        let op = Int64(bytes[0] % 7), initPos = Int64(Int8(bitPattern: bytes[1]) % 40)
        let plen = min(Int(bytes[2] % 13), bytes.count - 3)
        let p = hex(bytes[3..<(3 + plen)]), s = hex(bytes[(3 + plen)...].prefix(32))
        let ours = sandbox.run(chunk, context: .table([("op", .integer(op)), ("s", .string(s)), ("p", .string(p)),
                                                       ("init", .integer(initPos))]))
        if let error = ours.error {
            if error.kind == .timeout || error.kind == .memory { return }   // stock Lua has no budget to compare
            Harness.fail("oracle script failed in the sandbox: \(error)")
        }
        let theirs = run(R, op: op, s: s, p: p, initPos: initPos)
        guard case .string(let mine) = ours.value, mine == theirs else {
            Harness.fail("op \(op) init \(initPos) p \(p) s \(s):\n  shim:  \(ours.value)\n  stock: \(theirs)")
        }
    }

    private static func run(_ L: OpaquePointer, op: Int64, s: String, p: String, initPos: Int64) -> String {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(referenceFn))
        lua_createtable(L, 0, 4)
        lua_pushinteger(L, op); lua_setfield(L, -2, "op")
        lua_pushinteger(L, initPos); lua_setfield(L, -2, "init")
        lua_pushstring(L, s); lua_setfield(L, -2, "s")
        lua_pushstring(L, p); lua_setfield(L, -2, "p")
        guard lua_pcallk(L, 1, 1, 0, 0, nil) == LUA_OK else { return "reference failed" }
        var len = 0
        guard let text = clua_tolstring(L, -1, &len) else { return "reference returned no string" }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: len), as: UTF8.self)
    }

    private static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
