import CLua
import LuaShim

/// One sandboxed Lua 5.4 state that compiles and runs check scripts.
///
/// Not thread-safe: create one per worker thread, on that thread, and keep it there. Everything that can raise a
/// Lua error runs in C (LuaShim) inside a protected call; this class only pushes and reads values around it.
/// After a failed compile or run the state is reset (stack, findings, full GC) and stays usable.
///
/// Sandbox policy (modelled on Redis' script_lua.c):
/// - Libraries: base, table, string, math, utf8, plus `pc.days`/`pc.iso`, `finding`, `dossiers`, `dossier_count`
///   (the last three also as `ctx.finding`, … — they overwrite same-named keys of the context).
/// - Reading `io os debug package require load loadfile dofile collectgarbage print coroutine string.dump` (and
///   the 5.1 names loadstring/setfenv/getfenv/module) raises `.forbidden`; other unknown globals are nil.
/// - Text chunks only; a precompiled chunk is `.forbidden` (not `.badScript`: it is refused, not misshaped).
/// - Each run: a fresh `_ENV` (`_G` is that table) whose reads fall through to one shared library table;
///   string/table/math/utf8/pc are empty read-only proxies (writes raise `.forbidden`, `pairs` works).
///   `rawset` refuses those proxies; `rawget` stays (it only sees the empty proxy). `getmetatable("")` is false.
/// - `setmetatable` refuses `__gc`: a finalizer would run later, outside any budget.
/// - `math.random` is reseeded with 0 before every run, so results never depend on which thread ran a unit.
/// - Work inside single C calls spends the instruction budget too: `string.find/match/gmatch/gsub` run on the
///   shim's own matcher (lstrlib's semantics) that charges every step, so catastrophic backtracking is a
///   `.timeout` "… in string.find"; table.insert/remove/sort/move/concat charge the elements they shift, sort or
///   join (and refuse spans over 2^23); `string.rep` of an empty string returns at once. The wall-clock limit is
///   read inside the matcher as well.
/// - `xpcall` handlers are skipped once the budget is spent (they would run inside the hook, where Lua disables it).
/// - `pairs` order follows Lua's per-state hash seed: never emit results in `pairs` order without sorting.
public final class LuaSandbox {
    private let box: LuaStateBox
    /// Limits for `compile` and for runs that give none.
    public let budget: LuaBudget

    /// A fresh state with the sandbox libraries (base, table, string, math, utf8, pc, dossiers, finding).
    public init(budget: LuaBudget = .init()) {
        box = LuaStateBox()
        self.budget = budget
    }

