import CLua

/// Conversions between `LuaValue` and the Lua stack. Only non-raising API calls are used: raw table access,
/// no metamethods, `lua_tolstring` only on strings. Pushing happens outside any protected call while the
/// memory cap is off, so it can fail only if the process itself is out of memory.
enum LuaStack {
    /// Nesting depth beyond which a table read back from Lua is refused (catches cycles).
    static let maxDepth = 100

    struct ConversionError: Error {
        var message: String
    }

    static func push(_ L: OpaquePointer, _ value: LuaValue) {
        guard lua_checkstack(L, 3) != 0 else { return }
        switch value {
        case .null: lua_pushnil(L)
        case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let n): lua_pushnumber(L, n)
        case .string(let s): pushString(L, s)
        case .list(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                push(L, item)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        case .table(let pairs):
            lua_createtable(L, 0, Int32(clamping: pairs.count))
            for (key, item) in pairs where item != .null {
                pushString(L, key)
                push(L, item)
                lua_rawset(L, -3)
            }
        }
    }

    static func pushString(_ L: OpaquePointer, _ s: String) {
        var s = s
        s.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// The value at `index` (absolute or relative), with tables converted recursively.
    static func read(_ L: OpaquePointer, _ index: Int32, depth: Int = 0) throws(ConversionError) -> LuaValue {
        let index = lua_absindex(L, index)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .null
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            return lua_isinteger(L, index) != 0 ? .integer(Int64(clua_tointeger(L, index)))
                : .number(clua_tonumber(L, index))
        case LUA_TSTRING: return .string(string(L, index))
        case LUA_TTABLE: return try table(L, index, depth: depth + 1)
        case let t: throw ConversionError(message: "unsupported return type \(String(cString: lua_typename(L, t)))")
        }
    }

    static func string(_ L: OpaquePointer, _ index: Int32) -> String {
        var len = 0
        guard let p = clua_tolstring(L, index, &len) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
    }

    private enum Key {
        case int(Int64)
        case text(String)
    }

    private static func table(_ L: OpaquePointer, _ index: Int32, depth: Int) throws(ConversionError) -> LuaValue {
        guard depth <= maxDepth else { throw ConversionError(message: "table nested deeper than \(maxDepth) levels") }
        guard lua_checkstack(L, 4) != 0 else { throw ConversionError(message: "Lua stack exhausted") }
        var entries: [(Key, LuaValue)] = []
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let key: Key
            switch lua_type(L, -2) {
            case LUA_TSTRING: key = .text(string(L, -2))
            case LUA_TNUMBER where lua_isinteger(L, -2) != 0: key = .int(Int64(clua_tointeger(L, -2)))
            case LUA_TNUMBER: key = .text(numberText(L, -2))
            case let t:
                clua_pop(L, 2)
                throw ConversionError(message: "unsupported table key type \(String(cString: lua_typename(L, t)))")
            }
            do {
                entries.append((key, try read(L, -1, depth: depth)))
            } catch {
                clua_pop(L, 2)
                throw error
            }
            clua_pop(L, 1)
        }
        return shape(entries)
    }

    /// A sequence 1...n becomes a list; anything else a table with string keys in bytewise order.
    private static func shape(_ entries: [(Key, LuaValue)]) -> LuaValue {
        var items = [LuaValue](repeating: .null, count: entries.count)
        var isList = true
        for (key, value) in entries {
            guard case .int(let i) = key, i >= 1, i <= Int64(entries.count) else { isList = false; break }
            items[Int(i - 1)] = value
        }
        if isList { return .list(items) }
        let pairs = entries.map { entry -> (String, LuaValue) in
            switch entry.0 {
            case .int(let i): return (String(i), entry.1)
            case .text(let s): return (s, entry.1)
            }
        }
        return .table(pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
    }

    /// A float key as Lua's tostring writes it ("1.5"): converts a copy, never the key lua_next needs.
    private static func numberText(_ L: OpaquePointer, _ index: Int32) -> String {
        lua_pushvalue(L, index)
        defer { clua_pop(L, 1) }
        return string(L, -1)
    }
}