    /// Loads `source` (text only; `chunkName` is the path shown in errors), runs its top level once in a fresh
    /// environment and checks that it returns a function(ctx); anything else is `.badScript`.
    public func compile(source: String, chunkName: String) -> Result<LuaChunk, LuaError> {
        let L = box.L
        let top = lua_gettop(L)
        var ref: Int32 = 0
        var text = source
        let status = text.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) {
                luashim_compile(L, $0.baseAddress, $0.count, chunkName, budget.c, &ref)
            }
        }
        guard Int(status) == LS_OK else {
            let error = Self.error(L, status, file: chunkName)
            luashim_reset(L, top, 1)
            return .failure(error)
        }
        lua_settop(L, top)
        return .success(LuaChunk(box: box, ref: ref, chunkName: chunkName))
    }

    /// Parses `source` as a text chunk without running anything: nil when it is valid Lua.
    public static func checkSyntax(source: String, chunkName: String) -> LuaError? {
        let box = LuaStateBox()
        var text = source
        let status = text.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { luashim_load_only(box.L, $0.baseAddress, $0.count, chunkName) }
        }
        return Int(status) == LS_OK ? nil : error(box.L, status, file: chunkName)
    }

    /// Runs `chunk` once: its top level is re-executed in a fresh environment (so neither globals nor top-level
    /// locals survive from one run to the next), then the returned function is called with `context` as ctx.
    /// `records` is what `dossiers()` iterates; its memory must stay valid until this returns.
    public func run(_ chunk: LuaChunk, context: LuaValue, records: LuaRecordView? = nil,
                    budget: LuaBudget? = nil) -> LuaRunResult {
        guard chunk.box === box else {
            let error = LuaError(kind: .badScript, message: "the chunk was compiled by another sandbox",
                                 file: chunk.chunkName, line: nil)
            return LuaRunResult(value: .null, findings: [], error: error, memoryPeak: 0)
        }
        let L = box.L
        let top = lua_gettop(L)
        LuaStack.push(L, context)
        let status = luashim_run(L, chunk.ref, records?.pointer, (budget ?? self.budget).c)
        let peak = Int(luashim_memory_peak(L))
        guard Int(status) == LS_OK else {
            let error = Self.error(L, status, file: chunk.chunkName)
            luashim_reset(L, top, 1)
            return LuaRunResult(value: .null, findings: [], error: error, memoryPeak: peak)
        }
        defer { luashim_reset(L, top, 0) }
        do {
            let value = try LuaStack.read(L, -1)
            return LuaRunResult(value: value, findings: try Self.findings(L), error: nil, memoryPeak: peak)
        } catch {
            let error = LuaError(kind: .badScript, message: error.message, file: chunk.chunkName, line: nil)
            return LuaRunResult(value: .null, findings: [], error: error, memoryPeak: peak)
        }
    }

    /// Heap bytes the state uses now (libraries, compiled chunks, live data).
    public var memoryInUse: Int { Int(luashim_memory_used(box.L)) }

    /// The findings list the run left in the registry, in call order.
    private static func findings(_ L: OpaquePointer) throws(LuaStack.ConversionError) -> [LuaFindingRecord] {
        guard luashim_push_findings(L) == LUA_TTABLE else { return [] }
        defer { clua_pop(L, 1) }
        var records: [LuaFindingRecord] = []
        let count = lua_rawlen(L, -1)
        guard count > 0 else { return [] }
        for i in 1...count {
            lua_rawgeti(L, -1, lua_Integer(i))
            defer { clua_pop(L, 1) }
            _ = clua_rawgetfield(L, -1, "fields")
            let fields = try LuaStack.read(L, -1)
            clua_pop(L, 1)
            let line = clua_rawgetfield(L, -1, "line") == LUA_TNUMBER ? Int(clua_tointeger(L, -1)) : nil
            clua_pop(L, 1)
            records.append(LuaFindingRecord(fields: fields, line: line))
        }
        return records
    }

    /// The error for a failed LuaShim call, from the message at the top of the stack.
    static func error(_ L: OpaquePointer, _ status: Int32, file: String) -> LuaError {
        let message = lua_type(L, -1) == LUA_TSTRING ? LuaStack.string(L, -1) : "unknown error"
        let errLine = Int(luashim_error_line(L))
        let line = errLine > 0 ? errLine : nil
        switch Int(status) {
        case LS_ERR_SYNTAX: return .fromLua(message, kind: .syntax, file: file, fallbackLine: nil)
        case LS_ERR_TIMEOUT: return LuaError(kind: .timeout, message: message, file: file, line: line)
        case LS_ERR_MEMORY: return LuaError(kind: .memory, message: message, file: file, line: nil)
        case LS_ERR_BINARY:
            return LuaError(kind: .forbidden, message: "forbidden: precompiled (binary) chunks are not accepted; "
                + "give Lua source text", file: file, line: nil)
        case LS_ERR_NOT_FUNCTION:
            return LuaError(kind: .badScript, message: "the script must return a function(ctx), but returned "
                + "a \(message) value", file: file, line: nil)
        default: return .fromLua(message, kind: .runtime, file: file, fallbackLine: line)
        }
    }
}
